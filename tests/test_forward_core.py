"""The slides' forward values beside a learner's: each verdict against rounding done by hand."""

import math

import pytest
from oracles import by_hand

from lesson_lib.forward import core as forward

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
