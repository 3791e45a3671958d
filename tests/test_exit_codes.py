"""The exit-code contract (issue 16 item 5): 0 every document coded, 4 done with N rejects, 1 failure,
2 usage, 3 quality gate; through the real commands (typer's CliRunner, a subprocess for a held lock)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer.main
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import EXIT_FAILED, EXIT_GATE, EXIT_OK, EXIT_REJECTS, EXIT_USAGE, app, run_exit_code

STORY = (
    "Colombian President Gustavo Petro accused the United States of violating international law on Sunday."
)
OTHER = "Colombian President Gustavo Petro spoke by phone with U.S. President Donald Trump on Wednesday."
CODING = ("code", "ingest", "batch", "timex")
EVAL = ("eval",)


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stderr


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def record(doc_id: str, text: str) -> str:
    return json.dumps({"id": doc_id, "date": "2026-01-07", "text": text})


@pytest.mark.issue(16)
def test_exit_codes_are_distinct() -> None:
    assert len({EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_GATE, EXIT_REJECTS}) == 5
    assert (EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_GATE, EXIT_REJECTS) == (0, 1, 2, 3, 4)


@pytest.mark.issue(16)
@given(rejects=st.integers(0, 10**6), failed=st.integers(0, 10**3))
def test_run_exit_code_failure_beats_rejects(rejects: int, failed: int) -> None:
    expected = EXIT_FAILED if failed else EXIT_REJECTS if rejects else EXIT_OK
    assert run_exit_code(rejects=rejects, failed=failed) == expected


@pytest.mark.issue(16)
def test_every_command_help_states_its_exit_codes() -> None:
    command = typer.main.get_command(app)
    ctx = click.Context(command, info_name="volte")
    for name in command.list_commands(ctx):  # type: ignore[attr-defined]
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0
        text = " ".join(result.output.split())
        assert "Exit codes: 0" in text, name
        if name in CODING:
            assert "4 done, with N rejects" in text, name
        if name in EVAL:
            assert "3 quality gate failed" in text, name


@pytest.mark.issue(16)
@pytest.mark.model
def test_ingest_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    clean = jsonl(tmp_path / "clean.jsonl", record("a", STORY), record("b", OTHER))
    mixed = jsonl(tmp_path / "mixed.jsonl", record("a", STORY), record("b", OTHER), "{not json")

    code, err = invoke("ingest", str(mixed), "--db", db)
    assert code == EXIT_REJECTS and "1 rejected (E205: 1)" in err, err
    code, err = invoke("ingest", str(mixed), "--db", db)  # a rerun: nothing new, the same reject again
    assert code == EXIT_REJECTS and "0 new" in err and "2 unchanged" in err, err
    code, err = invoke("ingest", str(clean), "--db", db)  # a rerun with nothing to do and no rejects
    assert code == EXIT_OK and "0 new" in err, err

    assert invoke("ingest", str(tmp_path / "missing.jsonl"), "--db", db)[0] == EXIT_FAILED
    assert invoke("ingest", "--db", db)[0] == EXIT_USAGE  # no inputs
    assert invoke("ingest", str(clean), "--db", db, "--batch-size", "0")[0] == EXIT_USAGE


@pytest.mark.issue(16)
@pytest.mark.model
def test_ingest_into_a_locked_store_fails_with_1(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code, err = invoke("ingest", str(jsonl(tmp_path / "a.jsonl", record("a", STORY))), "--db", str(db))
    finally:
        holder.kill()
        holder.wait()
    assert code == EXIT_FAILED and "Error [E502]" in err, err


@pytest.mark.issue(16)
@pytest.mark.model
def test_code_exit_codes(tmp_path: Path) -> None:
    clean = jsonl(tmp_path / "clean.jsonl", record("a", STORY))
    mixed = jsonl(tmp_path / "mixed.jsonl", record("a", STORY), json.dumps({"id": "e", "text": "   "}))
    assert invoke("code", str(clean), "-f", "jsonl")[0] == EXIT_OK
    code, err = invoke("code", str(mixed), "-f", "jsonl")
    assert code == EXIT_REJECTS and "1 rejected" in err, err
    assert invoke("code", str(tmp_path / "missing.txt"))[0] == EXIT_FAILED
    assert invoke("code", str(clean), "--no-such-option")[0] == EXIT_USAGE


@pytest.mark.issue(16)
def test_timex_exit_codes(tmp_path: Path) -> None:
    clean = jsonl(tmp_path / "clean.jsonl", record("a", "It happened yesterday."))
    mixed = jsonl(tmp_path / "mixed.jsonl", record("a", "It happened yesterday."), "not json")
    assert invoke("timex", str(clean))[0] == EXIT_OK
    assert invoke("timex", str(mixed))[0] == EXIT_REJECTS


@pytest.mark.issue(16)
@pytest.mark.model
def test_eval_gate_exits_3(tmp_path: Path) -> None:
    gold = jsonl(
        tmp_path / "gold.jsonl",
        json.dumps(
            {
                "id": "g",
                "date": "2026-01-07",
                "text": STORY,
                "expected_events": [{"source": "COL", "target": "USA", "code": "112"}],
            }
        ),
    )
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold.jsonl": {"floors": {"root.f1": 1.01}}}), encoding="utf-8")
    code, err = invoke("eval", str(gold), "--floors", str(floors))
    assert code == EXIT_GATE and "quality gate" in err, err
    floors.write_text(json.dumps({"gold.jsonl": {"floors": {"root.f1": 0.0}}}), encoding="utf-8")
    assert invoke("eval", str(gold), "--floors", str(floors))[0] == EXIT_OK
