"""The 2-2-2 network as SVG text, for the apps: the browser draws it, sharp at any size.

Same layout as ``figures.network`` (nodes, edges, labels where the matplotlib diagram has
them), written as a few kilobytes of SVG in well under a millisecond, so an app sends it
on every slider move. Each drawing has a ``<title>``; ``describe`` puts the whole drawing
in words, the text alternative an app gives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
from matplotlib.ticker import MaxNLocator

from ..core.checks import finite_array, instance_of, positive_int
from ..core.network import BIASES, LIMIT, PARAMS, LessonNet
from .network import (
    BIAS_OF,
    EDGES,
    FILL,
    HELD_TEXT,
    INPUT_BOX,
    MAX_WIDTH,
    MIN_WIDTH,
    NEURON_BOX,
    NODES,
    OUTPUT_OF,
    TARGET_OF,
    _edge_format,
    _edge_values,
    _held,
)
from .style import PALETTE

SCALE = 60  # SVG units per diagram unit; the diagram spans 14.6 x 8 units
TOP = 34  # room for the title
LABEL_CHAR = 7.7  # the mean width of a 14 px sans-serif character, for a label's white box
WIDTH, HEIGHT = round(14.6 * SCALE), round(8 * SCALE) + TOP
# Class names keep every element short: the whole drawing is a few kilobytes per update.
STYLE = (
    "text{font:14px sans-serif;fill:#000;text-anchor:middle;dominant-baseline:central}"
    ".a{text-anchor:start}.e{text-anchor:end}.b{font-weight:bold}.s{font-size:15px}"
    ".t{font:bold 17px sans-serif}.g{fill:#444}.v{fill:" + PALETTE["vermillion"] + "}"
    f".h{{fill:{HELD_TEXT}}}.l{{stroke:#fff;stroke-width:5px;paint-order:stroke;"
    "stroke-linejoin:round}}.n{stroke:#555;stroke-width:1.5}"
    "line{stroke-linecap:round}"
)
COLOURS = {"p": PALETTE["blue"], "m": PALETTE["vermillion"], "h": PALETTE["grey"]}


def _fmt(value: float | None) -> str:
    return "?" if value is None else f"{value:.4g}"


def _xy(x: float, y: float) -> tuple[float, float]:
    """Diagram units (y up) to SVG units (y down, below the title)."""
    return round(x * SCALE), round(TOP + (8 - y) * SCALE)


def _text(x, y, content: str, cls: str = "", anchor: str = "middle") -> str:
    """A text centred on (x, y) (``anchor`` "start" or "end": beginning or ending there);
    a newline in ``content`` starts a second line."""
    cls = " ".join(filter(None, [cls, {"start": "a", "end": "e"}.get(anchor, "")]))
    attrs = f' class="{cls}"' if cls else ""
    x, y = f"{x:g}", f"{y:g}"
    lines = content.split("\n")
    if len(lines) == 1:
        return f'<text x="{x}" y="{y}"{attrs}>{escape(content)}</text>'
    start = -0.6 * (len(lines) - 1)
    spans = "".join(f'<tspan x="{x}" dy="{start if i == 0 else 1.2:.2f}em">{escape(line)}'
                    "</tspan>" for i, line in enumerate(lines))
    return f'<text x="{x}" y="{y}"{attrs}>{spans}</text>'


def _box_edge(node: str, side: int) -> tuple[float, float]:
    x, y = NODES[node]
    width = INPUT_BOX[0] if node.startswith("x") else NEURON_BOX[0]
    return x + side * width / 2, y


def network_svg(net: LessonNet, edge_values: dict[str, float] | None = None,
                edge_label: str = "weight", held=(), title: str = "") -> str:
    """The diagram of ``net``'s forward pass, ``edge_values`` (else the parameters) on the
    edges; ``held`` names edges drawn grey with "(held)"."""
    instance_of(net, "net", LessonNet)
    label = _edge_format(edge_label)
    values = _edge_values(net, edge_values)
    held = _held(held)
    instance_of(title, "title", str)
    f = net.forward()
    largest = max(abs(v) for v in values.values()) or 1.0
    joint = " = " if label == "{name}" else " =\n"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'width="{WIDTH}" height="{HEIGHT}">',
             f"<title>{escape(title)}</title><style>{STYLE}</style><defs>"]
    for key, colour in COLOURS.items():
        parts.append(f'<marker id="ll-a{key}" viewBox="0 0 10 10" refX="10" refY="5" '
                     f'markerWidth="13" markerHeight="13" markerUnits="userSpaceOnUse" '
                     f'orient="auto"><path d="M0 1L10 5L0 9z" fill="{colour}"/></marker>')
    parts.append("</defs>")
    if title:
        parts.append(_text(WIDTH / 2, 17, title, "t"))
    edges, labels = [], []
    for name in PARAMS:
        value = values[name]
        is_held = name in held
        key = "h" if is_held else ("p" if value >= 0 else "m")
        width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(value) / largest
        if name in BIASES:
            x, y = NODES[BIAS_OF[name]]
            side = 1 if y > 4 else -1
            (xa, ya), (xb, yb) = _xy(x, y + side * 1.25), _xy(x, y + side * (NEURON_BOX[1] / 2
                                                                              + 0.1))
            lx, ly = _xy(x, y + side * 1.55)
            width = min(width, 3.0)
            sep = " = "
        else:
            src, dst, where = EDGES[name]
            (xa, ya), (xb, yb) = _xy(*_box_edge(src, +1)), _xy(*_box_edge(dst, -1))
            xb -= 3  # the arrow's tip stops just short of the box, as in the figure
            lx, ly = round(xa + where * (xb - xa)), round(ya + where * (yb - ya))
            sep = joint
        edges.append(f'<line x1="{xa}" y1="{ya}" x2="{xb}" y2="{yb}" stroke="{COLOURS[key]}" '
                     f'stroke-width="{width * 1.1:.1f}" marker-end="url(#ll-a{key})"/>')
        text = f"{label.format(name=name)}{sep}{_fmt(value)}" + (" (held)" if is_held else "")
        if name not in BIASES:  # a label sits on its edge: a white box keeps the line off it
            w = round(LABEL_CHAR * len(text)) + 6
            labels.append(f'<rect x="{lx - w // 2}" y="{ly - 10}" width="{w}" height="20" '
                          f'rx="3" fill="#fff"/>')
        labels.append(_text(lx, ly, text, "l h" if is_held else "l"))
    parts += edges
    for node, (x, y) in NODES.items():
        width, height = INPUT_BOX if node.startswith("x") else NEURON_BOX
        x0, y0 = _xy(x - width / 2, y + height / 2)
        parts.append(f'<rect class="n" x="{x0}" y="{y0}" width="{width * SCALE:.0f}" '
                     f'height="{height * SCALE:.0f}" rx="8" fill="{FILL[node[0]]}"/>')
        if node.startswith("x"):
            parts.append(_text(*_xy(x, y), f"{node} = {_fmt(getattr(net, node))}", "s"))
        else:
            parts.append(_text(*_xy(x, y + 0.28), f"{node} = {_fmt(f[node])}", "g"))
            out = OUTPUT_OF[node]
            parts.append(_text(*_xy(x, y - 0.28), f"{out} = {_fmt(f[out])}", "s b"))
    parts += labels
    for node, (target, error) in TARGET_OF.items():
        x, y = NODES[node]
        left = x + NEURON_BOX[0] / 2 + 0.25
        parts.append(_text(*_xy(left, y + 0.25), f"{target} = {_fmt(getattr(net, target))}",
                           anchor="start"))
        parts.append(_text(*_xy(left, y - 0.25), f"{error} = {_fmt(f[error])}", "v",
                           anchor="start"))
    ex, ey = _xy(NODES["y1"][0] + 0.4, 4.0)
    parts.append(f'<rect x="{ex - 88}" y="{ey - 17}" width="176" height="34" rx="8" '
                 f'fill="#fbe3d4" stroke="{PALETTE["vermillion"]}"/>')
    parts.append(_text(ex, ey, f"E_total = {_fmt(f['E_total'])}", "s b"))
    # The legend, bottom left: what colour and width mean.
    lx, ly = _xy(0.15, 0.35)
    parts.append(_text(lx, ly - 22, "edge colour: sign; width: size", anchor="start"))
    for i, (key, word) in enumerate((("p", "positive"), ("m", "negative"))):
        x0 = lx + i * 130
        parts.append(f'<line x1="{x0}" y1="{ly}" x2="{x0 + 30}" y2="{ly}" '
                     f'stroke="{COLOURS[key]}" stroke-width="4"/>')
        parts.append(_text(x0 + 38, ly, word, anchor="start"))
    parts.append("</svg>")
    return "".join(parts)


def describe(net: LessonNet, edge_values: dict[str, float] | None = None, held=()) -> str:
    """The diagram in words: what a screen reader says for it."""
    instance_of(net, "net", LessonNet)
    values = _edge_values(net, edge_values)
    held = _held(held)
    f = net.forward()
    edges = ", ".join(f"{name} {_fmt(v)}" + (" (held)" if name in held else "")
                      for name, v in values.items())
    return (f"Network diagram, 2 inputs, 2 hidden and 2 output neurons. "
            f"Inputs x1 = {_fmt(net.x1)}, x2 = {_fmt(net.x2)}. "
            f"Hidden: outH1 = {_fmt(f['outH1'])}, outH2 = {_fmt(f['outH2'])}. "
            f"Outputs: outY1 = {_fmt(f['outY1'])} for target {_fmt(net.T1)}, "
            f"outY2 = {_fmt(f['outY2'])} for target {_fmt(net.T2)}. "
            f"Errors E1 = {_fmt(f['E1'])}, E2 = {_fmt(f['E2'])}, "
            f"E_total = {_fmt(f['E_total'])}. Edge values: {edges}.")


def history_svg(errors: Sequence[float], width: int = WIDTH, height: int = 210,
                max_points: int = 150) -> str:
    """E_total after each update as an SVG line chart: a title, labelled axes, a legend.

    Past ``max_points`` updates the line keeps every n-th one (and the last), so the
    drawing stays a few kilobytes however long the run."""
    errors = _errors(errors)
    width = positive_int(width, "width", minimum=500, maximum=4000)  # room for the legend
    height = positive_int(height, "height", minimum=120, maximum=4000)
    max_points = positive_int(max_points, "max_points", minimum=2, maximum=100_000)
    steps = len(errors) - 1
    left, right, top, bottom = 70, width - 20, 34, height - 46
    x_max = _nice_ceiling(max(steps, 1))
    y_max = float(max(errors.max(), 1e-3) * 1.15)

    def px(i, e):
        return (np.round(left + (right - left) * np.asarray(i) / (x_max * 1.05)),
                np.round(bottom - (bottom - top) * np.asarray(e) / y_max))

    keep = np.arange(len(errors))
    if len(keep) > max_points:
        keep = np.unique(np.r_[keep[:: -(-len(keep) // max_points)], len(errors) - 1])
    xs, ys = px(keep, errors[keep])
    points = " ".join(f"{x:g},{y:g}" for x, y in zip(xs, ys, strict=True))
    blue, grey = PALETTE["blue"], PALETTE["grey"]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}"><title>Error history</title>'
             "<style>text{font:13px sans-serif;text-anchor:middle;dominant-baseline:central}"
             ".a{text-anchor:start}.e{text-anchor:end}.t{font:bold 15px sans-serif}"
             ".k{stroke:#ddd}</style>",
             _text(left, 14, "Error history", "t", anchor="start")]
    for tick in MaxNLocator(4).tick_values(0, y_max):
        if 0 <= tick <= y_max:
            _, y = px(0, tick)
            parts.append(f'<line class="k" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>'
                         + _text(left - 6, y, f"{tick:.3g}", anchor="end"))
    for tick in MaxNLocator(6, integer=True).tick_values(0, x_max):
        if 0 <= tick <= x_max * 1.05:
            x, _ = px(tick, 0)
            parts.append(f'<line stroke="#555" x1="{x}" x2="{x}" y1="{bottom}" '
                         f'y2="{bottom + 5}"/>' + _text(x, bottom + 16, f"{tick:g}"))
    parts.append(f'<path d="M{left} {top}V{bottom}H{right}" fill="none" stroke="#555"/>')
    _, y0 = px(0, errors[0])
    parts.append(f'<line x1="{left}" x2="{right}" y1="{y0}" y2="{y0}" stroke="{grey}" '
                 f'stroke-dasharray="6 4" stroke-width="2"/>')
    parts.append(f'<polyline points="{points}" fill="none" stroke="{blue}" stroke-width="2.5"/>')
    if len(keep) <= 20:  # markers while each update is still told apart
        parts.append("".join(f'<circle cx="{x:g}" cy="{y:g}" r="3" fill="{blue}"/>'
                             for x, y in zip(xs, ys, strict=True)))
    parts.append(_text((left + right) / 2, height - 8, "updates (count)"))
    parts.append(f'<text transform="translate(16 {(top + bottom) / 2:g}) rotate(-90)">'
                 "E_total (no unit)</text>")
    # The legend, above the plot on the right: no curve runs under it.
    lx = right - 420
    parts.append(f'<line x1="{lx}" x2="{lx + 26}" y1="10" y2="10" stroke="{grey}" '
                 f'stroke-dasharray="6 4" stroke-width="2"/>'
                 + _text(lx + 32, 10, f"before training: {errors[0]:.4f}", anchor="start"))
    parts.append(f'<line x1="{lx + 215}" x2="{lx + 241}" y1="10" y2="10" stroke="{blue}" '
                 f'stroke-width="2.5"/>'
                 + _text(lx + 247, 10, "E_total after each update", anchor="start"))
    parts.append("</svg>")
    return "".join(parts)


def _errors(errors) -> np.ndarray:
    errors = finite_array(errors, "errors", shape=(None,), min_size=1, limit=LIMIT)
    if errors.min() < 0:
        raise ValueError(f"errors must be >= 0 (E_total is never negative), got {errors.min():g}")
    return errors


def describe_history(errors: Sequence[float]) -> str:
    """The error history in words: what a screen reader says for ``history_svg``."""
    errors = _errors(errors)
    if len(errors) == 1:
        return f"Error history: no updates yet; E_total = {errors[0]:.6f}."
    return (f"Error history over {len(errors) - 1} updates: E_total from {errors[0]:.6f} "
            f"to {errors[-1]:.6f}, lowest {errors.min():.6f}.")


def _nice_ceiling(count: int) -> int:
    """The first of 10, 20, 50, 100, 200, 500, ... that is at least ``count``."""
    scale = 10
    while True:
        for factor in (1, 2, 5):
            if count <= factor * scale:
                return factor * scale
        scale *= 10
