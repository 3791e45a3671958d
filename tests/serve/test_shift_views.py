"""A page per reversal (/shift/{id}), links to it from the home and dyad pages, and the home page's
window, which ends at the latest event not after today (issue 14). In process, from hand-built events:
the serve tests' three articles, two more accusations and talks so that COL->USA thaws, and one event
dated far in the future."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from serve_store_data import Coded, coded_articles

from volte.records import Article, Event, make_event_id
from volte.serve import views
from volte.serve.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FUTURE = "2099-03-01"  # e.g. "agreed to meet in March 2099", dated to the plan


def _article(doc_id: str, day: str, url: str, specs: list[tuple[str, str, str, str]]) -> Coded:
    """One article whose sentences are (source, code, target, sentence); spans point into the text."""
    from volte.coding.cameo import describe

    text = " ".join(s[3] for s in specs)
    events = []
    offset = 0
    for i, (source, code, target, sentence) in enumerate(specs):
        info = describe(code)
        events.append(
            Event(
                event_id=make_event_id(doc_id, i, source, target, code, offset),
                doc_id=doc_id,
                sentence_index=i,
                sentence=sentence,
                sentence_start=offset,
                sentence_end=offset + len(sentence),
                date=date.fromisoformat(day),
                date_precision="day",
                published=date.fromisoformat(day),
                source=source,
                source_name=source,
                target=target,
                target_name=target,
                code=code,
                root=info.root,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                plover=info.plover,
                trigger=sentence.split()[1],
                pattern=f"test.{code}",
                factuality="asserted",
                attributed_to=None,
                kind="news",
                coder_version="test",
            )
        )
        offset += len(sentence) + 1
    art = Article(id=doc_id, text=text, url=url, title=doc_id, published=date.fromisoformat(day[:10]))
    return Coded(article=art, events=tuple(events), reject=None)


ACCUSE = [
    ("COLGOV", "112", "USAGOV", "Colombia accused Washington of violating its sovereignty."),
    ("COLGOV", "130", "USAGOV", "Colombia threatened to cut cooperation on drugs."),
    ("COLGOV", "160", "USAGOV", "Colombia reduced its relations with Washington."),
    ("COLGOV", "125", "USAGOV", "Colombia rejected the proposal to extradite suspects."),
]
TALK = [
    ("COLGOV", "036", "USAGOV", "Colombia agreed to meet the US president at the White House."),
    ("COLGOV", "041", "USAGOV", "Colombia discussed drugs by phone with the US president."),
    ("COLGOV", "057", "USAGOV", "Colombia signed an agreement on drug interdiction."),
    ("COLGOV", "081", "USAGOV", "Colombia eased its restrictions on US flights."),
]


def _thaw() -> list[Coded]:
    """Accusations, threats and a downgrade on 4 January; a call, a meeting agreed, a deal on 7 January:
    each reported by three outlets."""
    out = []
    for n, host in enumerate(("a", "b", "c")):
        out.append(_article(f"acc-{n}", "2026-01-04", f"https://{host}.example/acc", ACCUSE))
        out.append(_article(f"talk-{n}", "2026-01-07", f"https://{host}.example/talk", TALK))
    return out


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from volte.store.db import Store

    path = tmp_path_factory.mktemp("shiftviews") / "s.duckdb"
    future = _article(
        "plan-2099",
        FUTURE,
        "https://a.example/plan",
        [("BRAGOV", "036", "ARGGOV", "Brazil will meet Argentina.")],
    )
    with Store(path) as store:
        store.ingest([*coded_articles(), *_thaw(), future])
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, token=""), base_url="http://127.0.0.1") as test_client:
        yield test_client


@pytest.fixture(scope="module")
def thaw(client: TestClient) -> dict:
    shifts = client.get("/api/shifts?source=COL&target=USA").json()["shifts"]
    found = [s for s in shifts if s["kind"] == "thaw"]
    assert found, shifts
    return found[0]


@pytest.mark.issue(14)
def test_home_window_ends_at_the_latest_event_not_after_today(client: TestClient, thaw: dict) -> None:
    assert client.get("/api/health").json()["ok"]
    html = client.get("/").text
    window = re.search(r'<span id="window">(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})</span>', html)
    assert window, html
    assert window.group(2) == "2026-01-07" and window.group(2) < FUTURE  # not the future-dated event
    assert 'id="shifts"' in html and f'href="/shift/{thaw["id"]}"' in html
    assert "COL → USA" in html


@pytest.mark.issue(14)
def test_home_window_before_any_event_is_empty_not_an_error(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "_today", lambda: date(2020, 1, 1))
    response = client.get("/")
    assert response.status_code == 200 and 'id="shifts"' not in response.text
    monkeypatch.setattr(views, "_today", lambda: date(2026, 1, 5))  # the thaw is after "today"
    html = client.get("/").text
    assert '<span id="window">2025-07-10 to 2026-01-05</span>' in html and "/shift/" not in html


@pytest.mark.issue(14)
def test_shift_page_shows_windows_evidence_score_and_calibration(client: TestClient, thaw: dict) -> None:
    response = client.get(f"/shift/{thaw['id']}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert f'<code id="shift-id">{thaw["id"]}</code>' in html
    assert f"{thaw['score']:.3f}" in html and f"{thaw['threshold']:.3f}" in html
    assert thaw["calibration"]["origin_text"].replace("'", "&#39;") in html
    for side in ("before", "after"):
        assert f"{thaw[side]['start']} .. {thaw[side]['end']}" in html
    for event in thaw["evidence_events"]:
        assert f'href="/article/{event["doc_id"]}#ev-{event["event_id"]}"' in html
    assert "Colombia accused Washington" in html and "agreed to meet the US president" in html
    spec = json.loads(
        re.search(r'<script type="application/json" id="chart-spec">(.*?)</script>', html, re.S).group(1)
    )
    bands = spec["vconcat"][0]["layer"][0]
    assert [b["side"] for b in bands["data"]["values"]] == ["before", "after"]
    assert bands["layer"][0]["mark"]["type"] == "rect"
    assert bands["data"]["values"][0]["start"] == thaw["before"]["start"]
    assert bands["data"]["values"][1]["end"] > thaw["after"]["end"]  # the band covers the last day


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "bad", ["COL-USA-2026-01-06-thaw", "COL-USA-2026-02-30-thaw", "XYZ-USA-2026-01-07-thaw"]
)
def test_shift_page_of_an_unknown_id_is_404(client: TestClient, bad: str) -> None:
    response = client.get(f"/shift/{bad}", headers={"accept": "text/html"})
    assert response.status_code == 404


@pytest.mark.issue(14)
def test_shift_page_of_a_malformed_id_is_refused(client: TestClient) -> None:
    assert client.get("/shift/..%2Fetc", headers={"accept": "text/html"}).status_code in (404, 422)
    assert client.get("/shift/" + "A" * 80, headers={"accept": "text/html"}).status_code in (404, 422)


@pytest.mark.issue(14)
def test_dyad_page_markers_and_list_link_to_the_shift_page(client: TestClient, thaw: dict) -> None:
    html = client.get("/dyad/COL/USA").text
    assert f'href="/shift/{thaw["id"]}"' in html
    spec = json.loads(
        re.search(r'<script type="application/json" id="chart-spec">(.*?)</script>', html, re.S).group(1)
    )
    markers = [
        layer
        for row in spec["vconcat"]
        for layer in row["layer"]
        if layer.get("data", {}).get("values") and "url" in layer["data"]["values"][0]
    ]
    assert markers and markers[0]["data"]["values"][0]["url"] == f"/shift/{thaw['id']}"
