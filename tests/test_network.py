"""The lesson's network: the slides' numbers, gradients against finite differences, updates."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from oracles import ROUNDING

import lesson_lib as ll

# Printed by the slides' R code (7 significant digits); an oracle independent of our code.
SLIDE_FORWARD = {
    "h1": 0.3775, "outH1": 0.59327, "h2": 0.3925, "outH2": 0.5968844,
    "y1": 1.105906, "outY1": 0.7513651, "y2": 1.224921, "outY2": 0.7729285,
}
SLIDE_FACTORS = {
    "dE_doutY1": 0.7413651, "doutY1_dy1": 0.1868156, "dE_dw5": 0.08216704,
    "dE_dw6": 0.08266763, "dE_doutY2": -0.2170715, "doutY2_dy2": 0.1755101,
    "dE1_doutH1": 0.05539942, "dE2_doutH1": -0.01904912, "dE_doutH1": 0.03635031,
    "doutH2_dh2": 0.2406134,
}


def lesson_error(**params):
    return ll.LessonNet(**params).error()


def test_forward_reproduces_the_slides():
    f = ll.LessonNet().forward()
    for name, value in SLIDE_FORWARD.items():
        assert f[name] == pytest.approx(value, abs=5e-7), name
    assert round(f["E_total"], 9) == 0.298371109
    # tighter than oracles.ROUNDING: the same sum
    assert f["E_total"] == pytest.approx(f["E1"] + f["E2"], rel=1e-15)


def test_backward_factors_reproduce_the_slides():
    b = ll.LessonNet().backward()
    for name, value in SLIDE_FACTORS.items():
        assert b[name] == pytest.approx(value, rel=5e-7, abs=5e-8), name


def test_all_twelve_gradients_match_finite_differences():
    net = ll.LessonNet()
    table = ll.gradient_check(lesson_error, net.params, net.gradient())
    assert set(table) == set(ll.PARAMS) and len(table) == 12
    for name, row in table.items():
        assert row["relative_error"] < 1e-7, (name, row)


def test_dw3_and_dw4_use_the_path_through_outH2():
    # The slides compute dE/dw3 with dE/doutH1 (0.0004373186); the true value uses dE/doutH2.
    b = ll.LessonNet().backward()
    numeric = ll.numeric_gradient(lesson_error, ll.LessonNet().params)
    assert b["dE_dw3"] == pytest.approx(numeric["w3"], rel=1e-7)
    assert b["dE_dw3"] == pytest.approx(0.000497713, rel=1e-6)
    assert abs(b["dE_dw3"] - 0.0004373186) > 5e-5


def test_one_update_matches_the_slides_new_weights():
    new = ll.LessonNet().step(update_biases=False)
    for name, slide in {"w5": 0.3589165, "w6": 0.4086662, "w7": 0.5113, "w8": 0.5613,
                        "w1": 0.1497, "w2": 0.1995}.items():
        assert getattr(new, name) == pytest.approx(slide, abs=1e-4), name
    assert (new.b11, new.b12, new.b21, new.b22) == (0.35, 0.35, 0.60, 0.60)


def test_step_is_param_minus_rate_times_gradient():
    net = ll.LessonNet(learning_rate=0.3)
    grad, new = net.gradient(), net.step()
    for name in ll.PARAMS:
        assert getattr(new, name) == pytest.approx(getattr(net, name) - 0.3 * grad[name])


@pytest.mark.parametrize("update_biases", [False, True])
def test_training_history_is_repeated_steps_bit_for_bit(update_biases):
    # One forward/backward pass and one update rule: train's loop and step give the same bits.
    net = ll.LessonNet(learning_rate=45.0)  # a rate large enough to be chaotic
    history = net.train(300, update_biases=update_biases)
    stepped = net
    for k in range(300):
        assert history.errors[k] == stepped.error(), k
        assert all(history.params[n][k] == getattr(stepped, n) for n in ll.PARAMS), k
        stepped = stepped.step(update_biases=update_biases)
    assert history.final == stepped
    assert history.errors[-1] == stepped.error()
    if not update_biases:
        assert np.all(history.params["b21"] == 0.60)


def test_training_lowers_the_error_to_near_zero():
    history = ll.LessonNet().train(10_000)
    assert history.errors[0] == pytest.approx(0.298371109, abs=1e-9)
    assert np.all(np.diff(history.errors) < 0)
    assert history.errors[-1] < 1e-5
    assert history.updates_to_reach(0.01) == int(np.argmax(history.errors <= 0.01))
    assert history.updates_to_reach(0.0) is None


def test_matrix_form_gives_identical_numbers():
    net = ll.LessonNet()
    m = ll.MatrixNet.from_lesson(net)
    x, t = [net.x1, net.x2], [net.T1, net.T2]
    f = net.forward()
    outs = m.forward(x)
    # tighter than oracles.ROUNDING: the same operations as matrices (last bits)
    np.testing.assert_allclose(outs[1], [f["outH1"], f["outH2"]], rtol=1e-15)
    np.testing.assert_allclose(outs[2], [f["outY1"], f["outY2"]], rtol=1e-15)
    (dW1, db1), (dW2, db2) = m.backward(x, t)[0]
    g = net.gradient()
    np.testing.assert_allclose(dW1, [[g["w1"], g["w2"]], [g["w3"], g["w4"]]], rtol=1e-13)
    np.testing.assert_allclose(dW2, [[g["w5"], g["w6"]], [g["w7"], g["w8"]]], rtol=1e-13)
    np.testing.assert_allclose(db1, [g["b11"], g["b12"]], rtol=1e-13)
    np.testing.assert_allclose(db2, [g["b21"], g["b22"]], rtol=1e-13)
    m.step(x, t, 0.5)
    after = net.step()
    for name, value in m.to_lesson_params().items():
        assert value == pytest.approx(getattr(after, name), rel=1e-13)


params = st.fixed_dictionaries({n: st.floats(-3, 3) for n in ll.PARAMS})
data = st.fixed_dictionaries({"x1": st.floats(-2, 2), "x2": st.floats(-2, 2),
                              "T1": st.floats(0, 1), "T2": st.floats(0, 1)})


@given(params, data)
def test_property_analytic_gradient_matches_numeric(p, d):
    net = ll.LessonNet(**p, **d)
    analytic = net.gradient()
    numeric = ll.numeric_gradient(lambda **q: ll.LessonNet(**q, **d).error(), p)
    for name in ll.PARAMS:
        assert analytic[name] == pytest.approx(numeric[name], rel=1e-5, abs=1e-9), name


@given(params, data)
def test_property_small_step_lowers_the_error(p, d):
    net = ll.LessonNet(**p, **d)
    grad = net.gradient()
    if math.sqrt(sum(g * g for g in grad.values())) < 1e-6:
        return  # a stationary point: no descent direction to test
    assert net.step(learning_rate=1e-3).error() < net.error()


@given(params, data)
def test_property_scalar_and_matrix_forms_agree(p, d):
    net = ll.LessonNet(**p, **d)
    m = ll.MatrixNet.from_lesson(net)
    grads, err = m.backward([d["x1"], d["x2"]], [d["T1"], d["T2"]])
    assert err == pytest.approx(net.error(), rel=ROUNDING, abs=1e-15)
    g = net.gradient()
    np.testing.assert_allclose(grads[1][0].ravel(), [g["w5"], g["w6"], g["w7"], g["w8"]],
                               rtol=1e-9, atol=1e-15)


@pytest.mark.parametrize("kwargs, error, message", [
    ({"w9": 1.0}, TypeError, "w9"),
    ({"w1": float("nan")}, ValueError, "w1 must be a finite number"),
    ({"x2": float("inf")}, ValueError, "x2 must be a finite number"),
    ({"T1": "0.01"}, TypeError, "T1 must be a real number"),
    ({"learning_rate": -0.5}, ValueError, r"learning_rate must be > 0, got -0.5"),
    ({"learning_rate": 0}, ValueError, "learning_rate must be > 0"),
])
def test_bad_construction_is_refused_with_a_clear_message(kwargs, error, message):
    with pytest.raises(error, match=message):
        ll.LessonNet(**kwargs)


def test_unknown_names_in_with_values_and_from_dict_list_the_allowed_ones():
    with pytest.raises(ValueError, match="allowed: w1, w2"):
        ll.LessonNet().with_values(w10=0.1)
    with pytest.raises(ValueError, match="unknown name"):
        ll.LessonNet.from_dict({"bias": 0.1})


def test_bad_training_arguments():
    with pytest.raises(ValueError, match="learning_rate must be > 0"):
        ll.LessonNet().train(10, learning_rate=-1)
    with pytest.raises(TypeError, match="steps must be an integer"):
        ll.LessonNet().train(2.5)


@pytest.mark.parametrize("layer_args, message", [
    (([1.0, 2.0], [0.0]), "W must be a 2-D array"),
    (([[1.0, 2.0]], [0.0, 0.0]), r"b must have shape \(1,\)"),
    (([[1.0, float("nan")]], [0.0]), "finite"),
])
def test_matrix_layer_shapes_and_values_are_checked(layer_args, message):
    with pytest.raises(ValueError, match=message):
        ll.Layer(*layer_args)


def test_matrix_net_checks_inputs_and_layer_chaining():
    m = ll.MatrixNet.from_lesson()
    with pytest.raises(ValueError, match=r"x must have shape \(2,\)"):
        m.forward([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="layer 2 expects 3 inputs"):
        ll.MatrixNet([ll.Layer(np.ones((2, 2)), np.zeros(2)),
                      ll.Layer(np.ones((1, 3)), np.zeros(1))])
