"""Widget apps layer: ipywidgets controls wired to figures (imports figures and core)."""

from .base import App

__all__ = ["App"]
