"""Each steepest-descent exercise accepts its answer and explains the plausible slips; the
one-line checks of the notebook's values agree with hand-worked values and name a slip."""

import math

import numpy as np
import pytest

from lesson_lib.core.gradcheck import central_difference
from lesson_lib.descent import core as descent
from lesson_lib.descent import exercises as exercises
from lesson_lib.exercises import function_from_code


def _one_step(u, v, lr):
    # Oracle: the update worked from the derivatives 2u and 20v.
    return [u - lr * 2 * u, v - lr * 20 * v]


RIGHT = {
    "ex1": math.degrees(math.atan2(3, 4)),
    "ex2": math.hypot(6, 8) * 10,
    "ex3": 2 / 20,
    "ex4": _one_step(2.0, 1.0, 0.1),
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_answer_and_a_rounded_one_pass(name):
    ex = getattr(exercises, name)
    assert ex.check(RIGHT[name])
    rounded = np.round(RIGHT[name], 2).tolist()
    assert ex.check(rounded)


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_every_listed_mistake_is_rejected_with_its_own_message(name):
    ex = getattr(exercises, name)
    assert len(ex.slips) >= 1
    for wrong, why in ex.slips.items():
        feedback = ex.check(list(wrong) if isinstance(wrong, tuple) else wrong)
        assert not feedback
        assert why in repr(feedback)


def _v_after(learning_rate, steps, v=1.0):
    """Oracle: gradient descent on 10 v^2 by hand, v <- v - learning_rate * 20 v."""
    for _ in range(steps):
        v = v - learning_rate * 20 * v
    return v


def test_exercise_3_says_what_happens_at_each_rate_truly():
    # 0.05 lands on 0; between 0.05 and 0.1 v zig-zags and shrinks; at 0.1 it flips for ever;
    # above 0.1 it grows. The limit asked for is 0.1, and the messages say just that.
    assert _v_after(0.05, 1) == 0
    assert _v_after(0.08, 1) < 0 < _v_after(0.08, 2) and abs(_v_after(0.08, 20)) < 1e-3
    assert [_v_after(0.1, k) for k in range(4)] == pytest.approx([1, -1, 1, -1])
    assert abs(_v_after(0.11, 20)) > 1
    assert exercises.ex3.check(0.1)
    said = exercises.ex3.check(0.05).message
    assert "zig-zags" in said and "still shrinks" in said and "divergence" not in said
    solution = repr(exercises.ex3.solution())
    assert "flips between +v and -v" in solution and "above it, v grows" in solution
    assert "The flatter direction u (curvature 2) alone would allow rates up to" in solution


def test_answers_agree_with_the_core():
    assert exercises.ex2.check(descent.best_route(pay=(6, 8), miles=10)["revenue"])
    assert exercises.ex3.check(descent.BOWL.stability_limit())
    step = descent.gradient_descent(0.1, 1, start=(2.0, 1.0)).path[-1]
    assert exercises.ex4.check(step.tolist())


NUMERIC = [exercises.ex1, exercises.ex2, exercises.ex3, exercises.ex4]


def test_no_answer_and_hint_and_solution():
    for ex in exercises.EXERCISES:
        assert "No answer yet" in repr(ex.check(...))
        assert "No answer yet" in repr(ex.check(lambda *args: ...)) or ex in NUMERIC
        assert repr(ex.hint()).startswith("Hint:")
        assert repr(ex.solution()).startswith("Solution:")


def test_unreadable_answer_is_explained():
    feedback = exercises.ex4.check("1.6, -1")
    assert not feedback and "the text '1.6, -1'" in repr(feedback) and "list of 2" in repr(feedback)


def test_each_numeric_question_says_how_precise_to_be():
    assert "4 significant figures" in exercises.ex1.question
    for ex in (exercises.ex2, exercises.ex3, exercises.ex4):
        assert "exact" in ex.question
    assert exercises.ex1.check(36.87)
    close = exercises.ex1.check(37)
    assert not close and "Close" in repr(close)


def test_the_bowl_is_in_u_and_v_not_a_and_b():
    for ex in (exercises.ex3, exercises.ex4):
        assert "L(u, v) = u^2 + 10 v^2" in ex.question and "b^2" not in ex.question


# --- exercise 5: the slope of a full trip's revenue ----------------------------------------

def _trip_revenue(x, pay_east, pay_north, miles):
    return pay_east * x + pay_north * math.sqrt(miles**2 - x**2)


def test_exercise_5_solution_passes_and_matches_a_central_difference():
    ex = exercises.ex5
    mine = function_from_code(ex.solution_code, "trip_slope")
    assert ex.check(mine)
    # Oracle: a central difference of the revenue, on the lecture's trip and the hidden ones.
    for case in ex.cases:
        numeric = central_difference(
            lambda x, c=case: _trip_revenue(x, c["pay_east"], c["pay_north"], c["miles"]),
            case["x"])
        assert mine(**case) == pytest.approx(numeric, rel=1e-6, abs=1e-7)
    assert mine(3.0, 4.0, 3.0, 5.0) == pytest.approx(1.75)  # the notebook's value at x = 3


@pytest.mark.parametrize("slip, words", [
    (lambda x, pe, pn, m: pe + pn * x / math.sqrt(m * m - x * x), "sign of the second term"),
    (lambda x, pe, pn, m: pe + pn / (2 * math.sqrt(m * m - x * x)), "inner factor is missing"),
    (lambda x, pe, pn, m: pe - 2 * pn * x / math.sqrt(m * m - x * x), "1/2"),
])
def test_exercise_5_names_each_slip(slip, words):
    verdict = exercises.ex5.check(slip)
    assert not verdict and words in verdict.message
    assert verdict.message.startswith("dr_dx is wrong with the lecture's values")


@pytest.mark.parametrize("hard_coded, words", [
    (lambda x, pe, pn, m: 4 - 3 * x / math.sqrt(25 - x**2), "the lecture's numbers 4, 3 and 25"),
    (lambda x, pe, pn, m: pe - pn * x / math.sqrt(25 - x**2), "the lecture's 25 for miles^2"),
    (lambda x, pe, pn, m: 4 - 3 * x / math.sqrt(m * m - x**2), "the lecture's pay, 4 and 3"),
])
def test_exercise_5_names_the_lecture_numbers_hard_coded(hard_coded, words):
    verdict = exercises.ex5.check(hard_coded)
    assert not verdict and "a case you have not seen" in verdict.message
    assert words in verdict.message and "math domain error" not in verdict.message


def test_exercise_5_hidden_trips_lie_inside_the_story():
    # "x miles East" of a trip of miles: 0 < x < miles, and y = sqrt(miles^2 - x^2) is real.
    for case in exercises.ex5.cases:
        assert 0 < case["x"] < case["miles"]
    assert any(case["miles"] > 5 for case in exercises.ex5.cases)


def test_exercise_5_speaks_of_the_revenue_not_the_error():
    verdict = exercises.ex5.check(lambda x, pe, pn, m: pe)
    numeric = central_difference(lambda x: _trip_revenue(x, 4.0, 3.0, 5.0), 3.0)
    assert f"A central difference of the revenue in x gives {numeric:.6g}" in verdict.message
    assert "error" not in verdict.message


# --- exercise 6: the descent loop returning its path ---------------------------------------

SOLUTION = exercises.ex6.solution_code


def _loop(u, v, learning_rate, steps):
    """Oracle: the closed form, u_k = (1 - 2 lr)^k u, v_k = (1 - 20 lr)^k v."""
    return [((1 - 2 * learning_rate) ** k * u, (1 - 20 * learning_rate) ** k * v)
            for k in range(steps + 1)]


def test_exercise_6_solution_passes_and_follows_the_closed_form():
    ex = exercises.ex6
    mine = function_from_code(SOLUTION, "descend")
    assert ex.check(mine) and ex.check(_loop)
    for case in ex.cases:
        np.testing.assert_allclose(mine(**case), _loop(**case), rtol=1e-12, atol=1e-15)


FROZEN = """
def descend(u, v, learning_rate, steps):
    path = [(u, v)]
    dL_du, dL_dv = 2 * u, 20 * v
    for step in range(steps):
        u = u - learning_rate * dL_du
        v = v - learning_rate * dL_dv
        path.append((u, v))
    return path
"""


@pytest.mark.parametrize("source, words", [
    (SOLUTION.replace("- learning_rate", "+ learning_rate"), "Your path climbs"),
    (FROZEN, "computed once, at the start"),
    (SOLUTION.replace("2 * u", "u").replace("20 * v", "10 * v"), "half as long"),
    (SOLUTION.replace("20 * v", "10 * v"), "v_1 is wrong"),
    (SOLUTION.replace("path = [(u, v)]", "path = []"), "the start seems to be missing"),
    (SOLUTION.replace("return path", "return path[1:3]"), "your path has 2 points"),
])
def test_exercise_6_names_each_slip(source, words):
    assert source != SOLUTION
    verdict = exercises.ex6.check(function_from_code(source, "descend"))
    assert not verdict and words in verdict.message, verdict.message


@pytest.mark.parametrize("function, words", [
    (lambda u, v, lr, n: ..., "No answer yet"),
    (lambda u, v, lr, n: 3.0, "it should return the path, a list of (u, v) pairs"),
    (lambda u, v, lr, n: [1.0] * (n + 1), "point 0 of your path is 1.0"),
    (lambda u, v, lr, n: [(0.0, "a")] * (n + 1), "your v_0 is not a number"),
    (lambda u, v, lr, n: [(math.nan, 0.0)] * (n + 1), "nan"),
    (lambda u, v, lr, n: 1 / 0, "raised ZeroDivisionError"),
    (lambda u, v, lr: [], "the check calls it with 4 arguments"),
])
def test_exercise_6_odd_functions_get_a_sentence(function, words):
    verdict = exercises.ex6.check(function)
    assert not verdict and words in verdict.message


def test_exercise_6_hidden_cases_include_zig_zag_and_diverging_runs():
    rates = [case["learning_rate"] for case in exercises.ex6.cases[1:]]
    assert min(rates) < 0.05 and any(0.05 < r < 0.1 for r in rates) and max(rates) > 0.1


# --- the one-line checks of the notebook's values -----------------------------------------

LECTURE = {
    # Oracle: the slides' arithmetic, by hand.
    "check_trips": {"r_east": 20, "r_north": 15, "r_60": 2.5 * 4 + 4.33 * 3, "r_4_3": 25},
    "check_gradient": {"dr_dx": 4, "dr_dy": 3},
    "check_best": {"gradient_length": 5, "angle_deg": math.degrees(math.atan2(3, 4)),
                   "x_best": 4, "y_best": 3, "r_best": 25},
    "check_slope": {"x": 3.0, "r_x": 24, "slope": 1.75},
    "check_search": {"x_search": 4, "y_search": 3, "r_search": 25},
    "check_bowl_gradient": {"u": -4.0, "v": 1.5, "dL_du": -8, "dL_dv": 30},
    "check_steepest": {"dL_du": -8.0, "dL_dv": 30.0, "steepest_angle": 284.93,
                       "steepest_slope": -8 * math.cos(math.radians(284.93))
                       + 30 * math.sin(math.radians(284.93))},
    "check_descent": {"u_start": -4.0, "v_start": 1.5, "learning_rate": 0.09, "steps": 5,
                      "u": -4 * 0.82**5, "v": 1.5 * (-0.8) ** 5},
    "check_limits": {"curvature_u": 2, "curvature_v": 20, "stability_limit": 0.1,
                     "zero_factor_for_v": 0.05},
}


@pytest.mark.parametrize("name", sorted(LECTURE))
def test_each_value_check_accepts_the_lecture_values(name):
    verdict = getattr(exercises, name)(LECTURE[name])
    assert verdict, verdict.message


@pytest.mark.parametrize("name", sorted(LECTURE))
def test_each_value_check_names_the_first_value_off(name):
    check = getattr(exercises, name)
    values = dict(LECTURE[name])
    first = check.names[0]
    values[first] = values[first] * 1.001 + 0.001
    verdict = check(values)
    assert not verdict and verdict.message.startswith(f"{first} differs")


def test_value_checks_follow_changed_inputs():
    # Oracle: $6 and $8 a mile for 10 miles drive 6 East and 8 North and earn $100.
    changed = {"pay_east": 6, "pay_north": 8, "max_miles": 10, "dr_dx": 6, "dr_dy": 8,
               "gradient_length": 10, "angle_deg": math.degrees(math.atan2(8, 6)),
               "x_best": 6, "y_best": 8, "r_best": 100}
    assert exercises.check_best(changed)
    three = {"u_start": 1.0, "v_start": 1.0, "learning_rate": 0.1, "steps": 3,
             "u": 0.8**3, "v": -1.0}
    assert exercises.check_descent(three)
    verdict = exercises.check_descent({**three, "steps": 2.5})
    assert not verdict and "steps must be a whole number" in verdict.message


def test_check_rates_compares_every_run_and_names_the_first_slip():
    finals = {rate: (-4 * (1 - 2 * rate) ** 50, 1.5 * (1 - 20 * rate) ** 50)
              for rate in (0.04, 0.09, 0.1, 0.12)}
    assert exercises.check_rates(finals)
    climbed = {**finals, 0.09: (finals[0.09][0], -finals[0.09][1])}
    verdict = exercises.check_rates(climbed)
    assert not verdict and verdict.message.startswith("With learning_rate = 0.09, your v")
    for bad, words in (({}, "it should be a dict"), ({0.1: 3.0}, "the pair (u, v)"),
                       ({-0.1: (0.0, 0.0)}, "cannot run learning_rate = -0.1")):
        verdict = exercises.check_rates(bad)
        assert not verdict and words in verdict.message
