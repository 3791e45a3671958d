"""CLI polish (issue 15): choices and no `<bool>` in help, rich progress with totals and live counts."""

from __future__ import annotations

import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.cli.progress import Progress, input_bytes, read_weighed
from volte.ingest.sources import scan_inputs
from volte.settings import Settings

pytestmark = pytest.mark.issue(15)


def _help(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"})
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (("code",), "[jsonl|csv|tsv|table]"),
        (("timex",), "[jsonl|csv|tsv|table]"),
        (("dyad",), "[day|week|month]"),
        (("dyad",), "[table|jsonl|csv|parquet]"),
        (("events",), "[table|jsonl|csv]"),
        (("shifts",), "[thaw|rupture|narrated]"),
    ],
)
def test_cli_help_shows_choices(command: tuple[str, ...], shown: str) -> None:
    assert shown in _help(*command)


@pytest.mark.parametrize("command", [(), ("code",), ("ingest",), ("serve",), ("dyad",), ("batch",)])
def test_cli_help_shows_no_bool_on_flags(command: tuple[str, ...]) -> None:
    text = _help(*command)
    assert "--help" in text and "<bool>" not in text


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": f"{path.stem}-{i}", "text": t}) + "\n" for i, t in enumerate(texts))
    )
    return path


def test_cli_progress_counts_bytes_to_each_file_size_and_events(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", ["Peru protested.", "Chile answered the protest at length."])
    second = _jsonl(tmp_path / "b.jsonl", ["Bolivia waited."])
    scan = scan_inputs([str(first), str(second)])
    buffer = io.StringIO()
    progress = Progress(
        "coding",
        total_bytes=input_bytes(scan.files),
        enabled=True,
        console=Console(file=buffer, force_terminal=True, width=200),
    )
    items = list(read_weighed(scan.files, progress, settings=Settings()))
    for n, item in enumerate(items):
        progress.coded(item.id, events=n + 1, rejected=False)
        if item.id == "a-1":  # the end of the first file: exactly its size
            assert progress.bytes == first.stat().st_size
    assert progress.bytes == progress.total_bytes == first.stat().st_size + second.stat().st_size
    assert (progress.done, progress.events) == (3, 6)
    progress.close()
    assert "3 docs" in buffer.getvalue() and "6 events" in buffer.getvalue()


def test_cli_progress_of_ingest_shows_the_stored_event_count() -> None:
    from volte.cli.store_cmd import _progress_callback

    progress = Progress("ingest", enabled=False)
    on_batch = _progress_callback(progress)
    on_batch(SimpleNamespace(documents=50, events=131, rejects=2))
    on_batch(SimpleNamespace(documents=80, events=190, rejects=3))
    assert (progress.done, progress.events, progress.rejects) == (80, 190, 3)


def test_cli_progress_without_sizes_has_no_total() -> None:
    assert input_bytes(scan_inputs(["-"]).files) is None
