"""Lesson 5's figures: the gradient check, the slides' slip, and training step by step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes

from ..core.checks import finite_array, flag, instance_of, positive_int, positive_number
from ..core.gradcheck import numeric_gradient
from ..core.network import BIASES, PARAMS, LessonNet, TrainingHistory, as_lesson_net
from ..figures.network import NetworkDiagram
from ..figures.style import PALETTE, LessonFigure, new_figure, styled
from . import core as backward

ERROR_LABEL = "$E_{total}$ (no unit)"


@styled
def gradient_check(values: Mapping | None = None, h: float = 1e-4,
                   tolerance: float = 1e-7) -> LessonFigure:
    """Relative error of each gradient in ``values`` (e.g. ``globals()``; the reference's
    when None) against a central difference, on a log axis."""
    # A relative error is at most 2: a larger tolerance would pass anything.
    tolerance = positive_number(tolerance, "tolerance", maximum=1.0)
    rows = backward.gradient_check(values, h)
    errors = [max(rows[p]["relative_error"], 1e-16) for p in PARAMS]
    fig, ax = new_figure(figsize=(10, 5))
    ax.bar(PARAMS, errors, color=PALETTE["blue"], label="backprop vs finite difference")
    ax.axhline(tolerance, color=PALETTE["vermillion"], ls="--",
               label=f"tolerance {tolerance:g}")
    ax.set_yscale("log")
    ax.set_ylim(1e-13, max(1e-5, 10 * max(errors)))  # a wrong gradient stays in view
    ax.set_xlabel("parameter")
    ax.set_ylabel("relative error (no unit)")
    wrong = [p for p, e in zip(PARAMS, errors, strict=True) if e >= tolerance]
    ax.set_title(f"Every gradient agrees with its finite difference (h = {h:g})" if not wrong
                 else f"{len(wrong)} of 12 gradients disagree{'s' * (len(wrong) == 1)} with "
                      f"the finite difference (first: {wrong[0]})")
    ax.legend(loc="best")
    return fig


@styled
def slide_slip(net: LessonNet | None = None) -> LessonFigure:
    """dE/dw3 and dE/dw4: the slides' recipe, the chain rule and a finite difference."""
    net = as_lesson_net(net)
    slides = backward.slide_recipe(net)
    grad = net.gradient()
    numeric = numeric_gradient(lambda **p: net.with_values(**p).error(),
                               {w: getattr(net, w) for w in ("w3", "w4")}, h=1e-4)
    fig, ax = new_figure(figsize=(10, 5))
    x = np.arange(2)
    bars = [("slides (uses dE/doutH1)", [slides["dE_dw3"], slides["dE_dw4"]], "vermillion"),
            ("chain rule (uses dE/doutH2)", [grad["w3"], grad["w4"]], "blue"),
            ("finite difference", [numeric["w3"], numeric["w4"]], "green")]
    for i, (label, heights, colour) in enumerate(bars):
        drawn = ax.bar(x + (i - 1) * 0.27, heights, width=0.27, label=label,
                       color=PALETTE[colour])
        ax.bar_label(drawn, labels=[f"{v:.4g}" for v in heights], fontsize=11, padding=2)
    ax.set_xticks(x, ["dE/dw3", "dE/dw4"])
    ax.set_ylim(0, 1.25 * max(grad["w4"], slides["dE_dw4"]))
    ax.set_xlabel("gradient")
    ax.set_ylabel("value (error per unit of weight)")
    shortfall = 100 * (1 - slides["dE_dw3"] / grad["w3"])
    ax.set_title(f"The slides' dE/dw3 and dE/dw4 are {shortfall:.0f}% too small")
    ax.legend(loc="upper left")
    return fig


@styled
def error_histories(steps: int = 100, learning_rate: float = 0.5) -> LessonFigure:
    """E_total over repeated updates, biases held fixed (as the slides do) or updated too."""
    steps = positive_int(steps, "steps")
    learning_rate = positive_number(learning_rate, "learning_rate")
    fig, ax = new_figure(figsize=(10, 5))
    for update_biases, label, colour in ((False, "weights only, biases held", "orange"),
                                         (True, "weights and biases", "blue")):
        history = LessonNet().train(steps, learning_rate, update_biases=update_biases)
        ax.plot(np.arange(steps + 1), history.errors, color=PALETTE[colour],
                label=f"{label}: {history.errors[-1]:.4f} after {steps}")
    ax.set_xlabel("updates (count)")
    ax.set_ylabel(ERROR_LABEL)
    ax.set_ylim(bottom=0)
    ax.set_title(f"Training the lecture's example, learning rate {learning_rate:g}")
    ax.legend(loc="upper right")
    return fig


class ErrorHistory:
    """E_total after each update on one Axes; ``update`` changes the line's data, and the
    limits only when the line outgrows them."""

    def __init__(self, ax, errors: Sequence[float]):
        self.ax = instance_of(ax, "ax", Axes)
        errors = finite_array(errors, "errors", shape=(None,), min_size=1)
        self.start = ax.axhline(errors[0], color=PALETTE["grey"], ls="--",
                                label=f"before training: {errors[0]:.4f}")
        # Above the axes' spines: the line runs along the bottom one as the error nears 0.
        (self.line,) = ax.plot([], [], color=PALETTE["blue"], marker="o", markersize=4,
                               label="$E_{total}$ after each update", zorder=3)
        ax.set_xlabel("updates (count)")
        ax.set_ylabel(ERROR_LABEL)
        ax.set_title("Error history", loc="left")
        self.empty = ax.text(0.5, 0.5, "no update yet: each update adds a point",
                             transform=ax.transAxes, ha="center", va="center",
                             color=PALETTE["grey"], fontsize=13)
        # Above the axes, beside the title: no error curve or start line can run under it.
        self.legend = ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2,
                                borderaxespad=0.2)
        self.update(errors)

    def update(self, errors: Sequence[float]) -> bool:
        """Show ``errors``; True when the axis limits had to change (an app then redraws
        the axes). The step axis grows in jumps of 10, 20, 50, 100, 200, ... updates."""
        errors = finite_array(errors, "errors", shape=(None,), min_size=1)
        steps = np.arange(len(errors))
        self.line.set_data(steps, errors)
        self.empty.set_visible(len(errors) == 1)
        right = _nice_ceiling(len(errors) - 1)
        # a margin on the left too: the point of update 0 sits inside the axes, not on a spine
        limits = ((-0.03 * right, right * 1.05),
                  (0.0, float(max(errors.max(), 1e-3) * 1.15)))
        if (self.ax.get_xlim(), self.ax.get_ylim()) == limits:
            return False
        self.ax.set_xlim(*limits[0])
        self.ax.set_ylim(*limits[1])
        return True


def _nice_ceiling(count: int) -> int:
    """The first of 10, 20, 50, 100, 200, 500, ... that is at least ``count``."""
    scale = 10
    while True:
        for factor in (1, 2, 5):
            if count <= factor * scale:
                return factor * scale
        scale *= 10


@styled
def stepper_view(net: LessonNet | None = None, errors: Sequence[float] | None = None,
                 title: str = "Backpropagation, one step at a time",
                 update_biases: bool = False) -> LessonFigure:
    """The diagram with gradients on its edges above the error history so far.

    With ``update_biases`` False (as on the slides) the bias gradients show greyed, "(held)".
    ``fig.diagram`` and ``fig.history`` are the parts an app updates.
    """
    flag(update_biases, "update_biases")
    net = as_lesson_net(net)
    errors = [net.error()] if errors is None else finite_array(errors, "errors", shape=(None,),
                                                               min_size=1)
    fig, (top, bottom) = new_figure(2, 1, figsize=(13, 11))
    fig.set_layout_engine(None)  # fixed positions: nothing moves while the texts change
    top.set_position((0.0, 0.33, 1.0, 0.6))
    bottom.set_position((0.09, 0.05, 0.86, 0.22))
    fig.diagram = NetworkDiagram(top, net, net.gradient(), edge_label="gradient",
                                 held=() if update_biases else BIASES)
    top.set_title("Gradients on the edges, forward values in the nodes")
    fig.history = ErrorHistory(bottom, errors)
    fig.suptitle(title, fontsize=17, fontweight="bold")
    return fig


def training_view(history: TrainingHistory) -> LessonFigure:
    """``stepper_view`` where a ``LessonNet.train`` run ended, titled with its settings."""
    if not isinstance(history, TrainingHistory):
        raise TypeError(f"history must be the TrainingHistory of LessonNet.train, "
                        f"got {type(history).__name__}")
    biases = "biases updated" if history.update_biases else "biases held"
    title = (f"After {history.steps} updates, learning rate {history.learning_rate:g}, "
             f"{biases}")
    return stepper_view(history.final, history.errors, title, history.update_biases)
