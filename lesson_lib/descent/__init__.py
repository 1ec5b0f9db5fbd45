"""Lesson 3: steepest descent on a revenue example (notebooks/03_steepest_descent.ipynb).

Modules, each loaded on first use: apps, core, exercises, figures.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=3, title='Steepest descent on a revenue example',
    notebook='03_steepest_descent.ipynb',
    apps=('direction_explorer', 'descent_explorer'), exercises=6)

__getattr__ = submodule_loader(__name__)
