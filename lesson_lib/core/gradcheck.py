"""Finite differences: the independent check on every analytic derivative."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .checks import finite_number, mapping, positive_number

DEFAULT_STEP = 1e-5  # balances truncation (~h^2) against rounding (~eps/h) for O(1) functions
SMALLEST_STEP = 1e-12  # relative to max(1, |x|): below it the difference is rounding noise


def central_difference(f: Callable[[float], float], x: float, h: float = DEFAULT_STEP) -> float:
    """Slope of ``f`` at ``x`` from (f(x + h) - f(x - h)) / 2h."""
    if not callable(f):
        raise TypeError(f"f must be a function of one number, got {type(f).__name__}")
    x = finite_number(x, "x")
    h = positive_number(h, "h")
    if h < SMALLEST_STEP * max(1.0, abs(x)):
        raise ValueError(f"h must be >= {SMALLEST_STEP:g} * max(1, |x|) = "
                         f"{SMALLEST_STEP * max(1.0, abs(x)):g} (a smaller step measures only "
                         f"rounding), got {h:g}")
    slope = (f(x + h) - f(x - h)) / (2.0 * h)
    return finite_number(slope, "the finite-difference slope")


def numeric_gradient(
    f: Callable[..., float], params: Mapping[str, float], h: float = DEFAULT_STEP
) -> dict[str, float]:
    """Central-difference partial derivative of ``f(**params)`` for each named parameter."""
    if not callable(f):
        raise TypeError(f"f must be a function of the named parameters, got {type(f).__name__}")
    params = {name: finite_number(value, name)
              for name, value in mapping(params, "params").items()}
    grad = {}
    for name, value in params.items():
        def along(t, name=name):
            return f(**{**params, name: t})
        grad[name] = central_difference(along, value, h)
    return grad


def relative_error(a: float, b: float, floor: float = 1e-12) -> float:
    """|a - b| scaled by the larger magnitude; ``floor`` stops 0/0 when both are ~0."""
    a, b, floor = finite_number(a, "a"), finite_number(b, "b"), positive_number(floor, "floor")
    return abs(a - b) / max(abs(a), abs(b), floor)


def gradient_check(
    f: Callable[..., float],
    params: Mapping[str, float],
    analytic: Mapping[str, float],
    h: float = DEFAULT_STEP,
) -> dict[str, dict[str, float]]:
    """Compare analytic partials with central differences, one row per parameter."""
    missing = set(mapping(params, "params")) - set(mapping(analytic, "analytic"))
    if missing:
        raise ValueError(
            f"analytic gradient lacks {sorted(missing)}; it must cover {sorted(params)}")
    numeric = numeric_gradient(f, params, h)
    exact = {name: finite_number(analytic[name], f"analytic[{name!r}]") for name in params}
    return {
        name: {
            "analytic": exact[name],
            "numeric": numeric[name],
            "relative_error": relative_error(exact[name], numeric[name]),
        }
        for name in params
    }
