"""Lesson 2 app: build y = f(x), z = g(y) and see the table and the chain rule update."""

from __future__ import annotations

import ipywidgets as widgets

from ..apps.base import App
from ..apps.controls import Slider
from ..core.checks import finite_number, positive_number
from .core import SHAPES, chain
from .figures import ChainView

SPACINGS = (1.0, 0.1, 0.01, 0.001)


def _shape_menu(description: str, value: str, variable: str, constant: str):
    options = [(f"{constant}*{form.format(v=variable)}", name)
               for name, (_, _, form) in SHAPES.items()]
    return widgets.Dropdown(options=options, value=value, description=description,
                            style={"description_width": "initial"})


class ChainExplorer(App):
    """Menus and sliders for both links, the point x and the table's row spacing."""

    def __init__(self, inner: str = "linear", a: float = 2.0, outer: str = "linear",
                 b: float = 3.0, x: float = 4.0, spacing: float = 1.0):
        self.view = ChainView.draw(inner, a, outer, b, x, spacing)  # checks arguments
        self.fig = self.view.fig
        for name, value, limit in (("a", a, 3), ("b", b, 3), ("x", x, 6)):
            if abs(finite_number(value, name)) > limit:
                raise ValueError(f"{name} must be between -{limit} and {limit}, got {value}")
        if positive_number(spacing, "spacing") not in SPACINGS:
            raise ValueError(f"spacing must be one of {SPACINGS}, got {spacing}")
        self.controls = {
            "inner": _shape_menu("inner y = f(x) =", inner, "x", "a"),
            "a": Slider("a", a, -3.0, 3.0, 0.5, decimals=1),
            "outer": _shape_menu("outer z = g(y) =", outer, "y", "b"),
            "b": Slider("b", b, -3.0, 3.0, 0.5, decimals=1),
            "x": Slider("x", x, -6.0, 6.0, 0.1, decimals=1),
            "spacing": widgets.Dropdown(options=SPACINGS, value=spacing,
                                        description="row spacing Δx",
                                        style={"description_width": "initial"}),
        }
        self.fig.subplots_adjust(top=0.88)  # one-line titles here: room for the panels
        self._first = True  # the first picture makes room for the next moves
        # Moving a control moves the lines; the panels' titles name the functions in symbols
        # (the numbers are in the readout and the table) and change only with a menu; the
        # scales hold while the curves fit them (ChainView.show's hold) and are drawn anew, as
        # SVG under the lines, only when they change; the x window steps on when x crosses
        # into another unit.
        moving = [line for panel in self.view.panels for line in panel.lines()]
        scales = [axis for ax in self.fig.axes for axis in (ax.xaxis, ax.yaxis)]
        self._shapes = (inner, outer)
        # Painted as a full draw paints them: by zorder.
        self._start(dynamic=sorted(moving, key=lambda artist: artist.get_zorder()),
                    scales=scales)

    def chain(self):
        """The chain the controls describe now."""
        c = self.controls
        return chain(c["inner"].value, c["a"].value, c["outer"].value, c["b"].value)

    def update(self) -> None:
        links, x, spacing = self.chain(), self.controls["x"].value, self.controls["spacing"].value
        # The panels show round(x) +- 3: x moves the dot along the curve for a whole unit
        # before the window steps on (the table's rows, x +- 2 at most, stay inside it).
        hold = "room" if self._first else True
        self._first = False
        if self.view.show(links, x, spacing, center=round(x), hold=hold, numbers=False):
            self.redraw_scales()
        shapes = (self.controls["inner"].value, self.controls["outer"].value)
        if shapes != self._shapes:  # new titles
            self._shapes = shapes
            self.redraw_all()
        at = links.at(x)
        # The table under the sentences, in the readout: it travels in the picture's message.
        self.readout.value = (
            f"At x = {x:.2f}: y = {at['y']:.4f}, z = {at['z']:.4f}.<br>"
            f"Local slopes: dy/dx = f'(x) = {at['dy_dx']:.4f}, "
            f"dz/dy = g'(y) = {at['dz_dy']:.4f}.<br>"
            f"Chain rule: dy/dx * dz/dy = <b>{at['dz_dx']:.4f}</b>; "
            f"central difference of z(x): <b>{at['numeric_dz_dx']:.4f}</b> "
            f"(gap {at['abs_error']:.1e})."
            + links.table(x, spacing)._repr_html_())


def chain_explorer(inner: str = "linear", a: float = 2.0, outer: str = "linear",
                   b: float = 3.0, x: float = 4.0, spacing: float = 1.0) -> ChainExplorer:
    """The app in one call: ``ll.chain.apps.chain_explorer()``."""
    return ChainExplorer(inner, a, outer, b, x, spacing)
