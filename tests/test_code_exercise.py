"""CodeExercise: a learner's function is run on the lecture's values and on unseen cases."""

import importlib
import math

import pytest

import lesson_lib as ll
from lesson_lib.exercises import CodeExercise, function_from_code
from lesson_lib.lesson import FOLDERS as LESSONS


def exercises_of(lesson):
    return importlib.import_module(f"lesson_lib.{lesson}.exercises")


# Every CodeExercise of every lesson, found by type: a new one is covered without a list.
CODE_EXERCISES = [pytest.param(ex, id=f"{lesson}.{name}")
                  for lesson in LESSONS
                  for name, ex in vars(exercises_of(lesson)).items()
                  if isinstance(ex, CodeExercise)]


SOLUTION = "def f(x):\n    s = 1 / (1 + math.exp(-x))\n    return s * (1 - s)\n"


def slope(x):
    return 1 / (1 + math.exp(-x)) * (1 - 1 / (1 + math.exp(-x)))


def make(**changes):
    options = {
        "params": ("x",), "returns": "slope", "reference": slope,
        "lecture": {"x": 0.5}, "random_case": lambda rng: {"x": float(rng.uniform(-3, 3))},
        "hint": "h", "solution": SOLUTION,
        "slips": [(lambda x: 1 / (1 + math.exp(-x)), "That is sigma, not its slope.")],
        "slopes": {"slope": "x"}, "loss": lambda x: 1 / (1 + math.exp(-x)),
        **changes,
    }
    return CodeExercise("Write the sigmoid's slope.", **options)


@pytest.mark.parametrize("ex", CODE_EXERCISES)
def test_the_stored_solution_passes_its_own_check(ex):
    verdict = ex.check(ex.solution_function())
    assert verdict, verdict.message
    assert ex.solution_code in repr(ex.solution()) and repr(ex.hint()).startswith("Hint:")


def test_a_small_exercise_right_slip_and_wrong():
    ex = make()
    assert ex.check(function_from_code(ex.solution_code))
    assert "That is sigma, not its slope." in ex.check(lambda x: 1 / (1 + math.exp(-x))).message
    wrong = ex.check(lambda x: 0.25)
    assert "slope is wrong" in wrong.message and "you have 0.25" in wrong.message
    assert "central difference" in wrong.message


def test_a_wrong_quantity_is_named_with_the_case_that_shows_it():
    ex = ll.backward.exercises.ex6
    right = function_from_code(ex.solution_code)

    def only_wrong_when_w5_is_negative(*args):
        grads = right(*args)
        w5 = args[4]
        return {**grads, "dE_dw3": grads["dE_dw3"] + (1.0 if w5 < 0 else 0.0)}

    message = ex.check(only_wrong_when_w5_is_negative).message
    assert message.startswith("dE_dw3 is wrong in a case you have not seen (w1=")
    assert "Try ex6.hint()" in message


def test_the_lessons_code_exercises_are_found():
    found = {p.id for p in CODE_EXERCISES}
    assert {"forward.ex6", "backward.ex6", "backward.ex7"} <= found


@pytest.mark.parametrize("ex", CODE_EXERCISES)
def test_each_code_exercise_names_at_least_two_slips(ex):
    assert len(ex.slips) >= 2


def test_each_slip_implementation_is_recognised_by_its_message():
    forward = ll.forward.exercises
    no_half = forward.ex6.solution_code.replace("0.5 * (T", "(T")
    assert no_half.count("(T") == 2 and "0.5 *" not in no_half
    assert "1/2" in forward.ex6.check(function_from_code(no_half)).message
    src = ll.backward.exercises.ex6.solution_code.replace(
        "delta_h2 = dE_doutH2 * outH2", "delta_h2 = dE_doutH1 * outH2")
    verdict = ll.backward.exercises.ex6.check(function_from_code(src))
    assert "You used dE_doutH1 for h2's weights and bias" in verdict.message


@pytest.mark.parametrize("function, words", [
    (None, "No answer yet"),
    (42, "Pass the function itself"),
    (lambda: 1.0, "the check calls it with 1 argument, (x)"),
    (lambda x: 1 / 0, "With the lecture's values, your function raised ZeroDivisionError"),
    (lambda x: None, "returned None"),
    (lambda x: "0.2", "should return one number, slope. You gave the text"),
    (lambda x: math.nan, "nan"),
    (lambda x: [1, 2], "a list of 2 items"),
])
def test_odd_functions_get_a_sentence_not_a_traceback(function, words):
    verdict = make().check(function)
    assert not verdict and words in verdict.message


@pytest.mark.parametrize("result, words", [
    ({"h1": 1.0}, "has no 'outH1'"),
    ([1.0, 2.0], "returned a list of 2 items; it should return a dict with the keys"),
    (3.0, "of type float; it should return a dict"),
])
def test_wrong_shapes_of_result_are_named(result, words):
    verdict = ll.forward.exercises.ex6.check(lambda *args: result)
    assert not verdict and words in verdict.message


def test_the_unseen_cases_are_the_same_on_every_check():
    assert make().cases == make().cases and len(make().cases) == 11


@pytest.mark.parametrize("changes, error, words", [
    ({"reference": 3}, TypeError, "reference must be a function"),
    ({"random_case": None}, TypeError, "random_case must be a function"),
    ({"hint": ""}, TypeError, "hint must be a non-empty string"),
    ({"cases": 0}, ValueError, "cases must be an integer >= 1"),
    ({"lecture": {"y": 1.0}}, ValueError, "lecture must give exactly the params"),
    ({"slips": [(1, "m")]}, TypeError, "slips must be"),
    ({"loss": None}, TypeError, "slopes need loss"),
    ({"loss": lambda x: x}, ValueError, "disagrees with a central difference"),
])
def test_bad_set_ups_fail_at_construction(changes, error, words):
    with pytest.raises(error, match=words):
        make(**changes)


def test_function_from_code_picks_the_named_or_last_function():
    code = "def a():\n    return np.pi\n\ndef b():\n    return math.e\n"
    assert function_from_code(code)() == math.e and function_from_code(code, "a")() == math.pi
    with pytest.raises(ValueError, match="defines no function named c"):
        function_from_code(code, "c")


def test_an_untouched_stub_is_no_answer_yet_not_a_wrong_answer():
    from lesson_lib.exercises.coding import STUB
    exercise = make()
    params = ", ".join(exercise.params)
    for body in ("...", "pass", "return ..."):
        namespace = {}
        exec(f"def stub({params}):\n    {body}\n", namespace)
        assert exercise.check(namespace["stub"]).message == STUB, body
    assert exercise.check(lambda x: None).message != STUB  # a real body that forgot return
