"""`volte timex`: every time expression of JSON Lines records with its TimeML value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app

runner = CliRunner()
RECORDS = [
    {"id": "bogota-1", "date": "2026-01-07", "text": "Petro spoke today (January 7), after the raid on the 4th."},
    {"id": "caracas-2", "date": None, "text": "Ministers met on Jan. 3, 2026 and again on Sunday."},
]


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_timex_cli_jsonl_rows(records: Path) -> None:
    result = runner.invoke(app, ["timex", str(records), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["text"], r["value"]) for r in rows] == [
        ("bogota-1", "today (January 7)", "2026-01-07"),
        ("bogota-1", "the 4th", "2026-01-04"),
        ("caracas-2", "Jan. 3, 2026", "2026-01-03"),
        ("caracas-2", "Sunday", "XXXX-WXX-7"),
    ]
    assert all(set(r) == {"doc_id", "start", "end", "text", "value"} for r in rows)


def test_timex_cli_offsets_point_into_record_text(records: Path) -> None:
    result = runner.invoke(app, ["timex", str(records)])
    texts = {r["id"]: r["text"] for r in RECORDS}
    for row in map(json.loads, result.stdout.splitlines()):
        assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"]


def test_timex_cli_date_option_anchors_undated_records(records: Path) -> None:
    result = runner.invoke(app, ["timex", str(records), "--date", "2026-01-07"])
    values = {r["text"]: r["value"] for r in map(json.loads, result.stdout.splitlines())}
    assert values["Sunday"] == "2026-01-04"


def test_timex_cli_table_format(records: Path) -> None:
    result = runner.invoke(app, ["timex", str(records), "--format", "table"])
    assert result.exit_code == 0
    assert "today (January 7)" in result.stdout and "2026-01-04" in result.stdout


def test_timex_cli_bad_line_is_rejected_and_others_printed(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "a", "date": "2026-01-07", "text": "It happened yesterday."}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["timex", str(path)])
    assert result.exit_code == 4  # done, with rejects (issue 16)
    assert json.loads(result.stdout.splitlines()[0])["value"] == "2026-01-06"
    assert "E205" in result.stderr


def test_timex_cli_reads_text_files_with_date_option(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Petro condemned the raid on Sunday and will travel next Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["timex", str(path), "--date", "2026-01-07"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["text"], r["value"]) for r in rows] == [
        ("story.txt", "Sunday", "2026-01-04"), ("story.txt", "next Tuesday", "2026-01-13"),
    ]


@pytest.mark.parametrize(
    ("args", "code"),
    [(["timex", "no-such-file.jsonl"], "E201"), (["timex", "--date", "7/1/2026", "x.jsonl"], "E101")],
)
def test_timex_cli_errors_are_coded(args: list[str], code: str, tmp_path: Path) -> None:
    if "x.jsonl" in args:
        (tmp_path / "x.jsonl").write_text("", encoding="utf-8")
        args = [a if a != "x.jsonl" else str(tmp_path / "x.jsonl") for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == (2 if code == "E101" else 1)  # a malformed date option is usage (issue 16)
    assert f"Error [{code}]" in result.stderr
