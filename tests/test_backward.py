"""Lesson 5 (lesson_lib/backward/): the backward pass."""

import math
import re
from decimal import Decimal
from html import escape

import pytest
from oracles import START, e_total, output_text, read_notebook, svg_labels, svg_number

import lesson_lib as ll
from lesson_lib import report
from lesson_lib.backward import core as backward
from lesson_lib.backward import exercises as ex
from lesson_lib.backward import figures as fb
from lesson_lib.backward.apps import TrainingStepper, training_stepper
from lesson_lib.core.network import LESSON_PARAMS, PARAMS, LessonNet

# == core ==================================================================================
# Lesson 5's core: the gradient check and the slides' numbers, fed by the learner's values.

def fd(name, p=START, h=1e-5):
    up, down = dict(p), dict(p)
    up[name] += h
    down[name] -= h
    return (e_total(up) - e_total(down)) / (2 * h)


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


# == figures ===============================================================================
# Lesson 5's figures draw what the numbers say.

def test_gradient_check_bars_stay_below_the_tolerance():
    fig = fb.gradient_check()
    ax = fig.axes[0]
    heights = [bar.get_height() for bar in ax.patches]
    assert len(heights) == len(PARAMS)
    assert all(0 < h < 1e-7 for h in heights)
    assert [t.get_text() for t in ax.get_xticklabels()] == list(PARAMS)
    assert fig.to_png()[:4] == b"\x89PNG"


def test_slide_slip_bars():
    ax = fb.slide_slip().axes[0]
    heights = [round(bar.get_height(), 10) for bar in ax.patches]
    # slides' w3, w4 from their printed factors; chain rule and finite difference agree
    assert heights[0] == pytest.approx(0.03635031 * 0.2406134 * 0.05, rel=1e-6)
    assert heights[2] == pytest.approx(0.000497713, rel=1e-6)
    assert heights[4] == pytest.approx(heights[2], rel=1e-7)
    assert "12% too small" in ax.get_title()


def test_error_histories_fall_faster_with_biases():
    ax = fb.error_histories(steps=20).axes[0]
    fixed, moving = ax.get_lines()
    assert "weights only, biases held" in fixed.get_label()  # not "the slides": their w3, w4 differ
    assert len(fixed.get_ydata()) == 21
    assert fixed.get_ydata()[0] == moving.get_ydata()[0]
    assert moving.get_ydata()[-1] < fixed.get_ydata()[-1] < fixed.get_ydata()[0]
    with pytest.raises(ValueError, match="steps must be >= 1"):
        fb.error_histories(steps=0)
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        fb.error_histories(learning_rate=0)


def test_training_view_says_what_it_shows_and_greys_held_biases():
    history = LessonNet().train(10, update_biases=False)
    still = fb.training_view(history)
    svg = still._repr_svg_()
    assert ">After 10 updates, learning rate 0.5, biases held</text>" in svg
    assert svg_labels(svg)["∂E/∂b21"].endswith("(held)")
    trained = fb.training_view(LessonNet().train(2, 1.5, update_biases=True))
    assert repr(trained).startswith("After 2 updates, learning rate 1.5, biases updated.")
    assert not svg_labels(trained._repr_svg_())["∂E/∂b21"].endswith("(held)")
    with pytest.raises(TypeError, match="history must be the TrainingHistory"):
        fb.training_view([0.3, 0.2])


def test_the_stepper_still_is_the_apps_drawing_with_a_title_and_its_words():
    app = training_stepper()
    for _ in range(3):
        app.buttons["step"].click()
    still = fb.stepper_view(app.net, app.errors)
    svg = still._repr_svg_()
    assert svg.startswith("<svg") and f"<desc>{escape(app.picture.alt)}</desc>" in svg
    assert svg_labels(svg) == svg_labels(app.picture.svg)  # the same numbers, every one
    assert repr(still) == f"Backpropagation, one step at a time. {app.picture.alt}"


def test_stepper_view_shows_gradients_and_history():
    history = LessonNet().train(3, update_biases=False)
    still = fb.stepper_view(history.final, history.errors)
    grad = history.final.gradient()
    assert svg_labels(still._repr_svg_())["∂E/∂w1"] == f"∂E/∂w1 = {grad['w1']:.4g}"
    assert f"over 3 updates: E_total from {history.errors[0]:.6f}" in repr(still)
    with pytest.raises(ValueError, match="errors must hold finite numbers"):
        fb.stepper_view(errors=[0.3, float("nan")])


def test_history_before_any_update_says_so():
    assert "no updates yet" in repr(fb.stepper_view())
    assert fb.error_histories(steps=5).axes[0].get_ylabel() == "$E_{total}$ (no unit)"


# == app ===================================================================================
# The training stepper, driven headless: click its buttons, move its controls, read it back.

def fd_step(p, lr, biases):
    """One gradient-descent step with central-difference gradients."""
    new = dict(p)
    for name in p:
        if name.startswith("b") and not biases:
            continue
        up, down = dict(p), dict(p)
        up[name] += 1e-5
        down[name] -= 1e-5
        new[name] = p[name] - lr * (e_total(up) - e_total(down)) / 2e-5
    return new


@pytest.fixture
def app():
    return training_stepper()


def test_starts_at_the_lessons_values(app):
    assert isinstance(app, TrainingStepper)
    assert dict(app.net.params) == LESSON_PARAMS
    assert "updates so far: 0" in app.readout.value
    assert f"E_total = {e_total(LESSON_PARAMS):.6f}" in app.readout.value
    assert "no updates yet" in app.picture.alt
    assert svg_labels(app.picture.svg)["∂E/∂w5"].endswith("0.08217")


def test_a_step_lowers_the_error_and_redraws(app):
    before = app.picture.svg
    app.buttons["step"].click()
    expected = fd_step(LESSON_PARAMS, 0.5, biases=False)
    assert app.net.params["w5"] == pytest.approx(expected["w5"], rel=1e-8)
    assert app.errors[1] < app.errors[0]
    assert app.errors[1] == pytest.approx(e_total(expected), rel=1e-9)
    assert "updates so far: 1" in app.readout.value
    assert "Error history over 1 updates" in app.picture.alt
    assert app.picture.svg != before
    assert svg_number(app.picture.svg, "E_total") == pytest.approx(app.errors[1], abs=1e-4)


def test_ten_steps_keep_lowering_the_error(app):
    app.buttons["step10"].click()
    assert len(app.errors) == 11
    assert all(b < a for a, b in zip(app.errors, app.errors[1:], strict=False))


def test_reset_restores_the_lessons_values(app):
    app.buttons["step10"].click()
    app.buttons["reset"].click()
    assert dict(app.net.params) == LESSON_PARAMS
    assert app.errors == [pytest.approx(e_total(LESSON_PARAMS))]
    assert "updates so far: 0" in app.readout.value
    assert svg_labels(app.picture.svg)["∂E/∂w5"].endswith("0.08217")


def test_bias_toggle_holds_or_moves_the_biases(app):
    app.buttons["step"].click()
    assert [app.net.params[b] for b in ("b11", "b12", "b21", "b22")] == [0.35, 0.35, 0.6, 0.6]
    app.controls["update_biases"].value = True
    assert "biases updated" in app.readout.value
    held = dict(app.net.params)
    app.buttons["step"].click()
    expected = fd_step(held, 0.5, biases=True)
    for b in ("b11", "b12", "b21", "b22"):
        assert app.net.params[b] == pytest.approx(expected[b], rel=1e-8)
        assert app.net.params[b] != held[b]


def test_the_step_uses_the_learning_rate_slider(app):
    app.controls["learning_rate"].value = 2.0
    assert "learning rate 2.00" in app.readout.value
    app.buttons["step"].click()
    expected = fd_step(LESSON_PARAMS, 2.0, biases=False)
    for name in ("w1", "w5", "w8"):
        assert app.net.params[name] == pytest.approx(expected[name], rel=1e-7)
    # 0.4 - 2 * 0.08216704 = 0.23566592: four times the slides' 0.5 step
    assert app.net.params["w5"] == pytest.approx(0.23566592, abs=1e-8)


def test_moving_a_control_alone_does_not_train(app):
    image = app.picture.svg
    app.controls["learning_rate"].value = 1.0
    assert app.picture.svg == image  # nothing to redraw until the next step
    app.controls["update_biases"].value = True
    assert len(app.errors) == 1
    assert "learning rate 1.00, biases updated" in app.readout.value


def test_held_biases_show_grey_until_the_bias_toggle_is_ticked(app):
    def held():
        return {b for b, text in svg_labels(app.picture.svg).items()
                if text.endswith("(held)")}

    assert {"∂E/∂b11", "∂E/∂b12", "∂E/∂b21", "∂E/∂b22"} == held()
    image = app.picture.svg
    app.controls["update_biases"].value = True
    assert app.picture.svg != image  # the bias edges change colour at once
    assert held() == set()
    app.controls["update_biases"].value = False
    assert "∂E/∂b21" in held()


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        training_stepper(learning_rate=-0.5)
    with pytest.raises(ValueError, match="learning_rate must be <= 5"):
        training_stepper(learning_rate=10)
    with pytest.raises(TypeError, match="update_biases must be True or False"):
        training_stepper(update_biases="yes")


def test_shows_a_text_fallback_without_a_kernel(app):
    # the display hook Jupyter calls: a deliberate test of it
    assert "Interactive app: TrainingStepper" in app._repr_mimebundle_()["text/plain"]


# == exercises =============================================================================
# Lesson 5's exercises accept an answer found by finite differences and explain slips.

LECTURE = {"x1": 0.05, "x2": 0.10, "T1": 0.01, "T2": 0.99, "w1": 0.15, "w2": 0.20,
           "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
           "b11": 0.35, "b12": 0.35, "b21": 0.60, "b22": 0.60}


H = 1e-6


def s(z):
    return 1 / (1 + math.exp(-z))


def error_from_hidden(oh1, oh2, p):
    """E_total from the hidden outputs on, written out independently of lesson_lib."""
    oy1 = s(oh1 * p["w5"] + oh2 * p["w6"] + p["b21"])
    oy2 = s(oh1 * p["w7"] + oh2 * p["w8"] + p["b22"])
    return 0.5 * (p["T1"] - oy1) ** 2 + 0.5 * (p["T2"] - oy2) ** 2


def hidden(p):
    return (s(p["x1"] * p["w1"] + p["x2"] * p["w2"] + p["b11"]),
            s(p["x1"] * p["w3"] + p["x2"] * p["w4"] + p["b12"]))


def error(p):
    return error_from_hidden(*hidden(p), p)


def slope(name, **changes):
    """dE_total/d(name) by a central difference, with ``changes`` to the lecture's values."""
    up, down = {**LECTURE, **changes}, {**LECTURE, **changes}
    up[name] += H
    down[name] -= H
    return (error(up) - error(down)) / (2 * H)


def slope_at_outH2(**changes):
    p = {**LECTURE, **changes}
    oh1, oh2 = hidden(p)
    return (error_from_hidden(oh1, oh2 + H, p) - error_from_hidden(oh1, oh2 - H, p)) / (2 * H)


DE_DW5_T1 = slope("w5", T1=0.05)


RATE_TO_035 = (0.40 - 0.35) / slope("w5")


DE_DOUTH2_T2 = slope_at_outH2(T2=0.5)


DE_DB11_T1 = slope("b11", T1=0.05)


@pytest.mark.parametrize("exercise, right, wrong", [
    (ex.ex1, "outH2", "w6"),
    (ex.ex1, " OUTH2 ", "outH1"),
    (ex.ex2, DE_DW5_T1, -DE_DW5_T1),
    (ex.ex2, DE_DW5_T1, slope("w5")),  # the lecture's printed dE_dw5
    (ex.ex3, RATE_TO_035, 0.5),
    (ex.ex3, RATE_TO_035, 1 / RATE_TO_035),
    (ex.ex4, DE_DOUTH2_T2, slope_at_outH2()),  # the lecture's printed dE_doutH2
    (ex.ex4, DE_DOUTH2_T2, 0.1384986 * 0.45),  # only the path through y1
    (ex.ex5, DE_DB11_T1, slope("b11")),  # the lecture's printed dE_db11
    (ex.ex5, DE_DB11_T1, slope("w1", T1=0.05)),  # dE_dw1: multiplied by x1
])
def test_right_accepted_plausible_wrong_rejected_with_a_reason(exercise, right, wrong):
    assert exercise.check(right)
    verdict = exercise.check(wrong)
    assert not verdict
    assert "hint()" not in repr(verdict)  # a specific explanation, not the default


@pytest.mark.parametrize("exercise, right, figures", [
    (ex.ex2, DE_DW5_T1, 4), (ex.ex3, RATE_TO_035, 4), (ex.ex4, DE_DOUTH2_T2, 4),
    (ex.ex5, DE_DB11_T1, 5)])
def test_the_asked_significant_figures_are_accepted_and_asked_for(exercise, right, figures):
    assert exercise.check(float(f"{right:.{figures}g}"))
    assert f"{figures} significant figures" in exercise.question
    # fewer figures are called close, even where they look like the asked ones (0.00805)
    assert "Close" in exercise.check(float(f"{right:.{figures - 1}g}")).message


@pytest.mark.parametrize("exercise, wrong, words", [
    (ex.ex4, 0.0479017 * 0.55, "only the path through y2"),
    (ex.ex4, -DE_DOUTH2_T2, "wrong sign"),
    (ex.ex5, -DE_DB11_T1, "wrong sign"),
])
def test_named_slips_of_the_derive_exercises(exercise, wrong, words):
    verdict = exercise.check(float(f"{wrong:.5g}"))
    assert not verdict and words in verdict.message


def lecture_namespace(**changes):
    """The notebook's values as a learner computes them, written out here; ``changes`` are
    the learner's slips."""
    p = dict(LECTURE, learning_rate=0.5)
    oh1, oh2 = hidden(p)
    oy1 = s(oh1 * p["w5"] + oh2 * p["w6"] + p["b21"])
    oy2 = s(oh1 * p["w7"] + oh2 * p["w8"] + p["b22"])
    dy1, dy2 = (oy1 - 0.01) * oy1 * (1 - oy1), (oy2 - 0.99) * oy2 * (1 - oy2)
    return {**p, "outH1": oh1, "outH2": oh2, "new_w5": 0.4 - 0.5 * dy1 * oh1,
            "new_w8": 0.55 - 0.5 * dy2 * oh2, "dE_doutH1": (dy1 * 0.4 + dy2 * 0.5),
            "dE_dw5": dy1 * oh1, "doutH2_dh2": oh2 * (1 - oh2), **changes}


@pytest.mark.parametrize("name, slip, words", [
    ("dy1_doutH1", "new_w5", ["new_w5, w5 after its update", "The rule of this lesson",
                              "dy1_doutH1 = w5 = 0.4"]),
    ("dy2_doutH2", "new_w8", ["new_w8", "dy2_doutH2 = w8 = 0.55"]),
    ("dE_doutH2", "dE_doutH1", ["the value of dE_doutH1"]),
    ("dy1_dw6", "outH1", ["the value of outH1"]),
])
def test_the_value_check_names_a_known_value_in_the_wrong_place(name, slip, words):
    namespace = lecture_namespace()
    namespace[name] = namespace[slip]
    verdict = ex.check_values(namespace, name)
    assert not verdict
    for word in words:
        assert word in verdict.message, verdict.message


def test_the_value_check_names_the_slides_slip_a_sign_and_a_missing_learning_rate():
    n = lecture_namespace()
    n["dE_dw3"] = n["dE_doutH1"] * n["doutH2_dh2"] * 0.05
    assert "as the slides do" in ex.check_values(n, "dE_dw3").message
    n["dE_dw5"] = -lecture_namespace()["dE_dw5"]
    assert "wrong sign" in ex.check_values(n, "dE_dw5").message
    n = lecture_namespace()
    n["new_w5"] = 0.4 - n["dE_dw5"]
    assert "learning rate is missing" in ex.check_values(n, "new_w5").message
    n["new_w5"] = 0.36  # nothing known: the dependencies are named as before
    assert "look at how you turned" in ex.check_values(n, "new_w5").message


def test_the_learning_rate_answer_really_lands_on_035():
    w5 = 0.40 - ex.ex3.expected * slope("w5")
    assert w5 == pytest.approx(0.35, abs=1e-9)


def test_no_answer_yet_and_help():
    assert "No answer yet" in repr(ex.ex1.check(...))
    for exercise in (ex.ex1, ex.ex2, ex.ex3, ex.ex4, ex.ex5):
        assert repr(exercise.hint()).startswith("Hint:")
        assert repr(exercise.solution()).startswith("Solution:")


# -- the coding exercises: independent implementations, right and with each slip ----------

def step_by_hand(p, lr, *, output_first=False, sign=-1.0, biases=True):
    """One update of the twelve parameters, written out here; ``output_first`` moves w5..w8
    before the hidden layer reads them (the slip the lesson warns about)."""
    oh1, oh2 = hidden(p)
    oy1 = s(oh1 * p["w5"] + oh2 * p["w6"] + p["b21"])
    oy2 = s(oh1 * p["w7"] + oh2 * p["w8"] + p["b22"])
    dy1, dy2 = (oy1 - p["T1"]) * oy1 * (1 - oy1), (oy2 - p["T2"]) * oy2 * (1 - oy2)
    q = dict(p)
    for w, d, o in (("w5", dy1, oh1), ("w6", dy1, oh2), ("w7", dy2, oh1), ("w8", dy2, oh2)):
        q[w] = p[w] + sign * lr * d * o
    back = q if output_first else p
    dh1 = (dy1 * back["w5"] + dy2 * back["w7"]) * oh1 * (1 - oh1)
    dh2 = (dy1 * back["w6"] + dy2 * back["w8"]) * oh2 * (1 - oh2)
    for w, d, x in (("w1", dh1, "x1"), ("w2", dh1, "x2"), ("w3", dh2, "x1"), ("w4", dh2, "x2")):
        q[w] = p[w] + sign * lr * d * p[x]
    if biases:
        for b, d in (("b11", dh1), ("b12", dh2), ("b21", dy1), ("b22", dy2)):
            q[b] = p[b] + sign * lr * d
    return q


def as_exercise_function(**options):
    def train_step_with_biases(*args):
        p = dict(zip(ex.STEP_INPUTS, args, strict=True))
        q = step_by_hand(p, p["learning_rate"], **options)
        return {f"new_{n}": q[n] for n in ex.PARAMS}
    return train_step_with_biases


def test_the_update_reference_is_a_finite_difference_step():
    new = as_exercise_function()(*[{**LECTURE, "learning_rate": 0.5}[n]
                                   for n in ex.STEP_INPUTS])
    for name in ex.PARAMS:
        assert new[f"new_{name}"] == pytest.approx(LECTURE[name] - 0.5 * slope(name), abs=1e-10)
    assert ex.ex7.check(as_exercise_function())


@pytest.mark.parametrize("options, words", [
    ({"sign": 1.0}, "You added the gradient"),
    ({"output_first": True}, "Your hidden layer used w5..w8 after their update"),
    ({"biases": False}, "Your biases did not move"),
])
def test_update_slips_are_named(options, words):
    verdict = ex.ex7.check(as_exercise_function(**options))
    assert not verdict and words in verdict.message


def test_the_backward_pass_with_w5_to_w8_already_updated_is_named():
    def backward_pass(*args):
        p = dict(zip(ex.INPUTS, args, strict=True))
        q = step_by_hand(p, 0.5, output_first=True)
        # gradients read back from the update: (old - new) / learning rate
        return {f"dE_d{n}": (p[n] - q[n]) / 0.5 for n in ex.PARAMS}

    verdict = ex.ex6.check(backward_pass)
    assert not verdict and "used w5..w8 after an update" in verdict.message


def test_backward_pass_slips_are_named():
    def backward_pass(*, sign=1.0, slides=False, h2_from_h1=False):
        def fn(*args):
            p = dict(zip(ex.INPUTS, args, strict=True))
            q = step_by_hand(p, 1.0, biases=True)
            g = {n: sign * (p[n] - q[n]) for n in ex.PARAMS}  # learning rate 1: the gradient
            oh1, oh2 = hidden(p)
            if slides or h2_from_h1:
                d_h1 = g["b11"] / (oh1 * (1 - oh1)) * oh2 * (1 - oh2)  # dE_doutH1 * h2's slope
                g.update(w3=d_h1 * p["x1"], w4=d_h1 * p["x2"])
                if h2_from_h1:
                    g["b12"] = d_h1
            return {f"dE_d{n}": v for n, v in g.items()}
        return fn

    assert ex.ex6.check(backward_pass())
    assert "wrong sign" in ex.ex6.check(backward_pass(sign=-1.0)).message
    assert "the slides' own slip" in ex.ex6.check(backward_pass(slides=True)).message
    assert "weights and bias" in ex.ex6.check(backward_pass(h2_from_h1=True)).message


def test_update_with_a_fixed_learning_rate_or_returning_gradients_is_named():
    def fixed_rate(*args):
        p = dict(zip(ex.STEP_INPUTS, args, strict=True))
        q = step_by_hand(p, 0.5)
        return {f"new_{n}": q[n] for n in ex.PARAMS}

    def gradients(*args):
        p = dict(zip(ex.STEP_INPUTS, args, strict=True))
        q = step_by_hand(p, 1.0)
        return {f"new_{n}": p[n] - q[n] for n in ex.PARAMS}

    assert "learning rate 0.5 only" in ex.ex7.check(fixed_rate).message
    assert "You returned the gradients" in ex.ex7.check(gradients).message


# == notebook ==============================================================================
# Notebook 05 computes the backward pass in plain Python cells, checks each one, and its
# prose cites only numbers its cells print (or an independent oracle here recomputes).

NB = read_notebook("05_backward_pass.ipynb")


CODE = [c for c in NB.cells if c.cell_type == "code"]


OUTPUT = "\n".join(output_text(c) for c in NB.cells)


PROSE = "\n".join(c.source for c in NB.cells if c.cell_type == "markdown")


SOURCE = "\n".join(c.source for c in CODE)


def grad(p, name, h=1e-5):
    up, down = dict(p), dict(p)
    up[name] += h
    down[name] -= h
    return (e_total(up) - e_total(down)) / (2 * h)


def train(steps, lr, biases):
    """Gradient descent with finite-difference gradients: errors and the final parameters."""
    p, errors = dict(START), [e_total(START)]
    for _ in range(steps):
        names = [n for n in p if biases or n.startswith("w")]
        g = {n: grad(p, n) for n in names}
        p = {n: p[n] - lr * g.get(n, 0.0) for n in p}
        errors.append(e_total(p))
    return errors, p


def s_by_e_power(z):
    return 1 / (1 + 2.718281828459045 ** -z)


def run(steps, output_first):
    """The lecture's update written out once more, biases held; ``output_first`` moves
    w5..w8 before the hidden layer reads them. E_total after 1 and after ``steps``."""
    p, first = dict(START), None
    for k in range(steps):
        oh1 = s_by_e_power(0.05 * p["w1"] + 0.10 * p["w2"] + p["b11"])
        oh2 = s_by_e_power(0.05 * p["w3"] + 0.10 * p["w4"] + p["b12"])
        oy1 = s_by_e_power(oh1 * p["w5"] + oh2 * p["w6"] + p["b21"])
        oy2 = s_by_e_power(oh1 * p["w7"] + oh2 * p["w8"] + p["b22"])
        d1, d2 = (oy1 - 0.01) * oy1 * (1 - oy1), (oy2 - 0.99) * oy2 * (1 - oy2)
        new = {"w5": p["w5"] - 0.5 * d1 * oh1, "w6": p["w6"] - 0.5 * d1 * oh2,
               "w7": p["w7"] - 0.5 * d2 * oh1, "w8": p["w8"] - 0.5 * d2 * oh2}
        w = new if output_first else p
        h1 = (d1 * w["w5"] + d2 * w["w7"]) * oh1 * (1 - oh1)
        h2 = (d1 * w["w6"] + d2 * w["w8"]) * oh2 * (1 - oh2)
        new.update(w1=p["w1"] - 0.5 * h1 * 0.05, w2=p["w2"] - 0.5 * h1 * 0.10,
                   w3=p["w3"] - 0.5 * h2 * 0.05, w4=p["w4"] - 0.5 * h2 * 0.10)
        p.update(new)
        if k == 0:
            first = e_total(p)
    return first, e_total(p)


def test_the_lesson_computes_in_plain_python_with_the_lectures_names():
    for line in ["dE_doutY1 = -(T1 - outY1)", "doutY1_dy1 = outY1 * (1 - outY1)",
                 "dy1_dw5 = outH1", "dE_dw5 = dE_doutY1 * doutY1_dy1 * dy1_dw5",
                 "dE_doutH1 = dE1_doutH1 + dE2_doutH1", "dy1_doutH1 = w5",
                 "new_w5 = w5 - learning_rate * dE_dw5", "def train_step(params, x1, x2, T1, T2"]:
        assert line in SOURCE, line
    assert "ll.backward.core.gradients(" not in SOURCE and "ll.backward.core.updates(" not in SOURCE


def test_every_backward_value_is_checked_and_every_check_agrees():
    checks = [c for c in CODE if "check_values(globals()" in c.source]
    checked = set()
    for cell in checks:
        assert len(cell.source.splitlines()) == 1, cell.source
        assert output_text(cell).startswith("Correct."), output_text(cell)
        checked.update(re.search(r'"(.*)"', cell.source).group(1).split())
    assert set(ll.backward.exercises.NAMES) <= checked | set(
        ll.forward.exercises.NAMES)


def test_the_lesson_runs_on_its_own_from_the_lectures_values():
    first = CODE[0].source
    assert "import lesson_lib as ll" in first
    for assignment in ("w5, w6, w7, w8 = 0.40, 0.45, 0.50, 0.55", "x1, x2 = 0.05, 0.10",
                       "T1, T2 = 0.01, 0.99", "learning_rate = 0.5"):
        assert assignment in first


@pytest.mark.parametrize("line", [
    "dE_doutY1 = 0.7413651", "doutY1_dy1 = 0.1868156", "dy1_dw5 = 0.59327",
    "dE_dw5 = 0.08216704", "new_w5 = 0.3589165", "dE_dw6 = 0.08266763",
    "dE_doutY2 = -0.2170715", "new_w7 = 0.5113013", "new_w8 = 0.5613701",
    "dE1_doutH1 = 0.05539942", "dE2_doutH1 = -0.01904912", "dE_doutH1 = 0.03635031",
    "dE_doutH2 = 0.04137032", "doutH2_dh2 = 0.2406134",
    "new_w1 = 0.1497807", "new_w3 = 0.2497511", "new_w4 = 0.2995023",
    "dE_db21 = 0.1384986", "slides: dE_dw3 = 0.0004373186   new_w3 = 0.2497813",
    "new_w4      hidden summary            0.29956       0.2995023     NO",
    "new_w1      hidden summary            0.1497        0.1497807     yes, truncated",
    "delta_h1 = 0.008771355",
    "dE_dW2 = [0.08216704, 0.08266763]  [-0.02260254, -0.02274024]",
])
def test_stored_outputs_show_each_figure_the_issue_names(line):
    assert line in OUTPUT


def test_stored_gradient_check_has_twelve_rows_below_1e_7():
    rows = re.findall(r"^(w\d|b\d\d) .*?(\d\.\de-\d\d)\s+(yes|NO)$", OUTPUT, re.M)
    assert len(rows) == 12
    assert all(float(err) < 1e-7 and ok == "yes" for _, err, ok in rows)
    assert "gradient_check_table(globals())" in SOURCE  # fed by the learner's values


def test_stored_errors_after_one_update_match_an_independent_step():
    def printed(label):
        return float(re.search(rf"{label}\s+(\d\.\d+)", OUTPUT).group(1))

    # the notebook prints 9 decimals: half a unit of the last, or one unit after a step
    assert printed("E_total before the update:") == pytest.approx(e_total(START), abs=5e-10)
    assert printed("after it, weights only:") == pytest.approx(train(1, 0.5, False)[0][1],
                                                               abs=1e-9)
    assert printed("after it, weights and biases:") == pytest.approx(
        train(1, 0.5, True)[0][1], abs=1e-9)
    slides = {**train(1, 0.5, False)[1], **{k[4:]: v for k, v in
                                           ll.backward.core.slide_recipe().items()
                                           if k.startswith("new_")}}
    assert printed("after it, the slides' w3 and w4:") == pytest.approx(e_total(slides),
                                                                        abs=1e-9)


def test_the_rule_and_the_blogs_slip_with_numbers_recomputed_here():
    right, slip = run(10_000, False), run(10_000, True)
    # the four numbers the lesson cites, from this file's own loop
    assert (f"{right[0]:.9f}", f"{right[1]:.9f}") == ("0.291027774", "0.000035102")
    assert (f"{slip[0]:.9f}", f"{slip[1]:.9f}") == ("0.291027924", "0.000035085")
    assert ("E_total after 1 update: 0.291027774   after 10,000: 0.000035102") in OUTPUT
    assert ("E_total after 1 update: 0.291027924   after 10,000: 0.000035085") in OUTPUT
    assert "outY1 = 0.015912196   outY2 = 0.984065734" in OUTPUT
    for number in ("0.291027924", "0.000035085", "0.291027774", "0.000035102"):
        assert number in PROSE


def test_train_step_agrees_with_lesson_net():
    loop = re.findall(r"after 5 updates: E_total = (\S+)   w5 = (\S+)", OUTPUT)
    reference = re.findall(r"LessonNet.train: E_total = (\S+) after 5 updates, w5 = (\S+)",
                           OUTPUT)
    assert loop and loop == reference
    assert float(loop[0][0]) == pytest.approx(train(5, 0.5, False)[0][-1], abs=1e-9)


def test_every_number_in_the_prose_is_printed_or_derived():
    printed = re.findall(r"-?\d+\.\d+", OUTPUT)
    fixed_100, _ = train(100, 0.5, False)
    moving_100, _ = train(100, 0.5, True)
    fixed_10, p10 = train(10, 0.5, False)
    lr5, _ = train(2, 5.0, False)
    new = train(1, 0.5, False)[1]
    # numbers the prose reads off a figure or cites from the blog, recomputed here
    derived = {
        "0.0200": fixed_100[-1], "0.0061": moving_100[-1], "0.2209": fixed_10[-1],
        "0.08626": grad(p10, "w5"), "0.08217": grad(START, "w5"), "0.2232": lr5[1],
        "0.1482": lr5[2], "0.879": 0.03635031 / 0.04137032, "0.7514": 0.7513650696,
        "0.149780716": new["w1"], "0.19956143": new["w2"], "0.24975114": new["w3"],
        "0.29950229": new["w4"],
    }
    for cited in sorted(set(re.findall(r"(?<![\d.])\d+\.\d{3,}", PROSE))):
        places = len(cited.split(".")[1])
        if cited in derived:
            assert f"{derived[cited]:.{places}f}" == cited, cited
            continue
        # either verbatim, or a printed number rounded to the places the prose gives
        assert cited in OUTPUT or any(
            f"{float(p):.{places}f}" == cited for p in printed), cited


def test_the_still_before_the_stepper_shows_update_0_and_ten_updates_come_after():
    app = next(i for i, c in enumerate(CODE) if "training_stepper(" in c.source)
    assert CODE[app].metadata.get("tags") == ["nbval-ignore-output"]
    # the app opens at update 0 of the lecture's net; so does the picture right before it
    assert CODE[app - 1].source == "ll.backward.figures.stepper_view(ll.LessonNet())"
    still = CODE[app - 1].outputs[0]["data"]["image/svg+xml"]  # the app's own drawing
    assert "no updates yet" in still and svg_labels(still)["∂E/∂w5"].endswith("0.08217")
    assert "train(10" in CODE[app + 1].source and "training_view" in CODE[app + 1].source


def test_latex_names_outputs_with_a_subscript_and_quotes_no_r():
    maths = re.findall(r"\$\$.*?\$\$|\$.*?\$", PROSE, re.S)
    assert maths
    for math_text in maths:
        assert not re.search(r"\bout[HY]\d?\b", math_text), math_text
    assert "d.outH1_d.h2" not in PROSE


@pytest.mark.parametrize("name, function", [("ex6", "backward_pass"),
                                            ("ex7", "train_step_with_biases")])
def test_coding_exercises_are_stubs_and_their_solutions_are_not_shown(name, function):
    cell = next(c for c in CODE if f"{name}.check(" in c.source)
    assert cell.source.startswith(f"def {function}(")
    assert "\n    ...\n" in cell.source
    assert output_text(cell).startswith("Not yet.")
    solution = getattr(ll.backward.exercises, name).solution_code
    body = solution.splitlines()[-3]  # a line of the answer's code
    assert body.strip() not in OUTPUT and body.strip() not in SOURCE


def test_no_exercise_answer_is_printed_before_it_is_asked():
    from lesson_lib.backward import exercises as backward

    printed = {f"{float(n):.4g}" for n in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", OUTPUT)}
    for name in ("ex2", "ex3", "ex4", "ex5"):
        assert f"{getattr(backward, name).expected:.4g}" not in printed, name


def test_the_blogs_numbers_are_quoted_as_what_they_are():
    assert "to every digit" not in PROSE
    # some copies of the post print 0.0000351085: the correct rule after 9,999 updates
    assert f"{run(9_999, False)[1]:.10f}" == "0.0000351085"
    assert "0.0000351085" in PROSE and "after 9,999: 0.0000351085" in OUTPUT
    assert "usually quoted with" in PROSE


def test_the_slides_slip_repeated_and_the_bias_gap_are_what_the_prose_says():
    assert "after 100 updates, the slides' recipe:  E_total = 0.0200436" in OUTPUT
    assert "after 100 updates, the chain rule:      E_total = 0.0200468" in OUTPUT
    held, trained = train(100, 0.5, False)[0], train(100, 0.5, True)[0]
    gaps = [a - b for a, b in zip(held, trained, strict=True)]
    assert gaps.index(max(gaps)) == 14 and "widest\nafter about 14 updates" in PROSE
    assert gaps[100] < gaps[50] < gaps[14]  # not growing: the prose must not say it does
    assert "seventh decimal" not in PROSE and "7\\times10^{-8}" in PROSE


def test_the_exercise_intro_does_not_list_the_answers():
    intro = next(c.source for c in NB.cells if c.source.startswith("## Exercises"))
    assert "LessonNet(" not in intro
