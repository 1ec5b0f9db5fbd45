"""The chain explorer redraws its panels over a cached background: still a full draw's picture."""

from blit_oracle import assert_blit_matches_full_draw, pixels

from lesson_lib.apps.chain import chain_explorer
from lesson_lib.figures.chain import chain_view


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
    for name, value in (("x", 5.9), ("inner", "square"), ("a", -3.0), ("x", -6.0)):
        app.controls[name].value = value
    c = {name: control.value for name, control in app.controls.items()}
    fresh = chain_view(c["inner"], c["a"], c["outer"], c["b"], c["x"], c["spacing"])
    fresh.set_dpi(app.fig.dpi)
    # Pinned titles and x labels sit exactly where matplotlib would place them.
    assert (pixels(app.image.value) == pixels(fresh.to_png())).all()
