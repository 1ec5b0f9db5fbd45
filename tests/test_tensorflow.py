"""Lesson 8 (lesson_lib/tensorflow/): the same network in a framework."""

import math
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from oracles import ROUNDING

import lesson_lib as ll
from lesson_lib.exercises.coding import function_from_code
from lesson_lib.tensorflow import core as framework

# == lesson ================================================================================
# Lesson 8: the skip mechanism without TensorFlow, and TensorFlow against LessonNet with it.

class FakeShell:
    def __init__(self):
        self.input_transformers_cleanup = []


def test_without_tensorflow_every_later_cell_is_skipped():
    # a fresh interpreter in which importing tensorflow fails as if it were not installed
    code = textwrap.dedent("""
        import sys
        sys.modules["tensorflow"] = None
        from lesson_lib.tensorflow import core as framework
        class Shell:
            input_transformers_cleanup = []
        shell = Shell()
        assert framework.optional_tensorflow(shell) is None
        lines = shell.input_transformers_cleanup[0](["w1 = tf.Variable(0.15)\\n"])
        exec("".join(lines))
        framework.optional_tensorflow(shell)
        assert len(shell.input_transformers_cleanup) == 1, "skipping registered twice"
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == framework.SKIPPED


def test_numpy_updates_match_lesson_net():
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    b1, b2 = np.full((2, 1), 0.35), np.full((2, 1), 0.60)
    x, t = np.array([[0.05], [0.10]]), np.array([[0.01], [0.99]])
    W1n, b1n, W2n, b2n = framework.numpy_updates(W1, b1, W2, b2, x, t, 0.5, 100)
    want = ll.LessonNet().train(100, learning_rate=0.5).final.params
    got = np.concatenate([W1n.ravel(), W2n.ravel(), b1n.ravel(), b2n.ravel()])
    np.testing.assert_allclose(got, list(want.values()), rtol=0, atol=ROUNDING)
    assert W1[0, 0] == 0.15, "the inputs must not change"


def test_side_by_side_says_agree_or_names_the_worst():
    ok = framework.side_by_side({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": 2.0}, ("x", "y"))
    assert ok.endswith("all 2 agree to 1e-12: yes")
    bad = framework.side_by_side({"a": 1.0, "b": 2.1}, {"a": 1.0, "b": 2.0}, ("x", "y"))
    assert "NO, b differs by 0.1" in bad
    with pytest.raises(ValueError, match="values has no b"):
        framework.side_by_side({"a": 1.0}, {"a": 1.0, "b": 2.0}, ("x", "y"))


def test_costs_table_and_ratios():
    costs = framework.measure({"fast": lambda n: None, "slow": lambda n: sum(range(n * 1000))},
                              updates=50, repeats=2)
    assert costs.fastest() == "fast" and costs.ratio("slow", "fast") > 1
    assert "x the fastest" in repr(costs)
    assert framework.times(3.21) == "3.2 times" and framework.times(824.9) == "825 times"
    # the sentence says whatever the timing was, faster or slower
    made_up = framework.Costs({"NumPy": 0.05, "TensorFlow": 0.01})
    assert made_up.compare("TensorFlow", "NumPy") == "TensorFlow is 5 times faster than NumPy"
    assert made_up.compare("NumPy", "TensorFlow") == "NumPy is 5 times slower than TensorFlow"
    with pytest.raises(ValueError, match="updates must be >= 1"):
        framework.seconds_per_update(lambda n: None, 0)


def test_tape_gives_lesson_5_gradients():
    tf = pytest.importorskip("tensorflow")
    names = ll.core.network.PARAMS
    params = {n: tf.Variable(v, dtype=tf.float64) for n, v in
              ll.core.network.LESSON_PARAMS.items()}
    x1, x2, T1, T2 = (tf.constant(v, tf.float64) for v in (0.05, 0.10, 0.01, 0.99))
    p = params
    with tf.GradientTape() as tape:
        outH1 = tf.sigmoid(x1 * p["w1"] + x2 * p["w2"] + p["b11"])
        outH2 = tf.sigmoid(x1 * p["w3"] + x2 * p["w4"] + p["b12"])
        outY1 = tf.sigmoid(outH1 * p["w5"] + outH2 * p["w6"] + p["b21"])
        outY2 = tf.sigmoid(outH1 * p["w7"] + outH2 * p["w8"] + p["b22"])
        E_total = 0.5 * (T1 - outY1) ** 2 + 0.5 * (T2 - outY2) ** 2
    grads = tape.gradient(E_total, [params[n] for n in names])
    want = ll.LessonNet().gradient()
    for name, g in zip(names, grads, strict=True):
        assert abs(g.numpy() - want[name]) <= ROUNDING, name
    # the changed network of exercise 2
    params["w5"].assign(-0.4)
    with tf.GradientTape() as tape:
        outH1 = tf.sigmoid(x1 * p["w1"] + x2 * p["w2"] + p["b11"])
        outH2 = tf.sigmoid(x1 * p["w3"] + x2 * p["w4"] + p["b12"])
        outY1 = tf.sigmoid(outH1 * p["w5"] + outH2 * p["w6"] + p["b21"])
        outY2 = tf.sigmoid(outH1 * p["w7"] + outH2 * p["w8"] + p["b22"])
        E_total = 0.5 * (T1 - outY1) ** 2 + 0.5 * (T2 - outY2) ** 2
    assert ll.tensorflow.exercises.ex2.check(tape.gradient(E_total, params["w1"]).numpy())


def test_the_notebook_claims_only_what_its_run_shows():
    import nbformat

    nb = nbformat.read(Path(__file__).parents[1] / "notebooks" / "08_tensorflow.ipynb", 4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "import math" in code[0].source  # ex3's hint and solution use math.tanh
    for claim in ("framework to win", "usually wins", "On most computers"):
        assert claim not in prose, claim
    big = next(c for c in code if "big = " in c.source)
    assert 'big.compare("tf.function", "NumPy")' in big.source  # faster or slower, as it ran
    tanh = next(c for c in code if "tape_tanh" in c.source)
    assert "LESSON_PARAMS[name]" in tanh.source.split("GradientTape")[0]  # ex2's w5 undone
    app = next(i for i, c in enumerate(code) if "ll.backward.apps" in c.source)
    assert "training_view(ll.LessonNet().train(25" in code[app - 1].source


# == exercises =============================================================================
# Lesson 8's exercises, checked against LessonNet and central differences (no TensorFlow).

ex = ll.tensorflow.exercises


def test_kernel_position_right_slip_and_malformed():
    assert ex.ex1.check(" W7 ")
    assert "transposed" in ex.ex1.check("w6").message
    assert not ex.ex1.check(7) and "string" in ex.ex1.check(7).message


def test_changed_network_gradient_agrees_with_a_central_difference():
    def loss(w1):
        return ll.LessonNet(w5=-0.4, w1=w1).error()

    h = 1e-6
    fd = (loss(0.15 + h) - loss(0.15 - h)) / (2 * h)
    assert math.isclose(ex.ex2.expected, fd, rel_tol=1e-6)
    assert ex.ex2.check(float(f"{ex.ex2.expected:.6g}"))
    assert "Close" in ex.ex2.check(float(f"{ex.ex2.expected:.3g}")).message
    assert "lecture's network" in ex.ex2.check(0.000438568).message
    assert not ex.ex2.check("0.00093")


def test_tanh_solution_passes_and_slips_are_named():
    solution = function_from_code(ex.ex3.solution_code)
    assert ex.ex3.check(solution)
    sigmoid_slope = function_from_code(ex.ex3.solution_code.replace(
        "(1 - outH1 ** 2)", "outH1 * (1 - outH1)").replace(
        "(1 - outH2 ** 2)", "outH2 * (1 - outH2)"))
    assert "still the sigmoid's" in ex.ex3.check(sigmoid_slope).message
    assert not ex.ex3.check(lambda *args: None)
    assert "without calling it" in ex.ex3.check(solution(**ll.core.network.LESSON_PARAMS,
                                                         **ll.core.network.LESSON_DATA)).message


def test_changed_network_wrong_sign_is_named():
    assert "wrong sign" in ex.ex2.check(-float(f"{ex.ex2.expected:.6g}")).message


def _variant(*pairs):
    code = ex.ex3.solution_code
    for old, new in pairs:
        assert old in code, old
        code = code.replace(old, new)
    return function_from_code(code)


def test_tanh_slips_named():
    tanh_out = (("outY1 = sigma(", "outY1 = math.tanh("), ("outY2 = sigma(", "outY2 = math.tanh("))
    sigmoid_hidden = (("outH1 = math.tanh(", "outH1 = sigma("),
                      ("outH2 = math.tanh(", "outH2 = sigma("))
    cases = [
        (tanh_out + (("-(T1 - outY1) * outY1 * (1 - outY1)", "-(T1 - outY1) * (1 - outY1 ** 2)"),
                     ("-(T2 - outY2) * outY2 * (1 - outY2)", "-(T2 - outY2) * (1 - outY2 ** 2)")),
         "tanh on the outputs too"),
        (tanh_out, "Your outputs use tanh"),
        ((("(1 - outH1 ** 2)", "(1 - outH1)"), ("(1 - outH2 ** 2)", "(1 - outH2)")),
         "the square is missing"),
        (sigmoid_hidden, "still uses the sigmoid"),
        (sigmoid_hidden + (("(1 - outH1 ** 2)", "outH1 * (1 - outH1)"),
                           ("(1 - outH2 ** 2)", "outH2 * (1 - outH2)")), "lesson 5's gradients"),
    ]
    for pairs, words in cases:
        verdict = ex.ex3.check(_variant(*pairs))
        assert not verdict and words in verdict.message, (words, verdict.message)
