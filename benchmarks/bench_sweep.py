"""The learning-rate sweep behind the learning-rate app: many rates x 10,000 updates.

    python benchmarks/bench_sweep.py [--repeats 5]

training.sweep_learning_rates trains every rate at once (one NumPy array element per
rate) against a Python loop over the rates. Target: >= 50 rates in under 1 s.

The target was 0.5 s while the sweep had its own hand-buffered copy of backpropagation.
Since issue 12 (one implementation of backprop per representation) it runs LessonNet.train's
own forward/backward pass on arrays, bit for bit the same as train, at about 1.4x the time
(on a 2-core x86_64: 0.52 -> 0.73 s for the slider's 102 rates, 0.42 -> 0.68 s for 51).
"""

from __future__ import annotations

import argparse
import statistics

import numpy as np
from _common import machine, median_seconds, table

import lesson_lib as ll
from lesson_lib.training import core as training

STEPS = 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    grids = {"51 rates, 0.01 to 1000": np.geomspace(0.01, 1000, 51),
             f"{training.SWEEP_RATES.size} rates (the app's slider)": training.SWEEP_RATES}

    # Same numbers as the lesson's own loop, rate by rate (checked once, not timed).
    sweep = training.sweep_learning_rates(grids["51 rates, 0.01 to 1000"], STEPS)
    gap = max(float(np.max(np.abs(sweep.errors[i] - ll.LessonNet().train(STEPS, r).errors)))
              for i, r in enumerate(sweep.rates))
    assert gap <= 1e-12, f"sweep differs from LessonNet.train by {gap:.1e}"

    ways = {
        "vectorised sweep (training.sweep_learning_rates)":
            lambda rates: training.sweep_learning_rates(rates, STEPS),
        "loop of training.train_lesson, one rate at a time":
            lambda rates: [training.train_lesson(STEPS, r) for r in rates],
        "loop of LessonNet.train, one rate at a time":
            lambda rates: [ll.LessonNet().train(STEPS, r) for r in rates],
    }
    rows = []
    medians = {}
    for grid_name, rates in grids.items():
        times: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(args.repeats):  # in turn, so load from elsewhere hits each alike
            for name, way in ways.items():
                times[name].append(median_seconds(lambda w=way, r=rates: w(r), 1)[0])
        first = None
        for name in ways:
            m = medians[grid_name, name] = statistics.median(times[name])
            first = first or m
            rows.append([grid_name, name, f"{m:.3f} s", f"{m / len(rates) * 1000:.1f} ms",
                         "1x" if m == first else f"{m / first:.1f}x slower"])

    print(f"## Learning-rate sweep, 10,000 updates per rate ({machine()})\n")
    print(f"Median of {args.repeats} runs each, taken in turn. The sweep equals LessonNet.train "
          f"for every rate to within {gap:.0e}.\n")
    print(table(["rates", "implementation", "median", "per rate", "vs sweep"], rows))
    worst = max(medians[g, next(iter(ways))] for g in grids)
    print(f"\nTarget: >= 50 rates in under 1 s: {'met' if worst < 1.0 else 'NOT met'} "
          f"(slowest sweep median {worst:.3f} s).\n")


if __name__ == "__main__":
    main()
