"""A figure's text alternative: what a notebook's output carries as ``alt`` metadata, and
what the website (docs/site/figure_alt.py) makes of it. Oracles: texts written here by hand."""

import base64
import hashlib
import sys
from pathlib import Path

import pytest
from IPython.core.formatters import DisplayFormatter

from lesson_lib.figures.style import describe_figure, new_figure, styled

ROOT = Path(__file__).resolve().parents[1]


@styled
def two_panels():
    fig, (left, right) = new_figure(1, 2, figsize=(6, 3))
    fig.suptitle("Loss of $E_{total}$\nwhile training")
    left.set_title("rate 0.5: slow,\nsteady")
    left.set(xlabel="updates", ylabel="$E_{total}$ (no unit)")
    right.set(xlabel="updates")  # no title, no y label: its text names it
    right.text(0.5, 0.5, "until $E \\leq 10^{-6}$")
    return fig


def test_a_shown_figure_carries_its_alt_and_the_same_png():
    fig = two_panels()
    data, metadata = DisplayFormatter().format(fig)
    assert data["image/png"] == fig.to_png()
    assert metadata == {"image/png": {"alt": (
        "Figure: Loss of E_total, while training; rate 0.5: slow, steady (E_total (no unit) "
        "against updates); until E ≤ 10^-6 (against updates)")}}


def test_a_dollar_sign_alone_is_not_mathtext():
    @styled
    def money():
        fig, ax = new_figure(figsize=(3, 2))
        ax.set(title="Revenue peaks: $25", xlabel="miles", ylabel="revenue ($)")
        return fig

    assert describe_figure(money()) == "Figure: Revenue peaks: $25 (revenue ($) against miles)"


def test_the_website_reads_alt_metadata_and_an_svg_title():
    pytest.importorskip("sphinx")
    sys.path.insert(0, str(ROOT / "docs" / "site"))
    from figure_alt import output_alts, svg_alt

    png = two_panels().to_png()
    encoded = base64.b64encode(png).decode()
    notebook = {"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "execute_result", "data": {"image/png": encoded},
         "metadata": {"image/png": {"alt": "Figure: a loss curve"}}},
        {"output_type": "display_data", "data": {"image/png": encoded[:-8] + "AAAAAAA="},
         "metadata": {}}]}]}
    assert output_alts(notebook) == {hashlib.sha256(png).hexdigest(): "Figure: a loss curve"}
    svg = (b"<svg xmlns='http://www.w3.org/2000/svg'><title>The lecture&#x27;s network"
           b"</title><desc>Network diagram,\n 2 inputs.</desc></svg>")
    assert svg_alt(svg) == "The lecture's network. Network diagram, 2 inputs."
    assert svg_alt(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
