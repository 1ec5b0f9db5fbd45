"""The frame every widget app shares: controls, a figure shown as a PNG, a text readout.

A subclass builds its figure once, then ``update()`` changes the figure's artists and the
readout from the controls' values; ``App`` re-renders the PNG after every change. Tests
drive an app headless by setting ``app.controls[name].value`` and reading back
``app.readout.value`` and the artists' data.

Speed: an app that lists the artists its ``update()`` changes (``dynamic=`` in ``_start``)
is re-rendered by blitting: the rest of the figure is drawn once and kept as a bitmap, and
each change redraws only the listed artists on top of it. An update that changes anything
else (axis limits, a static text) calls ``self.redraw_all()`` to rebuild that bitmap.
"""

from __future__ import annotations

import struct
import zlib

import ipywidgets as widgets
import numpy as np

from ..core.checks import finite_number, positive_number
from ..figures.style import LessonFigure


class App:
    """Base class: subclasses set ``self.fig`` and ``self.controls`` then call ``_start``."""

    fig: LessonFigure
    controls: dict[str, widgets.Widget]

    def _start(self, buttons: dict[str, widgets.Button] | None = None, columns: int = 3,
               dynamic=()):
        self.buttons = buttons or {}
        self.dynamic = list(dynamic)
        self._background = None
        self.readout = widgets.HTML(layout=widgets.Layout(margin="0 0 0 8px"))
        width, height = (self.fig.get_size_inches() * self.fig.dpi).astype(int)
        self.image = widgets.Image(
            format="png",
            layout=widgets.Layout(width=f"{width}px", max_width="100%", height="auto"),
        )
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        rows = [
            widgets.HBox(list(self.controls.values())[i:i + columns])
            for i in range(0, len(self.controls), columns)
        ]
        if self.buttons:
            rows.append(widgets.HBox(list(self.buttons.values())))
        self.widget = widgets.VBox(rows + [self.readout, self.image])
        self.refresh()

    def update(self) -> None:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def refresh(self) -> None:
        """Recompute from the controls and re-render the figure."""
        self.update()
        self.image.value = self.render()

    def redraw_all(self) -> None:
        """Draw the whole figure on the next render (something outside ``dynamic`` changed)."""
        self._background = None

    def render(self) -> bytes:
        """The figure as PNG bytes, blitting the dynamic artists when the app lists them."""
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
        return png_from_canvas(canvas)

    def _draw_dynamic(self) -> None:
        renderer = self.fig.canvas.get_renderer()
        for artist in self.dynamic:
            if artist.get_visible():
                artist.draw(renderer)

    def _on_change(self, change) -> None:
        old, new = change.get("old"), change.get("new")
        # A browser echoes a slider's value back rounded to its step (0.15 -> 0.1499999...):
        # that is not a move, and redrawing for it keeps the kernel busy after display.
        if isinstance(old, float) and isinstance(new, float) and \
                abs(new - old) <= 1e-9 * max(1.0, abs(old)):
            return
        self.refresh()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        # What a page without a kernel (GitHub, a stored notebook) shows instead of "VBox(...)".
        bundle["text/plain"] = (f"[Interactive app: {type(self).__name__}. Run this cell in "
                                "Jupyter to use its controls.]")
        return bundle


def png_from_canvas(canvas) -> bytes:
    """The canvas as an RGBA PNG with unfiltered rows and zlib level 1.

    Pillow spends most of an app's encoding time choosing a filter for each row; a
    figure's flat colours compress well without one, so this is 2-3x faster, same pixels.
    """
    width, height = canvas.get_width_height()
    rows = np.zeros((height, 1 + 4 * width), np.uint8)  # each row starts with filter 0
    rows[:, 1:] = np.asarray(canvas.buffer_rgba()).reshape(height, -1)

    def chunk(tag: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(tag + data)
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)) + chunk(b"IEND", b""))


def slider(description: str, value: float, low: float, high: float, step: float,
           fmt: str = ".2f", width: str = "300px") -> widgets.FloatSlider:
    """A float slider that reports only on release-free drags at a readable width."""
    value, low, high = (finite_number(v, n) for v, n in ((value, "value"), (low, "low"),
                                                          (high, "high")))
    step = positive_number(step, "step")
    if high <= low:
        raise ValueError(f"high must be > low ({low:g}), got {high:g}")
    if not low <= value <= high:
        raise ValueError(f"value must be between low ({low:g}) and high ({high:g}), got {value:g}")
    return widgets.FloatSlider(
        value=value, min=low, max=high, step=step, description=description,
        readout_format=fmt, continuous_update=True,
        style={"description_width": "initial"}, layout=widgets.Layout(width=width),
    )
