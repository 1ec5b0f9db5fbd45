"""The frame every widget app shares: controls that wrap, a picture, a text readout.

A subclass builds its figure once, then ``update()`` changes the figure's artists and the
readout from the controls' values; ``App`` re-renders the picture after every change.
Tests drive an app headless by setting ``app.controls[name].value`` and reading back
``app.readout.value`` and ``app.picture`` (``.svg`` or ``.png``, and ``.alt``).

An app whose ``render`` returns a string shows it as SVG (the network apps write their
own). Otherwise the matplotlib figure goes to the page as a PNG of at most 64 colours,
then on each change only the pixels that changed (``controls.Picture``). An app that
lists the artists its ``update()`` changes (``dynamic=`` in ``_start``) is re-rendered by
blitting through the canvas's public methods: the rest of the figure is drawn once and
kept as a bitmap, and each change redraws only the listed artists on top of it. An update
that changes anything else (axis limits, a static text) calls ``self.redraw_all()``.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import traitlets

from ..figures.style import LessonFigure
from .controls import Picture, Slider


def _keep_pairs(value: str, _widget) -> str:
    return value.replace(" = ", "\u00a0=\u00a0")


class _Readout(widgets.HTML):
    """The app's text; on the page a "name = value" pair never breaks across lines."""

    value = traitlets.Unicode().tag(sync=True, to_json=_keep_pairs)


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

    def _start(self, buttons: dict[str, widgets.Button] | None = None, dynamic=()):
        self.buttons = buttons or {}
        self.dynamic = list(dynamic)
        self._background = None
        self.readout = _Readout(layout=widgets.Layout(margin="2px 0 2px 4px"))
        self.picture = Picture()
        for control in self.controls.values():
            control.observe(self._control_moved, names="value")
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
        self.update()
        self.show(self.render())

    def show(self, shown: str | np.ndarray) -> None:
        """Put an SVG string or an RGBA array on the page, with its text alternative."""
        with self.picture.hold_sync():  # one message for the drawing and its words
            self.picture.alt = self.describe()
            if isinstance(shown, str):
                self.picture.svg = shown
            else:
                self.picture.width = int(self.fig.bbox.width)
                self.picture.show_pixels(shown)

    def describe(self) -> str:
        """The picture in words: the figure's titles and its axes' labels."""
        fig = self.fig
        panels = []
        for ax in fig.get_axes():
            title = ax.get_title() or ax.get_title("left")
            if ax.get_xlabel() or ax.get_ylabel():
                title += f" ({ax.get_ylabel()} against {ax.get_xlabel()})"
            if title.strip():
                panels.append(title.strip())
        heading = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
        return "Figure: " + "; ".join(filter(None, [heading, *panels]))

    def redraw_all(self) -> None:
        """Draw the whole figure on the next render (something outside ``dynamic`` changed)."""
        self._background = None

    def render(self) -> str | np.ndarray:
        """The figure's pixels (RGBA), blitting the dynamic artists when the app lists them."""
        canvas = self.fig.canvas
        if not self.dynamic:
            canvas.draw()
        elif self._background is None:
            # Animated artists are left out of the drawing but, unlike hidden ones, still
            # count for the layout (an auto-placed title keeps its place).
            for artist in self.dynamic:
                artist.set_animated(True)
            canvas.draw()
            # The layout is settled now; solving it again on every change would cost time.
            self.fig.set_layout_engine("none")
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            for artist in self.dynamic:
                artist.set_animated(False)
            self._draw_dynamic()
        else:
            canvas.restore_region(self._background)
            self._draw_dynamic()
        return np.asarray(canvas.buffer_rgba())

    def _draw_dynamic(self) -> None:
        for artist in self.dynamic:
            if artist.get_visible():
                self.fig.draw_artist(artist)

    def _control_moved(self, change) -> None:
        self._on_change(change)
        owner = change.get("owner")
        if isinstance(owner, Slider):
            owner.drawn()  # the browser may send the value it held back meanwhile

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
