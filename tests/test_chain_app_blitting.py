"""The chain explorer redraws its panels over a cached background: still a full draw's picture."""

from blit_oracle import assert_blit_matches_full_draw, pixels

from lesson_lib.chain.apps import chain_explorer
from lesson_lib.chain.figures import chain_view, show_chain


def test_chain_frames_match_a_full_draw():
    app = chain_explorer()
    moves = [("x", 5.9), ("x", -3.3), ("a", -1.5), ("inner", "sine"), ("outer", "sigmoid"),
             ("b", 0.5), ("spacing", 0.01), ("x", -6.0), ("inner", "square"), ("x", 0.1)]
    for name, value in moves:
        app.controls[name].value = value
        assert_blit_matches_full_draw(app, f"{name} = {value}")


def test_titles_follow_the_dot_without_moving():
    app = chain_explorer()
    titles = [ax.title for ax in app.fig.axes]
    places = [title.get_position() for title in titles]
    app.controls["x"].value = -2.5
    assert "dot at x = -2.5" in titles[0].get_text()
    assert "dot at y = f(x) = -5" in titles[1].get_text()
    assert [title.get_position() for title in titles] == places


def test_the_app_paints_what_a_fresh_figure_paints():
    app = chain_explorer()
    for name, value in (("x", 5.9), ("inner", "square"), ("a", -3.0), ("x", -4.7)):
        app.controls[name].value = value
    c = {name: control.value for name, control in app.controls.items()}
    fresh = chain_view(c["inner"], c["a"], c["outer"], c["b"], c["x"], c["spacing"])
    show_chain(fresh, app.chain(), c["x"], c["spacing"], center=-5.0)
    fresh.set_dpi(app.fig.dpi)
    # Pinned titles and x labels sit exactly where matplotlib would place them.
    assert (pixels(app.picture.pixels) == pixels(fresh.to_png())).all()


def test_x_moves_the_dot_within_a_window_that_steps_by_whole_units():
    app = chain_explorer(x=4.0)
    background = app._background
    for x in (4.1, 4.3, 3.6, 4.5):  # all round to 4: the panels stay, only the lines move
        app.controls["x"].value = x
        assert app._background is background, x
        assert app.fig.axes[0].get_xlim() == (1.0, 7.0)
        assert app.fig.parts[0]["point"].get_xdata()[0] == x
        assert_blit_matches_full_draw(app, f"x = {x}")
    app.controls["x"].value = 4.6  # the window steps on to 5 +- 3
    assert app._background is not background
    assert app.fig.axes[0].get_xlim() == (2.0, 8.0)
    rows = app.fig.parts[0]["rows"].get_xdata()
    assert 2.0 < min(rows) and max(rows) < 8.0  # the table's rows stay in the window
