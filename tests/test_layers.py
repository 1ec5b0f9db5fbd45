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


def test_upper_layers_load_on_first_use():
    import lesson_lib as ll

    assert ll.figures.__name__ == "lesson_lib.figures"
    assert ll.apps.__name__ == "lesson_lib.apps"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        ll.nope  # noqa: B018
