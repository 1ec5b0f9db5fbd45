"""Input checks shared by the whole package: say what was wrong and what is allowed.

Each kind of input has one check here, called once at a public entry point, never in a loop.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

import numpy as np

_BOOLS = (bool, np.bool_)


def _too_large(value: int) -> str:
    # str() of a huge int is slow (and refused past 4300 digits): say its size instead.
    return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1} digits"


def finite_number(value, name: str) -> float:
    """Return ``value`` as a float, or raise naming ``name`` when it is not a finite number."""
    if isinstance(value, _BOOLS) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r} ({type(value).__name__})")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"{name} must be a finite number, got {_too_large(value)}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {number}")
    return number


def number_in(value, name: str, low: float, high: float) -> float:
    """A finite number from ``low`` to ``high``, both included."""
    value = finite_number(value, name)
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
    return value


def positive_number(value, name: str, maximum: float | None = None) -> float:
    """A finite number that is strictly greater than zero and, when given, at most ``maximum``."""
    value = finite_number(value, name)
    if value <= 0:
        raise ValueError(f"{name} must be > 0, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum:g}, got {value:g}")
    return value


def fraction(value, name: str) -> float:
    """A finite number strictly between 0 and 1."""
    value = finite_number(value, name)
    if not 0 < value < 1:
        raise ValueError(f"{name} must be between 0 and 1 (both excluded), got {value}")
    return value


def positive_int(value, name: str, minimum: int = 1, maximum: int | None = None) -> int:
    """An integer (not a bool) of at least ``minimum`` and, when given, at most ``maximum``."""
    if isinstance(value, _BOOLS) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r} ({type(value).__name__})")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        shown = _too_large(value) if value.bit_length() > 64 else value
        raise ValueError(f"{name} must be <= {maximum:,}, got {shown}")
    return int(value)


MAX_SEED = 2**32 - 1  # every generator takes it: NumPy's (old and new), TensorFlow's


def seed(value, name: str = "seed") -> int:
    """A random seed: an integer from 0 to 2**32 - 1, so that every run can be repeated
    (None is refused)."""
    return positive_int(value, name, minimum=0, maximum=MAX_SEED)


def flag(value, name: str) -> bool:
    """True or False, and nothing that merely looks true ("no" is a true string)."""
    if not isinstance(value, _BOOLS):
        raise TypeError(f"{name} must be True or False, got {value!r} ({type(value).__name__})")
    return bool(value)


def one_of(value, name: str, allowed) -> str:
    """One of the names in ``allowed``."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def instance_of(value, name: str, kind: type):
    """``value`` itself, when it is a ``kind``."""
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, got {type(value).__name__}")
    return value


def mapping(value, name: str) -> Mapping:
    """A dict-like of names to values."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a dict of names to numbers, got {type(value).__name__}")
    return value


def _refuse_non_numbers(value, name: str) -> None:
    """Raise unless ``value`` is a real number or a (nested) sequence or array of them.

    NumPy would quietly read '0.1' or True as a number and drop a complex part with a
    warning, so each item of a Python sequence is looked at (arrays by their dtype).
    """
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, np.ndarray):
            if item.dtype.kind not in "iuf":
                raise TypeError(f"{name} must be real numbers, got an array of {item.dtype} "
                                "values")
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))  # the first bad item is the one named
        elif isinstance(item, _BOOLS) or not isinstance(item, numbers.Real):
            inside = "" if item is value else " in it"
            raise TypeError(f"{name} must be numbers (real, not bool or text), got "
                            f"{item!r} ({type(item).__name__}){inside}")


def finite_array(value, name: str, shape: tuple | None = None, min_size: int = 0,
                 limit: float | None = None) -> np.ndarray:
    """Return ``value`` as a float array of finite numbers.

    ``shape`` may hold None for a length that can be anything, e.g. ``(None, 2)``;
    ``min_size`` is the fewest numbers it must hold; ``limit``, when given, the largest size
    any of them may have.
    """
    _refuse_non_numbers(value, name)
    try:
        array = np.asarray(value, dtype=float)
    except OverflowError:
        raise ValueError(f"{name} must hold finite numbers only, got an integer too large "
                         "for a float") from None
    except ValueError:
        raise ValueError(f"{name} must be a rectangular array of numbers (rows of equal "
                         f"length), got {value!r}") from None
    if shape is not None and (array.ndim != len(shape) or any(
            want is not None and got != want
            for got, want in zip(array.shape, shape, strict=True))):
        wanted = "(" + ", ".join("n" if s is None else str(s) for s in shape) + \
            ("," if len(shape) == 1 else "") + ")"
        raise ValueError(f"{name} must have shape {wanted}, got {array.shape}")
    if array.size < min_size:
        raise ValueError(f"{name} must hold at least {min_size} number(s), got {array.size}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers only, got {array.tolist()}")
    if limit is not None and array.size and np.max(np.abs(array)) > limit:
        raise ValueError(f"{name} must hold numbers between {-limit:g} and {limit:g}, got "
                         f"{array.flat[np.argmax(np.abs(array))]:g}")
    return array


def numeric_input(x, name: str = "x", limit: float | None = None):
    """A finite float, or a finite float array for array-like input; ``limit``, when given,
    the largest size any of them may have."""
    if isinstance(x, numbers.Real) and not isinstance(x, _BOOLS):
        return finite_number(x, name) if limit is None else number_in(x, name, -limit, limit)
    return finite_array(x, name, limit=limit)


def positive_array(values, name: str, maximum: float | None = None) -> np.ndarray:
    """A non-empty 1-D array of numbers > 0 and, when given, <= ``maximum``."""
    a = finite_array(values, name)
    if a.ndim != 1 or a.size == 0 or np.any(a <= 0) or (maximum is not None
                                                        and np.any(a > maximum)):
        most = "" if maximum is None else f" and <= {maximum:g}"
        raise ValueError(f"{name} must be a non-empty 1-D list of numbers > 0{most}, "
                         f"got {a.tolist()}")
    return a
