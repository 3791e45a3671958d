"""Batch output: atomic shard commits, the manifest, reading the output back (no Dask, no model)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from volte.errors import ConfigError
from volte.records import Article, Event, Reject, make_event_id
from volte.scale.manifest import (
    MANIFEST_NAME,
    TMP_DIR,
    Manifest,
    ShardStats,
    is_batch_output,
    iter_coded,
    read_batch_output,
    read_provenance,
    read_shard_stats,
    shard_dir,
    shard_tables,
    write_shard,
)
from volte.scale.shards import Shard


def make_event(doc_id: str, index: int) -> Event:
    return Event(
        event_id=make_event_id(doc_id, index, "BRA", "ARG", "057", 10), doc_id=doc_id, sentence_index=index,
        sentence="Brazil and Argentina signed an agreement.", sentence_start=0, sentence_end=41, date=date(2026, 1, 5),
        date_precision="day", published=date(2026, 1, 5), source="BRA", source_name="Brazil", target="ARG",
        target_name="Argentina", code="057", root="05", quad_class=1, goldstein=8.0, plover="AGREE",
        trigger="signed", pattern="sign.v1", factuality="asserted", attributed_to=None, kind="news",
        coder_version="volte.coder.v1", trigger_start=21, trigger_end=27, source_start=0, source_end=6,
    )  # fmt: skip


def make_coded() -> list:
    from volte.coding.coder import Coded

    article = Article(
        id="a1",
        text="Brazil and Argentina signed an agreement.",
        published=date(2026, 1, 5),
        origin="x.jsonl:1",
    )
    quiet = Article(id="a2", text="Nothing happened.", url="https://example.org/2", title="Quiet")
    return [
        Coded(article, (make_event("a1", 0), make_event("a1", 1)), None),
        Coded(None, (), Reject("x.jsonl:2", "ingest", "E205", "malformed JSON", "x.jsonl:2")),
        Coded(quiet, (), None),
    ]


def stats_for(shard: str, **counts: int) -> ShardStats:
    base = {"input_docs": 3, "coded_docs": 2, "rejects": 1, "events": 2}
    return ShardStats(
        shard=shard, source="x.jsonl lines 1-3", **{**base, **counts}, rejects_by_code={"E205": 1}
    )


def test_write_shard_commits_all_files_and_leaves_no_temporary(tmp_path: Path) -> None:
    assert write_shard(tmp_path, stats_for("s1"), shard_tables("s1", make_coded()))
    assert sorted(p.name for p in shard_dir(tmp_path, "s1").iterdir()) == [
        "articles.parquet",
        "events.parquet",
        "rejects.parquet",
    ]
    assert read_shard_stats(tmp_path, "s1") == stats_for("s1")
    assert list((tmp_path / TMP_DIR).iterdir()) == []


def test_write_shard_second_attempt_keeps_the_first(tmp_path: Path) -> None:
    assert write_shard(tmp_path, stats_for("s1"), shard_tables("s1", make_coded()))
    assert not write_shard(tmp_path, stats_for("s1", events=99), shard_tables("s1", make_coded()))
    assert read_shard_stats(tmp_path, "s1").events == 2  # type: ignore[union-attr]


@pytest.mark.parametrize("damage", ["missing", "truncated"])
def test_read_shard_stats_treats_damaged_shard_as_missing(tmp_path: Path, damage: str) -> None:
    write_shard(tmp_path, stats_for("s1"), shard_tables("s1", make_coded()))
    events = shard_dir(tmp_path, "s1") / "events.parquet"
    if damage == "missing":
        events.unlink()
    else:
        events.write_bytes(events.read_bytes()[:40])
    assert read_shard_stats(tmp_path, "s1") is None


def test_iter_coded_round_trips_articles_events_and_rejects(tmp_path: Path) -> None:
    coded = make_coded()
    write_shard(tmp_path, stats_for("s1"), shard_tables("s1", coded))
    assert list(iter_coded(tmp_path)) == coded
    events, rejects = read_batch_output(tmp_path)
    rows = list(events)
    assert [Event.from_dict(r) for r in rows] == [e for c in coded for e in c.events]
    assert {r["shard"] for r in rows} == {"s1"}
    assert [(r["doc_id"], r["code"], r["reason"]) for r in rejects] == [
        ("x.jsonl:2", "E205", "malformed JSON")
    ]


def shards(n: int) -> list[Shard]:
    return [Shard(f"s{i}", "jsonl", ("x.jsonl",), 3 * i, 3 * i + 3, 3) for i in range(n)]


def test_manifest_open_finds_committed_shards_and_totals_add_up(tmp_path: Path) -> None:
    write_shard(tmp_path, stats_for("s1"), shard_tables("s1", make_coded()))
    manifest = Manifest.open(tmp_path, shards(3), plan={"fingerprint": "f1"})
    assert [s.id for s in manifest.pending()] == ["s0", "s2"]
    assert manifest.resumed == 1 and not manifest.complete
    manifest.save()
    saved = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert [s["status"] for s in saved["shards"]] == ["pending", "done", "pending"]
    totals = saved["totals"]
    assert totals["input_docs"] == totals["coded_docs"] + totals["rejects"] == 3
    assert totals["rejects_by_code"] == {"E205": 1}


@pytest.mark.parametrize(
    ("committed", "manifest", "plan", "message"),
    [
        ("s0", "f1", "f2", "different batch"),  # same shard ids, other settings or date
        ("s9", None, "f1", "shards of a different batch"),  # a shard the plan does not know, no manifest
        ("s0", "corrupt", "f1", "unreadable"),  # cannot tell: refuse, and say how to rebuild
    ],
)
def test_manifest_open_refuses_output_of_another_batch(
    tmp_path: Path, committed: str, manifest: str | None, plan: str, message: str
) -> None:
    write_shard(tmp_path, stats_for(committed), shard_tables(committed, make_coded()))
    if manifest == "corrupt":
        (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    elif manifest is not None:
        (tmp_path / MANIFEST_NAME).write_text(
            json.dumps({"plan": {"fingerprint": manifest}}), encoding="utf-8"
        )
    with pytest.raises(ConfigError, match=message) as info:
        Manifest.open(tmp_path, shards(3), plan={"fingerprint": plan})
    assert info.value.code == "E120"


def test_manifest_open_takes_over_a_directory_with_nothing_committed(tmp_path: Path) -> None:
    Manifest.open(tmp_path, shards(2), plan={"fingerprint": "f1"}).save()  # e.g. a run that failed to start
    manifest = Manifest.open(tmp_path, shards(3), plan={"fingerprint": "f2"})
    assert len(manifest.pending()) == 3


def test_manifest_stale_until_saved(tmp_path: Path) -> None:
    write_shard(tmp_path, stats_for("s0"), shard_tables("s0", make_coded()))
    manifest = Manifest.open(tmp_path, shards(1), plan={"fingerprint": "f1"})
    assert manifest.complete and manifest.stale
    manifest.save()
    assert not Manifest.open(tmp_path, shards(1), plan={"fingerprint": "f1"}).stale


def test_is_batch_output_recognises_only_batch_directories(tmp_path: Path) -> None:
    assert not is_batch_output(tmp_path)
    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert not is_batch_output(tmp_path)
    Manifest.open(tmp_path, shards(1), plan={"fingerprint": "f1"}).save()  # nothing committed: taken over
    assert is_batch_output(tmp_path)


def test_manifest_records_provenance_of_committed_shards(tmp_path: Path) -> None:
    stats = ShardStats(
        shard="s0",
        source="x",
        input_docs=1,
        coded_docs=1,
        rejects=0,
        events=0,
        coder_version="volte.coder.v1",
        spacy_model="en_core_web_sm-3.8.0",
    )
    write_shard(tmp_path, stats, shard_tables("s0", make_coded()[2:]))
    Manifest.open(tmp_path, shards(1), plan={"fingerprint": "f1"}).save()
    assert read_provenance(tmp_path) == {
        "coder_version": "volte.coder.v1",
        "spacy_model": "en_core_web_sm-3.8.0",
    }


BERLIN = {
    "place": "Berlin", "place_type": "city", "place_country": "DEU", "place_fips": "GM", "place_admin1": "16",
    "place_geonameid": 2950159, "place_lat": 52.52437, "place_lon": 13.41053, "place_start": 48, "place_end": 54,
}  # fmt: skip


@pytest.mark.issue(13)
def test_iter_coded_round_trips_an_event_place_and_planned_date(tmp_path: Path) -> None:
    from volte.coding.coder import Coded

    first, *rest = make_coded()
    located = dataclasses.replace(
        first.events[0], **BERLIN, planned_date=date(2026, 2, 1), planned_precision="month"
    )
    coded = [Coded(first.article, (located, first.events[1]), None), *rest]
    write_shard(tmp_path, stats_for("s1"), shard_tables("s1", coded))
    assert list(iter_coded(tmp_path)) == coded
    assert [e.to_dict() for c in iter_coded(tmp_path) for e in c.events] == [
        e.to_dict() for c in coded for e in c.events
    ]


@pytest.mark.issue(13)
def test_iter_coded_reads_shards_written_before_places(tmp_path: Path) -> None:
    coded = make_coded()
    write_shard(tmp_path, stats_for("s1"), shard_tables("s1", coded))
    path = shard_dir(tmp_path, "s1") / "events.parquet"
    table = pq.read_table(path)
    old = table.drop_columns([n for n in table.column_names if n.startswith(("place", "planned_"))])
    pq.write_table(old, path, compression="zstd")
    assert list(iter_coded(tmp_path)) == coded
