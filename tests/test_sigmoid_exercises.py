"""Lesson 1 exercises accept the right answer (checked independently) and catch slips."""

import math

import pytest

from lesson_lib.exercises import sigmoid as exs


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


def test_questions_name_the_lecture_not_the_lesson():
    assert "lesson's" not in exs.ex2.question
