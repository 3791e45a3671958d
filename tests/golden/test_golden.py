"""Golden files for coded events: every case's full event list is pinned and reviewed like code.

`pytest tests/golden --update-golden` rewrites the files; review the diff before committing.
Cases: `cases/<slug>.txt` (first line `date: YYYY-MM-DD`) next to `cases/<slug>.events.jsonl`, and the
seed article read from ../shared (its golden file keeps no sentence text, so that no seed text is copied).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
from datetime import date
from pathlib import Path

import pytest

from volte.ingest.sources import iter_articles
from volte.records import EVENT_FIELDS, Article, Event

HERE = Path(__file__).resolve().parent
CASES = sorted((HERE / "cases").glob("*.txt"))
VOLATILE = {"coder_version"}
TEXT_FIELDS = {"sentence"}
# Fields added to the record after these files were pinned (place: issue 13, planned date: issue 14): a line
# leaves one out while it holds its default, so the files change only where the coder fills it.
LATER_FIELDS = {
    f.name: f.default for f in dataclasses.fields(Event) if f.name.startswith(("place", "planned_"))
}


def _lines(coder, article: Article, *, drop: set[str]) -> list[str]:  # type: ignore[no-untyped-def]
    coded = next(iter(coder.code([article])))
    assert coded.reject is None, coded.reject
    events = sorted(coded.events, key=lambda e: (e.sentence_index, e.trigger_start, e.code, e.source, e.target))
    return [json.dumps(_golden_record(e, drop=drop), sort_keys=True, ensure_ascii=False) for e in events]


def _golden_record(event: Event, *, drop: set[str]) -> dict[str, object]:
    return {
        k: v
        for k, v in event.to_dict().items()
        if k not in drop and not (k in LATER_FIELDS and v == LATER_FIELDS[k])
    }


def _compare(lines: list[str], golden: Path, update: bool) -> None:
    if update or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        if not update:
            pytest.fail(f"{golden.name} did not exist and was written: review it and commit it")
        return
    expected = golden.read_text(encoding="utf-8").splitlines()
    if lines != expected:
        diff = "\n".join(difflib.unified_diff(expected, lines, "golden", "coded", lineterm=""))
        pytest.fail(f"coded events differ from {golden.name} (run with --update-golden if intended):\n{diff}")


def _case_article(path: Path) -> Article:
    first, _, body = path.read_text(encoding="utf-8").partition("\n")
    published = date.fromisoformat(first.removeprefix("date:").strip())
    return Article(id=path.stem, text=body.strip(), published=published)


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_golden_case_events(case: Path, coder, update_golden: bool) -> None:  # type: ignore[no-untyped-def]
    _compare(_lines(coder, _case_article(case), drop=VOLATILE), case.with_suffix(".events.jsonl"), update_golden)


@pytest.mark.model
@pytest.mark.shared
def test_golden_seed_events(shared_dir: Path, coder, update_golden: bool) -> None:  # type: ignore[no-untyped-def]
    (article,) = list(iter_articles([shared_dir / "seed" / "petro_trump_reversal.txt"], published=date(2026, 1, 7)))
    assert isinstance(article, Article)
    _compare(_lines(coder, article, drop=VOLATILE | TEXT_FIELDS), HERE / "seed" / "petro_trump_reversal.events.jsonl", update_golden)


@pytest.mark.issue(13)
def test_golden_lines_leave_out_later_fields_only_while_empty() -> None:
    contract = {name: "" for name in EVENT_FIELDS if name not in LATER_FIELDS}
    empty = Event.from_dict({**contract, "sentence_index": 0, "quad_class": 1, "goldstein": 1.0})
    located = dataclasses.replace(empty, place="Berlin", place_type="city", place_lat=52.52437)
    assert set(_golden_record(empty, drop=set())) == set(empty.to_dict()) - set(LATER_FIELDS)
    assert set(_golden_record(located, drop=set())) == set(empty.to_dict()) - set(LATER_FIELDS) | {
        "place",
        "place_type",
        "place_lat",
    }
