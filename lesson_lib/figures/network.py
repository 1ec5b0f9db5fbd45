"""The 2-2-2 network's layout: node boxes, edges, where each label sits, and the checks
of what goes on the edges. ``network_svg`` draws it, for the apps and the notebooks'
stills alike (no matplotlib here)."""

from __future__ import annotations

from ..core.checks import finite_number
from ..core.network import PARAMS, LessonNet

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
