"""Update latency of every widget app: a slider moved 50 times, figure computed and rendered.

    python benchmarks/bench_apps.py [--changes 50] [--recreate 10]

Finds every App subclass in the lesson_lib.apps.* modules at run time (so apps added later
are covered), builds it with its defaults, and sets its first slider that redraws the figure to 50
different values, timing each change: the app's update plus its picture (SVG, or the changed
pixels as a PNG patch), off screen.
Sliders that only change a setting used later (a Train or Step button's) are passed over for
the first one that redraws; an app with none is timed by clicking its first button.
The baseline re-creates the app (and so builds and renders its figure from scratch) per
change. Target: p50 under 30 ms for every app, and faster than re-creating.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import time

import matplotlib
from _common import machine, percentile, table

matplotlib.use("Agg")

import lesson_lib.apps as apps_package  # noqa: E402  (after the backend is chosen)
from lesson_lib.apps.base import App  # noqa: E402


def discover() -> list[type]:
    """Every App subclass defined in a lesson_lib.apps module, in module order."""
    found = []
    for info in sorted(pkgutil.iter_modules(apps_package.__path__), key=lambda m: m.name):
        if info.name == "base":
            continue
        module = importlib.import_module(f"{apps_package.__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, App) and cls is not App and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def sliders(app) -> list[tuple[str, object]]:
    """The numeric controls a person drags or types into: sliders and number boxes."""
    return [(name, control) for name, control in app.controls.items()
            if type(control).__name__.endswith(("Slider", "FloatText"))]


def values_for(control, count: int) -> list:
    """``count`` values spread over the control's range, no two in a row the same."""
    if not hasattr(control, "min"):  # a number box: values around where it starts
        return [round(control.value + ((i + 1) * 0.382) % 1.0 - 0.5, 3) for i in range(count)]
    if hasattr(control, "options") and control.options:  # SelectionSlider
        options = [o[1] if isinstance(o, tuple) else o for o in control.options]
        picks = [options[(i * 7 + 1) % len(options)] for i in range(count)]
    else:
        low, high, step = control.min, control.max, control.step or (control.max - control.min)
        fractions = [((i + 1) * 0.382) % 1.0 for i in range(count)]  # golden-ratio walk
        picks = []
        for f in fractions:
            raw = low + f * (high - low)
            snapped = low + round((raw - low) / step) * step
            picks.append(type(control.value)(min(max(snapped, low), high)))
        if type(control).__name__ == "FloatLogSlider":
            picks = [control.base ** p for p in picks]
    out = []
    for value in picks:
        if out and value == out[-1] or not out and value == control.value:
            value = picks[0] if value != picks[0] else picks[-1]
        out.append(value)
    return out


def shown(app) -> str | bytes:
    """What the app's picture shows: its SVG, or its pixels."""
    return app.picture.svg or app.picture.pixels.tobytes()


def measure(cls, changes: int, recreate: int) -> list[str]:
    name = f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__name__}"
    try:
        app = cls()
    except TypeError as error:
        return [name, "-", "-", "-", "-", "-", f"skipped: needs arguments ({error})"]
    actions = None
    for label, control in sliders(app):
        values = values_for(control, changes + 1)
        before = shown(app)
        control.value = values[0]  # warm-up: caches, first full draw
        if shown(app) != before:  # a slider that only changes a setting is skipped
            actions = [lambda c=control, v=value: setattr(c, "value", v) for value in values[1:]]
            control_name = label
            break
    if actions is None and app.buttons:
        # No slider redraws by itself (the stepper's learning rate is used by its Step
        # button): time the app's first button.
        control_name, button = next(iter(app.buttons.items()))
        control_name += " (button)"
        button.click()
        actions = [button.click] * changes
    if actions is None:
        return [name, "-", "-", "-", "-", "-", "skipped: no control redraws the figure"]
    wall, cpu = [], []
    for action in actions:
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    rebuild = []
    for _ in range(recreate):
        start = time.perf_counter()
        cls()
        rebuild.append(time.perf_counter() - start)
    p50, p95, r50 = percentile(wall, 50), percentile(wall, 95), percentile(rebuild, 50)
    verdict = "met" if p50 < 0.030 and p50 < r50 else "NOT met"
    return [name, control_name, f"{p50 * 1000:.1f}", f"{p95 * 1000:.1f}",
            f"{percentile(cpu, 50) * 1000:.1f}", f"{r50 * 1000:.1f}",
            f"{verdict} ({r50 / p50:.1f}x faster than re-creating)"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--recreate", type=int, default=10)
    args = parser.parse_args()
    classes = discover()
    rows = [measure(cls, args.changes, args.recreate) for cls in classes]
    print(f"## Widget apps: update latency ({machine()})\n")
    print(f"{len(classes)} apps found: {', '.join(c.__name__ for c in classes)}. Each: "
          f"{args.changes} changes of its first control that redraws the figure (else clicks "
          f"of its first button), each an update + off-screen picture; CPU = "
          f"this process's CPU time, which load from other processes inflates less than the "
          f"wall clock. Re-create = a new instance (figure built and rendered), median of "
          f"{args.recreate}.\n")
    print(table(["app", "slider", "p50 ms", "p95 ms", "p50 CPU ms", "re-create p50 ms",
                 "target p50 < 30 ms"], rows))
    print()


if __name__ == "__main__":
    main()
