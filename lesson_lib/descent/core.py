"""Steepest ascent on the lecture's taxi-revenue example, then gradient descent on a bowl.

Revenue: paid ``PAY = (4, 3)`` dollars per mile East and North, at most ``MILES = 5`` miles.
Loss: the bowl ``L(u, v) = u^2 + 10 v^2``, whose valley is ten times steeper across ``v``.
(u and v, not a and b: in the course b is a bias.)

Miles, pay rates, curvatures and u, v lie within LIMIT (1e6) in size, as in LessonNet:
then no square or product of them overflows a float.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..core.checks import (
    finite_array,
    finite_number,
    instance_of,
    numeric_input,
    positive_int,
    positive_number,
)
from ..core.network import LIMIT, Values

PAY = (4.0, 3.0)  # dollars per mile driven East, North
MILES = 5.0  # the longest trip allowed
MAX_POINTS = 10_000_000  # more points or steps than this is a typo, not a lesson


# --- revenue: which direction pays most -------------------------------------------------

def _pay(pay) -> np.ndarray:
    return finite_array(pay, "pay", shape=(2,), limit=LIMIT)


def revenue(east, north, pay=PAY):
    """Dollars earned for ``east`` and ``north`` miles: r = pay_E * east + pay_N * north."""
    pay_east, pay_north = _pay(pay)
    return (pay_east * numeric_input(east, "east", LIMIT)
            + pay_north * numeric_input(north, "north", LIMIT))


def dollars(amount: float) -> str:
    """An amount of money as text, the sign first: -$20.94."""
    amount = finite_number(amount, "amount")
    return f"-${-amount:.2f}" if amount < 0 else f"${amount:.2f}"


def revenue_gradient(pay=PAY) -> Values:
    """(dr/deast, dr/dnorth): the pay rates themselves, the same at every point."""
    pay_east, pay_north = _pay(pay)
    return Values(dr_deast=pay_east, dr_dnorth=pay_north)


def heading(angle_deg, miles=MILES) -> tuple:
    """Miles (east, north) after driving ``miles`` at ``angle_deg`` counter-clockwise from East."""
    angle = np.radians(numeric_input(angle_deg, "angle_deg"))
    miles = positive_number(miles, "miles", maximum=LIMIT)
    return miles * np.cos(angle), miles * np.sin(angle)


def revenue_at_angle(angle_deg, miles=MILES, pay=PAY):
    """Revenue of a trip of ``miles`` at ``angle_deg``; equals miles*|pay|*cos(angle to pay)."""
    east, north = heading(angle_deg, miles)
    return revenue(east, north, pay)


def best_angle(pay=PAY) -> float:
    """Direction of the gradient in degrees from East: atan2(pay_N, pay_E)."""
    pay_east, pay_north = _pay(pay)
    if pay_east == 0 and pay_north == 0:
        raise ValueError("pay must not be (0, 0): then every direction earns the same")
    return math.degrees(math.atan2(pay_north, pay_east))


def best_route(pay=PAY, miles=MILES) -> Values:
    """Drive along the gradient: miles * pay / |pay|, earning miles * |pay|."""
    angle = best_angle(pay)
    east, north = heading(angle, miles)
    return Values(angle_deg=angle, east=east, north=north, revenue=revenue(east, north, pay))


def revenue_on_circle(east, miles=MILES, pay=PAY):
    """r(x) = pay_E x + pay_N sqrt(miles^2 - x^2): all ``miles`` driven, ``east`` of them East."""
    east = numeric_input(east, "east")
    miles = positive_number(miles, "miles", maximum=LIMIT)
    if np.any(np.abs(east) > miles):
        raise ValueError(f"east must lie in [-{miles:g}, {miles:g}] miles, got {east}")
    pay_east, pay_north = _pay(pay)
    return pay_east * east + pay_north * np.sqrt(miles**2 - east**2)


def revenue_on_circle_slope(east, miles=MILES, pay=PAY):
    """r'(x) = pay_E - pay_N x / sqrt(miles^2 - x^2), from the chain rule on the square root."""
    east = numeric_input(east, "east")
    miles = positive_number(miles, "miles", maximum=LIMIT)
    if np.any(np.abs(east) >= miles):
        raise ValueError(f"east must lie strictly inside (-{miles:g}, {miles:g}) miles "
                         f"(the slope is infinite at the ends), got {east}")
    pay_east, pay_north = _pay(pay)
    return pay_east - pay_north * east / np.sqrt(miles**2 - east**2)


def search_best_east(points: int = 50_001, miles=MILES, pay=PAY) -> Values:
    """Brute force: try ``points`` evenly spaced splits of the trip and keep the best."""
    points = positive_int(points, "points", minimum=2, maximum=MAX_POINTS)
    miles = positive_number(miles, "miles", maximum=LIMIT)
    east = np.linspace(0.0, miles, points)
    earned = revenue_on_circle(east, miles, pay)
    best = int(np.argmax(earned))
    return Values(east=east[best], north=math.sqrt(miles**2 - east[best] ** 2),
                  revenue=earned[best])


@dataclass(frozen=True)
class Route:
    name: str
    east: float
    north: float
    pay: tuple = PAY

    def __post_init__(self):
        object.__setattr__(self, "east", finite_number(self.east, "east"))
        object.__setattr__(self, "north", finite_number(self.north, "north"))
        object.__setattr__(self, "pay", tuple(_pay(self.pay).tolist()))

    @property
    def miles(self) -> float:
        return math.hypot(self.east, self.north)

    @property
    def revenue(self) -> float:
        return float(revenue(self.east, self.north, self.pay))


LESSON_ROUTES = (
    Route("all East", 5.0, 0.0),
    Route("all North", 0.0, 5.0),
    Route("60 degrees from East", 2.5, 4.33),  # the lecture rounds 5 sin 60 = 4.3301 to 4.33
    Route("along the gradient", 4.0, 3.0),
)


# --- gradient descent on a two-parameter bowl --------------------------------------------

@dataclass(frozen=True)
class Bowl:
    """L(u, v) = curve_u u^2 + curve_v v^2: lowest point L = 0 at u = v = 0."""

    curve_u: float = 1.0
    curve_v: float = 10.0

    def __post_init__(self):
        positive_number(self.curve_u, "curve_u", maximum=LIMIT)
        positive_number(self.curve_v, "curve_v", maximum=LIMIT)

    def loss(self, u, v):
        """L(u, v) for numbers, or arrays of them such as a grid."""
        return self._loss(numeric_input(u, "u", LIMIT), numeric_input(v, "v", LIMIT))

    def gradient(self, u, v) -> tuple:
        """(dL/du, dL/dv) = (2 curve_u u, 2 curve_v v)."""
        return self._gradient(numeric_input(u, "u", LIMIT), numeric_input(v, "v", LIMIT))

    # Unchecked, for gradient_descent's loop: its start was checked once at its entry.
    def _loss(self, u, v):
        return self.curve_u * u**2 + self.curve_v * v**2

    def _gradient(self, u, v) -> tuple:
        return 2.0 * self.curve_u * u, 2.0 * self.curve_v * v

    def curvatures(self) -> tuple[float, float]:
        """Second derivatives d2L/du2, d2L/dv2: the Hessian is diagonal, so its eigenvalues."""
        return 2.0 * self.curve_u, 2.0 * self.curve_v

    def stability_limit(self) -> float:
        """Largest learning rate that still converges: 2 / (largest Hessian eigenvalue)."""
        return 2.0 / max(self.curvatures())

    def no_overshoot_limit(self) -> float:
        """Above 1 / (largest curvature) the steep coordinate jumps past the valley floor."""
        return 1.0 / max(self.curvatures())


BOWL = Bowl()
START = (-4.0, 1.5)  # (u, v): far along the shallow direction, a little up the steep one
DIVERGENCE_BOUND = 1e3  # |u| or |v| this far out (hundreds of times the start) has blown up
CONVERGED_LOSS = 1e-6


@dataclass(frozen=True)
class DescentResult:
    """The path of gradient descent and a one-line verdict on how it went."""

    path: np.ndarray  # (steps_taken + 1, 2): rows (u, v), the start first
    losses: np.ndarray  # (steps_taken + 1,)
    learning_rate: float
    steps: int  # steps asked for
    diverged: bool
    # (name, amplitude) of each coordinate whose factor per step is exactly -1: it jumps
    # between +amplitude and -amplitude for ever, neither converging nor diverging.
    bouncing: tuple = ()
    bounce_loss: float = 0.0  # the loss those coordinates keep once the others have gone

    @property
    def steps_taken(self) -> int:
        return len(self.path) - 1

    @property
    def final(self) -> Values:
        u, v = self.path[-1]
        return Values(u=u, v=v, loss=self.losses[-1])

    @property
    def overshoots(self) -> bool:
        """True when a coordinate changes sign: a step carried it past the valley floor."""
        signs = np.sign(self.path)
        return bool(np.any(signs[1:] * signs[:-1] < 0))

    @property
    def status(self) -> str:
        if self.diverged:
            return f"diverged after {_steps(self.steps_taken)}"
        if self.losses[-1] <= CONVERGED_LOSS:
            first = int(np.argmax(self.losses <= CONVERGED_LOSS))
            return f"converged after {_steps(first)} (loss <= {CONVERGED_LOSS:g})"
        if self.bouncing:
            where = ", ".join(f"{name} = \u00b1{amp:g}" for name, amp in self.bouncing)
            return f"oscillates for ever: {where}, loss \u2192 {self.bounce_loss:.4g}"
        if self.losses[-1] > self.losses[0]:
            return (f"getting worse: loss grew from {self.losses[0]:.4g} to "
                    f"{self.losses[-1]:.4g} in {_steps(self.steps)}")
        return f"not yet converged after {_steps(self.steps)}"

    @property
    def pattern(self) -> str:
        return "zig-zag (overshoots the valley floor)" if self.overshoots else "smooth"


def _steps(n: int) -> str:
    return f"{n} step" if n == 1 else f"{n} steps"


def check_learning_rate(learning_rate) -> float:
    """A learning rate must be a finite number > 0 (zero never moves; negative climbs)."""
    return positive_number(learning_rate, "learning_rate")


def gradient_descent(learning_rate, steps: int = 30, start=START, bowl: Bowl = BOWL,
                     bound: float = DIVERGENCE_BOUND) -> DescentResult:
    """Take ``steps`` steps of (u, v) <- (u, v) - learning_rate * grad L(u, v).

    Stops early once |u| or |v| passes ``bound``: the run has diverged, and going on would
    only overflow to inf and NaN.
    """
    learning_rate = check_learning_rate(learning_rate)
    steps = positive_int(steps, "steps", minimum=0, maximum=MAX_POINTS)
    instance_of(bowl, "bowl", Bowl)
    point = point_start = finite_array(start, "start", shape=(2,), limit=LIMIT)
    bound = positive_number(bound, "bound")
    if np.max(np.abs(point)) > bound:
        raise ValueError(f"start must lie within the bound {bound:g}, got {point.tolist()}")
    path, losses = [point], [bowl._loss(*point)]
    diverged = False
    # A huge learning rate can overflow the loss on the step that crosses the bound; that
    # last loss is then inf, which is the honest value, so silence the warning.
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            point = point - learning_rate * np.array(bowl._gradient(*point))
            path.append(point)
            losses.append(bowl._loss(*point))
            if not np.max(np.abs(point)) <= bound:  # also catches inf and NaN
                diverged = True
                break
    return DescentResult(np.array(path), np.array(losses), learning_rate, steps, diverged,
                         *_bouncing(learning_rate, point_start, bowl))


def _bouncing(learning_rate: float, start: np.ndarray, bowl: Bowl) -> tuple:
    """Coordinates multiplied by -1 each step (learning rate = 1 / curve), and their loss.

    On this bowl each coordinate is multiplied by 1 - learning_rate * curvature per step,
    so at exactly -1 it jumps between +start and -start for ever: in exact arithmetic the
    run never converges and never diverges (in floats it may drift by a few roundings).
    """
    bouncing, loss = [], 0.0
    for name, curve, curvature, at in zip(("u", "v"), (bowl.curve_u, bowl.curve_v),
                                          bowl.curvatures(), start, strict=True):
        if at != 0 and abs(1.0 - learning_rate * curvature + 1.0) <= 1e-12:
            bouncing.append((name, abs(float(at))))
            loss += curve * float(at) ** 2
    return tuple(bouncing), loss


def steepest_direction(gradient, step_deg: float = 0.01) -> Values:
    """Slope of the loss along each unit direction; the steepest fall is opposite the gradient."""
    g = finite_array(gradient, "gradient", shape=(2,))
    angles = np.arange(0.0, 360.0, positive_number(step_deg, "step_deg"))
    slopes = g[0] * np.cos(np.radians(angles)) + g[1] * np.sin(np.radians(angles))
    i = int(np.argmin(slopes))
    # Both angles to 0.01 degree (the default grid's spacing), so they print alike.
    return Values(steepest_angle_deg=round(float(angles[i]), 2), slope=slopes[i],
                  minus_gradient_angle_deg=round(math.degrees(math.atan2(-g[1], -g[0])) % 360,
                                                 2))
