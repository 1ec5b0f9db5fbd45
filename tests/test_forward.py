"""Lesson 4 (lesson_lib/forward/): the forward pass."""

import contextlib
import io
import json
import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from oracles import ROUNDING, by_hand, output_text, svg_labels, svg_number

import lesson_lib as ll
from lesson_lib.forward import core as forward
from lesson_lib.forward import exercises as exercises
from lesson_lib.forward.apps import ForwardExplorer, forward_explorer

# == core ==================================================================================
# The slides' forward values beside a learner's: each verdict against rounding done by hand.

LECTURE = {"x1": 0.05, "x2": 0.10, "T1": 0.01, "T2": 0.99, "w1": 0.15, "w2": 0.20,
           "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
           "b11": 0.35, "b12": 0.35, "b21": 0.60, "b22": 0.60}


# What the slides print, read off the lecture by hand: R's output (7 significant digits)
# and the numbers beside the formulas.
R_OUTPUT = {"h1": "0.3775", "outH1": "0.59327", "h2": "0.3925", "outH2": "0.5968844",
            "y1": "1.105906", "outY1": "0.7513651", "y2": "1.224921", "outY2": "0.7729285"}


BESIDE = {"outH1": "0.5932", "outH2": "0.5968", "outY1": "0.7513", "outY2": "0.7729"}


def lecture_values():
    values = by_hand(LECTURE)
    values["h1"] = 0.05 * 0.15 + 0.10 * 0.20 + 0.35
    values["h2"] = 0.05 * 0.25 + 0.10 * 0.30 + 0.35
    values["y1"] = values["outH1"] * 0.40 + values["outH2"] * 0.45 + 0.60
    values["y2"] = values["outH1"] * 0.50 + values["outH2"] * 0.55 + 0.60
    return values


def verdicts(table):
    return {(row[0], row[1]): row[4] for row in table.rows}


def test_the_table_lists_every_number_the_slides_print():
    listed = {(name, printed) for name, printed, _ in forward.SLIDE_NUMBERS}
    assert listed == set(R_OUTPUT.items()) | set(BESIDE.items())


def test_r_output_agrees_and_three_notes_beside_the_formulas_are_cut_off():
    values = lecture_values()
    got = verdicts(forward.slide_comparison(values))
    for name in R_OUTPUT:
        assert got[(name, "R output")] == "yes"
        # the oracle: rounding to R's seven significant digits gives what R printed
        assert float(f"{values[name]:.7g}") == float(R_OUTPUT[name])
    for name, printed in BESIDE.items():
        rounded = f"{values[name]:.4f}"
        cut = f"{math.floor(values[name] * 1e4) / 1e4:.4f}"
        assert cut == printed  # every note is the value cut off after four decimals
        expected = "yes" if rounded == printed else f"no: cut off, not rounded ({rounded})"
        assert got[(name, "beside the formula")] == expected
    assert sum(v.startswith("no: cut off") for v in got.values()) == 3


def test_the_learners_values_are_shown_and_a_wrong_one_is_refused():
    values = {**lecture_values(), "outY1": 0.76}
    table = forward.slide_comparison(values)
    assert "0.76" in table.column("yours")
    assert verdicts(table)[("outY1", "R output")] == "NO"
    assert verdicts(table)[("outY1", "beside the formula")] == "NO"


def test_missing_and_non_numeric_values_are_named_in_their_rows():
    table = forward.slide_comparison({"h1": "abc"})
    yours = dict(zip(table.column("value"), table.column("yours"), strict=True))
    assert yours["h1"] == "not a number" and yours["outY2"] == "not computed yet"
    assert "not computed yet" in repr(table)


def test_a_namespace_that_is_not_a_mapping_is_refused():
    with pytest.raises(TypeError, match="values must be a dict"):
        forward.slide_comparison([0.3775])


# == app ===================================================================================
# The forward-pass app, driven headless: sliders move the diagram and the readout together.

LESSON = {**ll.LESSON_PARAMS, **ll.LESSON_DATA}


def readout_number(app, name) -> float:
    after = app.readout.value.split(f"{name} = ")[1]
    return float(re.match(r"-?[0-9.]+", after).group())


@pytest.fixture(scope="module")
def app():
    return forward_explorer()


def test_one_call_builds_a_displayable_app(app):
    assert isinstance(app, ForwardExplorer)
    assert set(app.controls) == set(LESSON)
    assert app.picture.svg.startswith("<svg")
    bundle = app._repr_mimebundle_()  # the display hook Jupyter calls: a deliberate test of it
    assert "Run this cell in Jupyter" in bundle["text/plain"]


@pytest.mark.parametrize("name, value", [("w5", -2.0), ("b12", 1.5), ("x1", -1.0),
                                         ("T1", 0.8), ("w2", 2.5)])
def test_a_slider_moves_diagram_and_readout_consistently(app, name, value):
    app.buttons["reset"].click()
    before = app.picture.svg
    app.controls[name].value = value
    want = by_hand({**LESSON, name: value})
    svg = app.picture.svg
    for node in ("outH1", "outH2", "outY1", "outY2", "E_total"):
        assert svg_number(svg, node) == pytest.approx(want[node], abs=1e-4)
    assert readout_number(app, "E_total") == pytest.approx(want["E_total"], abs=1e-4)
    assert readout_number(app, "outY1") == pytest.approx(want["outY1"], abs=1e-4)
    assert svg_labels(svg)[name] == f"{name} = {value:.4g}"
    assert f"E_total = {want['E_total']:.4g}" in app.picture.alt
    assert app.net.error() == pytest.approx(want["E_total"], rel=ROUNDING)
    assert app.picture.svg != before


def test_reset_restores_the_lesson_values(app):
    for name, value in {"w1": -1.0, "w8": 2.0, "x2": 1.5, "T2": 0.1}.items():
        app.controls[name].value = value
    app.buttons["reset"].click()
    assert {name: c.value for name, c in app.controls.items()} == LESSON
    assert svg_number(app.picture.svg, "E_total") == pytest.approx(0.2984, abs=1e-4)
    assert readout_number(app, "E_total") == pytest.approx(by_hand(LESSON)["E_total"],
                                                           abs=1e-4)
    assert svg_labels(app.picture.svg)["w1"] == "w1 = 0.15"


def test_reset_redraws_once_not_once_per_slider(app, monkeypatch):
    app.controls["w3"].value = 1.0
    calls = []
    monkeypatch.setattr(app, "update", lambda: calls.append(1))
    app.buttons["reset"].click()
    assert len(calls) == 1


def test_app_starts_from_a_given_network():
    custom = forward_explorer(ll.LessonNet(w6=-1.25, T1=0.5))
    assert custom.controls["w6"].value == -1.25
    assert svg_number(custom.picture.svg, "E_total") == pytest.approx(
        by_hand({**LESSON, "w6": -1.25, "T1": 0.5})["E_total"], abs=1e-4)


@pytest.mark.parametrize("net, error, match", [
    ("lesson", TypeError, "net must be a LessonNet"),
    (ll.LessonNet(w1=5.0), ValueError, "w1 must be between -3 and 3"),
    (ll.LessonNet(T1=1.5), ValueError, "T1 must be between 0 and 1"),
])
def test_bad_input_is_refused_with_a_clear_message(net, error, match):
    with pytest.raises(error, match=match):
        forward_explorer(net)


def test_browser_snapping_noise_neither_redraws_nor_shifts_values(app, monkeypatch):
    app.buttons["reset"].click()
    calls = []
    monkeypatch.setattr(app, "update", lambda: calls.append(1))
    app.controls["w1"].value = 0.1499999999999999  # what a browser sends back for 0.15
    app.controls["x1"].value = 0.04999999999999982
    assert calls == []
    assert app.net.w1 == 0.15 and app.net.x1 == 0.05
    assert app.net.error() == ll.LessonNet().error()


# == exercises =============================================================================
# Lesson 4 exercises accept the right answer, computed here by hand, and explain slips.

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def s(z):
    return 1 / (1 + math.exp(-z))


def hand_forward(**changes):
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
    "ex2": hand_forward(x1=0.2)["h2"],
    "ex3": hand_forward(T1=0.05)["E1"],
    "ex4": hand_forward(b21=0.0)["outY1"],
    "ex5": [hand_forward(x1=1.0, x2=0.5)["outH1"], hand_forward(x1=1.0, x2=0.5)["outH2"]],
}


WRONG = {
    "ex1": "w7",
    "ex2": hand_forward(x1=0.2)["h1"],  # h1 instead of h2
    "ex3": (0.05 - hand_forward()["outY1"]) ** 2,  # no 1/2
    "ex4": hand_forward(b21=0.0)["y1"],  # y1 before the sigmoid
    # W1.T @ x + b1 through the sigmoid: each hidden neuron given the other's second weight
    "ex5": [s(0.15 * 1.0 + 0.25 * 0.5 + 0.35), s(0.20 * 1.0 + 0.30 * 0.5 + 0.35)],
}


# Answers printed earlier in the notebook for the lecture's own numbers: not accepted.
PRINTED = {
    "ex2": hand_forward()["h2"],
    "ex3": hand_forward()["E1"],
    "ex5": [hand_forward()["outH1"], hand_forward()["outH2"]],
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
    v = hand_forward(w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8, b11=b11, b12=b12,
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
    assert all(math.isclose(got[q], want[q], rel_tol=ROUNDING) for q in exercises.NAMES)


def forward_with(w6_w7_swapped=False, sums_to_outputs=False, **p):
    """The forward pass by hand, with one of two slips a learner makes in the output layer."""
    v = hand_forward(**p)
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
        for case in ex.cases:
            want, got = ex.reference(*(case[p] for p in ex.params)), oracle(**case)
            assert all(math.isclose(want[q], got[q], rel_tol=ROUNDING, abs_tol=1e-15)
                       for q in ex.returns)


def test_the_error_exercise_starts_from_the_lectures_outputs():
    lecture = exercises.ex7.cases[0]
    assert lecture == {"outY1": hand_forward()["outY1"], "outY2": hand_forward()["outY2"],
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


# == notebook ==============================================================================
# Notebook 04 as stored: the lecture's lines in plain Python, each checked, with its outputs.

PATH = Path(__file__).resolve().parents[1] / "notebooks" / "04_forward_pass.ipynb"


# The lecture's R lines, in Python spelling: the notebook must show each one as code.
LINES = ["h1 = x1*w1 + x2*w2 + b11", "outH1 = sigmoid(h1)", "h2 = x1*w3 + x2*w4 + b12",
         "outH2 = sigmoid(h2)", "y1 = outH1*w5 + outH2*w6 + b21", "outY1 = sigmoid(y1)",
         "y2 = outH1*w7 + outH2*w8 + b22", "outY2 = sigmoid(y2)",
         "E1 = 0.5 * (T1 - outY1)**2", "E2 = 0.5 * (T2 - outY2)**2", "E_total = E1 + E2"]


# R's output on the slides (7 significant digits): an oracle outside lesson_lib.
SLIDES = {"h1": 0.3775, "outH1": 0.59327, "h2": 0.3925, "outH2": 0.5968844,
          "y1": 1.105906, "outY1": 0.7513651, "y2": 1.224921, "outY2": 0.7729285}


PASS_CELLS = ("def sigmoid", "h1 = ", "y1 = ", "E1 = ", "W1 = np.array")


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(PATH, as_version=4).cells


@pytest.fixture(scope="module")
def code(cells):
    return [c for c in cells if c.cell_type == "code"]


def printed(code) -> str:
    return "\n".join(output_text(c) for c in code)


def test_the_lectures_lines_are_plain_python_in_the_notebook(code):
    source = "\n".join(c.source for c in code)
    for line in LINES:
        assert re.search(rf"^{re.escape(line)}$", source, re.MULTILINE), line
    for name, value in LECTURE.items():  # every input typed in, as the lecture's R does
        assert re.search(rf"^(\w+ = )*{name} = (\w+ = )*{value:.2f}\b", source, re.MULTILINE)
    assert "ll.forward.core.steps" not in source and "net.forward()" not in source


def test_printed_values_are_labelled_and_are_the_slides_numbers(code):
    text = printed(code)
    values = by_hand(LECTURE)
    for name in ("outH1", "outH2", "outY1", "outY2", "E_total"):
        assert f"\n{name} = {values[name]:.8g}\n" in f"\n{text}\n", name
    for name, slide in SLIDES.items():
        shown = float(re.search(rf"^{name} = (\S+)$", text, re.MULTILINE).group(1))
        assert float(f"{shown:.7g}") == pytest.approx(slide, abs=ROUNDING), name
    assert "E_total = 0.29837111" in text


def test_each_computation_is_followed_by_a_one_line_check_that_passes(code):
    computing = [i for i, c in enumerate(code) if c.source.startswith(("h1 = ", "y1 = ", "E1 = "))]
    assert len(computing) == 3
    for i in computing:
        check = code[i + 1]
        assert check.source.startswith("ll.forward.exercises.check_values(globals()")
        assert len(check.source.splitlines()) == 1
        assert output_text(check).startswith("Correct. All ")
    assert "All 11 values agree" in output_text(code[computing[-1] + 1])


def run_pass(code, inputs) -> dict:
    """The notebook's own pass cells, run on ``inputs`` in a fresh namespace."""
    namespace = {"np": np, **inputs}
    with contextlib.redirect_stdout(io.StringIO()):
        for start in PASS_CELLS:
            cell = next(c for c in code if c.source.startswith(start))
            exec(cell.source, namespace)  # noqa: S102  (the course's own notebook)
    return namespace


@pytest.mark.parametrize("seed", range(20))
def test_the_notebooks_code_agrees_with_the_reference_on_random_networks(code, seed):
    rng = np.random.default_rng(seed)
    inputs = {name: float(rng.uniform(-2, 2)) for name in LECTURE}
    namespace = run_pass(code, inputs)
    reference = ll.LessonNet(**inputs).forward()
    assert ll.forward.exercises.check_values(namespace)
    oracle = by_hand(inputs)
    for name, value in oracle.items():
        assert namespace[name] == pytest.approx(value, rel=ROUNDING)
    matrix = [*namespace["outH"], *namespace["outY"], namespace["E_total_matrix"]]
    assert matrix == pytest.approx([reference[n] for n in ("outH1", "outH2", "outY1",
                                                           "outY2", "E_total")], rel=ROUNDING)


def test_the_matrix_form_is_shown_to_agree(code):
    text = printed(code)
    assert "outY = [0.75136507 0.77292847]" in text and "same values: True" in text


def test_the_slides_table_is_fed_by_the_learners_values(code):
    cell = next(c for c in code if "slide_comparison(" in c.source)
    assert cell.source.strip() == "ll.forward.core.slide_comparison(globals())"
    text = output_text(cell)
    assert text.count("no: cut off, not rounded") == 3 and "(0.5933)" in text


def test_the_diagram_shows_the_learners_values_before_and_after_the_pass(code):
    drawn = [i for i, c in enumerate(code) if "draw_values(globals())" in c.source]
    first_pass = next(i for i, c in enumerate(code) if c.source.startswith("h1 = "))
    assert len(drawn) == 2 and drawn[0] < first_pass < drawn[1]
    svgs = ["".join(o.get("data", {}).get("image/svg+xml", "")) for i in drawn
            for o in code[i].outputs]
    assert len(svgs) == 2 and all(s.startswith("<svg") for s in svgs)
    assert "h1 = ?<" in svgs[0] and "h1 = 0.3775" not in svgs[0]  # before: not computed yet
    assert "= ?<" not in svgs[1] and "h1 = 0.3775<" in svgs[1]  # after: the learner's


def test_diagram_figures_precede_the_live_app(code):
    figures = [i for i, c in enumerate(code) if any(
        {"image/png", "image/svg+xml"} & set(o.get("data", {})) for o in c.outputs)]
    app = [i for i, c in enumerate(code) if "forward_explorer(" in c.source]
    assert len(figures) >= 2 and len(app) == 1
    assert figures[-1] == app[0] - 1  # a static picture of the same view just before it
    assert code[app[0]].metadata.get("tags") == ["nbval-ignore-output"]
    tagged = [c for c in code if c.metadata.get("tags")]
    assert tagged == [code[app[0]]]


def test_the_app_opens_on_the_network_the_still_above_it_draws(code):
    sources = [c.source for c in code]
    app = next(i for i, source in enumerate(sources) if "forward_explorer(" in source)
    net = re.search(r"forward_explorer\((\w+)\)", sources[app]).group(1)
    assert re.search(rf"draw_network\({net}\b", sources[app - 1])


def test_starts_with_what_you_will_learn_and_ends_with_recap_and_exercises(cells, code):
    markdown = [c.source for c in cells if c.cell_type == "markdown"]
    assert any(s.startswith("## What you will learn") for s in markdown[:3])
    assert any(s.startswith("## Recap") for s in markdown)
    checks = [c for c in code if ".check(answer)" in c.source]
    assert len(checks) >= 3
    assert all("No answer yet" in output_text(c) for c in checks)


def test_coding_exercises_show_a_stub_and_never_a_solution(code):
    forward = ll.forward.exercises
    for name in ("ex6", "ex7"):
        cell = next(c for c in code if f"{name}.check(" in c.source)
        body = cell.source.split("):", 1)[1].split(f"{name}.check(")[0]
        assert [line.strip().split("#")[0].strip() for line in body.splitlines()
                if line.strip()] == ["..."], "the stub's body is only ..."
        assert output_text(cell).startswith("Not yet.")
    text = printed(code)
    for name in ("ex6", "ex7"):
        solution_lines = [line.strip() for line in getattr(forward, name).solution_code
                          .splitlines() if "return" in line or "=" in line]
        assert not any(line in text for line in solution_lines)
    assert "Solution" not in text


def test_no_exercise_answer_is_printed_before_it_is_asked(code):
    from lesson_lib.forward import exercises as forward

    text = printed(code)
    shown = {f"{float(n):.4g}" for n in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", text)}
    for name in ("ex2", "ex3", "ex4", "ex5"):
        expected = getattr(forward, name).expected
        for value in expected if isinstance(expected, list) else [expected]:
            assert f"{value:.4g}" not in shown, (name, value)


def test_numbers_in_the_prose_are_the_printed_ones(cells, code):
    text = printed(code)
    prose = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    values = by_hand(LECTURE)
    for name in ("outH1", "outH2", "outY1", "outY2", "E_total"):
        number = f"{values[name]:.8g}"
        assert number in prose and number in text, name
