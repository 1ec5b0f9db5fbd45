"""Lesson 5 exercises: from naming a chain-rule factor to a bias gradient through two paths."""

from .base import Exercise

ex1 = Exercise(
    "Exercise 1 (recall). In dE_dw6 = dE_doutY1 x doutY1_dy1 x dy1_dw6, the last factor "
    "dy1_dw6 equals one of the forward pass's values. Which one? Answer with its name as a "
    "string, e.g. 'outY1'.",
    "outH2",
    hint="Write out y1 = outH1*w5 + outH2*w6 + b21 and ask what multiplies w6.",
    solution="'outH2'. y1 changes by outH2 for every unit that w6 changes, so "
             "dy1_dw6 = outH2 = 0.5968844.",
    mistakes={
        "w6": "w6 is the weight you differentiate with respect to; the slope is what "
              "multiplies it in y1.",
        "outH1": "outH1 multiplies w5, so it is dy1_dw5. Which hidden output does w6 carry?",
        "outY1": "outY1 comes after y1; dy1_dw6 only looks at how y1 is built.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). The slides give dE_doutY2 = -0.2170715, doutY2_dy2 = 0.1755101 "
    "and outH1 = 0.59327. Compute dE_dw7.",
    -0.02260254,
    hint="dE_dw7 = dE_doutY2 x doutY2_dy2 x dy2_dw7, and y2 = outH1*w7 + outH2*w8 + b22.",
    solution="dy2_dw7 = outH1, so dE_dw7 = -0.2170715 x 0.1755101 x 0.59327 = -0.02260254. "
             "It is negative because outY2 = 0.7729 is below its target 0.99: raising w7 "
             "raises outY2 and lowers the error.",
    mistakes={
        0.02260254: "Right size, wrong sign: dE_doutY2 = -(T2 - outY2) is negative because "
                    "outY2 is below its target.",
        -0.02274024: "That is dE_dw8: you used outH2. Which hidden output does w7 carry?",
        -0.03809824: "That is delta_y2 = dE_dy2; one factor, dy2_dw7 = outH1, is missing.",
    },
)

ex3 = Exercise(
    "Exercise 3 (apply). With dE_dw8 = -0.02274024 and learning rate 0.5, what is the new "
    "value of w8 (it was 0.55)?",
    0.5613701,
    hint="new w8 = w8 - learning_rate x dE_dw8. Mind the two minus signs.",
    solution="new w8 = 0.55 - 0.5 x (-0.02274024) = 0.55 + 0.01137012 = 0.5613701. A "
             "negative gradient means the error falls as w8 grows, so w8 grows.",
    mistakes={
        0.5386299: "You moved w8 the wrong way: subtracting a negative gradient adds to w8.",
        0.5727402: "You left out the learning rate: the step is 0.5 x 0.02274024.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). outH2 reaches the error through both outputs. With "
    "delta_y1 = dE_dy1 = 0.1384986, delta_y2 = dE_dy2 = -0.03809824, w6 = 0.45 and "
    "w8 = 0.55, compute dE_doutH2.",
    0.04137032,
    hint="dE_doutH2 = dE1_doutH2 + dE2_doutH2: one path through y1 (weight w6), one "
         "through y2 (weight w8).",
    solution="dE1_doutH2 = 0.1384986 x 0.45 = 0.06232435 and dE2_doutH2 = "
             "-0.03809824 x 0.55 = -0.02095403, so dE_doutH2 = 0.04137032.",
    mistakes={
        0.03635031: "That is dE_doutH1, the number the slides used by mistake for w3 and w4. "
                    "outH2 travels along w6 and w8, not w5 and w7.",
        0.06232435: "That is only the path through y1; add the path through y2.",
        0.08327838: "You subtracted the second path. Add it: it is already negative.",
    },
)

ex5 = Exercise(
    "Exercise 5 (derive). The slides never compute a bias gradient. Using "
    "dE_doutH2 = 0.04137032 and doutH2_dh2 = 0.2406134, compute dE_db12.",
    0.009954255,
    hint="h2 = x1*w3 + x2*w4 + b12, so dh2_db12 = 1.",
    solution="dE_db12 = dE_doutH2 x doutH2_dh2 x dh2_db12 = 0.04137032 x 0.2406134 x 1 "
             "= 0.009954255: the error signal delta_h2 itself.",
    mistakes={
        0.0004977127: "That is dE_dw3: you multiplied by x1. A bias is multiplied by 1.",
        0.008746371: "You used dE_doutH1 = 0.03635031, the slides' slip. b12 feeds h2.",
        0.04137032: "You stopped at outH2; one more factor, doutH2_dh2, takes you to h2.",
    },
)
