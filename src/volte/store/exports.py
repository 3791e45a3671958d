"""Exports: GDELT 2.0 event table (61 columns) and Mentions table (16 columns), headerless TSV as GDELT
publishes them; PLOVER JSON Lines; Parquet and CSV. docs/export.md describes every format and field.

GDELT rows are event *clusters* (GDELT's events) with their mention/source/article counts; the ActionGeo
fields come from the place of the cluster's first mention that names one (the coder's place, GeoNames
based), the actors' geography and tone are left empty (volte does not geolocate actors or score tone, and
never guesses). The Mentions table has one row per stored mention of each exported cluster. PLOVER,
Parquet and CSV rows are event mentions with their cluster id; PLOVER records use the field names and
types of the PLOVER spec (``PLOVER_FIELDS``) with volte's own fields under ``volte``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import duckdb

from volte.coding.cameo import code_table
from volte.errors import E_CONFIG_BAD_OPTION, E_STORE_QUERY, ConfigError, StoreError
from volte.registry import exporters
from volte.store import queries as q
from volte.store.reading import OUT_COLUMNS

# volte's own formats; each registers itself below (volte.registry.exporters), in this order, with the
# extensions that imply it (``volte export -o x.parquet``). Others come from the registry's entry points.
FORMATS = ("gdelt", "gdelt-mentions", "plover", "parquet", "csv")
EXTENSIONS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "plover", ".json": "plover", ".tsv": "gdelt"}

# The GDELT 2.0 event table, in its documented order (GDELT-Event_Codebook-V2.0).
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
# The GDELT 2.0 Mentions table, in its documented order (GDELT-Event_Codebook-V2.0).
GDELT_MENTION_COLUMNS = (
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
# Columns the CSV and Parquet exports add to the event record (docs/export.md).
TABLE_EXTRA_COLUMNS = ("name", "url", "title", "publisher", "num_mentions", "num_sources", "num_articles")
_ACTOR_GEO_BLANKS = 16  # Actor1Geo_* and Actor2Geo_*
_KNOWN_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")

GDELT_SQL = """
WITH first_mention AS (
    SELECT e.cluster_id, arg_min(e.source_name, (e.date, e.doc_id, e.sentence_index)) AS source_name,
           arg_min(e.target_name, (e.date, e.doc_id, e.sentence_index)) AS target_name,
           arg_min(a.url, (e.date, e.doc_id, e.sentence_index)) AS url,
           min(e.doc_id) AS doc_id,
           bool_or(e.sentence_index = 0) AS is_root, max(a.ingested_at) AS added,
           arg_min({'name': e.place, 'type': e.place_type, 'fips': e.place_fips, 'admin1': e.place_admin1,
                    'geonameid': e.place_geonameid, 'lat': e.place_lat, 'lon': e.place_lon},
                   (e.date, e.doc_id, e.sentence_index)) FILTER (WHERE e.place_type <> '') AS place
    FROM events e JOIN articles a ON a.id = e.doc_id
    WHERE e.cluster_id IS NOT NULL
    GROUP BY e.cluster_id
)
SELECT c.*, f.source_name, f.target_name, f.url, f.doc_id, f.is_root, f.added, f.place
FROM clusters c JOIN first_mention f USING (cluster_id)
WHERE {clusters}
ORDER BY c.date, c.cluster_id
"""

MENTIONS_SQL = """
WITH chosen AS (SELECT c.cluster_id, c.date FROM clusters c WHERE {clusters}),
added AS (
    SELECT e.cluster_id, max(a.ingested_at) AS added
    FROM events e JOIN articles a ON a.id = e.doc_id JOIN chosen USING (cluster_id)
    GROUP BY e.cluster_id
)
SELECT e.cluster_id, d.added, a.ingested_at, a.url, e.publisher, e.doc_id, e.sentence_index,
       e.source_start, e.target_start, e.trigger_start, length(a.text) AS doc_len
FROM events e JOIN chosen ch USING (cluster_id) JOIN added d USING (cluster_id)
JOIN articles a ON a.id = e.doc_id
ORDER BY ch.date, e.cluster_id, e.date, e.doc_id, e.sentence_index, e.event_id
"""


class Filters:
    """``volte export``'s --since/--until/--source/--target/--root: mention rows (PLOVER, CSV, Parquet)
    match them all; a cluster (GDELT rows, and the mentions of the Mentions table) is exported when its
    date (GDELT's SQLDATE) is in the range and one of its mentions matches the actor and root filters."""

    def __init__(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        target: str | None = None,
        root: str | None = None,
    ) -> None:
        source = q.check_actor(source, option="source") if source else None
        target = q.check_actor(target, option="target") if target else None
        self.events = q.event_filters(source=source, target=target, since=since, until=until, root=root)
        self.actors = q.event_filters(source=source, target=target, root=root)
        self.clusters = q.Where()
        if since:
            self.clusters.add("c.date >= ?", since)
        if until:
            self.clusters.add("c.date <= ?", until)
        if self.actors.parts:
            self.clusters.add(
                f"c.cluster_id IN (SELECT cluster_id FROM events WHERE {self.actors.sql})",
                *self.actors.params,
            )


def format_for(path: Path, fmt: str | None) -> str:
    """The export format: ``fmt`` when given, else the one ``path``'s extension implies (E102 when neither
    says, or when ``fmt`` is no registered exporter)."""
    names = exporters.names()
    if fmt:
        if fmt not in names:
            raise ConfigError(f"--format {fmt!r}: choose one of {', '.join(names)}", code=E_CONFIG_BAD_OPTION)
        return fmt
    implied = exporters.for_extension(path.suffix)
    if implied is None:
        known = ", ".join(f"{ext} ({name})" for ext, name in _extensions().items())
        raise ConfigError(
            f"cannot tell the export format of {path}: give --format ({', '.join(names)}) or an output file "
            f"ending in {known}",
            code=E_CONFIG_BAD_OPTION,
        )
    return implied.name


def _extensions() -> dict[str, str]:
    """extension -> exporter: volte's own in EXTENSIONS' order, then those of the other exporters."""
    registered = exporters.extensions()
    return {**{e: registered[e] for e in EXTENSIONS if e in registered}, **registered}


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    path: Path,
    *,
    header: bool = False,
    filters: Filters | None = None,
) -> int:
    """Write ``fmt`` (a registered exporter's name) to ``path``; rows written. ``header`` adds a line of
    column names to the GDELT tables (GDELT's own files have none)."""
    entry = exporters.get(fmt)
    if entry is None:
        names = ", ".join(exporters.names())
        raise StoreError(f"export format {fmt!r}: choose one of {names}", code=E_STORE_QUERY)
    if not path.parent.exists():
        raise StoreError(f"cannot write {path}: directory {path.parent} does not exist", code=E_STORE_QUERY)
    return int(entry.func(con, path, filters=filters or Filters(), header=header))


def unit_of(fmt: str) -> str:
    """What a row of the export ``fmt`` is (``events``, ``clusters``, ``mentions``)."""
    entry = exporters.get(fmt)
    return entry.unit if entry is not None else "rows"


def _copy(con: duckdb.DuckDBPyConnection, path: Path, where: q.Where, options: str) -> int:
    count = con.execute(f"SELECT count(*) FROM events WHERE {where.sql}", where.params).fetchone()
    con.execute(f"COPY ({table_sql(where.sql)}) TO '{_quote(path)}' ({options})", where.params)
    return int(count[0]) if count else 0


@exporters.register("gdelt", extensions=(".tsv",), unit="clusters")
def export_gdelt(con: duckdb.DuckDBPyConnection, path: Path, *, filters: Filters, header: bool) -> int:
    """GDELT 2.0 event table: one row per event cluster, 61 tab-separated columns."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        return _write_gdelt(con, out, filters.clusters, header=header)


@exporters.register("gdelt-mentions", unit="mentions")
def export_gdelt_mentions(
    con: duckdb.DuckDBPyConnection, path: Path, *, filters: Filters, header: bool
) -> int:
    """GDELT 2.0 Mentions table: one row per stored mention of each exported cluster, 16 columns."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        return _write_mentions(con, out, filters.clusters, header=header)


@exporters.register("plover", extensions=(".jsonl", ".json"), unit="events")
def export_plover(con: duckdb.DuckDBPyConnection, path: Path, *, filters: Filters, header: bool) -> int:
    """PLOVER JSON Lines: one event record per line (``header`` does not apply)."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        return _write_plover(con, out, filters.events)


@exporters.register("parquet", extensions=(".parquet",), unit="events")
def export_parquet(con: duckdb.DuckDBPyConnection, path: Path, *, filters: Filters, header: bool) -> int:
    """The event table (record fields, cluster id and counts) as zstd-compressed Parquet."""
    return _copy(con, path, filters.events, "FORMAT parquet, COMPRESSION zstd")


@exporters.register("csv", extensions=(".csv",), unit="events")
def export_csv(con: duckdb.DuckDBPyConnection, path: Path, *, filters: Filters, header: bool) -> int:
    """The event table as CSV with a header line (always: ``header`` does not apply)."""
    return _copy(con, path, filters.events, "FORMAT csv, HEADER true")


def table_sql(where: str) -> str:
    """The CSV/Parquet rows: the event record, ``cluster_id`` and ``TABLE_EXTRA_COLUMNS``."""
    names = ", ".join(
        f"('{code}', '{info.name.replace(chr(39), chr(39) * 2)}')" for code, info in code_table().items()
    )
    return f"""
SELECT {", ".join("e." + c for c in OUT_COLUMNS)}, n.name, a.url, a.title, e.publisher,
       c.num_mentions, c.num_sources, c.num_articles
FROM (SELECT * FROM events WHERE {where}) e LEFT JOIN articles a ON a.id = e.doc_id
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id LEFT JOIN (VALUES {names}) n(code, name) ON n.code = e.code
ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id
"""


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """One cluster as the 61 GDELT fields (strings; empty where volte has no value)."""
    day = row["date"]
    actors = [
        _gdelt_actor(row["source_key"], row["source_name"]),
        _gdelt_actor(row["target_key"], row["target_name"]),
    ]
    added = row["added"].strftime("%Y%m%d%H%M%S") if row["added"] else ""
    fields = [
        str(int(row["cluster_id"][1:], 16)),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
        *actors[0],
        *actors[1],
        "1" if row["is_root"] else "0",
        row["code"],
        row["code"][:3],
        row["root"],
        str(row["quad_class"]),
        f"{code_table()[row['code']].goldstein:g}"
        if row["code"] in code_table()
        else f"{row['goldstein']:g}",
        str(row["num_mentions"]),
        str(row["num_sources"]),
        str(row["num_articles"]),
        "",
        *([""] * _ACTOR_GEO_BLANKS),
        *action_geo(row.get("place")),
        added,
        row["url"] or f"urn:volte:doc:{row['doc_id']}",
    ]
    return [_clean(f) for f in fields]


def _timestamp(value: Any) -> str:
    return value.strftime("%Y%m%d%H%M%S") if value else ""


def _char_offset(value: int | None) -> str:
    return str(value) if value is not None and value >= 0 else "-1"


def mention_row(row: dict[str, Any]) -> list[str]:
    """One stored mention of a cluster as the 16 GDELT Mentions fields (strings; empty where volte has no
    value): docs/export.md says how each is filled."""
    offsets = [row["source_start"], row["target_start"], row["trigger_start"]]
    located = all(v is not None and v >= 0 for v in offsets)
    fields = [
        str(int(row["cluster_id"][1:], 16)),
        _timestamp(row["added"]),
        _timestamp(row["ingested_at"]),
        "1" if row["url"] else "2",  # 1 WEB (a URL), 2 CITATIONONLY (no URL: the identifier is a citation)
        row["publisher"] or "",
        row["url"] or f"urn:volte:doc:{row['doc_id']}",
        str((row["sentence_index"] or 0) + 1),
        *[_char_offset(v) for v in offsets],
        "1" if located else "0",
        "",  # Confidence: volte does not score its extractions
        str(row["doc_len"] or 0),
        "",  # MentionDocTone: volte does not score tone
        "",  # MentionDocTranslationInfo: volte codes English, which GDELT leaves empty
        "",  # Extras
    ]
    return [_clean(f) for f in fields]


def _write_mentions(con: duckdb.DuckDBPyConnection, out: TextIO, where: q.Where, *, header: bool) -> int:
    return _write_tsv(con, out, MENTIONS_SQL, where, GDELT_MENTION_COLUMNS, mention_row, header=header)


# volte's place types as GeoNames feature classes (PLOVER's location object is Mordecai3's, GeoNames based).
_FEATURE_CLASSES = {"country": "A", "region": "A", "city": "P"}
# GDELT's geographic resolution by (volte's place type, in the United States).
_GEO_TYPES = {
    ("country", False): "1",
    ("country", True): "1",
    ("region", True): "2",
    ("city", True): "3",
    ("city", False): "4",
    ("region", False): "5",
}


def action_geo(place: dict[str, Any] | None) -> list[str]:
    """ActionGeo_Type, _FullName, _CountryCode, _ADM1Code, _ADM2Code, _Lat, _Long, _FeatureID of a place
    (keys name, type, fips, admin1, geonameid, lat, lon); eight empty strings without one.

    Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world region. CountryCode is the FIPS 10-4
    code; ADM1Code is it followed by the GeoNames admin1 code (GDELT's form, "USTX", "GM16"), the country
    code alone for a country or an unknown admin1. FeatureID, as GDELT does, is the textual code of a
    country (FIPS) or US state (admin1) or world region (ADM1Code); for a city it is the GeoNames id, where
    GDELT has a GNS/GNIS id."""
    if not place or place.get("type") not in _FEATURE_CLASSES:
        return [""] * 8
    kind, fips, admin1 = place["type"], place.get("fips") or "", place.get("admin1") or ""
    in_us = fips == "US"
    adm1 = fips + admin1 if fips and admin1 and kind != "country" else fips
    if kind == "city":
        feature = str(place["geonameid"]) if place.get("geonameid") is not None else ""
    else:
        feature = {"country": fips, "region": admin1 if in_us else adm1}[kind]
    return [
        _GEO_TYPES[kind, in_us],
        place.get("name") or "",
        fips,
        adm1,
        "",
        _degrees(place.get("lat")),
        _degrees(place.get("lon")),
        feature,
    ]


def _degrees(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def _gdelt_actor(code: str, name: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1..3."""
    country, roles = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    group = ""
    if country in _KNOWN_GROUP_PREFIXES:
        country, group, roles = "", (roles[0] if roles else ""), roles[1:]
    types = (roles + ["", "", ""])[:3]
    return [code, (name or "").upper(), country, group, "", "", "", *types]


def _clean(value: str) -> str:
    return " ".join(str(value).split()) if value else ""


def _write_gdelt(con: duckdb.DuckDBPyConnection, out: TextIO, where: q.Where, *, header: bool) -> int:
    return _write_tsv(con, out, GDELT_SQL, where, GDELT_COLUMNS, gdelt_row, header=header)


def _write_tsv(
    con: duckdb.DuckDBPyConnection,
    out: TextIO,
    sql: str,
    where: q.Where,
    columns: Sequence[str],
    row: Callable[[dict[str, Any]], list[str]],
    *,
    header: bool,
) -> int:
    """A headerless GDELT-style table (``header`` adds the column names), streamed in chunks of 5,000."""
    cursor = con.execute(sql.replace("{clusters}", where.sql), where.params)
    names = [d[0] for d in cursor.description or []]
    if header:
        out.write("\t".join(columns) + "\n")
    count = 0
    while chunk := cursor.fetchmany(5000):
        for values in chunk:
            out.write("\t".join(row(dict(zip(names, values, strict=True)))) + "\n")
            count += 1
    return count


PLOVER_SQL = f"""
SELECT {", ".join("e." + c for c in OUT_COLUMNS)}, a.url, a.title, a.ingested_at, e.publisher,
       c.num_sources, c.num_mentions, c.num_articles
FROM (SELECT * FROM events WHERE {{where}}) e LEFT JOIN articles a ON a.id = e.doc_id
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id
"""

# The PLOVER event record's fields and JSON types (PLOVER_MANUAL v2.0 via /work/shared/ontology/plover.md),
# in the order volte writes them; "null" means volte writes null where it has no value. docs/export.md.
PLOVER_FIELDS: dict[str, tuple[str, ...]] = {
    "id": ("string",),
    "date": ("string", "null"),
    "actor": ("array",),
    "recipient": ("array",),
    "event": ("array",),
    "event_loc": ("object", "null"),
    "event_text": ("string",),
    "quad_code": ("integer", "null"),
    "event_scale": ("null",),
    "mode": ("array",),
    "context": ("array",),
    "link": ("string", "null"),
    "text": ("string",),
    "text_info": ("object",),
    "cite_info": ("object",),
    "coder": ("string",),
    "coded_date": ("string", "null"),
    "coded_time": ("string", "null"),
    "comment": ("string", "null"),
    "has_event": ("boolean",),
    "time": ("null",),
    "enddate": ("null",),
    "endtime": ("null",),
}
# The PLOVER entity object (actor and recipient list items).
PLOVER_ENTITY_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("string",),
    "sector": ("string", "null"),
    "entity_text": ("string", "null"),
    "identifier_id": ("null",),
    "identifier_text": ("null",),
    "religion": ("null",),
    "ethnicity": ("null",),
    "office": ("null",),
    "gender": ("null",),
    "age": ("null",),
}
# CAMEO role codes PLOVER renames (plover.md, "Sectors"): CAMEO MED (media) is JRN, CAMEO HLH (health) is MED.
_PLOVER_SECTORS = {"MED": "JRN", "HLH": "MED"}


@lru_cache(maxsize=1)
def plover_tables() -> dict[str, Any]:
    """PLOVER's quad class per event type and the published CAMEO->PLOVER contexts per CAMEO code."""
    text = (resources.files("volte.store") / "plover.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def plover_entity(code: str, text: str | None) -> dict[str, Any]:
    """A CAMEO actor code as a PLOVER entity object: ``code`` the country or non-state code, ``sector``
    the first role code (PLOVER's names), ``entity_text`` the words that named it."""
    roles = [code[i : i + 3] for i in range(3, len(code), 3)]
    sector = _PLOVER_SECTORS.get(roles[0], roles[0]) if roles else None
    return {
        "code": code[:3],
        "sector": sector,
        "entity_text": text or None,
        **{k: None for k in list(PLOVER_ENTITY_FIELDS)[3:]},
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event mention as a PLOVER event record (``PLOVER_FIELDS``), volte's own fields under ``volte``."""
    info = code_table().get(row["code"])
    tables = plover_tables()
    day = row["date"]
    event = row["plover"] or ""
    added = row.get("ingested_at")
    return {
        "id": row["event_id"],
        "date": day.isoformat() if day else None,
        "actor": [plover_entity(row["source"], row["source_name"])] if row["source"] else [],
        "recipient": [plover_entity(row["target"], row["target_name"])] if row["target"] else [],
        "event": [event] if event else [],
        "event_loc": event_location(row),
        "event_text": row["trigger"] or "",
        "quad_code": tables["quad"].get(event),
        "event_scale": None,
        "mode": [info.plover_mode] if info and info.plover_mode and event else [],
        "context": list(tables["contexts"].get(row["code"], [])) if event else [],
        "link": row["url"],
        "text": row["sentence"] or "",
        "text_info": {
            "story_id": row["doc_id"],
            "title": row["title"],
            "publisher": row["publisher"],
            "sentence_index": row["sentence_index"],
            "sentence_start": row["sentence_start"],
            "sentence_end": row["sentence_end"],
        },
        "cite_info": {"url": row["url"], "title": row["title"], "published": _iso(row["published"])},
        "coder": row["coder_version"] or "",
        "coded_date": added.date().isoformat() if added else None,
        "coded_time": added.time().isoformat(timespec="seconds") if added else None,
        "comment": None,
        "has_event": bool(event),
        "time": None,
        "enddate": None,
        "endtime": None,
        "volte": {
            "cameo": row["code"],
            "source": row["source"],
            "target": row["target"],
            "goldstein": row["goldstein"],
            "quad_class": row["quad_class"],
            "factuality": row["factuality"],
            "date_precision": row["date_precision"],
            "trigger": row["trigger"],
            "cluster_id": row["cluster_id"],
            "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"],
            "num_articles": row["num_articles"],
        },
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def event_location(row: dict[str, Any]) -> dict[str, Any] | None:
    """The event's place as a PLOVER ``event_loc`` object, or None when the text says no place."""
    if not row.get("place_type"):
        return None
    return {
        "search_name": row["place"],
        "geonameid": row["place_geonameid"],
        "lat": row["place_lat"],
        "lon": row["place_lon"],
        "country_code": row["place_country"] or None,
        "admin1": row["place_admin1"] or None,
        "feature_class": _FEATURE_CLASSES.get(row["place_type"]),
        "resolution": row["place_type"],
        "start_char": _offset(row["place_start"]),
        "end_char": _offset(row["place_end"]),
    }


def _offset(value: int | None) -> int | None:
    return value if value is not None and value >= 0 else None


def _write_plover(con: duckdb.DuckDBPyConnection, out: TextIO, where: q.Where) -> int:
    cursor = con.execute(PLOVER_SQL.replace("{where}", where.sql), where.params)
    names = [d[0] for d in cursor.description or []]
    count = 0
    while chunk := cursor.fetchmany(5000):
        for values in chunk:
            out.write(
                json.dumps(plover_record(dict(zip(names, values, strict=True))), ensure_ascii=False) + "\n"
            )
            count += 1
    return count
