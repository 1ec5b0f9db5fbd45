"""Lesson 1 figures draw the numbers they claim, with titles, labels and legends."""

import math

import numpy as np
import pytest

from lesson_lib.derivative import figures as figs


def test_lesson_figure_plots_sigma_and_its_slope_on_the_lesson_grid():
    fig = figs.sigmoid_and_derivative()
    ax = fig.axes[0]
    curve, slope = ax.lines[:2]
    xs = np.asarray(curve.get_xdata())
    assert len(xs) == 121 and xs[0] == -6 and xs[-1] == 6
    expected = np.array([1 / (1 + math.exp(-x)) for x in xs])
    assert np.allclose(curve.get_ydata(), expected)
    assert np.allclose(slope.get_ydata(), expected * (1 - expected))
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.get_legend().get_texts()) == 2
    assert fig.to_png().startswith(b"\x89PNG")


def test_gallery_shows_three_activations_each_with_its_derivative():
    fig = figs.activation_gallery()
    assert [ax.get_title() for ax in fig.axes] == ["Unit step", "Sigmoid", "ReLU"]
    step_ax = fig.axes[0]
    assert np.all(np.asarray(step_ax.lines[1].get_ydata()) == 0)  # the step's slope
    relu_slope = fig.axes[2].lines[1]
    xs, ys = np.asarray(relu_slope.get_xdata()), np.asarray(relu_slope.get_ydata())
    assert np.all(ys[xs > 0] == 1) and np.all(ys[xs < 0] == 0)


@pytest.mark.parametrize("name, x", [("sigmoid", 0.0), ("sigmoid", -2.0), ("relu", 1.5),
                                     ("step", 3.0)])
def test_tangent_view_draws_point_tangent_and_slope(name, x):
    from lesson_lib.core.activations import activation

    f, _ = activation(name)
    fig = figs.tangent_view("sigmoid", 1.0)
    figs.show_tangent(fig, name, x)
    p = fig.parts
    tx, ty = p["tangent"].get_data()
    numeric = (f(x + 1e-6) - f(x - 1e-6)) / 2e-6
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(numeric, abs=1e-6)
    assert list(p["point"].get_ydata()) == [f(x)]
    assert p["slope_point"].get_ydata()[0] == pytest.approx(numeric, abs=1e-6)
    assert f"x = {x:.2f}" in p["left_title"].get_text()
    assert f"{numeric:.4f}" in p["right_title"].get_text()
    assert p["peak"].get_visible() == (name == "sigmoid")


@pytest.mark.parametrize("first, then", [("relu", "sigmoid"), ("sigmoid", "relu")])
def test_tangent_view_labels_stay_inside_when_the_range_changes(first, then):
    fig = figs.tangent_view(first, 2.0)
    figs.show_tangent(fig, then, -4.0)
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    assert all(b.x0 >= 0 and b.x1 <= fig.bbox.width and b.y1 <= fig.bbox.height
               for b in boxes)
    assert boxes[0].x1 < boxes[1].x0


@pytest.mark.parametrize("name, peak", [("sigmoid", 0.25), ("relu", 1.0), ("step", 0.0)])
def test_slope_panel_is_scaled_to_its_activation(name, peak):
    fig = figs.tangent_view(name, 0.5)
    low, high = fig.axes[1].get_ylim()
    # The derivative's largest value fills most of the panel but stays inside it.
    assert low < 0 and peak < high
    assert high < 2 * max(peak, 0.6)


def test_axes_carrying_outputs_and_slopes_say_so():
    for fig in (figs.activation_gallery(), figs.sigmoid_and_derivative()):
        assert "slope" in fig.axes[0].get_ylabel()
