"""Every notebook, opened in JupyterLab (and one in Notebook 7) in headless Chromium, runs
to the end with live widgets, rendered figures and an app that reacts to its controls.

Stored notebooks carry no widget views (scripts/store_notebooks.py strips them), so each
test clears the outputs, runs every cell from the Run menu as a learner would, then reads
the page. A screenshot per notebook lands in tests/browser/screenshots/ (git ignores it).

    make test-browser                                   # the course's notebooks
    BROWSER_NB7=all make test-browser                   # each in Notebook 7 as well
    COURSE_NOTEBOOKS=tests/browser/fixtures make test-browser   # watch it fail
"""

from __future__ import annotations

import os
import re

import pytest
from jupyter_browser import FIXTURES, NOTEBOOKS, SCREENSHOTS, JupyterServer
from notebook_page import (
    KERNEL_STATUS,
    expectations,
    move_one_control,
    open_notebook,
    problems,
    run_all,
)

PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
EXPECTED = {path.name: expectations(path) for path in PATHS}


def notebook7_choice() -> list[str]:
    """The notebook with the most apps (else widgets) for the Notebook 7 check; with
    BROWSER_NB7=all, every notebook."""
    if os.environ.get("BROWSER_NB7") == "all":
        return [p.name for p in PATHS]
    if not PATHS:
        return []
    best = max(EXPECTED.values(), key=lambda e: (len(e.app_cells), len(e.widget_cells)))
    return [best.name]


def check_notebook(page, server, timings, interface: str, folder: str, name: str,
                   move: bool = True, tag: str = "") -> tuple[list[str], list[str]]:
    """Open, run all, check; returns (problems, the browser console's errors as context)."""
    exp = expectations(server.root / folder / name)  # the copy served, as the page shows it
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))
    path = f"{folder}/{name}"
    # A workspace of its own per notebook, so JupyterLab opens only this one.
    workspace = f"{folder}-{name.removesuffix('.ipynb')}"
    url = server.url(f"/lab/workspaces/{workspace}/tree/{path}" if interface == "lab"
                     else f"/notebooks/{path}", reset="")
    open_notebook(page, url)
    seconds, cells = run_all(page)
    found = problems(exp, cells, page.evaluate(KERNEL_STATUS))
    widgets = sum(o["widget"] for c in cells for o in c["outputs"])
    figures = sum(len(o["images"]) for c in cells for o in c["outputs"] if not o["widget"])
    timings.append(f"{interface:4} {name}{tag}: {seconds:5.1f} s  ({len(exp.code_cells)} code "
                   f"cells, {widgets} widget outputs, {figures} figures)")
    if move and not found:
        moved, said = move_one_control(page, name, interface, SCREENSHOTS)
        found += moved
        timings.append(f"{'':4}   control moved: {said}")
    shot = "_".join(filter(None, [interface, name.removesuffix(".ipynb"),
                                  "_".join(re.findall(r"\w+", tag))]))
    page.screenshot(path=SCREENSHOTS / f"{shot}.png")
    # Widget errors first: JupyterLab logs some harmless ones of its own.
    console.sort(key=lambda text: not re.search("widget|model|module", text, re.I))
    context = [f"{name}: browser console error: {(text.splitlines() or [''])[0][:300]}"
               for text in console[:5]]
    return found, context


def report(found: list[str], context: list[str]) -> str:
    return "\n".join(found + context)


@pytest.mark.parametrize("name", [p.name for p in PATHS])
def test_notebook_in_jupyterlab(page, server, timings, name):
    found, context = check_notebook(page, server, timings, "lab", "notebooks", name)
    assert not found, report(found, context)


@pytest.mark.parametrize("name", notebook7_choice())
def test_notebook_in_notebook7(page, server, timings, name):
    found, context = check_notebook(page, server, timings, "nb7", "notebooks", name)
    assert not found, report(found, context)


def test_a_broken_widget_is_reported_with_notebook_and_cell(page, server, timings):
    """The fixture displays a widget whose front-end module is missing (cell 5): the checks
    must name that notebook and cell, and pass the healthy slider in cell 4."""
    found, context = check_notebook(page, server, timings, "lab", "fixtures",
                                    "broken_widget.ipynb", move=False)
    assert found, "the broken widget went unnoticed"
    assert all(message.startswith("broken_widget.ipynb cell 5 of 5") for message in found), found
    assert any("widget error box" in message for message in found), found
    # The console says why: the front-end module is missing.
    assert "course-no-such-widget-module" in report(found, context), context


@pytest.fixture(scope="module")
def server_without_widgets():
    """A server whose JupyterLab lacks the widget manager, as after a broken install."""
    with JupyterServer({"fixtures": FIXTURES},
                       disabled_extensions=("@jupyter-widgets/jupyterlab-manager",)) as running:
        yield running


def test_widgets_shown_as_bare_text_are_reported(page, server_without_widgets, timings):
    """Without the front-end widget manager, widgets show their text repr: that must fail."""
    found, context = check_notebook(page, server_without_widgets, timings, "lab", "fixtures",
                                    "broken_widget.ipynb", move=False,
                                    tag=" (no widget manager)")
    server_without_widgets.shutdown_kernels()
    assert any(message.startswith("broken_widget.ipynb cell 4 of 5") and
               "a widget shows as text, not live: IntSlider(" in message
               for message in found), report(found, context)
