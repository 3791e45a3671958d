"""`volte batch`: code a large corpus on Dask into Parquet shards, resumable after any crash."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from volte.cli.app import app, echo, edge
from volte.cli.code_cmd import parse_cli_date
from volte.cli.progress import Progress
from volte.scale.shards import DEFAULT_SHARD_SIZE

if TYPE_CHECKING:
    from volte.scale.manifest import Manifest, ShardStats


@app.command("batch")
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
        help="Output directory: Parquet per shard + manifest.json. Rerun the same command to resume.",
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
    from volte.scale.batch import run_batch
    from volte.settings import load_settings

    published = parse_cli_date(date_)
    settings = load_settings()
    bar: Progress | None = None

    def on_start(manifest: Manifest) -> None:
        nonlocal bar
        remaining = sum(shard.estimated_docs for shard in manifest.pending())
        bar = Progress("batch", total=remaining, unit="docs", enabled=progress)

    def on_shard(stats: ShardStats | None, manifest: Manifest) -> None:
        if bar is not None and stats is not None:
            bar.advance(stats.input_docs, events=stats.events, rejects=stats.rejects)

    manifest = run_batch(
        inputs, out, workers=workers, scheduler=scheduler, shard_size=shard_size, settings=settings,
        published=published, on_start=on_start, on_shard=on_shard,
    )  # fmt: skip
    if bar is not None:
        bar.close()
    report_batch(manifest)
    if manifest.failed or manifest.totals["rejects"]:
        raise typer.Exit(1)


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
