"""What each lesson declares about itself, for the course's own checks (tests/test_hygiene.py).

Every lesson folder's ``__init__.py`` holds one ``LESSON = Lesson(...)``; ``lessons()`` lists
them in order. A new lesson is a new folder with its declaration (see CONTRIBUTING.md).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

# The lesson folders of lesson_lib, in the course's order.
FOLDERS = ("derivative", "chain", "descent", "forward", "backward", "training", "dataset",
           "tensorflow")


@dataclass(frozen=True)
class Lesson:
    """A lesson's notebook, its apps (factory names in its ``apps`` module) and how many
    self-checked exercises (``ex1``, ``ex2``, ...) its ``exercises`` module holds."""

    number: int
    title: str
    notebook: str
    apps: tuple[str, ...] = ()
    exercises: int = 0


def lessons() -> list[tuple[str, Lesson]]:
    """(folder, declaration) for every lesson, in order."""
    return [(folder, importlib.import_module(f"{__package__}.{folder}").LESSON)
            for folder in FOLDERS]
