"""Helpers shared by the coding test modules that code one written sentence at a time."""

from __future__ import annotations

from datetime import date

from volte.records import Article, Event


def code_text(coder, text: str, *, published: date) -> list[Event]:
    """The events ``coder`` finds in an article of ``text`` alone; fails the test when it is rejected."""
    coded = next(coder.code([Article(id="t", text=text, published=published)]))
    assert coded.reject is None, coded.reject
    return list(coded.events)


def triples(events) -> set[tuple[str, str, str]]:
    """(source, code, target) of each event."""
    return {(e.source, e.code, e.target) for e in events}


def quads(coder, text: str, *, published: date) -> list[tuple[str, str, str, str]]:
    """(source, target, code, factuality) of each event ``coder`` finds in ``text``."""
    return [(e.source, e.target, e.code, e.factuality) for e in code_text(coder, text, published=published)]


def codes(events) -> set[str]:
    """The CAMEO codes of the events."""
    return {e.code for e in events}


def seen(events) -> set[tuple[str, str, str, str]]:
    """(code, source, target, factuality) of each event: what a failing assertion shows."""
    return {(e.code, e.source, e.target, e.factuality) for e in events}


def has_event(events, root: str, source: str, target: str | None = None) -> bool:
    """An asserted event of ``root`` from ``source`` (and to ``target``, when given), by code prefix."""
    return any(
        e.code.startswith(root)
        and e.factuality == "asserted"
        and e.source.startswith(source)
        and (target is None or e.target.startswith(target))
        for e in events
    )


def named_dyads(events) -> set[tuple[str, str, str, str, str]]:
    """(root, source, source_name, target, target_name) of each event: the dyad as an analyst reads it."""
    return {(e.code[:2], e.source, e.source_name, e.target, e.target_name) for e in events}
