"""Apps for steepest descent: pick a driving direction; tune gradient descent on a bowl."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..apps.base import APP_DPI, App
from ..apps.controls import IntSlider, Slider
from ..core.checks import finite_number, positive_int
from . import core as descent
from . import figures


def _prepare_overlay(fig, moving) -> list:
    """Get ``fig`` ready to be re-rendered by redrawing only the ``moving`` artists.

    The moving artists go on top of everything else in their axes, in the order given, so
    the picture an app shows (them, as SVG, over a bitmap of the rest) is the same picture
    as a full draw. The
    layout is solved once, with every artist visible, and then frozen: only data moves.
    """
    fig.set_dpi(APP_DPI)
    for rank, artist in enumerate(moving):
        artist.set_zorder(10 + rank)
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
    fig.set_layout_engine("none")
    return list(moving)


class DirectionExplorer(App):
    """A direction slider on the 5-mile circle: the trip, the gradient and the revenue."""

    def __init__(self, angle_deg: float = 20.0):
        angle_deg = finite_number(angle_deg, "angle_deg") % 360.0
        self.view = figures.DirectionView.draw(angle_deg)
        self.fig = self.view.fig
        self.controls = {"angle": Slider("direction from East", angle_deg, 0.0, 360.0, 1.0,
                                         decimals=0, unit="°", width=300)}
        best = descent.best_angle()
        buttons = {"best": widgets.Button(description=f"along the gradient ({best:.2f}°)",
                                          layout=widgets.Layout(width="240px"))}
        buttons["best"].on_click(lambda _: self._set_angle(best))
        v = self.view
        # The end point under the arrow, as in the figure; the curve's marker above its legend.
        self._start(buttons=buttons, dynamic=_prepare_overlay(
            self.fig, [v.end, v.trip, v.label, v.marker]))

    def _set_angle(self, angle_deg: float) -> None:
        self.controls["angle"].value = angle_deg  # the slider's observer refreshes the view

    def update(self) -> None:
        angle = self.controls["angle"].value
        self.view.show(angle)
        east, north = descent.heading(angle)
        earned = float(descent.revenue_at_angle(angle))
        best = descent.best_route()
        gap = (angle - best["angle_deg"] + 180.0) % 360.0 - 180.0
        self.readout.value = (
            f"<b>direction</b> = {angle:.2f}° &nbsp; <b>East</b> = {east:.2f} mi &nbsp; "
            f"<b>North</b> = {north:.2f} mi &nbsp; "
            f"<b>revenue</b> = {descent.dollars(earned)} &nbsp; "
            f"(best: ${best['revenue']:.2f} at {best['angle_deg']:.2f}°; you are "
            f"{abs(gap):.2f}° off the gradient)")


class DescentExplorer(App):
    """Learning-rate and step-count controls for gradient descent on the bowl."""

    PRESETS = {"smooth": 0.04, "zig-zag": 0.09, "diverge": 0.12}
    RATES = (0.005, 0.13)  # the slider's range: from crawling to diverging fast
    MAX_STEPS = 100
    STEP_BANDS = (10, 20, 50, MAX_STEPS)  # the loss axis runs to the first that covers steps

    def __init__(self, learning_rate: float = 0.09, steps: int = 50):
        learning_rate = descent.check_learning_rate(learning_rate)
        low, high = self.RATES
        if not low <= learning_rate <= high:
            raise ValueError(f"learning_rate must be between {low} and {high} for this app, "
                             f"got {learning_rate}")
        steps = positive_int(steps, "steps")
        if steps > self.MAX_STEPS:
            raise ValueError(f"steps must be at most {self.MAX_STEPS}, got {steps}")
        self._limits = {}
        self.view = figures.DescentView.draw(learning_rate, steps)
        self.fig = self.view.fig
        self.controls = {
            "learning_rate": Slider("learning rate", learning_rate, low, high, 0.001,
                                    decimals=3, width=300),
            "steps": IntSlider("steps", steps, 1, self.MAX_STEPS),
        }
        buttons = {}
        for name, rate in self.PRESETS.items():
            buttons[name] = widgets.Button(description=f"{name} ({rate:g})")
            buttons[name].on_click(lambda _, rate=rate: self._set_rate(rate))
        v = self.view
        # The title tells the verdict; the loss panel's legend stays in its corner.
        self._start(buttons=buttons, dynamic=_prepare_overlay(
            self.fig, [v.path, v.start, v.ax_path.title, v.loss]))

    def _set_rate(self, rate: float) -> None:
        self.controls["learning_rate"].value = rate

    def _loss_limits(self, steps: int) -> tuple:
        """Loss axes that hold the curve of every learning rate on the slider, for up to
        10, 20, 50 or 100 steps (the first that covers ``steps``): the scale stays put
        while the rate moves (so curves compare at a glance) and while the step count moves
        within a band; only crossing into the next band redraws the axes. A shorter run is
        the start of a longer one, so the longer run's limits hold it."""
        band = next(n for n in self.STEP_BANDS if n >= steps)
        if band not in self._limits:
            rates = np.linspace(*self.RATES, 26)  # every 0.005; DescentView.show widens if need be
            self._limits[band] = figures.loss_limits(
                [descent.gradient_descent(rate, band) for rate in rates])
        return self._limits[band]

    def update(self) -> None:
        steps = self.controls["steps"].value
        self.result = descent.gradient_descent(self.controls["learning_rate"].value, steps)
        if self.view.show(self.result, self._loss_limits(steps)):
            self.redraw_all()  # new axis limits: the background's ticks are out of date
        final = self.result.final
        colour = "#D55E00" if self.result.diverged else "inherit"
        self.readout.value = (
            f"<b style='color:{colour}'>{self.result.status}</b> &nbsp; "
            f"u = {final['u']:.4g}, v = {final['v']:.4g}, loss = {final['loss']:.4g} &nbsp; "
            f"path: {self.result.pattern} &nbsp; (stable only below learning rate "
            f"{descent.BOWL.stability_limit():g})")


def direction_explorer(angle_deg: float = 20.0) -> DirectionExplorer:
    """Show it as the last line of a cell: ``ll.descent.apps.direction_explorer()``."""
    return DirectionExplorer(angle_deg)


def descent_explorer(learning_rate: float = 0.09, steps: int = 50) -> DescentExplorer:
    """Show it as the last line of a cell: ``ll.descent.apps.descent_explorer()``."""
    return DescentExplorer(learning_rate, steps)
