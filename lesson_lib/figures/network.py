"""The 2-2-2 network's layout, and the diagram drawn on one matplotlib Axes.

The layout (node boxes, edges, where each label sits) is shared with ``network_svg``,
which draws the apps' picture and the notebooks' stills. ``NetworkDiagram`` is the
matplotlib version, left for the one figure that puts the network beside matplotlib
plots: lesson 5's ``stepper_view``/``training_view``. ``update`` only changes texts,
colours and widths.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ..core.checks import finite_number, instance_of
from ..core.network import BIASES, PARAMS, LessonNet
from .style import PALETTE

# Node boxes (centre x, centre y) in axes data units; the axes span 0..14.6 by 0..8.
NODES = {"x1": (1.2, 5.6), "x2": (1.2, 2.4), "h1": (6.4, 5.6), "h2": (6.4, 2.4),
         "y1": (11.2, 5.6), "y2": (11.2, 2.4)}
INPUT_BOX = (1.6, 0.8)   # width, height
NEURON_BOX = (2.4, 1.3)
# Each weight: (source node, target node, where along the edge its label sits, 0..1).
# The crossing edges carry their labels on opposite sides of the crossing.
EDGES = {"w1": ("x1", "h1", 0.5), "w2": ("x2", "h1", 0.27), "w3": ("x1", "h2", 0.27),
         "w4": ("x2", "h2", 0.5), "w5": ("h1", "y1", 0.5), "w6": ("h2", "y1", 0.33),
         "w7": ("h1", "y2", 0.33), "w8": ("h2", "y2", 0.5)}
BIAS_OF = {"b11": "h1", "b12": "h2", "b21": "y1", "b22": "y2"}
OUTPUT_OF = {"h1": "outH1", "h2": "outH2", "y1": "outY1", "y2": "outY2"}
TARGET_OF = {"y1": ("T1", "E1"), "y2": ("T2", "E2")}
EDGE_LABELS = {"weight": "{name}", "gradient": "∂E/∂{name}"}
FILL = {"x": "#e4f1fa", "h": "#fdf0d5", "y": "#dcf2ea"}
MIN_WIDTH, MAX_WIDTH = 1.0, 6.0
HELD_TEXT = "#666666"  # darker than the grey edge, to stay readable on a projector


def _fmt(value: float) -> str:
    return f"{value:.4g}"


def _edge_format(edge_label) -> str:
    """The format of an edge's label: "weight", "gradient" or a format string with {name}."""
    if not isinstance(edge_label, str) or (
            edge_label not in EDGE_LABELS and "{name}" not in edge_label):
        raise ValueError(f"edge_label must be 'weight', 'gradient' or a format string "
                         f"containing '{{name}}', got {edge_label!r}")
    return EDGE_LABELS.get(edge_label, edge_label)


def _held(held) -> frozenset:
    if isinstance(held, str) or not hasattr(held, "__iter__") \
            or not all(isinstance(n, str) for n in held):
        raise TypeError(f"held must be a collection of parameter names, got {held!r}")
    unknown = sorted(set(held) - set(PARAMS))
    if unknown:
        raise ValueError(f"held has unknown name(s) {unknown}; allowed: {', '.join(PARAMS)}")
    return frozenset(held)


def _edge_values(net: LessonNet, edge_values) -> dict[str, float]:
    if edge_values is None:
        return dict(net.params)
    if not hasattr(edge_values, "items"):
        raise TypeError(f"edge_values must be a dict of parameter name -> number, "
                        f"got {type(edge_values).__name__}")
    unknown = [k for k in edge_values if k not in PARAMS]
    if unknown:
        raise ValueError(f"edge_values has unknown name(s) {unknown}; allowed: "
                         f"{', '.join(PARAMS)}")
    values = dict(net.params)
    values.update({k: finite_number(v, f"edge_values[{k!r}]")
                   for k, v in edge_values.items()})
    return values


class NetworkDiagram:
    """Draws the 2-2-2 lesson network on an Axes; update() changes only texts/colours.

    ``edge_label`` says what the edges carry: "weight" (``w5 = 0.4``), "gradient"
    (``∂E/∂w5 = 0.08217``) or a format string with ``{name}``, e.g. ``"Δ{name}"``.
    Edge colour shows the sign (blue positive, vermillion negative), width the size
    relative to the largest edge value. Edges named in ``held`` (biases a training run keeps
    fixed) are grey and say "(held)": their gradient is computed but not applied.
    """

    def __init__(self, ax, net: LessonNet | None = None, edge_values: dict | None = None,
                 edge_label: str = "weight", held=()):
        self.ax = instance_of(ax, "ax", Axes)
        self._label = _edge_format(edge_label)
        ax.set_xlim(0, 14.6)
        ax.set_ylim(0, 8)
        ax.set_axis_off()
        self.edges: dict[str, FancyArrowPatch] = {}
        self.edge_texts = {}
        self.node_texts = {}
        self.node_boxes: dict[str, FancyBboxPatch] = {}
        self.held = _held(held)
        self._draw_weights()
        self._draw_nodes()
        self._draw_biases()
        self._draw_targets()
        self._draw_legend()
        self.update(LessonNet() if net is None else net, edge_values)

    # -- drawing, once --------------------------------------------------------------
    def _box_edge(self, node: str, side: int) -> tuple[float, float]:
        x, y = NODES[node]
        width = INPUT_BOX[0] if node.startswith("x") else NEURON_BOX[0]
        return x + side * width / 2, y

    def _draw_weights(self):
        for name, (src, dst, where) in EDGES.items():
            (xa, ya), (xb, yb) = self._box_edge(src, +1), self._box_edge(dst, -1)
            arrow = FancyArrowPatch((xa, ya), (xb, yb), arrowstyle="-|>", mutation_scale=18,
                                    shrinkA=0, shrinkB=2, zorder=1)
            self.ax.add_patch(arrow)
            self.edges[name] = arrow
            self.edge_texts[name] = self.ax.text(
                xa + where * (xb - xa), ya + where * (yb - ya), "", ha="center", va="center",
                fontsize=14, zorder=3,
                bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#bbbbbb"})

    def _draw_nodes(self):
        for node, (x, y) in NODES.items():
            is_input = node.startswith("x")
            width, height = INPUT_BOX if is_input else NEURON_BOX
            self.node_boxes[node] = self.ax.add_patch(FancyBboxPatch(
                (x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.08",
                fc=FILL[node[0]], ec="#555555", lw=1.5, zorder=2))
            if is_input:
                self.node_texts[node] = self.ax.text(x, y, "", ha="center", va="center",
                                                     fontsize=15, zorder=4)
                continue
            self.node_texts[node] = self.ax.text(x, y + 0.28, "", ha="center", va="center",
                                                 fontsize=14, color="#444444", zorder=4)
            self.node_texts[OUTPUT_OF[node]] = self.ax.text(
                x, y - 0.28, "", ha="center", va="center", fontsize=15, fontweight="bold",
                zorder=4)

    def _draw_biases(self):
        for name, node in BIAS_OF.items():
            x, y = NODES[node]
            side = 1 if y > 4 else -1  # top row: bias above; bottom row: bias below
            start = (x, y + side * 1.55)
            end = (x, y + side * (NEURON_BOX[1] / 2 + 0.1))
            arrow = FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=16,
                                    shrinkA=12, shrinkB=0, zorder=1)
            self.ax.add_patch(arrow)
            self.edges[name] = arrow
            self.edge_texts[name] = self.ax.text(
                *start, "", ha="center", va="center", fontsize=14, zorder=3,
                bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#bbbbbb",
                      "ls": "--"})

    def _draw_targets(self):
        for node, (target, error) in TARGET_OF.items():
            x, y = NODES[node]
            left = x + NEURON_BOX[0] / 2 + 0.25
            self.node_texts[target] = self.ax.text(left, y + 0.25, "", ha="left",
                                                   va="center", fontsize=14)
            self.node_texts[error] = self.ax.text(left, y - 0.25, "", ha="left", va="center",
                                                  fontsize=14, color=PALETTE["vermillion"])
        self.error_text = self.ax.text(
            NODES["y1"][0] + 0.4, 4.0, "", ha="center", va="center", fontsize=15,
            fontweight="bold", zorder=4,
            bbox={"boxstyle": "round,pad=0.35", "fc": "#fbe3d4", "ec": PALETTE["vermillion"]})

    def _draw_legend(self):
        handles = [Line2D([], [], color=PALETTE["blue"], lw=3, label="positive"),
                   Line2D([], [], color=PALETTE["vermillion"], lw=3, label="negative")]
        self.ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, -0.02),
                       ncols=2, frameon=False, fontsize=12,
                       title="edge colour: sign; width: size", title_fontsize=12)

    # -- updating, many times -------------------------------------------------------
    def update(self, net: LessonNet, edge_values: dict[str, float] | None = None,
               held=None) -> None:
        """Show ``net``'s forward pass in the nodes and ``edge_values`` (else the parameters)
        on the edges, greying the ``held`` ones (None keeps the last); only texts, colours
        and widths change."""
        if not isinstance(net, LessonNet):
            raise TypeError(f"net must be a LessonNet, got {type(net).__name__}")
        if held is not None:
            self.held = _held(held)
        f = net.forward()
        values = _edge_values(net, edge_values)
        for node in ("x1", "x2"):
            self.node_texts[node].set_text(f"{node} = {_fmt(getattr(net, node))}")
        for node, out in OUTPUT_OF.items():
            self.node_texts[node].set_text(f"{node} = {_fmt(f[node])}")
            self.node_texts[out].set_text(f"{out} = {_fmt(f[out])}")
        for target, error in TARGET_OF.values():
            self.node_texts[target].set_text(f"{target} = {_fmt(getattr(net, target))}")
            self.node_texts[error].set_text(f"{error} = {_fmt(f[error])}")
        self.error_text.set_text(f"E_total = {_fmt(f['E_total'])}")
        largest = max(abs(v) for v in values.values()) or 1.0
        # Long labels (gradients) wrap on the weights' edges, where space is tight.
        joint = " = " if self._label == "{name}" else " =\n"
        for name, value in values.items():
            sep = " = " if name in BIASES else joint
            note = " (held)" if name in self.held else ""
            self.edge_texts[name].set_text(
                f"{self._label.format(name=name)}{sep}{_fmt(value)}{note}")
            self.edge_texts[name].set_color(HELD_TEXT if note else "black")
            colour = PALETTE["blue"] if value >= 0 else PALETTE["vermillion"]
            if note:
                colour = PALETTE["grey"]
            width = MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * abs(value) / largest
            self.edges[name].set_color(colour)
            self.edges[name].set_linewidth(width if name not in BIASES else min(width, 3.0))

