"""The stored lesson 2 notebook: the lesson's computation in plain Python, its numbers, and
its cells' code agreeing with the reference on inputs the notebook does not use."""

import math
import random

import pytest
from oracles import output_text as outputs
from oracles import read_notebook

import lesson_lib as ll

CELLS = read_notebook("02_chain_rule.ipynb").cells
CODE = [c for c in CELLS if c.cell_type == "code"]
PROSE = "\n".join(c.source for c in CELLS if c.cell_type == "markdown")


def cell(start: str):
    """The code cell whose source starts with ``start``."""
    return next(c for c in CODE if c.source.startswith(start))


def shown() -> str:
    return "\n".join(outputs(c) for c in CODE)


def test_the_slides_table_and_slopes_are_computed_in_the_notebook():
    table = cell("def f(x):")
    assert "return 2 * x" in table.source and "return 3 * y" in table.source
    assert outputs(table).splitlines() == ["xs = [2, 3, 4, 5, 6]", "ys = [4, 6, 8, 10, 12]",
                                           "zs = [12, 18, 24, 30, 36]"]
    slopes = cell("dy_dx = (ys[1] - ys[0])")
    assert outputs(slopes).splitlines() == ["dy_dx = 2.0", "dz_dy = 3.0", "dz_dx = 6.0"]
    assert "6  12  36  2      3      6" in shown()
    assert "dy_dx * dz_dy = 6.0" in outputs(cell("print(f\"dy_dx * dz_dy"))


def test_the_link_tables_show_independently_computed_numbers():
    text = shown()
    # y = x^2, z = sin(y) at x = 1.5; and the lecture's h1 = 0.05*0.15 + 0.10*0.20 + 0.35.
    z, dz_dy = math.sin(2.25), math.cos(2.25)
    assert f"z = sin(y)  {z:.10g}  {dz_dy:.10g}  {3 * dz_dy:.10g}" in text
    out = 1 / (1 + math.exp(-0.3775))
    assert f"{out:.10g}  {out * (1 - out):.10g}  {0.05 * out * (1 - out):.10g}" in text


def test_every_check_after_a_cell_passes_in_the_stored_run():
    checks = [c for c in CODE if c.source.startswith("ll.chain.exercises.check_")]
    assert len(checks) == 3
    for check in checks:
        assert outputs(check).startswith("Correct."), check.source
    assert "A central difference of z in x gives -1.8845209" in shown()


def test_the_numbers_in_the_prose_are_the_printed_ones():
    text = shown()
    for number in ("-1.84318", "-1.92576", "2.99", "3.01", "0.5932699921", "0.2413007086",
                   "0.01206503543"):
        assert number in PROSE and number in text, number
    assert f"{3 * math.cos(2.25):.4f}" == "-1.8845" and "-1.8845" in PROSE


def run_with(source: str, assignment: str, replacement: str) -> dict:
    assert assignment in source
    namespace = {"math": math, "ll": ll}
    exec(source.replace(assignment, replacement), namespace)  # noqa: S102  (our notebook)
    return namespace


@pytest.mark.parametrize("seed", range(5))
def test_the_curve_cell_agrees_with_the_reference_at_other_points(seed):
    x = random.Random(seed).uniform(-3, 3)
    namespace = run_with(cell("x = 1.5").source, "x = 1.5\n", f"x = {x!r}\n")
    verdict = ll.chain.exercises.check_curve(namespace)
    assert verdict, verdict.message


@pytest.mark.parametrize("seed", range(5))
def test_the_neuron_cell_agrees_with_the_reference_for_other_weights(seed):
    rng = random.Random(seed)
    x1, x2, w1, w2, b11 = (round(rng.uniform(-1, 1), 3) for _ in range(5))
    source = cell("x1, x2 = 0.05, 0.10").source
    namespace = run_with(source, "x1, x2 = 0.05, 0.10\nw1, w2, b11 = 0.15, 0.20, 0.35\n",
                         f"x1, x2 = {x1}, {x2}\nw1, w2, b11 = {w1}, {w2}, {b11}\n")
    verdict = ll.chain.exercises.check_neuron(namespace)
    assert verdict, verdict.message


def test_the_coding_exercises_are_stubs_that_say_not_yet():
    for name, call in (("dz_dx_at", "ex5.check(dz_dx_at)"), ("w5_chain", "ex6.check(w5_chain)")):
        stub = cell(f"def {name}(")
        assert "    ...\n" in stub.source and stub.source.endswith(call)
        assert outputs(stub).startswith("Not yet.")


def test_the_lesson_table_also_renders_as_html():
    table = cell("ll.chain.core.ChainTable(xs, ys, zs)")
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in table.outputs)
