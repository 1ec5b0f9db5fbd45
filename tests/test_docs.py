"""The README and the course map point at notebooks that exist, and agree with each other."""

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def readme_links():
    text = (ROOT / "README.md").read_text()
    return (re.findall(r"\]\(notebooks/([^)]+\.ipynb)\)", text),
            re.findall(r"urlpath=lab/tree/notebooks/([^)\s]+\.ipynb)", text))


def test_readme_lists_every_notebook_with_a_binder_link():
    local, binder = readme_links()
    assert local == NOTEBOOKS, "README's course table must list notebooks/ in order"
    assert binder == NOTEBOOKS, "each README row needs a Binder link to its own notebook"


def test_course_map_links_every_lesson():
    nb = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    linked = sorted(set(re.findall(r"\]\((\d\d_[^)]+\.ipynb)\)", text)))
    assert linked == [n for n in NOTEBOOKS if n != "00_start_here.ipynb"]


def test_supported_pythons_agree():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'requires-python = ">=3.10"' in pyproject
    for minor in (10, 11, 12, 13):
        assert f"Python :: 3.{minor}" in pyproject
    assert "Python 3.10 to 3.13" in (ROOT / "README.md").read_text()
    assert (ROOT / "binder" / "runtime.txt").read_text().strip().startswith("python-3.")
