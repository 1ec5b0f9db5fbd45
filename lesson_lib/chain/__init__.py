"""Lesson 2: the chain rule as a table (notebooks/02_chain_rule.ipynb).

Modules, each loaded on first use: apps, core, exercises, figures.
"""

from .._lazy import submodule_loader
from ..lesson import Lesson

LESSON = Lesson(
    number=2, title='The chain rule as a table',
    notebook='02_chain_rule.ipynb',
    apps=('chain_explorer',), exercises=6)

__getattr__ = submodule_loader(__name__)
