"""Lesson 2 core: the chain-rule reference and the tables, against hand values and nudging."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lesson_lib.chain import core as core


def nudge(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


# Links written out by hand, each with its derivative: an oracle apart from core.SHAPES.
HAND = {
    "cube": (lambda t: t**3, lambda t: 3 * t**2),
    "sine": (math.sin, math.cos),
    "cosine": (math.cos, lambda t: -math.sin(t)),
    "sigmoid": (lambda t: 1 / (1 + math.exp(-t)),
                lambda t: math.exp(-t) / (1 + math.exp(-t)) ** 2),
    "affine": (lambda t: 0.5 - 2 * t, lambda t: -2.0),
}


@given(st.lists(st.sampled_from(sorted(HAND)), min_size=1, max_size=4),
       st.floats(-1.0, 1.0))
def test_each_running_product_is_the_slope_of_that_links_value(names, x):
    links = [HAND[n] for n in names]
    rows = core.chain_rule(links, x)
    assert len(rows) == len(links)
    for k, (value, slope, product) in enumerate(rows):
        def up_to_k(t, k=k):
            for f, _ in links[:k + 1]:
                t = f(t)
            return t
        before = up_to_k(x, k - 1) if k else x
        assert value == pytest.approx(up_to_k(x), rel=1e-12, abs=1e-12)
        assert slope == pytest.approx(links[k][1](before), rel=1e-12, abs=1e-12)
        assert product == pytest.approx(nudge(up_to_k, x), rel=1e-6, abs=1e-8)


def test_the_lectures_chain_at_4():
    rows = core.chain_rule([(lambda x: 2 * x, lambda x: 2.0), (lambda y: 3 * y, lambda y: 3.0)],
                           4.0)
    assert rows == [(8.0, 2.0, 2.0), (24.0, 3.0, 6.0)]


def test_the_outer_slope_is_taken_at_the_inner_value_not_at_x():
    # z = sin(x^2) at x = 1.5: g'(y) = cos(2.25), not cos(1.5).
    (_, _, _), (_, dz_dy, dz_dx) = core.chain_rule([HAND["cube"], HAND["sine"]], 1.5)
    assert dz_dy == pytest.approx(math.cos(1.5**3))
    assert dz_dx == pytest.approx(3 * 1.5**2 * math.cos(1.5**3))


SHAPES = {"linear": lambda t: t, "square": lambda t: t * t, "sine": math.sin,
          "sigmoid": lambda t: 1 / (1 + math.exp(-t))}


@pytest.mark.parametrize("inner", list(SHAPES))
@pytest.mark.parametrize("outer", list(SHAPES))
def test_chain_at_matches_a_nudge_of_the_composite(inner, outer):
    a, b, x = 1.5, -0.5, 0.7
    links = core.chain(inner, a, outer, b)
    f = lambda t: a * SHAPES[inner](t)  # noqa: E731
    g = lambda t: b * SHAPES[outer](t)  # noqa: E731
    at = links.at(x)
    assert at["z"] == pytest.approx(g(f(x)))
    assert at["dy_dx"] == pytest.approx(nudge(f, x), abs=1e-8)
    assert at["dz_dy"] == pytest.approx(nudge(g, f(x)), abs=1e-8)
    assert at["dz_dx"] == pytest.approx(nudge(lambda t: g(f(t)), x), abs=1e-8)
    assert at["numeric_dz_dx"] == pytest.approx(at["dz_dx"], abs=1e-8)
    assert at["abs_error"] < 1e-8


def test_the_lecture_table_from_the_learners_lists():
    table = core.ChainTable([2, 3, 4, 5, 6], [4, 6, 8, 10, 12], [12, 18, 24, 30, 36])
    assert table.column("x") == [2, 3, 4, 5, 6]
    assert table.column("Δy/Δx")[1:] == [2] * 4
    assert table.column("Δz/Δy")[1:] == [3] * 4
    assert table.column("Δz/Δx")[1:] == [6] * 4
    text = repr(table)
    assert text.splitlines()[0].split() == ["x", "y", "z", "Δy/Δx", "Δz/Δy", "Δz/Δx"]
    assert "6  12  36  2      3      6" in text
    page = table._repr_html_()
    assert page.count("<tr>") == 6 and ">36</td>" in page and "<code>" not in page


def test_a_chains_table_is_the_table_of_its_rows():
    table = core.chain().table(x=4.0, spacing=1.0, rows=5)
    assert table.column("z") == [12, 18, 24, 30, 36]
    assert table.title == "y = f(x) = 2*x,  z = g(y) = 3*y"
    assert "<code>y = f(x) = 2*x" in table._repr_html_()


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


def test_link_table_shows_the_learners_numbers():
    table = core.LinkTable([("x", 1.5), ("y = x**2", 2.25, 3.0, 3.0),
                            ("z = sin(y)", math.sin(2.25), math.cos(2.25), -1.8845208684)])
    lines = repr(table).splitlines()
    assert lines[0].split() == ["link", "value", "local", "slope", "running", "product"]
    assert lines[2].split() == ["x", "1.5"]
    assert lines[3].split() == ["y", "=", "x**2", "2.25", "3", "3"]
    assert lines[4].split()[-3:] == [f"{math.sin(2.25):.10g}", f"{math.cos(2.25):.10g}",
                                     "-1.884520868"]


@pytest.mark.parametrize("call, word", [
    (lambda: core.chain("cube"), "inner must be one of"),
    (lambda: core.chain(a=float("inf")), "a must be a finite number"),
    (lambda: core.chain().table(spacing=0), "spacing must be > 0"),
    (lambda: core.chain().table(rows=1), "rows must be >= 2"),
    (lambda: core.chain().at("4"), "x must be a real number"),
    (lambda: core.chain_rule([], 1.0), "links must be a non-empty list"),
    (lambda: core.chain_rule([(math.sin,)], 1.0), r"links\[0\] must be a \(function, deriv"),
    (lambda: core.chain_rule([(math.exp, math.exp)], 1e3), r"links\[0\] overflows at its"),
    (lambda: core.chain_rule([(lambda t: t * 1e300, lambda t: 1e300)], 1e10),
     r"the value of links\[0\] must be a finite number"),
    (lambda: core.ChainTable([1, 1], [1, 2], [1, 2]), "xs must not repeat"),
    (lambda: core.ChainTable([1, 2], [1, 2, 3], [1, 2]), r"ys must have shape \(2,\)"),
    (lambda: core.LinkTable([("x", 1.0)]), "rows must be a list"),
    (lambda: core.LinkTable([("x", 1.0), ("y", 1.0, 2.0)]), r"rows\[1\] must be \(link"),
    (lambda: core.LinkTable([("x", 1.0), ("y", 1.0, 2.0, "2")]), r"rows\[1\]\[3\] must be"),
])
def test_bad_input_names_the_argument(call, word):
    with pytest.raises((TypeError, ValueError), match=word):
        call()
