"""Every app on a classroom projector and to a screen reader, in JupyterLab and Notebook 7.

Two screens: 1024x768 with JupyterLab's file browser open (a notebook column of about
592 px), and 1920x1080 at 150 % zoom (1280x720 CSS pixels). For each app of a generated
notebook (one app per cell) the page must show: controls that wrap instead of shrinking or
running past the column; the part that changes (the picture and the readout) starting
within 600 px of the app's top; an accessible name for every control and a human value
for every slider (no 0.1499999999999999); a text alternative for the picture; and a
slider the arrow keys move.
"""

from __future__ import annotations

import re

import nbformat
import pytest
from jupyter_browser import SCREENSHOTS, JupyterServer
from notebook_page import open_notebook, run_all

from lesson_lib.lesson import lessons

# Each lesson's declared apps (factory functions of lesson_lib.<folder>.apps), in order.
APPS = [f"ll.{folder}.apps.{app}()" for folder, lesson in lessons() for app in lesson.apps]
SCREENS = {"1024x768-sidebar": ({"width": 1024, "height": 768}, 1),
           "1920x1080-150pct": ({"width": 1280, "height": 720}, 1.5)}
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}

AUDIT = r"""() => {
  const name = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.labels && el.labels.length) return el.labels[0].textContent.trim();
    return (el.textContent || '').trim();
  };
  const apps = Array.from(document.querySelectorAll('.widget-vbox'))
    .filter((box) => box.querySelector(':scope > .ll-picture'));
  return apps.map((app) => {
    const box = app.getBoundingClientRect();
    const column = app.closest('.jp-OutputArea-output').getBoundingClientRect();
    const picture = app.querySelector(':scope > .ll-picture');
    // The drawing is in the picture's shadow root (lesson_lib/apps/controls.py).
    const shown = (picture.shadowRoot || picture).querySelector('canvas, svg');
    const controls = Array.from(app.querySelectorAll('input, select, button'));
    return {
      picture: picture.getAttribute('aria-label') || '',
      role: picture.getAttribute('role') || '',
      pictureTop: picture.getBoundingClientRect().top - box.top,
      pictureWidth: shown ? shown.getBoundingClientRect().width : 0,
      appRight: box.right, columnRight: column.right + 1,
      controls: controls.map((c) => {
        const r = c.getBoundingClientRect();
        return {tag: c.tagName.toLowerCase(), type: c.type || '', name: name(c),
                value: c.getAttribute('aria-valuetext') || '', width: r.width,
                right: r.right};
      }),
    };
  });
}"""


@pytest.fixture(scope="module")
def apps_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("apps")
    cells = [nbformat.v4.new_code_cell("import lesson_lib as ll")]
    cells += [nbformat.v4.new_code_cell(make) for make in APPS]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=KERNEL), folder / "apps.ipynb")
    with JupyterServer({"apps": folder}) as running:
        yield running


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("interface", ["lab", "nb7"])
def test_every_app_fits_reads_and_answers_the_keyboard(browser, apps_server, interface,
                                                       screen):
    viewport, scale = SCREENS[screen]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale)
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        url = apps_server.url("/lab/workspaces/apps/tree/apps/apps.ipynb" if interface == "lab"
                              else "/notebooks/apps/apps.ipynb", reset="")
        open_notebook(page, url)
        if interface == "lab" and screen.endswith("sidebar"):
            if not page.locator("#filebrowser").is_visible():
                page.locator('.jp-SideBar [data-id="filebrowser"]').click()
            page.locator("#filebrowser").wait_for(state="visible")
        run_all(page, timeout_s=300)
        page.wait_for_timeout(1500)
        found = []
        apps = page.evaluate(AUDIT)
        if len(apps) != len(APPS):
            found.append(f"{len(apps)} of {len(APPS)} apps shown")
        for label, app in zip(APPS, apps, strict=False):
            where = f"{interface} {screen} {label}"
            if app["role"] != "img" or len(app["picture"]) < 20:
                found.append(f"{where}: the picture has no text alternative")
            if app["pictureTop"] > 600:
                found.append(f"{where}: the picture starts {app['pictureTop']:.0f} px below "
                             "the app's top (at most 600)")
            if app["appRight"] > app["columnRight"] or app["pictureWidth"] < 100:
                found.append(f"{where}: the app runs past its column or its picture has "
                             "no width")
            for control in app["controls"]:
                what = f"{where}: {control['tag']} '{control['name']}'"
                if not control["name"]:
                    found.append(f"{what}: no accessible name")
                narrow = control["width"] < (12 if control["type"] == "checkbox" else 40)
                if narrow or control["right"] > app["columnRight"]:
                    found.append(f"{what}: {control['width']:.0f} px wide, right edge "
                                 f"{control['right']:.0f} (column ends {app['columnRight']:.0f})")
                if control["type"] == "range" and (
                        not control["value"] or re.search(r"\d\.\d{6,}", control["value"])):
                    found.append(f"{what}: announces '{control['value']}', not a human value")
        # The arrow keys move a focused slider, in Notebook 7 too.
        handle = page.locator(".ll-slider input[type=range]").first
        handle.scroll_into_view_if_needed()
        before = handle.get_attribute("aria-valuetext")
        handle.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        if handle.get_attribute("aria-valuetext") == before:
            found.append(f"{interface} {screen}: ArrowRight did not move a focused slider")
        page.screenshot(path=SCREENSHOTS / f"apps_{interface}_{screen}.png", full_page=False)
        assert not found, "\n".join(found)
    finally:
        context.close()
        apps_server.shutdown_kernels()
