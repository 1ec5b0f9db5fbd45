"""Figures layer: matplotlib drawings of the core's numbers (imports core, never widgets)."""

from .style import PALETTE, LessonFigure, new_figure, styled

__all__ = ["PALETTE", "LessonFigure", "new_figure", "styled"]


def __getattr__(name):
    # Lesson modules load on first use, e.g. ``ll.figures.sigmoid...``.
    import importlib

    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"{__name__}.{name}":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        raise
