"""Publication dates outside 1900-01-01 .. tomorrow are rejects (E211) wherever an article is read: one
check in ingest's extract step, used by JSONL, text, HTML and feed readers and by the API (issue 16)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from volte.ingest.extract import EARLIEST_PUBLISHED, article_from_record, article_from_text, check_published
from volte.ingest.sources import iter_articles
from volte.records import Article, Reject

TEXT = "Colombia's president accused the United States of violating international law on Sunday."


def _tomorrow() -> date:
    return datetime.now(UTC).date() + timedelta(days=1)


@pytest.mark.issue(16)
@given(day=st.dates())
def test_extract_article_from_text_rejects_dates_outside_the_window(day: date) -> None:
    result = article_from_text(TEXT, doc_id="d", published=day)
    sane = EARLIEST_PUBLISHED <= day <= _tomorrow()
    assert isinstance(result, Article) is sane
    if not sane:
        assert isinstance(result, Reject) and result.code == "E211" and day.isoformat() in result.reason


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("day", "ok"),
    [
        (date(1899, 12, 31), False),
        (date(1900, 1, 1), True),
        (None, True),
        ("tomorrow", True),
        ("after tomorrow", False),
    ],
)
def test_extract_check_published_bounds(day: date | str | None, ok: bool) -> None:
    if day == "tomorrow":
        day = _tomorrow()
    elif day == "after tomorrow":
        day = _tomorrow() + timedelta(days=1)
    assert (check_published(day) is None) is ok  # type: ignore[arg-type]


@pytest.mark.issue(16)
@pytest.mark.parametrize("raw", ["0001-01-01", "1066-10-14T09:00:00Z", "9999-12-31"])
def test_extract_record_with_an_absurd_date_is_a_reject(raw: str) -> None:
    result = article_from_record({"id": "x", "date": raw, "text": TEXT}, origin="f.jsonl:1")
    assert isinstance(result, Reject) and result.code == "E211" and result.doc_id == "x"
    assert "1900-01-01" in result.reason


@pytest.mark.issue(16)
@pytest.mark.parametrize("kind", ["jsonl", "txt"])
def test_sources_readers_reject_absurd_dates(tmp_path: Path, kind: str) -> None:
    if kind == "jsonl":
        path = tmp_path / "news.jsonl"
        lines = [
            {"id": "old", "date": "0001-01-01", "text": TEXT},
            {"id": "ok", "date": "2026-01-04", "text": TEXT},
        ]
        path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
        items = list(iter_articles([str(path)]))
    else:
        path = tmp_path / "old.txt"
        path.write_text(TEXT, encoding="utf-8")
        items = list(iter_articles([str(path)], published=date(1, 1, 1)))
    codes = [i.code if isinstance(i, Reject) else "ok" for i in items]
    assert codes == (["E211", "ok"] if kind == "jsonl" else ["E211"])


@pytest.mark.issue(16)
@pytest.mark.model
def test_ingest_cli_stores_the_date_reject_with_its_reason(tmp_path: Path) -> None:
    import volte.cli  # noqa: F401  (registers the commands)
    from volte.cli.app import app
    from volte.store.db import Store

    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"id": "old", "date": "0001-01-01", "text": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 4 and "(E211: 1)" in result.stderr
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT doc_id, code, reason FROM rejects").fetchall()
        assert store.stats()["events"] == 0
    assert [r[:2] for r in rows] == [("old", "E211")] and "0001-01-01" in rows[0][2]
