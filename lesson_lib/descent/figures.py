"""Figures for steepest descent: the revenue map, revenue by direction, descent on a bowl.

A figure an app animates is drawn by a view (``DirectionView``, ``DescentView``): its fields
are the artists that change, its ``show`` moves them, so the app only moves data and never
rebuilds the drawing. The notebook's functions return the view's figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text

from ..core.checks import finite_array, finite_number, instance_of
from ..figures.style import PALETTE, RC, FigureView, new_figure, styled
from . import core as descent

ANGLES = np.linspace(0.0, 360.0, 721)
U_RANGE, V_RANGE = (-5.0, 5.0), (-2.5, 2.5)  # the bowl's window, in parameter units


def _arrow(ax, end, colour, style="-|>", linestyle="-", start=(0.0, 0.0)):
    return ax.annotate("", xy=end, xytext=start, arrowprops=dict(
        arrowstyle=style, color=colour, lw=2.5, linestyle=linestyle, shrinkA=0, shrinkB=0,
        mutation_scale=18))


def _map_axes(ax, title, full_circle=False):
    """East-North map with the circle of all 5-mile trips."""
    angles = np.radians(ANGLES if full_circle else np.linspace(0.0, 90.0, 181))
    ax.plot(descent.MILES * np.cos(angles), descent.MILES * np.sin(angles),
            color=PALETTE["grey"], lw=1.5, label="every 5-mile trip")
    ax.set_aspect("equal")
    ax.set_xlabel("miles East")
    ax.set_ylabel("miles North")
    ax.set_title(title)


@styled
def routes_figure(routes=descent.LESSON_ROUTES):
    """The lecture's routes as arrows on the map, each labelled with its revenue."""
    colours = [PALETTE[c] for c in ("blue", "orange", "purple", "vermillion")]
    _list_of(routes, "routes", descent.Route, most=len(colours))
    fig, ax = new_figure(figsize=(7.5, 6.5))
    _map_axes(ax, "Four 5-mile trips and what they earn")
    for route, colour in zip(routes, colours, strict=False):
        _arrow(ax, (route.east, route.north), colour)
        ax.plot([], [], color=colour, label=f"{route.name}: ${route.revenue:.2f}")
    ax.set_xlim(-0.3, 6.0)
    ax.set_ylim(-0.3, 6.0)
    ax.legend(loc="upper right", framealpha=0.95)
    return fig


@dataclass(eq=False)
class DirectionView(FigureView):
    """Left: a 5-mile trip at an angle and the gradient (4, 3). Right: revenue by angle."""

    trip: Annotation  # the trip's arrow
    end: Line2D  # the trip's end point
    label: Text  # where the trip ends and what it earns
    marker: Line2D  # the trip on the revenue curve

    @classmethod
    @styled
    def draw(cls, angle_deg: float = 20.0) -> DirectionView:
        """The figure for a trip at ``angle_deg`` degrees counter-clockwise from East."""
        angle_deg = finite_number(angle_deg, "angle_deg")
        east, north = descent.heading(angle_deg)
        earned = float(descent.revenue_at_angle(angle_deg))
        best = descent.best_route()
        fig, (ax_map, ax_curve) = new_figure(1, 2, figsize=(13, 5.6))

        _map_axes(ax_map, "Drive 5 miles in one direction", full_circle=True)
        gradient = descent.revenue_gradient()
        _arrow(ax_map, (gradient["dr_deast"], gradient["dr_dnorth"]), PALETTE["vermillion"],
               linestyle="--")
        ax_map.plot([], [], color=PALETTE["vermillion"], ls="--", label="gradient (4, 3)")
        trip = _arrow(ax_map, (east, north), PALETTE["blue"])
        ax_map.plot([], [], color=PALETTE["blue"], label="your trip")
        end, = ax_map.plot([east], [north], "o", color=PALETTE["blue"], ms=9)
        label = ax_map.text(0.03, 0.03, "", transform=ax_map.transAxes, fontsize=12,
                            bbox=dict(facecolor="white", edgecolor=PALETTE["grey"]))
        ax_map.set_xlim(-7.5, 7.5)  # room in the corners for the legend and the label
        ax_map.set_ylim(-7.5, 7.5)
        ax_map.legend(loc="upper left", framealpha=0.95, fontsize=11)

        ax_curve.plot(ANGLES, descent.revenue_at_angle(ANGLES), color=PALETTE["green"],
                      label="revenue of a 5-mile trip")
        ax_curve.axvline(best["angle_deg"], color=PALETTE["vermillion"], ls="--", lw=1.8,
                         label=f"gradient direction, {best['angle_deg']:.2f}°")
        ax_curve.axvline(best["angle_deg"] + 180.0, color=PALETTE["sky"], ls=":", lw=2.2,
                         label=f"opposite the gradient, {best['angle_deg'] + 180:.2f}°")
        ax_curve.axhline(0.0, color=PALETTE["black"], lw=0.8)
        marker, = ax_curve.plot([angle_deg], [earned], "o", color=PALETTE["blue"], ms=10,
                                label="your trip")
        ax_curve.set_xlim(0, 360)
        ax_curve.set_xticks(np.arange(0, 361, 45))
        ax_curve.set_ylim(-28, 32)
        ax_curve.set_xlabel("direction (degrees counter-clockwise from East)")
        ax_curve.set_ylabel("revenue ($)")
        ax_curve.set_title(f"Revenue peaks at {best['angle_deg']:.2f}°: ${best['revenue']:.0f}")
        ax_curve.legend(loc="lower left", framealpha=0.95, fontsize=10)

        view = cls(fig, trip=trip, end=end, label=label, marker=marker)
        view.show(angle_deg)
        return view

    def show(self, angle_deg: float) -> None:
        """Move the trip's arrow, end point, label and curve marker to ``angle_deg``."""
        angle_deg = finite_number(angle_deg, "angle_deg")
        east, north = descent.heading(angle_deg)
        earned = float(descent.revenue_at_angle(angle_deg))
        self.trip.xy = (east, north)
        self.end.set_data([east], [north])
        self.marker.set_data([angle_deg % 360.0], [earned])
        self.label.set_text(f"{east:.2f} mi East, {north:.2f} mi North\n"
                            f"revenue = {descent.dollars(earned)}")


def direction_figure(angle_deg: float = 20.0):
    """Left: a 5-mile trip at ``angle_deg`` and the gradient (4, 3). Right: revenue by angle
    (``DirectionView``'s figure)."""
    return DirectionView.draw(angle_deg).fig


@styled
def circle_revenue_figure():
    """r(x) = 4x + 3 sqrt(25 - x^2) with its flat tangent at the best split, x = 4."""
    best = descent.best_route()
    x = np.linspace(0.0, descent.MILES, 401)
    fig, ax = new_figure(figsize=(8.5, 5.2))
    ax.plot(x, descent.revenue_on_circle(x), color=PALETTE["green"],
            label=r"$r(x) = 4x + 3\sqrt{25 - x^2}$")
    ax.plot([best["east"] - 1.2, best["east"] + 1.2], [best["revenue"]] * 2,
            color=PALETTE["vermillion"], ls="--", label="tangent at x = 4: slope 0")
    ax.plot([best["east"]], [best["revenue"]], "o", color=PALETTE["vermillion"], ms=9)
    ax.annotate(f"x = {best['east']:g}, y = {best['north']:g}\nr = ${best['revenue']:g}",
                xy=(best["east"], best["revenue"]), xytext=(0.25, 25.7),
                arrowprops=dict(arrowstyle="->", color=PALETTE["black"]))
    ax.set_xlim(0, descent.MILES)
    ax.set_ylim(14, 27)
    ax.set_xlabel("x: miles driven East (the rest North)")
    ax.set_ylabel("revenue ($)")
    ax.set_title("All 5 miles driven: revenue against miles East")
    ax.legend(loc="lower center")  # clear of the curve's start at (0, 15)
    return fig


def _list_of(values, name: str, kind: type, most: int | None = None) -> None:
    """Raise unless ``values`` is a non-empty list of ``kind`` (of at most ``most`` items)."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values \
            or not all(isinstance(v, kind) for v in values):
        raise TypeError(f"{name} must be a non-empty list of {kind.__name__}, got {values!r}")
    if most is not None and len(values) > most:
        raise ValueError(f"{name} must hold at most {most} items, got {len(values)}")


def _formula(bowl) -> str:
    def term(c, v):
        return f"{v}^2" if c == 1 else f"{c:g}{v}^2"
    return rf"$L(u, v) = {term(bowl.curve_u, 'u')} + {term(bowl.curve_v, 'v')}$"


def _bowl_axes(ax, bowl, label_angle: float | None = None, label_size: float = 10):
    """The bowl's contours, its minimum and the axes' window and labels.

    ``label_angle`` (degrees round each ellipse) pins the contour labels in one direction
    from the minimum, so they keep clear of it and of the paths; by default matplotlib
    places them.
    """
    u = np.linspace(*U_RANGE, 201)
    v = np.linspace(*V_RANGE, 121)
    grid_u, grid_v = np.meshgrid(u, v)
    levels = [0.5, 2, 5, 10, 20, 40]
    contours = ax.contour(grid_u, grid_v, bowl.loss(grid_u, grid_v), levels=levels,
                          colors=PALETTE["grey"], linewidths=1.2)
    if label_angle is None:
        ax.clabel(contours, fontsize=label_size, fmt="%g")
    else:
        # The point of each ellipse L = level at that angle; the smallest is too near the star.
        t = np.radians(label_angle)
        places = [(np.sqrt(level / bowl.curve_u) * np.cos(t),
                   np.sqrt(level / bowl.curve_v) * np.sin(t)) for level in levels[1:]]
        places = [(pu, pv) for pu, pv in places
                  if U_RANGE[0] < pu < 0.95 * U_RANGE[1] and 0.9 * V_RANGE[0] < pv < V_RANGE[1]]
        ax.clabel(contours, fontsize=label_size, fmt="%g", colors="#444444", manual=places)
    # Over the paths, which end on it.
    ax.plot([0], [0], "*", color=PALETTE["green"], ms=16, label="minimum (0, 0)", zorder=4)
    ax.set_xlim(*U_RANGE)
    ax.set_ylim(*V_RANGE)
    ax.set_aspect("equal")
    ax.set_xlabel("parameter u")
    ax.set_ylabel("parameter v")


def _show_verdict(ax, result, sep: str = ": ") -> None:
    """The axes title says how the run went; red when it diverged."""
    title = ax.title
    title.set_text(f"learning rate {result.learning_rate:g}{sep}{result.status}")
    title.set_color(PALETTE["vermillion"] if result.diverged else PALETTE["black"])
    # The longest verdicts ("getting worse: loss grew from ... to ...") in smaller type, so
    # they stay over their own panel instead of running into the next one.
    title.set_fontsize(RC["axes.titlesize"] if len(title.get_text()) <= 64 else 11)


@dataclass(eq=False)
class DescentView(FigureView):
    """Left: the path of gradient descent over the bowl's contours. Right: loss per step."""

    path: Line2D
    start: Line2D
    loss: Line2D
    ax_path: Axes  # its title is the run's verdict
    ax_loss: Axes

    @classmethod
    @styled
    def draw(cls, learning_rate: float = 0.09, steps: int = 30, start=descent.START,
             bowl: descent.Bowl = descent.BOWL) -> DescentView:
        """The figure for ``steps`` steps at ``learning_rate`` from ``start``."""
        result = descent.gradient_descent(learning_rate, steps, start, bowl)
        fig, (ax_path, ax_loss) = new_figure(1, 2, figsize=(14, 5.4),
                                             gridspec_kw={"width_ratios": [1.6, 1]})
        fig.suptitle(f"Gradient descent on {_formula(bowl)}, starting at u = {start[0]:g}, "
                     f"v = {start[1]:g}")
        _bowl_axes(ax_path, bowl)
        # Pinned where matplotlib would put it anyway (nothing sits above these axes): an app
        # then redraws the verdict on its own, without the axes placing it again.
        ax_path.set_title(" ", y=1.0)
        path, = ax_path.plot(*result.path.T, "o-", color=PALETTE["blue"], ms=4, lw=1.8,
                             label="path of (u, v)")
        start_marker, = ax_path.plot([start[0]], [start[1]], "s", color=PALETTE["black"], ms=8,
                                     label="start")
        ax_path.legend(loc="lower right", framealpha=0.95, fontsize=11)

        loss, = ax_loss.semilogy(np.arange(len(result.losses)), result.losses,
                                 "o-", color=PALETTE["vermillion"], ms=4, lw=1.8, label="loss")
        ax_loss.axhline(descent.CONVERGED_LOSS, color=PALETTE["green"], ls=":", lw=2,
                        label=f"converged ({descent.CONVERGED_LOSS:g})")
        ax_loss.set_xlabel("step")
        ax_loss.set_ylabel("loss L(u, v) (log scale)")
        ax_loss.set_title("Loss after each step")
        # Lower left: a loss curve starts high on the left, whether it then falls or climbs, so
        # the corner stays clear (and the legend stays put while an app moves the curve).
        ax_loss.legend(loc="lower left", fontsize=11)

        view = cls(fig, path=path, start=start_marker, loss=loss, ax_path=ax_path,
                   ax_loss=ax_loss)
        view.show(result)
        return view

    def show(self, result, limits=None) -> bool:
        """Redraw the path, loss curve and verdict for a new result.

        The loss axes get ``limits`` (from ``loss_limits``), widened if this curve needs
        more room. Returns True when they changed: an app must then redraw the axes. An app
        passes limits that hold every curve its slider can make, so moving the slider never
        does that.
        """
        instance_of(result, "result", descent.DescentResult)
        if limits is not None:
            limits = finite_array(limits, "limits", shape=(2, 2)).tolist()
            (left, right), (low, high) = limits
            if not (left < right and 0 < low < high):  # the loss axis is logarithmic
                raise ValueError(f"limits must be ((first step, last step), (low, high)) "
                                 f"with 0 < low < high, as loss_limits gives them, got "
                                 f"{limits}")
        self.path.set_data(*result.path.T)
        self.loss.set_data(np.arange(len(result.losses)), _shown_losses(result))
        _show_verdict(self.ax_path, result)
        own = loss_limits([result])
        if limits is not None:
            (_, right), (low, high) = limits
            own = ((0.0, max(right, own[0][1])), (min(low, own[1][0]), max(high, own[1][1])))
        ax = self.ax_loss
        if (tuple(ax.get_xlim()), tuple(ax.get_ylim())) == own:
            return False
        ax.set_xlim(*own[0])
        ax.set_ylim(*own[1])
        return True


def descent_figure(learning_rate: float = 0.09, steps: int = 30, start=descent.START,
                   bowl: descent.Bowl = descent.BOWL):
    """Left: the path of gradient descent over the bowl's contours. Right: loss per step
    (``DescentView``'s figure)."""
    return DescentView.draw(learning_rate, steps, start, bowl).fig


def loss_limits(results) -> tuple:
    """Loss-axis limits, in whole decades, that hold the loss curves of all ``results``
    (and the "converged" line): ((0, steps), (low, high))."""
    _list_of(results, "results", descent.DescentResult)
    low = min(descent.CONVERGED_LOSS, *(_shown_losses(r).min() for r in results))
    high = max(max(_shown_losses(r).max(), r.losses[0]) for r in results)
    return ((0.0, float(max(max(r.steps for r in results), 1))),
            (10.0 ** (np.floor(np.log10(low)) - 1), 10.0 ** np.ceil(np.log10(high * 10))))


def _shown_losses(result) -> np.ndarray:
    # The log axis cannot show a loss of exactly 0 or inf: keep them at its edges.
    return np.clip(result.losses, 1e-30, 1e30)


RATE_COLOURS = ("blue", "orange", "vermillion", "purple", "sky")  # one per learning rate
RATE_MARKERS = ("o", "s", "^", "D", "v")  # on the loss curves, so colour is not the only cue


def _inside_window(path: np.ndarray) -> tuple:
    """The part of ``path`` up to its first point outside the bowl's window, and where the
    next step crosses the window's edge (None, None when it stays inside)."""
    (u_low, u_high), (v_low, v_high) = U_RANGE, V_RANGE
    inside = ((path[:, 0] >= u_low) & (path[:, 0] <= u_high)
              & (path[:, 1] >= v_low) & (path[:, 1] <= v_high))
    if inside.all() or not inside[0]:
        return path, None, None
    k = int(np.argmin(inside))  # the first step that lands outside
    a, b = path[k - 1], path[k]
    fraction = min(
        (edge - a[i]) / (b[i] - a[i])
        for i, (low, high) in enumerate((U_RANGE, V_RANGE))
        for edge in (low, high) if (b[i] - edge) * (a[i] - edge) < 0)
    return path[:k], a + fraction * (b - a), k


def _run_title(result, leaves: bool) -> str:
    """What the panel shows, then how the run ended."""
    if result.diverged or leaves:
        shape = "zig-zags wider every step"
    elif result.bouncing:
        shape = "bounces between the same two points"
    elif result.overshoots:
        shape = "zig-zags across the valley"
    else:
        shape = "slides smoothly down"
    return f"learning rate {result.learning_rate:g}: {shape}\n{result.status}"


def _growth_note(result, bowl) -> str:
    """Which coordinate grows, by how much per step: why the path leaves the window."""
    factors = [(name, 1.0 - result.learning_rate * curvature)
               for name, curvature in zip("uv", bowl.curvatures(), strict=True)]
    name, factor = max(factors, key=lambda f: abs(f[1]))
    return f"each step multiplies {name} by {factor:.3g},\nso the path leaves the plot"


@styled
def learning_rates_figure(rates=(0.03, 0.09, 0.12), steps: int = 30,
                          bowl: descent.Bowl = descent.BOWL):
    """One panel per learning rate, the same start and number of steps, and their losses.

    A path that leaves the window stops at its edge with an arrow: the points beyond would
    only draw streaks across the minimum.
    """
    rates = finite_array(rates, "rates", shape=(None,), min_size=1).tolist()
    if min(rates) <= 0:
        raise ValueError(f"rates must all be > 0 (learning rates), got {rates}")
    if len(rates) > len(RATE_COLOURS):
        raise ValueError(f"rates must hold at most {len(RATE_COLOURS)} learning rates (one "
                         f"panel each), got {len(rates)}")
    instance_of(bowl, "bowl", descent.Bowl)
    results = [descent.gradient_descent(rate, steps, bowl=bowl) for rate in rates]
    rows = len(rates) // 2 + 1  # two panels a row, the losses last
    fig, axes = new_figure(rows, 2, figsize=(14, 4.3 * rows + 1.1))
    axes = np.atleast_1d(axes).ravel()
    for ax in axes[len(rates) + 1:]:
        ax.remove()
    start = results[0].path[0]
    fig.suptitle(f"{_formula(bowl)}: {results[0].steps} steps from u = {start[0]:g}, "
                 f"v = {start[1]:g} at {len(rates)} learning rates")
    colours = [PALETTE[c] for c in RATE_COLOURS]
    handles = {}
    for ax, result, colour, marker in zip(axes, results, colours, RATE_MARKERS, strict=False):
        _bowl_axes(ax, bowl, label_angle=-50.0, label_size=13)
        shown, edge, k = _inside_window(result.path)
        handles[f"path at learning rate {result.learning_rate:g}"], = ax.plot(
            *shown.T, marker=marker, color=colour, ms=5, lw=2)
        if edge is not None:
            # The head stops just inside the frame, under the title rather than in it.
            tip = shown[-1] + 0.97 * (edge - shown[-1])
            ax.annotate("", xy=tip, xytext=shown[-1],
                        arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, shrinkA=0,
                                        shrinkB=0, mutation_scale=22))
            ax.text(0.98, 0.96, f"{_growth_note(result, bowl)} at step {k}",
                    transform=ax.transAxes, ha="right", va="top", fontsize=12,
                    bbox=dict(facecolor="white", edgecolor=colour, alpha=0.95))
        ax.plot(*start, "s", color=PALETTE["black"], ms=9, zorder=3)
        ax.set_title(_run_title(result, edge is not None),
                     color=PALETTE["vermillion"] if result.diverged else PALETTE["black"])

    ax_loss = axes[len(rates)]
    for result, colour, marker in zip(results, colours, RATE_MARKERS, strict=False):
        losses = _shown_losses(result)
        ax_loss.semilogy(np.arange(len(losses)), losses, marker=marker, color=colour, ms=4,
                         lw=2)
        ax_loss.annotate(f"{result.learning_rate:g}", (len(losses) - 1, losses[-1]),
                         xytext=(6, 0), textcoords="offset points", va="center",
                         color=colour, fontsize=13, fontweight="bold")
    ax_loss.axhline(descent.CONVERGED_LOSS, color=PALETTE["green"], ls=":", lw=2)
    (left, right), (low, high) = loss_limits(results)
    ax_loss.set_xlim(left, right * 1.1)  # room for the rate at the end of each curve
    ax_loss.set_ylim(low, high)
    ax_loss.set_xlabel("step")
    ax_loss.set_ylabel("loss L(u, v) (log scale)")
    ax_loss.set_title("Loss after each step\n(a run stops once |u| or |v| passes "
                      f"{descent.DIVERGENCE_BOUND:g})")

    legend = [Line2D([], [], ls="none", marker="s", color=PALETTE["black"], ms=9),
              Line2D([], [], ls="none", marker="*", color=PALETTE["green"], ms=16),
              *handles.values(),
              Line2D([], [], color=PALETTE["green"], ls=":", lw=2)]
    labels = [f"start ({start[0]:g}, {start[1]:g})", "minimum (0, 0)", *handles,
              f"converged: loss <= {descent.CONVERGED_LOSS:g}"]
    fig.legend(legend, labels, loc="outside lower center", ncols=3, fontsize=13)
    return fig
