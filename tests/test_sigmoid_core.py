"""Lesson 1 core: the sigmoid's forms and slope, checked against plain-math oracles."""

import math

import numpy as np
import pytest

from lesson_lib.core import sigmoid as core
from lesson_lib.core.gradcheck import central_difference


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


def test_two_written_forms_agree():
    xs = np.linspace(-30, 30, 601)
    assert np.allclose(core.sigmoid_exp_form(xs), [logistic(x) for x in xs], rtol=1e-14)
    assert np.allclose(core.sigmoid_neg_form(xs), [logistic(x) for x in xs], rtol=1e-14)
    report = core.compare_forms()
    assert report["points"] == 121 and report["largest_gap"] < 1e-15


@pytest.mark.parametrize("x", [-5.0, -1.3, 0.0, 0.7, 4.0])
def test_every_line_of_the_derivation_gives_the_slope(x):
    numeric = (logistic(x + 1e-6) - logistic(x - 1e-6)) / 2e-6
    forms = core.derivative_forms(x)
    assert forms["x"] == x
    for name in ("quotient_rule", "sigma_minus_sigma_squared", "sigma_times_one_minus_sigma"):
        assert forms[name] == pytest.approx(numeric, abs=1e-9), name


def test_derivative_check_is_tiny_for_sigmoid_and_finds_relu_corner():
    report = core.check_derivative("sigmoid")
    assert report["points"] == 121 and 0 < report["largest_abs_error"] < 1e-9
    # At ReLU's corner the central difference averages the slopes 0 and 1.
    assert core.check_derivative("relu")["largest_abs_error"] == pytest.approx(0.5)


def test_peak_of_sigmoid_prime_is_a_quarter_at_zero():
    # Hand-derived: s(1 - s) is largest at s = 1/2, i.e. at x = 0.
    assert core.sigmoid_prime_peak() == {"at_x": 0.0, "peak": 0.25}


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
