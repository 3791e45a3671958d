"""Month periods and the country-by-country panel of `volte dyad` (issue 15), on a hand-built store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from store_records import article
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.store.db import Store

pytestmark = pytest.mark.issue(15)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """COL->USA in January and March 2026 (none in February), USA->VEN in February."""
    path = tmp_path_factory.mktemp("panel") / "store.duckdb"
    items = [
        article(
            "jan", [("COLGOV", "USAGOV", "111", "2026-01-04"), ("COLGOV", "USAGOV", "036", "2026-01-20")]
        ),
        article("mar", [("COLGOV", "USAGOV", "042", "2026-03-09")], url="https://b.example/mar"),
        article("feb", [("USAGOV", "VENGOV", "190", "2026-02-03")], url="https://c.example/feb"),
    ]
    with Store(path) as store:
        store.ingest(items)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_store_panel_dyad_month_csv_has_source_target_and_gap_months(db: Path) -> None:
    code, out, err = _run("dyad", "COL", "USA", "--db", str(db), "--freq", "month", "-f", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["source"], r["target"], r["period"], r["clusters"]) for r in rows] == [
        ("COL", "USA", "2026-01-01", "2"),
        ("COL", "USA", "2026-02-01", "0"),
        ("COL", "USA", "2026-03-01", "1"),
    ]


@pytest.mark.parametrize("freq", ["year", "quarter"])
def test_store_panel_bad_freq_names_freq(db: Path, freq: str) -> None:
    code, _, err = _run("dyad", "COL", "USA", "--db", str(db), "--freq", freq)
    assert code == 1 and err.startswith("Error [E102]: --freq") and "month" in err and "--format" not in err


def test_store_panel_all_month_parquet_reads_back_in_duckdb(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "panel.parquet"
    code, _, err = _run("dyad", "--all", "--freq", "month", "-o", str(out), "--db", str(db))
    assert code == 0, err
    con = duckdb.connect()
    columns = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM '{out}'").fetchall()]
    assert columns[:3] == ["source", "target", "period"]
    rows = con.execute(
        f"SELECT source, target, strftime(period, '%Y-%m-%d'), clusters FROM '{out}' ORDER BY 1, 2, 3"
    ).fetchall()
    assert rows == [  # balanced: every dyad over every month of the stored range
        ("COL", "USA", "2026-01-01", 2),
        ("COL", "USA", "2026-02-01", 0),
        ("COL", "USA", "2026-03-01", 1),
        ("USA", "VEN", "2026-01-01", 0),
        ("USA", "VEN", "2026-02-01", 1),
        ("USA", "VEN", "2026-03-01", 0),
    ]


@pytest.mark.parametrize(("args", "problem"), [(("COL", "USA"), "--all"), ((), "SOURCE and TARGET")])
def test_store_panel_all_or_a_dyad(db: Path, args: tuple[str, ...], problem: str) -> None:
    extra = ("--all",) if args else ()
    code, _, err = _run("dyad", *args, *extra, "--db", str(db))
    assert code == 1 and "E102" in err and problem in err


def test_store_panel_parquet_needs_output(db: Path) -> None:
    code, _, err = _run("dyad", "--all", "-f", "parquet", "--db", str(db))
    assert code == 1 and "E102" in err and "-o" in err


def test_store_events_table_names_each_event(db: Path) -> None:
    code, out, _ = _run("events", "--db", str(db), "--source", "USA")
    assert code == 0
    header, _, row = out.splitlines()[:3]
    assert "event" in header.split() and "190" in row and "Use conventional mil" in row
