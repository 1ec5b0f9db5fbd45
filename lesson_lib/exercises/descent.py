"""Exercises for steepest descent: from reading off a direction to one step of descent."""

import math

from ..core.descent import BOWL, Bowl, best_angle, best_route, gradient_descent
from .base import Exercise

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
    "(1 - 20 * learning_rate) every step. v shrinks towards 0 for every positive learning "
    "rate below a limit, and not at or above it. What is that limit (the stability limit)? "
    "Give the exact value.",
    BOWL.stability_limit(),
    exact=True,
    hint="v shrinks when |1 - 20 * learning_rate| < 1. Solve for the upper end. (The "
         "curvature of L along v is d2L/dv2 = 20.)",
    solution="|1 - 20 lr| < 1 means 0 < lr < 2/20 = 0.1. At lr = 0.1, v flips between +v "
             "and -v for ever; above it, v grows every step. The flatter a direction "
             "(curvature 2) would allow up to 1.0, but the steepest direction sets the limit.",
    slips={
        2 / BOWL.curvatures()[0]: (
            "1.0 = 2/2 is the limit for the flat direction u (curvature 2). The steep direction v,"
            " with curvature 20, blows up first."
        ),
        BOWL.no_overshoot_limit(): (
            "At 0.05 the factor is 1 - 20*0.05 = 0: v lands on 0 in one step. That is where zig-"
            "zagging starts, not where divergence starts."
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

EXERCISES = (ex1, ex2, ex3, ex4)
