"""Lesson 5, the backward pass: the learner's gradients checked and set beside the slides.

The notebook computes every factor in plain Python; the tables here compare those values
with a finite difference and with the numbers printed on the slides.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core.checks import finite_number, mapping, positive_number
from ..core.gradcheck import gradient_check as _gradient_check
from ..core.network import DATA, PARAMS, LessonNet, as_lesson_net
from ..report import Table, agreement, fmt, rounded_like

MAX_STEP = 1.0  # a finite-difference step larger than the weights measures nothing local

# Every number the slides' backpropagation pages print: (our name, as printed, where).
SLIDE_NUMBERS = (
    ("dE_doutY1", "0.7413651", "w5 code"),
    ("doutY1_dy1", "0.1868156", "w5 code"),
    ("dy1_dw5", "0.59327", "w5 code"),
    ("dE_dw5", "0.08216704", "w5 code"),
    ("new_w5", "0.3589165", "w5 code"),
    ("new_w5", "0.3589", "w5 margin"),
    ("dy1_dw6", "0.5968844", "w6 code"),
    ("dE_dw6", "0.08266763", "w6 code"),
    ("new_w6", "0.4086662", "w6 code"),
    ("new_w6", "0.40866", "w6 margin"),
    ("dE_doutY2", "-0.2170715", "w7 code"),
    ("doutY2_dy2", "0.1755101", "w7 code"),
    ("dy2_dw7", "0.59327", "w7 code"),
    ("new_w7", "0.5113", "w7 margin"),
    ("dE_dw5", "0.0821", "output summary"),
    ("dE_dw6", "0.0826", "output summary"),
    ("dE_dw7", "-0.0226", "output summary"),
    ("dE_dw8", "-0.0227", "output summary"),
    ("new_w6", "0.4086", "output summary"),
    ("new_w8", "0.5613", "output summary"),
    ("dy1_doutH1", "0.4", "w1 code"),
    ("dE1_doutH1", "0.05539942", "w1 code"),
    ("dy2_doutH1", "0.5", "w1 code"),
    ("dE2_doutH1", "-0.01904912", "w1 code"),
    ("dE_doutH1", "0.03635031", "w2 code"),
    ("new_w2", "0.1995", "w2 margin"),
    ("dy1_doutH2", "0.45", "w3 code"),
    ("dy2_doutH2", "0.55", "w3 code"),
    ("doutH2_dh2", "0.2406134", "w3 code, as d.outH1_d.h2"),
    ("dh2_dw3", "0.05", "w3 code"),
    ("dE_dw3", "0.0004373186", "w3 code"),
    ("new_w3", "0.2497813", "w3 code"),
    ("new_w1", "0.1497", "hidden summary"),
    ("new_w3", "0.2497", "hidden summary"),
    ("new_w4", "0.29956", "hidden summary"),
)


def _number(values: Mapping, name: str, what: str) -> float:
    if name not in values:
        raise ValueError(f"{what} needs {name} in values; run the cell that computes it")
    return finite_number(values[name], name)


def slide_comparison(values: Mapping) -> Table:
    """Each number printed on the slides beside the learner's, rounded the same way.

    ``values`` maps the notebook's names (``dE_dw5``, ``new_w5``, ...) to numbers, e.g.
    ``globals()``.
    """
    values = mapping(values, "values")
    rows = []
    for name, printed, where in SLIDE_NUMBERS:
        ours = _number(values, name, "the comparison with the slides")
        verdict = agreement(printed, ours)
        if verdict == "yes, truncated":
            verdict += f" (rounds to {rounded_like(printed, ours)})"
        rows.append([name, where, printed, fmt(ours), verdict])
    return Table(["quantity", "where on the slides", "slides print", "yours", "agrees?"], rows,
                 title="The slides' numbers beside yours (learning rate 0.5, one update)")


def slide_recipe(net: LessonNet | None = None) -> dict[str, float]:
    """What the slides computed for w3 and w4: dE_doutH1 where dE_doutH2 belongs."""
    net = as_lesson_net(net)
    v = net.backward()
    wrong = {w: v["dE_doutH1"] * v["doutH2_dh2"] * v[f"dh2_d{w}"] for w in ("w3", "w4")}
    return {
        "dE_dw3": wrong["w3"], "dE_dw4": wrong["w4"],
        "new_w3": net.w3 - net.learning_rate * wrong["w3"],
        "new_w4": net.w4 - net.learning_rate * wrong["w4"],
    }


def gradient_check(values: Mapping | None = None, h: float = 1e-4) -> dict[str, dict]:
    """The twelve gradients ``dE_d<param>`` in ``values`` against central differences.

    ``values`` (e.g. ``globals()``) holds the gradients to check and, optionally, the
    weights, biases, inputs and targets they belong to (the lecture's where missing); None
    checks the reference's own gradients at the lecture's values.
    """
    h = positive_number(h, "h", maximum=MAX_STEP)
    if values is None:
        net = LessonNet()
        analytic = net.gradient()
    else:
        values = mapping(values, "values")
        net = LessonNet(**{n: _number(values, n, "the gradient check")
                           for n in PARAMS + DATA if n in values})
        analytic = {p: _number(values, f"dE_d{p}", "the gradient check") for p in PARAMS}

    def error(**params):
        return net.with_values(**params).error()

    return _gradient_check(error, net.params, analytic, h=h)


def gradient_check_table(values: Mapping | None = None, h: float = 1e-4,
                         tolerance: float = 1e-7) -> Table:
    """The gradient check as a table: yours, the finite difference, their relative error."""
    tolerance = positive_number(tolerance, "tolerance")
    rows = [[name, row["analytic"], row["numeric"], f"{row['relative_error']:.1e}",
             "yes" if row["relative_error"] < tolerance else "NO"]
            for name, row in gradient_check(values, h).items()]
    return Table(["param", "backprop", "finite difference", "relative error",
                  f"below {tolerance:g}?"], rows,
                 title=f"Gradient check, central differences with h = {h:g}")
