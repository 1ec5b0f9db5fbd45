"""The stored lesson 1 notebook: its plain-Python cells, their checks, and the numbers its
prose cites, against oracles written here."""

import contextlib
import io
import math
import re

import numpy as np
import pytest
from oracles import output_text as outputs
from oracles import read_notebook

import lesson_lib as ll

NB = read_notebook("01_sigmoid_derivative.ipynb")
CODE = [c for c in NB.cells if c.cell_type == "code"]
SHOWN = "\n".join(outputs(c) for c in CODE)
PROSE = "\n".join(c.source for c in NB.cells if c.cell_type == "markdown")
CHECKS = ("check_values(", "check_numeric(")


def logistic(x):
    return 1 / (1 + math.exp(-x))


def cell_defining(name):
    """The source of the first code cell that assigns or defines ``name``."""
    pattern = re.compile(rf"^(def {name}\(|{name} = |{name}, )", re.M)
    return next(c.source for c in CODE if pattern.search(c.source))


def run(source, namespace):
    with contextlib.redirect_stdout(io.StringIO()):
        exec(source, namespace)  # noqa: S102  (the course's own notebook code)
    return namespace


def test_key_numbers_are_in_the_stored_outputs():
    s = logistic(1.0)
    for line in (f"sigma_x = {logistic(2.0):.10f}", f"sigma_neg_form = {s:.10f}",
                 f"dsigma_dx            = {s * (1 - s):.10f}",
                 f"dsigma_dx_numeric = {s * (1 - s):.10f}", "points = 121",
                 "largest gap below 1e-15: True", "largest gap below 1e-10: True",
                 "peak = 0.25", "at_x = 0.0", "dstep_dx = 0\n", "dstep_dx at x = 0 is 5000",
                 "sigmoid_exp_form(1000): OverflowError", "sigmoid(-1000): OverflowError",
                 "sigmoid_stable(1000) = 1\n", "ll.sigmoid_prime(37.0)  = 8.53e-17"):
        assert line in SHOWN, line


def test_the_float_table_shows_the_slope_rounding_to_zero_on_one_side_only():
    rows = {float(line.split()[0]): line.split() for line in SHOWN.splitlines()
            if re.match(r"^\s*-?\d+\.0\s", line)}
    true = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert rows[37.0][1:] == ["1", "0", "0", f"{true:.3g}"]
    assert rows[-37.0][3] == rows[-37.0][4] == f"{true:.3g}"
    assert float(rows[36.0][3]) == pytest.approx(2.22e-16, rel=1e-2)


def test_the_prose_cites_the_numbers_the_code_prints():
    s = logistic(1.0)
    assert f"\\sigma'(1) = {s * (1 - s):.10f}" in PROSE
    assert f"x = 53 \\ln 2 \\approx {53 * math.log(2):.2f}" in PROSE
    assert f"x \\approx {54 * math.log(2):.1f}" in PROSE
    assert f"x > {math.log(np.finfo(float).max):.2f}" in PROSE
    true_37 = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert f"${true_37 * 1e17:.2f} \\times 10^{{-17}}$" in PROSE
    assert "2.22 \\times 10^{-16}$\ninstead of $2.32 \\times 10^{-16}$" in PROSE
    assert "never 0 in exact arithmetic" in PROSE
    assert "computed from an output that has rounded to 1 it is\nexactly 0" in PROSE
    assert "fewer\nsignificant figures than asked is called \"close\" and is not accepted" in PROSE


def test_every_value_the_lesson_checks_is_computed_in_a_cell_and_checked_after_it():
    for name in ll.derivative.exercises.check_values.names + ("dsigma_dx_numeric",):
        index = next(i for i, c in enumerate(CODE)
                     if re.search(rf"^{name}\b.*= |, {name}\b.* = ", c.source, re.M))
        after = CODE[index + 1]
        assert any(c in after.source for c in CHECKS) and "\n" not in after.source, name
        assert name in after.source or "check_numeric(globals())" in after.source, name


def test_every_stored_check_says_correct_and_every_exercise_not_yet():
    checks = [c for c in CODE if any(k in c.source for k in CHECKS)]
    assert len(checks) == 5
    assert all(outputs(c).startswith("Correct. ") for c in checks)
    exercises = [c for c in CODE if re.search(r"ex\d\.check\(", c.source)]
    assert len(exercises) == 6 and all(outputs(c).startswith("Not yet.") for c in exercises)


@pytest.mark.parametrize("x", [float(x) for x in np.random.default_rng(3).uniform(-30, 30, 12)]
                         + [0.0, 37.0, -37.0])
def test_the_notebook_s_own_code_agrees_with_the_reference_at_other_x(x):
    namespace = run(cell_defining("sigmoid"), {"math": math, "ll": ll})
    namespace = run(cell_defining("step_prime"), namespace | {"x": x})
    for name in ("step_x", "sigma_exp_form", "dsigma_dx"):
        lines = cell_defining(name).splitlines()
        body = "\n".join(line for line in lines if not line.startswith("x = "))
        namespace = run(body, namespace | {"x": x})
    namespace = run(cell_defining("dsigma_dx_numeric"), namespace)
    assert ll.derivative.exercises.check_values(namespace)
    assert ll.derivative.exercises.check_numeric(namespace)
