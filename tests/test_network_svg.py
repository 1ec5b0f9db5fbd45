"""The network apps' SVG drawing: valid XML, the lecture's numbers, small, a text alternative.

The oracle is the lecture itself: its published forward values for the 2-2-2 network
(outH1 = 0.593269992, outY1 = 0.75136507, E_total = 0.298371109) and its first weight update.
"""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from oracles import svg_labels, svg_number

from lesson_lib.backward.apps import training_stepper
from lesson_lib.core.network import LessonNet
from lesson_lib.figures.network_svg import history_svg, network_svg
from lesson_lib.forward.apps import forward_explorer

LECTURE = {"outH1": 0.593269992, "outH2": 0.596884378, "outY1": 0.75136507,
           "outY2": 0.772928465, "E_total": 0.298371109}


def test_the_drawing_is_svg_with_the_lectures_numbers():
    svg = network_svg(LessonNet(), title="The lecture's network")
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find("{http://www.w3.org/2000/svg}title").text == "The lecture's network"
    for name, value in LECTURE.items():
        assert svg_number(svg, name) == pytest.approx(value, abs=5e-5), name
    assert svg_labels(svg)["w5"] == "w5 = 0.4"


def test_gradients_on_the_edges_and_held_biases():
    svg = network_svg(LessonNet(), LessonNet().gradient(), edge_label="gradient",
                      held=("b11", "b21"))
    labels = svg_labels(svg)
    # The lecture's dE/dw5 = 0.082167041
    assert svg_number(svg, "∂E/∂w5") == pytest.approx(0.082167041, abs=5e-6)
    assert labels["∂E/∂b11"].endswith("(held)") and not labels["∂E/∂b12"].endswith("(held)")


def test_the_apps_send_a_few_kilobytes():
    app = forward_explorer()
    app.controls["w1"].value = -2.5
    assert len(app.picture.svg.encode()) < 8_000
    stepper = training_stepper()
    for _ in range(50):
        stepper.buttons["step10"].click()  # 500 updates: the history keeps its size down
    assert len(stepper.picture.svg.encode()) < 9_000


def test_the_history_chart_draws_every_update_until_it_thins_them():
    errors = np.linspace(0.3, 0.01, 31)
    root = ET.fromstring(history_svg(errors))
    line = root.find("{http://www.w3.org/2000/svg}polyline")
    assert len(line.get("points").split()) == 31
    long = ET.fromstring(history_svg(np.linspace(0.3, 0.01, 5001), max_points=100))
    points = long.find("{http://www.w3.org/2000/svg}polyline").get("points").split()
    assert 90 <= len(points) <= 102
    assert long.find("{http://www.w3.org/2000/svg}title").text == "Error history"


def test_the_text_alternative_reads_the_diagram():
    app = forward_explorer()
    assert "E_total = 0.2984" in app.picture.alt and "outY1 = 0.7514" in app.picture.alt
    app.controls["x1"].value = 1.0
    assert "x1 = 1" in app.picture.alt
