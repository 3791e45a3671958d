"""The dashboard's home and dyad pages keep the data they read until the next write (StoreAccess.memo):
a repeat is read from the cache, and a write through the server is visible on the next page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_store_data import coded_articles
from test_answer_cache import StubCoder, _client, _post

from volte.serve.access import StoreAccess
from volte.store.db import Store

MEET = "agreed to meet"  # wire-0107's trigger, posted during the tests
COOPERATE = "Express intent to cooperate"  # CAMEO root 03, the root of wire-0107's events


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    path = tmp_path / "pages.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])  # COL -> USA, 4 January, root 11
    with _client(path) as test_client:
        test_client.app.state.coder = StubCoder()
        yield test_client


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("/dyad/COL/USA?span=all", MEET),
        ("/dyad/COL/USA", MEET),
        ("/?since=2026-01-01&until=2026-01-31", COOPERATE),
    ],
)
def test_page_data_cached_then_a_post_is_visible(client: Any, url: str, marker: str) -> None:
    first = client.get(url)
    assert first.status_code == 200, first.text
    assert marker not in first.text
    hits = client.app.state.store.cache.hits
    again = client.get(url)
    assert again.status_code == 200
    assert client.app.state.store.cache.hits == hits + 1  # the page's data came from the cache
    _post(client, "wire-0107")
    fresh = client.get(url)
    assert fresh.status_code == 200, fresh.text
    assert marker in fresh.text


def test_unknown_actor_page_is_not_kept(client: Any) -> None:
    assert client.get("/dyad/VEN/USA").status_code == 404
    assert client.get("/dyad/VEN/USA").status_code == 404
    assert len(client.app.state.store.cache) == 0
    _post(client, "wire-0105")  # VEN -> USA
    assert client.get("/dyad/VEN/USA").status_code == 200


def test_memo_gives_each_caller_its_own_copy_and_drops_it_on_write(tmp_path: Path) -> None:
    path = tmp_path / "memo.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles()[:1])
    access = StoreAccess(path, writable=True, cache_bytes=1_000_000)
    calls: list[int] = []

    def read(store: Any) -> dict[str, Any]:
        calls.append(1)
        return {"events": store.stats()["events"], "rows": [1, 2]}

    first = access.memo("k", read)
    first["rows"].append(3)  # a caller changing its answer does not change the kept one
    assert access.memo("k", read) == {"events": 1, "rows": [1, 2]}
    assert len(calls) == 1
    with access.writing() as store:
        store.ingest(coded_articles()[1:2])
    assert access.memo("k", read)["events"] == 2
    assert len(calls) == 2
    access.close()
