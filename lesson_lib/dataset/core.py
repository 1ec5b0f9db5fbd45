"""Small two-class data sets in the plane, made on the spot from a seed (nothing is downloaded).

Each maker returns a ``Dataset``: points ``X`` of shape (n, 2) and labels ``y`` (0 or 1),
half of each class, shuffled. The same arguments always give the same points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..core.checks import (
    finite_array,
    finite_number,
    flag,
    fraction,
    instance_of,
    mapping,
    number_in,
    one_of,
    positive_array,
    positive_int,
    positive_number,
)
from ..core.checks import seed as _seed
from ..core.matrix import MAX_UNITS, Layer, MatrixNet, _sgd_step, _updated_layers
from ..core.network import (
    LIMIT,
    MAX_STEPS,
    PARAMS,
    LessonNet,
)
from ..core.portable import rows_times, sigmoid
from ..report import Text
from ..training.core import rises

MAX_POINTS = 1_000_000  # more points than this is a typo, not a toy data set
MAX_NOISE = 1e6  # beyond this the points are noise alone (and far larger ones overflow)


@dataclass(frozen=True)
class Dataset:
    """Points ``X`` (n, 2) with labels ``y`` (n,) in {0, 1}, and the name of the maker."""

    name: str
    X: np.ndarray
    y: np.ndarray

    def __post_init__(self):
        X = finite_array(self.X, "X", shape=(None, 2))
        y = finite_array(self.y, "y", shape=(X.shape[0],))
        if not np.all((y == 0) | (y == 1)):
            raise ValueError(f"y must hold only the labels 0 and 1, got {sorted(set(y.tolist()))}")
        if not (np.any(y == 0) and np.any(y == 1)):
            # Accuracy and mean error of a data set without both classes teach nothing.
            raise ValueError(f"y must hold both labels, 0 and 1, got only "
                             f"{sorted(set(y.tolist()))}")
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "y", y.astype(int))

    def __len__(self) -> int:
        return len(self.y)

    def __repr__(self) -> str:
        counts = np.bincount(self.y, minlength=2)
        return (f"Dataset({self.name!r}: {len(self)} points, {counts[0]} of class 0, "
                f"{counts[1]} of class 1)")

    def split(self, test_fraction: float = 0.25, seed: int = 0) -> tuple[Dataset, Dataset]:
        """A training part and a held-out part, each keeping the two classes in proportion."""
        test_fraction = fraction(test_fraction, "test_fraction")
        rng = np.random.default_rng(_seed(seed))
        test = []
        for label in (0, 1):
            members = rng.permutation(np.flatnonzero(self.y == label))
            held = max(1, round(test_fraction * len(members)))
            if held >= len(members):
                raise ValueError(
                    f"test_fraction {test_fraction:g} leaves no training point of class {label} "
                    f"({len(members)} point(s)); each class needs at least 2 points to split")
            test.extend(members[:held])
        is_test = np.zeros(len(self), dtype=bool)
        is_test[test] = True
        return (Dataset(self.name, self.X[~is_test], self.y[~is_test]),
                Dataset(self.name, self.X[is_test], self.y[is_test]))


def _finish(name: str, X0: np.ndarray, X1: np.ndarray, rng) -> Dataset:
    X = np.vstack([X0, X1])
    y = np.repeat([0, 1], [len(X0), len(X1)])
    order = rng.permutation(len(y))
    return Dataset(name, X[order], y[order])


def _check(n, noise, seed) -> tuple[int, float, np.random.Generator]:
    n = positive_int(n, "n", minimum=4, maximum=MAX_POINTS)
    if n % 2:
        raise ValueError(f"n must be even (half the points in each class), got {n}")
    noise = finite_number(noise, "noise")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    if noise > MAX_NOISE:
        raise ValueError(f"noise must be <= {MAX_NOISE:g}, got {noise}")
    return n, noise, np.random.default_rng(_seed(seed))


def xor(n: int = 200, noise: float = 0.25, seed: int = 0) -> Dataset:
    """Four clouds around (+-1, +-1): class 1 where the two coordinates have opposite signs."""
    n, noise, rng = _check(n, noise, seed)
    corners = rng.integers(0, 2, size=n) * 2 - 1  # which of the two corners of a class
    same = np.column_stack([corners[: n // 2], corners[: n // 2]]).astype(float)
    opposite = np.column_stack([corners[n // 2:], -corners[n // 2:]]).astype(float)
    return _finish("xor", same + rng.normal(0, noise, same.shape),
                   opposite + rng.normal(0, noise, opposite.shape), rng)


def circles(n: int = 200, noise: float = 0.1, seed: int = 0, factor: float = 0.5) -> Dataset:
    """A ring of radius 1 (class 0) around a ring of radius ``factor`` (class 1)."""
    n, noise, rng = _check(n, noise, seed)
    factor = fraction(factor, "factor")
    angles = rng.uniform(0, 2 * np.pi, size=n)
    ring = np.column_stack([np.cos(angles), np.sin(angles)])
    outer, inner = ring[: n // 2], factor * ring[n // 2:]
    return _finish("circles", outer + rng.normal(0, noise, outer.shape),
                   inner + rng.normal(0, noise, inner.shape), rng)


def moons(n: int = 200, noise: float = 0.15, seed: int = 0) -> Dataset:
    """Two interleaved half circles of radius 1: the upper one (class 0) and the lower one."""
    n, noise, rng = _check(n, noise, seed)
    t = rng.uniform(0, np.pi, size=n)
    upper = np.column_stack([np.cos(t[: n // 2]), np.sin(t[: n // 2])])
    lower = np.column_stack([1 - np.cos(t[n // 2:]), 0.5 - np.sin(t[n // 2:])])
    return _finish("moons", upper + rng.normal(0, noise, upper.shape),
                   lower + rng.normal(0, noise, lower.shape), rng)


MAKERS = {"xor": xor, "circles": circles, "moons": moons}


def make(name: str, n: int = 200, noise: float | None = None, seed: int = 0) -> Dataset:
    """One of ``MAKERS`` by name; ``noise=None`` takes that data set's default."""
    one_of(name, "name", MAKERS)
    return MAKERS[name](n=n, seed=seed) if noise is None else MAKERS[name](n, noise, seed)


# -- training a classifier on a data set, sample by sample ------------------------------
MAX_EPOCHS = 100_000
MAX_RESOLUTION = 1_000


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
        return Text("\n".join(lines))


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


def untrained(name: str = "moons", hidden: int = 8, seed: int = 0):
    """Where the data-set app starts: data set ``name`` split into training and held-out
    points, and a random network of ``hidden`` units after 0 epochs on them, as
    (history, train, test)."""
    one_of(name, "name", MAKERS)
    train, test = make(name, seed=seed).split(seed=seed)
    return train_epochs(classifier(hidden, seed=seed), train, 0, 1.0, test=test), train, test


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
    return Text("\n".join(lines))


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
    rates = positive_array(rates, "rates", maximum=LIMIT).tolist()
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
    return Text("\n".join(lines))


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
    return Text("\n".join(lines))


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
    return Text("\n".join(
        f"x1 = {a:+.2f}, x2 = {b:+.2f}:  P(class 1) = {p:.4f}  ->  class {int(p >= 0.5)}"
        for (a, b), p in zip(rows, P, strict=True)))


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

