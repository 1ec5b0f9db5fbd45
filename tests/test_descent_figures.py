"""Figures for steepest descent draw the numbers of the core, labelled and legible."""

import math

import numpy as np
import pytest
from matplotlib.text import Annotation

import lesson_lib as ll
from lesson_lib.descent import figures as figures


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
    fig = figures.direction_figure(90.0)
    assert fig.handles["trip"].xy == pytest.approx((0.0, 5.0), abs=1e-12)
    x, y = fig.handles["marker"].get_data()
    assert (x[0], y[0]) == pytest.approx((90.0, 15.0))
    assert "$15.00" in fig.handles["label"].get_text()
    curve = fig.axes[1].get_lines()[0]
    assert curve.get_ydata().max() == pytest.approx(25.0, rel=1e-4)  # a 0.5-degree grid
    assert curve.get_xdata()[np.argmax(curve.get_ydata())] == pytest.approx(
        math.degrees(math.atan2(3, 4)), abs=0.5)


def test_descent_figure_draws_the_path_and_says_when_it_diverged():
    fig = figures.descent_figure(0.12, 50)
    u, v = fig.handles["path"].get_data()
    run = ll.descent.core.gradient_descent(0.12, 50)
    np.testing.assert_allclose(u, run.path[:, 0])
    np.testing.assert_allclose(v, run.path[:, 1])
    ax = fig.handles["ax_path"]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("parameter u", "parameter v")
    assert "L(u, v)" in fig.get_suptitle() and "u = -4, v = 1.5" in fig.get_suptitle()
    assert "diverged after 20 steps" in fig.handles["ax_path"].get_title()


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
