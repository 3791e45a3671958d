"""The HTTP API in process (Starlette TestClient): every endpoint and every error path, with the one error
shape asserted each time. The store is built in a tmp dir from hand-built events."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

from serve_store_data import BOGOTA, coded_articles

from volte.serve.app import create_app
from volte.settings import ServeSettings, Settings

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from volte.store.db import Store

    path = tmp_path_factory.mktemp("store") / "api.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles())
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, token=""), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture
def writer_client(tmp_path: Path) -> Iterator[TestClient]:
    """A server with write access over a fresh copy of the store, and a 2 KB body limit."""
    from volte.store.db import Store

    path = tmp_path / "w.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles())
    settings = Settings(serve=ServeSettings(max_body_bytes=2048))
    with TestClient(
        create_app(path, settings=settings, token=TOKEN), base_url="http://127.0.0.1"
    ) as test_client:
        yield test_client


def assert_error(response: Any, status: int, *, code: str | None = None, says: str = "") -> dict[str, Any]:
    """The one error shape: exactly ok/error/code/status, with a coded, non-empty message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "code", "status"}
    assert body["ok"] is False and body["status"] == status
    assert re.fullmatch(r"E\d{3}", body["code"]), body
    assert body["error"].strip()
    if code:
        assert body["code"] == code, body
    assert says.lower() in body["error"].lower(), body
    return body


# --- reads -------------------------------------------------------------------------------------------


def test_health_reports_store_and_write_mode(client: TestClient, store_path: Path) -> None:
    body = client.get("/api/health").json()
    assert body["ok"] is True
    assert body["store"] == {"path": str(store_path), "readable": True, "error": None}
    assert body["writes"] is False


@pytest.mark.parametrize(
    ("query", "expected_docs"),
    [
        ("", {"wire-0104", "wire-0105", "wire-0107"}),
        ("source=COL", {"wire-0104", "wire-0107"}),
        ("source=col&target=USA", {"wire-0104", "wire-0107"}),
        ("target=COL", {"wire-0107"}),
        ("since=2026-01-05", {"wire-0105", "wire-0107"}),
        ("until=2026-01-04", {"wire-0104"}),
        ("since=2026-01-05&until=2026-01-05", {"wire-0105"}),
        ("root=11", {"wire-0104", "wire-0105"}),
        ("root=03&source=USA", {"wire-0107"}),
        ("q=phone", {"wire-0107"}),
        ("q=sovereignty&source=COL", {"wire-0104"}),
        ("q=nothing-like-this", set()),
        ("q=%25", set()),  # LIKE wildcards are searched literally
        ("q=_", set()),
        ("q=PHONE CALL", {"wire-0107"}),
    ],
)
def test_events_filters(client: TestClient, query: str, expected_docs: set[str]) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert {e["doc_id"] for e in body["events"]} == expected_docs
    assert body["total"] == len(body["events"])


def test_events_pages_with_limit_and_offset(client: TestClient) -> None:
    everything = client.get("/api/events?limit=1000").json()
    pages = [client.get(f"/api/events?limit=2&offset={o}").json() for o in (0, 2, 4)]
    assert [len(p["events"]) for p in pages] == [2, 2, 0]
    assert all(p["total"] == everything["total"] == 4 for p in pages)
    paged = [e["event_id"] for p in pages for e in p["events"]]
    assert sorted(paged) == sorted(e["event_id"] for e in everything["events"])


def test_events_carry_the_contract_fields(client: TestClient) -> None:
    from volte.records import EVENT_FIELDS

    event = client.get("/api/events?source=COL&root=11").json()["events"][0]
    assert set(EVENT_FIELDS) <= set(event)
    assert (event["code"], event["source"], event["target"], event["date"]) == (
        "112",
        "COLGOV",
        "USAGOV",
        "2026-01-04",
    )


@pytest.mark.issue(13)
def test_events_carry_the_event_place(client: TestClient) -> None:
    event = client.get("/api/events?source=COL&root=11").json()["events"][0]
    assert {k: event[k] for k in BOGOTA} == BOGOTA
    assert (event["place_start"], event["place_end"]) == (0, len("Bogota"))
    assert (event["planned_date"], event["planned_precision"]) == (None, "")


@pytest.mark.parametrize("freq", ["day", "week"])
def test_dyad_series_points(client: TestClient, freq: str) -> None:
    body = client.get(f"/api/dyads/COL/USA/series?freq={freq}").json()
    points = body["points"]
    assert points, body
    for point in points:
        assert {"date", "events", "goldstein_sum", "goldstein_mean", "q1", "q2", "q3", "q4"} <= set(point)
    assert sum(p["events"] for p in points) == 2
    assert sum(p["q3"] for p in points) == 1 and sum(p["q1"] for p in points) == 1


def test_dyad_series_respects_the_range(client: TestClient) -> None:
    points = client.get("/api/dyads/col/usa/series?since=2026-01-05&until=2026-01-31").json()["points"]
    days = [p["date"] for p in points]
    # gap-free periods, but only up to the last stored event (2026-01-07): issue 16
    assert days == ["2026-01-05", "2026-01-06", "2026-01-07"]
    assert [p["date"] for p in points if p["events"]] == ["2026-01-07"]


def test_shifts_answer_a_list(client: TestClient) -> None:
    body = client.get("/api/shifts?since=2025-01-01&kind=thaw").json()
    assert isinstance(body["shifts"], list)
    assert all(s["kind"] == "thaw" for s in body["shifts"])


def test_article_has_text_events_and_spans(client: TestClient) -> None:
    body = client.get("/api/articles/wire-0107").json()
    text = body["text"]
    assert body["id"] == "wire-0107" and len(body["events"]) == 2
    for event in body["events"]:
        assert text[event["trigger_start"] : event["trigger_end"]] == event["trigger"]
        assert text[event["source_start"] : event["source_end"]] == event["source_name"]
        assert text[event["target_start"] : event["target_end"]] == event["target_name"]


def test_openapi_documents_every_route_and_bound(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/api/health",
        "/api/events",
        "/api/dyads/{source}/{target}/series",
        "/api/shifts",
        "/api/articles",
    } <= set(schema["paths"])
    limit = next(p for p in schema["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 1000
    assert "application/json" in schema["paths"]["/api/articles"]["post"]["requestBody"]["content"]


# --- error paths -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/api/events?limit=1001", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?since=2026-13-01", "since"),
        ("/api/events?since=2026-02-30", "since"),
        ("/api/events?until=07/01/2026", "until"),
        ("/api/events?since=yesterday", "since"),
        ("/api/events?since=2026-01-08&until=2026-01-01", "after"),
        ("/api/events?source=C0L", "source"),
        ("/api/events?target=" + "A" * 40, "target"),
        ("/api/events?root=7x", "root"),
        ("/api/events?q=" + "x" * 201, "q"),
        ("/api/dyads/COL/USA/series?freq=year", "freq"),
        ("/api/dyads/COL/USA/series?since=2026-1-1", "since"),
        ("/api/dyads/C1L/USA/series", "source"),
        ("/api/shifts?kind=truce", "kind"),
        ("/api/shifts?since=01-01-2026", "since"),
    ],
)
def test_bad_parameters_are_422(client: TestClient, url: str, says: str) -> None:
    assert_error(client.get(url), 422, says=says)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/api/articles/no-such-article", 404),
        ("GET", "/api/nothing-here", 404),
        ("GET", "/no/such/page", 404),
        ("DELETE", "/api/events", 405),
        ("PUT", "/api/articles", 405),
    ],
)
def test_missing_things_and_methods(client: TestClient, method: str, url: str, status: int) -> None:
    assert_error(client.request(method, url), status)


def test_dashboard_page_errors_are_html_for_browsers(client: TestClient) -> None:
    response = client.get("/article/no-such-article", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no-such-article" in response.text


def test_missing_store_is_503(tmp_path: Path) -> None:
    with TestClient(
        create_app(tmp_path / "absent.duckdb", token=""), base_url="http://127.0.0.1"
    ) as test_client:
        assert_error(test_client.get("/api/events"), 503, says="does not exist")
        assert test_client.get("/api/health").json()["store"]["readable"] is False


# --- writes ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}],
)
def test_post_needs_the_token(writer_client: TestClient, headers: dict[str, str]) -> None:
    response = writer_client.post("/api/articles", json={"id": "x", "text": "Some text."}, headers=headers)
    assert_error(response, 401, code="E601", says="token")
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_is_refused_when_the_server_has_no_token(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
    assert_error(response, 401, says="VOLTE_TOKEN")


def test_post_oversize_body_is_413(writer_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = json.dumps({"id": "big", "text": "word " * 1000})
    assert_error(
        writer_client.post(
            "/api/articles", content=body, headers={**auth, "content-type": "application/json"}
        ),
        413,
        code="E613",
    )

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b"x" * 500

    assert_error(
        writer_client.post("/api/articles", content=chunks(), headers={**auth, "content-type": "text/plain"}),
        413,
    )


@pytest.mark.parametrize(
    ("content", "content_type", "says"),
    [
        ('{"id": "a", "text": ', "application/json", "not valid json"),
        ("[1, 2]", "application/json", "json object"),
        ('{"id": "a"}', "application/json", "text"),
        ('{"id": "a", "text": "x", "date": "2026-02-30"}', "application/json", "date"),
        ('{"id": "a", "text": "x", "date": "soon"}', "application/json", "date"),
        ('{"id": "a", "text": "   "}', "application/json", "text"),
    ],
)
def test_post_bad_bodies_are_422(
    writer_client: TestClient, content: str, content_type: str, says: str
) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "content-type": content_type}
    assert_error(writer_client.post("/api/articles", content=content, headers=headers), 422, says=says)


def test_post_bad_utf8_is_422(writer_client: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "content-type": "text/plain"}
    assert_error(
        writer_client.post("/api/articles", content=b"\xc3\x28 bad", headers=headers), 422, code="E204", says="utf-8"
    )  # not FF FE: that is UTF-16's byte-order mark, decoded since issue 16


@contextmanager
def lock_held(path: Path) -> Iterator[None]:
    """Another process holding DuckDB's write lock on ``path`` for the duration of the block."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys; con = duckdb.connect({str(path)!r}); print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.communicate("", timeout=30)


def test_store_locked_by_another_writer_is_503(store_path: Path, tmp_path: Path) -> None:
    """DuckDB's one-writer rule: while another process writes the file, reads answer 503 E502, not a crash;
    once it lets go, the same server reads again."""
    path = tmp_path / "locked.duckdb"
    shutil.copy(store_path, path)
    with TestClient(create_app(path, token=TOKEN), base_url="http://127.0.0.1") as test_client:
        with lock_held(path):
            assert_error(test_client.get("/api/events"), 503, code="E502", says="locked")
        assert test_client.get("/api/events").status_code == 200


@pytest.mark.model
def test_post_while_another_process_writes_is_503_and_stores_nothing(
    writer_client: TestClient, tmp_path: Path
) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    article = {
        "id": "blocked",
        "date": "2026-03-03",
        "text": "Peru's president accused Ecuador of violating the border agreement.",
    }
    with lock_held(tmp_path / "w.duckdb"):
        assert_error(
            writer_client.post("/api/articles", json=article, headers=auth), 503, code="E502", says="locked"
        )
    assert_error(writer_client.get("/api/articles/blocked"), 404)


@pytest.mark.model
@pytest.mark.parametrize("as_json", [True, False])
def test_post_codes_stores_and_returns_events(writer_client: TestClient, as_json: bool) -> None:
    text = (
        "Quito, March 3. Ecuador's foreign minister accused Peru of violating the border agreement. "
        "Later that day Peru's president telephoned Ecuador's president."
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    if as_json:
        response = writer_client.post(
            "/api/articles", json={"id": "ecu-per", "date": "2026-03-03", "text": text}, headers=auth
        )
    else:
        response = writer_client.post(
            "/api/articles?id=ecu-per&date=2026-03-03",
            content=text,
            headers={**auth, "content-type": "text/plain"},
        )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["article"]["id"] == "ecu-per"
    assert body["events"], body
    assert {e["doc_id"] for e in body["events"]} == {"ecu-per"}
    stored = writer_client.get("/api/articles/ecu-per").json()
    assert sorted(e["event_id"] for e in stored["events"]) == sorted(e["event_id"] for e in body["events"])
    listed = writer_client.get("/api/events?q=telephoned").json()["events"]
    assert {e["doc_id"] for e in listed} <= {"ecu-per"}


def test_store_access_write_waits_for_reads_in_flight(tmp_path: Path) -> None:
    """The one-writer rule inside the server: a write waits for borrowed read connections, closes them,
    writes, and reads reopen and see the new rows."""
    import threading

    from volte.serve.access import StoreAccess
    from volte.store.db import Store

    first, *rest = coded_articles()
    path = tmp_path / "access.duckdb"
    with Store(path) as store:
        store.ingest([first])
    access = StoreAccess(path, writable=True)
    order: list[str] = []
    reading, release = threading.Event(), threading.Event()

    def reader() -> None:
        with access.reading() as store:
            reading.set()
            release.wait(30)
            order.append(f"read {store.query_events(limit=10)[1]}")

    def writer() -> None:
        access.write(rest)
        order.append("written")

    threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
    threads[0].start()
    assert reading.wait(30)
    threads[1].start()
    threads[1].join(timeout=0.5)
    assert threads[1].is_alive(), "the write must wait for the read in flight"
    release.set()
    for thread in threads:
        thread.join(timeout=60)
    assert order == ["read 1", "written"]
    with access.reading() as store:
        assert store.query_events(limit=10)[1] == 4
    access.close()


@pytest.mark.model
def test_post_html_page_extracts_title_date_and_text(writer_client: TestClient) -> None:
    html = (
        "<html><head><title>Peru and Ecuador</title>"
        '<meta property="article:published_time" content="2026-03-03"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Peru and Ecuador</h1>"
        "<p>Lima, March 3. Peru's president accused Ecuador of violating the border agreement, officials said.</p>"
        "<p>Later that day Ecuador's foreign minister telephoned his Peruvian counterpart and the two agreed to "
        "meet next week.</p></article><footer>All rights reserved</footer></body></html>"
    )
    headers = {"Authorization": f"Bearer {TOKEN}", "content-type": "text/html; charset=utf-8"}
    response = writer_client.post(
        "/api/articles?id=html-1&url=https://news.example/1", content=html, headers=headers
    )
    assert response.status_code == 201, response.text
    article = response.json()["article"]
    assert (article["id"], article["title"], article["published"], article["url"]) == (
        "html-1",
        "Peru and Ecuador",
        "2026-03-03",
        "https://news.example/1",
    )
    stored = writer_client.get("/api/articles/html-1").json()
    assert "Home | World" not in stored["text"] and "accused Ecuador" in stored["text"]
