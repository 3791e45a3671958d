"""Input readers registered by name (volte.registry.readers): volte's own by their suffixes, and a reader a
test registers reads the files of its extension (named, or found in a folder walk, which skipped them
before)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from volte.ingest.sources import KNOWN_SUFFIXES, iter_articles, scan_inputs
from volte.records import Article, Reject
from volte.registry import readers
from volte.settings import Settings

pytestmark = pytest.mark.issue(17)


@pytest.fixture
def memo_reader() -> Iterator[str]:
    """A test format ``memo``: ``.memo`` files, one article per paragraph, ids ``<name>#<n>``."""

    @readers.register("memo", extensions=(".memo",))
    def read_memo(
        path: str, *, name: str, published: date | None, settings: Settings
    ) -> Iterator[Article | Reject]:
        parts = Path(path).read_text(encoding="utf-8").split("\n\n")
        for n, part in enumerate(parts):
            yield Article(id=f"{name}#{n}", text=part.strip(), published=published, origin=path)

    yield "memo"
    readers.unregister("memo")


@pytest.mark.parametrize("name", ["jsonl", "json", "feed", "html", "txt"])
def test_volte_readers_are_registered_by_name(name: str) -> None:
    entry = readers.get(name)
    assert entry is not None and entry.extensions
    assert set(entry.extensions) <= KNOWN_SUFFIXES


def test_every_known_suffix_has_a_reader() -> None:
    assert set(readers.extensions()) >= KNOWN_SUFFIXES


def test_registered_reader_reads_its_files_in_a_folder(memo_reader: str, tmp_path: Path) -> None:
    (tmp_path / "a.memo").write_text("The minister met the envoy.\n\nThe talks ended.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A title\n\nThe president spoke.", encoding="utf-8")
    items = list(iter_articles([tmp_path], published=date(2026, 1, 7)))
    ids = sorted(i.id for i in items if isinstance(i, Article))
    assert ids == ["a.memo#0", "a.memo#1", "b.txt"]
    memo = next(i for i in items if isinstance(i, Article) and i.id == "a.memo#1")
    assert memo.text == "The talks ended." and memo.published == date(2026, 1, 7)


def test_unregistered_suffix_is_skipped_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.memo").write_text("The minister met the envoy.", encoding="utf-8")
    scan = scan_inputs([tmp_path])
    assert scan.files == [] and [s.reason for s in scan.skipped] == ["unsupported type .memo"]
