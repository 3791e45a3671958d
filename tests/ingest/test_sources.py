"""Ingest: every input kind becomes Articles, and every bad input a typed Reject or a coded error."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from volte.errors import IngestError
from volte.ingest.sources import iter_articles
from volte.records import Article, Reject
from volte.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
ENGLISH = "Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday to discuss border trade and security."


def _one(items: list[Article | Reject]) -> Article | Reject:
    assert len(items) == 1, items
    return items[0]


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_sources_text_file_uses_file_name_title_and_date(tmp_path: Path) -> None:
    path = _write(tmp_path, "story.txt", f"Kenya and Uganda hold border talks\n\n{ENGLISH}\n")
    article = _one(list(iter_articles([path], published=date(2025, 4, 1))))
    assert isinstance(article, Article)
    assert (article.id, article.title, article.published, article.kind) == ("story.txt", "Kenya and Uganda hold border talks", date(2025, 4, 1), "news")
    assert article.text == ENGLISH


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (f"{ENGLISH}\nStatement: This article represents the personal views of the author.", "opinion"),
        (f"Opinion: {ENGLISH}", "opinion"),
        (f"Editorial: {ENGLISH}", "opinion"),
        (ENGLISH, "news"),
    ],
)
def test_sources_kind_from_opinion_markers(tmp_path: Path, text: str, kind: str) -> None:
    article = _one(list(iter_articles([_write(tmp_path, "a.txt", text)])))
    assert isinstance(article, Article) and article.kind == kind


def test_sources_original_line_becomes_url_not_text(tmp_path: Path) -> None:
    article = _one(list(iter_articles([_write(tmp_path, "a.txt", f"{ENGLISH}\nOriginal: news.example/article/17\n")])))
    assert isinstance(article, Article)
    assert article.url == "https://news.example/article/17"
    assert "Original" not in article.text


def test_sources_jsonl_keeps_good_lines_and_rejects_malformed(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "date": "2025-02-03", "url": "https://x.example/a1", "title": "T", "text": ENGLISH, "extra": 1}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "a3", "date": None, "text": ENGLISH}),
        json.dumps({"id": "a4", "date": "2025-02-03"}),
    ]
    items = list(iter_articles([_write(tmp_path, "in.jsonl", "\n".join(lines) + "\n")], published=date(2025, 1, 1)))
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article", "Reject"]
    assert items[0].published == date(2025, 2, 3) and items[0].url == "https://x.example/a1"
    assert items[2].published == date(2025, 1, 1)  # --date fills a null date
    assert items[1].code == "E205" and items[1].origin.endswith("in.jsonl:2")
    assert items[3].code == "E206"


def test_sources_html_main_text_title_date_url() -> None:
    article = _one(list(iter_articles([DATA / "page.html"])))
    assert isinstance(article, Article)
    assert article.title == "Andes ministers meet over river dispute"
    assert article.published == date(2025, 3, 12)
    assert article.url == "https://www.andes-wire.example/2025/03/12/river-talks"
    assert "joint technical commission" in article.text and "Subscribe" not in article.text


@pytest.mark.parametrize(("name", "count", "first_id", "first_date"), [("feed.rss", 2, "ew-2025-06-02-001", date(2025, 6, 2)), ("feed.atom", 1, "urn:example:dispatch:2025-09-10-1", date(2025, 9, 10))])
def test_sources_feeds_one_article_per_entry(name: str, count: int, first_id: str, first_date: date) -> None:
    items = list(iter_articles([DATA / name]))
    assert len(items) == count and all(isinstance(i, Article) for i in items)
    assert (items[0].id, items[0].published) == (first_id, first_date)
    assert items[0].url and items[0].url.startswith("https://")


def test_sources_directory_and_glob_in_stable_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "skip.bin"):
        _write(tmp_path, name, ENGLISH)
    assert [i.id for i in iter_articles([tmp_path])] == ["a.txt", "b.txt"]
    assert [i.id for i in iter_articles([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]


def test_sources_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ENGLISH.encode())))
    article = _one(list(iter_articles(["-"], published=date(2025, 1, 2))))
    assert isinstance(article, Article) and article.id == "stdin"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", "", "E202"),
        ("blank.txt", "  \n\t \n", "E202"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E203"),
        ("latin1.txt", "Bogot\xe1 and Washington held talks on Tuesday about trade.".encode("latin-1"), "E204"),
        ("spanish.txt", "El presidente de Colombia habló por teléfono con el presidente de Estados Unidos el miércoles y acordaron reunirse.", "E208"),
    ],
)
def test_sources_bad_inputs_are_typed_rejects(tmp_path: Path, name: str, content: str | bytes, code: str) -> None:
    reject = _one(list(iter_articles([_write(tmp_path, name, content)])))
    assert isinstance(reject, Reject)
    assert reject.code == code and reject.reason


def test_sources_html_without_text_is_rejected() -> None:
    reject = _one(list(iter_articles([DATA / "empty.html"])))
    assert isinstance(reject, Reject) and reject.code == "E206"


def test_sources_huge_file_rejected_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    reject = _one(list(iter_articles([path], settings=Settings())))
    assert isinstance(reject, Reject) and reject.code == "E207" and "limit" in reject.reason


def test_sources_missing_path_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        list(iter_articles([tmp_path / "nope.txt"]))
    assert info.value.code == "E201"
