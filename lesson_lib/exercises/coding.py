"""An exercise whose answer is a function: run on the lecture's values and on unseen cases."""

from __future__ import annotations

import inspect
import math
import numbers
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..core.gradcheck import central_difference
from .base import (
    NO_ANSWER,
    Feedback,
    Named,
    Text,
    Unreadable,
    describe_sequence,
    read_number,
    short_repr,
)

REL_TOL = 1e-9  # another order of the same arithmetic differs far less; a slip far more
ABS_TOL = 1e-12
NEAR = 1e-6  # closer than this, but not within REL_TOL: an approximation, not a slip
FD_REL_TOL = 1e-5  # a central difference with h = 1e-5 is good to about 1e-9 here


def function_from_code(code: str, name: str | None = None,
                       uses: Mapping[str, Callable] | None = None) -> Callable:
    """The function ``code`` defines (``name``, or the last one), with ``np``, ``math`` and
    ``uses`` (functions of an earlier lesson that the notebook defines) in reach."""
    namespace = {"np": np, "math": math, **(uses or {})}
    exec(code, namespace)  # noqa: S102  (the course's own solution code, shown to learners)
    functions = [v for k, v in namespace.items() if inspect.isfunction(v)
                 and (name is None or k == name)]
    if not functions:
        raise ValueError(f"the code defines no function{f' named {name}' if name else ''}")
    return functions[-1]


class CodeExercise(Named):
    """A function to write, checked against a reference on the lecture's case and unseen ones.

    The learner's function is called with the arguments ``params`` in order and returns the
    quantities ``returns``: one number for one name, else a dict with those keys.
    ``reference`` takes the same arguments and returns a dict.
    ``random_case(rng)`` draws an unseen case as a dict; ``cases`` of them are drawn with
    ``seed``, so every check sees the same ones. ``slips`` lists (wrong function, message).
    ``slopes`` maps a derivative in ``returns`` to the argument it differentiates ``loss``
    by: the reference is checked against central differences of ``loss`` on construction,
    and a wrong answer's message quotes one (``loss_name`` says what ``loss`` computes).
    ``uses`` names the functions of an earlier lesson that the solution calls (the notebook
    defines them; the tests supply these references).
    """

    def __init__(
        self,
        question: str,
        *,
        params: Sequence[str],
        returns: str | Sequence[str],
        reference: Callable,
        lecture: Mapping[str, float],
        random_case: Callable[[np.random.Generator], Mapping[str, float]],
        hint: str,
        solution: str,
        slips: Sequence[tuple[Callable, str]] = (),
        slopes: Mapping[str, str] | None = None,
        loss: Callable | None = None,
        loss_name: str = "the error",
        uses: Mapping[str, Callable] | None = None,
        cases: int = 10,
        seed: int = 0,
    ):
        for text, label in ((question, "question"), (hint, "hint"), (solution, "solution")):
            if not isinstance(text, str) or not text.strip():
                raise TypeError(f"{label} must be a non-empty string, got {text!r}")
        for fn, label in ((reference, "reference"), (random_case, "random_case")):
            if not callable(fn):
                raise TypeError(f"{label} must be a function, got {fn!r}")
        if isinstance(cases, bool) or not isinstance(cases, int) or cases < 1:
            raise ValueError(f"cases must be an integer >= 1, got {cases!r}")
        self.question, self._hint, self.solution_code = question, hint, solution
        self.params = tuple(params)
        self.returns = (returns,) if isinstance(returns, str) else tuple(returns)
        self._single = isinstance(returns, str)
        self.reference = reference
        if set(lecture) != set(self.params):
            raise ValueError(f"lecture must give exactly the params {self.params}, got "
                             f"{tuple(lecture)}")
        rng = np.random.default_rng(seed)
        self.cases = [dict(lecture)] + [dict(random_case(rng)) for _ in range(cases)]
        self._expected = [self._run_reference(reference, case) for case in self.cases]
        self.slips = []
        for fn, message in slips:
            if not callable(fn) or not isinstance(message, str) or not message.strip():
                raise TypeError("slips must be (function, message) pairs")
            self.slips.append((message, [self._run_reference(fn, c) for c in self.cases]))
        self.slopes = dict(slopes or {})
        if self.slopes and not callable(loss):
            raise TypeError("slopes need loss, a function of the params")
        self._loss = loss
        if not isinstance(loss_name, str) or not loss_name.strip():
            raise TypeError(f"loss_name must be a non-empty string, got {loss_name!r}")
        self.loss_name = loss_name
        self.uses = dict(uses or {})
        for quantity in self.slopes:
            fd = self._central_difference(quantity, self.cases[0])
            if not math.isclose(self._expected[0][quantity], fd, rel_tol=FD_REL_TOL,
                                abs_tol=1e-9):
                raise ValueError(f"the reference's {quantity} disagrees with a central "
                                 f"difference: {self._expected[0][quantity]} vs {fd}")
        self._remember_module()

    def _run_reference(self, fn, case) -> dict:
        values = fn(*(case[p] for p in self.params))
        values = {self.returns[0]: values} if self._single else values
        return {q: float(values[q]) for q in self.returns}

    def _central_difference(self, quantity: str, case: Mapping) -> float:
        param = self.slopes[quantity]

        def loss_at(value):
            return self._loss(*(value if p == param else case[p] for p in self.params))

        return central_difference(loss_at, case[param])

    def solution(self) -> Text:
        return Text(f"Solution:\n{self.solution_code}")

    def solution_function(self) -> Callable:
        """The solution as a function, with the earlier lessons' functions it calls."""
        return function_from_code(self.solution_code, uses=self.uses)

    def check(self, function) -> Feedback:
        """Run ``function`` on every case; name the first wrong quantity. Never raises."""
        if function is None or function is Ellipsis:
            return Feedback(False, NO_ANSWER)
        if not callable(function):
            return Feedback(False, f"You gave {short_repr(function)}, of type "
                                   f"{type(function).__name__}. Pass the function itself, "
                                   f"without calling it: {self.name}.check(my_function).")
        problem = self._signature_problem(function)
        if problem:
            return Feedback(False, problem)
        results = []
        for index, case in enumerate(self.cases):
            try:
                output = function(*(case[p] for p in self.params))
            except Exception as error:  # the learner's code: any error is feedback
                detail = f": {error}" if str(error) else ""
                return Feedback(False, f"{_capital(self._where(index))}, your function "
                                       f"raised {type(error).__name__}{detail}.")
            if output is Ellipsis or (output is None and _is_stub(function)):
                return Feedback(False, STUB)
            try:
                results.append(self.read_output(output))
            except Unreadable as why:
                return Feedback(False, f"{_capital(self._where(index))}, "
                                       f"{str(why)[0].lower()}{str(why)[1:]}.")
        wrong = [(i, q) for i, (got, want) in enumerate(zip(results, self._expected,
                                                              strict=True))
                 for q in self.returns if not _close(got[q], want[q])]
        if not wrong:
            return Feedback(True, f"Well done: {_count(self.returns)} with the "
                                  f"reference on the lecture's values and on "
                                  f"{len(self.cases) - 1} cases you have not seen.")
        index, quantity = wrong[0]
        got, want = results[index][quantity], self._expected[index][quantity]
        shown_got, shown_want = _pair(got, want)
        message = (f"{quantity} is wrong {self._where(index)}: you have {shown_got}, "
                   f"expected {shown_want}.")
        if abs(got - want) <= NEAR * abs(want):
            message += (" That agrees to about six figures but not exactly, as an "
                        "approximation would (a difference quotient, a rounded constant): "
                        "compute it exactly from the formula.")
        elif quantity in self.slopes:
            message += (f" (A central difference of {self.loss_name} in {self.slopes[quantity]} "
                        f"gives {self._central_difference(quantity, self.cases[index]):.6g}.)")
        for why, slip in self.slips:
            differ = [(i, q) for i, values in enumerate(slip) for q in self.returns
                      if not _close(values[q], self._expected[i][q])]
            if differ and all(_close(results[i][q], slip[i][q]) for i, q in differ):
                return Feedback(False, f"{message} {why}")
        return Feedback(False, f"{message} Try {self.name}.hint() for a nudge.")

    def _signature_problem(self, function) -> str | None:
        try:
            signature = inspect.signature(function)
        except (TypeError, ValueError):  # a builtin without a signature: just call it
            return None
        try:
            signature.bind(*self.params)
        except TypeError:
            count = len(self.params)
            return (f"Your function takes {signature}; the check calls it with {count} "
                    f"argument{'s' * (count != 1)}, ({', '.join(self.params)}).")
        return None

    def _where(self, index: int) -> str:
        if index == 0:
            return "with the lecture's values"
        case = ", ".join(f"{p}={_show(v)}" for p, v in self.cases[index].items())
        return f"in a case you have not seen ({case})"

    def read_output(self, output) -> dict:
        """The learner's result as {quantity: float}, or Unreadable saying what is wrong.

        A subclass whose answer has another shape (a path, a table) overrides this."""
        if output is None:
            raise Unreadable("Your function returned None: is its return statement missing")
        if self._single:
            try:
                return {self.returns[0]: read_number(output)[0]}
            except Unreadable as why:
                raise Unreadable(f"Your function should return one number, "
                                 f"{self.returns[0]}. {why}") from None
        if isinstance(output, Mapping):
            missing = [q for q in self.returns if q not in output]
            if missing:
                raise Unreadable(f"Your function's dict has no {_join_keys(missing)}; it "
                                 f"should have the keys {', '.join(self.returns)}")
            items = [output[q] for q in self.returns]
        elif isinstance(output, (list, tuple, np.ndarray)):
            raise Unreadable(f"Your function returned {describe_sequence(output)}; it should "
                             f"return a dict with the keys {', '.join(self.returns)}, e.g. "
                             f"dict({self.returns[0]}={self.returns[0]}, ...)")
        else:
            raise Unreadable(f"Your function returned {short_repr(output)}, of type "
                             f"{type(output).__name__}; it should return a dict with the "
                             f"keys {', '.join(self.returns)}")
        values = {}
        for quantity, item in zip(self.returns, items, strict=True):
            if item is None or item is Ellipsis:
                raise Unreadable(f"Your {quantity} is {item!r}, not a number")
            try:
                values[quantity] = read_number(item)[0]
            except Unreadable as why:
                raise Unreadable(f"Your {quantity} is not a number. {why}") from None
        return values


STUB = ("No answer yet: write the body of your function in place of the ... and run the "
        "cell again.")


def _placeholder(*args):
    ...


def _is_stub(function) -> bool:
    """True for a ``def`` whose body is only ``...`` or ``pass`` (it returns None at once)."""
    code = getattr(function, "__code__", None)
    return (code is not None and getattr(function, "__name__", "") != "<lambda>"
            and code.co_code == _placeholder.__code__.co_code)


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _close(got: float, want: float) -> bool:
    return math.isclose(got, want, rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _count(returns) -> str:
    return f"all {len(returns)} quantities agree" if len(returns) > 1 else f"{returns[0]} agrees"


def _pair(got: float, want: float) -> tuple[str, str]:
    """Both numbers with just enough figures (at least 6) to tell them apart."""
    for digits in range(6, 18):
        a, b = f"{got:.{digits}g}", f"{want:.{digits}g}"
        if a != b:
            return a, b
    return a, b


def _show(value) -> str:
    return f"{value:.6g}" if isinstance(value, numbers.Real) else str(value)


def _join_keys(keys) -> str:
    return ", ".join(repr(k) for k in keys) + (" key" if len(keys) == 1 else " keys")
