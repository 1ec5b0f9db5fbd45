"""The network's SVG drawing, in the apps and as the notebooks' stills: valid XML, the
lecture's numbers, small, styles kept to itself, a text alternative.

The oracle is the lecture itself: its published forward values for the 2-2-2 network
(outH1 = 0.593269992, outY1 = 0.75136507, E_total = 0.298371109) and its first weight update.
"""

import itertools
import re
import xml.etree.ElementTree as ET
from html import escape

import numpy as np
import pytest
from oracles import svg_labels, svg_number

from lesson_lib.backward.apps import training_stepper
from lesson_lib.core.network import LessonNet
from lesson_lib.figures.network_svg import (
    NetworkDrawing,
    describe,
    draw_network,
    draw_values,
    history_svg,
    network_svg,
)
from lesson_lib.forward.apps import TITLE, forward_explorer

SVG = "{http://www.w3.org/2000/svg}"
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
    # issue 12: at most 10 KB per control change, of which the readout, the text
    # alternative and the kernel's status messages take about 2 KB
    app = forward_explorer()
    app.controls["w1"].value = -2.5
    assert len(app.picture.svg.encode()) < 6_000
    stepper = training_stepper()
    sizes = []
    for _ in range(50):
        stepper.buttons["step10"].click()  # 500 updates: the history keeps its size down
        sizes.append(len(stepper.picture.svg.encode()))
    assert max(sizes) < 8_000
    # attributes in single quotes: the JSON a widget sends needs no escapes for them
    assert '"' not in stepper.picture.svg


def line_points(root) -> list[tuple[int, int]]:
    """The error line's points: its path is "M x y" then relative steps "l dx dy ..."."""
    # the first "er" path; the legend's comes after it
    d = next(p for p in root.iter(f"{SVG}path") if p.get("class").split()[0] == "er").get("d")
    start, _, steps = d[1:].removesuffix("h0").partition("l")
    x, y = map(int, start.split())
    points = [(x, y)]
    numbers = [int(n) for n in re.findall(r"-?\d+", steps)]
    for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
        x, y = x + dx, y + dy
        points.append((x, y))
    return points


def test_the_history_chart_draws_every_update_until_it_thins_them():
    errors = np.linspace(0.3, 0.01, 31)
    root = ET.fromstring(history_svg(errors))
    points = line_points(root)
    assert len(points) == 31
    xs, ys = zip(*points, strict=True)
    assert list(xs) == sorted(xs) and list(ys) == sorted(ys)  # later, lower on the page
    long = ET.fromstring(history_svg(np.linspace(0.3, 0.01, 5001), max_points=100))
    assert 90 <= len(line_points(long)) <= 102
    assert long.find(f"{SVG}title").text == "Error history"


def test_the_history_marks_each_update_while_there_are_few():
    few = ET.fromstring(history_svg([0.3, 0.25, 0.2]))
    assert few.find(f".//{SVG}path[@class='er dots']") is not None
    assert few.find(f".//{SVG}marker[@id='ll-dot']") is not None
    many = ET.fromstring(history_svg(np.linspace(0.3, 0.01, 40)))
    assert many.find(f".//{SVG}path[@class='er dots']") is None
    one = ET.fromstring(history_svg([0.3]))  # update 0 alone: a dot, no line
    assert line_points(one) == [line_points(few)[0]]


def test_the_text_alternative_reads_the_diagram():
    app = forward_explorer()
    assert "E_total = 0.2984" in app.picture.alt and "outY1 = 0.7514" in app.picture.alt
    app.controls["x1"].value = 1.0
    assert "x1 = 1" in app.picture.alt


@pytest.mark.parametrize("drawing", [network_svg(LessonNet()), history_svg([0.3, 0.2])])
def test_every_style_rule_stays_inside_its_drawing(drawing):
    # An SVG's <style> applies to the whole page it is inlined in (an app, an HTML export)
    root = ET.fromstring(drawing)
    scope = "." + root.get("class")
    style = root.find(f"{SVG}style").text
    selectors = [sel for rule in re.findall(r"([^{}]+)\{", style) for sel in rule.split(",")]
    assert selectors and all(sel.startswith(scope + " ") for sel in selectors), selectors
    # no stray braces: each rule is one selector list and one block
    assert style.count("{") == style.count("}") == len(re.findall(r"\{[^{}]*\}", style))
    used = {c for el in root.iter() for c in (el.get("class") or "").split()}
    defined = set(re.findall(r"\.([\w-]+)", style))
    assert used - {root.get("class")} <= defined


def test_the_still_is_the_apps_drawing_with_its_description():
    net = LessonNet(w5=-2.0, w6=-2.0, b21=-2.0)
    still = draw_network(net, title=TITLE)
    assert isinstance(still, NetworkDrawing)
    # the display hook Jupyter calls: a deliberate test of it
    root = ET.fromstring(still._repr_svg_())
    assert root.find(f"{SVG}title").text == TITLE
    assert root.find(f"{SVG}desc").text == describe(net) == repr(still)
    # the same drawing as the app's, plus the description inside it
    assert still.svg.replace(f"<desc>{escape(repr(still))}</desc>", "") \
        == forward_explorer(net).render()
    f = net.forward()
    for name in ("h1", "outH1", "y1", "outY1", "outY2", "E1", "E2", "E_total"):
        assert svg_labels(still.svg)[name] == f"{name} = {f[name]:.4g}"
        if name.startswith(("out", "E")):  # the words give the outputs and the errors
            assert f"{name} = {f[name]:.4g}" in repr(still)
    for name, value in net.params.items():
        assert svg_labels(still.svg)[name] == f"{name} = {value:.4g}"


def test_a_gradient_still_prints_every_gradient_to_four_digits():
    net = LessonNet()
    grad = net.gradient()
    still = draw_network(net, grad, edge_label="gradient")
    labels = svg_labels(still.svg)
    for name, value in grad.items():
        assert labels[f"∂E/∂{name}"] == f"∂E/∂{name} = {value:.4g}"
    assert "gradients on the edges" in ET.fromstring(still.svg).find(f"{SVG}title").text


def test_draw_values_reads_a_notebooks_own_variables():
    namespace = {"w5": -1.5, "x1": 0.3, "outY1": 0.4242, "y1": 1.0, "unrelated": "text"}
    still = draw_values(namespace)
    labels = svg_labels(still.svg)
    assert labels["w5"] == "w5 = -1.5"
    assert labels["w6"] == "w6 = 0.45"  # the lecture's, not defined here
    assert labels["x1"] == "x1 = 0.3"
    assert labels["outY1"] == "outY1 = 0.4242"  # as given, even if wrong
    assert labels["h1"] == "h1 = ?" and labels["E_total"] == "E_total = ?"
    assert "outH1 = ?" in repr(still) and "outY1 = 0.4242" in repr(still)
    assert "Your network" in ET.fromstring(still.svg).find(f"{SVG}title").text


@pytest.mark.parametrize("namespace, error, match", [
    ([1.0], TypeError, "namespace must be a dict"),
    ({"w1": "abc"}, TypeError, "w1 must be a real number"),
    ({"h1": "abc"}, TypeError, r"values\['h1'\] must be a real number"),
    ({"E_total": float("inf")}, ValueError, r"values\['E_total'\] must be a finite number"),
])
def test_draw_values_refuses_what_it_cannot_draw(namespace, error, match):
    with pytest.raises(error, match=match):
        draw_values(namespace)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"net": {"w1": 1}}, TypeError, "net must be a LessonNet"),
    ({"edge_values": {"w9": 1.0}}, ValueError, "unknown name.*w9"),
    ({"edge_label": "slope"}, ValueError, "edge_label must be"),
    ({"values": {"h3": 1.0}}, ValueError, "values has unknown name.*h3"),
    ({"values": [1.0]}, TypeError, "values must be a dict"),
])
def test_draw_network_refuses_bad_input_with_a_clear_message(kwargs, error, match):
    with pytest.raises(error, match=match):
        draw_network(**kwargs)


@pytest.mark.parametrize("edge_label", ["weight", "gradient"])
def test_label_boxes_do_not_overlap_each_other_or_the_nodes(edge_label):
    """Large values of both signs (long labels): every edge label's white box stays clear
    of the others and of the node boxes, inside the drawing."""
    net = LessonNet(w1=-1.99, b22=-1.75, x1=-1.0, T2=0.0)
    values = net.gradient() if edge_label == "gradient" else None
    root = ET.fromstring(network_svg(net, values, edge_label=edge_label))
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    boxes = {"labels": [], "nodes": []}
    for rect in root.iter("{http://www.w3.org/2000/svg}rect"):
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        boxes["labels" if rect.get("class") == "w" else "nodes"].append((x, y, x + w, y + h))
    assert len(boxes["labels"]) == 8 and len(boxes["nodes"]) == 7

    def overlap(a, b):
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    for a, b in itertools.combinations(boxes["labels"], 2):
        assert not overlap(a, b), (a, b)
    for a in boxes["labels"]:
        assert 0 <= a[0] and a[2] <= width and 0 <= a[1] and a[3] <= height, a
        assert not any(overlap(a, node) for node in boxes["nodes"]), a
