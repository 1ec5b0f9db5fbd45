"""The matplotlib network diagram (lesson 5's stepper_view) shows the forward pass and the
edge values it is given. The notebooks' stills and the apps draw it as SVG
(test_network_svg.py)."""

import itertools

import pytest
from matplotlib.colors import to_hex
from oracles import by_hand, shown

import lesson_lib as ll
from lesson_lib.figures.network import NetworkDiagram
from lesson_lib.figures.style import PALETTE

WEIGHTS = [f"w{i}" for i in range(1, 9)]
BIASES = ["b11", "b12", "b21", "b22"]


def draw_network(net=None, edge_values=None, edge_label="weight"):
    """The diagram alone on a figure of stepper_view's width, at fixed positions."""
    fig, ax = ll.figures.new_figure(figsize=(13, 7.2))
    fig.set_layout_engine(None)
    ax.set_position((0.0, 0.0, 1.0, 0.94))
    fig.diagram = NetworkDiagram(ax, net, edge_values, edge_label)
    return fig


def lesson_values(**changes):
    p = {**ll.LESSON_PARAMS, **ll.LESSON_DATA}
    p.update(changes)
    return p


def test_default_figure_shows_the_lesson_forward_pass():
    d = draw_network().diagram
    want = by_hand(lesson_values())
    for name in ("outH1", "outH2", "outY1", "outY2"):
        assert shown(d.node_texts[name]) == pytest.approx(want[name], rel=1e-3)
    assert shown(d.error_text) == pytest.approx(want["E_total"], rel=1e-3)
    assert d.node_texts["x1"].get_text() == "x1 = 0.05"
    assert d.node_texts["T2"].get_text() == "T2 = 0.99"
    for name in WEIGHTS + BIASES:
        assert d.edge_texts[name].get_text() == f"{name} = {ll.LESSON_PARAMS[name]:.4g}"


def test_update_follows_changed_parameters_and_data():
    fig = draw_network()
    d = fig.diagram
    n_texts, n_patches = len(fig.axes[0].texts), len(fig.axes[0].patches)
    changes = {"w2": -1.3, "w7": 0.9, "b12": -0.4, "x1": 0.7, "T1": 0.5}
    d.update(ll.LessonNet(**changes))
    want = by_hand(lesson_values(**changes))
    for name in ("outH1", "outH2", "outY1", "outY2"):
        assert shown(d.node_texts[name]) == pytest.approx(want[name], rel=1e-3)
    assert shown(d.error_text) == pytest.approx(want["E_total"], rel=1e-3)
    assert d.edge_texts["w2"].get_text() == "w2 = -1.3"
    assert d.node_texts["x1"].get_text() == "x1 = 0.7"
    # update() changes texts and styles only: no new artists pile up.
    assert (len(fig.axes[0].texts), len(fig.axes[0].patches)) == (n_texts, n_patches)


def test_edges_encode_sign_by_colour_and_size_by_width():
    values = {name: (-1) ** i * (i + 1) / 10 for i, name in enumerate(WEIGHTS)}
    d = draw_network(edge_values=values).diagram
    for name, value in values.items():
        colour = PALETTE["blue"] if value > 0 else PALETTE["vermillion"]
        assert to_hex(d.edges[name].get_edgecolor()) == colour.lower()
    widths = [d.edges[name].get_linewidth() for name in WEIGHTS]
    assert widths == sorted(widths)  # |value| grows from w1 to w8


def test_gradient_labels_show_the_given_values():
    net = ll.LessonNet()
    grad = net.gradient()
    d = draw_network(net, edge_values=grad, edge_label="gradient").diagram
    for name in WEIGHTS + BIASES:
        text = d.edge_texts[name].get_text()
        assert text.startswith(f"∂E/∂{name}")
        assert shown(d.edge_texts[name]) == pytest.approx(grad[name], rel=1e-3)
    # The nodes still show the forward pass.
    assert shown(d.node_texts["outY1"]) == pytest.approx(by_hand(lesson_values())["outY1"],
                                                         rel=1e-3)


def test_partial_edge_values_fall_back_to_parameters_and_custom_labels():
    d = draw_network(edge_values={"w5": -0.25}, edge_label="Δ{name}").diagram
    assert d.edge_texts["w5"].get_text().replace("\n", " ") == "Δw5 = -0.25"
    assert shown(d.edge_texts["w1"]) == pytest.approx(0.15)


def _extents(fig):
    renderer = fig.canvas.get_renderer()
    d = fig.diagram
    boxes = {}
    texts = {**d.edge_texts, **{f"node {k}": t for k, t in d.node_texts.items()},
             "E_total": d.error_text}
    for name, text in texts.items():
        patch = text.get_bbox_patch()
        boxes[name] = (patch or text).get_window_extent(renderer)
    return boxes


@pytest.mark.parametrize("edge_label, held", [("weight", ()), ("gradient", ()),
                                              ("gradient", BIASES)])
def test_labels_do_not_overlap_and_stay_inside_the_figure(edge_label, held):
    net = ll.LessonNet(w1=-1.99, b22=-1.75, x1=-1.0, T2=0.0)
    values = net.gradient() if edge_label == "gradient" else None
    fig = draw_network(net, edge_values=values, edge_label=edge_label)
    fig.diagram.update(net, values, held=held)
    fig.canvas.draw()
    boxes = _extents(fig)
    renderer = fig.canvas.get_renderer()
    node_boxes = {k: p.get_window_extent(renderer) for k, p in fig.diagram.node_boxes.items()}
    width, height = fig.canvas.get_width_height()
    for name, box in boxes.items():
        assert 0 <= box.x0 and box.x1 <= width and 0 <= box.y0 and box.y1 <= height, name
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not box_a.overlaps(box_b), f"{a} overlaps {b}"
    for name in [*WEIGHTS, *BIASES, "E_total"]:
        for node, box in node_boxes.items():
            assert not boxes[name].overlaps(box), f"{name} label overlaps node {node}"


def test_held_edges_are_grey_and_say_so_until_released():
    net = ll.LessonNet()
    d = NetworkDiagram(ll.figures.new_figure()[1], net, net.gradient(), "gradient",
                       held=BIASES)
    for name in BIASES:
        assert d.edge_texts[name].get_text().endswith(" (held)")
        assert to_hex(d.edges[name].get_edgecolor()) == to_hex(PALETTE["grey"])
    # a held gradient is still shown, with its value
    assert float(d.edge_texts["b21"].get_text().split("=")[1].split()[0]) == pytest.approx(
        0.7413651 * 0.1868156, rel=5e-4)  # shown to 4 significant digits
    assert to_hex(d.edges["w5"].get_edgecolor()) == to_hex(PALETTE["blue"])
    d.update(net, net.gradient())  # None keeps what is held
    assert d.edge_texts["b11"].get_text().endswith(" (held)")
    d.update(net, net.gradient(), held=())
    assert not d.edge_texts["b11"].get_text().endswith(" (held)")
    assert to_hex(d.edges["b22"].get_edgecolor()) == to_hex(PALETTE["vermillion"])
    with pytest.raises(ValueError, match="held has unknown name.*w9"):
        d.update(net, held=["w9"])
    with pytest.raises(TypeError, match="held must be a collection of parameter names"):
        d.update(net, held="b11")


def test_diagram_draws_on_a_given_axes():
    fig, ax = ll.figures.new_figure()
    d = NetworkDiagram(ax)
    assert d.ax is ax and shown(d.edge_texts["w8"]) == pytest.approx(0.55)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"net": {"w1": 1}}, TypeError, "net must be a LessonNet"),
    ({"edge_values": {"w9": 1.0}}, ValueError, "unknown name.*w9"),
    ({"edge_values": {"w1": float("nan")}}, ValueError, "edge_values\\['w1'\\]"),
    ({"edge_values": [1.0]}, TypeError, "edge_values must be a dict"),
    ({"edge_label": "slope"}, ValueError, "edge_label must be"),
])
def test_bad_input_is_refused_with_a_clear_message(kwargs, error, match):
    with pytest.raises(error, match=match):
        draw_network(**kwargs)
