"""Toy data sets: reproducible from a seed, balanced, and shaped as their names say."""

import numpy as np
import pytest

from lesson_lib.dataset import core as datasets

MAKERS = sorted(datasets.MAKERS)


@pytest.mark.parametrize("name", MAKERS)
def test_same_seed_same_points_other_seed_other_points(name):
    a, b = datasets.make(name, seed=3), datasets.make(name, seed=3)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, datasets.make(name, seed=4).X)


@pytest.mark.parametrize("name", MAKERS)
def test_shape_and_balance(name):
    data = datasets.make(name, n=60)
    assert data.X.shape == (60, 2) and data.y.shape == (60,)
    assert np.bincount(data.y).tolist() == [30, 30]
    assert data.name == name and len(data) == 60
    assert "30 of class 0" in repr(data)


def test_xor_without_noise_sits_on_the_corners_labelled_by_sign():
    data = datasets.xor(n=40, noise=0.0)
    assert np.all(np.abs(data.X) == 1.0)
    np.testing.assert_array_equal(data.y, (np.sign(data.X[:, 0]) != np.sign(data.X[:, 1])))


def test_circles_without_noise_have_the_two_radii():
    data = datasets.circles(n=40, noise=0.0, factor=0.3)
    radius = np.hypot(data.X[:, 0], data.X[:, 1])
    np.testing.assert_allclose(radius[data.y == 0], 1.0)
    np.testing.assert_allclose(radius[data.y == 1], 0.3)


def test_moons_without_noise_are_two_half_circles():
    data = datasets.moons(n=40, noise=0.0)
    upper, lower = data.X[data.y == 0], data.X[data.y == 1]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0)
    assert np.all(upper[:, 1] >= 0)
    np.testing.assert_allclose(np.hypot(1 - lower[:, 0], 0.5 - lower[:, 1]), 1.0)
    assert np.all(lower[:, 1] <= 0.5)


def test_noise_spreads_the_points():
    quiet, noisy = datasets.circles(noise=0.0), datasets.circles(noise=0.2)
    spread = [np.std(np.hypot(*d.X[d.y == 0].T)) for d in (quiet, noisy)]
    assert spread[0] < 1e-12 < 0.1 < spread[1]


def test_split_keeps_classes_in_proportion_and_loses_nothing():
    data = datasets.moons(n=200)
    train, test = data.split(test_fraction=0.25, seed=1)
    assert len(train) == 150 and len(test) == 50
    assert np.bincount(test.y).tolist() == [25, 25]
    both = np.vstack([train.X, test.X])
    assert sorted(map(tuple, both)) == sorted(map(tuple, data.X))
    again = data.split(test_fraction=0.25, seed=1)[1]
    np.testing.assert_array_equal(again.X, test.X)


@pytest.mark.parametrize("call, match", [
    (lambda: datasets.xor(n=7), "n must be even"),
    (lambda: datasets.xor(n=2), "n must be >= 4"),
    (lambda: datasets.moons(noise=-0.1), "noise must be >= 0"),
    (lambda: datasets.circles(factor=1.5), "factor must be between 0 and 1"),
    (lambda: datasets.make("spirals"), "name must be one of xor, circles, moons"),
    (lambda: datasets.make("xor").split(test_fraction=1.0), "test_fraction must be between"),
    (lambda: datasets.Dataset("d", np.zeros((3, 3)), [0, 1, 0]), r"X must have shape \(n, 2\)"),
    (lambda: datasets.Dataset("d", np.zeros((2, 2)), [0, 2]), "y must hold only the labels"),
    (lambda: datasets.Dataset("d", np.zeros((2, 2)), [0]), "y must have shape"),
])
def test_bad_input_is_refused_with_a_clear_message(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_non_numbers_are_refused():
    with pytest.raises(TypeError, match="noise must be a real number"):
        datasets.xor(noise="a lot")
    with pytest.raises(TypeError, match="seed must be an integer"):
        datasets.moons(seed=1.5)
