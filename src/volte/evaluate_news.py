"""Scoring on the real wire-news development sets ("Real wire news" in ../shared/eval/README.md).

The format of a file is read from its records: ``class5`` -> conflibert, ``pairs`` -> plv, ``type`` with
``codes`` -> case2021. Common rule: negated and hypothetical events do not count, nor statements (root 01).

- conflibert: each event's root maps to one of 5 classes (0: 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16,
  4: 14-15 and 17-20). A class 1-4 record is a true positive when an event names its class, else a false
  negative; every other class its events name is one false positive (class 0 records only count those).
  ``actor_spans``: of the found records with annotated spans, the share whose matching event's source name
  shares a word with a source span and target name with a target span (source only when no target span).
- plv: per record the set of events' PLOVER labels against ``plover_roots`` (micro P/R/F1, ``plover``); the
  ``dyad`` variant also asks that the event's names share a word with the pair's source and target texts.
- case2021: recall on typed records (an event whose code starts with one of ``codes``), per ``type`` too,
  and the false alarm rate: the share of ``noevents`` records that get an event with root 14-20.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from volte.evaluate import Tally
from volte.records import Event

NOT_COUNTED = frozenset({"negated", "hypothetical"})
STOPWORDS = frozenset("a an the of and or in on at to for from by with as its his her their s".split())
_CLASS_OF_ROOT = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}
_CONFLICT_ROOTS = frozenset(f"{n}" for n in range(14, 21))
_APOSTROPHES = re.compile(r"['’ʼ`]")
_WORD = re.compile(r"[^\W_]+")


def news_format(records: Sequence[Mapping[str, Any]]) -> str | None:
    """'conflibert', 'plv' or 'case2021' when the records carry that set's fields, else None."""
    if not records:
        return None
    first = records[0]
    if "class5" in first:
        return "conflibert"
    if "pairs" in first:
        return "plv"
    if "type" in first and "codes" in first:
        return "case2021"
    return None


def counted(events: Iterable[Event]) -> list[Event]:
    """Events that count: neither negated nor hypothetical, and not a statement (root 01)."""
    return [e for e in events if e.factuality not in NOT_COUNTED and e.code[:2] != "01"]


def class5(code: str) -> int | None:
    """The 5-class of a CAMEO code (None for an unknown root)."""
    return _CLASS_OF_ROOT.get(code[:2])


def words(text: str | None) -> set[str]:
    """Lower-case alphanumeric words of a text, stopwords left out."""
    return {w for w in _WORD.findall(_APOSTROPHES.sub(" ", (text or "").lower())) if w not in STOPWORDS}


def shares_word(name: str | None, texts: Iterable[str]) -> bool:
    """True when the name shares a word with one of the texts."""
    mine = words(name)
    return bool(mine) and any(mine & words(text) for text in texts)


def _events_of(events_by_id: Mapping[str, Sequence[Event]], record: Mapping[str, Any]) -> list[Event]:
    return counted(events_by_id.get(str(record["id"]), ()))


def _spans_agree(event: Event, record: Mapping[str, Any]) -> bool:
    sources, targets = record.get("source_spans") or [], record.get("target_spans") or []
    if sources and not shares_word(event.source_name, sources):
        return False
    return not targets or shares_word(event.target_name, targets)


def score_conflibert(
    records: Iterable[Mapping[str, Any]], events_by_id: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Class figures (micro P/R/F1 over classes 1-4) and the actor span agreement of found records."""
    tally, n, with_spans, spans_agree = Tally(), 0, 0, 0
    for record in records:
        n += 1
        gold = int(record["class5"])
        events = _events_of(events_by_id, record)
        classes = {c for c in map(class5, (e.code for e in events)) if c is not None}
        tally.fp += len(classes - {gold})
        if gold == 0:
            continue
        if gold not in classes:
            tally.fn += 1
            continue
        tally.tp += 1
        if record.get("source_spans") or record.get("target_spans"):
            with_spans += 1
            spans_agree += any(_spans_agree(e, record) for e in events if class5(e.code) == gold)
    return {
        "records": n,
        "class": tally.figures(),
        "actor_spans": round(spans_agree / with_spans, 4) if with_spans else None,
        "actor_spans_n": with_spans,
    }


def _pair_met(pair: Mapping[str, Any], event: Event) -> bool:
    return (
        event.plover.upper() == str(pair["plover"]).upper()
        and shares_word(event.source_name, [pair.get("source_text") or ""])
        and shares_word(event.target_name, [pair.get("target_text") or ""])
    )


def score_plv(
    records: Iterable[Mapping[str, Any]], events_by_id: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """PLOVER label figures per record (``plover``) and the dyad variant (``dyad``)."""
    labels, dyads, n = Tally(), Tally(), 0
    for record in records:
        n += 1
        events = _events_of(events_by_id, record)
        predicted = {e.plover.upper() for e in events if e.plover}
        gold = {str(p).upper() for p in record.get("plover_roots") or []}
        labels.tp += len(predicted & gold)
        labels.fp += len(predicted - gold)
        labels.fn += len(gold - predicted)
        pairs = record.get("pairs") or []
        met = {str(p["plover"]).upper() for p in pairs if any(_pair_met(p, e) for e in events)}
        dyads.tp += len(met)
        dyads.fp += len(predicted - met)
        dyads.fn += len({str(p["plover"]).upper() for p in pairs} - met)
    return {"records": n, "plover": labels.figures(), "dyad": dyads.figures()}


def score_case2021(
    records: Iterable[Mapping[str, Any]], events_by_id: Mapping[str, Sequence[Event]]
) -> dict[str, Any]:
    """Recall on typed records (overall and per type) and the false alarm rate on ``noevents`` records."""
    typed = found = quiet = alarms = 0
    by_type: dict[str, list[int]] = {}
    for record in records:
        events = _events_of(events_by_id, record)
        if record.get("noevents"):
            quiet += 1
            alarms += any(e.code[:2] in _CONFLICT_ROOTS for e in events)
            continue
        codes = tuple(str(c) for c in record.get("codes") or ())
        hit = any(e.code.startswith(codes) for e in events) if codes else False
        typed += 1
        found += hit
        tally = by_type.setdefault(str(record.get("type")), [0, 0])
        tally[0] += 1
        tally[1] += hit
    return {
        "records": typed + quiet,
        "typed": typed,
        "found": found,
        "recall": round(found / typed, 4) if typed else None,
        "noevent_records": quiet,
        "false_alarms": alarms,
        "false_alarm_rate": round(alarms / quiet, 4) if quiet else None,
        "recall_by_type": {
            name: {"records": t, "found": f, "recall": round(f / t, 4)}
            for name, (t, f) in sorted(by_type.items())
        },
    }


SCORERS = {"conflibert": score_conflibert, "plv": score_plv, "case2021": score_case2021}
