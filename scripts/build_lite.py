"""Build the course as a JupyterLite site into build/lite/ (`make lite`): no server needed.

Offline. Every notebooks/NN_*.ipynb goes in, with two cells put in front of its copy (the
stored notebooks stay as they are): a note on what JupyterLite is, and `%pip install
lesson_lib`, which installs the course's helper from the wheel bundled here. The Pyodide
kernel, ipywidgets' front end (jupyterlab_widgets) and the JupyterLab shell come from the
installed Python packages; ipywidgets and the pure-Python packages it needs that Pyodide
lacks are bundled as wheels from build/vendor/wheels (scripts/fetch_site_assets.py).

The Pyodide runtime and its numpy and matplotlib are not in the site: the learner's
browser fetches them from Pyodide's CDN the first time a cell runs.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGE = ROOT / "build" / "lite-src"
OUT = ROOT / "build" / "lite"
VENDOR_WHEELS = ROOT / "build" / "vendor" / "wheels"
NEEDS_LOCAL = {"08_tensorflow.ipynb": "TensorFlow"}

NOTE = """**You are in JupyterLite:** Python runs in this browser tab, with no server. The first
time you run a cell, your browser downloads Python and numpy/matplotlib from Pyodide's
servers (about a minute); after that a cell runs at once. Run the next cell first: it
installs the course's helper, `lesson_lib`. Your changes are kept in this browser only
(File > Download to keep a copy)."""

LOCAL_ONLY = """**This lesson needs {package}, which does not run in the browser** (Pyodide, the
Python of JupyterLite, has no {package}). Read it here with its stored outputs, or run it in
a local install: `make lab`, then `.venv/bin/python -m pip install -r
requirements-tensorflow.txt` (see the course's README)."""

README = """# Backpropagation, by hand and interactive, in JupyterLite

Open `00_start_here.ipynb` first. Each lesson is a notebook; run its cells from the top.

- Python runs in your browser (Pyodide): the first run of a cell downloads Python and
  numpy/matplotlib from Pyodide's CDN, then everything runs locally.
- Every notebook starts with `%pip install lesson_lib`, which installs the course's helper
  from this site.
- Lesson 8 (TensorFlow) needs a local install: Pyodide has no TensorFlow. Its page shows
  the stored outputs.
- Your edits are saved in this browser only. Use File > Download to keep a copy.
"""


def markdown(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def lite_copy(notebook: Path) -> dict:
    """The notebook with the JupyterLite note and the install cell in front."""
    nb = json.loads(notebook.read_text())
    cells = [markdown(NOTE),
             {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
              "source": "%pip install lesson_lib"}]
    if notebook.name in NEEDS_LOCAL:
        cells.insert(0, markdown(LOCAL_ONLY.format(package=NEEDS_LOCAL[notebook.name])))
    nb["cells"] = cells + nb["cells"]
    return nb


def lesson_lib_wheel(into: Path) -> None:
    """lesson_lib's wheel, built from a copy of the source (no network, no build/ in the tree)."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("pyproject.toml", "README.md", "LICENSE"):
            shutil.copy2(ROOT / name, tmp)
        shutil.copytree(ROOT / "lesson_lib", Path(tmp) / "lesson_lib",
                        ignore=shutil.ignore_patterns("__pycache__"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--no-build-isolation", "--no-index", "--disable-pip-version-check",
                        "--wheel-dir", str(into), tmp], check=True)


def main() -> None:
    wheels = sorted(VENDOR_WHEELS.glob("*.whl"))
    if not wheels:
        sys.exit("build/vendor/wheels is empty: run `make site-assets` (needs the network) first")
    shutil.rmtree(STAGE, ignore_errors=True)
    files, pypi = STAGE / "files", STAGE / "pypi"
    files.mkdir(parents=True)
    pypi.mkdir()
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for nb in notebooks:
        (files / nb.name).write_text(json.dumps(lite_copy(nb), indent=1) + "\n")
    (files / "README.md").write_text(README)
    for wheel in wheels:
        shutil.copy2(wheel, pypi)
    lesson_lib_wheel(pypi)

    shutil.rmtree(OUT, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(STAGE),
                    "--contents", str(files), "--output-dir", str(OUT), "--no-sourcemaps"],
                   check=True, cwd=STAGE)
    print(f"JupyterLite: {OUT / 'index.html'} ({len(notebooks)} notebooks, "
          f"wheels: {', '.join(p.name for p in sorted(pypi.glob('*.whl')))})")


if __name__ == "__main__":
    main()
