"""Array arithmetic that rounds the same way on every machine: exp, the sigmoid, products.

NumPy picks its code for ``exp`` by processor (a SIMD version on AVX-512, the C library's
elsewhere) and hands ``@`` to the BLAS, whose kernel is also picked by processor; each
rounds the last bit its own way. A chaotic training run (a large learning rate on a data
set) grows such a last-bit difference into a different result, so a laptop would print
other numbers than the notebook. The functions here use only + - * / and scaling by a power
of two, each rounded exactly as IEEE 754 prescribes, in a fixed order: the same bits
everywhere.
"""

from __future__ import annotations

import math

import numpy as np

# ln 2 split in two: _LN2_HI has 32 significant bits, so k * _LN2_HI is exact for |k| < 2**20.
_LN2_HI = float.fromhex("0x1.62e42feep-1")
_LN2_LO = float.fromhex("0x1.a39ef35793c76p-33")  # ln 2 - _LN2_HI, from decimal's ln(2)
_INV_LN2 = float.fromhex("0x1.71547652b82fep0")
# Taylor series of e^r, highest power first; for |r| <= ln(2)/2 the first term left out
# (r^14 / 14!) is below 5e-18, under a tenth of a float's last bit.
_TAYLOR = tuple(1.0 / math.factorial(n) for n in range(13, -1, -1))
_SMALLEST = -746.0  # e^-746 is below half the smallest float: 0 from here down
_SMALL_ARRAY = 16


def exp_scalar(a: float) -> float:
    """e^a for one float a <= 709 (no check: callers keep it there), to one unit in the last
    bit; e^a is 0 below -745, and the sigmoid only ever asks for e^-|z|."""
    if a < _SMALLEST:
        a = _SMALLEST
    k = round(a * _INV_LN2)  # a = k ln2 + r with |r| <= ln(2)/2; round() ties to even, as rint
    r = (a - k * _LN2_HI) - k * _LN2_LO
    c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13 = _TAYLOR
    p = (((((((((((((c0 * r + c1) * r + c2) * r + c3) * r + c4) * r + c5) * r + c6) * r + c7)
                * r + c8) * r + c9) * r + c10) * r + c11) * r + c12) * r + c13)
    return math.ldexp(p, k)  # times 2^k: exact, but for results below 1e-308


def exp_array(a: np.ndarray) -> np.ndarray:
    """exp_scalar on every element, bit for bit; an array of a few numbers goes one by one,
    which is faster than the two dozen NumPy calls the vectorised form takes."""
    if a.size <= _SMALL_ARRAY:
        return np.array([exp_scalar(v) for v in a.ravel().tolist()]).reshape(a.shape)
    a = np.maximum(a, _SMALLEST)
    k = np.rint(a * _INV_LN2)
    r = (a - k * _LN2_HI) - k * _LN2_LO
    p = np.full_like(r, _TAYLOR[0])
    for c in _TAYLOR[1:]:  # the same operations in the same order as exp_scalar
        p *= r
        p += c
    return np.ldexp(p, k.astype(np.intc))


def sigmoid_scalar(z: float) -> float:
    """1 / (1 + e^-z) for one float, from e^-|z|, which never overflows."""
    e = exp_scalar(-abs(z))
    return 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """sigmoid_scalar on every element, bit for bit."""
    e = exp_array(-np.abs(z))
    d = 1.0 + e
    return np.where(z >= 0, 1.0 / d, e / d)


def sigmoid_scalar_pair(a: float, b: float) -> tuple[float, float]:
    """sigmoid_scalar of a layer's two units."""
    return sigmoid_scalar(a), sigmoid_scalar(b)


def sigmoid_pair(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sigmoid of two arrays of one shape, bit for bit, in one go: on a hundred numbers a
    sigmoid costs its forty-odd NumPy calls, hardly their size, so this takes half of two."""
    s = sigmoid(np.stack((a, b)))
    return s[0], s[1]


def matvec(W: np.ndarray, x: np.ndarray) -> np.ndarray:
    """W @ x for W (m, n) and x (n,), summed column by column in order."""
    total = W[:, 0] * x[0]
    for j in range(1, W.shape[1]):
        total = total + W[:, j] * x[j]
    return total


def rows_times(A: np.ndarray, W: np.ndarray) -> np.ndarray:
    """A @ W.T for a batch of rows A (N, n) and a layer W (m, n), summed in order over n."""
    total = A[:, 0:1] * W[:, 0]
    for j in range(1, A.shape[1]):
        total = total + A[:, j:j + 1] * W[:, j]
    return total
