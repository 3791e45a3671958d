"""`volte timex`: every time expression of the inputs with its TimeML value."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import typer

from volte.cli.app import EXIT_CODING, app, choices, edge, parse_cli_date, run_exit_code
from volte.cli.code_cmd import summarise_rejects
from volte.cli.render import FORMATS, check_format, write_records
from volte.errors import E_INGEST_BAD_RECORD
from volte.ingest.extract import parse_date
from volte.ingest.sources import JSONL_SUFFIXES, decode_json_line, expand_inputs, iter_file
from volte.records import Reject

TIMEX_FIELDS = ("doc_id", "start", "end", "text", "value")
TIMEX_TABLE = [
    ("doc_id", "doc_id", 28),
    ("start", "start", 7),
    ("end", "end", 7),
    ("text", "text", 36),
    ("value", "value", 12),
    ("precision", "precision", 9),
]

Document = tuple[str, str, date | None]  # (doc_id, text, published)


@app.command("timex", epilog=EXIT_CODING)
@edge
def timex_cli(
    inputs: list[str] = typer.Argument(
        ..., help="JSON Lines records {id, date, text} (or any input `volte code` reads)."
    ),
    fmt: str = typer.Option("jsonl", "--format", "-f", metavar=choices(*FORMATS), help="Output format: jsonl, csv, tsv or table."),
    date_: str | None = typer.Option(
        None, "--date", help="Publication date (YYYY-MM-DD) for records that carry none."
    ),
) -> None:
    """Print every time expression found, with its resolution against the publication date.

    JSON Lines output: one {"doc_id", "start", "end", "text", "value"} object per expression, offsets
    into the record's `text`, value as TimeML (2026-01-04, 2026-W01, 2026-01, 2026).
    """
    # lazy: the date resolver (yaml rules) costs 0.1 s at CLI start; other commands need not load it (measured)
    from volte.coding.dates import find_timexes

    check_format(fmt)
    published = parse_cli_date(date_)
    rejects: list[Reject] = []
    rows = []
    for item in iter_documents(inputs, published=published):
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        doc_id, text, doc_published = item
        for timex in find_timexes(text, published=doc_published):
            rows.append(
                {
                    "doc_id": doc_id,
                    "start": timex.start,
                    "end": timex.end,
                    "text": timex.text,
                    "value": timex.value,
                    "precision": timex.precision,
                }
            )
    if fmt == "jsonl":
        rows = [{key: row[key] for key in TIMEX_FIELDS} for row in rows]
    write_records(
        rows, fmt=fmt, out=sys.stdout, columns=[*TIMEX_FIELDS, "precision"], table_columns=TIMEX_TABLE
    )
    summarise_rejects(rejects)
    if rejects:
        raise typer.Exit(run_exit_code(rejects=len(rejects)))


def iter_documents(inputs: list[str], *, published: date | None) -> Iterator[Document | Reject]:
    """(doc_id, text, published) per document. JSON Lines records keep their `text` exactly as written so
    that offsets point into it; other inputs go through volte's ingest (offsets into the extracted text)."""
    for path in expand_inputs(inputs):
        if Path(path).suffix.lower() in JSONL_SUFFIXES:
            yield from _jsonl_documents(path, published=published)
            continue
        for item in iter_file(path, published=published):
            yield item if isinstance(item, Reject) else (item.id, item.text, item.published)


def _jsonl_documents(path: str, *, published: date | None) -> Iterator[Document | Reject]:
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                yield _record_document(raw, origin=f"{path}:{number}", published=published)


def _record_document(raw: bytes, *, origin: str, published: date | None) -> Document | Reject:
    def reject(code: str, reason: str) -> Reject:
        return Reject(doc_id=origin, stage="ingest", code=code, reason=reason, origin=origin)

    record = decode_json_line(raw, origin=origin)
    if isinstance(record, Reject):
        return record
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return reject(E_INGEST_BAD_RECORD, "expected a JSON object with a string 'text'")
    raw_id = record.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else origin
    return doc_id, record["text"], parse_date(record.get("date")) or published
