"""Lesson 4 exercises accept the right answer, computed here by hand, and explain slips."""

import json
import math
from pathlib import Path

import pytest

import lesson_lib as ll
from lesson_lib.forward import exercises as exercises

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

LECTURE = {"x1": 0.05, "x2": 0.10, "T1": 0.01, "T2": 0.99, "w1": 0.15, "w2": 0.20,
           "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
           "b11": 0.35, "b12": 0.35, "b21": 0.60, "b22": 0.60}


def s(z):
    return 1 / (1 + math.exp(-z))


def forward(**changes):
    """The lecture's forward pass written out by hand, independently of lesson_lib."""
    p = {**LECTURE, **changes}
    v = {"h1": p["x1"] * p["w1"] + p["x2"] * p["w2"] + p["b11"],
         "h2": p["x1"] * p["w3"] + p["x2"] * p["w4"] + p["b12"]}
    v["outH1"], v["outH2"] = s(v["h1"]), s(v["h2"])
    v["y1"] = v["outH1"] * p["w5"] + v["outH2"] * p["w6"] + p["b21"]
    v["y2"] = v["outH1"] * p["w7"] + v["outH2"] * p["w8"] + p["b22"]
    v["outY1"], v["outY2"] = s(v["y1"]), s(v["y2"])
    v["E1"] = 0.5 * (p["T1"] - v["outY1"]) ** 2
    v["E2"] = 0.5 * (p["T2"] - v["outY2"]) ** 2
    return v


RIGHT = {
    "ex1": "w6",
    "ex2": forward(x1=0.2)["h2"],
    "ex3": forward(T1=0.05)["E1"],
    "ex4": forward(b21=0.0)["outY1"],
    "ex5": [forward(x1=1.0, x2=0.5)["outH1"], forward(x1=1.0, x2=0.5)["outH2"]],
}
WRONG = {
    "ex1": "w7",
    "ex2": forward(x1=0.2)["h1"],  # h1 instead of h2
    "ex3": (0.05 - forward()["outY1"]) ** 2,  # no 1/2
    "ex4": forward(b21=0.0)["y1"],  # y1 before the sigmoid
    # W1.T @ x + b1 through the sigmoid: each hidden neuron given the other's second weight
    "ex5": [s(0.15 * 1.0 + 0.25 * 0.5 + 0.35), s(0.20 * 1.0 + 0.30 * 0.5 + 0.35)],
}
# Answers printed earlier in the notebook for the lecture's own numbers: not accepted.
PRINTED = {
    "ex2": forward()["h2"],
    "ex3": forward()["E1"],
    "ex5": [forward()["outH1"], forward()["outH2"]],
}


@pytest.mark.parametrize("name", sorted(RIGHT))
def test_right_answer_is_accepted(name):
    assert getattr(exercises, name).check(RIGHT[name])


@pytest.mark.parametrize("name", ["ex2", "ex3", "ex4"])
def test_right_answer_to_four_significant_figures_is_accepted(name):
    assert getattr(exercises, name).check(float(f"{RIGHT[name]:.4g}"))


@pytest.mark.parametrize("name", sorted(WRONG))
def test_plausible_wrong_answer_is_rejected_with_its_explanation(name):
    ex = getattr(exercises, name)
    feedback = ex.check(WRONG[name])
    assert not feedback
    assert "Well done" not in repr(feedback) and f"try {name}.hint()" not in repr(feedback)


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_copying_the_lectures_printed_value_is_rejected(name):
    feedback = getattr(exercises, name).check(PRINTED[name])
    assert not feedback
    assert f"try {name}.hint()" not in repr(feedback)


def test_questions_say_the_precision_wanted():
    for name in ("ex2", "ex3", "ex4", "ex5"):
        ex = getattr(exercises, name)
        assert f"{ex.digits} significant figures" in ex.question
    assert exercises.ex3.digits == 3  # 0.2460 to 4 figures is the float 0.246: ask for 3


def test_there_are_at_least_three_exercises_with_hints_and_solutions():
    found = [getattr(exercises, f"ex{i}") for i in range(1, 6)]
    for ex in found:
        assert ex.slips and "Hint" in repr(ex.hint()) and "Solution" in repr(ex.solution())


def test_unanswered_exercise_says_so():
    assert "No answer yet" in repr(exercises.ex2.check(...))


def test_answers_agree_with_the_library():
    assert exercises.ex2.check(ll.LessonNet(x1=0.2).forward()["h2"])
    assert exercises.ex3.check(ll.LessonNet(T1=0.05).forward()["E1"])
    assert exercises.ex4.check(ll.LessonNet(b21=0).forward()["outY1"])
    f = ll.LessonNet(x1=1.0, x2=0.5).forward()
    assert exercises.ex5.check([f["outH1"], f["outH2"]])


# -- the coding exercises ---------------------------------------------------------------

CODE = [name for name, value in vars(exercises).items()
        if isinstance(value, ll.exercises.CodeExercise)]


def test_there_are_two_coding_exercises():
    assert CODE == ["ex6", "ex7"]


@pytest.mark.parametrize("name", CODE)
def test_each_stored_solution_passes_its_check(name):
    ex = getattr(exercises, name)
    verdict = ex.check(ll.exercises.function_from_code(ex.solution_code))
    assert verdict and "10 cases you have not seen" in verdict.message, verdict.message


def error_by_hand(outY1, outY2, T1, T2):
    """The lecture's error, written out again here."""
    return {"E1": (T1 - outY1) ** 2 / 2, "E2": (T2 - outY2) ** 2 / 2,
            "E_total": ((T1 - outY1) ** 2 + (T2 - outY2) ** 2) / 2}


def forward_by_hand(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
    v = forward(w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8, b11=b11, b12=b12,
                b21=b21, b22=b22, x1=x1, x2=x2, T1=T1, T2=T2)
    return {**v, "E_total": v["E1"] + v["E2"]}


def test_the_stored_forward_pass_runs_after_notebook_4s_imports_alone():
    # The notebook imports numpy, not math: the worked solution pasted in must need no more.
    cells = json.loads((NOTEBOOKS / "04_forward_pass.ipynb").read_text())["cells"]
    imports = next("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "import" in imports and "math" not in imports
    namespace = {}
    exec(imports, namespace)  # noqa: S102
    exec(exercises.ex6.solution_code, namespace)  # noqa: S102
    got = namespace["forward_pass"](**LECTURE)
    want = forward_by_hand(**LECTURE)
    assert all(math.isclose(got[q], want[q], rel_tol=1e-12) for q in exercises.NAMES)


def forward_with(w6_w7_swapped=False, sums_to_outputs=False, **p):
    """The forward pass by hand, with one of two slips a learner makes in the output layer."""
    v = forward(**p)
    p = {**LECTURE, **p}
    w6, w7 = (p["w7"], p["w6"]) if w6_w7_swapped else (p["w6"], p["w7"])
    a, b = (v["h1"], v["h2"]) if sums_to_outputs else (v["outH1"], v["outH2"])
    v["y1"], v["y2"] = a * p["w5"] + b * w6 + p["b21"], a * w7 + b * p["w8"] + p["b22"]
    v["outY1"], v["outY2"] = s(v["y1"]), s(v["y2"])
    v["E1"], v["E2"] = 0.5 * (p["T1"] - v["outY1"]) ** 2, 0.5 * (p["T2"] - v["outY2"]) ** 2
    return {**v, "E_total": v["E1"] + v["E2"]}


@pytest.mark.parametrize("slip, words", [
    ({"w6_w7_swapped": True}, "you swapped w6 and w7"),
    ({"sums_to_outputs": True}, "not the sums h1 and h2"),
])
def test_each_slip_of_the_forward_pass_is_named(slip, words):
    def learner(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        return forward_with(**slip, w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8,
                            b11=b11, b12=b12, b21=b21, b22=b22, x1=x1, x2=x2, T1=T1, T2=T2)

    verdict = exercises.ex6.check(learner)
    assert not verdict and words in verdict.message
    assert verdict.message.startswith("y1 is wrong with the lecture's values")


def test_an_independent_function_passes_and_the_reference_agrees_on_every_case():
    assert exercises.ex7.check(error_by_hand)
    assert exercises.ex6.check(forward_by_hand)
    for ex, oracle in ((exercises.ex7, error_by_hand), (exercises.ex6, forward_by_hand)):
        for case, want in zip(ex.cases, ex._expected, strict=True):
            got = oracle(**case)
            assert all(math.isclose(want[q], got[q], rel_tol=1e-12, abs_tol=1e-15)
                       for q in ex.returns)


def test_the_error_exercise_starts_from_the_lectures_outputs():
    lecture = exercises.ex7.cases[0]
    assert lecture == {"outY1": forward()["outY1"], "outY2": forward()["outY2"],
                       "T1": 0.01, "T2": 0.99}
    assert all(0 < c["outY1"] < 1 and 0 < c["outY2"] < 1 for c in exercises.ex7.cases)


@pytest.mark.parametrize("wrong, words", [
    (lambda o1, o2, t1, t2: {k: 2 * v for k, v in error_by_hand(o1, o2, t1, t2).items()},
     "You left out the factor 1/2"),
    (lambda o1, o2, t1, t2: {"E1": (t1 - o1) / 2, "E2": (t2 - o2) / 2,
                             "E_total": (t1 - o1 + t2 - o2) / 2},
     "did not square it"),
    (lambda o1, o2, t1, t2: {**error_by_hand(o1, o2, t1, t2),
                             "E_total": (t1 - o1 + t2 - o2) ** 2 / 2},
     "square each output's difference on its own"),
    (lambda o1, o2, t1, t2: {**error_by_hand(o1, o2, t1, t2),
                             "E_total": error_by_hand(o1, o2, t1, t2)["E_total"] / 2},
     "not their mean"),
])
def test_each_slip_of_the_error_is_named(wrong, words):
    verdict = exercises.ex7.check(wrong)
    assert not verdict and words in verdict.message


def test_a_slip_only_in_unseen_cases_names_the_case():
    def wrong_when_target_is_high(outY1, outY2, T1, T2):
        values = error_by_hand(outY1, outY2, T1, T2)
        if T1 > 0.5:
            values["E1"] += 0.1
        return values

    message = exercises.ex7.check(wrong_when_target_is_high).message
    assert message.startswith("E1 is wrong in a case you have not seen (outY1=")
    assert "Try ex7.hint()" in message


@pytest.mark.parametrize("function, words", [
    (lambda o1, o2, t1, t2: None, "returned None"),
    (lambda o1, o2, t1, t2: 1 / 0, "raised ZeroDivisionError"),
    (lambda o1, o2, t1, t2: {"E1": 0.1}, "has no 'E2', 'E_total' keys"),
    (lambda o1, o2, t1, t2: {"E1": "a", "E2": "b", "E_total": "c"}, "your E1 is not a number"),
    (lambda o1, o2, t1, t2: (0.1, 0.2, 0.3), "it should return a dict with the keys"),
    (lambda o1, o2: 0.0, "the check calls it with 4 arguments"),
])
def test_odd_error_functions_get_a_sentence(function, words):
    verdict = exercises.ex7.check(function)
    assert not verdict and words in verdict.message
