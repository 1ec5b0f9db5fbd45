"""Lesson 5's core: every printed number checked against finite differences or the slides."""

import math
import re
from decimal import Decimal

import pytest
from oracles import START
from oracles import e_total as error

from lesson_lib.core import backward, report
from lesson_lib.core.network import PARAMS, LessonNet


def fd(name, p=START, h=1e-5):
    up, down = dict(p), dict(p)
    up[name] += h
    down[name] -= h
    return (error(up) - error(down)) / (2 * h)


FD = {name: fd(name) for name in PARAMS}
NEW = {name: START[name] - 0.5 * FD[name] for name in PARAMS}


def numbers(line):
    """The numbers after the last '=' sign's operands: factors and result of a printed line."""
    parts = line.split(" = ")
    return [float(x) for x in re.findall(r"-?\d+\.?\d*(?:e-?\d+)?", parts[-2])], float(parts[-1])


@pytest.mark.parametrize("param", PARAMS)
def test_each_chain_line_multiplies_out_and_matches_a_finite_difference(param):
    line = backward.chain(param)
    factors, result = numbers(line)
    assert len(factors) == 3
    assert math.prod(factors) == pytest.approx(result, rel=1e-6)
    assert result == pytest.approx(FD[param], rel=1e-6)


def test_the_issue_example_line_for_w5():
    assert backward.chain("w5") == ("dE_dw5 = dE_doutY1 x doutY1_dy1 x dy1_dw5 = "
                                    "0.7413651 x 0.1868156 x 0.59327 = 0.08216704")


def test_hidden_paths_sum_to_the_derivative_through_each_hidden_output():
    lines = backward.hidden_paths()
    assert len(lines) == 6
    for line in lines:
        terms, result = numbers(line)
        combine = sum if "+" in line.split(" = ")[1] else math.prod
        assert combine(terms) == pytest.approx(result, rel=1e-6)
    # dE/dw1 = dE_doutH1 * outH1(1 - outH1) * x1, so dE_doutH1 is the slide's 0.03635031
    assert lines[2].endswith("= 0.03635031")
    assert lines[5].endswith("= 0.04137032")


@pytest.mark.parametrize("param", PARAMS)
def test_update_lines_give_the_finite_difference_step(param):
    (line,) = backward.updates((param,))
    assert float(line.split(" = ")[-1]) == pytest.approx(NEW[param], rel=1e-6)


def test_hidden_slopes_are_out_times_one_minus_out():
    for line in backward.hidden_slopes():
        out = float(line.split(" = ")[2].split(" x ")[0])
        assert float(line.split(" = ")[-1]) == pytest.approx(out * (1 - out), rel=1e-6)


def test_slide_numbers_agree_within_printed_precision_except_the_w3_w4_slip():
    oracle = {f"new {w}": NEW[w] for w in PARAMS}
    oracle.update({f"dE_d{p}": FD[p] for p in PARAMS})
    table = backward.slide_comparison()
    wrong = []
    for name, _where, printed, _ours, verdict in table.rows:
        places = report.decimals(printed)
        if name in oracle:
            # a printed number is its value rounded or cut at the last shown place
            close = abs(oracle[name] - float(printed)) < 10.0 ** -places
            assert close == (verdict != "NO"), (name, printed, verdict)
        if verdict == "NO":
            wrong.append((name, printed))
    assert wrong == [("dE_dw3", "0.0004373186"), ("new w3", "0.2497813"),
                     ("new w4", "0.29956")]


def test_every_slide_number_of_the_brief_is_compared():
    printed = {(name, shown) for name, shown, _ in backward.SLIDE_NUMBERS}
    for item in [("dE_dw5", "0.08216704"), ("new w5", "0.3589165"), ("dE_dw6", "0.08266763"),
                 ("new w6", "0.4086662"), ("dE_dw7", "-0.0226"), ("new w7", "0.5113"),
                 ("dE_dw8", "-0.0227"), ("new w8", "0.5613"), ("dE1_doutH1", "0.05539942"),
                 ("dE2_doutH1", "-0.01904912"), ("dE_doutH1", "0.03635031"),
                 ("doutH2_dh2", "0.2406134"), ("new w1", "0.1497"), ("new w2", "0.1995"),
                 ("new w3", "0.2497"), ("new w4", "0.29956"), ("dE_dw3", "0.0004373186")]:
        assert item in printed


def test_truncated_slide_numbers_are_flagged_with_their_rounding():
    verdicts = {(r[0], r[2]): r[4] for r in backward.slide_comparison().rows}
    assert verdicts[("new w1", "0.1497")] == "yes, truncated (rounds to 0.1498)"
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
    assert slip["new w4"] == pytest.approx(float(new_w4), rel=1e-8)
    # and the finite difference sides with the chain rule, not with the slides
    assert FD["w3"] == pytest.approx(0.000497713, rel=1e-6)
    assert abs(FD["w3"] - slip["dE_dw3"]) > 1e-5


def test_slide_slip_lines_show_both_recipes_and_the_finite_difference():
    text = repr(backward.slide_slip())
    assert "0.03635031 x 0.2406134 x 0.05 = 0.0004373186" in text
    assert "0.04137032 x 0.2406134 x 0.05 = 0.0004977127" in text
    assert "finite difference (h = 0.0001): dE_dw3 = 0.0004977127" in text
    assert "= 0.2497813" in text and "= 0.2497511" in text


def test_gradient_check_has_all_twelve_below_1e_7():
    table = backward.gradient_check_table()
    assert table.column("param") == list(PARAMS)
    assert all(float(e) < 1e-7 for e in table.column("relative error"))
    assert set(table.column("below 1e-07?")) == {"yes"}
    for name, value in zip(table.column("param"), table.column("backprop"), strict=True):
        assert value == pytest.approx(FD[name], rel=1e-6)


def test_after_update_errors_match_an_independent_forward_pass():
    table = backward.after_update()
    errors = dict(zip(table.headers[1:], table.rows[-1][1:], strict=True))
    weights_only = {**START, **{w: NEW[w] for w in PARAMS if w.startswith("w")}}
    assert errors["before"] == pytest.approx(error(START), rel=1e-12)
    assert errors["weights only"] == pytest.approx(error(weights_only), rel=1e-9)
    assert errors["weights and biases"] == pytest.approx(error(NEW), rel=1e-9)
    assert errors["weights and biases"] < errors["weights only"] < errors["before"]
    biases = [row for row in table.rows if row[0].startswith("b")]
    assert all(row[1] == row[2] == row[3] != row[4] for row in biases)


def test_delta_form_gives_the_same_gradients():
    lines = backward.delta_form()
    gradients = {line.split(" = ")[0][4:]: float(line.split(" = ")[-1])
                 for line in lines if line.startswith("dE_d")}
    assert set(gradients) == set(PARAMS)
    for name, value in gradients.items():
        assert value == pytest.approx(FD[name], rel=1e-6)


def test_matrix_form_matches_finite_differences():
    for name, value in backward.matrix_gradients().items():
        assert value == pytest.approx(FD[name], rel=1e-7)
    assert repr(backward.matrix_form()).endswith(": yes")


def test_functions_take_another_network():
    net = LessonNet(w5=-0.3, b22=0.1)
    p = {**START, "w5": -0.3, "b22": 0.1}
    assert float(backward.chain("w1", net).split(" = ")[-1]) == pytest.approx(
        fd("w1", p), rel=1e-6)


def test_bad_input_is_refused_with_its_name():
    with pytest.raises(ValueError, match="param must be one of"):
        backward.chain("w9")
    with pytest.raises(TypeError, match="net must be a LessonNet"):
        backward.gradients(net={"w1": 0.1})
    with pytest.raises(ValueError, match="params must be one of"):
        backward.updates(["w5", "b3"])
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        backward.updates(["w5"], learning_rate=-0.5)


def test_report_helpers():
    assert report.fmt(0.5932699921) == "0.59327"
    assert report.fmt(0) == "0"
    assert report.agreement("0.0822", 0.08216704) == "yes"
    assert report.agreement("0.1497", 0.14978072) == "yes, truncated"
    assert report.agreement("-0.0226", -0.02260254) == "yes"
    assert report.agreement("0.29956", 0.29950229) == "NO"
    assert report.rounded_like("0.1497", 0.14978072) == "0.1498"
    assert report.decimals("0.4") == 1 and report.decimals("2") == 0
    assert report.sum_line("s", [("a", 1.0), ("b", -2.0)], -1.0) == "s = a + b = 1 + (-2) = -1"
    with pytest.raises(ValueError, match="printed must be a number"):
        report.decimals("zero")
    with pytest.raises(TypeError, match="value must be a real number"):
        report.fmt("1")
    with pytest.raises(ValueError, match="factors must name"):
        report.chain_line("x", [], 1.0)
    with pytest.raises(ValueError, match="row 0 has 1 cells"):
        report.Table(["a", "b"], [[1]])
    with pytest.raises(KeyError, match="no column"):
        report.Table(["a"], [[1]]).column("b")


def test_table_aligns_columns():
    text = repr(report.Table(["name", "value"], [["w1", 0.5], ["b11", -0.25]], title="T"))
    assert text.splitlines() == ["T", "name  value", "----  -----", "w1    0.5",
                                 "b11   -0.25"]
