"""Exercises of the training notebook: right answers pass, plausible slips get their reason."""

import lesson_lib as ll
from lesson_lib.exercises import training as ex


def test_ex1_one_slide_update():
    right = ll.LessonNet().step(update_biases=False).error()
    assert ex.ex1.check(right)
    wrong = ex.ex1.check(ll.LessonNet().error())
    assert not wrong and "before the update" in wrong.message
    assert not ex.ex1.check(ll.LessonNet().step().error())


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
        assert exercise.mistakes
