"""The apps' own slider and picture: small anywidget widgets built on native HTML elements.

``Slider`` is an ``<input type="range">`` with a ``<label>`` and an ``<output>``: a screen
reader announces its name and the value as shown ("learning rate, 0.5"), the arrow keys
move it one step in JupyterLab and in Notebook 7 alike, and while a picture is being
drawn it sends only the latest value (a fast drag coalesces; the last value always
arrives). ``Picture`` shows an SVG string or PNG bytes with a text alternative, in a shadow
root (the page's style sheets do not reach the drawing: restyling a new SVG is cheap).
``Readout`` shows an app's text; the text travels in the picture's message, and so does
the sliders' "drawn" (each message makes JupyterLab lay out the page: one a move, not
three). On the page the three hear each other through an event hub keyed by the picture's
``channel``.
"""

from __future__ import annotations

import io
import json
import math
import uuid
import zlib

import anywidget
import numpy as np
import traitlets
from PIL import Image

from ..core.checks import finite_number, flag, instance_of, positive_int, positive_number

WHOLE = 2**53  # the largest whole number a JavaScript number holds exactly
COLOURS = 64  # a figure's flat colours and their anti-aliased edges fit in this many

SLIDER_JS = r"""
function render({ model, el }) {
  const id = "ll-slider-" + Math.random().toString(36).slice(2);
  el.classList.add("ll-slider");
  const label = document.createElement("label");
  const input = document.createElement("input");
  const output = document.createElement("output");
  label.htmlFor = input.id = id;
  output.htmlFor = id;
  input.type = "range";
  input.min = 0;
  // Notebook 7 and JupyterLab take arrow keys for their own shortcuts unless told not to.
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  el.append(label, input, output);
  const count = () =>
    Math.max(1, Math.round((model.get("max") - model.get("min")) / model.get("step")));
  const at = (i) => {
    const raw = model.get("min") + i * model.get("step");
    const v = Number((model.get("log") ? Math.pow(10, raw) : raw).toPrecision(12));
    return model.get("integer") ? Math.round(v) : v;
  };
  const index = (v) => {
    const raw = model.get("log") ? Math.log10(v) : v;
    return Math.round((raw - model.get("min")) / model.get("step"));
  };
  const text = (v) => {
    const d = model.get("decimals");
    const shown = model.get("log") ? String(Number(v.toPrecision(d))) : v.toFixed(d);
    return model.get("unit") ? shown + " " + model.get("unit") : shown;
  };
  let busy = false, pending = null, timer = null;
  const send = (v) => {
    busy = true;
    model.set("value", v);
    model.save_changes();
    clearTimeout(timer);
    timer = setTimeout(done, 500);  // no word from the kernel: do not hold values back forever
  };
  const done = () => {
    busy = false;
    if (pending !== null) { const v = pending; pending = null; send(v); }
  };
  const show = (v) => {
    output.textContent = text(v);
    input.setAttribute("aria-valuetext", text(v));
  };
  const sync = () => {
    label.textContent = model.get("description");
    input.max = count();
    input.step = 1;
    input.value = index(model.get("value"));
    show(model.get("value"));
  };
  input.addEventListener("input", () => {
    const v = at(Number(input.value));
    show(v);
    if (busy) pending = v; else send(v);
  });
  model.on("msg:custom", (msg) => { if (msg && msg.drawn) done(); });
  // The app's picture says, in its own message, that the kernel has drawn the last value.
  const hub = (globalThis.llPictures ??= { last: new Map(), events: new EventTarget() });
  const drawn = (event) => {
    if (model.get("channel") && event.detail.channel === model.get("channel")) done();
  };
  hub.events.addEventListener("drawn", drawn);
  model.on("change", () => { if (!busy && pending === null) sync(); });
  sync();
  return () => { clearTimeout(timer); hub.events.removeEventListener("drawn", drawn); };
}
export default { render };
"""

SLIDER_CSS = """
.ll-slider { display: inline-flex; align-items: center; gap: 6px; flex: 0 0 auto;
  width: 280px; max-width: 100%; box-sizing: border-box;
  font-size: var(--jp-widgets-font-size, 13px); }
.ll-slider label { flex: 0 0 auto; white-space: nowrap; }
.ll-slider input { flex: 1 1 80px; min-width: 80px; margin: 0; }
.ll-slider output { flex: 0 0 auto; min-width: 3.5em; text-align: right;
  font-variant-numeric: tabular-nums; white-space: nowrap; }
.ll-slider input:focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
"""

PICTURE_JS = r"""
function render({ model, el }) {
  el.classList.add("ll-picture");
  el.setAttribute("role", "img");
  // The drawing lives in a shadow root: its elements are matched against this one short
  // style sheet, not the page's thousands of rules (a new SVG is restyled on every move).
  const root = el.shadowRoot ?? el.attachShadow({ mode: "open" });  // (a view drawn again)
  const style = document.createElement("style");
  style.textContent = SHADOW_CSS;
  root.replaceChildren(style);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  let queue = Promise.resolve();
  let frames = 0;
  // Frames and patches are painted strictly in the order they arrive.
  const paint = (bytes, x, y, whole) => {
    queue = queue.then(async () => {
      const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      if (whole) {
        canvas.width = bitmap.width;  // also clears it
        canvas.height = bitmap.height;
        canvas.style.width = model.get("width") ? model.get("width") + "px" : "";
      }
      context.drawImage(bitmap, x, y);  // a patch's unchanged pixels are transparent
      bitmap.close();
      el.dataset.frames = String(++frames);
    }).catch(() => {});
  };
  // A large SVG comes deflated (a quarter of the bytes); inflating takes a promise, so every
  // change to the picture waits its turn in the queue (a small one goes as text, at once).
  const later = (job) => { queue = queue.then(job).catch(() => {}); };
  const has = (name) => {
    const v = model.get(name);
    return Boolean(v && (typeof v === "string" ? v.length : v.byteLength));
  };
  const text = async (name) => {
    if (!has(name)) return "";
    const view = model.get(name);
    if (typeof view === "string") return view;
    const inflate = new DecompressionStream("deflate");  // fed directly: no Blob, fewer hops
    const writer = inflate.writable.getWriter();
    writer.write(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    writer.close();
    return new Response(inflate.readable).text();
  };
  // What moves is SVG laid over the bitmap, at the same scale (its viewBox is the bitmap's size).
  const layer = document.createElement("div");
  const under = document.createElement("div");  // an app's axes, when they follow its controls
  layer.className = under.className = "ll-overlay";
  const drawing = document.createElement("div");  // a whole SVG drawing (the network apps)
  drawing.className = "ll-drawing";
  const label = () => el.setAttribute("aria-label", model.get("alt"));
  const overlay = () => later(async () => {
    layer.innerHTML = await text("overlay");
    el.dataset.frames = String(++frames);
  });
  const underlay = () => later(async () => { under.innerHTML = await text("underlay"); });
  const draw = () => {
    if (has("svg")) {
      later(async () => {
        const svg = await text("svg");
        if (!drawing.isConnected) { root.replaceChildren(style, drawing); }
        drawing.innerHTML = svg;
        el.dataset.frames = String(++frames);
      });
    } else if (model.get("png").byteLength) {
      if (!canvas.isConnected) { root.replaceChildren(style, canvas, under, layer); }
      paint(model.get("png"), 0, 0, true);
      underlay();
      overlay();
    }
  };
  model.on("change:svg", draw);
  model.on("change:png", draw);
  model.on("change:underlay", underlay);
  model.on("change:overlay", overlay);
  model.on("change:alt", label);
  // The readout's text and the sliders' "drawn" come in the picture's message (one message
  // a move instead of three); the page's other widgets of the app hear them on this hub.
  const hub = (globalThis.llPictures ??= { last: new Map(), events: new EventTarget() });
  const tell = (kind, detail) => hub.events.dispatchEvent(new CustomEvent(kind, { detail }));
  const caption = () => {
    const channel = model.get("channel");
    if (!channel) return;
    hub.last.set(channel, model.get("caption"));
    tell("readout", { channel, html: model.get("caption") });
  };
  model.on("change:caption", caption);
  model.on("change:drawn", () => tell("drawn", { channel: model.get("channel") }));
  caption();
  model.on("msg:custom", (msg, buffers) => {
    if (msg && msg.patch && canvas.width) paint(buffers[0], msg.patch[0], msg.patch[1], false);
  });
  label();
  draw();
  // Patches sent before this view existed are not in the stored frame: ask for a new one.
  if (!has("svg")) model.send({ want: "frame" });
}
export default { render };
"""

READOUT_JS = r"""
function render({ model, el }) {
  // Laid out as an ipywidgets HTML widget; its text arrives in the picture's message.
  el.classList.add("widget-inline-hbox", "widget-html", "ll-readout");
  const content = document.createElement("div");
  content.className = "widget-html-content";
  el.append(content);
  const hub = (globalThis.llPictures ??= { last: new Map(), events: new EventTarget() });
  const show = (event) => {
    if (event.detail.channel === model.get("channel")) content.innerHTML = event.detail.html;
  };
  content.innerHTML = hub.last.get(model.get("channel")) ?? "";
  hub.events.addEventListener("readout", show);
  return () => hub.events.removeEventListener("readout", show);
}
export default { render };
"""

PICTURE_CSS = """
.ll-picture { max-width: 100%; line-height: 0; position: relative; width: fit-content; }
"""

# Inside the picture's shadow root (the page's style sheets do not reach in).
SHADOW_CSS = """
canvas, .ll-drawing > svg { max-width: 100%; height: auto; display: block; }
.ll-overlay { position: absolute; inset: 0; pointer-events: none;
  contain: strict; will-change: transform; }  /* its own layer: the bitmap is not repainted */
.ll-overlay svg { position: absolute; inset: 0; width: 100%; height: 100%; }
.ll-overlay svg * { stroke-linejoin: round; stroke-linecap: butt; }
"""


def _keep_pairs(value: str, _widget) -> str:
    """On the page a "name = value" pair never breaks across lines."""
    return value.replace(" = ", "\u00a0=\u00a0")


def _deflated_from(size: int):
    """A trait's ``to_json``: the SVG string as the page receives it. From ``size``
    characters on it goes zlib-compressed, as a binary buffer (SVG text is repetitive: about
    a quarter of the bytes), which the page inflates; that waits for its turn among the
    page's tasks, a few milliseconds (measured), more than a small SVG saves on a local
    server, so a small one goes as it is."""

    def to_json(text: str, _widget) -> str | bytes:
        return zlib.compress(text.encode(), 6) if len(text) >= size else text

    return to_json


def _encode(rgb: np.ndarray, changed: np.ndarray | None = None) -> bytes:
    """A PNG of at most ``COLOURS`` colours (Pillow's public API); where ``changed`` is
    False the pixel is transparent, so a patch costs only the pixels that changed."""
    image = Image.fromarray(np.ascontiguousarray(rgb), "RGB").quantize(
        COLOURS - 1, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    options = {}
    if changed is not None:
        indices = np.asarray(image).copy()
        indices[~changed] = COLOURS - 1
        palette = image.getpalette()[: 3 * (COLOURS - 1)]
        image = Image.fromarray(indices, "P")
        image.putpalette(palette + [255, 255, 255])
        options["transparency"] = COLOURS - 1
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6, **options)
    return buffer.getvalue()


class Slider(anywidget.AnyWidget):
    """A labelled slider over ``min..max`` in ``step``s; ``log`` makes min, max and step
    powers of ten while ``value`` stays the number itself (a learning rate, say)."""

    _esm = SLIDER_JS
    _css = SLIDER_CSS
    # No echo of each value back to the browser: the page sent it, and it costs a message.
    value = traitlets.Float().tag(sync=True, echo_update=False)
    min = traitlets.Float().tag(sync=True)
    max = traitlets.Float().tag(sync=True)
    step = traitlets.Float().tag(sync=True)
    description = traitlets.Unicode().tag(sync=True)
    decimals = traitlets.Int(2).tag(sync=True)
    unit = traitlets.Unicode().tag(sync=True)
    log = traitlets.Bool(False).tag(sync=True)
    integer = traitlets.Bool(False).tag(sync=True)
    # The Picture whose "drawn" releases the values held back ("": only drawn() does).
    channel = traitlets.Unicode().tag(sync=True)

    def __init__(self, description: str, value: float, low: float, high: float, step: float,
                 decimals: int = 2, unit: str = "", log: bool = False, width: int = 280):
        instance_of(description, "description", str)
        instance_of(unit, "unit", str)
        log = flag(log, "log")
        decimals = positive_int(decimals, "decimals", minimum=0, maximum=15)
        width = positive_int(width, "width", minimum=80, maximum=4000)
        ends = ((value, "value"), (low, "low"), (high, "high"))
        if isinstance(self, IntSlider):
            # Whole numbers the browser's JavaScript still holds exactly.
            value, low, high = (positive_int(v, n, minimum=-WHOLE, maximum=WHOLE)
                                for v, n in ends)
            step = positive_int(step, "step", maximum=WHOLE)
        else:
            value, low, high = (finite_number(v, n) for v, n in ends)
            step = positive_number(step, "step")
        if high <= low:
            raise ValueError(f"high must be > low ({low:g}), got {high:g}")
        if log and max(abs(low), abs(high)) > 300:
            raise ValueError(f"low and high of a log slider are powers of ten from -300 to "
                             f"300, got {low:g} and {high:g}")
        if log and value <= 0:
            raise ValueError(f"value must be > 0 on a log slider, got {value:g}")
        scale = math.log10(value) if log else value
        if not low - 1e-9 <= scale <= high + 1e-9:
            shown = (f"10^{low:g} and 10^{high:g} (with log, low and high are powers of ten)"
                     if log else f"{low:g} and {high:g}")
            raise ValueError(f"value must be between {shown}, got {value:g}")
        super().__init__(value=value, min=low, max=high, step=step, description=description,
                         decimals=decimals, unit=unit, log=log,
                         integer=isinstance(self, IntSlider))
        self.layout.width = f"{width}px"

    @traitlets.validate("value")
    def _clamp(self, proposal):
        low, high = (10 ** self.min, 10 ** self.max) if self.log else (self.min, self.max)
        if self.max <= self.min:  # still being built: min and max arrive after value
            return proposal["value"]
        return min(max(proposal["value"], low), high)

    def drawn(self) -> None:
        """Tell the browser the picture for the last value is out: send the next one."""
        self.send({"drawn": True})


class IntSlider(Slider):
    """A Slider over whole numbers."""

    value = traitlets.Int().tag(sync=True, echo_update=False)

    def __init__(self, description: str, value: int, low: int, high: int, step: int = 1,
                 width: int = 280):
        super().__init__(description, value, low, high, step, decimals=0, width=width)


class Picture(anywidget.AnyWidget):
    """An SVG string, or a bitmap sent as PNG: in full once, then only the pixels that
    change (a patch: the changed box, its unchanged pixels transparent). ``alt`` is the
    text a screen reader reads for it."""

    _esm = f"const SHADOW_CSS = {json.dumps(SHADOW_CSS)};\n{PICTURE_JS}"
    _css = PICTURE_CSS
    # A whole drawing (a network app's, replaced on each change) is deflated from 6 KB on;
    # the SVG over a bitmap, what a slider moves, only when it is large (a chain's axes).
    svg = traitlets.Unicode().tag(sync=True, to_json=_deflated_from(6_000))
    png = traitlets.Bytes().tag(sync=True)  # the last whole frame
    underlay = traitlets.Unicode().tag(sync=True, to_json=_deflated_from(20_000))  # axes
    overlay = traitlets.Unicode().tag(sync=True, to_json=_deflated_from(20_000))  # what moves
    alt = traitlets.Unicode().tag(sync=True)
    width = traitlets.Int(0).tag(sync=True)  # the bitmap's width in CSS pixels; 0: as is
    # What travels with the drawing in its one message: the app's Readout text, and a count
    # of the slider moves drawn, which tells the app's Sliders (same channel) to send on.
    channel = traitlets.Unicode().tag(sync=True)
    caption = traitlets.Unicode().tag(sync=True, to_json=_keep_pairs)
    drawn = traitlets.Int(0).tag(sync=True)

    def __init__(self, **kwargs):
        kwargs.setdefault("channel", uuid.uuid4().hex)
        super().__init__(**kwargs)
        self.pixels: np.ndarray | None = None  # what every view shows now, as RGB
        self.on_msg(self._on_message)

    def show_pixels(self, rgba: np.ndarray) -> None:
        """Show an RGBA array: the whole frame the first time (or at a new size), else a
        patch of what changed."""
        rgba = np.ascontiguousarray(rgba, np.uint8)
        if self.pixels is None or self.pixels.shape != rgba.shape:
            self.svg = ""
            self.pixels = rgba.copy()
            self.png = self.frame()
            return
        # One comparison per pixel: the four channels read as one 32-bit number.
        changed = rgba.view(np.uint32)[..., 0] != self.pixels.view(np.uint32)[..., 0]
        rows = np.flatnonzero(changed.any(axis=1))
        if not rows.size:
            return
        columns = np.flatnonzero(changed[rows[0]:rows[-1] + 1].any(axis=0))
        box = slice(rows[0], rows[-1] + 1), slice(columns[0], columns[-1] + 1)
        self.pixels[box] = rgba[box]
        self.send({"patch": [int(columns[0]), int(rows[0])]},
                  buffers=[_encode(rgba[box][..., :3], changed[box])])

    def frame(self) -> bytes:
        """The whole picture now, as a PNG."""
        return _encode(self.pixels[..., :3])

    def _on_message(self, _widget, content, _buffers) -> None:
        if isinstance(content, dict) and content.get("want") == "frame" and \
                self.pixels is not None:
            self.png = self.frame()


class Readout(anywidget.AnyWidget):
    """An app's text (HTML), shown where it sits among the app's widgets; ``value`` is sent
    to the page as the ``picture``'s ``caption``, in the picture's message."""

    _esm = READOUT_JS
    channel = traitlets.Unicode().tag(sync=True)
    value = traitlets.Unicode()  # not synced itself: the picture carries it

    def __init__(self, picture: Picture, **kwargs):
        instance_of(picture, "picture", Picture)
        super().__init__(channel=picture.channel, **kwargs)
        self.picture = picture
        traitlets.dlink((self, "value"), (picture, "caption"))
