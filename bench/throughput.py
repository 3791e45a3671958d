"""Coding throughput, measured against bare spaCy ``nlp.pipe`` on the same texts in the same run.

Part A (issue 2): code N articles of ../shared/corpus/news_like_4500.jsonl in this process; print
articles/s and sentences/s for the bare pipeline (volte's ``build_nlp()``) and for the full coder, and
the ratio (goal: coding adds under 15% to parse time).

Part B (issue 7): the same M articles coded by one process, then by ``volte batch`` on a Dask
LocalCluster with 1 and with 2 worker processes (model loaded before the clock starts); prints
articles/s, sentences/s, the ratio to bare ``nlp.pipe``, the 2-vs-1 worker speed-up, and peak RSS and
CPU use per worker (goals: < 1 GB per worker; 2 workers >= 1.7x one worker when 2 cores are free).

    .venv/bin/python bench/throughput.py [--n 500] [--dask-n 1000] [--skip-dask] [--shard-size 50]

Figures are ratios measured in one run on whatever machine runs it; the load average is printed so a
busy machine can be recognised. Nothing is timed in the test suite.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VOLTE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news_like_4500.jsonl"
MB = 1024 * 1024


def load_articles(path: Path, n: int) -> list[Any]:
    from volte.ingest.sources import read_jsonl_range
    from volte.records import Article

    return [item for item in read_jsonl_range(str(path), 0, n) if isinstance(item, Article)]


def time_pipe(nlp: Any, texts: list[str], *, batch_size: int) -> tuple[float, float, int]:
    """Wall and CPU seconds of bare nlp.pipe over the texts, and the number of sentences it found."""
    wall, cpu = time.perf_counter(), time.process_time()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - wall, time.process_time() - cpu, sentences


def time_coder(coder: Any, items: Any) -> tuple[float, float, int]:
    """Wall and CPU seconds of coding the items (articles, or a lazy ingest iterator), and the events."""
    wall, cpu = time.perf_counter(), time.process_time()
    events = sum(len(coded.events) for coded in coder.code(items))
    return time.perf_counter() - wall, time.process_time() - cpu, events


def rate_line(
    label: str,
    wall: float,
    cpu: float,
    articles: int,
    sentences: int,
    *,
    base: float | None = None,
    extra: str = "",
) -> str:
    """One result line; ``base`` is the bare nlp.pipe CPU time the ratio is taken against."""
    ratio = f"  x{cpu / base:.2f} of bare nlp.pipe CPU time" if base else ""
    return (
        f"  {label:<28} {wall:7.2f} s wall {cpu:7.2f} s CPU  {articles / wall:6.1f} articles/s  "
        f"{sentences / wall:7.1f} sentences/s  ({articles / cpu:.1f} articles per CPU-second){ratio}{extra}"
    )


def part_a(n: int) -> None:
    from volte.coding.coder import Coder
    from volte.nlp.pipeline import build_nlp
    from volte.settings import Settings

    settings = Settings()
    articles = load_articles(CORPUS, n)
    texts = [a.text for a in articles]
    nlp = build_nlp(settings.nlp.model)
    coder = Coder(settings, nlp=nlp)
    time_pipe(nlp, texts[:20], batch_size=settings.nlp.batch_size)  # warm-up: caches, first batches
    time_coder(coder, articles[:20])
    pipe_wall, pipe_cpu, sentences = time_pipe(nlp, texts, batch_size=settings.nlp.batch_size)
    code_wall, code_cpu, events = time_coder(coder, articles)
    words = sum(len(t.split()) for t in texts)
    print(f"A. single process, {len(articles)} articles ({words:,} words, {sentences:,} sentences); {load()}")
    print(rate_line("bare nlp.pipe", pipe_wall, pipe_cpu, len(articles), sentences))
    print(
        rate_line(
            "volte coder (parse + code)",
            code_wall,
            code_cpu,
            len(articles),
            sentences,
            base=pipe_cpu,
            extra=f"  {events} events",
        )
    )
    print(
        f"  coding adds {100 * (code_cpu / pipe_cpu - 1):.1f}% to parse time in CPU seconds "
        f"({100 * (code_wall / pipe_wall - 1):.1f}% in wall time, unreliable when the load exceeds the cores); goal: under 15%"
    )


def load() -> str:
    return f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"


def part_b(n: int, *, shard_size: int) -> None:
    from volte.coding.coder import Coder
    from volte.ingest.sources import iter_articles
    from volte.nlp.pipeline import build_nlp
    from volte.settings import Settings

    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="volte-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with open(CORPUS, encoding="utf-8") as src, open(sample, "w", encoding="utf-8") as dst:
            for _, line in zip(range(n), src, strict=False):
                dst.write(line)
        texts = [a.text for a in load_articles(sample, n)]
        nlp = build_nlp(settings.nlp.model)
        time_pipe(nlp, texts[:20], batch_size=settings.nlp.batch_size)
        pipe_wall, pipe_cpu, sentences = time_pipe(nlp, texts, batch_size=settings.nlp.batch_size)
        one_wall, one_cpu, _ = time_coder(
            Coder(settings, nlp=nlp), iter_articles([sample], settings=settings)
        )
        print(f"B. {len(texts)} articles, {sentences:,} sentences; {load()}")
        print(rate_line("bare nlp.pipe", pipe_wall, pipe_cpu, len(texts), sentences))
        memory = f"  peak RSS {peak_rss_self() / MB:.0f} MB (this process, part A included)"
        print(
            rate_line(
                "one process (ingest + code)",
                one_wall,
                one_cpu,
                len(texts),
                sentences,
                base=pipe_cpu,
                extra=memory,
            )
        )
        walls = {}
        for workers in (1, 2):
            wall, cpu, memory = time_dask(
                sample, Path(tmp) / f"out{workers}", workers=workers, shard_size=shard_size, settings=settings
            )
            walls[workers] = wall
            label = f"volte batch, {workers} worker{'s' if workers > 1 else ''}"
            print(rate_line(label, wall, cpu, len(texts), sentences, base=pipe_cpu, extra=f"  {memory}"))
        print(
            f"  2 workers / 1 worker (wall): x{walls[1] / walls[2]:.2f}; goal >= 1.7 when 2 cores are free; {load()} now"
        )


def time_dask(
    sample: Path, out: Path, *, workers: int, shard_size: int, settings: Any
) -> tuple[float, float, str]:
    """Wall time of run_batch on a warm LocalCluster (model loaded), the workers' CPU seconds, and their
    peak RSS and CPU use (CPU busy below 100% per worker = the cores were not free)."""
    from distributed import Client, LocalCluster

    from volte.scale.batch import prepare_workers, run_batch

    options = {"threads_per_worker": 1, "processes": True, "dashboard_address": ":0"}
    with LocalCluster(n_workers=workers, **options) as cluster, Client(cluster) as client:
        prepare_workers(client, settings)  # loads the Coder on every worker before the clock starts
        cpu_before = client.run(cpu_seconds)
        started = time.perf_counter()
        manifest = run_batch(
            [sample], out, scheduler=cluster.scheduler_address, shard_size=shard_size, settings=settings
        )
        wall = time.perf_counter() - started
        cpu_after = client.run(cpu_seconds)
        peaks = client.run(peak_rss_self)
    if not manifest.complete:
        raise SystemExit(f"batch run incomplete: {manifest.failed}")
    used = {w: cpu_after[w] - cpu_before[w] for w in cpu_after}
    busy = ", ".join(f"{100 * used[w] / wall:.0f}%" for w in sorted(used))
    memory = ", ".join(f"{peaks[w] / MB:.0f}" for w in sorted(peaks))
    return wall, sum(used.values()), f"peak RSS per worker {memory} MB; CPU busy per worker {busy}"


def peak_rss_self() -> int:
    """Peak resident memory of the calling process, in bytes: VmHWM on Linux (ru_maxrss is inherited
    across fork + exec, so a spawned worker would report its parent's size), else ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=int, default=500, help="articles for part A (single process vs bare nlp.pipe)"
    )
    parser.add_argument(
        "--dask-n", type=int, default=1000, help="articles for part B (one process vs Dask 1 and 2 workers)"
    )
    parser.add_argument("--shard-size", type=int, default=50, help="articles per shard in part B")
    parser.add_argument("--skip-dask", action="store_true", help="run part A only")
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(
            f"skipped: {CORPUS} is not present (it lives in ../shared beside the checkout; set VOLTE_SHARED)"
        )
        return 0
    part_a(args.n)
    if not args.skip_dask:
        part_b(args.dask_n, shard_size=args.shard_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
