"""The (source, target) pairs of an event (``actor_pairs``: both directions of a symmetric event, no actor on
itself) and the role a counterpart takes from the other side (``counterparts``). Used by the event builder."""

from __future__ import annotations

from dataclasses import replace

from volte.coding.actors import UNKNOWN_COUNTRY, ResolvedActor
from volte.coding.event_places import actor_root
from volte.coding.event_sides import NON_STATES, EventSides, countryless, distinct
from volte.coding.event_targets import STATE_ROLES
from volte.coding.lexicon import words


def counterparts(
    sides: EventSides, actors: list[ResolvedActor], others: list[ResolvedActor]
) -> list[ResolvedActor]:
    """A counterpart holds the other side's post in its own country: "the Indian foreign minister met *his
    Chinese counterpart*" (CHNGOV, not the state CHN), "the army chief called *his Pakistani counterpart*"
    (PAKMIL), "Iraq's prime minister and *his Jordanian counterpart* signed" (its partner on the same side).
    Only a country-only actor whose head is a counterpart word is given the role, and only when the other
    side (else its partners) holds one state role (officials, forces, courts, legislators, spies)."""
    out = []
    for actor in actors:
        # the cheap tests first: this runs on both sides of every event
        if len(actor.code) != 3 or actor.code in NON_STATES or countryless(actor):
            out.append(actor)
            continue
        root = actor_root(sides, actor)
        if root is None or root.lemma_.lower() not in _COUNTERPARTS:
            out.append(actor)
            continue
        peers = others or [a for a in actors if a is not actor]
        roles = {o.code[3:6] for o in peers if o.code[:3] not in NON_STATES}  # "the defense minister" too
        if len(roles) == 1 and roles <= STATE_ROLES and actor.code not in {o.code[:3] for o in peers}:
            actor = replace(actor, code=actor.code + next(iter(roles)), entry=f"{actor.entry}#counterpart")
        out.append(actor)
    return out


# Words for someone holding the other side's post in another country (counterparts).
_COUNTERPARTS = words("coder_counterparts")


def actor_pairs(
    sources: list[ResolvedActor], targets: list[ResolvedActor], *, symmetric: bool, within: bool = True
) -> list[tuple[ResolvedActor | None, ResolvedActor | None]]:
    """(source, target) pairs: one per direction for compound symmetric actors; self-directed pairs dropped."""
    if symmetric and within and bool(sources) != bool(targets):
        side = distinct(sources or targets)
        if len(side) >= 2:
            return [(a, b) for a in side for b in side if a.code != b.code]
    if not sources and not targets:
        return []
    either: list[ResolvedActor | None] = [None]
    pairs = [(s, t) for s in (sources or either) for t in (targets or either)]
    if symmetric:  # "X met Y", "X held talks with Y": coded in both directions
        pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
    return [
        (s, t)
        for s, t in pairs
        if not (s and t and s.code == t.code and not _kin(s, t) and not _strangers(s, t))
    ]


def _kin(source: ResolvedActor, target: ResolvedActor) -> bool:
    """Two different groups of the same people: "a *mob* beat a *man* to death" (PAKCVL on PAKCVL). The same
    state body on itself, or one phrase on itself, is no event."""
    role = source.code[3:6]
    return (
        len(source.code) >= 6
        and role not in STATE_ROLES
        and source.start >= 0
        and target.start >= 0
        and (source.end <= target.start or target.end <= source.start)
    )


def _strangers(source: ResolvedActor, target: ResolvedActor) -> bool:
    """Two actors of unknown country named by different words: "the *Department of Transportation*
    opened a probe of *the Federal Aviation Administration*'s approval" is one unknown organization acting
    on another, not an actor on itself. The shared code ``---`` says only that neither is known; nor does a
    country read from an adjective of a noun volte does not know ("a *Lebanese lawyer* filed a complaint
    against *the Lebanese state*")."""
    return (
        (source.code == UNKNOWN_COUNTRY or "fallback+" in (source.entry + target.entry))
        and source.start >= 0
        and target.start >= 0
        and (source.end <= target.start or target.end <= source.start)
        and source.name.lower() != target.name.lower()
    )
