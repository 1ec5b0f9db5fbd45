"""Figures layer: matplotlib drawings of the core's numbers (imports core, never widgets)."""

from .._lazy import submodule_loader
from .style import PALETTE, LessonFigure, new_figure, styled

__all__ = ["PALETTE", "LessonFigure", "new_figure", "styled"]


__getattr__ = submodule_loader(__name__)
