"""The chain figure draws each function, the table's rows and tangents with the right slopes."""

import math

import numpy as np
import pytest

from lesson_lib.chain import figures as figs
from lesson_lib.chain.core import chain


def slope_of(line):
    xs, ys = line.get_data()
    return (ys[1] - ys[0]) / (xs[1] - xs[0])


def test_lesson_view_shows_the_tables_rows_and_slopes_2_3_6():
    fig = figs.chain_view()
    inner, outer, composite = fig.parts
    assert list(inner["rows"].get_xdata()) == [2, 3, 4, 5, 6]
    assert list(inner["rows"].get_ydata()) == [4, 6, 8, 10, 12]
    assert list(outer["rows"].get_ydata()) == [12, 18, 24, 30, 36]
    assert [slope_of(p["tangent"]) for p in fig.parts] == pytest.approx([2, 3, 6])
    titles = [ax.get_title() for ax in fig.axes]
    assert "y = 2*x" in titles[0] and "dz/dx = 6.0000" in titles[2]
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)
    assert len(fig.legends[0].get_texts()) == 4


def test_redraw_for_a_non_linear_chain():
    fig = figs.chain_view()
    figs.show_chain(fig, chain("square", 1.0, "sine", 1.0), x=2.0, spacing=0.1)
    inner, outer, composite = fig.parts
    assert slope_of(composite["tangent"]) == pytest.approx(4 * math.cos(4))
    assert slope_of(outer["tangent"]) == pytest.approx(math.cos(4))
    xs, zs = composite["curve"].get_data()
    assert np.allclose(zs, np.sin(np.asarray(xs) ** 2))
    assert list(composite["point"].get_ydata()) == pytest.approx([math.sin(4)])
    # The tangent passes through the chosen point.
    tx, ty = outer["tangent"].get_data()
    assert np.interp(4.0, tx, ty) == pytest.approx(math.sin(4))


def test_constant_chain_still_draws():
    fig = figs.chain_view("sigmoid", 0.0, "linear", 1.0, x=0.0)
    low, high = fig.axes[0].get_ylim()
    assert low < 0 < high
    assert fig.to_png().startswith(b"\x89PNG")


def test_wide_tick_labels_stay_inside_the_figure_and_clear_of_each_other():
    fig = figs.chain_view()
    figs.show_chain(fig, chain("sine", -2.5, "square", -3.0), x=-5.5)
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    width, height = fig.bbox.width, fig.bbox.height
    assert all(b.x0 >= 0 and b.x1 <= width and b.y0 >= 0 and b.y1 <= height for b in boxes)
    assert all(left.x1 < right.x0 for left, right in zip(boxes[:-1], boxes[1:], strict=True))


def test_each_title_says_where_its_dot_is():
    # The dot is at x = 4 in the x panels and at y = f(4) = 8 in the outer panel.
    fig = figs.chain_view("linear", 2, "linear", 3, x=4.0)
    inner, outer, composite = fig.parts
    assert list(outer["point"].get_xdata()) == [8.0]
    titles = [ax.get_title() for ax in fig.axes]
    assert "dot at x = 4" in titles[0] and "dot at x = 4" in titles[2]
    assert "dot at y = f(x) = 8" in titles[1]
    assert "chosen x" not in " ".join(t.get_text() for t in fig.legends[0].get_texts())
