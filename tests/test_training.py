"""Training: the vectorised sweep against LessonNet.train, the matrix form against the
lesson's network, epoch training against MatrixNet.step, and the helpers' bad input."""

import numpy as np
import pytest

import lesson_lib as ll
from lesson_lib.dataset import core as datasets
from lesson_lib.training import core as training

# Slow, good and stalled rates, on and off the slider's grid.
RATES = [0.01, 0.07, 0.5, 1.0, 3.3, 10.0, 28.0, 45.0, 60.0, 100.0, 350.0, 1000.0]


@pytest.mark.parametrize("update_biases", [True, False])
def test_sweep_equals_lesson_train_for_every_rate(update_biases):
    # Bit for bit: the sweep runs LessonNet.train's own pass and update on arrays.
    sweep = training.sweep_learning_rates(RATES, steps=10_000, update_biases=update_biases)
    assert sweep.errors.shape == (len(RATES), 10_001)
    for i, rate in enumerate(RATES):
        history = ll.LessonNet().train(10_000, rate, update_biases=update_biases)
        np.testing.assert_array_equal(sweep.errors[i], history.errors)
        for name in ll.PARAMS:
            assert sweep.final[name][i] == history.params[name][-1], (rate, name)


def test_sweep_starts_from_any_network():
    net = ll.LessonNet(w1=-0.3, b21=-2.0, x1=1.0, T2=0.3)
    sweep = training.sweep_learning_rates([0.2, 4.0], steps=300, net=net)
    np.testing.assert_array_equal(sweep.errors[1], net.train(300, 4.0).errors)


def test_sweep_curve_trains_a_rate_it_did_not_sweep():
    sweep = training.sweep_learning_rates([0.5, 2.0], steps=200)
    assert sweep.index(2.0) == 1 and sweep.index(1.7) is None
    errors, kind = sweep.curve(1.7)
    np.testing.assert_array_equal(errors, ll.LessonNet().train(200, 1.7).errors)
    assert kind == "slow"


def test_slider_positions_include_the_lessons_rate():
    assert training.SWEEP_RATES.size >= 50
    assert 0.5 in training.SWEEP_RATES
    low, high, step = training.RATE_EXPONENTS
    assert training.SWEEP_RATES.min() == pytest.approx(10 ** low)
    assert training.SWEEP_RATES.max() == pytest.approx(10 ** high)


def test_a_huge_rate_stalls_where_both_outputs_overshoot():
    # Hand-derived: outY1 -> 0 and outY2 -> 1 leave each output 0.01 from its target.
    sweep = training.sweep_learning_rates([1000.0], steps=10_000)
    plateau = 0.5 * 0.01 ** 2 + 0.5 * 0.01 ** 2
    assert sweep.errors[0, -1] == pytest.approx(plateau, rel=1e-6)
    assert sweep.verdict(0) == "stalled"
    assert np.all(np.isfinite(sweep.errors))


def test_verdict_rules():
    falling = np.geomspace(0.3, 1e-9, 50)
    assert training.verdict(falling, 0.01, 0.99, 0.01, 0.99) == "good"
    assert training.verdict(np.geomspace(0.3, 1e-3, 50), 0.02, 0.98, 0.01, 0.99) == "slow"
    assert training.verdict(falling, 1e-5, 0.99, 0.01, 0.99) == "stalled"
    assert training.verdict(falling, 0.01, 0.9999, 0.01, 0.99) == "stalled"


def test_rises_count_real_increases_only():
    assert training.rises([1.0, 0.5, 0.6, 0.4, 0.45]) == 2
    assert training.rises([1.0, 0.5, 0.5 * (1 + 1e-12)]) == 0  # rounding
    assert training.rises([1e-29, 1e-30, 3e-30]) == 0  # below the float floor


def test_sweep_rejects_bad_rates():
    for bad in ([], [0.5, -1.0], [[0.5]], [0.0]):
        with pytest.raises(ValueError, match="rates must be a non-empty 1-D list"):
            training.sweep_learning_rates(bad, steps=5)
    with pytest.raises(TypeError, match="rates must be numbers"):
        training.sweep_learning_rates("fast", steps=5)
    with pytest.raises(ValueError, match="steps must be >= 0"):
        training.sweep_learning_rates([0.5], steps=-1)
    with pytest.raises(ValueError, match="rate 3 is not one of the swept rates"):
        training.sweep_learning_rates([0.5], steps=5).table([3])


# -- the matrix form reproduces the lesson's network ------------------------------------
def test_matrix_form_gives_the_lessons_forward_and_gradients():
    net = ll.LessonNet()
    matrix = ll.MatrixNet.from_lesson(net)
    x, t = [net.x1, net.x2], [net.T1, net.T2]
    f = net.forward()
    outs = matrix.forward(x)
    np.testing.assert_allclose(outs[1], [f["outH1"], f["outH2"]], rtol=1e-15)
    np.testing.assert_allclose(outs[2], [f["outY1"], f["outY2"]], rtol=1e-15)
    (dW1, db1), (dW2, db2) = matrix.backward(x, t)[0]
    g = net.gradient()
    got = {"w1": dW1[0, 0], "w2": dW1[0, 1], "w3": dW1[1, 0], "w4": dW1[1, 1],
           "w5": dW2[0, 0], "w6": dW2[0, 1], "w7": dW2[1, 0], "w8": dW2[1, 1],
           "b11": db1[0], "b12": db1[1], "b21": db2[0], "b22": db2[1]}
    for name in ll.PARAMS:
        assert got[name] == pytest.approx(g[name], rel=1e-14, abs=1e-18), name


@pytest.mark.parametrize("update_biases", [True, False])
def test_matrix_training_reproduces_10000_lesson_updates(update_biases):
    net = ll.LessonNet()
    errors, final = training.train_sample(ll.MatrixNet.from_lesson(net), [net.x1, net.x2],
                                          [net.T1, net.T2], 10_000, 0.5, update_biases)
    history = net.train(10_000, 0.5, update_biases=update_biases)
    np.testing.assert_allclose(errors, history.errors, rtol=0, atol=1e-12)
    params = final.to_lesson_params()
    for name in ll.PARAMS:
        assert abs(params[name] - history.params[name][-1]) <= 1e-12, name


def test_fast_sample_loop_equals_matrixnet_step():
    start = ll.MatrixNet.random((2, 3, 2), seed=5)
    x, t = [0.3, -1.2], [0.9, 0.2]
    errors, final = training.train_sample(start, x, t, 40, 1.5, update_biases=True)
    slow = ll.MatrixNet(start.layers)
    for k in range(40):
        assert errors[k] == slow.step(x, t, 1.5)  # one kernel: the same bits
    for mine, theirs in zip(final.layers, slow.layers, strict=True):
        np.testing.assert_array_equal(mine.W, theirs.W)
        np.testing.assert_array_equal(mine.b, theirs.b)


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


def test_lesson_summary_and_updates_table():
    net = ll.LessonNet()
    history = net.train(300)
    summary = training.lesson_summary(history)
    assert summary["E_total after 1 update"] == pytest.approx(net.step().error(), rel=1e-12)
    assert summary["T1"] == 0.01 and summary["outY2"] == history.final.forward()["outY2"]
    stepped, count = net, 0
    while stepped.error() > 0.05:
        stepped, count = stepped.step(), count + 1
    table = training.updates_table({"run": history}, targets=(0.05, 1e-9))
    assert table.splitlines()[1].split()[1:] == [f"{count:,}", "never"]


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
    (lambda: training.train_sample(ll.MatrixNet.from_lesson(), [1.0], [0.0, 1.0], 3, 0.5),
     ValueError, "x must have shape"),
    (lambda: training.updates_table({"r": ll.LessonNet().train(3)}, targets=(-1,)),
     ValueError, "targets must be a non-empty 1-D list of numbers > 0"),
])
def test_bad_input_names_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()


@pytest.mark.parametrize("rate, update_biases", [(0.5, True), (0.5, False), (1000.0, True)])
def test_train_lesson_is_lesson_train_without_the_history(rate, update_biases):
    errors, final = training.train_lesson(2_000, rate, update_biases)
    history = ll.LessonNet().train(2_000, rate, update_biases=update_biases)
    np.testing.assert_array_equal(errors, history.errors)  # same operations, same bits
    assert final == history.final
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        training.train_lesson(10, learning_rate=-0.5)
    with pytest.raises(ValueError, match="steps must be >= 0"):
        training.train_lesson(-1)


def test_slider_sweep_is_made_once_per_setting():
    first = training.slider_sweep(False, 50)
    assert training.slider_sweep(False, 50) is first
    np.testing.assert_array_equal(first.rates, training.SWEEP_RATES)
    assert not first.update_biases
    i = first.index(0.5)
    np.testing.assert_array_equal(first.errors[i],
                                  ll.LessonNet().train(50, 0.5, update_biases=False).errors)


def test_sweep_table_reads_the_curves():
    sweep = training.sweep_learning_rates([0.01, 10.0], steps=10_000)
    slow, fast = sweep.table().splitlines()[1:]
    e = ll.LessonNet().train(10_000, 0.01).errors
    assert slow.split()[1:4] == [f"{e[1]:.3g}", f"{e[100]:.3g}", f"{e[-1]:.3g}"]
    assert slow.endswith("slow") and "never" in slow
    assert "< 1e-20" in fast and fast.endswith("good")  # 10 goes below what the digits hold


def test_training_modules_keep_to_their_layers():
    import subprocess
    import sys

    probe = ("import sys, lesson_lib.training.core, lesson_lib.dataset.core; "
             "a = sorted(m for m in ('matplotlib', 'ipywidgets') if m in sys.modules); "
             "import lesson_lib.training.figures; "
             "print(a, 'ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[] False"


def test_slider_sweep_cache_ignores_how_it_is_called():
    assert training.slider_sweep(steps=40) is training.slider_sweep(True, 40)


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


def test_sweep_table_writes_rates_without_an_exponent():
    table = training.sweep_learning_rates([0.01, 1000.0], steps=5).table()
    assert [line.split()[0] for line in table.splitlines()[1:]] == ["0.01", "1000"]
