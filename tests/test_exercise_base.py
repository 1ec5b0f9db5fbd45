"""The Exercise checker: tolerance, known slips, unreadable answers."""

from lesson_lib.exercises import Exercise


def make():
    return Exercise("What is sigma'(0)?", 0.25, hint="sigma(0) = 1/2.", solution="1/2 * 1/2",
                    mistakes={0.5: "That is sigma(0), not its slope."})


def test_right_answer_within_rounding():
    assert make().check(0.25)
    assert make().check(0.2501)


def test_wrong_answer_and_known_slip():
    ex = make()
    assert not ex.check(0.3)
    slip = ex.check(0.5)
    assert not slip and "sigma(0), not its slope" in repr(slip)


def test_unanswered_and_unreadable():
    assert "No answer yet" in repr(make().check(...))
    assert "could not read" in repr(make().check("a quarter"))
    assert not make().check(float("nan"))


def test_sequences_strings_and_custom_checks():
    vec = Exercise("gradient?", (4, 3), hint="h", solution="s")
    assert vec.check([4.0, 3.0]) and not vec.check([3, 4])
    assert "could not read" in repr(vec.check([1, 2, 3]))
    word = Exercise("which?", "relu", hint="h", solution="s")
    assert word.check(" ReLU ") and not word.check("step")
    custom = Exercise("even?", check=lambda a: (a % 2 == 0, "parity"), hint="h", solution="s")
    assert custom.check(4) and not custom.check(3)
    assert "Hint: h" == repr(vec.hint()) and "Solution: s" == repr(vec.solution())
