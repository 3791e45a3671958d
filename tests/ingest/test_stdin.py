"""stdin is read exactly like a file of the same bytes (JSON Lines, a JSON document, text, HTML, feeds),
and JSON Lines on stdin are streamed line by line (issue 16, item 8)."""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.ingest.sources import iter_file
from volte.records import Article, Reject
from volte.settings import Settings

ENGLISH = (
    "Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday to discuss border trade."
)
BAD_BYTES = [b"\xff", b"\xc3\x28", b"\x80", b"\xed\xa0\x80"]  # never valid UTF-8


def _feed(monkeypatch: pytest.MonkeyPatch, raw: bytes | io.RawIOBase) -> None:
    stream = io.BufferedReader(raw) if isinstance(raw, io.RawIOBase) else io.BytesIO(raw)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))


def _summary(items: list[Article | Reject], path: str) -> list[tuple[str, ...]]:
    """What a reader makes of the bytes, with the file's path written as stdin's '-'."""

    def plain(value: object) -> str:
        return str(value).replace(path, "-")

    return [
        (type(item).__name__, plain(item.id), "", "", item.text)
        if isinstance(item, Article)
        else (type(item).__name__, plain(item.doc_id), item.code, plain(item.reason), "")
        for item in items
    ]


def _as_stdin(raw: bytes, settings: Settings | None = None) -> list[Article | Reject]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _feed(monkeypatch, raw)
        return list(iter_file("-", settings=settings))


def _as_file(raw: bytes, suffix: str, settings: Settings | None = None) -> tuple[list[Article | Reject], str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(raw)
        return list(iter_file(str(path), name="stdin", settings=settings)), str(path)


def _assert_same_as_file(raw: bytes, suffix: str, settings: Settings | None = None) -> None:
    from_file, path = _as_file(raw, suffix, settings)
    assert _summary(_as_stdin(raw, settings), "-") == _summary(from_file, path)


def _record(number: int, text: str = ENGLISH) -> bytes:
    return json.dumps({"id": f"r{number}", "date": "2025-01-02", "text": text}).encode()


@pytest.mark.issue(16)
def test_stdin_invalid_utf8_line_is_rejected_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = b"\n".join([_record(1), _record(2).replace(b"Kampala", b"Kampala\xff"), _record(3)]) + b"\n"
    _feed(monkeypatch, raw)
    items = list(iter_file("-"))
    assert [(type(i).__name__, getattr(i, "code", "")) for i in items] == [
        ("Article", ""),
        ("Reject", "E204"),
        ("Article", ""),
    ]
    _assert_same_as_file(raw, ".jsonl")


@pytest.mark.issue(16)
@pytest.mark.parametrize("indent", [None, 2])
def test_stdin_json_array_is_read_like_a_json_file(
    monkeypatch: pytest.MonkeyPatch, indent: int | None
) -> None:
    records = [{"id": f"r{n}", "date": "2025-01-02", "text": ENGLISH} for n in (1, 2)]
    raw = json.dumps(records, indent=indent).encode()
    _feed(monkeypatch, raw)
    assert [i.id for i in iter_file("-") if isinstance(i, Article)] == ["r1", "r2"]
    _assert_same_as_file(raw, ".json")


@pytest.mark.issue(16)
def test_stdin_jsonl_over_the_size_limit_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.model_validate({"ingest": {"max_bytes": 1_000}})
    raw = b"".join(_record(n) + b"\n" for n in range(20))  # about 3,000 bytes
    assert len(raw) > 2 * settings.ingest.max_bytes
    _feed(monkeypatch, raw)
    items = list(iter_file("-", settings=settings))
    assert [i.id for i in items] == [f"r{n}" for n in range(20)]
    assert all(isinstance(i, Article) for i in items)


class _Stream(io.RawIOBase):
    """Serves its chunks in order and fails when read past them: a pipe whose writer is still busy."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self.chunks:
            raise AssertionError("read past the first record before yielding it")
        chunk = self.chunks.pop(0)
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.issue(16)
def test_stdin_jsonl_yields_each_record_before_reading_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    _feed(monkeypatch, _Stream([_record(1) + b"\n"]))
    first = next(iter_file("-"))
    assert isinstance(first, Article) and first.id == "r1"


_TEXT_BYTES = st.one_of(
    st.binary(max_size=400),
    st.builds(
        lambda text, encoding: text.encode(encoding, "replace"),
        st.text(max_size=200),
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]),
    ),
    st.builds(lambda text, bad, at: (text[:at] + "\x00" + text[at:]).encode().replace(b"\x00", bad),
              st.just(ENGLISH), st.sampled_from(BAD_BYTES), st.integers(0, len(ENGLISH))),
).filter(lambda raw: raw.lstrip()[:1] not in (b"{", b"["))  # fmt: skip


@pytest.mark.issue(16)
@given(raw=_TEXT_BYTES)
def test_stdin_text_is_read_like_a_file_without_suffix(raw: bytes) -> None:
    _assert_same_as_file(raw, "")


_LINES = st.lists(
    st.builds(
        lambda number, text: json.dumps({"id": f"r{number}", "text": text}, ensure_ascii=False).encode(),
        st.integers(0, 9),
        st.text(max_size=80),
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.issue(16)
@given(lines=_LINES, bad=st.sampled_from([b"", *BAD_BYTES]), line=st.integers(0, 4), at=st.integers(1, 60))
def test_stdin_jsonl_is_read_like_a_jsonl_file(lines: list[bytes], bad: bytes, line: int, at: int) -> None:
    line %= len(lines)  # a bad byte before the first "{" makes stdin text, as it would a file with no suffix
    lines[line] = lines[line][:at] + bad + lines[line][at:]
    _assert_same_as_file(b"\n".join(lines) + b"\n", ".jsonl")


@pytest.mark.issue(16)
@given(lines=_LINES, indent=st.sampled_from([None, 1]))
def test_stdin_json_array_is_read_like_a_json_file_property(lines: list[bytes], indent: int | None) -> None:
    raw = json.dumps([json.loads(line) for line in lines], indent=indent).encode()
    _assert_same_as_file(raw, ".json")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("raw", "suffix"), [(b"[" * 100_000, ".json"), (b'{"a":' * 100_000 + b"\n", ".jsonl")]
)
def test_stdin_deeply_nested_json_is_a_reject_like_a_file(raw: bytes, suffix: str) -> None:
    items, _ = _as_file(raw, suffix)
    assert [(type(i).__name__, getattr(i, "code", "")) for i in items] == [("Reject", "E205")]
    _assert_same_as_file(raw, suffix)
