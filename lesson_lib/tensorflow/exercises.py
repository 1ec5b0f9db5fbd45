"""Lesson 8 exercises: Keras's weight layout, and the tape against your own backward pass.

Nothing here imports TensorFlow: the answers are checked against plain Python.
"""

import math

from ..core.network import LESSON_DATA, LESSON_PARAMS, PARAMS, LessonNet
from ..exercises.base import Exercise
from ..exercises.coding import CodeExercise
from ..forward.exercises import INPUTS, random_case

ex1 = Exercise(
    "Exercise 1 (recall). A Keras Dense layer stores its weights as a kernel of shape "
    "(inputs, outputs). In the lesson's model, which of the lecture's weights sits at "
    "output.kernel[0, 1] (row 0, column 1 of the second layer's kernel)? Answer with its "
    "name as a string, e.g. 'w5'.",
    "w7",
    hint="Row i of a kernel belongs to input i, column j to output j. The second layer's "
         "input 0 is outH1 and its output 1 is y2: which weight carries outH1 into y2?",
    solution="'w7'. The kernel is W2 transposed: W2 = [[w5, w6], [w7, w8]] has a row per "
             "output, the kernel [[w5, w7], [w6, w8]] a row per input. Row 0 (outH1), column 1 "
             "(y2) is w7, the weight in y2 = outH1*w7 + outH2*w8 + b22.",
    slips={
        "w6": "w6 is at row 0, column 1 of W2 = [[w5, w6], [w7, w8]], which has a row per "
              "output. The kernel is W2 transposed: a row per input.",
        "w3": "w3 is at row 0, column 1 of the FIRST layer's kernel; output is the second layer.",
        "w5": "w5 is at [0, 0], on the diagonal; column 1 belongs to the second output, y2.",
    },
)

_CHANGED = LessonNet(w5=-0.4)  # exercise 2: w5 with its sign flipped

ex2 = Exercise(
    "Exercise 2 (apply). Change the lecture's network: w5 = -0.4 instead of 0.4, everything "
    "else as in the lecture. Set w5 in the lesson's variables, record the forward pass on a "
    "new tape, and ask it for dE/dw1. Give it to 6 significant figures, then compare it with "
    "your own backward_pass of lesson 5 (or ll.LessonNet(w5=-0.4).gradient()).",
    _CHANGED.gradient()["w1"],
    digits=6,
    hint="w5.assign(-0.4), then the cell with `with tf.GradientTape() as tape:` again (the "
         "forward pass must be recorded with the new w5), then tape.gradient(E_total, w1). "
         "Put w5 back with w5.assign(0.4) afterwards.",
    solution="w5.assign(-0.4); rerun the taped forward pass; tape.gradient(E_total, w1) = "
             f"{_CHANGED.gradient()['w1']:.6g}. It is negative now: with w5 < 0, raising outH1 "
             "lowers y1 and outY1, which is above its target, so both paths from outH1 to the "
             "error now say 'raise w1'. ll.LessonNet(w5=-0.4).gradient()['w1'] agrees.",
    slips={
        LessonNet().gradient()["w1"]: "That is dE/dw1 of the lecture's network. Did the tape "
                                      "record a forward pass with the new w5? Assign it first, "
                                      "then rerun the `with tf.GradientTape()` cell.",
        _CHANGED.gradient()["w2"]: "That is dE/dw2 (w2 carries x2 = 0.1, twice x1). Ask the "
                                   "tape for w1.",
        -_CHANGED.gradient()["w1"]: "Right size, wrong sign: with w5 = -0.4 the gradient is "
                                    "negative. Did you type the minus sign, or flip it when "
                                    "copying from the tape?",
        -LessonNet().gradient()["w1"]: "Right sign, but the size of the lecture's dE/dw1 with "
                                       "its sign flipped: w5 also changes the forward pass, "
                                       "and the path through y2 does not change sign.",
    },
)


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def _tanh_forward(p: dict, hidden=math.tanh, output=_sigmoid) -> dict:
    """The lecture's network with tanh in the hidden layer; the outputs stay sigmoid.
    ``hidden`` and ``output`` replace the activations (for the slips)."""
    outH1 = hidden(p["x1"] * p["w1"] + p["x2"] * p["w2"] + p["b11"])
    outH2 = hidden(p["x1"] * p["w3"] + p["x2"] * p["w4"] + p["b12"])
    outY1 = output(outH1 * p["w5"] + outH2 * p["w6"] + p["b21"])
    outY2 = output(outH1 * p["w7"] + outH2 * p["w8"] + p["b22"])
    E_total = 0.5 * (p["T1"] - outY1) ** 2 + 0.5 * (p["T2"] - outY2) ** 2
    return dict(outH1=outH1, outH2=outH2, outY1=outY1, outY2=outY2, E_total=E_total)


def _tanh_gradients(*args, hidden_slope=None, hidden=math.tanh, tanh_outputs=False,
                    tanh_output_slope=None):
    """The twelve dE_d<param> of the tanh network; ``hidden_slope(f, p)`` replaces 1 - outH^2,
    ``hidden`` the hidden activation, ``tanh_outputs`` puts tanh on the outputs too (with
    tanh's slope there unless ``tanh_output_slope`` is False)."""
    p = dict(zip(INPUTS, args, strict=True))
    f = _tanh_forward(p, hidden, math.tanh if tanh_outputs else _sigmoid)
    tanh_slope = tanh_outputs if tanh_output_slope is None else tanh_output_slope
    slope1, slope2 = ((1 - f["outY1"] ** 2, 1 - f["outY2"] ** 2) if tanh_slope else
                      (f["outY1"] * (1 - f["outY1"]), f["outY2"] * (1 - f["outY2"])))
    delta_y1 = -(p["T1"] - f["outY1"]) * slope1
    delta_y2 = -(p["T2"] - f["outY2"]) * slope2
    slope1, slope2 = ((1 - f["outH1"] ** 2, 1 - f["outH2"] ** 2) if hidden_slope is None
                      else hidden_slope(f, p))
    delta_h1 = (delta_y1 * p["w5"] + delta_y2 * p["w7"]) * slope1
    delta_h2 = (delta_y1 * p["w6"] + delta_y2 * p["w8"]) * slope2
    return dict(
        dE_dw1=delta_h1 * p["x1"], dE_dw2=delta_h1 * p["x2"],
        dE_dw3=delta_h2 * p["x1"], dE_dw4=delta_h2 * p["x2"],
        dE_dw5=delta_y1 * f["outH1"], dE_dw6=delta_y1 * f["outH2"],
        dE_dw7=delta_y2 * f["outH1"], dE_dw8=delta_y2 * f["outH2"],
        dE_db11=delta_h1, dE_db12=delta_h2, dE_db21=delta_y1, dE_db22=delta_y2,
    )


def _h(p: dict) -> tuple[float, float]:
    return (p["x1"] * p["w1"] + p["x2"] * p["w2"] + p["b11"],
            p["x1"] * p["w3"] + p["x2"] * p["w4"] + p["b12"])


ex3 = CodeExercise(
    "Exercise 3 (code). Change the network: the hidden layer uses tanh instead of the "
    "sigmoid, outH1 = tanh(h1) and outH2 = tanh(h2); the outputs stay sigmoid. The tape "
    "above gives this network's gradients without any new calculus. Write your own "
    f"backward_pass_tanh({', '.join(INPUTS)}) that returns a dict with the twelve gradients "
    "dE_dw1 .. dE_db22, compare it with the tape on the lecture's values, then run "
    "ex3.check(backward_pass_tanh): it tries networks you have not seen too.",
    params=INPUTS,
    returns=tuple(f"dE_d{p}" for p in PARAMS),
    reference=_tanh_gradients,
    lecture={**LESSON_PARAMS, **LESSON_DATA},
    random_case=random_case,
    slopes={f"dE_d{p}": p for p in PARAMS},
    loss=lambda *args: _tanh_forward(dict(zip(INPUTS, args, strict=True)))["E_total"],
    hint="Start from your backward_pass of lesson 5. Only two things change: the forward "
         "pass uses math.tanh for outH1 and outH2, and the hidden slope doutH1_dh1 is the "
         "derivative of tanh, 1 - tanh(h1)^2 = 1 - outH1^2, instead of outH1 (1 - outH1).",
    solution='''\
def backward_pass_tanh(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
    def sigma(x):
        return 1 / (1 + math.exp(-x))

    outH1 = math.tanh(x1 * w1 + x2 * w2 + b11)
    outH2 = math.tanh(x1 * w3 + x2 * w4 + b12)
    outY1 = sigma(outH1 * w5 + outH2 * w6 + b21)
    outY2 = sigma(outH1 * w7 + outH2 * w8 + b22)
    delta_y1 = -(T1 - outY1) * outY1 * (1 - outY1)
    delta_y2 = -(T2 - outY2) * outY2 * (1 - outY2)
    # the only new calculus: d tanh(h)/dh = 1 - tanh(h)^2
    delta_h1 = (delta_y1 * w5 + delta_y2 * w7) * (1 - outH1 ** 2)
    delta_h2 = (delta_y1 * w6 + delta_y2 * w8) * (1 - outH2 ** 2)
    return dict(
        dE_dw1=delta_h1 * x1, dE_dw2=delta_h1 * x2, dE_dw3=delta_h2 * x1, dE_dw4=delta_h2 * x2,
        dE_dw5=delta_y1 * outH1, dE_dw6=delta_y1 * outH2,
        dE_dw7=delta_y2 * outH1, dE_dw8=delta_y2 * outH2,
        dE_db11=delta_h1, dE_db12=delta_h2, dE_db21=delta_y1, dE_db22=delta_y2,
    )
''',
    slips=[
        (lambda *a: _tanh_gradients(*a, hidden_slope=lambda f, p: (
            f["outH1"] * (1 - f["outH1"]), f["outH2"] * (1 - f["outH2"]))),
         "The hidden slope is still the sigmoid's, outH1 (1 - outH1). For tanh it is "
         "1 - outH1^2."),
        (lambda *a: _tanh_gradients(*a, hidden_slope=lambda f, p: (
            1 - _h(p)[0] ** 2, 1 - _h(p)[1] ** 2)),
         "You wrote 1 - h1^2 with the sum h1 = x1 w1 + x2 w2 + b11; the slope of tanh is "
         "1 - tanh(h1)^2 = 1 - outH1^2."),
        (lambda *a: _tanh_gradients(*a, hidden_slope=lambda f, p: (1.0, 1.0)),
         "Between outH1 and h1 sits the tanh: multiply by its slope 1 - outH1^2."),
        (lambda *a: _tanh_gradients(*a, hidden_slope=lambda f, p: (
            1 - f["outH1"], 1 - f["outH2"])),
         "You wrote 1 - outH1; the slope of tanh is 1 - tanh(h1)^2 = 1 - outH1^2: the square "
         "is missing."),
        (lambda *a: _tanh_gradients(*a, tanh_outputs=True),
         "You put tanh on the outputs too. Only the hidden layer changes: outY1 = "
         "sigma(y1) as before, with its slope outY1 (1 - outY1)."),
        (lambda *a: _tanh_gradients(*a, tanh_outputs=True, tanh_output_slope=False),
         "Your outputs use tanh in the forward pass: only the hidden layer changes, so "
         "outY1 = sigma(y1) as before."),
        (lambda *a: _tanh_gradients(*a, hidden=_sigmoid),
         "Your slope is tanh's, but your forward pass still uses the sigmoid for outH1 and "
         "outH2: outH1 = math.tanh(h1)."),
        (lambda *a: _tanh_gradients(*a, hidden=_sigmoid, hidden_slope=lambda f, p: (
            f["outH1"] * (1 - f["outH1"]), f["outH2"] * (1 - f["outH2"]))),
         "These are lesson 5's gradients, of the sigmoid network: use math.tanh for outH1 "
         "and outH2, and its slope 1 - outH1^2."),
    ],
)
