"""Build the course website into build/site/ from the stored notebooks (`make site`).

Offline: the notebooks are rendered with their stored outputs (no kernel runs), MathJax
comes from build/vendor/ (scripts/fetch_site_assets.py). The pages are staged in
build/site-src/: every notebooks/NN_*.ipynb as lessons/, docs/instructor.md, docs/license.md,
a generated course map (index.md) and a generated solutions page that no lesson links to.
Every figure's alt text is its stored output's ``alt`` metadata, which ``LessonFigure``
writes (docs/site/figure_alt.py; tests/test_hygiene.py checks every stored figure has one).
"""

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"
MATHJAX_PARENT = ROOT / "build" / "vendor" / "mathjax-static"
PAGES = ["instructor.md", "license.md"]


def notebooks() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def title(notebook: Path) -> str:
    """The notebook's first level-1 heading."""
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] == "markdown":
            match = re.search(r"^# (.+)$", "".join(cell["source"]), re.MULTILINE)
            if match:
                return match.group(1).strip()
    return notebook.stem


def course_map() -> str:
    rows = "\n".join(f"| {nb.name[:2].lstrip('0') or '0'} | [{title(nb)}](lessons/{nb.name}) |"
                     for nb in notebooks())
    toctree = "\n".join(f"lessons/{nb.stem}" for nb in notebooks())
    return f"""# Backpropagation, by hand and interactive

A short course that goes from the derivative of the sigmoid to a trained neural network,
with every step computed, shown and explained. It follows a classic lecture on
backpropagation (a 2-2-2 sigmoid network with the inputs 0.05 and 0.10), recomputes every
number the lecture shows, and checks each one a second way.

Each page below is a lesson's notebook as stored, with its formulas, figures and the stills
of its apps. To run a lesson and move the apps' sliders, use the buttons at the top of
its page: **Binder** starts a JupyterLab server for you (the first start takes a few
minutes); **JupyterLite** runs Python in your browser with no server (lesson 8 needs
TensorFlow, which runs only in a local install).

## The course

| # | Lesson |
|---|--------|
{rows}

**Teaching it?** The [instructor's guide](instructor.md) plans each lesson for a 50-minute
class. **Licence:** code MIT, text and figures CC BY 4.0 ([details](license.md)).

```{{toctree}}
:hidden:
:caption: Lessons

{toctree}
```

```{{toctree}}
:hidden:
:caption: About

instructor
license
```
"""


def exercise_modules() -> list[tuple[str, Path]]:
    """(exercise module, notebook) for every notebook that sets exercises."""
    found = []
    for nb in notebooks():
        names = re.findall(r"ll\.(\w+)\.exercises\.ex\d+", nb.read_text())
        found += [(name, nb) for name in dict.fromkeys(names)]
    return found


def own_exercises(module) -> list[tuple[str, object]]:
    """(variable, exercise) for the exercises a lesson's module defines, in its order: not
    those it imports from another lesson (lesson 6 imports lesson 5's ex6, lesson 4's ex6)."""
    from lesson_lib.exercises import CodeExercise, Exercise

    return [(name, ex) for name, ex in vars(module).items()
            if isinstance(ex, (Exercise, CodeExercise))
            and getattr(ex, "_module", None) == module.__name__ and ex.name == name]


def solutions_page() -> str:
    parts = ["---\norphan: true\nnosearch: true\n---\n",
             "# Solutions (for instructors)\n",
             "Not linked from any lesson. In a notebook, `ex3.solution()` prints the same text.\n"]
    lessons: dict[Path, list[str]] = {}
    for module_name, nb in exercise_modules():
        lessons.setdefault(nb, []).append(module_name)
    for nb, module_names in lessons.items():
        parts.append(f"## {title(nb)}\n")
        for module_name in module_names:
            module = importlib.import_module(f"lesson_lib.{module_name}.exercises")
            for name, ex in own_exercises(module):
                parts.append(f"### `{name}`\n\n````text\n{ex.question}\n````\n\n"
                             f"````text\n{ex.solution()}\n````\n")
    return "\n".join(parts)


def stage() -> None:
    shutil.rmtree(SOURCE, ignore_errors=True)
    (SOURCE / "lessons").mkdir(parents=True)
    for nb in notebooks():
        shutil.copy2(nb, SOURCE / "lessons" / nb.name)
    for page in PAGES:
        text = (ROOT / "docs" / page).read_text()
        # links between the guide and the lessons, written for the repository
        text = text.replace("../notebooks/", "lessons/").replace("../LICENSE", "license.md")
        (SOURCE / page).write_text(text)
    (SOURCE / "index.md").write_text(course_map())
    (SOURCE / "solutions.md").write_text(solutions_page())


def main() -> None:
    if not (MATHJAX_PARENT / "mathjax" / "tex-chtml.js").exists():
        sys.exit("build/vendor/ has no MathJax: run `make site-assets` (needs the network) first")
    stage()
    shutil.rmtree(OUT, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-c", str(ROOT / "docs/site"),
               str(SOURCE), str(OUT)]
    env = {**os.environ, "COURSE_MATHJAX_PARENT": str(MATHJAX_PARENT)}
    subprocess.run(command, check=True, env=env)
    print(f"website: {OUT / 'index.html'} ({len(notebooks())} lessons)")


if __name__ == "__main__":
    main()
