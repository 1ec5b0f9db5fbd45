"""Exercises with self-checks: ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``."""

from .._lazy import submodule_loader
from .base import Exercise, Feedback
from .coding import CodeExercise, function_from_code
from .values import ValueCheck

__all__ = ["CodeExercise", "Exercise", "Feedback", "ValueCheck", "function_from_code"]

__getattr__ = submodule_loader(__name__)
