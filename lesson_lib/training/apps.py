"""Two training apps: a learning-rate slider over the lecture's 10,000-update error curve,
and a small classifier trained on a two-class data set with a Train button."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from ..apps.base import App
from ..apps.controls import Slider
from ..core.checks import flag, number_in, positive_int
from . import core as training
from . import figures


class LearningRateExplorer(App):
    """Move the learning rate; the whole 10,000-update error curve follows.

    Every slider position was trained when the first such app opened (one vectorised
    sweep of all 102 rates, about a second, kept for later apps), so a move only looks its
    curve up; a typed rate between the positions is trained on the spot.
    """

    def __init__(self, learning_rate: float = 0.5, update_biases: bool = True,
                 steps: int = 10_000):
        low, high, step = training.RATE_EXPONENTS
        # The slider would move a value outside its range to the nearest end without a word.
        learning_rate = number_in(learning_rate, "learning_rate", 10**low, 10**high)
        update_biases = flag(update_biases, "update_biases")
        self.steps = positive_int(steps, "steps")  # the readout shows E after 1 update
        self.controls = {
            "learning_rate": Slider("learning rate", learning_rate, low, high, step,
                                    decimals=3, log=True, width=320),
            "update_biases": widgets.Checkbox(value=update_biases, description="update biases",
                                              indent=False),
        }
        self.view = figures.RateView.draw(self.sweep(update_biases), learning_rate)
        self.fig = self.view.fig
        self._shown_biases = update_biases
        self._start(dynamic=[self.view.curve])

    def sweep(self, update_biases: bool) -> training.LearningRateSweep:
        return training.slider_sweep(update_biases, self.steps)

    def update(self) -> None:
        rate = self.controls["learning_rate"].value
        update_biases = self.controls["update_biases"].value
        if update_biases != self._shown_biases:
            # The faint reference curves belong to the other setting: draw the figure anew.
            self.view = figures.RateView.draw(self.sweep(update_biases), rate)
            self.fig = self.view.fig
            self.dynamic = [self.view.curve]
            self.redraw_all()
            self._shown_biases = update_biases
        errors, kind = self.view.show(self.sweep(update_biases), rate)
        hits = np.flatnonzero(errors <= 1e-6)
        reach = f"{hits[0]:,} updates" if hits.size else "never"
        self.readout.value = (
            f"<b>learning rate {figures.rate_text(rate)}</b> ({kind}): "
            f"E_total = {errors[0]:.4g} before, "
            f"{errors[1]:.3g} after 1 update, {errors[min(100, self.steps)]:.3g} after 100, "
            f"{errors[-1]:.3g} after {self.steps:,}; E_total &le; 1e-6 after: {reach}; "
            f"rises: {training.rises(errors)}")


def learning_rate_explorer(learning_rate: float = 0.5, update_biases: bool = True):
    """The lecture's network trained for 10,000 updates at the slider's learning rate."""
    return LearningRateExplorer(learning_rate, update_biases)

