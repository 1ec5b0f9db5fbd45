"""Lesson 5 exercises: from naming a chain-rule factor to gradients for a changed target."""

from ..core.network import LessonNet
from .base import Exercise

_LECTURE = LessonNet()
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
    mistakes={
        "w6": "w6 is the weight you differentiate with respect to; the slope is what "
              "multiplies it in y1.",
        "outH1": "outH1 multiplies w5, so it is dy1_dw5. Which hidden output does w6 carry?",
        "outY1": "outY1 comes after y1; dy1_dw6 only looks at how y1 is built.",
    },
)

ex2 = Exercise(
    "Exercise 2 (apply). Suppose the first target were T1 = 0.05 instead of 0.01, with "
    "everything else as in the lecture. What would dE_dw5 be, to 4 significant figures? "
    "(The forward pass does not change: outY1 = 0.7513651, outH1 = 0.59327.)",
    _T1["dE_dw5"],
    hint="dE_dw5 = dE_doutY1 x doutY1_dy1 x dy1_dw5. Which of the three factors contains "
         "the target? The other two are printed above.",
    solution="Only dE_doutY1 = -(T1 - outY1) = -(0.05 - 0.7513651) = 0.7013651 changes; "
             "doutY1_dy1 = 0.1868156 and dy1_dw5 = outH1 = 0.59327 stay. "
             "dE_dw5 = 0.7013651 x 0.1868156 x 0.59327 = 0.07773. "
             "Check: ll.LessonNet(T1=0.05).gradient()['w5'].",
    mistakes={
        0.08216704: "That is dE_dw5 for the lecture's target 0.01; put T1 = 0.05 into "
                    "dE_doutY1.",
        -0.07773376: "Right size, wrong sign: outY1 = 0.75 is still far above 0.05, so "
                     "raising w5 still raises the error.",
        0.1310259: "That is delta_y1 = dE_doutY1 x doutY1_dy1; one factor, "
                   "dy1_dw5 = outH1, is missing.",
        0.07820734: "That is dE_dw6: you used outH2. w5 carries outH1, so dy1_dw5 = outH1.",
    },
)

ex3 = Exercise(
    "Exercise 3 (apply). One update with learning rate 0.5 moves w5 from 0.4 to 0.3589165. "
    "What learning rate would move w5 from 0.4 to exactly 0.35 in one update? Give it to 4 "
    "significant figures.",
    (0.4 - 0.35) / _LECTURE.gradient()["w5"],
    hint="new w5 = w5 - learning_rate x dE_dw5 with dE_dw5 = 0.08216704. Solve for the "
         "learning rate.",
    solution="0.35 = 0.4 - learning_rate x 0.08216704, so learning_rate = "
             "0.05 / 0.08216704 = 0.6085.",
    mistakes={
        0.004108352: "You multiplied the step by the gradient; divide the step 0.05 by the "
                     "gradient instead.",
        1.6433408: "You divided the wrong way round: learning_rate = step / gradient = "
                   "0.05 / 0.08216704.",
        0.5: "0.5 is the lecture's learning rate; it moves w5 only to 0.3589165.",
    },
)

ex4 = Exercise(
    "Exercise 4 (derive). Suppose the second target were T2 = 0.5 instead of 0.99, with "
    "everything else as in the lecture. outH2 reaches the error through both outputs; "
    "compute dE_doutH2 to 4 significant figures. (The forward pass does not change: "
    "outY2 = 0.7729285, and delta_y1 = 0.1384986 does not depend on T2.)",
    _T2["dE_doutH2"],
    hint="dE_doutH2 = delta_y1 x w6 + delta_y2 x w8, one path through each output. Only "
         "delta_y2 = -(T2 - outY2) x outY2 (1 - outY2) changes; doutY2_dy2 = 0.1755101.",
    solution="delta_y2 = -(0.5 - 0.7729285) x 0.1755101 = 0.2729285 x 0.1755101 = "
             "0.04790169, now positive because outY2 is above the new target. "
             "dE_doutH2 = 0.1384986 x 0.45 + 0.04790169 x 0.55 = 0.06232435 + 0.02634593 "
             "= 0.08867. Check: ll.LessonNet(T2=0.5).backward()['dE_doutH2'].",
    mistakes={
        0.04137032: "That is dE_doutH2 for the lecture's target 0.99; delta_y2 changes "
                    "with T2.",
        0.03597842: "You kept the old sign of delta_y2: -(T2 - outY2) is now positive, "
                    "since outY2 = 0.77 is above T2 = 0.5.",
        0.06232435: "That is only the path through y1; add the path through y2.",
        0.07935027: "That is dE_doutH1: you used w5 and w7. outH2 travels along w6 and w8.",
        0.212435: "You left out doutY2_dy2: delta_y2 = dE_doutY2 x doutY2_dy2.",
    },
)

ex5 = Exercise(
    "Exercise 5 (derive). Back to the target T1 = 0.05 of exercise 2 (T2 = 0.99 and all "
    "else as in the lecture). The slides never compute a bias gradient: compute dE_db11 "
    "to 4 significant figures.",
    _T1["dE_db11"],
    hint="dE_db11 = delta_h1 = (delta_y1 x w5 + delta_y2 x w7) x doutH1_dh1, and "
         "dh1_db11 = 1. Only delta_y1 depends on T1; delta_y2 = -0.03809824 and "
         "doutH1_dh1 = 0.2413007.",
    solution="delta_y1 = (0.7513651 - 0.05) x 0.1868156 = 0.1310259. "
             "dE_doutH1 = 0.1310259 x 0.4 + (-0.03809824) x 0.5 = 0.05241038 - 0.01904912 "
             "= 0.03336126, so dE_db11 = 0.03336126 x 0.2413007 x 1 = 0.008050. "
             "Check: ll.LessonNet(T1=0.05).gradient()['b11'].",
    mistakes={
        0.008771355: "That is dE_db11 for the lecture's target 0.01; delta_y1 changes "
                     "with T1.",
        0.03336126: "You stopped at outH1 (that is dE_doutH1); one more factor, "
                    "doutH1_dh1, takes you to h1.",
        0.0004025047: "That is dE_dw1: you multiplied by x1. A bias is multiplied by 1.",
        0.009145149: "That is dE_db12: you used w6 and w8. b11 feeds h1, which reaches the "
                     "outputs along w5 and w7.",
    },
)
