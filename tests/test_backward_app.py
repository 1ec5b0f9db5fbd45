"""The training stepper, driven headless: click its buttons, move its controls, read it back."""


import pytest
from oracles import e_total

from lesson_lib.apps.backward import TrainingStepper, training_stepper
from lesson_lib.core.network import LESSON_PARAMS


def fd_step(p, lr, biases):
    """One gradient-descent step with central-difference gradients."""
    new = dict(p)
    for name in p:
        if name.startswith("b") and not biases:
            continue
        up, down = dict(p), dict(p)
        up[name] += 1e-5
        down[name] -= 1e-5
        new[name] = p[name] - lr * (e_total(up) - e_total(down)) / 2e-5
    return new


@pytest.fixture
def app():
    return training_stepper()


def test_starts_at_the_lessons_values(app):
    assert isinstance(app, TrainingStepper)
    assert dict(app.net.params) == LESSON_PARAMS
    assert "updates so far: 0" in app.readout.value
    assert f"E_total = {e_total(LESSON_PARAMS):.6f}" in app.readout.value
    assert list(app.fig.history.line.get_ydata()) == [pytest.approx(e_total(LESSON_PARAMS))]
    assert app.fig.diagram.edge_texts["w5"].get_text().endswith("0.08217")


def test_a_step_lowers_the_error_and_redraws(app):
    before = app.image.value
    app.buttons["step"].click()
    expected = fd_step(LESSON_PARAMS, 0.5, biases=False)
    assert app.net.params["w5"] == pytest.approx(expected["w5"], rel=1e-8)
    assert app.errors[1] < app.errors[0]
    assert app.errors[1] == pytest.approx(e_total(expected), rel=1e-9)
    assert "updates so far: 1" in app.readout.value
    assert len(app.fig.history.line.get_xdata()) == 2
    assert app.image.value != before
    assert app.fig.diagram.error_text.get_text() == f"E_total = {app.errors[1]:.4g}"


def test_ten_steps_keep_lowering_the_error(app):
    app.buttons["step10"].click()
    assert len(app.errors) == 11
    assert all(b < a for a, b in zip(app.errors, app.errors[1:], strict=False))


def test_reset_restores_the_lessons_values(app):
    app.buttons["step10"].click()
    app.buttons["reset"].click()
    assert dict(app.net.params) == LESSON_PARAMS
    assert app.errors == [pytest.approx(e_total(LESSON_PARAMS))]
    assert "updates so far: 0" in app.readout.value
    assert app.fig.diagram.edge_texts["w5"].get_text().endswith("0.08217")


def test_bias_toggle_holds_or_moves_the_biases(app):
    app.buttons["step"].click()
    assert [app.net.params[b] for b in ("b11", "b12", "b21", "b22")] == [0.35, 0.35, 0.6, 0.6]
    app.controls["update_biases"].value = True
    assert "biases updated" in app.readout.value
    held = dict(app.net.params)
    app.buttons["step"].click()
    expected = fd_step(held, 0.5, biases=True)
    for b in ("b11", "b12", "b21", "b22"):
        assert app.net.params[b] == pytest.approx(expected[b], rel=1e-8)
        assert app.net.params[b] != held[b]


def test_the_step_uses_the_learning_rate_slider(app):
    app.controls["learning_rate"].value = 2.0
    assert "learning rate 2.00" in app.readout.value
    app.buttons["step"].click()
    expected = fd_step(LESSON_PARAMS, 2.0, biases=False)
    for name in ("w1", "w5", "w8"):
        assert app.net.params[name] == pytest.approx(expected[name], rel=1e-7)
    # 0.4 - 2 * 0.08216704 = 0.23566592: four times the slides' 0.5 step
    assert app.net.params["w5"] == pytest.approx(0.23566592, abs=1e-8)


def test_moving_a_control_alone_does_not_train(app):
    image = app.image.value
    app.controls["learning_rate"].value = 1.0
    assert app.image.value == image  # nothing to redraw until the next step
    app.controls["update_biases"].value = True
    assert len(app.errors) == 1
    assert "learning rate 1.00, biases updated" in app.readout.value


def test_held_biases_show_grey_until_the_bias_toggle_is_ticked(app):
    texts = app.fig.diagram.edge_texts
    assert all(texts[b].get_text().endswith("(held)") for b in ("b11", "b12", "b21", "b22"))
    assert not texts["w5"].get_text().endswith("(held)")
    image = app.image.value
    app.controls["update_biases"].value = True
    assert app.image.value != image  # the bias edges change colour at once
    assert not any(texts[b].get_text().endswith("(held)") for b in ("b11", "b12", "b21", "b22"))
    app.controls["update_biases"].value = False
    assert texts["b21"].get_text().endswith("(held)")


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        training_stepper(learning_rate=-0.5)
    with pytest.raises(ValueError, match="learning_rate must be <= 5"):
        training_stepper(learning_rate=10)
    with pytest.raises(TypeError, match="update_biases must be True or False"):
        training_stepper(update_biases="yes")


def test_shows_a_text_fallback_without_a_kernel(app):
    assert "Interactive app: TrainingStepper" in app._repr_mimebundle_()["text/plain"]
