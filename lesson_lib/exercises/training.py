"""Exercises for training: repeated updates, the learning rate, classifying a data set."""

from ..core.activations import sigmoid_prime_from_output
from ..core.network import LessonNet
from .base import Exercise

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
            "second one uses the gradients at the new weights."
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

ex3 = Exercise(
    "Exercise 3 (apply). Why does the stalled network not recover? Take a saturated output "
    "outY1 = 0.000001 (1e-6). What is its slope doutY1/dy1, which multiplies every gradient "
    "that passes through it? Give it to 4 significant figures.",
    sigmoid_prime_from_output(1e-6),
    digits=4,
    hint="The sigmoid's slope can be written with its own output: sigma'(y) = out (1 - out).",
    solution="outY1 (1 - outY1) = 1e-6 * 0.999999 = 9.99999e-7, about 250,000 times smaller "
             "than the slope's largest value, 0.25 at outY1 = 0.5. Every gradient through "
             "outY1 shrinks by that factor, so the updates become too small to move it back.",
    slips={
        0.25: "0.25 is the sigmoid's steepest slope, at outY1 = 0.5; this output sits in the flat "
              "tail.",
        1 - 1e-6: "The slope is out (1 - out), not (1 - out) alone.",
    },
)

ex4 = Exercise(
    "Exercise 4 (think). A network with one hidden layer of sigmoid units classifies the XOR "
    "data (class 1 where x1 and x2 have opposite signs). What is the fewest number of hidden "
    "units that can separate the two classes? Give a whole number. (Try it in the data-set "
    "app.)",
    2,
    exact=True,
    hint="One hidden unit gives the output one straight line to work with. How many straight "
         "lines does it take to cut off the two opposite-sign quadrants?",
    solution="2. Each hidden unit contributes one straight edge (where its input is 0); XOR "
             "needs two edges, e.g. a band between two parallel lines, so 2 units are the "
             "minimum. In practice 3 or 4 train more reliably from random starting weights.",
    slips={
        1: "One hidden unit gives a single straight line through the plane, and no straight line "
           "separates XOR's classes.",
        4: "Four units work, and train easily, but fewer suffice: count the straight edges the "
           "boundary needs.",
    },
)
