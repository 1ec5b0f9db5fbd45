"""Every public entry point refuses every kind of bad value with a ValueError or TypeError
that names the parameter; extremes give the right value, never a warning or NaN.

The table (ROWS) lists each entry point with good arguments and the kind of each parameter;
each kind has its list of bad values. A public function of lesson_lib.core without a row
fails ``test_every_public_core_function_has_a_row``.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil

import numpy as np
import pytest
from oracles import ROUNDING

import lesson_lib as ll
from lesson_lib import report
from lesson_lib.apps import controls
from lesson_lib.backward import core as backward
from lesson_lib.backward import figures as backward_figures
from lesson_lib.chain import core as chain
from lesson_lib.chain import figures as chain_figures
from lesson_lib.core import activations, checks, gradcheck, matrix, network
from lesson_lib.dataset import apps as dataset_apps
from lesson_lib.dataset import core as datasets
from lesson_lib.dataset import figures as dataset_figures
from lesson_lib.derivative import core as sigmoid
from lesson_lib.derivative import figures as sigmoid_figures
from lesson_lib.descent import core as descent
from lesson_lib.descent import figures as descent_figures
from lesson_lib.figures import network_svg, style
from lesson_lib.forward import core as forward
from lesson_lib.lesson import lessons
from lesson_lib.tensorflow import core as framework
from lesson_lib.training import apps as training_apps
from lesson_lib.training import core as training
from lesson_lib.training import figures as training_figures

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
    "seed": [-1, 2.5, True, None, "0", 2**32, HUGE],
    "choice": ["nonsense", 3, None],
    "names": ["nonsense", 3, None, ["w5", "nonsense"]],
    "obj": [3.0, "net"],
    "flag": ["no", 2, None],
    "mapping": [3.0, "ab"],
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
row("backward.slide_comparison", backward.slide_comparison, {"values": {}},
    {"values": "mapping"})
row("backward.slide_recipe", backward.slide_recipe, {"net": None}, {"net": "obj"})
row("backward.gradient_check", backward.gradient_check, {"h": 1e-4},
    {"values": "mapping", "h": "positive"})
row("backward.gradient_check_table", backward.gradient_check_table, {"h": 1e-4},
    {"values": "mapping", "h": "positive", "tolerance": "positive"})
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
for n in ("loss", "gradient"):
    row(f"descent.Bowl.{n}", getattr(descent.BOWL, n), {"u": 1.0, "v": 1.0},
        {"u": "numarr", "v": "numarr"})
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
    {"f": _square, "params": {"a": 1.0}}, {"f": "obj", "params": "mapping", "h": "positive"})
row("gradcheck.relative_error", gradcheck.relative_error, {"a": 1.0, "b": 1.0},
    {"a": "number", "b": "number", "floor": "positive"})
row("gradcheck.gradient_check", gradcheck.gradient_check,
    {"f": _square, "params": {"a": 1.0}, "analytic": {"a": 2.0}},
    {"f": "obj", "params": "mapping", "analytic": "mapping", "h": "positive"})
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
BAD["headers"] = [3.0, "ab", None, [], [3.0], [["a"]]]
BAD["rows"] = [3.0, "ab", None, ["0.1"], [1.0], [[1.0, 2.0]], [[]]]
row("report.Table", report.Table, {"headers": ["a"], "rows": [[1.0]]},
    {"headers": "headers", "rows": "rows", "title": "text", "digits": "int"})
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
    "network.Values", "network.TrainingHistory", "report.Lines", "report.Text",
    "descent.DescentResult",
    *(f"checks.{n}" for n in dir(checks) if not n.startswith("_")),
}
# Internal kernels, unchecked by design: portable.py's exp, sigmoid and small products run
# inside the inner loops of activations, network, matrix and training, on arrays those have
# already checked at their public entry; a check there would be paid on every update.
INTERNAL = {"portable"}


# -- matrix.py and training.py -----------------------------------------------------------
TRAIN, TEST = DATA.split()
MNET = matrix.MatrixNet.from_lesson()
CLASSIFIER = datasets.classifier(2)
EPOCHS = datasets.train_epochs(CLASSIFIER, TRAIN, 1, 1.0, test=TEST, snapshot_epochs=[0, 1])
SWEEP = training.sweep_learning_rates([0.5, 1.0], 5)
RUNS = datasets.last_bit_runs(TRAIN, [1.0], epochs=1, hidden=2)
NO_ROW.add("datasets.EpochHistory")  # the record train_epochs returns
BAD.update({
    "layers": [3.0, "ab", [], [3.0], [MNET.layers[0].W]],
    "sizes": [[2, 0], [2, 2.5], [2, True], "22", None, [2], [2, 10**6], 3],
    "unit": NUMBER + [-0.1, 1.5],  # an output or target of a sigmoid: 0 to 1
    "rates": ARRAY + [[], [0.5, -1.0], [0.0], [[0.5]], [1e7]],
    "rates_or_none": [v for v in ARRAY + [[], [0.0], [1e7]] if v is not None],  # None: all
    "index": [2.5, True, "0", None, -1, 99],
    "histories": [3.0, "ab", {}, {"a": 3.0}],
    "targets": ARRAY + [[], [0.5, -1.0], [0.0], [[0.5]]],
    "dataset": [3.0, "net", None, DATA.X],
    "classifier": [3.0, "net", None, MNET],  # MNET: 2 outputs
    "epoch_list": [3.0, "1", [1.5], [-1], [True], [99]],
    "callable_or_none": [3.0, "f"],
    "runs": [3.0, "ab", {}, {1.0: (1, 2)}, {1.0: 3.0}, {"x": RUNS[1.0]}],
    "curves": [3.0, "ab", {}, {"a": [NAN]}, {"a": []}, {str(i): [0.1] for i in range(5)}],
    "points_or_none": [v for v in ARRAY + [[]] if v is not None],
})
row("matrix.Layer", matrix.Layer, {"W": [[1.0, 2.0]], "b": [0.0]}, {"W": "array", "b": "array"})
row("matrix.MatrixNet", matrix.MatrixNet, {"layers": MNET.layers}, {"layers": "layers"})
row("matrix.MatrixNet.random", matrix.MatrixNet.random, {"sizes": (2, 2, 1)},
    {"sizes": "sizes", "seed": "seed", "scale": "positive"})
row("matrix.MatrixNet.from_lesson", matrix.MatrixNet.from_lesson, {}, {"net": "obj"})
for n in ("forward", "predict"):
    row(f"matrix.MatrixNet.{n}", getattr(MNET, n), {"x": [0.05, 0.1]}, {"x": "array"})
for n in ("error", "backward"):
    row(f"matrix.MatrixNet.{n}", getattr(MNET, n), {"x": [0.05, 0.1], "t": [0.01, 0.99]},
        {"x": "array", "t": "array"})
row("matrix.MatrixNet.step", MNET.step,
    {"x": [0.05, 0.1], "t": [0.01, 0.99], "learning_rate": 0.5},
    {"x": "array", "t": "array", "learning_rate": "positive", "update_biases": "flag"})
row("training.lesson_summary", training.lesson_summary, {"history": HISTORY}, {"history": "obj"})
row("training.updates_table", training.updates_table, {"histories": {"a": HISTORY}},
    {"histories": "histories", "targets": "targets"})
row("training.train_lesson", training.train_lesson, {"steps": 3},
    {"steps": "int0", "learning_rate": "positive_or_none", "update_biases": "flag",
     "net": "obj"})
row("training.verdict", training.verdict,
    {"errors": [0.1, 0.01], "outY1": 0.02, "outY2": 0.98, "T1": 0.01, "T2": 0.99},
    {"errors": "array", "outY1": "unit", "outY2": "unit", "T1": "unit", "T2": "unit"})
row("training.rises", training.rises, {"errors": [0.1, 0.01]}, {"errors": "array"})
row("training.rate_text", training.rate_text, {"rate": 0.5}, {"rate": "positive"})
for n in ("index", "curve"):
    row(f"training.LearningRateSweep.{n}", getattr(SWEEP, n), {"rate": 0.5}, {"rate": "positive"})
for n in ("final_net", "verdict"):
    row(f"training.LearningRateSweep.{n}", getattr(SWEEP, n), {"i": 0}, {"i": "index"})
row("training.LearningRateSweep.table", SWEEP.table, {"rates": [0.5]}, {"rates": "rates_or_none"})
row("training.sweep_learning_rates", training.sweep_learning_rates, {"rates": [0.5], "steps": 3},
    {"rates": "rates", "steps": "int0", "net": "obj", "update_biases": "flag"})
row("training.slider_sweep", training.slider_sweep, {"steps": 3},
    {"update_biases": "flag", "steps": "int0"})
row("training.train_sample", training.train_sample,
    {"net": MNET, "x": [0.05, 0.1], "t": [0.01, 0.99], "steps": 3, "learning_rate": 0.5},
    {"net": "obj", "x": "array", "t": "array", "steps": "int0", "learning_rate": "positive",
     "update_biases": "flag"})
row("training.matrix_agrees_with_lesson", training.matrix_agrees_with_lesson, {"steps": 3},
    {"steps": "int0", "learning_rate": "positive", "update_biases": "flag",
     "tolerance": "positive"})
row("datasets.predict_proba", datasets.predict_proba, {"net": CLASSIFIER, "X": [[0.1, 0.2]]},
    {"net": "obj", "X": "array"})
for f in (datasets.accuracy, datasets.mean_error):
    row(f"datasets.{f.__name__}", f, {"net": CLASSIFIER, "data": TRAIN},
        {"net": "classifier", "data": "dataset"})
row("datasets.classifier", datasets.classifier, {"hidden": 2}, {"hidden": "int", "seed": "seed"})
row("datasets.train_epochs", datasets.train_epochs,
    {"net": CLASSIFIER, "train": TRAIN, "epochs": 1, "learning_rate": 1.0},
    {"net": "classifier", "train": "dataset", "epochs": "int0", "learning_rate": "positive",
     "test": "obj", "seed": "seed", "update_biases": "flag", "snapshot_epochs": "epoch_list",
     "on_epoch": "callable_or_none"})
for f in (datasets.rates_on_data, datasets.last_bit_runs):
    row(f"datasets.{f.__name__}", f, {"train": TRAIN, "rates": [1.0], "epochs": 1, "hidden": 2},
        {"train": "dataset", "rates": "rates", "hidden": "int", "seed": "seed",
         # rates_on_data reports rises from epoch to epoch: it needs at least one
         "epochs": "int" if f is datasets.rates_on_data else "int0"})
row("datasets.last_bit_nudges", datasets.last_bit_nudges,
    {"train": TRAIN, "learning_rate": 1.0, "nudges": [((0, 0), "up")], "epochs": 1,
     "hidden": 2},
    {"train": "dataset", "learning_rate": "positive", "nudges": "obj", "epochs": "int0",
     "hidden": "int", "seed": "seed"})
row("datasets.last_bit_table", datasets.last_bit_table, {"runs": RUNS}, {"runs": "runs"})
row("datasets.probability_grid", datasets.probability_grid,
    {"net": CLASSIFIER, "bounds": (0.0, 1.0, 0.0, 1.0), "resolution": 3},
    {"net": "classifier", "bounds": "array", "resolution": "int"})
row("datasets.bounds_of", datasets.bounds_of, {"data": TRAIN},
    {"data": "dataset", "margin": "number"})
row("datasets.predict_points", datasets.predict_points,
    {"net": CLASSIFIER, "points": [[0.1, 0.2]]}, {"net": "classifier", "points": "array"})
row("training.train_lesson_loss", training.train_lesson_loss, {"learning_rate": 0.5, "steps": 3},
    {"learning_rate": "positive", "steps": "int0", "loss": "choice", "net": "obj",
     "update_biases": "flag"})
row("training.loss_table", training.loss_table, {"rates": [0.5], "steps": 3},
    {"rates": "rates", "steps": "int"})
row("training.layer_gradients", training.layer_gradients, {"depth": 3, "width": 2},
    {"depth": "int", "width": "int", "seed": "seed"})
row("datasets.untrained", datasets.untrained, {"hidden": 2},
    {"name": "choice", "hidden": "int", "seed": "seed"})
row("datasets.lesson_outputs", datasets.lesson_outputs,
    {"params": network.LESSON_PARAMS, "X": [[0.1, 0.2]]}, {"params": "mapping", "X": "array"})
row("datasets.lesson_accuracy", datasets.lesson_accuracy,
    {"params": network.LESSON_PARAMS, "data": TRAIN}, {"params": "mapping", "data": "dataset"})

# -- the figures and apps on top of training.py (each refuses before it draws) -----------------
_FT, _AT = training_figures, training_apps
_FS, _AD = dataset_figures, dataset_apps
_UNTRAINED = _FS.BoundaryView.draw(*datasets.untrained(hidden=2)[:2], resolution=3)
_EXPLORER = _FT.RateView.draw(SWEEP, 0.5, reference_rates=(0.5,))
row("figures.training.error_curves", _FT.error_curves, {"runs": {"a": [0.3, 0.2]}},
    {"runs": "curves", "target": "positive_or_none"})
row("figures.training.learning_rate_curves", _FT.learning_rate_curves,
    {"sweep": SWEEP, "rates": [0.5]}, {"sweep": "obj", "rates": "rates"})
row("figures.training.rate_explorer", _FT.rate_explorer, {"sweep": SWEEP, "rate": 0.5},
    {"sweep": "obj", "rate": "positive", "reference_rates": "rates"})
row("figures.training.RateView.show", _EXPLORER.show, {"sweep": SWEEP, "rate": 0.5},
    {"sweep": "obj", "rate": "positive"})
row("figures.training.dataset", _FS.dataset, {"train": TRAIN},
    {"train": "dataset", "test": "obj"})
row("figures.training.boundary_snapshots", _FS.boundary_snapshots,
    {"history": EPOCHS, "train": TRAIN, "resolution": 3},
    {"history": "obj", "train": "dataset", "epochs": "epoch_list", "resolution": "int",
     "columns": "int"})
row("figures.training.boundary", _FS.boundary, {"history": EPOCHS, "train": TRAIN, "resolution": 3},
    {"history": "obj", "train": "dataset", "test": "obj", "points": "points_or_none",
     "resolution": "int"})
row("figures.training.BoundaryView.show_point", _UNTRAINED.show_point,
    {"net": CLASSIFIER, "x1": 0.1, "x2": 0.2}, {"net": "obj", "x1": "number", "x2": "number"})
row("figures.training.BoundaryView.show_boundary", _UNTRAINED.show_boundary,
    {"history": EPOCHS, "train": TRAIN}, {"history": "obj", "train": "dataset", "test": "obj"})
row("figures.training.BoundaryView.show_points", _UNTRAINED.show_points, {"train": TRAIN},
    {"train": "dataset", "test": "obj"})
row("figures.training.untrained_view", _FS.untrained_view, {"hidden": 2},
    {"dataset_name": "choice", "hidden": "int", "seed": "seed", "point": "array"})
row("figures.training.last_bit_curves", _FS.last_bit_curves, {"runs": RUNS}, {"runs": "runs"})
row("apps.training.learning_rate_explorer", _AT.learning_rate_explorer, {},
    {"learning_rate": "positive", "update_biases": "flag"})
row("apps.training.LearningRateExplorer", _AT.LearningRateExplorer, {}, {"steps": "int"})
row("apps.training.dataset_trainer", _AD.dataset_trainer, {},
    {"dataset": "choice", "hidden": "int", "learning_rate": "positive", "epochs": "int"})
row("apps.training.DatasetTrainer", _AD.DatasetTrainer, {}, {"seed": "seed"})

# -- figures.descent and figures.style -----------------------------------------------------
_FD = descent_figures
_RUN = descent.gradient_descent(0.09, 5)
_DIRECTION, _DESCENT = _FD.DirectionView.draw(), _FD.DescentView.draw(steps=3)
BAD.update({
    "figsize": ARRAY + [3.0, [0, 5], [1e308, 5], [8, 5, 1]],
    "routes": [3.0, "ab", None, [], ["a"], list(descent.LESSON_ROUTES) * 2],
    "results": [3.0, "ab", None, [], [3.0]],
    "limits": [v for v in ARRAY if v is not None] + [[[0, 1], [0, 1]], [[1, 0], [1e-3, 1]]],
    "descent_rates": ARRAY + [[], [0.5, -1.0], [0.0], [[0.5]], [0.1] * 6],
})
row("figures.style.new_figure", style.new_figure, {},
    {"nrows": "int", "ncols": "int", "figsize": "figsize"})
row("figures.descent.routes_figure", _FD.routes_figure, {}, {"routes": "routes"})
row("figures.descent.direction_figure", _FD.direction_figure, {}, {"angle_deg": "number"})
row("figures.descent.DirectionView.show", _DIRECTION.show, {"angle_deg": 10.0},
    {"angle_deg": "number"})
row("figures.descent.descent_figure", _FD.descent_figure, {"steps": 3},
    {"learning_rate": "positive", "steps": "int0", "start": "array", "bowl": "obj"})
row("figures.descent.loss_limits", _FD.loss_limits, {"results": [_RUN]}, {"results": "results"})
row("figures.descent.DescentView.show", _DESCENT.show, {"result": _RUN},
    {"result": "obj", "limits": "limits"})
row("figures.descent.learning_rates_figure", _FD.learning_rates_figure,
    {"rates": [0.09], "steps": 3}, {"rates": "descent_rates", "steps": "int0", "bowl": "obj"})

# -- the network drawings, the figures apps update, the apps' slider ---------------------------
_AXES = style.new_figure()[1]
_TANGENT = sigmoid_figures.TangentView.draw()
BAD.update({
    "whole": [2.5, np.float64(3.0), True, "3", None, NAN, HUGE],  # any sign allowed
    "errors": ARRAY + [[], [0.3, -0.1]],
})
_NETWORK = {"net": "obj", "edge_values": "mapping", "held": "names"}
row("figures.network_svg.network_svg", network_svg.network_svg, {"net": NET},
    {**_NETWORK, "edge_label": "choice", "title": "text", "values": "mapping", "desc": "text"})
row("figures.network_svg.describe", network_svg.describe, {"net": NET},
    {**_NETWORK, "values": "mapping"})
row("figures.network_svg.draw_network", network_svg.draw_network, {},
    {"net": "obj", "edge_values": "mapping", "edge_label": "choice", "values": "mapping"})
row("figures.network_svg.draw_values", network_svg.draw_values, {"namespace": {}},
    {"namespace": "mapping"})
row("figures.network_svg.history_svg", network_svg.history_svg, {"errors": [0.3, 0.2]},
    {"errors": "errors", "width": "int", "height": "int", "max_points": "int"})
row("figures.network_svg.describe_history", network_svg.describe_history,
    {"errors": [0.3, 0.2]}, {"errors": "errors"})
row("figures.network_svg.stepper_svg", network_svg.stepper_svg,
    {"net": NET, "errors": [0.3, 0.2]},
    {"net": "obj", "errors": "errors", "held": "names", "title": "text", "desc": "text"})
row("figures.network_svg.describe_stepper", network_svg.describe_stepper,
    {"net": NET, "errors": [0.3, 0.2]}, {"net": "obj", "errors": "errors", "held": "names"})
row("figures.backward.gradient_check", backward_figures.gradient_check, {},
    {"values": "mapping", "h": "positive", "tolerance": "positive"})
row("figures.chain.ChainView.show", chain_figures.ChainView.draw().show,
    {"links": CHAIN, "x": 1.0},
    {"links": "obj", "x": "number", "spacing": "positive", "hold": "flag", "numbers": "flag"})
row("figures.sigmoid.TangentView.show", _TANGENT.show, {"name": "sigmoid", "x": 1.0},
    {"name": "choice", "x": "number"})
row("apps.controls.Slider", controls.Slider,
    {"description": "a", "value": 0.5, "low": 0.0, "high": 1.0, "step": 0.1},
    {"description": "text", "value": "number", "low": "number", "high": "number",
     "step": "positive", "decimals": "int0", "unit": "text", "log": "flag", "width": "int"})
row("apps.controls.IntSlider", controls.IntSlider,
    {"description": "n", "value": 3, "low": 1, "high": 5},
    {"description": "text", "value": "int", "low": "whole", "high": "whole", "step": "int",
     "width": "int"})

# -- framework.py: lesson 8's plumbing (none of it needs TensorFlow to refuse a bad value) -----
_LECTURE = {"W1": [[0.15, 0.2], [0.25, 0.3]], "b1": [[0.35], [0.35]],
            "W2": [[0.4, 0.45], [0.5, 0.55]], "b2": [[0.6], [0.6]],
            "x": [[0.05], [0.1]], "t": [[0.01], [0.99]]}
_COSTS = framework.Costs({"a": 2e-6, "b": 1e-6})
row("framework.optional_tensorflow", framework.optional_tensorflow, {}, {"shell": "obj"})
row("framework.numpy_updates", framework.numpy_updates,
    {**_LECTURE, "learning_rate": 0.5, "updates": 1},
    {**dict.fromkeys(_LECTURE, "array"), "learning_rate": "positive", "updates": "int0"})
row("framework.seconds_per_update", framework.seconds_per_update,
    {"run": abs, "updates": 1, "repeats": 1}, {"run": "obj", "updates": "int", "repeats": "int"})
row("framework.Costs.ratio", _COSTS.ratio, {"slow": "a", "fast": "b"},
    {"slow": "choice", "fast": "choice"})
row("framework.measure", framework.measure, {"runs": {"a": abs}, "updates": 1, "repeats": 1},
    {"runs": "mapping", "updates": "int", "repeats": "int"})
row("framework.times", framework.times, {"ratio": 2.0}, {"ratio": "positive"})
row("framework.recorded_graph", framework.recorded_graph, {"function": abs}, {"function": "obj"})
row("framework.side_by_side", framework.side_by_side,
    {"values": {"a": 1.0}, "reference": {"a": 1.0}, "labels": ("x", "y")},
    {"values": "mapping", "reference": "mapping", "labels": "obj", "tolerance": "positive"})


# The rows name a lesson's core module by its short name.
SHORT = {"derivative": "sigmoid", "dataset": "datasets", "tensorflow": "framework"}


def _core_modules():
    """(short name, module): the shared core's modules, then every lesson's core."""
    for info in pkgutil.iter_modules(importlib.import_module("lesson_lib.core").__path__):
        if info.name not in INTERNAL:
            yield info.name, importlib.import_module(f"lesson_lib.core.{info.name}")
    yield "report", importlib.import_module("lesson_lib.report")  # the notebooks' text
    for folder, _ in lessons():
        if importlib.util.find_spec(f"lesson_lib.{folder}.core"):
            yield SHORT.get(folder, folder), importlib.import_module(f"lesson_lib.{folder}.core")


def _public_core_functions():
    for short, module in _core_modules():
        for name, value in vars(module).items():
            if not name.startswith("_") and callable(value) \
                    and getattr(value, "__module__", None) == module.__name__ \
                    and not (inspect.isclass(value) and issubclass(value, Exception)):
                yield f"{short}.{name}"


def test_every_public_core_function_has_a_row():
    missing = [n for n in _public_core_functions() if n not in ROWS and n not in NO_ROW
               and not any(r.startswith(n + ".") for r in ROWS)]
    assert not missing, f"public functions without a bad-input row: {missing}"


def test_every_top_level_function_has_a_row():
    covered = {getattr(fn, "__name__", None) for fn, _, _ in ROWS.values()}
    containers = ("Values", "TrainingHistory")
    top = [n for n in ll.__all__ if callable(getattr(ll, n)) and n not in containers
           and inspect.getmodule(getattr(ll, n)).__name__.rsplit(".", 1)[-1] not in INTERNAL]
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
    assert ll.sigmoid_prime(37.0) == pytest.approx(8.533047625744066e-17, rel=ROUNDING)
    assert ll.sigmoid_prime(800.0) == 0.0  # e^-800 underflows: the true value is below 1e-347


@pytest.mark.parametrize("call, match", [
    (lambda: ll.sigmoid_prime_from_output(2.0), "out must lie between 0 and 1"),
    (lambda: ll.central_difference(ll.sigmoid, 0.0, h=1e-300), "h must be >= 1e-12"),
    (lambda: ll.relative_error(NAN, 1.0), "a must be a finite number"),
    (lambda: network.LessonNet(T1=1e200), "T1 must be between -1e\\+06 and 1e\\+06"),
    (lambda: NET.train(5, learning_rate=1e7), "learning_rate must be <= 1e\\+06"),
    (lambda: network.LessonNet(T1=1e6).train(50, 1e6),
     "learning_rate 1e\\+06 pushed the weights past 1e\\+06 .* within 1 update;"),
    (lambda: network.LessonNet(T1=1e6).train(50, 1e6, keep_params=False),
     "learning_rate 1e\\+06 pushed the weights past 1e\\+06 .* within 50 updates;"),
    (lambda: sigmoid.lesson_grid(spacing=1e-300), "number of grid points must be <="),
    (lambda: sigmoid.lesson_grid(low=-1e308, high=1e308), "number of grid points must be <="),
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


def test_a_float_far_from_the_printed_number_disagrees_without_error():
    assert report.agreement("0.1", 1e308) == "NO"
    assert report.agreement("0.1", -1e308) == "NO"


def test_largest_lesson_net_gives_finite_numbers():
    big = network.LessonNet(**{n: 1e6 for n in network.PARAMS + network.DATA})
    values = [*big.forward().values(), *big.backward().values()]
    assert np.all(np.isfinite(values))
    assert np.isfinite(big.step().w1)


@pytest.mark.parametrize("call, match", [
    (lambda: matrix.Layer([[1e308]], [0.0]), "W must hold numbers between -1e\\+06 and 1e\\+06"),
    (lambda: matrix.Layer([[1.0]], [1e7]), "b must hold numbers between"),
    (lambda: MNET.forward([1e7, 0.0]), "x must hold numbers between"),
    (lambda: matrix.MatrixNet.from_lesson().step([1e6, -1e6], [1e6, 0.0], 1e6),
     "learning_rate 1e\\+06 pushed the weights past 1e\\+06 .* within 1 update"),
    (lambda: matrix.MatrixNet.random((2, 10**4, 1)), "sizes\\[1\\] must be <= 1,000"),
    (lambda: training.sweep_learning_rates(training.SWEEP_RATES, steps=100_000),
     "steps must be <= 49,018 for 102 rates"),
    (lambda: datasets.train_epochs(CLASSIFIER, TRAIN, 10**6, 1.0), "epochs must be <= 100,000"),
    (lambda: framework.numpy_updates(**{**_LECTURE, "x": [[1e6], [1e6]], "t": [[1e6], [0.0]]},
                                     learning_rate=1e6, updates=5),
     "learning_rate 1e\\+06 pushed the weights past 1e\\+06 .* within 5 updates"),
    (lambda: framework.numpy_updates(**{**_LECTURE, "b1": [0.35, 0.35]}, learning_rate=0.5,
                                     updates=1), "b1 must have shape \\(2, 1\\), got \\(2,\\)"),
    (lambda: framework.measure({"a": abs}, {"b": 1}), "updates has no count for 'a'"),
    (lambda: framework.side_by_side({}, {"a": 1.0}, ("x", "y")), "values has no a"),
    (lambda: datasets.lesson_outputs({"w1": 0.1}, [[0.1, 0.2]]), "params must hold all of .* "
     "missing: w2, w3"),
    (lambda: training.loss_table([0.5], steps=0), "steps must be >= 1, got 0"),
    (lambda: datasets.bounds_of(TRAIN, margin=-1.0), "margin must be between 0 and 1e\\+06"),
    (lambda: datasets.predict_points(CLASSIFIER, []), "points must be \\(x1, x2\\) pairs"),
    (lambda: training.verdict([0.1], 1.5, 0.5, 0.01, 0.99), "outY1 must be between 0 and 1"),
    (lambda: datasets.probability_grid(CLASSIFIER, (0, 1, 0, 1), 10**5),
     "resolution must be <= 1,000"),
    (lambda: training_apps.learning_rate_explorer(5000.0),
     "learning_rate must be between 0.01 and 1000"),
    (lambda: dataset_apps.dataset_trainer(epochs=0), "epochs must be >= 1"),
    (lambda: dataset_apps.dataset_trainer(hidden=17), "hidden must be <= 16"),
])
def test_training_extremes_give_a_clear_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# -- descent.py, chain.py and report.py: sizes past 1e6 refused before any overflow ----------
@pytest.mark.parametrize("call, match", [
    (lambda: descent.revenue(1e308, 1.0), "east must be between -1e\\+06 and 1e\\+06, got 1e"),
    (lambda: descent.revenue(1.0, -1e308), "north must be between -1e\\+06 and 1e\\+06"),
    (lambda: descent.revenue(1.0, 1.0, pay=(1e308, 1.0)), "pay must hold numbers between"),
    (lambda: descent.best_route(miles=1e308), "miles must be <= 1e\\+06, got 1e\\+308"),
    (lambda: descent.revenue_on_circle(1.0, miles=1e308), "miles must be <= 1e\\+06"),
    (lambda: descent.revenue_on_circle_slope(1.0, miles=1e308), "miles must be <= 1e\\+06"),
    (lambda: descent.search_best_east(miles=1e308), "miles must be <= 1e\\+06"),
    (lambda: descent.BOWL.loss(1e308, 0.0), "u must be between -1e\\+06 and 1e\\+06"),
    (lambda: descent.BOWL.gradient(0.0, [1.0, -1e308]), "v must hold numbers between"),
    (lambda: descent.Bowl(curve_v=1e308), "curve_v must be <= 1e\\+06"),
    (lambda: CHAIN.at(1e308), "x must be between -1e\\+06 and 1e\\+06"),
    (lambda: CHAIN.table(-1e308), "x must be between -1e\\+06 and 1e\\+06"),
    (lambda: CHAIN.table(spacing=1e308), "spacing must be <= 1e\\+06"),
    (lambda: chain.chain(a=1e308), "a must be between -1e\\+06 and 1e\\+06"),
    (lambda: chain.chain(b=-1e308), "b must be between -1e\\+06 and 1e\\+06"),
    (lambda: chain.Link("square", 1e308), "multiplier must be between"),
])
def test_descent_and_chain_extremes_give_a_clear_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_largest_descent_inputs_give_finite_numbers():
    big = descent.Bowl(1e6, 1e6)
    assert np.all(np.isfinite([big.loss(1e6, -1e6), *big.gradient(1e6, -1e6)]))
    assert np.isfinite(descent.revenue(1e6, -1e6, pay=(1e6, 1e6)))
    assert np.isfinite(descent.best_route(pay=(1e6, 1e6), miles=1e6)["revenue"])
    assert np.isfinite(descent.search_best_east(101, miles=1e6, pay=(1e6, 1e6))["revenue"])


def test_largest_chain_gives_finite_numbers():
    big = chain.chain("square", 1e6, "square", -1e6)
    assert np.all(np.isfinite(list(big.at(1e6).values())))
    table = big.table(1e6, spacing=1e6, rows=chain.MAX_ROWS)
    assert np.all(np.isfinite([table.xs, table.ys, table.zs]))


# -- exercise checks: odd input gives a Feedback sentence, never an exception or a warning -----
@pytest.mark.parametrize("call, words", [
    (lambda: ll.training.exercises.check_run(HUGE), "errors must be a list of real numbers"),
    (lambda: ll.training.exercises.check_run([HUGE, 0.1]), "errors must be a list of real"),
    (lambda: ll.training.exercises.check_run(np.complex128(1 + 1j)), "errors must be a list"),
    (lambda: ll.dataset.exercises.check_epochs(dict(network.LESSON_PARAMS),
                                               dict(network.LESSON_PARAMS), TRAIN, 0.5, 1,
                                               rel_tol=HUGE), "rel_tol must be a finite"),
    (lambda: ll.dataset.exercises.check_epochs(dict(network.LESSON_PARAMS),
                                               dict(network.LESSON_PARAMS), TRAIN, 0.5, 1,
                                               rel_tol=1 + 2j), "rel_tol must be a real number"),
])
def test_exercise_checks_answer_odd_input_with_feedback(call, words):
    feedback = call()
    assert not feedback and words in feedback.message
