"""Each steepest-descent exercise accepts its answer and explains the plausible slips."""

import math

import numpy as np
import pytest

from lesson_lib.core import descent
from lesson_lib.exercises import descent as exercises


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


def test_answers_agree_with_the_core():
    assert exercises.ex2.check(descent.best_route(pay=(6, 8), miles=10)["revenue"])
    assert exercises.ex3.check(descent.BOWL.stability_limit())
    step = descent.gradient_descent(0.1, 1, start=(2.0, 1.0)).path[-1]
    assert exercises.ex4.check(step.tolist())


def test_no_answer_and_hint_and_solution():
    for ex in exercises.EXERCISES:
        assert "No answer yet" in repr(ex.check(...))
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
