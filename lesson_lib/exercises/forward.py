"""Lesson 4 exercises: from reading the diagram to a forward pass on new numbers."""

from ..core.matrix import MatrixNet
from ..core.network import LessonNet
from .base import Exercise

ex1 = Exercise(
    "Exercise 1 (recall). In the lecture's network, which weight carries outH2 into the "
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
    "Exercise 2 (apply). Change the first input to x1 = 0.20 and keep everything else as "
    "in the lecture (x2 = 0.10, w3 = 0.25, w4 = 0.30, b12 = 0.35). Compute the net input h2 "
    "of the second hidden neuron, to 4 significant figures.",
    LessonNet(x1=0.2).forward()["h2"],
    hint="h2 = x1*w3 + x2*w4 + b12: each input times the weight on its edge into h2, "
         "plus the bias. Only the first product changes.",
    solution="h2 = 0.20*0.25 + 0.10*0.30 + 0.35 = 0.05 + 0.03 + 0.35 = 0.4300. "
             "Check: ll.LessonNet(x1=0.2).forward()['h2'].",
    mistakes={
        0.3925: "0.3925 is h2 with the lecture's x1 = 0.05; put in x1 = 0.20.",
        0.4: "0.4000 is h1, which uses w1 and w2. The edges into h2 carry w3 and w4.",
        0.08: "You left out the bias: add b12 = 0.35.",
        0.435: "You swapped the weights: x1 travels along w3 and x2 along w4.",
        0.6058735: "0.6059 is outH2 = sigmoid(h2); the question asks for h2 before the "
                   "sigmoid.",
    },
)

ex3 = Exercise(
    "Exercise 3 (apply). Suppose the first target were T1 = 0.05 instead of 0.01, with "
    "every weight, bias and input as in the lecture. What is the first output's error E1, "
    "to 4 significant figures? (outY1 = 0.7513651 as computed above.)",
    LessonNet(T1=0.05).forward()["E1"],
    hint="A target does not enter the forward pass, so outY1 stays 0.7513651. Then "
         "E1 = 1/2 * (T1 - outY1)^2: the difference, squared, then halved.",
    solution="E1 = 0.5 * (0.05 - 0.7513651)^2 = 0.5 * 0.4919130 = 0.2460. "
             "Check: ll.LessonNet(T1=0.05).forward()['E1'].",
    mistakes={
        0.4919130: "That is (T1 - outY1)^2 without the factor 1/2; the error halves it.",
        0.3506825: "You halved the difference but did not square it.",
        0.2748111: "That is E1 for the lecture's target 0.01; use T1 = 0.05.",
        0.2695165: "That is E_total = E1 + E2 for T1 = 0.05; the question asks for E1 alone.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). Keep every value of the lecture but set the bias b21 to 0. "
    "What does the output outY1 become, to 4 significant figures? (Start from "
    "y1 = 1.105906 of step 2.)",
    LessonNet(b21=0).forward()["outY1"],
    hint="b21 is added to y1 only, so the new y1 is 1.105906 - 0.6. Then apply the "
         "sigmoid.",
    solution="y1 = 1.105906 - 0.6 = 0.505906, so outY1 = 1 / (1 + e^-0.505906) = 0.6238. "
             "Check: ll.LessonNet(b21=0).forward()['outY1'].",
    mistakes={
        0.505906: "0.5059 is the new y1; outY1 is the sigmoid of it.",
        0.7513651: "That is the old outY1. b21 feeds y1 directly, so outY1 does change.",
    },
)

_, _OUT_H, _ = MatrixNet.from_lesson(LessonNet()).forward([1.0, 0.5])

ex5 = Exercise(
    "Exercise 5 (derive). Feed the network a new input x = [1.0, 0.5] (x1 = 1.0, "
    "x2 = 0.5) with the lecture's W1 = [[w1, w2], [w3, w4]] = [[0.15, 0.20], [0.25, 0.30]] "
    "and b1 = [0.35, 0.35]. Compute the hidden layer's output "
    "outH = sigmoid(W1 @ x + b1) and give it as a list [outH1, outH2], each to 4 "
    "significant figures.",
    [float(v) for v in _OUT_H],
    hint="Row k of W1 holds the weights into hidden neuron k, so the first entry of "
         "W1 @ x + b1 is w1*x1 + w2*x2 + b11. Apply the sigmoid to each entry.",
    solution="W1 @ x + b1 = [0.15*1.0 + 0.20*0.5 + 0.35, 0.25*1.0 + 0.30*0.5 + 0.35] = "
             "[0.60, 0.75], so outH = [sigmoid(0.60), sigmoid(0.75)] = [0.6457, 0.6792]. "
             "Check: ll.LessonNet(x1=1.0, x2=0.5).forward() gives the same outH1 and outH2.",
    mistakes={
        (0.6513549, 0.6681878): "You multiplied by the transpose: W1.T @ x mixes w1 with "
                                "w3. Each row of W1 is one hidden neuron's weights.",
        (0.6, 0.75): "Those are the net inputs h1 and h2; apply the sigmoid to each.",
        (0.5621765, 0.5986877): "You left out the biases: add b1 = [0.35, 0.35] before the "
                                "sigmoid.",
        (0.59327, 0.5968844): "Those are outH1 and outH2 for the lecture's input "
                              "[0.05, 0.10]; use x = [1.0, 0.5].",
    },
)
