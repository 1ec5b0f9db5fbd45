"""Lesson 7 (lesson_lib/dataset/): a network trained on a data set."""

import math
import random

import numpy as np
import pytest
from oracles import ROUNDING
from picture_oracle import assert_shows_the_figure

import lesson_lib as ll
from lesson_lib.core.network import LESSON_PARAMS, PARAMS
from lesson_lib.dataset import apps as dataset_apps
from lesson_lib.dataset import core as datasets
from lesson_lib.dataset import exercises as ex
from lesson_lib.dataset import figures as dataset_figures
from lesson_lib.training import apps as apps
from lesson_lib.training import figures as figures

# == core ==================================================================================
# Toy data sets: reproducible from a seed, balanced, and shaped as their names say.

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
    assert spread[0] < ROUNDING < 0.1 < spread[1]


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


# == epochs on a data set ==================================================================

# -- a data set, sample by sample ---------------------------------------------------------
def test_epochs_are_matrixnet_steps_in_a_seeded_shuffled_order():
    data = datasets.xor(n=20, seed=2)
    start = datasets.classifier(3, seed=1)
    history = datasets.train_epochs(start, data, epochs=2, learning_rate=0.8, seed=7)
    rng = np.random.default_rng(7)
    slow = ll.MatrixNet(start.layers)
    for _ in range(2):
        for i in rng.permutation(len(data)):
            slow.step(data.X[i], [data.y[i]], 0.8)
    for mine, theirs in zip(history.net.layers, slow.layers, strict=True):
        np.testing.assert_array_equal(mine.W, theirs.W)
        np.testing.assert_array_equal(mine.b, theirs.b)
    assert start.layers[0].W is not history.net.layers[0].W  # the start net is untouched
    np.testing.assert_array_equal(start.layers[0].W, datasets.classifier(3, seed=1).layers[0].W)


def test_epoch_history_records_what_it_says():
    train, test = datasets.xor(n=80).split()
    calls = []
    history = datasets.train_epochs(datasets.classifier(4), train, 30, 2.0, test=test,
                                    snapshot_epochs=(0, 5, 30),
                                    on_epoch=lambda e, h: calls.append(e))
    assert calls == list(range(31)) and history.epochs == 30
    assert set(history.snapshots) == {0, 5, 30}
    assert history.train_accuracy[-1] == datasets.accuracy(history.net, train)
    assert history.test_accuracy[-1] == datasets.accuracy(history.net, test)
    assert history.errors[-1] == pytest.approx(np.mean(
        [history.net.error(x, [y]) for x, y in zip(train.X, train.y, strict=True)]))
    assert history.errors[-1] < history.errors[0]
    assert history.train_accuracy[-1] >= 0.95 and history.test_accuracy[-1] >= 0.9
    assert "held-out accuracy" in repr(history.summary())


def test_predictions_match_the_matrix_forward_pass():
    net = datasets.classifier(5, seed=3)
    X = np.array([[0.1, 0.2], [-1.0, 2.0], [3.0, -0.5]])
    # tighter than oracles.ROUNDING: the same operations, one sample at a time
    np.testing.assert_allclose(datasets.predict_proba(net, X),
                               [net.predict(x)[0] for x in X], rtol=1e-14)
    xs, ys, P = datasets.probability_grid(net, (-1, 1, -2, 2), resolution=5)
    assert P.shape == (5, 5)
    assert P[0, 4] == pytest.approx(net.predict([1.0, -2.0])[0])
    text = datasets.predict_points(net, [(0.1, 0.2), (3.0, -0.5)])
    p = net.predict([0.1, 0.2])[0]
    assert f"P(class 1) = {p:.4f}  ->  class {int(p >= 0.5)}" in text.splitlines()[0]


def test_accuracy_counts_by_hand():
    net = datasets.classifier(2, seed=0)
    data = datasets.moons(n=20)
    right = sum((net.predict(x)[0] >= 0.5) == y for x, y in zip(data.X, data.y, strict=True))
    assert datasets.accuracy(net, data) == right / 20


@pytest.mark.parametrize("call, error, match", [
    (lambda: datasets.train_epochs(ll.MatrixNet.random((3, 2, 1)), datasets.xor(), 1, 0.5),
     ValueError, "net must take 2 inputs and give 1 output"),
    (lambda: datasets.train_epochs(datasets.classifier(2), datasets.xor(), -1, 0.5),
     ValueError, "epochs must be >= 0"),
    (lambda: datasets.train_epochs(datasets.classifier(2), datasets.xor(), 1, 0.0),
     ValueError, "learning_rate must be > 0"),
    (lambda: datasets.classifier(0), ValueError, "hidden must be >= 1"),
    (lambda: datasets.classifier(2.5), TypeError, "hidden must be an integer"),
    (lambda: datasets.predict_proba(datasets.classifier(2), [1.0, 2.0, 3.0]), ValueError,
     r"X must have shape \(n, 2\)"),
    (lambda: datasets.probability_grid(datasets.classifier(2), (1, 0, 0, 1)), ValueError,
     "bounds must be"),
])
def test_bad_input_names_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_rates_on_data_counts_the_epochs_whose_mean_error_rose():
    train, _ = datasets.moons(n=60).split()
    lines = datasets.rates_on_data(train, [0.001, 10.0], epochs=20, hidden=4).splitlines()
    assert lines[0].split()[:5] == ["rate", "mean", "E", "after", "20"]
    # Oracle: the mean error of every epoch, recomputed by hand from a plain forward pass.
    for line, rate in zip(lines[1:], (0.001, 10.0), strict=True):
        run = datasets.train_epochs(datasets.classifier(4), train, 20, rate)
        out = train.X.T
        for layer in run.net.layers:
            out = 1 / (1 + np.exp(-(layer.W @ out + layer.b[:, None])))
        assert np.mean(0.5 * (train.y - out[0]) ** 2) == pytest.approx(run.errors[-1])
        rose = sum(b > a * (1 + 1e-9) for a, b in zip(run.errors[:-1], run.errors[1:],
                                                          strict=True))
        cells = line.split()
        assert float(cells[0]) == rate and int(cells[2]) == rose
        assert cells[-1] == f"{run.train_accuracy[-1]:.1%}"
    assert lines[1].split()[2] == "0"  # tiny steps: the mean error only falls
    assert int(lines[2].split()[2]) > 0  # large steps: some epochs undo earlier progress


# == figures and apps ======================================================================

def test_boundary_snapshots_share_a_legend_and_a_colour_bar():
    train, _ = datasets.moons(n=40).split()
    history = datasets.train_epochs(datasets.classifier(3), train, 2, 1.0,
                                    snapshot_epochs=(0, 1, 2))
    fig = dataset_figures.boundary_snapshots(history, train, columns=2)
    panels = [ax for ax in fig.axes if ax.get_title().startswith("epoch")]
    assert [ax.get_title().split(":")[0] for ax in panels] == ["epoch 0", "epoch 1", "epoch 2"]
    assert all("(no unit)" in ax.get_xlabel() for ax in panels[1:])
    keys = [ax for ax in fig.axes if ax.get_legend() is not None]
    assert len(keys) == 1 and keys[0] not in panels and not keys[0].axison
    labels = [t.get_text() for t in keys[0].get_legend().get_texts()]
    assert labels[:2] == ["class 0", "class 1"]
    bar = panels[-1].images[0].colorbar
    assert "P(class 1)" in bar.ax.get_xlabel() and bar.mappable.get_clim() == (0, 1)


def test_boundary_legend_names_only_what_is_drawn():
    train, test = datasets.moons(n=40).split()
    history = datasets.train_epochs(datasets.classifier(3), train, 1, 1.0, test=test)
    ax = dataset_figures.boundary(history, train, test).axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["class 0", "class 1", "held out (hollow)"]
    assert ax.texts[-1].get_text() == ""
    fig = dataset_figures.boundary(history, train, test, points=[(0.3, -0.2)])
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[-1] == "your point"


def test_the_star_note_gives_the_networks_probability():
    train, _ = datasets.moons(n=40).split()
    history = datasets.train_epochs(datasets.classifier(3), train, 1, 1.0)
    view = dataset_figures.BoundaryView.draw(history, train, points=[(0.3, -0.2)])
    # Oracle: the forward pass written out with the layers' arrays.
    out = np.array([0.3, -0.2])
    for layer in history.net.layers:
        out = 1 / (1 + np.exp(-(layer.W @ out + layer.b)))
    p = out[0]
    assert view.point_text.get_text() == (
        f"star (0.30, -0.20): P(class 1) = {p:.3f}, class {int(p >= 0.5)}")


@pytest.fixture(scope="module")
def trainer():
    app = dataset_apps.dataset_trainer(dataset="xor", hidden=4, learning_rate=2.0, epochs=15)
    return app


def test_dataset_trainer_starts_untrained(trainer):
    assert "untrained" in trainer.readout.value
    assert trainer.history.epochs == 0


def test_dataset_trainer_trains_on_click_and_reports_accuracy(trainer):
    trainer.buttons["train"].click()
    assert trainer.progress.value == 15 == trainer.progress.max
    train, test = datasets.xor().split()
    oracle = datasets.train_epochs(datasets.classifier(4), train, 15, 2.0, test=test)
    assert f"training accuracy {oracle.train_accuracy[-1]:.0%}" in trainer.readout.value
    assert f"held-out accuracy {oracle.test_accuracy[-1]:.0%}" in trainer.readout.value
    np.testing.assert_allclose(trainer.history.net.layers[0].W, oracle.net.layers[0].W)
    line = trainer.view.train_line
    np.testing.assert_allclose(line.get_ydata(), 100 * oracle.train_accuracy)


def test_dataset_trainer_predicts_a_typed_point(trainer):
    trainer.controls["x1"].value = -1.0
    trainer.controls["x2"].value = 1.0
    p = datasets.predict_proba(trainer.history.net, [[-1.0, 1.0]])[0]
    assert f"P(class 1) = {p:.3f}" in trainer.readout.value
    assert list(trainer.view.marker.get_xdata()) == [-1.0]
    assert f"star (-1.00, 1.00): P(class 1) = {p:.3f}" in \
        trainer.view.point_text.get_text()


def test_dataset_trainer_flags_changed_settings_then_new_data(trainer):
    if trainer.history.epochs == 0:  # run alone (or first on its process): train first
        trainer.buttons["train"].click()
    trainer.controls["hidden"].value = 2
    assert "settings changed" in trainer.readout.value
    trainer.controls["dataset"].value = "circles"
    assert "<b>circles</b>" in trainer.readout.value and "untrained" in trainer.readout.value
    train, _ = datasets.circles().split()
    shown = trainer.view.train[1].get_offsets()
    np.testing.assert_array_equal(np.asarray(shown), train.X[train.y == 1])


def test_dataset_trainer_frames_match_a_full_render(trainer):
    app = trainer
    app.buttons["train"].click()
    app.controls["x1"].value = 0.25
    assert_shows_the_figure(app, "after training, a new point")


def test_untrained_view_says_why_there_is_no_line_and_what_the_dots_are():
    history, train, test = datasets.untrained("moons", hidden=8)
    assert history.epochs == 0 and (len(train), len(test)) == (150, 50)
    view = dataset_figures.BoundaryView.draw(history, train, test, points=[(0.5, 0.0)])
    # The notebook's function draws the same picture as the app's view.
    assert dataset_figures.untrained_view("moons", hidden=8).to_png() == view.fig.to_png()
    assert view.contour is None and view.boundary_note.get_visible()
    assert "no 0.5 line" in view.boundary_note.get_text()
    assert "epoch 0" in view.acc_note.get_text()
    # The hollow entry shows both classes' hollow markers.
    held = [t.get_text() for t in view.ax.get_legend().get_texts()].index("held out (hollow)")
    assert held == 2
    history = datasets.train_epochs(datasets.classifier(8), train, 3, 2.0, test=test)
    view.show_boundary(history, train, test)
    assert view.contour is not None and not view.boundary_note.get_visible()
    assert view.contour in view.ax.collections
    assert view.acc_note.get_text() == ""


def test_lesson_boundaries_colour_a_small_margin():
    train, _ = datasets.xor(n=40, seed=1).split()
    params = dict(ll.core.network.LESSON_PARAMS)
    fig = dataset_figures.lesson_boundaries({"lecture": params}, train)
    norm = fig.axes[0].images[0].norm
    assert norm(0.01) - norm(0.0) > 0.1  # 1/100 of the range still shows a colour


def test_before_training_a_new_hidden_size_shows_that_network():
    """Untrained, the picture and readout follow the hidden-units slider (a new random net)."""
    app = dataset_apps.dataset_trainer()
    before = app.readout.value
    app.controls["hidden"].value = 11
    assert app.history.net.sizes == (2, 11, 1)
    p = datasets.predict_proba(datasets.classifier(11, seed=app.seed), [[0.5, 0.0]])[0]
    assert f"P(class 1) = {p:.3f}" in app.readout.value and app.readout.value != before


# == the lecture's network on a data set ===================================================

def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def test_lesson_outputs_and_accuracy_against_hand_forward_passes():
    rng = np.random.default_rng(1)
    p = {n: float(v) for n, v in zip(PARAMS, rng.uniform(-2, 2, 12), strict=True)}
    X = rng.uniform(-1.5, 1.5, (30, 2))
    out = datasets.lesson_outputs(p, X)
    for (x1, x2), (o1, o2) in zip(X, out, strict=True):
        h1 = _sigmoid(x1 * p["w1"] + x2 * p["w2"] + p["b11"])
        h2 = _sigmoid(x1 * p["w3"] + x2 * p["w4"] + p["b12"])
        # tighter than oracles.ROUNDING: the same scalar operations
        assert o1 == pytest.approx(_sigmoid(h1 * p["w5"] + h2 * p["w6"] + p["b21"]), rel=1e-14)
        assert o2 == pytest.approx(_sigmoid(h1 * p["w7"] + h2 * p["w8"] + p["b22"]), rel=1e-14)
    data = ll.dataset.core.xor(n=40, seed=0)
    hand = np.mean([(o[1] > o[0]) == c for o, c in
                    zip(datasets.lesson_outputs(p, data.X), data.y, strict=True)])
    assert datasets.lesson_accuracy(p, data) == hand


@pytest.mark.parametrize("build", [
    lambda: ll.dataset.figures.lesson_boundaries({"lecture": LESSON_PARAMS},
                                                  ll.dataset.core.xor(n=40)),
])
def test_new_figures_render(build):
    assert build().to_png()[:4] == b"\x89PNG"


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


# == exercises =============================================================================
# Lesson 7's exercises and checks, done as a student would: right, one off, malformed, and
# for the code exercise correct, each named slip, raising and garbage.

def test_ex1_updates_per_100_epochs():
    train, _ = ll.dataset.core.xor(n=200, seed=0).split(test_fraction=0.25, seed=0)
    assert ex.ex1.check(len(train) * 100)
    assert not ex.ex1.check(15_001)
    assert "held-out" in ex.ex1.check(20_000).message
    assert not ex.ex1.check("lots")


def test_ex2_cross_entropy_of_a_confident_mistake():
    assert ex.ex2.check(2.303)
    assert not ex.ex2.check(2.302)  # one off in the last asked digit
    assert "class 1" in ex.ex2.check(round(-math.log(0.9), 4)).message
    assert "squared" in ex.ex2.check(0.405).message
    assert not ex.ex2.check(None)


def test_ex3_xor_needs_two_hidden_units():
    # Oracle: the lecture's 2-2-2 net learns XOR (lesson 7 shows it), one unit cannot (a line).
    assert ex.ex3.check(2)
    assert not ex.ex3.check(1)
    assert not ex.ex3.check(2.5)


def _accuracy(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, X1, X2, C, slip=None):
    right = 0
    for x1, x2, c in zip(X1, X2, C, strict=True):
        oh1, oh2 = _sigmoid(x1 * w1 + x2 * w2 + b11), _sigmoid(x1 * w3 + x2 * w4 + b12)
        oy1, oy2 = _sigmoid(oh1 * w5 + oh2 * w6 + b21), _sigmoid(oh1 * w7 + oh2 * w8 + b22)
        guess = int(oy1 > oy2) if slip == "swapped" else int(oy2 > oy1)
        right += guess == c
    return right if slip == "count" else right / len(C)


def test_ex4_student_right_slips_raising_and_garbage():
    assert ex.ex4.check(_accuracy)
    swapped = ex.ex4.check(lambda *a: _accuracy(*a, slip="swapped"))
    assert not swapped and "wrong way round" in swapped.message
    count = ex.ex4.check(lambda *a: _accuracy(*a, slip="count"))
    assert not count and "share" in count.message

    def raising(*a):
        return 1 / 0
    assert "raised ZeroDivisionError" in ex.ex4.check(raising).message
    assert not ex.ex4.check(lambda *a: "most")
    assert not ex.ex4.check(lambda x: 1.0)  # wrong signature


def hand_epochs(epochs):
    """Oracle: epochs of one update per sample, written here with LessonNet's gradient."""
    train, _ = ll.dataset.core.xor(n=40, seed=1).split(test_fraction=0.25, seed=1)
    rng = random.Random(3)
    start = {p: rng.uniform(-1, 1) for p in ll.core.network.PARAMS}
    samples = [(float(a), float(b), 1.0 - c, float(c)) for (a, b), c in zip(train.X, train.y,
                                                                             strict=True)]
    order, params = random.Random(0), dict(start)
    for _ in range(epochs):
        order.shuffle(samples)
        for x1, x2, T1, T2 in samples:
            g = ll.LessonNet(**params, x1=x1, x2=x2, T1=T1, T2=T2).gradient()
            params = {p: v - 0.5 * g[p] for p, v in params.items()}
    return train, start, params


def test_check_epochs_against_a_loop_written_here():
    train, start, params = hand_epochs(3)
    assert ex.check_epochs(params, start, train, 0.5, 3)
    assert not ex.check_epochs(params, start, train, 0.5, 2)
    assert not ex.check_epochs(start, start, train, 0.5, 3)
    assert not ex.check_epochs({"w1": 1.0}, start, train, 0.5, 3)


@pytest.mark.parametrize("exercise", [ex.ex1, ex.ex2, ex.ex3, ex.ex4])
def test_hints_and_solutions(exercise):
    assert repr(exercise.hint()).startswith("Hint:")
    assert repr(exercise.solution()).startswith("Solution:")


def test_check_epochs_names_other_epochs_and_bad_arguments_without_raising():
    train, start, params = hand_epochs(4)
    other = ex.check_epochs(params, start, train, 0.5, 2)
    assert not other and "epochs=4" in other.message
    rate = ex.check_epochs(params, start, train, 0.7, 4)
    assert not rate and "learning_rate=" in rate.message
    for bad in (dict(learning_rate=float("nan")), dict(epochs=-1), dict(epochs="3"),
                dict(data="points")):
        args = dict(trained=params, start=start, data=train, learning_rate=0.5, epochs=4)
        assert not ex.check_epochs(**{**args, **bad})
    assert not ex.check_epochs({**params, "w1": float("nan")}, start, train, 0.5, 4)


def test_ex2_base_2_and_ex4_percentage_are_named():
    assert "base 2" in ex.ex2.check(3.322).message

    def percent(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, X1, X2, C):
        p = dict(w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8, b11=b11, b12=b12,
                 b21=b21, b22=b22)
        right = sum(int(ll.LessonNet(**p, x1=a, x2=b).forward()["outY2"]
                        > ll.LessonNet(**p, x1=a, x2=b).forward()["outY1"]) == c
                    for a, b, c in zip(X1, X2, C, strict=True))
        return 100 * right / len(C)
    assert "percentage" in ex.ex4.check(percent).message
