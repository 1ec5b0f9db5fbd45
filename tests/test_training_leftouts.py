"""What lessons 6 and 7 add to the lecture (issue 11), against independent oracles:
cross-entropy training, per-layer gradients, the lecture's network on a data set."""

import math

import numpy as np
import pytest

import lesson_lib as ll
from lesson_lib.core.network import LESSON_DATA, LESSON_PARAMS, PARAMS
from lesson_lib.dataset import core as datasets
from lesson_lib.training import core as training


def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def _ce_train(lr, steps):
    """A second implementation: cross-entropy gradient by central differences of the loss."""
    p = dict(LESSON_PARAMS)

    def ce(q):
        f = ll.LessonNet(**q).forward()
        return -(0.01 * math.log(f["outY1"]) + 0.99 * math.log(1 - f["outY1"])
                 + 0.99 * math.log(f["outY2"]) + 0.01 * math.log(1 - f["outY2"]))

    for _ in range(steps):
        g = {}
        for n in PARAMS:
            h = 1e-6
            g[n] = (ce({**p, n: p[n] + h}) - ce({**p, n: p[n] - h})) / (2 * h)
        p = {n: p[n] - lr * g[n] for n in PARAMS}
    return p


def test_cross_entropy_training_matches_a_finite_difference_descent():
    errors, final = training.train_lesson_loss(0.5, 5, "cross_entropy")
    oracle = _ce_train(0.5, 5)
    for n in PARAMS:
        assert getattr(final, n) == pytest.approx(oracle[n], rel=1e-6, abs=1e-8)
    assert errors[-1] == pytest.approx(ll.LessonNet(**oracle).error(), rel=1e-6)


def test_squared_loss_is_lessonnet_train():
    errors, final = training.train_lesson_loss(0.5, 100, "squared")
    history = ll.LessonNet().train(100, 0.5)
    assert np.array_equal(errors, history.errors)


def test_cross_entropy_escapes_the_stall_that_squared_error_is_caught_in():
    for rate in (50, 100):
        squared, _ = training.train_lesson_loss(rate, 10_000, "squared")
        ce, _ = training.train_lesson_loss(rate, 10_000, "cross_entropy")
        assert squared[-1] > 1e-5 and ce[100] < 1e-20


def test_e_total_stays_below_one_with_sigmoid_outputs():
    # The rule lesson 6 states: every miss is below 1, so E_total < 1 for any weights.
    rng = np.random.default_rng(0)
    for _ in range(200):
        p = {n: float(v) for n, v in zip(PARAMS, rng.normal(0, 30, 12), strict=True)}
        assert ll.LessonNet(**p, T1=float(rng.uniform()), T2=float(rng.uniform())).error() < 1


def test_layer_gradients_match_a_central_difference():
    net = ll.core.matrix.MatrixNet.random((3,) * 5, seed=2)
    sizes = training.layer_gradients(depth=4, width=3, seed=2)
    x = t = np.ones(3)
    for k, layer in enumerate(net.layers):
        fd = np.zeros_like(layer.W)
        for i, j in np.ndindex(layer.W.shape):
            for sign in (1, -1):
                W = layer.W.copy()
                W[i, j] += sign * 1e-6
                layers = [*net.layers[:k], ll.core.matrix.Layer(W, layer.b), *net.layers[k + 1:]]
                fd[i, j] += sign * ll.core.matrix.MatrixNet(layers).error(x, t) / 2e-6
        assert sizes[k] == pytest.approx(np.sqrt(np.mean(fd ** 2)), rel=1e-4)
    assert sizes[0] < sizes[-1]


def test_lesson_outputs_and_accuracy_against_hand_forward_passes():
    rng = np.random.default_rng(1)
    p = {n: float(v) for n, v in zip(PARAMS, rng.uniform(-2, 2, 12), strict=True)}
    X = rng.uniform(-1.5, 1.5, (30, 2))
    out = datasets.lesson_outputs(p, X)
    for (x1, x2), (o1, o2) in zip(X, out, strict=True):
        h1 = _sigmoid(x1 * p["w1"] + x2 * p["w2"] + p["b11"])
        h2 = _sigmoid(x1 * p["w3"] + x2 * p["w4"] + p["b12"])
        assert o1 == pytest.approx(_sigmoid(h1 * p["w5"] + h2 * p["w6"] + p["b21"]), rel=1e-14)
        assert o2 == pytest.approx(_sigmoid(h1 * p["w7"] + h2 * p["w8"] + p["b22"]), rel=1e-14)
    data = ll.dataset.core.xor(n=40, seed=0)
    hand = np.mean([(o[1] > o[0]) == c for o, c in
                    zip(datasets.lesson_outputs(p, data.X), data.y, strict=True)])
    assert datasets.lesson_accuracy(p, data) == hand


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="loss"):
        training.train_lesson_loss(0.5, 10, "hinge")
    with pytest.raises(ValueError, match="learning_rate"):
        training.train_lesson_loss(-1, 10, "cross_entropy")
    with pytest.raises(ValueError, match="X"):
        datasets.lesson_outputs(LESSON_PARAMS, [1, 2, 3])
    with pytest.raises(ValueError, match="depth"):
        training.layer_gradients(depth=1)
    assert LESSON_DATA  # the lecture's sample is what train_lesson_loss trains on


@pytest.mark.parametrize("build", [
    lambda: ll.training.figures.loss_curves((50,), steps=200),
    lambda: ll.training.figures.layer_gradient_bars(training.layer_gradients()),
    lambda: ll.training.figures.rate_speed(training.sweep_learning_rates([0.5, 10, 100], 200)),
    lambda: ll.training.figures.weight_paths({"a": [dict(LESSON_PARAMS)] * 3}),
    lambda: ll.dataset.figures.lesson_boundaries({"lecture": LESSON_PARAMS},
                                                  ll.dataset.core.xor(n=40)),
])
def test_new_figures_render(build):
    assert build().to_png()[:4] == b"\x89PNG"


def test_loss_table_shows_how_cross_entropy_jumps_at_rate_1000():
    # Oracle: the table's last row against its own run, counted here by hand.
    e, _ = ll.training.core.train_lesson_loss(1000, 10_000, "cross_entropy")
    ups = sum(1 for a, b in zip(e[:-1], e[1:], strict=True) if b > a * (1 + 1e-9) and a > 1e-28)
    row = str(ll.training.core.loss_table([1000])).splitlines()[-1].split()
    assert row[1] == "cross_entropy" and int(row[-2].replace(",", "")) == ups == 417
    assert float(row[-1]) == pytest.approx(max(e[1:]), rel=1e-2) and max(e[1:]) > 0.7


def test_last_bit_nudges_tell_rounded_away_from_growing():
    # Oracle: two runs made here with np.nextafter and compared bit for bit.
    train, _ = ll.dataset.core.moons(n=40, seed=0).split(test_fraction=0.25, seed=0)
    table = str(datasets.last_bit_nudges(train, 10.0, nudges=[((0, 0), "up")], epochs=5,
                                         hidden=3)).splitlines()
    net = datasets.classifier(3, seed=0)
    W = net.layers[0].W.copy()
    W[0, 0] = np.nextafter(W[0, 0], np.inf)
    nudged = ll.core.matrix.MatrixNet([ll.core.matrix.Layer(W, net.layers[0].b),
                                       *net.layers[1:]])
    a = datasets.train_epochs(net, train, 5, 10.0).errors
    b = datasets.train_epochs(nudged, train, 5, 10.0).errors
    assert len(table) == 3 and table[2].startswith("W[0, 0]  up")
    assert ("rounded away" in table[2]) == bool(np.array_equal(a, b))
    assert table[2].split()[-1] == f"{b[-1]:.3g}"
    with pytest.raises(ValueError, match=r"nudges\[0\] must be"):
        datasets.last_bit_nudges(train, 10.0, nudges=[((9, 0), "up")], hidden=3)
