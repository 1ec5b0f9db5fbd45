"""The website (build/site) in headless Chromium: every page, formula, figure and button."""

import functools
import html
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import BUILD, ROOT, SCREENSHOTS

SITE = BUILD / "site"
PAGES = sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
               if not p.relative_to(SITE).parts[0].startswith("_")
               and p.name not in ("genindex.html", "search.html"))
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

MATH_DONE = """async () => {
  if (!window.MathJax) return {mathjax: false};
  await MathJax.startup.promise;
  return {mathjax: true,
          math: document.querySelectorAll('.math').length,
          rendered: document.querySelectorAll('.math mjx-container').length,
          errors: [...document.querySelectorAll('mjx-merror')].map(e => e.textContent)};
}"""
IMAGES = """() => [...document.images].map(img => ({src: img.getAttribute('src'),
    ok: img.complete && img.naturalWidth > 0, alt: img.alt}))"""


def test_every_lesson_has_a_page():
    assert sorted(p.rsplit("/", 1)[-1].replace(".html", ".ipynb")
                  for p in PAGES if p.startswith("lessons/")) == NOTEBOOKS


@pytest.mark.parametrize("page_path", PAGES)
def test_page_renders_offline(visit, page_path):
    tab = visit()
    tab.page.goto(tab.base_url + "site/" + page_path, wait_until="load")
    math = tab.page.evaluate(MATH_DONE)
    images = tab.page.evaluate(IMAGES)
    assert not tab.outside, f"{page_path} asked other hosts for: {tab.outside}"
    assert not tab.failed, f"{page_path}: requests that failed: {tab.failed}"
    if math["mathjax"]:
        assert math["rendered"] == math["math"], (
            f"{page_path}: {math['rendered']} of {math['math']} formulas rendered")
        assert not math["errors"], f"{page_path}: TeX errors {math['errors']}"
    broken = [img["src"] for img in images if not img["ok"]]
    assert not broken, f"{page_path}: images that did not load: {broken}"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_lesson_page_shows_its_formulas_figures_and_open_buttons(visit, notebook):
    stored = json.loads((ROOT / "notebooks" / notebook).read_text())
    figures = sum(bool({"image/png", "image/svg+xml"} & set(out.get("data", {})))
                  for cell in stored["cells"] for out in cell.get("outputs", []))
    has_math = any(re.search(r"\$[^$]+\$", "".join(cell["source"]))
                   for cell in stored["cells"] if cell["cell_type"] == "markdown")
    tab = visit(width=1024, height=768)
    tab.page.goto(tab.base_url + "site/lessons/" + notebook.replace(".ipynb", ".html"))
    math = tab.page.evaluate(MATH_DONE)
    shown = [img for img in tab.page.evaluate(IMAGES) if "_images/" in img["src"]]
    assert len(shown) == figures and all(img["ok"] for img in shown), (
        f"{notebook}: {figures} stored figures, {len(shown)} shown")
    if has_math:
        assert math["mathjax"] and math["rendered"] > 0, f"{notebook}: no formula rendered"

    binder = tab.page.get_attribute(".course-open-binder", "href")
    assert binder.startswith("https://mybinder.org/v2/gh/")
    assert parse_qs(urlparse(binder).query)["urlpath"] == [f"lab/tree/notebooks/{notebook}"]
    lite = tab.page.get_attribute(".course-open-lite", "href")
    assert lite == f"../../lite/lab/index.html?path={notebook}"
    assert (BUILD / "lite" / "files" / notebook).exists()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"site_{notebook[:-6]}.png"))


# The oracle for a PNG figure: the figure itself, in a fresh run of its notebook. Every
# matplotlib Figure the notebook shows also shows, as JSON, its titles and axis labels read
# with matplotlib's getters here (not with lesson_lib's describe_figure, which writes the alt).
FIGURE_TEXTS = """
from matplotlib.figure import Figure
def _figure_texts(fig):
    axes = fig.get_axes()
    titles = [fig.get_suptitle()] + [ax.get_title(loc) for ax in axes
                                     for loc in ("center", "left", "right")]
    labels = [label for ax in axes for label in (ax.get_xlabel(), ax.get_ylabel())]
    return {"texts": [text for text in titles + labels if text.strip()]}
get_ipython().display_formatter.formatters["application/json"].for_type(Figure, _figure_texts)
"""


@functools.cache
def figure_texts(notebook: str) -> list[list[str]]:
    """For each figure the stored notebook shows, in order: the texts its alt must name.
    An SVG still: its own <title>, read from the stored notebook. A PNG: its titles and
    axis labels, from a run of the notebook (only if it stores a PNG)."""
    import nbformat
    from nbclient import NotebookClient

    stored = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
    figures = [out for cell in stored.cells for out in cell.get("outputs", [])
               if {"image/png", "image/svg+xml"} & set(out.get("data", {}))]
    pngs = []
    if any("image/png" in out.data for out in figures):
        run = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
        run.cells.insert(0, nbformat.v4.new_code_cell(FIGURE_TEXTS))
        for cell in run.cells[1:]:
            if cell.cell_type == "code":
                cell.outputs = []
        NotebookClient(run, kernel_name="python3", timeout=600,
                       resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
        pngs = [out.data["application/json"]["texts"] for cell in run.cells
                for out in cell.get("outputs", []) if "image/png" in out.get("data", {})]
    texts = []
    for out in figures:
        if "image/png" in out.data:
            texts.append(pngs.pop(0))
        else:
            title = re.search(r"<title>(.*?)</title>", out.data["image/svg+xml"], re.DOTALL)
            texts.append([html.unescape(title.group(1))])
    assert not pngs, f"{notebook}: the run showed more PNG figures than were stored"
    return texts


def words(text: str) -> list[str]:
    """The words and numbers of a text, TeX commands ($\\leq$) left out."""
    return re.findall(r"[A-Za-z0-9]+", re.sub(r"\\[A-Za-z]+", " ", text))


def names(alt: str, text: str) -> bool:
    """Whether ``alt`` says ``text``: its words, in order and together."""
    want, have = words(text), words(alt)
    return any(have[i:i + len(want)] == want for i in range(len(have) - len(want) + 1))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_figure_has_a_text_alternative(visit, notebook):
    """Each figure's <img> has an alt that says what the figure shows (its titles and axis
    labels; a still: its title), never the image's file path."""
    expected = figure_texts(notebook)
    tab = visit()
    tab.page.goto(tab.base_url + "site/lessons/" + notebook.replace(".ipynb", ".html"))
    shown = [img for img in tab.page.evaluate(IMAGES) if "_images/" in img["src"]]
    assert len(shown) == len(expected), f"{notebook}: {len(expected)} figures, {len(shown)} shown"
    for img, texts in zip(shown, expected, strict=True):
        alt = img["alt"]
        assert alt.strip() and alt != img["src"] and "_images" not in alt \
            and not re.search(r"\.(png|svg)$", alt), f"{notebook}: {img['src']} has alt {alt!r}"
        missing = [text for text in texts if not names(alt, text)]
        assert not missing, f"{notebook}: the alt of {img['src']} ({alt!r}) does not say {missing}"


def test_solutions_are_for_instructors_only():
    """The solutions page exists, but only the instructor's guide links to it."""
    assert (SITE / "solutions.html").exists()
    linking = sorted(p for p in PAGES if "solutions.html" in (SITE / p).read_text()
                     and p != "solutions.html")
    assert linking == ["instructor.html"], f"pages linking to the solutions: {linking}"


def test_licence_is_shown():
    for page in ("index.html", "license.html"):
        assert "CC BY 4.0" in (SITE / page).read_text()
    assert "MIT" in (SITE / "license.html").read_text()
