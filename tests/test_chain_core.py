"""Lesson 2 core: the chain table and the chain rule, against hand values and nudging."""

import math

import pytest

from lesson_lib.core import chain as core


def nudge(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def test_lesson_table_is_x_2_to_6_with_y_2x_and_z_3y():
    table = core.lesson_table()
    assert table.column("x") == [2, 3, 4, 5, 6]
    assert table.column("y") == [4, 6, 8, 10, 12]
    assert table.column("z") == [12, 18, 24, 30, 36]
    assert table.column("Δy/Δx")[1:] == [2] * 4
    assert table.column("Δz/Δy")[1:] == [3] * 4
    assert table.column("Δz/Δx")[1:] == [6] * 4
    assert table.read_slopes() == {"dy_dx": 2, "dz_dy": 3, "dz_dx": 6, "dy_dx_times_dz_dy": 6}


def test_table_prints_as_text_and_html():
    table = core.lesson_table()
    text = repr(table)
    assert text.splitlines()[0] == "y = f(x) = 2*x,  z = g(y) = 3*y"
    assert "6  12  36  2      3      6" in text
    page = table._repr_html_()
    assert page.count("<tr>") == 6 and ">36</td>" in page


SHAPES = {"linear": lambda t: t, "square": lambda t: t * t, "sine": math.sin,
          "sigmoid": lambda t: 1 / (1 + math.exp(-t))}


@pytest.mark.parametrize("inner", list(SHAPES))
@pytest.mark.parametrize("outer", list(SHAPES))
def test_chain_rule_matches_a_nudge_of_the_composite(inner, outer):
    a, b, x = 1.5, -0.5, 0.7
    links = core.chain(inner, a, outer, b)
    f = lambda t: a * SHAPES[inner](t)  # noqa: E731
    g = lambda t: b * SHAPES[outer](t)  # noqa: E731
    at = links.at(x)
    assert at["z"] == pytest.approx(g(f(x)))
    assert at["dy_dx"] == pytest.approx(nudge(f, x), abs=1e-8)
    assert at["dz_dy"] == pytest.approx(nudge(g, f(x)), abs=1e-8)
    assert at["dy_dx_times_dz_dy"] == pytest.approx(nudge(lambda t: g(f(t)), x), abs=1e-8)
    assert at["abs_error"] < 1e-8


def test_ratios_of_differences_approach_the_slope_as_rows_close_in():
    links = core.chain("square", 1.0, "sine", 1.0)
    exact = 2 * 1.0 * math.cos(1.0)  # dz/dx of sin(x^2) at x = 1
    gaps = []
    for spacing in (1.0, 0.1, 0.01):
        table = links.table(x=1.0, spacing=spacing)
        # The ratio on the row after x = 1 is a secant through x and x + spacing.
        gaps.append(abs(table.column("Δz/Δx")[3] - exact))
    assert gaps[0] > gaps[1] > gaps[2] and gaps[2] < 0.05


def test_formulas_and_flat_inner_function():
    assert core.Link("square", 1).formula("x") == "x²"
    assert core.Link("sigmoid", 0.5).formula("y") == "0.5*σ(y)"
    flat = core.chain("linear", 0.0, "sine", 1.0).table()
    assert flat.column("Δz/Δy")[1:] == ["undefined"] * 4
    assert math.isnan(flat.read_slopes()["dz_dy"])


def test_neuron_chain_matches_the_lesson_neuron_h1():
    # w1 = 0.15, x1 = 0.05; the rest of h1 is x2*w2 + b11 = 0.10*0.20 + 0.35 = 0.37.
    w, x, c = 0.15, 0.05, 0.37
    v = core.neuron_chain(w, x, c)
    out = 1 / (1 + math.exp(-(w * x + c)))
    assert v["h"] == pytest.approx(0.3775) and v["out"] == pytest.approx(out)
    assert (v["du_dw"], v["dh_du"]) == (x, 1.0)
    assert v["dout_dh"] == pytest.approx(out * (1 - out))
    numeric = nudge(lambda t: 1 / (1 + math.exp(-(t * x + c))), w)
    assert v["dout_dw"] == pytest.approx(numeric, abs=1e-9)
    assert v["dout_dw"] == pytest.approx(v["du_dw"] * v["dh_du"] * v["dout_dh"])


@pytest.mark.parametrize("call, word", [
    (lambda: core.chain("cube"), "inner must be one of"),
    (lambda: core.chain(a=float("inf")), "multiplier must be a finite number"),
    (lambda: core.chain().table(spacing=0), "spacing must be > 0"),
    (lambda: core.chain().table(rows=1), "rows must be >= 2"),
    (lambda: core.chain().at("4"), "x must be a real number"),
    (lambda: core.neuron_chain(w=None, x=1, c=0), "w must be a real number"),
    (lambda: core.neuron_chain(w=1, x=1, c="0"), "c must be a real number"),
])
def test_bad_input_names_the_argument(call, word):
    with pytest.raises((TypeError, ValueError), match=word):
        call()



def shown(values) -> dict:
    return {k.strip(): v.strip() for k, v in (line.split(" = ") for line in
                                                repr(values).splitlines())}


def test_a_slope_and_its_central_difference_print_with_the_same_digits():
    # sin(x^2) at x = 1: the product 2 cos(1) and its check both show 8 significant figures.
    lines = shown(core.chain("square", 1, "sine", 1).at(1.0))
    assert lines["dy_dx_times_dz_dy"] == lines["numeric_dz_dx"] == f"{2 * math.cos(1.0):.8g}"
    assert lines["dz_dy"] == f"{math.cos(1.0):.10g}"  # other values keep 10 figures
    out = 1 / (1 + math.exp(-0.3775))
    lines = shown(core.neuron_chain(0.15, 0.05, 0.37))
    assert lines["dout_dw"] == lines["numeric_dout_dw"] == f"{0.05 * out * (1 - out):.8g}"
