"""Spec-true exports (issue 15): each format loaded the way its users load it.

GDELT: headerless TSV read with the official column list (61 event columns, 16 mention columns) and
typed key columns; Parquet and CSV read back with DuckDB (and pandas when installed); PLOVER: field names
and JSON types checked against the list transcribed here from the PLOVER spec (plover.md).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from store_records import BERLIN, article, placed_article
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.records import EVENT_FIELDS
from volte.store.db import Store
from volte.store.exports import GDELT_COLUMNS, GDELT_MENTION_COLUMNS

pytestmark = pytest.mark.issue(15)

# The GDELT 2.0 event table (GDELT-Event_Codebook-V2.0), transcribed independently of exports.py.
OFFICIAL_EVENT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(
        f"Actor{n}{f}"
        for n in (1, 2)
        for f in (
            "Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code Type1Code "
            "Type2Code Type3Code"
        ).split()
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    + " ".join(
        f"{g}_{f}"
        for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
        for f in "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()
    )
    + " DATEADDED SOURCEURL"
).split()
OFFICIAL_MENTION_COLUMNS = (
    "GlobalEventID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier SentenceID "
    "Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone "
    "MentionDocTranslationInfo Extras"
).split()
# How a GDELT user types the key columns when loading the raw files (BigQuery's gdelt-bq.gdeltv2 schema).
EVENT_TYPES = {
    "GLOBALEVENTID": "BIGINT",
    "SQLDATE": "INTEGER",
    "MonthYear": "INTEGER",
    "Year": "INTEGER",
    "FractionDate": "DOUBLE",
    "IsRootEvent": "INTEGER",
    "QuadClass": "INTEGER",
    "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER",
    "NumSources": "INTEGER",
    "NumArticles": "INTEGER",
    "AvgTone": "DOUBLE",
    "ActionGeo_Type": "INTEGER",
    "ActionGeo_Lat": "DOUBLE",
    "ActionGeo_Long": "DOUBLE",
    "DATEADDED": "BIGINT",
}
MENTION_TYPES = {
    "GlobalEventID": "BIGINT",
    "EventTimeDate": "BIGINT",
    "MentionTimeDate": "BIGINT",
    "MentionType": "INTEGER",
    "SentenceID": "INTEGER",
    "Actor1CharOffset": "INTEGER",
    "Actor2CharOffset": "INTEGER",
    "ActionCharOffset": "INTEGER",
    "InRawText": "INTEGER",
    "Confidence": "INTEGER",
    "MentionDocLen": "INTEGER",
    "MentionDocTone": "DOUBLE",
}

# PLOVER's event-level fields (plover.md, "Event-level JSON fields") and their JSON types as volte writes
# them ("null" where volte cannot fill the field), and the entity object's fields.
PLOVER_SPEC = {
    "id": {"string"},
    "date": {"string", "null"},
    "actor": {"array"},
    "recipient": {"array"},
    "event": {"array"},
    "event_loc": {"object", "null"},
    "event_text": {"string"},
    "quad_code": {"integer", "null"},
    "event_scale": {"null"},
    "mode": {"array"},
    "context": {"array"},
    "link": {"string", "null"},
    "text": {"string"},
    "text_info": {"object"},
    "cite_info": {"object"},
    "coder": {"string"},
    "coded_date": {"string", "null"},
    "coded_time": {"string", "null"},
    "comment": {"string", "null"},
    "has_event": {"boolean"},
    "time": {"null"},
    "enddate": {"null"},
    "endtime": {"null"},
}
PLOVER_ENTITY_SPEC = {
    "code": {"string"},
    "sector": {"string", "null"},
    "entity_text": {"string", "null"},
    "identifier_id": {"null"},
    "identifier_text": {"null"},
    "religion": {"null"},
    "ethnicity": {"null"},
    "office": {"null"},
    "gender": {"null"},
    "age": {"null"},
}
PLOVER_EVENT_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """COL->USA talks in Berlin and elsewhere (three publishers), a USA->VEN assault, an article without
    URL and a CAMEO 01 statement (which PLOVER drops)."""
    path = tmp_path_factory.mktemp("exports") / "store.duckdb"
    items = [
        article(f"talks-{h}", [("COLGOV", "USAGOV", "042", "2026-01-07")], url=f"https://{h}.example/talks")
        for h in ("a", "b", "c")
    ]
    items += [
        placed_article("berlin", BERLIN),
        article("ven", [("USAMIL", "VENMIL", "190", "2026-01-03")], url="https://a.example/ven"),
        article(
            "no-url", [("COLGOV", "USAGOV", "111", "2026-01-10"), ("COLGOV", "USAMED", "010", "2026-01-10")]
        ),
    ]
    with Store(path) as store:
        store.ingest(items)
    return path


def _export(db: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(out), *args])
    assert result.exit_code == 0, result.stderr
    return result.stderr


def _read_tsv(
    path: Path, columns: list[str], types: dict[str, str], con: duckdb.DuckDBPyConnection | None = None
) -> duckdb.DuckDBPyRelation:
    """What a GDELT user does: a headerless TSV read with the codebook's column list and types."""
    spec = {c: types.get(c, "VARCHAR") for c in columns}
    return (con or duckdb.connect()).sql(
        f"SELECT * FROM read_csv('{path}', delim='\\t', header=false, quote='', columns={spec!r})"
    )


def test_gdelt_column_list_is_the_official_one() -> None:
    assert len(OFFICIAL_EVENT_COLUMNS) == 61 and list(GDELT_COLUMNS) == OFFICIAL_EVENT_COLUMNS
    assert list(GDELT_MENTION_COLUMNS) == OFFICIAL_MENTION_COLUMNS


def test_gdelt_events_load_as_a_headerless_tsv_with_typed_key_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    _export(db, out, "--format", "gdelt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert lines[0].split("\t")[0].isdigit()  # no header: the first line is an event
    rows = _read_tsv(out, OFFICIAL_EVENT_COLUMNS, EVENT_TYPES)
    fetched = rows.fetchall()
    assert (
        len(fetched) == 5
    )  # clusters: talks (3 articles), Berlin, Venezuela, the no-URL article's 111 and 010
    records = {r[-1]: dict(zip(rows.columns, r, strict=True)) for r in fetched}
    talks = records["https://a.example/talks"]
    assert (talks["SQLDATE"], talks["MonthYear"], talks["Year"]) == (20260107, 202601, 2026)
    assert (talks["EventCode"], talks["EventBaseCode"], talks["EventRootCode"]) == ("042", "042", "04")
    assert (talks["QuadClass"], talks["NumMentions"], talks["NumSources"], talks["NumArticles"]) == (
        1,
        3,
        3,
        3,
    )
    assert isinstance(talks["GLOBALEVENTID"], int) and isinstance(talks["GoldsteinScale"], float)
    assert talks["Actor1CountryCode"] == "COL" and talks["Actor2Type1Code"] == "GOV"
    assert talks["AvgTone"] is None and talks["ActionGeo_Type"] is None
    berlin = next(r for r in records.values() if r["ActionGeo_FullName"] == "Berlin")
    assert (berlin["ActionGeo_Type"], berlin["ActionGeo_Lat"]) == (4, 52.52437)
    assert str(records["urn:volte:doc:no-url"]["DATEADDED"]).startswith("20")


def test_gdelt_header_flag_adds_the_column_names(db: Path, tmp_path: Path) -> None:
    for fmt, columns in (("gdelt", OFFICIAL_EVENT_COLUMNS), ("gdelt-mentions", OFFICIAL_MENTION_COLUMNS)):
        out = tmp_path / f"{fmt}.tsv"
        _export(db, out, "--format", fmt, "--header")
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines[0].split("\t") == columns and lines[1].split("\t")[0].isdigit()


def test_gdelt_mentions_one_row_per_stored_mention_of_each_exported_cluster(db: Path, tmp_path: Path) -> None:
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    _export(db, events, "--format", "gdelt", "--since", "2026-01-05")
    _export(db, mentions, "--format", "gdelt-mentions", "--since", "2026-01-05")
    assert all(len(line.split("\t")) == 16 for line in mentions.read_text(encoding="utf-8").splitlines())
    con = duckdb.connect()
    _read_tsv(events, OFFICIAL_EVENT_COLUMNS, EVENT_TYPES, con).create("event_rows")
    rows = _read_tsv(mentions, OFFICIAL_MENTION_COLUMNS, MENTION_TYPES, con)
    rows.create("mention_rows")
    by_event = con.sql(
        "SELECT e.GLOBALEVENTID, e.NumMentions, count(m.GlobalEventID) AS n, any_value(e.DATEADDED) AS added, "
        "bool_and(m.EventTimeDate = e.DATEADDED) AS same_time FROM event_rows e LEFT JOIN mention_rows m "
        "ON m.GlobalEventID = e.GLOBALEVENTID GROUP BY ALL"
    ).fetchall()
    assert len(by_event) == 4 and all(n == num and same for _, num, n, _, same in by_event)
    (talk,), names = rows.filter("MentionIdentifier = 'https://b.example/talks'").fetchall(), rows.columns
    record = dict(zip(names, talk, strict=True))
    assert record["MentionType"] == 1 and record["MentionIdentifier"].endswith(".example/talks")
    assert record["MentionSourceName"].endswith(".example") and record["SentenceID"] == 1
    assert record["MentionDocLen"] > 0 and record["Confidence"] is None and record["MentionDocTone"] is None
    no_url = rows.filter("MentionIdentifier = 'urn:volte:doc:no-url'").fetchall()
    assert [r[3] for r in no_url] == [2, 2]  # CITATIONONLY: no URL (its 111 and its 010)


@pytest.mark.parametrize(
    ("args", "urls"),
    [
        (("--since", "2026-01-05", "--until", "2026-01-07"), {"a", "b", "c", "berlin"}),
        (("--source", "USA"), {"ven"}),
        (("--target", "USAGOV", "--root", "11"), {"no-url"}),
        (("--source", "COL", "--target", "USA", "--root", "04"), {"a", "b", "c", "berlin"}),
    ],
)
def test_export_filters(db: Path, tmp_path: Path, args: tuple[str, ...], urls: set[str]) -> None:
    out = tmp_path / "events.csv"
    _export(db, out, *args)
    docs = {r["doc_id"] for r in csv.DictReader(out.open(encoding="utf-8"))}
    expected = {f"talks-{u}" if len(u) == 1 else u for u in urls}
    assert docs == expected
    gdelt = tmp_path / "events.tsv"
    _export(db, gdelt, *args)
    assert len(gdelt.read_text().splitlines()) == (2 if {"a", "berlin"} <= urls else 1)


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("x.parquet", lambda p: duckdb.connect().execute(f"SELECT count(*) FROM '{p}'").fetchone()[0] == 7),
        ("x.csv", lambda p: p.read_text().startswith("event_id,")),
        ("x.jsonl", lambda p: "recipient" in json.loads(p.read_text().splitlines()[0])),
        ("x.json", lambda p: "recipient" in json.loads(p.read_text().splitlines()[0])),
        ("x.tsv", lambda p: len(p.read_text().splitlines()[0].split("\t")) == 61),
    ],
)
def test_export_format_from_the_output_extension(db: Path, tmp_path: Path, name: str, check) -> None:
    _export(db, tmp_path / name)
    assert check(tmp_path / name)


@pytest.mark.parametrize("name", ["x.txt", "x", "x.xlsx"])
def test_export_without_format_or_known_extension_is_a_coded_error(
    db: Path, tmp_path: Path, name: str
) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(tmp_path / name)])
    assert result.exit_code == 1 and result.stderr.startswith("Error [E102]")
    assert "--format" in result.stderr and ".parquet" in result.stderr
    assert not (tmp_path / name).exists()


TABLE_COLUMNS = [*EVENT_FIELDS, "cluster_id", "name", "url", "title", "publisher", "num_mentions", "num_sources", "num_articles"]  # fmt: skip


def test_parquet_and_csv_read_back_with_duckdb(db: Path, tmp_path: Path) -> None:
    con = duckdb.connect()
    for name in ("events.parquet", "events.csv"):
        _export(db, tmp_path / name)
        rel = con.sql(f"SELECT * FROM '{tmp_path / name}' ORDER BY doc_id, sentence_index")
        assert rel.columns == TABLE_COLUMNS
        rows = {r[1]: dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall() if r[2] == 0}
        talk = rows["talks-a"]
        assert (talk["url"], talk["title"], talk["publisher"]) == (
            "https://a.example/talks",
            "title talks-a",
            "a.example",
        )
        assert (talk["name"], talk["num_sources"], talk["num_articles"], talk["num_mentions"]) == (
            "Make a visit", 3, 3, 3
        )  # fmt: skip
        assert talk["code"] == "042"  # a string in both (CSV sniffing keeps the leading zero)
        assert (rows["berlin"]["place"], rows["berlin"]["place_lat"]) == ("Berlin", 52.52437)
        assert rows["no-url"]["url"] is None and rows["no-url"]["publisher"] == "doc:no-url"


def test_parquet_and_csv_read_back_with_pandas(db: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    _export(db, tmp_path / "events.parquet")
    _export(db, tmp_path / "events.csv")
    frames = [
        pd.read_parquet(tmp_path / "events.parquet"),
        pd.read_csv(tmp_path / "events.csv", dtype={"code": str}),
    ]
    for frame in frames:
        assert list(frame.columns) == TABLE_COLUMNS and len(frame) == 7
        assert set(frame["num_sources"].dropna()) >= {1, 3}


def test_plover_field_names_and_types_follow_the_spec(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    _export(db, out, "--format", "plover")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 7
    for record in records:
        assert list(record) == [*PLOVER_SPEC, "volte"]
        for field, types in PLOVER_SPEC.items():
            assert _json_type(record[field]) in types, (field, record[field])
        for entity in record["actor"] + record["recipient"]:
            assert list(entity) == list(PLOVER_ENTITY_SPEC)
            assert all(_json_type(entity[k]) in t for k, t in PLOVER_ENTITY_SPEC.items()), entity
        assert set(record["event"]) <= PLOVER_EVENT_TYPES and all(isinstance(m, str) for m in record["mode"])
    by_story = {(r["text_info"]["story_id"], r["volte"]["cameo"]): r for r in records}
    talk = by_story["talks-a", "042"]
    assert talk["event"] == ["CONSULT"] and talk["mode"] == ["visit"] and talk["quad_code"] == 1
    assert talk["context"] == [] and talk["has_event"] is True  # CAMEO2PLOVER gives 042 no context
    assert by_story["ven", "190"]["context"] == ["military"] and by_story["ven", "190"]["event"] == [
        "ASSAULT"
    ]
    assert talk["actor"][0]["code"] == "COL" and talk["actor"][0]["sector"] == "GOV"
    assert talk["date"] == "2026-01-07" and talk["link"] == "https://a.example/talks"
    statement = by_story["no-url", "010"]  # CAMEO 01: PLOVER has no event type
    assert statement["event"] == [] and statement["has_event"] is False and statement["quad_code"] is None
    assert statement["recipient"][0]["sector"] == "JRN"  # CAMEO MED (media) is PLOVER's JRN
    assert by_story["berlin", "040"]["event_loc"]["search_name"] == "Berlin"
