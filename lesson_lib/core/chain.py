"""Lesson 2 in numbers: a composition z = g(f(x)), its table, and its local slopes.

    y = f(x) = a * inner(x)      dy/dx = a * inner'(x)
    z = g(y) = b * outer(y)      dz/dy = b * outer'(y)
    dz/dx = dy/dx * dz/dy        (the chain rule)
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np

from .activations import sigmoid, sigmoid_prime
from .checks import finite_array, finite_number, instance_of, one_of, positive_int, positive_number
from .gradcheck import central_difference
from .network import Values
from .report import Table

# name -> (function, its derivative, how to write it with a variable v)
SHAPES = {
    "linear": (lambda t: t, lambda t: 1.0 + 0.0 * t, "{v}"),
    "square": (lambda t: t**2, lambda t: 2.0 * t, "{v}²"),
    "sine": (np.sin, np.cos, "sin({v})"),
    "sigmoid": (sigmoid, sigmoid_prime, "σ({v})"),
}


MAX_ROWS = 1000  # a table longer than this is a typo, not a table to read


def _noise(value: float) -> float:
    # Two significant figures: the digits after them are rounding noise that varies by machine.
    return float(f"{value:.1e}")


class SlopeCheck(Values):
    """Values in which an analytic slope and its central difference print with the same digits.

    A central difference is good to about 1e-10, so the pair shows 8 significant figures
    (more would vary by machine); the abs_error line gives the gap. Other values show 10.
    """

    PAIRED_DIGITS = 8

    def __init__(self, *args, paired=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.paired = frozenset(paired)

    def __repr__(self) -> str:
        width = max((len(k) for k in self), default=0)
        return "\n".join(
            f"{k:<{width}} = {v:.{self.PAIRED_DIGITS if k in self.paired else 10}g}"
            for k, v in self.items())


@dataclass(frozen=True)
class Link:
    """One function of the chain: ``multiplier * shape(t)``."""

    shape: str
    multiplier: float

    def __post_init__(self):
        one_of(self.shape, "shape", SHAPES)
        object.__setattr__(self, "multiplier", finite_number(self.multiplier, "multiplier"))

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

    def at(self, x: float) -> SlopeCheck:
        """Values and local slopes at ``x``, with the chain rule checked by a central difference."""
        x = finite_number(x, "x")
        y = float(self.inner(x))
        z = float(self.outer(y))
        dy_dx = float(self.inner.slope(x))
        dz_dy = float(self.outer.slope(y))
        dz_dx = dy_dx * dz_dy
        numeric = central_difference(lambda t: float(self(t)), x)
        return SlopeCheck(x=x, y=y, z=z, dy_dx=dy_dx, dz_dy=dz_dy, dy_dx_times_dz_dy=dz_dx,
                          numeric_dz_dx=numeric, abs_error=_noise(abs(dz_dx - numeric)),
                          paired=("dy_dx_times_dz_dy", "numeric_dz_dx"))

    def table(self, x: float = 4.0, spacing: float = 1.0, rows: int = 5) -> ChainTable:
        """Rows of x, y, z centred on ``x`` and ``spacing`` apart, with ratios of differences."""
        x = finite_number(x, "x")
        spacing = positive_number(spacing, "spacing")
        rows = positive_int(rows, "rows", minimum=2, maximum=MAX_ROWS)
        xs = x + spacing * (np.arange(rows) - (rows - 1) // 2)
        return ChainTable(self, xs)


class ChainTable(Table):
    """The lecture's table: x, y = f(x), z = g(y), and each step's ratio of differences.

    Row k's ratios compare it with row k - 1: dy/dx ~ (y_k - y_{k-1}) / (x_k - x_{k-1}).
    """

    HEADERS = ("x", "y", "z", "Δy/Δx", "Δz/Δy", "Δz/Δx")

    def __init__(self, chain: Chain, xs):
        self.chain = instance_of(chain, "chain", Chain)
        xs = finite_array(xs, "xs", shape=(None,), min_size=2)
        ys = np.asarray(chain.inner(xs), dtype=float)
        zs = np.asarray(chain.outer(ys), dtype=float)
        self.xs, self.ys, self.zs = xs, ys, zs
        rows = [[_clean(xs[0]), _clean(ys[0]), _clean(zs[0]), "", "", ""]]
        for k in range(1, len(xs)):
            dx, dy, dz = xs[k] - xs[k - 1], ys[k] - ys[k - 1], zs[k] - zs[k - 1]
            rows.append([_clean(xs[k]), _clean(ys[k]), _clean(zs[k]), _clean(dy / dx),
                         _ratio(dz, dy), _clean(dz / dx)])
        title = (f"y = f(x) = {chain.inner.formula('x')},  "
                 f"z = g(y) = {chain.outer.formula('y')}")
        super().__init__(self.HEADERS, rows, title=title, digits=6)

    def read_slopes(self) -> Values:
        """The ratios from the first two rows, the way the lecture reads them off its table."""
        dx, dy, dz = (self.xs[1] - self.xs[0], self.ys[1] - self.ys[0],
                      self.zs[1] - self.zs[0])
        dz_dy = _clean(dz / dy) if dy else math.nan
        return Values(dy_dx=_clean(dy / dx), dz_dy=dz_dy, dz_dx=_clean(dz / dx),
                      dy_dx_times_dz_dy=_clean(dy / dx) * dz_dy)

    def _repr_html_(self) -> str:
        # Inline styles: an ipywidgets.HTML showing this gets none of the notebook's table CSS.
        cell = 'style="padding: 2px 12px; text-align: right"'
        head = "".join(f"<th {cell}>{html.escape(h)}</th>" for h in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td {cell}>{html.escape(self._cell(v))}</td>" for v in row)
            + "</tr>" for row in self.rows)
        return (f"<p><code>{html.escape(self.title)}</code></p>"
                '<table style="border-collapse: collapse; font-variant-numeric: tabular-nums">'
                f'<thead style="border-bottom: 1px solid #999"><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>")


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
    return Chain(Link(inner, a), Link(outer, b))


def lesson_table() -> ChainTable:
    """The lecture's table: x = 2..6, y = 2x, z = 3y."""
    return chain().table(x=4.0, spacing=1.0, rows=5)


def neuron_chain(w: float, x: float, c: float) -> SlopeCheck:
    """out = sigma(w*x + c) as three links of w: u = w*x, h = u + c, out = sigma(h).

    ``c`` is everything else the neuron adds to w*x: its bias and any other inputs' terms.
    dout/dw = du/dw * dh/du * dout/dh = x * 1 * out (1 - out), checked by a central difference.
    """
    w, x, c = finite_number(w, "w"), finite_number(x, "x"), finite_number(c, "c")
    u = w * x
    h = u + c
    out = sigmoid(h)
    du_dw, dh_du, dout_dh = x, 1.0, out * (1.0 - out)
    dout_dw = du_dw * dh_du * dout_dh
    numeric = central_difference(lambda t: sigmoid(t * x + c), w)
    return SlopeCheck(u=u, h=h, out=out, du_dw=du_dw, dh_du=dh_du, dout_dh=dout_dh,
                      dout_dw=dout_dw, numeric_dout_dw=numeric,
                      abs_error=_noise(abs(dout_dw - numeric)),
                      paired=("dout_dw", "numeric_dout_dw"))
