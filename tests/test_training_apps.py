"""Training figures and apps, driven headless: what they show after each change."""

import io

import numpy as np
import pytest
from PIL import Image

import lesson_lib as ll
from lesson_lib.apps import training as apps
from lesson_lib.core import datasets, training
from lesson_lib.figures import training as figures


def pixels(png: bytes) -> np.ndarray:
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
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels == ["rate 0.01: slow", "rate 10: good", "rate 1e+03: stalled"]
    np.testing.assert_array_equal(fig.axes[0].lines[1].get_ydata(), sweep.errors[1, 1:])


@pytest.fixture(scope="module")
def explorer():
    return apps.learning_rate_explorer()


def test_app_frames_match_a_full_render_after_a_change(explorer):
    app = explorer
    first = app.image.value
    app.controls["learning_rate"].value = 10.0
    assert app.image.value != first
    # The frame drawn over the cached background shows what a full render shows.
    full = pixels(app.fig.to_png())
    assert full.shape == pixels(app.image.value).shape
    assert np.mean(np.any(full != pixels(app.image.value), axis=2)) < 0.01


def test_learning_rate_explorer_follows_the_slider(explorer):
    app = explorer
    app.controls["learning_rate"].value = 0.5
    curve = app.fig.handles["curve"]
    np.testing.assert_allclose(curve.get_ydata(), ll.LessonNet().train(10_000).errors[1:],
                               atol=1e-12)
    assert "learning rate 0.5</b> (slow)" in app.readout.value
    before = app.image.value
    app.controls["learning_rate"].value = 10.0
    np.testing.assert_allclose(curve.get_ydata(),
                               ll.LessonNet().train(10_000, 10.0).errors[1:], atol=1e-12)
    assert "(good)" in app.readout.value and app.image.value != before
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
    app = apps.dataset_trainer(dataset="xor", hidden=4, learning_rate=2.0, epochs=15)
    return app


def test_dataset_trainer_starts_untrained(trainer):
    assert "untrained" in trainer.readout.value
    assert trainer.history.epochs == 0


def test_dataset_trainer_trains_on_click_and_reports_accuracy(trainer):
    trainer.buttons["train"].click()
    assert trainer.progress.value == 15 == trainer.progress.max
    train, test = datasets.xor().split()
    oracle = training.train_epochs(training.classifier(4), train, 15, 2.0, test=test)
    assert f"training accuracy {oracle.train_accuracy[-1]:.0%}" in trainer.readout.value
    assert f"held-out accuracy {oracle.test_accuracy[-1]:.0%}" in trainer.readout.value
    np.testing.assert_allclose(trainer.history.net.layers[0].W, oracle.net.layers[0].W)
    line = trainer.fig.handles["train_line"]
    np.testing.assert_allclose(line.get_ydata(), 100 * oracle.train_accuracy)


def test_dataset_trainer_predicts_a_typed_point(trainer):
    trainer.controls["x1"].value = -1.0
    trainer.controls["x2"].value = 1.0
    p = training.predict_proba(trainer.history.net, [[-1.0, 1.0]])[0]
    assert f"P(class 1) = {p:.3f}" in trainer.readout.value
    assert list(trainer.fig.handles["marker"].get_xdata()) == [-1.0]


def test_dataset_trainer_flags_changed_settings_then_new_data(trainer):
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
    full = pixels(app.fig.to_png())
    assert np.mean(np.any(full != pixels(app.image.value), axis=2)) < 0.01
