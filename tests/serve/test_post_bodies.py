"""Issue 16 items 6 and 11: POST /api/articles needs an explicit Content-Type (else 415 E615), and its JSON
nesting is bounded by a linear scan before parsing (422 E622, never a RecursionError)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_store_data import FakeCoder, coded_articles
from test_api import TOKEN, assert_error

from volte.serve.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(16)

LOCAL = "http://127.0.0.1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# Written for these tests: a short English paragraph the (fake) coder is handed.
PARAGRAPH = "Lima, March 3. Peru's president accused Ecuador of violating the border agreement."


def _store(path: Path) -> Path:
    from volte.store.db import Store

    with Store(path) as store:
        store.ingest(coded_articles())
    return path


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A server with write access over a fresh store and a fake coder."""
    path = _store(tmp_path / "w.duckdb")
    with TestClient(create_app(path, token=TOKEN), base_url=LOCAL) as test_client:
        test_client.app.state.coder = FakeCoder()  # type: ignore[attr-defined]
        yield test_client


def _coder(client: TestClient) -> FakeCoder:
    return client.app.state.coder  # type: ignore[attr-defined,no-any-return]


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
    assert _coder(writer).calls == 0
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
    assert _coder(writer).calls == 1
