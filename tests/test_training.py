"""Lesson 6 (lesson_lib/training/): training the lecture's network."""

import math

import numpy as np
import pytest
from oracles import ROUNDING
from picture_oracle import assert_shows_the_figure

import lesson_lib as ll
from lesson_lib.core.network import LESSON_DATA, LESSON_PARAMS, PARAMS
from lesson_lib.dataset import core as datasets
from lesson_lib.training import apps as apps
from lesson_lib.training import core as training
from lesson_lib.training import exercises as ex
from lesson_lib.training import figures as figures

# == core ==================================================================================
# Training: the vectorised sweep against LessonNet.train, the matrix form against the
# lesson's network, epoch training against MatrixNet.step, and the helpers' bad input.

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
@pytest.mark.parametrize("update_biases", [True, False])
def test_matrix_training_reproduces_10000_lesson_updates(update_biases):
    net = ll.LessonNet()
    errors, final = training.train_sample(ll.MatrixNet.from_lesson(net), [net.x1, net.x2],
                                          [net.T1, net.T2], 10_000, 0.5, update_biases)
    history = net.train(10_000, 0.5, update_biases=update_biases)
    np.testing.assert_allclose(errors, history.errors, rtol=0, atol=ROUNDING)
    params = final.to_lesson_params()
    for name in ll.PARAMS:
        assert abs(params[name] - history.params[name][-1]) <= ROUNDING, name


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


def test_lesson_summary_and_updates_table():
    net = ll.LessonNet()
    history = net.train(300)
    summary = training.lesson_summary(history)
    assert summary["E_total after 1 update"] == pytest.approx(net.step().error(), rel=ROUNDING)
    assert summary["T1"] == 0.01 and summary["outY2"] == history.final.forward()["outY2"]
    stepped, count = net, 0
    while stepped.error() > 0.05:
        stepped, count = stepped.step(), count + 1
    table = training.updates_table({"run": history}, targets=(0.05, 1e-9))
    assert table.splitlines()[1].split()[1:] == [f"{count:,}", "never"]


@pytest.mark.parametrize("call, error, match", [
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


def test_sweep_table_writes_rates_without_an_exponent():
    table = training.sweep_learning_rates([0.01, 1000.0], steps=5).table()
    assert [line.split()[0] for line in table.splitlines()[1:]] == ["0.01", "1000"]


# == figures and apps ======================================================================
# Training figures and apps, driven headless: what they show after each change.

def test_error_curves_plot_each_run_on_a_log_scale():
    runs = {"fixed": ll.LessonNet().train(200, update_biases=False),
            "updated": ll.LessonNet().train(200)}
    fig = figures.error_curves(runs, target=0.1)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log" and ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    np.testing.assert_array_equal(ax.lines[0].get_ydata(), runs["fixed"].errors)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels[:2] == ["fixed", "updated"]
    assert f"{runs['updated'].updates_to_reach(0.1):,} updates" in [t.get_text()
                                                                    for t in ax.texts]


def test_learning_rate_curves_label_each_rate_with_its_verdict():
    sweep = training.sweep_learning_rates([0.01, 10.0, 1000.0], steps=2000)
    fig = figures.learning_rate_curves(sweep, [0.01, 10.0, 1000.0])
    left = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    right = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    start = f"before training: {ll.LessonNet().error():.4g}"
    assert left[0] == "rate 0.01: slow" and left[1].startswith("rate 10: good")
    assert left[2] == start
    assert right == ["rate 1000: stalled at 0.0001"]  # the start lies far above the zoom
    # The edge is zoomed in, over linear updates: a late drop is not squeezed at the edge.
    assert fig.axes[1].get_xscale() == "linear"
    low, high = fig.axes[1].get_ylim()
    assert low < 1e-4 < high and high / low < 30
    np.testing.assert_array_equal(fig.axes[0].lines[1].get_ydata(), sweep.errors[1, 1:])
    # The axes stop at 1e-12 (issue 11: 1e-30 squeezed the range that matters).
    assert fig.axes[0].get_ylim()[0] == pytest.approx(1e-12)


def test_learning_rate_curves_give_each_stalled_rate_its_level():
    rates = [10.0, 100.0, 1000.0]
    sweep = training.sweep_learning_rates(rates, steps=50)
    assert [sweep.verdict(i) for i in range(3)] == ["slow", "stalled", "stalled"]
    ax = figures.learning_rate_curves(sweep, rates).axes[1]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    levels = [f"{sweep.errors[i, -1]:.2g}" for i in (1, 2)]
    assert labels[:2] == [f"rate 100: stalled at {levels[0]}", f"rate 1000: stalled at {levels[1]}"]
    assert len(ax.lines) == 2  # both stalled rates


def test_learning_rate_curves_with_no_rate_past_the_edge_say_so():
    sweep = training.sweep_learning_rates([0.5], steps=5)
    right = figures.learning_rate_curves(sweep, [0.5]).axes[1]  # no empty-legend warning
    assert right.get_legend() is None
    assert [t.get_text() for t in right.texts] == ["no rate from 45 up"]


def test_rate_explorer_stops_at_1e_12_like_the_rate_curves():
    sweep = training.sweep_learning_rates([0.05, 10.0, 1000.0], steps=50)
    ax = figures.RateView.draw(sweep, 10.0).ax
    assert ax.get_ylim()[0] == pytest.approx(1e-12)
    assert all(line.get_alpha() in (None, 1) for line in ax.lines)  # not faint


def test_rate_text_has_no_exponent():
    assert [figures.rate_text(r) for r in (1000.0, 44.668359, 0.01, 0.5)] == [
        "1000", "44.7", "0.01", "0.5"]


@pytest.fixture(scope="module")
def explorer():
    return apps.learning_rate_explorer()


def test_app_frames_match_a_full_render_after_a_change(explorer):
    app = explorer
    first = app.picture.overlay
    app.controls["learning_rate"].value = 10.0
    assert app.picture.overlay != first
    assert_shows_the_figure(app, "learning rate 10")
    app.controls["update_biases"].value = False  # a new figure: reference curves and all
    assert_shows_the_figure(app, "biases held")
    app.controls["update_biases"].value = True


def test_learning_rate_explorer_follows_the_slider(explorer):
    app = explorer
    app.controls["learning_rate"].value = 0.5
    curve = app.view.curve
    np.testing.assert_allclose(curve.get_ydata(), ll.LessonNet().train(10_000).errors[1:],
                               rtol=0, atol=ROUNDING)
    assert "learning rate 0.5</b> (slow)" in app.readout.value
    before = app.picture.overlay
    app.controls["learning_rate"].value = 10.0
    np.testing.assert_allclose(curve.get_ydata(),
                               ll.LessonNet().train(10_000, 10.0).errors[1:], rtol=0,
                               atol=ROUNDING)
    assert "(good)" in app.readout.value and app.picture.overlay != before
    app.controls["learning_rate"].value = 1000.0
    assert "(stalled)" in app.readout.value and "0.0001 after 10,000" in app.readout.value
    app.controls["learning_rate"].value = 0.123  # between slider positions: trained anew
    np.testing.assert_allclose(app.view.curve.get_ydata(),
                               ll.LessonNet().train(10_000, 0.123).errors[1:], rtol=0,
                               atol=ROUNDING)


def test_learning_rate_explorer_can_hold_the_biases():
    app = apps.LearningRateExplorer(learning_rate=5.0, steps=500)
    width = app.picture.width
    app.controls["update_biases"].value = False
    assert app.picture.width == width  # a new figure, at the app's resolution
    expected = ll.LessonNet().train(500, 5.0, update_biases=False).errors
    np.testing.assert_allclose(app.view.curve.get_ydata(), expected[1:],
                               rtol=0, atol=ROUNDING)
    assert f"{expected[-1]:.3g} after 500" in app.readout.value


# == exercises =============================================================================
# Exercises of the training notebook: right answers pass, plausible slips get their reason.

def _sigmoid(z):
    return 1 / (1 + math.exp(-z))


def _hand_update(w, lr=0.5):
    """One update of the lecture's network with the biases fixed, written out by hand.

    Returns the new weights and E_total before the update.
    """
    w1, w2, w3, w4, w5, w6, w7, w8 = w
    x1, x2, T1, T2, b1, b2 = 0.05, 0.10, 0.01, 0.99, 0.35, 0.60
    oh1 = _sigmoid(w1 * x1 + w2 * x2 + b1)
    oh2 = _sigmoid(w3 * x1 + w4 * x2 + b1)
    oy1 = _sigmoid(w5 * oh1 + w6 * oh2 + b2)
    oy2 = _sigmoid(w7 * oh1 + w8 * oh2 + b2)
    E = 0.5 * (T1 - oy1) ** 2 + 0.5 * (T2 - oy2) ** 2
    d1 = (oy1 - T1) * oy1 * (1 - oy1)
    d2 = (oy2 - T2) * oy2 * (1 - oy2)
    e1 = (d1 * w5 + d2 * w7) * oh1 * (1 - oh1)
    e2 = (d1 * w6 + d2 * w8) * oh2 * (1 - oh2)
    grads = (e1 * x1, e1 * x2, e2 * x1, e2 * x2, d1 * oh1, d1 * oh2, d2 * oh1, d2 * oh2)
    return [wi - lr * g for wi, g in zip(w, grads, strict=True)], E


LECTURE_WEIGHTS = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55]


def test_ex1_two_slide_updates():
    w, E0 = _hand_update(LECTURE_WEIGHTS)
    w, E1 = _hand_update(w)
    _, E2 = _hand_update(w)
    assert E0 == pytest.approx(0.2983711088, abs=1e-9)  # the lecture's starting error
    assert ex.ex1.check(E2)
    assert ex.ex1.check(float(f"{E2:.4g}"))
    close = ex.ex1.check(float(f"{E2:.3g}"))  # 4 figures are asked for
    assert not close and close.message.startswith("Close")
    once = ex.ex1.check(E1)
    assert not once and "ONE update" in once.message
    _, E_rate1 = _hand_update(_hand_update(LECTURE_WEIGHTS, lr=1.0)[0])
    doubled = ex.ex1.check(float(f"{E_rate1:.4g}"))
    assert not doubled and "learning rate 1.0" in doubled.message
    assert not ex.ex1.check(ll.LessonNet().train(2).errors[2])  # biases updated too


def test_ex2_stall_plateau():
    assert ex.ex2.check(0.5 * (0.01 - 0) ** 2 + 0.5 * (0.99 - 1) ** 2)
    slip = ex.ex2.check(0.0002)
    assert not slip and "1/2" in slip.message
    assert not ex.ex2.check(0.0)


def test_ex2_one_off_in_the_last_digit_and_malformed():
    assert not ex.ex2.check(0.0001001)
    assert not ex.ex2.check("a lot")
    assert not ex.ex2.check([1e-4, 1e-4])


# -- exercise 3: the cross-entropy backward pass, written by a student ----------------------
def _ce_backward(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2,
                 slip=None):
    """Written from the formula dE/dy = out - T, independently of lesson_lib."""
    oh1 = _sigmoid(x1 * w1 + x2 * w2 + b11)
    oh2 = _sigmoid(x1 * w3 + x2 * w4 + b12)
    oy1 = _sigmoid(oh1 * w5 + oh2 * w6 + b21)
    oy2 = _sigmoid(oh1 * w7 + oh2 * w8 + b22)
    d1, d2 = oy1 - T1, oy2 - T2
    if slip == "kept slope":
        d1, d2 = d1 * oy1 * (1 - oy1), d2 * oy2 * (1 - oy2)
    if slip == "sign":
        d1, d2 = -d1, -d2
    e1 = (d1 * w5 + d2 * w7) * oh1 * (1 - oh1)
    e2 = (d1 * w6 + d2 * w8) * oh2 * (1 - oh2)
    return dict(dE_dw1=e1 * x1, dE_dw2=e1 * x2, dE_dw3=e2 * x1, dE_dw4=e2 * x2,
                dE_dw5=d1 * oh1, dE_dw6=d1 * oh2, dE_dw7=d2 * oh1, dE_dw8=d2 * oh2,
                dE_db11=e1, dE_db12=e2, dE_db21=d1, dE_db22=d2)


def _ce(params):
    f = ll.LessonNet(**params).forward()
    return -sum(t * math.log(f[o]) + (1 - t) * math.log(1 - f[o])
                for t, o in ((params.get("T1", 0.01), "outY1"), (params.get("T2", 0.99), "outY2")))


def test_ex3_reference_matches_central_differences_of_the_cross_entropy():
    # Oracle: a central difference of the cross-entropy, written here.
    g = _ce_backward(**ll.core.network.LESSON_PARAMS, **ll.core.network.LESSON_DATA)
    for p in ll.core.network.PARAMS:
        h = 1e-6
        up = dict(ll.core.network.LESSON_PARAMS, **{p: ll.core.network.LESSON_PARAMS[p] + h})
        down = dict(ll.core.network.LESSON_PARAMS, **{p: ll.core.network.LESSON_PARAMS[p] - h})
        assert g[f"dE_d{p}"] == pytest.approx((_ce(up) - _ce(down)) / (2 * h), rel=1e-6, abs=1e-10)


def test_ex3_student_right_slips_raising_and_garbage():
    assert ex.ex3.check(_ce_backward)
    kept = ex.ex3.check(lambda *a: _ce_backward(*a, slip="kept slope"))
    assert not kept and "cancels" in kept.message
    sign = ex.ex3.check(lambda *a: _ce_backward(*a, slip="sign"))
    assert not sign and "sign" in sign.message

    def squared(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        return _ce_backward(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2,
                            slip="kept slope")
    assert not ex.ex3.check(squared)

    def raising(*args):
        raise ZeroDivisionError("oops")
    assert "raised ZeroDivisionError" in ex.ex3.check(raising).message
    assert not ex.ex3.check(lambda *a: "gradients")
    assert not ex.ex3.check(42)
    assert "No answer yet" in ex.ex3.check(...).message


def test_check_lesson5_and_check_run():
    def backward_pass(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        return ll.LessonNet(w1=w1, w2=w2, w3=w3, w4=w4, w5=w5, w6=w6, w7=w7, w8=w8, b11=b11,
                            b12=b12, b21=b21, b22=b22, x1=x1, x2=x2, T1=T1,
                            T2=T2).backward()
    assert ex.check_lesson5(backward_pass)
    assert not ex.check_lesson5(lambda *a: {})  # no keys: named, not raised
    # Oracle: the hand-written update above, 3 times with the biases fixed.
    w, errors = LECTURE_WEIGHTS, []
    for _ in range(3):
        w, E = _hand_update(w)
        errors.append(E)
    errors.append(_hand_update(w)[1])
    assert ex.check_run(errors, 0.5, update_biases=False)
    freed = ex.check_run(errors, 0.5, update_biases=True)
    assert not freed and "held fixed" in freed.message
    off = list(errors)
    off[2] *= 1 + 1e-6
    assert not ex.check_run(off, 0.5, update_biases=False)
    assert not ex.check_run("errors", 0.5)
    assert not ex.check_run([0.3], 0.5)


def test_every_exercise_has_a_hint_and_a_solution():
    for exercise in (ex.ex1, ex.ex2, ex.ex3):
        assert repr(exercise.hint()).startswith("Hint:")
        assert repr(exercise.solution()).startswith("Solution:")
        assert exercise.slips


def test_check_run_names_non_finite_values_and_bad_settings_without_raising():
    errors = [E for E in ll.LessonNet().train(5, 0.5, update_biases=False).errors]
    nan = ex.check_run(errors[:-1] + [float("nan")], 0.5, update_biases=False)
    assert not nan and "not a number" in nan.message
    assert not ex.check_run(errors[:-1] + [float("inf")], 0.5, update_biases=False)
    for rate in (float("nan"), -1.0, "fast", None):
        feedback = ex.check_run(errors, rate, update_biases=False)
        assert not feedback and "learning_rate" in feedback.message
    assert not ex.check_run(errors, 0.5, update_biases="no")
    assert not ex.check_run(errors, 0.5, update_biases=False, tolerance=float("nan"))


def test_check_run_suggests_the_rate_the_loop_used():
    # Oracle: the hand-written update, at rate 1.0 while the check is told 0.5.
    w, errors = LECTURE_WEIGHTS, []
    for _ in range(4):
        w, E = _hand_update(w, lr=1.0)
        errors.append(E)
    feedback = ex.check_run(errors, 0.5, update_biases=False)
    assert not feedback and "learning_rate=1" in feedback.message
    assert ex.check_run(errors, 1.0, update_biases=False)


def test_ex1_rounding_and_bias_slips_and_ex3_named_slips():
    assert "rounding" in ex.ex1.check(0.2836).message
    assert "biases updated too" in ex.ex1.check(0.2805).message

    def no_hidden_slope(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22, x1, x2, T1, T2):
        oh1 = _sigmoid(x1 * w1 + x2 * w2 + b11)
        oh2 = _sigmoid(x1 * w3 + x2 * w4 + b12)
        oy1 = _sigmoid(oh1 * w5 + oh2 * w6 + b21)
        oy2 = _sigmoid(oh1 * w7 + oh2 * w8 + b22)
        d1, d2 = oy1 - T1, oy2 - T2
        e1, e2 = d1 * w5 + d2 * w7, d1 * w6 + d2 * w8
        return dict(dE_dw1=e1 * x1, dE_dw2=e1 * x2, dE_dw3=e2 * x1, dE_dw4=e2 * x2,
                    dE_dw5=d1 * oh1, dE_dw6=d1 * oh2, dE_dw7=d2 * oh1, dE_dw8=d2 * oh2,
                    dE_db11=e1, dE_db12=e2, dE_db21=d1, dE_db22=d2)
    assert "hidden sigmoid's slope" in ex.ex3.check(no_hidden_slope).message
    half = ex.ex3.check(lambda *a: {k: v / 2 for k, v in _ce_backward(*a).items()})
    assert not half and "half" in half.message


# == leftouts ==============================================================================
# What lessons 6 and 7 add to the lecture (issue 11), against independent oracles:
# cross-entropy training, per-layer gradients, the lecture's network on a data set.

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
