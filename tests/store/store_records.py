"""Hand-built coded articles for the store and analysis tests (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from volte.coding.cameo import describe
from volte.records import Article, Event, Reject, make_event_id


@dataclass(frozen=True)
class Coded:
    """Same shape as volte.coding.coder.Coded (article, events, reject)."""

    article: Article | None
    events: tuple[Event, ...]
    reject: Reject | None = None


def event(
    doc_id: str,
    index: int,
    source: str,
    target: str,
    code: str,
    day: str | None,
    *,
    precision: str = "day",
    factuality: str = "asserted",
    sentence: str | None = None,
    coder: str = "volte.coder.v1",
) -> Event:
    info = describe(code)
    text = sentence or f"{source} does {info.name.lower()} to {target} (sentence {index})."
    return Event(
        event_id=make_event_id(doc_id, index, source, target, code),
        doc_id=doc_id,
        sentence_index=index,
        sentence=text,
        sentence_start=0,
        sentence_end=len(text),
        date=day,
        date_precision=precision if day else "unknown",
        published=day,
        source=source,
        source_name=source.lower(),
        target=target,
        target_name=target.lower(),
        code=code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover=info.plover,
        trigger="does",
        pattern=f"test.{code}",
        factuality=factuality,
        attributed_to=None,
        kind="news",
        coder_version=coder,
    )


def article(
    doc_id: str,
    specs: list[tuple[str, str, str, str | None]],
    *,
    url: str | None = None,
    text: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Coded:
    """One coded article; specs = (source, target, code, date) per sentence."""
    events = tuple(event(doc_id, i, s, t, c, d) for i, (s, t, c, d) in enumerate(specs))
    pub = date.fromisoformat(published) if published else None
    body = text or " ".join(e.sentence for e in events) or "Nothing happened."
    return Coded(
        Article(id=doc_id, text=body, url=url, title=title or f"title {doc_id}", published=pub), events
    )


def reject(doc_id: str, code: str = "E202") -> Coded:
    return Coded(None, (), Reject(doc_id=doc_id, stage="ingest", code=code, reason="empty document"))
