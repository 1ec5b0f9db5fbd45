"""Lesson 5: the backward pass and the weight updates (notebooks/05_backward_pass.ipynb).

Modules, each loaded on first use: apps, core, exercises, figures.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=5, title='The backward pass and the weight updates',
    notebook='05_backward_pass.ipynb',
    apps=('training_stepper',), exercises=7)

__getattr__ = submodule_loader(__name__)
