"""Writing record lists as JSON Lines, CSV, TSV or a readable fixed-width table."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from volte.errors import E_CONFIG_BAD_OPTION, ConfigError

FORMATS = ("jsonl", "csv", "tsv", "table")


def check_format(fmt: str, allowed: Sequence[str] = FORMATS) -> str:
    if fmt not in allowed:
        raise ConfigError(f"--format {fmt!r}: choose one of {', '.join(allowed)}", code=E_CONFIG_BAD_OPTION)
    return fmt


def write_records(
    rows: Iterable[Mapping[str, Any]],
    *,
    fmt: str,
    out: TextIO,
    columns: Sequence[str] | None = None,
    table_columns: Sequence[tuple[str, str, int]] | None = None,
) -> int:
    """Write rows; returns how many were written. ``table_columns`` = (key, header, max width)."""
    rows = list(rows)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(dict(row), ensure_ascii=False, default=str) + "\n")
    elif fmt in ("csv", "tsv"):
        names = list(columns or (rows[0].keys() if rows else []))
        writer = csv.DictWriter(
            out,
            fieldnames=names,
            delimiter="," if fmt == "csv" else "\t",
            extrasaction="ignore",
            lineterminator="\n",
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in names})
    else:
        out.write(
            render_table(
                rows, table_columns or [(k, k, 24) for k in (columns or (rows[0].keys() if rows else []))]
            )
        )
    return len(rows)


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def render_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str, int]]) -> str:
    """A fixed-width text table that fits the terminal; long cells are cut with an ellipsis."""
    if not rows:
        return "(no rows)\n"
    width = shutil.get_terminal_size((160, 24)).columns
    cells = [[_fit(row.get(key), limit) for key, _, limit in columns] for row in rows]
    sizes = [max(len(header), *(len(r[i]) for r in cells)) for i, (_, header, _) in enumerate(columns)]
    lines = ["  ".join(h.ljust(s) for (_, h, _), s in zip(columns, sizes, strict=True))]
    lines.append("  ".join("-" * s for s in sizes))
    lines += ["  ".join(c.ljust(s) for c, s in zip(r, sizes, strict=True)) for r in cells]
    buf = io.StringIO()
    for line in lines:
        buf.write(line[:width].rstrip() + "\n")
    return buf.getvalue()


def _fit(value: Any, limit: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
