"""Issue 16: nothing is dropped silently on ingest (id and URL collisions inside one run are E212 rejects,
identical repeats are counted) and a rerun does not code articles the store already holds unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from store_records import Coded, article

from volte.records import Article, Reject
from volte.settings import Settings
from volte.store.db import Store

pytestmark = pytest.mark.issue(16)
COL_USA = [("COLGOV", "USAGOV", "111", "2026-01-04")]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def _ids(store: Store) -> list[str]:
    return [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]


def _rejects(store: Store) -> list[tuple[str, str, str]]:
    return store.con.execute("SELECT doc_id, code, reason FROM rejects ORDER BY doc_id").fetchall()


@pytest.mark.parametrize("batch_size", [1, 50], ids=["across-batches", "in-one-batch"])
@pytest.mark.parametrize(
    ("second", "kept"),
    [
        (article("a1", [("COLGOV", "USAGOV", "042", "2026-01-07")], text="v2"), ["a1"]),
        (
            article("b1", [("COLGOV", "USAGOV", "042", "2026-01-07")], url="https://x.example/1", text="v2"),
            ["a1"],
        ),
    ],
    ids=["same-id", "same-url"],
)
def test_store_ingest_collision_in_one_run_is_a_counted_reject(
    store: Store, batch_size: int, second: Coded, kept: list[str]
) -> None:
    first = article("a1", COL_USA, url="https://x.example/1", text="v1")
    summary = store.ingest([first, second], batch_size=batch_size)
    assert (summary.documents, summary.added, summary.replaced, summary.rejects) == (2, 1, 0, 1)
    assert summary.reject_codes == {"E212": 1}
    assert _ids(store) == kept
    [(doc_id, code, reason)] = _rejects(store)
    assert (doc_id, code) == (second.article.id, "E212") and "v1" not in reason


def test_store_ingest_identical_repeat_is_counted_not_stored_twice(store: Store) -> None:
    one = article("a1", COL_USA, url="https://x.example/1", text="same")
    summary = store.ingest([one, one, one], batch_size=2)
    assert (summary.documents, summary.added, summary.repeats, summary.rejects) == (3, 1, 2, 0)
    assert _ids(store) == ["a1"] and _rejects(store) == []


def test_store_ingest_collision_with_an_earlier_run_still_replaces(store: Store) -> None:
    store.ingest([article("a1", COL_USA, text="v1")])
    summary = store.ingest([article("a1", [("COLGOV", "USAGOV", "042", "2026-01-07")], text="v2")])
    assert (summary.replaced, summary.rejects) == (1, 0)


# --- rerun after a crash: stored articles are not coded again -------------------------------------------


class CountingCoder:
    """Codes each article into one fixed event and counts the articles it was asked to code."""

    def __init__(self) -> None:
        self.coded = 0

    def __call__(self, items: Sequence[Article | Reject]) -> Iterable[Coded]:
        for item in items:
            if isinstance(item, Reject):
                yield Coded(None, (), item)
                continue
            self.coded += 1
            yield Coded(item, article(item.id, COL_USA, text=item.text).events)


def _articles(n: int, *, text: str = "Colombia criticised the United States") -> list[Article]:
    return [Article(id=f"d{i}", text=f"{text} ({i}).", url=f"https://x.example/{i}") for i in range(n)]


def _ingest(store: Store, items: list[Article], coder: CountingCoder, **kw):
    return store.ingest_articles(items, code=coder, spacy_model="m-1", dictionaries="abc", batch_size=7, **kw)


def test_store_rerun_codes_only_what_is_not_stored(store: Store) -> None:
    _ingest(store, _articles(40)[:16], CountingCoder())  # a crash after 16 of 40
    rerun = CountingCoder()
    summary = _ingest(store, _articles(40), rerun)
    assert rerun.coded == 24
    assert (summary.documents, summary.added, summary.unchanged) == (40, 24, 16)


@pytest.mark.parametrize(
    "change",
    [
        {"spacy_model": "m-2"},
        {"dictionaries": "def"},
        {"coder_settings": Settings(coding={"statements": True})},
    ],
    ids=["model", "dictionaries", "settings"],
)
def test_store_rerun_codes_again_when_the_coding_may_differ(store: Store, change: dict) -> None:
    _ingest(store, _articles(5), CountingCoder())
    rerun = CountingCoder()
    kw = {"spacy_model": "m-1", "dictionaries": "abc", **change}
    summary = store.ingest_articles(_articles(5), code=rerun, batch_size=7, **kw)
    assert rerun.coded == 5 and summary.unchanged == 5


def test_store_rerun_codes_a_changed_text_again(store: Store) -> None:
    _ingest(store, _articles(3), CountingCoder())
    rerun = CountingCoder()
    summary = _ingest(store, _articles(3, text="Colombia praised the United States"), rerun)
    assert rerun.coded == 3 and summary.replaced == 3


def test_store_rerun_of_an_old_store_codes_once_then_skips(store: Store) -> None:
    _ingest(store, _articles(4), CountingCoder())
    store.con.execute("UPDATE articles SET source_hash = NULL")  # stored before the column existed
    first, second = CountingCoder(), CountingCoder()
    _ingest(store, _articles(4), first)
    _ingest(store, _articles(4), second)
    assert (first.coded, second.coded) == (4, 0)


def test_store_ingest_articles_screens_collisions_before_coding(store: Store) -> None:
    coder = CountingCoder()
    items = [*_articles(2), Article(id="d0", text="Another text.", origin="b.jsonl:1")]
    summary = _ingest(store, items, coder)
    assert coder.coded == 2 and summary.reject_codes == {"E212": 1}
