"""The oracle for blitting apps: a blitted frame must be the picture a full draw paints.

Blitting replays the same drawing operations in the same order as a full draw, so the two
images are identical, pixel for pixel (measured: 0 pixels differ in every app). A moving
artist left out of ``dynamic``, or one painted in the wrong order, shows up as differing
pixels even where a mean difference would hide it: a long title running over one tick
label of the next panel changed 46 pixels, a mean difference of only 0.01.
"""

import io

import numpy as np
from PIL import Image


def pixels(image) -> np.ndarray:
    """RGB as ints, from PNG bytes or from an RGBA array (what an app's picture holds)."""
    if isinstance(image, np.ndarray):
        return image[..., :3].astype(int)
    return np.asarray(Image.open(io.BytesIO(bytes(image))).convert("RGB"), dtype=int)


def full_draw(app) -> np.ndarray:
    """The same figure state drawn in full, without disturbing the app's blitting."""
    dynamic = app.dynamic
    app.dynamic = []
    try:
        return pixels(app.render())
    finally:
        app.dynamic = dynamic


def assert_blit_matches_full_draw(app, context="") -> None:
    assert app.dynamic, "the app should re-render by blitting"
    shown = pixels(app.picture.pixels)
    difference = np.abs(shown - full_draw(app)).sum(axis=-1)
    rows, columns = np.nonzero(difference)
    assert rows.size == 0, (
        f"{context}: {rows.size} pixels differ from a full draw, within x = "
        f"{columns.min()}..{columns.max()}, y = {rows.min()}..{rows.max()} (mean difference "
        f"{difference.mean() / 3:.3f})")
