"""The tangent explorer's blitted frames are a full draw's picture, pixel for pixel."""

from blit_oracle import assert_blit_matches_full_draw

from lesson_lib.derivative.apps import tangent_explorer


def test_tangent_frames_match_a_full_draw():
    app = tangent_explorer()
    for name, value in (("x", 1.9), ("x", -3.0), ("activation", "relu"), ("x", 0.0),
                        ("activation", "step"), ("x", 4.2), ("activation", "sigmoid")):
        app.controls[name].value = value
        assert_blit_matches_full_draw(app, f"{name} = {value}")
