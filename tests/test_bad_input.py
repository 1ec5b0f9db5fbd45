"""Every public entry point refuses every kind of bad value with a ValueError or TypeError
that names the parameter; extremes give the right value, never a warning or NaN.

The table (ROWS) lists each entry point with good arguments and the kind of each parameter;
each kind has its list of bad values. A public function of lesson_lib.core without a row
fails ``test_every_public_core_function_has_a_row``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import numpy as np
import pytest

import lesson_lib as ll
from lesson_lib.core import (
    activations,
    backward,
    chain,
    checks,
    datasets,
    descent,
    forward,
    gradcheck,
    network,
    report,
    sigmoid,
)

NAN, INF = float("nan"), float("inf")
HUGE = 10**400  # an int no float can hold
NUMBER = [NAN, INF, -INF, HUGE, 1 + 2j, np.complex128(1 + 1j), True, np.bool_(True), "0.1",
          None, [0.1]]
ARRAY = [[NAN, 0.1], [INF, 0.1], ["0.1", "0.2"], [True, False], [np.bool_(True), 0.1],
         [1 + 2j, 0.0], np.array([1 + 1j, 0]), np.array([0.1, 0.2], dtype=object),
         [HUGE, 0.1], "ab", None, [[0.1, 0.2], [0.3]]]
BAD = {
    "number": NUMBER,
    "positive": NUMBER + [0, -0.5],
    "fraction": NUMBER + [0, 1, -0.1, 1.5],
    # a number or an array: each function of x (sigmoid, relu, ...)
    "numarr": NUMBER[:-1] + ARRAY,
    "array": ARRAY + [[]],
    # None is allowed and documented here: the net's own learning rate
    "positive_or_none": [v for v in NUMBER + [0, -0.5] if v is not None],
    "int": [2.5, np.float64(3.0), True, "3", None, NAN, -1, 0, HUGE],
    "int0": [2.5, True, "3", None, NAN, -1, HUGE],
    "seed": [-1, 2.5, True, None, "0"],
    "choice": ["nonsense", 3, None],
    "names": ["nonsense", 3, None, ["w5", "nonsense"]],
    "obj": [3.0, "net"],
    "flag": ["no", 2, None],
    "mapping": [3.0, "ab"],
    "pairs": [3.0, [("b", NAN)], [("b", "x")], []],
    "text": [3.0, None],
}

NET = network.LessonNet()
HISTORY = NET.train(3)
DATA = datasets.moons(40)
CHAIN = chain.chain()


def _square(a):
    return a * a


# name -> (callable, good keyword arguments, {parameter: kind})
ROWS = {}


def row(name, fn, good, kinds):
    ROWS[name] = (fn, good, kinds)


for f in (activations.step, activations.step_prime, activations.sigmoid,
          activations.sigmoid_prime, activations.relu, activations.relu_prime):
    row(f"activations.{f.__name__}", f, {"x": 0.5}, {"x": "numarr"})
row("activations.sigmoid_prime_from_output", activations.sigmoid_prime_from_output,
    {"out": 0.5}, {"out": "numarr"})
row("activations.activation", activations.activation, {"name": "sigmoid"}, {"name": "choice"})
for n in ("factors", "hidden_slopes", "new_values", "slide_comparison", "slide_recipe",
          "after_update", "delta_form", "matrix_gradients", "hidden_paths"):
    row(f"backward.{n}", getattr(backward, n), {"net": None}, {"net": "obj"})
row("backward.chain", backward.chain, {"param": "w5"}, {"param": "choice", "net": "obj"})
row("backward.gradients", backward.gradients, {"params": ("w5",)},
    {"params": "names", "net": "obj"})
row("backward.updates", backward.updates, {"params": ("w5",), "learning_rate": 0.5},
    {"params": "names", "net": "obj", "learning_rate": "positive_or_none"})
for n in ("slide_slip", "gradient_check"):
    row(f"backward.{n}", getattr(backward, n), {"h": 1e-4}, {"net": "obj", "h": "positive"})
row("backward.gradient_check_table", backward.gradient_check_table, {"h": 1e-4},
    {"net": "obj", "h": "positive", "tolerance": "positive"})
row("backward.matrix_form", backward.matrix_form, {}, {"net": "obj", "tolerance": "positive"})
row("chain.Link", chain.Link, {"shape": "linear", "multiplier": 2.0},
    {"shape": "choice", "multiplier": "number"})
row("chain.Chain", chain.Chain,
    {"inner": chain.Link("linear", 1.0), "outer": chain.Link("linear", 1.0)},
    {"inner": "obj", "outer": "obj"})
row("chain.Chain.at", CHAIN.at, {"x": 1.0}, {"x": "number"})
row("chain.Chain.table", CHAIN.table, {"x": 4.0, "spacing": 1.0, "rows": 5},
    {"x": "number", "spacing": "positive", "rows": "int"})
row("chain.ChainTable", chain.ChainTable,
    {"xs": [1.0, 2.0], "ys": [1.0, 2.0], "zs": [1.0, 2.0]},
    {"xs": "array", "ys": "array", "zs": "array", "title": "text"})
row("chain.LinkTable", chain.LinkTable, {"rows": [("x", 1.0), ("y = 2*x", 2.0, 2.0, 2.0)]},
    {"rows": "obj"})
row("chain.chain_rule", chain.chain_rule, {"links": [(abs, abs)], "x": 1.0},
    {"links": "obj", "x": "number"})
row("chain.chain", chain.chain, {}, {"inner": "choice", "a": "number", "outer": "choice",
                                     "b": "number"})
row("datasets.Dataset", datasets.Dataset, {"name": "d", "X": DATA.X, "y": DATA.y},
    {"X": "array", "y": "array"})
row("datasets.Dataset.split", DATA.split, {}, {"test_fraction": "fraction", "seed": "seed"})
for f in (datasets.xor, datasets.moons):
    row(f"datasets.{f.__name__}", f, {"n": 20}, {"n": "int", "noise": "number", "seed": "seed"})
row("datasets.circles", datasets.circles, {"n": 20},
    {"n": "int", "noise": "number", "seed": "seed", "factor": "fraction"})
row("datasets.make", datasets.make, {"name": "xor", "n": 20},
    {"name": "choice", "n": "int", "seed": "seed"})
row("descent.revenue", descent.revenue, {"east": 1.0, "north": 1.0},
    {"east": "numarr", "north": "numarr", "pay": "array"})
row("descent.dollars", descent.dollars, {"amount": 1.0}, {"amount": "number"})
row("descent.revenue_gradient", descent.revenue_gradient, {}, {"pay": "array"})
row("descent.heading", descent.heading, {"angle_deg": 10.0},
    {"angle_deg": "numarr", "miles": "positive"})
for n in ("revenue_at_angle",):
    row(f"descent.{n}", getattr(descent, n), {"angle_deg": 10.0},
        {"angle_deg": "numarr", "miles": "positive", "pay": "array"})
row("descent.best_angle", descent.best_angle, {}, {"pay": "array"})
row("descent.best_route", descent.best_route, {}, {"pay": "array", "miles": "positive"})
for n in ("revenue_on_circle", "revenue_on_circle_slope"):
    row(f"descent.{n}", getattr(descent, n), {"east": 1.0},
        {"east": "numarr", "miles": "positive", "pay": "array"})
row("descent.search_best_east", descent.search_best_east, {"points": 101},
    {"points": "int", "miles": "positive", "pay": "array"})
row("descent.Route", descent.Route, {"name": "r", "east": 1.0, "north": 1.0},
    {"east": "number", "north": "number", "pay": "array"})
row("descent.Bowl", descent.Bowl, {}, {"curve_u": "positive", "curve_v": "positive"})
row("descent.check_learning_rate", descent.check_learning_rate, {"learning_rate": 0.1},
    {"learning_rate": "positive"})
row("descent.gradient_descent", descent.gradient_descent, {"learning_rate": 0.09, "steps": 5},
    {"learning_rate": "positive", "steps": "int0", "start": "array", "bowl": "obj",
     "bound": "positive"})
row("descent.steepest_direction", descent.steepest_direction,
    {"gradient": (4.0, 3.0), "step_deg": 1.0}, {"gradient": "array", "step_deg": "positive"})
row("forward.slide_comparison", forward.slide_comparison, {"values": {}}, {"values": "mapping"})
row("gradcheck.central_difference", gradcheck.central_difference,
    {"f": activations.sigmoid, "x": 0.0}, {"f": "obj", "x": "number", "h": "positive"})
row("gradcheck.numeric_gradient", gradcheck.numeric_gradient,
    {"f": _square, "params": {"a": 1.0}}, {"params": "mapping", "h": "positive"})
row("gradcheck.relative_error", gradcheck.relative_error, {"a": 1.0, "b": 1.0},
    {"a": "number", "b": "number", "floor": "positive"})
row("gradcheck.gradient_check", gradcheck.gradient_check,
    {"f": _square, "params": {"a": 1.0}, "analytic": {"a": 2.0}},
    {"params": "mapping", "analytic": "mapping", "h": "positive"})
row("network.LessonNet", network.LessonNet, {},
    {**{n: "number" for n in network.PARAMS + network.DATA}, "learning_rate": "positive"})
row("network.LessonNet.from_dict", network.LessonNet.from_dict, {"values": {"w1": 0.1}},
    {"values": "mapping"})
row("network.LessonNet.step", NET.step, {}, {"learning_rate": "positive_or_none",
                                              "update_biases": "flag"})
row("network.LessonNet.train", NET.train, {"steps": 3},
    {"steps": "int0", "learning_rate": "positive_or_none", "update_biases": "flag",
     "keep_params": "flag"})
row("network.as_lesson_net", network.as_lesson_net, {"net": None}, {"net": "obj"})
row("network.TrainingHistory.updates_to_reach", HISTORY.updates_to_reach,
    {"target_error": 0.1}, {"target_error": "number"})
row("report.fmt", report.fmt, {"value": 1.0}, {"value": "number", "digits": "int"})
row("report.chain_line", report.chain_line, {"name": "a", "factors": [("b", 1.0)], "result": 1.0},
    {"factors": "pairs", "result": "number"})
row("report.sum_line", report.sum_line, {"name": "a", "terms": [("b", 1.0)], "result": 1.0},
    {"terms": "pairs", "result": "number"})
row("report.update_line", report.update_line,
    {"param": "w5", "old": 1.0, "learning_rate": 0.5, "gradient": 0.1, "new": 0.95},
    {"old": "number", "learning_rate": "number", "gradient": "number", "new": "number"})
row("report.Table", report.Table, {"headers": ["a"], "rows": [[1.0]]}, {"digits": "int"})
row("report.decimals", report.decimals, {"printed": "0.1"}, {"printed": "text"})
for n in ("agreement", "rounded_like"):
    row(f"report.{n}", getattr(report, n), {"printed": "0.1", "exact": 0.1},
        {"printed": "text", "exact": "number"})
row("sigmoid.lesson_grid", sigmoid.lesson_grid, {},
    {"low": "number", "high": "number", "spacing": "positive"})
row("sigmoid.tangent", sigmoid.tangent, {"name": "sigmoid", "x0": 0.5},
    {"name": "choice", "x0": "number", "half_width": "positive"})

# Names a row is not needed for: no argument a learner could get wrong (a pure formatter
# of numbers the package made itself), the checks themselves, or containers.
NO_ROW = {
    "network.Values", "network.TrainingHistory", "report.Lines", "descent.DescentResult",
    *(f"checks.{n}" for n in dir(checks) if not n.startswith("_")),
}
# training.py, matrix.py (and portable.py): being rewritten for deterministic arithmetic;
# their rows follow that work.
PENDING = {"training", "matrix", "portable"}


def _public_core_functions():
    for info in pkgutil.iter_modules(importlib.import_module("lesson_lib.core").__path__):
        if info.name in PENDING:
            continue
        module = importlib.import_module(f"lesson_lib.core.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("_") and callable(value) \
                    and getattr(value, "__module__", None) == module.__name__ \
                    and not (inspect.isclass(value) and issubclass(value, Exception)):
                yield f"{info.name}.{name}"


def test_every_public_core_function_has_a_row():
    missing = [n for n in _public_core_functions() if n not in ROWS and n not in NO_ROW
               and not any(r.startswith(n + ".") for r in ROWS)]
    assert not missing, f"public functions without a bad-input row: {missing}"


def test_every_top_level_function_has_a_row():
    covered = {getattr(fn, "__name__", None) for fn, _, _ in ROWS.values()}
    containers = ("Values", "TrainingHistory")
    top = [n for n in ll.__all__ if callable(getattr(ll, n)) and n not in containers
           and inspect.getmodule(getattr(ll, n)).__name__.rsplit(".", 1)[-1] not in PENDING]
    assert not [n for n in top if n not in covered]


CASES = [(name, param, bad) for name, (_, _, kinds) in ROWS.items()
         for param, kind in kinds.items() for bad in BAD[kind]]


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


@pytest.mark.parametrize("name, param, bad", CASES,
                         ids=[f"{n}-{p}-{_short(b)}" for n, p, b in CASES])
def test_bad_value_is_refused_by_name(name, param, bad):
    fn, good, _ = ROWS[name]
    with pytest.raises((ValueError, TypeError)) as caught:
        fn(**{**good, param: bad})
    # A mapping's or a list's own message may name the item it found wrong instead.
    assert param in str(caught.value) or param in ("values", "params", "analytic"), \
        str(caught.value)


def test_messages_say_what_was_given_and_what_is_allowed():
    with pytest.raises(ValueError, match=r"learning_rate must be > 0, got -0.5"):
        network.LessonNet(learning_rate=-0.5)
    with pytest.raises(ValueError, match=r"w1 must be a finite number, got an integer of about "
                                         r"401 digits"):
        network.LessonNet(w1=HUGE)
    with pytest.raises(TypeError, match=r"x must be numbers \(real, not bool or text\), got "
                                        r"'0.1' \(str\) in it"):
        ll.sigmoid(["0.1", "0.2"])
    with pytest.raises(TypeError, match="seed must be an integer, got None"):
        datasets.moons(seed=None)
    with pytest.raises(ValueError, match="seed must be >= 0, got -1"):
        DATA.split(seed=-1)


# -- extremes: the right value or a clear error, never a warning or NaN -----------------------
@pytest.mark.parametrize("x", [0.5, 10.0, 36.0, 37.0, 40.0, 700.0, 745.0, 1e4, 1e308])
def test_sigmoid_slope_is_symmetric_bit_for_bit(x):
    assert ll.sigmoid_prime(x) == ll.sigmoid_prime(-x)
    xs = np.array([x, -x])
    slopes = ll.sigmoid_prime(xs)
    assert slopes[0] == slopes[1]


def test_sigmoid_slope_far_out_is_tiny_not_zero():
    # sigma'(37) = e^-37 / (1 + e^-37)^2 = 8.533e-17 (math.exp(-37) = 8.533047625744066e-17)
    assert ll.sigmoid_prime(37.0) == pytest.approx(8.533047625744066e-17, rel=1e-12)
    assert ll.sigmoid_prime(800.0) == 0.0  # e^-800 underflows: the true value is below 1e-347


@pytest.mark.parametrize("call, match", [
    (lambda: ll.sigmoid_prime_from_output(2.0), "out must lie between 0 and 1"),
    (lambda: ll.central_difference(ll.sigmoid, 0.0, h=1e-300), "h must be >= 1e-12"),
    (lambda: ll.relative_error(NAN, 1.0), "a must be a finite number"),
    (lambda: network.LessonNet(T1=1e200), "T1 must be between -1e\\+06 and 1e\\+06"),
    (lambda: NET.train(5, learning_rate=1e7), "learning_rate must be <= 1e\\+06"),
    (lambda: sigmoid.lesson_grid(spacing=1e-300), "number of grid points must be <="),
    (lambda: datasets.moons(n=10**12), "n must be <= 1,000,000"),
])
def test_extremes_give_a_clear_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_data_sets_need_both_classes_and_a_training_part():
    X = np.zeros((4, 2))
    with pytest.raises(ValueError, match="y must hold both labels"):
        datasets.Dataset("one class", X, [1, 1, 1, 1])
    with pytest.raises(ValueError, match="y must hold both labels"):
        datasets.Dataset("empty", np.zeros((0, 2)), [])
    with pytest.raises(ValueError, match="X must have shape \\(n, 2\\)"):
        datasets.Dataset("flat", np.zeros(4), [0, 1, 0, 1])
    with pytest.raises(ValueError, match="test_fraction 0.9 leaves no training point"):
        datasets.Dataset("tiny", X, [0, 1, 0, 1]).split(0.9)


def test_largest_lesson_net_gives_finite_numbers():
    big = network.LessonNet(**{n: 1e6 for n in network.PARAMS + network.DATA})
    values = [*big.forward().values(), *big.backward().values()]
    assert np.all(np.isfinite(values))
    assert np.isfinite(big.step().w1)

