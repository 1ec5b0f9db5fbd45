"""Fixtures for the real-browser tests: one Jupyter server and one headless Chromium per run."""

from __future__ import annotations

import os

import pytest
from jupyter_browser import CHROMIUM, CHROMIUM_ARGS, FIXTURES, NOTEBOOKS, SCREENSHOTS, JupyterServer

TIMINGS: list[str] = []


@pytest.fixture(scope="session")
def server():
    with JupyterServer({"notebooks": NOTEBOOKS, "fixtures": FIXTURES}) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (Debian's build; "
                    "never `playwright install`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright's Python package is missing: `make test-browser` installs it "
                    "(pip install -r tests/browser/requirements.txt; no browser download)")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh browser context; afterwards every kernel is shut down."""
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    tab = context.new_page()
    yield tab
    context.close()
    server.shutdown_kernels()


@pytest.fixture
def timings():
    return TIMINGS


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("browser timings: Run All Cells -> all widgets rendered")
        for line in TIMINGS:
            terminalreporter.write_line(line)
