"""The App frame: renders on real changes only, shows a text fallback without a kernel."""

import ipywidgets as widgets

from lesson_lib.apps.base import App, slider
from lesson_lib.figures.style import new_figure


class Echo(App):
    def __init__(self):
        self.fig, ax = new_figure(figsize=(3, 2))
        (self.line,) = ax.plot([0, 1], [0, 0])
        ax.set_ylim(-1, 1)  # the line moves inside a fixed frame, as blitting expects
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


class BlitEcho(Echo):
    """The same app, re-rendered by blitting its one moving line."""

    def _start(self, **kwargs):
        super()._start(dynamic=[self.line], **kwargs)


def pixels(png: bytes):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(bytes(png))).convert("RGB"), dtype=int)


def test_blitting_paints_the_same_picture_as_a_full_draw():
    full, blit = Echo(), BlitEcho()
    for value in (0.5, -0.7, 0.9):
        full.controls["a"].value = value
        blit.controls["a"].value = value
        difference = abs(pixels(full.image.value) - pixels(blit.image.value))
        # Only anti-aliased edges where the line crosses grid lines may differ.
        assert difference.mean() < 0.5, value
    assert list(blit.line.get_ydata()) == [0, 0.9]


def test_redraw_all_rebuilds_the_background():
    app = BlitEcho()
    app.line.axes.set_ylim(-5, 5)
    app.redraw_all()
    app.controls["a"].value = 0.2
    blitted = pixels(app.image.value)
    app.dynamic = []  # the same figure, drawn in full
    assert abs(blitted - pixels(app.render())).mean() < 0.5


def test_png_from_canvas_decodes_to_the_canvas_pixels():
    import io

    import numpy as np
    from PIL import Image

    from lesson_lib.apps.base import png_from_canvas

    app = Echo()
    canvas = app.fig.canvas
    canvas.draw()
    decoded = np.asarray(Image.open(io.BytesIO(png_from_canvas(canvas))))
    assert decoded.shape == (*canvas.get_width_height()[::-1], 4)
    assert np.array_equal(decoded, np.asarray(canvas.buffer_rgba()))


class TitleEcho(Echo):
    """Blits an auto-placed Axes title: it must stay where a full draw puts it."""

    def _start(self, **kwargs):
        self.line.axes.set_title("a = 0.15")
        super()._start(dynamic=[self.line, self.line.axes.title], **kwargs)

    def update(self):
        super().update()
        self.line.axes.title.set_text(f"a = {self.controls['a'].value:.2f}")


def test_a_blitted_title_matches_a_full_draw():
    app = TitleEcho()
    app.controls["a"].value = 0.5
    blitted = pixels(app.image.value)
    app.dynamic = []
    assert abs(blitted - pixels(app.render())).max() == 0
