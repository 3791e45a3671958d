"""End-to-end in a real headless Chromium (issue 14): the page of a reversal, reached from the home page
and from the dyad chart's marker, and a home page whose window ends at today even though the store holds
one future-dated event. A live `volte serve` on a free port over the demo store plus that one event.
Screenshots go to artifacts/ (gitignored)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from live_server import CHROMIUM, RECORD_CSP_VIOLATIONS, chromium, local_page, screenshot, serving

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
    with serving(store_path, tmp_path_factory.mktemp("serve") / "serve.log") as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    with local_page(browser) as tab:
        yield tab


def test_home_ignores_the_future_dated_event_and_links_to_the_shift(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    window = page.locator("#window").inner_text()
    until = window.split(" to ")[1]
    assert until <= date.today().isoformat() and until < FUTURE, window
    rows = page.locator("#shifts tbody tr")
    assert rows.count() > 0
    link = page.locator('#shifts a[href="/shift/COL-USA-2026-01-07-thaw"]').first
    assert screenshot(page, "home-window.png").stat().st_size > 10_000
    link.click()
    page.wait_for_url("**/shift/COL-USA-2026-01-07-thaw")
    assert page.locator("h1").inner_text().startswith("thaw COL → USA, 2026-01-07")


def test_shift_page_draws_the_windows_and_links_the_evidence(page: Any, server: str) -> None:
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(f"{server}/shift/COL-USA-2026-01-07-thaw")
    page.wait_for_selector("#chart[data-rendered=true]")
    assert page.evaluate("window.cspViolations") == []  # Vega interprets its expressions: no eval
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
    assert screenshot(page, "shift.png").stat().st_size > 10_000
    after.first.locator("a").click()
    page.wait_for_url("**/article/**")
    assert page.locator("body").inner_text().strip()


def test_dyad_chart_marker_opens_the_shift_page(page: Any, server: str) -> None:
    page.goto(f"{server}/dyad/COL/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    page.locator("#chart svg .mark-text text").filter(has_text="thaw 2026-01-07").first.click(force=True)
    page.wait_for_url("**/shift/*-2026-01-07-thaw")
    assert "/shift/" in page.url and page.locator("#shift-id").inner_text().endswith("2026-01-07-thaw")
