"""Load a layer's lesson modules on first use (``ll.derivative.figures`` after one import)."""

import importlib


def submodule_loader(package: str):
    """A module ``__getattr__`` that imports ``package.<name>`` when first asked for it."""

    def __getattr__(name):
        if name.startswith("__"):  # a probe such as inspect's __bases__: no lesson is named so
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        try:
            module = importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as error:
            if error.name == f"{package}.{name}":
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
            raise
        return module

    return __getattr__
