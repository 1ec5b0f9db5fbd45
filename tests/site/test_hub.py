"""nbgitpuller, as a JupyterHub runs it: a student pulls the course, edits a lesson, and
pulls the instructor's next change; the edit survives and the new file arrives.

A local Jupyter server with the nbgitpuller extension on 127.0.0.1 pulls from a file://
clone of this repository (its committed HEAD), with the parameters scripts/hub_link.py
puts into the hub link.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from hub_link import pull_query  # noqa: E402

STUDENT_EDIT = "My note: outY1 is 0.75, far from the target 0.01."


def git(*args, cwd):
    return subprocess.run(["git", "-c", "user.name=Instructor", "-c", "user.email=i@example.org",
                           *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def jupyter(tmp_path):
    """A Jupyter server with nbgitpuller, serving tmp_path/home, and its base URL and token."""
    home, config = tmp_path / "home", tmp_path / "config"
    home.mkdir()
    config.mkdir()
    (config / "jupyter_server_config.json").write_text(json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgitpuller": True}}}))
    token = secrets.token_hex(16)
    port = free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_RUNTIME_DIR": str(tmp_path)}
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter_server", "--no-browser", "--allow-root",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={home}"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the Jupyter server did not start:\n"
                                + (tmp_path / "server.log").read_text()[-3000:])
                time.sleep(0.3)
        yield url, token, home
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pull(url, token, query) -> str:
    """nbgitpuller's API, as the link's page calls it; returns its last event."""
    address = f"{url}/git-pull/api?{urlencode({**query, 'token': token})}"
    last = ""
    with urllib.request.urlopen(address, timeout=120) as stream:
        for raw in stream:
            line = raw.decode().strip()
            if line.startswith("data:"):
                last = line[5:].strip()
                event = json.loads(last)
                if event.get("phase") == "error":
                    pytest.fail(f"nbgitpuller failed: {event}")
                if event.get("phase") == "finished":
                    break
    return last


def contents(url, token, path, method="GET", body=None):
    request = urllib.request.Request(
        f"{url}/api/contents/{path}?token={token}", method=method,
        data=json.dumps(body).encode() if body else None,
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_student_edit_survives_an_upstream_pull(tmp_path, jupyter):
    url, token, home = jupyter
    upstream = tmp_path / "backprop-course"
    git("clone", "--quiet", f"file://{ROOT}", str(upstream), cwd=tmp_path)
    lessons = sorted(p.name for p in (upstream / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    edited, changed = lessons[-1], lessons[1]
    query = pull_query(edited, repository=f"file://{upstream}",
                       branch=git("rev-parse", "--abbrev-ref", "HEAD", cwd=upstream).strip())
    assert query["urlpath"].endswith(f"backprop-course/notebooks/{edited}")

    pull(url, token, query)
    course = home / "backprop-course"
    assert (course / "notebooks" / edited).exists(), "the first pull brought no course"

    # The student adds a cell and saves, through Jupyter's contents API as the editor does.
    path = f"backprop-course/notebooks/{edited}"
    model = contents(url, token, path)
    model["content"]["cells"].append({"cell_type": "markdown", "metadata": {},
                                      "source": STUDENT_EDIT})
    contents(url, token, path, "PUT", {"type": "notebook", "content": model["content"]})

    # The instructor changes another lesson and adds a file upstream.
    nb = json.loads((upstream / "notebooks" / changed).read_text())
    nb["cells"].append({"cell_type": "markdown", "metadata": {},
                        "source": "Erratum: see slide 12."})
    (upstream / "notebooks" / changed).write_text(json.dumps(nb, indent=1) + "\n")
    (upstream / "notebooks" / "handout.md").write_text("# This week's handout\n")
    git("add", "notebooks", cwd=upstream)
    git("commit", "--quiet", "-m", "Week 2: erratum and handout", cwd=upstream)

    pull(url, token, query)
    assert STUDENT_EDIT in (course / "notebooks" / edited).read_text(), "the student's edit is lost"
    assert (course / "notebooks" / "handout.md").exists(), "the new file did not arrive"
    assert "Erratum: see slide 12." in (course / "notebooks" / changed).read_text()
