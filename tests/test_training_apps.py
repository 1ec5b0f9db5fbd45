"""Training figures and apps, driven headless: what they show after each change."""

import io

import numpy as np
import pytest
from picture_oracle import assert_shows_the_figure
from PIL import Image

import lesson_lib as ll
from lesson_lib.dataset import apps as dataset_apps
from lesson_lib.dataset import core as datasets
from lesson_lib.dataset import figures as dataset_figures
from lesson_lib.training import apps as apps
from lesson_lib.training import core as training
from lesson_lib.training import figures as figures


def pixels(png) -> np.ndarray:
    if isinstance(png, np.ndarray):  # an app's picture: RGBA
        return png[..., :3].astype(int)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


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
    ax = figures.rate_explorer(sweep, 10.0).handles["ax"]
    assert ax.get_ylim()[0] == pytest.approx(1e-12)
    assert all(line.get_alpha() in (None, 1) for line in ax.lines)  # not faint


def test_rate_text_has_no_exponent():
    assert [figures.rate_text(r) for r in (1000.0, 44.668359, 0.01, 0.5)] == [
        "1000", "44.7", "0.01", "0.5"]


def test_boundary_snapshots_share_a_legend_and_a_colour_bar():
    train, _ = datasets.moons(n=40).split()
    history = datasets.train_epochs(datasets.classifier(3), train, 2, 1.0,
                                    snapshot_epochs=(0, 1, 2))
    fig = dataset_figures.boundary_snapshots(history, train, columns=2)
    panels = [ax for ax in fig.axes if ax.get_title().startswith("epoch")]
    assert [ax.get_title().split(":")[0] for ax in panels] == ["epoch 0", "epoch 1", "epoch 2"]
    assert all("(no unit)" in ax.get_xlabel() for ax in panels[1:])
    assert [ax for ax in fig.axes if ax.get_legend() is not None] == [fig.handles["key"]]
    labels = [t.get_text() for t in fig.handles["key"].get_legend().get_texts()]
    assert labels[:2] == ["class 0", "class 1"]
    bar = fig.handles["colorbar"]
    assert "P(class 1)" in bar.ax.get_xlabel() and bar.mappable.get_clim() == (0, 1)


def test_boundary_legend_names_only_what_is_drawn():
    train, test = datasets.moons(n=40).split()
    history = datasets.train_epochs(datasets.classifier(3), train, 1, 1.0, test=test)
    ax = dataset_figures.boundary(history, train, test).axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["class 0", "class 1", "held out (hollow)"]
    assert ax.texts[-1].get_text() == ""
    fig = dataset_figures.boundary(history, train, test, points=[(0.3, -0.2)])
    labels = [t.get_text() for t in fig.handles["ax"].get_legend().get_texts()]
    assert labels[-1] == "your point"


def test_the_star_note_gives_the_networks_probability():
    train, _ = datasets.moons(n=40).split()
    history = datasets.train_epochs(datasets.classifier(3), train, 1, 1.0)
    fig = dataset_figures.boundary(history, train, points=[(0.3, -0.2)])
    # Oracle: the forward pass written out with the layers' arrays.
    out = np.array([0.3, -0.2])
    for layer in history.net.layers:
        out = 1 / (1 + np.exp(-(layer.W @ out + layer.b)))
    p = out[0]
    assert fig.handles["point_text"].get_text() == (
        f"star (0.30, -0.20): P(class 1) = {p:.3f}, class {int(p >= 0.5)}")


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
    curve = app.fig.handles["curve"]
    np.testing.assert_allclose(curve.get_ydata(), ll.LessonNet().train(10_000).errors[1:],
                               atol=1e-12)
    assert "learning rate 0.5</b> (slow)" in app.readout.value
    before = app.picture.overlay
    app.controls["learning_rate"].value = 10.0
    np.testing.assert_allclose(curve.get_ydata(),
                               ll.LessonNet().train(10_000, 10.0).errors[1:], atol=1e-12)
    assert "(good)" in app.readout.value and app.picture.overlay != before
    app.controls["learning_rate"].value = 1000.0
    assert "(stalled)" in app.readout.value and "0.0001 after 10,000" in app.readout.value
    app.controls["learning_rate"].value = 0.123  # between slider positions: trained anew
    np.testing.assert_allclose(app.fig.handles["curve"].get_ydata(),
                               ll.LessonNet().train(10_000, 0.123).errors[1:], atol=1e-12)


def test_learning_rate_explorer_can_hold_the_biases():
    app = apps.LearningRateExplorer(learning_rate=5.0, steps=500)
    app.controls["update_biases"].value = False
    expected = ll.LessonNet().train(500, 5.0, update_biases=False).errors
    np.testing.assert_allclose(app.fig.handles["curve"].get_ydata(), expected[1:], atol=1e-12)
    assert f"{expected[-1]:.3g} after 500" in app.readout.value


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
    line = trainer.fig.handles["train_line"]
    np.testing.assert_allclose(line.get_ydata(), 100 * oracle.train_accuracy)


def test_dataset_trainer_predicts_a_typed_point(trainer):
    trainer.controls["x1"].value = -1.0
    trainer.controls["x2"].value = 1.0
    p = datasets.predict_proba(trainer.history.net, [[-1.0, 1.0]])[0]
    assert f"P(class 1) = {p:.3f}" in trainer.readout.value
    assert list(trainer.fig.handles["marker"].get_xdata()) == [-1.0]
    assert f"star (-1.00, 1.00): P(class 1) = {p:.3f}" in \
        trainer.fig.handles["point_text"].get_text()


def test_dataset_trainer_flags_changed_settings_then_new_data(trainer):
    if trainer.history.epochs == 0:  # run alone (or first on its process): train first
        trainer.buttons["train"].click()
    trainer.controls["hidden"].value = 2
    assert "settings changed" in trainer.readout.value
    trainer.controls["dataset"].value = "circles"
    assert "<b>circles</b>" in trainer.readout.value and "untrained" in trainer.readout.value
    train, _ = datasets.circles().split()
    shown = trainer.fig.handles["train"][1].get_offsets()
    np.testing.assert_array_equal(np.asarray(shown), train.X[train.y == 1])


def test_dataset_trainer_frames_match_a_full_render(trainer):
    app = trainer
    app.buttons["train"].click()
    app.controls["x1"].value = 0.25
    assert_shows_the_figure(app, "after training, a new point")


def test_untrained_view_says_why_there_is_no_line_and_what_the_dots_are():
    fig = dataset_figures.untrained_view("moons", hidden=8)
    h = fig.handles
    assert h["contour"] is None and h["boundary_note"].get_visible()
    assert "no 0.5 line" in h["boundary_note"].get_text()
    assert "epoch 0" in h["acc_note"].get_text()
    # The hollow entry shows both classes' hollow markers.
    held = [t.get_text() for t in h["ax"].get_legend().get_texts()].index("held out (hollow)")
    assert held == 2
    history = datasets.train_epochs(datasets.classifier(8), h["train_set"], 3, 2.0,
                                    test=h["test_set"])
    dataset_figures.set_boundary(fig, history, h["train_set"], h["test_set"])
    assert h["contour"] is not None and not h["boundary_note"].get_visible()
    assert h["acc_note"].get_text() == ""


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
