"""The forward pass written out: every line's numbers really give its result."""

import math
import re

import numpy as np
import pytest

import lesson_lib as ll
from lesson_lib.core import forward

SLIDE_VALUES = {  # printed by R on the slides (7 significant digits)
    "h1": 0.3775, "outH1": 0.59327, "h2": 0.3925, "outH2": 0.5968844,
    "y1": 1.105906, "outY1": 0.7513651, "y2": 1.224921, "outY2": 0.7729285,
}


def evaluate(expression: str) -> float:
    """Evaluate a line's substituted numbers with plain Python: an independent oracle."""
    python = expression.replace("^", "**")
    return eval(python, {"__builtins__": {}}, {"sigmoid": lambda z: 1 / (1 + math.exp(-z))})


@pytest.mark.parametrize("net", [ll.LessonNet(), ll.LessonNet(w1=-0.5, x1=-1.2, b22=-2.0,
                                                               T2=0.3)])
def test_each_line_is_formula_then_numbers_then_result(net):
    lines = forward.steps(net=net, digits=12)
    assert [line.split("=")[0].strip() for line in lines] == list(forward.FORMULAS)
    for line in lines:
        name, formula, numbers, result = [part.strip() for part in line.split(" = ")]
        assert formula == forward.FORMULAS[name]
        # The formula names only known symbols, and the numbers reproduce the result.
        assert evaluate(numbers) == pytest.approx(float(result), rel=1e-9)


def test_lesson_values_match_the_slides_to_the_digits_printed():
    for line in forward.steps():
        name, *_, result = [part.strip() for part in line.split(" = ")]
        if name in SLIDE_VALUES:
            assert float(result) == SLIDE_VALUES[name]
    total = forward.step("E_total", digits=9)
    assert total.endswith("= 0.298371109")
    # Independent oracle: the slides' error formula on the slides' outputs.
    assert 0.5 * (0.01 - 0.7513651) ** 2 + 0.5 * (0.99 - 0.7729285) ** 2 == pytest.approx(
        float(total.split(" = ")[-1]), rel=1e-6)


def test_negative_numbers_are_bracketed():
    line = forward.step("h1", ll.LessonNet(x1=-1.0, w1=-0.5))
    assert "(-1)*(-0.5)" in line


def test_names_are_aligned_and_a_single_name_is_accepted():
    lines = forward.steps(["h1", "outH1"])
    assert lines[0].index("=") == lines[1].index("=")
    assert len(forward.steps("y2")) == 1


def test_matrix_parameters_place_the_lesson_weights_by_row():
    text = repr(forward.matrix_parameters())
    assert "[  0.15,    0.2]" in text and "[  0.25,    0.3]]" in text
    assert "b2 = [0.6, 0.6]" in text


def test_matrix_pass_equals_the_scalar_pass_exactly():
    net = ll.LessonNet(w3=1.3, x2=-0.7)
    m = forward.matrix_pass(net)
    f = net.forward()
    for name, value in m.items():
        assert value == f[name]
    # A second, independent oracle: the matrix algebra written out with NumPy.
    W1, b1 = np.array([[net.w1, net.w2], [net.w3, net.w4]]), np.array([net.b11, net.b12])
    W2, b2 = np.array([[net.w5, net.w6], [net.w7, net.w8]]), np.array([net.b21, net.b22])
    s = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    outY = s(W2 @ s(W1 @ np.array([net.x1, net.x2]) + b1) + b2)
    assert [m["outY1"], m["outY2"]] == pytest.approx(outY, rel=1e-12)
    text = repr(forward.matrix_forward(net))
    assert text.splitlines()[-1].endswith("= 0")


@pytest.mark.parametrize("call, error, match", [
    (lambda: forward.step("h3"), ValueError, "name must be one of h1, outH1"),
    (lambda: forward.steps(net="lesson"), TypeError, "net must be a LessonNet"),
    (lambda: forward.matrix_forward(net=3), TypeError, "net must be a LessonNet"),
])
def test_bad_input_is_refused_with_a_clear_message(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_lines_print_one_per_line():
    assert re.fullmatch(r"h1    = .*\noutH1 = .*", repr(forward.steps(["h1", "outH1"])))
