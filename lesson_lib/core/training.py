"""Training to convergence: the lecture's net over many updates and learning rates, and a
MatrixNet trained sample by sample, in epochs, on a two-class data set.

The slides' algorithm: forward, error, backward, update; repeat until the error is small;
then the next sample, until all samples are done; then predict with the final weights.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..dataset.core import Dataset
from .checks import finite_array, flag, instance_of, number_in, positive_int, positive_number
from .checks import seed as _seed
from .matrix import MAX_UNITS, Layer, MatrixNet, _sgd_step, _updated_layers
from .network import (
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
    as_lesson_net,
)
from .portable import rows_times, sigmoid, sigmoid_pair

# The learning-rate slider's positions, 10^-2 .. 10^3 in steps of 10^0.05, and the lecture's 0.5.
RATE_EXPONENTS = (-2.0, 3.0, 0.05)
SWEEP_RATES = np.union1d(10.0 ** np.linspace(RATE_EXPONENTS[0], RATE_EXPONENTS[1], 101),
                         [LESSON_LEARNING_RATE])
# Sizes past which an argument is a typo, not a lesson: a sweep keeps rates x (steps + 1)
# errors in memory (40 MB at this cap); a grid this fine has more points than a screen.
MAX_SWEEP = 5_000_000
MAX_EPOCHS = 100_000
MAX_RESOLUTION = 1_000


def _positive_array(values, name: str, maximum: float | None = None) -> np.ndarray:
    """A non-empty 1-D array of numbers > 0 and, when given, <= ``maximum``."""
    a = finite_array(values, name)
    if a.ndim != 1 or a.size == 0 or np.any(a <= 0) or (maximum is not None
                                                        and np.any(a > maximum)):
        most = "" if maximum is None else f" and <= {maximum:g}"
        raise ValueError(f"{name} must be a non-empty 1-D list of numbers > 0{most}, "
                         f"got {a.tolist()}")
    return a


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
    targets = _positive_array(targets, "targets")
    width = max(len(str(name)) for name in histories)
    lines = [f"{'E_total <=':<{width}}  " + "".join(f"{t:>9.0e}" for t in targets)]
    for name, history in histories.items():
        counts = [history.updates_to_reach(t) for t in targets]
        cells = "".join(f"{'never' if c is None else f'{c:,}':>9}" for c in counts)
        lines.append(f"{str(name):<{width}}  {cells}")
    return _Text("\n".join(lines))


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
                else [self._row(r) for r in _positive_array(rates, "rates")])
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
        return _Text("\n".join(lines))

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
    lr = _positive_array(rates, "rates", maximum=LIMIT)
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


# -- any MatrixNet, sample by sample ------------------------------------------------------
def _classifier_net(net) -> MatrixNet:
    instance_of(net, "net", MatrixNet)
    if net.sizes[0] != 2 or net.sizes[-1] != 1:
        raise ValueError(f"net must take 2 inputs and give 1 output, its sizes are {net.sizes}")
    return net


def _dataset(data, name: str) -> Dataset:
    instance_of(data, name, Dataset)
    finite_array(data.X, f"{name}.X", limit=LIMIT)  # a Dataset's points are finite already
    return data


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
    return _Text(
        f"{steps:,} updates at learning rate {learning_rate:g}, matrix form against "
        f"LessonNet.train:\n"
        f"  E_total after every update: {verdicts[error_gap <= tolerance]} to {tolerance:g}\n"
        f"  all 12 final parameters:    {verdicts[param_gap <= tolerance]} to {tolerance:g}")


def predict_proba(net: MatrixNet, X) -> np.ndarray:
    """The first output unit for each row of ``X`` (n, inputs): P(class 1) for a classifier."""
    A = finite_array(X, "X", limit=LIMIT)
    if A.ndim != 2 or A.shape[1] != instance_of(net, "net", MatrixNet).sizes[0]:
        raise ValueError(f"X must have shape (n, {net.sizes[0]}), got {A.shape}")
    return _proba(net, A)


def _proba(net: MatrixNet, A: np.ndarray) -> np.ndarray:
    for layer in net.layers:
        A = sigmoid(rows_times(A, layer.W) + layer.b)
    return A[:, 0]


def accuracy(net: MatrixNet, data: Dataset) -> float:
    """The share of points whose predicted class (output >= 0.5) equals the label."""
    return _accuracy(_classifier_net(net), _dataset(data, "data"))


def _accuracy(net: MatrixNet, data: Dataset) -> float:
    return float(np.mean((_proba(net, data.X) >= 0.5) == data.y))


def mean_error(net: MatrixNet, data: Dataset) -> float:
    """E = 1/2 (t - out)^2 averaged over the points."""
    return _mean_error(_classifier_net(net), _dataset(data, "data"))


def _mean_error(net: MatrixNet, data: Dataset) -> float:
    return float(np.mean(0.5 * (data.y - _proba(net, data.X)) ** 2))


def classifier(hidden: int, seed: int = 0) -> MatrixNet:
    """A 2-hidden-1 sigmoid net: two inputs, one output read as P(class 1)."""
    hidden = positive_int(hidden, "hidden", maximum=MAX_UNITS)
    return MatrixNet.random((2, hidden, 1), seed=_seed(seed))


@dataclass
class EpochHistory:
    """Per epoch (index 0 = before training): mean error and accuracies; ``snapshots`` holds
    the network after chosen epochs; ``net`` is the final one."""

    net: MatrixNet
    errors: np.ndarray
    train_accuracy: np.ndarray
    test_accuracy: np.ndarray | None
    snapshots: dict

    @property
    def epochs(self) -> int:
        return len(self.errors) - 1

    def summary(self) -> str:
        """The last epoch's mean error and accuracies, rounded to what a reader needs."""
        lines = [f"mean E after {self.epochs} epochs = {self.errors[-1]:.3g}",
                 f"training accuracy = {self.train_accuracy[-1]:.1%}"]
        if self.test_accuracy is not None:
            lines.append(f"held-out accuracy = {self.test_accuracy[-1]:.1%}")
        return _Text("\n".join(lines))


def train_epochs(net: MatrixNet, train: Dataset, epochs: int, learning_rate: float,
                 test: Dataset | None = None, seed: int = 0, update_biases: bool = True,
                 snapshot_epochs=(), on_epoch=None) -> EpochHistory:
    """One update per training point, in a new shuffled order each epoch, ``epochs`` times.

    ``on_epoch(epoch, history_so_far)`` is called after every epoch (a progress bar hook).
    The given ``net`` is not changed; the trained one is ``history.net``.
    """
    net, train = _classifier_net(net), _dataset(train, "train")
    if test is not None:
        _dataset(test, "test")
    epochs = positive_int(epochs, "epochs", minimum=0, maximum=MAX_EPOCHS)
    if epochs * len(train) > MAX_STEPS:
        raise ValueError(f"epochs must be <= {MAX_STEPS // len(train):,} for {len(train):,} "
                         f"training points (at most {MAX_STEPS:,} updates), got {epochs:,}")
    lr = positive_number(learning_rate, "learning_rate", maximum=LIMIT)
    rng = np.random.default_rng(_seed(seed))
    update_biases = flag(update_biases, "update_biases")
    if isinstance(snapshot_epochs, (str, bytes)) or not hasattr(snapshot_epochs, "__iter__"):
        raise TypeError(f"snapshot_epochs must be a list of epoch numbers, got "
                        f"{snapshot_epochs!r}")
    wanted = {positive_int(e, f"snapshot_epochs[{k}]", minimum=0, maximum=epochs)
              for k, e in enumerate(snapshot_epochs)}
    if on_epoch is not None and not callable(on_epoch):
        raise TypeError(f"on_epoch must be a function of (epoch, history) or None, got "
                        f"{type(on_epoch).__name__}")
    Ws, bs = net._arrays()
    X, T = train.X, train.y.astype(float)[:, None]
    history = EpochHistory(net, np.full(epochs + 1, np.nan), np.full(epochs + 1, np.nan),
                           None if test is None else np.full(epochs + 1, np.nan), {})
    for epoch in range(epochs + 1):
        if epoch:
            for i in rng.permutation(len(X)):
                _sgd_step(Ws, bs, X[i], T[i], lr, update_biases)
        current = MatrixNet(_updated_layers(Ws, bs, lr, f"{epoch} epoch(s)"))
        history.net = current
        history.errors[epoch] = _mean_error(current, train)
        history.train_accuracy[epoch] = _accuracy(current, train)
        if test is not None:
            history.test_accuracy[epoch] = _accuracy(current, test)
        if epoch in wanted:
            history.snapshots[epoch] = current
        if on_epoch is not None:
            on_epoch(epoch, history)
    return history


def rates_on_data(train: Dataset, rates, epochs: int = 100, hidden: int = 8,
                  seed: int = 0) -> str:
    """Train the same random network at each rate and say how unevenly the mean error fell.

    Per rate: the mean error after ``epochs`` epochs, on how many epochs it rose (by more
    than rounding), its largest rise, and the training accuracy at the end.
    """
    train, rates, epochs = _runs_on_data(train, rates, epochs, hidden, seed)
    if epochs < 1:  # the table is about how the error moved from epoch to epoch
        raise ValueError(f"epochs must be >= 1, got {epochs}")
    lines = [f"{'rate':>5}  {f'mean E after {epochs}':>16}  {'epochs it rose':>14}  "
             f"{'largest rise (epoch: before -> after)':<37}  training accuracy"]
    for rate in rates:
        run = train_epochs(classifier(hidden, seed=seed), train, epochs, rate, seed=seed)
        jumps = np.diff(run.errors)
        k = int(np.argmax(jumps)) + 1
        largest = (f"epoch {k}: {run.errors[k - 1]:.3g} -> {run.errors[k]:.3g}"
                   if rises(run.errors) else "none")
        lines.append(f"{rate:>5g}  {run.errors[-1]:>16.3g}  {rises(run.errors):>14}  "
                     f"{largest:<37}  {run.train_accuracy[-1]:.1%}")
    return _Text("\n".join(lines))


def last_bit_runs(train: Dataset, rates, epochs: int = 100, hidden: int = 8,
                  seed: int = 0) -> dict:
    """Per rate, two runs of ``train_epochs``: from ``classifier(hidden, seed)``, and from the
    same network with its first weight moved by one float step (the smallest change there is).
    """
    train, rates, epochs = _runs_on_data(train, rates, epochs, hidden, seed)
    runs = {}
    for rate in rates:
        net = classifier(hidden, seed=seed)
        W = net.layers[0].W.copy()
        W[0, 0] = np.nextafter(W[0, 0], np.inf)
        nudged = MatrixNet([Layer(W, net.layers[0].b), *net.layers[1:]])
        runs[rate] = (train_epochs(net, train, epochs, rate, seed=seed),
                      train_epochs(nudged, train, epochs, rate, seed=seed))
    return runs


def _runs_on_data(train, rates, epochs, hidden, seed) -> tuple[Dataset, list, int]:
    """The checked arguments of several ``train_epochs`` runs, before the first one starts."""
    train = _dataset(train, "train")
    rates = _positive_array(rates, "rates", maximum=LIMIT).tolist()
    classifier(hidden, seed)  # checks hidden and seed
    return train, rates, positive_int(epochs, "epochs", minimum=0, maximum=MAX_EPOCHS)


def _last_bit_pairs(runs) -> dict:
    """``runs`` as ``last_bit_runs`` makes it: learning rate -> two EpochHistory."""
    instance_of(runs, "runs", dict)
    if not runs:
        raise ValueError("runs must hold at least one learning rate, got none")
    for rate, pair in runs.items():
        positive_number(rate, "runs' learning rate")
        if not (isinstance(pair, tuple) and len(pair) == 2
                and all(isinstance(h, EpochHistory) for h in pair)):
            raise TypeError(f"runs[{rate!r}] must be a pair of EpochHistory (as "
                            f"last_bit_runs makes), got {type(pair).__name__}")
    return runs


def last_bit_table(runs: dict) -> str:
    """Per rate: the mean error at the end of both runs and the first epoch they part by 1 %."""
    lines = [f"{'rate':>5}  {'mean E, as drawn':>16}  {'one bit moved':>13}  "
             "first epoch 1 % apart"]
    for rate, (plain, nudged) in _last_bit_pairs(runs).items():
        apart = np.flatnonzero(np.abs(nudged.errors - plain.errors) > 0.01 * plain.errors)
        lines.append(f"{rate:>5g}  {plain.errors[-1]:>16.3g}  {nudged.errors[-1]:>13.3g}  "
                     f"{apart[0] if apart.size else 'never'}")
    return _Text("\n".join(lines))


LAST_BIT_NUDGES = (((0, 0), "up"), ((0, 0), "down"), ((0, 1), "up"), ((1, 0), "up"),
                   ((2, 0), "up"), ((3, 1), "up"))


def last_bit_nudges(train: Dataset, learning_rate: float, nudges=LAST_BIT_NUDGES,
                    epochs: int = 100, hidden: int = 8, seed: int = 0) -> str:
    """Per nudge ((i, j), "up" or "down"): move first-layer weight W[i, j] (hidden unit i,
    input j) by one float step and train as ``last_bit_runs`` does; say whether the run
    stayed bit for bit the same (the nudge was rounded away), the first epoch the mean
    errors are 1 % apart, and the mean error at the end."""
    rate = positive_number(learning_rate, "learning_rate", maximum=LIMIT)
    train, _, epochs = _runs_on_data(train, [rate], epochs, hidden, seed)
    net = classifier(hidden, seed=seed)
    W0 = net.layers[0].W
    if isinstance(nudges, (str, bytes)) or not hasattr(nudges, "__iter__"):
        raise TypeError(f"nudges must be a list of ((i, j), 'up' or 'down'), got {nudges!r}")
    checked = []
    for k, nudge in enumerate(nudges):
        if not (isinstance(nudge, tuple) and len(nudge) == 2 and nudge[1] in ("up", "down")
                and isinstance(nudge[0], tuple) and len(nudge[0]) == 2
                and all(isinstance(v, int) and 0 <= v < n
                        for v, n in zip(nudge[0], W0.shape, strict=True))):
            raise ValueError(f"nudges[{k}] must be ((i, j), 'up' or 'down') with 0 <= i < "
                             f"{W0.shape[0]} and 0 <= j < {W0.shape[1]}, got {nudge!r}")
        checked.append(nudge)
    plain = train_epochs(net, train, epochs, rate, seed=seed)
    lines = [f"{'weight':<8} {'one bit':<7}  {'first epoch 1 % apart':<30}  "
             f"mean E after {epochs}",
             f"{'(none)':<8} {'':<7}  {'(the run as drawn)':<30}  {plain.errors[-1]:.3g}"]
    for (i, j), way in checked:
        W = W0.copy()
        W[i, j] = np.nextafter(W[i, j], np.inf if way == "up" else -np.inf)
        run = train_epochs(MatrixNet([Layer(W, net.layers[0].b), *net.layers[1:]]), train,
                           epochs, rate, seed=seed)
        apart = np.flatnonzero(np.abs(run.errors - plain.errors) > 0.01 * plain.errors)
        when = (str(apart[0]) if apart.size else
                "never: rounded away, same bits" if np.array_equal(run.errors, plain.errors)
                else "never")
        lines.append(f"{f'W[{i}, {j}]':<8} {way:<7}  {when:<30}  {run.errors[-1]:.3g}")
    return _Text("\n".join(lines))


def probability_grid(net: MatrixNet, bounds, resolution: int = 100):
    """P(class 1) on a grid over ``bounds`` = (x_min, x_max, y_min, y_max): xs, ys, P[ys, xs]."""
    net = _classifier_net(net)
    x0, x1, y0, y1 = finite_array(bounds, "bounds", shape=(4,), limit=LIMIT)
    if x1 <= x0 or y1 <= y0:
        raise ValueError(f"bounds must be (x_min, x_max, y_min, y_max) with min < max, "
                         f"got {bounds}")
    resolution = positive_int(resolution, "resolution", minimum=2, maximum=MAX_RESOLUTION)
    xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    P = _proba(net, np.column_stack([gx.ravel(), gy.ravel()]))
    return xs, ys, P.reshape(gy.shape)


def bounds_of(data: Dataset, margin: float = 0.5) -> tuple[float, float, float, float]:
    """A box around the points with ``margin`` to spare on every side."""
    data = _dataset(data, "data")
    margin = number_in(margin, "margin", 0.0, LIMIT)
    lo, hi = data.X.min(axis=0) - margin, data.X.max(axis=0) + margin
    return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1])


def predict_points(net: MatrixNet, points) -> str:
    """P(class 1) and the predicted class for each point (x1, x2) a learner types in."""
    net = _classifier_net(net)
    rows = np.atleast_2d(finite_array(points, "points", limit=LIMIT))
    if rows.ndim != 2 or rows.shape[1] != 2 or rows.shape[0] == 0:
        raise ValueError(f"points must be (x1, x2) pairs, shape (n, 2), got shape "
                         f"{np.shape(points)}")
    P = _proba(net, rows)
    return _Text("\n".join(
        f"x1 = {a:+.2f}, x2 = {b:+.2f}:  P(class 1) = {p:.4f}  ->  class {int(p >= 0.5)}"
        for (a, b), p in zip(rows, P, strict=True)))


class _Text(str):
    """A string that a notebook shows as plain lines (no quotes)."""

    def __repr__(self) -> str:
        return str(self)

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


# -- what the lecture leaves out (issue 11): cross-entropy, vanishing gradients, ----------
# -- the lecture's network on a data set ------------------------------------------------
from .checks import mapping, one_of  # noqa: E402  (this block's own needs)
from .portable import sigmoid_scalar  # noqa: E402

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
    sig = sigmoid_scalar
    w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22 = (getattr(net, n) for n in PARAMS)
    x1, x2, T1, T2 = net.x1, net.x2, net.T1, net.T2
    errors = np.empty(steps + 1)
    for k in range(steps + 1):
        oh1, oh2 = sig(x1 * w1 + x2 * w2 + b11), sig(x1 * w3 + x2 * w4 + b12)
        oy1, oy2 = sig(oh1 * w5 + oh2 * w6 + b21), sig(oh1 * w7 + oh2 * w8 + b22)
        errors[k] = 0.5 * (T1 - oy1) ** 2 + 0.5 * (T2 - oy2) ** 2
        if k == steps:
            break
        d_y1, d_y2 = oy1 - T1, oy2 - T2  # no factor out (1 - out): it cancelled
        d_h1 = (d_y1 * w5 + d_y2 * w7) * oh1 * (1.0 - oh1)
        d_h2 = (d_y1 * w6 + d_y2 * w8) * oh2 * (1.0 - oh2)
        w5, w6 = w5 - lr * d_y1 * oh1, w6 - lr * d_y1 * oh2
        w7, w8 = w7 - lr * d_y2 * oh1, w8 - lr * d_y2 * oh2
        w1, w2 = w1 - lr * d_h1 * x1, w2 - lr * d_h1 * x2
        w3, w4 = w3 - lr * d_h2 * x1, w4 - lr * d_h2 * x2
        if update_biases:
            b11, b12, b21, b22 = b11 - lr * d_h1, b12 - lr * d_h2, b21 - lr * d_y1, b22 - lr * d_y2
        if max(abs(v) for v in (w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22)) > LIMIT:
            raise ValueError(f"learning_rate {lr:g} pushed the weights past {LIMIT:g} within "
                             f"{k + 1:,} updates; try a smaller one")
    final = net.with_values(**dict(zip(PARAMS, (w1, w2, w3, w4, w5, w6, w7, w8,
                                                b11, b12, b21, b22), strict=True)))
    return errors, final


def loss_table(rates, steps: int = 10_000) -> str:
    """Per rate: E_total after 1, 100 and ``steps`` updates with each loss's gradient, on
    how many updates it rose (by more than rounding, as ``rises``) and its largest value
    after the first update: a run that jumps around shows there, not in its last value."""
    rates = _positive_array(rates, "rates", maximum=LIMIT).tolist()
    steps = positive_int(steps, "steps", maximum=MAX_STEPS)  # the table shows E after 1
    lines = [f"{'rate':>6}  {'loss followed':<14} {'E after 1':>10} {'after 100':>10} "
             f"{f'after {steps:,}':>13} {'rises':>6} {'largest after 1':>16}"]
    for rate in rates:
        for loss in LOSSES:
            e, _ = train_lesson_loss(rate, steps, loss)
            lines.append(f"{rate_text(rate):>6}  {loss:<14} {_small(e[1]):>10} "
                         f"{_small(e[min(100, steps)]):>10} {_small(e[-1]):>13} "
                         f"{rises(e):>6,} {_small(e[1:].max()):>16}")
    return _Text("\n".join(lines))


def layer_gradients(depth: int = 10, width: int = 4, seed: int = 0) -> np.ndarray:
    """The size of dE/dW for each layer of a random sigmoid net of ``depth`` layers of
    ``width`` units (root mean square of the entries), first layer first, on one sample
    (x = 1, 1, ...; t = 1): how much of the error's gradient reaches each layer."""
    depth = positive_int(depth, "depth", minimum=2, maximum=100)
    width = positive_int(width, "width", maximum=MAX_UNITS)
    net = MatrixNet.random((width,) * (depth + 1), seed=_seed(seed))
    grads, _ = net.backward(np.ones(width), np.ones(width))
    return np.array([float(np.sqrt(np.mean(dW ** 2))) for dW, _ in grads])


def lesson_outputs(params, X) -> np.ndarray:
    """outY1 and outY2 of the lecture's network with ``params`` for each row of X (n, 2):
    shape (n, 2). The portable sigmoid: the same bits everywhere."""
    missing = [n for n in PARAMS if n not in mapping(params, "params")]
    if missing:
        raise ValueError(f"params must hold all of {', '.join(PARAMS)}; missing: "
                         f"{', '.join(missing)}")
    p = {n: number_in(params[n], n, -LIMIT, LIMIT) for n in PARAMS}
    A = finite_array(X, "X", limit=LIMIT)
    if A.ndim != 2 or A.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {A.shape}")
    net = MatrixNet.from_lesson(LessonNet(**p))
    for layer in net.layers:
        A = sigmoid(rows_times(A, layer.W) + layer.b)
    return A


def lesson_accuracy(params, data: Dataset) -> float:
    """The share of points the lecture's network puts in their class: class 1 where
    outY2 > outY1 (targets T1 = 1 for class 0, T2 = 1 for class 1)."""
    out = lesson_outputs(params, _dataset(data, "data").X)
    return float(np.mean((out[:, 1] > out[:, 0]) == data.y))
