"""Shared test oracles: the lecture's network written out again, independently of lesson_lib,
and the text a stored notebook shows."""

import math
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
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


def read_notebook(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def output_text(cell) -> str:
    """A cell's printed text: its streams and its text/plain results."""
    return "\n".join(str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", ""))
                     for out in cell.get("outputs", []))
