"""Shard planning: line ranges of JSON Lines files, file groups, stable ids, reading a shard back; and
how the outcome of a shard's Dask task is settled (no cluster needed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from volte.errors import ConfigError
from volte.ingest.sources import iter_articles
from volte.records import Article
from volte.scale.shards import plan_shards, read_shard

SENTENCES = [
    "Brazil and Argentina signed a trade agreement in Buenos Aires on Tuesday.",
    "The French government criticised Germany over its energy policy.",
    "Japan's foreign minister met his Indian counterpart in New Delhi.",
]


def _doc_id(item: object) -> str:
    return item.id if isinstance(item, Article) else item.doc_id  # type: ignore[attr-defined]


def write_jsonl(path: Path, n: int, *, final_newline: bool = True, blank_every: int = 0) -> Path:
    lines = []
    for i in range(n):
        lines.append(
            json.dumps({"id": f"doc-{i:03d}", "date": "2026-01-05", "text": SENTENCES[i % len(SENTENCES)]})
        )
        if blank_every and i % blank_every == blank_every - 1:
            lines.append("")
    path.write_text("\n".join(lines) + ("\n" if final_newline else ""), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("records", "shard_size", "final_newline", "blank_every", "n_shards"),
    [
        (10, 3, True, 0, 4),
        (10, 3, False, 0, 4),  # last line without newline: a newline count misses it, the last shard must not
        (9, 3, True, 0, 3),
        (1, 5, False, 0, 1),
        (12, 5, True, 4, 3),  # blank lines are counted as lines but yield no document
        (7, 100, True, 0, 1),
    ],
)
def test_plan_shards_jsonl_covers_every_record_once(
    tmp_path: Path, records: int, shard_size: int, final_newline: bool, blank_every: int, n_shards: int
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", records, final_newline=final_newline, blank_every=blank_every)
    shards = plan_shards([path], shard_size=shard_size)
    assert len(shards) == n_shards
    assert all(s.kind == "jsonl" for s in shards)
    assert shards[-1].stop is None
    assert [s.start for s in shards[1:]] == [s.stop for s in shards[:-1]]
    from_shards = [_doc_id(item) for shard in shards for item in read_shard(shard)]
    assert from_shards == [_doc_id(item) for item in iter_articles([path])]
    assert len(from_shards) == records


def test_plan_shards_groups_files_and_keeps_volte_code_order(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(5):
        (folder / f"a{i}.txt").write_text(SENTENCES[i % 3] + "\n", encoding="utf-8")
    jsonl = write_jsonl(tmp_path / "b.jsonl", 4)
    shards = plan_shards([folder, jsonl], shard_size=2)
    assert [s.kind for s in shards] == ["files", "files", "files", "jsonl", "jsonl"]
    assert [len(s.paths) for s in shards[:3]] == [2, 2, 1]
    from_shards = [_doc_id(item) for shard in shards for item in read_shard(shard)]
    assert from_shards == [_doc_id(item) for item in iter_articles([folder, jsonl])]


def test_plan_shards_ids_are_stable_unique_and_independent_of_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", 20)
    first = plan_shards([path], shard_size=4)
    monkeypatch.chdir(tmp_path)
    again = plan_shards(["in.jsonl"], shard_size=4)
    assert [s.id for s in again] == [s.id for s in first]
    assert len({s.id for s in first}) == len(first)
    assert [s.id for s in plan_shards([path], shard_size=5)] != [s.id for s in first]


@pytest.mark.parametrize(
    ("inputs", "shard_size", "message"), [(["-"], 10, "stdin"), (["{jsonl}"], 0, "at least 1")]
)
def test_plan_shards_refuses_bad_requests(
    tmp_path: Path, inputs: list[str], shard_size: int, message: str
) -> None:
    jsonl = write_jsonl(tmp_path / "in.jsonl", 3)
    with pytest.raises(ConfigError, match=message):
        plan_shards([i.format(jsonl=jsonl) for i in inputs], shard_size=shard_size)


def test_plan_shards_counts_lines_without_reading_whole(tmp_path: Path) -> None:
    """A JSONL file of ~5 MB is planned by streaming: reading a later shard yields only its own lines."""
    path = write_jsonl(tmp_path / "big.jsonl", 40_000)
    assert os.path.getsize(path) > 3_000_000
    shards = plan_shards([path], shard_size=10_000)
    assert [(s.start, s.stop) for s in shards] == [
        (0, 10_000),
        (10_000, 20_000),
        (20_000, 30_000),
        (30_000, None),
    ]
    ids = [_doc_id(item) for item in read_shard(shards[2])]
    assert ids[0] == "doc-20000" and ids[-1] == "doc-29999" and len(ids) == 10_000


def test_plan_shards_skips_the_batch_output_inside_an_input_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    out = tmp_path / "coded"
    (out / "shards").mkdir(parents=True)
    (out / "manifest.json").write_text("{}", encoding="utf-8")
    assert [s.paths for s in plan_shards([tmp_path], shard_size=10, exclude=out)] == [
        (str(tmp_path / "a.txt"),)
    ]
    assert len(plan_shards([tmp_path], shard_size=10)[0].paths) == 2


@pytest.mark.parametrize(
    ("status", "committed", "resubmitted", "step"),
    [
        ("finished", True, False, "done"),
        ("finished", False, False, "unseen"),  # coded on a worker whose --out this machine cannot see
        ("lost", True, False, "committed"),  # committed, then the worker died holding the result
        ("lost", True, True, "committed"),
        ("error", True, False, "committed"),
        ("lost", False, False, "resubmit"),  # died before committing: code it once more
        ("lost", False, True, "failed"),  # lost twice: recorded, the next run retries it
        ("error", False, False, "failed"),
        ("cancelled", False, False, "failed"),
    ],
)
def test_batch_settles_every_task_outcome_once(
    status: str, committed: bool, resubmitted: bool, step: str
) -> None:
    from volte.scale.batch import settle

    assert settle(status, committed=committed, resubmitted=resubmitted) == step
