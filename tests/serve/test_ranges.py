"""Issue 16 at the HTTP edge, in process: unbounded date ranges get a bounded answer or a coded 422, absurd
publication dates a 422 E211, and a Host header outside the allow-list a 400 (DNS rebinding)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serve_store_data import Coded, _event, coded_articles
from test_api import TOKEN, assert_error

from volte.records import Article
from volte.serve.app import create_app
from volte.settings import ServeSettings, Settings, StoreSettings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

LOCAL = "http://127.0.0.1"
HTML = {"accept": "text/html"}
RANGES = [
    "/api/dyads/COL/USA/series?since=0001-01-01&until=9999-12-31",
    "/api/dyads/COL/USA/series?since=0001-01-01&until=9999-12-31&freq=week",
    "/api/dyads/COL/USA/series?until=9999-12-31",
    "/api/shifts?until=9999-12-31",
    "/api/shifts?since=0001-01-01",
    "/api/events?since=0001-01-01&until=9999-12-31",
    "/dyad/COL/USA?since=0001-01-01&until=2026-12-31",
    "/dyad/COL/USA?since=0001-01-01&until=9999-12-31&freq=week",
    "/dyad/COL/USA?span=all&until=9999-12-31",
]


ANCIENT_TEXT = "Brasilia, January 1. Brazil's president praised Argentina's president."


def _ancient() -> Coded:
    """An article stored before dates were checked: dated 0001-01-01, on another dyad."""
    spec = ("BRAGOV", "051", "ARGGOV", "praised", "Brazil's president", "Argentina's president")
    article = Article(id="old", text=ANCIENT_TEXT, url=None, title="old", published=date(1, 1, 1))
    return Coded(article=article, events=(_event("old", "0001-01-01", ANCIENT_TEXT, spec),))


def _store(path: Path, *, ancient: bool = False) -> Path:
    from volte.store.db import Store

    with Store(path) as store:
        store.ingest([*coded_articles(), *([_ancient()] if ancient else [])])
    return path


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = _store(tmp_path_factory.mktemp("ranges") / "r.duckdb")
    with TestClient(create_app(path, token=""), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def ancient(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A store written before dates were checked: one event on 0001-01-01 (another dyad)."""
    path = _store(tmp_path_factory.mktemp("ancient") / "a.duckdb", ancient=True)
    with TestClient(create_app(path, token=""), base_url=LOCAL) as test_client:
        yield test_client


@pytest.mark.issue(16)
@pytest.mark.parametrize("url", RANGES)
def test_ranges_wide_ranges_get_a_bounded_answer(client: TestClient, url: str) -> None:
    response = client.get(url, headers=HTML if url.startswith("/dyad") else {})
    assert response.status_code == 200, response.text[:300]
    assert len(response.content) < 1_000_000
    if "/series" in url:
        dates = [p["date"] for p in response.json()["points"]]  # weeks start on Monday: 2025-12-29
        assert 1 <= len(dates) <= 4 and "2025-12-29" <= dates[0] and dates[-1] <= "2026-01-07"


@pytest.mark.issue(16)
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bounds=st.tuples(st.dates(), st.dates()).map(sorted), freq=st.sampled_from(["day", "week"]))
def test_ranges_series_of_any_range_stays_in_the_stored_dates(
    client: TestClient, bounds: list[date], freq: str
) -> None:
    since, until = bounds
    response = client.get(f"/api/dyads/COL/USA/series?since={since}&until={until}&freq={freq}")
    assert response.status_code == 200
    assert len(response.json()["points"]) <= 4


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "url",
    [
        "/api/dyads/COL/USA/series?since=0001-01-01&until=9999-12-31",
        "/api/dyads/BRA/ARG/series?until=2026-01-07",
        "/api/shifts",
        "/api/shifts?until=9999-12-31",
    ],
)
def test_ranges_over_the_cap_are_422_e103(ancient: TestClient, url: str) -> None:
    assert_error(ancient.get(url), 422, code="E103", says="store.max_points")


@pytest.mark.issue(16)
def test_ranges_over_the_cap_on_the_dashboard_is_an_html_422(ancient: TestClient) -> None:
    response = ancient.get("/dyad/COL/USA?since=0001-01-01&until=2026-12-31", headers=HTML)
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "E103" in response.text


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "url", ["/", "/dyad/COL/USA", "/api/shifts?since=2026-01-01", "/api/dyads/COL/USA/series"]
)
def test_ranges_recent_views_of_a_wide_store_still_work(ancient: TestClient, url: str) -> None:
    assert ancient.get(url, headers=HTML if not url.startswith("/api") else {}).status_code == 200


@pytest.mark.issue(16)
def test_ranges_max_points_setting_is_honoured(tmp_path: Path) -> None:
    settings_ = Settings(store=StoreSettings(max_points=2))
    with TestClient(
        create_app(_store(tmp_path / "s.duckdb"), settings=settings_, token=""), base_url=LOCAL
    ) as c:
        assert_error(c.get("/api/dyads/COL/USA/series"), 422, code="E103", says="over the limit of 2 points")
        assert c.get("/api/dyads/COL/USA/series?freq=week").status_code == 200


# --- publication dates --------------------------------------------------------------------------------


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(_store(tmp_path / "w.duckdb"), token=TOKEN), base_url=LOCAL) as test_client:
        yield test_client


@pytest.mark.issue(16)
@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "9999-12-31"])
@pytest.mark.parametrize("as_json", [True, False])
def test_ranges_post_with_an_absurd_date_is_422_e211(writer: TestClient, day: str, as_json: bool) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "Colombia's president accused the United States of violating international law."
    if as_json:
        response = writer.post("/api/articles", json={"id": "old", "date": day, "text": text}, headers=auth)
    else:
        response = writer.post(
            f"/api/articles?id=old&date={day}", content=text, headers={**auth, "content-type": "text/plain"}
        )
    assert_error(response, 422, code="E211", says=day)


# --- Host header --------------------------------------------------------------------------------------


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example:8000", ""]
)
@pytest.mark.parametrize("path", ["/api/health", "/api/dyads/COL/USA/series", "/api/shifts"])
def test_ranges_foreign_host_header_is_400(client: TestClient, host: str, path: str) -> None:
    assert_error(client.get(path, headers={"host": host}), 400, code="E600", says="serve.allowed_hosts")


@pytest.mark.issue(16)
def test_ranges_foreign_host_on_a_dashboard_page_is_400(client: TestClient) -> None:
    response = client.get("/dyad/COL/USA", headers={**HTML, "host": "evil.example"})
    assert response.status_code == 400 and "E600" in response.text


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8123", "LOCALHOST", "[::1]:8000", "[::1]"]
)
def test_ranges_local_host_headers_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/health", headers={"host": host}).status_code == 200


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("serve", "host", "status"),
    [
        (ServeSettings(host="10.1.2.3"), "10.1.2.3:8000", 200),
        (ServeSettings(host="10.1.2.3"), "10.9.9.9:8000", 400),
        (ServeSettings(allowed_hosts=("volte.lan",)), "volte.lan:8000", 200),
        (ServeSettings(allowed_hosts=("volte.lan",)), "localhost:8000", 400),
        (ServeSettings(allowed_hosts=("*",)), "anything.example", 200),
        (ServeSettings(allowed_hosts=("::1",)), "[::1]:8000", 200),
    ],
)
def test_ranges_allowed_hosts_setting_and_bound_host(
    tmp_path: Path, serve: ServeSettings, host: str, status: int
) -> None:
    app = create_app(tmp_path / "absent.duckdb", settings=Settings(serve=serve), token="")
    with TestClient(app, base_url=LOCAL) as test_client:
        assert test_client.get("/api/health", headers={"host": host}).status_code == status
