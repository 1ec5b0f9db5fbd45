"""Lesson 1 core: the grid, the tangent, and the float facts the lesson states."""

import math
import sys

import numpy as np
import pytest

import lesson_lib as ll
from lesson_lib.core.gradcheck import central_difference
from lesson_lib.derivative import core as core


def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


def test_lesson_grid_is_minus_six_to_six_in_tenths():
    xs = core.lesson_grid()
    assert len(xs) == 121
    assert xs[0] == -6 and xs[-1] == 6 and xs[60] == 0
    assert np.allclose(np.diff(xs), 0.1)


@pytest.mark.parametrize("kwargs, word", [
    ({"spacing": 0}, "spacing must be > 0"),
    ({"low": 1, "high": 0}, "high must be > low"),
    ({"low": "a"}, "low must be a real number"),
])
def test_lesson_grid_rejects_bad_input(kwargs, word):
    with pytest.raises((TypeError, ValueError), match=word):
        core.lesson_grid(**kwargs)


def naive_slope(x):
    """The lesson's s * (1 - s) from the lecture's 1 / (1 + e^-x), as a learner writes it."""
    s = logistic(x)
    return s * (1 - s)


def test_the_floats_the_lesson_states():
    # Written forms overflow beyond ln(largest float) = 709.78, each on one side.
    assert math.log(sys.float_info.max) == pytest.approx(709.78, abs=0.005)
    for call in (lambda: math.exp(1000.0) / (1 + math.exp(1000.0)), lambda: logistic(-1000.0)):
        with pytest.raises(OverflowError):
            call()
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(np.exp(1000.0) / (1 + np.exp(1000.0)))
    # 1 + e^-x rounds to 1 once e^-x <= 2^-53, i.e. from x = 53 ln 2 = 36.74 on.
    edge = 53 * math.log(2)
    assert f"{edge:.2f}" == "36.74"
    assert naive_slope(math.nextafter(edge, 99)) == 0.0 and naive_slope(37.0) == 0.0
    assert naive_slope(36.73) > 0 and naive_slope(36.0) == pytest.approx(2.22e-16, rel=1e-3)
    # The true slope e^-x / (1 + e^-x)^2, and the same at -x (where s is tiny, not 1 - tiny).
    true_37 = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert f"{true_37:.3g}" == "8.53e-17" and naive_slope(-37.0) == pytest.approx(true_37)
    assert ll.sigmoid_prime(37.0) == ll.sigmoid_prime(-37.0) == pytest.approx(true_37)
    # Even the float nearest the true sigma(x) is 1.0 once 1 - sigma(x) < 2^-54: x > 54 ln 2.
    assert f"{54 * math.log(2):.1f}" == "37.4"
    # lesson_lib's slope underflows to 0 only beyond |x| = 745 (smallest float 5e-324).
    assert ll.sigmoid_prime(745.0) > 0 and ll.sigmoid_prime(-746.0) == 0.0


@pytest.mark.parametrize("name", ["sigmoid", "relu", "step"])
@pytest.mark.parametrize("x0", [-2.5, 0.4, 3.0])
def test_tangent_touches_the_curve_with_the_numeric_slope(name, x0):
    from lesson_lib.core.activations import activation

    f, _ = activation(name)
    xs, ys, slope, value = core.tangent(name, x0)
    assert value == f(x0)
    assert slope == pytest.approx(central_difference(f, x0), abs=1e-6)
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(slope)
    assert np.interp(x0, xs, ys) == pytest.approx(value)


def test_tangent_rejects_unknown_activation_and_bad_x():
    with pytest.raises(ValueError, match="name must be one of step, sigmoid, relu"):
        core.tangent("tanh", 0.0)
    with pytest.raises(ValueError, match="x0 must be a finite number"):
        core.tangent("sigmoid", float("nan"))
