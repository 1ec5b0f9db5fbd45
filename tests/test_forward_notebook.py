"""Notebook 04 as stored: the slides' numbers, the figures and a tagged live app are there."""

import re
from pathlib import Path

import nbformat
import pytest

PATH = Path(__file__).resolve().parents[1] / "notebooks" / "04_forward_pass.ipynb"
# The lecture's R output and the total error: an oracle outside lesson_lib.
SLIDES = ["h1    = x1*w1 + x2*w2 + b11 = 0.05*0.15 + 0.1*0.2 + 0.35 = 0.3775",
          "= 0.59327", "= 0.3925", "= 0.5968844", "= 1.105906", "= 0.7513651", "= 1.224921",
          "= 0.7729285", "E_total = E1 + E2 = 0.274811083 + 0.0235600256 = 0.298371109"]


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(PATH, as_version=4).cells


def outputs(cell) -> str:
    return "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "")
                   for o in cell.get("outputs", []))


def test_stored_outputs_show_every_slide_value_beside_its_formula(cells):
    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    for value in SLIDES:
        assert value in text


def test_matrix_form_is_shown_with_zero_difference(cells):
    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    assert "W1 = [[" in text and "b2 = [0.6, 0.6]" in text
    assert "LessonNet value| over outH1..outY2 and E_total = 0\n" in text + "\n"


def test_diagram_figures_precede_the_live_app(cells):
    code = [c for c in cells if c.cell_type == "code"]
    figures = [i for i, c in enumerate(code)
               if any("image/png" in o.get("data", {}) for o in c.outputs)]
    app = [i for i, c in enumerate(code) if "forward_explorer(" in c.source]
    assert len(figures) >= 2 and len(app) == 1
    assert figures[-1] == app[0] - 1  # a static picture of the same view just before it
    assert code[app[0]].metadata.get("tags") == ["nbval-ignore-output"]
    tagged = [c for c in code if c.metadata.get("tags")]
    assert tagged == [code[app[0]]]


def test_starts_with_what_you_will_learn_and_ends_with_recap_and_exercises(cells):
    markdown = [c.source for c in cells if c.cell_type == "markdown"]
    assert any(s.startswith("## What you will learn") for s in markdown[:3])
    assert any(s.startswith("## Recap") for s in markdown)
    checks = [c for c in cells if c.cell_type == "code" and ".check(answer)" in c.source]
    assert len(checks) >= 3
    assert all("No answer yet" in outputs(c) for c in checks)


def test_the_app_opens_on_the_network_the_still_above_it_draws(cells):
    code = [c.source for c in cells if c.cell_type == "code"]
    app = next(i for i, source in enumerate(code) if "forward_explorer(" in source)
    net = re.search(r"forward_explorer\((\w+)\)", code[app]).group(1)
    assert f"draw_network({net})" in code[app - 1]


def test_no_exercise_answer_is_printed_before_it_is_asked(cells):
    from lesson_lib.exercises import forward

    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    printed = {f"{float(n):.4g}" for n in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", text)}
    for name in ("ex2", "ex3", "ex4", "ex5"):
        expected = getattr(forward, name).expected
        for value in expected if isinstance(expected, list) else [expected]:
            assert f"{value:.4g}" not in printed, (name, value)
