"""Sphinx configuration of the course website, built by scripts/build_site.py (`make site`).

The pages are the stored notebooks, rendered without a kernel (their outputs are the
figures and the apps' stills); figure_alt.py, next to this file, gives every figure its
text alternative. MathJax is served from the site itself, so a page asks no other host
for anything.
"""

import os
import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # figure_alt, this folder's extension

# Where a lesson opens: the repository on Binder, and the JupyterLite site that `make lite`
# builds, by default next to this one (build/site and build/lite).
REPOSITORY = os.environ.get("COURSE_REPOSITORY", "backprop-by-hand/backprop-course")
BINDER = "https://mybinder.org/v2/gh/{repo}/HEAD?urlpath=lab/tree/notebooks/{notebook}"
LITE_URL = os.environ.get("COURSE_LITE_URL", "../lite")
START = "00_start_here.ipynb"
# Folder holding mathjax/ (MathJax 3's es5 build from npm), written by `make site-assets`.
MATHJAX_PARENT = os.environ["COURSE_MATHJAX_PARENT"]

project = "Backpropagation, by hand and interactive"
author = "the course's authors"
copyright = "the course's authors; text and figures CC BY 4.0, code MIT"

extensions = ["myst_nb", "figure_alt"]  # figure_alt: every figure's alt text
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"  # the stored outputs are the pages' figures and numbers
nb_ipywidgets_js = {}  # the stills stand in for the apps; no widget scripts from a CDN
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = project
html_static_path = [MATHJAX_PARENT, str(Path(__file__).parent / "static")]
html_css_files = ["course.css"]
mathjax_path = "mathjax/tex-chtml.js"
html_theme_options = {
    "repository_url": f"https://github.com/{REPOSITORY}",
    "use_repository_button": True,
    "use_download_button": True,
    "show_toc_level": 2,
    "home_page_in_toc": True,
}
html_show_sourcelink = False
html_last_updated_fmt = None


def open_buttons(pagename: str) -> str:
    """Buttons that open this page's lesson (or, off a lesson, the course map)."""
    name = pagename.rsplit("/", 1)[-1] + ".ipynb"
    notebook = name if pagename.startswith("lessons/") else START
    up = "../" * pagename.count("/")
    lite = LITE_URL if "://" in LITE_URL else up + LITE_URL
    links = [
        ("Open on Binder", BINDER.format(repo=REPOSITORY, notebook=notebook), "binder"),
        ("Open in JupyterLite", f"{lite}/lab/index.html?path={notebook}", "lite"),
    ]
    what = "this lesson" if notebook == name else "the course"
    buttons = "".join(f'<a class="course-open course-open-{kind}" href="{escape(url)}">'
                      f"{label}</a>" for label, url, kind in links)
    return f'<div class="course-open-bar" role="navigation" aria-label="Run {what}">' \
           f'<span>Run {what}:</span>{buttons}</div>'


def add_open_buttons(app, pagename, templatename, context, doctree):
    if "body" in context and pagename not in ("search", "genindex", "solutions"):
        context["body"] = open_buttons(pagename) + context["body"]


def setup(app):
    app.connect("html-page-context", add_open_buttons)
