"""Reading inputs: text, JSON Lines, HTML, RSS/Atom, directories, globs and stdin.

``iter_articles`` yields an :class:`Article` or a :class:`Reject` for every document it meets, in a
stable order, so that nothing is silently dropped. Files are streamed: a JSON Lines file is read line by
line and a file over ``ingest.max_bytes`` is rejected without being read.
"""

from __future__ import annotations

import glob
import io
import itertools
import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from volte.errors import (
    E_INGEST_BAD_JSON,
    E_INGEST_ENCODING,
    E_INGEST_NOT_FOUND,
    E_INGEST_TOO_LARGE,
    IngestError,
    message,
)
from volte.ingest.extract import article_from_record, article_from_text, decode_bytes
from volte.ingest.html import article_from_html, articles_from_feed, looks_like_feed, looks_like_html
from volte.records import Article, Reject
from volte.registry import readers
from volte.settings import Settings

log = logging.getLogger(__name__)

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
KNOWN_SUFFIXES = JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | TEXT_SUFFIXES | {".json"}  # volte's own

Item = Article | Reject


@dataclass(frozen=True)
class InputFile:
    """One file to read: ``path`` as the user gave it (joined with what a walk found) and ``name``, the
    document id of its text or HTML article: the path relative to the input it was found under."""

    path: str
    name: str


@dataclass(frozen=True)
class Skipped:
    """A file or folder an input named or held that is not read: ``kind`` is ``hidden``, ``unsupported
    type`` or ``listed twice``; ``detail`` says more (the suffix, the path already read)."""

    path: str
    kind: str
    detail: str = ""

    @property
    def reason(self) -> str:
        return f"{self.kind} {self.detail}".strip()


@dataclass
class InputScan:
    """The files of the inputs, in a stable order, and what was skipped."""

    files: list[InputFile] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def skipped_summary(self) -> str:
        """``2 hidden, 1 unsupported type``: the skipped inputs counted by kind of reason."""
        kinds = Counter(s.kind for s in self.skipped)
        return ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))


def scan_inputs(inputs: Sequence[str | Path]) -> InputScan:
    """The files named by the inputs, with their document ids (docs/cli.md, "Document ids").

    A directory is walked (hidden files and folders and unsupported suffixes skipped); a glob is expanded
    (matched folders are walked) and its ids are relative to the glob's folder before the first wildcard;
    a file's id is its name; ``-`` is stdin. The same file reached twice is read once."""
    scan = InputScan()
    seen: dict[str, str] = {}
    for raw in inputs:
        for found in _expand_one(str(raw), scan):
            key = found.path if found.path == "-" else os.path.realpath(found.path)
            if key in seen:
                scan.skipped.append(Skipped(found.path, "listed twice", f"(already read as {seen[key]})"))
                continue
            seen[key] = found.path
            scan.files.append(found)
    return scan


def expand_inputs(inputs: Sequence[str | Path]) -> list[str]:
    """Files named by the inputs (directories walked, globs expanded), in a stable order; '-' is stdin."""
    return [f.path for f in scan_inputs(inputs).files]


def log_skipped(scan: InputScan) -> None:
    """One INFO line per skipped input (shown with ``-v``)."""
    for skipped in scan.skipped:
        log.info("skipped %s: %s", skipped.path, skipped.reason)


def _expand_one(name: str, scan: InputScan) -> list[InputFile]:
    if name == "-":
        return [InputFile("-", "stdin")]
    if any(ch in name for ch in "*?["):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            raise IngestError(
                f"{name}: the pattern matches no file; check the path and quoting", code=E_INGEST_NOT_FOUND
            )
        root = _glob_root(name)
        found: list[InputFile] = []
        for match in matches:
            if Path(match).is_dir():
                found += _walk(match, scan, root=root)
            elif Path(match).is_file():
                found.append(InputFile(match, _relative(match, root)))
        return found
    if Path(name).is_dir():
        return _walk(name, scan, root=name)
    if Path(name).is_file():
        return [InputFile(name, Path(name).name)]
    raise IngestError(f"{name}: no such file or directory", code=E_INGEST_NOT_FOUND)


def _walk(folder: str, scan: InputScan, *, root: str) -> list[InputFile]:
    """Supported files under ``folder``, sorted by id; hidden entries and other suffixes are skipped."""
    found: list[InputFile] = []
    known = readers.extensions()
    for top, dirs, files in os.walk(folder):
        for hidden in sorted(d for d in dirs if d.startswith(".")):
            scan.skipped.append(Skipped(os.path.join(top, hidden), "hidden"))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = os.path.join(top, file)
            suffix = Path(file).suffix.lower()
            if file.startswith("."):
                scan.skipped.append(Skipped(path, "hidden"))
            elif suffix not in known:
                scan.skipped.append(Skipped(path, "unsupported type", suffix or "(no suffix)"))
            elif os.path.isfile(path):
                found.append(InputFile(path, _relative(path, root)))
    return sorted(found, key=lambda f: f.name)


def _glob_root(pattern: str) -> str:
    """The folder of a glob before its first wildcard: ``news/*/x.txt`` -> ``news``."""
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda part: not any(ch in part for ch in "*?["), parts[:-1]))
    return str(Path(*fixed)) if fixed else "."


def _relative(path: str, root: str) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def iter_articles(
    inputs: Sequence[str | Path], *, published: date | None = None, settings: Settings | None = None
) -> Iterator[Item]:
    """Every document in the inputs, as an Article or a Reject with its reason."""
    yield from iter_files(scan_inputs(inputs).files, published=published, settings=settings)


def iter_files(
    files: Sequence[InputFile], *, published: date | None = None, settings: Settings | None = None
) -> Iterator[Item]:
    """Every document of these files (see :func:`scan_inputs`), as an Article or a Reject."""
    settings = settings or Settings()
    for file in files:
        yield from iter_file(file.path, name=file.name, published=published, settings=settings)


def iter_file(
    path: str,
    *,
    name: str | None = None,
    published: date | None = None,
    settings: Settings | None = None,
) -> Iterator[Item]:
    """Documents of one file (or '-' for stdin), dispatched on its suffix and content. ``name`` is the
    id of a text or HTML article (default: the file name; see :func:`scan_inputs`)."""
    settings = settings or Settings()
    if path == "-":
        yield from _read_stdin(name or "stdin", published=published, settings=settings)
        return
    name = name or Path(path).name
    entry = readers.for_extension(Path(path).suffix)
    reader = entry.func if entry is not None else read_file  # a file named with another suffix: sniffed
    yield from reader(path, name=name, published=published, settings=settings)


@readers.register("jsonl", extensions=sorted(JSONL_SUFFIXES))
def read_jsonl(path: str, *, name: str, published: date | None, settings: Settings) -> Iterator[Item]:
    """JSON Lines, streamed line by line: one record (``{"id", "date", "url", "title", "text"}``) a line."""
    yield from read_jsonl_range(path, 0, None, published=published, settings=settings)


@readers.register("txt", extensions=sorted(TEXT_SUFFIXES))
@readers.register("html", extensions=sorted(HTML_SUFFIXES))
@readers.register("feed", extensions=sorted(FEED_SUFFIXES))
@readers.register("json", extensions=(".json",))
def read_file(path: str, *, name: str, published: date | None, settings: Settings) -> Iterator[Item]:
    """A whole file read as bytes (a file over ``ingest.max_bytes`` is rejected unread), then told apart by
    its suffix and its first bytes: an RSS/Atom feed, a JSON record or list, an HTML page, else plain text
    (a title line, then the text). volte's readers ``json``, ``feed``, ``html`` and ``txt`` are this one
    function: a ``.txt`` file that holds an HTML page is read as HTML, as before they were registered."""
    raw = _read_bytes(path, name, settings)
    if isinstance(raw, Reject):
        yield raw
        return
    yield from _dispatch_bytes(
        path, name, Path(path).suffix.lower(), raw, published=published, settings=settings
    )


def _dispatch_bytes(
    path: str, doc_id: str, suffix: str, raw: bytes, *, published: date | None, settings: Settings
) -> Iterator[Item]:
    head = raw[:4096].lstrip()
    if suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(head)):
        yield from articles_from_feed(raw, origin=path, published=published, settings=settings)
        return
    if suffix == ".json":
        yield from _records_from_json(raw, path, published, settings)
        return
    text = _decode(raw, path, doc_id)
    if isinstance(text, Reject):
        yield text
        return
    if suffix in HTML_SUFFIXES or looks_like_html(head):
        yield article_from_html(text, doc_id=doc_id, origin=path, published=published, settings=settings)
        return
    yield _article_from_plain(text, doc_id=doc_id, origin=path, published=published, settings=settings)


def _read_stdin(name: str, *, published: date | None, settings: Settings) -> Iterator[Item]:
    """stdin, read exactly as the file its bytes make (docs/cli.md, "Reading stdin"): JSON Lines when
    its first non-blank line is a JSON object (streamed line by line, no size limit on the whole), one
    JSON document like a ``.json`` file when it starts with ``[`` or ``{`` otherwise (a ``{`` document
    that does not parse is read as JSON Lines, so one bad first line loses only itself), else text, HTML
    or a feed, sniffed like a file without a suffix."""
    stream = sys.stdin.buffer
    limit = settings.ingest.max_bytes
    head, line = _first_line(stream, limit)
    start = line.lstrip()[:1]
    if start == b"{" and isinstance(_try_json(line), dict):
        yield from _records_from_stream(itertools.chain(io.BytesIO(head + line), stream), published, settings)
        return
    raw = head + line + stream.read(max(0, limit + 1 - len(head) - len(line)))
    if start == b"{" and (len(raw) > limit or _try_json(raw) is _UNREADABLE):
        lines = itertools.chain(io.BytesIO(raw + stream.readline()), stream)
        yield from _records_from_stream(lines, published, settings)
        return
    checked = _check_bytes(raw, "-", name, settings, size=len(raw))
    if isinstance(checked, Reject):
        yield checked
        return
    suffix = ".json" if start in (b"{", b"[") else ""
    yield from _dispatch_bytes("-", name, suffix, raw, published=published, settings=settings)


def _first_line(stream: IO[bytes], limit: int) -> tuple[bytes, bytes]:
    """(the blank lines before it, the first non-blank line), each read at most ``limit + 1`` bytes at a time."""
    head = b""
    line = stream.readline(limit + 1)
    while line and not line.strip() and len(head) <= limit:
        head += line
        line = stream.readline(limit + 1)
    return head, line


_UNREADABLE = object()


def _try_json(raw: bytes) -> Any:
    """The JSON value of ``raw``, or ``_UNREADABLE``."""
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return _UNREADABLE


def _records_from_stream(
    lines: Iterable[bytes], published: date | None, settings: Settings
) -> Iterator[Item]:
    for number, line in enumerate(lines):
        yield from _record_from_line(line, "-", number, published, settings)


def _article_from_plain(
    text: str, *, doc_id: str, origin: str, published: date | None, settings: Settings
) -> Item:
    title, body = split_title(text)
    return article_from_text(
        body, doc_id=doc_id, published=published, title=title, origin=origin, settings=settings
    )


def split_title(text: str) -> tuple[str | None, str]:
    """A first non-empty line that reads like a headline (short, no final period, more text follows)."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None, text
    first = lines[0].strip()
    rest = "\n".join(lines[1:]).strip()
    if first and len(first) <= 150 and not first.endswith((".", ":", '"', "”")) and rest:
        return first, rest
    return None, text


def read_jsonl_range(
    path: str,
    start: int,
    stop: int | None,
    *,
    offset: int | None = None,
    published: date | None = None,
    settings: Settings | None = None,
) -> Iterator[Item]:
    """Records on lines [start, stop) of a JSON Lines file (0-based), streamed; blank lines are skipped.

    ``offset``, when known (see :func:`line_offsets`), is the byte offset of line ``start``: reading then
    seeks there instead of reading every line above it."""
    settings = settings or Settings()
    stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 (closed below)
    first = 0
    if offset is not None and stream is not sys.stdin.buffer:
        stream.seek(offset)
        first = start
    try:
        for number, line in enumerate(stream, start=first):
            if number < start:
                continue
            if stop is not None and number >= stop:
                break
            yield from _record_from_line(line, path, number, published, settings)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def count_lines(path: str) -> int:
    """Number of lines of a file, streamed in blocks (for sharding large JSON Lines files)."""
    count = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            count += block.count(b"\n")
    return count


def line_offsets(path: str, every: int) -> tuple[int, list[int]]:
    """(number of lines, byte offsets of lines 0, every, 2*every, ...), streamed in blocks.

    A last line without a final newline counts as a line."""
    offsets = [0]
    count = 0
    position = 0
    last = b"\n"
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            index = block.find(b"\n")
            while index != -1:
                count += 1
                if count % every == 0:
                    offsets.append(position + index + 1)
                index = block.find(b"\n", index + 1)
            position += len(block)
            last = block[-1:]
    if last != b"\n":
        count += 1
    return count, offsets[: (count + every - 1) // every or 1]


def _record_from_line(
    line: bytes, path: str, number: int, published: date | None, settings: Settings
) -> Iterator[Item]:
    origin = f"{path}:{number + 1}"
    if not line.strip():
        return
    record = decode_json_line(line, origin=origin, max_bytes=settings.ingest.max_bytes)
    if isinstance(record, Reject):
        yield record
        return
    yield article_from_record(record, origin=origin, published=published, settings=settings)


def decode_json_line(line: bytes, *, origin: str, max_bytes: int | None = None) -> Any:
    """One JSON Lines record, or a Reject saying why the line is unreadable (size, encoding, syntax)."""

    def reject(code: str, reason: str) -> Reject:
        return Reject(doc_id=origin, stage="ingest", code=code, reason=reason, origin=origin)

    if max_bytes is not None and len(line) > max_bytes:
        return reject(E_INGEST_TOO_LARGE, f"line is over the {max_bytes:,}-byte limit")
    try:
        return json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return reject(E_INGEST_ENCODING, message(E_INGEST_ENCODING, at=exc.start))
    except json.JSONDecodeError as exc:
        return reject(E_INGEST_BAD_JSON, message(E_INGEST_BAD_JSON, problem=json_problem(exc)))
    except RecursionError:
        return reject(E_INGEST_BAD_JSON, "malformed JSON: nested too deeply to read")


def json_problem(exc: json.JSONDecodeError) -> str:
    """``unterminated string starting at column 8``: the decoder's message (some end in "at") and the column,
    read once."""
    what = exc.msg[0].lower() + exc.msg[1:] if exc.msg else "invalid JSON"
    return f"{what.removesuffix(' at')} at column {exc.colno}"


def _records_from_json(raw: bytes, path: str, published: date | None, settings: Settings) -> Iterator[Item]:
    text = _decode(raw, path, path)
    if isinstance(text, Reject):
        yield text
        return
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield Reject(
            doc_id=path,
            stage="ingest",
            code=E_INGEST_BAD_JSON,
            reason=f"not a JSON document: {exc}",
            origin=path,
        )
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records):
        yield article_from_record(record, origin=f"{path}[{number}]", published=published, settings=settings)


def _read_bytes(path: str, doc_id: str, settings: Settings) -> bytes | Reject:
    limit = settings.ingest.max_bytes
    size = Path(path).stat().st_size
    if size > limit:
        return Reject(
            doc_id=doc_id,
            stage="ingest",
            code=E_INGEST_TOO_LARGE,
            reason=f"file is {size:,} bytes, over the {limit:,}-byte limit (setting ingest.max_bytes); split it or raise the limit",
            origin=path,
        )
    raw = Path(path).read_bytes()
    return _check_bytes(raw, path, doc_id, settings, size=len(raw))


def _check_bytes(raw: bytes, path: str, doc_id: str, settings: Settings, *, size: int) -> bytes | Reject:
    """``raw`` when it may be text, else a Reject: over the size limit (E207), binary (E203)."""
    limit = settings.ingest.max_bytes
    if size > limit:
        return Reject(
            doc_id=doc_id,
            stage="ingest",
            code=E_INGEST_TOO_LARGE,
            reason=f"input is over the {limit:,}-byte limit (setting ingest.max_bytes); split it or raise the limit",
            origin=path,
        )
    decoded = decode_bytes(raw)  # binary (a NUL anywhere) or UTF-16 without a mark: rejected before dispatch
    if isinstance(decoded, tuple):
        return Reject(doc_id=doc_id, stage="ingest", code=decoded[0], reason=decoded[1], origin=path)
    return raw


def _decode(raw: bytes, path: str, doc_id: str) -> str | Reject:
    """UTF-8, or UTF-16/UTF-32 with a byte-order mark (:func:`volte.ingest.extract.decode_bytes`)."""
    decoded = decode_bytes(raw)
    if isinstance(decoded, tuple):
        return Reject(doc_id=doc_id, stage="ingest", code=decoded[0], reason=decoded[1], origin=path)
    return decoded
