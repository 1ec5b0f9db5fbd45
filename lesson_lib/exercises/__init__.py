"""Exercises with self-checks: ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``."""

from .._lazy import submodule_loader
from .base import Exercise, Feedback

__all__ = ["Exercise", "Feedback"]


def _name_exercises(module) -> None:
    for variable, value in vars(module).items():
        if isinstance(value, Exercise):
            value.name = variable  # so a message can say "try ex2.hint()"


__getattr__ = submodule_loader(__name__, prepare=_name_exercises)
