"""Lesson 6: training to convergence; the learning rate (notebooks/06_training.ipynb).

Modules, each loaded on first use: apps, exercises, figures.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=6, title='Training to convergence; the learning rate',
    notebook='06_training.ipynb',
    apps=('learning_rate_explorer',), exercises=3)

__getattr__ = submodule_loader(__name__)
