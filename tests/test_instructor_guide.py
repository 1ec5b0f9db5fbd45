"""docs/instructor.md covers every lesson and names only exercises that exist."""

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
    for nb in NOTEBOOKS:
        number = int(nb.name[:2])
        modules = set(re.findall(r"ll\.exercises\.(\w+)\.ex\d+", nb.read_text()))
        if not modules or number not in sections():
            continue
        names = set()
        for module in modules:
            names |= set(vars(importlib.import_module(f"lesson_lib.exercises.{module}")))
        named = set(re.findall(r"\bex\d+\b", sections()[number]))
        assert named <= names, f"lesson {number}'s section names {sorted(named - names)}"
