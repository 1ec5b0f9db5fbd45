"""Lesson 4 exercises: from reading the diagram to the forward pass as a matrix product."""

from .base import Exercise

ex1 = Exercise(
    "Exercise 1 (recall). In the lesson's network, which weight carries outH2 into the "
    "output neuron y1? Answer with its name as a string, e.g. 'w1'.",
    "w6",
    hint="Look at the formula y1 = outH1*w5 + outH2*w6 + b21, or follow the edges that end "
         "at y1 in the diagram.",
    solution="'w6'. The two edges into y1 are w5 (from outH1) and w6 (from outH2); w7 and "
             "w8 are the two edges into y2.",
    mistakes={
        "w7": "w7 starts at outH1 and ends at y2: y2 = outH1*w7 + outH2*w8 + b22.",
        "w8": "w8 does start at outH2, but it ends at y2, not y1.",
        "w5": "w5 ends at y1, but it starts at outH1, not outH2.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). With the lesson's values (x1 = 0.05, x2 = 0.10, w3 = 0.25, "
    "w4 = 0.30, b12 = 0.35), compute the net input h2 of the second hidden neuron by hand.",
    0.3925,
    hint="h2 = x1*w3 + x2*w4 + b12: each input times the weight on its edge into h2, "
         "plus the bias.",
    solution="h2 = 0.05*0.25 + 0.10*0.30 + 0.35 = 0.0125 + 0.03 + 0.35 = 0.3925.",
    mistakes={
        0.3775: "0.3775 is h1, which uses w1 and w2. The edges into h2 carry w3 and w4.",
        0.0425: "You left out the bias: add b12 = 0.35.",
        0.39: "You swapped the weights: x1 travels along w3 and x2 along w4.",
        0.5968844: "0.5969 is outH2 = sigmoid(h2); the question asks for h2 before the "
                   "sigmoid.",
    },
)

ex3 = Exercise(
    "Exercise 3 (apply). The first output is outY1 = 0.7513651 and its target is "
    "T1 = 0.01. What is that output's error E1?",
    0.2748111,
    hint="E1 = 1/2 * (T1 - outY1)^2: the difference, squared, then halved.",
    solution="E1 = 0.5 * (0.01 - 0.7513651)^2 = 0.5 * 0.5496222 = 0.2748111.",
    mistakes={
        0.5496222: "That is (T1 - outY1)^2 without the factor 1/2; the lesson halves it.",
        0.3706825: "You halved the difference but did not square it.",
        0.2983711: "0.2984 is E_total = E1 + E2; the question asks for E1 alone.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). Keep every lesson value but set the bias b21 to 0. What does "
    "the output outY1 become? (Use y1 = 1.105906 from the lesson.)",
    0.6238462,
    hint="b21 is added to y1 only, so the new y1 is 1.105906 - 0.6. Then apply the "
         "sigmoid.",
    solution="y1 = 1.105906 - 0.6 = 0.505906, so outY1 = 1 / (1 + e^-0.505906) = 0.6238. "
             "Check: ll.LessonNet(b21=0).forward()['outY1'].",
    mistakes={
        0.505906: "0.5059 is the new y1; outY1 is the sigmoid of it.",
        0.7513651: "That is the old outY1. b21 feeds y1 directly, so outY1 does change.",
    },
)

ex5 = Exercise(
    "Exercise 5 (derive). In the matrix form, W2 = [[w5, w6], [w7, w8]] and "
    "b2 = [b21, b22]. Compute W2 @ [outH1, outH2] + b2 with outH1 = 0.59327 and "
    "outH2 = 0.5968844, and give the two numbers as a list [first, second].",
    [1.105906, 1.224921],
    hint="Row k of W2 holds the weights into output neuron k, so the first entry is "
         "w5*outH1 + w6*outH2 + b21.",
    solution="[0.4*0.59327 + 0.45*0.5968844 + 0.6, 0.5*0.59327 + 0.55*0.5968844 + 0.6] = "
             "[1.105906, 1.224921]: exactly y1 and y2 of the step-by-step pass.",
    mistakes={
        (1.13575, 1.195258): "You multiplied by the transpose: W2.T @ outH mixes w5 with "
                             "w7. Each row of W2 is one output neuron's weights.",
        (0.7513651, 0.7729285): "Those are outY1 and outY2, after the sigmoid; the question "
                                "stops before it.",
    },
)
