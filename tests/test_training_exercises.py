"""Exercises of the training notebook: right answers pass, plausible slips get their reason."""

import math

import pytest

import lesson_lib as ll
from lesson_lib.training import exercises as ex


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def _hand_update(w, lr=0.5):
    """One update of the lecture's network with the biases fixed, written out by hand.

    Returns the new weights and E_total before the update.
    """
    w1, w2, w3, w4, w5, w6, w7, w8 = w
    x1, x2, T1, T2, b1, b2 = 0.05, 0.10, 0.01, 0.99, 0.35, 0.60
    oh1 = _sigmoid(w1 * x1 + w2 * x2 + b1)
    oh2 = _sigmoid(w3 * x1 + w4 * x2 + b1)
    oy1 = _sigmoid(w5 * oh1 + w6 * oh2 + b2)
    oy2 = _sigmoid(w7 * oh1 + w8 * oh2 + b2)
    E = 0.5 * (T1 - oy1) ** 2 + 0.5 * (T2 - oy2) ** 2
    d1 = (oy1 - T1) * oy1 * (1 - oy1)
    d2 = (oy2 - T2) * oy2 * (1 - oy2)
    e1 = (d1 * w5 + d2 * w7) * oh1 * (1 - oh1)
    e2 = (d1 * w6 + d2 * w8) * oh2 * (1 - oh2)
    grads = (e1 * x1, e1 * x2, e2 * x1, e2 * x2, d1 * oh1, d1 * oh2, d2 * oh1, d2 * oh2)
    return [wi - lr * g for wi, g in zip(w, grads, strict=True)], E


LECTURE_WEIGHTS = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]


def test_ex1_two_slide_updates():
    w, E0 = _hand_update(LECTURE_WEIGHTS)
    w, E1 = _hand_update(w)
    _, E2 = _hand_update(w)
    assert E0 == pytest.approx(0.2983711088, abs=1e-9)  # the lecture's starting error
    assert ex.ex1.check(E2)
    assert ex.ex1.check(float(f"{E2:.4g}"))
    close = ex.ex1.check(float(f"{E2:.3g}"))  # 4 figures are asked for
    assert not close and close.message.startswith("Close")
    once = ex.ex1.check(E1)
    assert not once and "ONE update" in once.message
    _, E_rate1 = _hand_update(_hand_update(LECTURE_WEIGHTS, lr=1.0)[0])
    doubled = ex.ex1.check(float(f"{E_rate1:.4g}"))
    assert not doubled and "learning rate 1.0" in doubled.message
    assert not ex.ex1.check(ll.LessonNet().train(2).errors[2])  # biases updated too


def test_ex2_stall_plateau():
    assert ex.ex2.check(0.5 * (0.01 - 0) ** 2 + 0.5 * (0.99 - 1) ** 2)
    slip = ex.ex2.check(0.0002)
    assert not slip and "1/2" in slip.message
    assert not ex.ex2.check(0.0)


def test_ex2_one_off_in_the_last_digit_and_malformed():
    assert not ex.ex2.check(0.0001001)
    assert not ex.ex2.check("a lot")
    assert not ex.ex2.check([1e-4, 1e-4])


# -- exercise 3: the cross-entropy backward pass, written by a student ----------------------
def _ce_backward(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2,
                 slip=None):
    """Written from the formula dE/dy = out - T, independently of lesson_lib."""
    oh1 = _sigmoid(x1 * w1 + x2 * w2 + b11)
    oh2 = _sigmoid(x1 * w3 + x2 * w4 + b12)
    oy1 = _sigmoid(oh1 * w5 + oh2 * w6 + b21)
    oy2 = _sigmoid(oh1 * w7 + oh2 * w8 + b22)
    d1, d2 = oy1 - T1, oy2 - T2
    if slip == "kept slope":
        d1, d2 = d1 * oy1 * (1 - oy1), d2 * oy2 * (1 - oy2)
    if slip == "sign":
        d1, d2 = -d1, -d2
    e1 = (d1 * w5 + d2 * w7) * oh1 * (1 - oh1)
    e2 = (d1 * w6 + d2 * w8) * oh2 * (1 - oh2)
    return dict(dE_dw1=e1 * x1, dE_dw2=e1 * x2, dE_dw3=e2 * x1, dE_dw4=e2 * x2,
                dE_dw5=d1 * oh1, dE_dw6=d1 * oh2, dE_dw7=d2 * oh1, dE_dw8=d2 * oh2,
                dE_db11=e1, dE_db12=e2, dE_db21=d1, dE_db22=d2)


def _ce(params):
    f = ll.LessonNet(**params).forward()
    return -sum(t * math.log(f[o]) + (1 - t) * math.log(1 - f[o])
                for t, o in ((params.get("T1", 0.01), "outY1"), (params.get("T2", 0.99), "outY2")))


def test_ex3_reference_matches_central_differences_of_the_cross_entropy():
    # Oracle: a central difference of the cross-entropy, written here.
    g = _ce_backward(**ll.core.network.LESSON_PARAMS, **ll.core.network.LESSON_DATA)
    for p in ll.core.network.PARAMS:
        h = 1e-6
        up = dict(ll.core.network.LESSON_PARAMS, **{p: ll.core.network.LESSON_PARAMS[p] + h})
        down = dict(ll.core.network.LESSON_PARAMS, **{p: ll.core.network.LESSON_PARAMS[p] - h})
        assert g[f"dE_d{p}"] == pytest.approx((_ce(up) - _ce(down)) / (2 * h), rel=1e-6, abs=1e-10)


def test_ex3_student_right_slips_raising_and_garbage():
    assert ex.ex3.check(_ce_backward)
    kept = ex.ex3.check(lambda *a: _ce_backward(*a, slip="kept slope"))
    assert not kept and "cancels" in kept.message
    sign = ex.ex3.check(lambda *a: _ce_backward(*a, slip="sign"))
    assert not sign and "sign" in sign.message

    def squared(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        return _ce_backward(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2,
                            slip="kept slope")
    assert not ex.ex3.check(squared)

    def raising(*args):
        raise ZeroDivisionError("oops")
    assert "raised ZeroDivisionError" in ex.ex3.check(raising).message
    assert not ex.ex3.check(lambda *a: "gradients")
    assert not ex.ex3.check(42)
    assert "No answer yet" in ex.ex3.check(...).message


def test_check_lesson5_and_check_run():
    def backward_pass(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        return ll.LessonNet(w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8, b11=b11,
                            b12=b12, b21=b21, b22=b22, x1=x1, x2=x2, T1=T1,
                            T2=T2).backward()
    assert ex.check_lesson5(backward_pass)
    assert not ex.check_lesson5(lambda *a: {})  # no keys: named, not raised
    # Oracle: the hand-written update above, 3 times with the biases fixed.
    w, errors = LECTURE_WEIGHTS, []
    for _ in range(3):
        w, E = _hand_update(w)
        errors.append(E)
    errors.append(_hand_update(w)[1])
    assert ex.check_run(errors, 0.5, update_biases=False)
    freed = ex.check_run(errors, 0.5, update_biases=True)
    assert not freed and "held fixed" in freed.message
    off = list(errors)
    off[2] *= 1 + 1e-6
    assert not ex.check_run(off, 0.5, update_biases=False)
    assert not ex.check_run("errors", 0.5)
    assert not ex.check_run([0.3], 0.5)


def test_every_exercise_has_a_hint_and_a_solution():
    for exercise in (ex.ex1, ex.ex2, ex.ex3):
        assert repr(exercise.hint()).startswith("Hint:")
        assert repr(exercise.solution()).startswith("Solution:")
        assert exercise.slips


def test_check_run_names_non_finite_values_and_bad_settings_without_raising():
    errors = [E for E in ll.LessonNet().train(5, 0.5, update_biases=False).errors]
    nan = ex.check_run(errors[:-1] + [float("nan")], 0.5, update_biases=False)
    assert not nan and "not a number" in nan.message
    assert not ex.check_run(errors[:-1] + [float("inf")], 0.5, update_biases=False)
    for rate in (float("nan"), -1.0, "fast", None):
        feedback = ex.check_run(errors, rate, update_biases=False)
        assert not feedback and "learning_rate" in feedback.message
    assert not ex.check_run(errors, 0.5, update_biases="no")
    assert not ex.check_run(errors, 0.5, update_biases=False, tolerance=float("nan"))


def test_check_run_suggests_the_rate_the_loop_used():
    # Oracle: the hand-written update, at rate 1.0 while the check is told 0.5.
    w, errors = LECTURE_WEIGHTS, []
    for _ in range(4):
        w, E = _hand_update(w, lr=1.0)
        errors.append(E)
    feedback = ex.check_run(errors, 0.5, update_biases=False)
    assert not feedback and "learning_rate=1" in feedback.message
    assert ex.check_run(errors, 1.0, update_biases=False)


def test_ex1_rounding_and_bias_slips_and_ex3_named_slips():
    assert "rounding" in ex.ex1.check(0.2836).message
    assert "biases updated too" in ex.ex1.check(0.2805).message

    def no_hidden_slope(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        oh1 = _sigmoid(x1 * w1 + x2 * w2 + b11)
        oh2 = _sigmoid(x1 * w3 + x2 * w4 + b12)
        oy1 = _sigmoid(oh1 * w5 + oh2 * w6 + b21)
        oy2 = _sigmoid(oh1 * w7 + oh2 * w8 + b22)
        d1, d2 = oy1 - T1, oy2 - T2
        e1, e2 = d1 * w5 + d2 * w7, d1 * w6 + d2 * w8
        return dict(dE_dw1=e1 * x1, dE_dw2=e1 * x2, dE_dw3=e2 * x1, dE_dw4=e2 * x2,
                    dE_dw5=d1 * oh1, dE_dw6=d1 * oh2, dE_dw7=d2 * oh1, dE_dw8=d2 * oh2,
                    dE_db11=e1, dE_db12=e2, dE_db21=d1, dE_db22=d2)
    assert "hidden sigmoid's slope" in ex.ex3.check(no_hidden_slope).message
    half = ex.ex3.check(lambda *a: {k: v / 2 for k, v in _ce_backward(*a).items()})
    assert not half and "half" in half.message
