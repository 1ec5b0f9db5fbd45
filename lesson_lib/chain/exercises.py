"""Lesson 2 exercises: from multiplying two slopes to writing a chain's table as code."""

import math
from collections.abc import Mapping

import numpy as np

from ..core.activations import sigmoid, sigmoid_prime
from ..core.checks import finite_array
from ..core.gradcheck import central_difference
from ..core.network import LESSON_DATA, LESSON_PARAMS, LessonNet
from ..exercises.base import Exercise, Feedback, short_repr
from ..exercises.coding import CodeExercise
from ..exercises.values import ValueCheck, agrees, as_number
from .core import chain, chain_rule

ex1 = Exercise(
    "Exercise 1 (recall). y = 4x and z = 5y. By how much does z change per unit change "
    "of x, that is, what is dz/dx? Give the exact number.",
    4 * 5,
    exact=True,
    hint="The chain rule multiplies the two local slopes: dz/dx = dy/dx * dz/dy.",
    solution="dy/dx = 4 and dz/dy = 5, so dz/dx = 4 * 5 = 20. Check: z = 5 * 4x = 20x.",
    slips={
        9: "You added the slopes. Each unit of x makes 4 units of y, and each of those makes 5 "
           "units of z: the slopes multiply.",
        4: "4 is dy/dx alone; z responds to y with a further factor of 5.",
        5: "5 is dz/dy alone; y responds to x with a further factor of 4.",
    },
)

ex2 = Exercise(
    "Exercise 2 (read a table). A table lists x = 1, 2, 3, 4; y = 3, 6, 9, 12; and "
    "z = 2, 4, 6, 8. Reading only the table, what is dz/dy? Give it to 4 significant "
    "figures (or as a fraction, e.g. 1/7).",
    2 / 3,
    digits=4,
    hint="Take two neighbouring rows and divide the change in z by the change in y.",
    solution="From one row to the next y grows by 3 and z by 2, so dz/dy = 2/3 = 0.6667. "
             "Check with the rule: dz/dx = 2 and dy/dx = 3, and 3 * 2/3 = 2.",
    slips={
        1.5: "1.5 is the change in y divided by the change in z, upside down. dz/dy puts the "
             "change in z on top.",
        2: "2 is dz/dx, the change in z per row divided by the change in x.",
        3: "3 is dy/dx, the change in y per row divided by the change in x.",
    },
)

ex3 = Exercise(
    "Exercise 3 (derive). y = x^2 and z = sin(y). What is dz/dx at x = 2? Give it to 4 "
    "significant figures.",
    2 * 2 * math.cos(2**2),  # dy/dx * dz/dy = 2x cos(x^2) at x = 2
    digits=4,
    hint="dy/dx = 2x and dz/dy = cos(y). Evaluate cos at y = x^2 = 4, not at x.",
    solution="dz/dx = dy/dx * dz/dy = 2x * cos(x^2) = 4 * cos(4) = 4 * (-0.65364) = "
             "-2.6146. A central difference of sin(x^2) at x = 2 gives the same.",
    slips={
        2 * 2 * math.cos(2): (
            "You took cos at x = 2. The outer slope is read where the outer function is, at y = "
            "x^2 = 4."
        ),
        math.cos(2**2): "-0.6536 is dz/dy = cos(4) alone; multiply by dy/dx = 2x = 4.",
        2 * math.cos(2**2): "You used dy/dx = 2, but the slope of x^2 is 2x, which is 4 at x = 2.",
        -2 * 2 * math.cos(2**2): (
            "Mind the sign: cos(4) = -0.6536 is negative (4 radians lies between pi/2 and "
            "3pi/2), so dz/dx = 4 * cos(4) is negative too."
        ),
        2 * 2 * math.cos(math.radians(2**2)): (
            "That is 4 * cos(4 degrees): your calculator is set to degrees. The 4 here is in "
            "radians, as math.cos takes it."
        ),
    },
)

ex4 = Exercise(
    "Exercise 4 (towards backprop). A neuron computes out = sigma(w*x + b) with w = 0.5, "
    "x = 3 and bias b = -1.5. What is dout/dw? Give the exact value.",
    3 * 1 * sigmoid_prime(0.5 * 3 - 1.5),  # du/dw * dh/du * dout/dh
    exact=True,
    hint="Write it as three links: u = w*x, h = u + b, out = sigma(h). Then multiply "
         "du/dw, dh/du and dout/dh. What is h here?",
    solution="h = 0.5 * 3 - 1.5 = 0, so out = sigma(0) = 0.5 and dout/dh = 0.5 * 0.5 = 0.25. "
             "du/dw = x = 3 and dh/du = 1, so dout/dw = 3 * 1 * 0.25 = 0.75.",
    slips={
        sigmoid_prime(0.0): (
            "0.25 is dout/dh alone. The weight enters through u = w*x, which adds the factor du/dw"
            " = x = 3."
        ),
        3 * sigmoid(0.0): (
            "You multiplied x by the output sigma(h) = 0.5. The chain needs the slope sigma'(h) = "
            "0.25."
        ),
        0.5 * sigmoid_prime(0.0): (
            "0.125 = w * sigma'(h) is dout/dx, the slope for the input. For the weight the factor "
            "is x, not w."
        ),
    },
)

# -- the learner's own chain-rule tables, checked after each cell ------------------------

LECTURE = chain("linear", 2.0, "linear", 3.0)  # the slide's y = f(x) = 2*x, z = g(y) = 3*y
TABLE_SLOPES = {
    "dy_dx": ("the change in y over the change in x between two neighbouring rows",
              "(ys[1] - ys[0]) / (xs[1] - xs[0])"),
    "dz_dy": ("the change in z over the change in y between two neighbouring rows",
              "(zs[1] - zs[0]) / (ys[1] - ys[0])"),
    "dz_dx": ("the change in z over the change in x between two neighbouring rows",
              "(zs[1] - zs[0]) / (xs[1] - xs[0])"),
}


def check_table(namespace: Mapping) -> Feedback:
    """``check_table(globals())``: xs, ys, zs and the slopes read off them, against the slide."""
    if not isinstance(namespace, Mapping):
        return Feedback(False, f"The check reads xs, ys and zs by name: call it with globals(), "
                               f"not {short_repr(namespace)} (of type {type(namespace).__name__}).")
    columns = {}
    for name in ("xs", "ys", "zs"):
        if name not in namespace:
            return Feedback(False, f"{name} is not defined yet: run the cell that computes it.")
        column = namespace[name]
        if not isinstance(column, (list, tuple, np.ndarray)):
            return Feedback(False, f"{name} is {short_repr(column)}, of type "
                                   f"{type(column).__name__}; it should be a list of numbers.")
        try:
            columns[name] = finite_array(column, name, shape=(None,), min_size=2)
        except (TypeError, ValueError) as error:
            return Feedback(False, f"{error}: it should be a list of at least two numbers.")
    xs, ys, zs = columns["xs"], columns["ys"], columns["zs"]
    if not len(xs) == len(ys) == len(zs):
        return Feedback(False, f"xs, ys and zs have {len(xs)}, {len(ys)} and {len(zs)} "
                               "rows; each x needs its own y and z.")
    if xs[1] == xs[0]:
        return Feedback(False, "xs[0] and xs[1] are equal: the slopes need two rows with "
                               "different x.")
    for k in range(len(xs)):
        for name, got, want, rule in (("ys", ys[k], LECTURE.inner(xs[k]), f"2 * xs[{k}]"),
                                      ("zs", zs[k], LECTURE.outer(ys[k]), f"3 * ys[{k}]")):
            if not agrees(got, want):
                return Feedback(False, f"{name}[{k}] differs: you have {got:.10g}, expected "
                                       f"{rule} = {want:.10g} (the slide's "
                                       f"{'y = 2*x' if name == 'ys' else 'z = 3*y'}).")
    at = LECTURE.at(float(xs[0]))
    for name, (meaning, formula) in TABLE_SLOPES.items():
        if name not in namespace:
            return Feedback(False, f"{name} is not defined yet: run the cell that computes it.")
        got, problem = as_number(namespace[name], name)
        if problem:
            return Feedback(False, problem)
        if not agrees(got, at[name]):
            flipped = " Is it upside down?" if agrees(got * at[name], 1.0) else ""
            return Feedback(False, f"{name} differs: you have {got:.10g}, expected "
                                   f"{at[name]:.10g}. It is {meaning}: {name} = {formula}."
                                   f"{flipped}")
    return Feedback(True, f"ys and zs follow the slide's y = 2*x and z = 3*y on all {len(xs)} "
                          "rows, and dy_dx = 2, dz_dy = 3 and dz_dx = 6 agree with the "
                          "reference implementation.")


class ChainCheck(ValueCheck):
    """A ValueCheck whose last name is a chain-rule product, also set beside a central
    difference of the chain's last value in its first variable."""

    def __init__(self, names, reference, *, depends_on, inputs, variable, end, end_name):
        super().__init__(names, reference, depends_on=depends_on, inputs=inputs)
        self.variable, self.end, self.end_name = variable, end, end_name

    def __call__(self, namespace, names=None):
        verdict = super().__call__(namespace, names)
        product = self.names[-1]
        if not verdict or product not in self._subset(names):
            return verdict
        inputs = {n: float(namespace.get(n, v)) for n, v in self.inputs.items()}
        try:
            numeric = central_difference(self.end(inputs), inputs[self.variable])
        except (TypeError, ValueError):  # e.g. a step past the float range: no second check
            return verdict
        return Feedback(True, f"{verdict.message} A central difference of {self.end_name} in "
                              f"{self.variable} gives {numeric:.8g}, as {product} does to 8 "
                              "significant figures.")


def _curve(inputs) -> dict:
    rows = chain_rule([(lambda t: t**2, lambda t: 2 * t), (math.sin, math.cos)], inputs["x"])
    (y, dy_dx, _), (z, dz_dy, dz_dx) = rows
    return {"y": y, "dy_dx": dy_dx, "z": z, "dz_dy": dz_dy, "dz_dx": dz_dx}


check_curve = ChainCheck(
    ("y", "dy_dx", "z", "dz_dy", "dz_dx"), _curve,
    depends_on={"y": ("x",), "dy_dx": ("x",), "z": ("y",), "dz_dy": ("y",),
                "dz_dx": ("dy_dx", "dz_dy")},
    inputs={"x": 1.5}, variable="x", end_name="z",
    end=lambda inputs: lambda t: math.sin(t**2))
"""``check_curve(globals())``: the link table of y = x**2, z = sin(y) at x."""

NEURON_INPUTS = {name: LESSON_PARAMS[name] if name in LESSON_PARAMS else LESSON_DATA[name]
                 for name in ("x1", "x2", "w1", "w2", "b11")}


def _neuron_links(v) -> list:
    # h1 as a function of w1 alone: the other terms of the sum are constants here.
    rest = v["x2"] * v["w2"] + v["b11"]
    return [(lambda w: v["x1"] * w + rest, lambda w: v["x1"]), (sigmoid, sigmoid_prime)]


def _neuron(inputs) -> dict:
    (h1, dh1_dw1, _), (outH1, doutH1_dh1, doutH1_dw1) = chain_rule(_neuron_links(inputs),
                                                                  inputs["w1"])
    return {"h1": h1, "dh1_dw1": dh1_dw1, "outH1": outH1, "doutH1_dh1": doutH1_dh1,
            "doutH1_dw1": doutH1_dw1}


check_neuron = ChainCheck(
    ("h1", "dh1_dw1", "outH1", "doutH1_dh1", "doutH1_dw1"), _neuron,
    depends_on={"h1": ("x1", "w1", "x2", "w2", "b11"), "dh1_dw1": ("x1",),
                "outH1": ("h1",), "doutH1_dh1": ("outH1",),
                "doutH1_dw1": ("dh1_dw1", "doutH1_dh1")},
    inputs=NEURON_INPUTS, variable="w1", end_name="outH1",
    end=lambda v: lambda w: sigmoid(v["x1"] * w + v["x2"] * v["w2"] + v["b11"]))
"""``check_neuron(globals())``: the link table of the lecture's first hidden neuron in w1."""


# -- coding exercises -------------------------------------------------------------------

def _new_chain(x):
    return chain_rule([(math.sin, math.cos), (sigmoid, sigmoid_prime)], x)[-1][2]


def _one_point(rng) -> dict:
    return {"x": round(float(rng.uniform(-3, 3)), 2)}


ex5 = CodeExercise(
    "Exercise 5 (code). A chain the lecture does not show: y = sin(x), then z = sigma(y) = "
    "1 / (1 + e^-y). Write a function dz_dx_at(x) that returns dz/dx at x as the product of the "
    "two local slopes. ex5.check(dz_dx_at) runs it at the lecture's x = 4 and at points you "
    "have not seen, against the reference and a central difference.",
    params=("x",),
    returns="dz_dx",
    reference=_new_chain,
    lecture={"x": 4.0},
    random_case=_one_point,
    hint="Work down the table: y = math.sin(x) with slope dy_dx = math.cos(x); z = sigma(y) "
         "with slope dz_dy = z * (1 - z), taken at y (through z), not at x. Return "
         "dy_dx * dz_dy.",
    solution='''\
def dz_dx_at(x):
    y = math.sin(x)
    dy_dx = math.cos(x)          # the inner slope, at x
    z = 1 / (1 + math.exp(-y))
    dz_dy = z * (1 - z)          # the outer slope, at y = sin(x)
    return dy_dx * dz_dy
''',
    slips=[
        (lambda x: sigmoid_prime(math.sin(x)),
         "You left out the inner link's slope: multiply the outer slope by dy/dx = cos(x)."),
        (lambda x: math.cos(x) * sigmoid_prime(x),
         "You took the outer slope at x. The sigmoid's slope belongs at its own input, "
         "y = sin(x): dz/dy = sigma(y) * (1 - sigma(y))."),
        (lambda x: math.cos(x) * sigmoid(math.sin(x)),
         "You multiplied by the sigmoid's value z; the chain needs its slope, z * (1 - z)."),
        (lambda x: math.cos(x) * math.sin(x) * (1 - math.sin(x)),
         "You wrote dz/dy = y * (1 - y). That formula (the slides' d.sigmoid) takes the "
         "sigmoid's output z, not its input y: dz/dy = z * (1 - z)."),
        (lambda x: math.cos(x) + sigmoid_prime(math.sin(x)),
         "You added the two slopes; the chain rule multiplies them."),
        (lambda x: math.cos(math.sin(x)) * sigmoid_prime(math.sin(x)),
         "You took the inner slope at y: cos(sin(x)) is cos evaluated at y = sin(x). The "
         "inner link y = sin(x) has its slope at its own input, dy/dx = cos(x)."),
        (lambda x: -math.cos(x) * sigmoid_prime(math.sin(x)),
         "Mind the sign: the slope of sin(x) is +cos(x) (it is cos that has slope -sin)."),
    ],
    slopes={"dz_dx": "x"},
    loss=lambda x: sigmoid(math.sin(x)),
    loss_name="z",
)

W5_PARAMS = ("outH1", "outH2", "w5", "w6", "b21", "T1")
W5_RETURNS = ("y1", "dy1_dw5", "outY1", "doutY1_dy1", "E1", "dE_doutY1", "dE_dw5")
_LECTURE_FORWARD = LessonNet().forward()


def _w5_links(outH1, outH2, w6, b21, T1) -> list:
    rest = outH2 * w6 + b21
    return [(lambda w: outH1 * w + rest, lambda w: outH1), (sigmoid, sigmoid_prime),
            (lambda out: 0.5 * (T1 - out) ** 2, lambda out: out - T1)]


def _w5_chain(outH1, outH2, w5, w6, b21, T1) -> dict:
    rows = chain_rule(_w5_links(outH1, outH2, w6, b21, T1), w5)
    (y1, dy1_dw5, _), (outY1, doutY1_dy1, _), (E1, dE_doutY1, dE_dw5) = rows
    return dict(y1=y1, dy1_dw5=dy1_dw5, outY1=outY1, doutY1_dy1=doutY1_dy1, E1=E1,
                dE_doutY1=dE_doutY1, dE_dw5=dE_dw5)


def _w5_slip(**changes):
    """The reference with one slope replaced, and the product rebuilt from the slopes."""
    def slipped(*args):
        v = {**_w5_chain(*args), **{k: f(dict(zip(W5_PARAMS, args, strict=True)),
                                          _w5_chain(*args)) for k, f in changes.items()}}
        if "dE_dw5" not in changes:
            v["dE_dw5"] = v["dE_doutY1"] * v["doutY1_dy1"] * v["dy1_dw5"]
        return v
    return slipped


def _w5_case(rng) -> dict:
    case = {n: round(float(rng.uniform(0.05, 0.95)), 2) for n in ("outH1", "outH2", "T1")}
    return {**case, **{n: round(float(rng.uniform(-1, 1)), 2) for n in ("w5", "w6", "b21")}}


ex6 = CodeExercise(
    "Exercise 6 (code). The lecture's first backpropagation step is a chain of three links "
    "from w5 to the error: y1 = outH1*w5 + outH2*w6 + b21, then outY1 = sigma(y1), then "
    "E1 = 1/2 (T1 - outY1)^2 (E2 does not depend on w5, so dE_total/dw5 = dE1/dw5). Write "
    f"w5_chain({', '.join(W5_PARAMS)}) that returns the table's rows as a dict with the "
    f"keys {', '.join(W5_RETURNS)}: each link's value and local slope, and the product "
    "dE_dw5. ex6.check(w5_chain) runs it on the lecture's values and on cases you have not "
    "seen.",
    params=W5_PARAMS,
    returns=W5_RETURNS,
    reference=_w5_chain,
    lecture={"outH1": _LECTURE_FORWARD["outH1"], "outH2": _LECTURE_FORWARD["outH2"],
             "w5": LESSON_PARAMS["w5"], "w6": LESSON_PARAMS["w6"], "b21": LESSON_PARAMS["b21"],
             "T1": LESSON_DATA["T1"]},
    random_case=_w5_case,
    hint="One link per line, each followed by its slope: y1 and dy1_dw5 (what multiplies w5 "
         "in y1?), outY1 and doutY1_dy1 = outY1 * (1 - outY1), E1 and dE_doutY1 (the slope of "
         "1/2 (T1 - out)^2 in out). Then dE_dw5 is the product of the three slopes.",
    solution='''\
def w5_chain(outH1, outH2, w5, w6, b21, T1):
    y1 = outH1 * w5 + outH2 * w6 + b21
    dy1_dw5 = outH1                        # slides: d.y1_d.w5 = outH1
    outY1 = 1 / (1 + math.exp(-y1))
    doutY1_dy1 = outY1 * (1 - outY1)       # slides: d.outY1_d.y1 = d.sigmoid(outY1)
    E1 = 0.5 * (T1 - outY1) ** 2
    dE_doutY1 = -(T1 - outY1)              # slides: d.eTotal_d.outY1 = -(T1-outY1)
    dE_dw5 = dE_doutY1 * doutY1_dy1 * dy1_dw5
    return dict(y1=y1, dy1_dw5=dy1_dw5, outY1=outY1, doutY1_dy1=doutY1_dy1, E1=E1,
                dE_doutY1=dE_doutY1, dE_dw5=dE_dw5)
''',
    slips=[
        (_w5_slip(dy1_dw5=lambda p, v: p["w5"]),
         "dy1_dw5 is what multiplies w5 in y1: the input outH1, not the weight w5."),
        (_w5_slip(doutY1_dy1=lambda p, v: v["outY1"]),
         "doutY1_dy1 is the sigmoid's slope, outY1 * (1 - outY1), not its value outY1."),
        (_w5_slip(doutY1_dy1=lambda p, v: sigmoid_prime(v["outY1"])),
         "You applied sigma' to outY1. The slides' d.sigmoid(outY1) = outY1 * (1 - outY1) "
         "takes the sigmoid's output; sigma'(y1) would take its input y1."),
        (_w5_slip(doutY1_dy1=lambda p, v: v["y1"] * (1 - v["y1"])),
         "You wrote y1 * (1 - y1), the slides' d.sigmoid(y1). d.sigmoid takes the sigmoid's "
         "output, not its input: doutY1_dy1 = d.sigmoid(outY1) = outY1 * (1 - outY1)."),
        (_w5_slip(dE_doutY1=lambda p, v: p["T1"] - v["outY1"]),
         "Mind the sign: the slope of 1/2 (T1 - outY1)^2 in outY1 is -(T1 - outY1), since "
         "raising outY1 shrinks T1 - outY1."),
        (_w5_slip(E1=lambda p, v: (p["T1"] - v["outY1"]) ** 2),
         "The error of one output is 1/2 (T1 - outY1)^2: keep the factor 1/2."),
        (_w5_slip(dE_dw5=lambda p, v: v["dE_doutY1"] * v["dy1_dw5"]),
         "dE_dw5 misses a factor: multiply all three local slopes, the sigmoid's "
         "doutY1_dy1 too."),
    ],
    slopes={"dE_dw5": "w5"},
    loss=lambda outH1, outH2, w5, w6, b21, T1: 0.5 * (T1 - sigmoid(outH1 * w5 + outH2 * w6
                                                                   + b21)) ** 2,
)
