"""End-to-end in a real headless Chromium (issue 15): the home page across dyads (period, who-to-whom,
event types, world map), the events page's filters and download buttons, the month view of a dyad with
period-wide bars, Swagger UI at /docs, and the 404 of an unknown actor. A live `volte serve` over a small
hand-built store (tests/serve/overview_store_data.py); no spaCy model needed. Screenshots go to
artifacts/ (gitignored)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
from live_server import CHROMIUM, RECORD_CSP_VIOLATIONS, chromium, local_page, screenshot, serving
from overview_store_data import overview_articles, overview_store

pytestmark = [
    pytest.mark.browser,
    pytest.mark.issue(15),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium (/usr/bin/chromium) is not installed"),
]
EVENTS = [e for coded in overview_articles() for e in coded.events]
PERIOD = "since=2026-03-01&until=2026-04-30"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = overview_store(tmp_path_factory.mktemp("overview") / "o.duckdb")
    with serving(path, tmp_path_factory.mktemp("serve") / "serve.log") as (base, _):
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh page that records CSP violations and every request; none may leave 127.0.0.1."""
    with local_page(browser) as tab:
        tab.add_init_script(RECORD_CSP_VIOLATIONS)
        yield tab


def _api_ids(server: str, query: str) -> set[str]:
    body = httpx.get(f"{server}/api/events?{query}&limit=1000", trust_env=False).json()
    return {e["event_id"] for e in body["events"]}


def _shown_ids(page: Any) -> set[str]:
    return set(page.eval_on_selector_all("#found tbody tr", "rows => rows.map(r => r.dataset.event)"))


@pytest.mark.parametrize(
    ("chart", "marks"),
    [
        ("pairs-chart", ".mark-rect path"),
        ("roots-chart", ".mark-rect path"),
        ("map-chart", ".mark-symbol path"),
        ("map-chart", ".mark-shape path"),
    ],
)
def test_home_charts_draw_svg_marks_under_the_csp(page: Any, server: str, chart: str, marks: str) -> None:
    page.goto(f"{server}/?{PERIOD}")
    page.wait_for_selector(f"#{chart}[data-rendered]")
    assert page.get_attribute(f"#{chart}", "data-rendered") == "true"
    assert page.locator(f"#{chart} svg {marks}").count() > 0
    assert page.evaluate("window.cspViolations") == []


def test_home_map_draws_one_circle_per_place_and_the_countries(page: Any, server: str) -> None:
    page.goto(f"{server}/?{PERIOD}")
    page.wait_for_selector("#map-chart[data-rendered=true]")
    places = {e.place for e in EVENTS if e.place}
    assert page.locator("#map-chart svg .mark-symbol path").count() == len(places)
    assert page.locator("#map-chart svg .mark-shape path").count() > 100  # the world's countries
    assert screenshot(page, "overview.png").stat().st_size > 10_000


def test_home_period_form_changes_the_overview(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    page.fill("#period input[name=since]", "2026-04-01")
    page.fill("#period input[name=until]", "2026-04-30")
    page.click("#period button[type=submit]")
    page.wait_for_url("**/?*since=2026-04-01*")
    assert page.locator("#window").inner_text() == "2026-04-01 to 2026-04-30"
    rows = page.locator("#pairs tbody tr td:first-child").all_text_contents()
    april = {f"{e.source[:3]} → {e.target[:3]}" for e in EVENTS if str(e.date) >= "2026-04-01"}
    assert {r.strip() for r in rows} == april
    page.wait_for_selector("#pairs-chart[data-rendered=true]")
    assert page.locator("#pairs-chart svg .mark-rect path").count() == len(april)


def test_home_period_select_sets_the_days(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    page.select_option("#period select[name=days]", "30")
    page.click("#period button[type=submit]")
    page.wait_for_url("**/?days=30*")
    since, until = page.locator("#window").inner_text().split(" to ")
    from datetime import date

    assert (date.fromisoformat(until) - date.fromisoformat(since)).days == 29


def test_home_pairs_bar_opens_its_dyad(page: Any, server: str) -> None:
    page.goto(f"{server}/?{PERIOD}")
    page.wait_for_selector("#pairs-chart[data-rendered=true]")
    page.locator("#pairs-chart svg .mark-rect path").first.click(force=True)
    page.wait_for_url("**/dyad/*/*")
    assert page.locator("h1").inner_text().count("↔") == 1
    page.wait_for_selector("#chart[data-rendered=true]")


def test_home_roots_bar_opens_its_events(page: Any, server: str) -> None:
    page.goto(f"{server}/?{PERIOD}")
    page.wait_for_selector("#roots-chart[data-rendered=true]")
    page.locator("#roots-chart svg .mark-rect path").first.click(force=True)
    page.wait_for_url("**/events?*root=*")
    root = page.url.split("root=", 1)[1][:2]
    assert _shown_ids(page) == {e.event_id for e in EVENTS if e.root == root}


def test_home_map_point_opens_the_events_of_its_place(page: Any, server: str) -> None:
    page.goto(f"{server}/?{PERIOD}")
    page.wait_for_selector("#map-chart[data-rendered=true]")
    page.locator("#map-chart svg .mark-symbol path").first.click(force=True)
    page.wait_for_url("**/events?*place=*")
    place = page.locator("#search input[name=place]").input_value()
    shown = _shown_ids(page)
    assert shown and shown == {e.event_id for e in EVENTS if e.place == place}
    assert all(cell == place for cell in page.locator("#found tbody tr td:nth-child(5)").all_inner_texts())


@pytest.mark.parametrize(
    ("control", "value", "query"),
    [
        ("select[name=root]", "19", "root=19"),
        ("select[name=quad_class]", "1", "quad_class=1"),
        ("select[name=plover]", "ACCUSE", "plover=ACCUSE"),
        ("input[name=place]", "Kyiv", "place=Kyiv"),
        ("input[name=code]", "13", "code=13"),
        ("input[name=source]", "ven", "source=VEN"),
        ("input[name=target]", "RUS", "target=RUS"),
        ("input[name=since]", "2026-03-06", "since=2026-03-06"),
        ("input[name=until]", "2026-03-02", "until=2026-03-02"),
        ("input[name=q]", "aid", "q=aid"),
    ],
)
def test_events_page_filter_changes_the_table(
    page: Any, server: str, control: str, value: str, query: str
) -> None:
    page.goto(f"{server}/events")
    everything = _shown_ids(page)
    if control.startswith("select"):
        page.select_option(f"#search {control}", value)
    else:
        page.fill(f"#search {control}", value)
    page.click("#search button[type=submit]")
    page.wait_for_url(f"**/events?*{query.split('=')[0]}=*")
    shown = _shown_ids(page)
    assert shown == _api_ids(server, query)
    assert shown and shown != everything


def _file_rows(fmt: str, path: Path) -> list[dict[str, Any]]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    if fmt == "json":
        return list(json.loads(path.read_text(encoding="utf-8")))
    cursor = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(path)])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
def test_events_page_download_button_returns_the_filtered_rows(
    page: Any, server: str, tmp_path: Path, fmt: str
) -> None:
    query = "quad_class=4&since=2026-03-01"
    page.goto(f"{server}/events?{query}")
    with page.expect_download() as download:
        page.click(f"#downloads a[data-format={fmt}]")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == f"volte-events.{fmt}"
    rows = _file_rows(fmt, path)
    assert {r["event_id"] for r in rows} == _shown_ids(page) == _api_ids(server, query)
    assert all(int(r["quad_class"]) == 4 for r in rows)


def test_dyad_page_month_bars_are_as_wide_as_their_month(page: Any, server: str) -> None:
    """RUS -> UKR has events in March and April: the March bar starts a month before the April bar, so
    its width is the distance between their left edges (a day-wide bar would be a 31st of it)."""
    page.goto(f"{server}/dyad/RUS/UKR?span=all")
    page.select_option("form.controls select[name=freq]", "month")
    page.click("form.controls button[type=submit]")
    page.wait_for_url("**freq=month*")
    page.wait_for_selector("#chart[data-rendered=true]")
    boxes = page.eval_on_selector_all(
        "#chart svg .concat_0_group .mark-rect path",
        "els => els.map(e => { const b = e.getBBox(); return [b.x, b.width]; })",
    )
    assert len(boxes) == 2, boxes
    (march_x, march_w), (april_x, _) = sorted(boxes)
    assert march_w == pytest.approx(april_x - march_x, rel=0.02)
    assert page.evaluate("window.cspViolations") == []


@pytest.mark.parametrize(("freq", "periods"), [("day", 37), ("week", 5)])
def test_dyad_page_bars_span_their_period(page: Any, server: str, freq: str, periods: int) -> None:
    """RUS -> UKR events on 2026-03-04 and 2026-04-10: 37 days, 5 weeks (Mondays 03-02 and 04-06) apart."""
    page.goto(f"{server}/dyad/RUS/UKR?span=all&freq={freq}")
    page.wait_for_selector("#chart[data-rendered=true]")
    boxes = page.eval_on_selector_all(
        "#chart svg .concat_0_group .mark-rect path",
        "els => els.map(e => { const b = e.getBBox(); return [b.x, b.width]; })",
    )
    (first_x, width), (last_x, _) = sorted(boxes)
    assert (last_x - first_x) / width == pytest.approx(periods, rel=0.02)


def test_dyad_page_of_an_unknown_actor_is_404_with_the_known_list(page: Any, server: str) -> None:
    response = page.goto(f"{server}/dyad/XYZ/USA")
    assert response.status == 404
    text = page.locator("main").inner_text()
    assert "E505" in text and "known" in text and "RUS" in text


def test_docs_page_runs_swagger_ui_from_vendored_files(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    page.click("header.top nav a:text('API')")
    page.wait_for_url("**/docs")
    page.wait_for_selector("#swagger-ui[data-rendered=true]")
    paths = page.locator("#swagger-ui .opblock-summary-path").all_inner_texts()
    assert {"/api/events", "/api/overview", "/api/places", "/api/events/download"} <= {
        p.replace("\u200b", "").strip() for p in paths
    }
    page.locator("#swagger-ui .opblock-summary-path", has_text="/api/overview").first.click()
    page.locator("#swagger-ui .try-out__btn").first.click()
    page.locator("#swagger-ui .execute").first.click()
    page.locator("#swagger-ui .responses-wrapper .response-col_status", has_text="200").first.wait_for()
    assert page.evaluate("window.cspViolations") == []
    assert screenshot(page, "docs.png").stat().st_size > 10_000
