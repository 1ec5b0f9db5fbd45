"""Lesson 4, the forward pass: every value beside its formula, then the same pass as matrices.

The numbers come from ``LessonNet.forward`` and ``MatrixNet.forward``; this module only
writes them out, with the formula, the numbers substituted and the result on one line.
"""

from __future__ import annotations

import re

import numpy as np

from .checks import one_of, positive_int
from .matrix import MatrixNet
from .network import LessonNet, as_lesson_net
from .report import MAX_DIGITS, Lines, fmt

# The lecture's formulas in the order it computes them ("*" multiplies, as on the slides).
FORMULAS = {
    "h1": "x1*w1 + x2*w2 + b11",
    "outH1": "sigmoid(h1)",
    "h2": "x1*w3 + x2*w4 + b12",
    "outH2": "sigmoid(h2)",
    "y1": "outH1*w5 + outH2*w6 + b21",
    "outY1": "sigmoid(y1)",
    "y2": "outH1*w7 + outH2*w8 + b22",
    "outY2": "sigmoid(y2)",
    "E1": "1/2*(T1 - outY1)^2",
    "E2": "1/2*(T2 - outY2)^2",
    "E_total": "E1 + E2",
}
_SYMBOL = re.compile(r"\b(?!sigmoid\b)[A-Za-z_]\w*")


def _known(net: LessonNet) -> dict[str, float]:
    """Every symbol a formula may use: parameters, inputs, targets and forward values."""
    return {**net.params, "x1": net.x1, "x2": net.x2, "T1": net.T1, "T2": net.T2,
            **net.forward()}


def _number(value: float, digits: int) -> str:
    # A negative number inside a formula reads better in brackets.
    text = fmt(value, digits)
    return f"({text})" if value < 0 else text


def step(name: str, net: LessonNet | None = None, digits: int = 7) -> str:
    """``outH1 = sigmoid(h1) = sigmoid(0.3775) = 0.59327``: formula, numbers, result."""
    one_of(name, "name", FORMULAS)
    digits = positive_int(digits, "digits", maximum=MAX_DIGITS)
    known = _known(as_lesson_net(net))
    formula = FORMULAS[name]
    numbers = _SYMBOL.sub(lambda m: _number(known[m.group()], digits), formula)
    return f"{name} = {formula} = {numbers} = {fmt(known[name], digits)}"


def _aligned(line: str, width: int) -> str:
    name, rest = line.split(" = ", 1)
    return f"{name:<{width}} = {rest}"


def steps(names=tuple(FORMULAS), net: LessonNet | None = None, digits: int = 7) -> Lines:
    """One ``step`` line per name, e.g. ``steps(["h1", "outH1"])``."""
    if not isinstance(names, str) and not hasattr(names, "__iter__"):
        raise TypeError(f"names must be a name or a list of names, got {names!r}")
    names = [names] if isinstance(names, str) else list(names)
    for name in names:
        one_of(name, "names", FORMULAS)
    width = max((len(name) for name in names), default=0)
    return Lines(_aligned(step(name, net, digits), width) for name in names)


def _vector(v: np.ndarray) -> str:
    return "[" + ", ".join(fmt(x) for x in v) + "]"


def _matrix(name: str, a: np.ndarray) -> list[str]:
    rows = ["[" + ", ".join(f"{fmt(x):>6}" for x in row) + "]" for row in a]
    pad = " " * (len(name) + 4)
    return [f"{name} = [{rows[0]}"] + [f"{pad}{r}" for r in rows[1:-1]] + [f"{pad}{rows[-1]}]"]


def matrix_parameters(net: LessonNet | None = None) -> Lines:
    """W1, b1, W2, b2 of ``MatrixNet.from_lesson``, with the lecture's names they hold."""
    model = MatrixNet.from_lesson(as_lesson_net(net))
    (W1, b1), (W2, b2) = ((layer.W, layer.b) for layer in model.layers)
    return Lines([
        *_matrix("W1", W1), "     (rows [w1, w2] and [w3, w4]: one row per hidden neuron)",
        f"b1 = {_vector(b1)}  (b11, b12)",
        *_matrix("W2", W2), "     (rows [w5, w6] and [w7, w8]: one row per output neuron)",
        f"b2 = {_vector(b2)}  (b21, b22)",
    ])


def matrix_pass(net: LessonNet | None = None) -> dict[str, float]:
    """The forward values the matrix form computes, under the lecture's names."""
    net = as_lesson_net(net)
    x, t = [net.x1, net.x2], [net.T1, net.T2]
    model = MatrixNet.from_lesson(net)
    _, (outH1, outH2), (outY1, outY2) = model.forward(x)
    return {"outH1": float(outH1), "outH2": float(outH2), "outY1": float(outY1),
            "outY2": float(outY2), "E_total": model.error(x, t)}


def matrix_forward(net: LessonNet | None = None) -> Lines:
    """The forward pass as two matrix products, and its largest gap to the scalar pass."""
    net = as_lesson_net(net)
    m = matrix_pass(net)
    scalar = net.forward()
    gap = max(abs(m[name] - scalar[name]) for name in m)
    return Lines([
        f"x    = [x1, x2] = {_vector(np.array([net.x1, net.x2]))}",
        f"outH = sigmoid(W1 @ x + b1)    = {_vector(np.array([m['outH1'], m['outH2']]))}"
        "  (outH1, outH2)",
        f"outY = sigmoid(W2 @ outH + b2) = {_vector(np.array([m['outY1'], m['outY2']]))}"
        "  (outY1, outY2)",
        f"E_total = 1/2*sum((t - outY)^2) = {fmt(m['E_total'], 9)}",
        f"largest |matrix value - LessonNet value| over outH1..outY2 and E_total = {gap:g}",
    ])
