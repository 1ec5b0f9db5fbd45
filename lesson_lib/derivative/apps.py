"""Lesson 1 app: slide x along an activation and watch its tangent and slope."""

from __future__ import annotations

import ipywidgets as widgets

from ..apps.base import App
from ..apps.controls import Slider
from ..core.activations import ACTIVATIONS, activation
from ..core.checks import finite_number
from .figures import SYMBOLS, TangentView


class TangentExplorer(App):
    """An x slider and an activation menu over a ``TangentView``."""

    def __init__(self, name: str = "sigmoid", x: float = 1.0):
        activation(name)  # fails early, with the allowed names, on a typo
        x = finite_number(x, "x")
        if not -6 <= x <= 6:
            raise ValueError(f"x must be between -6 and 6, got {x}")
        self.view = TangentView.draw(name, x)
        self.fig = self.view.fig
        self.controls = {
            "activation": widgets.Dropdown(options=list(ACTIVATIONS), value=name,
                                           description="activation",
                                           style={"description_width": "initial"}),
            "x": Slider("x", x, -6.0, 6.0, 0.1),
        }
        # Moving x changes only these artists; a new activation redraws everything.
        v = self.view
        self._drawn = name
        self._start(dynamic=[v.tangent, v.point, v.slope_point, v.left_title, v.right_title])

    def update(self) -> None:
        name, x = self.controls["activation"].value, self.controls["x"].value
        self.view.show(name, x)
        if name != self._drawn:
            self._drawn = name
            self.redraw_all()
        f, f_prime = activation(name)
        s = SYMBOLS[name]
        note = ""
        if name != "sigmoid" and abs(x) < 1e-9:
            kink = "jump" if name == "step" else "corner"
            note = f" &nbsp; (at the {kink} x = 0 there is no slope; the library reports 0)"
        elif name == "sigmoid":
            note = f" &nbsp; (largest possible: {s}'(0) = 0.25)"
        self.readout.value = (f"x = {x:.2f} &nbsp; {s}(x) = {f(x):.4f} &nbsp; "
                              f"slope of the tangent {s}'(x) = {f_prime(x):.4f}{note}")


def tangent_explorer(name: str = "sigmoid", x: float = 1.0) -> TangentExplorer:
    """The app in one call: ``ll.derivative.apps.tangent_explorer()``."""
    return TangentExplorer(name, x)
