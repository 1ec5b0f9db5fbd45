"""Lesson 5 exercises: from naming a chain-rule factor to writing the backward pass and the
update; and the check of the learner's own backward-pass values."""

from ..core.network import (
    DATA,
    LESSON_DATA,
    LESSON_LEARNING_RATE,
    LESSON_PARAMS,
    PARAMS,
    WEIGHTS,
    LessonNet,
)
from ..exercises.base import Exercise
from ..exercises.coding import CodeExercise
from ..exercises.values import ValueCheck, agrees

# Lesson 4's argument order and unseen networks, written here again: importing
# exercises.forward from here would load it past the package's loader, which names its
# exercises (ex1, ...) for the messages.
INPUTS = PARAMS + DATA


def random_case(rng) -> dict:
    """A network the learner has not seen: parameters and inputs in [-1, 1], targets in [0, 1]."""
    case = {name: round(float(rng.uniform(-1, 1)), 2) for name in PARAMS + ("x1", "x2")}
    return {**case, "T1": round(float(rng.uniform(0, 1)), 2),
            "T2": round(float(rng.uniform(0, 1)), 2)}

_LECTURE = LessonNet().backward()
_T1 = LessonNet(T1=0.05).backward()   # exercises 2 and 5: the first target moved
_T2 = LessonNet(T2=0.5).backward()    # exercise 4: the second target moved

ex1 = Exercise(
    "Exercise 1 (recall). In dE_dw6 = dE_doutY1 x doutY1_dy1 x dy1_dw6, the last factor "
    "dy1_dw6 equals one of the forward pass's values. Which one? Answer with its name as a "
    "string, e.g. 'outY1'.",
    "outH2",
    hint="Write out y1 = outH1*w5 + outH2*w6 + b21 and ask what multiplies w6.",
    solution="'outH2'. y1 changes by outH2 for every unit that w6 changes, so "
             "dy1_dw6 = outH2 = 0.5968844.",
    slips={
        "w6": "w6 is the weight you differentiate with respect to; the slope is what multiplies it"
              " in y1.",
        "outH1": "outH1 multiplies w5, so it is dy1_dw5. Which hidden output does w6 carry?",
        "outY1": "outY1 comes after y1; dy1_dw6 only looks at how y1 is built.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). Suppose the first target were T1 = 0.05 instead of 0.01, with "
    "everything else as in the lecture. What would dE_dw5 be, to 4 significant figures? "
    "(The forward pass does not change: outY1 = 0.7513651, outH1 = 0.59327.)",
    _T1["dE_dw5"],
    digits=4,
    hint="dE_dw5 = dE_doutY1 x doutY1_dy1 x dy1_dw5. Which of the three factors contains "
         "the target? The other two are printed above.",
    solution="Only dE_doutY1 = -(T1 - outY1) = -(0.05 - 0.7513651) = 0.7013651 changes; "
             "doutY1_dy1 = 0.1868156 and dy1_dw5 = outH1 = 0.59327 stay. "
             "dE_dw5 = 0.7013651 x 0.1868156 x 0.59327 = 0.07773. "
             "Check: ll.LessonNet(T1=0.05).gradient()['w5'].",
    slips={
        _LECTURE["dE_dw5"]: "That is dE_dw5 for the lecture's target 0.01; put T1 = 0.05 into "
                            "dE_doutY1.",
        -_T1["dE_dw5"]: "Right size, wrong sign: outY1 = 0.75 is still far above 0.05, so raising "
                        "w5 still raises the error.",
        _T1["delta_y1"]: "That is delta_y1 = dE_doutY1 x doutY1_dy1; one factor, dy1_dw5 = outH1, "
                         "is missing.",
        _T1["dE_dw6"]: "That is dE_dw6: you used outH2. w5 carries outH1, so dy1_dw5 = outH1.",
    },
)

ex3 = Exercise(
    "Exercise 3 (apply). One update with learning rate 0.5 moves w5 from 0.4 to 0.3589165. "
    "What learning rate would move w5 from 0.4 to exactly 0.35 in one update? Give it to 4 "
    "significant figures.",
    (0.4 - 0.35) / _LECTURE["dE_dw5"],
    digits=4,
    hint="new w5 = w5 - learning_rate x dE_dw5 with dE_dw5 = 0.08216704. Solve for the "
         "learning rate.",
    solution="0.35 = 0.4 - learning_rate x 0.08216704, so learning_rate = "
             "0.05 / 0.08216704 = 0.6085.",
    slips={
        (0.4 - 0.35) * _LECTURE["dE_dw5"]: (
            "You multiplied the step by the gradient; divide the step 0.05 by the gradient "
            "instead."
        ),
        _LECTURE["dE_dw5"] / (0.4 - 0.35): (
            "You divided the wrong way round: learning_rate = step / gradient = 0.05 / 0.08216704."
        ),
        LESSON_LEARNING_RATE: "0.5 is the lecture's learning rate; it moves w5 only to 0.3589165.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). Suppose the second target were T2 = 0.5 instead of 0.99, with "
    "everything else as in the lecture. outH2 reaches the error through both outputs; "
    "compute dE_doutH2 to 4 significant figures. (The forward pass does not change: "
    "outY2 = 0.7729285, and delta_y1 = 0.1384986 does not depend on T2.)",
    _T2["dE_doutH2"],
    digits=4,
    hint="dE_doutH2 = delta_y1 x w6 + delta_y2 x w8, one path through each output. Only "
         "delta_y2 = -(T2 - outY2) x outY2 (1 - outY2) changes; doutY2_dy2 = 0.1755101.",
    solution="delta_y2 = -(0.5 - 0.7729285) x 0.1755101 = 0.2729285 x 0.1755101 = "
             "0.04790169, now positive because outY2 is above the new target. "
             "dE_doutH2 = 0.1384986 x 0.45 + 0.04790169 x 0.55 = 0.06232435 + 0.02634593 "
             "= 0.08867. Check: ll.LessonNet(T2=0.5).backward()['dE_doutH2'].",
    slips={
        _LECTURE["dE_doutH2"]: "That is dE_doutH2 for the lecture's target 0.99; delta_y2 changes "
                               "with T2.",
        _T2["dE1_doutH2"] - _T2["dE2_doutH2"]: (
            "You kept the old sign of delta_y2: -(T2 - outY2) is now positive, since outY2 = 0.77 "
            "is above T2 = 0.5."
        ),
        _T2["dE1_doutH2"]: "That is only the path through y1; add the path through y2.",
        -_T2["dE_doutH2"]: "Right size, wrong sign: delta_y = -(T - outY) x outY (1 - outY), "
                           "positive when an output is above its target.",
        _T2["dE2_doutH2"]: "That is only the path through y2 (delta_y2 x w8); add the path "
                           "through y1, delta_y1 x w6.",
        _T2["dE_doutH1"]: "That is dE_doutH1: you used w5 and w7. outH2 travels along w6 and w8.",
        _T2["dE1_doutH2"] + _T2["dE_doutY2"] * _T2["dy2_doutH2"]: (
            "You left out doutY2_dy2: delta_y2 = dE_doutY2 x doutY2_dy2."
        ),
    },
)

ex5 = Exercise(
    "Exercise 5 (derive). Back to the target T1 = 0.05 of exercise 2 (T2 = 0.99 and all "
    "else as in the lecture). The slides never compute a bias gradient: compute dE_db11 "
    "to 5 significant figures.",
    _T1["dE_db11"],
    digits=5,
    hint="dE_db11 = delta_h1 = (delta_y1 x w5 + delta_y2 x w7) x doutH1_dh1, and "
         "dh1_db11 = 1. Only delta_y1 depends on T1; delta_y2 = -0.03809824 and "
         "doutH1_dh1 = 0.2413007.",
    solution="delta_y1 = (0.7513651 - 0.05) x 0.1868156 = 0.1310259. "
             "dE_doutH1 = 0.1310259 x 0.4 + (-0.03809824) x 0.5 = 0.05241038 - 0.01904912 "
             "= 0.03336126, so dE_db11 = 0.03336126 x 0.2413007 x 1 = 0.0080501. "
             "Check: ll.LessonNet(T1=0.05).gradient()['b11'].",
    slips={
        _LECTURE["dE_db11"]: "That is dE_db11 for the lecture's target 0.01; delta_y1 changes with"
                             " T1.",
        -_T1["dE_db11"]: "Right size, wrong sign: delta_y1 = -(T1 - outY1) x outY1 (1 - outY1) "
                         "is positive, since outY1 = 0.75 is above T1 = 0.05.",
        _T1["dE_doutH1"]: "You stopped at outH1 (that is dE_doutH1); one more factor, doutH1_dh1, "
                          "takes you to h1.",
        _T1["dE_dw1"]: "That is dE_dw1: you multiplied by x1. A bias is multiplied by 1.",
        _T1["dE_db12"]: "That is dE_db12: you used w6 and w8. b11 feeds h1, which reaches the "
                        "outputs along w5 and w7.",
    },
)

# -- the learner's own backward pass, checked line by line ------------------------------

# LessonNet.backward()'s names, in its order, then the slides' update of the eight weights.
NAMES = tuple(LessonNet().backward()) + tuple(f"new_{w}" for w in WEIGHTS)
DEPENDS_ON = {
    "dE_doutY1": ("T1", "outY1"), "doutY1_dy1": ("outY1",),
    "dE_doutY2": ("T2", "outY2"), "doutY2_dy2": ("outY2",),
    "delta_y1": ("dE_doutY1", "doutY1_dy1"), "delta_y2": ("dE_doutY2", "doutY2_dy2"),
    "dy1_dw5": ("outH1",), "dy1_dw6": ("outH2",), "dy2_dw7": ("outH1",), "dy2_dw8": ("outH2",),
    "dE_dw5": ("dE_doutY1", "doutY1_dy1", "dy1_dw5"),
    "dE_dw6": ("dE_doutY1", "doutY1_dy1", "dy1_dw6"),
    "dE_dw7": ("dE_doutY2", "doutY2_dy2", "dy2_dw7"),
    "dE_dw8": ("dE_doutY2", "doutY2_dy2", "dy2_dw8"),
    "dE_db21": ("dE_doutY1", "doutY1_dy1"), "dE_db22": ("dE_doutY2", "doutY2_dy2"),
    "dy1_doutH1": ("w5",), "dy2_doutH1": ("w7",), "dy1_doutH2": ("w6",), "dy2_doutH2": ("w8",),
    "dE1_doutH1": ("dE_doutY1", "doutY1_dy1", "dy1_doutH1"),
    "dE2_doutH1": ("dE_doutY2", "doutY2_dy2", "dy2_doutH1"),
    "dE_doutH1": ("dE1_doutH1", "dE2_doutH1"),
    "dE1_doutH2": ("dE_doutY1", "doutY1_dy1", "dy1_doutH2"),
    "dE2_doutH2": ("dE_doutY2", "doutY2_dy2", "dy2_doutH2"),
    "dE_doutH2": ("dE1_doutH2", "dE2_doutH2"),
    "doutH1_dh1": ("outH1",), "doutH2_dh2": ("outH2",),
    "delta_h1": ("dE_doutH1", "doutH1_dh1"), "delta_h2": ("dE_doutH2", "doutH2_dh2"),
    "dh1_dw1": ("x1",), "dh1_dw2": ("x2",), "dh2_dw3": ("x1",), "dh2_dw4": ("x2",),
    "dE_dw1": ("dE_doutH1", "doutH1_dh1", "dh1_dw1"),
    "dE_dw2": ("dE_doutH1", "doutH1_dh1", "dh1_dw2"),
    "dE_dw3": ("dE_doutH2", "doutH2_dh2", "dh2_dw3"),
    "dE_dw4": ("dE_doutH2", "doutH2_dh2", "dh2_dw4"),
    "dE_db11": ("dE_doutH1", "doutH1_dh1"), "dE_db12": ("dE_doutH2", "doutH2_dh2"),
    **{f"new_{w}": (w, "learning_rate", f"dE_d{w}") for w in WEIGHTS},
}


def _all_values(inputs) -> dict:
    """The inputs, forward and backward values and the updated weights, from the learner's
    inputs."""
    net = LessonNet(**inputs)
    values = {**inputs, **net.forward(), **net.backward()}
    return {**values, **{f"new_{w}": inputs[w] - inputs["learning_rate"] * values[f"dE_d{w}"]
                         for w in WEIGHTS}}


# The weight each path factor equals: dy1_doutH1 = w5, ...
PATH_WEIGHTS = {"dy1_doutH1": "w5", "dy2_doutH1": "w7", "dy1_doutH2": "w6", "dy2_doutH2": "w8"}
RULE = ("The rule of this lesson: every gradient is taken at the weights of the forward "
        "pass, before any weight moves")


def _confusions(name: str, r: dict) -> list[tuple[float, str]]:
    """The wrong values a learner is known to give for ``name``, with what each one means."""
    found = []
    if name in PATH_WEIGHTS:
        w = PATH_WEIGHTS[name]
        found.append((r[f"new_{w}"], f"That is new_{w}, {w} after its update. {RULE}; "
                      f"so {name} = {w} = {r[w]:.7g}, the weight before the update."))
    slides = r["dE_doutH1"] * r["doutH2_dh2"]
    for wrong_name, x in (("dE_dw3", "x1"), ("dE_dw4", "x2"), ("dE_db12", None),
                          ("delta_h2", None)):
        if name == wrong_name:
            found.append((slides * (r[x] if x else 1.0),
                          "You used dE_doutH1 where dE_doutH2 belongs, as the slides do: "
                          f"{name} belongs to h2, which reaches the error through outH2, so "
                          "its chain starts with dE_doutH2."))
    if name.startswith("new_"):
        w = name[4:]
        found += [(r[w] + r["learning_rate"] * r[f"dE_d{w}"],
                   f"You added the gradient: gradient descent moves against it, {name} = "
                   f"{w} - learning_rate * dE_d{w}."),
                  (r[w] - r[f"dE_d{w}"], f"The learning rate is missing: {name} = {w} - "
                                          f"learning_rate * dE_d{w}.")]
    return found


class BackwardCheck(ValueCheck):
    """``ValueCheck`` that also recognises the lesson's known confusions: a value that is
    another of the lesson's values (``new_w5`` where ``w5`` belongs, ``dE_doutH1`` where
    ``dE_doutH2`` belongs), the slides' slip, or the right value with the wrong sign."""

    def differs(self, name, got, reference, namespace) -> str:
        want = reference[name]
        head = (f"{name} differs: you have {got:.10g}, expected {want:.10g} (off by "
                f"{got - want:.2g}). ")
        for value, why in _confusions(name, reference):
            if agrees(got, value):
                return head + why
        if agrees(got, -want):
            return head + ("Right size, wrong sign: look at the signs in the factors of "
                           f"{name}, e.g. dE_doutY1 = -(T1 - outY1).")
        for other, value in reference.items():  # inputs, forward values, then the rest
            if other != name and agrees(got, value) and not agrees(want, value):
                if other in self.depends_on[name]:  # one ingredient alone: name them all
                    return (super().differs(name, got, reference, namespace)
                            + f" Your value is {other}'s alone.")
                return head + (f"That is the value of {other}: did you reuse {other} (or "
                               f"one of its factors) for {name}?")
        return super().differs(name, got, reference, namespace)


check_values = BackwardCheck(NAMES, _all_values, depends_on=DEPENDS_ON,
                             inputs={**LESSON_PARAMS, **LESSON_DATA,
                                     "learning_rate": LESSON_LEARNING_RATE})
"""``check_values(globals(), "dE_doutY1 doutY1_dy1 dy1_dw5 dE_dw5")``: the backward pass."""


def _gradients(*args, deltas=None, slides=False):
    """dE_d<param> for the twelve parameters; ``deltas(values)`` replaces (delta_h1, delta_h2);
    ``slides`` gives dE_dw3 and dE_dw4 the slides' dE_doutH1 (dE_db12 stays right)."""
    net = LessonNet(**dict(zip(INPUTS, args, strict=True)))
    v = net.backward()
    if deltas is not None:  # a slip in the hidden layer: redo its six gradients
        d1, d2 = deltas(v)
        v.update(dE_dw1=d1 * net.x1, dE_dw2=d1 * net.x2, dE_db11=d1,
                 dE_dw3=d2 * net.x1, dE_dw4=d2 * net.x2, dE_db12=d2)
    if slides:
        wrong = v["dE_doutH1"] * v["doutH2_dh2"]
        v.update(dE_dw3=wrong * net.x1, dE_dw4=wrong * net.x2)
    return {f"dE_d{p}": v[f"dE_d{p}"] for p in PARAMS}


def _h2_from_h1(v):
    """(delta_h1, delta_h2) with dE_doutH1 where dE_doutH2 belongs."""
    return v["delta_h1"], v["dE_doutH1"] * v["doutH2_dh2"]


H2_FROM_H1 = ("w3, w4 and b12 feed h2, so their chain runs through outH2: they need "
              "dE_doutH2, not dE_doutH1.")
SLIDES_SLIP = ("Your dE_dw3 and dE_dw4 use dE_doutH1 where dE_doutH2 belongs (your dE_db12 is "
               "right): the slides' own slip. w3 and w4 feed h2, so their chain runs through "
               "outH2, like b12's.")


def _output_first(learning_rate):
    """(delta_h1, delta_h2) from w5..w8 already updated: the slip of updating them first."""
    def deltas(v):
        outH1, outH2 = v["dy1_dw5"], v["dy1_dw6"]
        w5, w6 = v["dy1_doutH1"], v["dy1_doutH2"]
        w7, w8 = v["dy2_doutH1"], v["dy2_doutH2"]
        d1, d2 = v["delta_y1"], v["delta_y2"]
        new5, new6 = w5 - learning_rate * d1 * outH1, w6 - learning_rate * d1 * outH2
        new7, new8 = w7 - learning_rate * d2 * outH1, w8 - learning_rate * d2 * outH2
        return ((d1 * new5 + d2 * new7) * v["doutH1_dh1"],
                (d1 * new6 + d2 * new8) * v["doutH2_dh2"])
    return deltas


GRADIENTS = tuple(f"dE_d{p}" for p in PARAMS)

ex6 = CodeExercise(
    "Exercise 6 (code). Write the backward pass as a function "
    f"backward_pass({', '.join(INPUTS)}) that returns a dict with the twelve gradients "
    f"{', '.join(GRADIENTS)}. ex6.check(backward_pass) runs it on the lecture's values and "
    "on networks you have not seen, and compares each gradient with a central difference "
    "of E_total.",
    params=INPUTS,
    returns=GRADIENTS,
    reference=_gradients,
    lecture={**LESSON_PARAMS, **LESSON_DATA},
    random_case=random_case,
    slopes={f"dE_d{p}": p for p in PARAMS},
    loss=lambda *args: LessonNet(**dict(zip(INPUTS, args, strict=True))).error(),
    hint="Run the forward pass first, then go backwards: dE_doutY1 = -(T1 - outY1), "
         "doutY1_dy1 = outY1 (1 - outY1), and dE_dw5 = dE_doutY1 * doutY1_dy1 * outH1. A "
         "hidden output reaches the error along two paths: dE_doutH1 = dE_doutY1 * "
         "doutY1_dy1 * w5 + dE_doutY2 * doutY2_dy2 * w7.",
    solution='''\
def backward_pass(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
    def sigma(x):
        return 1 / (1 + math.exp(-x))

    outH1 = sigma(x1 * w1 + x2 * w2 + b11)
    outH2 = sigma(x1 * w3 + x2 * w4 + b12)
    outY1 = sigma(outH1 * w5 + outH2 * w6 + b21)
    outY2 = sigma(outH1 * w7 + outH2 * w8 + b22)
    # output layer: dE/dy for each output neuron
    delta_y1 = -(T1 - outY1) * outY1 * (1 - outY1)
    delta_y2 = -(T2 - outY2) * outY2 * (1 - outY2)
    # hidden layer: each hidden output reaches the error along two paths
    dE_doutH1 = delta_y1 * w5 + delta_y2 * w7
    dE_doutH2 = delta_y1 * w6 + delta_y2 * w8
    delta_h1 = dE_doutH1 * outH1 * (1 - outH1)
    delta_h2 = dE_doutH2 * outH2 * (1 - outH2)
    return dict(
        dE_dw1=delta_h1 * x1, dE_dw2=delta_h1 * x2, dE_dw3=delta_h2 * x1, dE_dw4=delta_h2 * x2,
        dE_dw5=delta_y1 * outH1, dE_dw6=delta_y1 * outH2,
        dE_dw7=delta_y2 * outH1, dE_dw8=delta_y2 * outH2,
        dE_db11=delta_h1, dE_db12=delta_h2, dE_db21=delta_y1, dE_db22=delta_y2,
    )
''',
    slips=[
        (lambda *a: {k: -g for k, g in _gradients(*a).items()},
         "Every gradient has the wrong sign: dE_doutY1 = -(T1 - outY1) = outY1 - T1, "
         "positive when the output is above its target."),
        (lambda *a: _gradients(*a, deltas=_h2_from_h1),
         f"You used dE_doutH1 for h2's weights and bias: {H2_FROM_H1}"),
        (lambda *a: _gradients(*a, slides=True), SLIDES_SLIP),
        (lambda *a: _gradients(*a, deltas=lambda v: (v["dE1_doutH1"] * v["doutH1_dh1"],
                                                     v["dE1_doutH2"] * v["doutH2_dh2"])),
         "A hidden output reaches the error along two paths, through y1 and through y2: "
         "add both, dE_doutH1 = dE1_doutH1 + dE2_doutH1."),
        (lambda *a: _gradients(*a, deltas=lambda v: (v["dE_doutH1"], v["dE_doutH2"])),
         "Between outH1 and h1 sits a sigmoid: multiply by its slope doutH1_dh1 = "
         "outH1 (1 - outH1)."),
        (lambda *a: _gradients(*a, deltas=_output_first(LESSON_LEARNING_RATE)),
         "Your hidden layer used w5..w8 after an update with learning rate 0.5. Its "
         "gradients belong to this forward pass, so they need w5..w8 from before any update: "
         "compute every gradient first, then update."),
    ],
)



# -- one whole update, biases included ------------------------------------------------

STEP_INPUTS = INPUTS + ("learning_rate",)
NEW = tuple(f"new_{p}" for p in PARAMS)


def _step(*args, deltas=None, slides=False, sign=-1.0, update_biases=True):
    """new_<param> = param - learning_rate * dE_d<param> for the twelve, from LessonNet."""
    *inputs, lr = args
    start = dict(zip(INPUTS, inputs, strict=True))
    grad = _gradients(*inputs, deltas=deltas, slides=slides)
    moved = PARAMS if update_biases else WEIGHTS
    return {f"new_{p}": start[p] + sign * lr * grad[f"dE_d{p}"] if p in moved else start[p]
            for p in PARAMS}


def _output_first_step(*args):
    return _step(*args, deltas=_output_first(args[-1]))


def _stepped(*args):
    """The reference: LessonNet.step, all twelve parameters updated."""
    *inputs, lr = args
    net = LessonNet(**dict(zip(INPUTS, inputs, strict=True)))
    return {f"new_{p}": v for p, v in net.step(lr, update_biases=True).params.items()}


def _step_case(rng) -> dict:
    return {**random_case(rng), "learning_rate": round(float(rng.uniform(0.1, 2.0)), 2)}


ex7 = CodeExercise(
    "Exercise 7 (code). train_step above holds the biases fixed, as the slides do. Write "
    "one whole update of all twelve parameters as a function train_step_with_biases("
    f"{', '.join(STEP_INPUTS)}) that makes one forward pass and one backward pass, then "
    f"moves every parameter against its gradient. It returns a dict with the keys "
    f"{', '.join(NEW)}. "
    "ex7.check(train_step_with_biases) runs it on the lecture's values and on networks and "
    "learning rates you have not seen.",
    params=STEP_INPUTS,
    returns=NEW,
    reference=_stepped,
    lecture={**LESSON_PARAMS, **LESSON_DATA, "learning_rate": LESSON_LEARNING_RATE},
    random_case=_step_case,
    hint="Start from train_step: the forward pass, then delta_y1, delta_y2, delta_h1 and "
         "delta_h2, all from the weights you were given. A bias's gradient is its neuron's "
         "delta (dE_db21 = delta_y1, dE_db11 = delta_h1), and every parameter moves the same "
         "way: new_b21 = b21 - learning_rate * dE_db21.",
    solution='''\
def train_step_with_biases(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22,
                           x1, x2, T1, T2, learning_rate):
    def sigma(x):
        return 1 / (1 + math.exp(-x))

    outH1 = sigma(x1 * w1 + x2 * w2 + b11)
    outH2 = sigma(x1 * w3 + x2 * w4 + b12)
    outY1 = sigma(outH1 * w5 + outH2 * w6 + b21)
    outY2 = sigma(outH1 * w7 + outH2 * w8 + b22)
    delta_y1 = -(T1 - outY1) * outY1 * (1 - outY1)
    delta_y2 = -(T2 - outY2) * outY2 * (1 - outY2)
    # every gradient before any update: the hidden layer needs the old w5..w8
    delta_h1 = (delta_y1 * w5 + delta_y2 * w7) * outH1 * (1 - outH1)
    delta_h2 = (delta_y1 * w6 + delta_y2 * w8) * outH2 * (1 - outH2)
    lr = learning_rate
    return dict(
        new_w1=w1 - lr * delta_h1 * x1, new_w2=w2 - lr * delta_h1 * x2,
        new_w3=w3 - lr * delta_h2 * x1, new_w4=w4 - lr * delta_h2 * x2,
        new_w5=w5 - lr * delta_y1 * outH1, new_w6=w6 - lr * delta_y1 * outH2,
        new_w7=w7 - lr * delta_y2 * outH1, new_w8=w8 - lr * delta_y2 * outH2,
        new_b11=b11 - lr * delta_h1, new_b12=b12 - lr * delta_h2,
        new_b21=b21 - lr * delta_y1, new_b22=b22 - lr * delta_y2,
    )
''',
    slips=[
        (lambda *a: _step(*a, sign=1.0),
         "You added the gradient: that walks uphill and raises the error. Move against "
         "it: new_w5 = w5 - learning_rate * dE_dw5."),
        (_output_first_step,
         "Your hidden layer used w5..w8 after their update. The gradients belong to this "
         "forward pass, so dE_doutH1 needs w5 and w7 from before it (0.40 and 0.50 in the "
         "lecture): compute every gradient first, then update."),
        (lambda *a: _step(*a, update_biases=False),
         "Your biases did not move: this step trains them too, new_b11 = b11 - "
         "learning_rate * dE_db11 with dE_db11 = delta_h1."),
        (lambda *a: _stepped(*a[:-1], LESSON_LEARNING_RATE),
         "Your step is right at learning rate 0.5 only: use the argument learning_rate, "
         "not the lecture's 0.5."),
        (lambda *a: {f"new_{p}": g for p, g in zip(PARAMS, _gradients(*a[:-1]).values(),
                                                   strict=True)},
         "You returned the gradients: new_w1 should be the new weight, w1 - learning_rate "
         "* dE_dw1."),
        (lambda *a: _step(*a, deltas=_h2_from_h1),
         f"Your hidden layer used dE_doutH1 for h2's weights and bias: {H2_FROM_H1}"),
        (lambda *a: _step(*a, slides=True), SLIDES_SLIP),
    ],
)
