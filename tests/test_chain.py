"""Lesson 2 exercises accept the right answer (checked independently) and catch slips."""

import math

import pytest

from lesson_lib.chain import exercises as exs
from lesson_lib.exercises import function_from_code


def nudge(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def test_expected_answers_follow_from_the_maths():
    assert exs.ex1.expected == pytest.approx(nudge(lambda x: 5 * (4 * x), 1.0))
    assert exs.ex2.expected == pytest.approx((8 - 2) / (12 - 3))
    assert exs.ex3.check(nudge(lambda x: math.sin(x * x), 2.0))
    neuron = lambda w: 1 / (1 + math.exp(-(w * 3 - 1.5)))  # noqa: E731
    assert exs.ex4.expected == pytest.approx(nudge(neuron, 0.5))  # asked exactly: 0.75


@pytest.mark.parametrize("ex, right", [(exs.ex1, 20), (exs.ex2, 0.6667), (exs.ex3, -2.6146),
                                       (exs.ex4, 0.75)])
def test_right_answers_pass(ex, right):
    assert ex.check(right)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex2, exs.ex3, exs.ex4])
def test_every_listed_mistake_is_caught_with_its_own_message(ex):
    assert ex.slips
    for wrong, why in ex.slips.items():
        feedback = ex.check(wrong)
        assert not feedback and why in repr(feedback)
    assert "Hint:" in repr(ex.hint()) and "Solution:" in repr(ex.solution())


def test_plausible_wrong_answers_are_rejected():
    assert not exs.ex1.check(4 + 5)
    assert not exs.ex2.check(3 / 2)
    assert not exs.ex3.check(4 * math.cos(2))
    assert not exs.ex4.check(0.25)


@pytest.mark.parametrize("answer, words", [
    (-nudge(lambda x: math.sin(x * x), 2.0), "Mind the sign"),
    (2.615, "Mind the sign"),  # the sign slip as a student typed it
    (4 * math.cos(4 * math.pi / 180), "set to degrees"),
])
def test_ex3_names_the_sign_slip_and_degrees(answer, words):
    verdict = exs.ex3.check(answer)
    assert not verdict and words in verdict.message


@pytest.mark.parametrize("ex, stated, short", [(exs.ex2, 0.6667, 0.67), (exs.ex3, -2.615, -2.6)])
def test_the_precision_the_question_asks_for_passes_and_less_is_close(ex, stated, short):
    assert "significant figures" in ex.question
    assert ex.check(stated) and ex.check(2 / 3 if ex is exs.ex2 else 4 * math.cos(4))
    feedback = ex.check(short)
    assert not feedback and "Close" in repr(feedback)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex4])
def test_exact_answers_are_asked_for_exactly(ex):
    assert "exact" in ex.question


# -- the one-line checks after the lesson's cells ------------------------------------------

def lecture_table(**changes):
    xs = [2, 3, 4, 5, 6]
    ys = [2 * x for x in xs]
    zs = [3 * y for y in ys]
    return {"xs": xs, "ys": ys, "zs": zs, "dy_dx": 2.0, "dz_dy": 3.0, "dz_dx": 6.0, **changes}


@pytest.mark.parametrize("changes, words", [
    ({}, "ys and zs follow the slide's y = 2*x and z = 3*y on all 5 rows"),
    ({"xs": [0.5, 1.5], "ys": [1.0, 3.0], "zs": [3.0, 9.0]}, "on all 2 rows"),
])
def test_check_table_accepts_the_slides_table(changes, words):
    verdict = exs.check_table(lecture_table(**changes))
    assert verdict and words in verdict.message


@pytest.mark.parametrize("changes, words", [
    ({"dz_dy": 1 / 3}, "dz_dy differs: you have 0.3333333333, expected 3. It is the change in "
                       "z over the change in y"),
    ({"dz_dy": 1 / 3}, "Is it upside down?"),
    ({"dy_dx": 3.0}, "dy_dx = (ys[1] - ys[0]) / (xs[1] - xs[0])"),
    ({"zs": [16, 24, 32, 40, 48]}, "zs[0] differs: you have 16, expected 3 * ys[0] = 12"),
    ({"ys": [4, 6, 9, 10, 12]}, "ys[2] differs: you have 9, expected 2 * xs[2] = 8"),
    ({"zs": [12, 18]}, "xs, ys and zs have 5, 5 and 2 rows"),
    ({"xs": 3}, "xs is 3, of type int; it should be a list of numbers"),
    ({"ys": ["4", "6"]}, "ys must be numbers"),
    ({"dz_dx": "6"}, "dz_dx is '6', of type str, not a number"),
    ({"dz_dx": math.nan}, "dz_dx is nan"),
])
def test_check_table_names_the_first_value_that_differs(changes, words):
    verdict = exs.check_table(lecture_table(**changes))
    assert not verdict and words in verdict.message


def test_check_table_says_what_is_not_defined_yet():
    namespace = lecture_table()
    del namespace["dz_dx"]
    assert "dz_dx is not defined yet" in exs.check_table(namespace).message
    assert "xs is not defined yet" in exs.check_table({}).message


def curve_cell(x, outer_at_x=False):
    """The lesson's cell for y = x**2, z = sin(y), written out again."""
    y = x**2
    dy_dx = 2 * x
    z = math.sin(y)
    dz_dy = math.cos(x if outer_at_x else y)
    return {"x": x, "y": y, "dy_dx": dy_dx, "z": z, "dz_dy": dz_dy, "dz_dx": dy_dx * dz_dy}


@pytest.mark.parametrize("x", [1.5, -2.3, 0.1, 3.7])
def test_check_curve_agrees_with_the_cell_and_a_central_difference(x):
    verdict = exs.check_curve(curve_cell(x))
    assert verdict, verdict.message
    assert "All 5 values agree" in verdict.message
    assert f"A central difference of z in x gives {nudge(lambda t: math.sin(t * t), x):.6}" \
        in verdict.message


def test_check_curve_catches_the_outer_slope_taken_at_x():
    verdict = exs.check_curve(curve_cell(1.5, outer_at_x=True))
    assert not verdict
    assert verdict.message.startswith("dz_dy differs: you have 0.07073720167, expected "
                                      "-0.6281736227")
    assert "it is computed from y (which agrees)" in verdict.message


def neuron_cell(x1=0.05, x2=0.10, w1=0.15, w2=0.20, b11=0.35, slope_of=None):
    h1 = x1 * w1 + x2 * w2 + b11
    dh1_dw1 = w1 if slope_of == "weight" else x1
    outH1 = 1 / (1 + math.exp(-h1))
    doutH1_dh1 = outH1 if slope_of == "value" else outH1 * (1 - outH1)
    return {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b11": b11, "h1": h1, "dh1_dw1": dh1_dw1,
            "outH1": outH1, "doutH1_dh1": doutH1_dh1, "doutH1_dw1": dh1_dw1 * doutH1_dh1}


def test_check_neuron_on_the_lecture_and_on_other_inputs():
    out = 1 / (1 + math.exp(-0.3775))  # h1 = 0.05*0.15 + 0.10*0.20 + 0.35
    verdict = exs.check_neuron(neuron_cell())
    assert verdict and f"gives {0.05 * out * (1 - out):.8g}, as doutH1_dw1" in verdict.message
    assert exs.check_neuron(neuron_cell(x1=0.7, x2=-0.3, w1=-1.2, w2=0.4, b11=0.1))


@pytest.mark.parametrize("slip, words", [
    ("weight", "dh1_dw1 differs: you have 0.15, expected 0.05"),
    ("value", "doutH1_dh1 differs: you have 0.5932699921, expected 0.2413007086"),
])
def test_check_neuron_names_the_slope_that_differs(slip, words):
    verdict = exs.check_neuron(neuron_cell(slope_of=slip))
    assert not verdict and verdict.message.startswith(words)


# -- the coding exercises -------------------------------------------------------------------

def sigma(t):
    return 1 / (1 + math.exp(-t))


@pytest.mark.parametrize("x", [4.0, -2.5, 0.3, 1.9])
def test_ex5_reference_is_the_closed_form_and_a_nudge(x):
    want = math.cos(x) * sigma(math.sin(x)) * (1 - sigma(math.sin(x)))
    assert exs._new_chain(x) == pytest.approx(want, rel=1e-12)
    assert want == pytest.approx(nudge(lambda t: sigma(math.sin(t)), x), abs=1e-9)


def test_ex6_reference_matches_the_lesson_network_and_a_nudge():
    import lesson_lib as ll

    net = ll.LessonNet(w5=-0.3, w6=0.8, b21=0.2, T1=0.6)
    forward, backward = net.forward(), net.backward()
    rows = exs._w5_chain(forward["outH1"], forward["outH2"], -0.3, 0.8, 0.2, 0.6)
    for name in ("y1", "outY1", "E1"):
        assert rows[name] == pytest.approx(forward[name], rel=1e-12)
    for name in ("dy1_dw5", "doutY1_dy1", "dE_doutY1", "dE_dw5"):
        assert rows[name] == pytest.approx(backward[name], rel=1e-12)

    def e1(w5):
        return 0.5 * (0.6 - sigma(forward["outH1"] * w5 + forward["outH2"] * 0.8 + 0.2)) ** 2
    assert rows["dE_dw5"] == pytest.approx(nudge(e1, -0.3), abs=1e-9)


EX5_SLIPS = [
    ("dy_dx = math.cos(x)          # the inner slope, at x", "dy_dx = 1",
     "You left out the inner link's slope"),
    ("z = 1 / (1 + math.exp(-y))", "z = 1 / (1 + math.exp(-x))",
     "You took the outer slope at x"),
    ("dz_dy = z * (1 - z)", "dz_dy = z", "You multiplied by the sigmoid's value z"),
    ("dz_dy = z * (1 - z)", "dz_dy = y * (1 - y)", "takes the sigmoid's output z"),
    ("return dy_dx * dz_dy", "return dy_dx + dz_dy", "You added the two slopes"),
    ("dy_dx = math.cos(x)", "dy_dx = math.cos(y)", "You took the inner slope at y"),
    ("dy_dx = math.cos(x)", "dy_dx = -math.cos(x)", "the slope of sin(x) is +cos(x)"),
]


@pytest.mark.parametrize("right, wrong, words", EX5_SLIPS)
def test_ex5_names_each_slip_written_as_code(right, wrong, words):
    assert right in exs.ex5.solution_code
    verdict = exs.ex5.check(function_from_code(exs.ex5.solution_code.replace(right, wrong)))
    assert not verdict and words in verdict.message
    assert "dz_dx is wrong with the lecture's values" in verdict.message
    assert "(A central difference of z in x gives -0.142077.)" in verdict.message


EX6_SLIPS = [
    ("dy1_dw5 = outH1", "dy1_dw5 = w5", "the input outH1, not the weight w5"),
    ("doutY1_dy1 = outY1 * (1 - outY1)", "doutY1_dy1 = outY1", "not its value outY1"),
    ("doutY1_dy1 = outY1 * (1 - outY1)",
     "doutY1_dy1 = 1 / (1 + math.exp(-outY1)) * (1 - 1 / (1 + math.exp(-outY1)))",
     "You applied sigma' to outY1"),
    ("doutY1_dy1 = outY1 * (1 - outY1)", "doutY1_dy1 = y1 * (1 - y1)",
     "the slides' d.sigmoid(y1)"),
    ("dE_doutY1 = -(T1 - outY1)", "dE_doutY1 = T1 - outY1", "Mind the sign"),
    ("E1 = 0.5 * (T1 - outY1) ** 2", "E1 = (T1 - outY1) ** 2", "keep the factor 1/2"),
    ("dE_dw5 = dE_doutY1 * doutY1_dy1 * dy1_dw5", "dE_dw5 = dE_doutY1 * dy1_dw5",
     "dE_dw5 misses a factor"),
]


@pytest.mark.parametrize("right, wrong, words", EX6_SLIPS)
def test_ex6_names_each_slip_written_as_code(right, wrong, words):
    assert right in exs.ex6.solution_code
    verdict = exs.ex6.check(function_from_code(exs.ex6.solution_code.replace(right, wrong)))
    assert not verdict and words in verdict.message


def test_a_slip_that_only_shows_on_unseen_cases_is_named_with_its_case():
    right = function_from_code(exs.ex6.solution_code)

    def wrong_for_large_targets(*args):
        rows = right(*args)
        return {**rows, "dE_doutY1": rows["dE_doutY1"] * (2 if args[-1] > 0.5 else 1)}

    verdict = exs.ex6.check(wrong_for_large_targets)
    assert verdict.message.startswith("dE_doutY1 is wrong in a case you have not seen (outH1=")


@pytest.mark.parametrize("ex", [exs.ex5, exs.ex6])
def test_no_answer_raising_and_garbage_get_a_sentence(ex):
    n = len(ex.params)
    for nothing in (lambda *a: None, lambda *a: ...):
        verdict = ex.check(nothing)
        assert not verdict and verdict.message.endswith(".")
    assert "raised ZeroDivisionError" in ex.check(lambda *a: 1 / 0).message
    assert not ex.check(lambda *a: "abc")
    assert f"the check calls it with {n} argument" in ex.check(lambda: 1.0).message
