"""Fixtures for the browser tests (issue 8): one real `pipeline serve` on a loopback port,
Debian's Chromium driven by Playwright, and a screenshot of every page a clerk meets.

Nothing is built or installed here. The binary comes from `$PIPELINE_BINARY` (default
`.build/debug/pipeline`); `scripts/browser-tests` builds it first and
`scripts/install-browser-test-deps` installs Chromium, the Thai fonts, Playwright and pytest.
Playwright's own browser download is never used: Chromium is Debian's, `/usr/bin/chromium`.
"""
import contextlib
import os
import re
import signal
import subprocess
import tempfile
import threading
import time
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from helpers import ROOT, assert_security_headers

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Screenshots go to an ignored folder unless asked for docs/screenshots/ (scripts/browser-tests
# --update-screenshots), so that a CI run never changes tracked files.
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / ".build" / "browser-screenshots"))

VIEWPORTS = {
    # An office PC's screen, and a phone (the size of a common 6.1-inch phone, in CSS pixels).
    "desktop": dict(viewport={"width": 1366, "height": 768}),
    "phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
}

# The address `serve` prints once it listens: "http://127.0.0.1:PORT" or "127.0.0.1:PORT".
PRINTED_ADDRESS = re.compile(r"(?:https?://)?(127\.0\.0\.1|localhost):(\d+)")
START_DEADLINE_S = 60  # a debug binary on a loaded 2-core machine
STOP_DEADLINE_S = 30

# Playwright's auto-waiting `expect` polls until its deadline; a loaded machine needs more
# than the default 5 s, never a sleep.
expect.set_options(timeout=20_000)


def binary_path():
    """The `pipeline` binary under test: `$PIPELINE_BINARY`, else the debug build."""
    path = Path(os.environ.get("PIPELINE_BINARY", ROOT / ".build" / "debug" / "pipeline"))
    if not path.is_absolute():
        path = ROOT / path
    if not os.access(path, os.X_OK):
        pytest.exit(f"no pipeline binary at {path}: build it (scripts/browser-tests does) "
                    f"or set PIPELINE_BINARY", returncode=2)
    return path


class ServeProcess:
    """One `pipeline serve INBOX --state STATE --listen 127.0.0.1:0` child process.

    Its stdout and stderr are read by two threads from the start, so the child never blocks
    on a full pipe; the first address with a real port that either stream prints becomes
    `base_url`."""

    def __init__(self, binary, inbox, state, extra=()):
        self.inbox, self.state = Path(inbox), Path(state)
        self.output = []
        self._address = None
        self._printed = threading.Event()
        self.process = subprocess.Popen(
            [str(binary), "serve", str(inbox), "--state", str(state), "--listen", "127.0.0.1:0",
             "--schemas", str(ROOT / "schemas"), *extra],
            cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace")
        self._readers = [threading.Thread(target=self._read, args=(stream,), daemon=True)
                         for stream in (self.process.stdout, self.process.stderr)]
        for reader in self._readers:
            reader.start()
        deadline = time.monotonic() + START_DEADLINE_S
        while not self._printed.wait(0.1):
            if self.process.poll() is not None:
                raise RuntimeError(f"pipeline serve exited with {self.process.returncode} before "
                                   f"listening:\n{self.log()}")
            if time.monotonic() > deadline:
                self.process.kill()
                raise RuntimeError(f"pipeline serve printed no address within {START_DEADLINE_S} s:\n"
                                   f"{self.log()}")
        host, port = self._address
        self.base_url = f"http://{host}:{port}"

    def _read(self, stream):
        for line in stream:
            self.output.append(line)
            match = PRINTED_ADDRESS.search(line)
            if match and not self._printed.is_set() and int(match.group(2)) != 0:
                self._address = (match.group(1), int(match.group(2)))
                self._printed.set()

    def log(self):
        return "".join(self.output[-60:])

    def stop(self):
        """SIGTERM, then the exit status (the process is killed past the deadline)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(STOP_DEADLINE_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None
        finally:
            for reader in self._readers:
                reader.join(5)


@pytest.fixture(scope="session")
def pipeline():
    """The path of the `pipeline` binary under test."""
    return binary_path()


@pytest.fixture(scope="session")
def server(pipeline):
    """`pipeline serve` on a fresh temporary inbox and state, shared by the session; stopped
    with SIGTERM at the end, which must exit 0."""
    work = Path(tempfile.mkdtemp(prefix="pipeline-browser-"))
    inbox, state = work / "inbox", work / "state"
    inbox.mkdir()
    serve = ServeProcess(pipeline, inbox, state)
    try:
        yield serve
    finally:
        status = serve.stop()
        log = serve.log()
        shutil.rmtree(work, ignore_errors=True)
    assert status == 0, f"pipeline serve exited with {status} on SIGTERM (expected 0):\n{log}"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless. `--no-sandbox`: the tests may run as root (CI)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.exit(f"no Chromium at {CHROMIUM}: run scripts/install-browser-test-deps", returncode=2)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Clerk:
    """A clerk at one browser window: the page, every request it made, every dialog a page
    opened, and every response the server sent."""

    def __init__(self, context, server, viewport):
        self.context, self.server, self.viewport = context, server, viewport
        self.requests, self.dialogs, self.responses = [], [], []
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("response", lambda response: self.responses.append(response))
        self.page = context.new_page()
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def url(self, path):
        return self.server.base_url + path

    def go(self, path):
        """Opens `path` of the server and returns the main document's response."""
        return self.page.goto(self.url(path))

    def shot(self, name):
        """Keeps a full-page screenshot as SCREENSHOTS/NAME-VIEWPORT.png, then asserts that
        the page fits the window's width (nothing to scroll sideways on a phone)."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{self.viewport}.png"), full_page=True)
        page_width, window_width = self.page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]")
        assert page_width <= window_width, (
            f"{name} at {self.viewport}: the page is {page_width} px wide in a {window_width} px window")

    def foreign_requests(self):
        """Every request that went anywhere but the server's own origin."""
        origin = urlsplit(self.server.base_url)
        return [url for url in self.requests
                if (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)]


@contextlib.contextmanager
def open_clerk(browser, server, viewport):
    """A fresh browser context at one viewport, in Thai. Afterwards: not one request went to
    another origin, no page opened a dialog, and every answer of the server (pages, the
    stylesheet, downloads, redirects) carried the security headers."""
    context = browser.new_context(locale="th-TH", accept_downloads=True, **VIEWPORTS[viewport])
    context.set_default_timeout(30_000)
    clerk = Clerk(context, server, viewport)
    try:
        yield clerk
        assert clerk.foreign_requests() == [], "requests to another origin"
        assert clerk.dialogs == [], "a page opened a dialog"
        assert clerk.responses, "the test saw no answer from the server"
        for response in clerk.responses:
            if response.url.startswith(server.base_url):
                assert_security_headers(response.all_headers(), f"{response.status} {response.url}")
    finally:
        context.close()


@pytest.fixture(params=sorted(VIEWPORTS))
def clerk(request, browser, server):
    """A station clerk's browser at each viewport, on the shared server (`open_clerk`)."""
    with open_clerk(browser, server, request.param) as clerk:
        yield clerk
