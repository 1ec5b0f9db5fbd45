"""10,000 gradient-descent updates of the lesson's network, three ways, same final weights.

    python benchmarks/bench_training.py [--repeats 7]

lesson_lib on plain floats (training.train_lesson, which keeps the error after every
update and the final weights; LessonNet.train, which also records all twelve parameters
after every update), a straightforward NumPy matrix loop, and PyTorch eager with autograd
on the CPU (if torch is installed: pip install -r benchmarks/requirements.txt). Prints
medians and the ratios measured in this run.
"""

from __future__ import annotations

import argparse
import statistics

import numpy as np
from _common import machine, median_seconds, table

import lesson_lib as ll

STEPS, RATE = 10_000, 0.5
NET = ll.LessonNet()
W1_0 = np.array([[NET.w1, NET.w2], [NET.w3, NET.w4]])
W2_0 = np.array([[NET.w5, NET.w6], [NET.w7, NET.w8]])
B1_0, B2_0 = np.array([NET.b11, NET.b12]), np.array([NET.b21, NET.b22])
X, T = np.array([NET.x1, NET.x2]), np.array([NET.T1, NET.T2])


def as_lesson(W1, b1, W2, b2) -> np.ndarray:
    """The twelve numbers in the lesson's order w1..w8, b11..b22."""
    return np.concatenate([np.ravel(W1), np.ravel(W2), np.ravel(b1), np.ravel(b2)])


def lesson_lib_fast() -> np.ndarray:
    _, final = ll.training.core.train_lesson(STEPS, RATE)
    return np.array([getattr(final, name) for name in ll.PARAMS])


def lesson_lib_train() -> np.ndarray:
    final = NET.train(STEPS, RATE).final
    return np.array([getattr(final, name) for name in ll.PARAMS])


def numpy_matrix_loop() -> np.ndarray:
    W1, b1, W2, b2 = W1_0.copy(), B1_0.copy(), W2_0.copy(), B2_0.copy()
    for _ in range(STEPS):
        outH = 1.0 / (1.0 + np.exp(-(W1 @ X + b1)))
        outY = 1.0 / (1.0 + np.exp(-(W2 @ outH + b2)))
        delta_y = (outY - T) * outY * (1.0 - outY)
        delta_h = (W2.T @ delta_y) * outH * (1.0 - outH)
        W2 -= RATE * np.outer(delta_y, outH)
        b2 -= RATE * delta_y
        W1 -= RATE * np.outer(delta_h, X)
        b1 -= RATE * delta_h
    return as_lesson(W1, b1, W2, b2)


def torch_eager(torch) -> np.ndarray:
    f64 = torch.float64
    params = [torch.tensor(a, dtype=f64, requires_grad=True) for a in (W1_0, B1_0, W2_0, B2_0)]
    W1, b1, W2, b2 = params
    x, t = torch.tensor(X, dtype=f64), torch.tensor(T, dtype=f64)
    for _ in range(STEPS):
        outH = torch.sigmoid(W1 @ x + b1)
        outY = torch.sigmoid(W2 @ outH + b2)
        E_total = 0.5 * ((t - outY) ** 2).sum()
        for p in params:
            p.grad = None
        E_total.backward()
        with torch.no_grad():
            for p in params:
                p -= RATE * p.grad
    return as_lesson(*(p.detach().numpy() for p in params))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        torch = None

    runs = {"lesson_lib training.train_lesson (plain floats)": lesson_lib_fast,
            "lesson_lib LessonNet.train (+ parameter history)": lesson_lib_train,
            "NumPy matrix loop": numpy_matrix_loop}
    if torch is not None:
        runs[f"PyTorch {torch.__version__} eager + autograd (CPU, float64)"] = \
            lambda: torch_eager(torch)
    reference = lesson_lib_train()  # the lesson's own loop is the reference
    gaps = {}
    for name, run in runs.items():
        gaps[name] = float(np.max(np.abs(run() - reference)))  # also warms up
        assert gaps[name] <= 1e-9, f"{name}: final weights differ by {gaps[name]:.1e}"
    # Round-robin, so a burst of load from elsewhere hits every implementation alike.
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, run in runs.items():
            times[name].append(median_seconds(run, 1)[0])
    medians = {name: statistics.median(t) for name, t in times.items()}
    names = list(runs)
    base = medians[names[0]]
    rows = []
    for name in names:
        ratio = medians[name] / base
        rows.append([name, f"{medians[name]:.3f} s", f"{medians[name] / STEPS * 1e6:.1f} us",
                     f"{gaps[name]:.0e}",
                     "1x" if name == names[0] else f"{ratio:.{1 if ratio < 10 else 0}f}x slower"])

    print(f"## 10,000 updates of the lesson's network ({machine()})\n")
    print(f"Median of {args.repeats} runs each, taken in turn.\n")
    print(table(["implementation", "median", "per update", "largest weight gap",
                 "vs train_lesson"], rows))
    # The target was 10x until the loop took portable.exp_scalar, which gives the same bits on
    # every machine at about 0.7 us a call against the C library's 0.05 us (4 calls an update).
    print(f"\nTargets: lesson_lib >= 4x faster than the NumPy loop (measured "
          f"{medians[names[2]] / base:.1f}x)", end="")
    if torch is None:
        print("; PyTorch is not installed, so the >= 50x PyTorch target was not measured "
              "(pip install -r benchmarks/requirements.txt).")
    else:
        print(f", >= 50x faster than PyTorch eager (measured {medians[names[3]] / base:.0f}x).")
    print()


if __name__ == "__main__":
    main()
