"""Faster redraws for figures an app re-renders on every control change.

Three helpers for the apps' blitting (see ``apps.base.App``):

- ``cache_glyphs(fig)`` gives the figure a canvas that keeps each rendered letter. Text is
  most of the cost of redrawing a figure full of numbers: matplotlib lays out every string
  and asks FreeType to render every glyph again on every draw. The cache hands back the
  same layout for the same string (a new string's layout comes from measuring it, not from
  shaping it a second time), the same bitmap for the same glyph at the same sub-pixel
  offset and angle, one bitmap for a whole line seen before at the same placement, and
  each font's height metrics, so the picture is identical, pixel for pixel.
- ``keep_pixels(artist, state=...)`` pastes the pixels of an artist that has not changed
  (a figure legend; an axis whose limits are the same) instead of laying it out and
  drawing it again when the whole figure redraws; again exact.
- ``draw_order(artists)`` sorts artists the way their Axes draws them (by zorder, then the
  order they were added), so blitting them over a background paints what a full draw would.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
from matplotlib.backends import backend_agg
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import FT2Font
from matplotlib.transforms import Bbox

MAX_GLYPHS = 20_000  # about 2 MB of small bitmaps; a cache starts over when it is full
MAX_LAYOUTS = 5_000


def _parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters) if function else []


# The text drawing this cache replaces (matplotlib 3.11). Other versions draw text their
# own way and keep it: the figure is then correct, only not faster.
_SUPPORTED = (
    _parameters(getattr(RendererAgg, "_draw_text_glyphs_and_boxes", None))
    == ["self", "gc", "x", "y", "angle", "glyphs", "boxes"]
    and _parameters(RendererAgg.draw_text)
    == ["self", "gc", "x", "y", "s", "prop", "angle", "ismath", "mtext"]
    and all(hasattr(FT2Font, name) for name in ("_layout", "_render_glyph", "_set_transform"))
)


class GlyphCacheRenderer(RendererAgg):
    """RendererAgg that renders each glyph once per font, size, dpi and sub-pixel offset."""

    _glyphs: dict = {}  # shared by every figure: the same fonts and sizes recur
    _layouts: dict = {}
    _heights: dict = {}
    _indices: dict = {}  # (font, character) -> its glyph in the font
    _offsets: dict = {}  # layout key -> the glyphs' x and y offsets as arrays
    _lines: dict = {}  # a line at one sub-pixel placement -> True (seen once) or its bitmap

    def _get_font_height_metrics(self, prop):
        # Text._get_layout asks a renderer that has this method for the font's ascent,
        # descent and line gap, else reads them from the font's tables on every layout. The
        # same numbers, worked out the same way, once per font, size and dpi.
        key = (prop.copy(), self.dpi)
        metrics = self._heights.get(key)
        if metrics is None:
            if len(self._heights) > MAX_LAYOUTS:
                self._heights.clear()
            metrics = self._heights[key] = _font_height_metrics(prop, self.dpi)
        return metrics

    def get_text_width_height_descent(self, s, prop, ismath):
        # RendererAgg's measurement, which shapes the string with FreeType; the glyph
        # positions it returns are kept as the string's layout, so that drawing it need
        # not shape it again (a new number costs two shapings otherwise).
        if ismath or not _SUPPORTED:
            return super().get_text_width_height_descent(s, prop, ismath)
        font = self._prepare_font(prop)
        flags = backend_agg.get_hinting_flag()
        xys = font.set_text(s, 0.0, flags=flags)
        w, h = font.get_width_height()  # width and height of unrotated string
        d = font.get_descent()
        key = (s, font, prop.get_size_in_points(), self.dpi, flags, None, None)
        if key not in self._layouts and _one_glyph_per_character(s, font) \
                and len(xys) == len(s):
            indices = self._indices
            glyphs = [indices.get((font, c)) or indices.setdefault(
                (font, c), font.get_char_index(ord(c))) for c in s]
            if all(glyphs):  # else a fallback font supplies a glyph: lay it out as usual
                if len(self._layouts) > MAX_LAYOUTS:
                    self._layouts.clear()
                self._layouts[key] = [(font, glyph, float(gx) / 64, float(gy) / 64)
                                      for glyph, (gx, gy) in zip(glyphs, xys, strict=True)]
        return w / 64.0, h / 64.0, d / 64.0

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not _SUPPORTED:
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        font = self._prepare_font(prop)
        size = prop.get_size_in_points()
        flags = backend_agg.get_hinting_flag()
        features = mtext.get_fontfeatures() if mtext is not None else None
        language = mtext.get_language() if mtext is not None else None
        key = (s, font, size, self.dpi, flags, features, language)
        try:
            layout = self._layouts.get(key)
        except TypeError:  # a language given as a list of ranges: lay it out every time
            layout, key = None, None
        if layout is None:
            layout = [(item.ft_object, item.glyph_index, item.x, item.y) for item in
                      font._layout(s, flags=flags, features=features, language=language)]
            if key is not None:
                if len(self._layouts) > MAX_LAYOUTS:
                    self._layouts.clear()
                self._layouts[key] = layout
        if angle == 0 and key is not None and layout \
                and self._draw_line(gc, x, y, key, size, layout):
            return
        self._draw_text_glyphs_and_boxes(
            gc, x, y, angle,
            ((ft_object, size, glyph_index, 0, 1, dx, dy)
             for ft_object, glyph_index, dx, dy in layout), [])

    def _draw_line(self, gc, x, y, key, size, layout) -> bool:
        """Paint a line seen before at the same sub-pixel placement with one bitmap.

        The glyphs' bitmaps are put side by side into one, which is exact when no pixel is
        covered by two glyphs (then each pixel is blended once either way); lines whose
        glyphs overlap, and lines seen once, are painted glyph by glyph. False: not done.
        """
        dxs, dys = self._offsets.get(key, (None, None))
        if dxs is None:
            dxs = np.array([dx for _, _, dx, _ in layout], dtype=float)
            dys = np.array([dy for _, _, _, dy in layout], dtype=float)
            if len(self._offsets) > MAX_LAYOUTS:
                self._offsets.clear()
            self._offsets[key] = dxs, dys
        height = self.height
        # As _draw_text_glyphs_and_boxes works them out (numpy's rint rounds halves to
        # even, as round does).
        pxs = np.rint(0x40 * (x + dxs)).astype(np.int64)
        pys = np.rint(0x40 * (height - y + dys)).astype(np.int64)
        base_x, base_y = int(pxs[0]) >> 6, int(pys[0]) >> 6
        antialiased = gc.get_antialiased()
        line_key = (key, antialiased, backend_agg.get_hinting_flag(),
                    (pxs - 0x40 * base_x).tobytes(), (pys - 0x40 * base_y).tobytes())
        lines = self._lines
        seen = lines.get(line_key)
        if seen is None:  # first time: glyph by glyph, remembered for next time
            if len(lines) > MAX_LAYOUTS:
                lines.clear()
            lines[line_key] = True
            return False
        if seen is True:
            seen = lines[line_key] = self._line_bitmap(size, layout, pxs, pys, base_x,
                                                       base_y, antialiased)
        if seen is False:
            return False
        buffer, left, top = seen
        self._renderer.draw_text_image(
            buffer, base_x + left, int(height) - base_y + top + buffer.shape[0], 0, gc)
        return True

    def _line_bitmap(self, size, layout, pxs, pys, base_x, base_y, antialiased):
        """(bitmap, left, top) of a line's glyphs relative to the first glyph's whole
        pixel, or False when two glyphs would cover the same pixel."""
        load_flags = backend_agg.get_hinting_flag()
        pieces = []
        for (font, glyph_index, _, _), px, py in zip(layout, pxs.tolist(), pys.tolist(),
                                                      strict=True):
            buffer, left, top = self._glyph(font, size, glyph_index, 0, 1, 1.0, 0.0, 0,
                                            px & 63, py & 63, load_flags, antialiased)
            if buffer.size:
                # Column of its left edge and row of its top edge (rows run downwards).
                pieces.append((buffer, left + (px >> 6) - base_x, base_y - (top + (py >> 6))))
        if not pieces:
            return False
        col0 = min(c for _, c, _ in pieces)
        row0 = min(r for _, _, r in pieces)
        width = max(c + b.shape[1] for b, c, _ in pieces) - col0
        rows = max(r + b.shape[0] for b, _, r in pieces) - row0
        line = np.zeros((rows, width), np.uint8)
        for buffer, col, row in pieces:
            spot = line[row - row0:row - row0 + buffer.shape[0],
                        col - col0:col - col0 + buffer.shape[1]]
            if (spot[buffer > 0] > 0).any():
                return False
            np.maximum(spot, buffer, out=spot)
        return line, col0, row0

    def _draw_text_glyphs_and_boxes(self, gc, x, y, angle, glyphs, boxes):
        if boxes or not _SUPPORTED:  # mathtext's rules: the usual way
            return super()._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, boxes)
        load_flags = backend_agg.get_hinting_flag()
        antialiased = gc.get_antialiased()
        height = self.height
        # As RendererAgg works them out, so a rotated label gets the very same pixels.
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        for font, size, glyph_index, slant, extend, dx, dy in glyphs:
            # Where the glyph's origin falls, in 1/64 pixel (FreeType's y points up).
            px = round(0x40 * (x + dx * cos - dy * sin))
            py = round(0x40 * (height - y + dx * sin + dy * cos))
            hit = self._glyph(font, size, glyph_index, slant, extend, cos, sin, angle,
                              px & 63, py & 63, load_flags, antialiased)
            buffer, left, top = hit
            # A whole-pixel shift of the origin moves the bitmap and changes nothing else.
            self._renderer.draw_text_image(
                buffer, left + (px >> 6), int(height) - (top + (py >> 6)) + buffer.shape[0],
                0, gc)

    def _glyph(self, font, size, glyph_index, slant, extend, cos, sin, angle, fx, fy,
               load_flags, antialiased):
        """(bitmap, left, top) of a glyph whose origin sits (fx, fy)/64 px into a pixel."""
        cache = self._glyphs
        key = (font, size, self.dpi, glyph_index, slant, extend, angle, fx, fy, antialiased,
               load_flags)
        hit = cache.get(key)
        if hit is None:
            if len(cache) > MAX_GLYPHS:
                cache.clear()
            hit = cache[key] = self._render(font, size, glyph_index, slant, extend, cos, sin,
                                            fx, fy, load_flags, antialiased)
        return hit

    def _render(self, font, size, glyph_index, slant, extend, cos, sin, fx, fy, load_flags,
                antialiased):
        font.set_size(size, self.dpi)
        font._set_transform(
            (0x10000 * np.array([[cos, -sin], [sin, cos]])
             @ [[extend, extend * slant], [0, 1]]).round().astype(int),
            [fx, fy])
        mode = backend_agg.RenderMode.NORMAL if antialiased else backend_agg.RenderMode.MONO
        bitmap = font._render_glyph(glyph_index, load_flags, mode)
        buffer = np.array(bitmap.buffer)  # a copy: FreeType reuses its glyph slot
        if not antialiased:
            buffer *= 0xFF
        return buffer, bitmap.left, bitmap.top


# Fonts whose shaping maps each of these characters to its own glyph, at the position
# set_text reports: checked against FT2Font._layout on 19,200 random strings of them (sizes
# 10-17 pt, normal and bold, 72-100 dpi). "f" and "F" are left out: "fi" and "fl" become
# ligatures.
_PLAIN_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_PLAIN_CHARACTERS = frozenset(c for c in map(chr, range(32, 127)) if c not in "fF") \
    | frozenset("∂Δ×−·²³")


def _one_glyph_per_character(s: str, font) -> bool:
    return bool(s) and font.fname.endswith(_PLAIN_FONTS) and _PLAIN_CHARACTERS.issuperset(s)


def _font_height_metrics(prop, dpi) -> tuple:
    """(ascent, descent, line gap) in pixels, as matplotlib 3.11's Text._get_layout reads
    them from the font's OS/2 or hhea table; (None, None, None) lets it measure "lp"."""
    font = get_font(fontManager._find_fonts_by_props(prop))
    for table_name, gap_key, ascent_key, descent_key in (
            ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
            ("hhea", "lineGap", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        fontsize = prop.get_size_in_points()
        units_per_em = font.get_sfnt_table("head")["unitsPerEm"]
        scale = 1 / units_per_em * fontsize * dpi / 72
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return None, None, None


class GlyphCacheCanvas(FigureCanvasAgg):
    """The Agg canvas, drawing with a GlyphCacheRenderer."""

    def get_renderer(self):
        width, height = self.get_width_height(physical=True)
        key = width, height, self.figure.dpi
        if self._lastKey != key:
            self.renderer = GlyphCacheRenderer(width, height, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def cache_glyphs(fig):
    """Draw ``fig`` through a glyph cache from now on (same pixels, less time); returns it.

    On a matplotlib whose text internals differ from 3.11's the figure keeps its plain
    canvas: slower, never wrong.
    """
    if _SUPPORTED:
        GlyphCacheCanvas(fig)
    return fig


def draw_order(artists) -> list:
    """``artists`` in the order a full draw paints them: Axes by Axes, and within one by
    zorder, ties in the order the artists were added."""
    def key(artist):
        ax = artist.axes
        if ax is None:  # on the figure itself: drawn after its Axes (zorder 0)
            fig = artist.figure
            return 1, 0, artist.get_zorder(), fig.get_children().index(artist)
        return 0, ax.figure.axes.index(ax), artist.get_zorder(), ax.get_children().index(artist)
    return sorted(artists, key=key)



KEEP_MARGIN = 16  # pixels kept around an artist's box: a legend's frame, antialiased edges


def keep_pixels(artist, state=None, extent=None, keep: int = 8):
    """Draw ``artist`` once, then paste the pixels it painted when it is drawn again.

    For an artist that changes seldom or never, such as a figure legend, or an axis whose
    limits stay while its neighbours' change: laying one out and drawing it costs
    milliseconds, pasting its pixels microseconds. ``state()`` describes what the artist
    shows (say its axis limits; by default it never changes); ``extent(renderer)`` must
    cover all it paints (by default its window extent; an artist without one, such as an
    axis, needs it given, else it is simply drawn every time). The last ``keep`` states
    are remembered. A state is kept only when its drawing changed no pixel outside the
    extent (plus a margin), and pasted only where the pixels under it are the very ones
    it was drawn over (else it is drawn and kept anew): the picture is the one a draw
    would paint. Returns the artist.
    """
    draw = artist.draw
    kept = {}  # (renderer size, dpi, state) -> (rectangle, pixels under it, what it left)

    def draw_or_paste(renderer):
        if not artist.get_visible() or not hasattr(renderer, "copy_from_bbox"):
            return draw(renderer)
        key = (renderer.width, renderer.height, renderer.dpi,
               None if state is None else state())
        if key in kept:
            box, under, painted = kept[key]
            if np.array_equal(np.asarray(renderer.copy_from_bbox(box)), under):
                renderer.restore_region(painted)
                return None
        box = artist.get_window_extent(renderer) if extent is None else extent(renderer)
        if box.width <= 0 or box.height <= 0:  # no idea where it paints: just draw it
            return draw(renderer)
        box = box.padded(KEEP_MARGIN)
        box = Bbox.from_extents(max(int(box.x0), 0), max(int(box.y0), 0),
                                min(int(box.x1) + 1, int(renderer.width)),
                                min(int(box.y1) + 1, int(renderer.height)))
        under_region = renderer.copy_from_bbox(box)
        whole_before = bytes(renderer.buffer_rgba())
        draw(renderer)
        painted = renderer.copy_from_bbox(box)
        # Did it paint outside the rectangle? Put back what was under the rectangle and
        # compare the whole canvas with before the draw, then show the drawing again.
        renderer.restore_region(under_region)
        inside = bytes(renderer.buffer_rgba()) == whole_before
        renderer.restore_region(painted)
        kept.pop(key, None)
        if inside:  # else the extent was too small: it is drawn every time
            while len(kept) >= keep:
                kept.pop(next(iter(kept)))
            kept[key] = box, np.array(under_region), painted
        return None

    artist.draw = draw_or_paste
    return artist
