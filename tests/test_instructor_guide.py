"""docs/instructor.md covers every lesson and names only exercises that exist."""

import importlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import build_site  # noqa: E402
from oracles import assigned_names  # noqa: E402

from lesson_lib.lesson import lessons  # noqa: E402

GUIDE = (ROOT / "docs" / "instructor.md").read_text()
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def sections() -> dict[int, str]:
    parts = re.split(r"^## Lesson (\d+)\b", GUIDE, flags=re.MULTILINE)
    return {int(number): text for number, text in zip(parts[1::2], parts[2::2], strict=True)}


def test_every_lesson_has_a_section_with_goal_timing_questions_and_homework():
    found = sections()
    for nb in NOTEBOOKS:
        number = int(nb.name[:2])
        assert number in found, f"docs/instructor.md has no '## Lesson {number}' ({nb.name})"
        if number == 0:
            continue
        text = found[number]
        for part in ("**Goal:**", "**Stop and ask:**", "**Misconceptions", "**Homework:**"):
            assert part in text, f"lesson {number}'s section has no {part}"
        assert "Minutes" in text or "**Timing:**" in text, f"lesson {number} has no timing"


def test_exercises_named_exist():
    checked = []
    for nb in NOTEBOOKS:
        number = int(nb.name[:2])
        folders = set(re.findall(r"ll\.(\w+)\.exercises\.ex\d+", nb.read_text()))
        if not folders or number not in sections():
            continue
        names = set()
        for folder in folders:
            names |= set(vars(importlib.import_module(f"lesson_lib.{folder}.exercises")))
        named = set(re.findall(r"\bex\d+\b", sections()[number]))
        assert named <= names, f"lesson {number}'s section names {sorted(named - names)}"
        checked += [(number, name) for name in named]
    # Not vacuous: every lesson whose notebook has exercises names some in its section.
    found = {number for number, _ in checked}
    declared = {lesson.number for _, lesson in lessons() if lesson.exercises}
    assert found == declared, f"checked lessons {sorted(found)}, not {sorted(declared)}"


def test_lesson_headings_match_the_notebook_titles():
    for nb in NOTEBOOKS:
        number = int(nb.name[:2])
        if number == 0:
            continue
        title = build_site.title(nb)
        heading = re.search(rf"^## (Lesson {number}\b.*?)( \(optional\))?$", GUIDE, re.MULTILINE)
        assert heading and heading.group(1) == title, f"lesson {number}: heading is not {title!r}"


def test_solutions_page_lists_each_lessons_own_exercises_once():
    page = build_site.solutions_page()
    lessons = re.split(r"^## ", page, flags=re.MULTILINE)[1:]
    titles = [lesson.splitlines()[0] for lesson in lessons]
    expected = list(dict.fromkeys(build_site.title(nb) for _, nb in build_site.exercise_modules()))
    assert titles == expected  # each lesson once, headed by its notebook's title
    for (module_name, _), lesson in zip(build_site.exercise_modules(), lessons, strict=True):
        module = importlib.import_module(f"lesson_lib.{module_name}.exercises")
        own = [name for name, ex in vars(module).items()
               if name in assigned_names(module) and hasattr(ex, "solution")]
        listed = re.findall(r"^### `(\w+)`", lesson, re.MULTILINE)
        assert listed == own, f"{module_name}: lists {listed}, defines {own}"
        for name in own:  # the question shown is this module's, not another lesson's
            assert getattr(module, name).question in lesson
    training = importlib.import_module("lesson_lib.training.exercises")
    assert "forward_ex6" not in page and training.forward_ex6.question not in lessons[5]
