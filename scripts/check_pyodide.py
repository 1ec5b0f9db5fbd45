"""Static check: everything lesson_lib imports is there, at a supported version, in JupyterLite.

JupyterLite's kernel runs Pyodide. A package lesson_lib imports must come either from
Pyodide's distribution (its pyodide-lock.json, of the release the installed kernel loads,
fetched by scripts/fetch_site_assets.py) or from a wheel bundled into the JupyterLite site
(build/vendor/wheels, and the stand-ins the kernel ships); its version must satisfy
pyproject.toml's range; and so, recursively, must every package it requires.
Prints one line per package; exits 1 naming what is missing or out of range.
"""

import ast
import email.parser
import json
import re
import sys
import zipfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "build" / "vendor"
KERNEL_WHEELS = Path(sys.prefix, "share/jupyter/labextensions/@jupyterlite/"
                     "pyodide-kernel-extension/static/pypi")
# Imported only on request, by a lesson that says how to install it where it is missing.
OPTIONAL = {"tensorflow": "lesson 8 only; JupyterLite's copy of lesson 8 says it needs a "
                          "local install"}


def imported_modules() -> dict[str, str]:
    """Top-level module -> first file of lesson_lib importing it (import_module calls too)."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "lesson_lib").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module"
                  and node.args and isinstance(node.args[0], ast.Constant)):
                names = [node.args[0].value]
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    stdlib = set(sys.stdlib_module_names) | {"__future__", "lesson_lib"}
    return {name: where for name, where in found.items() if name not in stdlib}


def supported_ranges() -> dict[str, Requirement]:
    text = (ROOT / "pyproject.toml").read_text()
    block = re.search(r"^dependencies = \[(.*?)\]", text, re.MULTILINE | re.DOTALL).group(1)
    requirements = [Requirement(r) for r in re.findall(r'"([^"]+)"', block)]
    return {canonicalize_name(r.name): r for r in requirements}


def wheel_metadata(path: Path) -> tuple[str, Version, list[Requirement]]:
    with zipfile.ZipFile(path) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.parser.Parser().parsestr(wheel.read(name).decode())
    return (canonicalize_name(meta["Name"]), Version(meta["Version"]),
            [Requirement(r) for r in meta.get_all("Requires-Dist") or []])


def main() -> int:
    lock = json.loads((VENDOR / "pyodide-lock.json").read_text())
    version = (VENDOR / "pyodide-version.txt").read_text().strip()
    in_lock = {canonicalize_name(name): Version(p["version"])
               for name, p in lock["packages"].items()}
    imports_to_package = {module: canonicalize_name(name) for name, p in lock["packages"].items()
                          for module in p.get("imports", [])}
    bundled = {}
    for path in sorted(VENDOR.glob("wheels/*.whl")) + sorted(KERNEL_WHEELS.glob("*.whl")):
        name, wheel_version, requires = wheel_metadata(path)
        if name not in bundled or wheel_version > bundled[name][0]:
            bundled[name] = (wheel_version, requires)
    # Requirement markers as Pyodide's Python evaluates them.
    environment = {**default_environment(), "sys_platform": "emscripten",
                   "platform_system": "Emscripten", "platform_machine": "wasm32",
                   "python_version": ".".join(lock["info"]["python"].split(".")[:2]),
                   "python_full_version": lock["info"]["python"]}
    ranges = supported_ranges()
    problems, lines, seen = [], [], set()

    def check(package: str, requirement: Requirement | None, wanted_by: str) -> None:
        if package in seen:
            return
        seen.add(package)
        if package in in_lock:
            found, source, requires = in_lock[package], f"Pyodide {version}", []
        elif package in bundled:
            (found, requires), source = bundled[package], "bundled wheel"
        else:
            problems.append(f"{package} (needed by {wanted_by}) is neither in Pyodide {version} "
                            "nor bundled (scripts/fetch_site_assets.py WHEELS)")
            return
        ok = requirement is None or requirement.specifier.contains(found, prereleases=True)
        spec = str(requirement.specifier) if requirement and requirement.specifier else "any"
        lines.append(f"  {package:<20} {str(found):<10} {source:<15} wants {spec:<12} "
                     f"({wanted_by}){'' if ok else '  OUT OF RANGE'}")
        if not ok:
            problems.append(f"{package} {found} from {source} is outside {spec} ({wanted_by})")
        for sub in requires:
            if sub.marker is None or sub.marker.evaluate({**environment, "extra": ""}):
                check(canonicalize_name(sub.name), sub, package)

    for module, where in sorted(imported_modules().items()):
        if module in OPTIONAL:
            lines.append(f"  {module:<20} {'-':<10} {'not needed':<15} {OPTIONAL[module]}")
            continue
        package = imports_to_package.get(module, canonicalize_name(module))
        check(package, ranges.get(package), f"imported by {where}")

    print(f"lesson_lib's imports in JupyterLite (Pyodide {version}, Python "
          f"{lock['info']['python']}):")
    print("\n".join(lines))
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("Pyodide check passed: every package lesson_lib imports, and all they require, "
          "is available at a supported version")
    return 0


if __name__ == "__main__":
    sys.exit(main())
