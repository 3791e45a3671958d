"""Splitting batch inputs into shards with stable ids, and reading one shard's documents.

A shard is the unit of work and of checkpointing: it is coded by one Dask task and committed as one set
of Parquet files. Large JSON Lines files are split by line ranges (lines are counted by streaming, the
file is never loaded whole); other files (text, HTML, feeds, JSON) are grouped ``shard_size`` files at a
time. A shard's id is a hash of what it covers (absolute path(s) and line range), so the same command
plans the same shards on every run: that is what lets a rerun find the shards already done.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from volte.errors import E_CONFIG_BAD_OPTION, ConfigError
from volte.ingest.sources import (
    JSONL_SUFFIXES,
    InputFile,
    iter_file,
    line_offsets,
    log_skipped,
    read_jsonl_range,
    scan_inputs,
)
from volte.records import Article, Reject
from volte.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_SHARD_SIZE = 500  # JSON Lines records (or files) per shard

Item = Article | Reject


@dataclass(frozen=True)
class Shard:
    """One unit of work. ``kind`` is ``jsonl`` (lines [start, stop) of one file; stop None = to the end)
    or ``files`` (whole files, each read as ``volte code`` would read it). ``paths`` are kept as the user
    gave them (origins derive from them) and ``names`` are the files' document ids, as in ``volte code``;
    workers resolve relative paths against their own working directory, so give absolute paths on a
    multi-machine cluster."""

    id: str
    kind: str
    paths: tuple[str, ...]
    start: int = 0
    stop: int | None = None
    estimated_docs: int = 0
    offset: int | None = None  # byte offset of line ``start`` (jsonl), so workers seek instead of re-reading
    names: tuple[str, ...] = ()  # document ids of ``files`` shards (volte.ingest.sources.scan_inputs)

    def describe(self) -> str:
        if self.kind == "jsonl":
            end = "end" if self.stop is None else str(self.stop)
            return f"{self.paths[0]} lines {self.start + 1}-{end}"
        more = f" (+{len(self.paths) - 1} more)" if len(self.paths) > 1 else ""
        return f"{self.paths[0]}{more}"

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "paths": list(self.paths),
            "start": self.start,
            "stop": self.stop,
            "estimated_docs": self.estimated_docs,
            "offset": self.offset,
            "names": list(self.names),
        }


def shard_id(kind: str, paths: Sequence[str], start: int, stop: int | None) -> str:
    """Stable id: a readable prefix (first file's stem) and a hash of the shard's extent (absolute paths,
    so the id does not depend on the directory the command was run from)."""
    key = "\x1f".join([kind, *(str(Path(p).resolve()) for p in paths), str(start), str(stop)])
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(paths[0]).stem)[:24] or "input"
    return f"{stem}-{digest}"


def plan_shards(
    inputs: Sequence[str | Path], *, shard_size: int = DEFAULT_SHARD_SIZE, exclude: Path | None = None
) -> list[Shard]:
    """The shards covering every document of the inputs, in the order `volte code` reads them. Files under
    ``exclude`` (the batch's own output directory, when it lies inside an input directory) are skipped."""
    if shard_size < 1:
        raise ConfigError(
            f"--shard-size {shard_size}: must be at least 1 document per shard", code=E_CONFIG_BAD_OPTION
        )
    scan = scan_inputs(inputs)
    log_skipped(scan)
    if scan.skipped:
        log.warning("skipped %d inputs (%s); -v names them", len(scan.skipped), scan.skipped_summary())
    files = scan.files
    if any(f.path == "-" for f in files):
        raise ConfigError(
            "volte batch cannot read stdin ('-'): write the input to a file and pass its path",
            code=E_CONFIG_BAD_OPTION,
        )
    if exclude is not None:
        skip = exclude.resolve()
        files = [f for f in files if not Path(f.path).resolve().is_relative_to(skip)]
    shards: list[Shard] = []
    pending_files: list[InputFile] = []
    for file in files:
        if Path(file.path).suffix.lower() in JSONL_SUFFIXES:
            shards += _file_group_shards(pending_files, shard_size)
            pending_files = []
            shards += jsonl_shards(file.path, shard_size=shard_size)
        else:
            pending_files.append(file)
    shards += _file_group_shards(pending_files, shard_size)
    return shards


def jsonl_shards(path: str, *, shard_size: int) -> list[Shard]:
    """Line-range shards of one JSON Lines file, lines counted by streaming; the last shard reads to the
    end of the file (``stop`` None), so lines appended or miscounted are never lost."""
    lines, offsets = line_offsets(path, shard_size)
    shards = []
    for number, start in enumerate(range(0, max(lines, 1), shard_size)):
        stop: int | None = start + shard_size if start + shard_size < lines else None
        estimate = max((stop if stop is not None else lines) - start, 1)
        offset = offsets[number] if number < len(offsets) else None
        shards.append(
            Shard(shard_id("jsonl", [path], start, stop), "jsonl", (path,), start, stop, estimate, offset)
        )
    return shards


def _file_group_shards(files: list[InputFile], shard_size: int) -> list[Shard]:
    shards = []
    for index in range(0, len(files), shard_size):
        group = tuple(f.path for f in files[index : index + shard_size])
        names = tuple(f.name for f in files[index : index + shard_size])
        shards.append(
            Shard(shard_id("files", group, 0, None), "files", group, 0, None, len(group), names=names)
        )
    return shards


def read_shard(
    shard: Shard, *, published: date | None = None, settings: Settings | None = None
) -> Iterator[Item]:
    """Every document of a shard, as an Article or a Reject, exactly as ``iter_articles`` yields them."""
    if shard.kind == "jsonl":
        yield from read_jsonl_range(
            shard.paths[0],
            shard.start,
            shard.stop,
            offset=shard.offset,
            published=published,
            settings=settings,
        )
        return
    names = shard.names or (None,) * len(shard.paths)
    for path, name in zip(shard.paths, names, strict=True):
        yield from iter_file(path, name=name, published=published, settings=settings)
