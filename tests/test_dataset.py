"""Lesson 7's exercises and checks, done as a student would: right, one off, malformed, and
for the code exercise correct, each named slip, raising and garbage."""

import math
import random

import pytest

import lesson_lib as ll
from lesson_lib.dataset import exercises as ex


def test_ex1_updates_per_100_epochs():
    train, _ = ll.dataset.core.xor(n=200, seed=0).split(test_fraction=0.25, seed=0)
    assert ex.ex1.check(len(train) * 100)
    assert not ex.ex1.check(15_001)
    assert "held-out" in ex.ex1.check(20_000).message
    assert not ex.ex1.check("lots")


def test_ex2_cross_entropy_of_a_confident_mistake():
    assert ex.ex2.check(2.303)
    assert not ex.ex2.check(2.302)  # one off in the last asked digit
    assert "class 1" in ex.ex2.check(round(-math.log(0.9), 4)).message
    assert "squared" in ex.ex2.check(0.405).message
    assert not ex.ex2.check(None)


def test_ex3_xor_needs_two_hidden_units():
    # Oracle: the lecture's 2-2-2 net learns XOR (lesson 7 shows it), one unit cannot (a line).
    assert ex.ex3.check(2)
    assert not ex.ex3.check(1)
    assert not ex.ex3.check(2.5)


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def _accuracy(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, X1, X2, C, slip=None):
    right = 0
    for x1, x2, c in zip(X1, X2, C, strict=True):
        oh1, oh2 = _sigmoid(x1 * w1 + x2 * w2 + b11), _sigmoid(x1 * w3 + x2 * w4 + b12)
        oy1, oy2 = _sigmoid(oh1 * w5 + oh2 * w6 + b21), _sigmoid(oh1 * w7 + oh2 * w8 + b22)
        guess = int(oy1 > oy2) if slip == "swapped" else int(oy2 > oy1)
        right += guess == c
    return right if slip == "count" else right / len(C)


def test_ex4_student_right_slips_raising_and_garbage():
    assert ex.ex4.check(_accuracy)
    swapped = ex.ex4.check(lambda *a: _accuracy(*a, slip="swapped"))
    assert not swapped and "wrong way round" in swapped.message
    count = ex.ex4.check(lambda *a: _accuracy(*a, slip="count"))
    assert not count and "share" in count.message

    def raising(*a):
        return 1 / 0
    assert "raised ZeroDivisionError" in ex.ex4.check(raising).message
    assert not ex.ex4.check(lambda *a: "most")
    assert not ex.ex4.check(lambda x: 1.0)  # wrong signature


def hand_epochs(epochs):
    """Oracle: epochs of one update per sample, written here with LessonNet's gradient."""
    train, _ = ll.dataset.core.xor(n=40, seed=1).split(test_fraction=0.25, seed=1)
    rng = random.Random(3)
    start = {p: rng.uniform(-1, 1) for p in ll.core.network.PARAMS}
    samples = [(float(a), float(b), 1.0 - c, float(c)) for (a, b), c in zip(train.X, train.y,
                                                                             strict=True)]
    order, params = random.Random(0), dict(start)
    for _ in range(epochs):
        order.shuffle(samples)
        for x1, x2, T1, T2 in samples:
            g = ll.LessonNet(**params, x1=x1, x2=x2, T1=T1, T2=T2).gradient()
            params = {p: v - 0.5 * g[p] for p, v in params.items()}
    return train, start, params


def test_check_epochs_against_a_loop_written_here():
    train, start, params = hand_epochs(3)
    assert ex.check_epochs(params, start, train, 0.5, 3)
    assert not ex.check_epochs(params, start, train, 0.5, 2)
    assert not ex.check_epochs(start, start, train, 0.5, 3)
    assert not ex.check_epochs({"w1": 1.0}, start, train, 0.5, 3)


@pytest.mark.parametrize("exercise", [ex.ex1, ex.ex2, ex.ex3, ex.ex4])
def test_hints_and_solutions(exercise):
    assert repr(exercise.hint()).startswith("Hint:")
    assert repr(exercise.solution()).startswith("Solution:")


def test_check_epochs_names_other_epochs_and_bad_arguments_without_raising():
    train, start, params = hand_epochs(4)
    other = ex.check_epochs(params, start, train, 0.5, 2)
    assert not other and "epochs=4" in other.message
    rate = ex.check_epochs(params, start, train, 0.7, 4)
    assert not rate and "learning_rate=" in rate.message
    for bad in (dict(learning_rate=float("nan")), dict(epochs=-1), dict(epochs="3"),
                dict(data="points")):
        args = dict(trained=params, start=start, data=train, learning_rate=0.5, epochs=4)
        assert not ex.check_epochs(**{**args, **bad})
    assert not ex.check_epochs({**params, "w1": float("nan")}, start, train, 0.5, 4)


def test_ex2_base_2_and_ex4_percentage_are_named():
    assert "base 2" in ex.ex2.check(3.322).message

    def percent(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, X1, X2, C):
        p = dict(w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8, b11=b11, b12=b12,
                 b21=b21, b22=b22)
        right = sum(int(ll.LessonNet(**p, x1=a, x2=b).forward()["outY2"]
                        > ll.LessonNet(**p, x1=a, x2=b).forward()["outY1"]) == c
                    for a, b, c in zip(X1, X2, C, strict=True))
        return 100 * right / len(C)
    assert "percentage" in ex.ex4.check(percent).message
