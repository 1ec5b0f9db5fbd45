"""The training stepper, driven headless: click its buttons, move its controls, read it back."""


import pytest
from oracles import e_total, svg_labels, svg_number

from lesson_lib.backward.apps import TrainingStepper, training_stepper
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
    assert "no updates yet" in app.picture.alt
    assert svg_labels(app.picture.svg)["∂E/∂w5"].endswith("0.08217")


def test_a_step_lowers_the_error_and_redraws(app):
    before = app.picture.svg
    app.buttons["step"].click()
    expected = fd_step(LESSON_PARAMS, 0.5, biases=False)
    assert app.net.params["w5"] == pytest.approx(expected["w5"], rel=1e-8)
    assert app.errors[1] < app.errors[0]
    assert app.errors[1] == pytest.approx(e_total(expected), rel=1e-9)
    assert "updates so far: 1" in app.readout.value
    assert "Error history over 1 updates" in app.picture.alt
    assert app.picture.svg != before
    assert svg_number(app.picture.svg, "E_total") == pytest.approx(app.errors[1], abs=1e-4)


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
    assert svg_labels(app.picture.svg)["∂E/∂w5"].endswith("0.08217")


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
    image = app.picture.svg
    app.controls["learning_rate"].value = 1.0
    assert app.picture.svg == image  # nothing to redraw until the next step
    app.controls["update_biases"].value = True
    assert len(app.errors) == 1
    assert "learning rate 1.00, biases updated" in app.readout.value


def test_held_biases_show_grey_until_the_bias_toggle_is_ticked(app):
    def held():
        return {b for b, text in svg_labels(app.picture.svg).items()
                if text.endswith("(held)")}

    assert {"∂E/∂b11", "∂E/∂b12", "∂E/∂b21", "∂E/∂b22"} == held()
    image = app.picture.svg
    app.controls["update_biases"].value = True
    assert app.picture.svg != image  # the bias edges change colour at once
    assert held() == set()
    app.controls["update_biases"].value = False
    assert "∂E/∂b21" in held()


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        training_stepper(learning_rate=-0.5)
    with pytest.raises(ValueError, match="learning_rate must be <= 5"):
        training_stepper(learning_rate=10)
    with pytest.raises(TypeError, match="update_biases must be True or False"):
        training_stepper(update_biases="yes")


def test_shows_a_text_fallback_without_a_kernel(app):
    assert "Interactive app: TrainingStepper" in app._repr_mimebundle_()["text/plain"]
