"""Math core: plain Python and NumPy only (no matplotlib, no ipywidgets)."""

from .._lazy import submodule_loader

__getattr__ = submodule_loader(__name__)
