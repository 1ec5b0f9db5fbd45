"""Two training apps: a learning-rate slider over the lecture's 10,000-update error curve,
and a small classifier trained on a two-class data set with a Train button."""

from __future__ import annotations

import time

import ipywidgets as widgets
import numpy as np

from ..apps.base import App
from ..apps.controls import IntSlider, Slider
from ..core import training
from ..core.checks import flag, number_in, one_of, positive_int
from ..core.checks import seed as _seed
from ..dataset import core as datasets
from . import figures


class LearningRateExplorer(App):
    """Move the learning rate; the whole 10,000-update error curve follows.

    Every slider position was trained when the first such app opened (one vectorised
    sweep of all 102 rates, about 0.3 s, kept for later apps), so a move only looks its
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
        self.fig = figures.rate_explorer(self.sweep(update_biases), learning_rate)
        self._shown_biases = update_biases
        self._start(dynamic=self.fig.handles["dynamic"])

    def sweep(self, update_biases: bool) -> training.LearningRateSweep:
        return training.slider_sweep(update_biases, self.steps)

    def update(self) -> None:
        rate = self.controls["learning_rate"].value
        update_biases = self.controls["update_biases"].value
        if update_biases != self._shown_biases:
            # The faint reference curves belong to the other setting: draw the figure anew.
            self.fig = figures.rate_explorer(self.sweep(update_biases), rate)
            self.dynamic = self.fig.handles["dynamic"]
            self.redraw_all()
            self._shown_biases = update_biases
        errors, kind = figures.set_rate_curve(self.fig, self.sweep(update_biases), rate)
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


class DatasetTrainer(App):
    """Pick a data set, hidden units, learning rate and epochs; press Train and watch the
    decision boundary form; type a point to see what the trained network predicts."""

    # The sliders' ranges; a start outside them is refused (a slider would quietly clamp it).
    HIDDEN = (1, 16)
    RATE_EXPONENTS = (-2, 1)
    EPOCHS = (1, 300)

    def __init__(self, dataset: str = "moons", hidden: int = 8, learning_rate: float = 2.0,
                 epochs: int = 100, seed: int = 0):
        one_of(dataset, "dataset", datasets.MAKERS)
        hidden = positive_int(hidden, "hidden", *self.HIDDEN)
        low, high = self.RATE_EXPONENTS
        learning_rate = number_in(learning_rate, "learning_rate", 10**low, 10**high)
        epochs = positive_int(epochs, "epochs", *self.EPOCHS)
        self.seed = _seed(seed)
        self.controls = {
            "hidden": IntSlider("hidden units", hidden, *self.HIDDEN),
            "learning_rate": Slider("learning rate", learning_rate, low, high, 0.1,
                                    decimals=3, log=True),
            "epochs": IntSlider("epochs", epochs, *self.EPOCHS),
            "dataset": widgets.Dropdown(options=list(datasets.MAKERS), value=dataset,
                                        description="data set"),
            "x1": widgets.FloatText(value=0.5, description="new point x1", step=0.1,
                                    style={"description_width": "initial"},
                                    layout=widgets.Layout(width="200px")),
            "x2": widgets.FloatText(value=0.0, description="x2", step=0.1,
                                    layout=widgets.Layout(width="200px")),
        }
        train_button = widgets.Button(description="Train", button_style="primary",
                                      icon="play")
        train_button.on_click(lambda _button: self.train())
        self.progress = widgets.IntProgress(value=0, min=0, max=epochs, description="epochs",
                                            layout=widgets.Layout(width="280px"))
        self.fig = figures.untrained_view(dataset, hidden, seed, self._point())
        self.data_name = dataset
        self.history = self.fig.handles["history"]
        self.train_set, self.test_set = self.fig.handles["train_set"], self.fig.handles["test_set"]
        self.trained_with = None  # the settings of the last Train press
        # Only the new-point star and its note change on a control change; a new boundary
        # or data set redraws the whole figure (redraw_all), once per Train or data set.
        self._start(buttons={"train": train_button},
                    dynamic=[self.fig.handles["marker"], self.fig.handles["point_text"]])
        rows = list(self.widget.children)
        self.widget.children = rows[:-2] + [self.progress] + rows[-2:]

    def _load(self, name: str) -> None:
        self.data_name = name
        self.train_set, self.test_set = datasets.make(name, seed=self.seed).split(seed=self.seed)

    def _point(self) -> tuple[float, float]:
        return self.controls["x1"].value, self.controls["x2"].value

    def _settings(self) -> tuple:
        c = self.controls
        return (c["dataset"].value, c["hidden"].value, round(c["learning_rate"].value, 6),
                c["epochs"].value)

    def net0(self):
        return training.classifier(self.controls["hidden"].value, seed=self.seed)

    def train(self) -> None:
        """Train from scratch with the current settings; the bar and the figure follow."""
        c = self.controls
        epochs = c["epochs"].value
        self.progress.max, self.progress.value = epochs, 0
        last_frame = [time.perf_counter()]

        def on_epoch(epoch, history):
            self.progress.value = epoch
            # The boundary as it forms: a new picture after every 0.4 s of training.
            if epoch < epochs and time.perf_counter() - last_frame[0] > 0.4:
                self._show(history)
                self.show(self.render())
                last_frame[0] = time.perf_counter()

        self.history = training.train_epochs(
            self.net0(), self.train_set, epochs, c["learning_rate"].value,
            test=self.test_set, seed=self.seed, on_epoch=on_epoch)
        self.trained_with = self._settings()
        self._show(self.history)
        self.refresh()

    def _show(self, history) -> None:
        figures.set_boundary(self.fig, history, self.train_set, self.test_set)
        self.redraw_all()

    def update(self) -> None:
        c = self.controls
        new_data = c["dataset"].value != self.data_name
        if new_data:  # new points, and back to random weights
            self._load(c["dataset"].value)
            figures.set_points(self.fig, self.train_set, self.test_set)
        resized = self.trained_with is None and self.history.net.sizes[1] != c["hidden"].value
        if new_data or resized:  # untrained: show the random network of the chosen size
            self.history = training.train_epochs(self.net0(), self.train_set, 0, 1.0,
                                                 test=self.test_set)
            self.trained_with = None
            self._show(self.history)
        x1, x2 = self._point()
        p = figures.set_point(self.fig, self.history.net, x1, x2)
        h = self.history
        status = ("untrained (random weights): press Train" if self.trained_with is None
                  else f"trained {h.epochs} epochs: training accuracy "
                       f"{h.train_accuracy[-1]:.0%}, held-out accuracy {h.test_accuracy[-1]:.0%}")
        if self.trained_with is not None and self.trained_with != self._settings():
            status += " (settings changed: press Train to use them)"
        self.readout.value = (f"<b>{self.data_name}</b>, {len(self.train_set)} training and "
                              f"{len(self.test_set)} held-out points; {status}<br>"
                              f"new point ({x1:.2f}, {x2:.2f}): P(class 1) = {p:.3f} &rarr; "
                              f"class {int(p >= 0.5)}")


def dataset_trainer(dataset: str = "moons", hidden: int = 8, learning_rate: float = 2.0,
                    epochs: int = 100):
    """A 2-hidden-1 network trained sample by sample on a toy data set, with a Train button."""
    return DatasetTrainer(dataset, hidden, learning_rate, epochs)
