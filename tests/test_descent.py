"""Lesson 3 (lesson_lib/descent/): gradient descent."""

import contextlib
import io
import math
import re
import warnings

import nbformat
import numpy as np
import pytest
from matplotlib.text import Annotation
from oracles import NOTEBOOKS, ROUNDING
from picture_oracle import assert_shows_the_figure

import lesson_lib as ll
from lesson_lib.core.gradcheck import central_difference, numeric_gradient
from lesson_lib.descent import core as descent
from lesson_lib.descent import exercises as exercises
from lesson_lib.descent import figures as figures
from lesson_lib.exercises import function_from_code

# == core ==================================================================================
# The revenue example and gradient descent, each against an independent oracle.

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
    # a 0.001-degree grid misses the peak by at most 4e-11 (relative)
    assert earned.max() == pytest.approx(25.0, rel=1e-9)
    assert angles[np.argmax(earned)] == pytest.approx(36.87, abs=1e-2)


def test_revenue_at_angle_is_length_times_gradient_times_cosine():
    for angle in (0.0, 36.87, 90.0, 123.4, 216.87, 300.0):
        expected = 5 * 5 * math.cos(math.radians(angle - 36.869897645844))
        # 36.869897645844 is the peak's angle to 12 decimals
        assert descent.revenue_at_angle(angle) == pytest.approx(expected, abs=1e-9)


def test_calculus_route_slope_matches_finite_differences_and_vanishes_at_four():
    for x in (0.5, 2.0, 3.3, 4.0, 4.7):
        numeric = central_difference(descent.revenue_on_circle, x, h=1e-6)
        assert descent.revenue_on_circle_slope(x) == pytest.approx(numeric, rel=1e-6, abs=1e-7)
    assert descent.revenue_on_circle_slope(4.0) == pytest.approx(0.0, abs=ROUNDING)
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
    np.testing.assert_allclose(result.path[:, 0], (1 - 2 * lr) ** k * u0, rtol=ROUNDING)
    np.testing.assert_allclose(result.path[:, 1], (1 - 20 * lr) ** k * v0, rtol=ROUNDING,
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


# == figures ===============================================================================
# Figures for steepest descent draw the numbers of the core, labelled and legible.

def _labelled(ax):
    return ax.get_xlabel() and ax.get_ylabel()


@pytest.mark.parametrize("build", [
    figures.routes_figure, figures.direction_figure, figures.circle_revenue_figure,
    figures.descent_figure, figures.learning_rates_figure,
])
def test_every_panel_has_title_labels_and_legend(build):
    fig = build()
    for ax in fig.axes:
        assert ax.get_title() or fig.get_suptitle()
        assert _labelled(ax)
        assert ax.get_legend() is not None or fig.legends  # a figure's legend, outside
    assert fig.to_png().startswith(b"\x89PNG")


def test_routes_figure_lists_the_four_revenues():
    labels = [t.get_text() for t in figures.routes_figure().axes[0].get_legend().get_texts()]
    for amount in ("$20.00", "$15.00", "$22.99", "$25.00"):
        assert any(amount in label for label in labels)


def test_direction_figure_places_the_trip_and_its_revenue():
    view = figures.DirectionView.draw(90.0)
    fig = view.fig
    assert view.trip.xy == pytest.approx((0.0, 5.0), abs=ROUNDING)
    x, y = view.marker.get_data()
    assert (x[0], y[0]) == pytest.approx((90.0, 15.0))
    assert "$15.00" in view.label.get_text()
    curve = fig.axes[1].get_lines()[0]
    assert curve.get_ydata().max() == pytest.approx(25.0, rel=1e-4)  # a 0.5-degree grid
    assert curve.get_xdata()[np.argmax(curve.get_ydata())] == pytest.approx(
        math.degrees(math.atan2(3, 4)), abs=0.5)


def test_descent_figure_draws_the_path_and_says_when_it_diverged():
    view = figures.DescentView.draw(0.12, 50)
    fig = view.fig
    u, v = view.path.get_data()
    run = ll.descent.core.gradient_descent(0.12, 50)
    np.testing.assert_allclose(u, run.path[:, 0])
    np.testing.assert_allclose(v, run.path[:, 1])
    ax = view.ax_path
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("parameter u", "parameter v")
    assert "L(u, v)" in fig.get_suptitle() and "u = -4, v = 1.5" in fig.get_suptitle()
    assert "diverged after 20 steps" in view.ax_path.get_title()


def test_learning_rates_figure_has_one_panel_per_rate_and_the_losses():
    fig = figures.learning_rates_figure((0.04, 0.09, 0.12), 50)
    titles = [ax.get_title() for ax in fig.axes]
    assert len(titles) == 4
    assert "slides smoothly" in titles[0] and "not yet converged after 50 steps" in titles[0]
    assert "converged after 43 steps" in titles[1] and "diverged after 20 steps" in titles[2]
    assert "Loss after each step" in titles[3]
    # Two panels a row, tall enough to read on a projector, the legend below them all.
    width, height = fig.get_size_inches()
    assert height > 0.6 * width
    (legend,) = fig.legends
    labels = [t.get_text() for t in legend.get_texts()]
    assert "path at learning rate 0.12" in labels and "start (-4, 1.5)" in labels
    assert not any(ax.get_legend() for ax in fig.axes)


def test_a_diverging_path_stops_at_the_frame_with_an_arrow_and_a_note():
    fig = figures.learning_rates_figure((0.12,), 50)
    ax = fig.axes[0]
    u, v = ax.lines[1].get_data()  # after the minimum's star
    run = ll.descent.core.gradient_descent(0.12, 50)
    # v is multiplied by 1 - 0.12 * 20 = -1.4 each step: 1.5, -2.1, then 2.94 is off the plot.
    np.testing.assert_allclose(np.column_stack([u, v]), run.path[:2])
    (arrow,) = [t for t in ax.texts if isinstance(t, Annotation)]
    assert figures.V_RANGE[0] < arrow.xy[1] < figures.V_RANGE[1]
    assert any("multiplies v by -1.4" in t.get_text() and "at step 2" in t.get_text()
               for t in ax.texts)
    # The contour labels are pinned clear of the minimum's star at (0, 0).
    labels = [t for t in ax.texts if t.get_text() in {"2", "5", "10", "20", "40"}]
    assert len(labels) == 5
    assert all(np.hypot(*t.get_position()) > 0.8 for t in labels)


def test_circle_figure_keeps_label_and_legend_off_the_curve():
    from matplotlib.text import Text

    fig = figures.circle_revenue_figure()
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    curve = ax.lines[0]
    xs, ys = curve.get_data()
    points = ax.transData.transform(np.column_stack([xs, ys]))
    label = next(t for t in ax.texts if "r = $25" in t.get_text())
    text_box = Text.get_window_extent(label, renderer)  # the words only, not the arrow
    for box in (text_box, ax.get_legend().get_window_extent(renderer)):
        inside = ((points[:, 0] > box.x0) & (points[:, 0] < box.x1)
                  & (points[:, 1] > box.y0) & (points[:, 1] < box.y1))
        assert not inside.any()
    assert label.xyann[0] < 1.0  # upper left, far from the point it points at (x = 4)


# == apps ==================================================================================
# The steepest-descent apps, driven headless: move a control, read what they show.

@pytest.fixture
def direction():
    return ll.descent.apps.direction_explorer()


@pytest.fixture
def descender():
    return ll.descent.apps.descent_explorer()


def test_direction_slider_moves_trip_and_revenue(direction):
    before = direction.picture.overlay
    direction.controls["angle"].value = 90.0
    # Oracle: all 5 miles North at $3 a mile.
    assert "$15.00" in direction.readout.value
    assert direction.view.trip.xy == pytest.approx((0.0, 5.0), abs=ROUNDING)
    x, y = direction.view.marker.get_data()
    assert (x[0], y[0]) == pytest.approx((90.0, 15.0))
    assert direction.picture.overlay != before


def test_direction_opposite_the_gradient_loses_most(direction):
    direction.controls["angle"].value = 216.87
    assert "revenue</b> = -$25.00" in direction.readout.value
    assert "180.00° off the gradient" in direction.readout.value


def test_best_button_points_along_the_gradient(direction):
    direction.buttons["best"].click()
    assert direction.controls["angle"].value == pytest.approx(
        math.degrees(math.atan2(3, 4)), abs=0.01)
    assert "East</b> = 4.00 mi" in direction.readout.value
    assert "North</b> = 3.00 mi" in direction.readout.value
    assert "revenue</b> = $25.00" in direction.readout.value


def test_learning_rate_slider_reruns_descent(descender):
    descender.controls["learning_rate"].value = 0.03
    descender.controls["steps"].value = 10
    u, v = descender.view.path.get_data()
    # Oracle: closed form u_k = 0.94^k * -4, v_k = 0.4^k * 1.5.
    assert len(u) == 11
    assert u[-1] == pytest.approx(0.94 ** 10 * -4)
    assert v[-1] == pytest.approx(0.4 ** 10 * 1.5)
    assert "not yet converged after 10 steps" in descender.readout.value
    steps, _ = descender.view.loss.get_data()
    assert list(steps) == list(range(11))


def test_diverging_rate_is_reported_not_plotted_as_nan(descender):
    descender.buttons["diverge"].click()
    assert descender.controls["learning_rate"].value == pytest.approx(0.12)
    assert "diverged after 20 steps" in descender.readout.value
    assert "diverged after 20 steps" in descender.view.ax_path.get_title()
    _, losses = descender.view.loss.get_data()
    assert len(losses) == 21 and all(math.isfinite(v) for v in losses)


def test_presets_show_each_regime(descender):
    descender.buttons["smooth"].click()
    assert "path: smooth" in descender.readout.value
    descender.buttons["zig-zag"].click()
    assert "path: zig-zag" in descender.readout.value
    assert "converged after" in descender.readout.value
    assert f"below learning rate {descent.BOWL.stability_limit():g}" in descender.readout.value


@pytest.mark.parametrize("kwargs, name", [
    ({"learning_rate": 0.0}, "learning_rate"), ({"learning_rate": float("nan")}, "learning_rate"),
    ({"learning_rate": 0.5}, "learning_rate"), ({"steps": 0}, "steps"),
    ({"steps": 500}, "steps"),
])
def test_bad_settings_are_refused_up_front(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ll.descent.apps.descent_explorer(**kwargs)


def test_direction_angle_is_checked_and_wrapped():
    with pytest.raises(TypeError, match="angle_deg"):
        ll.descent.apps.direction_explorer(angle_deg="north")
    app = ll.descent.apps.direction_explorer(angle_deg=-90.0)
    assert app.controls["angle"].value == pytest.approx(270.0)
    assert "North</b> = -5.00 mi" in app.readout.value


def test_each_app_shows_in_one_call_with_a_text_fallback(direction, descender):
    for app in (direction, descender):
        bundle = app._repr_mimebundle_()  # the display hook Jupyter calls: a deliberate test of it
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert "Run this cell in Jupyter" in bundle["text/plain"]


# == apps picture ==========================================================================
# The steepest-descent apps draw what moves as SVG over the rest: a full draw's picture.

def test_direction_frames_match_a_full_draw():
    app = ll.descent.apps.direction_explorer()
    # 105°: the trip's end point grazes the map's legend; 168°: the curve's marker sits on
    # the curve's legend; 216.87°: opposite the gradient.
    for angle in (90.0, 105.0, 168.0, 216.87, 359.99):
        app.controls["angle"].value = angle
        assert_shows_the_figure(app, f"angle {angle}")
    app.buttons["best"].click()  # the trip's arrowhead on the gradient's
    assert_shows_the_figure(app, "best")


def test_descent_frames_match_a_full_draw():
    app = ll.descent.apps.descent_explorer()
    # Moves that keep the loss axes (so only the moving parts are redrawn) change the
    # verdict in the title, and at 5 steps send the legend from one corner to another.
    for rate in (0.04, 0.045, 0.03, 0.005, 0.0075, 0.091, 0.12, 0.121, 0.102, 0.13):
        app.controls["learning_rate"].value = rate
        assert_shows_the_figure(app, f"learning rate {rate}")
    app.controls["steps"].value = 5
    for rate in (0.1, 0.105, 0.11, 0.115, 0.12):
        app.controls["learning_rate"].value = rate
        assert_shows_the_figure(app, f"5 steps, learning rate {rate}")
    for steps in (7, 100, 1):
        app.controls["steps"].value = steps
        assert_shows_the_figure(app, f"{steps} steps")
    app.buttons["smooth"].click()
    assert_shows_the_figure(app, "smooth preset")


def test_learning_rate_moves_keep_the_loss_axes_and_the_background():
    app = ll.descent.apps.descent_explorer(learning_rate=0.05)
    bitmap, sent = app.picture.png, []
    app.picture.send = lambda content, buffers: sent.append(content)
    ylim = app.view.ax_loss.get_ylim()
    # From crawling to diverging, in jumps and in small steps: one scale holds every curve.
    for rate in (0.051, 0.13, 0.005, 0.0909, 0.1234, 0.0071, 0.12):
        app.controls["learning_rate"].value = rate
        assert app.picture.png == bitmap and not sent, rate  # only the moving parts redrawn
        assert app.view.ax_loss.get_ylim() == ylim
        _, losses = app.view.loss.get_data()
        assert ylim[0] < losses.min() and losses.max() < ylim[1]


def test_loss_axis_limits_are_whole_decades_around_the_curve():
    app = ll.descent.apps.descent_explorer()
    for rate, steps in ((0.12, 50), (0.09, 100), (0.04, 10)):
        app.controls["learning_rate"].value = rate
        app.controls["steps"].value = steps
        low, high = app.view.ax_loss.get_ylim()
        _, losses = app.view.loss.get_data()
        assert low < min(losses.min(), ll.descent.core.CONVERGED_LOSS) and high > losses.max()
        for limit in (low, high):
            assert limit == pytest.approx(10.0 ** round(math.log10(limit)))
        assert app.view.ax_loss.get_xlim() == (0.0, steps)  # 10, 50, 100: bands


def test_steps_move_the_curve_within_bands_of_10_20_50_100():
    app = ll.descent.apps.descent_explorer(steps=21)
    bitmap, sent = app.picture.png, []
    app.picture.send = lambda content, buffers: sent.append(content)
    for steps in (22, 35, 50, 30):
        app.controls["steps"].value = steps
        assert app.picture.png == bitmap and not sent, steps  # only the moving parts redrawn
        assert app.view.ax_loss.get_xlim() == (0.0, 50.0)
        steps_shown, _ = app.view.loss.get_data()
        assert len(steps_shown) == steps + 1
        assert_shows_the_figure(app, f"{steps} steps")
    app.controls["steps"].value = 51
    assert sent  # the new axis, as a patch of the bitmap
    assert app.view.ax_loss.get_xlim() == (0.0, 100.0)


def test_a_long_verdict_stays_over_its_own_panel():
    app = ll.descent.apps.descent_explorer(learning_rate=0.102, steps=100)
    title = app.view.ax_path.title
    assert "getting worse" in title.get_text()
    renderer = app.fig.canvas.get_renderer()
    loss_panel = app.view.ax_loss.get_tightbbox(renderer)
    assert title.get_window_extent(renderer).x1 < loss_panel.x0


# == exercises =============================================================================
# Each steepest-descent exercise accepts its answer and explains the plausible slips; the
# one-line checks of the notebook's values agree with hand-worked values and name a slip.

def _one_step(u, v, lr):
    # Oracle: the update worked from the derivatives 2u and 20v.
    return [u - lr * 2 * u, v - lr * 20 * v]


RIGHT = {
    "ex1": math.degrees(math.atan2(3, 4)),
    "ex2": math.hypot(6, 8) * 10,
    "ex3": 2 / 20,
    "ex4": _one_step(2.0, 1.0, 0.1),
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_answer_and_a_rounded_one_pass(name):
    ex = getattr(exercises, name)
    assert ex.check(RIGHT[name])
    rounded = np.round(RIGHT[name], 2).tolist()
    assert ex.check(rounded)


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_every_listed_mistake_is_rejected_with_its_own_message(name):
    ex = getattr(exercises, name)
    assert len(ex.slips) >= 1
    for wrong, why in ex.slips.items():
        feedback = ex.check(list(wrong) if isinstance(wrong, tuple) else wrong)
        assert not feedback
        assert why in repr(feedback)


def _v_after(learning_rate, steps, v=1.0):
    """Oracle: gradient descent on 10 v^2 by hand, v <- v - learning_rate * 20 v."""
    for _ in range(steps):
        v = v - learning_rate * 20 * v
    return v


def test_exercise_3_says_what_happens_at_each_rate_truly():
    # 0.05 lands on 0; between 0.05 and 0.1 v zig-zags and shrinks; at 0.1 it flips for ever;
    # above 0.1 it grows. The limit asked for is 0.1, and the messages say just that.
    assert _v_after(0.05, 1) == 0
    assert _v_after(0.08, 1) < 0 < _v_after(0.08, 2) and abs(_v_after(0.08, 20)) < 1e-3
    assert [_v_after(0.1, k) for k in range(4)] == pytest.approx([1, -1, 1, -1])
    assert abs(_v_after(0.11, 20)) > 1
    assert exercises.ex3.check(0.1)
    said = exercises.ex3.check(0.05).message
    assert "zig-zags" in said and "still shrinks" in said and "divergence" not in said
    solution = repr(exercises.ex3.solution())
    assert "flips between +v and -v" in solution and "above it, v grows" in solution
    assert "The flatter direction u (curvature 2) alone would allow rates up to" in solution


def test_answers_agree_with_the_core():
    assert exercises.ex2.check(descent.best_route(pay=(6, 8), miles=10)["revenue"])
    assert exercises.ex3.check(descent.BOWL.stability_limit())
    step = descent.gradient_descent(0.1, 1, start=(2.0, 1.0)).path[-1]
    assert exercises.ex4.check(step.tolist())


NUMERIC = [exercises.ex1, exercises.ex2, exercises.ex3, exercises.ex4]


def test_no_answer_and_hint_and_solution():
    for ex in exercises.EXERCISES:
        assert "No answer yet" in repr(ex.check(...))
        assert "No answer yet" in repr(ex.check(lambda *args: ...)) or ex in NUMERIC
        assert repr(ex.hint()).startswith("Hint:")
        assert repr(ex.solution()).startswith("Solution:")


def test_unreadable_answer_is_explained():
    feedback = exercises.ex4.check("1.6, -1")
    assert not feedback and "the text '1.6, -1'" in repr(feedback) and "list of 2" in repr(feedback)


def test_each_numeric_question_says_how_precise_to_be():
    assert "4 significant figures" in exercises.ex1.question
    for ex in (exercises.ex2, exercises.ex3, exercises.ex4):
        assert "exact" in ex.question
    assert exercises.ex1.check(36.87)
    close = exercises.ex1.check(37)
    assert not close and "Close" in repr(close)


def test_the_bowl_is_in_u_and_v_not_a_and_b():
    for ex in (exercises.ex3, exercises.ex4):
        assert "L(u, v) = u^2 + 10 v^2" in ex.question and "b^2" not in ex.question


# --- exercise 5: the slope of a full trip's revenue ----------------------------------------

def _trip_revenue(x, pay_east, pay_north, miles):
    return pay_east * x + pay_north * math.sqrt(miles**2 - x**2)


def test_exercise_5_solution_passes_and_matches_a_central_difference():
    ex = exercises.ex5
    mine = function_from_code(ex.solution_code, "trip_slope")
    assert ex.check(mine)
    # Oracle: a central difference of the revenue, on the lecture's trip and the hidden ones.
    for case in ex.cases:
        numeric = central_difference(
            lambda x, c=case: _trip_revenue(x, c["pay_east"], c["pay_north"], c["miles"]),
            case["x"])
        assert mine(**case) == pytest.approx(numeric, rel=1e-6, abs=1e-7)
    assert mine(3.0, 4.0, 3.0, 5.0) == pytest.approx(1.75)  # the notebook's value at x = 3


@pytest.mark.parametrize("slip, words", [
    (lambda x, pe, pn, m: pe + pn * x / math.sqrt(m * m - x * x), "sign of the second term"),
    (lambda x, pe, pn, m: pe + pn / (2 * math.sqrt(m * m - x * x)), "inner factor is missing"),
    (lambda x, pe, pn, m: pe - 2 * pn * x / math.sqrt(m * m - x * x), "1/2"),
])
def test_exercise_5_names_each_slip(slip, words):
    verdict = exercises.ex5.check(slip)
    assert not verdict and words in verdict.message
    assert verdict.message.startswith("dr_dx is wrong with the lecture's values")


@pytest.mark.parametrize("hard_coded, words", [
    (lambda x, pe, pn, m: 4 - 3 * x / math.sqrt(25 - x**2), "the lecture's numbers 4, 3 and 25"),
    (lambda x, pe, pn, m: pe - pn * x / math.sqrt(25 - x**2), "the lecture's 25 for miles^2"),
    (lambda x, pe, pn, m: 4 - 3 * x / math.sqrt(m * m - x**2), "the lecture's pay, 4 and 3"),
])
def test_exercise_5_names_the_lecture_numbers_hard_coded(hard_coded, words):
    verdict = exercises.ex5.check(hard_coded)
    assert not verdict and "a case you have not seen" in verdict.message
    assert words in verdict.message and "math domain error" not in verdict.message


def test_exercise_5_hidden_trips_lie_inside_the_story():
    # "x miles East" of a trip of miles: 0 < x < miles, and y = sqrt(miles^2 - x^2) is real.
    for case in exercises.ex5.cases:
        assert 0 < case["x"] < case["miles"]
    assert any(case["miles"] > 5 for case in exercises.ex5.cases)


def test_exercise_5_speaks_of_the_revenue_not_the_error():
    verdict = exercises.ex5.check(lambda x, pe, pn, m: pe)
    numeric = central_difference(lambda x: _trip_revenue(x, 4.0, 3.0, 5.0), 3.0)
    assert f"A central difference of the revenue in x gives {numeric:.6g}" in verdict.message
    assert "error" not in verdict.message


# --- exercise 6: the descent loop returning its path ---------------------------------------

SOLUTION = exercises.ex6.solution_code


def _loop(u, v, learning_rate, steps):
    """Oracle: the closed form, u_k = (1 - 2 lr)^k u, v_k = (1 - 20 lr)^k v."""
    return [((1 - 2 * learning_rate) ** k * u, (1 - 20 * learning_rate) ** k * v)
            for k in range(steps + 1)]


def test_exercise_6_solution_passes_and_follows_the_closed_form():
    ex = exercises.ex6
    mine = function_from_code(SOLUTION, "descend")
    assert ex.check(mine) and ex.check(_loop)
    for case in ex.cases:
        np.testing.assert_allclose(mine(**case), _loop(**case), rtol=ROUNDING, atol=1e-15)


FROZEN = """
def descend(u, v, learning_rate, steps):
    path = [(u, v)]
    dL_du, dL_dv = 2 * u, 20 * v
    for step in range(steps):
        u = u - learning_rate * dL_du
        v = v - learning_rate * dL_dv
        path.append((u, v))
    return path
"""


@pytest.mark.parametrize("source, words", [
    (SOLUTION.replace("- learning_rate", "+ learning_rate"), "Your path climbs"),
    (FROZEN, "computed once, at the start"),
    (SOLUTION.replace("2 * u", "u").replace("20 * v", "10 * v"), "half as long"),
    (SOLUTION.replace("20 * v", "10 * v"), "v_1 is wrong"),
    (SOLUTION.replace("path = [(u, v)]", "path = []"), "the start seems to be missing"),
    (SOLUTION.replace("return path", "return path[1:3]"), "your path has 2 points"),
])
def test_exercise_6_names_each_slip(source, words):
    assert source != SOLUTION
    verdict = exercises.ex6.check(function_from_code(source, "descend"))
    assert not verdict and words in verdict.message, verdict.message


@pytest.mark.parametrize("function, words", [
    (lambda u, v, lr, n: ..., "No answer yet"),
    (lambda u, v, lr, n: 3.0, "it should return the path, a list of (u, v) pairs"),
    (lambda u, v, lr, n: [1.0] * (n + 1), "point 0 of your path is 1.0"),
    (lambda u, v, lr, n: [(0.0, "a")] * (n + 1), "your v_0 is not a number"),
    (lambda u, v, lr, n: [(math.nan, 0.0)] * (n + 1), "nan"),
    (lambda u, v, lr, n: 1 / 0, "raised ZeroDivisionError"),
    (lambda u, v, lr: [], "the check calls it with 4 arguments"),
])
def test_exercise_6_odd_functions_get_a_sentence(function, words):
    verdict = exercises.ex6.check(function)
    assert not verdict and words in verdict.message


def test_exercise_6_hidden_cases_include_zig_zag_and_diverging_runs():
    rates = [case["learning_rate"] for case in exercises.ex6.cases[1:]]
    assert min(rates) < 0.05 and any(0.05 < r < 0.1 for r in rates) and max(rates) > 0.1


# --- the one-line checks of the notebook's values -----------------------------------------

LECTURE = {
    # Oracle: the slides' arithmetic, by hand.
    "check_trips": {"r_east": 20, "r_north": 15, "r_60": 2.5 * 4 + 4.33 * 3, "r_4_3": 25},
    "check_gradient": {"dr_dx": 4, "dr_dy": 3},
    "check_best": {"gradient_length": 5, "angle_deg": math.degrees(math.atan2(3, 4)),
                   "x_best": 4, "y_best": 3, "r_best": 25},
    "check_slope": {"x": 3.0, "r_x": 24, "slope": 1.75},
    "check_search": {"x_search": 4, "y_search": 3, "r_search": 25},
    "check_bowl_gradient": {"u": -4.0, "v": 1.5, "dL_du": -8, "dL_dv": 30},
    "check_steepest": {"dL_du": -8.0, "dL_dv": 30.0, "steepest_angle": 284.93,
                       "steepest_slope": -8 * math.cos(math.radians(284.93))
                       + 30 * math.sin(math.radians(284.93))},
    "check_descent": {"u_start": -4.0, "v_start": 1.5, "learning_rate": 0.09, "steps": 5,
                      "u": -4 * 0.82**5, "v": 1.5 * (-0.8) ** 5},
    "check_limits": {"curvature_u": 2, "curvature_v": 20, "stability_limit": 0.1,
                     "zero_factor_for_v": 0.05},
}


@pytest.mark.parametrize("name", sorted(LECTURE))
def test_each_value_check_accepts_the_lecture_values(name):
    verdict = getattr(exercises, name)(LECTURE[name])
    assert verdict, verdict.message


@pytest.mark.parametrize("name", sorted(LECTURE))
def test_each_value_check_names_the_first_value_off(name):
    check = getattr(exercises, name)
    values = dict(LECTURE[name])
    first = check.names[0]
    values[first] = values[first] * 1.001 + 0.001
    verdict = check(values)
    assert not verdict and verdict.message.startswith(f"{first} differs")


def test_value_checks_follow_changed_inputs():
    # Oracle: $6 and $8 a mile for 10 miles drive 6 East and 8 North and earn $100.
    changed = {"pay_east": 6, "pay_north": 8, "max_miles": 10, "dr_dx": 6, "dr_dy": 8,
               "gradient_length": 10, "angle_deg": math.degrees(math.atan2(8, 6)),
               "x_best": 6, "y_best": 8, "r_best": 100}
    assert exercises.check_best(changed)
    three = {"u_start": 1.0, "v_start": 1.0, "learning_rate": 0.1, "steps": 3,
             "u": 0.8**3, "v": -1.0}
    assert exercises.check_descent(three)
    verdict = exercises.check_descent({**three, "steps": 2.5})
    assert not verdict and "steps must be a whole number" in verdict.message


def test_check_rates_compares_every_run_and_names_the_first_slip():
    finals = {rate: (-4 * (1 - 2 * rate) ** 50, 1.5 * (1 - 20 * rate) ** 50)
              for rate in (0.04, 0.09, 0.1, 0.12)}
    assert exercises.check_rates(finals)
    climbed = {**finals, 0.09: (finals[0.09][0], -finals[0.09][1])}
    verdict = exercises.check_rates(climbed)
    assert not verdict and verdict.message.startswith("With learning_rate = 0.09, your v")
    for bad, words in (({}, "it should be a dict"), ({0.1: 3.0}, "the pair (u, v)"),
                       ({-0.1: (0.0, 0.0)}, "cannot run learning_rate = -0.1")):
        verdict = exercises.check_rates(bad)
        assert not verdict and words in verdict.message


# == notebook ==============================================================================
# Notebook 03 as stored: its own Python against the reference on random cases, every check
# agreeing, the slides' numbers, the verdicts the prose cites, and no solution shown.

PATH = NOTEBOOKS / "03_steepest_descent.ipynb"


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(PATH, as_version=4).cells


def outputs(cell) -> str:
    return "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "")
                   for o in cell.get("outputs", []))


def code_starting(cells, start: str) -> str:
    found = [c.source for c in cells if c.cell_type == "code" and c.source.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.fixture(scope="module")
def lesson(cells):
    """The notebook's own definitions, run again outside Jupyter."""
    namespace = {"math": math}
    for start in ("pay_east = 4", "def revenue_circle", "def loss"):
        exec(code_starting(cells, start), namespace)  # noqa: S102  (the course's own notebook)
    return namespace


def test_the_notebooks_functions_agree_with_the_reference_on_random_cases(lesson):
    rng = np.random.default_rng(3)
    for _ in range(200):
        x, y = rng.uniform(-10, 10, size=2)
        assert lesson["revenue"](x, y) == pytest.approx(float(descent.revenue(x, y)), rel=ROUNDING)
        east = rng.uniform(-4.99, 4.99)
        assert lesson["revenue_circle"](east) == pytest.approx(
            float(descent.revenue_on_circle(east)), rel=ROUNDING, abs=ROUNDING)
        assert lesson["slope_circle"](east) == pytest.approx(
            float(descent.revenue_on_circle_slope(east)), rel=ROUNDING, abs=ROUNDING)
        u, v = rng.uniform(-5, 5, size=2)
        assert lesson["loss"](u, v) == pytest.approx(descent.BOWL.loss(u, v), rel=ROUNDING)
        assert lesson["gradient"](u, v) == pytest.approx(descent.BOWL.gradient(u, v),
                                                          rel=ROUNDING)


def test_the_notebooks_descent_loop_follows_the_closed_form(cells, lesson):
    # Oracle: each step multiplies u by 1 - 2 lr and v by 1 - 20 lr.
    loop = code_starting(cells, "learning_rate = 0.09")
    rng = np.random.default_rng(4)
    for _ in range(20):
        lr, u0, v0 = (float(a) for a in (rng.uniform(0.001, 0.12), *rng.uniform(-5, 5, size=2)))
        source = (loop.replace("learning_rate = 0.09", f"learning_rate = {lr!r}")
                  .replace("u_start, v_start = -4.0, 1.5", f"u_start, v_start = {u0!r}, {v0!r}"))
        assert source != loop
        namespace = dict(lesson)
        with contextlib.redirect_stdout(io.StringIO()):
            exec(source, namespace)  # noqa: S102
        assert namespace["u"] == pytest.approx((1 - 2 * lr) ** 5 * u0, rel=ROUNDING)
        assert namespace["v"] == pytest.approx((1 - 20 * lr) ** 5 * v0, rel=ROUNDING, abs=1e-15)
        assert ll.descent.exercises.check_descent(namespace)


def test_every_value_is_followed_by_a_check_that_agrees(cells):
    code = [c for c in cells if c.cell_type == "code"]
    checks = [i for i, c in enumerate(code) if c.source.startswith("ll.descent.exercises.check_")]
    assert len(checks) >= 9
    for i in checks:
        assert outputs(code[i]).startswith("Correct."), code[i].source
        assert "print(" in code[i - 1].source  # the learner's own printed values just above


def test_the_stored_outputs_show_the_slides_numbers(cells):
    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    for line in ("r_east      = $20.00", "r_north     = $15.00", "r_60        = $22.99",
                 "r_4_3       = $25.00", "distance_60 = 4.9999 miles", "x_best          = 4",
                 "y_best          = 3", "slope        = 1.75000000", "r_search = $25.00",
                 "step 1: u = -3.280000, v = -1.200000"):
        assert line in text


def test_the_verdicts_the_prose_cites_are_the_printed_ones(cells):
    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    prose = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "learning_rate = 0.09: converged after 43 steps" in text
    assert "converges after 43 steps" in prose
    assert "learning_rate = 0.1: oscillates for ever: v = \u00b11.5, loss \u2192 22.5" in text
    assert "not yet converged after 50 steps" not in text.split("learning_rate = 0.1:")[1][:40]
    assert re.search(r"learning_rate = 0\.1 : u = +-5\.71e-05, v = +1\.5, L = 22\.5\n", text)
    # 1.5 * 1.2^50 and 1.5 * 1.4^50, as the prose rounds them
    assert "v =   1.37e+04" in text and "about 13,650" in prose
    assert "v =   3.04e+07" in text and "about 30 million" in prose
    assert "exact only for a *quadratic* loss" in prose


def test_exercises_show_questions_and_not_yet_never_a_solution(cells):
    code = [c for c in cells if c.cell_type == "code"]
    checks = [c for c in code if re.search(r"ex\d\.check\(", c.source)]
    assert len(checks) == 6
    for cell in checks:
        assert outputs(cell).startswith("Not yet."), cell.source
    for name in ("ex5", "ex6"):
        exercise = getattr(ll.descent.exercises, name)
        cell = next(c for c in checks if f"{name}.check(" in c.source)
        assert "    return ...\n" in cell.source and "No answer yet" in outputs(cell)
        for c in code:
            assert exercise.solution_code.strip() not in c.source + outputs(c)
            assert "Solution:" not in outputs(c) and "Hint:" not in outputs(c)
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "fewer significant figures than asked is called \"Close\"" in markdown
