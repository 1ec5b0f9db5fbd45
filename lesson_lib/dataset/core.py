"""Small two-class data sets in the plane, made on the spot from a seed (nothing is downloaded).

Each maker returns a ``Dataset``: points ``X`` of shape (n, 2) and labels ``y`` (0 or 1),
half of each class, shuffled. The same arguments always give the same points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..core.checks import finite_array, finite_number, fraction, one_of, positive_int
from ..core.checks import seed as _seed

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
