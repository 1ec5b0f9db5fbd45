"""The oracle for an app's picture: a bitmap of what stays, SVG of what moves, over it.

(An app whose axes follow its controls also draws them as SVG, under the rest: the
underlay.) Together they must show what the figure shows. Two independent checks say so:
the bitmap equals a fresh full draw of the figure with the moving artists hidden (a stale
bitmap, or a moving artist left out of ``dynamic``, shows up as differing pixels), and
every group of the overlay is, element for element, in the SVG that matplotlib's own
``savefig`` writes for the whole figure (an artist drawn at a wrong place, size, colour or
text shows up as a missing group).
"""

import io
import re
import xml.etree.ElementTree as ET

import matplotlib
import numpy as np
from PIL import Image

from lesson_lib.apps.base import NO_METADATA, SVG_STYLE

SVG = "{http://www.w3.org/2000/svg}"


def pixels(image, alpha: bool = False) -> np.ndarray:
    """RGB (RGBA with ``alpha``) as ints, from PNG bytes or from an RGBA array (what an app's
    picture holds)."""
    channels = 4 if alpha else 3
    if isinstance(image, np.ndarray):
        return image[..., :channels].astype(int)
    return np.asarray(Image.open(io.BytesIO(bytes(image))).convert("RGBA"),
                      dtype=int)[..., :channels]


def static_draw(app) -> np.ndarray:
    """The figure drawn in full with its moving artists hidden."""
    shown = [a for a in app.dynamic + app.scales if a.get_visible()]
    for artist in shown:
        artist.set_visible(False)
    try:
        app.fig.canvas.draw()
        return pixels(np.asarray(app.fig.canvas.buffer_rgba()))
    finally:
        for artist in shown:
            artist.set_visible(True)


def groups(svg: str) -> list[str]:
    """Each drawn group of an SVG, serialised without the ids that count artists."""
    root = ET.fromstring(svg)
    # A clip path's id hashes its rectangle's floats; compare the rectangle to 3 decimals.
    clips = {clip.get("id"): ",".join(f"{float(rect.get(k)):.3f}" for k in "xy")
             + ",".join(f"{float(rect.get(k)):.3f}" for k in ("width", "height"))
             for clip in root.iter(f"{SVG}clipPath") for rect in clip.iter(f"{SVG}rect")}
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("id", "").startswith(("figure_", "axes_", "patch_")) or \
                not any(child.tag not in (f"{SVG}g", f"{SVG}defs") for child in group):
            continue
        for defs in group.findall(f"{SVG}defs"):  # a marker is defined at its first use
            group.remove(defs)
        for element in group.iter():  # indentation differs with the depth of nesting
            element.tail = (element.tail or "").strip()
            element.text = (element.text or "").strip()
        text = ET.tostring(group, encoding="unicode")
        text = re.sub(r' id="(line2d|text|legend|PathCollection|patch)_\d+"', "", text)
        found.append(re.sub(r"url\(#(\w+)\)", lambda m: f"url(#{clips.get(m[1], m[1])})", text))
    return found


def full_svg(fig) -> str:
    buffer = io.StringIO()
    with matplotlib.rc_context(SVG_STYLE):
        fig.savefig(buffer, format="svg", metadata=NO_METADATA)
    return buffer.getvalue()


def assert_shows_the_figure(app, context="") -> None:
    assert app.dynamic, "the app should draw its moving artists as SVG"
    difference = np.abs(pixels(app.picture.pixels) - static_draw(app)).sum(axis=-1)
    rows, columns = np.nonzero(difference)
    assert rows.size == 0, (
        f"{context}: {rows.size} pixels of the bitmap differ from a full draw without the "
        f"moving artists, within x = {columns.min()}..{columns.max()}, "
        f"y = {rows.min()}..{rows.max()}")
    overlay = groups(app.picture.overlay)
    assert overlay, f"{context}: the overlay draws nothing"
    for svg in app.picture.underlay.split("<svg")[1:]:  # one <svg> per axis
        overlay += groups("<svg" + svg)
    whole = set(groups(full_svg(app.fig)))
    missing = [g for g in overlay if g not in whole]
    assert not missing, f"{context}: not what savefig draws: {missing[0][:300]}"


def picture(app) -> tuple:
    """What the page shows, for comparing two apps: the bitmap and the SVG over it."""
    return pixels(app.picture.pixels), app.picture.underlay, app.picture.overlay
