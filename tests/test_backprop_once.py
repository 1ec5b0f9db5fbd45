"""Backpropagation is written once per representation (issue 12): network._lesson_pass for
the lesson's named 2-2-2 net (floats, or arrays of one element per net) and
matrix._backprop for a MatrixNet. Checked here against oracles that share none of that code:
central finite differences, the other representation, and the scalar loop run one rate at
a time."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lesson_lib as ll
from lesson_lib.core import gradcheck, portable
from lesson_lib.core.network import DATA, E_TOTAL, PASS_NAMES, _lesson_pass
from lesson_lib.training import core as training

# The keys LessonNet.backward has always given, in its order: notebooks and tests read them.
BACKWARD_KEYS = (
    "dE_doutY1 doutY1_dy1 dE_doutY2 doutY2_dy2 delta_y1 delta_y2 dy1_dw5 dy1_dw6 dy2_dw7 "
    "dy2_dw8 dE_dw5 dE_dw6 dE_dw7 dE_dw8 dE_db21 dE_db22 dy1_doutH1 dy2_doutH1 dy1_doutH2 "
    "dy2_doutH2 dE1_doutH1 dE2_doutH1 dE_doutH1 dE1_doutH2 dE2_doutH2 dE_doutH2 doutH1_dh1 "
    "doutH2_dh2 delta_h1 delta_h2 dh1_dw1 dh1_dw2 dh2_dw3 dh2_dw4 dE_dw1 dE_dw2 dE_dw3 "
    "dE_dw4 dE_db11 dE_db12").split()

params = st.fixed_dictionaries({n: st.floats(-3, 3) for n in ll.PARAMS})
data = st.fixed_dictionaries({"x1": st.floats(-2, 2), "x2": st.floats(-2, 2),
                              "T1": st.floats(0, 1), "T2": st.floats(0, 1)})


def _pass(p: dict, d: dict):
    return _lesson_pass(tuple(p[n] for n in ll.PARAMS), d["x1"], d["x2"], d["T1"], d["T2"],
                        portable.sigmoid_scalar_pair)


@given(params, data)
def test_lesson_pass_gradients_match_central_differences(p, d):
    _, grads = _pass(p, d)
    # E_total by the slides' formulas, written out here: no code shared with _lesson_pass.
    def error(w1, w2, w3, w4, w5, w6, w7, w8, b11, b12, b21, b22):
        s = portable.sigmoid_scalar
        oh1, oh2 = s(d["x1"] * w1 + d["x2"] * w2 + b11), s(d["x1"] * w3 + d["x2"] * w4 + b12)
        oy1, oy2 = s(oh1 * w5 + oh2 * w6 + b21), s(oh1 * w7 + oh2 * w8 + b22)
        return 0.5 * (d["T1"] - oy1) ** 2 + 0.5 * (d["T2"] - oy2) ** 2

    numeric = gradcheck.numeric_gradient(error, p)
    for name, g in zip(ll.PARAMS, grads, strict=True):
        assert g == pytest.approx(numeric[name], rel=1e-5, abs=1e-9), name


def test_backward_keeps_its_names_and_reads_them_from_the_one_pass():
    net = ll.LessonNet(w5=-1.3, b22=0.4, x2=-0.7, T1=0.8)
    b = net.backward()
    assert list(b) == BACKWARD_KEYS
    values, grads = _pass(net.params, {n: getattr(net, n) for n in DATA})
    named = dict(zip(PASS_NAMES, values, strict=True))
    for key in BACKWARD_KEYS:
        if key in named:
            assert b[key] == named[key], key
    assert [b["dE_d" + n] for n in ll.PARAMS] == list(grads)
    assert list(net.gradient().values()) == list(grads)
    # The products the slides write out, factor by factor, give the same bits.
    assert b["delta_y1"] == b["dE_doutY1"] * b["doutY1_dy1"]
    assert b["dE_dw5"] == b["dE_doutY1"] * b["doutY1_dy1"] * b["dy1_dw5"]
    assert b["dE_dw1"] == b["dE_doutH1"] * b["doutH1_dh1"] * b["dh1_dw1"]
    assert b["dE_doutH2"] == b["delta_y1"] * b["dy1_doutH2"] + b["delta_y2"] * b["dy2_doutH2"]
    assert net.error() == values[E_TOTAL] == net.forward()["E_total"]


@given(params, data)
def test_matrix_backward_agrees_with_lesson_backward(p, d):
    net = ll.LessonNet(**p, **d)
    (dW1, db1), (dW2, db2) = ll.MatrixNet.from_lesson(net).backward([d["x1"], d["x2"]],
                                                                    [d["T1"], d["T2"]])[0]
    g = net.gradient()
    got = np.concatenate([dW1.ravel(), dW2.ravel(), db1, db2])
    want = np.array([g[n] for n in ll.PARAMS])  # w1..w8 row by row, then the biases
    # tighter than oracles.ROUNDING: the same products in another layout
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-15)


def test_lesson_pass_on_arrays_gives_each_element_the_scalar_bits():
    rng = np.random.default_rng(3)
    P = rng.uniform(-40, 40, size=(12, 30))  # saturated sigmoids and negative inputs too
    x1, x2, T1, T2 = -0.4, 1.7, 0.02, 0.97
    values, grads = _lesson_pass(tuple(P), x1, x2, T1, T2, portable.sigmoid_pair)
    for j in range(P.shape[1]):
        v, g = _lesson_pass(tuple(P[:, j].tolist()), x1, x2, T1, T2,
                            portable.sigmoid_scalar_pair)
        assert [a[j] for a in values] == list(v), j
        assert [a[j] for a in grads] == list(g), j


@pytest.mark.parametrize("update_biases", [True, False])
def test_a_sweep_row_is_lesson_train_bit_for_bit_from_any_start(update_biases):
    # A start where y1 and h2 are negative: the sigmoid's other branch, in both forms.
    net = ll.LessonNet(w1=-2.0, w4=-1.5, b12=-0.5, b21=-3.0, x1=0.9, T1=0.3, T2=0.05)
    rates = [0.03, 2.0, 30.0, 500.0]
    sweep = training.sweep_learning_rates(rates, 2_000, net, update_biases)
    for i, rate in enumerate(rates):
        history = net.train(2_000, rate, update_biases)
        np.testing.assert_array_equal(sweep.errors[i], history.errors)
        assert sweep.final_net(i) == history.final.with_values(learning_rate=net.learning_rate)


def test_train_sample_is_matrixnet_step_bit_for_bit():
    start = ll.MatrixNet.random((3, 4, 2), seed=11, scale=3.0)
    x, t = [0.5, -2.0, 1.0], [0.1, 0.8]
    errors, final = training.train_sample(start, x, t, 25, 4.0, update_biases=False)
    slow = ll.MatrixNet(start.layers)
    assert [slow.step(x, t, 4.0, update_biases=False) for _ in range(25)] == list(errors[:-1])
    assert errors[-1] == slow.error(x, t)
    for mine, theirs, before in zip(final.layers, slow.layers, start.layers, strict=True):
        np.testing.assert_array_equal(mine.W, theirs.W)
        np.testing.assert_array_equal(mine.b, before.b)  # update_biases=False
