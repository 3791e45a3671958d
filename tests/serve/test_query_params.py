"""Issue 16 item 13: an API request with a query parameter its route does not declare is 422 E622 naming
it; `code` filters /api/events by CAMEO code prefix."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from serve_store_data import PARAGRAPH, fake_coded_client, fake_coder, store_with_articles
from test_api import TOKEN, assert_error

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(16)

HTML = {"accept": "text/html"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_with_articles(tmp_path_factory.mktemp("hardening") / "h.duckdb")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    """A read-only server."""
    with fake_coded_client(store_path, token="") as test_client:
        yield test_client


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A server with write access over a fresh store and a fake coder."""
    with fake_coded_client(store_with_articles(tmp_path / "w.duckdb"), token=TOKEN) as test_client:
        yield test_client


# --- item 13: unknown query parameters are named and refused; `code` filters events ---------------------


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/events?cod=112", "cod"),
        ("/api/events?source=COL&sorce=USA", "sorce"),
        ("/api/events?page=2", "page"),
        ("/api/health?verbose=1", "verbose"),
        ("/api/shifts?freq=day", "freq"),
        ("/api/dyads/COL/USA/series?limit=5", "limit"),
        ("/api/articles/wire-0104?with=events", "with"),
        ("/api/events?LIMIT=5", "LIMIT"),
    ],
)
def test_unknown_query_parameters_are_422_by_name(client: TestClient, url: str, name: str) -> None:
    body = assert_error(client.get(url), 422, code="E622", says=f"unknown query parameter {name!r}")
    assert "accepted:" in body["error"]


def test_unknown_query_parameter_on_post_is_422(writer: TestClient) -> None:
    response = writer.post(
        "/api/articles?id=n1&lang=en", content=PARAGRAPH, headers={**AUTH, "content-type": "text/plain"}
    )
    assert_error(response, 422, code="E622", says="'lang'")
    assert fake_coder(writer).calls == 0


API_PARAMS = {
    "/api/events": {"source", "target", "since", "until", "root", "code", "q", "limit", "offset"},
    "/api/shifts": {"since", "until", "kind", "source", "target", "limit"},
    "/api/dyads/COL/USA/series": {"freq", "since", "until"},
    "/api/health": set(),
    "/api/articles/wire-0104": set(),
}


@given(
    path=st.sampled_from(sorted(API_PARAMS)),
    name=st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF, exclude_characters="&=#%+"),
        min_size=1,
        max_size=12,
    ),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_undeclared_parameter_name_is_refused(client: TestClient, path: str, name: str) -> None:
    response = client.get(path, params={name: "x"})
    if name in API_PARAMS[path]:
        assert response.status_code != 422 or "unknown query parameter" not in response.json()["error"]
    else:
        assert_error(response, 422, code="E622", says="unknown query parameter")


def test_declared_parameters_pass_the_check(client: TestClient) -> None:
    for url in (
        "/api/events?source=COL&target=USA&since=2026-01-01&until=2026-12-31&root=11&q=a&limit=5&offset=0",
        "/api/shifts?since=2026-01-01&until=2026-12-31&kind=thaw&source=COL&target=USA&limit=5",
        "/api/dyads/COL/USA/series?freq=week&since=2026-01-01&until=2026-01-31",
    ):
        assert client.get(url).status_code == 200, (url, client.get(url).text)


def test_dashboard_pages_keep_ignoring_extra_parameters(client: TestClient) -> None:
    assert client.get("/events?utm_source=mail", headers=HTML).status_code == 200


@pytest.mark.parametrize(
    ("code", "expected"),
    [("112", {"112"}), ("11", {"111", "112"}), ("036", {"036"}), ("19", set())],
)
def test_events_filter_by_cameo_code_prefix(client: TestClient, code: str, expected: set[str]) -> None:
    response = client.get(f"/api/events?code={code}")
    assert response.status_code == 200, response.text
    assert {e["code"] for e in response.json()["events"]} == expected


@pytest.mark.parametrize("code", ["1", "11234", "abc", "1a"])
def test_events_bad_code_is_422(client: TestClient, code: str) -> None:
    assert_error(client.get(f"/api/events?code={code}"), 422, code="E622", says="code")
