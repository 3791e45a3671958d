"""A live `volte serve` for end-to-end tests, and the headless Chromium that drives it (shared by the
browser tests and the range probe; imported by them as a plain module, like serve_store_data)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(
    db: Path, log_path: Path, *, extra: tuple[str, ...] = (), token: str | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`volte serve --db DB [extra...]` in a subprocess on a free 127.0.0.1 port (read-only unless ``token``
    is given as its VOLTE_TOKEN); yields (base URL, process) once /api/health answers, and stops the server
    afterwards."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "VOLTE_TOKEN"}
    if token is not None:
        env["VOLTE_TOKEN"] = token
    args = ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), *extra]
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "volte", *args], stdout=log, stderr=subprocess.STDOUT, env=env
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base, proc)
            yield base, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def wait_until_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"volte serve exited with {proc.returncode} before answering")
        try:
            if httpx.get(f"{base}/api/health", timeout=2, trust_env=False).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError("volte serve did not answer /api/health within 60 s")


#: an init script: every Content-Security-Policy violation of the page, in window.cspViolations
RECORD_CSP_VIOLATIONS = (
    "window.cspViolations = [];"
    "document.addEventListener('securitypolicyviolation', e =>"
    " window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile));"
)


@contextmanager
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium through Playwright (never `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def local_page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every request it makes; after use none may have left 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    yield tab
    context.close()
    outside = [
        u
        for u in requested
        if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).hostname != "127.0.0.1"
    ]
    assert requested and not outside, f"requests outside 127.0.0.1: {outside}"


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path
