"""The lesson's activation functions and their derivatives, on floats and arrays."""

from __future__ import annotations

import numpy as np

from . import portable
from .checks import numeric_input, one_of


def _is_scalar(x) -> bool:
    return isinstance(x, float)


def step(x):
    """Unit step: 1 where x >= 0, else 0."""
    x = numeric_input(x)
    if _is_scalar(x):
        return 1.0 if x >= 0 else 0.0
    return (x >= 0).astype(float)


def step_prime(x):
    """Slope of the unit step: 0 everywhere it exists (it has none at x = 0; we report 0)."""
    x = numeric_input(x)
    return 0.0 if _is_scalar(x) else np.zeros_like(x)


def sigmoid(x):
    """Logistic sigmoid 1 / (1 + e^-x), stable for any finite x (no overflow)."""
    x = numeric_input(x)
    return portable.sigmoid_scalar(x) if _is_scalar(x) else portable.sigmoid(x)


def sigmoid_prime(x):
    """Derivative of the sigmoid: sigma(x) * (1 - sigma(x)), the same at x and -x."""
    x = numeric_input(x)
    # From the non-positive side, where sigma is tiny rather than 1 - tiny: the slope stays
    # accurate (not exactly 0 at x = 37) and symmetric, bit for bit.
    s = sigmoid(-abs(x)) if _is_scalar(x) else sigmoid(-np.abs(x))
    return s * (1.0 - s)


def sigmoid_prime_from_output(out):
    """The sigmoid's slope written with its output, out * (1 - out), as backprop uses it."""
    out = numeric_input(out, "out")
    if np.any((out < 0) | (out > 1)):
        raise ValueError(f"out must lie between 0 and 1 (a sigmoid's output), got {out}")
    return out * (1.0 - out)


def relu(x):
    """Rectified linear unit: max(0, x)."""
    x = numeric_input(x)
    return max(0.0, x) if _is_scalar(x) else np.maximum(0.0, x)


def relu_prime(x):
    """Slope of ReLU: 1 for x > 0, else 0 (at x = 0 it has no slope; we report 0)."""
    x = numeric_input(x)
    if _is_scalar(x):
        return 1.0 if x > 0 else 0.0
    return (x > 0).astype(float)


ACTIVATIONS = {
    "step": (step, step_prime),
    "sigmoid": (sigmoid, sigmoid_prime),
    "relu": (relu, relu_prime),
}


def activation(name: str):
    """Return ``(f, f_prime)`` for an activation name: 'step', 'sigmoid' or 'relu'."""
    return ACTIVATIONS[one_of(name, "name", ACTIVATIONS)]
