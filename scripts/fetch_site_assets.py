"""Fetch what the website and the JupyterLite build need from the package registries.

This is the only step of `make site` and `make lite` that uses the network; the builds
after it run offline. Into build/vendor/ it writes:

- mathjax/: MathJax 3's browser build from the npm package, served by the website itself;
- pyodide-lock.json and pyodide-version.txt: the package list of the Pyodide release the
  installed JupyterLite kernel loads (from the npm ``pyodide`` package of that version);
- wheels/: ipywidgets and the pure-Python packages it needs that Pyodide lacks, at the
  versions installed here, to bundle into the JupyterLite site.
"""

import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "build" / "vendor"
MATHJAX = "mathjax@3"
# Pyodide's distribution has numpy and matplotlib but not these (scripts/check_pyodide.py).
WHEELS = ["ipywidgets", "comm", "jupyterlab_widgets", "anywidget", "psygnal", "typing_extensions"]


def npm_pack(spec: str, into: Path) -> tarfile.TarFile:
    """The npm package ``spec`` as an open tarball (its files under package/)."""
    out = subprocess.run(["npm", "pack", "--silent", "--json", spec], cwd=into, check=True,
                         capture_output=True, text=True).stdout
    return tarfile.open(into / json.loads(out)[0]["filename"])


def mathjax_part(name: str) -> bool:
    """TeX to HTML and what it loads on demand (menu, accessibility); not the other builds."""
    return name == "tex-chtml.js" or name.startswith(
        ("input/", "output/chtml", "ui/", "a11y/", "sre/", "adaptors/"))


def kernel_pyodide_version() -> str:
    """The Pyodide version that the installed jupyterlite-pyodide-kernel loads by default."""
    static = Path(sys.prefix, "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension")
    versions = {match for path in static.rglob("*.js")
                for match in re.findall(r"pyodide/v([0-9][0-9.]*[0-9])/full/pyodide",
                                        path.read_text(errors="replace"))}
    if len(versions) != 1:
        sys.exit(f"expected one Pyodide version in {static}, found {sorted(versions) or 'none'}: "
                 "is jupyterlite-pyodide-kernel installed (pip install -r requirements-site.txt)?")
    return versions.pop()


def extract(tar: tarfile.TarFile, prefix: str, dest: Path, keep=lambda name: True) -> None:
    """The members of ``tar`` under ``prefix`` that ``keep``, written to ``dest`` unprefixed."""
    shutil.rmtree(dest, ignore_errors=True)
    for member in tar.getmembers():
        name = member.name[len(prefix):]
        if member.isfile() and member.name.startswith(prefix) and keep(name):
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(tar.extractfile(member).read())


def main() -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with npm_pack(MATHJAX, Path(tmp)) as tar:
            extract(tar, "package/es5/", VENDOR / "mathjax-static" / "mathjax", mathjax_part)
        version = kernel_pyodide_version()
        with npm_pack(f"pyodide@{version}", Path(tmp)) as tar:
            lock = tar.extractfile("package/pyodide-lock.json").read()
        (VENDOR / "pyodide-lock.json").write_bytes(lock)
        (VENDOR / "pyodide-version.txt").write_text(version + "\n")

    wheels = VENDOR / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    pinned = [f"{name}=={metadata.version(name)}" for name in WHEELS]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "--only-binary=:all:", "--dest", str(wheels),
                    # pure-Python wheels only: Pyodide cannot load a compiled one (psygnal
                    # ships both)
                    "--platform", "any", "--implementation", "py", "--python-version", "3.12",
                    *pinned], check=True)
    print(f"build/vendor: MathJax ({MATHJAX}), Pyodide {version}'s package list, "
          f"wheels {', '.join(pinned)}")


if __name__ == "__main__":
    main()
