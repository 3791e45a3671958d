"""The batch output directory: per-shard Parquet files committed atomically, and the run manifest.

Layout of ``OUT`` (format ``volte-batch/1``, documented in docs/batch.md)::

    OUT/manifest.json                  plan, per-shard counts, totals (rewritten atomically)
    OUT/shards/<shard-id>/events.parquet    one row per event: the contract fields + spans + shard
    OUT/shards/<shard-id>/rejects.parquet   one row per rejected document, with its coded reason
    OUT/shards/<shard-id>/articles.parquet  one row per article that reached the coder (text included)
    OUT/tmp/                           work in progress (ignored by readers, cleaned at the end)

A shard is written into ``OUT/tmp/<id>-<random>/`` and committed by renaming that directory to
``OUT/shards/<id>``: a rename is atomic, so a shard directory is either complete or absent, whatever
is killed when. The shard's counts travel inside ``events.parquet`` (key-value metadata), so the
manifest can always be rebuilt from the committed shards: the files are the truth, the manifest a summary.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from volte import codec
from volte.errors import E_BATCH_OUTPUT, ConfigError
from volte.records import Article, Event, ParquetPart, Reject, content_hash, parse_day, url_host
from volte.scale.shards import Shard

if TYPE_CHECKING:
    from volte.coding.coder import (
        Coded,  # lazy: the coder loads spaCy (0.5 s), which reading shards never needs
    )

log = logging.getLogger(__name__)

FORMAT = "volte-batch/1"
MANIFEST_NAME = "manifest.json"
SHARDS_DIR = "shards"
TMP_DIR = "tmp"
STATS_KEY = b"volte.shard"
# The shard files' schemas: the shard fields of each record's schema (volte.codec).
EVENT_SCHEMA = codec.shard_schema(codec.EVENT)
REJECT_SCHEMA = codec.shard_schema(codec.REJECT)
ARTICLE_SCHEMA = codec.shard_schema(codec.ARTICLE)
EVENT_COLUMNS = codec.record_columns(codec.EVENT)  # the contract fields, then the spans
REJECT_FIELDS = codec.record_columns(codec.REJECT)
ARTICLE_COLUMNS = codec.record_columns(codec.ARTICLE)


@dataclass(frozen=True)
class ShardStats:
    """What one committed shard holds. ``input_docs == coded_docs + rejects`` always."""

    shard: str
    source: str
    input_docs: int
    coded_docs: int
    rejects: int
    events: int
    rejects_by_code: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    worker: str = ""
    coder_version: str = ""
    spacy_model: str = ""
    finished: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShardStats:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})


def shard_tables(shard: str, coded: list[Coded]) -> tuple[pa.Table, pa.Table, pa.Table]:
    """(events, rejects, articles) tables of one shard's coding results."""
    events: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    for index, item in enumerate(coded):
        where = {"shard": shard, "doc_index": index}
        events += [{**codec.record_row(event, EVENT_COLUMNS), **where} for event in item.events]
        if item.reject is not None:
            rejects.append({**codec.record_row(item.reject, REJECT_FIELDS), **where})
        if item.article is not None:
            articles.append({**_article_row(item.article, item.events), **where})
    return (
        pa.Table.from_pylist(events, schema=EVENT_SCHEMA),
        pa.Table.from_pylist(rejects, schema=REJECT_SCHEMA),
        pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA),
    )


def _article_row(article: Article, events: tuple[Event, ...]) -> dict[str, Any]:
    """The record fields and what the store derives from the article and its events (host, content hash),
    so that storing a shard needs no Event objects (volte.store.writer.write_parquet)."""
    return {
        **codec.record_row(article, ARTICLE_COLUMNS),
        "host": url_host(article.url),
        "content_hash": content_hash(article, events),
        "events": len(events),
    }


def write_shard(out_dir: Path, stats: ShardStats, tables: tuple[pa.Table, pa.Table, pa.Table]) -> bool:
    """Commit one shard atomically; False when an identical earlier attempt had already committed it."""
    events, rejects, articles = tables
    work = Path(out_dir) / TMP_DIR / f"{stats.shard}-{uuid.uuid4().hex[:8]}"
    work.mkdir(parents=True)
    metadata = {STATS_KEY: json.dumps(asdict(stats)).encode("utf-8")}
    _write_table(work / "articles.parquet", articles)
    _write_table(work / "rejects.parquet", rejects)
    _write_table(work / "events.parquet", events.replace_schema_metadata(metadata))
    _fsync_dir(work)
    final = shard_dir(out_dir, stats.shard)
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(work, final)
    except OSError:
        if read_shard_stats(out_dir, stats.shard) is None:
            raise
        shutil.rmtree(work, ignore_errors=True)  # another attempt of the same shard won the race
        return False
    _fsync_dir(final.parent)
    return True


def _write_table(path: Path, table: pa.Table) -> None:
    with open(path, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shard_dir(out_dir: Path, shard: str) -> Path:
    return Path(out_dir) / SHARDS_DIR / shard


def read_shard_stats(out_dir: Path, shard: str) -> ShardStats | None:
    """The counts of a committed shard, or None when it is not (or not readably) committed."""
    path = shard_dir(out_dir, shard) / "events.parquet"
    if not path.is_file():
        return None
    try:
        metadata = pq.read_schema(path).metadata or {}
        return ShardStats.from_dict(json.loads(metadata[STATS_KEY]))
    except (OSError, KeyError, ValueError, TypeError, pa.ArrowException) as exc:
        log.warning("%s: unreadable committed shard (%s); it will be coded again", path, exc)
        return None


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON to a temporary file beside ``path``, fsync it, then os.replace it into place."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sum_stats(stats: Iterable[ShardStats]) -> dict[str, Any]:
    """Totals over shards: input, coded, rejected documents, events and rejects by code."""
    totals: dict[str, Any] = {"input_docs": 0, "coded_docs": 0, "rejects": 0, "events": 0}
    by_code: Counter[str] = Counter()
    for item in stats:
        for key in ("input_docs", "coded_docs", "rejects", "events"):
            totals[key] += getattr(item, key)
        by_code.update(item.rejects_by_code)
    totals["rejects_by_code"] = dict(sorted(by_code.items()))
    return totals


def load_manifest(out_dir: Path) -> dict[str, Any] | None:
    path = Path(out_dir) / MANIFEST_NAME
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def done_shards(out_dir: Path) -> list[str]:
    """Ids of the committed shards of a batch output, in plan order when a manifest is present."""
    manifest = load_manifest(out_dir)
    if manifest is not None:
        return [s["id"] for s in manifest["shards"] if s.get("status") == "done"]
    root = Path(out_dir) / SHARDS_DIR
    return sorted(p.name for p in root.iterdir() if (p / "events.parquet").is_file()) if root.is_dir() else []


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    for batch in pq.ParquetFile(path).iter_batches(batch_size=2048):
        yield from batch.to_pylist()


def iter_rows(out_dir: Path, table: str) -> Iterator[dict[str, Any]]:
    """Rows of one table (``events``, ``rejects`` or ``articles``) over every committed shard."""
    for shard in done_shards(out_dir):
        yield from _rows(shard_dir(out_dir, shard) / f"{table}.parquet")


def read_batch_output(out_dir: str | Path) -> tuple[Iterator[dict[str, Any]], Iterator[dict[str, Any]]]:
    """(event rows, reject rows) of a batch output directory, streamed shard by shard.

    Event rows carry the contract fields (``records.EVENT_FIELDS``), the span offsets and ``shard``;
    ``Event.from_dict(row)`` rebuilds an Event (shards written before a field existed give its default). Reject rows carry doc_id, stage, code, reason, origin, shard."""
    out = Path(out_dir)
    return iter_rows(out, "events"), iter_rows(out, "rejects")


def parquet_parts(out_dir: str | Path) -> list[ParquetPart] | None:
    """The committed shards' files, in plan order, for ``volte.store.writer.write_parquet`` (which loads them
    with SQL); None when a shard predates the store columns of the article files (``host``,
    ``content_hash``): such an output is stored through :func:`iter_coded`."""
    out = Path(out_dir)
    parts = []
    for shard in done_shards(out):
        where = shard_dir(out, shard)
        names = set(pq.read_schema(where / "articles.parquet").names)
        if not {"host", "content_hash", "publisher"} <= names:
            return None
        parts.append(ParquetPart(where / "articles.parquet", where / "events.parquet", where / "rejects.parquet"))
    return parts


def iter_coded(out_dir: str | Path) -> Iterator[Coded]:
    """The batch output as the ``Coded`` records ``Store.ingest`` takes: one per input document, in input
    order (rebuilt from the three tables by shard and ``doc_index``)."""
    from volte.coding.coder import Coded

    out = Path(out_dir)
    for shard in done_shards(out):
        where = shard_dir(out, shard)
        events: dict[int, list[Event]] = {}
        for row in _rows(where / "events.parquet"):
            events.setdefault(row["doc_index"], []).append(Event.from_dict(row))
        articles = {row["doc_index"]: _article_from_row(row) for row in _rows(where / "articles.parquet")}
        rejects = {
            row["doc_index"]: Reject(**{k: row[k] for k in REJECT_FIELDS})
            for row in _rows(where / "rejects.parquet")
        }
        for index in sorted(articles.keys() | rejects.keys()):
            yield Coded(articles.get(index), tuple(events.get(index, ())), rejects.get(index))


def _article_from_row(row: dict[str, Any]) -> Article:
    """An Article from a shard row (shards written before ``publisher`` was stored have none; before
    dates were typed, ``published`` is ISO text)."""
    values = {k: row[k] for k in ARTICLE_COLUMNS if k in row}
    return Article(**{**values, "published": parse_day(row["published"])})


def _check_same_batch(out: Path, shards: list[Shard], plan: dict[str, Any]) -> dict[str, Any] | None:
    """The previous manifest, after checking that ``out`` holds no committed shard of another batch."""
    root = out / SHARDS_DIR
    committed = {p.name for p in root.iterdir()} if root.is_dir() else set()
    refuse = "use a new --out directory, or delete this one to start over"
    foreign = committed - {s.id for s in shards}
    if foreign:
        example = sorted(foreign)[0]
        raise ConfigError(
            f"{out}: holds {len(foreign)} shards of a different batch (e.g. {root / example}); {refuse}",
            code=E_BATCH_OUTPUT,
        )
    try:
        previous = load_manifest(out)
    except (OSError, ValueError) as exc:
        if committed:
            raise ConfigError(
                f"{out / MANIFEST_NAME}: unreadable ({exc}); if this directory holds the same batch (same inputs, "
                f"--date and settings), delete that file and rerun to rebuild it from the committed shards; else {refuse}",
                code=E_BATCH_OUTPUT,
            ) from exc
        return None
    if (
        previous is not None
        and committed
        and previous.get("plan", {}).get("fingerprint") != plan["fingerprint"]
    ):
        raise ConfigError(
            f"{out}: holds the output of a different batch (other inputs, shard size, date or settings: see "
            f"{out / MANIFEST_NAME}); {refuse}",
            code=E_BATCH_OUTPUT,
        )
    return previous


@dataclass
class Manifest:
    """The state of one batch output: its plan, the shards committed, the failures of the last run.

    Opened from the committed shard files (the truth) and rewritten atomically after every shard."""

    out_dir: Path
    plan: dict[str, Any]
    shards: list[Shard]
    done: dict[str, ShardStats] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    created: str = field(default_factory=now_iso)
    resumed: int = 0  # shards already committed when this run started
    on_disk: dict[str, Any] | None = None  # the manifest.json found when opened

    @property
    def stale(self) -> bool:
        """True when manifest.json does not yet reflect the committed shards (e.g. after a crash)."""
        disk = self.on_disk or {}
        return not (
            disk.get("complete") == self.complete
            and disk.get("totals") == self.totals
            and disk.get("shards_done") == len(self.done)
        )

    @classmethod
    def open(cls, out_dir: str | Path, shards: list[Shard], *, plan: dict[str, Any]) -> Manifest:
        """The manifest of ``out_dir`` for this plan. A directory holding committed shards of another
        batch is refused (E120); one where nothing was committed yet is taken over."""
        out = Path(out_dir)
        previous = _check_same_batch(out, shards, plan)
        done = {s.id: stats for s in shards if (stats := read_shard_stats(out, s.id)) is not None}
        created = previous.get("created", now_iso()) if previous else now_iso()
        return cls(out, plan, shards, done, created=created, resumed=len(done), on_disk=previous)

    def pending(self) -> list[Shard]:
        return [s for s in self.shards if s.id not in self.done]

    def record(self, stats: ShardStats) -> None:
        self.done[stats.shard] = stats
        self.failed.pop(stats.shard, None)

    def record_failure(self, shard: str, reason: str) -> None:
        self.failed[shard] = reason

    @property
    def complete(self) -> bool:
        return len(self.done) == len(self.shards)

    @property
    def totals(self) -> dict[str, Any]:
        return sum_stats(self.done[s.id] for s in self.shards if s.id in self.done)

    @property
    def provenance(self) -> dict[str, str]:
        """Coder and spaCy model versions over the committed shards (comma-joined if they differ)."""
        done = self.done.values()
        return {
            "coder_version": ",".join(sorted({s.coder_version for s in done if s.coder_version})),
            "spacy_model": ",".join(sorted({s.spacy_model for s in done if s.spacy_model})),
        }

    def to_dict(self) -> dict[str, Any]:
        shards = []
        for shard in self.shards:
            entry: dict[str, Any] = {**shard.to_dict(), "source": shard.describe()}
            if shard.id in self.done:
                entry.update(
                    status="done",
                    **{k: v for k, v in asdict(self.done[shard.id]).items() if k not in ("shard", "source")},
                )
            else:
                entry.update(
                    status="failed" if shard.id in self.failed else "pending", error=self.failed.get(shard.id)
                )
            shards.append(entry)
        return {
            "format": FORMAT,
            "provenance": self.provenance, "plan": self.plan, "created": self.created, "updated": now_iso(),
            "complete": self.complete, "shards_total": len(self.shards), "shards_done": len(self.done),
            "shards_failed": len(self.failed), "totals": self.totals, "shards": shards,
        }  # fmt: skip

    def save(self) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        write_json_atomic(self.out_dir / MANIFEST_NAME, self.to_dict())


def is_batch_output(path: str | Path) -> bool:
    """True when ``path`` is a `volte batch` output directory (it holds a manifest of this format)."""
    manifest = Path(path) / MANIFEST_NAME
    if not manifest.is_file():
        return False
    try:
        manifest_data = load_manifest(Path(path))
    except (OSError, ValueError):
        return False
    return manifest_data is not None and manifest_data.get("format") == FORMAT


def read_provenance(out_dir: str | Path) -> dict[str, str]:
    """``{"coder_version", "spacy_model"}`` of a batch output (for the store's provenance columns)."""
    manifest = load_manifest(Path(out_dir)) or {}
    provenance: dict[str, str] = manifest.get("provenance", {})
    return {
        "coder_version": provenance.get("coder_version", ""),
        "spacy_model": provenance.get("spacy_model", ""),
    }
