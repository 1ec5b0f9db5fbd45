"""The App frame: renders on real changes only, shows a text fallback without a kernel."""

import dataclasses
import importlib
import types
import typing

import ipywidgets as widgets
import pytest
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from picture_oracle import assert_shows_the_figure, pixels

from lesson_lib.apps.base import App
from lesson_lib.apps.controls import Slider
from lesson_lib.figures.style import FigureView, new_figure
from lesson_lib.lesson import lessons


class Echo(App):
    def __init__(self):
        self.fig, ax = new_figure(figsize=(3, 2))
        (self.line,) = ax.plot([0, 1], [0, 0])
        ax.set_ylim(-1, 1)  # the line moves inside a fixed frame: only the line is redrawn
        self.controls = {"a": Slider("a", 0.15, -1.0, 1.0, 0.01)}
        self.renders = 0
        self._start()  # the hook every app calls at the end of its __init__ (apps/base.py)

    def update(self):
        a = self.controls["a"].value
        self.line.set_ydata([0, a])
        self.readout.value = f"a = {a:.2f}"
        self.renders += 1


def test_a_move_updates_figure_readout_and_image():
    app = Echo()
    before = app.picture.frame()
    app.controls["a"].value = 0.5
    assert app.readout.value == "a = 0.50"
    assert list(app.line.get_ydata()) == [0, 0.5]
    assert app.picture.frame() != before
    assert app.picture.frame().startswith(b"\x89PNG")


def test_a_rounding_echo_from_the_browser_is_not_a_move():
    app = Echo()
    renders = app.renders
    app.controls["a"].value = 0.15 - 1e-16 * 3  # what a front end sends back for 0.15
    assert app.renders == renders


def test_without_a_kernel_the_page_shows_a_sentence_not_a_repr():
    bundle = Echo()._repr_mimebundle_()  # the display hook Jupyter calls: a deliberate test of it
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("[Interactive app: Echo.")
    assert isinstance(Echo().widget, widgets.VBox)


class OverlayEcho(Echo):
    """The same app, its one moving line drawn as SVG over the rest."""

    def _start(self, **kwargs):
        super()._start(dynamic=[self.line], **kwargs)


def test_a_move_redraws_the_overlay_not_the_bitmap():
    app = OverlayEcho()
    sent = []
    app.picture.send = lambda content, buffers: sent.append(content)
    bitmap, before = app.picture.png, app.picture.overlay
    for value in (0.5, -0.7, 0.9):
        app.controls["a"].value = value
        assert_shows_the_figure(app, f"a = {value}")
    assert app.picture.overlay != before and app.picture.png == bitmap and not sent
    assert list(app.line.get_ydata()) == [0, 0.9]


def test_the_oracle_sees_a_stale_bitmap_and_a_wrong_overlay():
    app = OverlayEcho()
    app.line.axes.set_ylim(-5, 5)  # outside dynamic, and no redraw_all: the bitmap is stale
    app.controls["a"].value = 0.2
    with pytest.raises(AssertionError, match="pixels of the bitmap differ"):
        assert_shows_the_figure(app)
    app.redraw_all()
    app.refresh()
    assert_shows_the_figure(app)
    app.picture.overlay = app.picture.overlay.replace("stroke-width: 1.5", "stroke-width: 2")
    with pytest.raises(AssertionError, match="not what savefig draws"):
        assert_shows_the_figure(app)


def sent_by(app):
    """What each of the app's widgets sends to the page: state updates and custom messages."""
    sent = []
    for name, widget in (("picture", app.picture), ("readout", app.readout),
                         *app.controls.items()):
        widget.send_state = lambda key=None, name=name: sent.append(
            (name, sorted([key] if isinstance(key, str) else key or ())))
        widget.send = lambda content, buffers=None, name=name: sent.append((name, content))
    return sent


def test_a_move_is_one_message_the_picture_with_its_readout_and_drawn():
    """The page gets one message a move (each message makes JupyterLab lay out the page):
    the new overlay, the readout's text and the count of moves drawn, which releases the
    slider's held-back values; the readout widget and the slider send nothing."""
    app = OverlayEcho()
    drawn = app.picture.drawn
    sent = sent_by(app)
    app.controls["a"].value = 0.5
    # (Set from Python, the slider also sends its value; a value from the page is not echoed.)
    assert [s for s in sent if s[0] != "a"] == [("picture", ["caption", "drawn", "overlay"])]
    assert ("a", {"drawn": True}) not in sent
    assert app.readout.value == "a = 0.50"
    assert app.picture.caption == "a = 0.50" and app.picture.drawn == drawn + 1
    assert app.picture.get_state()["caption"] == "a\u00a0=\u00a00.50"  # a pair never breaks
    assert app.controls["a"].channel == app.readout.channel == app.picture.channel != ""


def test_a_move_that_draws_nothing_still_releases_the_slider():
    app = OverlayEcho()
    drawn = app.picture.drawn
    sent = sent_by(app)
    app.controls["a"].value = 0.15 - 1e-16 * 3  # a rounding echo: no new picture
    assert [s for s in sent if s[0] != "a"] == [("picture", ["drawn"])]
    assert app.picture.drawn == drawn + 1


def test_patches_rebuild_the_frame_a_browser_would_show():
    """Paint the first frame, then each patch over it where it is opaque, as the page does:
    the result is the figure's own pixels, up to the 64-colour palette's rounding."""
    import numpy as np

    app = Echo()
    sent = []
    app.picture.send = lambda content, buffers: sent.append((content, buffers[0]))
    shown = pixels(app.picture.png).copy()
    for value in (0.5, -0.7, 0.9, 0.2):
        app.controls["a"].value = value
    assert len(sent) == 4
    for content, png in sent:
        x, y = content["patch"]
        patch = pixels(png, alpha=True)
        height, width = patch.shape[:2]
        opaque = patch[..., 3] == 255
        shown[y:y + height, x:x + width][opaque] = patch[..., :3][opaque]
        assert (patch[..., 3] == 0).sum() > 0.5 * opaque.size  # mostly unchanged pixels
    exact = pixels(app.picture.pixels)
    assert np.abs(shown - exact).max(axis=2).mean() < 2
    assert np.mean(np.abs(shown - exact).max(axis=2) > 32) < 0.002


def test_the_page_can_ask_for_a_whole_frame():
    app = Echo()
    first = app.picture.png
    app.controls["a"].value = -0.4  # sent as a patch; the stored frame is older
    assert app.picture.png == first
    # What the page sends (a custom widget message), delivered the way the kernel does:
    # through the widget's comm.
    app.picture.comm.handle_msg({"content": {"data": {"method": "custom",
                                                      "content": {"want": "frame"}}},
                                 "buffers": []})
    assert app.picture.png == app.picture.frame() != first


def test_a_slider_says_its_name_and_value():
    slider = Slider("learning rate", 0.5, -2.0, 1.0, 0.05, decimals=3, log=True)
    assert slider.description == "learning rate" and slider.value == 0.5 and slider.log
    slider.value = 50.0  # past the end (10^1): held at the end, as a browser would
    assert slider.value == 10.0


class TitleEcho(Echo):
    """Draws an auto-placed Axes title as SVG: it must stay where a full draw puts it."""

    def _start(self, **kwargs):
        self.line.axes.set_title("a = 0.15")
        super()._start(dynamic=[self.line, self.line.axes.title], **kwargs)

    def update(self):
        super().update()
        self.line.axes.title.set_text(f"a = {self.controls['a'].value:.2f}")


def test_a_moving_title_matches_a_full_draw():
    app = TitleEcho()
    app.controls["a"].value = 0.5
    assert_shows_the_figure(app)
    assert ">a = 0.50</text>" in app.picture.overlay


# == every app of the course: what it draws with ===========================================
# A curve app holds a typed view of its figure (figures/style.py's FigureView): named,
# typed fields for the artists it moves, nothing stored on the Figure itself. A network app
# writes its own SVG instead.

def _conforms(value, hint) -> bool:
    """``value`` is of type ``hint`` (a class, a union, a tuple[...] or list[...])."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, arg) for arg in args)
    if hint is type(None):
        return value is None
    if origin is tuple:
        return isinstance(value, tuple) and len(value) == len(args) and all(
            _conforms(v, arg) for v, arg in zip(value, args, strict=True))
    return isinstance(value, origin or hint)


def _fields_drawn_on(view, fig):
    """Every (name, value) of ``view`` and of the views it holds, checked against its type."""
    hints = typing.get_type_hints(type(view))
    for field in dataclasses.fields(view):
        value = getattr(view, field.name)
        assert _conforms(value, hints[field.name]), (type(view).__name__, field.name, value)
        for part in value if isinstance(value, (tuple, list)) else (value,):
            if dataclasses.is_dataclass(part):
                yield from _fields_drawn_on(part, fig)
            elif isinstance(part, Artist):
                yield field.name, part


APPS = [(folder, name) for folder, lesson in lessons() for name in lesson.apps]


@pytest.mark.parametrize("folder, name", APPS, ids=[f"{f}.{n}" for f, n in APPS])
def test_every_app_draws_a_typed_view_of_its_figure_or_its_own_svg(folder, name):
    app = getattr(importlib.import_module(f"lesson_lib.{folder}.apps"), name)()
    if not hasattr(app, "view"):
        assert app.picture.svg.startswith("<svg") and not app.picture.png  # a network app
        return
    assert isinstance(app.view, FigureView) and app.view.fig is app.fig
    artists = list(_fields_drawn_on(app.view, app.fig))
    assert artists and all(a.get_figure() is app.fig for _, a in artists), artists
    # Nothing glued to the Figure: the view is the only way in.
    assert not {"parts", "handles", "diagram", "history"} & set(vars(app.fig))
    # What a move redraws is the view's: its artists, or their axes' titles.
    owned = {id(a) for _, a in artists} | {id(a.title) for _, a in artists
                                             if isinstance(a, Axes)}
    assert app.dynamic and all(id(a) in owned for a in app.dynamic)
