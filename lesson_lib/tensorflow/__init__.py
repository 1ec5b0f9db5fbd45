"""Lesson 8: the same network in TensorFlow (notebooks/08_tensorflow.ipynb).

Modules, each loaded on first use: core, exercises.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=8, title='The same network in TensorFlow',
    notebook='08_tensorflow.ipynb',
    apps=(), exercises=3)

__getattr__ = submodule_loader(__name__)
