"""Input you can trust (issue 15): the record schema's keys, the date forms read, --date filling only what
is missing, and the warnings about events without a day date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from volte.cli import app
from volte.ingest.published import DateProblem, fill_dates, read_date
from volte.ingest.sources import iter_articles
from volte.records import Article, Reject

runner = CliRunner()
BODY = "Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday to discuss border trade."
WIRE = (
    "SEOUL, Mar 3 (Harbor Times) - South Korea's president met Japan's prime minister in Seoul on Monday "
    "and the two governments signed an agreement on trade, officials said."
)


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-01-05", date(2026, 1, 5)),
        ("2026-01-05T23:30:00-05:00", date(2026, 1, 5)),  # the day as written, not moved to UTC
        ("Mon, 05 Jan 2026 10:00:00 GMT", date(2026, 1, 5)),
        ("Tue, 3 Mar 2025 08:00:00 +0100", date(2025, 3, 3)),
        ("March 3, 2025", date(2025, 3, 3)),
        ("3 March 2025", date(2025, 3, 3)),
        ("Mar. 3, 2025", date(2025, 3, 3)),
        ("2025/03/04", date(2025, 3, 4)),
        ("13/04/2025", date(2025, 4, 13)),  # only one order makes a date
        ("04/13/2025", date(2025, 4, 13)),
        ("05/05/2025", date(2025, 5, 5)),
        ("", None),
        (None, None),
    ],
)
def test_read_date_forms(value: str | None, day: date | None) -> None:
    assert read_date(value) == day


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("03/04/2025", "ambiguous"),
        ("3.4.2025", "ambiguous"),
        ("03/04/25", "two-digit year"),
        ("March 2025", "no day"),
        ("March 3", "no day, month and year"),
        ("yesterday", "not a date"),
        ("2025-02-30", "not a calendar day"),
        ("20250303", "a number"),
    ],
)
def test_read_date_refuses_to_guess(value: str, why: str) -> None:
    with pytest.raises(DateProblem, match=why):
        read_date(value)


def _jsonl(tmp_path: Path, *records: dict[str, object]) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.issue(15)
def test_record_keys_date_published_datetime_source_language(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        {"id": "a", "published": "Mon, 05 Jan 2026 10:00:00 GMT", "text": BODY, "source": "Harbor Times"},
        {"id": "b", "datetime": "March 3, 2025", "text": BODY, "publisher": "Andes Wire", "language": "en-GB"},
        {"id": "c", "date": "2025-01-02", "published": "2024-12-31", "text": BODY},  # date first
        {"id": "d", "text": BODY, "language": "fr"},
    )
    a, b, c, d = iter_articles([path])
    assert isinstance(a, Article) and isinstance(b, Article) and isinstance(c, Article)
    assert (a.published, a.publisher) == (date(2026, 1, 5), "Harbor Times")
    assert (b.published, b.publisher, b.lang) == (date(2025, 3, 3), "Andes Wire", "en")
    assert c.published == date(2025, 1, 2)
    assert isinstance(d, Reject) and d.code == "E208" and "'fr'" in d.reason


@pytest.mark.issue(15)
def test_ambiguous_record_date_is_undated_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (article,) = iter_articles([_jsonl(tmp_path, {"id": "a", "date": "03/04/2025", "text": BODY})])
    assert isinstance(article, Article) and article.published is None
    assert "ambiguous" in caplog.text


def _article(text: str = BODY, published: date | None = None, id_: str = "x") -> Article:
    return Article(id=id_, text=text, published=published)


@pytest.mark.issue(15)
def test_fill_dates_keeps_input_dates_and_fills_the_rest() -> None:
    items = [_article(published=date(2025, 1, 1), id_="dated"), _article(id_="undated"), _article(WIRE, id_="wire")]
    out = list(fill_dates(items, published=date(2025, 3, 4)))
    assert [a.published for a in out] == [date(2025, 1, 1), date(2025, 3, 4), date(2025, 3, 3)]  # wire: its dateline


@pytest.mark.issue(15)
def test_fill_dates_dateline_needs_a_year_and_override_replaces() -> None:
    (wire,) = fill_dates([_article(WIRE)], published=None)
    assert wire.published is None  # no --date: no year for "Mar 3", so no guess
    out = list(fill_dates([_article(published=date(2025, 1, 1)), _article(WIRE)], published=date(2025, 6, 1), override=True))
    assert [a.published for a in out] == [date(2025, 6, 1), date(2025, 6, 1)]


@pytest.mark.issue(15)
def test_fill_dates_keeps_the_stored_date_over_the_option() -> None:
    stored = {"old": date(2025, 2, 2)}
    out = list(fill_dates([_article(id_="old"), _article(id_="new")], published=date(2025, 6, 1), stored=stored.get))
    assert [a.published for a in out] == [date(2025, 2, 2), date(2025, 6, 1)]


@pytest.mark.issue(15)
def test_override_date_needs_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--override-date"])
    assert result.exit_code == 1 and "Error [E102]" in result.output and "--date" in result.output


KOREA = (
    "South Korea and Japan sign trade pact\n\n"
    "South Korea's government signed a trade agreement with Japan's government on Monday, officials said."
)


@pytest.mark.issue(15)
@pytest.mark.model
def test_ingest_warns_about_undated_events_and_dyad_says_why(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "pact.txt").write_text(KOREA, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(news), "--db", db])
    assert result.exit_code == 0, result.output
    assert "events have no day date" in result.output and "1 articles had no publication date" in result.output
    assert "--date YYYY-MM-DD" in result.output
    dyad = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db])
    assert dyad.exit_code == 0
    assert "none with a day date" in dyad.output and "from 1 articles without a publication date" in dyad.output
    other = runner.invoke(app, ["dyad", "JPN", "JPN", "--db", db])  # both actors known, no such dyad
    assert "no events of JPN -> JPN" in other.output, other.output

    # --date fills the missing date; a later run with another --date keeps it; --override-date replaces it
    assert runner.invoke(app, ["ingest", str(news), "--db", db, "--date", "2026-01-05"]).exit_code == 0
    again = runner.invoke(app, ["ingest", str(news), "--db", db, "--date", "2026-02-01"])
    assert "1 kept from the store" in again.output and "1 unchanged" in again.output
    rows = runner.invoke(app, ["dyad", "KOR", "JPN", "--db", db, "--format", "jsonl"])
    assert [json.loads(line)["period"] for line in rows.stdout.splitlines()] == ["2026-01-05"]
    over = runner.invoke(app, ["ingest", str(news), "--db", db, "--date", "2026-02-01", "--override-date"])
    assert "1 replaced by --date" in over.output and "1 replaced" in over.output


@pytest.mark.issue(15)
@pytest.mark.model
def test_code_warns_about_undated_events(tmp_path: Path) -> None:
    path = tmp_path / "pact.txt"
    path.write_text(KOREA, encoding="utf-8")
    undated = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert undated.exit_code == 0 and "events have no day date" in undated.output
    dated = runner.invoke(app, ["code", str(path), "--format", "jsonl", "--date", "2026-01-06"])
    assert "no day date" not in dated.output and "1 from --date" in dated.output
