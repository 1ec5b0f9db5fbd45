"""Lesson 3's checks and exercises: the taxi's revenue, its gradient, steepest descent."""

from __future__ import annotations

import math

import numpy as np

from ..exercises.base import Exercise, Feedback, Unreadable, short_repr
from ..exercises.coding import CodeExercise
from ..exercises.values import REL_TOL, ValueCheck
from .core import (
    BOWL,
    Bowl,
    best_angle,
    best_route,
    gradient_descent,
    revenue,
    revenue_gradient,
    revenue_on_circle,
    revenue_on_circle_slope,
    search_best_east,
    steepest_direction,
)

NO_DIVERGENCE_STOP = 1e300  # the learner's loop does not stop early; neither may the reference

# --- one-line checks of the notebook's own values ----------------------------------------

LECTURE_PAY = {"pay_east": 4.0, "pay_north": 3.0, "max_miles": 5.0}


def _pay(inputs) -> tuple:
    return inputs["pay_east"], inputs["pay_north"]


def _whole(value, name: str) -> int:
    """A count read back from a notebook (which ValueCheck hands over as a float)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise TypeError(f"{name} must be a whole number, got {value!r}")


def _trips(inputs) -> dict:
    pay = _pay(inputs)
    return {"r_east": float(revenue(5.0, 0.0, pay)), "r_north": float(revenue(0.0, 5.0, pay)),
            "r_60": float(revenue(2.5, 4.33, pay)), "r_4_3": float(revenue(4.0, 3.0, pay))}


check_trips = ValueCheck(
    ("r_east", "r_north", "r_60", "r_4_3"), _trips,
    depends_on={name: ("pay_east", "pay_north") for name in ("r_east", "r_north", "r_60",
                                                            "r_4_3")},
    inputs={"pay_east": 4.0, "pay_north": 3.0})
"""``check_trips(globals())``: the four trips' revenues from the notebook's pay rates."""


def _gradient(inputs) -> dict:
    gradient = revenue_gradient(_pay(inputs))
    return {"dr_dx": gradient["dr_deast"], "dr_dy": gradient["dr_dnorth"]}


check_gradient = ValueCheck(
    ("dr_dx", "dr_dy"), _gradient,
    depends_on={"dr_dx": ("pay_east",), "dr_dy": ("pay_north",)},
    inputs={"pay_east": 4.0, "pay_north": 3.0})
"""``check_gradient(globals())``: the partial derivatives of r(x, y) = 4x + 3y."""


def _best(inputs) -> dict:
    route = best_route(_pay(inputs), inputs["max_miles"])
    return {**_gradient(inputs), "gradient_length": math.hypot(*_pay(inputs)),
            "angle_deg": route["angle_deg"], "x_best": route["east"],
            "y_best": route["north"], "r_best": route["revenue"]}


check_best = ValueCheck(
    ("gradient_length", "angle_deg", "x_best", "y_best", "r_best"), _best,
    depends_on={"gradient_length": ("dr_dx", "dr_dy"), "angle_deg": ("dr_dx", "dr_dy"),
                "x_best": ("max_miles", "dr_dx", "gradient_length"),
                "y_best": ("max_miles", "dr_dy", "gradient_length"),
                "r_best": ("x_best", "y_best")},
    inputs=LECTURE_PAY)
"""``check_best(globals())``: the trip along the gradient, its heading and its revenue."""

check_slope = ValueCheck(
    ("r_x", "slope"),
    lambda inputs: {"r_x": float(revenue_on_circle(inputs["x"])),
                    "slope": float(revenue_on_circle_slope(inputs["x"]))},
    depends_on={"r_x": ("x",), "slope": ("x",)}, inputs={"x": 3.0})
"""``check_slope(globals())``: r(x) = 4x + 3 sqrt(25 - x^2) and its derivative at x."""


def _search(inputs) -> dict:
    best = search_best_east(_whole(inputs["points"], "points"), inputs["max_miles"])
    return {"x_search": best["east"], "y_search": best["north"], "r_search": best["revenue"]}


check_search = ValueCheck(
    ("x_search", "y_search", "r_search"), _search,
    depends_on={"x_search": ("points", "max_miles"), "y_search": ("x_search", "max_miles"),
                "r_search": ("x_search", "y_search")},
    inputs={"points": 50_001.0, "max_miles": 5.0})
"""``check_search(globals())``: the best of ``points`` evenly spaced splits of the trip."""

check_bowl_gradient = ValueCheck(
    ("dL_du", "dL_dv"),
    lambda inputs: dict(zip(("dL_du", "dL_dv"), BOWL.gradient(inputs["u"], inputs["v"]),
                            strict=True)),
    depends_on={"dL_du": ("u",), "dL_dv": ("v",)}, inputs={"u": -4.0, "v": 1.5})
"""``check_bowl_gradient(globals())``: the gradient of L(u, v) = u^2 + 10 v^2 at (u, v)."""


def _steepest(inputs) -> dict:
    found = steepest_direction((inputs["dL_du"], inputs["dL_dv"]))
    return {"steepest_angle": found["steepest_angle_deg"], "steepest_slope": found["slope"]}


check_steepest = ValueCheck(
    ("steepest_angle", "steepest_slope"), _steepest,
    depends_on={"steepest_angle": ("dL_du", "dL_dv"),
                "steepest_slope": ("steepest_angle", "dL_du", "dL_dv")},
    inputs={"dL_du": -8.0, "dL_dv": 30.0})
"""``check_steepest(globals())``: the steepest of the directions 0.01 degrees apart."""


def _descent(inputs) -> dict:
    run = gradient_descent(inputs["learning_rate"], _whole(inputs["steps"], "steps"),
                           start=(inputs["u_start"], inputs["v_start"]),
                           bound=NO_DIVERGENCE_STOP)
    u, v = run.path[-1]
    return {"u": u, "v": v}


check_descent = ValueCheck(
    ("u", "v"), _descent,
    depends_on={"u": ("u_start", "learning_rate", "steps"),
                "v": ("v_start", "learning_rate", "steps")},
    inputs={"u_start": -4.0, "v_start": 1.5, "learning_rate": 0.09, "steps": 5.0})
"""``check_descent(globals())``: (u, v) after ``steps`` steps of gradient descent."""


def _limits(inputs) -> dict:
    bowl = Bowl(inputs["curvature_u"] / 2, inputs["curvature_v"] / 2)  # L = c u^2: L'' = 2c
    return {"stability_limit": bowl.stability_limit(),
            "zero_factor_for_v": 1 / bowl.curvatures()[1]}


check_limits = ValueCheck(
    ("stability_limit", "zero_factor_for_v"), _limits,
    depends_on={"stability_limit": ("curvature_u", "curvature_v"),
                "zero_factor_for_v": ("curvature_v",)},
    inputs={"curvature_u": 2.0, "curvature_v": 20.0})
"""``check_limits(globals())``: the largest stable learning rate, and where v's factor is 0."""


def check_rates(finals, steps: int = 50) -> Feedback:
    """The learner's final (u, v) per learning rate against the reference, first slip first."""
    if not isinstance(finals, dict) or not finals:
        return Feedback(False, f"finals is {short_repr(finals)}; it should be a dict "
                               "{learning_rate: (u, v)} with one entry per run.")
    for rate, point in finals.items():
        try:
            run = gradient_descent(rate, steps, bound=NO_DIVERGENCE_STOP)
        except (TypeError, ValueError) as error:
            return Feedback(False, f"The reference cannot run learning_rate = "
                                   f"{short_repr(rate)}: {error}.")
        if not isinstance(point, (tuple, list)) or len(point) != 2:
            return Feedback(False, f"finals[{rate!r}] is {short_repr(point)}; it should be "
                                   "the pair (u, v) after the last step.")
        for name, got, want in zip(("u", "v"), point, run.path[-1], strict=True):
            if not isinstance(got, (int, float)) or not math.isclose(
                    got, want, rel_tol=REL_TOL, abs_tol=1e-300):
                return Feedback(False, f"With learning_rate = {rate!r}, your {name} after "
                                       f"{steps} steps is {short_repr(got)}, expected "
                                       f"{want:.10g}: look at the update of {name} in "
                                       "your loop.")
    return Feedback(True, f"All {len(finals)} runs agree with the reference implementation "
                          f"(to a relative {REL_TOL:g}).")


# --- numeric exercises ------------------------------------------------------------------

ex1 = Exercise(
    "Exercise 1 (recall). The revenue r = 4x + 3y has gradient (4, 3). In which direction "
    "should you drive, in degrees counter-clockwise from East? Give it to 4 significant "
    "figures, e.g. 12.34.",
    best_angle(pay=(4, 3)),
    digits=4,
    hint="The gradient's direction is atan2(North part, East part); convert radians to "
         "degrees with math.degrees.",
    solution="math.degrees(math.atan2(3, 4)) = 36.87 degrees: 4 miles East for every 3 North.",
    slips={
        best_angle(pay=(3, 4)): (
            "That is the angle measured from North (or atan2(4, 3)): the East part 4 goes second "
            "in atan2(north, east)."
        ),
        45: "45 degrees splits the trip evenly, but East pays more than North, so tilt towards "
            "East.",
        math.atan2(3, 4): "That is the angle in radians; convert it with math.degrees.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). The pay changes to $6 a mile East and $8 a mile North, and you may "
    "drive at most 10 miles. What is the largest revenue, in dollars? Give the exact "
    "number.",
    best_route(pay=(6, 8), miles=10)["revenue"],
    exact=True,
    hint="Drive along the gradient (6, 8). Its length is sqrt(6^2 + 8^2); a 10-mile trip "
         "along it earns 10 times that length.",
    solution="The unit direction is (6, 8) / 10 = (0.6, 0.8): drive 6 miles East and 8 North, "
             "earning 6*6 + 8*8 = 36 + 64 = $100 (= 10 miles * |gradient| 10).",
    slips={
        80: "$80 is all 10 miles North. Mixing in some East earns more.",
        60: "$60 is all 10 miles East. North pays more here, so lean North.",
        140: "$140 = 6*10 + 8*10 drives 10 miles East AND 10 North: that is 14.1 miles, over the "
             "limit.",
        96: "$96 is 8 miles East and 6 North: the larger distance goes to the better-paid "
            "direction (North).",
    },
)

ex3 = Exercise(
    "Exercise 3 (derive). Gradient descent on L(u, v) = u^2 + 10 v^2 multiplies v by "
    "(1 - 20 * learning_rate) every step. Below a limit, v shrinks towards 0 for every "
    "positive learning rate: between 0.05 and the limit it zig-zags (changes sign every "
    "step) but still shrinks. At the limit v flips between +v and -v for ever; above it v "
    "grows. What is that limit (the stability limit)? Give the exact value.",
    BOWL.stability_limit(),
    exact=True,
    hint="v shrinks when |1 - 20 * learning_rate| < 1. Solve for the upper end. (The "
         "curvature of L along v is d2L/dv2 = 20.)",
    solution="|1 - 20 lr| < 1 means 0 < lr < 2/20 = 0.1. At lr = 0.1, v flips between +v "
             "and -v for ever; above it, v grows every step. The flatter direction u "
             "(curvature 2) alone would allow rates up to 2/2 = 1.0, but the steeper "
             "direction v (curvature 20) reaches its limit first, so v sets the limit.",
    slips={
        2 / BOWL.curvatures()[0]: (
            "1.0 = 2/2 is the limit for the flat direction u (curvature 2). The steep direction v,"
            " with curvature 20, blows up first."
        ),
        BOWL.no_overshoot_limit(): (
            "At 0.05 the factor is 1 - 20*0.05 = 0: v lands on 0 in one step. Above 0.05 the "
            "factor is negative and v zig-zags across the valley, but it still shrinks while "
            "the factor lies between -1 and 0. The limit is where it stops shrinking."
        ),
        Bowl(curve_v=5.0).stability_limit(): (
            "0.2 = 2/10 uses the coefficient 10, but the second derivative of 10 v^2 is 20."
        ),
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). On L(u, v) = u^2 + 10 v^2, take one step of gradient descent from "
    "(u, v) = (2, 1) with learning rate 0.1. Give the new point exactly, as [u, v].",
    gradient_descent(0.1, 1, start=(2.0, 1.0)).path[-1].tolist(),
    exact=True,
    hint="The gradient is (dL/du, dL/dv) = (2u, 20v). New point = old point minus "
         "learning rate times gradient.",
    solution="The gradient at (2, 1) is (4, 20). New u = 2 - 0.1*4 = 1.6; new v = "
             "1 - 0.1*20 = -1.0. So [1.6, -1.0]: v jumped to the other side of the valley "
             "(0.1 is exactly the stability limit).",
    slips={
        (2.4, 3.0): "[2.4, 3.0] adds the gradient: that climbs uphill. Descent subtracts it.",
        (1.8, 0.0): "[1.8, 0.0] uses the gradient (u, 10v): the derivative of u^2 is 2u and of 10 "
                    "v^2 is 20v.",
    },
)


# --- coding exercises -------------------------------------------------------------------

CIRCLE = ("x", "pay_east", "pay_north", "miles")


def _slope(x, pay_east, pay_north, miles):
    return float(revenue_on_circle_slope(x, miles, (pay_east, pay_north)))


def _revenue(x, pay_east, pay_north, miles):
    return float(revenue_on_circle(x, miles, (pay_east, pay_north)))


def _root(x, miles):
    return math.sqrt(miles**2 - x**2)


def _lecture_numbers(x, pay_east, pay_north, miles):
    return 4 - 3 * x / math.sqrt(25 - x**2)


def _lecture_miles(x, pay_east, pay_north, miles):
    return pay_east - pay_north * x / math.sqrt(25 - x**2)


def _lecture_pay(x, pay_east, pay_north, miles):
    return 4 - 3 * x / _root(x, miles)


def _circle_case(rng) -> dict:
    """Other pay rates and trip lengths, and x miles East strictly inside the trip.

    x also stays below the lecture's 5 miles, so a function with the lecture's 25 written in
    computes a wrong slope (named below) instead of raising a math domain error."""
    miles = round(float(rng.uniform(1.0, 20.0)), 1)
    return {"x": round(float(rng.uniform(0.05, 0.95)) * min(miles, 5.0), 2),
            "pay_east": round(float(rng.uniform(0.5, 10.0)), 2),
            "pay_north": round(float(rng.uniform(0.5, 10.0)), 2), "miles": miles}


ex5 = CodeExercise(
    "Exercise 5 (code). A trip uses all its miles: x miles East and y = sqrt(miles^2 - x^2) "
    "North, paid pay_east and pay_north dollars a mile. Write trip_slope(x, pay_east, "
    "pay_north, miles), the slope dr/dx of its revenue "
    "r(x) = pay_east*x + pay_north*sqrt(miles^2 - x^2). ex5.check(trip_slope) runs it on the "
    "lecture's trip (x = 3, $4 and $3 a mile, 5 miles) and on pay rates and trip lengths you "
    "have not seen, and compares it with a central difference.",
    params=CIRCLE,
    returns="dr_dx",
    reference=_slope,
    lecture={"x": 3.0, "pay_east": 4.0, "pay_north": 3.0, "miles": 5.0},
    random_case=_circle_case,
    hint="Differentiate each term. pay_east*x gives pay_east. For the square root use the "
         "chain rule: d/dx sqrt(g(x)) = g'(x) / (2 sqrt(g(x))), with the inside "
         "g(x) = miles^2 - x^2 and g'(x) = -2x.",
    solution='''\
def trip_slope(x, pay_east, pay_north, miles):
    y = math.sqrt(miles**2 - x**2)  # miles North
    return pay_east + pay_north * (-2 * x) / (2 * y)
''',
    slips=[
        (lambda x, pe, pn, m: pe + pn * x / _root(x, m),
         "The sign of the second term is flipped: the inside miles^2 - x^2 shrinks as x "
         "grows, so its derivative is -2x, and more miles East mean fewer North."),
        (lambda x, pe, pn, m: pe + pn / (2 * _root(x, m)),
         "The chain rule's inner factor is missing: the derivative of sqrt(g) is "
         "g' / (2 sqrt(g)), and here g' = -2x."),
        (lambda x, pe, pn, m: pe - 2 * pn * x / _root(x, m),
         "The 1/2 of the square root's derivative is missing: d/dx sqrt(g) = g' / (2 sqrt(g))."),
        (_lecture_numbers,
         "You wrote the lecture's numbers 4, 3 and 25; use the arguments pay_east, pay_north "
         "and miles, so the function works for any trip."),
        (_lecture_miles,
         "You wrote the lecture's 25 for miles^2; use the argument miles, so the function "
         "works for any trip length."),
        (_lecture_pay,
         "You wrote the lecture's pay, 4 and 3 dollars a mile; use the arguments pay_east "
         "and pay_north, so the function works for any pay."),
    ],
    slopes={"dr_dx": "x"},
    loss=_revenue,
    loss_name="the revenue",
)

STEPS = 5  # every case takes this many steps, so every path has STEPS + 1 points
PATH = tuple(f"{name}_{k}" for k in range(STEPS + 1) for name in ("u", "v"))


class _PathExercise(CodeExercise):
    """The answer is a path, a list of (u, v) pairs; checked point by point, start first."""

    def read_output(self, output) -> dict:
        if output is None or isinstance(output, dict):
            return super().read_output(output)
        if not isinstance(output, (list, tuple, np.ndarray)):
            raise Unreadable(f"Your function returned {short_repr(output)}, of type "
                             f"{type(output).__name__}; it should return the path, a list "
                             "of (u, v) pairs, the start first")
        if len(output) != STEPS + 1:
            missing = "; the start seems to be missing" if len(output) == STEPS else ""
            raise Unreadable(f"Your path has {len(output)} points; with steps = {STEPS} it "
                             f"should have {STEPS + 1}: the start, then one point after each "
                             f"step{missing}")
        points = {}
        for k, point in enumerate(output):
            if not isinstance(point, (list, tuple, np.ndarray)) or len(point) != 2:
                raise Unreadable(f"Point {k} of your path is {short_repr(point)}; each point "
                                 "is a pair (u, v)")
            points[f"u_{k}"], points[f"v_{k}"] = point[0], point[1]
        return super().read_output(points)


def _path_of(run) -> dict:
    return {f"{name}_{k}": value for k, point in enumerate(run.path)
            for name, value in zip(("u", "v"), point, strict=True)}


def _descend(u, v, learning_rate, steps):
    return _path_of(gradient_descent(learning_rate, steps, start=(u, v),
                                     bound=NO_DIVERGENCE_STOP))


def _walk(u, v, learning_rate, steps, gradient):
    path = [(u, v)]
    for _ in range(steps):
        du, dv = gradient(u, v, *path[0])
        u, v = u - learning_rate * du, v - learning_rate * dv
        path.append((u, v))
    return {f"{name}_{k}": value for k, point in enumerate(path)
            for name, value in zip(("u", "v"), point, strict=True)}


def _path_case(rng) -> dict:
    """Another start and learning rate: smooth, zig-zag or diverging runs alike."""
    return {"u": round(float(rng.uniform(-5, 5)), 2), "v": round(float(rng.uniform(-2, 2)), 2),
            "learning_rate": round(float(rng.uniform(0.01, 0.12)), 3), "steps": STEPS}


ex6 = _PathExercise(
    "Exercise 6 (code). Write descend(u, v, learning_rate, steps): gradient descent on "
    "L(u, v) = u^2 + 10 v^2 from the start (u, v), returning the path, a list of steps + 1 "
    "pairs (u, v): the start first, then the point after each step. ex6.check(descend) "
    f"runs it for {STEPS} steps from the lecture's start (-4, 1.5) with learning rate 0.09, "
    "and from starts and learning rates you have not seen; a message names a point of the "
    "path as u_k or v_k, the point after k steps.",
    params=("u", "v", "learning_rate", "steps"),
    returns=PATH,
    reference=_descend,
    lecture={"u": -4.0, "v": 1.5, "learning_rate": 0.09, "steps": STEPS},
    random_case=_path_case,
    hint="Start with path = [(u, v)]. Then, steps times: compute the gradient (2u, 20v) at "
         "the current point, move against it (u = u - learning_rate * dL_du, the same for "
         "v) and append the new (u, v) to the path. Return the path.",
    solution='''\
def descend(u, v, learning_rate, steps):
    path = [(u, v)]
    for step in range(steps):
        dL_du = 2 * u
        dL_dv = 20 * v
        u = u - learning_rate * dL_du
        v = v - learning_rate * dL_dv
        path.append((u, v))
    return path
''',
    slips=[
        (lambda u, v, lr, n: _walk(u, v, -lr, n, lambda u, v, u0, v0: (2 * u, 20 * v)),
         "Your path climbs: it adds learning_rate * gradient. Descent subtracts it, because "
         "the gradient points uphill."),
        (lambda u, v, lr, n: _walk(u, v, lr, n, lambda u, v, u0, v0: (2 * u0, 20 * v0)),
         "Every step moves by the same amount: the gradient was computed once, at the start. "
         "Compute it inside the loop, at the current (u, v)."),
        (lambda u, v, lr, n: _walk(u, v, lr, n, lambda u, v, u0, v0: (u, 10 * v)),
         "Your steps are half as long as they should be: the gradient of u^2 + 10 v^2 is "
         "(2u, 20v), not (u, 10v)."),
    ],
)

EXERCISES = (ex1, ex2, ex3, ex4, ex5, ex6)
