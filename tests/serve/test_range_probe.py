"""Acceptance probe for issue 16: a real `volte serve` on a free 127.0.0.1 port, over a small store, asked
the unbounded ranges of the issue. Every answer is 2xx or 4xx and the server stays under 300 MB of RSS.

Two stores: a clean one (ranges are cut to its six days) and one written before publication dates were
checked, holding an event on 0001-01-01 (wide ranges there are 422 E103). Bounded: 127.0.0.1 only, a fixed
list of requests, each with a timeout.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import psutil
import pytest
from live_server import serving
from serve_store_data import Coded, _event, coded_articles

from volte.records import Article

RSS_LIMIT = 300 * 2**20
ROUNDS = 3
PROBES = [
    "/api/dyads/COL/USA/series?since=0001-01-01&until=9999-12-31",
    "/api/dyads/COL/USA/series?since=0001-01-01&until=9999-12-31&freq=week",
    "/api/dyads/COL/USA/series?until=9999-12-31",
    "/api/dyads/COL/USA/series",
    "/api/shifts?until=9999-12-31",
    "/api/shifts?since=0001-01-01&until=9999-12-31",
    "/api/shifts",
    "/api/events?since=0001-01-01&until=9999-12-31",
    "/dyad/COL/USA?since=0001-01-01&until=2026-12-31",
    "/dyad/COL/USA?since=0001-01-01&until=9999-12-31&freq=week",
    "/dyad/COL/USA?span=all",
    "/dyad/COL/USA",
    "/",
]
ANCIENT_TEXT = "Brasilia, January 1. Brazil's president praised Argentina's president."


def _build_store(path: Path, *, ancient: bool) -> None:
    from volte.store.db import Store

    items = coded_articles()
    if ancient:
        spec = ("BRAGOV", "051", "ARGGOV", "praised", "Brazil's president", "Argentina's president")
        article = Article(id="old", text=ANCIENT_TEXT, url=None, title="old", published=date(1, 1, 1))
        items.append(Coded(article=article, events=(_event("old", "0001-01-01", ANCIENT_TEXT, spec),)))
    with Store(path) as store:
        store.ingest(items)


@pytest.fixture(scope="module", params=["clean", "ancient"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int]]:
    """(base URL, pid) of `volte serve` over a small store, stopped after the module's tests."""
    folder = tmp_path_factory.mktemp(f"probe-{request.param}")
    path = folder / "probe.duckdb"
    _build_store(path, ancient=request.param == "ancient")
    with serving(path, folder / "serve.log") as (base, proc):
        yield base, proc.pid


class PeakRss:
    """Samples a process's resident set size every 5 ms in a thread; ``peak`` is the largest seen."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = self.process.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


@pytest.mark.issue(16)
def test_range_probe_answers_4xx_or_2xx_in_bounded_memory(server: tuple[str, int]) -> None:
    base, pid = server
    timings: dict[str, float] = {}
    statuses: dict[str, set[int]] = {}
    with httpx.Client(base_url=base, timeout=30, trust_env=False) as client, PeakRss(pid) as rss:
        start_rss = rss.peak
        for _ in range(ROUNDS):
            for url in PROBES:
                accept = {"accept": "text/html"} if not url.startswith("/api") else {}
                began = time.perf_counter()
                response = client.get(url, headers=accept)
                timings[url] = max(timings.get(url, 0.0), time.perf_counter() - began)
                statuses.setdefault(url, set()).add(response.status_code)
        foreign = client.get("/api/dyads/COL/USA/series", headers={"host": "rebind.example"})
    report = "\n".join(f"  {sorted(statuses[u])} {timings[u] * 1000:7.1f} ms  {u}" for u in PROBES)
    print(f"\n{base}: RSS {start_rss / 2**20:.0f} MB at start, peak {rss.peak / 2**20:.0f} MB\n{report}")
    assert all(200 <= s < 500 for codes in statuses.values() for s in codes), report
    assert rss.peak < RSS_LIMIT, f"peak RSS {rss.peak / 2**20:.0f} MB\n{report}"
    assert max(timings.values()) < 10, report
    assert foreign.status_code == 400 and foreign.json()["code"] == "E600"
