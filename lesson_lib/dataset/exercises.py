"""Lesson 7 exercises: the lecture's network on a data set, epochs, reading the output
as a probability, and hidden units."""

import math
import numbers
import random

from ..core.checks import fraction
from ..core.network import LESSON_PARAMS, PARAMS, LessonNet
from ..exercises.base import Exercise, Feedback
from ..exercises.coding import CodeExercise
from ..forward.exercises import ex6 as forward_ex6


def _samples(data) -> list:
    return [(float(x1), float(x2), 1.0 - c, float(c)) for (x1, x2), c in zip(data.X, data.y,
                                                                               strict=True)]


def check_epochs(trained, start, data, learning_rate: float, epochs: int, seed: int = 0,
                 rel_tol: float = 1e-6) -> Feedback:
    """Your parameters after ``epochs`` epochs against the same loop run on lesson_lib's
    network: ``random.Random(seed)`` shuffles the samples before each epoch, then one update
    per sample (T1 = 1 for class 0, T2 = 1 for class 1). Never raises."""
    for name, value in (("trained", trained), ("start", start)):
        if not isinstance(value, dict) or set(value) != set(PARAMS):
            return Feedback(False, f"{name} must be a dict of the twelve parameters "
                                   f"{', '.join(PARAMS)}")
        if not all(isinstance(v, numbers.Real) and math.isfinite(v) for v in value.values()):
            return Feedback(False, f"{name} must hold finite numbers, got "
                                   f"{ {p: value[p] for p in PARAMS} }")
    if not (isinstance(epochs, numbers.Integral) and not isinstance(epochs, bool)
            and 0 <= epochs <= 1000):
        return Feedback(False, f"epochs must be a whole number from 0 to 1000, got {epochs!r}")
    if not (isinstance(learning_rate, numbers.Real) and not isinstance(learning_rate, bool)
            and 0 < learning_rate < 1e6):
        return Feedback(False, f"learning_rate must be a number > 0, got {learning_rate!r}")
    try:
        rel_tol = fraction(rel_tol, "rel_tol")
    except (TypeError, ValueError) as error:
        return Feedback(False, str(error))
    try:
        samples = _samples(data)
        order = random.Random(seed)
        net = LessonNet(**start)
    except (TypeError, ValueError, AttributeError) as error:
        return Feedback(False, f"I could not run the loop on this data and start: {error}")
    # Run on past `epochs`, so a loop that ran another number of epochs can be named.
    most = min(max(2 * epochs, epochs + 20), 1000)
    wanted = None
    try:
        for epoch in range(most + 1):
            if epoch:
                order.shuffle(samples)
                for x1, x2, T1, T2 in samples:
                    net = net.with_values(x1=x1, x2=x2, T1=T1, T2=T2).step(learning_rate)
            if epoch == epochs:
                wanted = net
            elif _agrees(trained, net, rel_tol):
                return Feedback(False, f"Your parameters match {epoch} epochs, not {epochs}: "
                                       f"pass epochs={epoch}, the number your loop ran, to "
                                       "the check.")
            if epoch >= epochs and wanted is not None and _agrees(trained, wanted, rel_tol):
                break
    except ValueError:  # a large rate pushed the weights past LessonNet's limit
        if wanted is None:
            return Feedback(False, f"learning_rate {learning_rate:g} pushes lesson_lib's "
                                   f"weights past their limit within {epochs} epochs; pass "
                                   "the rate your loop used")
    for p in PARAMS:
        want = getattr(wanted, p)
        if not math.isclose(trained[p], want, rel_tol=rel_tol, abs_tol=1e-9):
            return Feedback(False, f"{p} = {trained[p]:.8g} after {epochs} epochs; the same "
                                   f"loop on lesson_lib's network gives {want:.8g}. If your "
                                   "loop used another learning rate, number of epochs or "
                                   "seed, pass the same learning_rate=, epochs= and seed= "
                                   "to the check.")
    return Feedback(True, f"All twelve parameters agree with the same {epochs} epochs "
                          f"({epochs * len(samples):,} updates) on lesson_lib's network, "
                          f"to a relative {rel_tol:g}.")


def _agrees(trained, net, rel_tol) -> bool:
    return all(math.isclose(trained[p], getattr(net, p), rel_tol=rel_tol, abs_tol=1e-9)
               for p in PARAMS)


ex1 = Exercise(
    "Exercise 1 (apply). The training set has 150 points and the loop makes one update per "
    "point in each epoch. How many updates do 100 epochs make? Give a whole number.",
    15_000,
    exact=True,
    hint="One epoch visits every training point once, with one update each.",
    solution="150 x 100 = 15000 updates, every one of them the lesson-5 forward, backward "
             "and update on a single point.",
    slips={
        100: "That is the number of epochs; each epoch makes one update per point.",
        150: "That is one epoch's updates.",
        200: "200 is the whole data set; a quarter of it is held out and never trained on.",
        20_000: "200 x 100 counts the held-out points too; they are never trained on.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). Read the classifier's output as P(class 1). For a point of class 0 "
    "it outputs 0.9. What is that point's cross-entropy loss, E = -[t ln(out) + (1 - t) "
    "ln(1 - out)] with t = 0? Give it to 4 significant figures.",
    -math.log(1 - 0.9),
    digits=4,
    hint="With t = 0 only the second term is left: E = -ln(1 - out), the surprise of "
         "seeing class 0 when the network gave it probability 0.1.",
    solution="E = -ln(1 - 0.9) = -ln(0.1) = 2.303. Squared error would be only "
             "1/2 (0 - 0.9)^2 = 0.405: cross-entropy punishes a confident wrong answer far "
             "harder, and without bound as out approaches 1.",
    slips={
        -math.log(0.9): "That is -ln(0.9), the loss for a point of class 1; this point has t = 0.",
        0.5 * 0.9 ** 2: "That is the squared error 1/2 (t - out)^2, not the cross-entropy.",
        math.log(0.1): "Right size, wrong sign: the loss is -ln(0.1), a positive number.",
        -math.log10(0.1): "That is the logarithm to base 10; cross-entropy uses the natural "
                          "logarithm ln.",
        -math.log2(0.1): "That is the logarithm to base 2 (the loss in bits); cross-entropy "
                         "here uses the natural logarithm ln.",
    },
)

ex3 = Exercise(
    "Exercise 3 (think). A network with one hidden layer of sigmoid units classifies the XOR "
    "data (class 1 where x1 and x2 have opposite signs). What is the fewest number of hidden "
    "units that can separate the two classes? Give a whole number. (Try it in the data-set "
    "app.)",
    2,
    exact=True,
    hint="One hidden unit gives the output one straight line to work with. How many straight "
         "lines does it take to cut off the two opposite-sign quadrants?",
    solution="2. Each hidden unit contributes one straight edge (where its input is 0); XOR "
             "needs two edges, e.g. a band between two parallel lines, so 2 units are the "
             "minimum: the lecture's network has exactly that many. From some random starts "
             "2 units get stuck (this lesson shows one); 4 or more train more reliably.",
    slips={
        1: "One hidden unit gives a single straight line through the plane, and no straight line "
           "separates XOR's classes.",
        4: "Four units work, and train easily, but fewer suffice: count the straight edges the "
           "boundary needs.",
    },
)

# -- the accuracy of the lecture's network on a few points --------------------------------
ACCURACY_INPUTS = PARAMS + ("X1", "X2", "C")


def _accuracy(*args, swapped=False, count=False, percent=False):
    *params, X1, X2, C = args
    p = dict(zip(PARAMS, params, strict=True))
    right = 0
    for x1, x2, c in zip(X1, X2, C, strict=True):
        f = LessonNet(**p, x1=x1, x2=x2, T1=1.0 - c, T2=float(c)).forward()
        predicted = int(f["outY2"] > f["outY1"])
        right += (predicted != c) if swapped else (predicted == c)
    if percent:
        return 100 * right / len(C)
    return right if count else right / len(C)


def _case(rng) -> dict:
    n = int(rng.integers(6, 12))
    C = tuple(int(c) for c in rng.integers(0, 2, n))
    return {**{p: round(float(rng.uniform(-3, 3)), 2) for p in PARAMS},
            "X1": tuple(round(float(v), 2) for v in rng.uniform(-1.5, 1.5, n)),
            "X2": tuple(round(float(v), 2) for v in rng.uniform(-1.5, 1.5, n)), "C": C}


_XOR_FOUR = {"X1": (0.05, -0.9, 1.0, -1.1), "X2": (0.1, 1.0, -0.8, -1.0), "C": (0, 1, 1, 0)}

ex4 = CodeExercise(
    "Exercise 4 (code). Write accuracy(" + ", ".join(ACCURACY_INPUTS) + ") that returns "
    "the share (between 0 and 1) of the points (X1[i], X2[i]) whose class C[i] the lecture's "
    "network with these twelve parameters gets right. The network says class 1 where "
    "outY2 > outY1, else class 0. Use your forward_pass (any targets will do: they do not "
    "change the outputs). ex4.check(accuracy) runs it on the lecture's weights and on "
    "networks and points you have not seen.",
    params=ACCURACY_INPUTS,
    returns="accuracy",
    reference=_accuracy,
    uses={"forward_pass": forward_ex6.reference},  # the learner's own, from lesson 4
    lecture={**LESSON_PARAMS, **_XOR_FOUR},
    random_case=_case,
    hint="Loop over zip(X1, X2, C); call forward_pass(w1, ..., b22, x1, x2, 0.0, 0.0); "
         "count a point as right when int(outY2 > outY1) == c; divide by the number of "
         "points at the end.",
    solution='''\
def accuracy(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, X1, X2, C):
    right = 0
    for x1, x2, c in zip(X1, X2, C):
        f = forward_pass(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, 0.0, 0.0)
        right += int(f["outY2"] > f["outY1"]) == c
    return right / len(C)
''',
    slips=[
        (lambda *a: _accuracy(*a, swapped=True),
         "You have the classes the wrong way round: outY2 is the output for class 1."),
        (lambda *a: _accuracy(*a, count=True),
         "That is how many points are right; the share divides by the number of points."),
        (lambda *a: _accuracy(*a, percent=True),
         "That is a percentage; return the share between 0 and 1 (0.5, not 50)."),
    ],
)

