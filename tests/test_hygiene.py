"""Stored notebooks are one clean top-to-bottom run of a fresh kernel."""

import importlib
import re
from pathlib import Path

import nbformat
import pytest
from oracles import assigned_names

from lesson_lib.lesson import lessons

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
ALLOWED_NOTEBOOK_METADATA = {"kernelspec", "language_info"}
ALLOWED_CELL_METADATA = {"tags"}
ALLOWED_TAGS = {"nbval-ignore-output", "nbval-skip"}


def ids(paths):
    return [p.name for p in paths]


def test_there_are_notebooks():
    assert any(p.name == "00_start_here.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_is_one_clean_run(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    problems = []
    extra = set(nb.metadata) - ALLOWED_NOTEBOOK_METADATA
    if extra:
        problems.append(f"notebook metadata {sorted(extra)}")
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    if counts != list(range(1, len(code) + 1)):
        problems.append(f"execution counts {counts}, expected 1..{len(code)}")
    for number, cell in enumerate(nb.cells, start=1):
        where = f"cell {number}"
        extra = set(cell.metadata) - ALLOWED_CELL_METADATA
        if extra:
            problems.append(f"{where}: metadata {sorted(extra)}")
        tags = set(cell.metadata.get("tags", []))
        if tags - ALLOWED_TAGS:
            problems.append(f"{where}: unknown tags {sorted(tags - ALLOWED_TAGS)}")
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                problems.append(f"{where}: error output {output.ename}")
            if output.output_type == "stream" and output.name == "stderr":
                problems.append(f"{where}: stderr output {output.text[:80]!r}")
            if "application/vnd.jupyter.widget-view+json" in output.get("data", {}):
                problems.append(f"{where}: stored widget view (shows 'model not found')")
    assert not problems, f"{path.name}: " + "; ".join(problems) + \
        " -- re-store it with `make notebooks`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_notebook_imports_lesson_lib_first(path):
    nb = nbformat.read(path, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "import lesson_lib" in first_code.source, \
        f"{path.name}: the first code cell should import lesson_lib"


# Each lesson folder of lesson_lib declares its notebook, its apps and its exercises.
DECLARED = {folder: lesson for folder, lesson in lessons()}
LESSONS = [p for p in NOTEBOOKS if p.name != "00_start_here.ipynb"]


def test_every_lesson_notebook_has_a_declaring_folder_and_back():
    assert sorted(d.notebook for d in DECLARED.values()) == [p.name for p in LESSONS]
    assert [d.number for d in DECLARED.values()] == list(range(1, len(DECLARED) + 1))


def _declared(path):
    return next((folder, d) for folder, d in DECLARED.items() if d.notebook == path.name)


@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_every_declared_app_follows_a_still_figure_and_ignores_its_output(path):
    folder, lesson = _declared(path)
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    calls = [i for i, c in enumerate(code) if ".apps." in c.source]
    shown = {name for i in calls for name in lesson.apps if f"ll.{folder}.apps.{name}(" in
             code[i].source}
    assert shown == set(lesson.apps), f"{path.name}: declares apps {lesson.apps}, shows {shown}"
    every_app = [f"ll.{f}.apps.{name}(" for f, d in DECLARED.items() for name in d.apps]
    for i in calls:  # an app of an earlier lesson may come back; an undeclared one may not
        assert any(app in code[i].source for app in every_app), code[i].source
    module = importlib.import_module(f"lesson_lib.{folder}.apps") if lesson.apps else None
    for name in lesson.apps:
        assert callable(getattr(module, name)), f"{folder}.apps has no {name}"
    for i in calls:
        assert code[i].metadata.get("tags") == ["nbval-ignore-output"], \
            f"{path.name}: app cell {code[i].source!r} needs the tag nbval-ignore-output"
        assert any("image/png" in o.get("data", {}) or "image/svg+xml" in o.get("data", {})
                   for o in code[i - 1].outputs), \
            f"{path.name}: the code cell before {code[i].source!r} shows no still figure"


@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_every_declared_exercise_is_defined_and_checked(path):
    folder, lesson = _declared(path)
    assert lesson.exercises >= 3, f"{folder}: a lesson sets at least three exercises"
    module = importlib.import_module(f"lesson_lib.{folder}.exercises")
    own = [n for n in vars(module) if re.fullmatch(r"ex\d+", n)
           and n in assigned_names(module)]  # not one imported from a lesson
    assert own == [f"ex{n}" for n in range(1, lesson.exercises + 1)], \
        f"{folder}.exercises defines {own}, declares {lesson.exercises}"
    source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                       if c.cell_type == "code")
    for n in range(1, lesson.exercises + 1):
        assert f"ex{n}.check(" in source, f"{path.name}: exercise {n} has no check cell"


def _exercises():
    from lesson_lib.exercises import CodeExercise, Exercise
    for folder in DECLARED:
        module = importlib.import_module(f"lesson_lib.{folder}.exercises")
        for value in vars(module).values():
            if isinstance(value, Exercise | CodeExercise):
                yield value


def _output_text(cell) -> str:
    return "\n".join(o.get("text", "") + "".join(o.get("data", {}).get("text/plain", ""))
                     for o in cell.get("outputs", []))


@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_no_stored_output_gives_a_solution_away(path):
    """A learner reading the stored page sees questions and 'not yet', never an answer."""
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    shown = "\n".join(_output_text(c) for c in cells)
    assert "Solution:" not in shown, f"{path.name}: a stored output shows a solution"
    flat = " ".join(shown.split())
    for exercise in _exercises():
        code = " ".join(getattr(exercise, "solution_code", "").split())
        assert not code or code not in flat, f"{path.name}: a stored output shows solution code"
    for cell in cells:
        if ".check(" in cell.source and not cell.source.lstrip().startswith("def "):
            assert not _output_text(cell).startswith("Correct"), \
                f"{path.name}: the stored check cell {cell.source!r} says the answer is right"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_stored_figure_says_what_it_shows(path):
    """A PNG figure carries its text alternative (the website's alt) as output metadata;
    tests/site checks the words against the figure's own titles and labels."""
    for cell in nbformat.read(path, as_version=4).cells:
        for out in cell.get("outputs", []):
            if "image/png" not in out.get("data", {}):
                continue
            alt = out.get("metadata", {}).get("image/png", {}).get("alt", "")
            assert alt.startswith("Figure: ") and len(alt) > len("Figure: ") + 10, \
                f"{path.name}: a stored figure has no alt text ({cell.source[:60]!r}): " \
                "store the notebook again (make notebooks NB=...)"


def test_lazy_layers_answer_dunder_probes_without_importing():
    """inspect and copy ask modules for names like __bases__; that must not recurse."""
    import lesson_lib as ll
    for layer in (ll, ll.figures, ll.apps, ll.exercises, ll.core,
                  *(getattr(ll, folder) for folder in DECLARED)):
        assert not hasattr(layer, "__bases__")
