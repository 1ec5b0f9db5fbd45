"""The stored lesson 2 notebook shows the lesson's table and numbers, and a still before its app."""

import math

from oracles import output_text as outputs
from oracles import read_notebook


def code_cells():
    return [c for c in read_notebook("02_chain_rule.ipynb").cells if c.cell_type == "code"]


def test_the_lessons_table_and_slopes_are_in_the_stored_outputs():
    shown = "\n".join(outputs(c) for c in code_cells())
    # The lesson's first hidden neuron: h1 = 0.05*0.15 + 0.10*0.20 + 0.35.
    out = 1 / (1 + math.exp(-(0.05 * 0.15 + 0.10 * 0.20 + 0.35)))
    for line in ("2  4   12", "6  12  36  2      3      6", "dy_dx             = 2",
                 "dz_dy             = 3", "dz_dx             = 6",
                 "dy_dx_times_dz_dy = 6", f"dout_dw         = {0.05 * out * (1 - out):.8g}",
                 f"doutH1_dh1 = {out * (1 - out):.10g}"):
        assert line in shown, line


def test_the_table_also_renders_as_html():
    table = next(c for c in code_cells() if "lesson_table()" in c.source)
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in table.outputs)
