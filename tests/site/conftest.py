"""Checks of what `make site` and `make lite` build, and of nbgitpuller: `make test-site`.

They need the built sites, Playwright and nbgitpuller (requirements-site.txt), so `make unit`
leaves this folder out: it is collected only with COURSE_SITE_TESTS=1, which
`make test-site` sets. The built sites are served from build/ on 127.0.0.1 (the website at
/site/, JupyterLite at /lite/, as they would be deployed side by side) and opened in
Debian's headless Chromium; a request to any other host is refused and reported.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
SCREENSHOTS = BUILD / "screenshots"

if not os.environ.get("COURSE_SITE_TESTS"):
    collect_ignore_glob = ["test_*.py"]


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url():
    """build/ over HTTP on 127.0.0.1; the URL ends with a slash."""
    for site in ("site/index.html", "lite/index.html"):
        if not (BUILD / site).exists():
            pytest.fail(f"build/{site} is missing: run `make site lite` first")
    handler = functools.partial(QuietHandler, directory=str(BUILD))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from jupyter_browser import CHROMIUM, CHROMIUM_ARGS

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (never "
                    "`playwright install`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A browser tab that refuses, and records, every request to a host other than ours."""

    def __init__(self, browser, base_url: str, width: int = 1280, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.set_default_timeout(30_000)
        self.outside: list[str] = []
        self.failed: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("response", self._response)
        self.base_url = base_url

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _response(self, response):
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    tabs = []

    def open_tab(**size):
        tab = Visit(browser, base_url, **size)
        tabs.append(tab)
        return tab

    yield open_tab
    for tab in tabs:
        tab.close()
