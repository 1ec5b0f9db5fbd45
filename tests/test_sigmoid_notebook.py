"""The stored lesson 1 notebook shows the lesson's numbers, and a still before its app."""

import math

from oracles import output_text as outputs
from oracles import read_notebook


def code_cells():
    return [c for c in read_notebook("01_sigmoid_derivative.ipynb").cells if c.cell_type == "code"]


def test_key_numbers_are_in_the_stored_outputs():
    shown = "\n".join(outputs(c) for c in code_cells())
    s = 1 / (1 + math.exp(-1.0))  # sigma(1), the derivation's check point
    slope = f"{s * (1 - s):.10g}"
    for line in ("points      = 121", f"quotient_rule               = {slope}",
                 f"sigma_times_one_minus_sigma = {slope}", "largest_abs_error = ",
                 "at_x = 0", "peak = 0.25", "/ 2h = 0\n"):
        assert line in shown, line
