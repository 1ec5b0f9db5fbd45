"""Lesson 5, the backward pass: every gradient as its chain-rule product, set beside the slides.

Each function takes a ``LessonNet`` (the lecture's example when omitted) and returns printable
``Lines`` or a ``Table``; the numbers come from ``LessonNet.backward`` and are only arranged here.
"""

from __future__ import annotations

import numpy as np

from .checks import one_of, positive_number
from .gradcheck import gradient_check as _gradient_check
from .gradcheck import relative_error
from .matrix import MatrixNet
from .network import BIASES, PARAMS, WEIGHTS, LessonNet, as_lesson_net
from .report import (
    Lines,
    Table,
    agreement,
    chain_line,
    fmt,
    rounded_like,
    sum_line,
    update_line,
)

# The three chain-rule factors of each parameter's gradient (dy1_db21 and friends are 1).
FACTORS = {
    "w5": ("dE_doutY1", "doutY1_dy1", "dy1_dw5"),
    "w6": ("dE_doutY1", "doutY1_dy1", "dy1_dw6"),
    "w7": ("dE_doutY2", "doutY2_dy2", "dy2_dw7"),
    "w8": ("dE_doutY2", "doutY2_dy2", "dy2_dw8"),
    "w1": ("dE_doutH1", "doutH1_dh1", "dh1_dw1"),
    "w2": ("dE_doutH1", "doutH1_dh1", "dh1_dw2"),
    "w3": ("dE_doutH2", "doutH2_dh2", "dh2_dw3"),
    "w4": ("dE_doutH2", "doutH2_dh2", "dh2_dw4"),
    "b21": ("dE_doutY1", "doutY1_dy1", "dy1_db21"),
    "b22": ("dE_doutY2", "doutY2_dy2", "dy2_db22"),
    "b11": ("dE_doutH1", "doutH1_dh1", "dh1_db11"),
    "b12": ("dE_doutH2", "doutH2_dh2", "dh2_db12"),
}
# A hidden output reaches E_total along two paths, one through each output neuron.
PATHS = {
    "dE1_doutH1": ("dE_doutY1", "doutY1_dy1", "dy1_doutH1"),
    "dE2_doutH1": ("dE_doutY2", "doutY2_dy2", "dy2_doutH1"),
    "dE1_doutH2": ("dE_doutY1", "doutY1_dy1", "dy1_doutH2"),
    "dE2_doutH2": ("dE_doutY2", "doutY2_dy2", "dy2_doutH2"),
}
SUMS = {"dE_doutH1": ("dE1_doutH1", "dE2_doutH1"), "dE_doutH2": ("dE1_doutH2", "dE2_doutH2")}

# Every number the slides' backpropagation pages print: (our name, as printed, where).
SLIDE_NUMBERS = (
    ("dE_doutY1", "0.7413651", "w5 code"),
    ("doutY1_dy1", "0.1868156", "w5 code"),
    ("dy1_dw5", "0.59327", "w5 code"),
    ("dE_dw5", "0.08216704", "w5 code"),
    ("new w5", "0.3589165", "w5 code"),
    ("new w5", "0.3589", "w5 margin"),
    ("dy1_dw6", "0.5968844", "w6 code"),
    ("dE_dw6", "0.08266763", "w6 code"),
    ("new w6", "0.4086662", "w6 code"),
    ("new w6", "0.40866", "w6 margin"),
    ("dE_doutY2", "-0.2170715", "w7 code"),
    ("doutY2_dy2", "0.1755101", "w7 code"),
    ("dy2_dw7", "0.59327", "w7 code"),
    ("new w7", "0.5113", "w7 margin"),
    ("dE_dw5", "0.0821", "output summary"),
    ("dE_dw6", "0.0826", "output summary"),
    ("dE_dw7", "-0.0226", "output summary"),
    ("dE_dw8", "-0.0227", "output summary"),
    ("new w6", "0.4086", "output summary"),
    ("new w8", "0.5613", "output summary"),
    ("dy1_doutH1", "0.4", "w1 code"),
    ("dE1_doutH1", "0.05539942", "w1 code"),
    ("dy2_doutH1", "0.5", "w1 code"),
    ("dE2_doutH1", "-0.01904912", "w1 code"),
    ("dE_doutH1", "0.03635031", "w2 code"),
    ("new w2", "0.1995", "w2 margin"),
    ("dy1_doutH2", "0.45", "w3 code"),
    ("dy2_doutH2", "0.55", "w3 code"),
    ("doutH2_dh2", "0.2406134", "w3 code, as d.outH1_d.h2"),
    ("dh2_dw3", "0.05", "w3 code"),
    ("dE_dw3", "0.0004373186", "w3 code"),
    ("new w3", "0.2497813", "w3 code"),
    ("new w1", "0.1497", "hidden summary"),
    ("new w3", "0.2497", "hidden summary"),
    ("new w4", "0.29956", "hidden summary"),
)


def factors(net: LessonNet | None = None) -> dict[str, float]:
    """Every chain-rule factor of ``net``'s backward pass, plus the bias slopes (all 1)."""
    values = dict(as_lesson_net(net).backward())
    values.update(dy1_db21=1.0, dy2_db22=1.0, dh1_db11=1.0, dh2_db12=1.0)
    return values


def chain(param: str, net: LessonNet | None = None) -> str:
    """dE_d<param> as the product of its three factors, each with its value."""
    one_of(param, "param", PARAMS)
    v = factors(net)
    return chain_line(f"dE_d{param}", [(n, v[n]) for n in FACTORS[param]], v[f"dE_d{param}"])


def gradients(params=WEIGHTS[4:], net: LessonNet | None = None) -> Lines:
    """One chain-rule line per parameter (the output layer's weights by default)."""
    return Lines(chain(p, net) for p in _names(params))


def _names(params) -> tuple[str, ...]:
    """``params`` as parameter names: one name, or a list of them."""
    if isinstance(params, str):
        params = (params,)
    if not hasattr(params, "__iter__"):
        raise TypeError(f"params must be a parameter name or a list of them, got {params!r}")
    return tuple(one_of(p, "params", PARAMS) for p in params)


def hidden_paths(net: LessonNet | None = None) -> Lines:
    """dE_doutH1 and dE_doutH2 as the sum of their two paths, each path as a product."""
    v = factors(net)
    lines = Lines()
    for total, (first, second) in SUMS.items():
        for path in (first, second):
            lines.append(chain_line(path, [(n, v[n]) for n in PATHS[path]], v[path]))
        lines.append(sum_line(total, [(first, v[first]), (second, v[second])], v[total]))
    return lines


def hidden_slopes(net: LessonNet | None = None) -> Lines:
    """The hidden neurons' sigmoid slopes, out * (1 - out)."""
    net = as_lesson_net(net)
    f, v = net.forward(), factors(net)
    return Lines(
        f"doutH{i}_dh{i} = outH{i} x (1 - outH{i}) = {fmt(f[f'outH{i}'])} x "
        f"(1 - {fmt(f[f'outH{i}'])}) = {fmt(v[f'doutH{i}_dh{i}'])}"
        for i in (1, 2)
    )


def updates(params=WEIGHTS[4:], net: LessonNet | None = None,
            learning_rate: float | None = None) -> Lines:
    """param - learning_rate * gradient, written out for each of ``params``."""
    net = as_lesson_net(net)
    params = _names(params)
    new = net.step(learning_rate=learning_rate)
    lr = net.learning_rate if learning_rate is None else learning_rate
    grad = net.gradient()
    return Lines(update_line(p, getattr(net, p), lr, grad[p], getattr(new, p)) for p in params)


def new_values(net: LessonNet | None = None) -> dict[str, float]:
    """Our numbers under the slides' names: every factor, and 'new w5'.. after one update."""
    net = as_lesson_net(net)
    values = factors(net)
    stepped = net.step(update_biases=False)
    values.update({f"new {w}": getattr(stepped, w) for w in WEIGHTS})
    return values


def slide_comparison(net: LessonNet | None = None) -> Table:
    """Each number printed on the slides beside ours, rounded the same way, and a verdict."""
    ours = new_values(net)
    rows = []
    for name, printed, where in SLIDE_NUMBERS:
        exact = ours[name]
        verdict = agreement(printed, exact)
        if verdict == "yes, truncated":
            verdict += f" (rounds to {rounded_like(printed, exact)})"
        rows.append([name, where, printed, fmt(exact), verdict])
    return Table(["quantity", "where on the slides", "slides print", "ours", "agrees?"], rows,
                 title="The slides' numbers beside ours (learning rate 0.5, one update)")


def slide_recipe(net: LessonNet | None = None) -> dict[str, float]:
    """What the slides computed for w3 and w4: dE_doutH1 where dE_doutH2 belongs."""
    net = as_lesson_net(net)
    v = factors(net)
    wrong = {w: v["dE_doutH1"] * v["doutH2_dh2"] * v[f"dh2_d{w}"] for w in ("w3", "w4")}
    return {
        "dE_dw3": wrong["w3"], "dE_dw4": wrong["w4"],
        "new w3": net.w3 - net.learning_rate * wrong["w3"],
        "new w4": net.w4 - net.learning_rate * wrong["w4"],
    }


def _numeric(net: LessonNet, h: float) -> dict[str, float]:
    checked = gradient_check(net, h)
    return {name: row["numeric"] for name, row in checked.items()}


def slide_slip(net: LessonNet | None = None, h: float = 1e-4) -> Lines:
    """The slides' dE_dw3 and dE_dw4 rebuilt from their recipe, beside the correct ones."""
    net = as_lesson_net(net)
    v, slide, numeric = factors(net), slide_recipe(net), _numeric(net, h)
    lines = Lines()
    for w in ("w3", "w4"):
        lines.append("slides:  " + chain_line(
            f"dE_d{w}", [("dE_doutH1", v["dE_doutH1"]), ("doutH2_dh2", v["doutH2_dh2"]),
                         (f"dh2_d{w}", v[f"dh2_d{w}"])], slide[f"dE_d{w}"]))
        lines.append("correct: " + chain(w, net))
        lines.append(f"finite difference (h = {h:g}): dE_d{w} = {fmt(numeric[w])}")
    for w in ("w3", "w4"):
        lines.append("slides:  " + update_line(w, getattr(net, w), net.learning_rate,
                                               slide[f"dE_d{w}"], slide[f"new {w}"]))
        lines.append("correct: " + updates((w,), net)[0])
    return lines


def gradient_check(net: LessonNet | None = None, h: float = 1e-4) -> dict[str, dict]:
    """Every analytic gradient against a central difference of E_total."""
    net = as_lesson_net(net)

    def error(**params):
        return net.with_values(**params).error()

    return _gradient_check(error, net.params, net.gradient(), h=h)


def gradient_check_table(net: LessonNet | None = None, h: float = 1e-4,
                         tolerance: float = 1e-7) -> Table:
    """The gradient check as a table: analytic, numeric, relative error, below tolerance?"""
    tolerance = positive_number(tolerance, "tolerance")
    rows = [[name, row["analytic"], row["numeric"], f"{row['relative_error']:.1e}",
             "yes" if row["relative_error"] < tolerance else "NO"]
            for name, row in gradient_check(net, h).items()]
    return Table(["param", "backprop", "finite difference", "relative error",
                  f"below {tolerance:g}?"], rows,
                 title=f"Gradient check, central differences with h = {h:g}")


def after_update(net: LessonNet | None = None) -> Table:
    """Parameters and E_total before one update, after the slides' and after ours."""
    net = as_lesson_net(net)
    slides = net.step(update_biases=False).with_values(
        **{w: slide_recipe(net)[f"new {w}"] for w in ("w3", "w4")})
    columns = [net, slides, net.step(update_biases=False), net.step(update_biases=True)]
    rows = [[p] + [getattr(c, p) for c in columns] for p in PARAMS]
    rows.append(["E_total"] + [c.error() for c in columns])
    return Table(["", "before", "slides (w3, w4 slip)", "weights only", "weights and biases"],
                 rows, title=f"One update with learning rate {fmt(net.learning_rate)}",
                 digits=9)  # as lesson 4 prints E_total; enough to show the slip in w3, w4


def delta_form(net: LessonNet | None = None) -> Lines:
    """The error signals (deltas) and every gradient as a delta times an input."""
    net = as_lesson_net(net)
    f, v = net.forward(), factors(net)
    lines = Lines([
        chain_line("delta_y1", [("dE_doutY1", v["dE_doutY1"]), ("doutY1_dy1", v["doutY1_dy1"])],
                   v["delta_y1"]),
        chain_line("delta_y2", [("dE_doutY2", v["dE_doutY2"]), ("doutY2_dy2", v["doutY2_dy2"])],
                   v["delta_y2"]),
    ])
    for h, (wa, wb) in ((1, ("w5", "w7")), (2, ("w6", "w8"))):
        lines.append(
            f"delta_h{h} = (delta_y1 x {wa} + delta_y2 x {wb}) x doutH{h}_dh{h} = "
            f"({fmt(v['delta_y1'])} x {fmt(getattr(net, wa))} + ({fmt(v['delta_y2'])}) x "
            f"{fmt(getattr(net, wb))}) x {fmt(v[f'doutH{h}_dh{h}'])} = {fmt(v[f'delta_h{h}'])}")
    inputs = {"w5": ("delta_y1", "outH1"), "w6": ("delta_y1", "outH2"),
              "w7": ("delta_y2", "outH1"), "w8": ("delta_y2", "outH2"),
              "w1": ("delta_h1", "x1"), "w2": ("delta_h1", "x2"),
              "w3": ("delta_h2", "x1"), "w4": ("delta_h2", "x2")}
    known = {**f, "x1": net.x1, "x2": net.x2, **v}
    for w, (delta, source) in inputs.items():
        lines.append(chain_line(f"dE_d{w}", [(delta, v[delta]), (source, known[source])],
                                v[f"dE_d{w}"]))
    for b, delta in zip(BIASES, ("delta_h1", "delta_h2", "delta_y1", "delta_y2"), strict=True):
        lines.append(f"dE_d{b} = {delta} = {fmt(v[delta])}")
    return lines


def matrix_gradients(net: LessonNet | None = None) -> dict[str, float]:
    """The twelve gradients from ``MatrixNet.backward`` (outer products), under lesson names."""
    net = as_lesson_net(net)
    (dW1, db1), (dW2, db2) = MatrixNet.from_lesson(net).backward(
        [net.x1, net.x2], [net.T1, net.T2])[0]
    return {
        "w1": dW1[0, 0], "w2": dW1[0, 1], "w3": dW1[1, 0], "w4": dW1[1, 1],
        "w5": dW2[0, 0], "w6": dW2[0, 1], "w7": dW2[1, 0], "w8": dW2[1, 1],
        "b11": db1[0], "b12": db1[1], "b21": db2[0], "b22": db2[1],
    }


def _matrix(a: np.ndarray) -> list[str]:
    rows = ["[" + ", ".join(f"{fmt(x):>12}" for x in row) + "]" for row in np.atleast_2d(a)]
    return ["  [" + rows[0]] + ["   " + r for r in rows[1:-1]] + ["   " + rows[-1] + "]"]


def matrix_form(net: LessonNet | None = None, tolerance: float = 1e-12) -> Lines:
    """dE_dW = outer(delta, input) per layer, and whether it matches the chain-rule numbers."""
    net = as_lesson_net(net)
    tolerance = positive_number(tolerance, "tolerance")
    model = MatrixNet.from_lesson(net)
    x = [net.x1, net.x2]
    outs = model.forward(x)
    (dW1, db1), (dW2, db2) = model.backward(x, [net.T1, net.T2])[0]
    grad = net.gradient()
    worst = max(relative_error(grad[p], g) for p, g in matrix_gradients(net).items())
    same = "yes" if worst < tolerance else "NO"
    return Lines([
        f"delta_out = db2 = [{fmt(db2[0])}, {fmt(db2[1])}]     (delta_y1, delta_y2)",
        f"outH      =       [{fmt(outs[1][0])}, {fmt(outs[1][1])}]     (outH1, outH2)",
        "dE_dW2 = outer(delta_out, outH) = [[dE_dw5, dE_dw6], [dE_dw7, dE_dw8]] =",
        *_matrix(dW2),
        f"delta_hidden = W2.T @ delta_out * outH * (1 - outH) = db1 = "
        f"[{fmt(db1[0])}, {fmt(db1[1])}]",
        "dE_dW1 = outer(delta_hidden, x) = [[dE_dw1, dE_dw2], [dE_dw3, dE_dw4]] =",
        *_matrix(dW1),
        f"all twelve equal the chain-rule gradients (relative difference < {tolerance:g}): "
        f"{same}",
    ])
