"""End-to-end in a real headless Chromium (issue 14): the page of a reversal, reached from the home page
and from the dyad chart's marker, and a home page whose window ends at today even though the store holds
one future-dated event. A live `volte serve` on a free port over the demo store plus that one event.
Screenshots go to artifacts/ (gitignored)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _free_port, _wait_until_up

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.issue(14),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
FUTURE = "2099-03-01"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, plus one hand-built article whose only event is dated to a plan in 2099."""
    from serve_store_data import Coded
    from test_shift_views import _article

    from volte.demo import run_demo
    from volte.store.db import Store

    path = tmp_path_factory.mktemp("demo-future") / "demo.duckdb"
    run_demo(path)
    plan = _article(
        "plan-2099",
        FUTURE,
        "https://a.example/plan",
        [("BRAGOV", "036", "ARGGOV", "Brazil will meet Argentina.")],
    )
    assert isinstance(plan, Coded)
    with Store(path) as store:
        store.ingest([plan])
    return path


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "VOLTE_TOKEN"}
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w")
    args = ["serve", "--db", str(store_path), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "volte", *args], stdout=log, stderr=subprocess.STDOUT, env=env
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
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


def _screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_home_ignores_the_future_dated_event_and_links_to_the_shift(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    window = page.locator("#window").inner_text()
    until = window.split(" to ")[1]
    assert until <= date.today().isoformat() and until < FUTURE, window
    rows = page.locator("#shifts tbody tr")
    assert rows.count() > 0
    link = page.locator('#shifts a[href="/shift/COL-USA-2026-01-07-thaw"]').first
    assert _screenshot(page, "home-window.png").stat().st_size > 10_000
    link.click()
    page.wait_for_url("**/shift/COL-USA-2026-01-07-thaw")
    assert page.locator("h1").inner_text().startswith("thaw COL → USA, 2026-01-07")


def test_shift_page_draws_the_windows_and_links_the_evidence(page: Any, server: str) -> None:
    page.goto(f"{server}/shift/COL-USA-2026-01-07-thaw")
    page.wait_for_selector("#chart[data-rendered=true]")
    # the before and after bands: two rects in the window colours, behind the bars
    fills = page.locator("#chart svg .mark-rect path").evaluate_all(
        "els => els.map(e => e.getAttribute('fill'))"
    )
    assert "#fcbba1" in fills and "#c7e9c0" in fills, fills
    assert page.locator("#chart svg .mark-text text").filter(has_text="before 12-31..01-06").count() > 0
    score = page.locator("#score").inner_text()
    assert "Threshold" in score and "Score / threshold" in score
    assert "calibration" in page.locator("#calibration").inner_text()
    before = page.locator(".evidence.before li")
    after = page.locator(".evidence.after li")
    assert before.count() > 0 and after.count() > 0
    href = after.first.locator("a").get_attribute("href")
    assert href.startswith("/article/") and "#ev-" in href
    assert _screenshot(page, "shift.png").stat().st_size > 10_000
    after.first.locator("a").click()
    page.wait_for_url("**/article/**")
    assert page.locator("body").inner_text().strip()


def test_dyad_chart_marker_opens_the_shift_page(page: Any, server: str) -> None:
    page.goto(f"{server}/dyad/COL/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    page.locator("#chart svg .mark-text text").filter(has_text="thaw 2026-01-07").first.click(force=True)
    page.wait_for_url("**/shift/*-2026-01-07-thaw")
    assert "/shift/" in page.url and page.locator("#shift-id").inner_text().endswith("2026-01-07-thaw")
