"""The training stepper re-renders by blitting, and every frame is a full draw's picture."""

from blit_oracle import assert_blit_matches_full_draw

from lesson_lib.apps.backward import training_stepper


def test_stepper_frames_match_a_full_draw():
    app = training_stepper()
    app.buttons["step"].click()
    assert_blit_matches_full_draw(app, "1 step")
    app.buttons["step"].click()
    assert_blit_matches_full_draw(app, "2 steps")
    app.buttons["step10"].click()  # past 10 updates: the history's step axis grows
    assert_blit_matches_full_draw(app, "12 steps")
    app.controls["learning_rate"].value = 5.0
    app.controls["update_biases"].value = True  # the bias edges lose their grey
    assert_blit_matches_full_draw(app, "biases updated")
    for count in range(3):
        app.buttons["step"].click()
        assert_blit_matches_full_draw(app, f"fast step {count}")
    app.buttons["reset"].click()
    assert_blit_matches_full_draw(app, "reset")


def test_the_step_axis_grows_in_jumps_not_every_step():
    app = training_stepper()
    history = app.fig.history
    app.buttons["step10"].click()
    assert history.ax.get_xlim() == (0.0, 10 * 1.05)
    app.buttons["step"].click()
    assert history.ax.get_xlim() == (0.0, 20 * 1.05)
    background = app._background
    app.buttons["step"].click()  # 12 updates still fit the 0..20 axis: nothing to rebuild
    assert app._background is background
    assert history.ax.get_xlim() == (0.0, 20 * 1.05)
    assert list(history.line.get_xdata()) == list(range(13))
    app.buttons["step10"].click()
    app.buttons["step10"].click()
    assert history.ax.get_xlim() == (0.0, 50 * 1.05)


def test_error_axis_still_holds_the_whole_history():
    app = training_stepper(learning_rate=5.0, update_biases=True)
    for _ in range(3):
        app.buttons["step10"].click()
        low, high = app.fig.history.ax.get_ylim()
        assert low == 0.0 and high >= max(app.errors)
