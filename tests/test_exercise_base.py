"""The Exercise checker: the asked precision, named slips, unreadable answers, bad set-ups."""

import math

import numpy as np
import pytest

from lesson_lib.exercises import Exercise


def make(**changes):
    options = {"hint": "h", "solution": "s", "digits": 4, "slips": {2.5: "slip"}, **changes}
    return Exercise("x, to 4 significant figures?", 2.0634, **options)


def test_half_a_unit_in_the_last_asked_figure():
    ex = make()
    assert ex.check(2.063) and ex.check(2.0634) and ex.check(np.float32(2.063))
    for off in (2.062, 2.064, 2.065):
        verdict = ex.check(off)
        assert not verdict and "hint()" in verdict.message


def test_fewer_figures_than_asked_are_close_not_right():
    verdict = make().check(2.06)
    assert not verdict and verdict.message == (
        "Close: that is the answer to 3 significant figures; give 4.")


def test_a_slip_is_named_also_when_rounded_and_wins_over_close():
    ex = make(slips={2.0712: "used the wrong root"})
    assert ex.check(2.071).message == "used the wrong root"
    assert ex.check(2.07).message == "used the wrong root"  # 3 figures of the slip only
    # 2.06 rounds both: close to the answer, never "well done"; to 3 figures it is ambiguous
    shared = make(slips={2.0586: "slip"})
    assert "Close" in shared.check(2.06).message and shared.check(2.059).message == "slip"
    with pytest.raises(ValueError, match="equals the expected answer"):
        make(digits=3, slips={2.0586: "slip"})


def test_exact_answers_allow_float_rounding_only():
    ex = Exercise("limit, exactly?", 0.1, hint="h", solution="s", exact=True)
    assert ex.check(0.1) and ex.check(2 / 20) and ex.check(np.float32(0.1))
    assert not ex.check(0.1001) and not ex.check(0.0999)
    count = Exercise("how many?", 2, hint="h", solution="s", exact=True)
    assert count.check(2) and count.check(2.0) and count.check(np.int64(2))
    assert not count.check(3)


@pytest.mark.parametrize("answer, words", [
    (float("nan"), "nan"), (math.inf, "inf"), (-math.inf, "-inf"), (10**400, "401 digits"),
    (1 + 2j, "complex"), ("abc", "text 'abc'"), (True, "yes/no"), ([1, 2], "list of 2"),
    (object(), "of type object"), (np.array([2.0634]), "shape (1,)"),
])
def test_malformed_answers_say_what_was_given_and_what_is_asked(answer, words):
    verdict = make().check(answer)
    assert not verdict
    assert words in verdict.message and "a number to 4 significant figures" in verdict.message


def test_lists_are_read_item_by_item():
    ex = Exercise("outH?", [0.6457, 0.6792], hint="h", solution="s", digits=4,
                  slips={(0.6, 0.75): "net inputs"})
    assert ex.check([0.6457, 0.6792]) and ex.check(np.array([0.6457, 0.6792]))
    assert ex.check((0.6, 0.75)).message == "net inputs"
    assert "Close" in ex.check([0.646, 0.679]).message
    assert "list of 3" in ex.check([1, 2, 3]).message
    assert "shape (2, 1)" in ex.check(np.zeros((2, 1))).message
    assert "item 2" in ex.check([0.6457, "x"]).message
    assert "Item 1 of your list is still None" in ex.check([None, 1]).message
    assert "one number" in ex.check(0.6457).message


def test_names_are_compared_without_case_or_space():
    word = Exercise("which?", "relu", hint="h", solution="s", slips={"step": "flat"})
    assert word.check(" ReLU ") and word.check("step").message == "flat"
    assert "a name, written as a string" in word.check(0.5).message
    assert "No answer yet" in word.check(...).message


def test_a_custom_check_that_fails_is_reported_not_raised():
    even = Exercise("even?", check=lambda a: (a % 2 == 0, "parity"), hint="h", solution="s")
    assert even.check(4) and not even.check(3)
    assert "TypeError" in even.check("four").message


def test_hint_and_solution_are_shown_as_written():
    assert repr(make().hint()) == "Hint: h" and repr(make().solution()) == "Solution: s"


@pytest.mark.parametrize("changes, error, words", [
    (dict(digits=-2), ValueError, "digits must be an integer from 1 to 15, got -2"),
    (dict(digits=2.5), TypeError, "digits must be an integer"),
    (dict(digits=None), ValueError, "digits=N or exact=True"),
    (dict(exact=True), ValueError, "digits=N or exact=True"),
    (dict(exact="yes"), TypeError, "exact must be True or False"),
    (dict(slips={math.nan: "m"}), ValueError, "finite"),
    (dict(slips={2.0634: "m"}), ValueError, "equals the expected answer"),
    (dict(slips={2.06341: "m"}), ValueError, "equals the expected answer"),
    (dict(slips={2.5: ""}), ValueError, "must not be empty"),
    (dict(slips={"w1": "m"}), TypeError, "real number"),
    (dict(slips=[2.5]), TypeError, "slips must map"),
    (dict(hint=""), ValueError, "hint must not be empty"),
    (dict(solution=None), TypeError, "solution must be a string"),
])
def test_bad_set_ups_fail_at_construction_naming_the_parameter(changes, error, words):
    with pytest.raises(error, match=words):
        make(**changes)


@pytest.mark.parametrize("expected, error, words", [
    (math.nan, ValueError, "expected must be a finite number"),
    (math.inf, ValueError, "expected must be a finite number"),
    (0.0, ValueError, "use exact=True"),
    ([], ValueError, "at least one number"),
    ([1.0, "a"], TypeError, r"expected\[1\] must be a real number"),
])
def test_bad_expected_answers_fail_at_construction(expected, error, words):
    with pytest.raises(error, match=words):
        Exercise("q", expected, hint="h", solution="s", digits=4)


def test_a_check_must_be_callable_and_stands_alone():
    with pytest.raises(TypeError, match="check must be a function"):
        Exercise("q", check=42, hint="h", solution="s")
    with pytest.raises(ValueError, match="exactly one of expected and check"):
        Exercise("q", 1.0, check=lambda a: (True, ""), hint="h", solution="s", exact=True)


def test_messages_name_the_exercise_variable():
    import lesson_lib as ll

    module = ll.derivative.exercises
    assert module.ex4.name == "ex4"
    assert "try ex4.hint()" in repr(module.ex4.check(-12345.678))


def test_halves_round_up_as_at_school_and_numbers_in_quotes_are_explained():
    from lesson_lib.exercises import Exercise
    ex = Exercise("What is 1/4, to 4 significant figures?", 0.25, digits=4, hint="h",
                  solution="s")
    assert "Close" in ex.check(0.3).message  # 0.25 to one figure, halves up
    assert "Close" in ex.check(0.2).message  # ... or as the float 0.25 rounds, half to even
    assert "Close" not in ex.check(0.4).message
    assert "without quotes, 1/4" in ex.check("1/4").message
    assert "without quotes" not in ex.check("a quarter").message
