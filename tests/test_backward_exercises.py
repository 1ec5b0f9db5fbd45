"""Lesson 5's exercises accept the hand-derived answer and explain plausible slips."""

import math

import pytest

from lesson_lib.exercises import backward as ex

# Hand derivations from the slides' printed factors (independent of lesson_lib).
DE_DW7 = -0.2170715 * 0.1755101 * 0.59327
NEW_W8 = 0.55 - 0.5 * -0.02274024
DE_DOUTH2 = 0.1384986 * 0.45 + -0.03809824 * 0.55
DE_DB12 = 0.04137032 * 0.2406134 * 1


@pytest.mark.parametrize("exercise, right, wrong", [
    (ex.ex1, "outH2", "w6"),
    (ex.ex1, " OUTH2 ", "outH1"),
    (ex.ex2, DE_DW7, -DE_DW7),
    (ex.ex3, NEW_W8, 0.55 + 0.5 * -0.02274024),
    (ex.ex4, DE_DOUTH2, 0.03635031),
    (ex.ex5, DE_DB12, 0.04137032),
])
def test_right_accepted_plausible_wrong_rejected_with_a_reason(exercise, right, wrong):
    assert exercise.check(right)
    verdict = exercise.check(wrong)
    assert not verdict
    assert "try ex.hint()" not in repr(verdict)  # a specific explanation, not the default


def test_hand_values_agree_with_a_finite_difference():
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731

    def err(w7=0.5, b12=0.35):
        oh1, oh2 = s(0.05 * 0.15 + 0.1 * 0.2 + 0.35), s(0.05 * 0.25 + 0.1 * 0.3 + b12)
        oy1 = s(oh1 * 0.4 + oh2 * 0.45 + 0.6)
        oy2 = s(oh1 * w7 + oh2 * 0.55 + 0.6)
        return 0.5 * (0.01 - oy1) ** 2 + 0.5 * (0.99 - oy2) ** 2

    h = 1e-6
    assert (err(w7=0.5 + h) - err(w7=0.5 - h)) / (2 * h) == pytest.approx(DE_DW7, rel=1e-6)
    assert (err(b12=0.35 + h) - err(b12=0.35 - h)) / (2 * h) == pytest.approx(DE_DB12, rel=1e-6)


def test_no_answer_yet_and_help():
    assert "No answer yet" in repr(ex.ex1.check(...))
    for exercise in (ex.ex1, ex.ex2, ex.ex3, ex.ex4, ex.ex5):
        assert repr(exercise.hint()).startswith("Hint:")
        assert repr(exercise.solution()).startswith("Solution:")
