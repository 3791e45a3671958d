"""`volte ingest` tells when stored articles come from another coder (fingerprint) and
`volte ingest --recode-stale` recodes them from their stored text: idempotent, no doubled events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
import volte.coding.event_builder
import volte.store.writer
from volte.cli.app import app
from volte.coding import fingerprint as fp
from volte.store.db import Store

pytestmark = pytest.mark.model

TEXTS = {
    "s1": "Colombian President Gustavo Petro accused the United States of violating international law on Sunday.",
    "s2": "Colombian President Gustavo Petro spoke by phone with U.S. President Donald Trump on Wednesday.",
    "s3": "Venezuela's foreign minister condemned the sanctions imposed by Washington on Monday.",
}


def _write(path: Path, ids: list[str]) -> Path:
    records = [
        {"id": i, "date": "2026-01-07", "url": f"https://x.example/{i}", "text": TEXTS[i]} for i in ids
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["ingest", *args])
    return result.exit_code, result.stderr


def _events(db: Path) -> list[tuple[str, ...]]:
    with Store(db, read_only=True) as store:
        return store.con.execute(
            "SELECT event_id, doc_id, coder_version, dictionaries_sha256 FROM events ORDER BY ALL"
        ).fetchall()


@pytest.fixture
def old_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store whose articles s1, s2 were coded by an 'older coder' (other rules hash), then s3 by this one."""
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as patched:
        patched.setattr(fp, "bundled_sha256", lambda: "0" * 64)
        code, err = _ingest(str(_write(tmp_path / "old.jsonl", ["s1", "s2"])), "--db", str(db))
        assert code == 0 and "coded by another coder" not in err, err
    return db


@pytest.mark.issue(17)
def test_ingest_reports_stale_articles_with_the_fix(old_store: Path, tmp_path: Path) -> None:
    code, err = _ingest(str(_write(tmp_path / "new.jsonl", ["s3"])), "--db", str(old_store))
    assert code == 0
    assert "2 of the 3 stored articles were coded by another coder" in err
    assert f"(2 by {volte.CODER_VERSION} with other rules, coding code or model)" in err
    assert "volte ingest --recode-stale" in err


@pytest.mark.issue(17)
def test_recode_stale_keeps_unchanged_events_and_reports_fresh(old_store: Path) -> None:
    before = _events(old_store)
    code, err = _ingest("--recode-stale", "--db", str(old_store))
    assert code == 0, err
    assert "ingested 2 stale stored articles, recoded" in err and "2 unchanged" in err
    assert "coded by another coder" not in err
    after = _events(old_store)
    assert [r[:3] for r in after] == [r[:3] for r in before]  # same event ids, none doubled
    assert {r[3] for r in after} == {fp.rules_sha256()}  # provenance now the running coder's
    again_code, again = _ingest("--recode-stale", "--db", str(old_store))
    assert again_code == 0 and "ingested 0 stale stored articles" in again


@pytest.mark.issue(17)
def test_recode_stale_replaces_events_of_an_older_coder_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.duckdb"
    with monkeypatch.context() as patched:
        patched.setattr(volte.coding.event_builder, "CODER_VERSION", "volte.coder.v1")  # on the events
        patched.setattr(volte.store.writer, "CODER_VERSION", "volte.coder.v1")  # in the source_hash
        _ingest(str(_write(tmp_path / "old.jsonl", ["s1", "s2"])), "--db", str(db))
    before = _events(db)
    assert before and {r[2] for r in before} == {"volte.coder.v1"}
    code, err = _ingest("--recode-stale", "--db", str(db))
    assert code == 0 and "2 replaced" in err, err
    after = _events(db)
    assert [r[:2] for r in after] == [r[:2] for r in before]  # same event ids, none doubled
    assert {r[2] for r in after} == {volte.CODER_VERSION}


@pytest.mark.issue(17)
def test_ingest_without_inputs_or_recode_stale_is_a_usage_error(tmp_path: Path) -> None:
    code, err = _ingest("--db", str(tmp_path / "s.duckdb"))
    assert code == 2 and "--recode-stale" in err
    assert not (tmp_path / "s.duckdb").exists()


@pytest.mark.issue(17)
def test_stale_notice_names_the_rules_of_the_running_coder(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "actors").mkdir(parents=True)
    (rules / "actors" / "people.yml").write_text(
        "version: 1\nkind: people\nentries:\n  - id: ana_velor\n    name: Ana Velor\n    country: PER\n"
        "    roles:\n      - {code: PERGOV, title: president, from: 2026-01-01}\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    _ingest(str(_write(tmp_path / "a.jsonl", ["s1"])), "--db", str(db))  # coded without the user rules
    code, err = _ingest(str(_write(tmp_path / "b.jsonl", ["s2"])), "--db", str(db), "--rules", str(rules))
    assert code == 0, err
    assert "1 of the 2 stored articles were coded by another coder" in err
    assert f"`volte ingest --recode-stale --rules {rules}`" in err
