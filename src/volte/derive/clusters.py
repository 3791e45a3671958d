"""Event clusters: the mentions of one real-world event, grouped the way GDELT counts events.

Mentions of the same directed dyad at country+role level (``COLGOV`` -> ``USAGOV``), with the same CAMEO
root, whose dates lie within ``hours`` of the cluster's first mention form one cluster. Clustering is greedy
from the earliest mention (the *anchor*): a cluster holds every mention dated within ``hours`` of its
anchor; the next mention starts a new cluster. It depends only on the set of mentions, never on the order
they were ingested in, and the cluster id is a hash of (dyad, root, anchor date): re-ingesting, or adding
reports of other events, keeps the ids.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

_Date = date  # for the annotations of a class whose field is called ``date``

KEY_LENGTH = 6  # ISO-3 country + the first CAMEO role code: "COLGOVMIL" -> "COLGOV"
CONFLICT_ROOTS = frozenset(f"{n:02d}" for n in range(10, 21))  # demands, accusations ... mass violence
# Cooperation evidence for the reversal gate: intent to cooperate or meet (03, e.g. 036), consult (04x),
# diplomatic cooperation and agreements (05, e.g. 057), and yielding (08: ceasefires 0871, releases 084,
# easing of sanctions 081) -- the way armed conflicts thaw.
COOP_ROOTS = frozenset({"03", "04", "05", "08"})

GroupKey = tuple[str, str, str]  # (source_key, target_key, root)


@dataclass(frozen=True)
class Mention:
    """One stored event as clustering sees it."""

    event_id: str
    doc_id: str
    publisher: str  # URL host, or "doc:<doc_id>" for articles without URL
    source: str
    target: str
    root: str
    code: str
    date: date
    goldstein: float
    quad_class: int
    sentence_index: int = 0


@dataclass(frozen=True)
class Cluster:
    cluster_id: str
    source_key: str
    target_key: str
    source_country: str
    target_country: str
    root: str
    code: str
    date: _Date
    last_date: _Date
    goldstein: float
    quad_class: int
    num_mentions: int
    num_sources: int
    num_articles: int
    weight: float
    event_ids: tuple[str, ...]

    def row(self) -> tuple[object, ...]:
        """The ``clusters`` table row (column order of schema.sql)."""
        return (
            self.cluster_id,
            self.source_key,
            self.target_key,
            self.source_country,
            self.target_country,
            self.root,
            self.code,
            self.date,
            self.last_date,
            self.goldstein,
            self.quad_class,
            self.num_mentions,
            self.num_sources,
            self.num_articles,
            self.weight,
        )


def actor_key(code: str) -> str:
    """Country + role level of an actor code: ``COLGOVMIL`` -> ``COLGOV``, ``USA`` -> ``USA``."""
    return code[:KEY_LENGTH]


def actor_country(code: str) -> str:
    """The country (or IGO/NGO) part of an actor code: its first three letters."""
    return code[:3]


def group_key(mention: Mention) -> GroupKey:
    return (actor_key(mention.source), actor_key(mention.target), mention.root)


def make_cluster_id(source_key: str, target_key: str, root: str, anchor: date) -> str:
    key = f"{source_key}\x1f{target_key}\x1f{root}\x1f{anchor.isoformat()}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:15]


def cluster_mentions(mentions: Iterable[Mention], *, hours: float) -> list[Cluster]:
    """Group mentions into clusters (see the module docstring); clusters come sorted by group and date."""
    groups: dict[GroupKey, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[group_key(mention)].append(mention)
    clusters: list[Cluster] = []
    for key in sorted(groups):
        clusters.extend(_cluster_group(key, groups[key], hours=hours))
    return clusters


def _cluster_group(key: GroupKey, mentions: list[Mention], *, hours: float) -> list[Cluster]:
    ordered = sorted(mentions, key=lambda m: (m.date, m.event_id))
    out: list[Cluster] = []
    current: list[Mention] = []
    for mention in ordered:
        if current and (mention.date - current[0].date).days * 24 > hours:
            out.append(summarise(key, current))
            current = []
        current.append(mention)
    if current:
        out.append(summarise(key, current))
    return out


def summarise(key: GroupKey, mentions: Sequence[Mention]) -> Cluster:
    """One cluster from its mentions (the first one, by date, is the anchor)."""
    source_key, target_key, root = key
    codes = Counter(m.code for m in mentions)
    code = min(codes, key=lambda c: (-codes[c], c))
    quads = Counter(m.quad_class for m in mentions)
    num_sources = len({m.publisher for m in mentions})
    return Cluster(
        cluster_id=make_cluster_id(source_key, target_key, root, mentions[0].date),
        source_key=source_key,
        target_key=target_key,
        source_country=actor_country(source_key),
        target_country=actor_country(target_key),
        root=root,
        code=code,
        date=mentions[0].date,
        last_date=max(m.date for m in mentions),
        goldstein=round(sum(m.goldstein for m in mentions) / len(mentions), 4),
        quad_class=min(quads, key=lambda q: (-quads[q], q)),
        num_mentions=len(mentions),
        num_sources=num_sources,
        num_articles=len({m.doc_id for m in mentions}),
        weight=math.sqrt(num_sources),
        event_ids=tuple(m.event_id for m in mentions),
    )
