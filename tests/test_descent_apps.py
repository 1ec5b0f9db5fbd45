"""The steepest-descent apps, driven headless: move a control, read what they show."""

import math

import pytest

import lesson_lib as ll
from lesson_lib.descent import core as descent


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
    assert direction.fig.handles["trip"].xy == pytest.approx((0.0, 5.0), abs=1e-12)
    x, y = direction.fig.handles["marker"].get_data()
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
    u, v = descender.fig.handles["path"].get_data()
    # Oracle: closed form u_k = 0.94^k * -4, v_k = 0.4^k * 1.5.
    assert len(u) == 11
    assert u[-1] == pytest.approx(0.94 ** 10 * -4)
    assert v[-1] == pytest.approx(0.4 ** 10 * 1.5)
    assert "not yet converged after 10 steps" in descender.readout.value
    steps, _ = descender.fig.handles["loss"].get_data()
    assert list(steps) == list(range(11))


def test_diverging_rate_is_reported_not_plotted_as_nan(descender):
    descender.buttons["diverge"].click()
    assert descender.controls["learning_rate"].value == pytest.approx(0.12)
    assert "diverged after 20 steps" in descender.readout.value
    assert "diverged after 20 steps" in descender.fig.handles["ax_path"].get_title()
    _, losses = descender.fig.handles["loss"].get_data()
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
        bundle = app._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert "Run this cell in Jupyter" in bundle["text/plain"]
