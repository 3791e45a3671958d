"""Reject codes agree with the catalogue (volte.errors.CATALOGUE, which docs/errors.md is generated from):
issue 16 item 9. Empty text is E202, binary E203 (NUL bytes anywhere), bad encodings E204 (UTF-16 by
name; with a byte-order mark it is decoded), malformed JSON E205 with a readable column."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volte.errors import CATALOGUE, E_INGEST_BINARY, E_INGEST_EMPTY, E_INGEST_ENCODING, E_INGEST_NO_TEXT
from volte.ingest.extract import article_from_record, article_from_text
from volte.ingest.sources import decode_json_line, iter_articles
from volte.records import Article, Reject

ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "Colombian President Gustavo Petro accused the United States of violating international law on Sunday.\n"
)
FILE_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def one(path: Path) -> Article | Reject:
    items = list(iter_articles([path]))
    assert len(items) == 1, items
    return items[0]


# -- the catalogue ----------------------------------------------------------------------------------


@pytest.mark.issue(16)
def test_every_code_constant_and_literal_is_in_the_catalogue() -> None:
    import volte.errors as errors

    constants = {v for k, v in vars(errors).items() if k.startswith("E_") and isinstance(v, str)}
    defaults = {
        c.code for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.VolteError)
    }
    assert constants | defaults == set(CATALOGUE), (constants | defaults) ^ set(CATALOGUE)
    used = set()
    for path in (ROOT / "src" / "volte").rglob("*.py"):
        used |= set(re.findall(r"[\"'](E\d{3})[\"']", path.read_text(encoding="utf-8")))
    assert used <= set(CATALOGUE) | {"E000"}, used - set(CATALOGUE)


@pytest.mark.issue(16)
def test_docs_errors_md_lists_every_code_with_its_meaning() -> None:
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code, entry in CATALOGUE.items():
        assert f"| {code} | {entry.kind} | {entry.meaning}" in text, code


# -- empty text -------------------------------------------------------------------------------------


@pytest.mark.issue(16)
@given(blank=st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=20))
def test_a_record_with_blank_text_is_empty_e202(blank: str) -> None:
    result = article_from_record({"id": "e", "text": blank}, origin="x.jsonl:1")
    assert isinstance(result, Reject) and result.code == E_INGEST_EMPTY, result


@pytest.mark.issue(16)
def test_a_record_without_text_is_e206() -> None:
    result = article_from_record({"id": "e", "title": "t"}, origin="x.jsonl:1")
    assert isinstance(result, Reject) and result.code == E_INGEST_NO_TEXT


# -- binary and encodings ---------------------------------------------------------------------------


@pytest.mark.issue(16)
@FILE_SETTINGS
@given(position=st.integers(0, 30_000))
def test_a_nul_byte_anywhere_is_binary_e203(tmp_path: Path, position: int) -> None:
    body = (STORY * 400).encode("utf-8")
    position = min(position, len(body))
    path = tmp_path / "story.txt"
    path.write_bytes(body[:position] + b"\x00" + body[position:])
    result = one(path)
    assert isinstance(result, Reject) and result.code == E_INGEST_BINARY, result
    text = article_from_text(STORY * 400 + "\x00", doc_id="d")
    assert isinstance(text, Reject) and text.code == E_INGEST_BINARY


@pytest.mark.issue(16)
@FILE_SETTINGS
@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=300),
    encoding=st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]),
    suffix=st.sampled_from([".txt", ".html", ".json"]),
)
def test_utf16_with_a_byte_order_mark_reads_like_utf8(
    tmp_path: Path, text: str, encoding: str, suffix: str
) -> None:
    if suffix == ".json":
        text = json.dumps({"id": "d", "date": "2026-01-07", "text": text}, ensure_ascii=False)
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "a").mkdir(exist_ok=True)
    (tmp_path / "b").mkdir(exist_ok=True)
    utf8, wide = tmp_path / "a" / f"d{suffix}", tmp_path / "b" / f"d{suffix}"
    utf8.write_bytes(text.encode("utf-8"))
    wide.write_bytes(bom + text.encode(encoding))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # BeautifulSoup guesses about markup-like text
        expected, got = list(iter_articles([utf8])), list(iter_articles([wide]))
    strip = [_without_origin(item) for item in expected]
    assert [_without_origin(item) for item in got] == strip


def _without_origin(item: Article | Reject) -> object:
    if isinstance(item, Reject):
        return ("reject", item.code)
    return ("article", item.id, item.text, item.title, item.kind)


@pytest.mark.issue(16)
def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("utf-16-le"))
    result = one(path)
    assert isinstance(result, Reject) and result.code == E_INGEST_ENCODING, result
    assert "UTF-16" in result.reason and "binary" not in result.reason


# -- malformed JSON ---------------------------------------------------------------------------------


@pytest.mark.issue(16)
@given(line=st.text(alphabet='{}[]":,\\ab1 \t', min_size=1, max_size=30))
def test_malformed_json_reason_reads_once(line: str) -> None:
    result = decode_json_line(line.encode("utf-8"), origin="x.jsonl:1")
    if isinstance(result, Reject):
        assert " at at " not in result.reason and re.search(r"column \d+", result.reason), result.reason


@pytest.mark.issue(16)
def test_unterminated_string_reason() -> None:
    result = decode_json_line(b'{"id": "a', origin="x.jsonl:1")
    assert isinstance(result, Reject)
    assert result.reason == "malformed JSON: unterminated string starting at column 8"


# -- the API ----------------------------------------------------------------------------------------

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from volte.serve.app import create_app
    from volte.store.db import Store

    path = tmp_path_factory.mktemp("api") / "s.duckdb"
    Store(path).close()
    with TestClient(create_app(path, token=TOKEN), base_url="http://127.0.0.1") as client:
        yield client


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("body", "content_type", "code"),
    [
        (b"Petro spoke\x00\x01\x02 with Trump", "text/plain", "E203"),
        (b"\xff\xd8\xff\xe0 JFIF", "text/plain", "E204"),
        (b"", "text/plain", "E202"),
        (b"   \n", "text/plain", "E202"),
        (json.dumps({"id": "x", "text": ""}).encode(), "application/json", "E202"),
        (json.dumps({"id": "x", "text": " \n "}).encode(), "application/json", "E202"),
        (json.dumps({"id": "x"}).encode(), "application/json", "E622"),
        (json.dumps({"id": "x", "text": "a\x00b"}).encode(), "application/json", "E203"),
    ],
)
def test_api_post_rejects_carry_ingest_codes(api, body: bytes, content_type: str, code: str) -> None:
    response = api.post(
        "/api/articles",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "content-type": content_type},
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == code, response.json()


@pytest.mark.issue(16)
@pytest.mark.parametrize("root", ["21", "00", "99"])
def test_api_root_out_of_range_is_e622(api, root: str) -> None:
    response = api.get(f"/api/events?root={root}")
    assert response.status_code == 422 and response.json()["code"] == "E622", response.json()


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "code", [c for c, e in CATALOGUE.items() if e.kind in ("StoreError", "ConfigError") and e.status]
)
def test_catalogue_status_is_what_the_api_answers(code: str) -> None:
    from volte.errors import ConfigError, StoreError
    from volte.serve.errors import status_of

    error = (StoreError if CATALOGUE[code].kind == "StoreError" else ConfigError)("x", code=code)
    assert status_of(error) == CATALOGUE[code].status
