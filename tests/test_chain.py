"""Lesson 2 (lesson_lib/chain/): the chain rule."""

import math
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from oracles import ROUNDING, read_notebook
from oracles import output_text as outputs
from picture_oracle import assert_shows_the_figure

import lesson_lib as ll
from lesson_lib.chain import core as core
from lesson_lib.chain import exercises as exs
from lesson_lib.chain import figures as figs
from lesson_lib.chain.apps import chain_explorer
from lesson_lib.chain.core import chain
from lesson_lib.chain.figures import chain_view
from lesson_lib.exercises import function_from_code

# == core ==================================================================================
# Lesson 2 core: the chain-rule reference and the tables, against hand values and nudging.

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
        assert value == pytest.approx(up_to_k(x), rel=ROUNDING, abs=ROUNDING)
        assert slope == pytest.approx(links[k][1](before), rel=ROUNDING, abs=ROUNDING)
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
    page = table._repr_html_()  # the display hook Jupyter calls: a deliberate test of it
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


# == figures ===============================================================================
# The chain figure draws each function, the table's rows and tangents with the right slopes.

def slope_of(line):
    xs, ys = line.get_data()
    return (ys[1] - ys[0]) / (xs[1] - xs[0])


def test_lesson_view_shows_the_tables_rows_and_slopes_2_3_6():
    view = figs.ChainView.draw()
    fig = view.fig
    inner, outer, composite = view.panels
    assert list(inner.rows.get_xdata()) == [2, 3, 4, 5, 6]
    assert list(inner.rows.get_ydata()) == [4, 6, 8, 10, 12]
    assert list(outer.rows.get_ydata()) == [12, 18, 24, 30, 36]
    assert [slope_of(p.tangent) for p in view.panels] == pytest.approx([2, 3, 6])
    titles = [ax.get_title() for ax in fig.axes]
    assert "y = 2*x" in titles[0] and "dz/dx = 6.0000" in titles[2]
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)
    assert len(fig.legends[0].get_texts()) == 4


def test_redraw_for_a_non_linear_chain():
    view = figs.ChainView.draw()
    view.show(chain("square", 1.0, "sine", 1.0), x=2.0, spacing=0.1)
    inner, outer, composite = view.panels
    assert slope_of(composite.tangent) == pytest.approx(4 * math.cos(4))
    assert slope_of(outer.tangent) == pytest.approx(math.cos(4))
    xs, zs = composite.curve.get_data()
    assert np.allclose(zs, np.sin(np.asarray(xs) ** 2))
    assert list(composite.point.get_ydata()) == pytest.approx([math.sin(4)])
    # The tangent passes through the chosen point.
    tx, ty = outer.tangent.get_data()
    assert np.interp(4.0, tx, ty) == pytest.approx(math.sin(4))


def test_constant_chain_still_draws():
    fig = figs.chain_view("sigmoid", 0.0, "linear", 1.0, x=0.0)
    low, high = fig.axes[0].get_ylim()
    assert low < 0 < high
    assert fig.to_png().startswith(b"\x89PNG")


def test_wide_tick_labels_stay_inside_the_figure_and_clear_of_each_other():
    view = figs.ChainView.draw()
    view.show(chain("sine", -2.5, "square", -3.0), x=-5.5)
    fig = view.fig
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    width, height = fig.bbox.width, fig.bbox.height
    assert all(b.x0 >= 0 and b.x1 <= width and b.y0 >= 0 and b.y1 <= height for b in boxes)
    assert all(left.x1 < right.x0 for left, right in zip(boxes[:-1], boxes[1:], strict=True))


def test_each_title_says_where_its_dot_is():
    # The dot is at x = 4 in the x panels and at y = f(4) = 8 in the outer panel.
    view = figs.ChainView.draw("linear", 2, "linear", 3, x=4.0)
    fig = view.fig
    inner, outer, composite = view.panels
    assert list(outer.point.get_xdata()) == [8.0]
    titles = [ax.get_title() for ax in fig.axes]
    assert "dot at x = 4" in titles[0] and "dot at x = 4" in titles[2]
    assert "dot at y = f(x) = 8" in titles[1]
    assert "chosen x" not in " ".join(t.get_text() for t in fig.legends[0].get_texts())


# == app ===================================================================================
# The chain explorer, driven headless: change links and x, read the table and readout.

def test_starts_on_the_lessons_table():
    app = ll.chain.apps.chain_explorer()
    assert ">36</td>" in app.readout.value and "y = f(x) = 2*x" in app.readout.value
    assert "dy/dx = f'(x) = 2.0000" in app.readout.value
    assert "dz/dy = g'(y) = 3.0000" in app.readout.value
    assert "<b>6.0000</b>" in app.readout.value
    # The table follows the sentences, between them and the picture.
    assert app.readout.value.index("<b>6.0000</b>") < app.readout.value.index("<table")
    assert app.widget.children.index(app.readout) < app.widget.children.index(app.picture)


def test_changing_multipliers_updates_table_and_slopes():
    app = ll.chain.apps.chain_explorer()
    before = app.picture.overlay
    app.controls["a"].value = -1.5
    app.controls["b"].value = 2.0
    assert "dy/dx * dz/dy = <b>-3.0000</b>" in app.readout.value
    assert "y = f(x) = -1.5*x,  z = g(y) = 2*y" in app.readout.value
    assert ">-3</td>" in app.readout.value  # every ratio dz/dx in the table
    assert app.picture.overlay != before


def test_non_linear_links_product_matches_a_nudge():
    app = ll.chain.apps.chain_explorer()
    c = app.controls
    c["inner"].value, c["a"].value = "sigmoid", 2.0
    c["outer"].value, c["b"].value = "square", 1.0
    c["x"].value = 0.5
    s = 1 / (1 + math.exp(-0.5))
    def z(t):
        return (2 / (1 + math.exp(-t))) ** 2
    exact = 2 * (2 * s) * (2 * s * (1 - s))  # g'(y) * f'(x) with y = 2 sigma(x)
    numeric = (z(0.5 + 1e-6) - z(0.5 - 1e-6)) / 2e-6
    assert exact == pytest.approx(numeric)
    assert f"dy/dx * dz/dy = <b>{exact:.4f}</b>" in app.readout.value
    assert f"central difference of z(x): <b>{numeric:.4f}</b>" in app.readout.value
    assert app.view.panels[2].point.get_xdata()[0] == 0.5


def test_smaller_spacing_brings_the_tables_ratio_to_the_slope():
    app = ll.chain.apps.chain_explorer(inner="square", a=1.0, outer="sine", b=1.0, x=1.0)
    app.controls["spacing"].value = 0.001
    assert ">1.001</td>" in app.readout.value
    assert ">1.07" in app.readout.value  # the secant slope, close to 2 cos(1) = 1.0806


@pytest.mark.parametrize("kwargs, word", [({"inner": "cube"}, "inner must be one of"),
                                          ({"a": 7}, "a must be between -3 and 3"),
                                          ({"spacing": 0.5}, "spacing must be one of")])
def test_bad_arguments_name_the_problem(kwargs, word):
    with pytest.raises(ValueError, match=word):
        ll.chain.apps.chain_explorer(**kwargs)


# == app picture ===========================================================================
# The chain explorer draws its lines and titles as SVG over its panels: a full draw's picture.

def test_chain_frames_match_a_full_draw():
    app = chain_explorer()
    moves = [("x", 5.9), ("x", -3.3), ("a", -1.5), ("inner", "sine"), ("outer", "sigmoid"),
             ("b", 0.5), ("spacing", 0.01), ("x", -6.0), ("inner", "square"), ("x", 0.1)]
    for name, value in moves:
        app.controls[name].value = value
        assert_shows_the_figure(app, f"{name} = {value}")


def test_the_apps_titles_name_the_functions_and_change_only_with_a_menu():
    """The numbers are in the readout and the table; the titles say which functions, so a
    slider leaves them (and the bitmap they are in) as they are."""
    app = chain_explorer()
    sent = []
    app.picture.send = lambda content, buffers: sent.append(content)
    titles = [ax.title.get_text() for ax in app.fig.axes]
    assert titles == ["inner: y = a*x", "outer: z = b*y", "composite: z = g(f(x))"]
    bitmap = app.picture.png
    for name, value in (("x", -2.5), ("a", -1.5), ("b", 0.5)):
        app.controls[name].value = value
        assert [ax.title.get_text() for ax in app.fig.axes] == titles
        assert app.picture.png == bitmap and not sent, name
    assert "At x = -2.50: y = 3.7500" in app.readout.value  # a = -1.5
    app.controls["inner"].value = "square"  # a new title: a new bitmap, sent as a patch
    assert app.fig.axes[0].title.get_text() == "inner: y = a*x²" and sent
    assert_shows_the_figure(app, "inner square")


def test_the_still_titles_each_panel_with_its_numbers():
    fig = chain_view("square", -3.0, "linear", 3.0, -4.7)
    assert fig.axes[0].title.get_text() == ("inner: y = -3*x²\ndot at x = -4.7\n"
                                            "dy/dx = 28.2000 there")


def test_moving_a_holds_the_scales_while_the_curves_fit():
    app = chain_explorer()  # y = 2x, z = 3y around x = 4
    limits = [ax.get_ylim() for ax in app.fig.axes]
    app.controls["a"].value = 2.5  # steeper: the first move makes room for the next ones
    for ax, part in zip(app.fig.axes, app.view.panels, strict=True):
        low, high = ax.get_ylim()
        assert (high - low) / 8 <= np.ptp(part.curve.get_ydata()) <= (high - low) / 2
    limits = [ax.get_ylim() for ax in app.fig.axes]
    underlay = app.picture.underlay
    app.controls["a"].value = 3.0  # steeper still, and it fits: scales and their SVG stay
    assert [ax.get_ylim() for ax in app.fig.axes] == limits
    assert app.picture.underlay is underlay
    app.controls["a"].value = -3.0  # now the curve leaves the panel: new scales, data inside
    assert app.picture.underlay != underlay
    for ax, part in zip(app.fig.axes, app.view.panels, strict=True):
        low, high = ax.get_ylim()
        ys = part.curve.get_ydata()
        assert low <= ys.min() and ys.max() <= high and np.ptp(ys) >= (high - low) / 8


def test_x_moves_the_dot_within_a_window_that_steps_by_whole_units():
    app = chain_explorer(x=4.0)
    bitmap = app.picture.png
    sent = []
    app.picture.send = lambda content, buffers: sent.append(content)
    for x in (4.1, 4.3, 3.6, 4.5):  # all round to 4: the panels stay, only the lines move
        app.controls["x"].value = x
        assert app.picture.png == bitmap and not sent, x
        assert app.fig.axes[0].get_xlim() == (1.0, 7.0)
        assert app.view.panels[0].point.get_xdata()[0] == x
        assert_shows_the_figure(app, f"x = {x}")
    underlay = app.picture.underlay
    app.controls["x"].value = 4.6  # the window steps on to 5 +- 3: new axes, as SVG
    assert app.picture.underlay != underlay and app.picture.png == bitmap and not sent
    assert app.fig.axes[0].get_xlim() == (2.0, 8.0)
    rows = app.view.panels[0].rows.get_xdata()
    assert 2.0 < min(rows) and max(rows) < 8.0  # the table's rows stay in the window


# == exercises =============================================================================
# Lesson 2 exercises accept the right answer (checked independently) and catch slips.

def test_expected_answers_follow_from_the_maths():
    assert exs.ex1.expected == pytest.approx(nudge(lambda x: 5 * (4 * x), 1.0))
    assert exs.ex2.expected == pytest.approx((8 - 2) / (12 - 3))
    assert exs.ex3.check(nudge(lambda x: math.sin(x * x), 2.0))
    neuron = lambda w: 1 / (1 + math.exp(-(w * 3 - 1.5)))  # noqa: E731
    assert exs.ex4.expected == pytest.approx(nudge(neuron, 0.5))  # asked exactly: 0.75


@pytest.mark.parametrize("ex, right", [(exs.ex1, 20), (exs.ex2, 0.6667), (exs.ex3, -2.6146),
                                       (exs.ex4, 0.75)])
def test_right_answers_pass(ex, right):
    assert ex.check(right)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex2, exs.ex3, exs.ex4])
def test_every_listed_mistake_is_caught_with_its_own_message(ex):
    assert ex.slips
    for wrong, why in ex.slips.items():
        feedback = ex.check(wrong)
        assert not feedback and why in repr(feedback)
    assert "Hint:" in repr(ex.hint()) and "Solution:" in repr(ex.solution())


def test_plausible_wrong_answers_are_rejected():
    assert not exs.ex1.check(4 + 5)
    assert not exs.ex2.check(3 / 2)
    assert not exs.ex3.check(4 * math.cos(2))
    assert not exs.ex4.check(0.25)


@pytest.mark.parametrize("answer, words", [
    (-nudge(lambda x: math.sin(x * x), 2.0), "Mind the sign"),
    (2.615, "Mind the sign"),  # the sign slip as a student typed it
    (4 * math.cos(4 * math.pi / 180), "set to degrees"),
])
def test_ex3_names_the_sign_slip_and_degrees(answer, words):
    verdict = exs.ex3.check(answer)
    assert not verdict and words in verdict.message


@pytest.mark.parametrize("ex, stated, short", [(exs.ex2, 0.6667, 0.67), (exs.ex3, -2.615, -2.6)])
def test_the_precision_the_question_asks_for_passes_and_less_is_close(ex, stated, short):
    assert "significant figures" in ex.question
    assert ex.check(stated) and ex.check(2 / 3 if ex is exs.ex2 else 4 * math.cos(4))
    feedback = ex.check(short)
    assert not feedback and "Close" in repr(feedback)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex4])
def test_exact_answers_are_asked_for_exactly(ex):
    assert "exact" in ex.question


# -- the one-line checks after the lesson's cells ------------------------------------------

def lecture_table(**changes):
    xs = [2, 3, 4, 5, 6]
    ys = [2 * x for x in xs]
    zs = [3 * y for y in ys]
    return {"xs": xs, "ys": ys, "zs": zs, "dy_dx": 2.0, "dz_dy": 3.0, "dz_dx": 6.0, **changes}


@pytest.mark.parametrize("changes, words", [
    ({}, "ys and zs follow the slide's y = 2*x and z = 3*y on all 5 rows"),
    ({"xs": [0.5, 1.5], "ys": [1.0, 3.0], "zs": [3.0, 9.0]}, "on all 2 rows"),
])
def test_check_table_accepts_the_slides_table(changes, words):
    verdict = exs.check_table(lecture_table(**changes))
    assert verdict and words in verdict.message


@pytest.mark.parametrize("changes, words", [
    ({"dz_dy": 1 / 3}, "dz_dy differs: you have 0.3333333333, expected 3. It is the change in "
                       "z over the change in y"),
    ({"dz_dy": 1 / 3}, "Is it upside down?"),
    ({"dy_dx": 3.0}, "dy_dx = (ys[1] - ys[0]) / (xs[1] - xs[0])"),
    ({"zs": [16, 24, 32, 40, 48]}, "zs[0] differs: you have 16, expected 3 * ys[0] = 12"),
    ({"ys": [4, 6, 9, 10, 12]}, "ys[2] differs: you have 9, expected 2 * xs[2] = 8"),
    ({"zs": [12, 18]}, "xs, ys and zs have 5, 5 and 2 rows"),
    ({"xs": 3}, "xs is 3, of type int; it should be a list of numbers"),
    ({"ys": ["4", "6"]}, "ys must be numbers"),
    ({"dz_dx": "6"}, "dz_dx is '6', of type str, not a number"),
    ({"dz_dx": math.nan}, "dz_dx is nan"),
])
def test_check_table_names_the_first_value_that_differs(changes, words):
    verdict = exs.check_table(lecture_table(**changes))
    assert not verdict and words in verdict.message


def test_check_table_says_what_is_not_defined_yet():
    namespace = lecture_table()
    del namespace["dz_dx"]
    assert "dz_dx is not defined yet" in exs.check_table(namespace).message
    assert "xs is not defined yet" in exs.check_table({}).message


def curve_cell(x, outer_at_x=False):
    """The lesson's cell for y = x**2, z = sin(y), written out again."""
    y = x**2
    dy_dx = 2 * x
    z = math.sin(y)
    dz_dy = math.cos(x if outer_at_x else y)
    return {"x": x, "y": y, "dy_dx": dy_dx, "z": z, "dz_dy": dz_dy, "dz_dx": dy_dx * dz_dy}


@pytest.mark.parametrize("x", [1.5, -2.3, 0.1, 3.7])
def test_check_curve_agrees_with_the_cell_and_a_central_difference(x):
    verdict = exs.check_curve(curve_cell(x))
    assert verdict, verdict.message
    assert "All 5 values agree" in verdict.message
    assert f"A central difference of z in x gives {nudge(lambda t: math.sin(t * t), x):.6}" \
        in verdict.message


def test_check_curve_catches_the_outer_slope_taken_at_x():
    verdict = exs.check_curve(curve_cell(1.5, outer_at_x=True))
    assert not verdict
    assert verdict.message.startswith("dz_dy differs: you have 0.07073720167, expected "
                                      "-0.6281736227")
    assert "it is computed from y (which agrees)" in verdict.message


def neuron_cell(x1=0.05, x2=0.10, w1=0.15, w2=0.20, b11=0.35, slope_of=None):
    h1 = x1 * w1 + x2 * w2 + b11
    dh1_dw1 = w1 if slope_of == "weight" else x1
    outH1 = 1 / (1 + math.exp(-h1))
    doutH1_dh1 = outH1 if slope_of == "value" else outH1 * (1 - outH1)
    return {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b11": b11, "h1": h1, "dh1_dw1": dh1_dw1,
            "outH1": outH1, "doutH1_dh1": doutH1_dh1, "doutH1_dw1": dh1_dw1 * doutH1_dh1}


def test_check_neuron_on_the_lecture_and_on_other_inputs():
    out = 1 / (1 + math.exp(-0.3775))  # h1 = 0.05*0.15 + 0.10*0.20 + 0.35
    verdict = exs.check_neuron(neuron_cell())
    assert verdict and f"gives {0.05 * out * (1 - out):.8g}, as doutH1_dw1" in verdict.message
    assert exs.check_neuron(neuron_cell(x1=0.7, x2=-0.3, w1=-1.2, w2=0.4, b11=0.1))


@pytest.mark.parametrize("slip, words", [
    ("weight", "dh1_dw1 differs: you have 0.15, expected 0.05"),
    ("value", "doutH1_dh1 differs: you have 0.5932699921, expected 0.2413007086"),
])
def test_check_neuron_names_the_slope_that_differs(slip, words):
    verdict = exs.check_neuron(neuron_cell(slope_of=slip))
    assert not verdict and verdict.message.startswith(words)


# -- the coding exercises -------------------------------------------------------------------

def sigma(t):
    return 1 / (1 + math.exp(-t))


@pytest.mark.parametrize("x", [4.0, -2.5, 0.3, 1.9])
def test_ex5_reference_is_the_closed_form_and_a_nudge(x):
    want = math.cos(x) * sigma(math.sin(x)) * (1 - sigma(math.sin(x)))
    assert exs.ex5.reference(x) == pytest.approx(want, rel=ROUNDING)
    assert want == pytest.approx(nudge(lambda t: sigma(math.sin(t)), x), abs=1e-9)


def test_ex6_reference_matches_the_lesson_network_and_a_nudge():
    import lesson_lib as ll

    net = ll.LessonNet(w5=-0.3, w6=0.8, b21=0.2, T1=0.6)
    forward, backward = net.forward(), net.backward()
    rows = exs.ex6.reference(forward["outH1"], forward["outH2"], -0.3, 0.8, 0.2, 0.6)
    for name in ("y1", "outY1", "E1"):
        assert rows[name] == pytest.approx(forward[name], rel=ROUNDING)
    for name in ("dy1_dw5", "doutY1_dy1", "dE_doutY1", "dE_dw5"):
        assert rows[name] == pytest.approx(backward[name], rel=ROUNDING)

    def e1(w5):
        return 0.5 * (0.6 - sigma(forward["outH1"] * w5 + forward["outH2"] * 0.8 + 0.2)) ** 2
    assert rows["dE_dw5"] == pytest.approx(nudge(e1, -0.3), abs=1e-9)


EX5_SLIPS = [
    ("dy_dx = math.cos(x)          # the inner slope, at x", "dy_dx = 1",
     "You left out the inner link's slope"),
    ("z = 1 / (1 + math.exp(-y))", "z = 1 / (1 + math.exp(-x))",
     "You took the outer slope at x"),
    ("dz_dy = z * (1 - z)", "dz_dy = z", "You multiplied by the sigmoid's value z"),
    ("dz_dy = z * (1 - z)", "dz_dy = y * (1 - y)", "takes the sigmoid's output z"),
    ("return dy_dx * dz_dy", "return dy_dx + dz_dy", "You added the two slopes"),
    ("dy_dx = math.cos(x)", "dy_dx = math.cos(y)", "You took the inner slope at y"),
    ("dy_dx = math.cos(x)", "dy_dx = -math.cos(x)", "the slope of sin(x) is +cos(x)"),
]


@pytest.mark.parametrize("right, wrong, words", EX5_SLIPS)
def test_ex5_names_each_slip_written_as_code(right, wrong, words):
    assert right in exs.ex5.solution_code
    verdict = exs.ex5.check(function_from_code(exs.ex5.solution_code.replace(right, wrong)))
    assert not verdict and words in verdict.message
    assert "dz_dx is wrong with the lecture's values" in verdict.message
    assert "(A central difference of z in x gives -0.142077.)" in verdict.message


EX6_SLIPS = [
    ("dy1_dw5 = outH1", "dy1_dw5 = w5", "the input outH1, not the weight w5"),
    ("doutY1_dy1 = outY1 * (1 - outY1)", "doutY1_dy1 = outY1", "not its value outY1"),
    ("doutY1_dy1 = outY1 * (1 - outY1)",
     "doutY1_dy1 = 1 / (1 + math.exp(-outY1)) * (1 - 1 / (1 + math.exp(-outY1)))",
     "You applied sigma' to outY1"),
    ("doutY1_dy1 = outY1 * (1 - outY1)", "doutY1_dy1 = y1 * (1 - y1)",
     "the slides' d.sigmoid(y1)"),
    ("dE_doutY1 = -(T1 - outY1)", "dE_doutY1 = T1 - outY1", "Mind the sign"),
    ("E1 = 0.5 * (T1 - outY1) ** 2", "E1 = (T1 - outY1) ** 2", "keep the factor 1/2"),
    ("dE_dw5 = dE_doutY1 * doutY1_dy1 * dy1_dw5", "dE_dw5 = dE_doutY1 * dy1_dw5",
     "dE_dw5 misses a factor"),
]


@pytest.mark.parametrize("right, wrong, words", EX6_SLIPS)
def test_ex6_names_each_slip_written_as_code(right, wrong, words):
    assert right in exs.ex6.solution_code
    verdict = exs.ex6.check(function_from_code(exs.ex6.solution_code.replace(right, wrong)))
    assert not verdict and words in verdict.message


def test_a_slip_that_only_shows_on_unseen_cases_is_named_with_its_case():
    right = function_from_code(exs.ex6.solution_code)

    def wrong_for_large_targets(*args):
        rows = right(*args)
        return {**rows, "dE_doutY1": rows["dE_doutY1"] * (2 if args[-1] > 0.5 else 1)}

    verdict = exs.ex6.check(wrong_for_large_targets)
    assert verdict.message.startswith("dE_doutY1 is wrong in a case you have not seen (outH1=")


@pytest.mark.parametrize("ex", [exs.ex5, exs.ex6])
def test_no_answer_raising_and_garbage_get_a_sentence(ex):
    n = len(ex.params)
    for nothing in (lambda *a: None, lambda *a: ...):
        verdict = ex.check(nothing)
        assert not verdict and verdict.message.endswith(".")
    assert "raised ZeroDivisionError" in ex.check(lambda *a: 1 / 0).message
    assert not ex.check(lambda *a: "abc")
    assert f"the check calls it with {n} argument" in ex.check(lambda: 1.0).message


# == notebook ==============================================================================
# The stored lesson 2 notebook: the lesson's computation in plain Python, its numbers, and
# its cells' code agreeing with the reference on inputs the notebook does not use.

CELLS = read_notebook("02_chain_rule.ipynb").cells


CODE = [c for c in CELLS if c.cell_type == "code"]


PROSE = "\n".join(c.source for c in CELLS if c.cell_type == "markdown")


def cell(start: str):
    """The code cell whose source starts with ``start``."""
    return next(c for c in CODE if c.source.startswith(start))


def shown() -> str:
    return "\n".join(outputs(c) for c in CODE)


def test_the_slides_table_and_slopes_are_computed_in_the_notebook():
    table = cell("def f(x):")
    assert "return 2 * x" in table.source and "return 3 * y" in table.source
    assert outputs(table).splitlines() == ["xs = [2, 3, 4, 5, 6]", "ys = [4, 6, 8, 10, 12]",
                                           "zs = [12, 18, 24, 30, 36]"]
    slopes = cell("dy_dx = (ys[1] - ys[0])")
    assert outputs(slopes).splitlines() == ["dy_dx = 2.0", "dz_dy = 3.0", "dz_dx = 6.0"]
    assert "6  12  36  2      3      6" in shown()
    assert "dy_dx * dz_dy = 6.0" in outputs(cell("print(f\"dy_dx * dz_dy"))


def test_the_link_tables_show_independently_computed_numbers():
    text = shown()
    # y = x^2, z = sin(y) at x = 1.5; and the lecture's h1 = 0.05*0.15 + 0.10*0.20 + 0.35.
    z, dz_dy = math.sin(2.25), math.cos(2.25)
    assert f"z = sin(y)  {z:.10g}  {dz_dy:.10g}  {3 * dz_dy:.10g}" in text
    out = 1 / (1 + math.exp(-0.3775))
    assert f"{out:.10g}  {out * (1 - out):.10g}  {0.05 * out * (1 - out):.10g}" in text


def test_every_check_after_a_cell_passes_in_the_stored_run():
    checks = [c for c in CODE if c.source.startswith("ll.chain.exercises.check_")]
    assert len(checks) == 3
    for check in checks:
        assert outputs(check).startswith("Correct."), check.source
    assert "A central difference of z in x gives -1.8845209" in shown()


def test_the_numbers_in_the_prose_are_the_printed_ones():
    text = shown()
    for number in ("-1.84318", "-1.92576", "2.99", "3.01", "0.5932699921", "0.2413007086",
                   "0.01206503543"):
        assert number in PROSE and number in text, number
    assert f"{3 * math.cos(2.25):.4f}" == "-1.8845" and "-1.8845" in PROSE


def run_with(source: str, assignment: str, replacement: str) -> dict:
    assert assignment in source
    namespace = {"math": math, "ll": ll}
    exec(source.replace(assignment, replacement), namespace)  # noqa: S102  (our notebook)
    return namespace


@pytest.mark.parametrize("seed", range(5))
def test_the_curve_cell_agrees_with_the_reference_at_other_points(seed):
    x = random.Random(seed).uniform(-3, 3)
    namespace = run_with(cell("x = 1.5").source, "x = 1.5\n", f"x = {x!r}\n")
    verdict = ll.chain.exercises.check_curve(namespace)
    assert verdict, verdict.message


@pytest.mark.parametrize("seed", range(5))
def test_the_neuron_cell_agrees_with_the_reference_for_other_weights(seed):
    rng = random.Random(seed)
    x1, x2, w1, w2, b11 = (round(rng.uniform(-1, 1), 3) for _ in range(5))
    source = cell("x1, x2 = 0.05, 0.10").source
    namespace = run_with(source, "x1, x2 = 0.05, 0.10\nw1, w2, b11 = 0.15, 0.20, 0.35\n",
                         f"x1, x2 = {x1}, {x2}\nw1, w2, b11 = {w1}, {w2}, {b11}\n")
    verdict = ll.chain.exercises.check_neuron(namespace)
    assert verdict, verdict.message


def test_the_coding_exercises_are_stubs_that_say_not_yet():
    for name, call in (("dz_dx_at", "ex5.check(dz_dx_at)"), ("w5_chain", "ex6.check(w5_chain)")):
        stub = cell(f"def {name}(")
        assert "    ...\n" in stub.source and stub.source.endswith(call)
        assert outputs(stub).startswith("Not yet.")


def test_the_lesson_table_also_renders_as_html():
    table = cell("ll.chain.core.ChainTable(xs, ys, zs)")
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in table.outputs)
