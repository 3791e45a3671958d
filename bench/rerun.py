"""Time of a `volte ingest` rerun on articles already stored (volte issue 16, item 14).

    .venv/bin/python bench/rerun.py                               # 200 articles, all stored
    .venv/bin/python bench/rerun.py --articles 1000 --stored 400   # a rerun after a crash at 400 of 1,000

Takes the first N records of the shared corpus (../shared/corpus/news_like_4500.jsonl, read here, never
copied into the repository), ingests the first ``--stored`` of them (the run that crashed), then times a
rerun of the `volte ingest` command on all N, as whole processes (model loading included, as a user
waits for it). Prints both times and the rerun's summary line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("VOLTE_SHARED", ROOT.parent / "shared")) / "corpus" / "news_like_4500.jsonl"


def write_records(source: Path, path: Path, count: int) -> None:
    with source.open(encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        for _, line in zip(range(count), fh, strict=False):
            record = json.loads(line)
            day = record.get("date") or "2026-01-07"
            out.write(json.dumps({"id": record["id"], "date": day, "text": record["text"]}) + "\n")


def ingest(path: Path, db: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "volte", "ingest", str(path), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    summary = next((line for line in done.stderr.splitlines() if line.startswith("ingested")), done.stderr)
    return seconds, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--stored", type=int, default=None, help="stored before the rerun (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    stored = args.articles if args.stored is None else args.stored
    with tempfile.TemporaryDirectory(prefix="volte-rerun-") as tmp:
        first, every, db = Path(tmp) / "first.jsonl", Path(tmp) / "all.jsonl", Path(tmp) / "s.duckdb"
        write_records(args.corpus, first, stored)
        write_records(args.corpus, every, args.articles)
        seconds, summary = ingest(first, db)
        print(f"first run ({stored} articles): {seconds:.1f} s: {summary}")
        seconds, summary = ingest(every, db)
        print(f"rerun ({args.articles} articles, {stored} stored): {seconds:.1f} s: {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
