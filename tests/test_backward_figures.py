"""Lesson 5's figures draw what the numbers say."""

import pytest

from lesson_lib.backward import figures as fb
from lesson_lib.core.network import PARAMS, LessonNet
from lesson_lib.figures import LessonFigure


def test_gradient_check_bars_stay_below_the_tolerance():
    fig = fb.gradient_check()
    ax = fig.axes[0]
    heights = [bar.get_height() for bar in ax.patches]
    assert len(heights) == len(PARAMS)
    assert all(0 < h < 1e-7 for h in heights)
    assert [t.get_text() for t in ax.get_xticklabels()] == list(PARAMS)
    assert fig.to_png()[:4] == b"\x89PNG"


def test_slide_slip_bars():
    ax = fb.slide_slip().axes[0]
    heights = [round(bar.get_height(), 10) for bar in ax.patches]
    # slides' w3, w4 from their printed factors; chain rule and finite difference agree
    assert heights[0] == pytest.approx(0.03635031 * 0.2406134 * 0.05, rel=1e-6)
    assert heights[2] == pytest.approx(0.000497713, rel=1e-6)
    assert heights[4] == pytest.approx(heights[2], rel=1e-7)
    assert "12% too small" in ax.get_title()


def test_error_histories_fall_faster_with_biases():
    ax = fb.error_histories(steps=20).axes[0]
    fixed, moving = ax.get_lines()
    assert "weights only, biases held" in fixed.get_label()  # not "the slides": their w3, w4 differ
    assert len(fixed.get_ydata()) == 21
    assert fixed.get_ydata()[0] == moving.get_ydata()[0]
    assert moving.get_ydata()[-1] < fixed.get_ydata()[-1] < fixed.get_ydata()[0]
    with pytest.raises(ValueError, match="steps must be >= 1"):
        fb.error_histories(steps=0)
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        fb.error_histories(learning_rate=0)


def test_training_view_says_what_it_shows_and_greys_held_biases():
    history = LessonNet().train(10, update_biases=False)
    fig = fb.training_view(history)
    assert fig._suptitle.get_text() == "After 10 updates, learning rate 0.5, biases held"
    assert fig.diagram.edge_texts["b21"].get_text().endswith("(held)")
    trained = fb.training_view(LessonNet().train(2, 1.5, update_biases=True))
    assert trained._suptitle.get_text() == "After 2 updates, learning rate 1.5, biases updated"
    assert not trained.diagram.edge_texts["b21"].get_text().endswith("(held)")
    with pytest.raises(TypeError, match="history must be the TrainingHistory"):
        fb.training_view([0.3, 0.2])


def test_history_legend_sits_above_the_curve_and_the_start_line():
    fig = fb.stepper_view()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.history.ax
    assert fig.history.legend.get_window_extent(renderer).y0 >= ax.bbox.y1
    assert ax.get_ylabel() == "$E_{total}$ (no unit)"
    assert fb.error_histories(steps=5).axes[0].get_ylabel() == "$E_{total}$ (no unit)"


def test_stepper_view_shows_gradients_and_history():
    history = LessonNet().train(3, update_biases=False)
    fig = fb.stepper_view(history.final, history.errors)
    assert isinstance(fig, LessonFigure)
    assert list(fig.history.line.get_ydata()) == list(history.errors)
    grad = history.final.gradient()
    assert fig.diagram.edge_texts["w1"].get_text() == f"∂E/∂w1 =\n{grad['w1']:.4g}"
    with pytest.raises(ValueError, match="errors must hold finite numbers"):
        fig.history.update([0.3, float("nan")])


def test_history_before_any_update_says_so_and_shows_its_point_inside_the_axes():
    fig = fb.stepper_view()
    left, right = fig.history.ax.get_xlim()
    assert left < 0 < right  # update 0 is not drawn on the spine
    assert fig.history.empty.get_visible() and "no update yet" in fig.history.empty.get_text()
    fig.history.update([0.3, 0.29])
    assert not fig.history.empty.get_visible()
