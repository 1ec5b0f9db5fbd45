"""Lesson 5 app: apply forward, backward and update one click at a time and watch the error."""

from __future__ import annotations

import ipywidgets as widgets

from ..apps.base import App
from ..apps.controls import Slider
from ..core.checks import positive_number
from ..core.network import BIASES, LESSON_LEARNING_RATE, LessonNet
from ..figures.network_svg import describe_stepper, stepper_svg

MAX_LEARNING_RATE = 5.0


class TrainingStepper(App):
    """A learning-rate slider, a bias toggle, and step / 10 steps / reset buttons."""

    def __init__(self, learning_rate: float = LESSON_LEARNING_RATE, update_biases: bool = False):
        learning_rate = positive_number(learning_rate, "learning_rate")
        if learning_rate > MAX_LEARNING_RATE:
            raise ValueError(f"learning_rate must be <= {MAX_LEARNING_RATE}, got {learning_rate}")
        if not isinstance(update_biases, bool):
            raise TypeError(f"update_biases must be True or False, got {update_biases!r}")
        self.start = LessonNet()
        self.net = self.start
        self.errors = [self.net.error()]
        self.controls = {
            "learning_rate": Slider("learning rate", learning_rate, 0.05, MAX_LEARNING_RATE,
                                    0.05),
            "update_biases": widgets.Checkbox(value=update_biases, description="update biases",
                                              indent=False),
        }
        buttons = {}
        for name, label, handler in (("step", "step", self.on_step),
                                     ("step10", "10 steps", self.on_ten_steps),
                                     ("reset", "reset", self.on_reset)):
            buttons[name] = widgets.Button(description=label)
            buttons[name].on_click(handler)
        self._start(buttons=buttons)

    def step(self, count: int = 1) -> None:
        """Forward, backward and update ``count`` times with the controls' settings."""
        lr = self.controls["learning_rate"].value
        biases = self.controls["update_biases"].value
        for _ in range(count):
            self.net = self.net.step(learning_rate=lr, update_biases=biases)
            self.errors.append(self.net.error())

    def on_step(self, _button=None) -> None:
        self.step()
        self.refresh()

    def on_ten_steps(self, _button=None) -> None:
        self.step(10)
        self.refresh()

    def on_reset(self, _button=None) -> None:
        self.net = self.start
        self.errors = [self.net.error()]
        self.refresh()

    def _on_change(self, change) -> None:
        # The settings act on the next step; until then only the readout has news, and the
        # bias edges, greyed while the biases are held.
        if change.get("owner") is self.controls["update_biases"]:
            self.refresh()
        else:
            self.update()

    def held(self) -> tuple:
        return () if self.controls["update_biases"].value else BIASES

    def render(self) -> str:
        """The error history over the diagram, one SVG (its still is the same drawing):
        Step changes both, and the history's short chart keeps them in one screen."""
        return stepper_svg(self.net, self.errors, held=self.held())

    def describe(self) -> str:
        return describe_stepper(self.net, self.errors, held=self.held())

    def update(self) -> None:
        updates = len(self.errors) - 1
        change = ""
        if updates:
            change = f" &nbsp; (last update changed it by {self.errors[-1] - self.errors[-2]:+.3g})"
        biases = "updated" if self.controls["update_biases"].value else "held fixed"
        self.readout.value = (
            f"updates so far: {updates} &nbsp; E_total = {self.errors[-1]:.6f}{change}<br>"
            f"next step: learning rate {self.controls['learning_rate'].value:.2f}, "
            f"biases {biases}")


def training_stepper(learning_rate: float = LESSON_LEARNING_RATE,
                     update_biases: bool = False) -> TrainingStepper:
    """The app in one call: ``ll.backward.apps.training_stepper()``."""
    return TrainingStepper(learning_rate, update_biases)
