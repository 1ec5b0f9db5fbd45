"""Figures of training: error curves, learning rates side by side, a data set and the
decision boundary a network draws through it.

The figure the learning-rate app animates is drawn by ``RateView``: its ``curve`` is the line
the app moves, so an update never rebuilds the figure.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, NullLocator

from ..core.checks import (
    finite_array,
    instance_of,
    positive_int,
    positive_number,
)
from ..core.network import LIMIT, TrainingHistory
from ..figures.style import PALETTE, FigureView, new_figure, styled
from . import core as training
from .core import rate_text

VERDICT_COLOURS = {"slow": PALETTE["sky"], "good": PALETTE["green"],
                   "stalled": PALETTE["vermillion"]}
ERROR_LABEL = "$E_{total}$ (no unit, log scale)"
# Below this E_total each output is within a few float steps of its target: rounding only.
ERROR_FLOOR = 1e-30


def _errors(label, run) -> np.ndarray:
    if isinstance(run, TrainingHistory):
        return run.errors
    return finite_array(run, f"runs[{label!r}]", shape=(None,), min_size=1)


def _rates(rates, name: str) -> np.ndarray:
    rates = finite_array(rates, name, shape=(None,), min_size=1)
    if np.any(rates <= 0) or np.any(rates > LIMIT):
        raise ValueError(f"{name} must be learning rates > 0 and <= {LIMIT:g}, "
                         f"got {rates.tolist()}")
    return rates


def _sweep(sweep) -> training.LearningRateSweep:
    return instance_of(sweep, "sweep", training.LearningRateSweep)


@styled
def error_curves(runs: dict, target: float | None = None,
                 title: str = "Total error while training on the lecture's sample",
                 xlabel: str = "updates (forward, backward, update on the one sample)",
                 ylabel: str = ERROR_LABEL, figsize=(9, 5)):
    """E_total against the number of updates (log scale), one line per run."""
    colours = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"], PALETTE["purple"])
    instance_of(runs, "runs", dict)
    if not 1 <= len(runs) <= len(colours):
        raise ValueError(f"runs must hold 1 to {len(colours)} runs (one colour each), "
                         f"got {len(runs)}")
    curves = {label: _errors(label, run) for label, run in runs.items()}
    target = None if target is None else positive_number(target, "target", maximum=LIMIT)
    fig, ax = new_figure(figsize=figsize)
    for (label, errors), colour in zip(curves.items(), colours, strict=False):
        ax.plot(np.arange(len(errors)), errors, color=colour, label=label)
        if target is not None:
            hits = np.flatnonzero(errors <= target)
            if hits.size:
                ax.plot(hits[0], errors[hits[0]], "o", color=colour, markersize=9)
                ax.annotate(f"{hits[0]:,} updates", (hits[0], errors[hits[0]]),
                            textcoords="offset points", xytext=(6, 8), color=colour,
                            fontsize=12)
    if target is not None:
        ax.axhline(target, color=PALETTE["grey"], linestyle="--", linewidth=1.5,
                   label=f"$E_{{total}}$ = {target:g}")
    ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="upper right")
    return fig


@styled
def learning_rate_curves(sweep: training.LearningRateSweep, rates, edge: float = 45.0,
                         floor: float = 1e-12, figsize=(14, 5.5)):
    """Error curves of several learning rates, coloured by what they did: rates below
    ``edge`` on the left (log-log axes that stop at ``floor``: a curve that falls below it
    leaves through the bottom, and its legend entry says when), rates from ``edge`` up
    (where runs stall) on the right, zoomed in on the decade where they end, over linear
    updates so that a late drop is not squeezed against the edge.
    """
    rows = [_sweep(sweep)._row(rate) for rate in _rates(rates, "rates")]
    edge = positive_number(edge, "edge", maximum=LIMIT)
    floor = positive_number(floor, "floor", maximum=0.1)
    fig, axes = new_figure(1, 2, figsize=figsize)
    steps = sweep.errors.shape[1] - 1
    k = np.arange(1, steps + 1)
    styles = ["-", "--", "-.", ":"]
    seen: dict[tuple, int] = {}
    ends = []
    for i in rows:
        kind = sweep.verdict(i)
        side = int(sweep.rates[i] >= edge)
        dash = styles[seen.get((side, kind), 0) % len(styles)]
        seen[(side, kind)] = seen.get((side, kind), 0) + 1
        e = sweep.errors[i, 1:]
        below = np.flatnonzero(e < floor)
        note = f", below {floor:g} after {below[0] + 1:,}" if below.size else ""
        if kind == "stalled":
            note = f" at {e[-1]:.2g}"
        if side:
            ends.append(e[0])
            ends.append(e[-1] if kind == "stalled" else e[0])
        axes[side].plot(k, e, dash, color=VERDICT_COLOURS[kind], linewidth=2.5,
                        label=f"rate {rate_text(sweep.rates[i])}: {kind}{note}")
    _rate_axes(axes[0], sweep, floor)
    axes[0].set_title(f"Rates below {rate_text(edge)}")
    axes[0].legend(loc="lower left", fontsize=11)
    right = axes[1]
    right.set_yscale("log")
    if ends:  # one decade or so around where the edge's curves start and end
        right.set_ylim(min(ends) / 2.5, max(ends) * 1.6)
    right.set_xlim(0, steps)
    right.set_xlabel("updates")
    right.set_ylabel(ERROR_LABEL)
    right.set_title(f"Rates from {rate_text(edge)} up: the edge, zoomed in")
    if right.lines:
        right.legend(loc="lower left", fontsize=11, framealpha=0.95)
    else:  # every rate is below the edge: say so rather than show an empty legend
        right.text(0.5, 0.5, f"no rate from {rate_text(edge)} up", transform=right.transAxes,
                   ha="center", va="center", color=PALETTE["grey"], fontsize=13)
    fig.suptitle("One network, one sample, different learning rates", fontweight="bold")
    return fig


def _rate_axes(ax, sweep, floor: float = ERROR_FLOOR):
    steps = sweep.errors.shape[1] - 1
    # Named in the legend: a label on the line itself would sit under the curves.
    ax.axhline(sweep.errors[0, 0], color=PALETTE["grey"], linestyle=":", linewidth=1.5,
               label=f"before training: {sweep.errors[0, 0]:.4g}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, steps)
    # The best curves end in rounding noise near 1e-31: the axis stops above it.
    ax.set_ylim(floor, 3)
    # Fixed, sparse ticks: 30 labelled decades are unreadable.
    decades = np.arange(0, np.floor(np.log10(floor)) - 1, -6 if floor < 1e-13 else -2)
    ax.yaxis.set_major_locator(FixedLocator(10.0 ** decades))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel("updates (log scale)")
    ax.set_ylabel(ERROR_LABEL)


@dataclass(eq=False)
class RateView(FigureView):
    """One bold curve for a learning rate over dashed reference curves (slow, good,
    stalled): ``curve`` is the bold line, ``ax`` its axes."""

    curve: Line2D
    ax: Axes

    @classmethod
    @styled
    def draw(cls, sweep: training.LearningRateSweep, rate: float,
             reference_rates=(0.05, 10.0, 1000.0), floor: float = 1e-12,
             figsize=(9, 5)) -> RateView:
        """The figure for ``rate`` in ``sweep``, on axes that stop at ``floor``."""
        reference_rates = _rates(reference_rates, "reference_rates")
        floor = positive_number(floor, "floor", maximum=0.1)
        rate = positive_number(rate, "rate", maximum=LIMIT)
        _sweep(sweep)
        fig, ax = new_figure(figsize=figsize)
        steps = sweep.errors.shape[1] - 1
        k = np.arange(1, steps + 1)
        # Full colour but dashed and thinner: readable on a projector, yet clearly not yours.
        for ref, dash in zip(reference_rates, ("--", "-.", ":", "--"), strict=False):
            errors, kind = sweep.curve(ref)
            ax.plot(k, errors[1:], dash, color=VERDICT_COLOURS[kind], linewidth=2.5,
                    label=f"rate {rate_text(ref)} ({kind})")
        curve, = ax.plot(k, k * np.nan, color=PALETTE["black"], linewidth=3.5, label="your rate")
        _rate_axes(ax, sweep, floor)
        ax.set_title(f"$E_{{total}}$ over {steps:,} updates at your learning rate")
        ax.legend(loc="lower left", fontsize=11)
        view = cls(fig, curve=curve, ax=ax)
        view.show(sweep, rate)
        return view

    def show(self, sweep: training.LearningRateSweep, rate: float) -> tuple:
        """Point the bold line at ``rate``'s curve; returns (errors, verdict)."""
        errors, kind = _sweep(sweep).curve(rate)
        self.curve.set_ydata(errors[1:])
        return errors, kind


def rate_explorer(sweep: training.LearningRateSweep, rate: float,
                  reference_rates=(0.05, 10.0, 1000.0), floor: float = 1e-12, figsize=(9, 5)):
    """One bold curve for ``rate`` over dashed reference curves (slow, good, stalled), on
    axes that stop at ``floor`` (``RateView``'s figure)."""
    return RateView.draw(sweep, rate, reference_rates, floor, figsize).fig


# -- what the lecture leaves out (issue 11) ------------------------------------------------
@styled
def weight_paths(runs: dict, pairs=(("w1", "w3"), ("w5", "w6")), figsize=(11, 4.8)):
    """One panel per run: pairs of weights over the updates, the second of each pair dashed.

    ``runs`` maps a title to the run's parameters after 0, 1, 2, ... updates, as a list of
    dicts (what a plain-Python training loop collects) or a dict of arrays.
    """
    instance_of(runs, "runs", dict)
    if not 1 <= len(runs) <= 3:
        raise ValueError(f"runs must hold 1 to 3 runs (one panel each), got {len(runs)}")
    colours = (PALETTE["blue"], PALETTE["vermillion"], PALETTE["green"])
    if not 1 <= len(pairs) <= len(colours):
        raise ValueError(f"pairs must hold 1 to {len(colours)} pairs of names, got {pairs!r}")
    fig, axes = new_figure(1, len(runs), figsize=figsize, sharey=True)
    for ax, (title, run) in zip(np.atleast_1d(axes), runs.items(), strict=True):
        if isinstance(run, list):
            run = {n: [p[n] for p in run] for n in run[0]}
        instance_of(run, f"runs[{title!r}]", dict)
        for (a, b), colour in zip(pairs, colours, strict=False):
            ya = finite_array(run[a], f"runs[{title!r}][{a!r}]", shape=(None,), min_size=1)
            yb = finite_array(run[b], f"runs[{title!r}][{b!r}]", shape=(None,), min_size=1)
            ax.plot(np.arange(len(ya)), ya, color=colour, label=f"${a[0]}_{a[1:]}$")
            ax.plot(np.arange(len(yb)), yb, "--", color=colour, linewidth=4, alpha=0.55,
                    label=f"${b[0]}_{b[1:]}$ (dashed)")
        ax.set_title(title)
        ax.set_xlabel("updates")
    # Both panels draw the same four lines: one legend under them covers no curve.
    fig.legend(*np.atleast_1d(axes)[0].get_legend_handles_labels(), loc="outside lower center",
               ncol=2 * len(pairs), fontsize=12)
    np.atleast_1d(axes)[0].set_ylabel("weight (no unit)")
    fig.suptitle("Two hidden units: do their weights stay equal?", fontweight="bold")
    return fig


@styled
def layer_gradient_bars(sizes, figsize=(10, 5)):
    """The size of dE/dW per layer (``training.layer_gradients``), log scale, with the
    bound that sigma' <= 1/4 puts on each layer further from the output."""
    sizes = finite_array(sizes, "sizes", shape=(None,), min_size=2)
    if np.any(sizes <= 0):
        raise ValueError(f"sizes must be > 0, got {sizes.tolist()}")
    fig, ax = new_figure(figsize=figsize)
    layers = np.arange(1, len(sizes) + 1)
    ax.bar(layers, sizes, color=PALETTE["blue"], label="measured: size of $dE/dW$")
    ax.plot(layers, sizes[-1] * 0.25 ** (len(sizes) - layers), "o--",
            color=PALETTE["vermillion"],
            label="last layer's size × $(1/4)^{k}$, k layers further back")
    ax.set_yscale("log")
    ax.set_xticks(layers)
    ax.set_xlabel("layer (1 = next to the inputs, last = the output layer)")
    ax.set_ylabel("root mean square of dE/dW (log)")
    ax.set_title(f"Gradients through {len(sizes)} sigmoid layers: the vanishing gradient")
    ax.legend(loc="upper left")
    return fig


@styled
def loss_curves(rates=(50.0, 100.0), steps: int = 10_000, figsize=(11, 5)):
    """E_total over the updates when training follows squared error (dashed) and
    cross-entropy (solid), one colour per rate, on log-log axes."""
    rates = _rates(rates, "rates")
    if len(rates) > 3:
        raise ValueError(f"rates must hold 1 to 3 rates (one colour each), got {len(rates)}")
    steps = positive_int(steps, "steps", maximum=100_000)
    colours = (PALETTE["vermillion"], PALETTE["blue"], PALETTE["green"])
    fig, ax = new_figure(figsize=figsize)
    k = np.arange(1, steps + 1)
    for rate, colour in zip(rates, colours, strict=False):
        for loss, dash, name in (("squared", "--", "squared error"),
                                 ("cross_entropy", "-", "cross-entropy")):
            errors, _ = training.train_lesson_loss(rate, steps, loss)
            ax.plot(k, np.maximum(errors[1:], 1e-13), dash, color=colour,
                    label=f"rate {rate_text(rate)}, following {name}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, steps)
    ax.set_ylim(1e-12, 1)
    ax.yaxis.set_major_locator(FixedLocator([1e-12, 1e-9, 1e-6, 1e-3, 1]))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.set_xlabel("updates (log scale)")
    ax.set_ylabel(ERROR_LABEL)
    ax.set_title("Same overshoot, two losses: squared error stalls, cross-entropy recovers")
    ax.legend(loc="lower left", fontsize=11)
    return fig


@styled
def rate_speed(sweep: training.LearningRateSweep, target: float = 1e-6, figsize=(10, 5)):
    """Updates needed to reach ``target`` against the learning rate, one dot per swept
    rate, coloured by verdict; the lecture's range 0 to 1 shaded."""
    _sweep(sweep)
    target = positive_number(target, "target")
    fig, ax = new_figure(figsize=figsize)
    steps = sweep.errors.shape[1] - 1
    ax.axvspan(sweep.rates.min(), 1.0, color=PALETTE["grey"], alpha=0.2,
               label="the lecture's range, 0 to 1")
    for kind in ("slow", "good", "stalled"):
        rs, ns = [], []
        for i, rate in enumerate(sweep.rates):
            if sweep.verdict(i) != kind:
                continue
            hits = np.flatnonzero(sweep.errors[i] <= target)
            rs.append(rate)
            ns.append(hits[0] if hits.size else steps * 1.6)
        ax.plot(rs, ns, "o", color=VERDICT_COLOURS[kind], markersize=6, label=kind)
    ax.axhline(steps * 1.6, color=PALETTE["grey"], linewidth=1)
    ax.text(sweep.rates.min() * 1.1, steps * 1.9, f"never (not within {steps:,})",
            fontsize=11, color=PALETTE["black"])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(None, steps * 3)
    ax.set_xlabel("learning rate (log scale)")
    ax.set_ylabel(f"updates until $E_{{total}} \\leq$ {target:g} (log)")
    ax.set_title("How fast each learning rate trains the lecture's one sample")
    ax.legend(loc="lower left", fontsize=11)
    return fig

