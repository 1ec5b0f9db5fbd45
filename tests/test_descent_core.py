"""The revenue example and gradient descent, each against an independent oracle."""

import math
import warnings

import numpy as np
import pytest

from lesson_lib.core.gradcheck import central_difference, numeric_gradient
from lesson_lib.descent import core as descent


def test_lesson_routes_earn_what_the_arithmetic_says():
    # Oracle: pay per mile times miles, done by hand.
    revenues = {r.name: r.revenue for r in descent.LESSON_ROUTES}
    assert revenues["all East"] == pytest.approx(5 * 4)
    assert revenues["all North"] == pytest.approx(5 * 3)
    assert revenues["60 degrees from East"] == pytest.approx(2.5 * 4 + 4.33 * 3)  # 22.99
    assert revenues["along the gradient"] == pytest.approx(4 * 4 + 3 * 3)  # 25


def test_lesson_routes_are_five_miles_long():
    for route in descent.LESSON_ROUTES:
        assert route.miles == pytest.approx(5.0, abs=2e-4)  # 4.33 is 5 sin 60 rounded


def test_revenue_gradient_matches_finite_differences():
    numeric = numeric_gradient(descent.revenue, {"east": 1.3, "north": 2.2})
    analytic = descent.revenue_gradient()
    assert numeric["east"] == pytest.approx(analytic["dr_deast"], rel=1e-8)
    assert numeric["north"] == pytest.approx(analytic["dr_dnorth"], rel=1e-8)


def test_best_route_is_along_the_gradient_and_beats_every_direction():
    best = descent.best_route()
    assert best["angle_deg"] == pytest.approx(math.degrees(math.atan(3 / 4)))
    assert (best["east"], best["north"]) == pytest.approx((4.0, 3.0))
    assert best["revenue"] == pytest.approx(25.0)
    # Oracle: brute force over a fine grid of directions.
    angles = np.linspace(0.0, 360.0, 360_001)
    earned = descent.revenue_at_angle(angles)
    assert earned.max() == pytest.approx(25.0, rel=1e-9)
    assert angles[np.argmax(earned)] == pytest.approx(36.87, abs=1e-2)


def test_revenue_at_angle_is_length_times_gradient_times_cosine():
    for angle in (0.0, 36.87, 90.0, 123.4, 216.87, 300.0):
        expected = 5 * 5 * math.cos(math.radians(angle - 36.869897645844))
        assert descent.revenue_at_angle(angle) == pytest.approx(expected, abs=1e-9)


def test_calculus_route_slope_matches_finite_differences_and_vanishes_at_four():
    for x in (0.5, 2.0, 3.3, 4.0, 4.7):
        numeric = central_difference(descent.revenue_on_circle, x, h=1e-6)
        assert descent.revenue_on_circle_slope(x) == pytest.approx(numeric, rel=1e-6, abs=1e-7)
    assert descent.revenue_on_circle_slope(4.0) == pytest.approx(0.0, abs=1e-12)
    assert descent.revenue_on_circle(4.0) == pytest.approx(25.0)


def test_search_finds_the_calculus_answer():
    best = descent.search_best_east()
    assert (best["east"], best["north"], best["revenue"]) == pytest.approx((4, 3, 25), abs=1e-4)


def test_other_pay_rates_follow_the_same_rule():
    best = descent.best_route(pay=(6.0, 8.0), miles=10.0)
    assert (best["east"], best["north"], best["revenue"]) == pytest.approx((6, 8, 100))


@pytest.mark.parametrize("call, name", [
    (lambda: descent.revenue("4", 3), "east"),
    (lambda: descent.revenue(4, math.nan), "north"),
    (lambda: descent.revenue(4, 3, pay=(1, 2, 3)), "pay"),
    (lambda: descent.heading(30, miles=-1), "miles"),
    (lambda: descent.revenue_on_circle(6.0), "east"),
    (lambda: descent.revenue_on_circle_slope(5.0), "east"),
    (lambda: descent.best_angle(pay=(0, 0)), "pay"),
    (lambda: descent.search_best_east(points=1), "points"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises((TypeError, ValueError), match=name):
        call()


# --- gradient descent ---------------------------------------------------------------------

def test_bowl_gradient_matches_finite_differences():
    bowl = descent.Bowl(1.0, 10.0)
    for u, v in [(-4.0, 1.5), (0.3, -0.7), (2.0, 1.0)]:
        numeric = numeric_gradient(bowl.loss, {"u": u, "v": v})
        assert bowl.gradient(u, v) == pytest.approx((numeric["u"], numeric["v"]), rel=1e-7)


def test_descent_path_matches_the_closed_form():
    # Oracle: each coordinate is multiplied by (1 - 2 c lr) per step, so after k steps
    # u_k = (1 - 2 lr)^k u_0 and v_k = (1 - 20 lr)^k v_0.
    lr, steps = 0.07, 25
    result = descent.gradient_descent(lr, steps)
    k = np.arange(steps + 1)
    u0, v0 = descent.START
    np.testing.assert_allclose(result.path[:, 0], (1 - 2 * lr) ** k * u0, rtol=1e-12)
    np.testing.assert_allclose(result.path[:, 1], (1 - 20 * lr) ** k * v0, rtol=1e-12,
                               atol=1e-300)
    np.testing.assert_allclose(result.losses, descent.BOWL.loss(*result.path.T))
    assert result.steps_taken == steps and not result.diverged
    assert result.final == {"u": result.path[-1, 0], "v": result.path[-1, 1],
                            "loss": result.losses[-1]}


def _hessian_eigenvalues(bowl, h=1e-4):
    """Second derivatives by central differences of the loss, independent of the code."""
    f = bowl.loss
    hess = np.empty((2, 2))
    for i in range(2):
        for j in range(2):
            e_i, e_j = np.eye(2)[i] * h, np.eye(2)[j] * h
            hess[i, j] = (f(*(e_i + e_j)) - f(*(e_i - e_j)) - f(*(-e_i + e_j))
                          + f(*(-e_i - e_j))) / (4 * h * h)
    return np.linalg.eigvalsh(hess)


@pytest.mark.parametrize("bowl", [descent.Bowl(1, 10), descent.Bowl(3, 0.5), descent.Bowl(2, 2)])
def test_stability_limit_is_two_over_the_largest_curvature(bowl):
    limit = 2.0 / _hessian_eigenvalues(bowl).max()
    assert bowl.stability_limit() == pytest.approx(limit, rel=1e-6)
    # Just below the limit the run shrinks; just above it grows, then diverges.
    below = descent.gradient_descent(limit * 0.99, 300, start=(1.0, 1.0), bowl=bowl)
    above = descent.gradient_descent(limit * 1.05, 300, start=(1.0, 1.0), bowl=bowl)
    assert below.losses[-1] < below.losses[0] * 1e-2 and not below.diverged
    assert above.diverged and above.status.startswith("diverged after")


def test_lesson_bowl_limit_is_a_tenth():
    assert descent.BOWL.stability_limit() == pytest.approx(0.1)
    assert descent.BOWL.no_overshoot_limit() == pytest.approx(0.05)


def test_three_regimes():
    smooth = descent.gradient_descent(0.04, 50)
    zigzag = descent.gradient_descent(0.09, 50)
    blown = descent.gradient_descent(0.12, 50)
    assert not smooth.overshoots and smooth.pattern == "smooth"
    assert zigzag.overshoots and zigzag.status.startswith("converged after")
    # Oracle for the step count: the first k with loss <= 1e-6, from the closed form.
    k = np.arange(51)
    closed = (0.82 ** k * 4) ** 2 + 10 * ((-0.8) ** k * 1.5) ** 2
    assert zigzag.status.startswith(f"converged after {int(np.argmax(closed <= 1e-6))} steps")
    # |b_k| = 1.5 * 1.4^k passes 1000 first at k = ceil(log(1000/1.5)/log(1.4)) = 20.
    first = math.ceil(math.log(1000 / 1.5) / math.log(1.4))
    assert blown.diverged and blown.steps_taken == first
    assert blown.status == f"diverged after {first} steps"


def test_divergence_stops_without_warnings_or_nan():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for lr in (0.5, 10.0, 1e200, 1e300):
            result = descent.gradient_descent(lr, 1000)
            assert result.diverged
            assert result.steps_taken < 1000
            assert not np.any(np.isnan(result.path))
            assert result.status.startswith("diverged after")


@pytest.mark.parametrize("bowl, lr, start, words", [
    (descent.BOWL, 0.1, (-4.0, 1.5), "oscillates for ever: v = \u00b11.5, loss \u2192 22.5"),
    (descent.Bowl(1, 10), 0.1, (2.0, 0.0), "converged"),  # v starts at 0: nothing bounces
    (descent.Bowl(4, 0.5), 1 / 4, (0.5, -3.0), "oscillates for ever: u = \u00b10.5, loss \u2192 1"),
])
def test_a_run_at_exactly_the_limit_oscillates_for_ever(bowl, lr, start, words):
    # Oracle: the factor 1 - 2 c lr is exactly -1, so that coordinate keeps its size and
    # flips its sign each step; the other shrinks, so the loss tends to c * start^2.
    result = descent.gradient_descent(lr, 200, start=start, bowl=bowl)
    assert not result.diverged and result.status.startswith(words)
    if "oscillates" in words:
        flipped = 0 if bowl.curve_u * lr * 2 == 2 else 1
        assert np.abs(result.path[:, flipped]).tolist() == [abs(start[flipped])] * 201
        assert np.all(np.sign(result.path[1:, flipped]) == -np.sign(result.path[:-1, flipped]))


def test_just_off_the_limit_is_not_called_an_oscillation():
    below = descent.gradient_descent(0.1 - 1e-9, 50).status
    above = descent.gradient_descent(0.1 + 1e-9, 50).status
    assert "oscillates" not in below and "oscillates" not in above


def test_growing_but_bounded_run_says_it_is_getting_worse():
    result = descent.gradient_descent(0.11, 30)
    assert not result.diverged
    assert result.status.startswith("getting worse")


@pytest.mark.parametrize("bad", [0.0, -0.5, math.nan, math.inf])
def test_bad_learning_rate_raises_a_clear_value_error(bad):
    with pytest.raises(ValueError, match="learning_rate"):
        descent.gradient_descent(bad, 10)


@pytest.mark.parametrize("kwargs, name", [
    ({"steps": -1}, "steps"), ({"steps": 2.5}, "steps"), ({"start": (1, 2, 3)}, "start"),
    ({"start": (5000, 0)}, "start"), ({"bound": 0}, "bound"),
])
def test_bad_descent_arguments_name_themselves(kwargs, name):
    with pytest.raises((TypeError, ValueError), match=name):
        descent.gradient_descent(0.05, **kwargs)


def test_bowl_rejects_flat_or_negative_curvature():
    with pytest.raises(ValueError, match="curve_v"):
        descent.Bowl(1.0, 0.0)


def test_steepest_fall_is_opposite_the_gradient():
    g = descent.BOWL.gradient(*descent.START)
    result = descent.steepest_direction(g)
    assert result["steepest_angle_deg"] == pytest.approx(result["minus_gradient_angle_deg"],
                                                         abs=0.01)
    assert result["slope"] == pytest.approx(-math.hypot(*g), rel=1e-6)
    # Oracle: -g = (8, -30) points at 360 - atan(30 / 8) degrees; both angles print to 0.01.
    assert result["minus_gradient_angle_deg"] == pytest.approx(
        360 - math.degrees(math.atan(30 / 8)), abs=0.005)
    shown = repr(result)
    assert "steepest_angle_deg       = 284.93\n" in shown
    assert shown.endswith("minus_gradient_angle_deg = 284.93")


def test_dollars_puts_the_sign_first():
    assert descent.dollars(22.99) == "$22.99"
    assert descent.dollars(-20.944) == "-$20.94"


def test_fastest_rate_is_near_where_both_factors_balance():
    # Oracle: |1 - 2 lr| = |1 - 20 lr| at lr = 2 / 22; brute force over rates from the start.
    def steps_to_converge(lr):
        losses = descent.gradient_descent(lr, 400).losses
        return int(np.argmax(losses <= 1e-6)) if losses[-1] <= 1e-6 else 10**6

    rates = np.round(np.arange(0.01, 0.1, 0.001), 3)
    counts = np.array([steps_to_converge(lr) for lr in rates])
    fastest = rates[counts == counts.min()]
    assert np.all(np.abs(fastest - 2 / 22) < 0.004)
