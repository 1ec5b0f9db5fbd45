"""A question with one answer, checked to the precision the question asks for."""

from __future__ import annotations

import inspect
import math
import numbers
import re
import reprlib
import sys
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

FLOAT_FUZZ = 1e-12  # relative: what "exact" allows, and the slack on a rounding window
_DECIMAL = r"(\d+\.?\d*|\.\d+)(e[-+]?\d+)?"
# '0.25', '1e-3', '2/3': a number typed in quotes
NUMBER_TEXT = re.compile(rf"^\s*[-+]?{_DECIMAL}(\s*/\s*{_DECIMAL})?\s*$", re.IGNORECASE)
NO_ANSWER = "No answer yet: replace the ... with your answer and run the cell again."
_short = reprlib.Repr()
_short.maxstring = _short.maxother = 40
short_repr = _short.repr  # an answer quoted in a message: a long list or text is cut short


class Named:
    """What every exercise shares: it shows its question, gives its hint, and knows the
    variable it is stored in (``ex2``), so a message can say "try ex2.hint()" (found in the
    module that created it, whoever imported that module)."""

    question: str
    _hint: str

    def __repr__(self) -> str:
        return self.question

    def _repr_pretty_(self, p, cycle):
        p.text(self.question)

    def hint(self) -> Text:
        return Text(f"Hint: {self._hint}")

    def _remember_module(self) -> None:
        frame = inspect.currentframe()
        while frame is not None and frame.f_globals.get("__name__") in (__name__, _CODING):
            frame = frame.f_back  # out of this package's own constructors
        self._module = frame.f_globals.get("__name__") if frame is not None else None

    @property
    def name(self) -> str:
        module = sys.modules.get(getattr(self, "_module", None) or "")
        for variable, value in vars(module).items() if module else ():
            if value is self:
                return variable
        return "ex"


_CODING = __name__.rsplit(".", 1)[0] + ".coding"


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


class Text(Feedback):
    """A hint or a solution: shown as-is, with no verdict."""

    def __init__(self, message: str):
        super().__init__(True, message)

    def __repr__(self) -> str:
        return self.message


class Unreadable(Exception):
    """An answer not of the asked form; the message says what was given."""


def read_number(answer) -> tuple[float, float, int]:
    """``answer`` as (value, relative precision of its type, significant figures shown)."""
    if answer is None or answer is Ellipsis:
        raise Unreadable(NO_ANSWER)
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer[()]
    if isinstance(answer, (bool, np.bool_)):
        raise Unreadable(f"You gave {answer}, a yes/no value")
    if isinstance(answer, str):
        if NUMBER_TEXT.match(answer):
            raise Unreadable(f"You gave the text {short_repr(answer)}: write the number "
                             f"without quotes, {answer.strip()}")
        raise Unreadable(f"You gave the text {short_repr(answer)}")
    if isinstance(answer, (complex, np.complexfloating)):
        raise Unreadable(f"You gave the complex number {answer}")
    if isinstance(answer, (list, tuple, np.ndarray)):
        raise Unreadable(f"You gave {describe_sequence(answer)}")
    if not isinstance(answer, numbers.Real):
        raise Unreadable(f"You gave {short_repr(answer)}, of type {type(answer).__name__}")
    try:
        value = float(answer)
    except OverflowError:
        raise Unreadable(f"You gave an integer of {len(str(abs(int(answer))))} digits, "
                         "too large for any calculation here") from None
    if math.isnan(value):
        raise Unreadable("You gave nan, 'not a number': a step of your calculation went "
                         "wrong (0/0 or inf - inf, say)")
    if math.isinf(value):
        raise Unreadable(f"You gave {value}: something in your calculation overflowed or "
                         "divided by zero")
    if isinstance(answer, np.floating):
        # the shortest text that reads back as the same float32 is what the learner meant
        text, eps = np.format_float_scientific(answer, unique=True), np.finfo(answer).eps
    else:
        text, eps = repr(value), 0.0
    return value, float(eps), _figures(text)


def describe_sequence(answer) -> str:
    """A few words for a list or array: its length or shape, not its contents."""
    if isinstance(answer, np.ndarray):
        return f"an array of shape {answer.shape}"
    return f"a {type(answer).__name__} of {len(answer)} item{'s' * (len(answer) != 1)}"


def _figures(text: str) -> int:
    """The significant figures in a number's text, e.g. 3 for '0.0123' and for '1230.0'."""
    mantissa = text.lower().split("e")[0].lstrip("+-").replace(".", "")
    return max(len(mantissa.strip("0")), 1)


def window(value: float, digits: int | None, eps: float = 0.0) -> float:
    """Half a unit in the last of ``digits`` figures of ``value``, or float rounding if None."""
    slack = max(FLOAT_FUZZ, eps) * abs(value)
    if digits is None or value == 0:  # 0 has no significant figures: only 0 itself is 0
        return slack
    return 0.5 * 10.0 ** (math.floor(math.log10(abs(value))) - digits + 1) + slack


def rounds_to(value: float, target: float, figures: int, eps: float = 0.0) -> bool:
    """Whether ``value`` is ``target`` rounded to ``figures`` significant figures, as taught
    at school (halves up: 0.25 -> 0.3), or as the float's binary value rounds (-> 0.2)."""
    school = Decimal(repr(target))
    if school:
        step = Decimal(1).scaleb(school.adjusted() - figures + 1)
        school = school.quantize(step, rounding=ROUND_HALF_UP)
    return any(abs(value - float(rounded)) <= window(value, None, eps)
               for rounded in (school, f"{target:.{figures}g}"))


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def _finite(value, name: str) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    if not math.isfinite(float(value)):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return float(value)


def _numbers(value, name: str) -> tuple[float, ...]:
    """A number or a non-empty list of numbers, as a tuple of floats."""
    items = value if isinstance(value, (list, tuple, np.ndarray)) else [value]
    if len(items) == 0:
        raise ValueError(f"{name} must hold at least one number")
    return tuple(_finite(v, f"{name}[{i}]" if items is value else name)
                 for i, v in enumerate(items))


class Exercise(Named):
    """A question with one answer: a number, a list of numbers, or a name.

    A numeric answer is asked to ``digits`` significant figures, or ``exact`` (up to
    float rounding); either way an answer within half a unit of the last asked figure is
    right. ``slips`` maps plausible wrong answers to the message that explains them.
    ``check``, instead of ``expected``, is a function answer -> (ok, message).
    """

    def __init__(
        self,
        question: str,
        expected=None,
        *,
        hint: str,
        solution: str,
        digits: int | None = None,
        exact: bool = False,
        slips: Mapping | None = None,
        check: Callable[[object], tuple[bool, str]] | None = None,
    ):
        self.question = _text(question, "question")
        self._hint = _text(hint, "hint")
        self._solution = _text(solution, "solution")
        if not isinstance(exact, bool):
            raise TypeError(f"exact must be True or False, got {exact!r}")
        if digits is not None and (isinstance(digits, bool)
                                   or not isinstance(digits, numbers.Integral)):
            raise TypeError(f"digits must be an integer, got {digits!r}")
        if digits is not None and not 1 <= digits <= 15:  # a float holds about 16 figures
            raise ValueError(f"digits must be an integer from 1 to 15, got {digits}")
        if check is not None and not callable(check):
            raise TypeError(f"check must be a function answer -> (ok, message), got {check!r}")
        if (expected is None) == (check is None):
            raise ValueError("give exactly one of expected and check")
        if slips is not None and not isinstance(slips, Mapping):
            raise TypeError(f"slips must map wrong answers to messages, got {slips!r}")
        if slips and check is not None:
            raise ValueError("slips need an expected answer; a check function gives its own "
                             "messages")
        self.expected = expected
        self.digits = None if digits is None else int(digits)
        self.exact = exact
        self.slips = dict(slips or {})
        self._check = check
        self._remember_module()
        numeric = expected is not None and not isinstance(expected, str)
        if numeric and (digits is None) == (not exact):
            raise ValueError("a numeric answer needs digits=N or exact=True (one of them), "
                             f"got digits={digits!r}, exact={exact!r}")
        if not numeric and (digits is not None or exact):
            raise ValueError("digits and exact apply to numeric answers only")
        if isinstance(expected, str):
            _text(expected, "expected")
        elif numeric:
            self._want = _numbers(expected, "expected")
            if digits is not None and 0.0 in self._want:
                raise ValueError("expected 0 has no significant figures; use exact=True")
        for wrong, why in self.slips.items():
            _text(why, f"the message for slip {wrong!r}")
            self._check_slip(wrong)

    def _check_slip(self, wrong) -> None:
        """A slip must have the answer's form and lie outside the answer's window."""
        if isinstance(self.expected, str):
            if not isinstance(wrong, str) or not wrong.strip():
                raise TypeError(f"a slip for a name must be a non-empty string, got {wrong!r}")
            if _same_name(wrong, self.expected):
                raise ValueError(f"slip {wrong!r} is the expected answer")
            return
        values = _numbers(wrong, f"slip {wrong!r}")
        if len(values) != len(self._want):
            raise ValueError(f"slip {wrong!r} must have {len(self._want)} number(s) like "
                             "the expected answer")
        # the slip as a learner would give it must not pass as right
        given = values if self.exact else [float(f"{v:.{self.digits}g}") for v in values]
        if all(abs(v - w) <= window(w, self.digits)
               for v, w in zip(given, self._want, strict=True)):
            raise ValueError(f"slip {wrong!r} equals the expected answer {self.expected!r} "
                             f"to the precision asked")

    def solution(self) -> Text:
        return Text(f"Solution: {self._solution}")

    def check(self, answer) -> Feedback:
        """Judge ``answer``; the message says what to look at next. Never raises."""
        if answer is None or answer is Ellipsis:
            return Feedback(False, NO_ANSWER)
        if self._check is not None:
            try:
                ok, message = self._check(answer)
            except Exception as error:  # an answer the author's check did not foresee
                return Feedback(False, f"I could not check {short_repr(answer)}: "
                                       f"{type(error).__name__}: {error}")
            return Feedback(ok, message)
        if isinstance(self.expected, str):
            return self._check_name(answer)
        try:
            got = self._read(answer)
        except Unreadable as why:
            return Feedback(False, f"{why}. The answer is {self._form()}.")
        return self._judge(got)

    def _form(self) -> str:
        """What the answer looks like, for messages about unreadable answers."""
        if isinstance(self.expected, (list, tuple, np.ndarray)):
            each = "exact" if self.exact else f"each to {self.digits} significant figures"
            return f"a list of {len(self._want)} numbers, {each}"
        return "an exact number" if self.exact else f"a number to {self.digits} significant figures"

    def _read(self, answer) -> list[tuple[float, float, int]]:
        if not isinstance(self.expected, (list, tuple, np.ndarray)):
            return [read_number(answer)]
        if not isinstance(answer, (list, tuple, np.ndarray)):
            read_number(answer)  # says what a malformed single answer is
            raise Unreadable(f"You gave one number, {answer!r}")
        shape = answer.shape if isinstance(answer, np.ndarray) else (len(answer),)
        if shape != (len(self._want),):
            raise Unreadable(f"You gave {describe_sequence(answer)}")
        got = []
        for i, item in enumerate(answer, start=1):
            if item is None or item is Ellipsis:
                raise Unreadable(f"Item {i} of your list is still {item!r}")
            try:
                got.append(read_number(item))
            except Unreadable as why:
                raise Unreadable(f"In item {i} of your list, y{str(why)[1:]}") from None
        return got

    def _judge(self, got) -> Feedback:
        digits = self.digits

        def near(targets):
            return all(abs(v - t) <= window(t, digits, eps)
                       for (v, eps, _), t in zip(got, targets, strict=True))

        if near(self._want):
            return Feedback(True, "Well done.")
        slips = {tuple(_numbers(w, "slip")): why for w, why in self.slips.items()}
        for values, why in slips.items():
            if near(values):
                return Feedback(False, why)
        shown = max(figures for _, _, figures in got)
        asked = "the exact value" if self.exact else f"{digits}"
        if (self.exact or shown < digits) and all(rounds_to(v, t, figures, eps) for (
                v, eps, figures), t in zip(got, self._want, strict=True)):
            return Feedback(False, f"Close: that is the answer to {shown} significant "
                                   f"figure{'s' * (shown > 1)}; give {asked}.")
        for values, why in slips.items():  # a slip rounded to fewer figures than asked
            if shown >= 2 and all(rounds_to(v, t, figures, eps)
                                  for (v, eps, figures), t in zip(got, values, strict=True)):
                return Feedback(False, why)
        return Feedback(False, f"That is not it; try {self.name}.hint() for a nudge.")

    def _check_name(self, answer) -> Feedback:
        if not isinstance(answer, str):
            return Feedback(False, f"You gave {short_repr(answer)}, of type "
                                   f"{type(answer).__name__}. The answer is a name, written "
                                   "as a string in quotes.")
        if _same_name(answer, self.expected):
            return Feedback(True, "Well done.")
        for wrong, why in self.slips.items():
            if _same_name(answer, wrong):
                return Feedback(False, why)
        return Feedback(False, f"That is not it; try {self.name}.hint() for a nudge.")


def _same_name(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()
