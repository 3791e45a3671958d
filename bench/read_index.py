"""The server's read index against the store's own queries: the same answers, byte for byte, and what each costs.

    .venv/bin/python bench/read_index.py --db bench.duckdb   # a store kept by bench/serve.py --db
    .venv/bin/python bench/read_index.py --events 200000     # generates one first

Sends every distinct request of bench/serve.py's mix (plus edge cases: no filter, deep and past-the-end
pages, codes, quad classes, PLOVER types, word searches with wildcards, unknown actors, series by week and
month) through the app in process (no sockets, answer cache off), once with the read index and once without,
and compares the answers byte for byte. DuckDB runs on one thread here: on several it may add a day's
clusters of a series in another order, and its own answers then differ in the last bits from run to run.
Prints the differences (there should be none) and the CPU milliseconds per request of each shape both ways.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve as bench  # noqa: E402  - bench/serve.py: the store and the request mix

EXTRA = [
    "/api/events?limit=100",
    "/api/events?limit=50&offset=999990",
    "/api/events?until=2024-02-01&limit=10",
    "/api/events?since=2025-12-20&limit=10&offset=5",
    "/api/events?code=19&limit=30",
    "/api/events?quad_class=2&source=USAGOV&limit=40",
    "/api/events?plover=plover&limit=5",
    "/api/events?root=4&target=COL",
    "/api/events?source=USAMIL&target=COLOPP&since=2024-06-01&until=2024-06-30&limit=1000",
    "/api/events?q=TALKS&source=VEN&offset=40",
    "/api/events?q=day%201_&limit=10",
    "/api/events?q=%25&limit=3",
    "/api/events?source=XXX",
    "/api/events?place=Bogota",
    "/api/dyads/USA/COL/series?freq=month",
    "/api/dyads/USA/COL/series?freq=week&since=2023-01-01&until=2024-02-10",
    "/api/dyads/BRA/RUS/series?freq=day&since=2025-12-01",
    "/api/dyads/USAGOV/COL/series?freq=week",
    "/api/dyads/XXX/COL/series",
]


def shape(url: str) -> str:
    params = dict(parse_qsl(urlsplit(url).query))
    if "/series" in url:
        return "series " + params.get("freq", "day")
    for name in ("q", "root", "offset", "since"):
        if name in params:
            return f"events {name}"
    return "events"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the generated store at this path")
    args = parser.parse_args()

    from volte.serve.app import create_app
    from volte.settings import ServeSettings, Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient
        from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if not path.exists():
            bench.build_store(path, events=args.events)
        urls = list(dict.fromkeys(url for _, url in bench.request_mix(2000))) + EXTRA
        settings = Settings(serve=ServeSettings(cache_mb=0))
        app = create_app(path, settings=settings, token="")
        cpu: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        differ = []
        with TestClient(app, base_url="http://127.0.0.1") as client:
            server = app.state.store
            built = server._index
            print(f"read index: {built.nbytes / 1e6:.0f} MB" if built else "read index: not built")
            for url in urls:
                answers = []
                for i, use in enumerate((False, True)):
                    server.use_index = use
                    with server.reading() as store:
                        store.con.execute("SET threads = 1")
                    began = time.process_time()
                    response = client.get(url)
                    cpu[shape(url)][i] += time.process_time() - began
                    answers.append((response.status_code, response.content))
                cpu[shape(url)][2] += 1
                if answers[0] != answers[1]:
                    differ.append(url)
        print(f"requests: {len(urls)}, answers that differ: {len(differ)}")
        for url in differ[:10]:
            print(f"  {url}")
        print(f"{'shape':<16} {'n':>4} {'store ms':>9} {'index ms':>9}")
        for name, (store_s, index_s, n) in sorted(cpu.items()):
            print(f"{name:<16} {n:>4.0f} {store_s / n * 1000:>9.1f} {index_s / n * 1000:>9.1f}")
        total = [sum(v[i] for v in cpu.values()) for i in range(2)]
        print(
            f"{'all':<16} {len(urls):>4} {total[0] / len(urls) * 1000:>9.1f} {total[1] / len(urls) * 1000:>9.1f}"
        )
        if differ:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
