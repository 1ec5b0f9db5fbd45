"""What the faster redraws reuse (line bitmaps, measured layouts, kept pixels) still paints
exactly what matplotlib paints; the oracle is the same figure on a plain Agg canvas."""

import random

import numpy as np
import pytest
from matplotlib.backends import backend_agg
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties

from lesson_lib.figures import fastdraw
from lesson_lib.figures.style import new_figure, styled


@styled
def numbers_figure():
    fig, ax = new_figure(figsize=(5, 3))
    (line,) = ax.plot([0, 1], [0, 1], label="a line")
    ax.plot([0, 1], [1, 0], label="office fit flow")  # "fi", "ffi", "fl": ligatures
    ax.set_ylabel("rotated ∂E/∂w5 (no unit)")
    ax.text(0.5, 0.5, "∂E/∂w1 =\n0.0002424", ha="center", fontsize=14,
            bbox={"boxstyle": "round,pad=0.25", "fc": "white"})
    ax.text(0.2, 0.2, "outH1 = 0.5932", fontweight="bold", fontsize=15)
    fig.legend(loc="lower center", ncols=2)
    fig.set_layout_engine(None)
    fig.subplots_adjust(bottom=0.3)
    fig.moving = line
    return fig


def painted(fig) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


def change(fig, step: int) -> None:
    ax = fig.axes[0]
    ax.texts[0].set_text(f"∂E/∂w1 =\n{0.0002424 - step * 1.3e-6:.4g}")
    ax.texts[1].set_x(0.2 + 0.0137 * step)  # a new sub-pixel placement
    ax.set_ylim(-0.1 * (step % 2), 1.1)  # back and forth: kept axes are pasted again


needs_cache = pytest.mark.skipif(
    not fastdraw._SUPPORTED, reason="this matplotlib's text internals differ: no glyph cache")


@needs_cache
def test_repeated_and_new_lines_paint_what_matplotlib_paints():
    plain, cached = numbers_figure(), fastdraw.cache_glyphs(numbers_figure())
    for step in (0, 1, 1, 2, 1, 0):  # new strings, then strings and placements seen before
        for fig in (plain, cached):
            change(fig, step)
        np.testing.assert_array_equal(painted(cached), painted(plain), err_msg=str(step))


def test_kept_pixels_are_pasted_only_over_the_same_background():
    plain, kept = numbers_figure(), fastdraw.cache_glyphs(numbers_figure())
    fastdraw.keep_pixels(kept.legends[0])
    ax = kept.axes[0]
    fastdraw.keep_pixels(ax.yaxis, state=ax.get_ylim,
                         extent=lambda _: ax.bbox.expanded(1.2, 1.1))  # labels, ticks
    fastdraw.keep_pixels(ax.xaxis, state=ax.get_xlim)  # no extent: drawn every time
    for step in (0, 1, 0, 1):
        for fig in (plain, kept):
            change(fig, step)
        np.testing.assert_array_equal(painted(kept), painted(plain), err_msg=str(step))
    # Something drawn under the legend before it: the legend is drawn again, not pasted.
    for fig in (plain, kept):
        fig.patch.set_facecolor("#fafafa")
    np.testing.assert_array_equal(painted(kept), painted(plain))


@needs_cache
@pytest.mark.parametrize("size, weight", [(11, "normal"), (14, "normal"), (15, "bold")])
def test_a_measured_string_keeps_freetypes_own_layout(size, weight):
    renderer = fastdraw.GlyphCacheRenderer(10, 10, 80)
    prop = FontProperties(size=size, weight=weight)
    flags = backend_agg.get_hinting_flag()
    rng = random.Random(size)
    alphabet = "0123456789.-+= ()/∂ETHbhwxyoutl_"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        measured = renderer.get_text_width_height_descent(text, prop, False)
        assert measured == RendererAgg.get_text_width_height_descent(
            renderer, text, prop, False)
        font = renderer._prepare_font(prop)
        key = (text, font, float(size), 80, flags, None, None)
        expected = [(item.ft_object, item.glyph_index, item.x, item.y)
                    for item in font._layout(text, flags=flags)]
        assert renderer._layouts[key] == expected, text
    for ligature in ("fi", "office"):  # not one glyph per character: laid out as usual
        renderer.get_text_width_height_descent(ligature, prop, False)
        assert (ligature, font, float(size), 80, flags, None, None) not in renderer._layouts
