"""Scoring coded events against gold sentences (the scoring of ../shared/eval/README.md).

An expected event is found when a coded event of the same sentence has the same source country, the same
target country (when the gold gives one) and the same CAMEO root; matching is one-to-one. Every coded
event that matches nothing is a false positive; records marked ``noevents`` expect none. Figures: P/R/F1
at root and 3-digit level, and the share of matched events whose full actor codes (country + first role)
agree.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from volte.coding.actors import default_actors
from volte.coding.cameo import code_table
from volte.coding.coder import Coder
from volte.errors import E_INGEST_BAD_JSON, E_INGEST_NOT_FOUND, IngestError
from volte.ingest.extract import parse_date
from volte.records import Article, Event


@dataclass
class Tally:
    """Micro counts of one figure; ``figures()`` gives precision, recall, F1 and the counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold records of a JSON Lines file."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"{path}: gold file not found", code=E_INGEST_NOT_FOUND)
    records = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise IngestError(
                    f"{path}:{number}: malformed JSON ({exc.msg})", code=E_INGEST_BAD_JSON
                ) from None
    return records


def gold_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _canonical(code: str | None) -> str:
    """Alias state prefixes read as their ISO code (KSV -> XKX, ROM -> ROU), for gold and coded alike."""
    return default_actors().canonical_code(code or "")


def _country(code: str | None) -> str:
    return _canonical(code)[:3]


def _actor(code: str | None) -> str:
    return _canonical(code)[:6]


def _gold_root(gold: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(CAMEO code, PLOVER type) of a gold event; PLOVER sets carry the CAMEO code under 'cameo'."""
    code = gold.get("cameo") if "cameo" in gold else gold.get("code")
    if code and str(code) in code_table():
        return str(code), None
    return None, str(gold.get("code") or "") or None


# Event types of the older 18-category PLOVER that some gold sets (plover_gsr) still use, as PLOVER v2.0 names
# them (../shared/ontology/plover.md, "Version drift"): DEMAND was renamed REQUEST, ACCUSE merges DISAPPROVE and
# INVESTIGATE, and FIGHT is part of ASSAULT.
OLD_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def _matches(gold: Mapping[str, Any], event: Event, *, level: int) -> bool:
    if gold.get("source") and _country(gold["source"]) != _country(event.source):
        return False
    if gold.get("target") and _country(gold["target"]) != _country(event.target):
        return False
    cameo, plover = _gold_root(gold)
    if cameo is None:
        return plover is not None and OLD_PLOVER_TYPES.get(plover, plover) == event.plover
    return event.code[:level] == cameo[:level]


# Codes that CAMEO codes without a target: statements, intents, yielding, investigating, protest, force
# posture, curfews and martial law. Other events are in a dyad set's scope only with a target.
ONE_SIDED_CODES = ("01", "03", "08", "09", "14", "15", "1723", "1724")


def in_dyad_scope(event: Event) -> bool:
    """Whether a dyad gold set (wire sentences, plover_gsr, PETRARCH checks) annotates events like this one.

    Those sets annotate events between named states, leaders, institutions and groups whose country is
    known. An event with a side of unknown country ("---REB", "---"), or one without a target whose kind
    needs one, is outside their scope: it may match a gold event, but unmatched it is no false positive,
    since the gold does not say. The real-news sets (volte.evaluate_news) score every event."""
    source, target = event.source, event.target
    if not source and not target:
        return False
    if any(code and not code[:3].isalpha() for code in (source, target)):
        return False
    return bool(target) or event.code.startswith(ONE_SIDED_CODES)


def _score_record(
    golds: Sequence[Mapping[str, Any]],
    events: Sequence[Event],
    level: int,
    tally: Tally,
    *,
    in_scope: Callable[[Event], bool] | None = None,
) -> list[tuple[Mapping[str, Any], Event]]:
    unused = list(events)
    pairs = []
    for gold in golds:
        hit = next((e for e in unused if _matches(gold, e, level=level)), None)
        if hit is None:
            tally.fn += 1
        else:
            tally.tp += 1
            unused.remove(hit)
            pairs.append((gold, hit))
    tally.fp += sum(1 for e in unused if in_scope is None or in_scope(e))
    return pairs


def score_records(
    records: Iterable[Mapping[str, Any]],
    events_by_id: Mapping[str, Sequence[Event]],
    *,
    in_scope: Callable[[Event], bool] | None = None,
) -> dict[str, Any]:
    """Figures for coded events (keyed by record id) against gold records. With ``in_scope``, unmatched
    events outside the gold's scope are not false positives (and do not spoil a no-event record)."""
    root, three = Tally(), Tally()
    agree = matched = noevent_records = noevent_clean = found_records = n = 0
    for record in records:
        n += 1
        golds = [] if record.get("noevents") else list(record.get("expected_events") or [])
        events = list(events_by_id.get(str(record["id"]), ()))
        pairs = _score_record(golds, events, 2, root, in_scope=in_scope)
        _score_record(golds, events, 3, three, in_scope=in_scope)
        if not golds:
            noevent_records += 1
            noevent_clean += not any(in_scope is None or in_scope(e) for e in events)
        elif pairs:
            found_records += 1
        for gold, event in pairs:
            if gold.get("source") or gold.get("target"):
                matched += 1
                agree += all(
                    _actor(gold.get(k)) == _actor(getattr(event, k))
                    for k in ("source", "target")
                    if gold.get(k)
                )
    return {
        "records": n,
        "root": root.figures(),
        "code3": three.figures(),
        "actor_agreement": round(agree / matched, 4) if matched else None,
        "actor_matched": matched,
        "records_with_a_hit": found_records,
        "noevent_records": noevent_records,
        "noevent_clean_rate": round(noevent_clean / noevent_records, 4) if noevent_records else None,
    }


def articles_for(records: Iterable[Mapping[str, Any]]) -> list[Article]:
    """One Article per gold sentence (the coder sees each sentence as its own document)."""
    return [
        Article(id=str(r["id"]), text=str(r["text"]), published=parse_date(r.get("date"))) for r in records
    ]


def code_records(records: Sequence[Mapping[str, Any]], coder: Any) -> dict[str, list[Event]]:
    """Run the coder over gold sentences; returns events keyed by record id."""
    out: dict[str, list[Event]] = {str(r["id"]): [] for r in records}
    for coded in coder.code(articles_for(records)):
        if coded.article is not None:
            out[coded.article.id] = list(coded.events)
    return out


def evaluate_file(path: str | Path, *, coder: Any = None, split: str | None = None) -> dict[str, Any]:
    """Code a gold file and score it. ``split`` keeps only records whose 'split' field equals it.

    The scoring follows the file's format (``mode`` in the figures): the real-news sets (conflibert, plv,
    case2021; see volte.evaluate_news) by their own rules, the other files on dyads or, without actors,
    on codes only."""
    # lazy: import cycle (volte.evaluate_news imports this module)
    from volte.evaluate_news import SCORERS, news_format

    records = load_gold(path)
    if split:
        records = [r for r in records if r.get("split") == split]
    coder = coder or Coder()
    mode = news_format(records)
    if mode is not None:
        figures = SCORERS[mode](records, code_records(records, coder))
    else:
        mode = "code-only" if is_code_only(records) else "dyad"
        if mode == "code-only":
            # Gold without actors measures the verb dictionary's breadth: keep events whose actors are unknown.
            coder = Coder(
                coder.settings, nlp=coder.nlp, verbs=coder.verbs, actors=coder.actors, dyads_only=False
            )
        coded = code_records(records, coder)
        figures = score_records(records, coded, in_scope=in_dyad_scope if mode == "dyad" else None)
        if mode == "dyad":  # every event counted, for the record: the new gate's cost on these sets
            figures["unscoped"] = {k: v for k, v in score_records(records, coded).items() if k in ("root", "code3")}
    figures["mode"] = mode
    figures["file"] = Path(path).name
    figures["sha256"] = gold_sha256(path)
    return figures


def is_code_only(records: Sequence[Mapping[str, Any]]) -> bool:
    """True when no gold event names a source or target (e.g. CAMEO codebook examples)."""
    golds = [g for r in records for g in (r.get("expected_events") or [])]
    return bool(golds) and not any(g.get("source") or g.get("target") for g in golds)


def _figure(figures: Mapping[str, Any], key: str) -> Any:
    """The figure under a dotted key ('root.f1'), or None."""
    value: Any = figures
    for part in key.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def check_floors(
    figures: Mapping[str, Any], floors: Mapping[str, float], *, epsilon: float = 0.005
) -> list[str]:
    """Failures of the quality gate: every 'root.f1'-style key in floors must be met within epsilon."""
    failures = []
    for key, floor in floors.items():
        value = _figure(figures, key)
        if value is None or float(value) < float(floor) - epsilon:
            failures.append(f"{figures.get('file')}: {key} = {value} is below the floor {floor}")
    return failures


def check_ceilings(
    figures: Mapping[str, Any], ceilings: Mapping[str, float], *, epsilon: float = 0.005
) -> list[str]:
    """Failures of the gate for rates where lower is better (false alarms): none may exceed its ceiling."""
    failures = []
    for key, ceiling in ceilings.items():
        value = _figure(figures, key)
        if value is None or float(value) > float(ceiling) + epsilon:
            failures.append(f"{figures.get('file')}: {key} = {value} is above the ceiling {ceiling}")
    return failures


def check_gate(figures: Mapping[str, Any], entry: Mapping[str, Any]) -> list[str]:
    """Failures of one gold file against its pinned entry: sha256, floors and ceilings."""
    failures = []
    if entry.get("sha256") and entry["sha256"] != figures.get("sha256"):
        failures.append(
            f"{figures.get('file')}: gold data changed (sha256 differs from the pinned one); re-pin the floors"
        )
    failures += check_floors(figures, entry.get("floors", {}))
    failures += check_ceilings(figures, entry.get("ceilings", {}))
    return failures


_DYAD_FLOORS = (
    "root.precision",
    "root.recall",
    "root.f1",
    "code3.f1",
    "actor_agreement",
    "noevent_clean_rate",
)
#: Figures pinned as floors (higher is better), per scoring mode.
PINNED: dict[str, tuple[str, ...]] = {
    "dyad": _DYAD_FLOORS,
    "code-only": _DYAD_FLOORS,
    "conflibert": ("class.precision", "class.recall", "class.f1", "actor_spans"),
    "plv": ("plover.precision", "plover.recall", "plover.f1", "dyad.f1"),
    "case2021": ("recall",),
}
#: Figures pinned as ceilings (lower is better), per scoring mode.
CEILED: dict[str, tuple[str, ...]] = {"case2021": ("false_alarm_rate",)}


def pin_floors(
    figures: Mapping[str, Any], entry: Mapping[str, Any], *, allow_regression: bool = False
) -> dict[str, Any]:
    """New pinned entry for one gold file: floors at this run's figures (rounded down to 0.01) and
    ceilings for rates where lower is better (rounded up to 0.01), never looser than the old ones unless
    ``allow_regression``; the gold file's sha256 is pinned with them."""
    mode = str(figures.get("mode") or "dyad")
    old_floors, old_ceilings = dict(entry.get("floors", {})), dict(entry.get("ceilings", {}))
    floors: dict[str, float] = {}
    for key in PINNED.get(mode, _DYAD_FLOORS):
        value = _figure(figures, key)
        if value is not None:
            floor = math.floor(float(value) * 100 + 1e-9) / 100
            floors[key] = floor if allow_regression else max(floor, float(old_floors.get(key, 0.0)))
    ceilings: dict[str, float] = {}
    for key in CEILED.get(mode, ()):
        value = _figure(figures, key)
        if value is not None:
            ceiling = math.ceil(float(value) * 100 - 1e-9) / 100
            ceilings[key] = ceiling if allow_regression else min(ceiling, float(old_ceilings.get(key, 1.0)))
    pinned: dict[str, Any] = {"sha256": figures["sha256"], "floors": floors}
    if ceilings:
        pinned["ceilings"] = ceilings
    return pinned
