"""Lesson 7 figures: a data set, the decision boundary as it forms, the last bit."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import FuncNorm, LinearSegmentedColormap
from matplotlib.contour import ContourSet
from matplotlib.image import AxesImage
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator

from ..core.checks import (
    finite_array,
    instance_of,
    number_in,
    one_of,
    positive_int,
)
from ..core.network import LIMIT
from ..figures.style import PALETTE, FigureView, new_figure, styled
from . import core as datasets
from .core import Dataset

CLASS_COLOURS = (PALETTE["blue"], PALETTE["orange"])
CLASS_MARKERS = ("o", "^")
# P(class 1) from 0 (blue) through 0.5 (white) to 1 (orange), pale so the points stand out.
PROBABILITY_MAP = LinearSegmentedColormap.from_list(
    "class_probability", ["#8fc3e6", "#ffffff", "#f5cf7a"])

MAX_COLUMNS = 10  # panels side by side: more would each be too small to read


def _data_sets(train, test) -> None:
    instance_of(train, "train", Dataset)
    if test is not None:
        instance_of(test, "test", Dataset)


def _history(history) -> datasets.EpochHistory:
    return instance_of(history, "history", datasets.EpochHistory)


def _resolution(resolution) -> int:
    return positive_int(resolution, "resolution", minimum=2, maximum=datasets.MAX_RESOLUTION)


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
def dataset(train: Dataset, test: Dataset | None = None, figsize=(8.5, 5.5)):
    """The points of a two-class data set; held-out points hollow."""
    _data_sets(train, test)
    fig, ax = new_figure(figsize=figsize)
    _scatter(ax, train, label_suffix=" (training)")
    if test is not None:
        _scatter(ax, test, hollow=True, label_suffix=" (held out)")
    ax.set_aspect("equal")
    ax.set_xlabel("x1 (no unit)")
    ax.set_ylabel("x2 (no unit)")
    ax.set_title(f"The '{train.name}' data set")
    # Beside the plot: the clouds fill every corner, so a legend inside would hide points.
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=11)
    return fig


def _boundary(ax, net, bounds, resolution):
    xs, ys, P = datasets.probability_grid(net, bounds, resolution)
    image = ax.imshow(P, extent=bounds, origin="lower", cmap=PROBABILITY_MAP, vmin=0, vmax=1,
                      aspect="auto", interpolation="bilinear", zorder=0)
    return image, (xs, ys, P)


def _no_boundary(grid) -> str:
    """Why no 0.5 line is drawn, or '' when there is one."""
    P = grid[2]
    if P.min() < 0.5 < P.max():
        return ""
    side, cls = ("above", 1) if P.min() >= 0.5 else ("below", 0)
    return (f"no 0.5 line: P(class 1) is {side} 0.5 everywhere,\n"
            f"so every point is called class {cls}")


def _contour(ax, grid):
    xs, ys, P = grid
    if P.min() < 0.5 < P.max():
        return ax.contour(xs, ys, P, levels=[0.5], colors=PALETTE["black"], linewidths=2,
                          zorder=2)
    return None


@styled
def boundary_snapshots(history: datasets.EpochHistory, train: Dataset, epochs=None,
                       resolution: int = 80, columns: int = 3, figsize=None):
    """The decision boundary (P(class 1) = 0.5, black) after chosen epochs, in rows of
    ``columns`` panels; a spare panel (or one added) holds the legend and the colour bar."""
    epochs = _snapshot_epochs(_history(history), epochs)
    _data_sets(train, None)
    resolution = _resolution(resolution)
    columns = positive_int(columns, "columns", maximum=MAX_COLUMNS)
    rows = len(epochs) // columns + 1
    fig, axes = new_figure(rows, columns, figsize=figsize or (4.4 * columns, 4.1 * rows),
                           sharex=True, sharey=True)
    axes = np.atleast_1d(axes).ravel()
    bounds = datasets.bounds_of(train)
    for ax, epoch in zip(axes, epochs, strict=False):
        net = history.snapshots[epoch]
        image, grid = _boundary(ax, net, bounds, resolution)
        _contour(ax, grid)
        points = _scatter(ax, train)
        if _no_boundary(grid):
            ax.text(0.03, 0.03, _no_boundary(grid), transform=ax.transAxes, fontsize=11,
                    zorder=5, bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "none"})
        acc = datasets.accuracy(net, train)
        ax.set_title(f"epoch {epoch}: {acc:.0%} right", fontsize=14)
    for ax in axes[len(epochs) - columns:len(epochs)]:
        ax.set_xlabel("x1 (no unit)")
        ax.xaxis.set_tick_params(labelbottom=True)
    for ax in axes[:len(epochs):columns]:
        ax.set_ylabel("x2 (no unit)")
    key = axes[len(epochs)]
    for ax in axes[len(epochs) + 1:]:
        ax.remove()
    key.set_axis_off()
    line = Line2D([], [], color=PALETTE["black"], linewidth=2)
    key.legend([*points, line], ["class 0", "class 1", "P(class 1) = 0.5: the boundary"],
               loc="upper center", fontsize=13, frameon=False)
    bar = fig.colorbar(image, cax=key.inset_axes([0.1, 0.2, 0.8, 0.09]),
                       orientation="horizontal")
    bar.set_label("P(class 1): the network's output", fontsize=13)
    bar.set_ticks([0, 0.25, 0.5, 0.75, 1])
    fig.suptitle("The decision boundary as it forms", fontsize=16, fontweight="bold")
    return fig


def _snapshot_epochs(history: datasets.EpochHistory, epochs) -> list[int]:
    kept = sorted(history.snapshots)
    if epochs is None:
        epochs = kept
    elif isinstance(epochs, (str, bytes)) or not hasattr(epochs, "__iter__"):
        raise TypeError(f"epochs must be a list of epoch numbers, got {epochs!r}")
    epochs = [positive_int(e, f"epochs[{k}]", minimum=0) for k, e in enumerate(epochs)]
    if not epochs or any(e not in history.snapshots for e in epochs):
        raise ValueError(f"epochs must be epochs whose network history kept "
                         f"(snapshot_epochs of train_epochs: {kept}), got {epochs}")
    return epochs


@dataclass(eq=False)
class BoundaryView(FigureView):
    """Left: P(class 1) over the plane, the 0.5 line and the points; right: accuracy per
    epoch. The fields are what an app changes: the shading, the line, the points, the star
    for a new point and its note, and the accuracy curves."""

    ax: Axes
    ax_acc: Axes
    image: AxesImage  # P(class 1) on a grid of ``resolution`` x ``resolution``
    contour: ContourSet | None  # the 0.5 line; None when P(class 1) never crosses 0.5
    train: list  # the training points' scatters, one per class
    test: list  # the held-out points' scatters (hollow), empty without held-out points
    marker: Line2D  # the star at a new point
    point_text: Text  # what the network says about the star
    boundary_note: Text  # why there is no line, when there is none
    acc_note: Text  # what the dots are, before any epoch
    train_line: Line2D
    test_line: Line2D
    resolution: int

    @classmethod
    @styled
    def draw(cls, history: datasets.EpochHistory, train: Dataset, test: Dataset | None = None,
             points=None, resolution: int = 80, figsize=(11, 4.8)) -> BoundaryView:
        """The figure for ``history``'s network on ``train`` (and ``test``); the star at
        the first of ``points``."""
        _history(history)
        _data_sets(train, test)
        resolution = _resolution(resolution)
        if points is not None:
            points = np.atleast_2d(finite_array(points, "points", limit=LIMIT))
            if points.ndim != 2 or points.shape[1] != 2 or points.shape[0] == 0:
                raise ValueError(f"points must be (x1, x2) pairs, shape (n, 2), got shape "
                                 f"{points.shape}")
        fig, (ax, ax_acc) = new_figure(1, 2, figsize=figsize, width_ratios=[1.1, 1])
        bounds = datasets.bounds_of(train)
        image, grid = _boundary(ax, history.net, bounds, resolution)
        contour = _contour(ax, grid)
        train_pts = _scatter(ax, train)
        test_pts = _scatter(ax, test, hollow=True) if test is not None else []
        marker, = ax.plot([], [], "*", color=PALETTE["vermillion"], markersize=20,
                          markeredgecolor="black", zorder=4, label="your point")
        # What the network says about the star: kept in a corner, where it hides few points.
        point_text = ax.text(0.02, 0.03, "", transform=ax.transAxes, fontsize=11, zorder=5,
                             bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "none"})
        ax.set_xlim(bounds[0], bounds[1])
        ax.set_ylim(bounds[2], bounds[3])
        ax.set_xlabel("x1 (no unit)")
        ax.set_ylabel("x2 (no unit)")
        ax.set_title("The network's P(class 1) and its 0.5 line")
        ax.grid(False)  # the shading is the background here
        # Above the star's note, in the corner the legend leaves free.
        boundary_note = ax.text(0.02, 0.11, _no_boundary(grid), transform=ax.transAxes,
                                fontsize=10, va="bottom", zorder=5,
                                bbox={"facecolor": "white", "alpha": 0.9, "edgecolor": "none"})
        boundary_note.set_visible(bool(_no_boundary(grid)))
        entries = [(train_pts[0], "class 0"), (train_pts[1], "class 1")]
        if test_pts:
            entries.append((tuple(test_pts), "held out (hollow)"))
        if points is not None:
            entries.append((marker, "your point"))
        ax.legend(*zip(*entries, strict=True), loc="upper right", fontsize=10,
                  framealpha=0.9, handler_map={tuple: HandlerTuple(ndivide=None)})
        epochs = np.arange(history.epochs + 1)
        # A dot on the latest epoch, so a run of 0 epochs still shows its accuracy.
        # Different marker sizes, so that equal accuracies still show both dots.
        train_line, = ax_acc.plot(epochs, 100 * history.train_accuracy, color=PALETTE["blue"],
                                  marker="o", markersize=11, markevery=[-1], clip_on=False,
                                  label="training points")
        test_line, = ax_acc.plot(
            epochs, 100 * (history.test_accuracy if history.test_accuracy is not None
                           else epochs * np.nan),
            color=PALETTE["vermillion"], linestyle="--", marker="D", markersize=6,
            markevery=[-1], clip_on=False, label="held-out points")
        acc_note = ax_acc.text(0.5, 0.7, "", transform=ax_acc.transAxes, ha="center",
                               va="center", fontsize=12, color=PALETTE["black"])
        _accuracy_note(acc_note, history)
        ax_acc.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax_acc.set_xlim(0, max(1, history.epochs))
        ax_acc.set_ylim(0, 102)
        ax_acc.set_xlabel("epochs (one pass over the training points)")
        ax_acc.set_ylabel("accuracy (%)")
        ax_acc.set_title("Accuracy while training")
        ax_acc.legend(loc="lower right")
        view = cls(fig, ax=ax, ax_acc=ax_acc, image=image, contour=contour, train=train_pts,
                   test=test_pts, marker=marker, point_text=point_text,
                   boundary_note=boundary_note, acc_note=acc_note, train_line=train_line,
                   test_line=test_line, resolution=resolution)
        if points is not None:
            x1, x2 = points[0]
            view.show_point(history.net, x1, x2)
        return view

    def show_point(self, net, x1: float, x2: float) -> float:
        """Move the star to (x1, x2) and write the network's P(class 1) there; returns it."""
        x1, x2 = number_in(x1, "x1", -LIMIT, LIMIT), number_in(x2, "x2", -LIMIT, LIMIT)
        p = float(datasets.predict_proba(net, [[x1, x2]])[0])
        self.marker.set_data([x1], [x2])
        self.point_text.set_text(
            f"star ({x1:.2f}, {x2:.2f}): P(class 1) = {p:.3f}, class {int(p >= 0.5)}")
        return p

    def show_boundary(self, history: datasets.EpochHistory, train: Dataset,
                      test: Dataset | None = None) -> bool:
        """Redraw the shading, the 0.5 line and the accuracy curves for ``history``.

        Returns True when the axes' limits changed too, so that the whole figure, not only
        an app's moving artists, needs drawing again.
        """
        _history(history)
        _data_sets(train, test)
        limits_changed = False
        bounds = datasets.bounds_of(train)
        grid = datasets.probability_grid(history.net, bounds, self.resolution)
        self.image.set_data(grid[2])
        if tuple(self.image.get_extent()) != bounds:
            self.image.set_extent(bounds)
            self.ax.set_xlim(bounds[0], bounds[1])
            self.ax.set_ylim(bounds[2], bounds[3])
            limits_changed = True
        if self.contour is not None:
            self.contour.remove()
        self.contour = _contour(self.ax, grid)
        self.boundary_note.set_text(_no_boundary(grid))
        self.boundary_note.set_visible(bool(_no_boundary(grid)))
        _accuracy_note(self.acc_note, history)
        epochs = np.arange(history.epochs + 1)
        self.train_line.set_data(epochs, 100 * history.train_accuracy)
        test_acc = (history.test_accuracy if history.test_accuracy is not None
                    else epochs * np.nan)
        self.test_line.set_data(epochs, 100 * test_acc)
        if self.ax_acc.get_xlim() != (0, max(1, history.epochs)):
            self.ax_acc.set_xlim(0, max(1, history.epochs))
            limits_changed = True
        return limits_changed

    def show_points(self, train: Dataset, test: Dataset | None = None) -> None:
        """Move the scatters to another data set's points."""
        _data_sets(train, test)
        for data, scatters in ((train, self.train), (test, self.test)):
            if data is None:
                continue
            for label, artist in zip((0, 1), scatters, strict=True):
                artist.set_offsets(data.X[data.y == label])


def boundary(history: datasets.EpochHistory, train: Dataset, test: Dataset | None = None,
             points=None, resolution: int = 80, figsize=(11, 4.8)):
    """Left: P(class 1) over the plane, the 0.5 line and the points; right: accuracy per
    epoch (``BoundaryView``'s figure)."""
    return BoundaryView.draw(history, train, test, points, resolution, figsize).fig


def _accuracy_note(text, history) -> None:
    """Before any epoch the panel holds one pair of dots: say what they are."""
    if history.epochs:
        text.set_text("")
        return
    held = ("" if history.test_accuracy is None
            else f", held-out {history.test_accuracy[0]:.0%}")
    text.set_text(f"untrained (epoch 0): training {history.train_accuracy[0]:.0%}{held}.\n"
                  "Train, and the curves grow from these dots.")


def untrained_view(dataset_name: str = "moons", hidden: int = 8, seed: int = 0,
                   point=(0.5, 0.0)):
    """What the data-set app shows when it opens: a random network's boundary (epoch 0)."""
    one_of(dataset_name, "dataset_name", datasets.MAKERS)
    point = finite_array(point, "point", shape=(2,), limit=LIMIT)
    history, train, test = datasets.untrained(dataset_name, hidden, seed)
    return boundary(history, train, test, points=[point])


@styled
def last_bit_curves(runs: dict, figsize=(11, 4.8)):
    """Mean error per epoch of each pair of runs from ``datasets.last_bit_runs``, one panel
    per learning rate: the start as drawn, and the same start with one weight one bit apart."""
    fig, axes = new_figure(1, len(datasets._last_bit_pairs(runs)), figsize=figsize,
                           sharey=True)
    for ax, (rate, (plain, nudged)) in zip(np.atleast_1d(axes), runs.items(), strict=True):
        epochs = np.arange(len(plain.errors))
        ax.plot(epochs, plain.errors, color=PALETTE["blue"], label="weights as drawn")
        ax.plot(epochs, nudged.errors, color=PALETTE["vermillion"], linestyle="--",
                label="first weight one bit larger")
        ax.set_yscale("log")
        ax.set_title(f"learning rate {rate:g}")
        ax.set_xlabel("epoch")
    np.atleast_1d(axes)[0].set_ylabel("mean E over the training points (log)")
    np.atleast_1d(axes)[0].legend(loc="lower left")
    fig.suptitle("The same training run with one weight moved by one bit", fontweight="bold")
    return fig


LESSON_MAP = LinearSegmentedColormap.from_list(
    "lesson_margin", ["#8fc3e6", "#ffffff", "#f5cf7a"])


@styled
def lesson_boundaries(panels: dict, data: Dataset, resolution: int = 80, figsize=None):
    """The lecture's 2-2-2 network on a data set, one panel per set of parameters:
    shading outY2 - outY1 (blue: class 0 wins, orange: class 1) and its 0 line."""
    instance_of(panels, "panels", dict)
    if not 1 <= len(panels) <= 4:
        raise ValueError(f"panels must hold 1 to 4 networks, got {len(panels)}")
    _data_sets(data, None)
    resolution = _resolution(resolution)
    fig, axes = new_figure(1, len(panels), figsize=figsize or (4.6 * len(panels) + 1, 4.6),
                           sharey=True)
    bounds = datasets.bounds_of(data)
    xs = np.linspace(bounds[0], bounds[1], resolution)
    ys = np.linspace(bounds[2], bounds[3], resolution)
    gx, gy = np.meshgrid(xs, ys)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    for ax, (title, params) in zip(np.atleast_1d(axes), panels.items(), strict=True):
        out = datasets.lesson_outputs(params, grid)
        margin = (out[:, 1] - out[:, 0]).reshape(gx.shape)
        image = ax.imshow(margin, extent=bounds, origin="lower", cmap=LESSON_MAP,
                          norm=_margin_norm(), aspect="auto", interpolation="bilinear",
                          zorder=0)
        if margin.min() < 0 < margin.max():
            ax.contour(xs, ys, margin, levels=[0.0], colors=PALETTE["black"], linewidths=2)
        _scatter(ax, data)
        acc = datasets.lesson_accuracy(params, data)
        ax.set_title(f"{title}: {acc:.0%} right", fontsize=13)
        ax.set_xlabel("x1 (no unit)")
        ax.grid(False)
    np.atleast_1d(axes)[0].set_ylabel("x2 (no unit)")
    np.atleast_1d(axes)[0].legend(loc="upper right", fontsize=10, framealpha=0.9)
    bar = fig.colorbar(image, ax=list(np.atleast_1d(axes)), shrink=0.8)
    bar.set_ticks([-1, -0.1, -0.01, 0, 0.01, 0.1, 1])
    bar.set_label("outY2 - outY1 (> 0: class 1; cube-root scale)")
    return fig


def _margin_norm() -> FuncNorm:
    """-1..1 on a cube-root scale: a small margin (a network that is barely sure, like
    the twins') still shows which class wins, where a linear scale leaves it white."""
    return FuncNorm((np.cbrt, lambda v: np.asarray(v) ** 3), vmin=-1, vmax=1)

