"""Figures of training: error curves, learning rates side by side, a data set and the
decision boundary a network draws through it.

Builders that an app animates return the figure with ``fig.handles``: the artists the app
changes (a line's data, an image's pixels), so an update never rebuilds the figure;
``fig.handles["dynamic"]`` lists every artist that an update may change.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.ticker import FixedLocator, MaxNLocator, NullLocator

from ..core import datasets, training
from ..core.datasets import Dataset
from ..core.network import TrainingHistory
from .style import PALETTE, new_figure, styled

CLASS_COLOURS = (PALETTE["blue"], PALETTE["orange"])
CLASS_MARKERS = ("o", "^")
# P(class 1) from 0 (blue) through 0.5 (white) to 1 (orange), pale so the points stand out.
PROBABILITY_MAP = LinearSegmentedColormap.from_list(
    "class_probability", ["#8fc3e6", "#ffffff", "#f5cf7a"])
VERDICT_COLOURS = {"slow": PALETTE["sky"], "good": PALETTE["green"],
                   "stalled": PALETTE["vermillion"]}


def _errors(run) -> np.ndarray:
    return run.errors if isinstance(run, TrainingHistory) else np.asarray(run, dtype=float)


@styled
def error_curves(runs: dict, target: float | None = None,
                 title: str = "Total error while training on the lesson's sample",
                 figsize=(9, 5)):
    """E_total against the number of updates (log scale), one line per run."""
    fig, ax = new_figure(figsize=figsize)
    for (label, run), colour in zip(runs.items(), (PALETTE["blue"], PALETTE["vermillion"],
                                                   PALETTE["green"], PALETTE["purple"]),
                                    strict=False):
        errors = _errors(run)
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
                   label=f"E_total = {target:g}")
    ax.set_yscale("log")
    ax.set_xlabel("updates (forward, backward, update on the one sample)")
    ax.set_ylabel("E_total (log scale, no unit)")
    ax.set_title(title)
    ax.legend(loc="upper right")
    return fig


@styled
def learning_rate_curves(sweep: training.LearningRateSweep, rates, figsize=(10, 5.5)):
    """Error curves of several learning rates on log-log axes, coloured by what they did."""
    fig, ax = new_figure(figsize=figsize)
    steps = sweep.errors.shape[1] - 1
    k = np.arange(1, steps + 1)
    styles = ["-", "--", "-.", ":"]
    seen: dict[str, int] = {}
    for rate in rates:
        i = sweep._row(rate)
        kind = sweep.verdict(i)
        dash = styles[seen.get(kind, 0) % len(styles)]
        seen[kind] = seen.get(kind, 0) + 1
        ax.plot(k, sweep.errors[i, 1:], dash, color=VERDICT_COLOURS[kind],
                label=f"rate {sweep.rates[i]:.3g}: {kind}")
    _rate_axes(ax, sweep)
    ax.set_title("One network, one sample, different learning rates")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=11)
    return fig


def _rate_axes(ax, sweep):
    steps = sweep.errors.shape[1] - 1
    ax.axhline(sweep.errors[0, 0], color=PALETTE["grey"], linestyle=":", linewidth=1.5)
    ax.text(1.1, sweep.errors[0, 0] * 1.6, "before training", color=PALETTE["grey"],
            fontsize=11)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1, steps)
    ax.set_ylim(1e-33, 3)
    # Fixed, sparse ticks: the curves go down to 1e-31, and 34 labelled decades are unreadable.
    ax.yaxis.set_major_locator(FixedLocator([1e-30, 1e-24, 1e-18, 1e-12, 1e-6, 1]))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_minor_locator(NullLocator())
    ax.set_xlabel("updates (log scale)")
    ax.set_ylabel("E_total (log scale, no unit)")


@styled
def rate_explorer(sweep: training.LearningRateSweep, rate: float,
                  reference_rates=(0.05, 10.0, 1000.0), figsize=(9, 5)):
    """One bold curve for ``rate`` over faint reference curves (slow, good, stalled);
    ``fig.handles['curve']`` is the bold line."""
    fig, ax = new_figure(figsize=figsize)
    steps = sweep.errors.shape[1] - 1
    k = np.arange(1, steps + 1)
    for ref in reference_rates:
        errors, kind = sweep.curve(ref)
        ax.plot(k, errors[1:], color=VERDICT_COLOURS[kind], linewidth=2, alpha=0.6,
                label=f"rate {ref:.3g} ({kind})")
    curve, = ax.plot(k, k * np.nan, color=PALETTE["black"], linewidth=3, label="your rate")
    _rate_axes(ax, sweep)
    ax.set_title(f"E_total over {steps:,} updates at your learning rate")
    ax.legend(loc="lower left", fontsize=11)
    fig.handles = {"curve": curve, "ax": ax, "dynamic": [curve]}
    set_rate_curve(fig, sweep, rate)
    return fig


def set_rate_curve(fig, sweep: training.LearningRateSweep, rate: float) -> tuple:
    """Point the bold line at ``rate``'s curve; returns (errors, verdict)."""
    errors, kind = sweep.curve(rate)
    fig.handles["curve"].set_ydata(errors[1:])
    return errors, kind


def _scatter(ax, data: Dataset, hollow: bool = False, label_suffix: str = ""):
    handles = []
    for label in (0, 1):
        pts = data.X[data.y == label]
        colour = CLASS_COLOURS[label]
        handles.append(ax.scatter(
            pts[:, 0], pts[:, 1], s=42, marker=CLASS_MARKERS[label],
            facecolors="white" if hollow else colour, edgecolors=colour if hollow else "black",
            linewidths=1.3 if hollow else 0.5, label=f"class {label}{label_suffix}", zorder=3))
    return handles


@styled
def dataset(train: Dataset, test: Dataset | None = None, figsize=(6.5, 5.5)):
    """The points of a two-class data set; held-out points hollow."""
    fig, ax = new_figure(figsize=figsize)
    _scatter(ax, train, label_suffix=" (training)")
    if test is not None:
        _scatter(ax, test, hollow=True, label_suffix=" (held out)")
    ax.set_aspect("equal")
    ax.set_xlabel("x1 (no unit)")
    ax.set_ylabel("x2 (no unit)")
    ax.set_title(f"The '{train.name}' data set")
    ax.legend(loc="upper right", fontsize=10, framealpha=0.9)
    return fig


def _boundary(ax, net, bounds, resolution):
    xs, ys, P = training.probability_grid(net, bounds, resolution)
    image = ax.imshow(P, extent=bounds, origin="lower", cmap=PROBABILITY_MAP, vmin=0, vmax=1,
                      aspect="auto", interpolation="bilinear", zorder=0)
    return image, (xs, ys, P)


def _contour(ax, grid):
    xs, ys, P = grid
    if P.min() < 0.5 < P.max():
        return ax.contour(xs, ys, P, levels=[0.5], colors=PALETTE["black"], linewidths=2,
                          zorder=2)
    return None


@styled
def boundary_snapshots(history: training.EpochHistory, train: Dataset, epochs=None,
                       resolution: int = 80, figsize=None):
    """The decision boundary (P(class 1) = 0.5, black) after chosen epochs, side by side."""
    epochs = sorted(history.snapshots) if epochs is None else list(epochs)
    fig, axes = new_figure(1, len(epochs), figsize=figsize or (3.6 * len(epochs), 4),
                           sharex=True, sharey=True)
    axes = np.atleast_1d(axes)
    bounds = training.bounds_of(train)
    for ax, epoch in zip(axes, epochs, strict=True):
        net = history.snapshots[epoch]
        _, grid = _boundary(ax, net, bounds, resolution)
        _contour(ax, grid)
        _scatter(ax, train)
        acc = training.accuracy(net, train)
        ax.set_title(f"epoch {epoch}: {acc:.0%} right", fontsize=13)
        ax.set_xlabel("x1")
    axes[0].set_ylabel("x2")
    fig.suptitle("The decision boundary as it forms (shading: P(class 1), line: 0.5)",
                 fontsize=15, fontweight="bold")
    return fig


@styled
def boundary(history: training.EpochHistory, train: Dataset, test: Dataset | None = None,
             points=None, resolution: int = 80, figsize=(11, 4.8)):
    """Left: P(class 1) over the plane, the 0.5 line and the points; right: accuracy per epoch.

    ``fig.handles`` holds the image, the scatters, the accuracy lines and the marker for
    new points, for an app to change.
    """
    fig, (ax, ax_acc) = new_figure(1, 2, figsize=figsize, width_ratios=[1.1, 1])
    bounds = training.bounds_of(train)
    image, grid = _boundary(ax, history.net, bounds, resolution)
    contour = _contour(ax, grid)
    train_pts = _scatter(ax, train)
    test_pts = _scatter(ax, test, hollow=True) if test is not None else []
    marker, = ax.plot([], [], "*", color=PALETTE["vermillion"], markersize=20,
                      markeredgecolor="black", zorder=4, label="your point")
    if points is not None:
        pts = np.atleast_2d(points)
        marker.set_data(pts[:, 0], pts[:, 1])
    ax.set_xlim(bounds[0], bounds[1])
    ax.set_ylim(bounds[2], bounds[3])
    ax.set_xlabel("x1 (no unit)")
    ax.set_ylabel("x2 (no unit)")
    ax.set_title("The network's P(class 1) and its 0.5 line")
    ax.grid(False)  # the shading is the background here
    entries = [(train_pts[0], "class 0"), (train_pts[1], "class 1")]
    if test_pts:
        entries.append((test_pts[0], "held out (hollow)"))
    if points is not None:
        entries.append((marker, "your point"))
    legend = ax.legend(*zip(*entries, strict=True), loc="upper right", fontsize=10,
                       framealpha=0.9)
    epochs = np.arange(history.epochs + 1)
    # A dot on the latest epoch, so a run of 0 epochs still shows its accuracy.
    train_line, = ax_acc.plot(epochs, 100 * history.train_accuracy, color=PALETTE["blue"],
                              marker="o", markevery=[-1], clip_on=False,
                              label="training points")
    test_line, = ax_acc.plot(
        epochs, 100 * (history.test_accuracy if history.test_accuracy is not None
                       else epochs * np.nan),
        color=PALETTE["vermillion"], linestyle="--", marker="o", markevery=[-1], clip_on=False,
        label="held-out points")
    ax_acc.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax_acc.set_xlim(0, max(1, history.epochs))
    ax_acc.set_ylim(0, 102)
    ax_acc.set_xlabel("epochs (one pass over the training points)")
    ax_acc.set_ylabel("accuracy (%)")
    ax_acc.set_title("Accuracy while training")
    ax_acc.legend(loc="lower right")
    fig.handles = {"image": image, "contour": contour, "train": train_pts, "test": test_pts,
                   "marker": marker, "ax": ax, "ax_acc": ax_acc,
                   "train_line": train_line, "test_line": test_line, "resolution": resolution}
    # In drawing order: the shading first, the legend over the points.
    fig.handles["dynamic"] = [a for a in (image, contour, *train_pts, *test_pts, marker, legend,
                                          train_line, test_line) if a is not None]
    return fig


def set_boundary(fig, history: training.EpochHistory, train: Dataset,
                 test: Dataset | None = None) -> bool:
    """Redraw the shading, the 0.5 line and the accuracy curves for ``history``.

    Returns True when the axes' limits changed too, so that the whole figure, not only
    its dynamic artists, needs drawing again.
    """
    limits_changed = False
    h = fig.handles
    bounds = training.bounds_of(train)
    grid = training.probability_grid(history.net, bounds, h["resolution"])
    h["image"].set_data(grid[2])
    if tuple(h["image"].get_extent()) != bounds:
        h["image"].set_extent(bounds)
        h["ax"].set_xlim(bounds[0], bounds[1])
        h["ax"].set_ylim(bounds[2], bounds[3])
        limits_changed = True
    dynamic = h["dynamic"]
    if h["contour"] is not None:
        dynamic.remove(h["contour"])
        h["contour"].remove()
    h["contour"] = _contour(h["ax"], grid)
    if h["contour"] is not None:
        dynamic.insert(1, h["contour"])  # just above the shading
    epochs = np.arange(history.epochs + 1)
    h["train_line"].set_data(epochs, 100 * history.train_accuracy)
    test_acc = history.test_accuracy if history.test_accuracy is not None else epochs * np.nan
    h["test_line"].set_data(epochs, 100 * test_acc)
    if h["ax_acc"].get_xlim() != (0, max(1, history.epochs)):
        h["ax_acc"].set_xlim(0, max(1, history.epochs))
        limits_changed = True
    return limits_changed


def set_points(fig, train: Dataset, test: Dataset | None = None) -> None:
    """Move the scatters to another data set's points."""
    for data, handles in ((train, fig.handles["train"]), (test, fig.handles["test"])):
        if data is None:
            continue
        for label, artist in zip((0, 1), handles, strict=True):
            artist.set_offsets(data.X[data.y == label])


def untrained_view(dataset_name: str = "moons", hidden: int = 8, seed: int = 0,
                   point=(0.5, 0.0)):
    """What the data-set app shows when it opens: a random network's boundary (epoch 0).

    ``fig.handles`` also keeps the ``history``, ``train_set`` and ``test_set`` it drew.
    """
    train, test = datasets.make(dataset_name, seed=seed).split(seed=seed)
    history = training.train_epochs(training.classifier(hidden, seed=seed), train, 0, 1.0,
                                    test=test)
    fig = boundary(history, train, test, points=[point])
    fig.handles.update(history=history, train_set=train, test_set=test)
    return fig
