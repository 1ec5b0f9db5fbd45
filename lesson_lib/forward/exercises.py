"""Lesson 4 exercises: from reading the diagram to a forward pass on new numbers."""

from ..core.activations import sigmoid
from ..core.matrix import MatrixNet
from ..core.network import DATA, LESSON_DATA, LESSON_PARAMS, PARAMS, LessonNet
from ..exercises.base import Exercise
from ..exercises.coding import CodeExercise
from ..exercises.values import ValueCheck

_LECTURE = LessonNet().forward()
_X1 = LessonNet(x1=0.2).forward()  # exercise 2
_T1 = LessonNet(T1=0.05).forward()  # exercise 3

ex1 = Exercise(
    "Exercise 1 (recall). In the lecture's network, which weight carries outH2 into the "
    "output neuron y1? Answer with its name as a string, e.g. 'w1'.",
    "w6",
    hint="Look at the formula y1 = outH1*w5 + outH2*w6 + b21, or follow the edges that end "
         "at y1 in the diagram.",
    solution="'w6'. The two edges into y1 are w5 (from outH1) and w6 (from outH2); w7 and "
             "w8 are the two edges into y2.",
    slips={
        "w7": "w7 starts at outH1 and ends at y2: y2 = outH1*w7 + outH2*w8 + b22.",
        "w8": "w8 does start at outH2, but it ends at y2, not y1.",
        "w5": "w5 ends at y1, but it starts at outH1, not outH2.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). Change the first input to x1 = 0.20 and keep everything else as "
    "in the lecture (x2 = 0.10, w3 = 0.25, w4 = 0.30, b12 = 0.35). Compute the net input h2 "
    "of the second hidden neuron, to 4 significant figures.",
    _X1["h2"],
    digits=4,
    hint="h2 = x1*w3 + x2*w4 + b12: each input times the weight on its edge into h2, "
         "plus the bias. Only the first product changes.",
    solution="h2 = 0.20*0.25 + 0.10*0.30 + 0.35 = 0.05 + 0.03 + 0.35 = 0.4300. "
             "Check: ll.LessonNet(x1=0.2).forward()['h2'].",
    slips={
        _LECTURE["h2"]: "0.3925 is h2 with the lecture's x1 = 0.05; put in x1 = 0.20.",
        _X1["h1"]: "0.4000 is h1, which uses w1 and w2. The edges into h2 carry w3 and w4.",
        _X1["h2"] - 0.35: "You left out the bias: add b12 = 0.35.",
        LessonNet(x1=0.2, w3=0.30, w4=0.25).forward()["h2"]: (
            "You swapped the weights: x1 travels along w3 and x2 along w4."
        ),
        _X1["outH2"]: "0.6059 is outH2 = sigmoid(h2); the question asks for h2 before the sigmoid.",
    },
)

ex3 = Exercise(
    "Exercise 3 (apply). Suppose the first target were T1 = 0.05 instead of 0.01, with "
    "every weight, bias and input as in the lecture. What is the first output's error E1, "
    "to 3 significant figures? (outY1 = 0.75136507 as computed above.)",
    _T1["E1"],
    digits=3,
    hint="A target does not enter the forward pass, so outY1 stays 0.75136507. Then "
         "E1 = 1/2 * (T1 - outY1)^2: the difference, squared, then halved.",
    solution="E1 = 0.5 * (0.05 - 0.75136507)^2 = 0.5 * 0.49191296 = 0.24595648, or "
             "0.246 to 3 significant figures. "
             "Check: ll.LessonNet(T1=0.05).forward()['E1'].",
    slips={
        2 * _T1["E1"]: "That is (T1 - outY1)^2 without the factor 1/2; the error halves it.",
        (_T1["outY1"] - 0.05) / 2: "You halved the difference but did not square it.",
        _LECTURE["E1"]: "That is E1 for the lecture's target 0.01; use T1 = 0.05.",
        _T1["E_total"]: "That is E_total = E1 + E2 for T1 = 0.05; the question asks for E1 alone.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). Keep every value of the lecture but set the bias b21 to 0. "
    "What does the output outY1 become, to 4 significant figures? (Start from "
    "y1 = 1.105906 of step 2.)",
    LessonNet(b21=0).forward()["outY1"],
    digits=4,
    hint="b21 is added to y1 only, so the new y1 is 1.105906 - 0.6. Then apply the "
         "sigmoid.",
    solution="y1 = 1.105906 - 0.6 = 0.505906, so outY1 = 1 / (1 + e^-0.505906) = 0.6238. "
             "Check: ll.LessonNet(b21=0).forward()['outY1'].",
    slips={
        LessonNet(b21=0).forward()["y1"]: "0.5059 is the new y1; outY1 is the sigmoid of it.",
        _LECTURE["outY1"]: "That is the old outY1. b21 feeds y1 directly, so outY1 does change.",
    },
)


def _hidden(**changes):
    """(outH1, outH2) of the lecture's network with ``changes``."""
    values = LessonNet(**changes).forward()
    return values["outH1"], values["outH2"]


_, _OUT_H, _ = MatrixNet.from_lesson(LessonNet()).forward([1.0, 0.5])

ex5 = Exercise(
    "Exercise 5 (derive). Feed the network a new input x = [1.0, 0.5] (x1 = 1.0, "
    "x2 = 0.5) with the lecture's W1 = [[w1, w2], [w3, w4]] = [[0.15, 0.20], [0.25, 0.30]] "
    "and b1 = [0.35, 0.35]. Compute the hidden layer's output "
    "outH = sigmoid(W1 @ x + b1) and give it as a list [outH1, outH2], each to 4 "
    "significant figures.",
    [float(v) for v in _OUT_H],
    digits=4,
    hint="Row k of W1 holds the weights into hidden neuron k, so the first entry of "
         "W1 @ x + b1 is w1*x1 + w2*x2 + b11. Apply the sigmoid to each entry.",
    solution="W1 @ x + b1 = [0.15*1.0 + 0.20*0.5 + 0.35, 0.25*1.0 + 0.30*0.5 + 0.35] = "
             "[0.60, 0.75], so outH = [sigmoid(0.60), sigmoid(0.75)] = [0.6457, 0.6792]. "
             "Check: ll.LessonNet(x1=1.0, x2=0.5).forward() gives the same outH1 and outH2.",
    slips={
        _hidden(x1=1.0, x2=0.5, w2=0.25, w3=0.20): (
            "You multiplied by the transpose: W1.T @ x mixes w1 with w3. Each row of W1 is one "
            "hidden neuron's weights."
        ),
        (0.6, 0.75): "Those are the net inputs h1 and h2; apply the sigmoid to each.",
        _hidden(x1=1.0, x2=0.5, b11=0.0, b12=0.0): (
            "You left out the biases: add b1 = [0.35, 0.35] before the sigmoid."
        ),
        _hidden(): "Those are outH1 and outH2 for the lecture's input [0.05, 0.10]; use "
                   "x = [1.0, 0.5].",
    },
)

# -- the learner's own forward pass, checked line by line -------------------------------

INPUTS = PARAMS + DATA  # the argument order of the coding exercise below
NAMES = ("h1", "outH1", "h2", "outH2", "y1", "outY1", "y2", "outY2", "E1", "E2", "E_total")
DEPENDS_ON = {
    "h1": ("x1", "w1", "x2", "w2", "b11"), "outH1": ("h1",),
    "h2": ("x1", "w3", "x2", "w4", "b12"), "outH2": ("h2",),
    "y1": ("outH1", "w5", "outH2", "w6", "b21"), "outY1": ("y1",),
    "y2": ("outH1", "w7", "outH2", "w8", "b22"), "outY2": ("y2",),
    "E1": ("T1", "outY1"), "E2": ("T2", "outY2"), "E_total": ("E1", "E2"),
}

check_values = ValueCheck(NAMES, lambda inputs: LessonNet(**inputs).forward(),
                          depends_on=DEPENDS_ON, inputs={**LESSON_PARAMS, **LESSON_DATA})
"""``check_values(globals())``: h1 .. E_total of a plain-Python cell against LessonNet."""


def _forward(*args):
    return LessonNet(**dict(zip(INPUTS, args, strict=True))).forward()


def _swapped_w2_w3(*args):
    """W1.T instead of W1: each hidden neuron gets the other's weight from x2."""
    p = dict(zip(INPUTS, args, strict=True))
    p["w2"], p["w3"] = p["w3"], p["w2"]
    return LessonNet(**p).forward()


def _swapped_w6_w7(*args):
    """w6 into y2 and w7 into y1: the edges from outH2 to y1 and from outH1 to y2 confused."""
    p = dict(zip(INPUTS, args, strict=True))
    p["w6"], p["w7"] = p["w7"], p["w6"]
    return LessonNet(**p).forward()


def _hidden_sums_forward(*args):
    """The output layer fed h1 and h2, the hidden neurons' sums before the sigmoid."""
    p = dict(zip(INPUTS, args, strict=True))
    v = LessonNet(**p).forward()
    y1 = v["h1"] * p["w5"] + v["h2"] * p["w6"] + p["b21"]
    y2 = v["h1"] * p["w7"] + v["h2"] * p["w8"] + p["b22"]
    outY1, outY2 = sigmoid(y1), sigmoid(y2)
    E1, E2 = 0.5 * (p["T1"] - outY1) ** 2, 0.5 * (p["T2"] - outY2) ** 2
    return {**v, "y1": y1, "outY1": outY1, "y2": y2, "outY2": outY2, "E1": E1, "E2": E2,
            "E_total": E1 + E2}


def _no_half(*args):
    v = _forward(*args)
    return {**v, "E1": 2 * v["E1"], "E2": 2 * v["E2"], "E_total": 2 * v["E_total"]}


def random_case(rng) -> dict:
    """A network the learner has not seen: parameters and inputs in [-1, 1], targets in [0, 1]."""
    case = {name: round(float(rng.uniform(-1, 1)), 2) for name in PARAMS + ("x1", "x2")}
    return {**case, "T1": round(float(rng.uniform(0, 1)), 2),
            "T2": round(float(rng.uniform(0, 1)), 2)}


ex6 = CodeExercise(
    "Exercise 6 (code). Write the whole forward pass as a function "
    f"forward_pass({', '.join(INPUTS)}) that returns a dict with the keys "
    f"{', '.join(NAMES)}. ex6.check(forward_pass) runs it on the lecture's values and on "
    "networks you have not seen.",
    params=INPUTS,
    returns=NAMES,
    reference=_forward,
    lecture={**LESSON_PARAMS, **LESSON_DATA},
    random_case=random_case,
    hint="Copy the lesson's lines into the function body in order: h1, outH1, h2, outH2, "
         "then y1, outY1, y2, outY2, then E1, E2 and E_total; the sigmoid you defined above "
         "works inside the function too. Return dict(h1=h1, outH1=outH1, ...).",
    solution='''\
def forward_pass(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
    def sigmoid(z):  # notebook 04's, with np.exp: the notebook imports numpy, not math
        return 1 / (1 + np.exp(-z))

    h1 = x1*w1 + x2*w2 + b11
    outH1 = sigmoid(h1)
    h2 = x1*w3 + x2*w4 + b12
    outH2 = sigmoid(h2)
    y1 = outH1*w5 + outH2*w6 + b21
    outY1 = sigmoid(y1)
    y2 = outH1*w7 + outH2*w8 + b22
    outY2 = sigmoid(y2)
    E1 = 0.5 * (T1 - outY1) ** 2
    E2 = 0.5 * (T2 - outY2) ** 2
    E_total = E1 + E2
    return dict(h1=h1, outH1=outH1, h2=h2, outH2=outH2, y1=y1, outY1=outY1,
                y2=y2, outY2=outY2, E1=E1, E2=E2, E_total=E_total)
''',
    slips=[
        (_swapped_w2_w3, "Each hidden neuron has its own pair of weights: h1 uses w1 and w2, "
                         "h2 uses w3 and w4."),
        (_swapped_w6_w7, "y1 = outH1*w5 + outH2*w6 + b21 and y2 = outH1*w7 + outH2*w8 + b22: "
                         "w6 carries outH2 into y1 and w7 carries outH1 into y2 (exercise 1); "
                         "you swapped w6 and w7."),
        (_hidden_sums_forward, "The output layer takes the hidden neurons' outputs: "
                               "y1 = outH1*w5 + outH2*w6 + b21, with outH1 = sigmoid(h1), not "
                               "the sums h1 and h2."),
        (_no_half, "The error of one output is 1/2 (T - out)^2: keep the factor 1/2."),
    ],
)


# -- the error on its own ---------------------------------------------------------------

ERROR_PARAMS = ("outY1", "outY2", "T1", "T2")
ERROR_NAMES = ("E1", "E2", "E_total")


def _error(outY1, outY2, T1, T2):
    E1, E2 = (T1 - outY1) ** 2 / 2, (T2 - outY2) ** 2 / 2
    return {"E1": E1, "E2": E2, "E_total": E1 + E2}


def _error_no_half(outY1, outY2, T1, T2):
    return {k: 2 * v for k, v in _error(outY1, outY2, T1, T2).items()}


def _error_not_squared(outY1, outY2, T1, T2):
    E1, E2 = (T1 - outY1) / 2, (T2 - outY2) / 2
    return {"E1": E1, "E2": E2, "E_total": E1 + E2}


def _error_sum_squared(outY1, outY2, T1, T2):
    return {**_error(outY1, outY2, T1, T2),
            "E_total": ((T1 - outY1) + (T2 - outY2)) ** 2 / 2}


def _error_mean(outY1, outY2, T1, T2):
    errors = _error(outY1, outY2, T1, T2)
    return {**errors, "E_total": errors["E_total"] / 2}


def random_error_case(rng) -> dict:
    """Outputs strictly inside (0, 1), as a sigmoid gives them, and targets in [0, 1]."""
    return {"outY1": round(float(rng.uniform(0.01, 0.99)), 4),
            "outY2": round(float(rng.uniform(0.01, 0.99)), 4),
            "T1": round(float(rng.uniform(0, 1)), 2), "T2": round(float(rng.uniform(0, 1)), 2)}


_LECTURE_OUT = {name: _LECTURE[name] for name in ("outY1", "outY2")}

ex7 = CodeExercise(
    "Exercise 7 (code). Write the lecture's error as a function error(outY1, outY2, T1, T2) "
    "that returns a dict with the keys E1, E2 and E_total (each output's error and their "
    "total). ex7.check(error) runs it on the lecture's outputs and on outputs and targets "
    "you have not seen.",
    params=ERROR_PARAMS,
    returns=ERROR_NAMES,
    reference=_error,
    lecture={**_LECTURE_OUT, "T1": LESSON_DATA["T1"], "T2": LESSON_DATA["T2"]},
    random_case=random_error_case,
    hint="Each output's error is half the square of its distance from its target, "
         "E1 = 1/2 (T1 - outY1)^2; in Python ** is the power. E_total adds the two.",
    solution='''\
def error(outY1, outY2, T1, T2):
    E1 = 0.5 * (T1 - outY1) ** 2
    E2 = 0.5 * (T2 - outY2) ** 2
    E_total = E1 + E2
    return dict(E1=E1, E2=E2, E_total=E_total)
''',
    slips=[
        (_error_no_half, "You left out the factor 1/2. (The slide with the algorithm writes "
                         "the error as (computed - observed)^2 without it; the lecture's "
                         "error slide keeps the 1/2, and so do the gradients it derives: "
                         "the 1/2 cancels the 2 that the square's derivative brings down.)"),
        (_error_not_squared, "You halved the difference but did not square it: then an "
                             "output above its target would give a negative error."),
        (_error_sum_squared, "E_total is E1 + E2: square each output's difference on its "
                             "own, then add; squaring the summed differences lets an output "
                             "too high cancel one too low."),
        (_error_mean, "E_total is the sum E1 + E2, not their mean."),
    ],
)
