"""An exercise that checks a learner's answer with tolerance and says why it is wrong."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping, Sequence

import numpy as np

MIN_DIGITS = 3  # a rounded answer counts when it keeps at least this many significant figures


class Feedback:
    """The verdict of a check: truthy when right, shown as a sentence in a notebook."""

    def __init__(self, ok: bool, message: str):
        self.ok = bool(ok)
        self.message = message

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        return ("Correct. " if self.ok else "Not yet. ") + self.message

    def _repr_pretty_(self, p, cycle):
        p.text(repr(self))


class Exercise:
    """A question with one expected answer.

    ``expected`` is a number, a sequence of numbers, a string (compared without case or
    surrounding space), or ``check`` is a function returning (ok, message).
    ``rel_tol`` accepts answers rounded to about four significant figures by default.
    ``mistakes`` maps plausible wrong answers to a message that explains the slip.
    """

    def __init__(
        self,
        question: str,
        expected=None,
        *,
        hint: str,
        solution: str,
        rel_tol: float = 1e-3,
        abs_tol: float = 1e-9,
        mistakes: Mapping | None = None,
        check: Callable[[object], tuple[bool, str]] | None = None,
    ):
        if expected is None and check is None:
            raise ValueError("an Exercise needs an expected answer or a check function")
        self.question = question
        self.expected = expected
        self._hint = hint
        self._solution = solution
        self.rel_tol = rel_tol
        self.abs_tol = abs_tol
        self.mistakes = dict(mistakes or {})
        self._check = check
        self.name = "ex"  # the lesson module renames it after its variable (``ex1``, ...)

    def __repr__(self) -> str:
        return self.question

    def _repr_pretty_(self, p, cycle):
        p.text(self.question)

    def hint(self) -> Feedback:
        return _Text(f"Hint: {self._hint}")

    def solution(self) -> Feedback:
        return _Text(f"Solution: {self._solution}")

    def check(self, answer) -> Feedback:
        """Compare ``answer`` with the expected one; the message says what to look at next."""
        if answer is None or answer is Ellipsis:
            return Feedback(False, "No answer yet: replace the ... with your answer and run "
                                   "the cell again.")
        if self._check is not None:
            ok, message = self._check(answer)
            return Feedback(ok, message)
        try:
            if self._matches(answer, self.expected):
                return Feedback(True, "Well done.")
            digits = self._rounded_digits(answer)
            if digits is not None and digits >= MIN_DIGITS:
                return Feedback(True, f"Well done (to the {digits} significant figures you "
                                      "gave).")
            if digits is not None:
                return Feedback(False, f"Close: that is the answer rounded to {digits} "
                                       f"significant figure(s); give at least {MIN_DIGITS}.")
            for wrong, why in self.mistakes.items():
                if self._matches(answer, wrong):
                    return Feedback(False, why)
        except (TypeError, ValueError) as error:
            return Feedback(False, f"I could not read {answer!r} as an answer: {error}")
        return Feedback(False, f"That is not it; try {self.name}.hint() for a nudge.")

    def _rounded_digits(self, answer) -> int | None:
        """The significant figures of ``answer`` if it is the expected value rounded to them."""
        if self.rel_tol <= 0 or not isinstance(self.expected, numbers.Real) \
                or isinstance(answer, bool) or not isinstance(answer, numbers.Real) \
                or not math.isfinite(float(answer)):
            return None
        mantissa = repr(float(answer)).lstrip("-").split("e")[0]
        digits = len(mantissa.replace(".", "").lstrip("0").rstrip("0")) or 1
        rounded = float(f"{float(self.expected):.{digits}g}")
        return digits if math.isclose(float(answer), rounded, rel_tol=1e-12) else None

    def _matches(self, answer, expected) -> bool:
        if isinstance(expected, str):
            return isinstance(answer, str) and answer.strip().lower() == expected.strip().lower()
        if isinstance(expected, numbers.Real):
            if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
                raise TypeError(f"expected a number, got {type(answer).__name__}")
            return math.isfinite(float(answer)) and math.isclose(
                float(answer), float(expected), rel_tol=self.rel_tol, abs_tol=self.abs_tol)
        if isinstance(expected, Sequence | np.ndarray):
            got = np.asarray(answer, dtype=float)
            want = np.asarray(expected, dtype=float)
            if got.shape != want.shape:
                raise ValueError(f"expected {want.size} numbers, got shape {got.shape}")
            return bool(np.all(np.isfinite(got)) and np.allclose(
                got, want, rtol=self.rel_tol, atol=self.abs_tol))
        raise TypeError(f"cannot compare with an expected answer of type {type(expected)}")


class _Text(Feedback):
    """A hint or solution: shown as-is, with no verdict."""

    def __init__(self, message: str):
        super().__init__(True, message)

    def __repr__(self) -> str:
        return self.message
