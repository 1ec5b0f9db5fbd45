"""Widget apps layer: ipywidgets controls wired to figures (imports figures and core)."""

from .._lazy import submodule_loader
from .base import App

__all__ = ["App"]


__getattr__ = submodule_loader(__name__)
