"""Lesson 2 figure: the inner, the outer and the composite function, each with its tangent."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from ..core.checks import finite_number, flag, instance_of, number_in
from ..core.network import LIMIT
from ..figures.style import PALETTE, FigureView, new_figure, styled
from .core import SHAPES, Chain, chain

HALF_WINDOW = 3.0  # x is shown from x0 - 3 to x0 + 3, wide enough for the table's rows
LINES_ZORDER = 3  # over the axes' frame, where a curve leaves the panel
SAMPLES = 301
PANELS = (
    # (title template, x label, y label, derivative name, where the dot and tangent are)
    ("inner: y = {f}", "x", "y", "dy/dx", "x = {x}"),
    ("outer: z = {g}", "y", "z", "dz/dy", "y = f(x) = {y}"),
    ("composite: z = g(f(x))", "x", "z", "dz/dx", "x = {x}"),
)


@dataclass(eq=False)
class ChainPanel:
    """One panel's moving lines: the function, its tangent, the table's rows and the dot."""

    curve: Line2D
    tangent: Line2D
    rows: Line2D
    point: Line2D

    def lines(self) -> list[Line2D]:
        return [self.curve, self.tangent, self.rows, self.point]


@dataclass(eq=False)
class ChainView(FigureView):
    """y = f(x), z = g(y) and z = g(f(x)) side by side, with the table's rows and tangents:
    ``panels`` holds the inner, the outer and the composite panel's lines."""

    panels: tuple[ChainPanel, ChainPanel, ChainPanel]

    @classmethod
    @styled
    def draw(cls, inner: str = "linear", a: float = 2.0, outer: str = "linear",
             b: float = 3.0, x: float = 4.0, spacing: float = 1.0) -> ChainView:
        """The figure for the chain ``outer(b, inner(a, x))`` at ``x``."""
        fig, axes = new_figure(1, 3, figsize=(12.5, 4.8))
        panels = []
        for ax, (_, xlabel, ylabel, _, _) in zip(axes, PANELS, strict=True):
            panels.append(ChainPanel(
                curve=ax.plot([], [], color=PALETTE["blue"], label="function",
                              zorder=LINES_ZORDER)[0],
                tangent=ax.plot([], [], color=PALETTE["orange"], linewidth=3,
                                label="tangent at the dot", zorder=LINES_ZORDER)[0],
                rows=ax.plot([], [], "s", color=PALETTE["sky"], markersize=7,
                             label="the table's rows", zorder=LINES_ZORDER)[0],
                point=ax.plot([], [], "o", color=PALETTE["black"], markersize=9,
                              label="dot: where the slope is taken", zorder=LINES_ZORDER)[0],
            ))
            ax.set(xlabel=f"{xlabel} (no unit)", ylabel=f"{ylabel} (no unit)")
            # 4 to 6 values on the y axis: enough to read a value off, and (the ranges change
            # with every control of the app) fewer labels to lay out on each redraw.
            ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10],
                                                   min_n_ticks=4))
            # Pinned where matplotlib puts it anyway (nothing sits above the panels): a
            # redraw then skips working out the title's place again.
            ax.set_title(" ", y=1.0)
        # One legend under all three panels, so it never hides a curve.
        fig.legend(handles=panels[0].lines(), loc="lower center", ncols=4)
        # Fixed margins, wide enough for tick labels like -17.5: the ranges change with
        # every control of the app, and a fixed layout also spares a layout pass on each
        # redraw.
        fig.set_layout_engine(None)
        fig.subplots_adjust(left=0.075, right=0.985, bottom=0.22, top=0.8, wspace=0.36)
        view = cls(fig, tuple(panels))
        view.show(chain(inner, a, outer, b), x, spacing)
        return view

    def show(self, links: Chain, x: float, spacing: float = 1.0,
             center: float | None = None, hold: bool | str = False,
             numbers: bool = True) -> bool:
        """Redraw for another chain, x or row spacing (data only).

        The panels show ``center`` +- 3 (by default x +- 3). ``hold=True`` keeps each
        panel's range while the curve fits in it and fills at least an eighth of it (an
        app: moving a slider then changes the curves, not the scales); ``hold="room"``
        makes room for the next moves at once (an app's first picture). ``numbers=False``
        titles each panel with its function in symbols (y = a*x), the same for every a, b
        and x: an app shows the numbers in its readout and table, and its titles stay put.
        Returns True when a panel's limits changed: an app keeps ``center`` for a while as
        x moves, and redraws the axes only then.
        """
        instance_of(links, "links", Chain)
        x = finite_number(x, "x")
        center = x if center is None else number_in(center, "center", -LIMIT, LIMIT)
        table = links.table(x, spacing)
        at = links.at(x)
        xs = np.linspace(center - HALF_WINDOW, center + HALF_WINDOW, SAMPLES)
        ys = np.asarray(links.inner(xs), dtype=float)
        if hold == "room":  # an app's first picture: room for the next moves from the start
            fit = lambda _, low, high: _held((np.inf, -np.inf), low, high)  # noqa: E731
        elif flag(hold, "hold"):
            fit = _held
        else:
            fit = lambda _, low, high: _padded(low, high)  # noqa: E731
        y_low, y_high = fit(self.fig.axes[1].get_xlim(), ys.min(), ys.max())
        y_grid = np.linspace(y_low, y_high, SAMPLES)
        curves = (
            (xs, ys, table.xs, table.ys, x, at["y"], at["dy_dx"], 0.4 * HALF_WINDOW),
            (y_grid, links.outer(y_grid), table.ys, table.zs, at["y"], at["z"], at["dz_dy"],
             0.2 * (y_high - y_low)),
            (xs, links(xs), table.xs, table.zs, x, at["z"], at["dz_dx"],
             0.4 * HALF_WINDOW),
        )
        formulas = {"f": links.inner.formula("x"), "g": links.outer.formula("y")}
        symbols = {"f": "a*" + SHAPES[links.inner.shape][2].format(v="x"),
                   "g": "b*" + SHAPES[links.outer.shape][2].format(v="y")}
        # The dot sits at x in the x panels but at y = f(x) in the outer panel: each title says.
        where = {"x": f"{x:.4g}", "y": f"{at['y']:.4g}"}
        changed = False
        for ax, p, panel, curve in zip(self.fig.axes, self.panels, PANELS, curves, strict=True):
            cx, cy, rx, ry, px, py, slope, half = curve
            cy = np.asarray(cy, dtype=float) + 0.0 * cx  # a constant function still gets a curve
            p.curve.set_data(cx, cy)
            p.rows.set_data(rx, ry)
            p.point.set_data([px], [py])
            low, high = fit(ax.get_ylim(), cy.min(), cy.max())
            # A steep tangent is drawn shorter, so it spans at most 60 % of the panel's height.
            half = min(half, 0.3 * (high - low) / max(abs(slope), 1e-12))
            p.tangent.set_data([px - half, px + half], [py - slope * half, py + slope * half])
            limits = ((float(cx[0]), float(cx[-1])), (float(low), float(high)))
            if (ax.get_xlim(), ax.get_ylim()) != limits:
                ax.set_xlim(*limits[0])
                ax.set_ylim(*limits[1])
                changed = True
            title, _, _, name, point = panel
            # title.set_text keeps the course's title font, which set_title would reset.
            if flag(numbers, "numbers"):
                ax.title.set_text(f"{title.format(**formulas)}\n"
                                  f"dot at {point.format(**where)}\n{name} = {slope:.4f} there")
            else:
                ax.title.set_text(title.format(**symbols))
        return changed


def chain_view(inner: str = "linear", a: float = 2.0, outer: str = "linear", b: float = 3.0,
               x: float = 4.0, spacing: float = 1.0):
    """y = f(x), z = g(y) and z = g(f(x)) side by side, with the table's rows and tangents
    (``ChainView``'s figure)."""
    return ChainView.draw(inner, a, outer, b, x, spacing).fig


def _held(current, low: float, high: float) -> tuple[float, float]:
    """``current`` while [low, high] fits in it and fills at least an eighth of it; else a
    new range with room for the next moves: the data (and 0, when the data comes within
    its own span of 0: a slider through 0 flips the curve there) in the middle third."""
    c_low, c_high = (float(v) for v in current)
    span = high - low
    if c_low <= low and high <= c_high and (span >= (c_high - c_low) / 8 or span < 1e-9):
        return c_low, c_high  # a flat curve (a = 0) that fits: no reason to rescale
    if span < 1e-9:
        return _padded(low, high)
    if low - span <= 0.0 <= high + span:
        low, high = min(low, 0.0), max(high, 0.0)
    margin = high - low
    return float(low - margin), float(high + margin)


def _padded(low: float, high: float) -> tuple[float, float]:
    # A margin of 10 % keeps the end points off the frame; a flat curve gets +-1.
    if high - low < 1e-9:
        return low - 1.0, high + 1.0
    margin = 0.1 * (high - low)
    return low - margin, high + margin
