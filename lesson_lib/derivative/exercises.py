"""Lesson 1 exercises: from recalling sigma' to writing it, and checks of the lesson's values."""

import math
import re
from collections.abc import Mapping

from ..core.activations import (
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    sigmoid_prime_from_output,
    step,
    step_prime,
)
from ..core.gradcheck import DEFAULT_STEP, central_difference
from ..exercises.base import Exercise, Feedback, short_repr
from ..exercises.coding import CodeExercise
from ..exercises.values import ValueCheck

_ROOT = (1 + math.sqrt(0.6)) / 2  # s = sigma(x) where s(1 - s) = 0.1, the root above 1/2
_X = math.log(_ROOT / (1 - _ROOT))

ex1 = Exercise(
    "Exercise 1 (recall). What is the largest value the sigmoid's derivative sigma'(x) "
    "ever takes? Give the exact number.",
    sigmoid_prime(0.0),
    exact=True,
    hint="The slope is steepest where the curve crosses its middle, at x = 0, where "
         "sigma(0) = 1/2.",
    solution="sigma'(0) = sigma(0) * (1 - sigma(0)) = 1/2 * 1/2 = 0.25. Everywhere else "
             "sigma(1 - sigma) is smaller, because s(1 - s) is largest at s = 1/2.",
    slips={
        sigmoid(0.0): "0.5 is sigma(0), the height of the curve at x = 0, not its slope there.",
        1: "1 is the value the sigmoid approaches for large x; its slope there is close to 0.",
    },
)


def _plain(name: str) -> str:
    """A name as typed, reduced to its words: 'Unit-step function' -> 'unit step'."""
    words = re.sub(r"[-_\s]+", " ", name.strip().lower()).removesuffix("(x)").split()
    if words[:1] == ["the"]:
        words = words[1:]
    if words[-1:] in (["function"], ["activation"]):
        words = words[:-1]
    return " ".join(words)


class _ActivationName(Exercise):
    """A name question that also takes the other names the slides and figures use for an
    activation ('unit step' for 'step'), and says which three names it expects."""

    def __init__(self, *args, names: Mapping[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.names = {_plain(said): name for said, name in names.items()}

    def check(self, answer) -> Feedback:
        if not isinstance(answer, str):
            return super().check(answer)
        name = self.names.get(_plain(answer))
        if name is None:
            return Feedback(False, f"{short_repr(answer)} is not one of the lecture's three "
                                   "activations: answer 'step', 'sigmoid' or 'relu'.")
        return super().check(name)


ex2 = _ActivationName(
    "Exercise 2 (recall). Of the lecture's three activations, 'step', 'sigmoid' and "
    "'relu', which one gives gradient descent no slope at all to follow? Answer with "
    "its name as a string.",
    "step",
    hint="Look at the dashed derivative curves in the first figure: which one is zero "
         "wherever it exists?",
    solution="'step': it is flat on both sides of its jump, so its derivative is 0 "
             "wherever it exists (and it has none at x = 0). Any chain of derivatives "
             "through it is multiplied by 0, so no weight before it ever changes.",
    slips={
        "relu": "ReLU is flat only for x < 0; for x > 0 its slope is 1, which passes the gradient "
                "on unchanged.",
        "sigmoid": "The sigmoid's slope is small far from 0, but never zero; only a slope "
                   "computed from an output that has rounded to 1 comes out as 0.",
    },
    names={"step": "step", "unit step": "step", "Heaviside": "step",
           "Heaviside step": "step", "sigmoid": "sigmoid", "logistic": "sigmoid",
           "sigma": "sigmoid", "σ": "sigmoid", "relu": "relu",
           "rectified linear unit": "relu", "rectifier": "relu"},
)

ex3 = Exercise(
    "Exercise 3 (apply). A sigmoid neuron's output is out = 0.75. Using only this "
    "output, what is the slope of the sigmoid at the neuron's input? Give the exact "
    "value (it has 4 significant figures).",
    sigmoid_prime_from_output(0.75),
    exact=True,
    hint="sigma' = sigma * (1 - sigma), and sigma is exactly the output you are given.",
    solution="slope = out * (1 - out) = 0.75 * 0.25 = 0.1875. Backpropagation uses this "
             "form because the forward pass has already computed out.",
    slips={
        sigmoid_prime(0.75): "You evaluated sigma'(0.75), treating 0.75 as the input. 0.75 is the "
                             "output sigma(h), so the slope is out * (1 - out).",
        0.5625: "0.5625 is out squared. The slope is out minus out squared.",
        0.25: "0.25 is (1 - out) alone; multiply it by out.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). Find the positive x at which sigma'(x) = 0.1, to 4 "
    "significant figures.",
    _X,
    digits=4,
    hint="Write s = sigma(x) and solve s(1 - s) = 0.1 for s (a quadratic; take the root "
         "above 1/2). Then undo the sigmoid: x = ln(s / (1 - s)).",
    solution="s^2 - s + 0.1 = 0 gives s = (1 + sqrt(0.6)) / 2 = 0.887298. Then "
             "x = ln(0.887298 / 0.112702) = 2.0634. Check: ll.sigmoid_prime(2.0634) is "
             "0.1000.",
    slips={
        _ROOT: "0.8873 is s = sigma(x). One step to go: x = ln(s / (1 - s)).",
        1 - _ROOT: "0.1127 is the other root for s, and it is sigma(x), not x.",
        -_X: "sigma' takes 0.1 at x = -2.0634 too, but the question asks for the positive x.",
    },
)


# Checks for the values a learner computes in the lesson's cells. The reference is
# lesson_lib's own activations, evaluated at the learner's own x (and h).


def _values(inputs) -> dict:
    x = inputs["x"]
    s = sigmoid(x)
    return {
        "step_x": step(x), "sigma_x": s, "relu_x": relu(x),
        "dstep_dx": step_prime(x), "drelu_dx": relu_prime(x),
        "sigma_exp_form": s, "sigma_neg_form": s,
        "dsigma_dx_quotient": sigmoid_prime(x),
        "s": s,
        # From the float s, as the lesson computes them: where s has rounded to 1.0 both are
        # exactly 0 (the true slope is not), and the check tests the formula, not the floats.
        "dsigma_dx_difference": s - s * s,
        "dsigma_dx": sigmoid_prime_from_output(s),
    }


NAMES = ("step_x", "sigma_x", "relu_x", "dstep_dx", "drelu_dx", "sigma_exp_form",
         "sigma_neg_form", "s", "dsigma_dx_quotient", "dsigma_dx_difference", "dsigma_dx")
DEPENDS_ON = {name: ("x",) for name in NAMES} | {"dsigma_dx_difference": ("s",),
                                                 "dsigma_dx": ("s",)}
check_values = ValueCheck(NAMES, _values, depends_on=DEPENDS_ON, inputs={"x": 1.0})
"""``check_values(globals(), "s dsigma_dx")``: the lesson's values at the learner's x."""


def _lecture_sigmoid(x: float) -> float:
    """1 / (1 + e^-x) as the lecture writes it, with math.exp like the learner's cells.

    A nudge of h = 1e-5 divides the last bit of sigma by 2h, so the learner's central
    difference agrees with another exp's only to about 1e-11; with this one, bit for bit.
    """
    try:
        return 1 / (1 + math.exp(-x))
    except OverflowError:
        raise ValueError(f"x must be >= -709 for 1 / (1 + e^-x) written out (e^-x overflows "
                         f"a float beyond), got {x:g}") from None


def _numeric(inputs) -> dict:
    return {"dsigma_dx_numeric": central_difference(_lecture_sigmoid, inputs["x"], inputs["h"])}


check_numeric = ValueCheck(("dsigma_dx_numeric",), _numeric,
                           depends_on={"dsigma_dx_numeric": ("x", "h")},
                           inputs={"x": 1.0, "h": DEFAULT_STEP})
"""``check_numeric(globals())``: the learner's central difference of the sigmoid at x."""


def _sigmoid_cases(rng) -> dict:
    return {"x": round(float(rng.uniform(-8, 8)), 2)}


ex5 = CodeExercise(
    "Exercise 5 (code). Write the lecture's der.sigmoid as a Python function der_sigmoid(x) "
    "that returns the sigmoid's slope at x, using math.exp. ex5.check(der_sigmoid) runs it "
    "on the lecture's first hidden input, h1 = 0.3775, and on inputs you have not seen.",
    params=("x",),
    returns="dsigma_dx",
    reference=sigmoid_prime,
    lecture={"x": 0.3775},
    random_case=_sigmoid_cases,
    hint="First compute s = 1 / (1 + math.exp(-x)), the sigmoid at x. The derivation's last "
         "line says the slope is s times (1 - s).",
    solution='''\
def der_sigmoid(x):
    s = 1 / (1 + math.exp(-x))
    return s * (1 - s)
''',
    slips=[
        (lambda x: 1 - sigmoid(x),
         "That is 1 - sigma(x), which is also e^-x / (1 + e^-x): either the outer sigma(x) of "
         "sigma(x) * (1 - sigma(x)) is missing, or the square of the quotient rule's "
         "(1 + e^-x)^2."),
        (lambda x: sigmoid(x) ** 2 - sigmoid(x),
         "That is sigma(x)^2 - sigma(x), the slope with its sign flipped: step 3 of the "
         "derivation gives sigma(x) - sigma(x)^2."),
        (lambda x: x * (1 - x),
         "That is x * (1 - x), the input where the output belongs. The slope is "
         "s * (1 - s) with s = sigma(x), as in the lecture's der.sigmoid, "
         "sigmoid(x) * (1 - sigmoid(x)): compute s = sigma(x) first."),
        (sigmoid, "That is sigma(x), the height of the curve at x; the slope is sigma(x) "
                  "times (1 - sigma(x))."),
        (lambda x: 0.0,
         "Your function returns 0: did you write s * 1 - s? Python reads it as (s * 1) - s; "
         "write s * (1 - s)."),
    ],
)


class _TestFunction:
    """A function the check differentiates, shown by its formula in a message."""

    def __init__(self, formula: str, f):
        self.formula, self._f = formula, f

    def __call__(self, x):
        return self._f(x)

    def __format__(self, spec: str) -> str:  # a message prints the case as "f=sin(x), x=..."
        return self.formula

    __repr__ = __str__ = lambda self: self.formula


_FUNCTIONS = (
    _TestFunction("sigmoid(x)", _lecture_sigmoid),
    _TestFunction("sin(x)", math.sin),
    _TestFunction("exp(x)", math.exp),
    _TestFunction("x**3 - 2*x", lambda x: x**3 - 2 * x),
    _TestFunction("1/(1 + x**2)", lambda x: 1 / (1 + x * x)),
)


def _difference_cases(rng) -> dict:
    return {"f": _FUNCTIONS[int(rng.integers(len(_FUNCTIONS)))],
            "x": round(float(rng.uniform(-2, 2)), 2),
            "h": float(rng.choice([1e-2, 1e-3, 1e-4]))}


ex6 = CodeExercise(
    "Exercise 6 (code). Write central_difference(f, x, h): the slope of the function f at x "
    "measured by nudging x by h to each side, (f(x + h) - f(x - h)) / 2h. "
    "ex6.check(central_difference) runs it on the sigmoid at x = 1 with h = 1e-5 and on "
    "functions, points and steps you have not seen.",
    params=("f", "x", "h"),
    returns="slope",
    reference=central_difference,
    lecture={"f": _FUNCTIONS[0], "x": 1.0, "h": DEFAULT_STEP},
    random_case=_difference_cases,
    hint="Call f twice, at x + h and at x - h. The two points are 2h apart, so divide their "
         "difference by 2 * h, in parentheses.",
    solution='''\
def central_difference(f, x, h):
    return (f(x + h) - f(x - h)) / (2 * h)
''',
    slips=[
        (lambda f, x, h: (f(x + h) - f(x)) / h,
         "That is the forward difference (f(x + h) - f(x)) / h: it nudges to one side only "
         "and is less accurate. Nudge to both sides, x + h and x - h."),
        (lambda f, x, h: (f(x) - f(x - h)) / h,
         "That is the backward difference (f(x) - f(x - h)) / h: it nudges to one side only "
         "and is less accurate. Nudge to both sides, x + h and x - h."),
        (lambda f, x, h: (f(x + h) - f(x - h)) / h,
         "That is twice the slope: x + h and x - h are 2h apart, so divide by 2 * h, not h."),
        (lambda f, x, h: (f(x + h) - f(x - h)) / 2 * h,
         "Python reads a / 2 * h as (a / 2) * h, which multiplies by h: write / (2 * h)."),
        (lambda f, x, h: (f(x - h) - f(x + h)) / (2 * h),
         "That is the slope with its sign flipped: subtract f(x - h) from f(x + h)."),
    ],
)
