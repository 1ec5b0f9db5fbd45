"""The 2-2-2 network as SVG text: the apps' picture and the notebooks' stills, one drawing.

The layout is ``figures.network``'s (nodes, edges, where the labels sit), written as a few
kilobytes of SVG in well under a millisecond, so an app sends it
on every change and the browser draws it sharp at any size. Each drawing has a
``<title>``; ``describe`` puts the whole drawing in words, the text alternative an app
gives it. ``draw_network`` and ``draw_values`` make the stills: a ``NetworkDrawing``, which
a notebook stores as image/svg+xml with its description (in ``<desc>`` and as plain text);
``stepper_svg`` stacks the error history over the diagram (lesson 5's stepper and its still).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

import numpy as np
from matplotlib.ticker import MaxNLocator

from ..core.checks import finite_array, finite_number, instance_of, mapping, positive_int
from ..core.network import BIASES, DATA, LIMIT, PARAMS, LessonNet
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
LINE = 8.4  # half a line of 14 px text: a two-line label's lines sit this far off its centre
WIDTH, HEIGHT = round(14.6 * SCALE), round(8 * SCALE) + TOP
FORWARD = tuple(LessonNet().forward())  # h1, outH1, ..., E_total: what the nodes show
COLOURS = {"pos": PALETTE["blue"], "neg": PALETTE["vermillion"], "off": PALETTE["grey"]}
# One style block, every rule under the drawing's own class: an SVG's <style> applies to
# the whole page it is inlined in. Classes keep each element short (the apps send the
# drawing on every change): text classes a (start-anchored), s (15 px), b (15 px bold),
# t (title), g (grey), v (vermillion), l (a label with a white halo), off (held: grey);
# boxes x, h, y (the node kinds), w (a label's white box), E (E_total's box); edges pos,
# neg, off (blue, vermillion, grey, each with its arrowhead).
STYLE = "".join(".ll-net " + rule for rule in (
    "text{font:14px sans-serif;fill:#000;text-anchor:middle;dominant-baseline:central}",
    ".a{text-anchor:start}", ".s{font-size:15px}", ".b{font:bold 15px sans-serif}",
    ".t{font:bold 17px sans-serif}", ".g{fill:#444}", f".v{{fill:{PALETTE['vermillion']}}}",
    f"text.off{{fill:{HELD_TEXT}}}",
    ".l{stroke:#fff;stroke-width:5px;paint-order:stroke;stroke-linejoin:round}",
    "rect{stroke:#555;stroke-width:1.5}", ".w{fill:#fff;stroke:none}",
    f".E{{fill:#fbe3d4;stroke:{PALETTE['vermillion']};stroke-width:1}}",
    *(f".{kind}{{fill:{FILL[kind]}}}" for kind in "xhy"),
    "path{stroke-linecap:round}",
    *(f"path.{key}{{stroke:{colour};marker-end:url(#ll-{key})}}"
      for key, colour in COLOURS.items())))


def _fmt(value: float | None) -> str:
    return "?" if value is None else f"{value:.4g}"  # "?": a value not computed yet


def _n(value: float) -> str:
    """A coordinate: to 1 decimal, without a trailing ".0"."""
    return f"{round(value, 1):g}"


def _xy(x: float, y: float) -> tuple[float, float]:
    """Diagram units (y up) to SVG units (y down, below the title)."""
    return round(x * SCALE), round(TOP + (8 - y) * SCALE)


def _text(x, y, content: str, cls: str = "") -> str:
    """One line of text centred on (x, y) (class "a": beginning there)."""
    attrs = f" class='{cls}'" if cls else ""
    return f"<text x='{_n(x)}' y='{_n(y)}'{attrs}>{escape(content)}</text>"


def _box_edge(node: str, side: int) -> tuple[float, float]:
    x, y = NODES[node]
    width = INPUT_BOX[0] if node.startswith("x") else NEURON_BOX[0]
    return x + side * width / 2, y


def _node_values(net: LessonNet, values) -> dict[str, float | None]:
    """``net``'s forward pass, or ``values`` (a name of it -> a number, or None for "?")."""
    if values is None:
        return net.forward()
    mapping(values, "values")
    unknown = [k for k in values if k not in FORWARD]
    if unknown:
        raise ValueError(f"values has unknown name(s) {unknown}; allowed: {', '.join(FORWARD)}")
    return {name: None if values.get(name) is None else
            finite_number(values[name], f"values[{name!r}]") for name in FORWARD}


def network_svg(net: LessonNet, edge_values: dict[str, float] | None = None,
                edge_label: str = "weight", held=(), title: str = "",
                values: Mapping | None = None, desc: str = "") -> str:
    """The diagram of ``net``'s forward pass, ``edge_values`` (else the parameters) on the
    edges; ``held`` names edges drawn grey with "(held)". ``values`` shows other numbers
    than ``net``'s forward pass in the nodes (None: "?"); ``desc`` goes in a ``<desc>``,
    the text alternative a still carries inside it."""
    instance_of(net, "net", LessonNet)
    label = _edge_format(edge_label)
    edges = _edge_values(net, edge_values)
    held = _held(held)
    instance_of(title, "title", str)
    instance_of(desc, "desc", str)
    f = _node_values(net, values)
    largest = max(abs(v) for v in edges.values()) or 1.0
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' class='ll-net' "
             f"viewBox='0 0 {WIDTH} {HEIGHT}' width='{WIDTH}' height='{HEIGHT}'>"
             f"<title>{escape(title)}</title>"]
    if desc:
        parts.append(f"<desc>{escape(desc)}</desc>")
    parts.append(f"<style>{STYLE}</style><defs>")
    for key, colour in COLOURS.items():  # the arrowheads, 13 x 13 units
        parts.append(f"<marker id='ll-{key}' markerWidth='13' markerHeight='13' refX='13' "
                     f"refY='6.5' markerUnits='userSpaceOnUse' orient='auto'>"
                     f"<path d='M0 1.3 13 6.5 0 11.7z' fill='{colour}'/></marker>")
    parts.append("</defs>")
    if title:
        parts.append(_text(WIDTH / 2, 17, title, "t"))
    lines, labels = [], []
    for name in PARAMS:
        value = edges[name]
        is_held = name in held
        key = "off" if is_held else ("pos" if value >= 0 else "neg")
        width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(value) / largest
        text = label.format(name=name)
        if name in BIASES:
            x, y = NODES[BIAS_OF[name]]
            side = 1 if y > 4 else -1
            (xa, ya), (xb, yb) = _xy(x, y + side * 1.25), _xy(x, y + side * (NEURON_BOX[1] / 2
                                                                              + 0.1))
            lx, ly = _xy(x, y + side * 1.55)
            width = min(width, 3.0)
            rows = [f"{text} = {_fmt(value)}"]
        else:
            src, dst, where = EDGES[name]
            (xa, ya), (xb, yb) = _xy(*_box_edge(src, +1)), _xy(*_box_edge(dst, -1))
            xb -= 3  # the arrow's tip stops just short of the box, as in the figure
            lx, ly = round(xa + where * (xb - xa)), round(ya + where * (yb - ya))
            # Long labels (gradients) wrap on the weights' edges, where space is tight.
            rows = ([f"{text} = {_fmt(value)}"] if label == "{name}"
                    else [f"{text} =", _fmt(value)])
        if is_held:
            rows[-1] += " (held)"
        lines.append(f"<path class='{key}' d='M{xa} {ya}L{xb} {yb}' "
                     f"stroke-width='{_n(width * 1.1)}'/>")
        if name not in BIASES:  # a label sits on its edge: a white box keeps the line off it
            w = round(LABEL_CHAR * max(map(len, rows))) + 6
            h = 20 + 2 * LINE * (len(rows) - 1)
            labels.append(f"<rect class='w' x='{_n(lx - w / 2)}' y='{_n(ly - h / 2)}' "
                          f"width='{w}' height='{_n(h)}'/>")
        # one text, a second line in a <tspan>: a screen reader reads the label as one
        first = _text(lx, ly - LINE * (len(rows) - 1), rows[0], "l off" if is_held else "l")
        if len(rows) > 1:
            first = first.replace("</text>", f"<tspan x='{lx}' dy='{2 * LINE:g}'>"
                                             f"{escape(rows[1])}</tspan></text>")
        labels.append(first)
    parts += lines
    for node, (x, y) in NODES.items():
        width, height = INPUT_BOX if node.startswith("x") else NEURON_BOX
        x0, y0 = _xy(x - width / 2, y + height / 2)
        parts.append(f"<rect class='{node[0]}' x='{x0}' y='{y0}' width='{round(width * SCALE)}' "
                     f"height='{round(height * SCALE)}' rx='8'/>")
        if node.startswith("x"):
            parts.append(_text(*_xy(x, y), f"{node} = {_fmt(getattr(net, node))}", "s"))
        else:
            parts.append(_text(*_xy(x, y + 0.28), f"{node} = {_fmt(f[node])}", "g"))
            out = OUTPUT_OF[node]
            parts.append(_text(*_xy(x, y - 0.28), f"{out} = {_fmt(f[out])}", "b"))
    parts += labels
    for node, (target, error) in TARGET_OF.items():
        x, y = NODES[node]
        left = x + NEURON_BOX[0] / 2 + 0.25
        parts.append(_text(*_xy(left, y + 0.25), f"{target} = {_fmt(getattr(net, target))}",
                           "a"))
        parts.append(_text(*_xy(left, y - 0.25), f"{error} = {_fmt(f[error])}", "v a"))
    ex, ey = _xy(NODES["y1"][0] + 0.4, 4.0)
    parts.append(f"<rect class='E' x='{ex - 88}' y='{ey - 17}' width='176' height='34' rx='8'/>")
    parts.append(_text(ex, ey, f"E_total = {_fmt(f['E_total'])}", "b"))
    # The legend, bottom left: what colour and width mean.
    lx, ly = _xy(0.15, 0.35)
    parts.append(_text(lx, ly - 22, "edge colour: sign; width: size", "a"))
    for i, (key, word) in enumerate((("pos", "positive"), ("neg", "negative"))):
        x0 = lx + i * 130
        parts.append(f"<path d='M{x0} {ly}h30' stroke='{COLOURS[key]}' stroke-width='4'/>")
        parts.append(_text(x0 + 38, ly, word, "a"))
    parts.append("</svg>")
    return "".join(parts)


def describe(net: LessonNet, edge_values: dict[str, float] | None = None, held=(),
             values: Mapping | None = None) -> str:
    """The diagram in words: what a screen reader says for it."""
    instance_of(net, "net", LessonNet)
    edges = _edge_values(net, edge_values)
    held = _held(held)
    f = _node_values(net, values)
    edges = ", ".join(f"{name} {_fmt(v)}" + (" (held)" if name in held else "")
                      for name, v in edges.items())
    return (f"Network diagram, 2 inputs, 2 hidden and 2 output neurons. "
            f"Inputs x1 = {_fmt(net.x1)}, x2 = {_fmt(net.x2)}. "
            f"Hidden: outH1 = {_fmt(f['outH1'])}, outH2 = {_fmt(f['outH2'])}. "
            f"Outputs: outY1 = {_fmt(f['outY1'])} for target {_fmt(net.T1)}, "
            f"outY2 = {_fmt(f['outY2'])} for target {_fmt(net.T2)}. "
            f"Errors E1 = {_fmt(f['E1'])}, E2 = {_fmt(f['E2'])}, "
            f"E_total = {_fmt(f['E_total'])}. Edge values: {edges}.")


class NetworkDrawing:
    """The diagram as a notebook's still: Jupyter shows ``svg`` (stored as image/svg+xml,
    which GitHub draws too), and ``text``, its description, as the plain-text alternative."""

    def __init__(self, svg: str, text: str):
        self.svg = instance_of(svg, "svg", str)
        self.text = instance_of(text, "text", str)

    def _repr_svg_(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return self.text


def draw_network(net: LessonNet | None = None, edge_values: dict | None = None,
                 edge_label: str = "weight", title: str | None = None,
                 values: Mapping | None = None) -> NetworkDrawing:
    """The lesson network as a still: the drawing the apps show, with its description.
    ``values`` shows other numbers than ``net``'s forward pass in the nodes (None: "?")."""
    net = LessonNet() if net is None else instance_of(net, "net", LessonNet)
    if title is None:
        title = ("The lecture's network: weights on the edges, forward values in the nodes"
                 if edge_label == "weight" else
                 "The lecture's network: gradients on the edges, forward values in the nodes")
    text = describe(net, edge_values, values=values)
    return NetworkDrawing(network_svg(net, edge_values, edge_label, title=title, values=values,
                                      desc=text), text)


def draw_values(namespace: Mapping, title: str | None = None) -> NetworkDrawing:
    """The diagram of a notebook's own numbers, e.g. ``draw_values(globals())``.

    Inputs, weights, biases and targets come from ``namespace`` (the lecture's for any it
    lacks); the nodes show the forward values it holds, and "?" for those it has not yet.
    """
    mapping(namespace, "namespace")
    net = LessonNet(**{name: namespace[name] for name in PARAMS + DATA if name in namespace})
    values = {name: namespace.get(name) for name in FORWARD}
    if title is None:
        title = "Your network: your weights on the edges, your values in the nodes"
    return draw_network(net, title=title, values=values)


HISTORY_STYLE = "".join(".ll-hist " + rule for rule in (
    "text{font:13px sans-serif;fill:#000;text-anchor:middle;dominant-baseline:central}",
    ".a{text-anchor:start}", ".e{text-anchor:end}", ".t{font:bold 15px sans-serif}",
    "path{fill:none}", ".k{stroke:#ddd}", ".x{stroke:#555}",
    f".st{{stroke:{PALETTE['grey']};stroke-dasharray:6 4;stroke-width:2}}",
    f".er{{stroke:{PALETTE['blue']};stroke-width:2.5}}", ".dots{marker:url(#ll-dot)}"))


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
        return (np.round(left + (right - left) * np.asarray(i) / (x_max * 1.05)).astype(int),
                np.round(bottom - (bottom - top) * np.asarray(e) / y_max).astype(int))

    keep = np.arange(len(errors))
    if len(keep) > max_points:
        keep = np.unique(np.r_[keep[:: -(-len(keep) // max_points)], len(errors) - 1])
    xs, ys = px(keep, errors[keep])
    # The line as one path: the first point, then each step from the one before.
    steps_to = " ".join(f"{dx} {dy}" for dx, dy in zip(np.diff(xs), np.diff(ys), strict=True))
    line = f"M{xs[0]} {ys[0]}" + (f"l{steps_to}" if steps_to else "h0")
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' class='ll-hist' "
             f"viewBox='0 0 {width} {height}' width='{width}' height='{height}'>"
             f"<title>Error history</title><style>{HISTORY_STYLE}</style>"
             # a dot on each update while each is still told apart
             f"<defs><marker id='ll-dot' markerWidth='6' markerHeight='6' refX='3' refY='3' "
             f"markerUnits='userSpaceOnUse'><circle cx='3' cy='3' r='3' "
             f"fill='{PALETTE['blue']}'/></marker></defs>",
             _text(left, 14, "Error history", "t a")]
    grid, axes = [], [f"M{left} {top}V{bottom}H{right}"]
    for tick in MaxNLocator(4).tick_values(0, y_max):
        if 0 <= tick <= y_max:
            _, y = px(0, tick)
            grid.append(f"M{left} {y}H{right}")
            parts.append(_text(left - 6, y, f"{tick:.3g}", "e"))
    for tick in MaxNLocator(6, integer=True).tick_values(0, x_max):
        if 0 <= tick <= x_max * 1.05:
            x, _ = px(tick, 0)
            axes.append(f"M{x} {bottom}v5")
            parts.append(_text(x, bottom + 16, f"{tick:g}"))
    _, y0 = px(0, errors[0])
    parts.append(f"<path class='k' d='{''.join(grid)}'/><path class='x' d='{''.join(axes)}'/>"
                 f"<path class='st' d='M{left} {y0}H{right}'/>")
    dots = " dots" if len(keep) <= 20 else ""
    parts.append(f"<path class='er{dots}' d='{line}'/>")
    parts.append(_text((left + right) / 2, height - 8, "updates (count)"))
    parts.append(f"<text transform='translate(16 {_n((top + bottom) / 2)}) rotate(-90)'>"
                 "E_total (no unit)</text>")
    # The legend, above the plot on the right: no curve runs under it.
    lx = right - 420
    parts.append(f"<path class='st' d='M{lx} 10h26'/>"
                 + _text(lx + 32, 10, f"before training: {errors[0]:.4f}", "a"))
    parts.append(f"<path class='er' d='M{lx + 215} 10h26'/>"
                 + _text(lx + 247, 10, "E_total after each update", "a"))
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


HISTORY_HEIGHT = 210
GRADIENTS_TITLE = "Gradients on the edges, forward values in the nodes"


def stepper_svg(net: LessonNet, errors: Sequence[float], held=(), title: str = "",
                desc: str = "") -> str:
    """The error history so far over the diagram with gradients on its edges, as one SVG:
    what the training stepper shows, and its still. ``title`` heads it."""
    instance_of(net, "net", LessonNet)
    instance_of(title, "title", str)
    instance_of(desc, "desc", str)
    top = TOP if title else 0
    height = top + HISTORY_HEIGHT + HEIGHT
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' class='ll-step' "
             f"viewBox='0 0 {WIDTH} {height}' width='{WIDTH}' height='{height}'>"
             f"<title>{escape(title or GRADIENTS_TITLE)}</title>"]
    if desc:
        parts.append(f"<desc>{escape(desc)}</desc>")
    if title:
        parts.append(f"<text x='{WIDTH // 2}' y='{TOP // 2}' text-anchor='middle' "
                     f"dominant-baseline='central' style='font:bold 17px sans-serif'>"
                     f"{escape(title)}</text>")
    history = history_svg(errors, height=HISTORY_HEIGHT)
    diagram = network_svg(net, net.gradient(), edge_label="gradient", held=held,
                          title=GRADIENTS_TITLE)
    parts.append(history.replace("<svg ", f"<svg y='{top}' ", 1))
    parts.append(diagram.replace("<svg ", f"<svg y='{top + HISTORY_HEIGHT}' ", 1))
    return "".join(parts) + "</svg>"


def describe_stepper(net: LessonNet, errors: Sequence[float], held=()) -> str:
    """``stepper_svg`` in words."""
    instance_of(net, "net", LessonNet)
    return describe_history(errors) + " " + describe(net, net.gradient(), held=held)
