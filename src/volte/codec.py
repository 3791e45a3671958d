"""The typed record codec: one Arrow schema per record (Event, Article, Reject), every column, its type
and where it lives. A shared room like volte.records (tests/test_rooms.py): the batch shards
(volte.scale) and the store (volte.store) both derive from it, and neither imports the other.

Each field says in its metadata (``volte.in``) which of three places hold it:

- ``record``: a field of the Python record (``volte.records``), in the public contract's order;
- ``store``: a column of the store's table (``events``, ``articles``, ``rejects``);
- ``shard``: a column of a batch shard's Parquet file (``OUT/shards/<id>/<table>.parquet``, docs/batch.md).

From these derive the Parquet shard schemas (:func:`shard_schema`, volte.scale.manifest), the columns the
writer inserts (:func:`store_columns`, volte.store.writer) and the DDL of the store's tables
(:func:`ddl`). The store's tables are made by its migrations (volte.store.migrations: schema.sql, then
ALTERs), which released stores have recorded and which never change; tests/store/test_store_schema.py
checks that a migrated store's ``DESCRIBE`` equals :func:`describe` of these schemas, so the two cannot
drift. pyarrow is imported here: the store imports this module only when it writes. Column order in a store follows its migration history; a shard's follows the schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from volte.records import EVENT_FIELDS, SPAN_FIELDS

IN = b"volte.in"  # where the column lives: record, store, shard (comma-separated)
DEFAULT = b"volte.default"  # the store column's SQL default
KEY = b"volte.key"  # b"PRI": part of the store table's primary key

ALL = "record,store,shard"
STORE_ONLY = "store"
SHARD_ONLY = "shard"

_STR, _INT, _FLOAT, _DATE = pa.string(), pa.int32(), pa.float64(), pa.date32()
_TIMESTAMP = pa.timestamp("us")


def _field(
    name: str,
    type_: pa.DataType = _STR,
    *,
    where: str = ALL,
    nullable: bool = True,
    default: str | None = None,
    key: bool = False,
) -> pa.Field:
    metadata = {IN: where.encode()}
    if default is not None:
        metadata[DEFAULT] = default.encode()
    if key:
        metadata[KEY] = b"PRI"
    return pa.field(name, type_, nullable=nullable, metadata=metadata)


# Event fields that are not strings (EVENT_FIELDS gives the names and their order), with their store
# column's constraints and defaults.
_EVENT_TYPES: dict[str, pa.DataType] = {
    "sentence_index": _INT,
    "sentence_start": _INT,
    "sentence_end": _INT,
    "date": _DATE,
    "published": _DATE,
    "quad_class": pa.int8(),
    "goldstein": _FLOAT,
    "place_geonameid": pa.int64(),
    "place_lat": _FLOAT,
    "place_lon": _FLOAT,
    "place_start": _INT,
    "place_end": _INT,
    "planned_date": _DATE,
    **dict.fromkeys(SPAN_FIELDS, _INT),
}
_EVENT_NOT_NULL = frozenset({"event_id", "doc_id"})
_EVENT_DEFAULTS = {
    **dict.fromkeys(("place", "place_type", "place_country", "place_fips", "place_admin1"), "''"),
    "place_start": "-1",
    "place_end": "-1",
    "planned_precision": "''",
}

EVENT = pa.schema(
    [
        _field(
            name,
            _EVENT_TYPES.get(name, _STR),
            nullable=name not in _EVENT_NOT_NULL,
            default=_EVENT_DEFAULTS.get(name),
        )
        for name in (*EVENT_FIELDS, *SPAN_FIELDS)
    ]
    + [
        _field("cluster_id", where=STORE_ONLY),  # NULL when the event cannot be clustered
        _field("publisher", where=STORE_ONLY, nullable=False),  # the article's (volte.store.writer.publisher)
        _field("volte_version", where=STORE_ONLY, nullable=False),
        _field("spacy_model", where=STORE_ONLY),
        _field("dictionaries_sha256", where=STORE_ONLY),
        _field("shard", where=SHARD_ONLY),
        _field("doc_index", _INT, where=SHARD_ONLY),  # the document's position in its shard
    ]
)

ARTICLE = pa.schema(
    [
        _field("id", nullable=False, key=True),
        _field("url"),
        _field("host", where="store,shard"),  # URL host without "www."; NULL without URL
        _field("title"),
        _field("published", _DATE),
        _field("kind"),
        _field("lang"),
        _field("origin"),
        _field("text"),
        _field("publisher", where="record,shard"),  # as the input names it (events.publisher in the store)
        _field("content_hash", where="store,shard", nullable=False),
        _field("num_events", _INT, where=STORE_ONLY, nullable=False),
        _field("ingested_at", _TIMESTAMP, where=STORE_ONLY, nullable=False),
        _field("volte_version", where=STORE_ONLY, nullable=False),
        _field("coder_version", where=STORE_ONLY),
        _field("spacy_model", where=STORE_ONLY),
        _field("dictionaries_sha256", where=STORE_ONLY),
        _field("source_hash", where=STORE_ONLY),
        _field("events", _INT, where=SHARD_ONLY),  # events coded from it
        _field("shard", where=SHARD_ONLY),
        _field("doc_index", _INT, where=SHARD_ONLY),
    ]
)

REJECT = pa.schema(
    [
        _field("doc_id", nullable=False, key=True),
        _field("stage", nullable=False, key=True),  # ingest | coding
        _field("code", nullable=False),  # E2xx / E4xx
        _field("reason"),
        _field("origin"),
        _field("rejected_at", _TIMESTAMP, where=STORE_ONLY, nullable=False),
        _field("shard", where=SHARD_ONLY),
        _field("doc_index", _INT, where=SHARD_ONLY),
    ]
)

TABLES = {"events": EVENT, "articles": ARTICLE, "rejects": REJECT}

_DUCKDB_TYPES = {
    _STR: "VARCHAR",
    _INT: "INTEGER",
    pa.int8(): "TINYINT",
    pa.int64(): "BIGINT",
    _FLOAT: "DOUBLE",
    _DATE: "DATE",
    _TIMESTAMP: "TIMESTAMP",
}


def lives_in(field: pa.Field, place: str) -> bool:
    return place in (field.metadata or {}).get(IN, b"").decode().split(",")


def subset(schema: pa.Schema, place: str) -> pa.Schema:
    """The fields of ``schema`` that live in ``place`` (record, store or shard), in schema order."""
    return pa.schema([f for f in schema if lives_in(f, place)])


def record_columns(schema: pa.Schema) -> tuple[str, ...]:
    return tuple(subset(schema, "record").names)


def record_row(record: Any, columns: Sequence[str]) -> dict[str, Any]:
    """The values of a record's fields (an Event, Article or Reject; dates as dates) by column name."""
    return {name: getattr(record, name) for name in columns}


def store_columns(schema: pa.Schema) -> tuple[str, ...]:
    return tuple(subset(schema, "store").names)


def shard_schema(schema: pa.Schema) -> pa.Schema:
    """The Parquet schema of a shard's file for this record (nullable everywhere: a shard is not checked
    against the store's constraints until it is stored)."""
    return pa.schema([f.with_nullable(True).remove_metadata() for f in subset(schema, "shard")])


def duckdb_type(type_: pa.DataType) -> str:
    return _DUCKDB_TYPES[type_]


def describe(schema: pa.Schema) -> dict[str, tuple[str, str, str | None, str | None]]:
    """The store columns as DuckDB's ``DESCRIBE`` gives them: name -> (type, null YES/NO, key, default)."""
    out = {}
    for f in subset(schema, "store"):
        meta = f.metadata or {}
        default = meta.get(DEFAULT)
        key = meta.get(KEY)
        out[f.name] = (
            duckdb_type(f.type),
            "YES" if f.nullable else "NO",
            key.decode() if key else None,
            default.decode() if default is not None else None,
        )
    return out


def ddl(table: str) -> str:
    """``CREATE TABLE`` of a store table as the schema defines it (what the migrations build)."""
    schema = TABLES[table]
    columns = []
    for f in subset(schema, "store"):
        meta = f.metadata or {}
        column = f"{f.name} {duckdb_type(f.type)}"
        if not f.nullable:
            column += " NOT NULL"
        if DEFAULT in meta:
            column += f" DEFAULT {meta[DEFAULT].decode()}"
        columns.append(column)
    keys = [f.name for f in schema if KEY in (f.metadata or {})]
    if keys:
        columns.append(f"PRIMARY KEY ({', '.join(keys)})")
    return f"CREATE TABLE {table} (\n    " + ",\n    ".join(columns) + "\n)"
