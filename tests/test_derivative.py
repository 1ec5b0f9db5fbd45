"""Lesson 1 exercises and value checks: right answers pass (checked independently), slips are
named, and the checks of the lesson's plain-Python values agree with a by-hand oracle."""

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

import lesson_lib as ll
from lesson_lib.derivative import exercises as exs
from lesson_lib.derivative.figures import TITLES
from lesson_lib.exercises import function_from_code

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def logistic(x):
    return 1 / (1 + math.exp(-x))


def slope(x):
    return logistic(x) * (1 - logistic(x))


def test_expected_answers_follow_from_the_maths():
    assert max(slope(x / 100) for x in range(-600, 601)) == pytest.approx(exs.ex1.expected)
    assert exs.ex3.expected == pytest.approx(0.75 * (1 - 0.75))
    assert slope(exs.ex4.expected) == pytest.approx(0.1, abs=1e-5)
    assert exs.ex4.expected > 0


@pytest.mark.parametrize("ex, right", [(exs.ex1, 0.25), (exs.ex2, "Step"), (exs.ex3, 0.1875),
                                       (exs.ex4, 2.06344)])
def test_right_answers_pass(ex, right):
    assert ex.check(right)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex2, exs.ex3, exs.ex4])
def test_every_listed_mistake_is_caught_with_its_own_message(ex):
    assert ex.slips, "each exercise lists at least one plausible wrong answer"
    for wrong, why in ex.slips.items():
        feedback = ex.check(wrong)
        assert not feedback and why in repr(feedback)
    assert "Hint:" in repr(ex.hint()) and "Solution:" in repr(ex.solution())


def test_plausible_wrong_answers_are_rejected():
    assert not exs.ex1.check(0.5)
    assert not exs.ex3.check(slope(0.75))  # sigma' applied to the output
    assert not exs.ex4.check(-2.0634)
    assert "No answer yet" in repr(exs.ex4.check(...))


@pytest.mark.parametrize("ex, stated, short", [(exs.ex3, 0.1875, 0.19), (exs.ex4, 2.063, 2.1)])
def test_the_precision_the_question_asks_for_passes_and_less_is_close(ex, stated, short):
    assert "significant figures" in ex.question
    assert ex.check(stated)
    feedback = ex.check(short)
    assert not feedback and "Close" in repr(feedback)


@pytest.mark.parametrize("said", ["Unit step", "unit-step", "the step function", "step(x)",
                                  "Heaviside step", TITLES["step"]])
def test_the_step_is_accepted_under_the_names_the_figure_and_slides_use(said):
    assert exs.ex2.check(said)


@pytest.mark.parametrize("said, slip", [("ReLU", "relu"), ("relu(x)", "relu"),
                                        ("Sigmoid function", "sigmoid"), ("σ", "sigmoid"),
                                        ("logistic", "sigmoid")])
def test_other_names_of_a_wrong_activation_get_its_message(said, slip):
    verdict = exs.ex2.check(said)
    assert not verdict and verdict.message == exs.ex2.slips[slip]


@pytest.mark.parametrize("said", ["tanh", "abc", "", "the"])
def test_a_name_that_is_not_one_of_the_three_says_which_three(said):
    verdict = exs.ex2.check(said)
    assert not verdict and "answer 'step', 'sigmoid' or 'relu'" in verdict.message


def test_ex5_speaks_of_what_lesson_1_has_shown():
    # Lesson 1 shows the slides' der.sigmoid; d.sigmoid (given the output) comes in lesson 2.
    shown = "\n".join("".join(cell["source"]) for cell in json.loads(
        (NOTEBOOKS / "01_sigmoid_derivative.ipynb").read_text())["cells"])
    lesson_2s = re.compile(r"\bd\.sigmoid")
    assert "der.sigmoid" in shown and not lesson_2s.search(shown)
    for message, _ in exs.ex5.slips:
        assert not lesson_2s.search(message)


def test_questions_name_the_lecture_not_the_lesson():
    assert "lesson's" not in exs.ex2.question


# --- The checks of the lesson's plain-Python values, and the two coding exercises ---

def by_hand(x, h=1e-5):
    """Every value the lesson's cells compute at x, written out again with math only."""
    s = logistic(x)
    return {"x": x, "h": h, "step_x": float(x >= 0), "sigma_x": s, "relu_x": max(x, 0.0),
            "dstep_dx": 0.0, "drelu_dx": float(x > 0),
            "sigma_exp_form": math.exp(x) / (1 + math.exp(x)), "sigma_neg_form": s, "s": s,
            "dsigma_dx_quotient": math.exp(-x) / (1 + math.exp(-x)) ** 2,
            "dsigma_dx_difference": s - s * s, "dsigma_dx": s * (1 - s),
            "dsigma_dx_numeric": (logistic(x + h) - logistic(x - h)) / (2 * h)}


@pytest.mark.parametrize("x", [1.0, -0.5, 2.0, 0.0, -6.0, 12.5, 30.0, 37.0, -37.0, 300.0])
def test_values_computed_by_hand_agree_with_the_reference(x):
    namespace = by_hand(x)
    verdict = exs.check_values(namespace)
    assert verdict, verdict.message
    assert exs.check_numeric(namespace), exs.check_numeric(namespace).message


def test_random_inputs_and_steps_agree_too():
    rng = np.random.default_rng(7)
    for x, h in zip(rng.uniform(-40, 40, 200), rng.choice([1e-3, 1e-5, 1e-7], 200), strict=True):
        namespace = by_hand(float(x), float(h))
        assert exs.check_values(namespace) and exs.check_numeric(namespace), (x, h)


def test_the_slope_at_37_is_checked_as_computed_not_as_true():
    # s has rounded to 1.0: the learner's s * (1 - s) is 0 and that is what the formula gives.
    namespace = by_hand(37.0)
    assert namespace["dsigma_dx"] == 0.0 and exs.check_values(namespace, "dsigma_dx")


@pytest.mark.parametrize("name, wrong, words", [
    ("dsigma_dx", lambda v: v["s"] * (1 + v["s"]),
     "it is computed from s (which agrees), so look at how you turned s into dsigma_dx"),
    ("dsigma_dx_difference", lambda v: v["s"] ** 2 - v["s"], "dsigma_dx_difference differs"),
    ("relu_x", lambda v: min(v["x"], 0.0), "relu_x differs: you have 0, expected 2"),
    ("dsigma_dx_quotient", lambda v: math.exp(-v["x"]) / (1 + math.exp(-v["x"])),
     "it is computed from x (which agrees)"),
])
def test_the_first_wrong_value_is_named(name, wrong, words):
    namespace = by_hand(2.0)
    namespace[name] = wrong(namespace)
    verdict = exs.check_values(namespace)
    assert not verdict and verdict.message.startswith(name) and words in verdict.message


def test_a_wrong_s_is_named_before_the_slopes_made_from_it():
    namespace = by_hand(1.0)
    namespace["s"] = 0.7311
    namespace["dsigma_dx"] = namespace["s"] * (1 - namespace["s"])
    assert exs.check_values(namespace).message.startswith("s differs")
    verdict = exs.check_values(namespace, "dsigma_dx")
    assert "and s differs too: check s first" in verdict.message


@pytest.mark.parametrize("slope, words", [
    (lambda x, h: (logistic(x + h) - logistic(x)) / h, "dsigma_dx_numeric differs"),
    (lambda x, h: (logistic(x + h) - logistic(x - h)) / h, "computed from x and h"),
])
def test_a_wrong_central_difference_is_named(slope, words):
    namespace = {"x": 1.0, "h": 1e-5, "dsigma_dx_numeric": slope(1.0, 1e-5)}
    verdict = exs.check_numeric(namespace)
    assert not verdict and words in verdict.message


def test_inputs_the_reference_cannot_use_get_a_sentence():
    assert "h must be > 0" in exs.check_numeric({"x": 1.0, "h": 0.0}).message
    assert "x must be >= -709" in exs.check_numeric({"x": -800.0, "h": 1e-5}).message
    assert "x is 'a', of type str" in exs.check_values({"x": "a"}, "s").message


def test_check_values_knows_every_value_the_lesson_computes():
    assert set(exs.check_values.names) == set(by_hand(0.0)) - {"x", "h", "dsigma_dx_numeric"}


def test_each_coding_reference_agrees_with_an_independent_oracle():
    for case in exs.ex5.cases:  # the slope against a central difference of the sigmoid
        x = case["x"]
        numeric = (logistic(x + 1e-6) - logistic(x - 1e-6)) / 2e-6
        assert exs.sigmoid_prime(x) == pytest.approx(numeric, rel=1e-6, abs=1e-10)
    derivatives = {"sigmoid(x)": lambda x: slope(x), "sin(x)": math.cos, "exp(x)": math.exp,
                   "x**3 - 2*x": lambda x: 3 * x * x - 2,
                   "1/(1 + x**2)": lambda x: -2 * x / (1 + x * x) ** 2}
    for case in exs.ex6.cases:  # the central difference against the true derivative
        true = derivatives[format(case["f"], ".6g")](case["x"])
        got = ll.central_difference(case["f"], case["x"], case["h"])
        assert got == pytest.approx(true, abs=case["h"] ** 2 * 10 + 1e-8)


SOLUTION_5 = "def der_sigmoid(x):\n    e = math.exp(-x)\n    return e / (1 + e) ** 2\n"
SOLUTION_6 = "def cd(f, x, h):\n    return 0.5 * (f(x + h) - f(x - h)) / h\n"


def test_other_correct_code_passes():
    assert exs.ex5.check(function_from_code(SOLUTION_5))
    assert exs.ex6.check(function_from_code(SOLUTION_6))
    for ex in (exs.ex5, exs.ex6):
        verdict = ex.check(function_from_code(ex.solution_code))
        assert verdict and "10 cases you have not seen" in verdict.message


@pytest.mark.parametrize("body, words", [
    ("s = 1 / (1 + math.exp(-x))\n    return 1 - s", "the outer sigma(x)"),
    ("e = math.exp(-x)\n    return e / (1 + e)", "the square of the quotient rule"),
    ("s = 1 / (1 + math.exp(-x))\n    return s**2 - s", "sign flipped"),
    ("return x * (1 - x)", "as in the lecture's der.sigmoid"),
    ("s = 1 / (1 + math.exp(-x))\n    return s * 1 - s", "(s * 1) - s"),
    ("return 1 / (1 + math.exp(-x))", "the height of the curve"),
])
def test_slips_in_der_sigmoid_are_named(body, words):
    verdict = exs.ex5.check(function_from_code(f"def der_sigmoid(x):\n    {body}\n"))
    assert not verdict and words in verdict.message
    assert verdict.message.startswith("dsigma_dx is wrong with the lecture's values")


@pytest.mark.parametrize("body, words", [
    ("(f(x + h) - f(x)) / h", "forward difference"),
    ("(f(x) - f(x - h)) / h", "backward difference"),
    ("(f(x + h) - f(x - h)) / h", "twice the slope"),
    ("(f(x + h) - f(x - h)) / 2 * h", "Python reads a / 2 * h"),
    ("(f(x - h) - f(x + h)) / (2 * h)", "sign flipped"),
])
def test_slips_in_central_difference_are_named(body, words):
    verdict = exs.ex6.check(function_from_code(f"def cd(f, x, h):\n    return {body}\n"))
    assert not verdict and words in verdict.message


def test_a_function_right_only_on_the_lecture_s_case_is_caught_on_an_unseen_one():
    def only_the_sigmoid(f, x, h):
        return slope(x)
    verdict = exs.ex6.check(only_the_sigmoid)
    assert not verdict
    assert "in a case you have not seen (f=1/(1 + x**2), x=" in verdict.message


@pytest.mark.parametrize("function, words", [
    (lambda x: math.log(x), "your function raised ValueError"),
    (lambda x: "abc", "You gave the text 'abc'"),
    (lambda x: None, "returned None"),
    (lambda x, y: 0.0, "the check calls it with 1 argument, (x)"),
    (0.25, "Pass the function itself"),
])
def test_odd_answers_to_the_coding_exercises_get_a_sentence(function, words):
    verdict = exs.ex5.check(function)
    assert not verdict and words in verdict.message
