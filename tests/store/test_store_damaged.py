"""Damaged stores (issue 16 items 3 and 4): a truncated or checksum-corrupted DuckDB file is E503 with the
fix, from the library, every CLI command and the API; DuckDB errors are classified by exception type and
the fields of DuckDB's message template, never by a word found anywhere in the text."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_records import article
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.analyse import shifts as detection
from volte.cli.app import app
from volte.errors import StoreError
from volte.store.db import Store, translate

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CHECKSUM = "Corrupt database file: computed checksum 2977660947102801265 does not match stored checksum 3049717339791843185 in block at location 0"
TRUNCATED = 'IO Error: Could not read enough bytes from file "{path}": attempted to read 262144 bytes from location 2371584'
LOCKED = 'IO Error: Could not set lock on file "{path}": Conflicting lock is held in /usr/bin/python3.11 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency'


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("damaged") / "good.duckdb"
    items = [article(f"a{i}", [("COLGOV", "USAGOV", "111", f"2026-01-0{1 + i % 8}")]) for i in range(30)]
    with Store(path) as store:
        store.ingest(items)
    return path


def truncated(good: Path, dest: Path, size: int) -> Path:
    shutil.copy(good, dest)
    with open(dest, "r+b") as fh:
        fh.truncate(size)
    return dest


def flipped(good: Path, dest: Path, offset: int) -> Path:
    """The store with 64 bytes inverted at ``offset`` (the block's checksum no longer matches)."""
    shutil.copy(good, dest)
    with open(dest, "r+b") as fh:
        fh.seek(offset)
        data = fh.read(64)
        fh.seek(offset)
        fh.write(bytes(b ^ 0xFF for b in data))
    return dest


# -- classification ---------------------------------------------------------------------------------


@pytest.mark.issue(16)
def test_translate_checksum_error_is_corrupt_not_locked() -> None:
    error = translate(duckdb.Error(CHECKSUM), "s.duckdb")
    assert error.code == "E503"
    assert "checksum" in error.message and "block at byte 0" in error.message
    assert "locked" not in error.message


@pytest.mark.issue(16)
def test_translate_truncation_is_corrupt_with_the_fix() -> None:
    error = translate(duckdb.IOException(TRUNCATED.format(path="s.duckdb")), "s.duckdb", doing="event query")
    assert error.code == "E503"
    assert "cut short" in error.message and "volte ingest --db s.duckdb" in error.message


@pytest.mark.issue(16)
def test_translate_lock_names_the_holder() -> None:
    error = translate(duckdb.IOException(LOCKED.format(path="s.duckdb")), "s.duckdb")
    assert error.code == "E502" and "process 4242" in error.message


@pytest.mark.issue(16)
@given(
    kind=st.sampled_from(
        [
            duckdb.Error,
            duckdb.CatalogException,
            duckdb.BinderException,
            duckdb.InvalidInputException,
            duckdb.ConversionException,
            duckdb.InternalException,
            duckdb.IOException,
        ]
    ),
    words=st.lists(
        st.sampled_from(
            [
                "lock",
                "block",
                "Conflicting",
                "Could not set lock",
                "corrupt",
                "checksum",
                "not a valid DuckDB database",
                "PID 12",
                "Corrupt",
                "Invalid Input Error: File",
            ]
        ),
        max_size=4,
    ),
    prefix=st.sampled_from(["", "Binder Error: ", "Catalog Error: table ", "IO Error: cannot open ", "x"]),
)
def test_translate_never_classifies_by_a_word_in_the_text(
    kind: type[duckdb.Error], words: list[str], prefix: str
) -> None:
    """A message that merely mentions locks or corruption (a table name, a path, a block number) is not a
    lock or a corrupt file: only DuckDB's own lock/corruption templates, on their exception types, are."""
    error = translate(kind(prefix + " ".join(words)), "s.duckdb", doing="event query")
    assert error.code == "E504"


# -- the library ------------------------------------------------------------------------------------


@pytest.mark.issue(16)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(min_value=0.0001, max_value=0.9999))
def test_truncated_store_is_e503_or_still_readable(good: Path, tmp_path: Path, fraction: float) -> None:
    size = good.stat().st_size
    path = truncated(good, tmp_path / "cut.duckdb", max(1, int(size * fraction)))
    for read_only in (True, False):
        try:
            with Store(path, read_only=read_only) as store:
                store.query_events()
                detection.shifts(store)
                store.stats()
        except StoreError as exc:
            assert exc.code == "E503", exc
            assert "cut short" in exc.message or "not a DuckDB database" in exc.message


@pytest.mark.issue(16)
def test_checksum_corrupt_store_is_e503(good: Path, tmp_path: Path) -> None:
    path = flipped(good, tmp_path / "flip.duckdb", 8300)
    with pytest.raises(StoreError) as caught:
        Store(path, read_only=True)
    assert caught.value.code == "E503" and "checksum" in caught.value.message


# -- the CLI ----------------------------------------------------------------------------------------

CLI_COMMANDS: dict[str, Callable[[Path, Path], list[str]]] = {
    "events": lambda db, tmp: ["events", "--db", str(db)],
    "shifts": lambda db, tmp: ["shifts", "--db", str(db)],
    "dyad": lambda db, tmp: ["dyad", "COL", "USA", "--db", str(db)],
    "export": lambda db, tmp: ["export", "-f", "gdelt", "-o", str(tmp / "x.tsv"), "--db", str(db)],
}


@pytest.mark.issue(16)
@pytest.mark.parametrize("command", sorted(CLI_COMMANDS))
@pytest.mark.parametrize("damage", ["head", "tail", "checksum"])
def test_cli_damaged_store_is_e503_without_traceback(
    good: Path, tmp_path: Path, command: str, damage: str
) -> None:
    size = good.stat().st_size
    db = {
        "head": lambda: truncated(good, tmp_path / "s.duckdb", 12288),
        "tail": lambda: truncated(good, tmp_path / "s.duckdb", size // 3),
        "checksum": lambda: flipped(good, tmp_path / "s.duckdb", 8300),
    }[damage]()
    result = CliRunner().invoke(app, CLI_COMMANDS[command](db, tmp_path))
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error [E503]: "), result.stderr
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    assert "volte ingest --db" in result.stderr  # the fix


@pytest.mark.issue(16)
@pytest.mark.model
def test_cli_ingest_into_truncated_store_is_e503(good: Path, tmp_path: Path) -> None:
    db = truncated(good, tmp_path / "s.duckdb", good.stat().st_size // 3)
    story = tmp_path / "story.txt"
    story.write_text(
        "Colombian President Gustavo Petro criticized the United States on Monday.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["ingest", str(story), "--db", str(db), "--date", "2026-01-07"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1].startswith("Error [E503]: "), result.stderr


# -- the API ----------------------------------------------------------------------------------------


def _api(path: Path) -> TestClient:
    from volte.serve.app import create_app

    return TestClient(create_app(path, token=""), base_url="http://127.0.0.1")


@pytest.mark.issue(16)
@pytest.mark.parametrize("damage", ["truncated", "checksum", "not a database"])
def test_api_damaged_store_is_503_e503(good: Path, tmp_path: Path, damage: str) -> None:
    db = tmp_path / "s.duckdb"
    if damage == "truncated":
        truncated(good, db, good.stat().st_size // 3)
    elif damage == "checksum":
        flipped(good, db, 8300)
    else:
        db.write_text("id,text\n1,hello\n", encoding="utf-8")
    with _api(db) as client:
        for url in ("/api/events", "/api/shifts", "/api/dyads/COL/USA/series", "/api/health"):
            response = client.get(url)
            body = response.json()
            assert response.status_code == 503, (url, body)
            assert body["ok"] is False and body["code"] == "E503" and body["status"] == 503, (url, body)
            assert "locked" not in body["error"] and str(db) in body["error"], body
