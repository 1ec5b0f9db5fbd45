"""Exercises of the training notebook: right answers pass, plausible slips get their reason."""

import math

import pytest

import lesson_lib as ll
from lesson_lib.exercises import training as ex


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


def test_ex3_saturated_slope():
    out = 1e-6
    assert ex.ex3.check(out * (1 - out))
    assert not ex.ex3.check(0.25)


def test_ex4_xor_hidden_units():
    # Oracle: two hidden units do separate the XOR data.
    train, test = ll.core.datasets.xor().split()
    history = ll.core.training.train_epochs(ll.core.training.classifier(2), train, 30, 2.0)
    assert history.train_accuracy[-1] > 0.95
    assert ex.ex4.check(2)
    assert not ex.ex4.check(1)


def test_every_exercise_has_a_hint_and_a_solution():
    for exercise in (ex.ex1, ex.ex2, ex.ex3, ex.ex4):
        assert repr(exercise.hint()).startswith("Hint:")
        assert repr(exercise.solution()).startswith("Solution:")
        assert exercise.slips
