"""The bundled demo: our own wire-style articles, coded, stored and searched for reversals offline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from volte.analyse import shifts as detection
from volte.coding.cameo import code_table
from volte.coding.coder import Coded, Coder
from volte.ingest.sources import iter_articles
from volte.store.db import Store


def demo_articles_path() -> Path:
    """The demo JSON Lines file shipped inside the package."""
    return Path(str(resources.files("volte.demo") / "articles" / "demo.jsonl"))


@dataclass
class DemoResult:
    articles: int = 0
    events: int = 0
    rejects: int = 0
    dyad_events: list[dict[str, Any]] = field(default_factory=list)
    shifts: list[dict[str, Any]] = field(default_factory=list)


def run_demo(db_path: str | Path, *, dyad: tuple[str, str] = ("COL", "USA")) -> DemoResult:
    """Code and store the demo articles; return the dyad's events and the detected shifts."""
    result = DemoResult()

    def count(coded: Iterable[Coded]) -> Iterator[Coded]:
        for item in coded:
            result.articles += item.article is not None
            result.events += len(item.events)
            result.rejects += item.reject is not None
            yield item

    with Store(db_path) as store:
        detection.ingest(store, count(Coder().code(iter_articles([demo_articles_path()]))))
        names = code_table()
        for source, target in (dyad, dyad[::-1]):
            rows, _ = store.query_events(source=source, target=target, limit=1000)
            result.dyad_events += [
                {**r, "name": names[r["code"]].name if r["code"] in names else ""} for r in rows
            ]
        result.dyad_events.sort(key=lambda r: (str(r["date"]), r["source"], r["code"]))
        result.shifts = [_shift_row(s) for s in detection.shifts(store)]
    return result


def _shift_row(shift: dict[str, Any]) -> dict[str, Any]:
    evidence = shift.get("evidence_events") or []
    return {
        **shift,
        "score": round(float(shift.get("score", 0.0)), 2),
        "evidence_lines": [
            _evidence_line(e)
            for side in ("before", "after")
            for e in [x for x in evidence if x.get("side") == side][:4]
        ],
    }


def _evidence_line(event: dict[str, Any]) -> str:
    sentence = " ".join(str(event["sentence"]).split())
    return f"{event.get('side', ''):6} {event['date']} {event['source']}->{event['target']} {event['code']}: {sentence[:100]}"
