"""Sphinx extension: every figure a lesson's notebook stored gets a text alternative.

myst-nb shows an image output as ``<img>`` with no ``alt`` of its own, so Sphinx writes the
image's file path there. This sets the ``alt`` from the figure itself:

- a PNG (or JPEG, GIF) output: its ``alt`` metadata, as nbconvert reads it
  (``output.metadata["image/png"]["alt"]``). ``LessonFigure._repr_png_`` puts the figure's
  titles and axis labels there (``lesson_lib.figures.style.describe_figure``); the image is
  matched to its output by its bytes, so no numbering of cells or outputs is assumed;
- an SVG output: the SVG's own ``<title>`` and ``<desc>``.

An ``alt`` the cell already sets (myst-nb's ``mystnb: image: alt:`` cell metadata) is kept.
A figure left with no text alternative is a build warning.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from base64 import b64decode
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)
SVG = "{http://www.w3.org/2000/svg}"
BITMAPS = ("image/png", "image/jpeg", "image/gif")


def output_alts(notebook: dict) -> dict[str, str]:
    """sha256 of each stored bitmap output's bytes -> the ``alt`` in its metadata."""
    alts = {}
    for cell in notebook.get("cells", []):
        for output in cell.get("outputs", []):
            for mime in BITMAPS:
                data = output.get("data", {}).get(mime)
                alt = output.get("metadata", {}).get(mime, {}).get("alt")
                if data and alt:
                    data = "".join(data) if isinstance(data, list) else data
                    alts[hashlib.sha256(b64decode(data)).hexdigest()] = alt
    return alts


def svg_alt(svg: bytes) -> str | None:
    """An SVG's ``<title>`` and ``<desc>``, as one text."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError:
        return None
    parts = [" ".join((root.findtext(f"{SVG}{tag}") or "").split()) for tag in ("title", "desc")]
    parts = [part for part in parts if part]
    return " ".join(p if p.endswith((".", ":", "?", "!")) else p + "." for p in parts) or None


def image_file(env, node: nodes.image, docname: str) -> Path:
    """The file an image node shows (Sphinx's image collector may already have made its
    ``uri`` relative to the source folder; myst-nb writes it as ``/``-prefixed)."""
    candidate = node.get("candidates", {}).get("*")
    if candidate:
        return Path(env.srcdir, candidate)
    return Path(env.relfn2path(node["uri"], docname)[1])


def set_figure_alts(app, doctree) -> None:
    env = app.env
    docname = env.docname
    source = Path(env.doc2path(docname))
    if source.suffix != ".ipynb":
        return
    alts = output_alts(json.loads(source.read_text()))
    for node in doctree.findall(nodes.image):
        if node.get("alt"):
            continue
        path = image_file(env, node, docname)
        if not path.is_file():
            continue
        content = path.read_bytes()
        alt = svg_alt(content) if path.suffix == ".svg" else \
            alts.get(hashlib.sha256(content).hexdigest())
        if alt:
            node["alt"] = alt
        else:
            logger.warning(f"figure without a text alternative (no alt metadata, no SVG "
                           f"<title>): {path.name}", location=node)


def setup(app):
    app.connect("doctree-read", set_figure_alts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
