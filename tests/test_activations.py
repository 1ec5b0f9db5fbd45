"""Activations against finite differences, at their numerical extremes, and on bad input."""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lesson_lib as ll
from lesson_lib.core.activations import activation

xs = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)


def test_sigmoid_known_values():
    assert ll.sigmoid(0.0) == 0.5
    # tighter than oracles.ROUNDING: the same formula, a last-bit difference at most
    assert ll.sigmoid(1.0) == pytest.approx(1 / (1 + math.e ** -1), rel=1e-15)
    assert ll.sigmoid_prime(0.0) == 0.25


def test_sigmoid_exact_limits_and_no_overflow_warning():
    grid = np.linspace(-1e4, 1e4, 200_001)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any overflow/underflow warning fails the test
        values = ll.sigmoid(grid)
        scalar_hi, scalar_lo = ll.sigmoid(1e4), ll.sigmoid(-1e4)
    assert values[0] == 0.0 and values[-1] == 1.0
    assert scalar_lo == 0.0 and scalar_hi == 1.0
    assert np.all(np.diff(values) >= 0), "the sigmoid must never decrease"


@given(xs)
def test_sigmoid_symmetry(x):
    assert ll.sigmoid(-x) == pytest.approx(1 - ll.sigmoid(x), abs=2e-16)


@given(xs)
def test_scalar_and_array_forms_agree(x):
    for f in (ll.sigmoid, ll.sigmoid_prime, ll.relu, ll.relu_prime, ll.step, ll.step_prime):
        # math.exp and np.exp may differ in the last bit
        assert f(np.array([x]))[0] == pytest.approx(f(x), rel=1e-15, abs=0)


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_prime_matches_central_difference(x):
    assert ll.sigmoid_prime(x) == pytest.approx(
        ll.central_difference(ll.sigmoid, x), rel=1e-6, abs=1e-10)


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_prime_from_output(x):
    assert ll.sigmoid_prime_from_output(ll.sigmoid(x)) == pytest.approx(ll.sigmoid_prime(x))


@pytest.mark.parametrize("name", ["relu", "step"])
@given(x=st.floats(min_value=-50, max_value=50).filter(lambda v: abs(v) > 1e-3))
def test_piecewise_derivatives_match_central_difference_away_from_the_kink(name, x):
    f, f_prime = activation(name)
    assert f_prime(x) == pytest.approx(ll.central_difference(f, x, h=1e-4), abs=1e-9)


def test_piecewise_values():
    assert ll.step(-0.1) == 0.0 and ll.step(0.0) == 1.0
    assert ll.relu(-2.0) == 0.0 and ll.relu(3.0) == 3.0
    np.testing.assert_array_equal(ll.relu(np.array([-1.0, 0.0, 2.0])), [0.0, 0.0, 2.0])


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), [1.0, float("nan")]])
def test_non_finite_input_is_refused(bad):
    with pytest.raises(ValueError, match="finite"):
        ll.sigmoid(bad)


@pytest.mark.parametrize("bad", ["1.0", None, True, [1, "a"]])
def test_non_numbers_are_refused(bad):
    with pytest.raises(TypeError, match="must be"):
        ll.sigmoid(bad)


def test_unknown_activation_lists_the_allowed_ones():
    with pytest.raises(ValueError, match="one of step, sigmoid, relu"):
        activation("tanh")
