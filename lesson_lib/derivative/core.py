"""Lesson 1 in numbers: the lecture's grid and a tangent line (the figures and the app)."""

from __future__ import annotations

import numpy as np

from ..core.activations import activation
from ..core.checks import finite_number, positive_int, positive_number

MAX_POINTS = 10_000_000  # a grid larger than this is a typo in spacing, not a lesson


def lesson_grid(low: float = -6.0, high: float = 6.0, spacing: float = 0.1) -> np.ndarray:
    """x from ``low`` to ``high`` in steps of ``spacing``, both ends included (121 points)."""
    low, high = finite_number(low, "low"), finite_number(high, "high")
    spacing = positive_number(spacing, "spacing")
    if high <= low:
        raise ValueError(f"high must be > low ({low}), got {high}")
    points = (high - low) / spacing + 1  # inf when high - low overflows
    if not points <= MAX_POINTS + 1:
        raise ValueError(f"the number of grid points must be <= {MAX_POINTS:,}, got about "
                         f"{points:.3g} (low {low:g}, high {high:g}, spacing {spacing:g})")
    count = positive_int(int(round(points - 1)) + 1, "the number of grid points",
                         maximum=MAX_POINTS)
    return np.linspace(low, high, count)  # linspace hits the end exactly; arange may not


def tangent(name: str, x0: float, half_width: float = 1.5):
    """End points of the tangent to activation ``name`` at ``x0``: (xs, ys, slope, value)."""
    f, f_prime = activation(name)
    x0 = finite_number(x0, "x0")
    half_width = positive_number(half_width, "half_width")
    value, slope = f(x0), f_prime(x0)
    xs = np.array([x0 - half_width, x0 + half_width])
    return xs, value + slope * (xs - x0), slope, value
