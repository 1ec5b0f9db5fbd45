"""Widget apps layer: ipywidgets controls wired to figures (imports figures and core)."""

from .base import App

__all__ = ["App"]


def __getattr__(name):
    # Lesson modules load on first use, e.g. ``ll.apps.sigmoid...``.
    import importlib

    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"{__name__}.{name}":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        raise
