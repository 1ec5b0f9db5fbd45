"""Lesson 1: the sigmoid and its derivative, and step and ReLU
(notebooks/01_sigmoid_derivative.ipynb).

Modules, each loaded on first use: apps, core, exercises, figures.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=1, title='The sigmoid and its derivative (and step, ReLU)',
    notebook='01_sigmoid_derivative.ipynb',
    apps=('tangent_explorer',), exercises=6)

__getattr__ = submodule_loader(__name__)
