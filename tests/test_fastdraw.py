"""The glyph cache paints exactly what matplotlib paints, and draw_order follows the draw."""

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from lesson_lib.figures import fastdraw
from lesson_lib.figures.style import new_figure, styled


@styled
def texts_figure():
    fig, ax = new_figure(figsize=(5, 3))
    ax.plot([0, 1], [0, 1], label="a line")
    ax.set_title("Bold title 0.1234")
    ax.set_ylabel("rotated label (units)")
    ax.text(0.1, 0.8, r"mathtext $\partial E / \partial w_5$", fontsize=11)
    ax.text(0.37, 0.5, "E_total = 0.2984\nsecond line", fontsize=14, ha="center",
            bbox={"boxstyle": "round", "fc": "white"})
    ax.text(0.7, 0.2, "antialiasing off", antialiased=False)
    ax.legend()
    return fig


def painted(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


needs_cache = pytest.mark.skipif(
    not fastdraw._SUPPORTED, reason="this matplotlib's text internals differ: no glyph cache")


@needs_cache
@pytest.mark.parametrize("dpi", [80, 100])
def test_cached_glyphs_paint_the_same_pixels_as_matplotlib(dpi):
    plain, cached = texts_figure(), fastdraw.cache_glyphs(texts_figure())
    assert isinstance(plain.canvas, FigureCanvasAgg)
    assert isinstance(cached.canvas, fastdraw.GlyphCacheCanvas)
    for fig in (plain, cached):
        fig.set_dpi(dpi)
    reference = painted(plain)
    np.testing.assert_array_equal(painted(cached), reference)  # filling the cache
    np.testing.assert_array_equal(painted(cached), reference)  # drawing from it


def test_without_the_internals_the_figure_keeps_its_plain_canvas(monkeypatch):
    monkeypatch.setattr(fastdraw, "_SUPPORTED", False)
    assert type(fastdraw.cache_glyphs(texts_figure()).canvas) is FigureCanvasAgg


@needs_cache
def test_cached_figure_saves_the_same_png_bytes_as_matplotlib():
    assert fastdraw.cache_glyphs(texts_figure()).to_png() == texts_figure().to_png()


@needs_cache
def test_new_strings_at_new_places_are_drawn_right():
    plain, cached = texts_figure(), fastdraw.cache_glyphs(texts_figure())
    painted(cached)
    for fig in (plain, cached):
        fig.axes[0].texts[1].set_text("E_total = 0.0071\nsecond line")
        fig.axes[0].texts[1].set_x(0.4123)
    np.testing.assert_array_equal(painted(cached), painted(plain))


def test_draw_order_is_zorder_then_insertion_then_axes():
    fig, (left, right) = new_figure(1, 2)
    first, = left.plot([0, 1])
    text = left.text(0, 0, "on top of lines")
    second, = left.plot([1, 0])
    low, = left.plot([0, 0], zorder=1)
    other, = right.plot([0, 1])
    assert fastdraw.draw_order([other, text, second, low, first]) == \
        [low, first, second, text, other]
