"""Lesson 5's exercises accept an answer found by finite differences and explain slips."""

import math

import pytest

from lesson_lib.backward import exercises as ex

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
