"""The tangent explorer, driven headless: move its controls, read what it shows."""

import math

import numpy as np
import pytest

import lesson_lib as ll


def logistic(x):
    return 1 / (1 + math.exp(-x))


def test_starts_on_the_sigmoid_at_one():
    app = ll.apps.sigmoid.tangent_explorer()
    assert app.controls["activation"].value == "sigmoid"
    assert "σ(x) = 0.7311" in app.readout.value
    assert bytes(app.image.value).startswith(b"\x89PNG")


def test_moving_x_moves_point_tangent_and_readout():
    app = ll.apps.sigmoid.tangent_explorer()
    before = bytes(app.image.value)
    app.controls["x"].value = -2.0
    s = logistic(-2.0)
    assert f"σ'(x) = {s * (1 - s):.4f}" in app.readout.value
    assert list(app.fig.parts["point"].get_xdata()) == [-2.0]
    tx, ty = app.fig.parts["tangent"].get_data()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(s * (1 - s))
    assert bytes(app.image.value) != before


def test_peak_of_the_slope_is_a_quarter_at_zero():
    app = ll.apps.sigmoid.tangent_explorer()
    app.controls["x"].value = 0.0
    assert "σ'(x) = 0.2500" in app.readout.value
    assert "σ'(0.00) = 0.2500" in app.fig.axes[1].get_title()


def test_switching_to_relu_and_step():
    app = ll.apps.sigmoid.tangent_explorer()
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
    bundle = ll.apps.sigmoid.tangent_explorer()._repr_mimebundle_()
    assert "Interactive app: TangentExplorer" in bundle["text/plain"]


@pytest.mark.parametrize("kwargs, word", [({"name": "tanh"}, "allowed"),
                                          ({"x": 9}, "x must be between -6 and 6"),
                                          ({"x": "one"}, "x must be a real number")])
def test_bad_arguments_name_the_problem(kwargs, word):
    with pytest.raises((TypeError, ValueError), match=word):
        ll.apps.sigmoid.tangent_explorer(**kwargs)
