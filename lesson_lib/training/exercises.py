"""Lesson 6 exercises and checks: repeated updates on the lecture's one sample, the
learning rate, the stall, and the cross-entropy loss."""

import math

import numpy as np

from ..backward.exercises import GRADIENTS, INPUTS, ex6
from ..core.network import LESSON_DATA, LESSON_PARAMS, PARAMS, LessonNet
from ..exercises.base import Exercise, Feedback
from ..exercises.coding import CodeExercise
from ..forward.exercises import ex6 as forward_ex6
from ..forward.exercises import random_case


def check_lesson5(backward_pass) -> Feedback:
    """Your lesson-5 backward_pass, checked as lesson 5's exercise 6 checks it."""
    return ex6.check(backward_pass)


def check_run(errors, learning_rate: float = 0.5, update_biases: bool = True,
              tolerance: float = 1e-9) -> Feedback:
    """Your list of E_total (before training, then after each update) against
    ``LessonNet.train`` from the lecture's start with the same rate and setting.
    Never raises: a value it cannot use is named in the feedback."""
    try:
        if np.iscomplexobj(errors):  # NumPy would drop the imaginary part, with a warning
            raise TypeError(errors)
        mine = np.asarray(errors, dtype=float)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int past 1e308
        return Feedback(False, "errors must be a list of real numbers, got "
                               f"{type(errors).__name__}")
    if mine.ndim != 1 or mine.size < 2:
        return Feedback(False, "errors must list E_total before training and after each "
                               f"update (at least 2 numbers), got shape {mine.shape}")
    bad = np.flatnonzero(~np.isfinite(mine))
    if bad.size:  # NaN compares False with everything, so it must be caught first
        k = int(bad[0])
        return Feedback(False, f"E_total after {k:,} update(s) is {mine[k]}, not a number: "
                               "every E_total is a finite number >= 0. Look at the update "
                               "that first produced it.")
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not (
            0 < tolerance < 1):
        return Feedback(False, f"tolerance must be a number between 0 and 1, got {tolerance!r}")
    steps = mine.size - 1
    try:
        reference = _run(steps, learning_rate, update_biases)
    except (TypeError, ValueError) as error:
        return Feedback(False, f"I could not train lesson_lib's network with "
                               f"learning_rate={learning_rate!r}, update_biases="
                               f"{update_biases!r}: {error}. Pass the rate and setting your "
                               "loop used.")
    gap = np.abs(mine - reference) > tolerance * np.maximum(1.0, np.abs(reference))
    what = "all twelve parameters" if update_biases else "the eight weights (biases fixed)"
    if not gap.any():
        return Feedback(True, f"All {steps + 1:,} values of E_total agree with "
                              f"LessonNet.train({steps:,}, {learning_rate:g}) updating {what}.")
    k = int(np.flatnonzero(gap)[0])
    return Feedback(False, f"E_total after {k:,} update(s) is {mine[k]:.10g}; "
                           f"LessonNet.train gives {reference[k]:.10g}."
                           + _run_hint(mine, learning_rate, update_biases, tolerance))


def _run(steps, learning_rate, update_biases) -> np.ndarray:
    if not isinstance(update_biases, bool):
        raise TypeError(f"update_biases must be True or False, got {update_biases!r}")
    if learning_rate is None:  # LessonNet.train would take its own default
        raise TypeError("learning_rate must be a number > 0, got None")
    return LessonNet().train(steps, learning_rate, update_biases=update_biases).errors


# Rates a learner may have typed in the loop while the check kept another.
_RATES = (0.01, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 45.0, 50.0, 100.0,
          1000.0)


def _run_hint(mine, learning_rate, update_biases, tolerance) -> str:
    """Which other rate or bias setting the learner's run matches, as advice; else ''."""
    steps = mine.size - 1
    first = min(steps, 3)  # a few updates tell the runs apart; the full run confirms
    for biases in (update_biases, not update_biases):
        for rate in _RATES:
            if rate == learning_rate and biases == update_biases:
                continue
            if not np.allclose(mine[:first + 1], _run(first, rate, biases), rtol=tolerance):
                continue
            try:
                if not np.allclose(mine, _run(steps, rate, biases), rtol=tolerance):
                    continue
            except ValueError:
                continue
            at = f" at learning rate {rate:g}" if rate != learning_rate else ""
            if biases != update_biases:
                return (f" They match a run{at} that updates the biases too: update only "
                        "w1..w8." if biases else
                        f" They match a run{at} with the biases held fixed: update b11..b22 "
                        "as well.")
            return (f" They match learning rate {rate:g}: pass learning_rate={rate:g}, the "
                    "rate your loop used, to the check.")
    return (" If your loop used another learning rate or bias setting, pass the same "
            "learning_rate= and update_biases= to the check.")


_SLIDES = LessonNet().train(2, update_biases=False).errors.tolist()  # after 0, 1, 2 updates

ex1 = Exercise(
    "Exercise 1 (apply). The notebook printed E_total after ONE update. Start from the "
    "lecture's weights and make TWO updates at learning rate 0.5, with the biases held fixed "
    "as the slides do. What is E_total after the second update, to 4 significant figures?",
    _SLIDES[2],
    digits=4,  # one update at rate 1.0 gives 0.2836: a slip, not the answer
    hint="ll.LessonNet().step(update_biases=False) is the network after one update, and it "
         "can take a .step of its own; or read .errors of ll.LessonNet().train(2, ...).",
    solution="ll.LessonNet().train(2, update_biases=False).errors = 0.29837, 0.29103, "
             "0.28355: before, after one update and after two. The answer is 0.2835. One "
             "update at twice the rate, 1.0, gives 0.2836: close, but not the same, because "
             "the second update uses the gradients at the new weights.",
    slips={
        _SLIDES[1]: "That is E_total after ONE update; make a second one from there.",
        _SLIDES[0]: "That is E_total before any update, with the lecture's starting weights.",
        LessonNet().step().step().error(): (
            "That is the error when the biases are updated too. The slides keep b11..b22 at 0.35 "
            "and 0.60."
        ),
        LessonNet().step(1.0, update_biases=False).error(): (
            "That is ONE update at learning rate 1.0. Two steps of 0.5 are not the same: the "
            "second one uses the gradients at the new weights. Or check your rounding: round "
            "the full value to 4 figures in one go, not first to 5 and then to 4."
        ),
        LessonNet().step().error(): (
            "That is ONE update with the biases updated too. Make two updates, and keep "
            "b11..b22 at 0.35 and 0.60 as the slides do."
        ),
    },
)

ex2 = Exercise(
    "Exercise 2 (derive). At a very large learning rate the first update drives outY1 almost "
    "to 0 and outY2 almost to 1, and training stalls there. The targets are T1 = 0.01 and "
    "T2 = 0.99. At what E_total does it stall? (E_total = 1/2 (T1 - outY1)^2 + "
    "1/2 (T2 - outY2)^2. Give it to 4 significant figures.)",
    0.5 * (0.01 - 0) ** 2 + 0.5 * (0.99 - 1) ** 2,
    digits=4,
    hint="Put outY1 = 0 and outY2 = 1 into the formula: each output misses its target by 0.01.",
    solution="1/2 (0.01 - 0)^2 + 1/2 (0.99 - 1)^2 = 0.00005 + 0.00005 = 0.0001. In the "
             "notebook's sweep, rate 1000 ends on exactly this value. At 50 and 100 the "
             "error stalls at 4.9e-5 and 5e-5 instead: there only outY1 is stuck near 0, "
             "while outY2 reaches its target, so only one of the two halves remains.",
    slips={
        2e-4: "You dropped the factor 1/2 in front of each squared miss.",
        0.0: "The outputs overshoot the targets: 0 is not 0.01 and 1 is not 0.99.",
        0.01: "0.01 is how far each output misses; the error squares the miss.",
        5e-5: "That is one output's share; both outputs miss by 0.01.",
    },
)

# -- cross-entropy: the output's delta loses its factor outY (1 - outY) ------------------


def _ce_loss(*args):
    """E = -sum [T ln outY + (1 - T) ln(1 - outY)] of the lecture's network."""
    f = LessonNet(**dict(zip(INPUTS, args, strict=True))).forward()
    v = dict(zip(INPUTS, args, strict=True))
    return -sum(v[t] * math.log(f[o]) + (1 - v[t]) * math.log(1 - f[o])
                for t, o in (("T1", "outY1"), ("T2", "outY2")))


def _ce_gradients(*args, keep_slope=False, sign=1.0, old_hidden=False, hidden_slope=True,
                  scale=1.0):
    net = LessonNet(**dict(zip(INPUTS, args, strict=True)))
    f, b = net.forward(), net.backward()
    d_y1 = scale * sign * (f["outY1"] - net.T1)
    d_y2 = scale * sign * (f["outY2"] - net.T2)
    if keep_slope:
        d_y1, d_y2 = d_y1 * b["doutY1_dy1"], d_y2 * b["doutY2_dy2"]
    if old_hidden:  # the hidden layer left on squared error's deltas
        h1, h2 = b["delta_h1"], b["delta_h2"]
    else:
        h1 = (d_y1 * net.w5 + d_y2 * net.w7) * (b["doutH1_dh1"] if hidden_slope else 1.0)
        h2 = (d_y1 * net.w6 + d_y2 * net.w8) * (b["doutH2_dh2"] if hidden_slope else 1.0)
    g = dict(w1=h1 * net.x1, w2=h1 * net.x2, w3=h2 * net.x1, w4=h2 * net.x2,
             w5=d_y1 * f["outH1"], w6=d_y1 * f["outH2"], w7=d_y2 * f["outH1"],
             w8=d_y2 * f["outH2"], b11=h1, b12=h2, b21=d_y1, b22=d_y2)
    return {f"dE_d{p}": g[p] for p in PARAMS}


ex3 = CodeExercise(
    "Exercise 3 (code). Change your backward pass to the cross-entropy loss "
    "E = -[T1 ln outY1 + (1 - T1) ln(1 - outY1)] - [T2 ln outY2 + (1 - T2) ln(1 - outY2)]. "
    "Write backward_pass_ce(" + ", ".join(INPUTS) + ") returning a dict with the twelve "
    "gradients " + ", ".join(GRADIENTS) + " of this E. ex3.check(backward_pass_ce) compares "
    "them with the reference and with central differences of E, on the lecture's values "
    "and on networks you have not seen.",
    params=INPUTS,
    returns=GRADIENTS,
    reference=_ce_gradients,
    lecture={**LESSON_PARAMS, **LESSON_DATA},
    random_case=random_case,
    slopes={f"dE_d{p}": p for p in PARAMS},
    loss=_ce_loss,
    loss_name="the cross-entropy",
    uses={"forward_pass": forward_ex6.reference},
    hint="Only the output deltas change. dE/doutY1 = -T1/outY1 + (1 - T1)/(1 - outY1) = "
         "(outY1 - T1) / (outY1 (1 - outY1)); multiplied by doutY1_dy1 = outY1 (1 - outY1) it "
         "leaves delta_y1 = outY1 - T1. Everything from there back is your backward_pass.",
    solution='''\
def backward_pass_ce(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
    f = forward_pass(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2)
    outH1, outH2, outY1, outY2 = f["outH1"], f["outH2"], f["outY1"], f["outY2"]
    delta_y1 = outY1 - T1  # the sigmoid's slope cancelled
    delta_y2 = outY2 - T2
    delta_h1 = (delta_y1 * w5 + delta_y2 * w7) * outH1 * (1 - outH1)
    delta_h2 = (delta_y1 * w6 + delta_y2 * w8) * outH2 * (1 - outH2)
    return dict(
        dE_dw1=delta_h1 * x1, dE_dw2=delta_h1 * x2, dE_dw3=delta_h2 * x1, dE_dw4=delta_h2 * x2,
        dE_dw5=delta_y1 * outH1, dE_dw6=delta_y1 * outH2,
        dE_dw7=delta_y2 * outH1, dE_dw8=delta_y2 * outH2,
        dE_db11=delta_h1, dE_db12=delta_h2, dE_db21=delta_y1, dE_db22=delta_y2,
    )
''',
    slips=[
        (lambda *a: _ce_gradients(*a, keep_slope=True),
         "Those are squared error's gradients: with cross-entropy the factor outY1 (1 - outY1) "
         "cancels, so delta_y1 = outY1 - T1."),
        (lambda *a: _ce_gradients(*a, sign=-1.0),
         "Every sign is flipped: delta_y1 = outY1 - T1, positive when the output is too high."),
        (lambda *a: _ce_gradients(*a, old_hidden=True),
         "Your output layer is right, but the hidden layer still uses squared error's deltas: "
         "dE_doutH1 = delta_y1 * w5 + delta_y2 * w7 with the new delta_y1 and delta_y2."),
        (lambda *a: _ce_gradients(*a, hidden_slope=False),
         "Your output layer is right, but the hidden deltas left out the hidden sigmoid's "
         "slope: delta_h1 = (delta_y1 * w5 + delta_y2 * w7) * outH1 * (1 - outH1). Only the "
         "output's slope cancels."),
        (lambda *a: _ce_gradients(*a, scale=0.5),
         "Every gradient is half the right one: the cross-entropy has no factor 1/2 in front "
         "(squared error has), so delta_y1 = outY1 - T1."),
        (lambda *a: _ce_gradients(*a, scale=2.0),
         "Every gradient is twice the right one: delta_y1 = outY1 - T1, with no factor 2."),
    ],
)
