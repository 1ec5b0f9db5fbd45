"""The chain explorer draws its lines and titles as SVG over its panels: a full draw's picture."""

import numpy as np
from picture_oracle import assert_shows_the_figure

from lesson_lib.chain.apps import chain_explorer
from lesson_lib.chain.figures import chain_view


def test_chain_frames_match_a_full_draw():
    app = chain_explorer()
    moves = [("x", 5.9), ("x", -3.3), ("a", -1.5), ("inner", "sine"), ("outer", "sigmoid"),
             ("b", 0.5), ("spacing", 0.01), ("x", -6.0), ("inner", "square"), ("x", 0.1)]
    for name, value in moves:
        app.controls[name].value = value
        assert_shows_the_figure(app, f"{name} = {value}")


def test_titles_follow_the_dot_without_moving():
    app = chain_explorer()
    titles = [ax.title for ax in app.fig.axes]
    places = [title.get_position() for title in titles]
    app.controls["x"].value = -2.5
    assert "dot at x = -2.5" in titles[0].get_text()
    assert "dot at y = f(x) = -5" in titles[1].get_text()
    assert [title.get_position() for title in titles] == places


def test_pinned_titles_sit_where_matplotlib_puts_them():
    app = chain_explorer()
    for name, value in (("x", 5.9), ("inner", "square"), ("a", -3.0), ("x", -4.7)):
        app.controls[name].value = value
    c = {name: control.value for name, control in app.controls.items()}
    fresh = chain_view(c["inner"], c["a"], c["outer"], c["b"], c["x"], c["spacing"])
    fresh.set_dpi(app.fig.dpi)
    for fig in (app.fig, fresh):
        fig.canvas.draw()
    for ours, theirs in zip(app.fig.axes, fresh.axes, strict=True):
        assert ours.title.get_text() == theirs.title.get_text()
        assert ours.title.get_window_extent().bounds == theirs.title.get_window_extent().bounds


def test_moving_a_holds_the_scales_while_the_curves_fit():
    app = chain_explorer()  # y = 2x, z = 3y around x = 4
    limits = [ax.get_ylim() for ax in app.fig.axes]
    app.controls["a"].value = 2.5  # steeper: the first move makes room for the next ones
    for ax, part in zip(app.fig.axes, app.fig.parts, strict=True):
        low, high = ax.get_ylim()
        assert (high - low) / 8 <= np.ptp(part["curve"].get_ydata()) <= (high - low) / 2
    limits = [ax.get_ylim() for ax in app.fig.axes]
    underlay = app.picture.underlay
    app.controls["a"].value = 3.0  # steeper still, and it fits: scales and their SVG stay
    assert [ax.get_ylim() for ax in app.fig.axes] == limits
    assert app.picture.underlay is underlay
    app.controls["a"].value = -3.0  # now the curve leaves the panel: new scales, data inside
    assert app.picture.underlay != underlay
    for ax, part in zip(app.fig.axes, app.fig.parts, strict=True):
        low, high = ax.get_ylim()
        ys = part["curve"].get_ydata()
        assert low <= ys.min() and ys.max() <= high and np.ptp(ys) >= (high - low) / 8


def test_x_moves_the_dot_within_a_window_that_steps_by_whole_units():
    app = chain_explorer(x=4.0)
    bitmap = app.picture.png
    sent = []
    app.picture.send = lambda content, buffers: sent.append(content)
    for x in (4.1, 4.3, 3.6, 4.5):  # all round to 4: the panels stay, only the lines move
        app.controls["x"].value = x
        assert app.picture.png == bitmap and not sent, x
        assert app.fig.axes[0].get_xlim() == (1.0, 7.0)
        assert app.fig.parts[0]["point"].get_xdata()[0] == x
        assert_shows_the_figure(app, f"x = {x}")
    underlay = app.picture.underlay
    app.controls["x"].value = 4.6  # the window steps on to 5 +- 3: new axes, as SVG
    assert app.picture.underlay != underlay and app.picture.png == bitmap and not sent
    assert app.fig.axes[0].get_xlim() == (2.0, 8.0)
    rows = app.fig.parts[0]["rows"].get_xdata()
    assert 2.0 < min(rows) and max(rows) < 8.0  # the table's rows stay in the window
