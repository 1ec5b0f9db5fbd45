"""Check the values a learner computed in plain Python against a reference, first slip first."""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from .base import Feedback, short_repr

REL_TOL = 1e-12  # the same formulas in another order differ by a few float roundings only
ABS_TOL = 1e-15


def _join(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class ValueCheck:
    """Compare a namespace's named values with a reference computed from its own inputs.

    ``names`` are the checked values in the order a lesson computes them;
    ``reference(inputs)`` maps the inputs to a dict holding at least those names (and any
    other value a dependency names); ``depends_on`` maps a name to the names it is computed
    from; ``inputs`` maps each input to the lecture's value, used when the namespace lacks
    it. Call it as ``check(globals())`` or ``check(globals(), "h1 outH1")``.
    """

    def __init__(self, names: Iterable[str], reference: Callable[[dict], Mapping], *,
                 depends_on: Mapping[str, Iterable[str]], inputs: Mapping[str, float]):
        self.names = tuple(names)
        if not self.names or not all(isinstance(n, str) for n in self.names):
            raise TypeError("names must be a non-empty list of strings")
        if not callable(reference):
            raise TypeError(f"reference must be a function inputs -> values, got {reference!r}")
        self.reference = reference
        self.depends_on = {name: tuple(deps) for name, deps in depends_on.items()}
        missing = [n for n in self.names if n not in self.depends_on]
        if missing:
            raise ValueError(f"depends_on must list what each name is computed from; "
                             f"missing: {', '.join(missing)}")
        self.inputs = dict(inputs)
        values = reference(self.inputs)
        unknown = [d for deps in self.depends_on.values() for d in deps
                   if d not in values and d not in self.inputs]
        if unknown or any(n not in values for n in self.names):
            raise ValueError("reference must return every checked name and every dependency; "
                             f"missing: {', '.join(unknown or self.names)}")

    def __call__(self, namespace: Mapping, names: str | Iterable[str] | None = None) -> Feedback:
        """Feedback naming the first value that differs, or saying that all agree."""
        if not isinstance(namespace, Mapping):
            return Feedback(False, f"The check reads your values by name: call it with "
                                   f"globals(), not {short_repr(namespace)} (of type "
                                   f"{type(namespace).__name__}).")
        try:
            wanted = self._subset(names)
        except (TypeError, ValueError) as error:  # a learner's typo: feedback, not a traceback
            return Feedback(False, f"{error}.")
        inputs, defaults, problem = {}, [], None
        for name, lecture in self.inputs.items():
            if name not in namespace:
                inputs[name] = lecture
                defaults.append(name)
                continue
            inputs[name], problem = as_number(namespace[name], name)
            if problem:
                return Feedback(False, f"{problem} The check needs the input {name} as a "
                                       "number.")
        try:
            reference = self.reference(inputs)
        except (TypeError, ValueError) as error:  # e.g. an input the network refuses
            return Feedback(False, f"The reference cannot start from your inputs: {error}.")
        for name in wanted:
            if name not in namespace:
                return Feedback(False, f"{name} is not defined yet: run the cell that "
                                       "computes it.")
            got, problem = as_number(namespace[name], name)
            if problem:
                return Feedback(False, problem)
            if not agrees(got, reference[name]):
                return Feedback(False, self.differs(name, got, reference, namespace))
        agree = ("Both values agree" if len(wanted) == 2 else
                 f"All {len(wanted)} values agree" if len(wanted) > 2 else f"{wanted[0]} agrees")
        listed = f": {', '.join(wanted)}" if len(wanted) > 1 else ""
        message = (f"{agree} with the reference implementation (to a relative "
                   f"{REL_TOL:g}){listed}.")
        used = self._inputs_of(wanted)
        defaults = [name for name in defaults if name in used]
        if defaults:
            message += f" ({_join(defaults)}: the lecture's, since you have not defined them.)"
        return Feedback(True, message)

    def _inputs_of(self, names) -> set[str]:
        """The inputs that ``names`` are computed from, directly or through other values."""
        seen, todo = set(), list(names)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(self.depends_on.get(name, ()))
        return seen & set(self.inputs)

    def _subset(self, names) -> tuple[str, ...]:
        if names is None:
            return self.names
        if isinstance(names, str):
            asked = names.replace(",", " ").split()
        elif isinstance(names, Iterable) and all(isinstance(n, str) for n in names):
            asked = list(names)
        else:
            raise TypeError(f"names must be names such as {' '.join(self.names[:2])!r}, got "
                            f"{short_repr(names)}")
        unknown = [n for n in asked if n not in self.names]
        if unknown:
            raise ValueError(f"unknown name(s) {', '.join(map(str, unknown))}; this check "
                             f"knows {', '.join(self.names)}")
        return tuple(n for n in self.names if n in asked)

    def differs(self, name, got, reference, namespace) -> str:
        """Which value differs, by how much, and which of its ingredients to look at.

        A lesson overrides this to recognise its known slips before this general answer."""
        want = reference[name]
        text = (f"{name} differs: you have {got:.10g}, expected {want:.10g} (off by "
                f"{got - want:.2g}); ")
        deps = self.depends_on[name]
        if not deps:
            return text + f"look at how you computed {name}."
        status = {}
        for dep in deps:
            if dep in self.inputs:
                status[dep] = "agrees"
            elif dep not in namespace:
                status[dep] = "is not defined"
            else:
                value, problem = as_number(namespace[dep], dep)
                status[dep] = "agrees" if not problem and agrees(value, reference[dep]) \
                    else "differs"
        wrong = [d for d in deps if status[d] == "differs"]
        if wrong:
            return text + (f"it is computed from {_join(deps)}, and {wrong[0]} differs too: "
                           f"check {wrong[0]} first.")
        agree = [d for d in deps if status[d] == "agrees"]
        undefined = [d for d in deps if status[d] == "is not defined"]
        notes = []
        if agree:
            notes.append("which agrees" if len(deps) == 1 else
                          "which agree" if not undefined else
                          f"{_join(agree)} agree{'s' * (len(agree) == 1)}")
        if undefined:
            notes.append(f"{_join(undefined)} {'is' if len(undefined) == 1 else 'are'} not "
                         "defined")
        return text + (f"it is computed from {_join(deps)} ({'; '.join(notes)}), so look "
                       f"at how you turned {_join(deps)} into {name}.")


def as_number(value, name: str) -> tuple[float, str | None]:
    """``value`` as a float, or a sentence saying why it is not a number."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return math.nan, (f"{name} is {short_repr(value)}, of type {type(value).__name__}, "
                          "not a number.")
    try:
        value = float(value)
    except OverflowError:
        return math.nan, f"{name} is an integer too large for a float."
    if not math.isfinite(value):
        return value, f"{name} is {value}: a step of its calculation went wrong."
    return value, None


def agrees(got: float, want: float) -> bool:
    return math.isclose(got, want, rel_tol=REL_TOL, abs_tol=ABS_TOL)
