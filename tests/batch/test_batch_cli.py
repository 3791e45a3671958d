"""`volte batch` argument errors: clear coded messages, exit 1, no cluster started (fast, no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from volte.cli import app


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Brazil praised Argentina."}) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-"], "E102", "cannot read stdin"),
        (["{jsonl}", "--shard-size", "0"], "E102", "at least 1"),
        (["{jsonl}", "--workers", "0"], "E121", "at least 1 worker"),
        (["{jsonl}", "--date", "7 Jan"], "E101", "YYYY-MM-DD"),
        (["{missing}"], "E201", "no such file"),
    ],
)
def test_batch_cli_rejects_bad_arguments(
    tmp_path: Path, jsonl: Path, args: list[str], code: str, message: str
) -> None:
    filled = [a.format(jsonl=jsonl, missing=tmp_path / "nope.jsonl") for a in args]
    result = CliRunner().invoke(app, ["batch", *filled, "--out", str(tmp_path / "out")])
    assert result.exit_code == (2 if code == "E101" else 1)  # a malformed date option is usage (issue 16)
    assert f"Error [{code}]" in result.output and message in result.output


def test_batch_cli_refuses_a_directory_of_another_batch(tmp_path: Path, jsonl: Path) -> None:
    out = tmp_path / "out"
    (out / "shards" / "x-1").mkdir(parents=True)
    (out / "manifest.json").write_text(
        json.dumps({"format": "volte-batch/1", "plan": {"fingerprint": "other"}}), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["batch", str(jsonl), "--out", str(out)])
    assert result.exit_code == 1 and "Error [E120]" in result.output
