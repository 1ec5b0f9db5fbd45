"""The chain explorer, driven headless: change links and x, read the table and readout."""

import math

import pytest

import lesson_lib as ll


def test_starts_on_the_lessons_table():
    app = ll.chain.apps.chain_explorer()
    assert ">36</td>" in app.table.value and "y = f(x) = 2*x" in app.table.value
    assert "dy/dx = f'(x) = 2.0000" in app.readout.value
    assert "dz/dy = g'(y) = 3.0000" in app.readout.value
    assert "<b>6.0000</b>" in app.readout.value
    assert app.table in app.widget.children


def test_changing_multipliers_updates_table_and_slopes():
    app = ll.chain.apps.chain_explorer()
    before = app.picture.overlay
    app.controls["a"].value = -1.5
    app.controls["b"].value = 2.0
    assert "dy/dx * dz/dy = <b>-3.0000</b>" in app.readout.value
    assert "y = f(x) = -1.5*x,  z = g(y) = 2*y" in app.table.value
    assert ">-3</td>" in app.table.value  # every ratio dz/dx in the table
    assert app.picture.overlay != before


def test_non_linear_links_product_matches_a_nudge():
    app = ll.chain.apps.chain_explorer()
    c = app.controls
    c["inner"].value, c["a"].value = "sigmoid", 2.0
    c["outer"].value, c["b"].value = "square", 1.0
    c["x"].value = 0.5
    s = 1 / (1 + math.exp(-0.5))
    def z(t):
        return (2 / (1 + math.exp(-t))) ** 2
    exact = 2 * (2 * s) * (2 * s * (1 - s))  # g'(y) * f'(x) with y = 2 sigma(x)
    numeric = (z(0.5 + 1e-6) - z(0.5 - 1e-6)) / 2e-6
    assert exact == pytest.approx(numeric)
    assert f"dy/dx * dz/dy = <b>{exact:.4f}</b>" in app.readout.value
    assert f"central difference of z(x): <b>{numeric:.4f}</b>" in app.readout.value
    assert app.fig.parts[2]["point"].get_xdata()[0] == 0.5


def test_smaller_spacing_brings_the_tables_ratio_to_the_slope():
    app = ll.chain.apps.chain_explorer(inner="square", a=1.0, outer="sine", b=1.0, x=1.0)
    app.controls["spacing"].value = 0.001
    assert ">1.001</td>" in app.table.value
    assert ">1.07" in app.table.value  # the secant slope, close to 2 cos(1) = 1.0806


@pytest.mark.parametrize("kwargs, word", [({"inner": "cube"}, "inner must be one of"),
                                          ({"a": 7}, "a must be between -3 and 3"),
                                          ({"spacing": 0.5}, "spacing must be one of")])
def test_bad_arguments_name_the_problem(kwargs, word):
    with pytest.raises(ValueError, match=word):
        ll.chain.apps.chain_explorer(**kwargs)
