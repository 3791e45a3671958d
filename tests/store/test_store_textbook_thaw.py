"""A textbook thaw written by a user, coded for real: accusations, a summoned ambassador and a threat on
one day, a meeting and a phone call three days later, a pledge the day after. `volte shifts` used to
print `(no rows)` with no reason (issue 14): it now fires, or `--explain` says why not, by how much."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.records import Article
from volte.store.db import Store

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

# Written for this test (no real events): Chile and Peru fall out over the sea border, then make up.
DISPUTE = (
    "Chile's foreign minister accused Peru on Monday of violating the maritime border. "
    "Chile summoned Peru's ambassador on Monday to protest. "
    "Chile's president threatened Peru with sanctions on Monday."
)
TALKS = (
    "Chile's foreign minister met Peru's foreign minister in Lima on Thursday. "
    "Chile's president spoke by phone with Peru's president on Thursday."
)
CALL_ONLY = "Chile's president spoke by phone with Peru's president on Thursday."
PLEDGE = "Chile pledged on Friday to work with Peru on border security."


def _store(coder: Any, path: Path, texts: list[tuple[str, date, str]]) -> Path:
    articles = [
        Article(id=doc, text=text, title=doc, published=day, url=f"https://paper{n}.example/{doc}")
        for n, (doc, day, text) in enumerate(texts)
    ]
    with Store(path) as store:
        store.ingest(list(coder.code(articles)))
    return path


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stdout
    return result.stdout


def test_textbook_thaw_fires_or_is_explained(coder: Any, tmp_path: Path) -> None:
    db = _store(
        coder,
        tmp_path / "thaw.duckdb",
        [
            ("dispute", date(2026, 3, 2), DISPUTE),
            ("talks", date(2026, 3, 5), TALKS),
            ("pledge", date(2026, 3, 6), PLEDGE),
        ],
    )
    listed = _cli("shifts", "--db", str(db))
    x = json.loads(_cli("shifts", "--db", str(db), "--explain", "CHL", "PER", "--format", "jsonl"))
    text = _cli("shifts", "--db", str(db), "--explain", "CHL", "PER")
    assert x["threshold"]["origin"] == "short_history" and x["threshold"]["value"] == 1.9
    assert "short history: " in text and "threshold 1.900" in text
    assert x["candidate"]["kind"] == "thaw" and x["candidate"]["before"]["conflict"] >= 2
    assert x["candidate"]["after"]["coop"] >= 1
    if x["verdict"] == "fired":
        assert "CHL-PER-2026-03-05-thaw" in [s["id"] for s in x["fired"]]
        assert "CHL     PER     thaw" in listed and "FIRED" in text
    else:  # not fired: the listing is empty, but the explanation says by how much
        gap = x["threshold"]["value"] - x["candidate"]["score"]
        assert f"{gap:.3f} below the threshold 1.900" in text, text


def test_thinner_thaw_is_a_near_miss_with_its_gap(coder: Any, tmp_path: Path) -> None:
    db = _store(
        coder,
        tmp_path / "thin.duckdb",
        [("dispute", date(2026, 3, 2), DISPUTE), ("call", date(2026, 3, 5), CALL_ONLY)],
    )
    assert _cli("shifts", "--db", str(db)).strip() == "(no rows)"
    near = [
        json.loads(line)
        for line in _cli("shifts", "--db", str(db), "--near", "--format", "jsonl").splitlines()
    ]
    assert [(s["id"], s["status"]) for s in near] == [("CHL-PER-2026-03-05-thaw", "near")]
    x = json.loads(_cli("shifts", "--db", str(db), "--explain", "CHL", "PER", "--format", "jsonl"))
    assert x["verdict"] == "near" and x["candidate"]["score"] == near[0]["score"]
    text = _cli("shifts", "--db", str(db), "--explain", "CHL", "PER")
    assert text.startswith("CHL -> PER, turns dated 2026-03-02 .. 2026-03-05: NEAR MISS")
    assert f"{1.9 - near[0]['score']:.3f} below the threshold 1.900" in text
    assert "too few clusters: after 1" in text
