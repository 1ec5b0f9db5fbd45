"""How long the whole `make test` takes, installs excluded: its three parts, timed.

    python benchmarks/bench_make_test.py [--repeats 2]

Brings .venv up to date first (not timed), then runs `make lint`, `make unit` and
`make nbval` (together exactly `make test`) in turn, --repeats times. Target: under 60 s
on 2 cores. The CPU column adds up the processor time of everything make started: on a
machine busy with other work it grows far less than the wall clock does.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import time

from _common import ROOT, machine, table

PARTS = ("lint", "unit", "nbval")


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(target: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes it started) and the exit code."""
    start, start_cpu = time.perf_counter(), cpu_of_children()
    done = subprocess.run(["make", "-s", target], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, cpu_of_children() - start_cpu, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    subprocess.run(["make", "-s", ".venv/.tests"], cwd=ROOT, check=True)  # installs, untimed
    header = machine()
    times: dict[str, list[float]] = {part: [] for part in PARTS}
    cpu: dict[str, list[float]] = {part: [] for part in PARTS}
    totals, cpu_totals, failures = [], [], set()
    for _ in range(args.repeats):
        for part in PARTS:
            seconds, cpu_seconds, code = run(part)
            times[part].append(seconds)
            cpu[part].append(cpu_seconds)
            if code:
                failures.add(part)
        totals.append(sum(times[part][-1] for part in PARTS))
        cpu_totals.append(sum(cpu[part][-1] for part in PARTS))
    rows = [[f"make {part}", f"{statistics.median(times[part]):.2f} s",
             " / ".join(f"{t:.2f}" for t in times[part]),
             f"{statistics.median(cpu[part]):.1f} s",
             "FAILED" if part in failures else "passed"] for part in PARTS]
    median_total = statistics.median(totals)
    rows.append(["make test (the three)", f"{median_total:.1f} s",
                 " / ".join(f"{t:.1f}" for t in totals), f"{statistics.median(cpu_totals):.1f} s",
                 "FAILED" if failures else "passed"])
    print(f"## `make test`, installs excluded ({header})\n")
    print(table(["part", "median", "each run (s)", "CPU (user+sys)", "result"], rows))
    print(f"\nTarget: under 60 s: {'met' if median_total < 60 else 'NOT met'} "
          f"(median {median_total:.1f} s over {args.repeats} runs).\n")


if __name__ == "__main__":
    main()
