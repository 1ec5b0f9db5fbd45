"""One look for every figure: projector-size text, a colour-blind-safe palette, no pyplot.

Figures are built on ``matplotlib.figure.Figure`` directly, so nothing lands in pyplot's
global list: a notebook shows a figure once (through ``_repr_png_``) and tests can build
hundreds without leaking memory.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..core.checks import finite_array, positive_int

# Okabe & Ito (2008), distinguishable with every common colour-vision deficiency.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#999999",
}

RC = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "legend.fontsize": 12,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "lines.linewidth": 2.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=[PALETTE[c] for c in
                                         ("blue", "vermillion", "green", "orange", "purple",
                                          "sky", "black")]),
    "figure.dpi": 100,
    "savefig.dpi": 100,
}

PNG_OPTIONS = {"compress_level": 1}  # fast to encode; size hardly matters on a page
MAX_PANELS = 100  # rows or columns of axes in one figure: more is a typo, not a figure
MAX_INCHES = 600.0  # width or height: Agg draws at most 65,536 pixels, 655 inches at 100 dpi


class LessonFigure(Figure):
    """A Figure that notebooks display as a PNG without pyplot."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        FigureCanvasAgg(self)

    def to_png(self, dpi: float | None = None) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=dpi or self.dpi, pil_kwargs=PNG_OPTIONS)
        return buffer.getvalue()

    def _repr_png_(self) -> tuple[bytes, dict[str, str]]:
        """The PNG, with its text alternative as the output's ``alt`` metadata (what
        nbconvert's HTML and the course website put in the image's ``alt``)."""
        return self.to_png(), {"alt": describe_figure(self)}


def describe_figure(fig: Figure) -> str:
    """The figure in words, its text alternative: the suptitle, then each panel's title
    (a panel without one: its texts) with its axes' labels, as a screen reader should read
    them (no mathtext markup)."""
    panels = []
    for ax in fig.get_axes():
        named = ax.get_title() or ax.get_title("left") or "\n".join(t.get_text() for t in ax.texts)
        title, y, x = (_plain(t) for t in (named, ax.get_ylabel(), ax.get_xlabel()))
        axes = f"{y} against {x}" if y and x else f"against {x}" if x else y
        panels.append(f"{title} ({axes})".strip() if axes else title)
    heading = _plain(fig.get_suptitle() if hasattr(fig, "get_suptitle") else "")
    return "Figure: " + "; ".join(filter(None, [heading, *panels]))


# Mathtext in words: $E_{total} \leq 10^{-6}$ reads "E_total ≤ 10^-6".
_SYMBOLS = {"\\leq": "≤", "\\geq": "≥", "\\le": "≤", "\\ge": "≥", "\\cdot": "·", "\\times": "×"}


def _plain(text: str) -> str:
    """``text`` as a screen reader should read it: a line break as a comma (a space after
    punctuation), mathtext (between two $ signs, as matplotlib reads it) without markup."""

    def words(math: re.Match) -> str:
        return re.sub(r"\\([A-Za-z]+)", lambda c: _SYMBOLS.get(c.group(0), c.group(1)),
                      math.group(1)).replace("{", "").replace("}", "")

    text = re.sub(r"(?<!\\)\$(.+?)(?<!\\)\$", words, text).replace("\\$", "$")
    return re.sub(r"\s*\n\s*", ", ", re.sub(r"(?<=[:;,.])\s*\n\s*", " ", text.strip()))


@dataclass(eq=False)
class FigureView:
    """A figure that an app animates, with the artists it moves as named fields.

    A lesson's figure module subclasses it: the fields name the artists, a method moves
    them (``TangentView.show(name, x)``). An app holds the view and draws ``view.fig``; a
    notebook's figure function returns ``view.fig``, a plain figure. Nothing is stored on the
    Figure itself, and a misspelt part is an AttributeError where it is written.
    """

    fig: LessonFigure


def styled(build):
    """Decorator: build the figure under the course's rc settings."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(RC):
            return build(*args, **kwargs)

    return wrapper


def new_figure(nrows: int = 1, ncols: int = 1, figsize=(8, 5), **subplot_kw):
    """A LessonFigure with a grid of axes, laid out with constrained layout.

    Call it inside a function decorated with ``styled`` so the course's fonts apply.
    """
    nrows = positive_int(nrows, "nrows", maximum=MAX_PANELS)
    ncols = positive_int(ncols, "ncols", maximum=MAX_PANELS)
    size = finite_array(figsize, "figsize", shape=(2,))
    if not np.all((size > 0) & (size <= MAX_INCHES)):
        raise ValueError(f"figsize must be (width, height) in inches, each > 0 and <= "
                         f"{MAX_INCHES:g}, got {tuple(size.tolist())}")
    fig = LessonFigure(figsize=tuple(size.tolist()), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes
