"""Stored notebooks are one clean top-to-bottom run of a fresh kernel."""

from pathlib import Path

import nbformat
import pytest

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


LESSONS = [p for p in NOTEBOOKS if p.name != "00_start_here.ipynb"]


@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_every_app_follows_a_still_figure_and_ignores_its_output(path):
    code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    apps = [i for i, c in enumerate(code) if "ll.apps." in c.source]
    assert apps, f"{path.name}: no widget app"
    for i in apps:
        assert code[i].metadata.get("tags") == ["nbval-ignore-output"], \
            f"{path.name}: app cell {code[i].source!r} needs the tag nbval-ignore-output"
        assert any("image/png" in o.get("data", {}) for o in code[i - 1].outputs), \
            f"{path.name}: the code cell before {code[i].source!r} shows no still figure"


@pytest.mark.parametrize("path", LESSONS, ids=ids(LESSONS))
def test_at_least_three_self_checked_exercises(path):
    source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                       if c.cell_type == "code")
    for n in (1, 2, 3):
        assert f"ex{n}.check(" in source, f"{path.name}: exercise {n} has no check cell"


def _exercises():
    import lesson_lib.exercises as exercises
    from lesson_lib.exercises import CodeExercise, Exercise
    for module in ("sigmoid", "chain", "descent", "forward", "backward", "training", "dataset",
                   "tensorflow"):
        for value in vars(getattr(exercises, module)).values():
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


def test_lazy_layers_answer_dunder_probes_without_importing():
    """inspect and copy ask modules for names like __bases__; that must not recurse."""
    import lesson_lib as ll
    for layer in (ll, ll.figures, ll.apps, ll.exercises, ll.core):
        assert not hasattr(layer, "__bases__")
