"""The tangent explorer, driven headless: move its controls, read what it shows."""

import math

import numpy as np
import pytest
from picture_oracle import assert_shows_the_figure, picture

import lesson_lib as ll


def logistic(x):
    return 1 / (1 + math.exp(-x))


def test_starts_on_the_sigmoid_at_one():
    app = ll.derivative.apps.tangent_explorer()
    assert app.controls["activation"].value == "sigmoid"
    assert "σ(x) = 0.7311" in app.readout.value
    assert app.picture.frame().startswith(b"\x89PNG")


def test_moving_x_moves_point_tangent_and_readout():
    app = ll.derivative.apps.tangent_explorer()
    before = app.picture.overlay
    app.controls["x"].value = -2.0
    s = logistic(-2.0)
    assert f"σ'(x) = {s * (1 - s):.4f}" in app.readout.value
    assert list(app.fig.parts["point"].get_xdata()) == [-2.0]
    tx, ty = app.fig.parts["tangent"].get_data()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(s * (1 - s))
    assert app.picture.overlay != before and "x = -2.00" in app.picture.overlay


def test_peak_of_the_slope_is_a_quarter_at_zero():
    app = ll.derivative.apps.tangent_explorer()
    app.controls["x"].value = 0.0
    assert "σ'(x) = 0.2500" in app.readout.value
    assert "σ'(0.00) = 0.2500" in app.fig.parts["right_title"].get_text()


def test_switching_to_relu_and_step():
    app = ll.derivative.apps.tangent_explorer()
    app.controls["activation"].value = "relu"
    app.controls["x"].value = 2.5
    assert "ReLU(x) = 2.5000" in app.readout.value and "ReLU'(x) = 1.0000" in app.readout.value
    assert np.allclose(app.fig.parts["curve"].get_ydata(),
                       np.maximum(0, app.fig.parts["curve"].get_xdata()))
    app.controls["x"].value = 0.0
    assert "corner" in app.readout.value
    app.controls["activation"].value = "step"
    assert "jump" in app.readout.value and "step'(x) = 0.0000" in app.readout.value
    assert not app.fig.parts["peak"].get_visible()


def test_text_fallback_for_pages_without_a_kernel():
    bundle = ll.derivative.apps.tangent_explorer()._repr_mimebundle_()
    assert "Interactive app: TangentExplorer" in bundle["text/plain"]


@pytest.mark.parametrize("kwargs, word", [({"name": "tanh"}, "name must be one of step, sigmoid"),
                                          ({"x": 9}, "x must be between -6 and 6"),
                                          ({"x": "one"}, "x must be a real number")])
def test_bad_arguments_name_the_problem(kwargs, word):
    with pytest.raises((TypeError, ValueError), match=word):
        ll.derivative.apps.tangent_explorer(**kwargs)


@pytest.mark.parametrize("moves", [[("x", 1.9)], [("x", -3.0), ("activation", "relu")],
                                   [("activation", "step"), ("x", 4.2)]])
def test_after_moves_the_page_shows_what_a_fresh_app_shows(moves):
    app = ll.derivative.apps.tangent_explorer()
    for name, value in moves:
        app.controls[name].value = value
        assert_shows_the_figure(app, f"{name} = {value}")
    fresh = ll.derivative.apps.tangent_explorer(app.controls["activation"].value,
                                                app.controls["x"].value)
    shown, expected = picture(app), picture(fresh)
    assert (shown[0] == expected[0]).all() and shown[1:] == expected[1:]


def test_slope_axis_follows_the_activation():
    app = ll.derivative.apps.tangent_explorer()
    assert 0.25 < app.fig.axes[1].get_ylim()[1] < 0.5  # sigma' peaks at 0.25
    app.controls["activation"].value = "relu"
    assert app.fig.axes[1].get_ylim()[1] > 1.0  # ReLU's slope is 1 for x > 0
    app.controls["activation"].value = "sigmoid"
    assert app.fig.axes[1].get_ylim()[1] < 0.5
