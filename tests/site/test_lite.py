"""The JupyterLite site (build/lite) in headless Chromium: the shell and every notebook load.

No Python runs here: the Pyodide runtime comes from Pyodide's CDN, which this machine
cannot reach, so requests to it are refused and counted, and nothing else may leave.
What a kernel would need is checked statically by scripts/check_pyodide.py.
"""

import json

import pytest
from conftest import BUILD, ROOT, SCREENSHOTS

LITE = BUILD / "lite"
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PYODIDE_CDN = "https://cdn.jsdelivr.net/pyodide/"
WIDGETS = "@jupyter-widgets/jupyterlab-manager"


def test_every_notebook_and_wheel_is_in_the_site():
    contents = json.loads((LITE / "api" / "contents" / "all.json").read_text())
    names = sorted(item["name"] for item in contents["content"])
    assert [n for n in names if n.endswith(".ipynb")] == NOTEBOOKS
    assert "README.md" in names
    wheels = json.loads((LITE / "pypi" / "all.json").read_text())
    assert {"lesson-lib", "ipywidgets", "comm", "jupyterlab-widgets"} <= set(wheels)
    config = json.loads((LITE / "jupyter-lite.json").read_text())["jupyter-config-data"]
    extensions = [e["name"] for e in config["federated_extensions"]]
    assert WIDGETS in extensions and "@jupyterlite/pyodide-kernel-extension" in extensions


def outside_but_pyodide(tab) -> list[str]:
    return [url for url in tab.outside if not url.startswith(PYODIDE_CDN)]


def test_shell_loads_and_lists_the_course(visit):
    tab = visit()
    tab.page.goto(tab.base_url + "lite/lab/index.html")
    listing = tab.page.locator(".jp-DirListing-content")
    listing.get_by_text("00_start_here.ipynb").wait_for()
    for name in NOTEBOOKS:
        assert listing.get_by_text(name).count() == 1, f"{name} is not in the file browser"
    assert not outside_but_pyodide(tab), tab.outside
    assert not tab.failed, tab.failed


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_opens_with_the_widgets_front_end(visit, notebook):
    tab = visit()
    tab.page.goto(tab.base_url + f"lite/lab/index.html?path={notebook}")
    panel = tab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    # the copy's first cells: the note on JupyterLite (rendered) and the install cell
    panel.locator(".jp-RenderedMarkdown", has_text="You are in JupyterLite").first.wait_for()
    panel.locator(".jp-InputArea-editor", has_text="%pip install lesson_lib").first.wait_for()
    cells = json.loads((LITE / "files" / notebook).read_text())["cells"]
    title = next(line for cell in cells if cell["cell_type"] == "markdown"
                 for line in "".join(cell["source"]).splitlines() if line.startswith("#"))
    heading = title.lstrip("# ").strip().replace("$", "")
    if "\\" not in heading:  # a heading with TeX renders as MathJax, not as its source
        panel.locator(".jp-RenderedMarkdown", has_text=heading).first.wait_for()
    # The widgets' front end: its extension was fetched and registered its plugin.
    loaded = tab.page.evaluate("""() => performance.getEntriesByType('resource')
        .map(e => e.name).filter(n => n.includes('/extensions/@jupyter-widgets/'))""")
    assert loaded, f"{notebook}: the widgets front end ({WIDGETS}) was not loaded"
    assert not outside_but_pyodide(tab), f"{notebook}: requests to {outside_but_pyodide(tab)}"
    assert not tab.failed, f"{notebook}: failed requests {tab.failed}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"lite_{notebook[:-6]}.png"))
