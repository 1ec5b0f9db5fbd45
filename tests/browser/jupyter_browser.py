"""A throwaway Jupyter server and a headless Chromium, for the real-browser tests.

The server runs the repository's own Python (``sys.executable -m jupyter lab``) on
127.0.0.1 with a random token, a temporary config, settings, workspace and runtime folder,
and serves a temporary COPY of notebooks/ (so autosave can never touch the stored
notebooks). Its user settings turn off autosave, news and update checks, and render every
cell (no windowing), so what a test looks for is in the page.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# COURSE_NOTEBOOKS=path/to/folder runs the suite on another folder of notebooks (for example
# to watch it fail on tests/browser/fixtures).
NOTEBOOKS = Path(os.environ.get("COURSE_NOTEBOOKS", ROOT / "notebooks")).resolve()
FIXTURES = HERE / "fixtures"
SCREENSHOTS = HERE / "screenshots"  # git ignores it
CHROMIUM = "/usr/bin/chromium"
# As on this machine's notes: root needs --no-sandbox; the closed network refuses Chromium's
# background connections unless they are switched off.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]

USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url: str, timeout: float = 5.0) -> int:
    """The HTTP status of a GET (an error status too), or 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return 0


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {process.returncode}):\n"
                               + log.read_text(errors="replace")[-3000:])
        if http_get(url, timeout=2) == 200:
            return
        time.sleep(0.3)
    raise RuntimeError(f"no answer from {url} within {timeout:.0f} s:\n"
                       + log.read_text(errors="replace")[-3000:])


def stop(process: subprocess.Popen) -> None:
    """Stop a server started with start_new_session=True: its whole process group."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, 15)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait(timeout=5)


class JupyterServer:
    """``with JupyterServer({"notebooks": path}) as server:`` serves copies of those folders."""

    def __init__(self, folders: dict[str, Path], disabled_extensions: tuple[str, ...] = ()):
        self.folders = {name: Path(source) for name, source in folders.items()}
        self.disabled_extensions = disabled_extensions
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> JupyterServer:
        self.tmp = Path(tempfile.mkdtemp(prefix="browser-tests-"))
        self.root = self.tmp / "root"
        # Only the notebooks (and the tests' fixture notebooks), nothing else of the repository.
        for name, source in self.folders.items():
            shutil.copytree(source, self.root / name,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        settings = self.tmp / "user-settings"
        for name, values in USER_SETTINGS.items():
            path = settings / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        if self.disabled_extensions:  # to show what a page without them looks like
            labconfig = self.tmp / "config" / "labconfig"
            labconfig.mkdir(parents=True)
            (labconfig / "page_config.json").write_text(json.dumps(
                {"disabledExtensions": {name: True for name in self.disabled_extensions}}))
        env = dict(os.environ)
        env.update({
            "JUPYTER_CONFIG_DIR": str(self.tmp / "config"),
            "JUPYTER_RUNTIME_DIR": str(self.tmp / "runtime"),
            "JUPYTER_DATA_DIR": str(self.tmp / "data"),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(self.tmp / "workspaces"),
            "JUPYTER_PLATFORM_DIRS": "1",
            "PYTHONWARNINGS": "ignore::DeprecationWarning",
        })
        env.pop("JUPYTER_TOKEN", None)
        command = [
            sys.executable, "-m", "jupyter", "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
            f"--LabApp.user_settings_dir={settings}",
            "--ServerApp.terminals_enabled=False",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.log = self.tmp / "server.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, cwd=self.root, env=env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(self.url("/api/status"), self.process, self.log)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        stop(self.process)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def url(self, path: str, **query: str) -> str:
        params = "&".join([f"token={self.token}"] + [f"{k}={v}" for k, v in query.items()])
        return f"{self.base}{path}?{params}"

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(self.url(path), method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """End every session and kernel, so each notebook starts from a fresh one."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")
        for kernel in self.api("GET", "/api/kernels"):
            self.api("DELETE", f"/api/kernels/{kernel['id']}")
