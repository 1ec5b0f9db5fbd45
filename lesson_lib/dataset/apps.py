"""Lesson 7 app: train a small network on a data set and watch its boundary form."""

from __future__ import annotations

import time

import ipywidgets as widgets

from ..apps.base import App
from ..apps.controls import IntSlider, Slider
from ..core.checks import number_in, one_of, positive_int
from ..core.checks import seed as _seed
from . import core as datasets
from . import figures


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
        self.data_name = dataset
        self.history, self.train_set, self.test_set = datasets.untrained(dataset, hidden,
                                                                         self.seed)
        self.view = figures.BoundaryView.draw(self.history, self.train_set, self.test_set,
                                              points=[self._point()])
        self.fig = self.view.fig
        self.trained_with = None  # the settings of the last Train press
        # Only the new-point star and its note change on a control change; a new boundary
        # or data set redraws the whole figure (redraw_all), once per Train or data set.
        self._start(buttons={"train": train_button},
                    dynamic=[self.view.marker, self.view.point_text])
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
        return datasets.classifier(self.controls["hidden"].value, seed=self.seed)

    def train(self) -> None:
        """Train from scratch with the current settings; the bar and the figure follow."""
        c = self.controls
        epochs = c["epochs"].value
        self.progress.max, self.progress.value = epochs, 0
        last_frame = [time.perf_counter()]

        def on_epoch(epoch, history):
            self.progress.value = epoch
            # The boundary as it forms: a new picture after every 0.4 s of datasets.
            if epoch < epochs and time.perf_counter() - last_frame[0] > 0.4:
                self._show(history)
                self.show(self.render())
                last_frame[0] = time.perf_counter()

        self.history = datasets.train_epochs(
            self.net0(), self.train_set, epochs, c["learning_rate"].value,
            test=self.test_set, seed=self.seed, on_epoch=on_epoch)
        self.trained_with = self._settings()
        self._show(self.history)
        self.refresh()

    def _show(self, history) -> None:
        self.view.show_boundary(history, self.train_set, self.test_set)
        self.redraw_all()

    def update(self) -> None:
        c = self.controls
        new_data = c["dataset"].value != self.data_name
        if new_data:  # new points, and back to random weights
            self._load(c["dataset"].value)
            self.view.show_points(self.train_set, self.test_set)
        resized = self.trained_with is None and self.history.net.sizes[1] != c["hidden"].value
        if new_data or resized:  # untrained: show the random network of the chosen size
            self.history = datasets.train_epochs(self.net0(), self.train_set, 0, 1.0,
                                                 test=self.test_set)
            self.trained_with = None
            self._show(self.history)
        x1, x2 = self._point()
        p = self.view.show_point(self.history.net, x1, x2)
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

