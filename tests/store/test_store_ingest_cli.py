"""`volte ingest` with the real ingest and coder: stores, re-runs idempotently, reports rejects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.store.db import Store

pytestmark = pytest.mark.model


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    records = [
        {
            "id": "a1",
            "date": "2026-01-04",
            "url": "https://a.example/1",
            "title": "t",
            "text": "Colombian President Gustavo Petro accused the United States of violating international law on Sunday.",
        },
        {
            "id": "a2",
            "date": "2026-01-07",
            "url": "https://b.example/2",
            "title": "t",
            "text": "Colombian President Gustavo Petro spoke by phone with U.S. President Donald Trump on Wednesday.",
        },
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_cli_stores_then_adds_nothing_on_rerun(inputs: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db)])
    second = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(db)])
    assert first.exit_code == 0 and "2 new" in first.stderr
    assert second.exit_code == 0 and "0 new, 0 replaced, 2 unchanged, 0 events" in second.stderr
    with Store(db, read_only=True) as store:
        rows, total = store.query_events(source="COL")
        provenance = store.con.execute("SELECT DISTINCT spacy_model, volte_version FROM events").fetchall()
    assert total >= 2 and {r["doc_id"] for r in rows} == {"a1", "a2"}
    assert len(provenance) == 1 and provenance[0][0]


def test_ingest_cli_counts_rejects_and_exits_4(inputs: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(inputs), str(empty), "--db", str(db)])
    assert result.exit_code == 4  # done, with rejects (issue 16)
    assert "1 rejected (E202: 1)" in result.stderr
    with Store(db, read_only=True) as store:
        assert store.stats()["rejects"] == 1 and store.stats()["articles"] == 2


@pytest.mark.parametrize(("args", "code"), [(["missing.jsonl"], "E201"), (["--date", "7 Jan"], "E101")])
def test_ingest_cli_bad_input_creates_no_store(
    inputs: Path, tmp_path: Path, args: list[str], code: str
) -> None:
    db = tmp_path / "s.duckdb"
    full = ["ingest", *(a if a != "missing.jsonl" else str(tmp_path / a) for a in args), "--db", str(db)]
    if args[0] == "--date":
        full.insert(1, str(inputs))
    result = CliRunner().invoke(app, full)
    assert result.exit_code == (2 if code == "E101" else 1) and result.stderr.startswith(f"Error [{code}]")
    assert not db.exists()


STORIES = {
    "jan/story.txt": "Colombian President Gustavo Petro accused the United States of violating international law on Sunday.",
    "feb/story.txt": "Colombian President Gustavo Petro spoke by phone with U.S. President Donald Trump on Wednesday.",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".git/description": "Unnamed repository; edit this file to name the repository.\n",
    "notes.pdf": "%PDF-1.4",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, text in STORIES.items():
        (tmp_path / "news" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    return tmp_path / "news"


@pytest.mark.issue(16)
def test_ingest_cli_same_file_name_in_two_folders_stores_both(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    result = CliRunner().invoke(app, ["-v", "ingest", str(folder), "--db", str(db), "--date", "2026-01-07"])
    assert result.exit_code == 0, result.stderr
    assert "ingested 2 documents" in result.stderr and "2 new" in result.stderr
    assert "skipped 2 inputs (1 hidden, 1 unsupported type)" in result.stderr
    assert "notes.pdf" in result.stderr and ".git" in result.stderr  # names at -v
    with Store(db, read_only=True) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert ids == ["feb/story.txt", "jan/story.txt"]


@pytest.mark.issue(16)
@pytest.mark.parametrize("command", ["ingest", "code"])
def test_ingest_cli_repeated_id_in_jsonl_is_reported(inputs: Path, tmp_path: Path, command: str) -> None:
    lines = inputs.read_text(encoding="utf-8").splitlines()
    other = json.loads(lines[1]) | {"id": "a1"}
    inputs.write_text("\n".join([lines[0], lines[0], json.dumps(other)]) + "\n", encoding="utf-8")
    args = [command, str(inputs)] + (["--db", str(tmp_path / "s.duckdb")] if command == "ingest" else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 4  # done, with rejects
    assert "E212" in result.stderr and f"{inputs}:1" in result.stderr and f"{inputs}:3" in result.stderr
    assert "1 repeated" in result.stderr
