"""The hand-off types between stages: Article -> Event, with Reject for what could not be coded.

Field names of :class:`Event` are volte's public event record contract (docs/data-model.md).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

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
)


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
    """One coded event. The first 24 fields are the public contract; the span fields are extras
    (character offsets into the article text) used to highlight triggers and actors."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    date: str | None
    date_precision: str  # day | week | month | year | unknown
    published: str | None
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
    trigger_start: int = -1
    trigger_end: int = -1
    source_start: int = -1
    source_end: int = -1
    target_start: int = -1
    target_end: int = -1
    extras: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in EVENT_FIELDS}
        if spans:
            for name in ("trigger", "source", "target"):
                out[f"{name}_start"] = getattr(self, f"{name}_start")
                out[f"{name}_end"] = getattr(self, f"{name}_end")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        names = {f.name for f in dataclasses.fields(cls)} - {"extras"}
        return cls(**{k: v for k, v in data.items() if k in names})


def make_event_id(
    doc_id: str, sentence_index: int, source: str, target: str, code: str, trigger_start: int = -1
) -> str:
    """Stable id: the same article coded twice gives the same ids."""
    key = f"{doc_id}\x1f{sentence_index}\x1f{source}\x1f{target}\x1f{code}\x1f{trigger_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
