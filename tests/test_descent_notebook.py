"""Notebook 03 as stored: its own Python against the reference on random cases, every check
agreeing, the slides' numbers, the verdicts the prose cites, and no solution shown."""

import contextlib
import io
import math
import re

import nbformat
import numpy as np
import pytest
from oracles import NOTEBOOKS

import lesson_lib as ll
from lesson_lib.descent import core as descent

PATH = NOTEBOOKS / "03_steepest_descent.ipynb"


@pytest.fixture(scope="module")
def cells():
    return nbformat.read(PATH, as_version=4).cells


def outputs(cell) -> str:
    return "".join(o.get("data", {}).get("text/plain", "") + o.get("text", "")
                   for o in cell.get("outputs", []))


def code_starting(cells, start: str) -> str:
    found = [c.source for c in cells if c.cell_type == "code" and c.source.startswith(start)]
    assert len(found) == 1, start
    return found[0]


@pytest.fixture(scope="module")
def lesson(cells):
    """The notebook's own definitions, run again outside Jupyter."""
    namespace = {"math": math}
    for start in ("pay_east = 4", "def revenue_circle", "def loss"):
        exec(code_starting(cells, start), namespace)  # noqa: S102  (the course's own notebook)
    return namespace


def test_the_notebooks_functions_agree_with_the_reference_on_random_cases(lesson):
    rng = np.random.default_rng(3)
    for _ in range(200):
        x, y = rng.uniform(-10, 10, size=2)
        assert lesson["revenue"](x, y) == pytest.approx(float(descent.revenue(x, y)), rel=1e-12)
        east = rng.uniform(-4.99, 4.99)
        assert lesson["revenue_circle"](east) == pytest.approx(
            float(descent.revenue_on_circle(east)), rel=1e-12, abs=1e-12)
        assert lesson["slope_circle"](east) == pytest.approx(
            float(descent.revenue_on_circle_slope(east)), rel=1e-12, abs=1e-12)
        u, v = rng.uniform(-5, 5, size=2)
        assert lesson["loss"](u, v) == pytest.approx(descent.BOWL.loss(u, v), rel=1e-12)
        assert lesson["gradient"](u, v) == pytest.approx(descent.BOWL.gradient(u, v),
                                                          rel=1e-12)


def test_the_notebooks_descent_loop_follows_the_closed_form(cells, lesson):
    # Oracle: each step multiplies u by 1 - 2 lr and v by 1 - 20 lr.
    loop = code_starting(cells, "learning_rate = 0.09")
    rng = np.random.default_rng(4)
    for _ in range(20):
        lr, u0, v0 = (float(a) for a in (rng.uniform(0.001, 0.12), *rng.uniform(-5, 5, size=2)))
        source = (loop.replace("learning_rate = 0.09", f"learning_rate = {lr!r}")
                  .replace("u_start, v_start = -4.0, 1.5", f"u_start, v_start = {u0!r}, {v0!r}"))
        assert source != loop
        namespace = dict(lesson)
        with contextlib.redirect_stdout(io.StringIO()):
            exec(source, namespace)  # noqa: S102
        assert namespace["u"] == pytest.approx((1 - 2 * lr) ** 5 * u0, rel=1e-12)
        assert namespace["v"] == pytest.approx((1 - 20 * lr) ** 5 * v0, rel=1e-12, abs=1e-15)
        assert ll.descent.exercises.check_descent(namespace)


def test_every_value_is_followed_by_a_check_that_agrees(cells):
    code = [c for c in cells if c.cell_type == "code"]
    checks = [i for i, c in enumerate(code) if c.source.startswith("ll.descent.exercises.check_")]
    assert len(checks) >= 9
    for i in checks:
        assert outputs(code[i]).startswith("Correct."), code[i].source
        assert "print(" in code[i - 1].source  # the learner's own printed values just above


def test_the_stored_outputs_show_the_slides_numbers(cells):
    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    for line in ("r_east      = $20.00", "r_north     = $15.00", "r_60        = $22.99",
                 "r_4_3       = $25.00", "distance_60 = 4.9999 miles", "x_best          = 4",
                 "y_best          = 3", "slope        = 1.75000000", "r_search = $25.00",
                 "step 1: u = -3.280000, v = -1.200000"):
        assert line in text


def test_the_verdicts_the_prose_cites_are_the_printed_ones(cells):
    text = "\n".join(outputs(c) for c in cells if c.cell_type == "code")
    prose = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "learning_rate = 0.09: converged after 43 steps" in text
    assert "converges after 43 steps" in prose
    assert "learning_rate = 0.1: oscillates for ever: v = \u00b11.5, loss \u2192 22.5" in text
    assert "not yet converged after 50 steps" not in text.split("learning_rate = 0.1:")[1][:40]
    assert re.search(r"learning_rate = 0\.1 : u = +-5\.71e-05, v = +1\.5, L = 22\.5\n", text)
    # 1.5 * 1.2^50 and 1.5 * 1.4^50, as the prose rounds them
    assert "v =   1.37e+04" in text and "about 13,650" in prose
    assert "v =   3.04e+07" in text and "about 30 million" in prose
    assert "exact only for a *quadratic* loss" in prose


def test_exercises_show_questions_and_not_yet_never_a_solution(cells):
    code = [c for c in cells if c.cell_type == "code"]
    checks = [c for c in code if re.search(r"ex\d\.check\(", c.source)]
    assert len(checks) == 6
    for cell in checks:
        assert outputs(cell).startswith("Not yet."), cell.source
    for name in ("ex5", "ex6"):
        exercise = getattr(ll.descent.exercises, name)
        cell = next(c for c in checks if f"{name}.check(" in c.source)
        assert "    return ...\n" in cell.source and "No answer yet" in outputs(cell)
        for c in code:
            assert exercise.solution_code.strip() not in c.source + outputs(c)
            assert "Solution:" not in outputs(c) and "Hint:" not in outputs(c)
    markdown = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "fewer significant figures than asked is called \"Close\"" in markdown
