"""Execute notebooks top to bottom in a fresh kernel and store them with clean metadata.

    python scripts/store_notebooks.py                 # every notebook in notebooks/
    python scripts/store_notebooks.py notebooks/01_sigmoid_derivative.ipynb

What is stored is what the hygiene test expects: execution counts 1..n, only the
kernelspec and language name as notebook metadata, only tags as cell metadata, and no
widget-view outputs (a saved page cannot show a live widget; the text fallback says to run
the cell instead of JupyterLab's "model not found").
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.metadata = nbformat.from_dict({
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
    })
    for cell in nb.cells:
        tags = cell.metadata.get("tags")
        cell.metadata = nbformat.from_dict({"tags": tags} if tags else {})
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    return nb


def store(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3", timeout=600, store_widget_state=False,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    seconds = time.perf_counter() - start
    nbformat.write(clean(nb), path)
    return seconds


def main(args: list[str]) -> None:
    paths = [Path(a).resolve() for a in args] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"{path.relative_to(ROOT)}: executed and stored in {store(path):.1f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
