"""Lesson 1 (lesson_lib/derivative/): the sigmoid, its derivative and the numeric slope."""

import contextlib
import io
import json
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from oracles import output_text as outputs
from oracles import read_notebook
from picture_oracle import assert_shows_the_figure, picture

import lesson_lib as ll
from lesson_lib.core.gradcheck import central_difference
from lesson_lib.derivative import core as core
from lesson_lib.derivative import exercises as exs
from lesson_lib.derivative import figures as figs
from lesson_lib.derivative.figures import TITLES
from lesson_lib.exercises import function_from_code

# == core ==================================================================================
# Lesson 1 core: the grid, the tangent, and the float facts the lesson states.

def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


def test_lesson_grid_is_minus_six_to_six_in_tenths():
    xs = core.lesson_grid()
    assert len(xs) == 121
    assert xs[0] == -6 and xs[-1] == 6 and xs[60] == 0
    assert np.allclose(np.diff(xs), 0.1)


@pytest.mark.parametrize("kwargs, word", [
    ({"spacing": 0}, "spacing must be > 0"),
    ({"low": 1, "high": 0}, "high must be > low"),
    ({"low": "a"}, "low must be a real number"),
])
def test_lesson_grid_rejects_bad_input(kwargs, word):
    with pytest.raises((TypeError, ValueError), match=word):
        core.lesson_grid(**kwargs)


def naive_slope(x):
    """The lesson's s * (1 - s) from the lecture's 1 / (1 + e^-x), as a learner writes it."""
    s = logistic(x)
    return s * (1 - s)


def test_the_floats_the_lesson_states():
    # Written forms overflow beyond ln(largest float) = 709.78, each on one side.
    assert math.log(sys.float_info.max) == pytest.approx(709.78, abs=0.005)
    for call in (lambda: math.exp(1000.0) / (1 + math.exp(1000.0)), lambda: logistic(-1000.0)):
        with pytest.raises(OverflowError):
            call()
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(np.exp(1000.0) / (1 + np.exp(1000.0)))
    # 1 + e^-x rounds to 1 once e^-x <= 2^-53, i.e. from x = 53 ln 2 = 36.74 on.
    edge = 53 * math.log(2)
    assert f"{edge:.2f}" == "36.74"
    assert naive_slope(math.nextafter(edge, 99)) == 0.0 and naive_slope(37.0) == 0.0
    assert naive_slope(36.73) > 0 and naive_slope(36.0) == pytest.approx(2.22e-16, rel=1e-3)
    # The true slope e^-x / (1 + e^-x)^2, and the same at -x (where s is tiny, not 1 - tiny).
    true_37 = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert f"{true_37:.3g}" == "8.53e-17" and naive_slope(-37.0) == pytest.approx(true_37)
    assert ll.sigmoid_prime(37.0) == ll.sigmoid_prime(-37.0) == pytest.approx(true_37)
    # Even the float nearest the true sigma(x) is 1.0 once 1 - sigma(x) < 2^-54: x > 54 ln 2.
    assert f"{54 * math.log(2):.1f}" == "37.4"
    # lesson_lib's slope underflows to 0 only beyond |x| = 745 (smallest float 5e-324).
    assert ll.sigmoid_prime(745.0) > 0 and ll.sigmoid_prime(-746.0) == 0.0


@pytest.mark.parametrize("name", ["sigmoid", "relu", "step"])
@pytest.mark.parametrize("x0", [-2.5, 0.4, 3.0])
def test_tangent_touches_the_curve_with_the_numeric_slope(name, x0):
    from lesson_lib.core.activations import activation

    f, _ = activation(name)
    xs, ys, slope, value = core.tangent(name, x0)
    assert value == f(x0)
    assert slope == pytest.approx(central_difference(f, x0), abs=1e-6)
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(slope)
    assert np.interp(x0, xs, ys) == pytest.approx(value)


def test_tangent_rejects_unknown_activation_and_bad_x():
    with pytest.raises(ValueError, match="name must be one of step, sigmoid, relu"):
        core.tangent("tanh", 0.0)
    with pytest.raises(ValueError, match="x0 must be a finite number"):
        core.tangent("sigmoid", float("nan"))


# == figures ===============================================================================
# Lesson 1 figures draw the numbers they claim, with titles, labels and legends.

def test_lesson_figure_plots_sigma_and_its_slope_on_the_lesson_grid():
    fig = figs.sigmoid_and_derivative()
    ax = fig.axes[0]
    curve, slope = ax.lines[:2]
    xs = np.asarray(curve.get_xdata())
    assert len(xs) == 121 and xs[0] == -6 and xs[-1] == 6
    expected = np.array([1 / (1 + math.exp(-x)) for x in xs])
    assert np.allclose(curve.get_ydata(), expected)
    assert np.allclose(slope.get_ydata(), expected * (1 - expected))
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert len(ax.get_legend().get_texts()) == 2
    assert fig.to_png().startswith(b"\x89PNG")


def test_gallery_shows_three_activations_each_with_its_derivative():
    fig = figs.activation_gallery()
    assert [ax.get_title() for ax in fig.axes] == ["Unit step", "Sigmoid", "ReLU"]
    step_ax = fig.axes[0]
    assert np.all(np.asarray(step_ax.lines[1].get_ydata()) == 0)  # the step's slope
    relu_slope = fig.axes[2].lines[1]
    xs, ys = np.asarray(relu_slope.get_xdata()), np.asarray(relu_slope.get_ydata())
    assert np.all(ys[xs > 0] == 1) and np.all(ys[xs < 0] == 0)


@pytest.mark.parametrize("name, x", [("sigmoid", 0.0), ("sigmoid", -2.0), ("relu", 1.5),
                                     ("step", 3.0)])
def test_tangent_view_draws_point_tangent_and_slope(name, x):
    from lesson_lib.core.activations import activation

    f, _ = activation(name)
    p = figs.TangentView.draw("sigmoid", 1.0)
    p.show(name, x)
    tx, ty = p.tangent.get_data()
    numeric = (f(x + 1e-6) - f(x - 1e-6)) / 2e-6
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(numeric, abs=1e-6)
    assert list(p.point.get_ydata()) == [f(x)]
    assert p.slope_point.get_ydata()[0] == pytest.approx(numeric, abs=1e-6)
    assert f"x = {x:.2f}" in p.left_title.get_text()
    assert f"{numeric:.4f}" in p.right_title.get_text()
    assert p.peak.get_visible() == (name == "sigmoid")


@pytest.mark.parametrize("first, then", [("relu", "sigmoid"), ("sigmoid", "relu")])
def test_tangent_view_labels_stay_inside_when_the_range_changes(first, then):
    view = figs.TangentView.draw(first, 2.0)
    view.show(then, -4.0)
    fig = view.fig
    renderer = fig.canvas.get_renderer()
    boxes = [ax.get_tightbbox(renderer) for ax in fig.axes]
    assert all(b.x0 >= 0 and b.x1 <= fig.bbox.width and b.y1 <= fig.bbox.height
               for b in boxes)
    assert boxes[0].x1 < boxes[1].x0


@pytest.mark.parametrize("name, peak", [("sigmoid", 0.25), ("relu", 1.0), ("step", 0.0)])
def test_slope_panel_is_scaled_to_its_activation(name, peak):
    fig = figs.tangent_view(name, 0.5)
    low, high = fig.axes[1].get_ylim()
    # The derivative's largest value fills most of the panel but stays inside it.
    assert low < 0 and peak < high
    assert high < 2 * max(peak, 0.6)


def test_axes_carrying_outputs_and_slopes_say_so():
    for fig in (figs.activation_gallery(), figs.sigmoid_and_derivative()):
        assert "slope" in fig.axes[0].get_ylabel()


# == app ===================================================================================
# The tangent explorer, driven headless: move its controls, read what it shows.

def test_starts_on_the_sigmoid_at_one():
    app = ll.derivative.apps.tangent_explorer()
    assert app.controls["activation"].value == "sigmoid"
    assert "σ(x) = 0.7311" in app.readout.value
    assert app.picture.frame().startswith(b"\x89PNG")


def test_moving_x_moves_point_tangent_and_readout():
    app = ll.derivative.apps.tangent_explorer()
    before = app.picture.overlay
    app.controls["x"].value = -2.0
    s = logistic(-2.0)
    assert f"σ'(x) = {s * (1 - s):.4f}" in app.readout.value
    assert list(app.view.point.get_xdata()) == [-2.0]
    tx, ty = app.view.tangent.get_data()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(s * (1 - s))
    assert app.picture.overlay != before and "x = -2.00" in app.picture.overlay


def test_peak_of_the_slope_is_a_quarter_at_zero():
    app = ll.derivative.apps.tangent_explorer()
    app.controls["x"].value = 0.0
    assert "σ'(x) = 0.2500" in app.readout.value
    assert "σ'(0.00) = 0.2500" in app.view.right_title.get_text()


def test_switching_to_relu_and_step():
    app = ll.derivative.apps.tangent_explorer()
    app.controls["activation"].value = "relu"
    app.controls["x"].value = 2.5
    assert "ReLU(x) = 2.5000" in app.readout.value and "ReLU'(x) = 1.0000" in app.readout.value
    assert np.allclose(app.view.curve.get_ydata(),
                       np.maximum(0, app.view.curve.get_xdata()))
    app.controls["x"].value = 0.0
    assert "corner" in app.readout.value
    app.controls["activation"].value = "step"
    assert "jump" in app.readout.value and "step'(x) = 0.0000" in app.readout.value
    assert not app.view.peak.get_visible()


def test_text_fallback_for_pages_without_a_kernel():
    # the display hook Jupyter calls: a deliberate test of it
    bundle = ll.derivative.apps.tangent_explorer()._repr_mimebundle_()
    assert "Interactive app: TangentExplorer" in bundle["text/plain"]


@pytest.mark.parametrize("kwargs, word", [({"name": "tanh"}, "name must be one of step, sigmoid"),
                                          ({"x": 9}, "x must be between -6 and 6"),
                                          ({"x": "one"}, "x must be a real number")])
def test_bad_arguments_name_the_problem(kwargs, word):
    with pytest.raises((TypeError, ValueError), match=word):
        ll.derivative.apps.tangent_explorer(**kwargs)


@pytest.mark.parametrize("moves", [[("x", 1.9)], [("x", -3.0), ("activation", "relu")],
                                   [("activation", "step"), ("x", 4.2)]])
def test_after_moves_the_page_shows_what_a_fresh_app_shows(moves):
    app = ll.derivative.apps.tangent_explorer()
    for name, value in moves:
        app.controls[name].value = value
        assert_shows_the_figure(app, f"{name} = {value}")
    fresh = ll.derivative.apps.tangent_explorer(app.controls["activation"].value,
                                                app.controls["x"].value)
    shown, expected = picture(app), picture(fresh)
    assert (shown[0] == expected[0]).all() and shown[1:] == expected[1:]


def test_slope_axis_follows_the_activation():
    app = ll.derivative.apps.tangent_explorer()
    assert 0.25 < app.fig.axes[1].get_ylim()[1] < 0.5  # sigma' peaks at 0.25
    app.controls["activation"].value = "relu"
    assert app.fig.axes[1].get_ylim()[1] > 1.0  # ReLU's slope is 1 for x > 0
    app.controls["activation"].value = "sigmoid"
    assert app.fig.axes[1].get_ylim()[1] < 0.5


# == exercises =============================================================================
# Lesson 1 exercises and value checks: right answers pass (checked independently), slips are
# named, and the checks of the lesson's plain-Python values agree with a by-hand oracle.

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def slope(x):
    return logistic(x) * (1 - logistic(x))


def test_expected_answers_follow_from_the_maths():
    assert max(slope(x / 100) for x in range(-600, 601)) == pytest.approx(exs.ex1.expected)
    assert exs.ex3.expected == pytest.approx(0.75 * (1 - 0.75))
    assert slope(exs.ex4.expected) == pytest.approx(0.1, abs=1e-5)
    assert exs.ex4.expected > 0


@pytest.mark.parametrize("ex, right", [(exs.ex1, 0.25), (exs.ex2, "Step"), (exs.ex3, 0.1875),
                                       (exs.ex4, 2.06344)])
def test_right_answers_pass(ex, right):
    assert ex.check(right)


@pytest.mark.parametrize("ex", [exs.ex1, exs.ex2, exs.ex3, exs.ex4])
def test_every_listed_mistake_is_caught_with_its_own_message(ex):
    assert ex.slips, "each exercise lists at least one plausible wrong answer"
    for wrong, why in ex.slips.items():
        feedback = ex.check(wrong)
        assert not feedback and why in repr(feedback)
    assert "Hint:" in repr(ex.hint()) and "Solution:" in repr(ex.solution())


def test_plausible_wrong_answers_are_rejected():
    assert not exs.ex1.check(0.5)
    assert not exs.ex3.check(slope(0.75))  # sigma' applied to the output
    assert not exs.ex4.check(-2.0634)
    assert "No answer yet" in repr(exs.ex4.check(...))


@pytest.mark.parametrize("ex, stated, short", [(exs.ex3, 0.1875, 0.19), (exs.ex4, 2.063, 2.1)])
def test_the_precision_the_question_asks_for_passes_and_less_is_close(ex, stated, short):
    assert "significant figures" in ex.question
    assert ex.check(stated)
    feedback = ex.check(short)
    assert not feedback and "Close" in repr(feedback)


@pytest.mark.parametrize("said", ["Unit step", "unit-step", "the step function", "step(x)",
                                  "Heaviside step", TITLES["step"]])
def test_the_step_is_accepted_under_the_names_the_figure_and_slides_use(said):
    assert exs.ex2.check(said)


@pytest.mark.parametrize("said, slip", [("ReLU", "relu"), ("relu(x)", "relu"),
                                        ("Sigmoid function", "sigmoid"), ("σ", "sigmoid"),
                                        ("logistic", "sigmoid")])
def test_other_names_of_a_wrong_activation_get_its_message(said, slip):
    verdict = exs.ex2.check(said)
    assert not verdict and verdict.message == exs.ex2.slips[slip]


@pytest.mark.parametrize("said", ["tanh", "abc", "", "the"])
def test_a_name_that_is_not_one_of_the_three_says_which_three(said):
    verdict = exs.ex2.check(said)
    assert not verdict and "answer 'step', 'sigmoid' or 'relu'" in verdict.message


def test_ex5_speaks_of_what_lesson_1_has_shown():
    # Lesson 1 shows the slides' der.sigmoid; d.sigmoid (given the output) comes in lesson 2.
    shown = "\n".join("".join(cell["source"]) for cell in json.loads(
        (NOTEBOOKS / "01_sigmoid_derivative.ipynb").read_text())["cells"])
    lesson_2s = re.compile(r"\bd\.sigmoid")
    assert "der.sigmoid" in shown and not lesson_2s.search(shown)
    for message, _ in exs.ex5.slips:
        assert not lesson_2s.search(message)


def test_questions_name_the_lecture_not_the_lesson():
    assert "lesson's" not in exs.ex2.question


# --- The checks of the lesson's plain-Python values, and the two coding exercises ---

def by_hand(x, h=1e-5):
    """Every value the lesson's cells compute at x, written out again with math only."""
    s = logistic(x)
    return {"x": x, "h": h, "step_x": float(x >= 0), "sigma_x": s, "relu_x": max(x, 0.0),
            "dstep_dx": 0.0, "drelu_dx": float(x > 0),
            "sigma_exp_form": math.exp(x) / (1 + math.exp(x)), "sigma_neg_form": s, "s": s,
            "dsigma_dx_quotient": math.exp(-x) / (1 + math.exp(-x)) ** 2,
            "dsigma_dx_difference": s - s * s, "dsigma_dx": s * (1 - s),
            "dsigma_dx_numeric": (logistic(x + h) - logistic(x - h)) / (2 * h)}


@pytest.mark.parametrize("x", [1.0, -0.5, 2.0, 0.0, -6.0, 12.5, 30.0, 37.0, -37.0, 300.0])
def test_values_computed_by_hand_agree_with_the_reference(x):
    namespace = by_hand(x)
    verdict = exs.check_values(namespace)
    assert verdict, verdict.message
    assert exs.check_numeric(namespace), exs.check_numeric(namespace).message


def test_random_inputs_and_steps_agree_too():
    rng = np.random.default_rng(7)
    for x, h in zip(rng.uniform(-40, 40, 200), rng.choice([1e-3, 1e-5, 1e-7], 200), strict=True):
        namespace = by_hand(float(x), float(h))
        assert exs.check_values(namespace) and exs.check_numeric(namespace), (x, h)


def test_the_slope_at_37_is_checked_as_computed_not_as_true():
    # s has rounded to 1.0: the learner's s * (1 - s) is 0 and that is what the formula gives.
    namespace = by_hand(37.0)
    assert namespace["dsigma_dx"] == 0.0 and exs.check_values(namespace, "dsigma_dx")


@pytest.mark.parametrize("name, wrong, words", [
    ("dsigma_dx", lambda v: v["s"] * (1 + v["s"]),
     "it is computed from s (which agrees), so look at how you turned s into dsigma_dx"),
    ("dsigma_dx_difference", lambda v: v["s"] ** 2 - v["s"], "dsigma_dx_difference differs"),
    ("relu_x", lambda v: min(v["x"], 0.0), "relu_x differs: you have 0, expected 2"),
    ("dsigma_dx_quotient", lambda v: math.exp(-v["x"]) / (1 + math.exp(-v["x"])),
     "it is computed from x (which agrees)"),
])
def test_the_first_wrong_value_is_named(name, wrong, words):
    namespace = by_hand(2.0)
    namespace[name] = wrong(namespace)
    verdict = exs.check_values(namespace)
    assert not verdict and verdict.message.startswith(name) and words in verdict.message


def test_a_wrong_s_is_named_before_the_slopes_made_from_it():
    namespace = by_hand(1.0)
    namespace["s"] = 0.7311
    namespace["dsigma_dx"] = namespace["s"] * (1 - namespace["s"])
    assert exs.check_values(namespace).message.startswith("s differs")
    verdict = exs.check_values(namespace, "dsigma_dx")
    assert "and s differs too: check s first" in verdict.message


@pytest.mark.parametrize("slope, words", [
    (lambda x, h: (logistic(x + h) - logistic(x)) / h, "dsigma_dx_numeric differs"),
    (lambda x, h: (logistic(x + h) - logistic(x - h)) / h, "computed from x and h"),
])
def test_a_wrong_central_difference_is_named(slope, words):
    namespace = {"x": 1.0, "h": 1e-5, "dsigma_dx_numeric": slope(1.0, 1e-5)}
    verdict = exs.check_numeric(namespace)
    assert not verdict and words in verdict.message


def test_inputs_the_reference_cannot_use_get_a_sentence():
    assert "h must be > 0" in exs.check_numeric({"x": 1.0, "h": 0.0}).message
    assert "x must be >= -709" in exs.check_numeric({"x": -800.0, "h": 1e-5}).message
    assert "x is 'a', of type str" in exs.check_values({"x": "a"}, "s").message


def test_check_values_knows_every_value_the_lesson_computes():
    assert set(exs.check_values.names) == set(by_hand(0.0)) - {"x", "h", "dsigma_dx_numeric"}


def test_each_coding_reference_agrees_with_an_independent_oracle():
    for case in exs.ex5.cases:  # the slope against a central difference of the sigmoid
        x = case["x"]
        numeric = (logistic(x + 1e-6) - logistic(x - 1e-6)) / 2e-6
        assert exs.sigmoid_prime(x) == pytest.approx(numeric, rel=1e-6, abs=1e-10)
    derivatives = {"sigmoid(x)": lambda x: slope(x), "sin(x)": math.cos, "exp(x)": math.exp,
                   "x**3 - 2*x": lambda x: 3 * x * x - 2,
                   "1/(1 + x**2)": lambda x: -2 * x / (1 + x * x) ** 2}
    for case in exs.ex6.cases:  # the central difference against the true derivative
        true = derivatives[format(case["f"], ".6g")](case["x"])
        got = ll.central_difference(case["f"], case["x"], case["h"])
        assert got == pytest.approx(true, abs=case["h"] ** 2 * 10 + 1e-8)


SOLUTION_5 = "def der_sigmoid(x):\n    e = math.exp(-x)\n    return e / (1 + e) ** 2\n"


SOLUTION_6 = "def cd(f, x, h):\n    return 0.5 * (f(x + h) - f(x - h)) / h\n"


def test_other_correct_code_passes():
    assert exs.ex5.check(function_from_code(SOLUTION_5))
    assert exs.ex6.check(function_from_code(SOLUTION_6))
    for ex in (exs.ex5, exs.ex6):
        verdict = ex.check(function_from_code(ex.solution_code))
        assert verdict and "10 cases you have not seen" in verdict.message


@pytest.mark.parametrize("body, words", [
    ("s = 1 / (1 + math.exp(-x))\n    return 1 - s", "the outer sigma(x)"),
    ("e = math.exp(-x)\n    return e / (1 + e)", "the square of the quotient rule"),
    ("s = 1 / (1 + math.exp(-x))\n    return s**2 - s", "sign flipped"),
    ("return x * (1 - x)", "as in the lecture's der.sigmoid"),
    ("s = 1 / (1 + math.exp(-x))\n    return s * 1 - s", "(s * 1) - s"),
    ("return 1 / (1 + math.exp(-x))", "the height of the curve"),
])
def test_slips_in_der_sigmoid_are_named(body, words):
    verdict = exs.ex5.check(function_from_code(f"def der_sigmoid(x):\n    {body}\n"))
    assert not verdict and words in verdict.message
    assert verdict.message.startswith("dsigma_dx is wrong with the lecture's values")


@pytest.mark.parametrize("body, words", [
    ("(f(x + h) - f(x)) / h", "forward difference"),
    ("(f(x) - f(x - h)) / h", "backward difference"),
    ("(f(x + h) - f(x - h)) / h", "twice the slope"),
    ("(f(x + h) - f(x - h)) / 2 * h", "Python reads a / 2 * h"),
    ("(f(x - h) - f(x + h)) / (2 * h)", "sign flipped"),
])
def test_slips_in_central_difference_are_named(body, words):
    verdict = exs.ex6.check(function_from_code(f"def cd(f, x, h):\n    return {body}\n"))
    assert not verdict and words in verdict.message


def test_a_function_right_only_on_the_lecture_s_case_is_caught_on_an_unseen_one():
    def only_the_sigmoid(f, x, h):
        return slope(x)
    verdict = exs.ex6.check(only_the_sigmoid)
    assert not verdict
    assert "in a case you have not seen (f=1/(1 + x**2), x=" in verdict.message


@pytest.mark.parametrize("function, words", [
    (lambda x: math.log(x), "your function raised ValueError"),
    (lambda x: "abc", "You gave the text 'abc'"),
    (lambda x: None, "returned None"),
    (lambda x, y: 0.0, "the check calls it with 1 argument, (x)"),
    (0.25, "Pass the function itself"),
])
def test_odd_answers_to_the_coding_exercises_get_a_sentence(function, words):
    verdict = exs.ex5.check(function)
    assert not verdict and words in verdict.message


# == notebook ==============================================================================
# The stored lesson 1 notebook: its plain-Python cells, their checks, and the numbers its
# prose cites, against oracles written here.

NB = read_notebook("01_sigmoid_derivative.ipynb")


CODE = [c for c in NB.cells if c.cell_type == "code"]


SHOWN = "\n".join(outputs(c) for c in CODE)


PROSE = "\n".join(c.source for c in NB.cells if c.cell_type == "markdown")


CHECKS = ("check_values(", "check_numeric(")


def cell_defining(name):
    """The source of the first code cell that assigns or defines ``name``."""
    pattern = re.compile(rf"^(def {name}\(|{name} = |{name}, )", re.M)
    return next(c.source for c in CODE if pattern.search(c.source))


def run(source, namespace):
    with contextlib.redirect_stdout(io.StringIO()):
        exec(source, namespace)  # noqa: S102  (the course's own notebook code)
    return namespace


def test_key_numbers_are_in_the_stored_outputs():
    s = logistic(1.0)
    for line in (f"sigma_x = {logistic(2.0):.10f}", f"sigma_neg_form = {s:.10f}",
                 f"dsigma_dx            = {s * (1 - s):.10f}",
                 f"dsigma_dx_numeric = {s * (1 - s):.10f}", "points = 121",
                 "largest gap below 1e-15: True", "largest gap below 1e-10: True",
                 "peak = 0.25", "at_x = 0.0", "dstep_dx = 0\n", "dstep_dx at x = 0 is 5000",
                 "sigmoid_exp_form(1000): OverflowError", "sigmoid(-1000): OverflowError",
                 "sigmoid_stable(1000) = 1\n", "ll.sigmoid_prime(37.0)  = 8.53e-17"):
        assert line in SHOWN, line


def test_the_float_table_shows_the_slope_rounding_to_zero_on_one_side_only():
    rows = {float(line.split()[0]): line.split() for line in SHOWN.splitlines()
            if re.match(r"^\s*-?\d+\.0\s", line)}
    true = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert rows[37.0][1:] == ["1", "0", "0", f"{true:.3g}"]
    assert rows[-37.0][3] == rows[-37.0][4] == f"{true:.3g}"
    assert float(rows[36.0][3]) == pytest.approx(2.22e-16, rel=1e-2)


def test_the_prose_cites_the_numbers_the_code_prints():
    s = logistic(1.0)
    assert f"\\sigma'(1) = {s * (1 - s):.10f}" in PROSE
    assert f"x = 53 \\ln 2 \\approx {53 * math.log(2):.2f}" in PROSE
    assert f"x \\approx {54 * math.log(2):.1f}" in PROSE
    assert f"x > {math.log(np.finfo(float).max):.2f}" in PROSE
    true_37 = math.exp(-37) / (1 + math.exp(-37)) ** 2
    assert f"${true_37 * 1e17:.2f} \\times 10^{{-17}}$" in PROSE
    assert "2.22 \\times 10^{-16}$\ninstead of $2.32 \\times 10^{-16}$" in PROSE
    assert "never 0 in exact arithmetic" in PROSE
    assert "computed from an output that has rounded to 1 it is\nexactly 0" in PROSE
    assert "fewer\nsignificant figures than asked is called \"close\" and is not accepted" in PROSE


def test_every_value_the_lesson_checks_is_computed_in_a_cell_and_checked_after_it():
    for name in ll.derivative.exercises.check_values.names + ("dsigma_dx_numeric",):
        index = next(i for i, c in enumerate(CODE)
                     if re.search(rf"^{name}\b.*= |, {name}\b.* = ", c.source, re.M))
        after = CODE[index + 1]
        assert any(c in after.source for c in CHECKS) and "\n" not in after.source, name
        assert name in after.source or "check_numeric(globals())" in after.source, name


def test_every_stored_check_says_correct_and_every_exercise_not_yet():
    checks = [c for c in CODE if any(k in c.source for k in CHECKS)]
    assert len(checks) == 5
    assert all(outputs(c).startswith("Correct. ") for c in checks)
    exercises = [c for c in CODE if re.search(r"ex\d\.check\(", c.source)]
    assert len(exercises) == 6 and all(outputs(c).startswith("Not yet.") for c in exercises)


@pytest.mark.parametrize("x", [float(x) for x in np.random.default_rng(3).uniform(-30, 30, 12)]
                         + [0.0, 37.0, -37.0])
def test_the_notebook_s_own_code_agrees_with_the_reference_at_other_x(x):
    namespace = run(cell_defining("sigmoid"), {"math": math, "ll": ll})
    namespace = run(cell_defining("step_prime"), namespace | {"x": x})
    for name in ("step_x", "sigma_exp_form", "dsigma_dx"):
        lines = cell_defining(name).splitlines()
        body = "\n".join(line for line in lines if not line.startswith("x = "))
        namespace = run(body, namespace | {"x": x})
    namespace = run(cell_defining("dsigma_dx_numeric"), namespace)
    assert ll.derivative.exercises.check_values(namespace)
    assert ll.derivative.exercises.check_numeric(namespace)
