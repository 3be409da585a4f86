"""A real browser for the tests: headless Chromium from Debian, driven through Selenium WebDriver.

`browser` (a pytest fixture, one per test session and xdist worker) is a `selenium.webdriver.Chrome`
running `/usr/bin/chromium` through `/usr/bin/chromedriver` (Debian packages `chromium` and
`chromium-driver`; `make test` installs them with apt-get when run as root), with a fresh profile
in a temporary folder and the flags below: headless, no sandbox (root in a container), and no
network of its own (no component updates, no sync, no background requests). Both paths are given
explicitly, so Selenium Manager is never asked to find or download a driver or a browser.

`serve_folder(folder)` serves files on 127.0.0.1 with a free port from a thread (the standard
library's http.server), for pages made by the tests; an app under test is pointed at the same way.
Conftest imports this module's fixtures.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")
PAGE_LOAD_SECONDS = 60


def missing_browser() -> str | None:
    """What to install when Chromium or its driver is missing (one line), else None."""
    absent = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.is_file()]
    if not absent:
        return None
    return (f"the browser tests need {' and '.join(absent)}; run: sudo apt-get install -y chromium "
            "chromium-driver (make test does it when run as root)")


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """A headless Chromium WebDriver with a fresh profile (see the module docstring); quit at the end."""
    problem = missing_browser()
    if problem:
        pytest.fail(problem, pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(PAGE_LOAD_SECONDS)
    try:
        yield driver
    finally:
        driver.quit()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's signature
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` over HTTP on 127.0.0.1 (a free port) from a thread; yields the base URL
    (ending in "/"); the server is shut down on exit."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
