"""Exercises with self-checks: ``ex.check(answer)``, ``ex.hint()``, ``ex.solution()``."""

from .base import Exercise, Feedback

__all__ = ["Exercise", "Feedback"]
