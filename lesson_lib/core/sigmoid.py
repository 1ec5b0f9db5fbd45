"""Lesson 1 in numbers: the sigmoid's two forms, its derivative, and a tangent line."""

from __future__ import annotations

import numpy as np

from .activations import activation, sigmoid, sigmoid_prime
from .checks import finite_array, finite_number, positive_int, positive_number
from .gradcheck import DEFAULT_STEP, central_difference
from .network import Values

MAX_POINTS = 10_000_000  # a grid larger than this is a typo in spacing, not a lesson
EXP_LIMIT = 709.0  # e^x overflows a float just above x = 709.78


def lesson_grid(low: float = -6.0, high: float = 6.0, spacing: float = 0.1) -> np.ndarray:
    """x from ``low`` to ``high`` in steps of ``spacing``, both ends included (121 points)."""
    low, high = finite_number(low, "low"), finite_number(high, "high")
    spacing = positive_number(spacing, "spacing")
    if high <= low:
        raise ValueError(f"high must be > low ({low}), got {high}")
    count = positive_int(int(round((high - low) / spacing)) + 1, "the number of grid points",
                         maximum=MAX_POINTS)
    return np.linspace(low, high, count)  # linspace hits the end exactly; arange may not


def sigmoid_exp_form(x):
    """The first form on the slide, e^x / (1 + e^x), written out as is (x up to 709)."""
    x = finite_array(x, "x")
    if np.any(x > EXP_LIMIT):
        # inf / inf: written this way the form has no value there (the sigmoid is 1).
        raise ValueError(f"x must be <= {EXP_LIMIT:g} for e^x / (1 + e^x) written out (e^x "
                         f"overflows a float beyond), got {x.max():g}")
    return np.exp(x) / (1.0 + np.exp(x))


def sigmoid_neg_form(x):
    """The second form, 1 / (1 + e^-x), written out as is."""
    x = finite_array(x, "x")
    with np.errstate(over="ignore"):  # e^-x = inf for x < -709 gives 1 / inf = 0, the limit
        return 1.0 / (1.0 + np.exp(-x))


def compare_forms(xs=None) -> Values:
    """Largest gap between the two written forms of the sigmoid over the lecture's grid.

    Rounded to two significant figures, like every rounding-noise gap in the course.
    """
    xs = lesson_grid() if xs is None else finite_array(xs, "xs", min_size=1)
    gap = np.abs(sigmoid_exp_form(xs) - sigmoid_neg_form(xs))
    return Values(points=len(xs), largest_gap=float(f"{gap.max():.1e}"))


def derivative_forms(x: float) -> Values:
    """sigma'(x) at one x, from each line of the quotient-rule derivation."""
    x = finite_number(x, "x")
    if x < -EXP_LIMIT / 2:
        raise ValueError(f"x must be >= {-EXP_LIMIT / 2:g} for the quotient rule's e^-x / "
                         f"(1 + e^-x)^2 ((1 + e^-x)^2 overflows a float beyond), got {x:g}")
    e = np.exp(-x)
    s = sigmoid(x)
    return Values(
        x=x,
        quotient_rule=float(e / (1.0 + e) ** 2),
        sigma_minus_sigma_squared=s - s**2,
        sigma_times_one_minus_sigma=s * (1.0 - s),
    )


def check_derivative(name: str = "sigmoid", xs=None, h: float = DEFAULT_STEP) -> Values:
    """Analytic slope against a central difference at every x; reports the largest gap.

    The gap is rounded to two significant figures: the digits after those are rounding
    noise that differs from one machine to the next.
    """
    f, f_prime = activation(name)
    xs = lesson_grid() if xs is None else finite_array(xs, "xs", min_size=1)
    numeric = np.array([central_difference(f, float(x), h) for x in xs])
    largest = float(np.abs(f_prime(xs) - numeric).max())
    return Values(points=len(xs), largest_abs_error=float(f"{largest:.1e}"))


def sigmoid_prime_peak(xs=None) -> Values:
    """Where sigma' is largest on a grid, and how large it is."""
    xs = lesson_grid() if xs is None else finite_array(xs, "xs", min_size=1)
    slopes = sigmoid_prime(xs)
    top = int(slopes.argmax())
    return Values(at_x=float(xs[top]), peak=float(slopes[top]))


def tangent(name: str, x0: float, half_width: float = 1.5):
    """End points of the tangent to activation ``name`` at ``x0``: (xs, ys, slope, value)."""
    f, f_prime = activation(name)
    x0 = finite_number(x0, "x0")
    half_width = positive_number(half_width, "half_width")
    value, slope = f(x0), f_prime(x0)
    xs = np.array([x0 - half_width, x0 + half_width])
    return xs, value + slope * (xs - x0), slope, value
