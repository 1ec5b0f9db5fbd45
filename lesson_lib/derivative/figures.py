"""Lesson 1 figures: the three activations, the sigmoid's slope, and a tangent line."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text

from ..core.activations import activation, sigmoid, sigmoid_prime
from ..core.checks import finite_number
from ..figures.style import PALETTE, RC, FigureView, new_figure, styled
from .core import lesson_grid, tangent

TITLES = {"step": "Unit step", "sigmoid": "Sigmoid", "relu": "ReLU"}
SYMBOLS = {"step": "step", "sigmoid": "σ", "relu": "ReLU"}
# y-ranges per activation: the function panel, and the slope panel (sigma' peaks at 0.25).
Y_LIMITS = {"step": (-0.15, 1.15), "sigmoid": (-0.15, 1.15), "relu": (-0.5, 6.5)}
SLOPE_LIMITS = {"step": (-0.1, 1.1), "sigmoid": (-0.03, 0.33), "relu": (-0.1, 1.1)}
TITLE = {"ha": "center", "va": "bottom", "fontsize": RC["axes.titlesize"],
         "fontweight": RC["axes.titleweight"]}
DENSE = np.linspace(-6.0, 6.0, 1201)  # smooth curves; the lecture's own grid is coarser


@styled
def activation_gallery(low: float = -4.0, high: float = 4.0):
    """Step, sigmoid and ReLU side by side, each with its derivative.

    Each panel has its own y range (ReLU's rising line would flatten the sigmoid), and a
    derivative that jumps at 0 is drawn in two pieces with open circles at the gap: no
    vertical segment that would claim a slope between 0 and 1 at x = 0.
    """
    fig, axes = new_figure(1, 3, figsize=(13, 4.4))
    low, high = finite_number(low, "low"), finite_number(high, "high")
    xs = np.linspace(low, high, 801)
    for ax, name in zip(axes, TITLES, strict=True):
        f, f_prime = activation(name)
        ax.plot(xs, f(xs), color=PALETTE["blue"], label="function")
        if name == "sigmoid":
            ax.plot(xs, f_prime(xs), color=PALETTE["vermillion"], linestyle="--",
                    label="derivative")
        else:
            left, right = xs[xs < 0], xs[xs > 0]
            ax.plot(left, f_prime(left), color=PALETTE["vermillion"], linestyle="--",
                    label="derivative")
            ax.plot(right, f_prime(right), color=PALETTE["vermillion"], linestyle="--")
            gap = sorted({float(f_prime(-1e-9)), float(f_prime(1e-9))})
            ax.plot([0] * len(gap), gap, "o", markersize=8, markerfacecolor="white",
                    markeredgecolor=PALETTE["vermillion"], markeredgewidth=2,
                    label="no slope at x = 0")
        ax.set(title=TITLES[name], xlabel="input x")
    axes[0].set_ylim(-0.1, 1.15)
    axes[1].set_ylim(-0.1, 1.15)
    axes[2].set_ylim(-0.2, max(2.2, float(high) + 0.2))
    axes[0].set_ylabel("value: output or slope (no unit)")
    axes[0].annotate("jump at 0:\nno slope there", xy=(0, 0.5), xytext=(-3.8, 0.7),
                     arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
    axes[2].legend(loc="upper left")
    return fig


@styled
def sigmoid_and_derivative():
    """The lecture's figure: sigma and sigma' for x from -6 to 6 in steps of 0.1."""
    fig, ax = new_figure(figsize=(9, 5))
    xs = lesson_grid()
    ax.plot(xs, sigmoid(xs), color=PALETTE["blue"], label=r"sigmoid $\sigma(x)$")
    ax.plot(xs, sigmoid_prime(xs), color=PALETTE["vermillion"],
            label=r"derivative $\sigma'(x) = \sigma(x)\,(1-\sigma(x))$")
    ax.plot([0], [0.25], "o", color=PALETTE["vermillion"])
    ax.annotate("peak: 0.25 at x = 0", xy=(0, 0.25), xytext=(1.0, 0.35),
                arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
    ax.set(title="The sigmoid and its derivative", xlabel="input x",
           ylabel="value: output or slope (no unit)", xlim=(-6, 6), ylim=(-0.05, 1.05),
           xticks=np.arange(-6, 7, 2), yticks=np.arange(0, 1.01, 0.25))
    ax.legend(loc="upper left")
    return fig


@dataclass(eq=False)
class TangentView(FigureView):
    """Left: an activation and its tangent at x. Right: its derivative, with the same x."""

    curve: Line2D
    tangent: Line2D
    point: Line2D
    slope_curve: Line2D
    slope_point: Line2D
    left_title: Text  # the titles are plain texts at a fixed place: an app redraws them
    right_title: Text  # alone on every move
    peak: Annotation

    @classmethod
    @styled
    def draw(cls, name: str = "sigmoid", x: float = 1.0) -> TangentView:
        """The figure at activation ``name`` and input ``x``."""
        fig, (left, right) = new_figure(1, 2, figsize=(12, 4.6))
        view = cls(
            fig,
            curve=left.plot([], [], color=PALETTE["blue"], label="function")[0],
            tangent=left.plot([], [], color=PALETTE["orange"], linewidth=3,
                              label="tangent line")[0],
            point=left.plot([], [], "o", color=PALETTE["black"], markersize=9)[0],
            slope_curve=right.plot(DENSE, np.zeros_like(DENSE), color=PALETTE["vermillion"],
                                   label="derivative")[0],
            slope_point=right.plot([], [], "o", color=PALETTE["black"], markersize=9)[0],
            left_title=left.text(0.5, 1.02, "", transform=left.transAxes, **TITLE),
            right_title=right.text(0.5, 1.02, "", transform=right.transAxes, **TITLE),
            peak=right.annotate("peak of σ':\n0.25 at x = 0", xy=(0, 0.25), xytext=(2.2, 0.25),
                                arrowprops={"arrowstyle": "->", "color": PALETTE["grey"]}),
        )
        left.set(xlabel="input x", ylabel="output (no unit)", xlim=(-6, 6))
        right.set(xlabel="input x", ylabel="slope (output per unit of x)", xlim=(-6, 6))
        left.legend(loc="upper left")
        right.legend(loc="upper left")
        # Fixed margins: the app changes the y-range (0..1 or 0..6), and a fixed layout also
        # spares a layout pass (and a second draw) on each redraw.
        fig.set_layout_engine(None)
        fig.subplots_adjust(left=0.065, right=0.985, bottom=0.12, top=0.91, wspace=0.2)
        view.show(name, x)
        return view

    def show(self, name: str, x: float) -> None:
        """Move to activation ``name`` at ``x`` (changes data only)."""
        f, f_prime = activation(name)
        line_x, line_y, slope, value = tangent(name, x)
        self.curve.set_data(DENSE, f(DENSE))
        self.tangent.set_data(line_x, line_y)
        self.point.set_data([x], [value])
        self.slope_curve.set_ydata(f_prime(DENSE))
        self.slope_point.set_data([x], [slope])
        self.peak.set_visible(name == "sigmoid")
        self.fig.axes[0].set_ylim(Y_LIMITS[name])
        self.fig.axes[1].set_ylim(SLOPE_LIMITS[name])
        self.left_title.set_text(f"{TITLES[name]}: tangent at x = {x:.2f}")
        self.right_title.set_text(f"Its slope there: {SYMBOLS[name]}'({x:.2f}) = {slope:.4f}")


def tangent_view(name: str = "sigmoid", x: float = 1.0):
    """The tangent figure at activation ``name`` and input ``x`` (``TangentView``'s figure)."""
    return TangentView.draw(name, x).fig
