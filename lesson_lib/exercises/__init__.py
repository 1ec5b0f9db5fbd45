"""Exercises with self-checks: ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``."""

from .base import Exercise, Feedback

__all__ = ["Exercise", "Feedback"]


def __getattr__(name):
    # Lesson modules load on first use, e.g. ``ll.exercises.sigmoid...``.
    import importlib

    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"{__name__}.{name}":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        raise
    for variable, value in vars(module).items():
        if isinstance(value, Exercise):
            value.name = variable  # so a message can say "try ex2.hint()"
    return module
