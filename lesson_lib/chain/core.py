"""Lesson 2 in numbers: a chain of links, each with its value, its local slope and the
running product of the slopes so far (the chain rule); and the lecture's table of rows.

    y = f(x)    dy/dx = f'(x)
    z = g(y)    dz/dy = g'(y)          (taken at y, where g is, not at x)
    dz/dx = dy/dx * dz/dy              (the running product after the second link)

This is the reference the lesson's exercises check the learner's own code against.
Multipliers, x and the row spacing lie within LIMIT (1e6) in size, as in LessonNet: then
even a square of a square stays far inside a float's range.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..core.activations import sigmoid, sigmoid_prime
from ..core.checks import (
    finite_array,
    finite_number,
    instance_of,
    number_in,
    one_of,
    positive_int,
    positive_number,
)
from ..core.gradcheck import central_difference
from ..core.network import LIMIT, Values
from ..report import Table

# name -> (function, its derivative, how to write it with a variable v)
SHAPES = {
    "linear": (lambda t: t, lambda t: 1.0 + 0.0 * t, "{v}"),
    "square": (lambda t: t**2, lambda t: 2.0 * t, "{v}²"),
    "sine": (np.sin, np.cos, "sin({v})"),
    "sigmoid": (sigmoid, sigmoid_prime, "σ({v})"),
}

MAX_ROWS = 1000  # a table longer than this is a typo, not a table to read


def chain_rule(links: Sequence[tuple[Callable, Callable]], x: float) -> list[tuple]:
    """Walk ``links`` (function, derivative) from ``x``, one row per link.

    Row k is (value, local slope, running product): the link's output, its derivative at
    its own input (the previous link's output), and the product of the slopes so far,
    which is d(value)/dx.
    """
    if isinstance(links, (str, bytes)) or not isinstance(links, Sequence) or not links:
        raise TypeError(f"links must be a non-empty list of (function, derivative) pairs, "
                        f"got {links!r}")
    for k, link in enumerate(links):
        if not (isinstance(link, tuple) and len(link) == 2 and all(map(callable, link))):
            raise TypeError(f"links[{k}] must be a (function, derivative) pair, got {link!r}")
    value, product = finite_number(x, "x"), 1.0
    rows = []
    for k, (function, derivative) in enumerate(links):
        try:
            slope = finite_number(derivative(value), f"the slope of links[{k}]")
            value = finite_number(function(value), f"the value of links[{k}]")
        except OverflowError:  # math.exp and friends raise instead of returning inf
            raise ValueError(f"links[{k}] overflows at its input {value:g}") from None
        product *= slope
        rows.append((value, slope, product))
    return rows


@dataclass(frozen=True)
class Link:
    """One function of the chain: ``multiplier * shape(t)``."""

    shape: str
    multiplier: float

    def __post_init__(self):
        one_of(self.shape, "shape", SHAPES)
        object.__setattr__(self, "multiplier",
                           number_in(self.multiplier, "multiplier", -LIMIT, LIMIT))

    def __call__(self, t):
        return self.multiplier * SHAPES[self.shape][0](t)

    def slope(self, t):
        """The link's derivative at ``t``."""
        return self.multiplier * SHAPES[self.shape][1](t)

    def formula(self, v: str) -> str:
        """The link written with variable ``v``: '2*x', 'sin(y)', '0.5*x²'."""
        body = SHAPES[self.shape][2].format(v=v)
        if self.multiplier == 1:
            return body
        return f"{self.multiplier:g}*{body}"


@dataclass(frozen=True)
class Chain:
    """z = outer(inner(x)): the lecture's y = f(x), z = g(y)."""

    inner: Link
    outer: Link

    def __post_init__(self):
        instance_of(self.inner, "inner", Link)
        instance_of(self.outer, "outer", Link)

    def __call__(self, x):
        return self.outer(self.inner(x))

    def at(self, x: float) -> Values:
        """Values and local slopes at ``x``, and the product checked by a central difference."""
        x = number_in(x, "x", -LIMIT, LIMIT)
        (y, dy_dx, _), (z, dz_dy, dz_dx) = chain_rule(
            [(self.inner, self.inner.slope), (self.outer, self.outer.slope)], x)
        numeric = central_difference(lambda t: float(self(t)), x)
        return Values(x=x, y=y, z=z, dy_dx=dy_dx, dz_dy=dz_dy, dz_dx=dz_dx,
                      numeric_dz_dx=numeric, abs_error=abs(dz_dx - numeric))

    def table(self, x: float = 4.0, spacing: float = 1.0, rows: int = 5) -> ChainTable:
        """Rows of x, y, z centred on ``x`` and ``spacing`` apart, with ratios of differences."""
        x = number_in(x, "x", -LIMIT, LIMIT)
        spacing = positive_number(spacing, "spacing", maximum=LIMIT)
        rows = positive_int(rows, "rows", minimum=2, maximum=MAX_ROWS)
        xs = x + spacing * (np.arange(rows) - (rows - 1) // 2)
        ys = np.asarray(self.inner(xs), dtype=float)
        title = f"y = f(x) = {self.inner.formula('x')},  z = g(y) = {self.outer.formula('y')}"
        return ChainTable(xs, ys, np.asarray(self.outer(ys), dtype=float), title=title)


class ChainTable(Table):
    """The lecture's table: columns x, y, z, and each step's ratio of differences.

    Row k's ratios compare it with row k - 1: dy/dx ~ (y_k - y_{k-1}) / (x_k - x_{k-1}).
    """

    HEADERS = ("x", "y", "z", "Δy/Δx", "Δz/Δy", "Δz/Δx")

    def __init__(self, xs, ys, zs, title: str = ""):
        xs = finite_array(xs, "xs", shape=(None,), min_size=2)
        if len(xs) > MAX_ROWS:
            raise ValueError(f"xs must have at most {MAX_ROWS} rows, got {len(xs)}")
        ys = finite_array(ys, "ys", shape=(len(xs),))
        zs = finite_array(zs, "zs", shape=(len(xs),))
        if not isinstance(title, str):
            raise TypeError(f"title must be a string, got {title!r}")
        if np.any(np.diff(xs) == 0):
            raise ValueError("xs must not repeat a value in neighbouring rows (Δx = 0)")
        self.xs, self.ys, self.zs = xs, ys, zs
        rows = [[_clean(xs[0]), _clean(ys[0]), _clean(zs[0]), "", "", ""]]
        for k in range(1, len(xs)):
            dx, dy, dz = xs[k] - xs[k - 1], ys[k] - ys[k - 1], zs[k] - zs[k - 1]
            rows.append([_clean(xs[k]), _clean(ys[k]), _clean(zs[k]), _clean(dy / dx),
                         _ratio(dz, dy), _clean(dz / dx)])
        super().__init__(self.HEADERS, rows, title=title, digits=6)

    def _repr_html_(self) -> str:
        # Inline styles: an ipywidgets.HTML showing this gets none of the notebook's table CSS.
        cell = 'style="padding: 2px 12px; text-align: right"'
        head = "".join(f"<th {cell}>{html.escape(h)}</th>" for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td {cell}>{html.escape(self._cell(v))}</td>" for v in row)
            + "</tr>" for row in self.rows)
        title = f"<p><code>{html.escape(self.title)}</code></p>" if self.title else ""
        return (f"{title}"
                '<table style="border-collapse: collapse; font-variant-numeric: tabular-nums">'
                f'<thead style="border-bottom: 1px solid #999"><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>")


class LinkTable(Table):
    """The chain rule as a table of links, from numbers the learner computed.

    ``rows`` starts with (name, value) for the start variable, then one (link, value, local
    slope, running product) per link, e.g. ("z = sin(y)", z, dz_dy, dz_dx).
    """

    HEADERS = ("link", "value", "local slope", "running product")

    def __init__(self, rows):
        if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence) or len(rows) < 2:
            raise TypeError(f"rows must be a list: (name, value), then one (link, value, "
                            f"slope, product) per link; got {rows!r}")
        cells = []
        for k, row in enumerate(rows):
            size = 2 if k == 0 else 4
            if not (isinstance(row, (tuple, list)) and len(row) == size
                    and isinstance(row[0], str)):
                what = "(name, value)" if k == 0 else "(link, value, slope, product)"
                raise TypeError(f"rows[{k}] must be {what} with the name as text, got {row!r}")
            numbers = [finite_number(v, f"rows[{k}][{i}]") for i, v in enumerate(row[1:], 1)]
            cells.append([row[0], *numbers, *[""] * (4 - size)])
        super().__init__(self.HEADERS, cells, digits=10)


def _clean(value: float) -> float:
    # 12 significant digits hide float dust like 5.999999999999 from a ratio of differences.
    return float(f"{float(value):.12g}")


def _ratio(top: float, bottom: float):
    # Equal neighbouring y's (a flat inner function) leave dz/dy unreadable from the table.
    return _clean(top / bottom) if bottom != 0 else "undefined"


def chain(inner: str = "linear", a: float = 2.0, outer: str = "linear",
          b: float = 3.0) -> Chain:
    """y = a * inner(x), z = b * outer(y); the lecture's y = 2x, z = 3y by default."""
    one_of(inner, "inner", SHAPES)
    one_of(outer, "outer", SHAPES)
    return Chain(Link(inner, number_in(a, "a", -LIMIT, LIMIT)),
                 Link(outer, number_in(b, "b", -LIMIT, LIMIT)))
