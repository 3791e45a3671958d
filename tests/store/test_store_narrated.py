"""Narrated turns in the store (migration 0008), in `volte shifts`, the API and the dashboard, and the seed
article alone: `volte code` and `volte ingest` + `volte shifts` on a fresh store give its COL->USA thaw."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path

import pytest
from store_records import article
from typer.testing import CliRunner

from volte.cli import app
from volte.store.db import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

runner = CliRunner()

# One article telling a thaw (accusation on the 4th; talks and an agreed meeting on the 7th), one other.
TOLD = article(
    "told",
    [
        ("COLGOV", "USAGOV", "120", "2026-01-04"),
        ("COLGOV", "USAGOV", "040", "2026-01-07"),
        ("COLGOV", "USA", "036", "2026-01-07"),
    ],
    url="https://wire.example/told",
)
OTHER = article("other", [("DEUGOV", "FRAGOV", "040", "2026-01-05")])


def _turns(store: Store) -> list[tuple[object, ...]]:
    return store.con.execute(
        "SELECT article_id, source, target, kind, before_date, after_date FROM turns ORDER BY ALL"
    ).fetchall()


@pytest.mark.issue(14)
def test_store_keeps_narrated_turns_and_reingest_is_idempotent(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([TOLD, OTHER])
        expected = [("told", "COL", "USA", "thaw", date(2026, 1, 4), date(2026, 1, 7))]
        assert _turns(store) == expected
        store.ingest([TOLD, OTHER])
        assert _turns(store) == expected  # nothing doubled
        (turn,) = store.narrated_turns(source="col")
        assert turn["before_event_ids"] == [TOLD.events[0].event_id] and turn["contrast"] == 6.5
        assert store.get_article("told")["turns"] == [turn]  # type: ignore[index]
        assert store.get_article("other")["turns"] == []  # type: ignore[index]
        assert store.narrated_turns(since=date(2026, 1, 8)) == []
        # a changed article loses its old turns: the new version narrates none
        store.ingest(
            [article("told", [("COLGOV", "USAGOV", "040", "2026-01-07")], url="https://wire.example/told")]
        )
        assert _turns(store) == []


@pytest.mark.issue(14)
def test_store_migration_0008_fills_turns_from_stored_events(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.ingest([TOLD, OTHER])
        store.con.execute("DROP TABLE turns")  # rewind to a store before 0008
        store.con.execute("DELETE FROM _migrations WHERE name = '0008_narrated_turns'")
    with Store(path) as store:
        assert _turns(store) == [("told", "COL", "USA", "thaw", date(2026, 1, 4), date(2026, 1, 7))]
        assert store.con.execute("SELECT method FROM turns").fetchall() == [("volte.narrated.v1",)]


@pytest.mark.issue(14)
def test_shifts_cli_lists_narrated_turns_with_the_article_as_evidence(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.ingest([TOLD, OTHER])
    result = runner.invoke(app, ["shifts", "--db", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["kind"], row["turn"], row["source"], row["target"], row["date"]) == (
        "narrated",
        "thaw",
        "COL",
        "USA",
        "2026-01-07",
    )
    assert row["article_id"] == "told" and {e["doc_id"] for e in row["evidence_events"]} == {"told"}
    assert row["before"]["start"] == "2026-01-04" and row["evidence"][0] == TOLD.events[0].event_id
    table = runner.invoke(app, ["shifts", "--db", str(path)])
    assert "narrated thaw" in table.stdout and "told in told" in table.stdout
    for kind, count in (("narrated", 1), ("thaw", 1), ("rupture", 0)):
        listed = runner.invoke(app, ["shifts", "--db", str(path), "-f", "jsonl", "--kind", kind])
        assert listed.exit_code == 0 and len(listed.stdout.splitlines()) == count, kind
    wrong = runner.invoke(app, ["shifts", "--db", str(path), "--kind", "calm"])
    assert wrong.exit_code != 0 and "thaw, rupture or narrated" in wrong.output


@pytest.mark.issue(14)
def test_api_shifts_include_narrated_turns_and_pages_show_them(tmp_path: Path) -> None:
    from volte.serve.app import create_app

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.ingest([TOLD, OTHER])
    with TestClient(create_app(path, token=""), base_url="http://127.0.0.1") as client:
        body = client.get("/api/shifts").json()
        assert [(s["kind"], s["turn"], s["source"], s["target"]) for s in body["shifts"]] == [
            ("narrated", "thaw", "COL", "USA")
        ]
        assert client.get("/api/shifts?kind=rupture").json()["total"] == 0
        assert client.get("/api/shifts?kind=narrated").json()["total"] == 1
        assert client.get("/api/articles/told").json()["turns"][0]["after_date"] == "2026-01-07"
        page = client.get("/article/told").text
        assert 'id="narrated-turns"' in page and 'data-dyad="COL-USA"' in page
        assert TOLD.events[0].sentence in page and "2026-01-04" in page
        assert 'id="narrated-turns"' not in client.get("/article/other").text


SEED_TURNS = {
    ("COL", "USA", "thaw", "2026-01-04", "2026-01-07"),
    ("USA", "COL", "thaw", "2026-01-04", "2026-01-07"),
}


def _seed(shared_dir: Path) -> str:
    return str(shared_dir / "seed" / "petro_trump_reversal.txt")


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.issue(14)
def test_seed_alone_narrates_its_thaw_in_volte_code(shared_dir: Path) -> None:
    result = runner.invoke(app, ["code", _seed(shared_dir), "--date", "2026-01-07", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    turns = [r for r in lines if r.get("record") == "turn"]
    assert all("record" not in r for r in lines[: len(lines) - len(turns)])  # events first, untyped
    assert {
        (t["source"], t["target"], t["kind"], t["before_date"], t["after_date"]) for t in turns
    } == SEED_TURNS
    col = next(t for t in turns if t["source"] == "COL")
    assert any("refuted Trump's accusation" in s for s in col["before_sentences"])
    assert any("agreed to meet at the White House" in s for s in col["after_sentences"])
    table = runner.invoke(app, ["code", _seed(shared_dir), "--date", "2026-01-07"])
    assert "Narrated turns (volte.narrated.v1)" in table.stdout
    assert "2026-01-04 conflict:" in table.stdout and "2026-01-07 cooperation:" in table.stdout
    plain = runner.invoke(
        app, ["code", _seed(shared_dir), "--date", "2026-01-07", "-f", "jsonl", "--no-turns"]
    )
    assert all("record" not in json.loads(line) for line in plain.stdout.splitlines())


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.issue(14)
def test_seed_alone_in_a_fresh_store_gives_narrated_shifts(shared_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "fresh.duckdb"
    ingest = runner.invoke(app, ["ingest", "--db", str(path), "--date", "2026-01-07", _seed(shared_dir)])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["shifts", "--db", str(path), "-f", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    narrated = {
        (r["source"], r["target"], r["turn"], r["before"]["end"], r["date"])
        for r in rows
        if r["kind"] == "narrated"
    }
    assert narrated == SEED_TURNS
    col = next(r for r in rows if r["kind"] == "narrated" and r["source"] == "COL")
    sentences = " ".join(e["sentence"] for e in col["evidence_events"])
    assert "refuted Trump's accusation" in sentences and "agreed to meet at the White House" in sentences


@pytest.mark.model
@pytest.mark.issue(14)
def test_code_page_shows_the_turn_a_pasted_text_narrates(tmp_path: Path) -> None:
    from volte.serve.app import create_app

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.ingest([OTHER])
    text = (
        "BOGOTA, Jan 27 - Colombian President Gustavo Petro refused on Sunday to accept deportation flights "
        "from the United States. On Monday, Colombia agreed to accept the flights, and Colombian officials met "
        "American diplomats in Bogota."
    )
    with TestClient(create_app(path, token=""), base_url="http://127.0.0.1") as client:
        form = {"text": text, "date": "2025-01-27"}
        page = client.post("/code", data=form, headers={"accept": "text/html", "origin": "http://127.0.0.1"})
    assert page.status_code == 200, page.text
    box = page.text[page.text.index('id="narrated-turns"') :]
    assert 'data-dyad="COL-USA"' in box and "2025-01-26" in box and "2025-01-27" in box
    assert "refused on Sunday" in box and "met American diplomats" in box
