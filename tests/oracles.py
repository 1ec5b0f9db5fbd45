"""Shared test oracles: the lecture's network written out again, independently of lesson_lib,
and the text a stored notebook shows."""

import math
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
# Relative: two computations of the same float arithmetic (another order, grouping, loop or
# representation of the same formulas) agree to rounding. A finite-difference oracle, a
# number printed to a few digits or a bit-for-bit check says so where it is used instead.
ROUNDING = 1e-12
START = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45,
         "w7": 0.50, "w8": 0.55, "b11": 0.35, "b12": 0.35, "b21": 0.60, "b22": 0.60}


def e_total(p) -> float:
    """E_total of the lecture's network (x = 0.05, 0.10; T = 0.01, 0.99) for parameters p."""
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    oh1 = s(0.05 * p["w1"] + 0.10 * p["w2"] + p["b11"])
    oh2 = s(0.05 * p["w3"] + 0.10 * p["w4"] + p["b12"])
    oy1 = s(oh1 * p["w5"] + oh2 * p["w6"] + p["b21"])
    oy2 = s(oh1 * p["w7"] + oh2 * p["w8"] + p["b22"])
    return 0.5 * (0.01 - oy1) ** 2 + 0.5 * (0.99 - oy2) ** 2


def by_hand(p) -> dict:
    """The forward pass for parameters, inputs and targets p, written out independently."""
    s = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    outH1 = s(p["x1"] * p["w1"] + p["x2"] * p["w2"] + p["b11"])
    outH2 = s(p["x1"] * p["w3"] + p["x2"] * p["w4"] + p["b12"])
    outY1 = s(outH1 * p["w5"] + outH2 * p["w6"] + p["b21"])
    outY2 = s(outH1 * p["w7"] + outH2 * p["w8"] + p["b22"])
    E = 0.5 * (p["T1"] - outY1) ** 2 + 0.5 * (p["T2"] - outY2) ** 2
    return {"outH1": outH1, "outH2": outH2, "outY1": outY1, "outY2": outY2, "E_total": E}


def shown(text) -> float:
    """The number after the last '=' of a figure's text."""
    return float(text.get_text().split("=")[-1])


def svg_labels(svg: str) -> dict[str, str]:
    """Each text of an app's SVG drawing by the name before its '=' (``"w1" -> "w1 = 0.15"``),
    read with an XML parser, lines of a wrapped label joined by a space."""
    import xml.etree.ElementTree as ET

    labels = {}
    for text in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"):
        words = " ".join(" ".join(text.itertext()).split())
        if "=" in words:
            labels[words.split("=")[0].strip()] = words
    return labels


def svg_number(svg: str, name: str) -> float:
    """The number an app's SVG drawing shows for ``name``."""
    return float(svg_labels(svg)[name].split("=")[-1].split("(")[0])


def assigned_names(module) -> set[str]:
    """The names a module assigns at its top level, read from its source: its own objects,
    not the ones it imports."""
    import ast
    import inspect

    found = set()
    for node in ast.parse(inspect.getsource(module)).body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        found |= {t.id for t in targets if isinstance(t, ast.Name)}
    return found


def read_notebook(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def output_text(cell) -> str:
    """A cell's printed text: its streams and its text/plain results."""
    return "\n".join(str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", ""))
                     for out in cell.get("outputs", []))
