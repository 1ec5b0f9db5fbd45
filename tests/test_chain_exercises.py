"""Lesson 2 exercises accept the right answer (checked independently) and catch slips."""

import math

import pytest

from lesson_lib.exercises import chain as exs


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


@pytest.mark.parametrize("ex, stated, short", [(exs.ex2, 0.6667, 0.67), (exs.ex3, -2.615, -2.6)])
def test_the_precision_the_question_asks_for_passes_and_less_is_close(ex, stated, short):
    assert "significant figures" in ex.question
    assert ex.check(stated) and ex.check(2 / 3 if ex is exs.ex2 else 4 * math.cos(4))
    feedback = ex.check(short)
    assert not feedback and "Close" in repr(feedback)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex4])
def test_exact_answers_are_asked_for_exactly(ex):
    assert "exact" in ex.question
