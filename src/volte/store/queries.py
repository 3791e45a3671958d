"""The store's SQL: statements and the builders of filtered queries (parameters always bound, never pasted)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from volte.coding.cameo import STATEMENT_ROOTS
from volte.errors import E_CONFIG_BAD_OPTION, E_STORE_BAD_ACTOR, E_STORE_BAD_RANGE, ConfigError, StoreError
from volte.records import SPAN_FIELDS as SPAN_FIELDS  # re-exported: the store's span columns

# What an article page reads (volte.store.reading.article); the columns and types: volte.codec.ARTICLE.
ARTICLE_COLUMNS = (
    "id",
    "url",
    "host",
    "title",
    "published",
    "kind",
    "lang",
    "origin",
    "text",
    "content_hash",
    "num_events",
    "ingested_at",
    "volte_version",
    "coder_version",
    "spacy_model",
    "dictionaries_sha256",
)
CLUSTER_COLUMNS = (
    "cluster_id",
    "source_key",
    "target_key",
    "source_country",
    "target_country",
    "root",
    "code",
    "date",
    "last_date",
    "goldstein",
    "quad_class",
    "num_mentions",
    "num_sources",
    "num_articles",
    "weight",
)
ACTOR_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")

# Which events form clusters: actors with a country on both sides (not "---", PETRARCH's unknown country),
# a day-precise date, and asserted factuality, or a statement about the future (an intent, threat, demand,
# refusal or appeal is an event on the day it is said).
# The statement roots as an SQL list (queries and the explanation of uncounted events share it).
STATEMENT_ROOTS_SQL = ", ".join(f"'{root}'" for root in sorted(STATEMENT_ROOTS))


def clusterable(alias: str = "") -> str:
    """The SQL condition for events that form clusters (columns qualified with ``alias.`` when given)."""
    a = f"{alias}." if alias else ""
    return (
        f"{a}source <> '' AND {a}target <> '' AND NOT starts_with({a}source, '---') "
        f"AND NOT starts_with({a}target, '---') AND {a}date IS NOT NULL AND {a}date_precision = 'day' "
        f"AND ({a}factuality = 'asserted' OR ({a}factuality = 'future' AND {a}root IN ({STATEMENT_ROOTS_SQL})))"
    )


CLUSTERABLE = clusterable()

MENTIONS_OF_GROUPS = f"""
SELECT e.event_id, e.doc_id, e.publisher, e.source, e.target, e.root, e.code, e.date, e.goldstein,
       e.quad_class, e.sentence_index, g.source_key, g.target_key
FROM events e JOIN _groups g
  ON left(e.source, 6) = g.source_key AND left(e.target, 6) = g.target_key AND e.root = g.root
WHERE {clusterable("e")} AND (g.restart IS NULL OR e.date >= g.restart)
"""

# For each affected group: the anchor of the last cluster that starts on or before the earliest change.
GROUP_RESTARTS = """
SELECT g.source_key, g.target_key, g.root,
       (SELECT max(c.date) FROM clusters c
         WHERE c.source_key = g.source_key AND c.target_key = g.target_key AND c.root = g.root
           AND c.date <= g.changed) AS restart
FROM _changed g
"""

DELETE_GROUP_CLUSTERS = """
DELETE FROM clusters c USING _groups g
WHERE c.source_key = g.source_key AND c.target_key = g.target_key AND c.root = g.root
  AND (g.restart IS NULL OR c.date >= g.restart)
"""

SET_CLUSTER_IDS = """
UPDATE events SET cluster_id = m.cluster_id FROM _members m WHERE events.event_id = m.event_id
"""

# Daily sums per directed country dyad, from a given day on (used for dyad_days and the detector).
DYAD_DAYS_COLUMNS = (
    "source_country",
    "target_country",
    "day",
    "clusters",
    "w",
    "ww",
    "wg",
    "wg2",
    "conflict",
    "coop",
    "q1",
    "q2",
    "q3",
    "q4",
)
DYAD_DAYS_FROM_CLUSTERS = """
SELECT c.source_country, c.target_country, c.date AS day, count(*)::INTEGER AS clusters,
       sum(c.weight) AS w, sum(c.weight * c.weight) AS ww, sum(c.weight * c.goldstein) AS wg, sum(c.weight * c.goldstein * c.goldstein) AS wg2,
       count(*) FILTER (WHERE c.root BETWEEN '10' AND '20')::INTEGER AS conflict,
       count(*) FILTER (WHERE c.root IN ('03', '04', '05', '08'))::INTEGER AS coop,
       count(*) FILTER (WHERE c.quad_class = 1)::INTEGER AS q1, count(*) FILTER (WHERE c.quad_class = 2)::INTEGER AS q2,
       count(*) FILTER (WHERE c.quad_class = 3)::INTEGER AS q3, count(*) FILTER (WHERE c.quad_class = 4)::INTEGER AS q4
FROM clusters c JOIN _pairs p ON c.source_country = p.source_country AND c.target_country = p.target_country
WHERE p.since IS NULL OR c.date >= p.since
GROUP BY ALL
"""

DELETE_DYAD_DAYS = """
DELETE FROM dyad_days d USING _pairs p
WHERE d.source_country = p.source_country AND d.target_country = p.target_country
  AND (p.since IS NULL OR d.day >= p.since)
"""

DELETE_THRESHOLDS = """
DELETE FROM dyad_thresholds t USING _pairs p
WHERE t.source_country = p.source_country AND t.target_country = p.target_country
"""

SERIES_DAYS = """
SELECT date AS day, count(*) AS clusters, sum(num_mentions) AS mentions, sum(num_sources) AS sources,
       sum(weight) AS weight, sum(weight * goldstein) AS goldstein_sum, sum(goldstein) AS goldstein_plain_sum,
       coalesce(sum(weight * goldstein) FILTER (WHERE goldstein > 0), 0) AS cooperation,
       coalesce(sum(weight * goldstein) FILTER (WHERE goldstein < 0), 0) AS conflict,
       count_if(quad_class = 1)::BIGINT AS q1, count_if(quad_class = 2)::BIGINT AS q2,
       count_if(quad_class = 3)::BIGINT AS q3, count_if(quad_class = 4)::BIGINT AS q4
FROM clusters
WHERE {where}
GROUP BY date ORDER BY date
"""

# The same daily sums for every directed country dyad at once (``volte dyad --all``).
PANEL_DAYS = SERIES_DAYS.replace("SELECT date AS day,", "SELECT source_country, target_country, date AS day,").replace(
    "GROUP BY date ORDER BY date", "GROUP BY source_country, target_country, date ORDER BY source_country, target_country, date"
)


@dataclass
class Where:
    """A conjunction of SQL conditions with bound parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(self.parts) if self.parts else "TRUE"


def check_actor(code: str, *, option: str) -> str:
    """Normalise an actor code argument (``col`` -> ``COL``) or say what a code looks like."""
    value = code.strip().upper()
    if not ACTOR_RE.match(value):
        raise StoreError(
            f"{option} {code!r} is not an actor code: expected a 3-letter country (COL, USA), optionally "
            "followed by 3-letter role codes (COLGOV, USAMIL), or an IGO/NGO code (IGOUNO)",
            code=E_STORE_BAD_ACTOR,
        )
    return value


def check_range(since: date | None, until: date | None) -> None:
    if since is not None and until is not None and since > until:
        raise StoreError(
            f"date range reversed: since {since.isoformat()} is after until {until.isoformat()}; swap them",
            code=E_STORE_BAD_RANGE,
        )


def actor_condition(column: str, code: str) -> tuple[str, str]:
    """A prefix match on an actor code column: COL matches COLGOV and COLGOVMIL."""
    return f"starts_with({column}, ?)", code


def event_filters(
    *,
    source: str | None = None,
    target: str | None = None,
    since: date | None = None,
    until: date | None = None,
    root: str | None = None,
    code: str | None = None,
    doc_id: str | None = None,
    cluster_id: str | None = None,
    factuality: str | None = None,
    quad_class: int | None = None,
    plover: str | None = None,
    place: str | None = None,
    q: str | None = None,
) -> Where:
    """The WHERE clause of an event query; codes match by prefix, dates are inclusive, ``q`` is a
    case-insensitive substring of the sentence, ``place`` the event place's name (case-insensitive) or its
    country (``COL``), ``plover`` the PLOVER event type (``CONSULT``), ``quad_class`` 1-4."""
    check_range(since, until)
    where = Where()
    if source:
        where.add(*actor_condition("source", check_actor(source, option="source")))
    if target:
        where.add(*actor_condition("target", check_actor(target, option="target")))
    if since:
        where.add("date >= ?", since)
    if until:
        where.add("date <= ?", until)
    if root:
        where.add("root = ?", check_root(root))
    if code:
        where.add("starts_with(code, ?)", code)
    for column, value in (("doc_id", doc_id), ("cluster_id", cluster_id), ("factuality", factuality)):
        if value:
            where.add(f"{column} = ?", value)
    if quad_class:
        where.add("quad_class = ?", int(quad_class))
    if plover:
        where.add("plover = ?", plover.upper())
    if place:
        where.add("(lower(place) = lower(?) OR place_country = upper(?))", place, place)
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.add("sentence ILIKE ? ESCAPE '\\'", pattern)
    return where


TOP_DYADS_SQL = """
SELECT source_country AS source, target_country AS target, sum(clusters)::BIGINT AS events,
       sum(wg) / nullif(sum(w), 0) AS goldstein_mean, max(day) AS last_date
FROM dyad_days WHERE source_country <> target_country AND day BETWEEN ? AND ?
GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?
"""


def check_root(root: str) -> str:
    value = root.strip()
    if value.isdigit() and len(value) == 1:
        value = "0" + value
    if not (value.isdigit() and len(value) == 2 and 1 <= int(value) <= 20):
        raise ConfigError(
            f"root {root!r}: expected a CAMEO root from 01 to 20 (e.g. 04 or 18)", code=E_CONFIG_BAD_OPTION
        )
    return value


# The dashboard's overview (serve: GET /api/overview, the home page): event clusters in [since, until].
# Who did what to whom, per quad class, directed country dyads (a country's own affairs left out).
OVERVIEW_PAIRS_SQL = """
SELECT source_country AS source, target_country AS target, count(*)::INTEGER AS events,
       count(*) FILTER (WHERE quad_class = 1)::INTEGER AS q1, count(*) FILTER (WHERE quad_class = 2)::INTEGER AS q2,
       count(*) FILTER (WHERE quad_class = 3)::INTEGER AS q3, count(*) FILTER (WHERE quad_class = 4)::INTEGER AS q4,
       sum(weight * goldstein) / nullif(sum(weight), 0) AS goldstein_mean
FROM clusters WHERE source_country <> target_country AND date BETWEEN ? AND ?
GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?
"""
# Event clusters per CAMEO root (the root's quad class is that of most of its clusters).
OVERVIEW_ROOTS_SQL = """
SELECT root, count(*)::INTEGER AS events, mode(quad_class)::INTEGER AS quad_class
FROM clusters WHERE date BETWEEN ? AND ?
GROUP BY root ORDER BY root
"""
# Places with coordinates where events (mentions) happened, the busiest first.
PLACES_SQL = """
SELECT place AS name, place_type AS type, place_country AS country, place_geonameid AS geonameid,
       round(avg(place_lat), 5) AS lat, round(avg(place_lon), 5) AS lon, count(*)::INTEGER AS events,
       min(date) AS first_date, max(date) AS last_date
FROM events
WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL AND place <> '' AND date BETWEEN ? AND ?
GROUP BY place, place_type, place_country, place_geonameid
ORDER BY events DESC, name LIMIT ?
"""
