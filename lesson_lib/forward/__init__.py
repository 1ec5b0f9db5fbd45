"""Lesson 4: the forward pass of the 2-2-2 sigmoid network (notebooks/04_forward_pass.ipynb).

Modules, each loaded on first use: apps, core, exercises.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=4, title='The forward pass of the 2-2-2 sigmoid network',
    notebook='04_forward_pass.ipynb',
    apps=('forward_explorer',), exercises=7)

__getattr__ = submodule_loader(__name__)
