"""volte's own wire-style development set (tests/coding/data/wire_sentences.jsonl).

Two kinds of test: the file itself is checked without the model (fields, ids, CAMEO codes, actor code
shape, coverage of every root, negatives, splits), and the real coder is scored on each split against the
floors pinned in ``wire_floors.json`` (the lead raises them as the coder improves). Figures are printed so
``pytest -s`` shows them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from volte.coding.cameo import is_code

DATA = Path(__file__).parent / "data"
WIRE = DATA / "wire_sentences.jsonl"
FLOORS = DATA / "wire_floors.json"
SPLITS = ("dev", "test")
ROOTS = [f"{n:02d}" for n in range(1, 21)]
ACTOR = re.compile(r"^(?:[A-Z]{3})+$")
FIELDS = ("id", "date", "text", "expected_events", "noevents", "root", "split", "notes")
MIN_PER_ROOT = 12
MIN_NEGATIVES = 80


def _load() -> list[dict[str, Any]]:
    with open(WIRE, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return _load()


def _problems(record: dict[str, Any]) -> list[str]:
    where = record.get("id", "?")
    problems = [f"{where}: missing field {name!r}" for name in FIELDS if name not in record]
    events = record.get("expected_events") or []
    if record.get("noevents") and events:
        problems.append(f"{where}: noevents but {len(events)} expected events")
    if not record.get("noevents") and not events:
        problems.append(f"{where}: no expected events and not marked noevents")
    if record.get("split") not in SPLITS:
        problems.append(f"{where}: split {record.get('split')!r} is not dev/test")
    if not re.fullmatch(r"20(1[5-9]|2[0-6])-\d\d-\d\d", str(record.get("date"))):
        problems.append(f"{where}: date {record.get('date')!r} is not a 2015-2026 ISO date")
    for event in events:
        if not is_code(str(event.get("code"))):
            problems.append(f"{where}: unknown CAMEO code {event.get('code')!r}")
        problems += [
            f"{where}: bad actor code {event[k]!r}"
            for k in ("source", "target")
            if event.get(k) and not ACTOR.match(event[k])
        ]
    if events and record.get("root") != str(events[0]["code"])[:2]:
        problems.append(f"{where}: root {record.get('root')!r} is not the first event's root")
    return problems


def test_wire_sentences_records_are_well_formed(records: list[dict[str, Any]]) -> None:
    problems = [p for record in records for p in _problems(record)]
    ids = Counter(r.get("id") for r in records)
    texts = Counter(r.get("text") for r in records)
    problems += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    problems += [f"duplicate text {t[:50]!r}" for t, n in texts.items() if n > 1]
    assert not problems, "\n".join(problems)


def test_wire_sentences_cover_every_root(records: list[dict[str, Any]]) -> None:
    per_root = Counter(r["root"] for r in records if not r["noevents"])
    thin = {root: per_root.get(root, 0) for root in ROOTS if per_root.get(root, 0) < MIN_PER_ROOT}
    assert not thin, f"roots with fewer than {MIN_PER_ROOT} sentences: {thin}"
    assert sum(r["noevents"] for r in records) >= MIN_NEGATIVES


@pytest.mark.parametrize("split", SPLITS)
def test_wire_sentences_split_has_every_root_and_negatives(records: list[dict[str, Any]], split: str) -> None:
    chosen = [r for r in records if r["split"] == split]
    assert {r["root"] for r in chosen if not r["noevents"]} == set(ROOTS)
    assert any(r["noevents"] for r in chosen)


def _without_actors(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies whose expected events keep only the code: scoring them gives root-level F1 per sentence."""
    return [
        {
            **r,
            "expected_events": [
                {"source": None, "target": None, "code": e["code"]} for e in r["expected_events"]
            ],
        }
        for r in records
    ]


def _figures(records: list[dict[str, Any]], events_by_id: dict[str, Any]) -> dict[str, float | None]:
    from volte.evaluate import in_dyad_scope, score_records

    with_actors = score_records(records, events_by_id, in_scope=in_dyad_scope)
    code_only = score_records(_without_actors(records), events_by_id, in_scope=in_dyad_scope)
    return {
        "records": with_actors["records"],
        "root_f1": code_only["root"]["f1"],
        "event_f1": with_actors["root"]["f1"],
        "code3_f1": with_actors["code3"]["f1"],
        "event_precision": with_actors["root"]["precision"],
        "event_recall": with_actors["root"]["recall"],
        "noevent_clean_rate": with_actors["noevent_clean_rate"],
    }


@pytest.fixture(scope="module")
def wire_events(records: list[dict[str, Any]], coder: Any) -> dict[str, Any]:
    """Every record coded once with the real coder (the session's ``coder`` fixture), keyed by id."""
    from volte.evaluate import code_records

    return code_records(records, coder)


@pytest.mark.model
@pytest.mark.parametrize("split", SPLITS)
def test_wire_sentences_coder_meets_floors(
    records: list[dict[str, Any]], wire_events: dict[str, Any], split: str
) -> None:
    chosen = [r for r in records if r["split"] == split]
    figures = _figures(chosen, wire_events)
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[split]
    print(f"\nwire_sentences [{split}]: " + ", ".join(f"{k}={v}" for k, v in figures.items()))
    failures = [
        f"{split}: {key} = {figures[key]} is below the floor {floor}"
        for key, floor in floors.items()
        if (figures[key] or 0.0) < floor
    ]
    assert not failures, "\n".join(failures)
