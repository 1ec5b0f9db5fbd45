"""Lesson 7: a data set and prediction (notebooks/07_dataset.ipynb).

Modules, each loaded on first use: core, exercises.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=7, title='A data set and prediction',
    notebook='07_dataset.ipynb',
    apps=('dataset_trainer',), exercises=4)

__getattr__ = submodule_loader(__name__)
