"""Acceptance, end to end with the real coder: the seed article with the demo articles gives the COL->USA
thaw of 7 January 2026; the reversal corpus in tests/data/reversals gives its documented turns and its
steady dyads raise nothing (expectations from tests/data/reversals/README.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.analyse import shifts as detection
from volte.cli.app import app
from volte.store.db import Store

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "src" / "volte" / "demo" / "articles"
CORPUS = ROOT / "tests" / "data" / "reversals"


@pytest.fixture(scope="module")
def demo_store(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("acceptance") / "demo.duckdb"
    seed = shared_dir / "seed" / "petro_trump_reversal.txt"
    result = CliRunner().invoke(
        app, ["ingest", str(seed), str(DEMO), "--date", "2026-01-07", "--db", str(db)]
    )
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def corpus_shifts(coder, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    from volte.ingest.sources import iter_articles

    files = sorted(CORPUS.glob("*.jsonl"))
    assert len(files) >= 16
    with Store(tmp_path_factory.mktemp("corpus") / "corpus.duckdb") as store:
        summary = store.ingest(coder.code(iter_articles(files)))
        assert summary.rejects == 0
        return detection.shifts(store)


@pytest.mark.shared
def test_acceptance_seed_with_demo_reports_the_col_usa_thaw(demo_store: Path) -> None:
    with Store(demo_store, read_only=True) as store:
        (seed_id,) = [
            r[0]
            for r in store.con.execute(
                "SELECT id FROM articles WHERE origin LIKE '%petro_trump_reversal.txt'"
            ).fetchall()
        ]
        thaws = [
            s
            for s in detection.shifts(store, source="COL", target="USA", kind="thaw")
            if s["date"] in ("2026-01-07", "2026-01-08")
        ]
    assert len(thaws) == 1, thaws
    evidence = [e for e in thaws[0]["evidence_events"] if e["doc_id"] == seed_id]
    denunciation = [e for e in evidence if e["date"] == "2026-01-04" and "10" <= e["code"][:2] <= "20"]
    call = [e for e in evidence if e["date"] == "2026-01-07" and e["code"].startswith("04")]
    assert denunciation and call, thaws[0]["evidence_events"]
    assert set(thaws[0]["evidence"]) >= {denunciation[0]["event_id"], call[0]["event_id"]}


@pytest.mark.shared
def test_acceptance_demo_shifts_cli_prints_the_evidence(demo_store: Path) -> None:
    result = CliRunner().invoke(
        app, ["shifts", "--db", str(demo_store), "--source", "COL", "--target", "USA"]
    )
    assert result.exit_code == 0
    assert "thaw COL->USA on 2026-01-0" in result.stdout
    assert "petro_trump_reversal.txt" in result.stdout


# The README's required turns (the first six found since the composition signal and the geo3 score,
# docs/reversals.md).
TURNS = [
    pytest.param("USA", "COL", "rupture", "2025-01-26", "2025-01-27", id="usa-col-rupture"),
    pytest.param("COL", "USA", "thaw", "2025-01-26", "2025-01-28", id="col-usa-thaw"),
    pytest.param("USA", "MEX", "thaw", "2025-02-03", "2025-02-05", id="usa-mex-thaw"),
    pytest.param("MEX", "USA", "thaw", "2025-02-03", "2025-02-05", id="mex-usa-thaw"),
    pytest.param("IND", "PAK", "thaw", "2025-05-10", "2025-05-12", id="ind-pak-thaw"),
    pytest.param("PAK", "IND", "thaw", "2025-05-10", "2025-05-12", id="pak-ind-thaw"),
    # issue 14, real turns (second set): the turns found within a day of the documented day (the history
    # of each, misses included, is in the README)
    pytest.param("SAU", "IRN", "thaw", "2023-03-09", "2023-03-11", id="sau-irn-thaw"),
    pytest.param("IRN", "SAU", "thaw", "2023-03-09", "2023-03-11", id="irn-sau-thaw"),
    pytest.param("VEN", "GUY", "thaw", "2023-12-13", "2023-12-15", id="ven-guy-thaw"),
    pytest.param("CAN", "IND", "rupture", "2024-10-13", "2024-10-15", id="can-ind-rupture"),
    pytest.param("CHN", "USA", "thaw", "2025-05-11", "2025-05-13", id="chn-usa-thaw"),
    pytest.param("AZE", "RUS", "rupture", "2025-06-27", "2025-06-29", id="aze-rus-rupture"),
    pytest.param("RUS", "AZE", "rupture", "2025-06-29", "2025-07-01", id="rus-aze-rupture"),
    pytest.param("THA", "KHM", "thaw", "2025-07-27", "2025-07-29", id="tha-khm-thaw"),
    pytest.param("KHM", "THA", "thaw", "2025-07-27", "2025-07-29", id="khm-tha-thaw"),
    # found once recalled high commissioners are reduced relations (161, not a military retreat), lowered
    # tariffs ease sanctions, and a statement's date is never after its story's (issue 14)
    pytest.param("IND", "CAN", "rupture", "2024-10-13", "2024-10-15", id="ind-can-rupture"),
    pytest.param("USA", "CHN", "thaw", "2025-05-11", "2025-05-13", id="usa-chn-thaw"),
    pytest.param("SOM", "ETH", "thaw", "2024-12-10", "2024-12-12", id="som-eth-thaw"),
    # found since the sentence classes of docs/actors.md "Sentences that hid real turns" and coder v4
    pytest.param("ETH", "SOM", "thaw", "2024-12-10", "2024-12-12", id="eth-som-thaw"),
    pytest.param("COD", "RWA", "thaw", "2025-06-26", "2025-06-28", id="cod-rwa-thaw"),
    pytest.param("RWA", "COD", "thaw", "2025-06-26", "2025-06-28", id="rwa-cod-thaw"),
    # coder v12: a topic ruled out of coordinated talks is refused to the talks partner, and a turn is
    # dated back from its alarm only to a day leaning its way (12-10 is mixed); before, dated 12-10
    pytest.param("GUY", "VEN", "thaw", "2023-12-13", "2023-12-15", id="guy-ven-thaw"),
]


@pytest.mark.parametrize(("source", "target", "kind", "earliest", "latest"), TURNS)
def test_acceptance_corpus_turn_is_found_on_the_right_day(
    corpus_shifts: list[dict], source: str, target: str, kind: str, earliest: str, latest: str
) -> None:
    found = [s for s in corpus_shifts if (s["source"], s["target"], s["kind"]) == (source, target, kind)]
    assert any(earliest <= s["date"] <= latest for s in found), found


@pytest.mark.parametrize(
    "pair",
    [
        ("DEU", "FRA"),
        ("FRA", "DEU"),
        ("RUS", "UKR"),
        ("UKR", "RUS"),
        ("JPN", "KOR"),
        ("KOR", "JPN"),
        ("ISR", "IRN"),
        ("IRN", "ISR"),
        ("GBR", "IRL"),
        ("IRL", "GBR"),
    ],
    ids="->".join,
)
def test_acceptance_corpus_steady_dyads_raise_nothing(
    corpus_shifts: list[dict], pair: tuple[str, str]
) -> None:
    assert [s for s in corpus_shifts if (s["source"], s["target"]) == pair] == []


@pytest.mark.parametrize(
    ("pairs", "kind", "window", "why"),
    [
        (
            {("COL", "USA"), ("USA", "COL")},
            None,
            ("2025-01-01", "2025-01-19"),
            "calm before Inauguration Day",
        ),
        (
            {("MEX", "USA"), ("USA", "MEX")},
            "rupture",
            ("2025-01-20", "2025-02-08"),
            "02-01 escalates an already hostile period",
        ),
        (
            {("IND", "PAK"), ("PAK", "IND")},
            "rupture",
            ("2025-05-06", "2025-05-08"),
            "the 05-07 strikes have no cooperation before them",
        ),
    ],
    ids=["col-usa-early", "mex-usa-rupture", "ind-pak-strikes"],
)
def test_acceptance_corpus_must_not_shifts(
    corpus_shifts: list[dict], pairs: set, kind: str | None, window: tuple[str, str], why: str
) -> None:
    bad = [
        s
        for s in corpus_shifts
        if (s["source"], s["target"]) in pairs
        and (kind is None or s["kind"] == kind)
        and window[0] <= s["date"] <= window[1]
    ]
    assert bad == [], why


def test_acceptance_corpus_dates_are_iso_days(corpus_shifts: list[dict]) -> None:
    for shift in corpus_shifts:
        assert date.fromisoformat(shift["date"]) <= date.fromisoformat(shift["detected"])
