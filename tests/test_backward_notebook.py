"""Notebook 05 computes the backward pass in plain Python cells, checks each one, and its
prose cites only numbers its cells print (or an independent oracle here recomputes)."""

import re

import pytest
from oracles import START, e_total, output_text, read_notebook

import lesson_lib as ll

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


def s(z):
    return 1 / (1 + 2.718281828459045 ** -z)


def run(steps, output_first):
    """The lecture's update written out once more, biases held; ``output_first`` moves
    w5..w8 before the hidden layer reads them. E_total after 1 and after ``steps``."""
    p, first = dict(START), None
    for k in range(steps):
        oh1 = s(0.05 * p["w1"] + 0.10 * p["w2"] + p["b11"])
        oh2 = s(0.05 * p["w3"] + 0.10 * p["w4"] + p["b12"])
        oy1 = s(oh1 * p["w5"] + oh2 * p["w6"] + p["b21"])
        oy2 = s(oh1 * p["w7"] + oh2 * p["w8"] + p["b22"])
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
    assert "image/png" in CODE[app - 1].outputs[0]["data"]
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
