"""Lesson 2 exercises: from multiplying two slopes to differentiating a neuron by its weight."""

import math

from ..core.activations import sigmoid, sigmoid_prime
from .base import Exercise

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
