"""The package's layers import only downward: core < figures < apps."""

import subprocess
import sys

import pytest

PROBE = ("import sys, importlib; importlib.import_module({module!r}); "
         "print(sorted(m for m in {banned!r} if m in sys.modules))")


@pytest.mark.parametrize("module, banned", [
    ("lesson_lib", ["matplotlib", "ipywidgets"]),
    ("lesson_lib.core", ["matplotlib", "ipywidgets"]),
    ("lesson_lib.figures", ["ipywidgets"]),
])
def test_lower_layers_do_not_import_upper_ones(module, banned):
    out = subprocess.run([sys.executable, "-c", PROBE.format(module=module, banned=banned)],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]", f"importing {module} pulled in {out}"


WALK_CORE = """
import importlib, pkgutil, sys
import lesson_lib, lesson_lib.core
from lesson_lib.lesson import FOLDERS
names = [m.name for m in pkgutil.walk_packages(lesson_lib.core.__path__, "lesson_lib.core.")]
names += [f"lesson_lib.{folder}.core" for folder in FOLDERS]  # each lesson's own math
names += ["lesson_lib.lesson", "lesson_lib.report"]
for name in names:
    importlib.import_module(name)
print(len(names), sorted(m for m in ("matplotlib", "ipywidgets") if m in sys.modules))
"""


def test_no_module_of_the_math_core_imports_matplotlib_or_ipywidgets():
    # The layer rule, module by module: importing all of lesson_lib.core and every lesson's
    # core draws no plotting or widget library (the apps and figures load those on first use).
    out = subprocess.run([sys.executable, "-c", WALK_CORE], capture_output=True, text=True,
                         check=True).stdout.split(maxsplit=1)
    assert int(out[0]) >= 15, out  # the walk found the core's and every lesson's modules
    assert out[1].strip() == "[]", f"importing lesson_lib.core's modules pulled in {out[1]}"


def test_upper_layers_load_on_first_use():
    import lesson_lib as ll

    assert ll.figures.__name__ == "lesson_lib.figures"
    assert ll.apps.__name__ == "lesson_lib.apps"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        ll.nope  # noqa: B018
