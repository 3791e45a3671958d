"""Exporters registered by name (volte.registry.exporters): a format registered by a test shows in
`volte export --help`, is taken from `-o`'s extension and is listed in the unknown-format error; one named
by an entry point is loaded; volte's own formats stay in their order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from store_records import article
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
import volte.registry
from volte.cli.app import app
from volte.registry import Registry, exporters
from volte.store.db import Store
from volte.store.exports import EXTENSIONS, FORMATS, Filters, table_sql

pytestmark = pytest.mark.issue(17)
WIDE = {"COLUMNS": "300", "TERMINAL_WIDTH": "300"}  # help on one line per option


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("registry") / "store.duckdb"
    items = [
        article("talks", [("COLGOV", "USAGOV", "042", "2026-01-07")], url="https://a.example/talks"),
        article("ven", [("USAMIL", "VENMIL", "190", "2026-01-03")], url="https://b.example/ven"),
    ]
    with Store(path) as store:
        store.ingest(items)
    return path


@pytest.fixture
def codes_exporter() -> Iterator[str]:
    """A test format ``codes``: one line per event, its CAMEO code (extension .codes)."""

    @exporters.register("codes", extensions=(".codes",), unit="codes")
    def write_codes(con, path: Path, *, filters: Filters, header: bool) -> int:  # type: ignore[no-untyped-def]
        where = filters.events
        rows = con.execute(f"SELECT code FROM ({table_sql(where.sql)})", where.params).fetchall()
        path.write_text("".join(f"{r[0]}\n" for r in rows), encoding="utf-8")
        return len(rows)

    yield "codes"
    exporters.unregister("codes")


def test_registry_holds_volte_formats_in_order() -> None:
    assert exporters.names()[: len(FORMATS)] == FORMATS
    assert {ext: exporters.extensions()[ext] for ext in EXTENSIONS} == EXTENSIONS


def test_registered_exporter_shows_in_export_help(codes_exporter: str) -> None:
    result = CliRunner().invoke(app, ["export", "--help"], env=WIDE)
    assert result.exit_code == 0
    assert "[gdelt|gdelt-mentions|plover|parquet|csv|codes]" in result.stdout


def test_registered_exporter_is_used_by_its_extension(codes_exporter: str, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.codes"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "wrote 2 codes" in result.stderr and "(codes)" in result.stderr
    assert sorted(out.read_text(encoding="utf-8").split()) == ["042", "190"]


def test_unknown_format_error_lists_the_registered_ones(
    codes_exporter: str, db: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "x.y"), "-f", "nope"])
    assert result.exit_code == 1 and result.stderr.startswith("Error [E102]")
    assert "gdelt, gdelt-mentions, plover, parquet, csv, codes" in result.stderr


def test_unregistered_format_is_gone_from_help() -> None:
    result = CliRunner().invoke(app, ["export", "--help"], env=WIDE)
    assert "[gdelt|gdelt-mentions|plover|parquet|csv]" in result.stdout and "|codes" not in result.stdout


def test_entry_point_adds_a_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "volte_fake_plugin.py").write_text(
        "def write(con, path, *, filters, header):\n    return 0\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    point = metadata.EntryPoint(name="fake", value="volte_fake_plugin:write", group="volte.exporters")
    monkeypatch.setattr(
        volte.registry.metadata, "entry_points", lambda group: [point] if group == "volte.exporters" else []
    )
    registry: Registry[object] = Registry("exporter", group="volte.exporters", builtins=())
    entry = registry.get("fake")
    assert (
        registry.names() == ("fake",) and entry is not None and entry.func.__module__ == "volte_fake_plugin"
    )


@pytest.mark.parametrize("name", ["plover"])
def test_builtin_exporter_output_is_the_direct_call(db: Path, tmp_path: Path, name: str) -> None:
    """The CLI's file is exactly what the registered function writes (no second path through the code)."""
    entry = exporters.get(name)
    assert entry is not None
    with Store(db, read_only=True) as store:
        entry.func(store.con, tmp_path / "direct.jsonl", filters=Filters(), header=False)
    CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / "cli.jsonl")])
    direct = [json.loads(line) for line in (tmp_path / "direct.jsonl").read_text().splitlines()]
    assert direct and direct == [
        json.loads(line) for line in (tmp_path / "cli.jsonl").read_text().splitlines()
    ]
