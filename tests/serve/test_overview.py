"""The views across dyads in process (Starlette TestClient): /api/overview, /api/places, the event filters
by quad class, PLOVER type and place, filtered downloads, month series, /docs, and 404 for actors without
events. Expected figures are counted here from the hand-built articles, not copied from an answer."""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

from overview_store_data import overview_articles, overview_store

from volte.serve import routes
from volte.serve.app import create_app

HTML = {"accept": "text/html"}
EVENTS = [e for coded in overview_articles() for e in coded.events]

pytestmark = pytest.mark.issue(15)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = overview_store(tmp_path_factory.mktemp("overview") / "o.duckdb")
    with TestClient(create_app(path, token=""), base_url="http://127.0.0.1") as test_client:
        yield test_client


def _ids(client: TestClient, query: str) -> set[str]:
    body = client.get(f"/api/events?{query}&limit=1000").json()
    return {e["event_id"] for e in body["events"]}


@pytest.mark.parametrize(("since", "until"), [("2026-01-01", "2026-12-31"), ("2026-03-04", "2026-03-31")])
def test_overview_counts_dyads_by_quad_class_and_roots(client: TestClient, since: str, until: str) -> None:
    body = client.get(f"/api/overview?since={since}&until={until}").json()
    chosen = [e for e in EVENTS if since <= str(e.date) <= until]
    pairs = Counter((e.source[:3], e.target[:3], e.quad_class) for e in chosen)
    got = {
        (p["source"], p["target"], q): p[f"q{q}"] for p in body["pairs"] for q in (1, 2, 3, 4) if p[f"q{q}"]
    }
    assert got == dict(pairs)
    totals = [p["events"] for p in body["pairs"]]
    assert totals == sorted(totals, reverse=True)
    assert {r["root"]: r["events"] for r in body["roots"]} == Counter(e.root for e in chosen)
    assert all(r["name"] for r in body["roots"])


def test_overview_limit_and_bad_range(client: TestClient) -> None:
    assert len(client.get("/api/overview?limit=2").json()["pairs"]) == 2
    assert client.get("/api/overview?since=2026-03-05&until=2026-03-01").status_code == 422
    assert client.get("/api/overview?limit=201").status_code == 422


def test_places_lists_events_with_coordinates(client: TestClient) -> None:
    body = client.get("/api/places").json()
    expected = Counter(e.place for e in EVENTS if e.place_lat is not None)
    assert {p["name"]: p["events"] for p in body["places"]} == dict(expected)
    kyiv = next(p for p in body["places"] if p["name"] == "Kyiv")
    assert (kyiv["country"], round(kyiv["lat"]), round(kyiv["lon"])) == ("UKR", 50, 31)
    later = client.get("/api/places?since=2026-03-05").json()["places"]
    assert {p["name"] for p in later} == {e.place for e in EVENTS if e.place and str(e.date) >= "2026-03-05"}


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("quad_class=4", lambda e: e.quad_class == 4),
        ("plover=assault", lambda e: e.plover == "ASSAULT"),
        ("place=kyiv", lambda e: e.place == "Kyiv"),
        ("place=VEN", lambda e: e.place_country == "VEN"),
        ("quad_class=1&place=Bogota", lambda e: e.quad_class == 1 and e.place == "Bogota"),
    ],
)
def test_events_filter_by_quad_class_plover_and_place(client: TestClient, query: str, keep: Any) -> None:
    expected = {e.event_id for e in EVENTS if keep(e)}
    assert expected and _ids(client, query) == expected


@pytest.mark.parametrize("query", ["quad_class=5", "plover=A1", "place=x"])
def test_events_refuse_bad_new_filters(client: TestClient, query: str) -> None:
    assert client.get(f"/api/events?{query}").status_code == 422


def _rows(fmt: str, content: bytes, tmp_path: Path) -> list[dict[str, Any]]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(content.decode())))
    if fmt == "json":
        return list(json.loads(content))
    path = tmp_path / "x.parquet"
    path.write_bytes(content)
    cursor = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(path)])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "json"])
@pytest.mark.parametrize("query", ["source=RUS", "root=19&since=2026-03-05", "q=kyiv", ""])
def test_download_holds_the_filtered_events(client: TestClient, tmp_path: Path, fmt: str, query: str) -> None:
    response = client.get(f"/api/events/download?{query}&format={fmt}")
    assert response.status_code == 200, response.text
    assert f"volte-events.{fmt}" in response.headers["content-disposition"]
    rows = _rows(fmt, response.content, tmp_path)
    assert {r["event_id"] for r in rows} == _ids(client, query)
    assert len(rows) == len({r["event_id"] for r in rows})


def test_download_over_the_limit_is_422(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routes, "DOWNLOAD_LIMIT", 2)
    response = client.get("/api/events/download?format=csv")
    assert response.status_code == 422 and response.json()["code"] == "E102"
    assert "download limit" in response.json()["error"]
    assert client.get("/api/events/download?format=csv&source=VEN").status_code == 200


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events/download?format=xlsx", 422),
        ("/api/events/download", 422),
        ("/api/events/download?format=csv&source=XYZ", 404),
        ("/api/events/download?format=csv&sorce=RUS", 422),
    ],
)
def test_download_errors(client: TestClient, url: str, status: int) -> None:
    assert client.get(url).status_code == status


def test_month_series_has_one_point_per_month(client: TestClient) -> None:
    body = client.get("/api/dyads/RUS/UKR/series?freq=month").json()
    months = Counter(str(e.date)[:7] for e in EVENTS if e.source[:3] == "RUS" and e.target[:3] == "UKR")
    assert [p["date"][:7] for p in body["points"]] == sorted(months)
    assert [p["events"] for p in body["points"]] == [months[m] for m in sorted(months)]
    assert all(p["date"].endswith("-01") for p in body["points"])


def test_dyad_page_month_bars_span_their_month(client: TestClient) -> None:
    html = client.get("/dyad/RUS/UKR?freq=month&span=all", headers=HTML).text
    spec = json.loads(html.split('id="chart-spec">', 1)[1].split("</script>", 1)[0])
    bars = spec["vconcat"][0]["layer"][0]
    assert bars["encoding"]["x2"] == {"field": "end"}
    assert {(v["date"], v["end"]) for v in bars["data"]["values"]} == {
        ("2026-03-01", "2026-04-01"),
        ("2026-04-01", "2026-05-01"),
    }


@pytest.mark.parametrize("url", ["/dyad/XYZ/USA", "/dyad/RUS/XYZ", "/dyad/xyz/rus?freq=week"])
def test_dyad_page_of_an_unknown_actor_is_404_with_the_known_list(client: TestClient, url: str) -> None:
    response = client.get(url, headers=HTML)
    assert response.status_code == 404
    assert "E505" in response.text and "known" in response.text and "RUS" in response.text


def test_dyad_page_of_an_actor_known_only_as_target_opens(client: TestClient) -> None:
    assert client.get("/dyad/SOM/KEN", headers=HTML).status_code == 200


def test_docs_page_serves_swagger_from_this_server(client: TestClient) -> None:
    response = client.get("/docs", headers=HTML)
    assert response.status_code == 200
    sources = [part.split('"', 1)[0] for part in response.text.split('src="')[1:]]
    links = [part.split('"', 1)[0] for part in response.text.split('href="')[1:]]
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in sources
    assert all(u.startswith("/") or u.startswith("data:") for u in sources + links), sources + links
    assert "<script>" not in response.text  # the CSP refuses inline scripts
    for asset in sources + [u for u in links if u.startswith("/static/")]:
        assert client.get(asset).status_code == 200, asset


def test_openapi_lists_the_new_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/overview", "/api/places", "/api/events/download"} <= set(paths)
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"quad_class", "plover", "place"} <= names


@pytest.mark.parametrize(
    ("url", "keep"),
    [
        ("/events?root=19", lambda e: e.root == "19"),
        ("/events?quad_class=1", lambda e: e.quad_class == 1),
        ("/events?plover=ACCUSE", lambda e: e.plover == "ACCUSE"),
        ("/events?place=Nairobi", lambda e: e.place == "Nairobi"),
        ("/events?code=13", lambda e: e.code.startswith("13")),
        ("/events?root=&quad_class=&plover=&place=", lambda e: True),
    ],
)
def test_events_page_filters_and_links_downloads(client: TestClient, url: str, keep: Any) -> None:
    html = client.get(url, headers=HTML).text
    shown = {part.split('"', 1)[0] for part in html.split('data-event="')[1:]}
    assert shown == {e.event_id for e in EVENTS if keep(e)}
    query = url.split("?", 1)[1]
    kept = "&".join(p for p in query.split("&") if not p.endswith("="))
    for fmt in ("csv", "parquet", "json"):
        href = f"/api/events/download?{kept + '&' if kept else ''}format={fmt}"
        assert f'href="{href.replace("&", "&amp;")}"' in html, href


@pytest.mark.parametrize(
    ("query", "window"),
    [
        ("since=2026-04-01&until=2026-04-30", "2026-04-01 to 2026-04-30"),
        ("until=2026-03-04&days=3", "2026-03-02 to 2026-03-04"),
    ],
)
def test_home_period_chooses_the_overview(client: TestClient, query: str, window: str) -> None:
    html = client.get(f"/?{query}", headers=HTML).text
    assert window in html
    since, until = window.split(" to ")
    spec = json.loads(html.split('id="pairs-spec">', 1)[1].split("</script>", 1)[0])
    dyads = {v["dyad"] for v in spec["data"]["values"]}
    assert dyads == {f"{e.source[:3]} → {e.target[:3]}" for e in EVENTS if since <= str(e.date) <= until}


@pytest.mark.parametrize(
    "query",
    [
        "until=0001-01-02&days=30",
        "since=9999-12-30&days=30",
        "days=36600",
        "since=0001-01-01&until=9999-12-31",
    ],
)
def test_home_period_at_the_ends_of_the_calendar_is_not_a_crash(client: TestClient, query: str) -> None:
    response = client.get(f"/?{query}", headers=HTML)
    assert response.status_code in (200, 422), response.text
