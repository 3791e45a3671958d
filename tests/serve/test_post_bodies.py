"""Issue 16 items 6 and 11: POST /api/articles needs an explicit Content-Type (else 415 E615), and its JSON
nesting is bounded by a linear scan before parsing (422 E622, never a RecursionError)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from serve_store_data import PARAGRAPH, fake_coded_client, fake_coder, store_with_articles
from test_api import TOKEN, assert_error

from volte.settings import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(16)

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A server with write access over a fresh store and a fake coder."""
    with fake_coded_client(store_with_articles(tmp_path / "w.duckdb"), token=TOKEN) as test_client:
        yield test_client


# --- item 6: POST /api/articles needs an explicit Content-Type -----------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        None,  # no header at all: the JSON body used to be stored as the article's text
        "",
        "text/csv",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonp",
        "application/octet-stream",
        "text/plain; charset=latin-1",
        "application/json; charset=utf-16",
    ],
)
def test_post_without_a_supported_content_type_is_415(writer: TestClient, content_type: str | None) -> None:
    body = json.dumps({"id": "n1", "date": "2026-01-07", "text": PARAGRAPH})
    headers = dict(AUTH) if content_type is None else {**AUTH, "content-type": content_type}
    response = writer.post("/api/articles", content=body, headers=headers)
    assert_error(response, 415, code="E615", says="content-type")
    assert fake_coder(writer).calls == 0
    assert writer.get("/api/articles/n1").status_code == 404


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "application/json; charset=utf-8",
        'Application/JSON ; Charset="UTF-8"',
        "text/plain",
        "text/plain; charset=UTF-8",
        "text/plain;charset=us-ascii",
        "text/html; charset=utf-8",
    ],
)
def test_post_with_an_explicit_content_type_is_coded(writer: TestClient, content_type: str) -> None:
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json":
        body = json.dumps({"id": "n1", "date": "2026-01-07", "text": PARAGRAPH})
    elif media == "text/html":
        body = f"<html><head><title>t</title></head><body><article><p>{PARAGRAPH}</p></article></body></html>"
    else:
        body = PARAGRAPH
    headers = {**AUTH, "content-type": content_type}
    response = writer.post("/api/articles?id=n1&date=2026-01-07", content=body, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["article"]["id"] == "n1"
    assert fake_coder(writer).calls == 1


# --- item 11: JSON nesting is bounded, never parsed by recursion --------------------------------------


def _nested(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@pytest.mark.parametrize("depth", [1_000, 100_000, 900_000])
def test_post_deeply_nested_json_is_422(writer: TestClient, depth: int) -> None:
    from volte.serve.submissions import MAX_JSON_DEPTH

    for kind in ("list", "object"):
        body = _nested(depth, kind)
        if len(body) > 2_000_000:
            continue
        response = writer.post(
            "/api/articles", content=body, headers={**AUTH, "content-type": "application/json"}
        )
        assert_error(response, 422, code="E622", says=f"nested deeper than {MAX_JSON_DEPTH}")


@given(depth=st.integers(min_value=1, max_value=3_000), kind=st.sampled_from(["list", "object"]))
@settings(max_examples=40, deadline=None)
def test_json_of_any_nesting_is_a_coded_422(depth: int, kind: str) -> None:
    """Whatever the depth, a body without an article is a 422 E622, never a RecursionError; too deep
    says so."""
    from volte.serve.errors import Invalid
    from volte.serve.submissions import MAX_JSON_DEPTH, to_article

    with pytest.raises(Invalid) as caught:
        to_article(_nested(depth, kind).encode(), "application/json", {}, settings=Settings())
    assert caught.value.code == "E622"
    if depth > MAX_JSON_DEPTH:
        assert f"nested deeper than {MAX_JSON_DEPTH}" in caught.value.message
    else:
        assert "nested" not in caught.value.message


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet='[]{}"\\:,ab \n\u00e9', max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet='[]{}"\\ab', max_size=5), inner, max_size=4)
    ),
    max_leaves=40,
)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@given(value=JSON_VALUES, indent=st.sampled_from([None, 1]))
@settings(max_examples=300, deadline=None)
def test_json_depth_matches_the_structure(value: Any, indent: int | None) -> None:
    """The linear scan counts nesting as a parser would: brackets inside strings (escaped quotes
    included) do not count."""
    from volte.serve.submissions import json_depth

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    assert json_depth(text, limit=10_000) == _depth(value)


def test_json_depth_stops_at_the_limit_and_tolerates_broken_json() -> None:
    from volte.serve.submissions import json_depth

    assert json_depth("[" * 1_000_000, limit=64) == 65  # stops scanning as soon as it is too deep
    assert json_depth('{"text": "unterminated [[[[', limit=2) == 1
    assert json_depth("]]]][[", limit=8) == 2


def test_post_json_with_a_huge_number_is_422_not_500(writer: TestClient) -> None:
    body = '{"id": "n1", "text": "x", "date": ' + "1" * 5_000 + "}"
    response = writer.post(
        "/api/articles", content=body, headers={**AUTH, "content-type": "application/json"}
    )
    assert_error(response, 422, code="E622", says="json")


def test_post_json_must_be_utf8(writer: TestClient) -> None:
    """UTF-16 without a byte-order mark is refused by name; with one it is decoded like a file (E204 in
    docs/errors.md: UTF-16 and UTF-32 with a byte-order mark are read)."""
    body = json.dumps({"id": "n1", "text": PARAGRAPH}).encode("utf-16-le")
    response = writer.post(
        "/api/articles", content=body, headers={**AUTH, "content-type": "application/json"}
    )
    assert response.status_code == 422 and "utf" in response.text.lower(), response.text
    with_bom = json.dumps({"id": "n2", "text": PARAGRAPH}).encode("utf-16")
    response = writer.post(
        "/api/articles", content=with_bom, headers={**AUTH, "content-type": "application/json"}
    )
    assert response.status_code == 201, response.text


def test_openapi_documents_the_415(writer: TestClient) -> None:
    post = writer.get("/openapi.json").json()["paths"]["/api/articles"]["post"]
    assert "415" in post["responses"]
