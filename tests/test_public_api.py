"""lesson_lib uses other libraries through their public API only (issue 12).

An AST scan of every module: no ``obj._name`` of another library's object (matplotlib,
FreeType, ipywidgets, traitlets, Pillow, NumPy), no override of a name a library class
keeps private, no class swapping, and no hand-written file encoder (struct, zlib's checksums
and streams: a PNG written chunk by chunk). zlib.compress alone is allowed: the apps deflate
their SVG for the wire, which is a transfer encoding, not a file format.
Names lesson_lib defines itself (``self._background``) and the hooks the libraries
document for subclasses (IPython's ``_repr_*_``, anywidget's ``_esm``/``_css``) are allowed.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import lesson_lib

ROOT = Path(lesson_lib.__file__).parent
MODULES = sorted(ROOT.rglob("*.py"))
DOCUMENTED_HOOKS = {"_esm", "_css", "_repr_png_", "_repr_svg_", "_repr_html_",
                    "_repr_mimebundle_", "_repr_markdown_", "_repr_latex_",
                    "_ipython_display_"}
FOREIGN = ("matplotlib", "ipywidgets", "traitlets", "anywidget", "PIL", "numpy")


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def own_names() -> set[str]:
    """Every private name lesson_lib itself defines: functions, classes, attributes."""
    names = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.alias):
                names.add(node.asname or node.name.split(".")[0])
            elif isinstance(node, ast.arg):
                names.add(node.arg)
    return {name for name in names if private(name)}


def foreign_private_names() -> set[str]:
    """Private names of the classes lesson_lib subclasses from other libraries."""
    names = set()
    for path in MODULES:
        module = importlib.import_module(
            "lesson_lib." + ".".join(path.relative_to(ROOT).with_suffix("").parts)
            .removesuffix(".__init__"))
        for _, cls in inspect.getmembers(module, inspect.isclass):
            for base in cls.__mro__[1:]:
                if base.__module__.split(".")[0] in FOREIGN:
                    names |= {name for name in dir(base) if private(name)}
    return names


def violations(paths, ours: set[str], theirs: set[str], root: Path) -> list[str]:
    found = []
    for path in paths:
        where = path.relative_to(root)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and private(node.attr) \
                    and node.attr not in DOCUMENTED_HOOKS:
                if node.attr not in ours or node.attr in theirs:
                    found.append(f"{where}:{node.lineno}: .{node.attr}")
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in theirs \
                    and node.name not in DOCUMENTED_HOOKS:
                found.append(f"{where}:{node.lineno}: overrides {node.name}, which "
                             "another library keeps private")
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id == "zlib" and node.attr != "compress":
                found.append(f"{where}:{node.lineno}: zlib.{node.attr} (writes a file format)")
            if isinstance(node, ast.Attribute) and node.attr == "__class__" \
                    and isinstance(node.ctx, ast.Store):
                found.append(f"{where}:{node.lineno}: swaps an object's class")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) \
                    else [node.module or ""]
                for name in modules:
                    if name.split(".")[0] == "struct" or \
                            (private(name.split(".")[-1]) and name.split(".")[0] in FOREIGN):
                        found.append(f"{where}:{node.lineno}: imports {name}")
    return found


def test_no_private_attribute_of_another_library():
    found = violations(MODULES, own_names(), foreign_private_names(), ROOT.parent)
    assert not found, "\n".join(found)


def test_the_scan_catches_what_the_old_fast_paths_did(tmp_path):
    """The scan is not vacuous: the old network.py's and base.py's ways fail it."""
    from matplotlib.text import Text

    bad = tmp_path / "bad.py"
    bad.write_text(
        "import struct, zlib\n"
        "from matplotlib.text import Text\n"
        "def chunk(kind, data):\n"
        "    crc = struct.pack('>I', zlib.crc32(data))\n"
        "    return struct.pack('>I', len(data)) + kind + data + crc\n"
        "class Label(Text):\n"
        "    def _get_layout(self, renderer):\n"
        "        return super()._get_layout(renderer)\n"
        "def swap(t):\n"
        "    t.__class__ = Label\n"
        "    return t.figure.canvas.renderer._renderer\n")
    theirs = {name for name in dir(Text) if private(name)}
    found = violations([bad], own_names(), theirs, tmp_path)
    assert any("imports struct" in f for f in found)
    assert any("zlib.crc32" in f for f in found)
    assert any("overrides _get_layout" in f for f in found)
    assert any("._get_layout" in f for f in found)
    assert any("._renderer" in f for f in found)
    assert any("swaps an object's class" in f for f in found)
