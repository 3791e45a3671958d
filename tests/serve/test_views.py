"""Dashboard pages in process: they render from the store without JavaScript, highlight spans correctly,
and the chart spec puts cooperation above and conflict below zero."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from serve_store_data import ARTICLES, Coded, coded_articles

from volte.records import Article
from volte.serve import charts
from volte.serve.app import create_app
from volte.serve.views import highlight

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient; httpx still works
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from volte.store.db import Store

    path = tmp_path_factory.mktemp("views") / "views.duckdb"
    with Store(path) as store:
        store.ingest([*coded_articles(), HOSTILE])
    with TestClient(create_app(path, token=""), base_url="http://127.0.0.1") as test_client:
        yield test_client


HTML = {"accept": "text/html"}
# An article whose id needs quoting in a URL and whose URL is a script: neither may break or run.
HOSTILE = Coded(
    article=Article(
        id="odd id?#1",
        text="<script>alert(1)</script> Nothing happened.",
        url="javascript:alert(1)",
        title="<b>t</b>",
    ),
    events=(),
)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/dyad/COL/USA",
        "/dyad/COL/USA?freq=week",
        "/dyad/col/usa?since=2026-01-01&until=2026-01-31",
        "/article/wire-0107",
        "/code",
    ],
)
def test_pages_render_as_html(client: TestClient, url: str) -> None:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<table" in response.text or "<form" in response.text


def test_pages_load_only_local_assets(client: TestClient) -> None:
    for url in ("/", "/dyad/COL/USA", "/article/wire-0107", "/code"):
        html = client.get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not re.match(r"^(https?:)?//", ref) or "wire.example" in ref, (
                url,
                ref,
            )  # article links may leave


def test_vendored_scripts_are_served(client: TestClient) -> None:
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
        response = client.get(f"/static/vendor/{name}")
        assert response.status_code == 200 and len(response.content) > 50_000


def test_dyad_page_lists_events_with_sentences_without_javascript(client: TestClient) -> None:
    html = client.get("/dyad/COL/USA").text
    for _, _, _, text, specs in ARTICLES:
        if any(s[0].startswith(("COL", "USA")) and s[2].startswith(("COL", "USA")) for s in specs):
            assert str(escape(text[text.index(".") + 2 :])) in html
    assert 'href="/article/wire-0104#ev-' in html


def test_dyad_page_for_an_actor_without_events_is_empty_not_an_error(client: TestClient) -> None:
    response = client.get("/dyad/VEN/COL", headers=HTML)
    assert response.status_code == 200
    assert "No events for this dyad." in response.text


def test_home_lists_active_dyads(client: TestClient) -> None:
    html = client.get("/").text
    assert 'href="/dyad/COL/USA"' in html and 'href="/dyad/VEN/USA"' in html


def test_article_page_marks_trigger_source_and_target(client: TestClient) -> None:
    html = client.get("/article/wire-0104").text
    assert re.search(r'<mark class="hl trigger"[^>]*>accused</mark>', html)
    assert re.search(r'<mark class="hl source"[^>]*>Colombia&#39;s president</mark>', html)
    assert re.search(r'<mark class="hl target"[^>]*>Washington</mark>', html)


@pytest.mark.issue(13)
def test_article_page_marks_the_place_and_names_it_in_the_event_table(client: TestClient) -> None:
    html = client.get("/article/wire-0104").text
    assert re.search(r'<mark class="hl place"[^>]*>Bogota</mark>', html)
    assert re.search(r'<td class="place">Bogota <small>city, <code>COL</code></small></td>', html)


@pytest.mark.issue(13)
def test_article_page_without_places_has_no_place_column(client: TestClient) -> None:
    html = client.get("/article/wire-0105").text
    assert "<th>Place</th>" not in html and 'class="hl place"' not in html


def test_dyad_form_redirects_and_validates(client: TestClient) -> None:
    response = client.get("/dyad?source=col&target=usa", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/dyad/COL/USA"
    assert client.get("/dyad?source=c0l&target=usa").status_code == 422


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("A hit B.", [(2, 5, "trigger")], [("A ", ()), ("hit", ("trigger",)), (" B.", ())]),
        (
            "A hit B.",
            [(0, 1, "source"), (2, 5, "trigger"), (6, 7, "target")],
            [("A", ("source",)), (" ", ()), ("hit", ("trigger",)), (" ", ()), ("B", ("target",)), (".", ())],
        ),
        ("Xy met.", [(0, 2, "source"), (0, 2, "target")], [("Xy", ("source", "target")), (" met.", ())]),
        ("abc", [(1, 9, "trigger"), (-1, -1, "source")], [("abc", ())]),  # spans outside the text are ignored
        pytest.param(
            "In Lima A met B.",
            [(3, 7, "place"), (8, 9, "source"), (3, 7, "target")],
            [("In ", ()), ("Lima", ("target", "place")), (" ", ()), ("A", ("source",)), (" met B.", ())],
            marks=pytest.mark.issue(13),
            id="place",
        ),
    ],
)
def test_highlight_cuts_text_at_span_edges(
    text: str, spans: list[tuple[int, int, str]], expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    events: list[dict[str, Any]] = []
    for start, end, role in spans:
        events.append({f"{role}_start": start, f"{role}_end": end})
    segments = highlight(text, events)
    assert "".join(s.text for s in segments) == text
    assert [(s.text, s.roles) for s in segments] == expected


def test_chart_puts_cooperation_up_conflict_down_and_marks_reversals() -> None:
    point = {
        "date": "2026-01-07",
        "events": 3,
        "goldstein_sum": 2.0,
        "goldstein_mean": 0.7,
        "q1": 2,
        "q2": 0,
        "q3": 1,
        "q4": 0,
    }
    shift = {"source": "COLGOV", "target": "USAGOV", "kind": "thaw", "date": "2026-01-07", "score": 4.8}
    spec = charts.dyad_chart(
        [("COL", "USA"), ("USA", "COL")], {("COL", "USA"): [point], ("USA", "COL"): []}, [shift], freq="day"
    )
    first, second = spec["vconcat"]
    bars = first["layer"][0]["data"]["values"]
    assert {(b["label"], b["n"]) for b in bars} == {("verbal cooperation", 2), ("verbal conflict", -1)}
    y = first["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert y[0] == -y[1]  # symmetric, so zero lines up with the Goldstein axis
    assert first["layer"][-1]["data"]["values"][0]["label"] == "thaw 2026-01-07"
    assert len(second["layer"]) == 2  # no reversal in the other direction
    assert "</script" not in charts.to_script_json({"x": "</script><b>"})
    assert json.loads(charts.to_script_json({"x": "</script>"})) == {"x": "</script>"}


def test_dyad_page_escapes_chart_json(client: TestClient) -> None:
    html = client.get("/dyad/COL/USA").text
    spec = re.search(r'<script type="application/json" id="chart-spec">(.*?)</script>', html, re.S)
    assert spec and json.loads(spec.group(1))["vconcat"]


@pytest.mark.model
def test_code_page_codes_without_storing(client: TestClient) -> None:
    text = "Lima, March 3. Peru's president accused Ecuador of violating the border agreement."
    before = client.get("/api/events?limit=1").json()["total"]
    response = client.post(
        "/code", data={"text": text, "date": "2026-03-03"}, headers={**HTML, "origin": "http://127.0.0.1"}
    )  # a browser posting this site's own form sends its Origin
    assert response.status_code == 200, response.text
    assert 'id="coded-events"' in response.text and "PER" in response.text
    assert client.get("/api/events?limit=1").json()["total"] == before


def test_code_page_with_a_wrong_token_is_refused_before_coding(client: TestClient) -> None:
    response = client.post("/code", data={"text": "Some text.", "token": "nope"}, headers=HTML)
    assert response.status_code == 401
    assert "VOLTE_TOKEN" in response.text or "token" in response.text


@pytest.mark.model
def test_code_page_stores_when_given_the_token(tmp_path: Path) -> None:
    from volte.store.db import Store

    path = tmp_path / "code.duckdb"
    with Store(path) as store:
        store.ingest(coded_articles())
    text = "Lima, March 3. Peru's president accused Ecuador of violating the border agreement."
    with TestClient(create_app(path, token="tok"), base_url="http://127.0.0.1") as writer:
        response = writer.post(
            "/code", data={"text": text, "date": "2026-03-03", "token": "tok"}, headers=HTML
        )
        assert response.status_code == 200, response.text
        stored_id = re.search(r'Stored as <a href="/article/([^"]+)">', response.text)
        assert stored_id, response.text
        article = writer.get(f"/api/articles/{stored_id.group(1)}").json()
        assert article["text"] == text and article["events"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/events", 4),
        ("/events?source=&target=&since=&until=&q=", 4),  # an empty form: every field "not given"
        ("/events?source=col&q=phone", 1),
        ("/events?since=2026-01-05&until=2026-01-05", 1),
        ("/events?source=XYZ", -1),  # an actor without events: 404, the known countries shown
    ],
)
def test_events_search_page(client: TestClient, url: str, expected: int) -> None:
    response = client.get(url, headers=HTML)
    if expected < 0:
        assert (
            response.status_code == 404
            and "E505" in response.text
            and "known source countries: COL" in response.text
        )
        return
    assert response.status_code == 200, response.text
    assert response.text.count('<tr class="q') == expected


def test_dyad_form_with_empty_dates_renders(client: TestClient) -> None:
    assert client.get("/dyad/COL/USA?freq=week&since=&until=", headers=HTML).status_code == 200


def test_empty_api_parameters_stay_invalid(client: TestClient) -> None:
    assert client.get("/api/events?since=").status_code == 422


def test_article_page_escapes_text_and_refuses_script_links(client: TestClient) -> None:
    response = client.get("/article/odd%20id%3F%231", headers=HTML)
    assert response.status_code == 200, response.text
    assert "<script>alert(1)</script>" not in response.text and "&lt;script&gt;" in response.text
    assert "javascript:" not in response.text and "<b>t</b>" not in response.text
