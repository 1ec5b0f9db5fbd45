"""`make lab`, the README's first command, really serves JupyterLab and the start notebook."""

from __future__ import annotations

import os
import re
import subprocess
import time

from jupyter_browser import ROOT, free_port, http_get, stop


def test_make_lab_serves_jupyterlab(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "MAKEFLAGS", "MFLAGS", "MAKELEVEL",
                        "JUPYTER_TOKEN"}}
    env["JUPYTER_RUNTIME_DIR"] = str(tmp_path / "runtime")
    log = tmp_path / "make_lab.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(["make", "--no-print-directory", "lab", f"PORT={port}"],
                                   cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = re.compile(rf"http://(?:localhost|127\.0\.0\.1):{port}/lab\?token=(\w+)")
    try:
        deadline = time.monotonic() + 180  # the first `make lab` also installs .venv
        while not (found := url.search(log.read_text(errors="replace"))):
            assert process.poll() is None, f"make lab stopped:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"no URL printed:\n{log.read_text()[-3000:]}"
            time.sleep(0.3)
        token = found.group(1)
        base = f"http://127.0.0.1:{port}"
        assert http_get(f"{base}/lab?token={token}") == 200
        # The notebook it opens is there to open, and nothing is served without the token.
        assert http_get(f"{base}/api/contents/00_start_here.ipynb?token={token}") == 200
        assert http_get(f"{base}/api/contents/00_start_here.ipynb") == 403
    finally:
        stop(process)
    assert process.poll() is not None
