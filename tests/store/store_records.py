"""Hand-built coded articles for the store and analysis tests (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from volte.coding.cameo import describe
from volte.records import Article, Event, Reject, make_event_id, parse_day


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
        date=parse_day(day),
        date_precision=precision if day else "unknown",
        published=parse_day(day),
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


# Places as the coder will fill them (issue 13): GeoNames ids, admin1 codes and coordinates of GeoNames.
BERLIN = {
    "place": "Berlin",
    "place_type": "city",
    "place_country": "DEU",
    "place_fips": "GM",
    "place_admin1": "16",
    "place_geonameid": 2950159,
    "place_lat": 52.52437,
    "place_lon": 13.41053,
}
TEXAS = {
    "place": "Texas",
    "place_type": "region",
    "place_country": "USA",
    "place_fips": "US",
    "place_admin1": "TX",
    "place_geonameid": 4736286,
    "place_lat": 31.25044,
    "place_lon": -99.25061,
}
GERMANY = {
    "place": "Germany",
    "place_type": "country",
    "place_country": "DEU",
    "place_fips": "GM",
    "place_admin1": "",
    "place_geonameid": 2921044,
    "place_lat": 51.5,
    "place_lon": 10.5,
}


def placed_article(
    doc_id: str,
    place: dict[str, object],
    *,
    source: str = "COLGOV",
    target: str = "USAGOV",
    code: str = "040",
    day: str = "2026-01-05",
    planned: tuple[str, str] | None = None,
) -> Coded:
    """One article of one event whose sentence names ``place`` (its span set to where the name is)."""
    name = str(place["place"])
    sentence = f"The {source} minister met the {target} envoy in {name} on Monday."
    start = sentence.index(name)
    base = event(doc_id, 0, source, target, code, day, sentence=sentence)
    when = {"planned_date": parse_day(planned[0]), "planned_precision": planned[1]} if planned else {}
    located = replace(base, **place, place_start=start, place_end=start + len(name), **when)  # type: ignore[arg-type]
    pub = date.fromisoformat(day)
    return Coded(Article(id=doc_id, text=sentence, title=f"title {doc_id}", published=pub), (located,))
