"""The CLI's edges: coded errors without tracebacks, exit codes, output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from volte.cli import app
from volte.records import EVENT_FIELDS

runner = CliRunner()
STORY = (
    "Japan and South Korea agreed on Tuesday to hold a summit in Seoul next month, officials said.\n"
    "Kenyan police arrested 12 protesters in Nairobi on Monday."
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["code", "missing-file.txt"], "E201"),
        (["code", "--date", "07/01/2026", "README.md"], "E101"),
        (["code", "--format", "xml", "README.md"], "E102"),
    ],
)
def test_cli_errors_are_coded_without_traceback(args: list[str], code: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == (2 if code == "E101" else 1)  # a malformed date option is usage (issue 16)
    assert f"Error [{code}]" in result.output
    assert "Traceback" not in result.output


@pytest.mark.model
def test_cli_code_jsonl_has_contract_fields(story: Path) -> None:
    result = runner.invoke(app, ["code", str(story), "--date", "2025-06-03", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert events, "the story has coded events"
    for event in events:
        assert set(EVENT_FIELDS) <= set(event)
        assert event["doc_id"] == "story.txt" and isinstance(event["code"], str)


@pytest.mark.model
def test_cli_code_csv_and_table(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert runner.invoke(app, ["code", str(story), "--date", "2025-06-03", "--format", "csv", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and list(rows[0])[: len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    table = runner.invoke(app, ["code", str(story), "--date", "2025-06-03"])
    header = table.stdout.splitlines()[0].split()
    assert table.exit_code == 0 and header[:3] == ["date", "source", "code"]


@pytest.mark.model
def test_cli_code_rejects_bad_line_but_codes_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "date": "2025-06-03", "text": STORY})
    path.write_text(good + "\n{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 4  # done, with rejects (issue 16)
    assert any(json.loads(line)["doc_id"] == "ok" for line in result.stdout.splitlines() if line.startswith("{"))
    assert "E205" in result.output
