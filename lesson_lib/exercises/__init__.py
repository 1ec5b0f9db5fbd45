"""Exercises with self-checks: ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``."""

from .._lazy import submodule_loader
from .base import Exercise, Feedback
from .coding import CodeExercise, function_from_code
from .values import ValueCheck

__all__ = ["CodeExercise", "Exercise", "Feedback", "ValueCheck", "function_from_code"]


def _name_exercises(module) -> None:
    for variable, value in vars(module).items():
        if isinstance(value, (Exercise, CodeExercise)):
            value.name = variable  # so a message can say "try ex2.hint()"


__getattr__ = submodule_loader(__name__, prepare=_name_exercises)
