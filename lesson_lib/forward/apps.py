"""Lesson 4 app: a slider for every weight, bias, input and target over the network diagram."""

from __future__ import annotations

import ipywidgets as widgets

from ..apps.base import App
from ..apps.controls import Slider
from ..core.network import DATA, LESSON_DATA, LESSON_PARAMS, PARAMS, LessonNet
from ..figures.network_svg import describe, network_svg

LESSON = {**LESSON_PARAMS, **LESSON_DATA}
# Slider ranges: wide enough to saturate a sigmoid, narrow enough to aim at 0.01 steps.
# The browser snaps each slider to its step in floating point and sends the result back
# (0.15 -> 0.1499999999999999); values closer than this are the same value.
SAME = 1e-9
RANGES = {**{name: (-3.0, 3.0) for name in PARAMS}, "x1": (-2.0, 2.0), "x2": (-2.0, 2.0),
          "T1": (0.0, 1.0), "T2": (0.0, 1.0)}
TITLE = "The network: weights on the edges, forward values in the nodes"


class ForwardExplorer(App):
    """Move any number of the lecture's network and see every forward value and error follow."""

    def __init__(self, net: LessonNet | None = None):
        net = LessonNet() if net is None else net
        if not isinstance(net, LessonNet):
            raise TypeError(f"net must be a LessonNet, got {type(net).__name__}")
        self.controls = {}
        for name in PARAMS + DATA:
            low, high = RANGES[name]
            value = getattr(net, name)
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low:g} and {high:g} for the "
                                 f"sliders, got {value}")
            self.controls[name] = Slider(name, value, low, high, 0.01, width=250)
        self.learning_rate = net.learning_rate
        self._holding = False
        reset = widgets.Button(description="Reset to the lecture's values", icon="undo",
                               layout=widgets.Layout(width="260px"))
        reset.on_click(self.reset)
        self._start(buttons={"reset": reset})

    @property
    def net(self) -> LessonNet:
        """The network the sliders currently describe."""
        values = {name: round(control.value, 9) for name, control in self.controls.items()}
        return LessonNet(**values, learning_rate=self.learning_rate)

    def render(self) -> str:
        """The diagram as SVG: a few kilobytes the browser draws, sharp at any size."""
        return network_svg(self.net, title=TITLE)

    def describe(self) -> str:
        return describe(self.net)

    def update(self) -> None:
        net = self.net
        f = net.forward()
        self.readout.value = (
            f"outY1 = {f['outY1']:.4f} (target T1 = {net.T1:.2f}) &nbsp; "
            f"outY2 = {f['outY2']:.4f} (target T2 = {net.T2:.2f}) &nbsp; "
            f"E1 = {f['E1']:.4f} &nbsp; E2 = {f['E2']:.4f} &nbsp; "
            f"<b>E_total = {f['E_total']:.4f}</b> (at the lecture's values: "
            f"{LessonNet().error():.4f})")

    def reset(self, _button=None) -> None:
        """Put every slider back to the lecture's value, then redraw once."""
        self._holding = True
        try:
            for name, control in self.controls.items():
                control.value = LESSON[name]
        finally:
            self._holding = False
        self.refresh()

    def _on_change(self, change) -> None:
        # Reset moves sixteen sliders: one redraw at the end is enough. A browser's snapping
        # noise is no change at all, and skipping it spares a redraw per slider on display.
        if self._holding or abs(change["new"] - change["old"]) < SAME:
            return
        super()._on_change(change)


def forward_explorer(net: LessonNet | None = None) -> ForwardExplorer:
    """The app in one call: ``ll.forward.apps.forward_explorer()``."""
    return ForwardExplorer(net)
