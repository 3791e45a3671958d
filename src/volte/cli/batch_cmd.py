"""`volte batch`: code a large corpus on Dask into Parquet shards, resumable after any crash."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from volte.cli.app import EXIT_CODING, app, echo, edge, parse_cli_date, run_exit_code
from volte.cli.progress import Progress
from volte.scale.shards import DEFAULT_SHARD_SIZE
from volte.settings import load_settings

if TYPE_CHECKING:
    from volte.scale.manifest import Manifest, ShardStats


@app.command("batch", epilog=EXIT_CODING)
@edge
def batch_cli(
    inputs: list[str] = typer.Argument(
        ...,
        help="Files, directories or globs (.jsonl, .txt, .html, RSS/Atom); large JSONL files are split by lines.",
    ),
    out: Path = typer.Option(
        ...,
        "--out",
        "-o",
        help="Output directory (created when missing; a file there is E104): Parquet per shard + manifest.json. Rerun the same command to resume.",
    ),
    workers: int = typer.Option(
        2, "--workers", "-w", help="Worker processes of the local Dask cluster (ignored with --scheduler)."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Address of a running Dask scheduler (tcp://HOST:PORT) instead of a local cluster.",
    ),
    shard_size: int = typer.Option(
        DEFAULT_SHARD_SIZE,
        "--shard-size",
        help="JSONL records (or files) per shard: the unit of work and of checkpoints.",
    ),
    date_: str | None = typer.Option(
        None, "--date", help="Publication date (YYYY-MM-DD) for inputs that carry none."
    ),
    progress: bool | None = typer.Option(
        None, "--progress/--no-progress", help="Live progress line on stderr (default: on a terminal only)."
    ),
) -> None:
    """Code a corpus on Dask (local cluster or --scheduler) into Parquet shards, with checkpoints."""
    # lazy: Dask and spaCy cost 0.7-2.6 s at CLI start (measured)
    from volte.scale.batch import run_batch

    published = parse_cli_date(date_)
    watcher = BatchProgress(enabled=progress)
    try:
        manifest = run_batch(
            inputs, out, workers=workers, scheduler=scheduler, shard_size=shard_size, settings=load_settings(),
            published=published, on_start=watcher.start, on_shard=watcher.shard,
        )  # fmt: skip
    finally:
        watcher.close()
    report_batch(manifest)
    code = run_exit_code(rejects=manifest.totals["rejects"], failed=len(manifest.failed))
    if code:
        raise typer.Exit(code)


class BatchProgress:
    """The live progress line of a batch: advanced as shards complete, redrawn every second in between
    (so rate, elapsed time and ETA stay live while long shards run), closed with the last shard."""

    def __init__(self, *, enabled: bool | None) -> None:
        self.enabled = enabled
        self.bar: Progress | None = None
        self.expected = self.seen = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def start(self, manifest: Manifest) -> None:
        pending = manifest.pending()
        self.expected = len(pending)
        self.bar = Progress(
            "batch", total=sum(s.estimated_docs for s in pending), unit="docs", enabled=self.enabled
        )
        if self.bar.enabled:
            self._ticker = threading.Thread(target=self._tick, name="volte-batch-progress", daemon=True)
            self._ticker.start()

    def shard(self, stats: ShardStats | None, manifest: Manifest) -> None:
        with self._lock:
            self.seen += 1
            if self.bar is not None and stats is not None:
                self.bar.advance(stats.input_docs, events=stats.events, rejects=stats.rejects)
        if self.seen >= self.expected:
            self.close()

    def _tick(self) -> None:
        while not self._stop.wait(1.0):
            with self._lock:
                if self.bar is not None and self.bar.done:  # before the first shard the rate is unknown
                    self.bar.advance(0)

    def close(self) -> None:
        """Stop the ticker and print the final line (once)."""
        self._stop.set()
        if self._ticker is not None and self._ticker is not threading.current_thread():
            self._ticker.join()
        with self._lock:
            if self.bar is not None:
                self.bar.close()
                self.bar = None


def report_batch(manifest: Manifest) -> None:
    """The end-of-run summary: what was done, the totals (which add up), rejects by code, failures."""
    totals = manifest.totals
    ran = len(manifest.done) - manifest.resumed
    if ran == 0 and manifest.complete:
        echo(f"nothing to do: all {len(manifest.shards)} shards in {manifest.out_dir} are already coded")
    else:
        echo(
            f"coded {ran} shards ({manifest.resumed} were already done) of {len(manifest.shards)} into {manifest.out_dir}"
        )
    echo(
        f"{totals['input_docs']:,} input documents = {totals['coded_docs']:,} coded + {totals['rejects']:,} rejected; "
        f"{totals['events']:,} events (manifest: {manifest.out_dir / 'manifest.json'})"
    )
    if totals["rejects_by_code"]:
        echo(
            "rejects by code: " + ", ".join(f"{code}: {n}" for code, n in totals["rejects_by_code"].items()),
            err=True,
        )
    for shard, error in manifest.failed.items():
        echo(f"shard {shard} failed: {error}", err=True)
    if manifest.failed:
        echo(
            f"{len(manifest.failed)} shards failed; rerun the same command to code them (done shards are kept)",
            err=True,
        )
