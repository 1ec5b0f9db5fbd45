"""How long the whole `make test` takes, installs excluded: its three parts, timed.

    python benchmarks/bench_make_test.py [--repeats 2]

Brings .venv up to date first (not timed), then runs `make lint`, `make unit` and
`make nbval` (together exactly `make test`) in turn, --repeats times. Target: under 60 s
on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time

from _common import ROOT, machine, table

PARTS = ("lint", "unit", "nbval")


def run(target: str) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(["make", "-s", target], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    subprocess.run(["make", "-s", ".venv/.tests"], cwd=ROOT, check=True)  # installs, untimed
    header = machine()
    times: dict[str, list[float]] = {part: [] for part in PARTS}
    totals, failures = [], set()
    for _ in range(args.repeats):
        total = 0.0
        for part in PARTS:
            seconds, code = run(part)
            times[part].append(seconds)
            total += seconds
            if code:
                failures.add(part)
        totals.append(total)
    rows = [[f"make {part}", f"{statistics.median(times[part]):.2f} s",
             " / ".join(f"{t:.2f}" for t in times[part]),
             "FAILED" if part in failures else "passed"] for part in PARTS]
    median_total = statistics.median(totals)
    rows.append(["make test (the three)", f"{median_total:.1f} s",
                 " / ".join(f"{t:.1f}" for t in totals),
                 "FAILED" if failures else "passed"])
    print(f"## `make test`, installs excluded ({header})\n")
    print(table(["part", "median", "each run (s)", "result"], rows))
    print(f"\nTarget: under 60 s: {'met' if median_total < 60 else 'NOT met'} "
          f"(median {median_total:.1f} s over {args.repeats} runs).\n")


if __name__ == "__main__":
    main()
