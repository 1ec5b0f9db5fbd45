"""Every Exercise of every lesson: the asked precision passes, one unit off fails, slips and
malformed answers get their own sentence, and no check raises or warns."""

import importlib
import math

import numpy as np
import pytest

from lesson_lib.exercises import Exercise
from lesson_lib.lesson import FOLDERS as LESSONS


def exercises_of(lesson):
    return importlib.import_module(f"lesson_lib.{lesson}.exercises")


EXERCISES = [pytest.param(ex, id=f"{lesson}.{name}")
             for lesson in LESSONS
             for name, ex in vars(exercises_of(lesson)).items()
             if isinstance(ex, Exercise)]
NUMERIC = [p for p in EXERCISES if not isinstance(p.values[0].expected, str)]
GENERIC = "That is not it"


def rounded(ex, value):
    return value if ex.exact else float(f"{value:.{ex.digits}g}")


def as_answer(ex, values):
    """An answer in the expected's form from a list of numbers."""
    return values if isinstance(ex.expected, list | tuple) else values[0]


def items(value):
    return list(value) if isinstance(value, list | tuple) else [value]


def unit(ex, value):
    """One unit in the last asked figure (or a relative 1e-9 for an exact answer)."""
    if ex.exact:
        return abs(value) * 1e-9
    return 10.0 ** (math.floor(math.log10(abs(value))) - ex.digits + 1)


def test_every_lesson_has_exercises():
    assert len(EXERCISES) >= 25


@pytest.mark.parametrize("ex", NUMERIC)
def test_the_question_says_how_precise_to_be(ex):
    said = "exact" if ex.exact else f"{ex.digits} significant figures"
    assert said in ex.question or (ex.exact and "whole number" in ex.question)


@pytest.mark.parametrize("ex", NUMERIC)
def test_the_right_answer_in_every_numeric_type_is_accepted(ex):
    right = [rounded(ex, v) for v in items(ex.expected)]
    assert ex.check(as_answer(ex, right)), right
    assert ex.check(as_answer(ex, [np.float64(v) for v in right]))
    assert ex.check(as_answer(ex, [np.float32(v) for v in right]))
    if ex.exact and all(float(v).is_integer() for v in right):
        assert ex.check(as_answer(ex, [int(v) for v in right]))
        assert ex.check(as_answer(ex, [np.int64(v) for v in right]))


@pytest.mark.parametrize("ex", NUMERIC)
@pytest.mark.parametrize("sign", [+1, -1])
def test_one_unit_off_in_the_last_asked_figure_is_rejected(ex, sign):
    right = [rounded(ex, v) for v in items(ex.expected)]
    off = [right[0] + sign * unit(ex, right[0])] + right[1:]
    assert not ex.check(as_answer(ex, off))


@pytest.mark.parametrize("ex", EXERCISES)
def test_each_slip_is_named_also_when_rounded_to_the_asked_figures(ex):
    assert ex.slips, "each exercise lists at least one plausible wrong answer"
    for wrong, why in ex.slips.items():
        answers = [wrong]
        if not isinstance(wrong, str):
            answers.append(as_answer(ex, [rounded(ex, v) for v in items(wrong)]))
        for answer in answers:
            verdict = ex.check(answer)
            assert not verdict and verdict.message == why, answer


MALFORMED = [math.nan, math.inf, -math.inf, 10**400, 1 + 2j, "abc", True, None, [1, 2],
             object(), ..., {"a": 1}]


@pytest.mark.parametrize("ex", EXERCISES)
def test_malformed_answers_get_a_sentence_of_their_own(ex):
    for answer in MALFORMED:
        if isinstance(ex.expected, str) and answer == "abc" or (
                isinstance(ex.expected, list | tuple) and answer == [1, 2]):
            continue  # a well-formed wrong answer there
        verdict = ex.check(answer)
        assert not verdict, answer
        assert GENERIC not in verdict.message and verdict.message.endswith("."), answer


@pytest.mark.parametrize("ex", NUMERIC)
def test_a_sequence_where_a_number_is_asked_and_the_reverse(ex):
    other = 1.0 if isinstance(ex.expected, list | tuple) else [1.0, 2.0, 3.0]
    verdict = ex.check(other)
    assert not verdict and GENERIC not in verdict.message


def test_an_exercise_knows_its_name_whoever_imported_its_module_first():
    """Messages say "try ex3.hint()": the name must not depend on the order of imports."""
    import importlib
    import subprocess
    import sys
    code = ("import lesson_lib.backward.exercises as b, lesson_lib.forward.exercises as f\n"
            "print(f.ex7.name, b.ex6.name)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["ex7", "ex6"]
    assert importlib.import_module("lesson_lib.forward.exercises").ex3.name == "ex3"
