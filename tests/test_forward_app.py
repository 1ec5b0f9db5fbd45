"""The forward-pass app, driven headless: sliders move the diagram and the readout together."""

import re

import pytest
from oracles import by_hand, svg_labels, svg_number

import lesson_lib as ll
from lesson_lib.forward.apps import ForwardExplorer, forward_explorer

LESSON = {**ll.LESSON_PARAMS, **ll.LESSON_DATA}


def readout_number(app, name) -> float:
    after = app.readout.value.split(f"{name} = ")[1]
    return float(re.match(r"-?[0-9.]+", after).group())


@pytest.fixture(scope="module")
def app():
    return forward_explorer()


def test_one_call_builds_a_displayable_app(app):
    assert isinstance(app, ForwardExplorer)
    assert set(app.controls) == set(LESSON)
    assert app.picture.svg.startswith("<svg")
    bundle = app._repr_mimebundle_()
    assert "Run this cell in Jupyter" in bundle["text/plain"]


@pytest.mark.parametrize("name, value", [("w5", -2.0), ("b12", 1.5), ("x1", -1.0),
                                         ("T1", 0.8), ("w2", 2.5)])
def test_a_slider_moves_diagram_and_readout_consistently(app, name, value):
    app.buttons["reset"].click()
    before = app.picture.svg
    app.controls[name].value = value
    want = by_hand({**LESSON, name: value})
    svg = app.picture.svg
    for node in ("outH1", "outH2", "outY1", "outY2", "E_total"):
        assert svg_number(svg, node) == pytest.approx(want[node], abs=1e-4)
    assert readout_number(app, "E_total") == pytest.approx(want["E_total"], abs=1e-4)
    assert readout_number(app, "outY1") == pytest.approx(want["outY1"], abs=1e-4)
    assert svg_labels(svg)[name] == f"{name} = {value:.4g}"
    assert f"E_total = {want['E_total']:.4g}" in app.picture.alt
    assert app.net.error() == pytest.approx(want["E_total"], rel=1e-12)
    assert app.picture.svg != before


def test_reset_restores_the_lesson_values(app):
    for name, value in {"w1": -1.0, "w8": 2.0, "x2": 1.5, "T2": 0.1}.items():
        app.controls[name].value = value
    app.buttons["reset"].click()
    assert {name: c.value for name, c in app.controls.items()} == LESSON
    assert svg_number(app.picture.svg, "E_total") == pytest.approx(0.2984, abs=1e-4)
    assert readout_number(app, "E_total") == pytest.approx(by_hand(LESSON)["E_total"],
                                                           abs=1e-4)
    assert svg_labels(app.picture.svg)["w1"] == "w1 = 0.15"


def test_reset_redraws_once_not_once_per_slider(app, monkeypatch):
    app.controls["w3"].value = 1.0
    calls = []
    monkeypatch.setattr(app, "update", lambda: calls.append(1))
    app.buttons["reset"].click()
    assert len(calls) == 1


def test_app_starts_from_a_given_network():
    custom = forward_explorer(ll.LessonNet(w6=-1.25, T1=0.5))
    assert custom.controls["w6"].value == -1.25
    assert svg_number(custom.picture.svg, "E_total") == pytest.approx(
        by_hand({**LESSON, "w6": -1.25, "T1": 0.5})["E_total"], abs=1e-4)


@pytest.mark.parametrize("net, error, match", [
    ("lesson", TypeError, "net must be a LessonNet"),
    (ll.LessonNet(w1=5.0), ValueError, "w1 must be between -3 and 3"),
    (ll.LessonNet(T1=1.5), ValueError, "T1 must be between 0 and 1"),
])
def test_bad_input_is_refused_with_a_clear_message(net, error, match):
    with pytest.raises(error, match=match):
        forward_explorer(net)


def test_browser_snapping_noise_neither_redraws_nor_shifts_values(app, monkeypatch):
    app.buttons["reset"].click()
    calls = []
    monkeypatch.setattr(app, "update", lambda: calls.append(1))
    app.controls["w1"].value = 0.1499999999999999  # what a browser sends back for 0.15
    app.controls["x1"].value = 0.04999999999999982
    assert calls == []
    assert app.net.w1 == 0.15 and app.net.x1 == 0.05
    assert app.net.error() == ll.LessonNet().error()
