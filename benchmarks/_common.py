"""Shared by the benchmark scripts: timing with medians, a plain-text table, the machine."""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python benchmarks/bench_x.py` from anywhere
    sys.path.insert(0, str(ROOT))


def median_seconds(run, repeats: int) -> tuple[float, list[float]]:
    """Wall-clock seconds of ``run()`` over ``repeats`` calls: the median and all of them."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def percentile(values, q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation, as numpy.percentile does."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table (it reads as plain text too), columns padded to line up."""
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows, strict=True)]
    line = lambda cells: "| " + " | ".join(f"{c!s:<{w}}" for c, w in zip(cells, widths,  # noqa: E731
                                                                            strict=True)) + " |"
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [line(r) for r in rows])


def machine() -> str:
    """One line on where the numbers were taken (the load average says how busy it was)."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {load} at start")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
