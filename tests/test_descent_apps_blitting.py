"""The steepest-descent apps draw what moves as SVG over the rest: a full draw's picture."""

import math

import pytest
from picture_oracle import assert_shows_the_figure

import lesson_lib as ll


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
    ylim = app.fig.handles["ax_loss"].get_ylim()
    # From crawling to diverging, in jumps and in small steps: one scale holds every curve.
    for rate in (0.051, 0.13, 0.005, 0.0909, 0.1234, 0.0071, 0.12):
        app.controls["learning_rate"].value = rate
        assert app.picture.png == bitmap and not sent, rate  # only the moving parts redrawn
        assert app.fig.handles["ax_loss"].get_ylim() == ylim
        _, losses = app.fig.handles["loss"].get_data()
        assert ylim[0] < losses.min() and losses.max() < ylim[1]


def test_loss_axis_limits_are_whole_decades_around_the_curve():
    app = ll.descent.apps.descent_explorer()
    for rate, steps in ((0.12, 50), (0.09, 100), (0.04, 10)):
        app.controls["learning_rate"].value = rate
        app.controls["steps"].value = steps
        low, high = app.fig.handles["ax_loss"].get_ylim()
        _, losses = app.fig.handles["loss"].get_data()
        assert low < min(losses.min(), ll.descent.core.CONVERGED_LOSS) and high > losses.max()
        for limit in (low, high):
            assert limit == pytest.approx(10.0 ** round(math.log10(limit)))
        assert app.fig.handles["ax_loss"].get_xlim() == (0.0, steps)  # 10, 50, 100: bands


def test_steps_move_the_curve_within_bands_of_10_20_50_100():
    app = ll.descent.apps.descent_explorer(steps=21)
    bitmap, sent = app.picture.png, []
    app.picture.send = lambda content, buffers: sent.append(content)
    for steps in (22, 35, 50, 30):
        app.controls["steps"].value = steps
        assert app.picture.png == bitmap and not sent, steps  # only the moving parts redrawn
        assert app.fig.handles["ax_loss"].get_xlim() == (0.0, 50.0)
        steps_shown, _ = app.fig.handles["loss"].get_data()
        assert len(steps_shown) == steps + 1
        assert_shows_the_figure(app, f"{steps} steps")
    app.controls["steps"].value = 51
    assert sent  # the new axis, as a patch of the bitmap
    assert app.fig.handles["ax_loss"].get_xlim() == (0.0, 100.0)


def test_a_long_verdict_stays_over_its_own_panel():
    app = ll.descent.apps.descent_explorer(learning_rate=0.102, steps=100)
    title = app.fig.handles["ax_path"].title
    assert "getting worse" in title.get_text()
    renderer = app.fig.canvas.get_renderer()
    loss_panel = app.fig.handles["ax_loss"].get_tightbbox(renderer)
    assert title.get_window_extent(renderer).x1 < loss_panel.x0
