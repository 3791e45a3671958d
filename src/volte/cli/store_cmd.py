"""`volte ingest`, `events`, `export`, `dyad` and `shifts`: the event store from the command line."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

import typer

from volte.analyse.charts import plot_series
from volte.cli.app import (
    EXIT_CODING,
    EXIT_QUERY,
    LIVE_METAVARS,
    RULES_HELP,
    app,
    choices,
    echo,
    edge,
    parse_cli_date,
    rules_overrides,
    run_exit_code,
)
from volte.cli.code_cmd import report_skipped, summarise_rejects
from volte.cli.dating import DATE_HELP, FIX, OVERRIDE_HELP, EventDating, report_fill, resolve_date
from volte.cli.progress import Progress, input_bytes, read_weighed
from volte.cli.render import (
    check_format,
    check_output_path,
    open_output,
    render_table,
    write_parquet,
    write_records,
)
from volte.coding.cameo import code_table
from volte.coding.fingerprint import installed_model_label, rules_sha256
from volte.coding.user_rules import provenance_files
from volte.errors import E_CONFIG_BAD_OPTION, E_STORE_QUERY, ConfigError, StoreError
from volte.ingest.published import DateFill, fill_dates
from volte.ingest.sources import scan_inputs
from volte.registry import exporters
from volte.settings import load_settings
from volte.store.series import FREQS, SERIES_FIELDS

DB_HELP = "DuckDB store file (default: store.path setting, volte.duckdb)."
EVENTS_TABLE = [
    ("date", "date", 10),
    ("source", "source", 9),
    ("code", "code", 4),
    ("name", "event", 30),
    ("target", "target", 9),
    ("goldstein", "gold.", 5),
    ("cluster_id", "cluster", 16),
    ("sentence", "sentence", 80),
]
DYAD_TABLE = [
    ("period", "period", 10),
    ("clusters", "clusters", 8),
    ("sources", "sources", 7),
    ("goldstein_sum", "gold.sum", 9),
    ("goldstein_mean", "gold.mean", 9),
    ("q1", "q1", 3),
    ("q2", "q2", 3),
    ("q3", "q3", 3),
    ("q4", "q4", 3),
]
PANEL_TABLE = [("source", "source", 6), ("target", "target", 6), *DYAD_TABLE]
SHIFT_TABLE = [
    ("date", "date", 10),
    ("source", "source", 6),
    ("target", "target", 6),
    ("kind", "kind", 13),
    ("status", "status", 6),
    ("score", "score", 6),
    ("threshold", "thresh.", 7),
    ("before_text", "before", 38),
    ("after_text", "after", 38),
]


def _settings(rules: list[Path] | None = None) -> Any:
    return load_settings(overrides=rules_overrides(rules))


def _open(db: Path | None, *, read_only: bool) -> Any:
    # lazy: the store and volte.analyse.shifts are imported by the commands that use them, not at module
    # top: they bring numpy and duckdb. With them at top, `python -X importtime -c "import volte.cli"` showed
    # numpy 0.36 s and duckdb 0.38 s cumulative (2026-12-06, shared 2-core machine); lazy, neither loads.
    from volte.store.db import Store

    settings = _settings()
    return Store(db if db is not None else settings.store.path, read_only=read_only, settings=settings)


@app.command("ingest", epilog=EXIT_CODING)
@edge
def ingest_cli(
    inputs: list[str] | None = typer.Argument(
        None,
        help="Files, directories, globs, or - for stdin (.txt, .jsonl, .json, .html, RSS/Atom; stdin is read like a file of the same bytes, JSON Lines streamed line by line); hidden files are skipped; a file's id is its path under the directory given (docs/data-model.md).",
    ),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    date_: str | None = typer.Option(None, "--date", help=DATE_HELP),
    override_date: bool = typer.Option(False, "--override-date", help=OVERRIDE_HELP),
    batch_size: int = typer.Option(
        50, "--batch-size", min=1, help="Articles per transaction (progress survives a crash per batch)."
    ),
    server: str | None = typer.Option(
        None,
        "--server",
        metavar="URL",
        help="Send the articles to the `volte serve` running at URL (POST /api/articles with the token in "
        "VOLTE_TOKEN) instead of opening the store: the server codes and stores them (E130: unreachable; "
        "E131: token missing or refused).",
    ),
    rules: list[Path] | None = typer.Option(None, "--rules", metavar="DIR", help=RULES_HELP),
    recode_stale: bool = typer.Option(
        False,
        "--recode-stale",
        help="Also recode, from their stored text, the stored articles that another coder (an older volte, "
        "other rules or another spaCy model: another coder fingerprint) coded; inputs may then be left out.",
    ),
) -> None:
    """Code articles and store their events, clusters and rejects (idempotent: re-runs add nothing).

    An input that is a `volte batch` output directory is stored from its Parquet shards, without re-coding.
    Afterwards it says how many stored articles another coder made (`--recode-stale` recodes them)."""
    inputs = inputs or []
    if not inputs and not recode_stale:  # a usage error (exit 2), as when the argument was required
        raise typer.BadParameter(
            "name files, directories or globs to ingest (or - for stdin), or pass --recode-stale",
            param_hint="'INPUTS...'",
        )
    published = resolve_date(date_, override=override_date)
    if server is not None:
        if db is not None or rules or recode_stale:
            raise ConfigError(
                "--server with --db, --rules or --recode-stale: the server holds its store and codes with "
                "its own rules "
                "(start it with `volte serve --rules DIR`)",
                code=E_CONFIG_BAD_OPTION,
            )
        rejects = _send_to_server(inputs, server, published=published, override=override_date)
        if rejects:
            raise typer.Exit(run_exit_code(rejects=rejects))
        return
    # lazy: pyarrow, 0.16-0.2 s at CLI start (measured)
    from volte.scale.manifest import is_batch_output

    batches = [i for i in inputs if is_batch_output(i)]
    sources = [i for i in inputs if i not in batches]
    scan = scan_inputs(sources) if sources else None  # a missing path is a coded error before the model loads
    # model and dictionaries load before the store file is created
    coder = _coder(rules) if scan or recode_stale else None
    rejects = 0
    with _open(db, read_only=False) as store:
        for out_dir in batches:
            rejects += _store_batch_output(store, out_dir, batch_size=batch_size)
        if scan is not None:
            rejects += _store_articles(
                store, coder, scan, published=published, override=override_date, batch_size=batch_size
            )
        if recode_stale:
            rejects += _recode_stale(store, coder, batch_size=batch_size)
        stale = store.stale(_running_coder(coder, rules))
        stats = store.stats()
    echo(
        f"store now holds {stats['articles']} articles, {stats['events']} events in {stats['clusters']} clusters",
        err=True,
    )
    if stale.stale:
        rules_args = "".join(f" --rules {r}" for r in rules or [])  # the same rules make the same coder
        echo(stale.describe(fix=f"volte ingest --recode-stale{rules_args}"), err=True)
    if rejects:
        raise typer.Exit(run_exit_code(rejects=rejects))


def _running_coder(coder: Any, rules: list[Path] | None) -> Any:
    """The provenance this run's coder stores (without loading a model when none was loaded)."""
    # lazy: volte.nlp loads spaCy (0.4-0.5 s), volte.store duckdb (80 ms) at CLI start (measured)
    from volte.nlp.pipeline import model_version
    from volte.store.staleness import Coder

    settings = coder.settings if coder is not None else _settings(rules)
    model = model_version(coder.nlp) if coder is not None else installed_model_label()
    return Coder(dictionaries=rules_sha256(provenance_files(settings)), spacy_model=model or "")


def _recode_stale(store: Any, coder: Any, *, batch_size: int) -> int:
    """`volte ingest --recode-stale`: recode the stale stored articles from their stored text, in batches."""
    count, articles = store.stale_articles(_running_coder(coder, None), batch_size=batch_size)
    progress = Progress("recode", unit="docs", total=count)
    summary = _code_and_store(store, coder, articles, code=coder.code, progress=progress, batch_size=batch_size)
    return _report(summary, store.path, what="stale stored articles, recoded")


def _code_and_store(store: Any, coder: Any, items: Any, *, code: Any, progress: Progress, batch_size: int) -> Any:
    """Code and store articles with this coder's provenance, calibrate the dyads the write added, and close
    the progress line: the one write path of `volte ingest` for articles (files or stale stored ones)."""
    from volte.analyse import shifts as detection  # lazy: see _open

    # lazy: volte.nlp loads spaCy (0.4-0.5 s), volte.store duckdb (80 ms) at CLI start (measured)
    from volte.nlp.pipeline import model_version
    from volte.store.writer import rules_sha256

    summary = detection.ingest(
        store,
        items,
        code=code,
        coder_settings=coder.settings,
        batch_size=batch_size,
        spacy_model=model_version(coder.nlp),
        dictionaries=rules_sha256(provenance_files(coder.settings)),
        on_batch=_progress_callback(progress),
    )
    progress.close()
    return summary


def _coder(rules: list[Path] | None = None) -> Any:
    # lazy: spaCy costs 0.5-1.0 s at CLI start; only commands that code load it (measured)
    from volte.coding.coder import Coder

    return Coder(_settings(rules))


def _progress_callback(progress: Progress) -> Any:
    """After each stored batch: the run's documents, events and rejects so far (the store's summary)."""

    def on_batch(summary: Any) -> None:
        progress.counts(docs=summary.documents, events=summary.events, rejects=summary.rejects)

    return on_batch


def _store_articles(
    store: Any, coder: Any, scan: Any, *, published: date | None, override: bool, batch_size: int
) -> int:
    report_skipped(scan)
    progress = Progress("ingest", unit="docs", total_bytes=input_bytes(scan.files))
    fill, dating = DateFill(), EventDating()
    items = fill_dates(
        read_weighed(scan.files, progress, settings=store.settings),
        published=published,
        override=override,
        stored=store.published_of,
        counts=fill,
    )
    summary = _code_and_store(
        store, coder, progress.taken(items), code=dating.counted(coder.code), progress=progress, batch_size=batch_size
    )
    report_fill(fill)
    dating.warn(fill)
    return _report(summary, store.path, what="documents")


def _send_to_server(inputs: list[str], url: str, *, published: date | None, override: bool) -> int:
    """`volte ingest --server URL`: read the inputs here, let the server code and store them."""
    # lazy: httpx costs 70 ms at CLI start (measured)
    from volte.serve.client import send_articles

    scan = scan_inputs(inputs)
    report_skipped(scan)
    settings = _settings()
    progress = Progress(f"send to {url}", unit="docs", total_bytes=input_bytes(scan.files))
    fill = DateFill()
    items = fill_dates(
        read_weighed(scan.files, progress, settings=settings), published=published, override=override, counts=fill
    )
    try:
        summary = send_articles(
            items,
            url=url,
            token=os.environ.get("VOLTE_TOKEN", ""),
            on_item=lambda doc_id, events, rejected: progress.coded(doc_id, events=events, rejected=rejected),
        )
    finally:
        progress.close()
    report_fill(fill)
    summarise_rejects(summary.rejected)
    echo(
        f"sent {summary.documents} documents to {url}: {summary.accepted} accepted ({summary.added} new, "
        f"{summary.replaced} replaced, {summary.unchanged} unchanged, {summary.events} events), "
        f"{summary.rejects} rejected",
        err=True,
    )
    return summary.rejects


def _store_batch_output(store: Any, out_dir: str, *, batch_size: int) -> int:
    from volte.analyse import shifts as detection  # lazy: see _open

    # lazy: volte.scale.manifest loads pyarrow, 0.16-0.2 s at CLI start (measured)
    from volte.scale.manifest import iter_coded, parquet_parts, read_provenance

    progress = Progress(f"ingest {out_dir}", unit="docs")
    model = read_provenance(out_dir)["spacy_model"] or None
    parts = parquet_parts(out_dir)
    if parts is not None:  # loaded with SQL from the shard files, then the new dyads calibrated
        summary = detection.ingest_parquet(store, parts, spacy_model=model, on_batch=_progress_callback(progress))
    else:  # shards of an older volte: read back as coded articles
        summary = detection.ingest(
            store, iter_coded(out_dir), batch_size=batch_size, spacy_model=model, on_batch=_progress_callback(progress)
        )
    progress.close()
    return _report(summary, store.path, what=f"documents of the batch output {out_dir}")


def _report(summary: Any, path: Any, *, what: str) -> int:
    codes = ", ".join(f"{c}: {n}" for c, n in sorted(summary.reject_codes.items()))
    echo(
        f"ingested {summary.documents} {what} into {path}: {summary.added} new, {summary.replaced} replaced, "
        f"{summary.unchanged} unchanged, {summary.events} events, {summary.repeats} repeated, {summary.rejects} rejected"
        + (f" ({codes})" if summary.rejects else ""),
        err=True,
    )
    return int(summary.rejects)


@app.command("events", epilog=EXIT_QUERY)
@edge
def events_cli(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    source: str | None = typer.Option(
        None, "--source", help="Source actor: a country (COL) or a full code (COLGOV); matches by prefix."
    ),
    target: str | None = typer.Option(None, "--target", help="Target actor, like --source."),
    since: str | None = typer.Option(None, "--since", help="First event date (YYYY-MM-DD), inclusive."),
    until: str | None = typer.Option(None, "--until", help="Last event date (YYYY-MM-DD), inclusive."),
    root: str | None = typer.Option(
        None, "--root", help="CAMEO root code, 01-20 (e.g. 04 consult, 11 disapprove)."
    ),
    limit: int = typer.Option(100, "--limit", min=1, help="At most this many events (newest first)."),
    fmt: str = typer.Option(
        "table", "--format", "-f", metavar=choices("table", "jsonl", "csv"), help="table, jsonl or csv."
    ),
) -> None:
    """List stored events (JSONL: the event record contract plus cluster_id)."""
    check_format(fmt, ("table", "jsonl", "csv"))
    filters = {
        "source": source,
        "target": target,
        "since": parse_cli_date(since, option="--since"),
        "until": parse_cli_date(until, option="--until"),
        "root": root,
    }
    with _open(db, read_only=True) as store:
        rows, total = store.query_events(limit=limit, **filters)
    # lazy: duckdb and numpy, 0.17-0.22 s at CLI start (measured)
    from volte.store.reading import OUT_COLUMNS

    if fmt == "table":  # the event's name beside its code (the record formats keep the contract fields)
        names = code_table()
        rows = [{**r, "name": names[r["code"]].name if r["code"] in names else ""} for r in rows]
    write_records(rows, fmt=fmt, out=sys.stdout, columns=list(OUT_COLUMNS), table_columns=EVENTS_TABLE)
    if fmt == "table":
        echo(f"{len(rows)} of {total} matching events", err=True)


@app.command("export", epilog=EXIT_QUERY)
@edge
def export_cli(
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="File to write; its extension gives the format when --format is not given: .tsv gdelt, "
        ".jsonl/.json plover, .parquet, .csv.",
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar=choices("gdelt", "gdelt-mentions", "plover", "parquet", "csv"),  # LIVE_METAVARS: the registry's
        help="gdelt (GDELT 2.0 events, 61-column TSV), gdelt-mentions (GDELT 2.0 Mentions, 16-column TSV), "
        "plover (PLOVER JSON Lines), parquet or csv, or a format another package registers "
        "(docs/export.md, \"Adding a format\").",
    ),
    header: bool = typer.Option(
        False,
        "--header",
        help="Start the GDELT tables with a line of column names (GDELT's files have none).",
    ),
    since: str | None = typer.Option(None, "--since", help="First event date (YYYY-MM-DD), inclusive."),
    until: str | None = typer.Option(None, "--until", help="Last event date (YYYY-MM-DD), inclusive."),
    source: str | None = typer.Option(
        None, "--source", help="Source actor: a country (COL) or a full code (COLGOV); matches by prefix."
    ),
    target: str | None = typer.Option(None, "--target", help="Target actor, like --source."),
    root: str | None = typer.Option(
        None, "--root", help="CAMEO root code, 01-20 (e.g. 04 consult, 11 disapprove)."
    ),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export the store: GDELT 2.0 events or mentions, PLOVER JSON Lines, Parquet or CSV."""
    # lazy: duckdb and numpy, 0.24 s at CLI start (measured)
    from volte.store.exports import format_for, unit_of

    fmt = format_for(output, fmt)
    check_output_path(output)
    filters = {
        "since": parse_cli_date(since, option="--since"),
        "until": parse_cli_date(until, option="--until"),
        "source": source,
        "target": target,
        "root": root,
    }
    with _open(db, read_only=True) as store:
        count = store.export(fmt, output, header=header, **filters)
    echo(f"wrote {count} {unit_of(fmt)} to {output} ({fmt})", err=True)


def _export_formats() -> str:
    return choices(*exporters.names())


LIVE_METAVARS[("export", "fmt")] = _export_formats


DYAD_FORMATS = ("table", "jsonl", "csv", "parquet")
_DYAD_SUFFIXES = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl"}


@app.command("dyad", epilog=EXIT_QUERY)
@edge
def dyad_cli(
    source: str | None = typer.Argument(
        None, help="Source actor: a country (COL) or a country+role code (COLGOV); not with --all."
    ),
    target: str | None = typer.Argument(None, help="Target actor, like SOURCE."),
    all_dyads: bool = typer.Option(
        False,
        "--all",
        help="Every directed country dyad at once: a balanced country-by-country panel (source, target, period, ...).",
    ),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    freq: str = typer.Option(
        "day",
        "--freq",
        metavar=choices(*FREQS),
        help="Period: day, week (starting on Monday) or month (starting on the 1st).",
    ),
    since: str | None = typer.Option(
        None, "--since", help="First day (YYYY-MM-DD); the range is cut to the stored events."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Last day (YYYY-MM-DD); over store.max_points periods is E103 (exit 2)."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar=choices(*DYAD_FORMATS),
        help="Output format (default: from --output's extension, else table); parquet needs --output.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (.parquet, .csv, .jsonl) instead of stdout."
    ),
    plot: Path | None = typer.Option(None, "--plot", help="Also draw the series to this .png or .svg file."),
) -> None:
    """A directed dyad's series (--all: every dyad's, a panel): clusters, weighted Goldstein, quad classes.

    Source-weighted Goldstein sum and mean per period; `--all -o panel.parquet` writes the balanced
    country-by-country panel (docs/store.md)."""
    from volte.analyse import shifts as detection  # lazy: see _open
    check_format(freq, FREQS, option="--freq")
    fmt = _dyad_format(fmt, output)
    if output is not None:
        check_output_path(output)
    if all_dyads:
        if source or target or plot:
            raise ConfigError("--all: give no SOURCE TARGET and no --plot", code=E_CONFIG_BAD_OPTION)
        _dyad_panel(db, freq=freq, since=since, until=until, fmt=fmt, output=output)
        return
    if not source or not target:
        raise ConfigError("give SOURCE and TARGET (e.g. `volte dyad COL USA`), or --all", code=E_CONFIG_BAD_OPTION)
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise ConfigError(f"--plot {plot}: the file must end in .png or .svg", code=E_CONFIG_BAD_OPTION)
    if plot is not None:
        check_output_path(plot, option="--plot")
    start, end = parse_cli_date(since, option="--since"), parse_cli_date(until, option="--until")
    with _open(db, read_only=True) as store:
        rows = store.dyad_series(source, target, freq=freq, since=start, until=end)
        found = detection.shifts(store, source=source, target=target, since=start, until=end) if plot else []
        dating = store.dyad_dating(source, target) if not rows else None
    if dating is not None:
        echo(why_no_rows(source, target, dating, ranged=bool(since or until)), err=True)
    rows = [{"source": source.upper(), "target": target.upper(), **row} for row in rows]
    _write_series(rows, fmt=fmt, output=output)
    if plot is not None:
        plot_series(rows, plot, title=f"{source.upper()} -> {target.upper()} ({freq})", shifts=found)
        echo(f"chart written to {plot}", err=True)


def _dyad_format(fmt: str | None, output: Path | None) -> str:
    """--format, else the format --output's extension names, else table; parquet only into a file."""
    if fmt is None:
        fmt = _DYAD_SUFFIXES.get(output.suffix.lower(), "table") if output is not None else "table"
    check_format(fmt, DYAD_FORMATS)
    if fmt == "parquet" and output is None:
        raise ConfigError("--format parquet: give the file with -o PANEL.parquet", code=E_CONFIG_BAD_OPTION)
    return fmt


def _dyad_panel(
    db: Path | None, *, freq: str, since: str | None, until: str | None, fmt: str, output: Path | None
) -> None:
    start, end = parse_cli_date(since, option="--since"), parse_cli_date(until, option="--until")
    with _open(db, read_only=True) as store:
        rows = store.dyad_panel(freq=freq, since=start, until=end)
    _write_series(rows, fmt=fmt, output=output, table=PANEL_TABLE)
    dyads = len({(r["source"], r["target"]) for r in rows})
    echo(f"{len(rows)} rows: {dyads} directed dyads by {freq}" + (f", written to {output}" if output else ""), err=True)


def _write_series(
    rows: list[dict[str, Any]], *, fmt: str, output: Path | None, table: list[tuple[str, str, int]] = DYAD_TABLE
) -> None:
    columns = ["source", "target", *SERIES_FIELDS]
    if fmt == "parquet" and output is not None:
        write_parquet(rows, columns=columns, path=output)
        return
    with open_output(output) as out:
        write_records(rows, fmt=fmt, out=out, columns=columns, table_columns=table)


def why_no_rows(source: str, target: str, dating: dict[str, int], *, ranged: bool) -> str:
    """Why `volte dyad` has no rows: no events of the dyad, events without a day date, or the range."""
    dyad = f"{source.upper()} -> {target.upper()}"
    if not dating["events"]:
        return f"no rows: the store holds no events of {dyad} (actors match by prefix: try the country codes)"
    dated = dating["events"] - dating["no_day"]
    if not dated:
        undated = (
            f" ({dating['no_date']} with no date at all, from {dating['undated_articles']} articles without a publication date)"
            if dating["no_date"]
            else ""
        )

        return (
            f"no rows: the store holds {dating['events']} events of {dyad}, none with a day date{undated}; "
            f"series count day-dated events only: {FIX}, then ingest again"
        )
    extra = f" ({dating['no_day']} more have no day date)" if dating["no_day"] else ""
    if ranged:
        return f"no rows: none of the {dated} day-dated events of {dyad}{extra} is in the --since/--until range"
    return (
        f"no rows: none of the {dated} day-dated events of {dyad}{extra} is counted "
        "(hypothetical events and events without both actors' countries are not)"
    )


@app.command("shifts", epilog=EXIT_QUERY)
@edge
def shifts_cli(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    since: str | None = typer.Option(
        None, "--since", help="First turn date reported (YYYY-MM-DD); the range is cut to the stored events."
    ),
    until: str | None = typer.Option(
        None,
        "--until",
        help="Last turn date reported (YYYY-MM-DD); a scan over store.max_points days is E103.",
    ),
    window: str = typer.Option(
        "72h",
        "--window",
        help="After window, e.g. 72h or 3d (24h-336h): after windows of 1 day up to max(this, 7 days) are scored, the best kept (docs/reversals.md).",
    ),
    kind: str | None = typer.Option(
        None,
        "--kind",
        metavar=choices("thaw", "rupture", "narrated"),
        help="Only thaw or rupture (statistical and narrated), or narrated (turns told in one article).",
    ),
    source: str | None = typer.Option(None, "--source", help="Only this source country."),
    target: str | None = typer.Option(None, "--target", help="Only this target country."),
    fmt: str = typer.Option("table", "--format", "-f", metavar=choices("table", "jsonl"), help="table or jsonl."),
    near: bool = typer.Option(
        False,
        "--near",
        help="Also list the near misses: alarms that reached 0.8 x the threshold but not it (status near).",
    ),
    explain: tuple[str, str] | None = typer.Option(
        None,
        "--explain",
        metavar="SRC TGT",
        help="Explain the verdict on one directed country dyad (e.g. --explain COL USA): the best candidate, its score, the threshold and where it came from, the before/after windows, the days around it and why nothing fired.",
    ),
) -> None:
    """Detected diplomatic reversals (thaw: conflict to cooperation; rupture: the reverse) with evidence,
    and the turns single articles narrate (kind narrated, the article as evidence)."""
    from volte.analyse import shifts as detection  # lazy: see _open
    check_format(fmt, ("table", "jsonl"))
    if kind not in (None, "thaw", "rupture", "narrated"):
        raise StoreError(f"kind {kind!r}: choose thaw, rupture or narrated", code=E_STORE_QUERY)
    hours = parse_window(window)
    start, end = parse_cli_date(since, option="--since"), parse_cli_date(until, option="--until")
    with _open(db, read_only=True) as store:
        if explain is not None:
            found = [detection.explain_shifts(store, *explain, since=start, until=end, window_hours=hours).to_dict()]
        else:
            found = detection.shifts(
                store,
                since=start,
                until=end,
                kind=None if kind == "narrated" else kind,
                window_hours=hours,
                source=source,
                target=target,
                near=near,
            )
            found = with_narrated(
                store, found, kind=kind, since=since, until=until, source=source, target=target
            )
    if fmt == "jsonl":
        write_records(found, fmt="jsonl", out=sys.stdout)
        return
    if explain is not None:
        echo(render_explanation(found[0]).rstrip())
        return
    echo(render_table([shift_row(s) for s in found], SHIFT_TABLE).rstrip())
    for shift in found:
        missed = " (near miss)" if shift.get("status") == "near" else ""
        echo(
            f"\nnarrated {shift['turn']} {shift['source']}->{shift['target']} on {shift['date']} "
            f"(contrast {shift['contrast']}, told in {shift['article_id']}); evidence:"
            if shift["kind"] == "narrated"
            else f"\n{shift['kind']}{missed} {shift['source']}->{shift['target']} on {shift['date']} (score {shift['score']}, threshold {shift['threshold']}, id {shift['id']}); evidence:"
        )
        for ev in shift["evidence_events"]:
            echo(
                f"  {ev['date']} {ev['source']}->{ev['target']} {ev['code']} [{ev['doc_id']}] {' '.join(str(ev['sentence']).split())}"
            )


def with_narrated(
    store: Any, found: list[dict[str, Any]], *, kind: str | None, **filters: Any
) -> list[dict[str, Any]]:
    """The statistical shifts plus the narrated turns (kind ``narrated``; ``--kind thaw`` keeps narrated
    thaws too, ``--kind narrated`` only them), by date."""
    dates = {k: parse_cli_date(filters.pop(k), option=f"--{k}") for k in ("since", "until")}
    narrated = store.narrated_shifts(kind=kind if kind in ("thaw", "rupture") else None, **dates, **filters)
    rows = ([] if kind == "narrated" else found) + narrated
    return sorted(rows, key=lambda s: (str(s["date"]), s["kind"] == "narrated", s["source"], s["target"]))


def parse_window(text: str) -> float:
    """``72h``, ``3d`` or a bare number of hours."""
    value = text.strip().lower()
    unit = 24.0 if value.endswith("d") else 1.0
    number = value.rstrip("hd")
    try:
        hours = float(number) * unit
    except ValueError:
        raise ConfigError(
            f"--window {text!r}: expected hours or days such as 72h or 3d", code=E_CONFIG_BAD_OPTION
        ) from None
    if not 24 <= hours <= 336:
        raise ConfigError(f"--window {text!r}: choose between 24h and 336h", code=E_CONFIG_BAD_OPTION)
    return hours


def shift_row(shift: dict[str, Any]) -> dict[str, Any]:
    """A shift record with one-line before/after summaries for the table view."""

    def text(side: dict[str, Any]) -> str:
        mean = "-" if side["mean"] is None else f"{side['mean']:+.1f}"
        if "clusters" not in side:  # a narrated turn: events of one article
            return f"{side['start'][5:]}..{side['end'][5:]} {side['events']} ev, mean {mean}"
        return (
            f"{side['start'][5:]}..{side['end'][5:]} {side['clusters']} cl, mean {mean}, z {side['z']:+.1f}"
        )

    kind = f"narrated {shift['turn']}" if shift["kind"] == "narrated" else shift["kind"]
    return {**shift, "kind": kind, "before_text": text(shift["before"]), "after_text": text(shift["after"])}


EXPLAIN_DAYS = [
    ("day", "day", 10),
    ("clusters", "clusters", 8),
    ("conflict", "conflict", 8),
    ("coop", "coop", 4),
    ("thaw", "thaw", 7),
    ("rupture", "rupture", 7),
    ("thaw_ungated", "thaw*", 7),
    ("rupture_ungated", "rupture*", 8),
    ("mark", "", 20),
]
VERDICTS = {"fired": "FIRED", "near": "NEAR MISS", "below": "NOT FIRED", "no_data": "NO DATA"}


def render_explanation(x: dict[str, Any]) -> str:
    """The text of ``volte shifts --explain`` from an explanation record (Explanation.to_dict)."""
    thr, hist, cand = x["threshold"], x["history"], x.get("candidate")
    span = f"dated {x['since']} .. {x['until']}" if x.get("since") else "in the stored history"
    lines = [f"{x['source']} -> {x['target']}, turns {span}: {VERDICTS.get(x['verdict'], x['verdict'])}"]
    lines += [f"  - {reason}" for reason in x["reasons"]]
    lines.append("")
    calibrated = "-" if thr["calibrated"] is None else f"{thr['calibrated']:.3f}"
    lines.append(
        f"threshold {thr['value']:.3f} ({thr['origin']}): {thr['origin_text']} "
        f"(own {thr['own']:.3f}, shuffle estimate {calibrated}, {thr['days']} days calibrated)"
    )
    if hist.get("first"):
        lines.append(
            f"history: {hist['clusters']} clusters from {hist['first']} to {hist['last']} ({hist['days']} days); "
            f"{x['clusters']} in the range; volume term's rate {hist['rate']:.3f} clusters a day"
        )
    if cand:
        share = (
            f", {cand['score'] / thr['value']:.0%} of the threshold"
            if cand["score"] is not None and thr["value"]
            else ""
        )
        gated = "-" if cand["score"] is None else f"{cand['score']:.3f}"
        ungated = "-" if cand["ungated"] is None else f"{cand['ungated']:.3f}"
        lines.append("")
        lines.append(
            f"best candidate: {cand['kind']} scored on {cand['day']} with a {cand['after_days']}-day after window: "
            f"score {gated}{share} (without the CAMEO gate {ungated})"
        )
        for side in ("before", "after"):
            w = cand[side]
            mean = "-" if w["mean"] is None else f"{w['mean']:+.2f}"
            lines.append(
                f"  {side:<6} {w['start']} .. {w['end']}: {w['clusters']} cluster{'' if w['clusters'] == 1 else 's'} ({w['conflict']} conflict, "
                f"{w['coop']} cooperation), mean Goldstein {mean}, shrunk {w['shrunk']:+.2f}, z {w['z']:+.2f}"
            )
        lines.append(
            f"  baseline Goldstein mean {cand['baseline']['mean']:+.2f}, sd {cand['baseline']['sd']:.2f}"
        )
        tried = " | ".join(
            f"{t['after_days']}d {'gate' if t['score'] is None else format(t['score'], '.3f')}"
            for t in cand["trials"]
        )
        lines.append(f"  after windows tried ('gate': the CAMEO gate failed): {tried}")
    if x.get("days"):
        lines.append("")
        rows = []
        for d in x["days"]:
            marks = [
                m
                for m, on in (("ALARM", d["alarm"]), ("<- candidate", cand and d["day"] == cand["day"]))
                if on
            ]
            rows.append(
                {
                    **d,
                    **{k: _score(d[k]) for k in ("thaw", "rupture", "thaw_ungated", "rupture_ungated")},
                    "mark": " ".join(marks),
                }
            )
        lines.append(render_table(rows, EXPLAIN_DAYS).rstrip())
        lines.append(
            "(scores: the best after window ending that day; * without the CAMEO gate; - no cluster or no gate)"
        )
    for key, title in (("fired", "fired"), ("near", "near misses")):
        if x.get(key):
            lines.append("")
            lines.append(f"{title}:")
            lines += [
                f"  {s['id']}: {s['kind']} on {s['date']}, score {s['score']}, threshold {s['threshold']}"
                for s in x[key]
            ]
    return "\n".join(lines) + "\n"


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
