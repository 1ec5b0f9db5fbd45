"""Drive one notebook in JupyterLab or Notebook 7 the way a person does, and read the page.

``expectations(path)`` reads the stored notebook: which cells displayed a widget (their
stored text fallback, such as ``[Interactive app: ...]``) or a figure. ``run_all`` clears
the outputs and runs every cell from the menus; ``problems`` lists what a learner would see
going wrong, each message naming the notebook and the cell ("cell 7 of 31").
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# What a widget shows as text when no live view renders it: our apps' fallback, or a widget
# repr such as "VBox(children=(...))" / "IntSlider(value=3)".
WIDGET_TEXT = re.compile(
    r"^(\[Interactive app: |(interactive|VBox|HBox|Box|GridBox|Tab|Accordion|Stack|\w*Slider"
    r"|Button|ToggleButtons?|Dropdown|Checkbox|Image|HTML|HTMLMath|Label|Output|Play|Text"
    r"|Textarea|\w*IntText|\w*FloatText|RadioButtons|Select\w*)\()")
DISPLAY_ONLY = re.compile(r"^(HTML|HTMLMath|Image|Label|Output)\(")  # widgets with no controls
IMAGE_TYPES = ("image/png", "image/svg+xml", "image/jpeg")


@dataclass
class Expectations:
    name: str
    n_cells: int
    code_cells: list[int] = field(default_factory=list)
    widget_cells: list[int] = field(default_factory=list)  # 1-based cell numbers
    figure_cells: list[int] = field(default_factory=list)
    app_cells: list[int] = field(default_factory=list)
    control_cells: list[int] = field(default_factory=list)  # widgets one can operate


def expectations(path: Path) -> Expectations:
    nb = nbformat.read(path, as_version=4)
    found = Expectations(path.name, len(nb.cells))
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        found.code_cells.append(number)
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            text = data.get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            if WIDGET_VIEW in data or WIDGET_TEXT.match(text):
                found.widget_cells.append(number)
                if text.startswith("[Interactive app: "):
                    found.app_cells.append(number)
                if not DISPLAY_ONLY.match(text):
                    found.control_cells.append(number)
            elif any(kind in data for kind in IMAGE_TYPES):
                found.figure_cells.append(number)
    for cells in (found.widget_cells, found.figure_cells, found.app_cells,
                  found.control_cells):
        cells[:] = sorted(set(cells))
    return found


# Everything the checks need from the page, per cell, in one round trip.
READ_CELLS = r"""() => {
  const visible = (e) => e.offsetWidth > 0 && e.offsetHeight > 0;
  const controls = 'input, select, textarea, button, .noUi-handle, .ui-slider-handle';
  return Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell')).map((cell) => {
    const code = cell.classList.contains('jp-CodeCell');
    const line = cell.querySelector('.jp-InputArea-editor .cm-line');
    return {
      code,
      prompt: code ? (cell.querySelector('.jp-InputArea-prompt')?.textContent || '').trim() : '',
      source: line ? line.textContent : '',
      outputs: Array.from(cell.querySelectorAll('.jp-OutputArea-output')).map((o) => {
        const text = (o.innerText || '').trim();
        const error = o.querySelector('.jupyter-widgets-error-widget');
        return {
          mime: o.dataset.mimeType || '',
          widget: !!o.querySelector('.jupyter-widgets') || text.startsWith('Loading widget')
                  || text.startsWith('Error displaying widget'),
          // textContent: the error box hides its message behind "Click to show ...".
          widgetError: error ? (error.textContent || 'error box').replace(/\s+/g, ' ').trim()
                       : (text.startsWith('Error displaying widget') ? text : ''),
          loading: text.startsWith('Loading widget'),
          controls: Array.from(o.querySelectorAll(controls)).filter(visible).length,
          hiddenControls: Array.from(o.querySelectorAll(controls)).filter((e) => !visible(e))
                          .length,
          shown: Array.from(o.querySelectorAll('.jupyter-widgets')).some(visible),
          images: Array.from(o.querySelectorAll('img')).map((img) => ({
            loaded: img.complete && img.naturalWidth > 0, visible: visible(img),
            widget: img.classList.contains('widget-image')})),
          text: text.slice(0, 600),
        };
      }),
    };
  });
}"""

KERNEL_STATUS = """() => document.querySelector('.jp-Notebook-ExecutionIndicator')
                       ?.dataset.status || ''"""


def menu(page, top: str, item: str) -> None:
    page.get_by_role("menuitem", name=top, exact=True).click()
    page.get_by_role("menuitem", name=item, exact=True).click()


KERNEL_READY = """() => document.querySelector('.jp-Notebook-ExecutionIndicator')
    ?.dataset.status === 'idle' && !!document.querySelector('.jp-Toolbar-kernelName')
    && !/No Kernel/.test(document.querySelector('.jp-Toolbar-kernelName').textContent)"""


def open_notebook(page, url: str, timeout_s: float = 90) -> None:
    """Open a notebook and wait until its kernel is started, connected and idle.

    The execution indicator says 'idle' while there is no kernel yet ("No Kernel"), and a
    Run All pressed then runs nothing: wait for the kernel's name and 0.5 s of idle.
    """
    page.goto(url, timeout=timeout_s * 1000)
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    ready_since = None
    while time.monotonic() < deadline:
        if page.evaluate(KERNEL_READY):
            ready_since = ready_since or time.monotonic()
            if time.monotonic() - ready_since >= 0.5:
                return
        else:
            ready_since = None
        time.sleep(0.1)
    raise TimeoutError(f"the kernel of {url.split('?')[0]} did not become idle in "
                       f"{timeout_s:.0f} s")


def run_all(page, timeout_s: float = 180, render_grace_s: float = 20) -> tuple[float, list]:
    """Clear every output, Run > Run All Cells, wait until it settles.

    Returns (seconds from "Run All Cells" to every cell executed and every widget and image
    rendered, the cells as read from the page). Stops waiting early when the run has
    stopped (kernel idle, nothing queued) with cells left unexecuted (an error stops a
    run-all), or when widgets are still "Loading widget..." ``render_grace_s`` after the
    last cell ran.
    """
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "() => !Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt'))"
        ".some((p) => /\\d/.test(p.textContent))", timeout=10_000)
    menu(page, "Run", "Run All Cells")
    start = time.perf_counter()
    stalled_since = None
    while True:
        now = time.perf_counter()
        status = page.evaluate(KERNEL_STATUS)
        cells = page.evaluate(READ_CELLS)
        prompts = [c["prompt"] for c in cells if c["code"]]
        outputs = [o for c in cells for o in c["outputs"]]
        queued = any("*" in p for p in prompts)
        executed = all(re.search(r"\d", p) for p in prompts)
        rendering = any(o["loading"] for o in outputs) or any(
            not i["loaded"] for o in outputs for i in o["images"])
        if status == "idle" and not queued:
            if executed and not rendering:
                return now - start, cells
            stalled_since = stalled_since or now
            if now - stalled_since > (render_grace_s if executed else 3.0):
                return now - start, cells
        else:
            stalled_since = None
        if now - start > timeout_s:
            return now - start, cells
        time.sleep(0.1)


def problems(exp: Expectations, cells: list, status: str) -> list[str]:
    """Everything wrong on the page after a run-all, one message per problem."""
    found = []
    if len(cells) != exp.n_cells:
        found.append(f"{exp.name}: the page shows {len(cells)} cells, the file has "
                     f"{exp.n_cells}")
        return found
    if status != "idle":
        found.append(f"{exp.name}: the kernel ended '{status}', not idle")
    for number, cell in enumerate(cells, start=1):
        where = f"{exp.name} cell {number} of {len(cells)} (`{cell['source'][:60]}`)"
        if not cell["code"]:
            continue
        if not re.search(r"\d", cell["prompt"]):
            found.append(f"{where}: not executed (prompt '{cell['prompt']}')")
        widgets = [o for o in cell["outputs"] if o["widget"]]
        for output in cell["outputs"]:
            if output["mime"] == "application/vnd.jupyter.stderr":
                found.append(f"{where}: error or stderr output: {output['text'][:400]}")
            if output["mime"] == "text/plain" and WIDGET_TEXT.match(output["text"]):
                found.append(f"{where}: a widget shows as text, not live: "
                             f"{output['text'][:120]}")
            if output["widgetError"]:
                found.append(f"{where}: widget error box: {output['widgetError'][:300]}")
            elif output["loading"]:
                found.append(f"{where}: 'Loading widget...' never ended")
            elif output["widget"] and not output["shown"]:
                found.append(f"{where}: the widget output is empty or has no size")
            elif output["hiddenControls"]:
                found.append(f"{where}: {output['hiddenControls']} widget controls have no "
                             "size on the page")
            for image in output["images"]:
                if not image["loaded"]:
                    kind = "widget image" if image["widget"] else "figure"
                    found.append(f"{where}: a {kind} did not render (image not loaded)")
        if number in exp.widget_cells and not widgets:
            found.append(f"{where}: displayed a widget when stored, shows none live")
        if number in exp.control_cells and widgets and not any(o["controls"] for o in widgets):
            found.append(f"{where}: the widget shows none of its controls")
        if number in exp.figure_cells and not any(
                i["loaded"] for o in cell["outputs"] for i in o["images"]):
            found.append(f"{where}: showed a figure when stored, shows none now")
    return found


FIND_APP = r"""() => {
  // A lesson_lib app: a VBox whose children include its picture and a slider.
  const apps = Array.from(document.querySelectorAll('.jp-OutputArea-output .widget-vbox'))
    .filter((box) => box.querySelector(':scope > .ll-picture')
                     && box.querySelector('.ll-slider input[type=range]'));
  if (!apps.length) return null;
  const app = apps[0];
  app.setAttribute('data-browser-test', 'app');
  const cells = Array.from(document.querySelectorAll('.jp-Notebook .jp-Cell'));
  const number = cells.findIndex((c) => c.contains(app)) + 1;
  const handle = app.querySelector('.ll-slider input[type=range]');
  handle.setAttribute('data-browser-test', 'handle');
  return {count: apps.length, cell: number,
          label: handle.labels[0]?.textContent || ''};
}"""

APP_STATE = r"""() => {
  const app = document.querySelector('[data-browser-test=app]');
  const picture = app.querySelector(':scope > .ll-picture');
  const handle = app.querySelector('[data-browser-test=handle]');
  const readout = app.querySelector(':scope > .widget-html');
  const drawing = picture.shadowRoot || picture;  // the drawing is in its shadow root
  const canvas = drawing.querySelector('canvas');
  return {frames: picture.dataset.frames || '',
          loaded: !!drawing.querySelector('svg') || !!(canvas && canvas.width > 0),
          value: handle.getAttribute('aria-valuetext') || handle.value || '',
          readout: readout ? readout.innerText.trim() : ''};
}"""


def settle(page, quiet_s: float = 0.6, timeout_s: float = 20) -> dict:
    """Wait until the app's picture is loaded and neither it nor the readout has changed
    for ``quiet_s`` (a drag sends many updates, each a new PNG), and the kernel is idle."""
    deadline = time.monotonic() + timeout_s
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        state = page.evaluate(APP_STATE)
        idle = page.evaluate(KERNEL_STATUS) == "idle"
        if state != last or not idle:
            last, since = state, time.monotonic()
        elif state["loaded"] and time.monotonic() - since >= quiet_s:
            break
        time.sleep(0.1)
    return last


def move_one_control(page, name: str, interface: str,
                     screenshot_dir: Path) -> tuple[list[str], str]:
    """Move the first slider of the first app as a person would, and check that the app's
    picture or readout changes. Returns (problems, what was done and seen).

    With the keyboard, in JupyterLab and Notebook 7 alike: focus the slider, press
    ArrowRight three times (ArrowLeft when it sits at its maximum).
    """
    app = page.evaluate(FIND_APP)
    if app is None:
        return [], "no app with a slider in this notebook"
    where = f"{name} cell {app['cell']} (slider '{app['label']}')"
    app_box = page.locator("[data-browser-test=app]")
    image = app_box.locator(":scope > .ll-picture")
    handle = page.locator("[data-browser-test=handle]")
    app_box.scroll_into_view_if_needed()
    before = settle(page)
    pixels_before = image.screenshot()
    at_max = handle.input_value() == handle.get_attribute("max")
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
    page.wait_for_timeout(300)
    how = "3 x " + ("ArrowLeft" if at_max else "ArrowRight")
    moved = page.evaluate(APP_STATE)
    if moved["value"] == before["value"]:
        return [f"{where}: the arrow keys did not move the focused slider"], ""
    after = settle(page)
    pixels_after = image.screenshot()
    app_box.screenshot(path=screenshot_dir / f"{interface}_{Path(name).stem}_app.png")
    found = []
    if pixels_after == pixels_before and after["readout"] == before["readout"]:
        found.append(f"{where}: moved from {before['value']} to {after['value']} but the "
                     "app's figure and readout did not change")
    elif not after["loaded"]:
        found.append(f"{where}: after moving the slider the figure is not loaded")
    figure = "changed" if pixels_after != pixels_before else "unchanged"
    readout = "changed" if after["readout"] != before["readout"] else "unchanged"
    said = (f"cell {app['cell']}, '{app['label']}' {before['value']} -> {after['value']} by "
            f"{how}: figure {figure}, readout {readout}")
    return found, said
