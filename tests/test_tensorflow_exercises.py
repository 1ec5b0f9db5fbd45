"""Lesson 8's exercises, checked against LessonNet and central differences (no TensorFlow)."""

import math

import lesson_lib as ll
from lesson_lib.exercises.coding import function_from_code

ex = ll.exercises.tensorflow


def test_kernel_position_right_slip_and_malformed():
    assert ex.ex1.check(" W7 ")
    assert "transposed" in ex.ex1.check("w6").message
    assert not ex.ex1.check(7) and "string" in ex.ex1.check(7).message


def test_changed_network_gradient_agrees_with_a_central_difference():
    def loss(w1):
        return ll.LessonNet(w5=-0.4, w1=w1).error()

    h = 1e-6
    fd = (loss(0.15 + h) - loss(0.15 - h)) / (2 * h)
    assert math.isclose(ex.ex2.expected, fd, rel_tol=1e-6)
    assert ex.ex2.check(float(f"{ex.ex2.expected:.6g}"))
    assert "Close" in ex.ex2.check(float(f"{ex.ex2.expected:.3g}")).message
    assert "lecture's network" in ex.ex2.check(0.000438568).message
    assert not ex.ex2.check("0.00093")


def test_tanh_solution_passes_and_slips_are_named():
    solution = function_from_code(ex.ex3.solution_code)
    assert ex.ex3.check(solution)
    sigmoid_slope = function_from_code(ex.ex3.solution_code.replace(
        "(1 - outH1 ** 2)", "outH1 * (1 - outH1)").replace(
        "(1 - outH2 ** 2)", "outH2 * (1 - outH2)"))
    assert "still the sigmoid's" in ex.ex3.check(sigmoid_slope).message
    assert not ex.ex3.check(lambda *args: None)
    assert "without calling it" in ex.ex3.check(solution(**ll.core.network.LESSON_PARAMS,
                                                         **ll.core.network.LESSON_DATA)).message
