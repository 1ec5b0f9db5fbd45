"""Notebook 05's stored outputs hold every figure the issue names, and its prose cites them."""

import re

import pytest
from oracles import START, e_total, output_text, read_notebook

NB = read_notebook("05_backward_pass.ipynb")
OUTPUT = "\n".join(output_text(c) for c in NB.cells)
PROSE = "\n".join(c.source for c in NB.cells if c.cell_type == "markdown")


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


@pytest.mark.parametrize("line", [
    "dE_dw5 = dE_doutY1 x doutY1_dy1 x dy1_dw5 = 0.7413651 x 0.1868156 x 0.59327 = 0.08216704",
    "new w5 = w5 - learning_rate x dE_dw5 = 0.4 - 0.5 x 0.08216704 = 0.3589165",
    "= 0.08266763", "= 0.4086662", "= -0.02260254", "= 0.5113013", "= -0.02274024",
    "= 0.5613701",
    "dE_doutH1 = dE1_doutH1 + dE2_doutH1 = 0.05539942 + (-0.01904912) = 0.03635031",
    "dE_doutH2 = dE1_doutH2 + dE2_doutH2 = 0.06232435 + (-0.02095403) = 0.04137032",
    "doutH2_dh2 = outH2 x (1 - outH2) = 0.5968844 x (1 - 0.5968844) = 0.2406134",
    "new w1 = w1 - learning_rate x dE_dw1 = 0.15 - 0.5 x 0.0004385677 = 0.1497807",
    "new w3 = w3 - learning_rate x dE_dw3 = 0.25 - 0.5 x 0.0004977127 = 0.2497511",
    "new w4 = w4 - learning_rate x dE_dw4 = 0.3 - 0.5 x 0.0009954255 = 0.2995023",
    "dE_db21 = dE_doutY1 x doutY1_dy1 x dy1_db21 = 0.7413651 x 0.1868156 x 1 = 0.1384986",
    "slides:  dE_dw3 = dE_doutH1 x doutH2_dh2 x dh2_dw3 = 0.03635031 x 0.2406134 x 0.05 = "
    "0.0004373186",
    "slides:  new w3 = w3 - learning_rate x dE_dw3 = 0.25 - 0.5 x 0.0004373186 = 0.2497813",
    "new w4      hidden summary            0.29956       0.2995023     NO",
    "new w1      hidden summary            0.1497        0.1497807     yes, truncated",
    "delta_h1 = (delta_y1 x w5 + delta_y2 x w7) x doutH1_dh1",
    "dE_dW2 = outer(delta_out, outH)",
    "all twelve equal the chain-rule gradients (relative difference < 1e-12): yes",
])
def test_stored_outputs_show_each_figure_the_issue_names(line):
    assert line in OUTPUT


def test_stored_gradient_check_has_twelve_rows_below_1e_7():
    rows = re.findall(r"^(w\d|b\d\d) .*?(\d\.\de-\d\d)\s+(yes|NO)$", OUTPUT, re.M)
    assert len(rows) == 12
    assert all(float(err) < 1e-7 and ok == "yes" for _, err, ok in rows)


def test_stored_after_update_errors_match_an_independent_step():
    row = re.search(r"^E_total  +(\d.*)$", OUTPUT, re.M).group(1).split()
    before, _slides, weights_only, everything = map(float, row)
    assert before == pytest.approx(e_total(START), abs=5e-10)  # nine significant digits
    assert weights_only == pytest.approx(train(1, 0.5, False)[0][1], abs=1e-9)
    assert everything == pytest.approx(train(1, 0.5, True)[0][1], abs=1e-9)


def test_every_number_in_the_prose_is_printed_or_derived():
    printed = re.findall(r"-?\d+\.\d+", OUTPUT)
    fixed_100, _ = train(100, 0.5, False)
    moving_100, _ = train(100, 0.5, True)
    fixed_10, p10 = train(10, 0.5, False)
    lr5, _ = train(2, 5.0, False)
    # numbers the prose reads off a figure, recomputed here
    derived = {
        "0.0200": fixed_100[-1], "0.0061": moving_100[-1], "0.2209": fixed_10[-1],
        "0.08626": grad(p10, "w5"), "0.08217": grad(START, "w5"), "0.2232": lr5[1],
        "0.1482": lr5[2], "0.879": 0.03635031 / 0.04137032, "0.7514": 0.7513650696,
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
    code = [c for c in NB.cells if c.cell_type == "code"]
    app = next(i for i, c in enumerate(code) if "training_stepper(" in c.source)
    assert code[app].metadata.get("tags") == ["nbval-ignore-output"]
    # the app opens at update 0 of the lecture's net; so does the picture right before it
    assert code[app - 1].source == "ll.figures.backward.stepper_view(net)"
    assert "net = ll.LessonNet()" in code[0].source
    assert "image/png" in code[app - 1].outputs[0]["data"]
    assert "train(10" in code[app + 1].source and "training_view" in code[app + 1].source


def test_latex_names_outputs_with_a_subscript_and_quotes_no_r():
    maths = re.findall(r"\$\$.*?\$\$|\$.*?\$", PROSE, re.S)
    assert maths
    for math_text in maths:
        assert not re.search(r"\bout[HY]\d?\b", math_text), math_text
    assert "d.outH1_d.h2" not in PROSE


def test_no_exercise_answer_is_printed_before_it_is_asked():
    from lesson_lib.exercises import backward

    printed = {f"{float(n):.4g}" for n in re.findall(r"-?\d+\.\d+(?:e-?\d+)?", OUTPUT)}
    for name in ("ex2", "ex3", "ex4", "ex5"):
        assert f"{getattr(backward, name).expected:.4g}" not in printed, name
