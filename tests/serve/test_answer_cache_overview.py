"""The dashboard's heavy reads (/api/overview, /api/places) are answered from the server's answer cache too:
byte for byte what an uncached server answers, and a write through the server is visible to the next read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from serve_store_data import coded_articles
from test_answer_cache import StubCoder, _client, _post, assert_cached_as_uncached

from volte.store.db import Store


def _clusters(body: dict[str, Any]) -> int:
    return sum(int(root["events"]) for root in body["roots"])


def test_overview_cached_then_a_post_is_visible_to_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "overview.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])
    with _client(path) as client:
        client.app.state.coder = StubCoder()
        url = "/api/overview?since=2026-01-01&until=2026-01-31"
        first = client.get(url)
        assert first.status_code == 200, first.text
        hits = client.app.state.store.cache.hits
        assert client.get(url).content == first.content
        assert client.app.state.store.cache.hits == hits + 1  # answered from the cache
        _post(client, "wire-0107")  # COL <-> USA agree to meet (two events)
        fresh = client.get(url)
        assert fresh.status_code == 200, fresh.text
        assert fresh.content != first.content
        assert _clusters(fresh.json()) > _clusters(first.json()), (first.json(), fresh.json())


def test_overview_and_places_cached_byte_for_byte_as_uncached(tmp_path: Path) -> None:
    assert_cached_as_uncached(
        tmp_path / "same.duckdb",
        [
            "/api/overview",
            "/api/overview?since=2026-01-05&limit=3",
            "/api/overview?until=2026-01-04",
            "/api/places",
            "/api/places?since=2026-01-01&until=2026-01-31&limit=10",
        ],
    )


def test_overview_bad_range_is_refused_and_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "bad.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])
    with _client(path) as client:
        for _ in range(2):
            response = client.get("/api/overview?since=2026-02-01&until=2026-01-01")
            assert response.status_code == 422, response.text
        assert len(client.app.state.store.cache) == 0
