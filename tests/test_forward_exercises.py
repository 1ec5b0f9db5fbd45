"""Lesson 4 exercises accept the right answer, computed here by hand, and explain slips."""

import math

import pytest

import lesson_lib as ll
from lesson_lib.exercises import forward as exercises


def s(z):
    return 1 / (1 + math.exp(-z))


# Each right answer recomputed from the slides' inputs, independently of lesson_lib.
outH1 = s(0.05 * 0.15 + 0.10 * 0.20 + 0.35)
outH2 = s(0.05 * 0.25 + 0.10 * 0.30 + 0.35)
RIGHT = {
    "ex1": "w6",
    "ex2": 0.05 * 0.25 + 0.10 * 0.30 + 0.35,
    "ex3": 0.5 * (0.01 - s(outH1 * 0.40 + outH2 * 0.45 + 0.60)) ** 2,
    "ex4": s(outH1 * 0.40 + outH2 * 0.45 + 0.0),
    "ex5": [outH1 * 0.40 + outH2 * 0.45 + 0.60, outH1 * 0.50 + outH2 * 0.55 + 0.60],
}
WRONG = {
    "ex1": "w7",
    "ex2": 0.05 * 0.15 + 0.10 * 0.20 + 0.35,  # h1 instead of h2
    "ex3": (0.01 - 0.7513651) ** 2,  # no 1/2
    "ex4": outH1 * 0.40 + outH2 * 0.45,  # y1 before the sigmoid
    "ex5": [outH1 * 0.40 + outH2 * 0.50 + 0.60, outH1 * 0.45 + outH2 * 0.55 + 0.60],
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_answer_is_accepted(name):
    assert getattr(exercises, name).check(RIGHT[name])


@pytest.mark.parametrize("name", sorted(WRONG))
def test_plausible_wrong_answer_is_rejected_with_its_explanation(name):
    ex = getattr(exercises, name)
    feedback = ex.check(WRONG[name])
    assert not feedback
    assert "Well done" not in repr(feedback) and "try ex.hint()" not in repr(feedback)


def test_there_are_at_least_three_exercises_with_hints_and_solutions():
    found = [getattr(exercises, f"ex{i}") for i in range(1, 6)]
    for ex in found:
        assert ex.mistakes and "Hint" in repr(ex.hint()) and "Solution" in repr(ex.solution())


def test_unanswered_exercise_says_so():
    assert "No answer yet" in repr(exercises.ex2.check(...))


def test_answers_agree_with_the_library():
    f = ll.LessonNet().forward()
    assert exercises.ex2.check(f["h2"]) and exercises.ex3.check(f["E1"])
    assert exercises.ex4.check(ll.LessonNet(b21=0).forward()["outY1"])
    assert exercises.ex5.check([f["y1"], f["y2"]])
