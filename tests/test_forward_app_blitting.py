"""The forward-pass app re-renders by blitting, and every frame is a full draw's picture."""

import numpy as np
from blit_oracle import assert_blit_matches_full_draw

from lesson_lib.apps.forward import forward_explorer


def test_forward_frames_match_a_full_draw():
    app = forward_explorer()
    # A weight, a bias, an input and a target; w2 = 2.5 becomes the widest edge, which
    # re-scales every other edge's width.
    for name, value in (("w5", -2.0), ("b12", 1.5), ("x1", -1.0), ("T1", 0.8), ("w2", 2.5)):
        app.controls[name].value = value
        assert_blit_matches_full_draw(app, f"{name} = {value}")
    app.buttons["reset"].click()
    assert_blit_matches_full_draw(app, "reset")


def test_only_the_diagram_is_redrawn_on_a_move():
    app = forward_explorer()
    background = app._background
    app.controls["w7"].value = -0.5
    assert app._background is background
    diagram = app.fig.diagram
    assert diagram.edge_texts["w7"] in app.dynamic and diagram.error_text in app.dynamic
    assert app.fig.axes[0].title not in app.dynamic  # the title stays in the background


def test_a_random_walk_of_moves_keeps_every_frame_right():
    rng = np.random.default_rng(7)
    app = forward_explorer()
    names = list(app.controls)
    for move in range(30):
        name = names[rng.integers(len(names))]
        control = app.controls[name]
        control.value = float(np.round(rng.uniform(control.min, control.max), 2))
        assert_blit_matches_full_draw(app, f"move {move}: {name} = {control.value}")
