"""The lesson's 2-2-2 sigmoid network, written with the lesson's own symbols.

    h1 = x1*w1 + x2*w2 + b11     outH1 = sigma(h1)
    h2 = x1*w3 + x2*w4 + b12     outH2 = sigma(h2)
    y1 = outH1*w5 + outH2*w6 + b21   outY1 = sigma(y1)
    y2 = outH1*w7 + outH2*w8 + b22   outY2 = sigma(y2)
    E_total = 1/2 (T1 - outY1)^2 + 1/2 (T2 - outY2)^2
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

import numpy as np

from .checks import (
    finite_number,
    flag,
    instance_of,
    mapping,
    number_in,
    positive_int,
    positive_number,
)
from .portable import sigmoid_scalar_pair

WEIGHTS = ("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")
BIASES = ("b11", "b12", "b21", "b22")
PARAMS = WEIGHTS + BIASES
DATA = ("x1", "x2", "T1", "T2")

LESSON_PARAMS = {
    "w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30,
    "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
    "b11": 0.35, "b12": 0.35, "b21": 0.60, "b22": 0.60,
}
LESSON_DATA = {"x1": 0.05, "x2": 0.10, "T1": 0.01, "T2": 0.99}
LESSON_LEARNING_RATE = 0.5
# The largest size of any number of the network: far beyond where a sigmoid is flat
# (|h| > 40), and small enough that no product or square of them overflows a float.
LIMIT = 1e6


class Values(dict):
    """A dict of named numbers that prints one ``name = value`` per line."""

    def __repr__(self) -> str:
        width = max((len(k) for k in self), default=0)
        return "\n".join(f"{k:<{width}} = {v:.10g}" for k, v in self.items())

    _repr_pretty_ = lambda self, p, cycle: p.text(repr(self))  # noqa: E731  (IPython hook)


@dataclass(frozen=True)
class LessonNet:
    """Parameters, one training sample and a learning rate; the lesson's example by default.

    The object never changes: ``step`` and ``train`` return new networks.
    """

    w1: float = LESSON_PARAMS["w1"]
    w2: float = LESSON_PARAMS["w2"]
    w3: float = LESSON_PARAMS["w3"]
    w4: float = LESSON_PARAMS["w4"]
    w5: float = LESSON_PARAMS["w5"]
    w6: float = LESSON_PARAMS["w6"]
    w7: float = LESSON_PARAMS["w7"]
    w8: float = LESSON_PARAMS["w8"]
    b11: float = LESSON_PARAMS["b11"]
    b12: float = LESSON_PARAMS["b12"]
    b21: float = LESSON_PARAMS["b21"]
    b22: float = LESSON_PARAMS["b22"]
    x1: float = LESSON_DATA["x1"]
    x2: float = LESSON_DATA["x2"]
    T1: float = LESSON_DATA["T1"]
    T2: float = LESSON_DATA["T2"]
    learning_rate: float = field(default=LESSON_LEARNING_RATE)

    def __post_init__(self):
        for f in fields(self):
            value = number_in(getattr(self, f.name), f.name, -LIMIT, LIMIT)
            object.__setattr__(self, f.name, value)
        _learning_rate(self.learning_rate)

    # -- construction -------------------------------------------------------------
    @classmethod
    def from_dict(cls, values) -> LessonNet:
        """Build from a mapping such as ``{'w1': 0.1, 'x1': 1.0}``; unknown names are refused."""
        allowed = PARAMS + DATA + ("learning_rate",)
        unknown = [k for k in mapping(values, "values") if k not in allowed]
        if unknown:
            raise ValueError(f"unknown name(s) {unknown}; allowed: {', '.join(allowed)}")
        return cls(**values)

    def with_values(self, **changes) -> LessonNet:
        """A copy with some parameters, inputs, targets or the learning rate changed."""
        allowed = PARAMS + DATA + ("learning_rate",)
        unknown = [k for k in changes if k not in allowed]
        if unknown:
            raise ValueError(f"unknown name(s) {unknown}; allowed: {', '.join(allowed)}")
        return replace(self, **changes)

    @property
    def params(self) -> Values:
        """The twelve trainable numbers, weights then biases."""
        return Values((name, getattr(self, name)) for name in PARAMS)

    # -- the lesson's computations ------------------------------------------------
    def _pass(self) -> tuple[tuple, tuple]:
        return _lesson_pass(tuple(getattr(self, n) for n in PARAMS), self.x1, self.x2, self.T1,
                           self.T2, sigmoid_scalar_pair)

    def forward(self) -> Values:
        """Every named value of the forward pass, in the order the lesson computes them."""
        values, _ = self._pass()
        return Values(zip(FORWARD_NAMES, values, strict=False))

    def error(self) -> float:
        """E_total for the current parameters and sample."""
        return self._pass()[0][E_TOTAL]

    def backward(self) -> Values:
        """Every chain-rule factor, the error signals (deltas) and dE_d<param> for all twelve."""
        values, grads = self._pass()
        p = dict(zip(PASS_NAMES, values, strict=True))
        g = dict(zip(PARAMS, grads, strict=True))
        outH1, outH2 = p["outH1"], p["outH2"]
        # The local derivatives that are just a number of the network (dy1/dw5 = outH1, ...),
        # and the products _lesson_pass formed, under the names the lesson gives them.
        # Output layer: E_total depends on outY1 only through E1, on outY2 only through E2.
        return Values(
            dE_doutY1=p["dE_doutY1"], doutY1_dy1=p["doutY1_dy1"],
            dE_doutY2=p["dE_doutY2"], doutY2_dy2=p["doutY2_dy2"],
            delta_y1=p["delta_y1"], delta_y2=p["delta_y2"],  # dE/dy1, dE/dy2
            dy1_dw5=outH1, dy1_dw6=outH2, dy2_dw7=outH1, dy2_dw8=outH2,
            dE_dw5=g["w5"], dE_dw6=g["w6"], dE_dw7=g["w7"], dE_dw8=g["w8"],
            dE_db21=g["b21"], dE_db22=g["b22"],  # dy1/db21 = 1
            # Hidden layer: each hidden output reaches the error along two paths.
            dy1_doutH1=self.w5, dy2_doutH1=self.w7, dy1_doutH2=self.w6, dy2_doutH2=self.w8,
            dE1_doutH1=p["dE1_doutH1"], dE2_doutH1=p["dE2_doutH1"], dE_doutH1=p["dE_doutH1"],
            dE1_doutH2=p["dE1_doutH2"], dE2_doutH2=p["dE2_doutH2"], dE_doutH2=p["dE_doutH2"],
            doutH1_dh1=p["doutH1_dh1"], doutH2_dh2=p["doutH2_dh2"],
            delta_h1=p["delta_h1"], delta_h2=p["delta_h2"],  # dE/dh1, dE/dh2
            dh1_dw1=self.x1, dh1_dw2=self.x2, dh2_dw3=self.x1, dh2_dw4=self.x2,
            dE_dw1=g["w1"], dE_dw2=g["w2"], dE_dw3=g["w3"], dE_dw4=g["w4"],
            dE_db11=g["b11"], dE_db12=g["b12"],
        )

    def gradient(self) -> Values:
        """dE_total/d(param) keyed by parameter name, weights then biases."""
        return Values(zip(PARAMS, self._pass()[1], strict=True))

    def step(self, learning_rate: float | None = None, update_biases: bool = True) -> LessonNet:
        """One gradient-descent update: param <- param - learning_rate * dE/dparam.

        ``update_biases=False`` holds b11..b22 fixed, as the lesson's slides do.
        """
        lr = self.learning_rate if learning_rate is None else _learning_rate(learning_rate)
        update_biases = flag(update_biases, "update_biases")
        params = tuple(getattr(self, n) for n in PARAMS)
        new = _lesson_update(params, self._pass()[1], lr, update_biases)
        return replace(self, **dict(zip(PARAMS, new, strict=True)))

    def train(
        self, steps: int, learning_rate: float | None = None, update_biases: bool = True,
        keep_params: bool = True,
    ) -> TrainingHistory:
        """Repeat forward, backward and update ``steps`` times on this one sample.

        ``keep_params=False`` skips the history of the parameters (``params`` is then
        empty), which halves the time when only the error curve and the end matter.
        """
        steps = positive_int(steps, "steps", minimum=0, maximum=MAX_STEPS)
        lr = self.learning_rate if learning_rate is None else _learning_rate(learning_rate)
        update_biases = flag(update_biases, "update_biases")
        errors, rows, last = _train_loop(self, steps, lr, update_biases,
                                         flag(keep_params, "keep_params"))
        if not all(abs(v) <= LIMIT for v in last):  # NaN fails too
            # Blame the learning rate, not the parameter LessonNet would refuse below.
            within = steps if rows is None else next(
                k for k, row in enumerate(rows) if not all(abs(v) <= LIMIT for v in row))
            raise ValueError(f"learning_rate {lr:g} pushed the weights past {LIMIT:g} (where "
                             f"every sigmoid is flat) within {within:,} "
                             f"update{'' if within == 1 else 's'}; try a smaller one")
        history = {} if rows is None else dict(zip(PARAMS, np.array(rows).T, strict=True))
        final = replace(self, **dict(zip(PARAMS, last, strict=True)))
        return TrainingHistory(errors=np.array(errors), params=history, final=final,
                               learning_rate=lr, update_biases=bool(update_biases))


MAX_STEPS = 10_000_000  # more updates than this is a typo, not a lesson (minutes of work)


def _learning_rate(value) -> float:
    value = positive_number(value, "learning_rate")
    if value > LIMIT:
        raise ValueError(f"learning_rate must be <= {LIMIT:g}, got {value:g}")
    return value


def as_lesson_net(net: LessonNet | None) -> LessonNet:
    """``net``, or the lecture's network when None; anything else is refused by name."""
    return LessonNet() if net is None else instance_of(net, "net", LessonNet)


@dataclass(frozen=True)
class TrainingHistory:
    """What ``LessonNet.train`` saw: ``errors[k]`` is E_total after k updates (k = 0..steps)."""

    errors: np.ndarray
    params: dict
    final: LessonNet
    learning_rate: float
    update_biases: bool

    @property
    def steps(self) -> int:
        return len(self.errors) - 1

    def updates_to_reach(self, target_error: float) -> int | None:
        """The fewest updates after which E_total <= target_error, or None if never."""
        target_error = finite_number(target_error, "target_error")
        hits = np.flatnonzero(self.errors <= target_error)
        return int(hits[0]) if hits.size else None


# What _lesson_pass returns first, in its order: the forward pass, then every chain-rule
# factor of the backward pass (LessonNet.backward gives them under the same names).
FORWARD_NAMES = ("h1", "outH1", "h2", "outH2", "y1", "outY1", "y2", "outY2",
                 "E1", "E2", "E_total")
PASS_NAMES = FORWARD_NAMES + (
    "dE_doutY1", "doutY1_dy1", "dE_doutY2", "doutY2_dy2", "delta_y1", "delta_y2",
    "dE1_doutH1", "dE2_doutH1", "dE_doutH1", "dE1_doutH2", "dE2_doutH2", "dE_doutH2",
    "doutH1_dh1", "doutH2_dh2", "delta_h1", "delta_h2",
)
E_TOTAL = FORWARD_NAMES.index("E_total")


def _lesson_pass(params, x1, x2, T1, T2, sigmoid2,
                 cross_entropy: bool = False) -> tuple[tuple, tuple]:
    """The forward pass and backpropagation of the lesson's network: the one place they are
    written. ``params`` holds w1..w8, b11..b22 (PARAMS order).

    Returns the named values (PASS_NAMES order) and dE_total/d(param) (PARAMS order). Only
    + - * / and ``sigmoid2``, the sigmoid of a layer's two units, so it runs on floats with
    ``portable.sigmoid_scalar_pair`` (one network) and on NumPy arrays with
    ``portable.sigmoid_pair`` (one element per network, e.g. per learning rate): the same
    operations in the same order, the same bits per element. No checks: callers pass
    numbers within LIMIT.

    ``cross_entropy=True`` follows the cross-entropy loss -[T ln out + (1-T) ln(1-out)]
    instead: its output deltas are out - T (the sigmoid's slope cancels); the values stay
    the squared error's (E1, E2 and the output factors), to compare the two like with like.
    """
    w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22 = params
    # Forward.
    h1 = x1 * w1 + x2 * w2 + b11
    h2 = x1 * w3 + x2 * w4 + b12
    outH1, outH2 = sigmoid2(h1, h2)
    y1 = outH1 * w5 + outH2 * w6 + b21
    y2 = outH1 * w7 + outH2 * w8 + b22
    outY1, outY2 = sigmoid2(y1, y2)
    e1, e2 = T1 - outY1, T2 - outY2
    E1, E2 = 0.5 * (e1 * e1), 0.5 * (e2 * e2)  # e * e, not e ** 2: pow() rounds per machine
    # Output layer: E_total depends on outY1 only through E1, on outY2 only through E2.
    dE_doutY1, dE_doutY2 = -e1, -e2
    doutY1_dy1 = outY1 * (1.0 - outY1)
    doutY2_dy2 = outY2 * (1.0 - outY2)
    delta_y1 = dE_doutY1 * doutY1_dy1  # dE/dy1
    delta_y2 = dE_doutY2 * doutY2_dy2  # dE/dy2
    if cross_entropy:
        delta_y1, delta_y2 = -e1, -e2
    # Hidden layer: each hidden output reaches the error along two paths, one per output.
    dE1_doutH1, dE2_doutH1 = delta_y1 * w5, delta_y2 * w7
    dE_doutH1 = dE1_doutH1 + dE2_doutH1
    dE1_doutH2, dE2_doutH2 = delta_y1 * w6, delta_y2 * w8
    dE_doutH2 = dE1_doutH2 + dE2_doutH2
    doutH1_dh1 = outH1 * (1.0 - outH1)
    doutH2_dh2 = outH2 * (1.0 - outH2)
    delta_h1 = dE_doutH1 * doutH1_dh1  # dE/dh1
    delta_h2 = dE_doutH2 * doutH2_dh2  # dE/dh2
    values = (h1, outH1, h2, outH2, y1, outY1, y2, outY2, E1, E2, E1 + E2,
              dE_doutY1, doutY1_dy1, dE_doutY2, doutY2_dy2, delta_y1, delta_y2,
              dE1_doutH1, dE2_doutH1, dE_doutH1, dE1_doutH2, dE2_doutH2, dE_doutH2,
              doutH1_dh1, doutH2_dh2, delta_h1, delta_h2)
    # dE/dw = delta of the unit the weight feeds times the input it carries; dE/db = delta.
    grads = (delta_h1 * x1, delta_h1 * x2, delta_h2 * x1, delta_h2 * x2,
             delta_y1 * outH1, delta_y1 * outH2, delta_y2 * outH1, delta_y2 * outH2,
             delta_h1, delta_h2, delta_y1, delta_y2)
    return values, grads


def _lesson_update(params, grads, learning_rate, update_biases: bool) -> tuple:
    """param - learning_rate * dE/dparam for the twelve (PARAMS order); the biases stay when
    ``update_biases`` is false. Floats or arrays, as _lesson_pass."""
    w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22 = params
    g1, g2, g3, g4, g5, g6, g7, g8, g11, g12, g21, g22 = grads
    lr = learning_rate
    weights = (w1 - lr * g1, w2 - lr * g2, w3 - lr * g3, w4 - lr * g4,
               w5 - lr * g5, w6 - lr * g6, w7 - lr * g7, w8 - lr * g8)
    if not update_biases:
        return weights + (b11, b12, b21, b22)
    return weights + (b11 - lr * g11, b12 - lr * g12, b21 - lr * g21, b22 - lr * g22)


def _train_loop(net: LessonNet, steps: int, lr: float, update_biases: bool,
                keep_params: bool = True, cross_entropy: bool = False):
    """_lesson_pass and _lesson_update ``steps`` times on plain floats: the hot path of training.

    Returns E_total after 0..steps updates, the twelve parameters after each update (or
    None when ``keep_params`` is false: storing them is much of the loop's cost), and the
    final twelve.
    """
    p = tuple(getattr(net, n) for n in PARAMS)
    x1, x2, T1, T2 = net.x1, net.x2, net.T1, net.T2
    sig, step, update = sigmoid_scalar_pair, _lesson_pass, _lesson_update
    errors = []
    rows = [] if keep_params else None
    for k in range(steps + 1):
        if keep_params:
            rows.append(p)
        values, grads = step(p, x1, x2, T1, T2, sig, cross_entropy)
        errors.append(values[E_TOTAL])
        if k == steps:
            break
        p = update(p, grads, lr, update_biases)
    return errors, rows, p
