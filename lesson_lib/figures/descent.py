"""Figures for steepest descent: the revenue map, revenue by direction, descent on a bowl.

Figures an app animates keep their changing artists in ``fig.handles`` (a dict), so the
app only moves data and never rebuilds the drawing.
"""

from __future__ import annotations

import numpy as np

from ..core import descent
from .style import PALETTE, RC, new_figure, styled

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
    fig, ax = new_figure(figsize=(7.5, 6.5))
    _map_axes(ax, "Four 5-mile trips and what they earn")
    colours = [PALETTE[c] for c in ("blue", "orange", "purple", "vermillion")]
    for route, colour in zip(routes, colours, strict=False):
        _arrow(ax, (route.east, route.north), colour)
        ax.plot([], [], color=colour, label=f"{route.name}: ${route.revenue:.2f}")
    ax.set_xlim(-0.3, 6.0)
    ax.set_ylim(-0.3, 6.0)
    ax.legend(loc="upper right", framealpha=0.95)
    return fig


@styled
def direction_figure(angle_deg: float = 20.0):
    """Left: a 5-mile trip at ``angle_deg`` and the gradient (4, 3). Right: revenue by angle."""
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

    fig.handles = {"trip": trip, "end": end, "label": label, "marker": marker}
    show_direction(fig, angle_deg)
    return fig


def show_direction(fig, angle_deg: float) -> None:
    """Move ``direction_figure``'s trip arrow, end point, label and curve marker."""
    east, north = descent.heading(angle_deg)
    earned = float(descent.revenue_at_angle(angle_deg))
    h = fig.handles
    h["trip"].xy = (east, north)
    h["end"].set_data([east], [north])
    h["marker"].set_data([angle_deg % 360.0], [earned])
    h["label"].set_text(f"{east:.2f} mi East, {north:.2f} mi North\n"
                        f"revenue = {descent.dollars(earned)}")


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


def _formula(bowl) -> str:
    def term(c, v):
        return f"{v}^2" if c == 1 else f"{c:g}{v}^2"
    return rf"$L(u, v) = {term(bowl.curve_u, 'u')} + {term(bowl.curve_v, 'v')}$"


def _bowl_axes(ax, bowl):
    u = np.linspace(*U_RANGE, 201)
    v = np.linspace(*V_RANGE, 121)
    grid_u, grid_v = np.meshgrid(u, v)
    levels = [0.5, 2, 5, 10, 20, 40]
    contours = ax.contour(grid_u, grid_v, bowl.loss(grid_u, grid_v), levels=levels,
                          colors=PALETTE["grey"], linewidths=1.2)
    ax.clabel(contours, fontsize=10, fmt="%g")
    ax.plot([0], [0], "*", color=PALETTE["green"], ms=16, label="minimum (0, 0)")
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


@styled
def descent_figure(learning_rate: float = 0.09, steps: int = 30, start=descent.START,
                   bowl: descent.Bowl = descent.BOWL):
    """Left: the path of gradient descent over the bowl's contours. Right: loss per step."""
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
    legend = ax_loss.legend(loc="best", fontsize=11)

    fig.handles = {"path": path, "start": start_marker, "loss": loss, "legend": legend,
                   "ax_path": ax_path, "ax_loss": ax_loss}
    show_descent(fig, result)
    return fig


def loss_limits(results) -> tuple:
    """Loss-axis limits, in whole decades, that hold the loss curves of all ``results``
    (and the "converged" line): ((0, steps), (low, high))."""
    low = min(descent.CONVERGED_LOSS, *(_shown_losses(r).min() for r in results))
    high = max(max(_shown_losses(r).max(), r.losses[0]) for r in results)
    return ((0.0, float(max(max(r.steps for r in results), 1))),
            (10.0 ** (np.floor(np.log10(low)) - 1), 10.0 ** np.ceil(np.log10(high * 10))))


def _shown_losses(result) -> np.ndarray:
    # The log axis cannot show a loss of exactly 0 or inf: keep them at its edges.
    return np.clip(result.losses, 1e-30, 1e30)


def show_descent(fig, result, limits=None) -> bool:
    """Redraw ``descent_figure``'s path, loss curve and verdict for a new result.

    The loss axes get ``limits`` (from ``loss_limits``), widened if this curve needs more
    room. Returns True when they changed: an app must then redraw the axes. An app passes
    limits that hold every curve its slider can make, so moving the slider never does that.
    """
    h = fig.handles
    h["path"].set_data(*result.path.T)
    h["loss"].set_data(np.arange(len(result.losses)), _shown_losses(result))
    _show_verdict(h["ax_path"], result)
    own = loss_limits([result])
    if limits is not None:
        (_, right), (low, high) = limits
        own = ((0.0, max(right, own[0][1])), (min(low, own[1][0]), max(high, own[1][1])))
    ax = h["ax_loss"]
    if (tuple(ax.get_xlim()), tuple(ax.get_ylim())) == own:
        return False
    ax.set_xlim(*own[0])
    ax.set_ylim(*own[1])
    return True


@styled
def learning_rates_figure(rates=(0.03, 0.09, 0.12), steps: int = 30,
                          bowl: descent.Bowl = descent.BOWL):
    """The same start and number of steps at several learning rates, side by side."""
    fig, axes = new_figure(1, len(rates), figsize=(5 * len(rates), 4.0))
    fig.suptitle(f"{_formula(bowl)}: {steps} steps at {len(rates)} learning rates")
    for ax, rate in zip(np.atleast_1d(axes), rates, strict=True):
        result = descent.gradient_descent(rate, steps, bowl=bowl)
        _bowl_axes(ax, bowl)
        _show_verdict(ax, result, sep="\n")  # two lines: a panel a third as wide as the page
        ax.plot(*result.path.T, "o-", color=PALETTE["blue"], ms=4, lw=1.8,
                label=f"path, {result.steps_taken} steps")
        ax.plot(*result.path[0], "s", color=PALETTE["black"], ms=8, label="start")
        ax.legend(loc="lower right", framealpha=0.95, fontsize=10)
    return fig
