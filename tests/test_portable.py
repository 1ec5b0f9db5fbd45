"""Portable arithmetic: accurate, the same bits in scalar and array form, and the same bits
whatever BLAS kernel or NumPy SIMD path the processor gets."""

import math
import os
import subprocess
import sys
from decimal import Decimal, getcontext

import numpy as np
import pytest

from lesson_lib.core import portable

# The settings that change NumPy's and OpenBLAS's code paths on one machine, as a different
# processor would (CI runs every notebook under each of them as well).
KERNEL_SETTINGS = {
    "default": {},
    "OpenBLAS Haswell": {"OPENBLAS_CORETYPE": "Haswell"},
    "OpenBLAS Sandybridge": {"OPENBLAS_CORETYPE": "Sandybridge"},
    "NumPy without AVX-512": {"NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL"},
}

# Trains the chaotic way (a data set at rate 10), sweeps rates on the lecture's net and
# trains it, then prints a digest of every bit of the results.
TRAIN = """
import hashlib
import numpy as np
import lesson_lib as ll
from lesson_lib.dataset import core as datasets
from lesson_lib.training import core as training
train, _ = datasets.moons(n=100, seed=0).split(test_fraction=0.25, seed=0)
run = datasets.train_epochs(datasets.classifier(8, seed=0), train, 20, 10.0, seed=0)
sweep = training.sweep_learning_rates([0.5, 10.0, 45.0, 1000.0], steps=300)
lesson = ll.LessonNet().train(300, learning_rate=45.0)
parts = [run.errors, *(a for layer in run.net.layers for a in (layer.W, layer.b)),
         sweep.errors, lesson.errors, np.array(list(lesson.final.params.values()))]
print(hashlib.sha256(b"".join(np.ascontiguousarray(p).tobytes() for p in parts)).hexdigest())
"""


def _ulps(got: float, want: float) -> float:
    return abs(got - want) / math.ulp(want)


def test_exp_is_within_one_unit_in_the_last_place_of_the_true_value():
    getcontext().prec = 50
    for a in [709.0, 20.0, 1.0, 0.0, -1e-300, -1e-8, -0.3, -0.5 * math.log(2), -1.0, -2.5,
              -20.0, -100.0, -700.0, -708.0]:
        true = float(Decimal(a).exp())  # decimal's exp: correctly rounded, an independent oracle
        assert _ulps(portable.exp_scalar(a), true) <= 1, a


def test_exp_underflows_to_zero_and_the_smallest_floats():
    assert portable.exp_scalar(-1e300) == 0.0
    assert portable.exp_scalar(-745.0) == math.exp(-745.0)  # 5e-324, the smallest float


def test_array_and_scalar_exp_give_the_same_bits():
    rng = np.random.default_rng(0)
    a = np.concatenate([-np.abs(rng.normal(0, 30, 5000)), [0.0, -0.0, -745.5, -1e300]])
    scalar = np.array([portable.exp_scalar(v) for v in a.tolist()])
    assert np.array_equal(portable.exp_array(a), scalar)  # the vectorised path
    assert np.array_equal(portable.exp_array(a[:5]), scalar[:5])  # one by one


def test_exp_agrees_with_the_c_library_to_one_unit_everywhere():
    a = -np.abs(np.random.default_rng(1).normal(0, 50, 20000))
    libm = np.array([math.exp(v) for v in a.tolist()])
    ours = portable.exp_array(a)
    normal = libm > 1e-300
    assert np.all(np.abs(ours - libm)[normal] <= np.spacing(libm[normal]))


def test_sigmoid_matches_its_definition_and_never_overflows():
    z = np.linspace(-40, 40, 801)
    exact = np.array([float(1 / (1 + Decimal(-v).exp())) for v in z.tolist()])
    assert np.allclose(portable.sigmoid(z), exact, rtol=4e-16, atol=0)
    assert portable.sigmoid(np.array([-1e308, 1e308])).tolist() == [0.0, 1.0]


def test_products_equal_numpy_matrix_products_to_rounding():
    rng = np.random.default_rng(2)
    W, x, A = rng.normal(size=(8, 5)), rng.normal(size=5), rng.normal(size=(30, 5))
    # tighter than oracles.ROUNDING: sums of five products: a few last bits
    assert np.allclose(portable.matvec(W, x), W @ x, rtol=1e-14, atol=1e-15)
    assert np.allclose(portable.rows_times(A, W), A @ W.T, rtol=1e-14, atol=1e-15)


def _digest(settings: dict) -> str:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "NPY_DISABLE_CPU_FEATURES")}
    result = subprocess.run([sys.executable, "-c", TRAIN], env={**env, **settings},
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_training_gives_the_same_bits_under_every_kernel_and_simd_path():
    digests = {name: _digest(settings) for name, settings in KERNEL_SETTINGS.items()}
    assert len(set(digests.values())) == 1, digests


@pytest.mark.parametrize("rate", [10.0])
def test_the_data_set_run_at_a_large_rate_really_is_sensitive_to_one_bit(rate):
    """Why the above matters: one bit moved in one weight changes the end of the run."""
    from lesson_lib.dataset import core as datasets
    train, _ = datasets.moons(n=200, seed=0).split(test_fraction=0.25, seed=0)
    plain, nudged = datasets.last_bit_runs(train, [rate], epochs=40)[rate]
    # tighter than oracles.ROUNDING: one bit moved: the first error moves in its last bits
    assert plain.errors[0] == pytest.approx(nudged.errors[0], rel=1e-14)
    assert abs(plain.errors[-1] - nudged.errors[-1]) > 0.01 * plain.errors[-1]
