"""The App frame: renders on real changes only, shows a text fallback without a kernel."""

import ipywidgets as widgets

from lesson_lib.apps.base import App, slider
from lesson_lib.figures.style import new_figure


class Echo(App):
    def __init__(self):
        self.fig, ax = new_figure(figsize=(3, 2))
        (self.line,) = ax.plot([0, 1], [0, 0])
        self.controls = {"a": slider("a", 0.15, -1.0, 1.0, 0.01)}
        self.renders = 0
        self._start()

    def update(self):
        a = self.controls["a"].value
        self.line.set_ydata([0, a])
        self.readout.value = f"a = {a:.2f}"
        self.renders += 1


def test_a_move_updates_figure_readout_and_image():
    app = Echo()
    before = app.image.value
    app.controls["a"].value = 0.5
    assert app.readout.value == "a = 0.50"
    assert list(app.line.get_ydata()) == [0, 0.5]
    assert bytes(app.image.value) != bytes(before)
    assert bytes(app.image.value).startswith(b"\x89PNG")


def test_a_rounding_echo_from_the_browser_is_not_a_move():
    app = Echo()
    renders = app.renders
    app.controls["a"].value = 0.15 - 1e-16 * 3  # what a front end sends back for 0.15
    assert app.renders == renders


def test_without_a_kernel_the_page_shows_a_sentence_not_a_repr():
    bundle = Echo()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("[Interactive app: Echo.")
    assert isinstance(Echo().widget, widgets.VBox)
