"""Math core: plain Python and NumPy only (no matplotlib, no ipywidgets)."""


def __getattr__(name):
    # Lesson modules load on first use, e.g. ``ll.core.sigmoid...``.
    import importlib

    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"{__name__}.{name}":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        raise
