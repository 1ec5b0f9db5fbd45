"""Lesson 8's plumbing: TensorFlow as an optional import, and timing updates side by side.

The lesson's TensorFlow code is in the notebook; this module only finds TensorFlow (or
says how to install it), runs the NumPy loop it is compared with, and times them.
"""

from __future__ import annotations

import importlib
import math
import os
import time
from collections.abc import Callable, Mapping

import numpy as np

from ..core.checks import (
    finite_array,
    finite_number,
    mapping,
    one_of,
    positive_int,
    positive_number,
)
from ..core.matrix import MAX_UNITS
from ..core.network import LIMIT, MAX_STEPS
from ..report import Text

INSTALL = ".venv/bin/python -m pip install -r requirements-tensorflow.txt"
SKIPPED = "skipped: TensorFlow is not installed (see the first cell)"
# Set before TensorFlow loads: its C++ start-up notes go to the process's stderr, which
# Jupyter shows in the page. oneDNN off also keeps float64 sums in one order.
QUIET = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}


def _skip_cell(lines: list[str]) -> list[str]:
    """An IPython input transformer: any cell becomes one line saying it was skipped."""
    return [f"print({SKIPPED!r})\n"]


def optional_tensorflow(shell=None):
    """The ``tensorflow`` module, or None, and then every later cell of the notebook is skipped.

    ``shell`` is the IPython shell whose cells to skip (the running one by default; outside
    IPython nothing is skipped). Calling it again after installing TensorFlow stops skipping.
    """
    if shell is not None and not isinstance(getattr(shell, "input_transformers_cleanup", None),
                                            list):
        raise TypeError(f"shell must be an IPython shell or None, got {type(shell).__name__}")
    for name, value in QUIET.items():
        os.environ.setdefault(name, value)
    try:
        tf = importlib.import_module("tensorflow")
    except ModuleNotFoundError as error:
        if error.name != "tensorflow":  # TensorFlow is there but broken: show why
            raise
        tf = None
    if shell is None:
        try:
            from IPython import get_ipython
        except ModuleNotFoundError:
            get_ipython = None  # noqa: N806  (plain Python: nothing to skip)
        shell = get_ipython() if get_ipython else None
    if shell is not None:
        transformers = shell.input_transformers_cleanup
        if _skip_cell in transformers:
            transformers.remove(_skip_cell)
        if tf is None:
            transformers.append(_skip_cell)
    return tf


def numpy_updates(W1, b1, W2, b2, x, t, learning_rate: float, updates: int) -> list:
    """``updates`` gradient-descent steps of lesson 5's matrix form; new arrays, inputs kept.

    Shapes: W1 (hidden, inputs), b1 (hidden, 1), W2 (outputs, hidden), b2 (outputs, 1),
    x (inputs, 1), t (outputs, 1).
    """
    W1, b1, W2, b2, x, t = _matrix_form(W1, b1, W2, b2, x, t)
    lr = positive_number(learning_rate, "learning_rate", maximum=LIMIT)
    updates = positive_int(updates, "updates", minimum=0, maximum=MAX_STEPS)
    with np.errstate(over="ignore", invalid="ignore"):  # exp(1000) = inf: sigma is then 0
        W1, b1, W2, b2 = _numpy_loop(W1, b1, W2, b2, x, t, lr, updates)
    if not all(-LIMIT <= a.min() and a.max() <= LIMIT for a in (W1, b1, W2, b2)):  # NaN fails
        raise ValueError(f"learning_rate {lr:g} pushed the weights past {LIMIT:g} (where "
                         f"every sigmoid is flat) within {updates:,} updates; try a smaller one")
    return [W1, b1, W2, b2]


def _matrix_form(W1, b1, W2, b2, x, t) -> tuple:
    """The six arrays as float copies, each refused by name unless its shape fits W1's."""
    W1 = finite_array(W1, "W1", shape=(None, None), min_size=1, limit=LIMIT).copy()
    hidden, inputs = W1.shape
    W2 = finite_array(W2, "W2", shape=(None, hidden), min_size=1, limit=LIMIT).copy()
    outputs = W2.shape[0]
    for name, size in (("hidden", hidden), ("inputs", inputs), ("outputs", outputs)):
        if size > MAX_UNITS:
            raise ValueError(f"W1 and W2 must have at most {MAX_UNITS:,} {name}, got {size:,}")
    b1 = finite_array(b1, "b1", shape=(hidden, 1), limit=LIMIT).copy()
    b2 = finite_array(b2, "b2", shape=(outputs, 1), limit=LIMIT).copy()
    x = finite_array(x, "x", shape=(inputs, 1), limit=LIMIT)
    t = finite_array(t, "t", shape=(outputs, 1), limit=LIMIT)
    return W1, b1, W2, b2, x, t


def _numpy_loop(W1, b1, W2, b2, x, t, learning_rate, updates):
    """The loop the lesson compares: plain NumPy, on arrays numpy_updates has checked."""
    for _ in range(updates):
        outH = 1.0 / (1.0 + np.exp(-(W1 @ x + b1)))       # (hidden, 1)
        outY = 1.0 / (1.0 + np.exp(-(W2 @ outH + b2)))    # (outputs, 1)
        delta_y = (outY - t) * outY * (1.0 - outY)        # dE/dy, (outputs, 1)
        delta_h = (W2.T @ delta_y) * outH * (1.0 - outH)  # dE/dh, (hidden, 1)
        W2 -= learning_rate * (delta_y @ outH.T)
        b2 -= learning_rate * delta_y
        W1 -= learning_rate * (delta_h @ x.T)
        b1 -= learning_rate * delta_h
    return [W1, b1, W2, b2]


def seconds_per_update(run: Callable[[int], object], updates: int, repeats: int = 3) -> float:
    """The fastest of ``repeats`` timed calls ``run(updates)``, divided by ``updates``.

    One untimed call of ``run(1)`` first, so one-off work (tracing a ``tf.function``,
    loading a kernel) is not counted as the cost of an update.
    """
    if not callable(run):
        raise TypeError(f"run must be a function of the number of updates, got "
                        f"{type(run).__name__}")
    updates = positive_int(updates, "updates", maximum=MAX_STEPS)
    repeats = positive_int(repeats, "repeats", maximum=MAX_REPEATS)
    run(1)
    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        run(updates)
        best = min(best, time.perf_counter() - start)
    return best / updates


MAX_REPEATS = 1_000  # more timed calls than this is a typo, not a measurement


class Costs(dict):
    """Seconds per update by implementation; prints a table with ratios to the fastest."""

    def fastest(self) -> str:
        return min(self, key=self.get)

    def ratio(self, slow: str, fast: str) -> float:
        """How many times ``fast``'s update fits into ``slow``'s."""
        one_of(slow, "slow", list(self))
        one_of(fast, "fast", list(self))
        return self[slow] / self[fast]

    def compare(self, name: str, other: str) -> str:
        """A sentence saying how many times faster or slower ``name`` was than ``other``."""
        ratio = self.ratio(other, name)
        if ratio >= 1:
            return f"{name} is {times(ratio)} faster than {other}"
        return f"{name} is {times(1 / ratio)} slower than {other}"

    def __repr__(self) -> str:
        if not self:
            return "nothing timed"
        width = max(len(name) for name in self)
        best = self[self.fastest()]
        lines = [f"{'implementation':<{width}}  {'per update':>10}  {'x the fastest':>13}"]
        for name, seconds in self.items():
            lines.append(f"{name:<{width}}  {_duration(seconds):>10}  {seconds / best:>13.1f}")
        return "\n".join(lines)

    _repr_pretty_ = lambda self, p, cycle: p.text(repr(self))  # noqa: E731  (IPython hook)


def measure(runs: Mapping[str, Callable[[int], object]], updates: Mapping[str, int] | int,
            repeats: int = 3) -> Costs:
    """Time each ``runs[name](n)``, n updates; ``updates`` is one n or one per name."""
    runs = mapping(runs, "runs")
    if not runs:
        raise ValueError("runs must name at least one implementation to time, got {}")
    for name, run in runs.items():
        if not isinstance(name, str) or not callable(run):
            raise TypeError(f"runs must map names to functions of the number of updates, got "
                            f"{name!r}: {type(run).__name__}")
    counts = updates if isinstance(updates, Mapping) else dict.fromkeys(runs, updates)
    for name in runs:
        if name not in counts:
            raise ValueError(f"updates has no count for {name!r}; it names {list(counts)}")
        positive_int(counts[name], f"updates[{name!r}]", maximum=MAX_STEPS)
    repeats = positive_int(repeats, "repeats", maximum=MAX_REPEATS)
    return Costs((name, seconds_per_update(run, counts[name], repeats))
                 for name, run in runs.items())


def times(ratio: float) -> str:
    """A ratio in words: '3.2 times', '40 times'."""
    ratio = positive_number(ratio, "ratio")
    return f"{ratio:.2g} times" if ratio < 10 else f"{ratio:,.0f} times"


def _duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


_PLUMBING = {"Placeholder", "Const", "ReadVariableOp", "Identity", "NoOp", "Shape",
             "BroadcastGradientArgs", "Reshape", "Sum"}


def recorded_graph(function, *args) -> str:
    """The operations a ``tf.function`` runs, forward first, then what ``tape.gradient`` added.

    Constants, reads of variables and shape bookkeeping are left out. A backward operation
    is named by the forward operation it differentiates: TensorFlow files it under
    ``gradient_tape/<forward op>/``.
    """
    if not callable(getattr(function, "get_concrete_function", None)):
        raise TypeError(f"function must be a tf.function, got {type(function).__name__}")
    graph = function.get_concrete_function(*args).graph
    forward, backward, kinds = [], [], {}
    for op in graph.get_operations():
        if op.type in _PLUMBING:
            continue
        if op.name.startswith("gradient_tape/"):
            backward.append((op.type, op.name.split("/")[1]))
        else:
            forward.append(f"{op.name} ({op.type})")
            kinds[op.name] = op.type
    lines = ["forward pass, as recorded:", "  " + " -> ".join(forward),
             "backward pass, added by tape.gradient, in the order it runs:"]
    lines += [f"  {kind:<12} derivative of {of} ({kinds.get(of, '?')})" for kind, of in backward]
    return Text("\n".join(lines))


def side_by_side(values: Mapping[str, float], reference: Mapping[str, float],
                 labels: tuple[str, str], tolerance: float = 1e-12) -> str:
    """Two sets of named numbers in columns (10 significant figures) and whether they agree.

    Agreement is |a - b| <= tolerance for every name of ``reference``; the line under the
    table says so, or names the largest difference.
    """
    values, reference = mapping(values, "values"), mapping(reference, "reference")
    if not reference:
        raise ValueError("reference must hold at least one named number, got {}")
    missing = [name for name in reference if name not in values]
    if missing:
        raise ValueError(f"values has no {', '.join(map(str, missing))}")
    reference = {str(name): finite_number(want, f"reference[{name!r}]")
                 for name, want in reference.items()}
    values = {str(name): finite_number(values[name], f"values[{name!r}]") for name in reference}
    if not (isinstance(labels, (tuple, list)) and len(labels) == 2
            and all(isinstance(label, str) for label in labels)):
        raise TypeError(f"labels must be two strings, got {labels!r}")
    tolerance = positive_number(tolerance, "tolerance")
    width = max(len(name) for name in reference)
    lines = [f"{'':<{width}}  {labels[0]:>16}  {labels[1]:>16}"]
    lines += [f"{name:<{width}}  {float(values[name]):>16.10g}  {float(want):>16.10g}"
              for name, want in reference.items()]
    worst = max(reference, key=lambda name: abs(float(values[name]) - float(reference[name])))
    gap = abs(float(values[worst]) - float(reference[worst]))
    if gap <= tolerance:
        lines.append(f"all {len(reference)} agree to {tolerance:g}: yes")
    else:
        lines.append(f"all {len(reference)} agree to {tolerance:g}: NO, {worst} differs by "
                     f"{gap:.2g}")
    return Text("\n".join(lines))

