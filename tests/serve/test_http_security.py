"""Issue 16 item 12: security headers (CSP, X-Frame-Options, X-Content-Type-Options, Referrer-Policy) on
every response; the dashboard's POST /code needs a same-origin request or the token (403 E603) and is
rate-limited per client address (429 E629 with Retry-After)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_store_data import LOCAL, PARAGRAPH, FakeCoder, fake_coded_client, fake_coder, store_with_articles
from test_api import TOKEN, assert_error

from volte.serve.app import create_app
from volte.settings import ServeSettings, Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.issue(16)

HTML = {"accept": "text/html"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SAME_ORIGIN = {"origin": LOCAL}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return store_with_articles(tmp_path_factory.mktemp("hardening") / "h.duckdb")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    """A read-only server with a fake coder and a rate limit too high to reach."""
    settings = Settings(serve=ServeSettings(code_per_minute=10_000))
    with fake_coded_client(store_path, token="", settings=settings) as test_client:
        yield test_client


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A server with write access over a fresh store and a fake coder."""
    with fake_coded_client(store_with_articles(tmp_path / "w.duckdb"), token=TOKEN) as test_client:
        yield test_client


# --- item 12: security headers on every response ------------------------------------------------------


SECURITY_HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy")


@pytest.mark.parametrize(
    ("method", "url", "headers", "status"),
    [
        ("GET", "/", HTML, 200),
        ("GET", "/dyad/COL/USA", HTML, 200),
        ("GET", "/events", HTML, 200),
        ("GET", "/article/wire-0104", HTML, 200),
        ("GET", "/code", HTML, 200),
        ("GET", "/api/events", {}, 200),
        ("GET", "/api/health", {}, 200),
        ("GET", "/openapi.json", {}, 200),
        ("GET", "/static/css/volte.css", {}, 200),
        ("GET", "/static/vendor/vega.min.js", {}, 200),
        ("GET", "/no/such/page", HTML, 404),
        ("GET", "/api/events?limit=0", {}, 422),
        ("GET", "/api/events", {"host": "evil.example"}, 400),
        ("POST", "/code", {**HTML, "origin": "https://evil.example"}, 403),
        ("DELETE", "/api/events", {}, 405),
        ("POST", "/api/articles", {"content-length": "99999999"}, 413),
    ],
)
def test_every_response_carries_the_security_headers(
    client: TestClient, method: str, url: str, headers: dict[str, str], status: int
) -> None:
    data = {"text": PARAGRAPH} if url == "/code" else None
    response = client.request(method, url, headers=headers, data=data)
    assert response.status_code == status, response.text
    for name in SECURITY_HEADERS:
        assert response.headers.get(name), (name, dict(response.headers))
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"


def test_the_csp_allows_only_this_origin_and_no_inline_script_or_eval(client: TestClient) -> None:
    from volte.serve.security import CSP

    policy = client.get("/", headers=HTML).headers["content-security-policy"]
    assert policy == CSP
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert "https:" not in policy and "*" not in policy
    assert CSP in (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")


def test_a_crash_still_carries_the_security_headers(store_path: Path) -> None:
    app = create_app(store_path, token="")

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as test_client:
        response = test_client.get("/api/boom")
    assert_error(response, 500, code="E650")
    for name in SECURITY_HEADERS:
        assert response.headers.get(name), name


# --- item 12: POST /code needs the same origin (or the token), and is rate-limited ---------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},  # neither Origin nor Referer: not a form of this site
        {"origin": "https://evil.example"},
        {"origin": "null"},  # a sandboxed frame or a data: page
        {"origin": "http://127.0.0.1:8001"},  # another port is another origin
        {"origin": "http://127.0.0.1.evil.example"},
        {"referer": "https://evil.example/form.html"},
        {"referer": "http://127.0.0.1.evil.example/"},
        {"origin": "https://evil.example", "referer": f"{LOCAL}/code"},  # the Origin decides
    ],
)
def test_code_form_from_another_site_is_403_before_coding(
    client: TestClient, headers: dict[str, str]
) -> None:
    before = fake_coder(client).calls
    response = client.post("/code", data={"text": PARAGRAPH}, headers=headers)
    assert_error(response, 403, code="E603", says="origin")
    assert fake_coder(client).calls == before


def test_code_form_from_another_site_is_an_html_403_for_browsers(client: TestClient) -> None:
    response = client.post(
        "/code", data={"text": PARAGRAPH}, headers={**HTML, "origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "E603" in response.text


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": LOCAL},
        {"origin": "HTTP://127.0.0.1"},
        {"origin": "https://127.0.0.1"},  # TLS ended at a proxy that passes the Host on
        {"referer": f"{LOCAL}/code"},
        {"origin": "http://localhost:8000", "host": "localhost:8000"},
        {"origin": "http://localhost", "host": "localhost:80"},
    ],
)
def test_code_form_from_this_site_is_coded(client: TestClient, headers: dict[str, str]) -> None:
    before = fake_coder(client).calls
    response = client.post(
        "/code", data={"text": PARAGRAPH, "date": "2026-03-03"}, headers={**HTML, **headers}
    )
    assert response.status_code == 200, response.text
    assert fake_coder(client).calls == before + 1


def test_code_form_with_the_token_needs_no_origin(writer: TestClient) -> None:
    response = writer.post(
        "/code",
        data={"text": PARAGRAPH, "date": "2026-03-03", "token": TOKEN},
        headers={**HTML, "origin": "https://elsewhere.example"},
    )
    assert response.status_code == 200, response.text
    assert "Stored as" in response.text


def test_code_form_is_rate_limited_per_client_address(store_path: Path) -> None:
    settings = Settings(serve=ServeSettings(code_per_minute=3))
    app = create_app(store_path, settings=settings, token="")
    with TestClient(app, base_url=LOCAL, client=("10.0.0.1", 5000)) as first:
        app.state.coder = FakeCoder()
        for _ in range(3):
            assert first.post("/code", data={"text": PARAGRAPH}, headers=SAME_ORIGIN).status_code == 200
        response = first.post("/code", data={"text": PARAGRAPH}, headers=SAME_ORIGIN)
        assert_error(response, 429, code="E629", says="serve.code_per_minute")
        assert 1 <= int(response.headers["retry-after"]) <= 20
        assert app.state.coder.calls == 3
        assert first.get("/api/events").status_code == 200  # reads are not limited
    with TestClient(app, base_url=LOCAL, client=("10.0.0.2", 5000)) as second:
        assert second.post("/code", data={"text": PARAGRAPH}, headers=SAME_ORIGIN).status_code == 200


def test_rate_limit_is_off_with_zero(store_path: Path) -> None:
    settings = Settings(serve=ServeSettings(code_per_minute=0))
    app = create_app(store_path, settings=settings, token="")
    with TestClient(app, base_url=LOCAL) as test_client:
        app.state.coder = FakeCoder()
        for _ in range(30):
            assert test_client.post("/code", data={"text": PARAGRAPH}, headers=SAME_ORIGIN).status_code == 200


def test_token_bucket_refills_over_time_and_stays_small() -> None:
    from volte.serve.security import TokenBucket

    now = [1000.0]
    bucket = TokenBucket(per_minute=6, clock=lambda: now[0], max_clients=100)
    assert [bucket.take("a") for _ in range(7)] == [0.0] * 6 + [10.0]  # 6 a minute: one every 10 s
    now[0] += 5
    assert bucket.take("a") == 5.0
    now[0] += 5
    assert bucket.take("a") == 0.0
    for i in range(1_000):
        bucket.take(f"client-{i}")
    assert len(bucket) <= 100
    assert bucket.take("a") == 0.0 or bucket.take("a") > 0  # still answers after eviction
