"""Input checks shared by the math core: say what was wrong and what is allowed."""

from __future__ import annotations

import math
import numbers

import numpy as np


def finite_number(value, name: str) -> float:
    """Return ``value`` as a float, or raise naming ``name`` when it is not a finite number."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return value


def positive_number(value, name: str) -> float:
    """A finite number that is strictly greater than zero."""
    value = finite_number(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    return value


def positive_int(value, name: str, minimum: int = 1) -> int:
    """An integer (not a bool) of at least ``minimum``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def finite_array(value, name: str, shape: tuple[int, ...] | None = None) -> np.ndarray:
    """Return ``value`` as a float array, checking it is numeric, finite and (optionally) shaped."""
    if value is None or isinstance(value, (str, bytes, bool, np.bool_)):
        raise TypeError(f"{name} must be numbers, got {value!r} ({type(value).__name__})")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be numbers, got {value!r}") from error
    if shape is not None and array.shape != shape:
        raise ValueError(f"{name} must have shape {shape}, got {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers only, got {array.tolist()}")
    return array


def numeric_input(x, name: str = "x"):
    """A finite float, or a finite float array for array-like input."""
    if isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_)):
        return finite_number(x, name)
    return finite_array(x, name)
