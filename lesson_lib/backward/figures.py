"""Lesson 5's figures: the gradient check, the slides' slip, and training step by step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..core.checks import finite_array, flag, instance_of, positive_int, positive_number
from ..core.gradcheck import numeric_gradient
from ..core.network import BIASES, PARAMS, LessonNet, TrainingHistory, as_lesson_net
from ..figures.network_svg import NetworkDrawing, describe_stepper, stepper_svg
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



@styled
def stepper_view(net: LessonNet | None = None, errors: Sequence[float] | None = None,
                 title: str = "Backpropagation, one step at a time",
                 update_biases: bool = False) -> NetworkDrawing:
    """The error history so far over the diagram with gradients on its edges: the drawing
    the training stepper shows, as a still (image/svg+xml, with its description).

    With ``update_biases`` False (as on the slides) the bias gradients show greyed, "(held)".
    """
    held = () if flag(update_biases, "update_biases") else BIASES
    net = as_lesson_net(net)
    errors = [net.error()] if errors is None else finite_array(errors, "errors", shape=(None,),
                                                               min_size=1)
    instance_of(title, "title", str)
    text = describe_stepper(net, errors, held=held)
    return NetworkDrawing(stepper_svg(net, errors, held=held, title=title, desc=text),
                          f"{title}. {text}" if title else text)


def training_view(history: TrainingHistory) -> NetworkDrawing:
    """``stepper_view`` where a ``LessonNet.train`` run ended, titled with its settings."""
    if not isinstance(history, TrainingHistory):
        raise TypeError(f"history must be the TrainingHistory of LessonNet.train, "
                        f"got {type(history).__name__}")
    biases = "biases updated" if history.update_biases else "biases held"
    title = (f"After {history.steps} updates, learning rate {history.learning_rate:g}, "
             f"{biases}")
    return stepper_view(history.final, history.errors, title, history.update_biases)
