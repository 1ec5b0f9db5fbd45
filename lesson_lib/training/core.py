"""Lesson 6: training the lecture's network to convergence, and the learning rate.

The sweep across learning rates runs ``LessonNet``'s one backpropagation on arrays (one
element per rate); the rest are the notebook's small tables and summaries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..core.checks import (
    finite_array,
    flag,
    instance_of,
    number_in,
    one_of,
    positive_array,
    positive_int,
    positive_number,
)
from ..core.checks import seed as _seed
from ..core.matrix import MAX_UNITS, MatrixNet, _sgd_step, _updated_layers
from ..core.network import (
    E_TOTAL,
    LESSON_LEARNING_RATE,
    LIMIT,
    MAX_STEPS,
    PARAMS,
    LessonNet,
    TrainingHistory,
    Values,
    _lesson_pass,
    _lesson_update,
    _train_loop,
    as_lesson_net,
)
from ..core.portable import sigmoid_pair
from ..report import Text

# The learning-rate slider's positions, 10^-2 .. 10^3 in steps of 10^0.05, and the lecture's 0.5.
RATE_EXPONENTS = (-2.0, 3.0, 0.05)
SWEEP_RATES = np.union1d(10.0 ** np.linspace(RATE_EXPONENTS[0], RATE_EXPONENTS[1], 101),
                         [LESSON_LEARNING_RATE])
# Sizes past which an argument is a typo, not a lesson: a sweep keeps rates x (steps + 1)
# errors in memory (40 MB at this cap); a grid this fine has more points than a screen.
MAX_SWEEP = 5_000_000




# -- the lecture's network ---------------------------------------------------------------
def lesson_summary(history: TrainingHistory) -> Values:
    """E_total after one update and after the last, and the final outputs beside the targets."""
    instance_of(history, "history", TrainingHistory)
    if history.steps < 1:
        raise ValueError(f"history must hold at least 1 update, got {history.steps}")
    f = history.final.forward()
    n = history.final
    return Values({
        "E_total after 1 update": history.errors[1],
        f"E_total after {history.steps:,} updates": history.errors[-1],
        "outY1": f["outY1"], "T1": n.T1, "outY2": f["outY2"], "T2": n.T2,
    })


def updates_table(histories: dict[str, TrainingHistory], targets=(1e-2, 1e-3, 1e-4, 1e-5)) -> str:
    """How many updates each run needs before E_total first drops to each target."""
    instance_of(histories, "histories", dict)
    if not histories:
        raise ValueError("histories must hold at least one run, got none")
    for name, history in histories.items():
        instance_of(history, f"histories[{name!r}]", TrainingHistory)
    targets = positive_array(targets, "targets")
    width = max(len(str(name)) for name in histories)
    lines = [f"{'E_total <=':<{width}}  " + "".join(f"{t:>9.0e}" for t in targets)]
    for name, history in histories.items():
        counts = [history.updates_to_reach(t) for t in targets]
        cells = "".join(f"{'never' if c is None else f'{c:,}':>9}" for c in counts)
        lines.append(f"{str(name):<{width}}  {cells}")
    return Text("\n".join(lines))


def train_lesson(steps: int = 10_000, learning_rate: float | None = None,
                 update_biases: bool = True, net: LessonNet | None = None):
    """E_total after 0..steps updates and the final network, from the lecture's start.

    ``LessonNet.train`` without the history of the parameters: recording all twelve after
    every update is most of its cost, and the error curve and the end need none of it.
    """
    history = as_lesson_net(net).train(steps, learning_rate, update_biases, keep_params=False)
    return history.errors, history.final


def verdict(errors, outY1: float, outY2: float, T1: float, T2: float) -> str:
    """What a training run did, by measured rules: stalled, slow or good.

    stalled: an output ended on the far side of its target, ten times closer to 0 or 1
    than the target, where the sigmoid is flat and the gradient almost zero;
    slow: E_total is still above 1e-6 at the end; good: neither.
    """
    errors = finite_array(errors, "errors", shape=(None,), min_size=1)
    outY1, outY2, T1, T2 = (number_in(v, n, 0.0, 1.0) for v, n in (
        (outY1, "outY1"), (outY2, "outY2"), (T1, "T1"), (T2, "T2")))
    if outY1 < T1 / 10 or outY1 > 1 - (1 - T1) / 10 or outY2 < T2 / 10 \
            or outY2 > 1 - (1 - T2) / 10:
        return "stalled"
    return "slow" if errors[-1] > 1e-6 else "good"


def rises(errors) -> int:
    """On how many updates E_total went up by more than rounding.

    Rounding: a rise of less than one part in a billion, or any change once E_total is
    below 1e-28 (each output then sits within about 1e-14 of its target, where the last
    digits of a float are all that move).
    """
    errors = finite_array(errors, "errors", shape=(None,), min_size=1)
    before, after = errors[:-1], errors[1:]
    return int(np.count_nonzero((after > before * (1 + 1e-9)) & (before > 1e-28)))


def rate_text(rate: float) -> str:
    """A learning rate to 3 significant figures without an exponent: 1000, 44.7, 0.01."""
    rate = positive_number(rate, "rate")
    return f"{float(f'{rate:.3g}'):g}"


def _small(error: float) -> str:
    # Below 1e-20 each output is within about 1e-10 of its target and the digits shown
    # would depend on the last bits of exp() on this machine; say only how small it is.
    return "< 1e-20" if error < 1e-20 else f"{error:.3g}"


@dataclass(frozen=True)
class LearningRateSweep:
    """``errors[i, k]``: E_total after k updates at ``rates[i]``; ``final[name][i]`` likewise."""

    rates: np.ndarray
    errors: np.ndarray
    final: dict
    update_biases: bool
    net: LessonNet

    def index(self, rate: float) -> int | None:
        """Which row holds ``rate`` (to 1e-9 in log10), or None."""
        rate = positive_number(rate, "rate")
        gaps = np.abs(np.log10(self.rates) - np.log10(rate))
        i = int(np.argmin(gaps))
        return i if gaps[i] < 1e-9 else None

    def _i(self, i) -> int:
        return positive_int(i, "i", minimum=0, maximum=len(self.rates) - 1)

    def final_net(self, i: int) -> LessonNet:
        """The network after training at ``rates[i]``."""
        i = self._i(i)
        return self.net.with_values(**{n: float(self.final[n][i]) for n in PARAMS})

    def verdict(self, i: int) -> str:
        """stalled, slow or good (``verdict``) for the run at ``rates[i]``."""
        i = self._i(i)
        f = self.final_net(i).forward()
        return verdict(self.errors[i], f["outY1"], f["outY2"], self.net.T1, self.net.T2)

    def curve(self, rate: float) -> tuple[np.ndarray, str]:
        """E_total after 0..steps updates at ``rate`` and its verdict; a rate that was not
        swept is trained on the spot (one ``LessonNet.train`` call)."""
        rate = positive_number(rate, "rate", maximum=LIMIT)
        i = self.index(rate)
        if i is not None:
            return self.errors[i], self.verdict(i)
        steps = self.errors.shape[1] - 1
        history = self.net.train(steps, rate, update_biases=self.update_biases)
        f = history.final.forward()
        return history.errors, verdict(history.errors, f["outY1"], f["outY2"], self.net.T1,
                                       self.net.T2)

    def table(self, rates=None) -> str:
        """One line per rate: error after 1, 100 and all updates, rises, updates to 1e-6.

        Errors below 1e-20 show as "< 1e-20"."""
        rows = (range(len(self.rates)) if rates is None
                else [self._row(r) for r in positive_array(rates, "rates")])
        steps = self.errors.shape[1] - 1
        head = (f"{'rate':>8} {'E after 1':>10} {'after 100':>10} {f'after {steps:,}':>12} "
                f"{'rises':>6} {'to 1e-6':>8}  verdict")
        lines = [head]
        for i in rows:
            e = self.errors[i]
            hits = np.flatnonzero(e <= 1e-6)
            reach = f"{hits[0]:,}" if hits.size else "never"
            lines.append(f"{rate_text(self.rates[i]):>8} {_small(e[1]):>10} "
                         f"{_small(e[min(100, steps)]):>10} {_small(e[-1]):>12} {rises(e):>6} "
                         f"{reach:>8}  {self.verdict(i)}")
        return Text("\n".join(lines))

    def _row(self, rate) -> int:
        i = self.index(rate)
        if i is None:
            raise ValueError(f"rate {rate:g} is not one of the swept rates")
        return i


def sweep_learning_rates(rates=SWEEP_RATES, steps: int = 10_000, net: LessonNet | None = None,
                         update_biases: bool = True) -> LearningRateSweep:
    """``LessonNet.train`` for many learning rates at once: one array element per rate.

    The same _lesson_pass and _lesson_update as LessonNet.train, on arrays, so each row equals
    ``net.train(steps, rate)`` bit for bit (a test checks).
    """
    lr = positive_array(rates, "rates", maximum=LIMIT)
    steps = positive_int(steps, "steps", minimum=0, maximum=MAX_STEPS)
    if lr.size * (steps + 1) > MAX_SWEEP:
        raise ValueError(f"steps must be <= {MAX_SWEEP // lr.size - 1:,} for {lr.size} rates "
                         f"(every error is kept), got {steps:,}")
    net = as_lesson_net(net)
    update_biases = flag(update_biases, "update_biases")
    errors, P = _sweep_loop(net, lr, steps, update_biases)
    grown = ~np.all(np.abs(P) <= LIMIT, axis=0)  # NaN counts as grown
    if np.any(grown):
        raise ValueError(f"rates: learning rate {lr[grown][0]:g} pushed the parameters past "
                         f"{LIMIT:g} within {steps:,} updates; try smaller ones")
    final = {name: P[i].copy() for i, name in enumerate(PARAMS)}
    return LearningRateSweep(lr, errors, final, update_biases, net)


def slider_sweep(update_biases: bool = True, steps: int = 10_000) -> LearningRateSweep:
    """The sweep of every slider position (``SWEEP_RATES``) from the lecture's start, made
    once per setting and then shared: by the app, its still picture and a re-opened app."""
    return _slider_sweep(flag(update_biases, "update_biases"),
                         positive_int(steps, "steps", minimum=0, maximum=MAX_STEPS))


@functools.lru_cache(maxsize=4)
def _slider_sweep(update_biases: bool, steps: int) -> LearningRateSweep:
    return sweep_learning_rates(SWEEP_RATES, steps, LessonNet(), update_biases)


def _sweep_loop(net: LessonNet, lr: np.ndarray, steps: int, update_biases: bool):
    """LessonNet.train's loop with an array of one element per rate in place of each float:
    E_total (rates, steps + 1) and the final parameters (12, rates)."""
    p = tuple(np.full(lr.size, getattr(net, name)) for name in PARAMS)
    x1, x2, T1, T2 = net.x1, net.x2, net.T1, net.T2
    errors = np.empty((steps + 1, lr.size))
    for k in range(steps + 1):
        values, grads = _lesson_pass(p, x1, x2, T1, T2, sigmoid_pair)
        errors[k] = values[E_TOTAL]
        if k == steps:
            break
        p = _lesson_update(p, grads, lr, update_biases)
    return errors.T.copy(), np.array(p)


def train_sample(net: MatrixNet, x, t, steps: int, learning_rate: float,
                 update_biases: bool = True) -> tuple[np.ndarray, MatrixNet]:
    """Repeat forward, backward, update on one sample: E after 0..steps updates, final net."""
    x, t = instance_of(net, "net", MatrixNet)._check_x(x), net._check_t(t)
    steps = positive_int(steps, "steps", minimum=0, maximum=MAX_STEPS)
    lr = positive_number(learning_rate, "learning_rate", maximum=LIMIT)
    update_biases = flag(update_biases, "update_biases")
    Ws, bs = net._arrays()
    errors = np.empty(steps + 1)
    for k in range(steps):
        errors[k] = _sgd_step(Ws, bs, x, t, lr, update_biases)
    final = MatrixNet(_updated_layers(Ws, bs, lr, f"{steps:,} updates"))
    errors[steps] = final.error(x, t)
    return errors, final


def matrix_agrees_with_lesson(steps: int = 10_000, learning_rate: float = LESSON_LEARNING_RATE,
                              update_biases: bool = True, tolerance: float = 1e-12) -> str:
    """Train the lecture's net both ways (named floats, and matrices) and compare every number."""
    tolerance = positive_number(tolerance, "tolerance")
    net = LessonNet()
    history = net.train(steps, learning_rate, update_biases)
    errors, final = train_sample(MatrixNet.from_lesson(net), [net.x1, net.x2],
                                 [net.T1, net.T2], steps, learning_rate, update_biases)
    params = final.to_lesson_params()
    error_gap = float(np.max(np.abs(errors - history.errors)))
    param_gap = max(abs(params[n] - history.params[n][-1]) for n in PARAMS)
    verdicts = {True: "agree", False: "DIFFER"}
    return Text(
        f"{steps:,} updates at learning rate {learning_rate:g}, matrix form against "
        f"LessonNet.train:\n"
        f"  E_total after every update: {verdicts[error_gap <= tolerance]} to {tolerance:g}\n"
        f"  all 12 final parameters:    {verdicts[param_gap <= tolerance]} to {tolerance:g}")

LOSSES = ("squared", "cross_entropy")


def train_lesson_loss(learning_rate: float, steps: int = 10_000, loss: str = "squared",
                      net: LessonNet | None = None, update_biases: bool = True):
    """E_total (squared error, to compare like with like) after 0..steps updates, and the
    final network, when the updates follow the gradient of ``loss``.

    squared: E = 1/2 sum (T - out)^2, so dE/dy = (out - T) out (1 - out) (LessonNet.train);
    cross_entropy: E = -sum [T ln out + (1 - T) ln(1 - out)], so dE/dy = out - T: the
    sigmoid's slope out (1 - out) cancels. Portable arithmetic: the same bits everywhere.
    """
    lr = positive_number(learning_rate, "learning_rate", maximum=LIMIT)
    steps = positive_int(steps, "steps", minimum=0, maximum=MAX_STEPS)
    one_of(loss, "loss", LOSSES)
    net = as_lesson_net(net)
    update_biases = flag(update_biases, "update_biases")
    if loss == "squared":
        history = net.train(steps, lr, update_biases, keep_params=False)
        return history.errors, history.final
    errors, _, last = _train_loop(net, steps, lr, update_biases, keep_params=False,
                                  cross_entropy=True)
    if not all(abs(v) <= LIMIT for v in last):  # NaN fails too
        raise ValueError(f"learning_rate {lr:g} pushed the weights past {LIMIT:g} within "
                         f"{steps:,} updates; try a smaller one")
    return np.array(errors), net.with_values(**dict(zip(PARAMS, last, strict=True)))


def loss_table(rates, steps: int = 10_000) -> str:
    """Per rate: E_total after 1, 100 and ``steps`` updates with each loss's gradient, on
    how many updates it rose (by more than rounding, as ``rises``) and its largest value
    after the first update: a run that jumps around shows there, not in its last value."""
    rates = positive_array(rates, "rates", maximum=LIMIT).tolist()
    steps = positive_int(steps, "steps", maximum=MAX_STEPS)  # the table shows E after 1
    lines = [f"{'rate':>6}  {'loss followed':<14} {'E after 1':>10} {'after 100':>10} "
             f"{f'after {steps:,}':>13} {'rises':>6} {'largest after 1':>16}"]
    for rate in rates:
        for loss in LOSSES:
            e, _ = train_lesson_loss(rate, steps, loss)
            lines.append(f"{rate_text(rate):>6}  {loss:<14} {_small(e[1]):>10} "
                         f"{_small(e[min(100, steps)]):>10} {_small(e[-1]):>13} "
                         f"{rises(e):>6,} {_small(e[1:].max()):>16}")
    return Text("\n".join(lines))


def layer_gradients(depth: int = 10, width: int = 4, seed: int = 0) -> np.ndarray:
    """The size of dE/dW for each layer of a random sigmoid net of ``depth`` layers of
    ``width`` units (root mean square of the entries), first layer first, on one sample
    (x = 1, 1, ...; t = 1): how much of the error's gradient reaches each layer."""
    depth = positive_int(depth, "depth", minimum=2, maximum=100)
    width = positive_int(width, "width", maximum=MAX_UNITS)
    net = MatrixNet.random((width,) * (depth + 1), seed=_seed(seed))
    grads, _ = net.backward(np.ones(width), np.ones(width))
    return np.array([float(np.sqrt(np.mean(dW ** 2))) for dW, _ in grads])

