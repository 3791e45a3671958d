"""One event per (source, target country, CAMEO root) in a sentence (``one_per_root``), and the order events
are returned in (``event_order``). Used by volte.coding.components.code_events."""

from __future__ import annotations

from volte.coding.actors import is_countryless
from volte.coding.verbs import VerbDictionary
from volte.records import Event


def one_per_root(events: list[Event], verbs: VerbDictionary) -> list[Event]:
    """One event per (source, target country, CAMEO root) in a sentence: "withdrew the bill, *bowing to*
    protesters" and "arrived in Kyiv, the first *visit* to Ukraine" each report one act. An event whose
    pattern ``outranks`` the other's root is kept; else the most specific code (then the most specific
    target)."""
    kept: list[Event] = []
    for event in events:
        same = next(
            (
                k
                for k in kept
                if k.source == event.source and k.code[:2] == event.code[:2] and _same_target(k, event)
            ),
            None,
        )
        if same is None:
            kept.append(event)
        elif _outranks(event, same, verbs) or (
            not _outranks(same, event, verbs) and _specificity(event) > _specificity(same)
        ):
            kept[kept.index(same)] = event
    kept = [e for e in kept if not _doer_told(e, kept)]
    chosen = {id(e) for e in kept}
    return [e for e in events if id(e) in chosen]


_VIOLENCE = frozenset({"18", "19", "20"})


def _doer_told(event: Event, events: list[Event]) -> bool:
    """Whether violence told with no doer is told again in the sentence with one, the same act on the same
    victims: "a soldier was *killed* when a bomb *planted by rebels* exploded" is the rebels' bombing (183
    both), not also a bombing by nobody; an abduction beside a killing is another act, and a target that is
    only the country where it happened names no victims ("Xinjiang *was hit* by violence" beside "the
    government *targeted* Uighurs")."""
    if event.source or len(event.target) <= 3 or event.code[:2] not in _VIOLENCE:
        return False
    return any(other.source and other.target == event.target and other.code == event.code for other in events)


def _same_target(one: Event, other: Event) -> bool:
    """The same target, or a more specific one; a target no words name (the protesters' own government)
    is the same as any named one of its country ("clashed with *police* and set fire to buses")."""
    a, b = one.target, other.target
    if not a or not b:  # none, or one whose country nobody knows ("bowing to *protesters*"): the same
        return a == b or is_countryless(a or b)
    unnamed = one.target_start < 0 or other.target_start < 0
    return a.startswith(b) or b.startswith(a) or (unnamed and a[:3] == b[:3])


def _specificity(event: Event) -> tuple[int, bool, int]:
    # a riot is the more telling of two protests by the same people ("pulled down walls during a demonstration");
    digits = len(event.code.rstrip("0")) if len(event.code) == 3 else len(event.code)
    return (digits, event.code == "145", len(event.target))


def _outranks(event: Event, other: Event, verbs: VerbDictionary) -> bool:
    """Whether the event's pattern says it is the more telling of the two, whatever the target each names:
    tear gas, rubber bullets or water cannon (``outranks: ["17"]``) make "fired tear gas and arrested
    protesters" violent repression (175), not 173."""
    pattern = verbs.pattern(event.pattern)
    return (
        pattern is not None
        and event.code == pattern.code
        and other.code != event.code
        and other.code[:2] in pattern.outranks
    )


def event_order(event: Event) -> tuple[int, int, str, str, str]:
    """The sort key of an article's events: sentence, trigger position, code, source, target."""
    return (event.sentence_index, event.trigger_start, event.code, event.source, event.target)
