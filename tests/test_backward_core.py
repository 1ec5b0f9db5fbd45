"""Lesson 5's core: the gradient check and the slides' numbers, fed by the learner's values."""

from decimal import Decimal

import pytest
from oracles import START
from oracles import e_total as error

from lesson_lib import report
from lesson_lib.backward import core as backward
from lesson_lib.core.network import PARAMS, LessonNet


def fd(name, p=START, h=1e-5):
    up, down = dict(p), dict(p)
    up[name] += h
    down[name] -= h
    return (error(up) - error(down)) / (2 * h)


FD = {name: fd(name) for name in PARAMS}
NEW = {name: START[name] - 0.5 * FD[name] for name in PARAMS}
# A learner's namespace: every name of the backward pass from the reference, and the
# gradients and updates replaced by the finite-difference oracle's.
LEARNER = {**LessonNet().backward(), **{f"dE_d{p}": FD[p] for p in PARAMS},
           **{f"new_{p}": NEW[p] for p in PARAMS}}


def test_slide_numbers_agree_within_printed_precision_except_the_w3_w4_slip():
    oracle = {f"new_{w}": NEW[w] for w in PARAMS}
    oracle.update({f"dE_d{p}": FD[p] for p in PARAMS})
    table = backward.slide_comparison(LEARNER)
    wrong = []
    for name, _where, printed, _ours, verdict in table.rows:
        places = report.decimals(printed)
        if name in oracle:
            # a printed number is its value rounded or cut at the last shown place
            close = abs(oracle[name] - float(printed)) < 10.0 ** -places
            assert close == (verdict != "NO"), (name, printed, verdict)
        if verdict == "NO":
            wrong.append((name, printed))
    assert wrong == [("dE_dw3", "0.0004373186"), ("new_w3", "0.2497813"),
                     ("new_w4", "0.29956")]


def test_the_comparison_shows_the_learners_value_not_its_own():
    mine = {**LEARNER, "dE_dw5": 0.0821}
    rows = {(r[0], r[2]): r for r in backward.slide_comparison(mine).rows}
    assert rows[("dE_dw5", "0.08216704")][3:] == ["0.0821", "NO"]
    assert rows[("dE_dw5", "0.0821")][4] == "yes"
    with pytest.raises(ValueError, match="needs new_w5 in values; run the cell"):
        backward.slide_comparison({k: v for k, v in LEARNER.items() if k != "new_w5"})
    with pytest.raises(TypeError, match="dE_dw5 must be a real number"):
        backward.slide_comparison({**LEARNER, "dE_dw5": "0.08"})


def test_every_slide_number_of_the_brief_is_compared():
    printed = {(name, shown) for name, shown, _ in backward.SLIDE_NUMBERS}
    for item in [("dE_dw5", "0.08216704"), ("new_w5", "0.3589165"), ("dE_dw6", "0.08266763"),
                 ("new_w6", "0.4086662"), ("dE_dw7", "-0.0226"), ("new_w7", "0.5113"),
                 ("dE_dw8", "-0.0227"), ("new_w8", "0.5613"), ("dE1_doutH1", "0.05539942"),
                 ("dE2_doutH1", "-0.01904912"), ("dE_doutH1", "0.03635031"),
                 ("doutH2_dh2", "0.2406134"), ("new_w1", "0.1497"), ("new_w2", "0.1995"),
                 ("new_w3", "0.2497"), ("new_w4", "0.29956"), ("dE_dw3", "0.0004373186")]:
        assert item in printed


def test_truncated_slide_numbers_are_flagged_with_their_rounding():
    verdicts = {(r[0], r[2]): r[4] for r in backward.slide_comparison(LEARNER).rows}
    assert verdicts[("new_w1", "0.1497")] == "yes, truncated (rounds to 0.1498)"
    assert verdicts[("dE_dw5", "0.0821")] == "yes, truncated (rounds to 0.0822)"
    assert verdicts[("dE_dw5", "0.08216704")] == "yes"


def test_the_slides_dE_dw3_is_exactly_their_dE_doutH1_product():
    # from the slides' own printed numbers only
    product = Decimal("0.03635031") * Decimal("0.2406134") * Decimal("0.05")
    assert round(product, 10) == Decimal("0.0004373186")
    assert round(Decimal("0.25") - Decimal("0.5") * product, 7) == Decimal("0.2497813")
    new_w4 = Decimal("0.3") - Decimal("0.5") * Decimal("0.03635031") * Decimal(
        "0.2406134") * Decimal("0.1")
    assert round(new_w4, 5) == Decimal("0.29956")
    slip = backward.slide_recipe()
    assert slip["dE_dw3"] == pytest.approx(float(product), rel=1e-6)
    assert slip["new_w4"] == pytest.approx(float(new_w4), rel=1e-8)
    # and the finite difference sides with the chain rule, not with the slides
    assert FD["w3"] == pytest.approx(0.000497713, rel=1e-6)
    assert abs(FD["w3"] - slip["dE_dw3"]) > 1e-5


def test_gradient_check_reads_the_learners_gradients():
    table = backward.gradient_check_table(LEARNER)
    assert table.column("param") == list(PARAMS)
    assert all(float(e) < 1e-7 for e in table.column("relative error"))
    assert set(table.column("below 1e-07?")) == {"yes"}
    for name, value in zip(table.column("param"), table.column("backprop"), strict=True):
        assert value == FD[name]
    slipped = backward.gradient_check_table({**LEARNER, "dE_dw3": 0.0004373186})
    verdicts = dict(zip(table.column("param"), slipped.column("below 1e-07?"), strict=True))
    assert verdicts.pop("w3") == "NO" and set(verdicts.values()) == {"yes"}


def test_gradient_check_differences_at_the_learners_own_weights():
    p = {**START, "w5": -0.3, "b22": 0.1}
    values = {"w5": -0.3, "b22": 0.1, **{f"dE_d{n}": fd(n, p) for n in PARAMS}}
    rows = backward.gradient_check(values)
    assert all(row["relative_error"] < 1e-7 for row in rows.values())
    assert rows["w1"]["numeric"] == pytest.approx(fd("w1", p), rel=1e-6)


def test_gradient_check_without_values_checks_the_reference():
    rows = backward.gradient_check()
    for name in PARAMS:
        assert rows[name]["analytic"] == pytest.approx(FD[name], rel=1e-6)


def test_bad_input_is_refused_with_its_name():
    with pytest.raises(ValueError, match="gradient check needs dE_dw1"):
        backward.gradient_check_table({})
    with pytest.raises(TypeError, match="values must be a dict"):
        backward.gradient_check([1.0])
    with pytest.raises(TypeError, match="net must be a LessonNet"):
        backward.slide_recipe({"w1": 0.1})
    with pytest.raises(ValueError, match="tolerance must be > 0"):
        backward.gradient_check_table(LEARNER, tolerance=0)


def test_report_helpers():
    assert report.fmt(0.5932699921) == "0.59327"
    assert report.fmt(0) == "0"
    assert report.agreement("0.0822", 0.08216704) == "yes"
    assert report.agreement("0.1497", 0.14978072) == "yes, truncated"
    assert report.agreement("-0.0226", -0.02260254) == "yes"
    assert report.agreement("0.29956", 0.29950229) == "NO"
    assert report.rounded_like("0.1497", 0.14978072) == "0.1498"
    assert report.decimals("0.4") == 1 and report.decimals("2") == 0
    with pytest.raises(ValueError, match="printed must be a number"):
        report.decimals("zero")
    with pytest.raises(TypeError, match="value must be a real number"):
        report.fmt("1")
    with pytest.raises(ValueError, match=r"rows\[0\] has 1 cells"):
        report.Table(["a", "b"], [[1]])
    with pytest.raises(KeyError, match="no column"):
        report.Table(["a"], [[1]]).column("b")


def test_table_aligns_columns():
    text = repr(report.Table(["name", "value"], [["w1", 0.5], ["b11", -0.25]], title="T"))
    assert text.splitlines() == ["T", "name  value", "----  -----", "w1    0.5",
                                 "b11   -0.25"]
