"""Key press to changed picture, and bytes per update, for every app in a real browser.

    python benchmarks/bench_browser.py [--presses 30] [--before PATH] [--alone] [--rounds 1]

Serves a generated notebook (one app per cell) from a temporary local Jupyter server (the
browser tests' own, tests/browser/jupyter_browser.py), opens it in JupyterLab in Debian's
headless Chromium (Playwright drives it; nothing is downloaded), runs all cells, then for
each app focuses its first slider (the stepper: its Step button; the data-set trainer, whose
sliders are settings for Train: its new-point box) and presses a key
``--presses`` times, waiting for each new picture. The page itself times each press, from
the keydown to the first animation frame after the picture's element changed; the
WebSocket frames the page receives meanwhile (every kernel message: the picture, the
readout, the kernel's busy and idle) are the bytes per update. ``--before PATH`` runs the
same on another copy of lesson_lib (e.g. ``git archive HEAD~5 lesson_lib | tar -x -C
PATH``) in the same run, for a before/after table. ``--alone`` puts each app in a notebook
of its own, as a lesson's page holds one or two: JupyterLab then lays out a smaller page on
each message. ``--rounds N`` splits the presses into N rounds, before and after taking
turns (a busy spell on the machine then slows both, not one of them).
Targets (issue 12): bytes p50 <= 10 KB for the network apps, <= 25 KB for the others; key
press to picture p50 <= 40 ms per slider, <= 60 ms for the stepper's Step.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from _common import ROOT, machine, percentile, table

sys.path.insert(0, str(ROOT / "tests" / "browser"))
from jupyter_browser import CHROMIUM, CHROMIUM_ARGS, JupyterServer  # noqa: E402
from notebook_page import open_notebook, run_all  # noqa: E402

APPS = [  # (label, constructor, what is pressed, target ms, target KB)
    ("sigmoid.TangentExplorer (x)", "ll.derivative.apps.tangent_explorer()", "slider", 40, 25),
    ("chain.ChainExplorer (a)", "ll.chain.apps.chain_explorer()", "slider", 40, 25),
    ("descent.DirectionExplorer (direction)", "ll.descent.apps.direction_explorer()",
     "slider", 40, 25),
    ("descent.DescentExplorer (learning rate)", "ll.descent.apps.descent_explorer()",
     "slider", 40, 25),
    ("forward.ForwardExplorer (w1)", "ll.forward.apps.forward_explorer()", "slider", 40, 10),
    ("backward.TrainingStepper (Step)", "ll.backward.apps.training_stepper()", "step", 60, 10),
    ("training.LearningRateExplorer (learning rate)",
     "ll.training.apps.learning_rate_explorer()", "slider", 40, 25),
    ("training.DatasetTrainer (new point x1)", "ll.dataset.apps.dataset_trainer()",
     "number", 40, 25),
]

# In the page: time from a keydown in app number `index` to the first animation frame
# after its picture finished drawing the change (the picture element's data-frames count).
ARM = r"""([index, kind]) => {
  const outputs = Array.from(document.querySelectorAll('.jp-Cell .jp-OutputArea-output'))
    .filter((o) => o.querySelector('.widget-vbox'));
  const app = outputs[index];
  const picture = app.querySelector('.ll-picture') || app.querySelector('img.widget-image');
  document.querySelectorAll('[data-bench]').forEach((e) => e.removeAttribute('data-bench'));
  window.__bench = {done: [], start: 0};
  if (window.__benchObserver) window.__benchObserver.disconnect();
  window.__benchObserver = new MutationObserver(() => {
    const start = window.__bench.start;
    if (!start) return;
    window.__bench.start = 0;
    requestAnimationFrame(() => window.__bench.done.push(performance.now() - start));
  });
  // The picture widget counts each drawing it finishes in data-frames (an aria-label or a
  // readout changing first is not the picture); an older app's <img> changes as a whole.
  window.__benchObserver.observe(picture, picture.classList.contains('ll-picture')
    ? {attributes: true, attributeFilter: ['data-frames']}
    : {attributes: true, childList: true, subtree: true, characterData: true});
  app.addEventListener('keydown', () => { window.__bench.start = performance.now(); }, true);
  app.addEventListener('click', () => { window.__bench.start = performance.now(); }, true);
  const slider = app.querySelector(kind === 'number' ? 'input[type=number]'
                                   : '.ll-slider input, .noUi-handle, .ui-slider-handle');
  const step = Array.from(app.querySelectorAll('button'))
    .find((b) => b.textContent.trim() === 'step');
  (slider || step).setAttribute('data-bench', 'control');
  if (step) step.setAttribute('data-bench', 'step');
  slider?.scrollIntoView({block: 'center'});
  return true;
}"""


KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


def notebook(folder: Path, apps=APPS) -> Path:
    cells = [nbformat.v4.new_code_cell("import lesson_lib as ll")]
    cells += [nbformat.v4.new_code_cell(make) for _, make, _, _, _ in apps]
    path = folder / "bench.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata=KERNEL), path)
    return path


def measure(browser, lesson_lib_path: Path | None, presses: int, apps=APPS) -> list[list]:
    from playwright.sync_api import Error as PlaywrightError

    folder = Path(tempfile.mkdtemp(prefix="bench-browser-"))
    notebook(folder, apps)
    saved = os.environ.get("PYTHONPATH")
    if lesson_lib_path:  # the kernel imports this copy of lesson_lib first
        os.environ["PYTHONPATH"] = str(lesson_lib_path)
    try:
        with JupyterServer({"bench": folder}) as server:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            received: list[int] = []

            def on_socket(socket):
                socket.on("framereceived", lambda frame: received.append(
                    len(frame if isinstance(frame, (bytes, bytearray)) else frame.encode())))

            page.on("websocket", on_socket)
            open_notebook(page, server.url("/lab/workspaces/bench/tree/bench/bench.ipynb",
                                           reset=""))
            run_all(page, timeout_s=300)
            page.wait_for_timeout(2000)
            rows = []
            for index, (label, _, kind, _, _) in enumerate(apps):
                page.evaluate(ARM, [index, kind])
                control = page.locator("[data-bench=step]" if kind == "step"
                                       else "[data-bench=control]")
                control.focus()
                times, sizes = [], []
                for press in range(presses):
                    page.wait_for_timeout(250)  # the last update's messages are all in
                    before = len(received)
                    if kind == "step":
                        page.keyboard.press("Enter")
                    elif kind == "number":  # a number box sends its value on Enter
                        page.keyboard.press("ArrowUp" if press % 20 < 10 else "ArrowDown")
                        page.keyboard.press("Enter")
                    else:
                        page.keyboard.press("ArrowRight" if press % 20 < 10 else "ArrowLeft")
                    try:
                        page.wait_for_function(f"window.__bench.done.length > {len(times)}",
                                               timeout=5000)
                    except PlaywrightError:
                        continue  # no new picture (e.g. the slider at its end): not counted
                    times.append(page.evaluate("window.__bench.done[window.__bench.done"
                                               ".length - 1]"))
                    page.wait_for_timeout(250)
                    sizes.append(sum(received[before:]))
                rows.append([label, times, sizes])
            context.close()
            return rows
    finally:
        if lesson_lib_path:
            if saved is None:
                os.environ.pop("PYTHONPATH", None)
            else:
                os.environ["PYTHONPATH"] = saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--before", type=Path, help="a folder holding an older lesson_lib")
    parser.add_argument("--alone", action="store_true",
                        help="each app alone in its own notebook, as on a lesson's page "
                             "(default: all the apps in one notebook)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="split the presses into this many rounds, before and after "
                             "taking turns")
    args = parser.parse_args()
    presses = max(1, args.presses // args.rounds)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        start = time.perf_counter()
        def run(path):
            if not args.alone:
                return measure(browser, path, presses)
            return [row for app in APPS for row in measure(browser, path, presses, [app])]

        def pooled(runs):  # each app's times and sizes over the rounds
            return [[runs[0][i][0], [t for r in runs for t in r[i][1]],
                     [b for r in runs for b in r[i][2]]] for i in range(len(APPS))]

        befores, afters = [], []
        for _ in range(args.rounds):
            if args.before:
                befores.append(run(args.before))
            afters.append(run(None))
        before = pooled(befores) if args.before else None
        after = pooled(afters)
        browser.close()
    print(f"## Widget apps in a real browser: key press to picture ({machine()})\n")
    where = "each app alone in a notebook" if args.alone else "all the apps in one notebook"
    print(f"JupyterLab in headless Chromium, local server, {where}; {presses * args.rounds} "
          f"key presses per app in {args.rounds} round(s); bytes = WebSocket frames the page "
          f"received per press. "
          f"{time.perf_counter() - start:.0f} s in all.\n")
    header = ["app (control)", "p50 ms", "p95 ms", "KB p50", "target"]
    if before:
        header = ["app (control)", "before p50 ms", "p50 ms", "before p95 ms", "p95 ms",
                  "before KB p50", "KB p50", "target"]
    rows = []
    for index, (label, times, sizes) in enumerate(after):
        _, _, _, ms, kb = APPS[index]
        if not times:
            rows.append([label] + ["-"] * (len(header) - 2) + ["no picture changed"])
            continue
        p50, p95, size = (percentile(times, 50), percentile(times, 95),
                          percentile(sizes, 50) / 1000)
        verdict = "met" if p50 <= ms and size <= kb else "NOT met"
        cells = [f"{p50:.0f}", f"{p95:.0f}", f"{size:.1f}"]
        if before:
            _, old_times, old_sizes = before[index]
            old = [f"{percentile(old_times, q):.0f}" if old_times else "-" for q in (50, 95)]
            old.append(f"{percentile(old_sizes, 50) / 1000:.1f}" if old_sizes else "-")
            cells = [old[0], cells[0], old[1], cells[1], old[2], cells[2]]
        rows.append([label, *cells, f"{verdict} (<= {ms} ms, <= {kb} KB)"])
    print(table(header, rows))
    print()


if __name__ == "__main__":
    main()
