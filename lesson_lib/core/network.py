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
from .portable import exp_scalar
from .portable import sigmoid_scalar as _sig

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
    def forward(self) -> Values:
        """Every named value of the forward pass, in the order the lesson computes them."""
        h1 = self.x1 * self.w1 + self.x2 * self.w2 + self.b11
        outH1 = _sig(h1)
        h2 = self.x1 * self.w3 + self.x2 * self.w4 + self.b12
        outH2 = _sig(h2)
        y1 = outH1 * self.w5 + outH2 * self.w6 + self.b21
        outY1 = _sig(y1)
        y2 = outH1 * self.w7 + outH2 * self.w8 + self.b22
        outY2 = _sig(y2)
        E1 = 0.5 * (self.T1 - outY1) ** 2
        E2 = 0.5 * (self.T2 - outY2) ** 2
        return Values(
            h1=h1, outH1=outH1, h2=h2, outH2=outH2,
            y1=y1, outY1=outY1, y2=y2, outY2=outY2,
            E1=E1, E2=E2, E_total=E1 + E2,
        )

    def error(self) -> float:
        """E_total for the current parameters and sample."""
        return self.forward()["E_total"]

    def backward(self) -> Values:
        """Every chain-rule factor, the error signals (deltas) and dE_d<param> for all twelve."""
        f = self.forward()
        outH1, outH2, outY1, outY2 = f["outH1"], f["outH2"], f["outY1"], f["outY2"]
        v = Values()
        # Output layer: E_total depends on outY1 only through E1, on outY2 only through E2.
        v["dE_doutY1"] = -(self.T1 - outY1)
        v["doutY1_dy1"] = outY1 * (1.0 - outY1)
        v["dE_doutY2"] = -(self.T2 - outY2)
        v["doutY2_dy2"] = outY2 * (1.0 - outY2)
        v["delta_y1"] = v["dE_doutY1"] * v["doutY1_dy1"]  # dE/dy1
        v["delta_y2"] = v["dE_doutY2"] * v["doutY2_dy2"]  # dE/dy2
        v["dy1_dw5"], v["dy1_dw6"] = outH1, outH2
        v["dy2_dw7"], v["dy2_dw8"] = outH1, outH2
        v["dE_dw5"] = v["dE_doutY1"] * v["doutY1_dy1"] * v["dy1_dw5"]
        v["dE_dw6"] = v["dE_doutY1"] * v["doutY1_dy1"] * v["dy1_dw6"]
        v["dE_dw7"] = v["dE_doutY2"] * v["doutY2_dy2"] * v["dy2_dw7"]
        v["dE_dw8"] = v["dE_doutY2"] * v["doutY2_dy2"] * v["dy2_dw8"]
        v["dE_db21"] = v["delta_y1"]  # dy1/db21 = 1
        v["dE_db22"] = v["delta_y2"]
        # Hidden layer: each hidden output reaches the error along two paths, one per output.
        v["dy1_doutH1"], v["dy2_doutH1"] = self.w5, self.w7
        v["dy1_doutH2"], v["dy2_doutH2"] = self.w6, self.w8
        v["dE1_doutH1"] = v["delta_y1"] * v["dy1_doutH1"]
        v["dE2_doutH1"] = v["delta_y2"] * v["dy2_doutH1"]
        v["dE_doutH1"] = v["dE1_doutH1"] + v["dE2_doutH1"]
        v["dE1_doutH2"] = v["delta_y1"] * v["dy1_doutH2"]
        v["dE2_doutH2"] = v["delta_y2"] * v["dy2_doutH2"]
        v["dE_doutH2"] = v["dE1_doutH2"] + v["dE2_doutH2"]
        v["doutH1_dh1"] = outH1 * (1.0 - outH1)
        v["doutH2_dh2"] = outH2 * (1.0 - outH2)
        v["delta_h1"] = v["dE_doutH1"] * v["doutH1_dh1"]  # dE/dh1
        v["delta_h2"] = v["dE_doutH2"] * v["doutH2_dh2"]  # dE/dh2
        v["dh1_dw1"], v["dh1_dw2"] = self.x1, self.x2
        v["dh2_dw3"], v["dh2_dw4"] = self.x1, self.x2
        v["dE_dw1"] = v["dE_doutH1"] * v["doutH1_dh1"] * v["dh1_dw1"]
        v["dE_dw2"] = v["dE_doutH1"] * v["doutH1_dh1"] * v["dh1_dw2"]
        v["dE_dw3"] = v["dE_doutH2"] * v["doutH2_dh2"] * v["dh2_dw3"]
        v["dE_dw4"] = v["dE_doutH2"] * v["doutH2_dh2"] * v["dh2_dw4"]
        v["dE_db11"] = v["delta_h1"]
        v["dE_db12"] = v["delta_h2"]
        return v

    def gradient(self) -> Values:
        """dE_total/d(param) keyed by parameter name, weights then biases."""
        b = self.backward()
        return Values((name, b["dE_d" + name]) for name in PARAMS)

    def step(self, learning_rate: float | None = None, update_biases: bool = True) -> LessonNet:
        """One gradient-descent update: param <- param - learning_rate * dE/dparam.

        ``update_biases=False`` holds b11..b22 fixed, as the lesson's slides do.
        """
        lr = self.learning_rate if learning_rate is None else _learning_rate(learning_rate)
        names = PARAMS if flag(update_biases, "update_biases") else WEIGHTS
        grad = self.gradient()
        return replace(self, **{n: getattr(self, n) - lr * grad[n] for n in names})

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


def _train_loop(net: LessonNet, steps: int, lr: float, update_biases: bool,
                keep_params: bool = True):
    """The forward/backward/update loop unrolled on plain floats: the hot path of training.

    Returns E_total after 0..steps updates, the twelve parameters after each update (or
    None when ``keep_params`` is false: storing them is most of the loop's cost), and the
    final twelve.
    """
    exp = exp_scalar  # the same bits on every machine (portable.py), unlike the C library's
    w1, w2, w3, w4, w5, w6, w7, w8 = (getattr(net, n) for n in WEIGHTS)
    b11, b12, b21, b22 = (getattr(net, n) for n in BIASES)
    x1, x2, T1, T2 = net.x1, net.x2, net.T1, net.T2
    errors = []
    rows = [] if keep_params else None
    for k in range(steps + 1):
        if keep_params:
            rows.append((w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22))
        h1 = x1 * w1 + x2 * w2 + b11
        h2 = x1 * w3 + x2 * w4 + b12
        oh1 = 1.0 / (1.0 + exp(-h1)) if h1 >= 0 else 1.0 - 1.0 / (1.0 + exp(h1))
        oh2 = 1.0 / (1.0 + exp(-h2)) if h2 >= 0 else 1.0 - 1.0 / (1.0 + exp(h2))
        y1 = oh1 * w5 + oh2 * w6 + b21
        y2 = oh1 * w7 + oh2 * w8 + b22
        oy1 = 1.0 / (1.0 + exp(-y1)) if y1 >= 0 else 1.0 - 1.0 / (1.0 + exp(y1))
        oy2 = 1.0 / (1.0 + exp(-y2)) if y2 >= 0 else 1.0 - 1.0 / (1.0 + exp(y2))
        errors.append(0.5 * (T1 - oy1) ** 2 + 0.5 * (T2 - oy2) ** 2)
        if k == steps:
            break
        d_y1 = (oy1 - T1) * oy1 * (1.0 - oy1)  # delta_y1 = dE/dy1
        d_y2 = (oy2 - T2) * oy2 * (1.0 - oy2)
        d_h1 = (d_y1 * w5 + d_y2 * w7) * oh1 * (1.0 - oh1)  # delta_h1 = dE/dh1
        d_h2 = (d_y1 * w6 + d_y2 * w8) * oh2 * (1.0 - oh2)
        g_y1, g_y2, g_h1, g_h2 = lr * d_y1, lr * d_y2, lr * d_h1, lr * d_h2
        w5 -= g_y1 * oh1
        w6 -= g_y1 * oh2
        w7 -= g_y2 * oh1
        w8 -= g_y2 * oh2
        w1 -= g_h1 * x1
        w2 -= g_h1 * x2
        w3 -= g_h2 * x1
        w4 -= g_h2 * x2
        if update_biases:
            b11 -= g_h1
            b12 -= g_h2
            b21 -= g_y1
            b22 -= g_y2
    return errors, rows, (w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22)
