"""The server's cache of read answers (volte.serve.cache): a repeated read is answered from it, byte for byte,
and a write through the server is visible to the very next read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_store_data import ARTICLES, LOCAL, coded_articles

from volte.serve.access import StoreAccess
from volte.serve.cache import AnswerCache
from volte.settings import ServeSettings, Settings
from volte.store.db import Store

TOKEN = "cache-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class StubCoder:
    """Codes a posted article to the hand-built events of the test article with the same id."""

    def __init__(self) -> None:
        self.coded = {c.article.id: c for c in coded_articles()}

    def code(self, article: Any) -> Any:
        return self.coded[article.id]


def _client(path: Path, *, cache_mb: float = 64) -> Any:
    import warnings

    from volte.serve.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette suggests httpx2 for its TestClient; httpx still works
        from fastapi.testclient import TestClient

    settings = Settings(serve=ServeSettings(cache_mb=cache_mb))
    return TestClient(create_app(path, settings=settings, token=TOKEN), base_url=LOCAL)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    """A writable server over a store holding only the first test article (COL -> USA, 4 January)."""
    path = tmp_path / "cache.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])
    with _client(path) as test_client:
        test_client.app.state.coder = StubCoder()
        yield test_client


def _post(client: Any, doc_id: str) -> None:
    _, day, url, text, _ = next(a for a in ARTICLES if a[0] == doc_id)
    body = {"id": doc_id, "date": day, "url": url, "text": text}
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("url", "before", "after"),
    [
        ("/api/events?limit=10", lambda b: b["total"] == 1, lambda b: b["total"] == 4),
        ("/api/events?source=COL", lambda b: b["total"] == 1, lambda b: b["total"] == 2),
        ("/api/events?since=2026-01-06", lambda b: b["total"] == 0, lambda b: b["total"] == 2),
        (
            "/api/dyads/COL/USA/series?since=2026-01-01&until=2026-01-10",
            lambda b: sum(p["events"] for p in b["points"]) == 1,
            lambda b: sum(p["events"] for p in b["points"]) == 2,
        ),
    ],
)
def test_cache_a_post_is_visible_to_the_next_read(client: Any, url: str, before: Any, after: Any) -> None:
    first = client.get(url)
    assert first.status_code == 200, first.text
    assert before(first.json())
    again = client.get(url)
    assert again.content == first.content
    assert client.app.state.store.cache.hits >= 1  # the second read was answered from the cache
    _post(client, "wire-0107")  # COL <-> USA agree to meet on 7 January (two events)
    _post(client, "wire-0105")
    fresh = client.get(url)
    assert fresh.status_code == 200, fresh.text
    assert after(fresh.json()), fresh.json()


@pytest.mark.parametrize(
    ("url", "after"),
    [("/api/events?source=VEN", 200), ("/api/articles/wire-0105", 200), ("/api/dyads/VEN/USA/series", 200)],
)
def test_cache_errors_are_not_kept(client: Any, url: str, after: int) -> None:
    """An unknown actor or article is 404 until a write adds it, then found at once."""
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404
    _post(client, "wire-0105")
    assert client.get(url).status_code == after


def test_cache_answers_byte_for_byte_what_an_uncached_server_answers(tmp_path: Path) -> None:
    assert_cached_as_uncached(
        tmp_path / "same.duckdb",
        [
            "/api/events?limit=2&offset=1",
            "/api/events?source=col&q=PRESIDENT",
            "/api/dyads/COL/USA/series?freq=week",
            "/api/shifts?near=true",
            "/api/shifts/explain?source=COL&target=USA",
            "/api/articles/wire-0104",
        ],
    )


def assert_cached_as_uncached(path: Path, urls: list[str]) -> None:
    """Each URL answered twice by a caching server (computed, then from the cache) is byte for byte what a
    server without a cache answers, over the whole test store."""
    with Store(path) as store:
        store.ingest(coded_articles())
    with _client(path, cache_mb=0) as plain, _client(path) as cached:
        for url in urls:
            want = plain.get(url)
            assert want.status_code == 200, want.text
            for _ in range(2):
                got = cached.get(url)
                assert (got.status_code, got.headers["content-type"], got.content) == (
                    want.status_code,
                    want.headers["content-type"],
                    want.content,
                )
        assert len(plain.app.state.store.cache) == 0
        assert cached.app.state.store.cache.hits == len(urls)


def test_cache_store_access_write_moves_the_generation(tmp_path: Path) -> None:
    path = tmp_path / "gen.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])
    access = StoreAccess(path, writable=True, cache_bytes=1_000_000)

    def total(store: Store) -> dict[str, Any]:
        return {"total": store.query_events(limit=1)[1]}

    assert access.answer(("total",), total) == b'{"total":1}'
    assert access.cached(("total",)) == b'{"total":1}'
    access.write(coded_articles()[1:2])
    assert access.cached(("total",)) is None
    assert access.answer(("total",), total) == b'{"total":2}'
    with access.writing() as store:  # the folder watcher of `volte serve --watch` writes this way
        store.ingest(coded_articles()[2:])
    assert access.cached(("total",)) is None
    assert access.answer(("total",), total) == b'{"total":4}'
    access.close()


def test_cache_keeps_at_most_its_bytes_dropping_the_least_recently_used() -> None:
    cache = AnswerCache(800)
    for i in range(10):
        cache.put(i, bytes(90))
        cache.get(0)  # kept in use
    assert cache.size <= 800
    assert cache.get(0) is not None
    assert cache.get(1) is None  # the oldest unused answers went first
    assert cache.get(9) is not None
    cache.put("big", bytes(101))  # over an eighth of the cache: never kept
    assert cache.get("big") is None


def test_cache_of_zero_bytes_keeps_nothing() -> None:
    cache = AnswerCache(0)
    cache.put("a", b"{}")
    assert cache.get("a") is None and len(cache) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=10",
        "/api/events?source=col&limit=5",
        "/api/dyads/COL/USA/series?since=2026-01-01&until=2026-01-10&freq=week",
    ],
)
def test_a_repeated_url_is_answered_before_routing_as_the_route_answered_it(
    client: Any, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = client.get(url)
    assert first.status_code == 200, first.text
    path, _, query = url.partition("?")
    assert client.app.state.store.urls.get((path, query.encode())) is not None
    # the route is not reached again: a failing answer function would show
    from volte.serve import routes

    monkeypatch.setattr(routes, "_answer", lambda *a, **k: pytest.fail("route reached"))
    again = client.get(url)
    assert (again.status_code, again.content) == (first.status_code, first.content)
    assert dict(again.headers) == dict(first.headers)


def test_a_repeated_url_after_a_write_is_computed_again(client: Any) -> None:
    url = "/api/events?source=COL"
    assert client.get(url).json()["total"] == 1
    assert client.get(url).json()["total"] == 1  # answered before routing
    _post(client, "wire-0107")  # COL -> USA (and USA -> COL) on 7 January
    assert client.get(url).json()["total"] == 2  # the URL names a key; its body is the new generation's


def test_a_url_the_route_refused_is_never_answered_from_the_cache(client: Any) -> None:
    for _ in range(2):
        response = client.get("/api/events?limit=10&colour=red")
        assert response.status_code == 422, response.text
    assert client.app.state.store.urls.get(("/api/events", b"limit=10&colour=red")) is None


def test_with_the_cache_off_a_repeated_url_goes_to_its_route(tmp_path: Path) -> None:
    path = tmp_path / "nocache.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])
    with _client(path, cache_mb=0) as test_client:
        calls = []
        access = test_client.app.state.store
        original = access.answer
        access.answer = lambda key, compute: calls.append(key) or original(key, compute)
        bodies = [test_client.get("/api/events?limit=3").content for _ in range(2)]
    assert bodies[0] == bodies[1] and len(calls) == 2
    assert access.urls.get(("/api/events", b"limit=3")) is None  # nothing to repeat, nothing noted
