"""Lesson 1 exercises: from recalling sigma' to solving sigma'(x) = 0.1."""

import math

from ..core.activations import sigmoid, sigmoid_prime, sigmoid_prime_from_output
from .base import Exercise

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

ex2 = Exercise(
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
        "sigmoid": "The sigmoid's slope is small far from 0, but it is never exactly zero.",
    },
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
