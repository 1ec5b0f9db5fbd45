"""Lesson 4, the forward pass: the numbers the slides print, set beside a learner's own."""

from __future__ import annotations

from collections.abc import Mapping

from ..core.checks import finite_number, mapping
from ..report import Table, agreement, fmt, rounded_like

# (name, as printed, where): R's output (7 significant digits) and the shorter numbers
# written beside the formulas on the same slides.
SLIDE_NUMBERS = (
    ("h1", "0.3775", "R output"),
    ("outH1", "0.59327", "R output"),
    ("outH1", "0.5932", "beside the formula"),
    ("h2", "0.3925", "R output"),
    ("outH2", "0.5968844", "R output"),
    ("outH2", "0.5968", "beside the formula"),
    ("y1", "1.105906", "R output"),
    ("outY1", "0.7513651", "R output"),
    ("outY1", "0.7513", "beside the formula"),
    ("y2", "1.224921", "R output"),
    ("outY2", "0.7729285", "R output"),
    ("outY2", "0.7729", "beside the formula"),
)


def slide_comparison(values: Mapping) -> Table:
    """Each forward value the slides print beside the one in ``values`` (e.g. ``globals()``).

    The verdict says whether the value, rounded to the digits the slide shows, is the
    slide's number ('yes'), is it only when cut off instead of rounded ('no: cut off, not
    rounded', with the rounded number), or is not ('NO').
    """
    mapping(values, "values")
    rows = []
    for name, printed, where in SLIDE_NUMBERS:
        if name not in values:
            rows.append([name, where, printed, "not computed yet", ""])
            continue
        try:
            ours = finite_number(values[name], name)
        except (TypeError, ValueError):
            rows.append([name, where, printed, "not a number", ""])
            continue
        verdict = agreement(printed, ours)
        if verdict == "yes, truncated":
            verdict = f"no: cut off, not rounded ({rounded_like(printed, ours)})"
        rows.append([name, where, printed, fmt(ours, 10), verdict])
    return Table(["value", "on the slides", "slides print", "yours", "agrees?"], rows,
                 title="The slides' forward values beside yours")
