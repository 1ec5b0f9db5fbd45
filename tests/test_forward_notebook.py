"""Notebook 04 as stored: the lecture's lines in plain Python, each checked, with its outputs."""

import contextlib
import io
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from oracles import by_hand, output_text

import lesson_lib as ll

PATH = Path(__file__).resolve().parents[1] / "notebooks" / "04_forward_pass.ipynb"
LECTURE = {"x1": 0.05, "x2": 0.10, "T1": 0.01, "T2": 0.99, "w1": 0.15, "w2": 0.20,
           "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
           "b11": 0.35, "b12": 0.35, "b21": 0.60, "b22": 0.60}
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
        assert float(f"{shown:.7g}") == pytest.approx(slide, abs=1e-12), name
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
        assert namespace[name] == pytest.approx(value, rel=1e-12)
    matrix = [*namespace["outH"], *namespace["outY"], namespace["E_total_matrix"]]
    assert matrix == pytest.approx([reference[n] for n in ("outH1", "outH2", "outY1",
                                                           "outY2", "E_total")], rel=1e-12)


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
