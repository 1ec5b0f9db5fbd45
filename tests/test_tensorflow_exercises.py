"""Lesson 8's exercises, checked against LessonNet and central differences (no TensorFlow)."""

import math

import lesson_lib as ll
from lesson_lib.exercises.coding import function_from_code

ex = ll.tensorflow.exercises


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


def test_changed_network_wrong_sign_is_named():
    assert "wrong sign" in ex.ex2.check(-float(f"{ex.ex2.expected:.6g}")).message


def _variant(*pairs):
    code = ex.ex3.solution_code
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return function_from_code(code)


def test_tanh_slips_named():
    tanh_out = (("outY1 = sigma(", "outY1 = math.tanh("), ("outY2 = sigma(", "outY2 = math.tanh("))
    sigmoid_hidden = (("outH1 = math.tanh(", "outH1 = sigma("),
                      ("outH2 = math.tanh(", "outH2 = sigma("))
    cases = [
        (tanh_out + (("-(T1 - outY1) * outY1 * (1 - outY1)", "-(T1 - outY1) * (1 - outY1 ** 2)"),
                     ("-(T2 - outY2) * outY2 * (1 - outY2)", "-(T2 - outY2) * (1 - outY2 ** 2)")),
         "tanh on the outputs too"),
        (tanh_out, "Your outputs use tanh"),
        ((("(1 - outH1 ** 2)", "(1 - outH1)"), ("(1 - outH2 ** 2)", "(1 - outH2)")),
         "the square is missing"),
        (sigmoid_hidden, "still uses the sigmoid"),
        (sigmoid_hidden + (("(1 - outH1 ** 2)", "outH1 * (1 - outH1)"),
                           ("(1 - outH2 ** 2)", "outH2 * (1 - outH2)")), "lesson 5's gradients"),
    ]
    for pairs, words in cases:
        verdict = ex.ex3.check(_variant(*pairs))
        assert not verdict and words in verdict.message, (words, verdict.message)
