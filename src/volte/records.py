"""The hand-off types between stages: Article -> Event, with Reject for what could not be coded.

Field names of :class:`Event` are volte's public event record contract (docs/data-model.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "sentence_index",
    "sentence",
    "sentence_start",
    "sentence_end",
    "date",
    "date_precision",
    "published",
    "source",
    "source_name",
    "target",
    "target_name",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "trigger",
    "pattern",
    "factuality",
    "attributed_to",
    "kind",
    "coder_version",
    # where the event happened, when the text says (GDELT's ActionGeo; added December 2026, issue 13)
    "place",
    "place_type",
    "place_country",
    "place_fips",
    "place_admin1",
    "place_geonameid",
    "place_lat",
    "place_lon",
    "place_start",
    "place_end",
    # when a statement about the future says it will happen (issue 14)
    "planned_date",
    "planned_precision",
)


# The span offsets that follow the contract fields in an Event (and in the store and batch shards).
SPAN_FIELDS: tuple[str, ...] = (
    "trigger_start",
    "trigger_end",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
)
# The date fields of an Event: ``datetime.date`` in Python, ISO ``YYYY-MM-DD`` text in JSON (to_dict).
EVENT_DATE_FIELDS: tuple[str, ...] = ("date", "published", "planned_date")


def parse_day(value: date | str | None) -> date | None:
    """The one reader of record dates given as text (JSON, old batch shards): ``YYYY-MM-DD`` (a longer
    timestamp counts as its day; a coarser ``YYYY-MM`` / ``YYYY`` as its first day) as a date; a date as it
    is; None or "" as None. An unreadable value is logged and read as None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, date):
        return value
    text = str(value)[:10]
    if not text:
        return None
    for candidate in (text, f"{text}-01", f"{text}-01-01"):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    log.warning("unreadable event date %r read as no date", value)
    return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Article:
    """One input document, after extraction. ``published`` may be unknown (None)."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    kind: str = "news"  # news | opinion
    lang: str = "en"
    origin: str | None = None  # file path or stream the article came from
    publisher: str | None = None  # who published it, as the record names it (JSON `source`/`publisher`)


@dataclass(frozen=True)
class Reject:
    """A document (or part of one) that could not be processed, with a coded reason."""

    doc_id: str
    stage: str  # ingest | coding
    code: str  # E2xx / E4xx
    reason: str
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Event:
    """One coded event. The fields named in :data:`EVENT_FIELDS` are the public contract (the first 24,
    then the place and the planned date, empty until the coder fills them); the trigger/source/target span
    fields follow (character offsets into the article text, used to highlight triggers and actors).
    Dates (:data:`EVENT_DATE_FIELDS`) are ``datetime.date``; :meth:`to_dict` writes them as ISO text."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    date: dt.date | None  # (dt.date: the field named date hides the type in the class body)
    date_precision: str  # day | week | month | year | unknown
    published: dt.date | None
    source: str
    source_name: str
    target: str
    target_name: str
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    trigger: str
    pattern: str
    factuality: str  # asserted | hypothetical | future (negated events are not emitted)
    attributed_to: str | None
    kind: str
    coder_version: str
    place: str = ""  # the place name as the text writes it
    place_type: str = ""  # country | region | city | "" (no place)
    place_country: str = ""  # ISO-3166 alpha-3
    place_fips: str = ""  # FIPS 10-4 country code (GDELT's geography country codes)
    place_admin1: str = ""  # GeoNames admin1 code within the country
    place_geonameid: int | None = None  # GeoNames id of the place
    place_lat: float | None = None
    place_lon: float | None = None
    place_start: int = -1  # character offsets of the place in the article text
    place_end: int = -1
    planned_date: dt.date | None = None  # the first day of the period, for statements about the future
    planned_precision: str = ""  # day | week | month | year | "" (no planned date)
    trigger_start: int = -1
    trigger_end: int = -1
    source_start: int = -1
    source_end: int = -1
    target_start: int = -1
    target_end: int = -1

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        """The record as JSON-ready values (dates as ISO text)."""
        out = {name: getattr(self, name) for name in EVENT_FIELDS}
        for name in EVENT_DATE_FIELDS:
            out[name] = _iso(out[name])
        if spans:
            out.update((name, getattr(self, name)) for name in SPAN_FIELDS)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """The record of :meth:`to_dict`'s dict (or a row with these keys; other keys are ignored); dates
        may be ISO text or dates."""
        values = {k: v for k, v in data.items() if k in _EVENT_NAMES}
        for name in EVENT_DATE_FIELDS:
            if name in values:
                values[name] = parse_day(values[name])
        return cls(**values)


_EVENT_NAMES = frozenset(f.name for f in dataclasses.fields(Event))


def content_hash(article: Article, events: Sequence[Event]) -> str:
    """Changes when the article or its coding changes (the store's ``articles.content_hash``): a new coder
    version or new dictionaries that code it differently re-store it; coding it again the same way does not."""
    coding = sorted(
        f"{e.sentence_index}/{e.source}/{e.target}/{e.code}/{e.trigger_start}/{e.date}/{e.factuality}/{e.coder_version}"
        + _place_key(e)
        for e in events
    )
    key = "\x1f".join([*article_fields(article), *coding])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def article_fields(article: Article) -> list[str]:
    """What identifies an article's content in the store's hashes (their order is part of stored hashes)."""
    return [article.text, article.url or "", article.title or "", str(article.published or ""), article.kind]


def _place_key(event: Event) -> str:
    """The place and planned date in the content hash; empty when the event has neither, so the hashes of
    articles stored before they existed (migration 0006) do not change."""
    if not (event.place_type or event.place or event.planned_date):
        return ""
    return (
        f"/{event.place}/{event.place_type}/{event.place_country}/{event.place_admin1}/{event.place_geonameid}"
        f"/{event.place_lat}/{event.place_lon}/{event.place_start}/{event.planned_date}/{event.planned_precision}"
    )


def url_host(url: str | None) -> str | None:
    """The host of a URL, lower case, without ``www.`` (the store's ``articles.host``); None without one."""
    host = urlsplit(url).hostname if url else None
    return host.lower().removeprefix("www.") if host else None


@dataclass(frozen=True)
class ParquetPart:
    """Coded output as Parquet files with the shard columns of :mod:`volte.codec` (a `volte batch` shard,
    written by volte.scale.manifest, stored by volte.store.writer.write_parquet); rows are keyed by the
    document's ``doc_index`` in the part."""

    articles: Path
    events: Path
    rejects: Path


def make_event_id(
    doc_id: str, sentence_index: int, source: str, target: str, code: str, trigger_start: int = -1
) -> str:
    """Stable id: the same article coded twice gives the same ids."""
    key = f"{doc_id}\x1f{sentence_index}\x1f{source}\x1f{target}\x1f{code}\x1f{trigger_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


TURN_FIELDS: tuple[str, ...] = (
    "turn_id",
    "article_id",
    "source",
    "target",
    "kind",
    "before_date",
    "after_date",
    "gap_days",
    "before_mean",
    "after_mean",
    "contrast",
    "before_event_ids",
    "after_event_ids",
    "before_sentences",
    "after_sentences",
    "method",
)


@dataclass(frozen=True)
class Turn:
    """A turn one article narrates (issue 14): a directed country dyad's events swing from conflict on
    one day to cooperation on a later day (a thaw), or back (a rupture). Found by
    :func:`volte.derive.narrated.find_turns`; the rule is named by ``method`` (docs/reversals.md)."""

    turn_id: str  # stable hash of article, dyad, kind and the two days
    article_id: str
    source: str  # country (first three letters of the actor codes)
    target: str
    kind: str  # thaw | rupture
    before_date: dt.date
    after_date: dt.date
    gap_days: int
    before_mean: float  # mean Goldstein of the dyad's events on the before day
    after_mean: float
    contrast: float  # after_mean - before_mean for a thaw, before_mean - after_mean for a rupture
    before_event_ids: tuple[str, ...]  # the evidence: conflict events before (a thaw), cooperation (a rupture)
    after_event_ids: tuple[str, ...]
    before_sentences: tuple[str, ...]  # their sentences, in article order, each once
    after_sentences: tuple[str, ...]
    method: str

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready values (lists for the tuples, dates as ISO text)."""
        return {name: _json_value(getattr(self, name)) for name in TURN_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Turn:
        values = {k: data[k] for k in TURN_FIELDS}
        for name in ("before_event_ids", "after_event_ids", "before_sentences", "after_sentences"):
            values[name] = tuple(values[name] or ())
        for name in ("before_date", "after_date"):
            values[name] = parse_day(values[name])
        return cls(**values)


def _json_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value.isoformat() if isinstance(value, date) else value


def make_turn_id(article_id: str, source: str, target: str, kind: str, before: str, after: str) -> str:
    key = f"{article_id}\x1f{source}\x1f{target}\x1f{kind}\x1f{before}\x1f{after}"
    return "t" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]
