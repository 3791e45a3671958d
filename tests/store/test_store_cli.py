"""`volte events`, `export`, `dyad` and `shifts` through typer's CliRunner on a hand-built store."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import duckdb
import pytest
from store_records import article
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.records import EVENT_FIELDS
from volte.store.db import Store
from volte.store.exports import GDELT_COLUMNS


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A COL->USA dispute (4-6 Jan, several publishers) turning into talks (7-9 Jan)."""
    path = tmp_path_factory.mktemp("cli") / "store.duckdb"
    hosts = ["a.example", "b.example", "c.example", "d.example"]
    items = []
    for day, codes in (
        (4, ("111", "112", "138")),
        (5, ("111", "112")),
        (6, ("112",)),
        (7, ("042", "036")),
        (8, ("040", "036")),
        (9, ("057",)),
    ):
        for h, host in enumerate(hosts):
            specs = [("COLGOV", "USAGOV", code, f"2026-01-{day:02d}") for code in codes]
            items.append(article(f"d{day}-{h}", specs, url=f"https://{host}/{day}/{h}"))
    items.append(article("other", [("USAGOV", "VENGOV", "190", "2026-01-03")], url="https://a.example/ven"))
    with Store(path) as store:
        store.ingest(items)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_events_jsonl_has_contract_fields_and_cluster(db: Path) -> None:
    code, out, _ = _run(
        "events", "--db", str(db), "--source", "COL", "--target", "USA", "--root", "04", "--format", "jsonl"
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(rows) == 8  # 042 and 040 from four publishers
    assert all(list(r) == [*EVENT_FIELDS, "cluster_id"] for r in rows)
    assert len({r["cluster_id"] for r in rows}) == 1  # 7 and 8 January: one cluster (36 h)


@pytest.mark.parametrize(
    ("args", "count"),
    [(("--since", "2026-01-08"), 12), (("--until", "2026-01-03"), 1), (("--target", "VEN"), 1)],
)
def test_cli_events_csv_filters(db: Path, args: tuple[str, ...], count: int) -> None:
    code, out, _ = _run("events", "--db", str(db), "--format", "csv", "--limit", "1000", *args)
    assert code == 0
    assert len(list(csv.DictReader(io.StringIO(out)))) == count


def test_cli_events_table_reports_the_total(db: Path) -> None:
    code, out, err = _run("events", "--db", str(db), "--limit", "3")
    assert code == 0
    assert "3 of 45 matching events" in err
    assert out.splitlines()[0].split()[:3] == ["date", "source", "code"]


def test_cli_dyad_csv_and_plot(db: Path, tmp_path: Path) -> None:
    chart = tmp_path / "col_usa.svg"
    code, out, _ = _run("dyad", "COL", "USA", "--db", str(db), "--format", "csv", "--plot", str(chart))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [r["period"] for r in rows] == [f"2026-01-0{d}" for d in range(4, 10)]
    assert float(rows[0]["goldstein_mean"]) < 0 < float(rows[-1]["goldstein_mean"])
    assert rows[0]["sources"] == "8"  # two clusters (roots 11 and 13) x four publishers
    assert chart.read_text().lstrip().startswith("<?xml") and "thaw" in chart.read_text()


@pytest.mark.issue(17)
def test_cli_dyad_plot_without_the_plot_extra_is_a_coded_error(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` fails: the extra is missing
    chart = tmp_path / "col_usa.png"
    code, _, err = _run("dyad", "COL", "USA", "--db", str(db), "--plot", str(chart))
    assert code == 1
    assert "Error [E132]" in err and "volte[plot]" in err
    assert not chart.exists()


def test_cli_dyad_week_table(db: Path) -> None:
    code, out, _ = _run("dyad", "colgov", "usa", "--db", str(db), "--freq", "week")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[2:]] == ["2025-12-29", "2026-01-05"]


def test_cli_shifts_jsonl_finds_the_thaw_with_evidence(db: Path) -> None:
    code, out, _ = _run("shifts", "--db", str(db), "--format", "jsonl")
    shifts = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    thaws = [s for s in shifts if (s["source"], s["target"], s["kind"]) == ("COL", "USA", "thaw")]
    assert len(thaws) == 1
    thaw = thaws[0]
    assert thaw["date"] == "2026-01-07"
    assert {"source", "target", "kind", "date", "score", "before", "after", "evidence"} <= set(thaw)
    dates = {e["date"] for e in thaw["evidence_events"]}
    assert "2026-01-04" in dates and "2026-01-07" in dates
    assert thaw["evidence"] == [e["event_id"] for e in thaw["evidence_events"]]


def test_cli_shifts_table_shows_evidence_sentences(db: Path) -> None:
    code, out, _ = _run("shifts", "--db", str(db), "--window", "3d")
    assert code == 0
    assert "thaw COL->USA on 2026-01-07" in out
    assert "COLGOV does criticize or denounce to USAGOV" in out


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("events", "--source", "XYZ"), "E505"),
        (("events", "--since", "2026-02-01", "--until", "2026-01-01"), "E506"),
        (("events", "--since", "yesterday"), "E101"),
        (("events", "--root", "42"), "E102"),
        (("events", "--format", "xml"), "E102"),
        (("dyad", "COL", "FRA"), "E505"),
        (("dyad", "C0L", "USA"), "E507"),
        (("dyad", "COL", "USA", "--freq", "year"), "E102"),
        (("dyad", "COL", "USA", "--plot", "chart.pdf"), "E102"),
        (("shifts", "--window", "2h"), "E102"),
        (("shifts", "--window", "soon"), "E102"),
        (("shifts", "--kind", "sideways"), "E504"),
        (("export", "--format", "xls", "-o", "x.xls"), "E102"),
    ],
)
def test_cli_bad_input_is_a_coded_error(db: Path, args: tuple[str, ...], code: str) -> None:
    exit_code, _, err = _run(*args, "--db", str(db))
    assert exit_code == (2 if code == "E101" else 1)  # a malformed date option is usage (issue 16)
    assert err.startswith(f"Error [{code}]")


@pytest.mark.parametrize(
    "command", [("events",), ("dyad", "COL", "USA"), ("shifts",), ("export", "-f", "csv", "-o", "x.csv")]
)
def test_cli_missing_store_is_a_coded_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    exit_code, _, err = _run(*command, "--db", str(tmp_path / "none.duckdb"))
    assert exit_code == 1
    assert "Error [E501]: no store at" in err
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_export_gdelt_has_61_legacy_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.gdelt.tsv"
    code, _, err = _run("export", "--db", str(db), "--format", "gdelt", "--header", "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert code == 0 and "wrote" in err
    assert lines[0].split("\t") == list(GDELT_COLUMNS)  # --header: GDELT's own files have none
    assert (
        len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    )
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 61 for r in rows) and not any(line.endswith("\t") for line in lines)
    record = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert (
        record["SQLDATE"] == "20260103"
        and record["Actor1Code"] == "USAGOV"
        and record["Actor1Type1Code"] == "GOV"
    )
    assert (
        record["EventRootCode"] == "19"
        and record["NumSources"] == "1"
        and record["SOURCEURL"] == "https://a.example/ven"
    )
    jan4 = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in rows if r[1] == "20260104" and r[28] == "11"]
    # 111/112 on the 4th and 5th: one cluster of 16 mentions in 8 articles from 4 publishers
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in jan4] == [("16", "4", "8")]


def test_cli_export_plover_parquet_csv_round_trip(db: Path, tmp_path: Path) -> None:
    for fmt in ("plover", "parquet", "csv"):
        code, _, _ = _run("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        assert code == 0
    plover = [json.loads(line) for line in (tmp_path / "out.plover").read_text().splitlines()]
    assert len(plover) == 45
    call = next(r for r in plover if r["volte"]["cameo"] == "042")
    assert (call["event"], call["actor"][0]["code"], call["recipient"][0]["code"]) == (["CONSULT"], "COL", "USA")
    con = duckdb.connect()
    parquet = con.execute(
        f"SELECT count(*), count(DISTINCT cluster_id) FROM '{tmp_path / 'out.parquet'}'"
    ).fetchone()
    csv_rows = con.execute(f"SELECT count(*) FROM read_csv('{tmp_path / 'out.csv'}')").fetchone()
    assert parquet == (45, 7) and csv_rows == (45,)


def test_cli_export_gdelt_names_an_article_without_url_by_its_id(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        store.ingest([article("no-url", [("COLGOV", "USAGOV", "040", "2026-01-05")])])
    out = tmp_path / "events.gdelt.tsv"
    code, _, _ = _run("export", "--db", str(path), "--format", "gdelt", "-o", str(out))
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert code == 0 and line.split("\t")[-1] == "urn:volte:doc:no-url"
