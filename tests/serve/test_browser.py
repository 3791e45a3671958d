"""End-to-end: a live `volte serve` on a free local port, driven by Debian's headless Chromium through
Playwright (never `playwright install`). The store holds the bundled demo articles, coded for real.

Screenshots of the home and dyad pages are written to artifacts/ (gitignored) for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import CHROMIUM, RECORD_CSP_VIOLATIONS, chromium, free_port, local_page, screenshot, serving

# Written for this test (not from any corpus): one denunciation, then a call and an agreed meeting.
PARAGRAPH = (
    "Bogota, January 7. Colombia's president accused the United States of violating international law "
    "on Sunday. On Wednesday the Colombian president spoke by phone with the US president and agreed to "
    "meet him at the White House."
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `volte demo --db PATH` builds: the bundled articles, coded for real."""
    from volte.demo import run_demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    run_demo(path)
    return path


@pytest.fixture(scope="module")
def server(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`volte serve` in a subprocess (read-only: no VOLTE_TOKEN), stopped after the module's tests."""
    with serving(demo_store, tmp_path_factory.mktemp("serve") / "serve.log") as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that records every request it makes; after the test none may leave 127.0.0.1."""
    with local_page(browser) as tab:
        yield tab


def test_home_lists_the_col_usa_thaw(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    rows = page.locator("#shifts tbody tr")
    assert rows.count() > 0
    texts = [rows.nth(i).inner_text() for i in range(rows.count())]
    assert any("COL" in t and "USA" in t and "thaw" in t for t in texts), texts
    assert page.locator("#dyads tbody tr").count() > 0
    assert screenshot(page, "home.png").stat().st_size > 10_000


def test_dyad_page_draws_points_and_shows_the_thaw(page: Any, server: str) -> None:
    page.goto(f"{server}/dyad/COL/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    assert page.locator("#chart svg .mark-symbol path").count() > 0  # the mean-Goldstein points
    assert page.locator("#chart svg .mark-rect path").count() > 0  # the quad-class bars
    reversals = page.locator("#reversals li").all_inner_texts()
    assert any("thaw" in r and "2026-01-07" in r and "COL" in r for r in reversals), reversals
    assert page.locator("#chart svg .mark-text text").filter(has_text="thaw 2026-01-07").count() > 0
    assert screenshot(page, "dyad.png").stat().st_size > 10_000


def test_dyad_page_clicking_an_event_shows_its_sentence(page: Any, server: str) -> None:
    expected = httpx.get(
        f"{server}/api/events?source=COL&target=USA&since=2026-01-04&until=2026-01-04&limit=1"
    ).json()["events"]
    assert expected, "the demo data should hold a COL->USA event on 2026-01-04"
    page.goto(f"{server}/dyad/COL/USA")
    event = page.locator(f"#ev-{expected[0]['event_id']}")
    sentence = event.locator("blockquote.sentence")
    assert not sentence.is_visible()
    event.locator("summary").click()
    assert sentence.is_visible()
    assert sentence.inner_text().strip() == expected[0]["sentence"].strip()
    assert page.locator("#detail blockquote.sentence").inner_text().strip() == expected[0]["sentence"].strip()
    assert (
        page.locator("#detail a").first.get_attribute("href").startswith(f"/article/{expected[0]['doc_id']}")
    )


def test_dyad_page_clicking_a_chart_point_lists_its_sentences(page: Any, server: str) -> None:
    page.goto(f"{server}/dyad/COL/USA")
    page.wait_for_selector("#chart[data-rendered=true]")
    bars = page.locator("#chart svg .mark-rect path")
    bars.first.click(force=True)
    items = page.locator("#detail ol.sentences li")
    items.first.wait_for()
    assert items.count() > 0
    assert items.first.locator("blockquote.sentence").inner_text().strip()
    assert items.first.locator("a").get_attribute("href").startswith("/article/")


def test_article_page_highlights_spans(page: Any, server: str) -> None:
    event = httpx.get(f"{server}/api/events?source=COL&target=USA&limit=1").json()["events"][0]
    page.goto(f"{server}/article/{event['doc_id']}")
    assert page.locator("#article-text mark.trigger").count() > 0
    assert page.locator(f"#coded-events #ev-{event['event_id']}").count() == 1


def test_code_page_returns_events_for_a_pasted_paragraph(page: Any, server: str) -> None:
    before = httpx.get(f"{server}/api/events?limit=1").json()["total"]
    page.goto(f"{server}/code")
    page.fill("textarea[name=text]", PARAGRAPH)
    page.fill("input[name=date]", "2026-01-07")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector(
        "#coded-events tbody tr, p.error", timeout=120_000
    )  # the server loads spaCy on first use
    assert page.locator("p.error").count() == 0, page.locator("p.error").inner_text()
    rows = page.locator("#coded-events tbody tr").all_inner_texts()
    assert rows and any("COL" in r for r in rows), rows
    assert page.locator("#result .ok").count() == 0  # no token given: nothing stored
    assert httpx.get(f"{server}/api/events?limit=1").json()["total"] == before




@pytest.mark.issue(16)
def test_dyad_chart_draws_under_the_csp_without_violations(page: Any, server: str) -> None:
    """The CSP allows no eval and no inline style: the chart still draws (Vega's expression interpreter,
    vega-embed's CSS from a file), on a real time axis, with working tooltips, and nothing is blocked."""
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    response = page.goto(f"{server}/dyad/COL/USA")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe" not in policy
    page.wait_for_selector("#chart[data-rendered=true]")
    bars = page.eval_on_selector_all("#chart svg .mark-rect path", "els => els.map(e => e.getAttribute('d'))")
    assert len({d.split(",")[0] for d in bars}) > 1, bars  # an invalid time domain stacks every bar at x=0
    assert page.locator("#chart svg .role-axis-label text").filter(has_text="Jan").count() > 0
    page.locator("#chart svg .mark-symbol path").first.hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible")
    assert page.eval_on_selector("#vg-tooltip-element", "e => getComputedStyle(e).position") == "fixed"
    assert page.evaluate("window.cspViolations") == []


@pytest.mark.issue(16)
def test_code_form_posted_from_another_origin_is_refused(page: Any, server: str) -> None:
    """A page on another origin (here another port of 127.0.0.1, served by Playwright) auto-submits a form
    to POST /code: the browser sends that page's Origin, and the server answers 403 without coding."""
    other = f"http://127.0.0.1:{free_port()}"
    form = (
        f'<form id="f" method="post" action="{server}/code"><input name="text" value="{PARAGRAPH}"></form>'
        "<script>document.getElementById('f').submit()</script>"
    )
    page.route(f"{other}/form.html", lambda route: route.fulfill(content_type="text/html", body=form))
    with page.expect_response(f"{server}/code") as answer:
        page.goto(f"{other}/form.html")
    assert answer.value.status == 403
    assert answer.value.request.header_value("origin") == other
    assert "E603" in page.content()
