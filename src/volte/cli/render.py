"""Writing records as JSON Lines, CSV, TSV or a readable fixed-width table, to stdout or a checked file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from volte.errors import E_CONFIG_BAD_OPTION, E_CONFIG_OUTPUT_PATH, ConfigError

FORMATS = ("jsonl", "csv", "tsv", "table")


def check_format(fmt: str, allowed: Sequence[str] = FORMATS, *, option: str = "--format") -> str:
    """``fmt`` when it is one of ``allowed``, else ConfigError E102 naming ``option`` and the choices."""
    if fmt not in allowed:
        raise ConfigError(f"{option} {fmt!r}: choose one of {', '.join(allowed)}", code=E_CONFIG_BAD_OPTION)
    return fmt


def check_output_path(path: Path, *, inputs: Iterable[str] = (), option: str = "--output") -> None:
    """A ConfigError (E104) unless ``path`` can take a new file: its folder exists (it is not created:
    a missing folder is more often a typo than a wish), it is not a folder, and it is none of the
    ``inputs`` being read (writing it would destroy what is read)."""

    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{option} {path}: {problem}", code=E_CONFIG_OUTPUT_PATH)

    if path.is_dir():
        raise fail(f"is a folder; name a file in it, e.g. {path / 'events.jsonl'}")
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise fail(f"the folder {folder} {what}; create it first (mkdir -p {folder}) or write elsewhere")
    if path.exists():
        for name in inputs:
            if name != "-" and os.path.samefile(path, name):
                raise fail(
                    f"is one of the inputs ({name}); writing it would replace what is read: choose another file"
                )


@contextmanager
def open_output(path: Path | None, *, option: str = "--output") -> Iterator[TextIO]:
    """stdout, or ``path`` opened for writing (an OSError becomes a ConfigError E104)."""
    if path is None:
        yield sys.stdout
        return
    try:
        fh = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise ConfigError(
            f"{option} {path}: cannot be written ({exc.strerror or exc}); check its permissions or write elsewhere",
            code=E_CONFIG_OUTPUT_PATH,
        ) from exc
    with fh:
        yield fh


class RecordWriter:
    """Writes rows as they come: JSON Lines, CSV and TSV (header first) are written and flushed at each
    :meth:`write`, so a reader sees every document's rows as soon as it is coded; a table needs every row
    to size its columns, so it is kept until :meth:`close`. ``table_columns`` = (key, header, max width)."""

    def __init__(
        self,
        out: TextIO,
        *,
        fmt: str,
        columns: Sequence[str],
        table_columns: Sequence[tuple[str, str, int]] | None = None,
    ) -> None:
        self.out = out
        self.fmt = fmt
        self.columns = list(columns)
        self.table_columns = table_columns or [(k, k, 24) for k in self.columns]
        self.count = 0
        self._table: list[Mapping[str, Any]] = []
        self._csv: csv.DictWriter[str] | None = None
        if fmt in ("csv", "tsv"):
            self._csv = csv.DictWriter(
                out,
                fieldnames=self.columns,
                delimiter="," if fmt == "csv" else "\t",
                extrasaction="ignore",
                lineterminator="\n",
            )
            self._csv.writeheader()
            out.flush()

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.count += 1
            if self._csv is not None:
                self._csv.writerow({k: _cell(row.get(k)) for k in self.columns})
            elif self.fmt == "jsonl":
                self.out.write(json.dumps(dict(row), ensure_ascii=False, default=str) + "\n")
            else:
                self._table.append(row)
        if self.fmt != "table":
            self.out.flush()

    def close(self) -> int:
        """Write what is kept (the table); returns how many rows were written."""
        if self.fmt == "table":
            self.out.write(render_table(self._table, self.table_columns))
        self.out.flush()
        return self.count


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
    names = list(columns or (rows[0].keys() if rows else []))
    writer = RecordWriter(out, fmt=fmt, columns=names, table_columns=table_columns)
    writer.write(rows)
    return writer.close()


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


def write_parquet(rows: Sequence[Mapping[str, Any]], *, columns: Sequence[str], path: Path) -> int:
    """Write rows as one Parquet file (``period`` as a date, counts as integers, sums as doubles); returns
    how many rows were written. An OSError becomes a ConfigError E104."""
    # lazy: pyarrow costs 0.12-0.18 s at CLI start (measured)
    import pyarrow as pa
    import pyarrow.parquet as pq

    def kind(name: str) -> pa.DataType:
        if name == "period":
            return pa.date32()
        if name in ("source", "target"):
            return pa.string()
        if name in ("clusters", "mentions", "sources", "q1", "q2", "q3", "q4"):
            return pa.int64()
        return pa.float64()

    schema = pa.schema([(name, kind(name)) for name in columns])
    data = {
        name: [
            dt.date.fromisoformat(r[name]) if name == "period" and isinstance(r[name], str) else r.get(name)
            for r in rows
        ]
        for name in columns
    }
    try:
        pq.write_table(pa.table(data, schema=schema), path, compression="zstd")
    except OSError as exc:
        raise ConfigError(f"--output {path}: cannot be written ({exc})", code=E_CONFIG_OUTPUT_PATH) from exc
    return len(rows)
