"""The finite-difference tools themselves, checked on functions with known derivatives."""

import math

import pytest

import lesson_lib as ll


def test_central_difference_on_known_derivatives():
    assert ll.central_difference(math.sin, 0.3) == pytest.approx(math.cos(0.3), rel=1e-9)
    assert ll.central_difference(lambda x: x**3, 2.0) == pytest.approx(12.0, rel=1e-9)


def test_numeric_gradient_of_a_two_parameter_function():
    grad = ll.numeric_gradient(lambda a, b: a * a * b + math.exp(b), {"a": 1.5, "b": -0.5})
    assert grad["a"] == pytest.approx(2 * 1.5 * -0.5, rel=1e-8)
    assert grad["b"] == pytest.approx(1.5**2 + math.exp(-0.5), rel=1e-8)


def test_gradient_check_flags_a_wrong_gradient():
    f = lambda a, b: a * b  # noqa: E731
    table = ll.gradient_check(f, {"a": 2.0, "b": 3.0}, {"a": 3.0, "b": 2.5})
    assert table["a"]["relative_error"] < 1e-9
    assert table["b"]["relative_error"] == pytest.approx(0.5 / 2.5, rel=1e-6)


def test_gradient_check_needs_every_parameter():
    with pytest.raises(ValueError, match="lacks"):
        ll.gradient_check(lambda a, b: a + b, {"a": 1.0, "b": 1.0}, {"a": 1.0})


@pytest.mark.parametrize("h", [0.0, -1e-5, float("nan")])
def test_step_size_must_be_positive(h):
    with pytest.raises(ValueError, match="h must be"):
        ll.central_difference(math.sin, 0.0, h=h)


def test_nan_from_the_function_is_reported():
    with pytest.raises(ValueError, match="finite"):
        ll.central_difference(lambda x: math.nan, 0.0)
