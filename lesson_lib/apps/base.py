"""The frame every widget app shares: controls that wrap, a picture, a text readout.

A subclass builds its figure once, then ``update()`` changes the figure's artists and the
readout from the controls' values; ``App`` re-renders the picture after every change.
Tests drive an app headless by setting ``app.controls[name].value`` and reading back
``app.readout.value`` and ``app.picture`` (``.svg``, ``.png``, ``.overlay`` and ``.alt``).

An app whose ``render`` returns a string shows it as SVG (the network apps write their
own). Any other app lists the artists its ``update()`` changes (``dynamic=`` in
``_start``): matplotlib draws the rest of the figure once, as a bitmap sent as a PNG of at
most 64 colours, and on every change draws only the listed artists, as SVG (matplotlib's
own SVG renderer, public API) that the browser lays over the bitmap: a few kilobytes and
about a millisecond per move, text included. An update that changes anything else (axis
limits, a static text) calls ``self.redraw_all()``; the new bitmap then goes as a patch of
the pixels that changed. An app whose axes' ranges follow its controls lists those axes as
``scales=``: they are drawn as SVG too, under the moving artists, and only when
``redraw_scales()`` says their ranges changed (the bitmap stays).
"""

from __future__ import annotations

import io
import re

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.backends.backend_svg import RendererSVG

from ..figures.style import LessonFigure, describe_figure
from .controls import Picture, Readout, Slider

# The bitmap's resolution: a notebook column shows an app's figure at about this size.
APP_DPI = 80
SVG_DPI = 72  # matplotlib's SVG counts in points: drawn at 72 dpi, one unit is one point
# SVG text stays text (the browser sets it; a screen reader can read it); fixed ids; the
# font matplotlib measures with named first, then any sans-serif (not a list of ten).
SVG_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "lesson_lib",
             "font.sans-serif": ["DejaVu Sans"]}
NO_METADATA = {"Creator": None, "Date": None, "Format": None, "Type": None}


def svg_of(fig, artists) -> str:
    """The given artists of ``fig``, and nothing else, as an SVG of the figure's size (its
    viewBox in points: the browser scales it to the bitmap under it)."""
    buffer = io.StringIO()
    dpi = fig.get_dpi()
    fig.set_dpi(SVG_DPI)  # what savefig(format="svg") does too
    try:
        with matplotlib.rc_context(SVG_STYLE):
            renderer = RendererSVG(fig.bbox.width, fig.bbox.height, buffer,
                                   metadata=NO_METADATA)
            for artist in artists:
                if artist.get_visible():
                    artist.draw(renderer)
            renderer.finalize()
    finally:
        fig.set_dpi(dpi)
    text = buffer.getvalue()
    # No XML declaration inside an HTML page, and no <style> either: matplotlib's default
    # rule ("*{stroke-linejoin: round; ...}") would restyle the whole page and make the
    # browser recompute every element's style on each move (Picture's CSS scopes it).
    text = text[text.index("<svg"):]
    return re.sub(r"\s*<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>", "", text, count=1)


def _wrapping(children, gap: str = "4px 18px") -> widgets.Box:
    """A row of widgets that wraps onto the next line in a narrow column instead of
    shrinking them."""
    for child in children:
        child.layout.flex = "0 0 auto"
    return widgets.Box(list(children), layout=widgets.Layout(
        display="flex", flex_flow="row wrap", align_items="center", grid_gap=gap,
        width="100%"))


class App:
    """Base class: subclasses set ``self.fig`` and ``self.controls`` then call ``_start``."""

    fig: LessonFigure
    controls: dict[str, widgets.Widget]

    def _start(self, buttons: dict[str, widgets.Button] | None = None, dynamic=(), scales=()):
        self.buttons = buttons or {}
        self.dynamic = list(dynamic)
        self.scales = list(scales)
        self._bitmap = None  # what stays, drawn again after redraw_all()
        self._underlay = None  # the scales as SVG, drawn again after redraw_scales()
        self._scale_cache = {}  # id(axis) -> (its range, its SVG)
        self._shown = None  # the bitmap the page has
        self._slider_moved = False  # a slider moved; its "drawn" goes with the next picture
        self.picture = Picture()
        self.readout = Readout(self.picture, layout=widgets.Layout(margin="2px 0 2px 4px"))
        for control in self.controls.values():
            control.observe(self._control_moved, names="value")
            if isinstance(control, Slider):
                control.channel = self.picture.channel
        rows = [_wrapping(self.controls.values())]
        if self.buttons:
            rows.append(_wrapping(self.buttons.values(), gap="4px 8px"))
        self.widget = widgets.VBox(rows + [self.readout, self.picture],
                                   layout=widgets.Layout(max_width="100%"))
        self.refresh()

    def update(self) -> None:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def refresh(self) -> None:
        """Recompute from the controls and re-render the picture."""
        # One message: the drawing, its words, the readout and the sliders' "drawn".
        with self.picture.hold_sync():
            self.update()
            self.show(self.render())
            self._release_sliders()

    def show(self, shown) -> None:
        """Put the picture on the page with its text alternative: an SVG string, an RGBA
        array, or (RGBA array, SVG drawn over it)."""
        with self.picture.hold_sync():  # one message for the drawing and its words
            self.picture.alt = self.describe()
            if isinstance(shown, str):
                self.picture.svg = shown
                return
            pixels, underlay, overlay = shown if isinstance(shown, tuple) else (shown, "", "")
            self.picture.width = int(self.fig.bbox.width)
            if pixels is not self._shown:  # a new bitmap: send what changed, if anything
                self.picture.show_pixels(pixels)
                self._shown = pixels
            self.picture.underlay = underlay  # sent only when it changed
            self.picture.overlay = overlay

    def describe(self) -> str:
        """The picture in words: the figure's titles and its axes' labels."""
        return describe_figure(self.fig)

    def redraw_all(self) -> None:
        """Draw the whole figure on the next render (something outside ``dynamic`` and
        ``scales`` changed)."""
        self._bitmap = None

    def redraw_scales(self) -> None:
        """Draw the ``scales`` again on the next render (their ranges changed)."""
        self._underlay = None

    def render(self):
        """The figure's pixels (RGBA); with ``dynamic`` artists, (the pixels of the rest,
        the scales as SVG, the dynamic artists as SVG)."""
        canvas = self.fig.canvas
        if not self.dynamic:
            canvas.draw()
            return np.asarray(canvas.buffer_rgba())
        if self._bitmap is None:
            self.fig.set_dpi(APP_DPI)  # also a figure that an update drew anew
            # Animated artists are left out of the drawing but, unlike hidden ones, still
            # count for the layout (an auto-placed title keeps its place).
            for artist in self.dynamic + self.scales:
                artist.set_animated(True)
            canvas.draw()
            # The layout is settled now; solving it again on every change would cost time.
            self.fig.set_layout_engine("none")
            self._bitmap = np.asarray(canvas.buffer_rgba()).copy()
            for artist in self.dynamic + self.scales:
                artist.set_animated(False)
            self._underlay, self._scale_cache = None, {}
        if self._underlay is None:
            self._underlay = "".join(self._scale_svg(axis) for axis in self.scales)
        return self._bitmap, self._underlay, svg_of(self.fig, self.dynamic)

    def _scale_svg(self, axis) -> str:
        """An axis as SVG, drawn again only when its range changed (one <svg> per axis)."""
        key = tuple(axis.get_view_interval()) if hasattr(axis, "get_view_interval") else None
        drawn = self._scale_cache.get(id(axis))
        if key is None or drawn is None or drawn[0] != key:
            drawn = key, svg_of(self.fig, [axis])
            self._scale_cache[id(axis)] = drawn
        return drawn[1]

    def _control_moved(self, change) -> None:
        self._slider_moved = isinstance(change.get("owner"), Slider)
        self._on_change(change)
        self._release_sliders()  # no new picture (a rounding echo, or only the readout has news)

    def _release_sliders(self) -> None:
        """The browser's sliders may send the values they held back meanwhile."""
        if self._slider_moved:
            self._slider_moved = False
            self.picture.drawn += 1

    def _on_change(self, change) -> None:
        old, new = change.get("old"), change.get("new")
        # A value within rounding of the last one is not a move: no redraw for it.
        if isinstance(old, float) and isinstance(new, float) and \
                abs(new - old) <= 1e-9 * max(1.0, abs(old)):
            return
        self.refresh()

    def _repr_mimebundle_(self, **kwargs):
        # The live view, and what a page without a kernel (GitHub, a stored notebook)
        # shows instead of "VBox(...)".
        return {
            "application/vnd.jupyter.widget-view+json": {
                "version_major": 2, "version_minor": 0, "model_id": self.widget.model_id},
            "text/plain": (f"[Interactive app: {type(self).__name__}. Run this cell in "
                           "Jupyter to use its controls.]"),
        }
