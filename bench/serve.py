"""HTTP API under load: a generated 1-million-event store, a live `volte serve`, a bounded local client.

    .venv/bin/python bench/serve.py                      # 1,000,000 events, 2,000 requests, 20 at a time
    .venv/bin/python bench/serve.py --events 200000 --requests 500
    .venv/bin/python bench/serve.py --client raw         # only the light load generator

Builds the store directly in DuckDB (schema from volte's migrations, rows generated with SQL), starts
`volte serve` on a free 127.0.0.1 port (read-only), sends a mix of /api/events and
/api/dyads/{s}/{t}/series requests (at most --concurrency in flight, loopback only), and prints the error
count, requests/s, p50/p95/p99 latency per endpoint, the server's peak memory (VmHWM of its processes) and
its CPU time per request, and the client's. Two load generators run in turn, each against a fresh server:
httpx.AsyncClient, which spends about as much CPU per request as the server on the same cores, and a light
one on asyncio streams (``--client raw``: keep-alive HTTP/1.1 connections, as wrk or hey). For scale, it also times the same requests in
process (no sockets, no answer cache), one at a time, and prints the HTTP p50 as a ratio of that.
About 30% of the 2,000 requests are distinct; the server answers repeats from its cache (docs/api.md).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import httpx

COUNTRIES = [
    "USA",
    "COL",
    "VEN",
    "MEX",
    "BRA",
    "CHN",
    "RUS",
    "UKR",
    "IND",
    "PAK",
    "ISR",
    "IRN",
    "TUR",
    "FRA",
    "DEU",
    "GBR",
    "JPN",
    "KOR",
    "PRK",
    "SAU",
    "EGY",
    "NGA",
    "ZAF",
    "ETH",
    "KEN",
    "ARG",
    "CHL",
    "PER",
    "ECU",
    "CUB",
]
ROLES = ["", "GOV", "MIL", "GOV", "OPP", "BUS"]
# (code, root, quad class, Goldstein): a spread over the four quad classes.
CODES = [
    ("010", "01", 1, 0.0),
    ("036", "03", 1, 4.0),
    ("040", "04", 1, 1.0),
    ("042", "04", 1, 1.9),
    ("057", "05", 1, 8.0),
    ("061", "06", 2, 6.4),
    ("071", "07", 2, 7.4),
    ("111", "11", 3, -2.0),
    ("112", "11", 3, -2.0),
    ("130", "13", 3, -4.4),
    ("163", "16", 3, -8.0),
    ("172", "17", 4, -5.0),
    ("190", "19", 4, -10.0),
    ("193", "19", 4, -10.0),
]
START = date(2024, 1, 1)
DAYS = 730


def build_store(path: Path, *, events: int) -> float:
    """Create the schema through volte's Store, then generate rows with SQL; returns seconds taken."""
    from volte.store import queries
    from volte.store.db import Store

    began = time.perf_counter()
    with Store(path):
        pass  # runs the migrations
    con = duckdb.connect(str(path))
    con.execute("SET enable_progress_bar = false")
    con.execute(
        "CREATE TEMP TABLE countries AS SELECT unnest(?) AS c, generate_subscripts(?, 1) - 1 AS i",
        [COUNTRIES, COUNTRIES],
    )
    con.execute(
        "CREATE TEMP TABLE roles AS SELECT unnest(?) AS r, generate_subscripts(?, 1) - 1 AS i", [ROLES, ROLES]
    )
    con.execute(
        "CREATE TEMP TABLE codes (i INTEGER, code VARCHAR, root VARCHAR, quad TINYINT, goldstein DOUBLE)"
    )
    con.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?)", [(i, *c) for i, c in enumerate(CODES)])
    con.execute(GENERATE_EVENTS, [len(COUNTRIES), len(ROLES), len(CODES), DAYS, START, events])
    con.execute(GENERATE_CLUSTERS)
    # The store's own daily-sums query over every pair, so the bench follows schema changes.
    con.execute(
        "CREATE TEMP TABLE _pairs AS SELECT DISTINCT source_country, target_country, NULL::DATE AS since FROM clusters"
    )
    con.execute(f"INSERT INTO dyad_days BY NAME {queries.DYAD_DAYS_FROM_CLUSTERS}")
    con.execute(GENERATE_ARTICLES)
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - began


# Skewed actor choice (a few busy dyads, a long tail) by squaring a uniform draw.
GENERATE_EVENTS = """
INSERT INTO events BY NAME
WITH params AS (SELECT ?::INTEGER AS nc, ?::INTEGER AS nr, ?::INTEGER AS nk, ?::INTEGER AS nd, ?::DATE AS d0),
draws AS (
  SELECT i AS n, floor(pow(random(), 2) * nc)::INTEGER AS s, floor(pow(random(), 2) * nc)::INTEGER AS t,
         floor(random() * nr)::INTEGER AS sr, floor(random() * nr)::INTEGER AS tr, floor(random() * nk)::INTEGER AS k,
         floor(random() * nd)::INTEGER AS day, d0
  FROM range(?) r(i), params
)
SELECT printf('ev%010d', n) AS event_id, printf('doc%08d', n // 4) AS doc_id, (n % 4)::INTEGER AS sentence_index,
       'Officials of ' || sc.c || ' said on day ' || day || ' that they ' || k.code || ' with ' || tc.c || ' after talks.' AS sentence,
       0 AS sentence_start, 60 AS sentence_end, d0 + day AS date, 'day' AS date_precision, d0 + day AS published,
       sc.c || sro.r AS source, sc.c AS source_name, tc.c || tro.r AS target, tc.c AS target_name,
       k.code, k.root, k.quad AS quad_class, k.goldstein, 'PLOVER' AS plover, 'said' AS trigger, 'bench.' || k.code AS pattern,
       'asserted' AS factuality, NULL AS attributed_to, 'news' AS kind, 'bench' AS coder_version,
       -1 AS trigger_start, -1 AS trigger_end, -1 AS source_start, -1 AS source_end, -1 AS target_start, -1 AS target_end,
       printf('cl%010d', n) AS cluster_id, 'host' || (n % 50) || '.example' AS publisher, 'bench' AS volte_version, NULL AS spacy_model
FROM draws
JOIN countries sc ON sc.i = draws.s JOIN countries tc ON tc.i = (CASE WHEN draws.t = draws.s THEN (draws.t + 1) % 30 ELSE draws.t END)
JOIN roles sro ON sro.i = draws.sr JOIN roles tro ON tro.i = draws.tr JOIN codes k ON k.i = draws.k
"""

GENERATE_CLUSTERS = """
INSERT INTO clusters BY NAME
SELECT cluster_id, left(source, 6) AS source_key, left(target, 6) AS target_key, left(source, 3) AS source_country,
       left(target, 3) AS target_country, root, code, date, date AS last_date, goldstein, quad_class,
       1 AS num_mentions, 1 AS num_sources, 1 AS num_articles, 1.0 AS weight
FROM events
"""

GENERATE_ARTICLES = """
INSERT INTO articles BY NAME
SELECT doc_id AS id, 'https://' || any_value(publisher) || '/' || doc_id AS url, any_value(publisher) AS host,
       'Bench article ' || doc_id AS title, min(published) AS published, 'news' AS kind, 'en' AS lang, 'bench' AS origin,
       string_agg(sentence, ' ') AS text, md5(doc_id) AS content_hash, count(*)::INTEGER AS num_events,
       now()::TIMESTAMP AS ingested_at, 'bench' AS volte_version, 'bench' AS coder_version, NULL AS spacy_model
FROM events GROUP BY doc_id
"""


def request_mix(n: int, *, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, path) pairs: half event queries of several shapes, half dyad series."""
    rng = random.Random(seed)
    busy = COUNTRIES[:8]
    out = []
    for i in range(n):
        s, t = rng.sample(busy, 2)
        year = rng.choice([2024, 2025])
        if i % 2 == 0:
            shape = rng.choice(
                [
                    f"source={s}&target={t}&limit=100",
                    f"source={s}&since={year}-03-01&until={year}-03-31&limit=100",
                    f"source={s}GOV&target={t}&root=19&limit=50",
                    f"target={t}&limit=100&offset={rng.randrange(0, 5000)}",
                    f"source={s}&target={t}&q=talks&limit=20",
                ]
            )
            out.append(("events", f"/api/events?{shape}"))
        else:
            freq = rng.choice(["day", "week"])
            out.append(
                ("series", f"/api/dyads/{s}/{t}/series?freq={freq}&since={year}-01-01&until={year}-12-31")
            )
    return out


async def fire(
    base: str, mix: list[tuple[str, str]], *, concurrency: int
) -> tuple[dict[str, list[float]], list[str], float]:
    latencies: dict[str, list[float]] = {"events": [], "series": []}
    errors: list[str] = []
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60, trust_env=False) as client:

        async def one(kind: str, path: str) -> None:
            async with gate:
                began = time.perf_counter()
                try:
                    response = await client.get(path)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path}: {response.text[:120]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {path}")
                latencies[kind].append(time.perf_counter() - began)

        began = time.perf_counter()
        await asyncio.gather(*(one(kind, path) for kind, path in mix))
    return latencies, errors, time.perf_counter() - began


def direct_latencies(path: Path, mix: list[tuple[str, str]], *, sample: int = 200) -> dict[str, list[float]]:
    """The same requests in process (ASGI test client, no sockets), one at a time: the floor HTTP adds to.
    Each is computed (the answer cache is off), so this is the cost of a request the server has not seen."""
    from volte.serve.app import create_app
    from volte.settings import ServeSettings, Settings

    settings = Settings(serve=ServeSettings(cache_mb=0)) if "cache_mb" in ServeSettings.model_fields else None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette 1.x suggests httpx2 for its TestClient
        from fastapi.testclient import TestClient

    out: dict[str, list[float]] = {"events": [], "series": []}
    # the app answers only the Host names it serves (TestClient's default, testserver, is 400 E600)
    with TestClient(create_app(path, settings=settings, token=""), base_url="http://127.0.0.1") as client:
        for kind, url in mix[:sample]:
            began = time.perf_counter()
            response = client.get(url)
            out[kind].append(time.perf_counter() - began)
            if response.status_code != 200:
                raise SystemExit(f"in process: {response.status_code} {url}: {response.text[:200]}")
    return out


def pct(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000
        if len(values) > 1
        else values[0] * 1000
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(path: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "VOLTE_TOKEN"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "volte", "serve", "--db", str(path), "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if (
                httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2, trust_env=False).status_code
                == 200
            ):
                return proc
        except httpx.TransportError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("volte serve did not start within 60 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and its children (uvicorn workers) so far."""
    import psutil

    proc = psutil.Process(pid)
    total = 0.0
    for each in [proc, *proc.children(recursive=True)]:
        try:
            times = each.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def peak_rss_mb(pid: int) -> float:
    """Peak resident memory (VmHWM, MB) of a process and its children (uvicorn workers), summed."""
    import psutil

    total = 0.0
    proc = psutil.Process(pid)
    for each in [proc, *proc.children(recursive=True)]:
        try:
            status = Path(f"/proc/{each.pid}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        total += int(found.group(1)) / 1024 if found else 0.0
    return total


async def fire_raw(
    base: str, mix: list[tuple[str, str]], *, concurrency: int
) -> tuple[dict[str, list[float]], list[str], float]:
    """As :func:`fire`, with a load generator that costs the shared cores little: ``concurrency`` keep-alive
    HTTP/1.1 connections on asyncio streams, each sending its next GET when the last answer is read in full
    (Content-Length), as wrk or hey do. httpx spends about as much CPU per request as the server does, on
    the same two cores; this client a tenth of that."""
    host, port = base.removeprefix("http://").split(":")
    latencies: dict[str, list[float]] = {"events": [], "series": []}
    errors: list[str] = []
    todo = iter(mix)

    async def client() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            for kind, path in todo:
                began = time.perf_counter()
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                body = await reader.readexactly(int(length.group(1))) if length else b""
                if status != 200:
                    errors.append(f"{status} {path}: {body[:120].decode(errors='replace')}")
                latencies[kind].append(time.perf_counter() - began)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(f"{type(exc).__name__} after {sum(map(len, latencies.values()))} answers")
        finally:
            writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - began


CLIENTS = {"httpx": fire, "raw": fire_raw}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the generated store at this path")
    parser.add_argument(
        "--client",
        choices=[*CLIENTS, "both"],
        default="both",
        help="load generator: httpx.AsyncClient, raw asyncio streams, or both in turn (a fresh server each)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if not path.exists():
            took = build_store(path, events=args.events)
            print(
                f"store: {args.events:,} events generated in {took:.1f} s ({path.stat().st_size / 1e6:.0f} MB)"
            )
        mix = request_mix(args.requests)
        direct = direct_latencies(path, mix)
        for name in CLIENTS if args.client == "both" else [args.client]:
            print(f"\n-- client: {name}")
            run_once(path, mix, direct, client=CLIENTS[name], args=args)


def run_once(path: Path, mix: list[tuple[str, str]], direct: dict[str, list[float]], *, client: Any, args: Any) -> None:
    """One load run against a fresh `volte serve` (its caches empty), with its report."""
    port = free_port()
    server = start_server(path, port)
    try:
        cpu_before, client_before = cpu_seconds(server.pid), time.process_time()
        latencies, errors, wall = asyncio.run(client(f"http://127.0.0.1:{port}", mix, concurrency=args.concurrency))
        cpu, client_cpu = cpu_seconds(server.pid) - cpu_before, time.process_time() - client_before
        peak = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(
        latencies,
        errors,
        wall,
        direct,
        requests=args.requests,
        concurrency=args.concurrency,
        distinct=len(set(mix)),
    )
    print(f"server peak memory (VmHWM): {peak:.0f} MB")
    # CPU time does not grow with the machine's load the way latency does (other processes share the cores)
    print(f"server CPU: {cpu * 1000 / args.requests:.1f} ms per request (user+system); load average {os.getloadavg()[0]:.1f}")
    # the client shares the two cores: what it spends is not the server's, but the server waits for it
    print(
        f"client CPU: {client_cpu * 1000 / args.requests:.1f} ms per request; server + client "
        f"{(cpu + client_cpu) / wall:.2f} cores busy of {os.cpu_count()}"
    )


def report(
    latencies: dict[str, list[float]],
    errors: list[str],
    wall: float,
    direct: dict[str, list[float]],
    *,
    requests: int,
    concurrency: int,
    distinct: int,
) -> None:
    print(f"requests: {requests:,}, {concurrency} concurrent, {wall:.1f} s wall, {requests / wall:.0f} req/s")
    print(f"distinct requests: {distinct:,} (the rest repeat one of them)")
    print(f"errors: {len(errors)}")
    for line in errors[:5]:
        print(f"  {line}")
    print(
        f"{'endpoint':<8} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'in-process p50 ms':>18} {'p50 ratio':>9}"
    )
    for kind in ("events", "series"):
        values, floor = latencies[kind], direct[kind]
        if not values:
            continue
        ratio = pct(values, 50) / pct(floor, 50) if floor else float("nan")
        print(
            f"{kind:<8} {len(values):>5} {pct(values, 50):>8.1f} {pct(values, 95):>8.1f} {pct(values, 99):>8.1f} {pct(floor, 50):>18.1f} {ratio:>9.1f}"
        )
    every = latencies["events"] + latencies["series"]
    print(f"{'all':<8} {len(every):>5} {pct(every, 50):>8.1f} {pct(every, 95):>8.1f} {pct(every, 99):>8.1f}")
    floor = direct["events"] + direct["series"]
    sequential = len(floor) / sum(floor)
    print(
        f"throughput: {requests / wall:.0f} req/s over HTTP ({concurrency} concurrent) vs {sequential:.0f} req/s in process one at a time"
        f" (ratio {requests / wall / sequential:.2f}; {os.cpu_count()} CPU cores)"
    )


if __name__ == "__main__":
    main()
