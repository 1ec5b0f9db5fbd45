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


def test_answers_rounded_to_three_or_more_figures_are_right():
    ex = Exercise("x?", 2.0634, hint="h", solution="s", mistakes={2.1: "slip"})
    assert ex.check(2.06) and ex.check(2.063) and ex.check(2.0634)
    assert not ex.check(2.07)
    close = ex.check(2.1)
    assert not close and "rounded to 2 significant" in repr(close)


def test_a_mistake_that_is_the_right_answer_rounded_is_not_called_a_mistake():
    ex = Exercise("h2?", 0.3925, hint="h", solution="s", mistakes={0.39: "swapped weights"})
    assert "Close" in repr(ex.check(0.39))
    assert "swapped" in repr(Exercise("h2?", 0.3925, hint="h", solution="s",
                                      mistakes={0.4125: "swapped weights"}).check(0.4125))


def test_counts_are_not_rounded():
    ex = Exercise("how many updates?", 1234, hint="h", solution="s", rel_tol=0.0)
    assert ex.check(1234) and not ex.check(1230)


def test_messages_name_the_exercise_variable():
    import lesson_lib as ll

    module = ll.exercises.sigmoid
    name, ex = next((k, v) for k, v in vars(module).items()
                    if isinstance(v, Exercise) and isinstance(v.expected, float))
    assert ex.name == name
    assert f"try {name}.hint()" in repr(ex.check(-12345.678))
