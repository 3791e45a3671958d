"""The event store: one DuckDB file (default ``volte.duckdb``) behind a small API.

    with Store("volte.duckdb") as store:
        store.ingest(Coder(settings).code(iter_articles(paths)))
        rows, total = store.query_events(source="COL", target="USA", limit=20)
        store.dyad_series("COL", "USA", freq="week")  # or "day", "month"
        shifts(store, since=date(2026, 1, 1))  # volte.analyse.shifts

DuckDB allows one writing process per file: ``volte serve`` opens the store ``read_only=True``; a second
writer gets StoreError E502 naming the process that holds the lock.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from volte.errors import (
    E_STORE_CORRUPT,
    E_STORE_LOCKED,
    E_STORE_OPEN,
    E_STORE_QUERY,
    E_STORE_UNKNOWN_ACTOR,
    StoreError,
)
from volte.settings import Settings
from volte.store import exports, migrations, overview, reading, staleness, turns, writer
from volte.store import queries as q
from volte.store import series as dyad_analysis
from volte.store.writer import IngestSummary, Provenance

if TYPE_CHECKING:
    from volte.coding.coder import Coded
    from volte.records import Article, ParquetPart, Reject

log = logging.getLogger(__name__)
MEMORY = ":memory:"
SHIFT_ID = re.compile(r"([A-Z-]{3})-([A-Z-]{3})-(\d{4}-\d{2}-\d{2})-(thaw|rupture)")


def turn_filters(
    since: date | None, until: date | None, kind: str | None, source: str | None, target: str | None
) -> tuple[str | None, str | None]:
    """The checked filters of a listing of turns: the range, the kind (thaw or rupture) and the source and
    target as countries."""
    q.check_range(since, until)
    if kind not in (None, "thaw", "rupture"):
        raise StoreError(f"kind {kind!r}: choose thaw or rupture", code=E_STORE_QUERY)
    return (
        q.check_actor(source, option="source")[:3] if source else None,
        q.check_actor(target, option="target")[:3] if target else None,
    )


def _check_freq(freq: str) -> None:
    if freq not in dyad_analysis.FREQS:
        raise StoreError(f"freq {freq!r}: choose day, week or month", code=E_STORE_QUERY)


def check_window(window_hours: float) -> None:
    if not 24 <= window_hours <= 24 * 14:
        raise StoreError(
            f"window {window_hours:g}h: choose between 24h and 336h (e.g. 72h)", code=E_STORE_QUERY
        )


class Store:
    """A volte event store. Use it as a context manager; every method raises StoreError (E5xx) on
    database problems and ConfigError/StoreError with a clear message on bad arguments."""

    def __init__(
        self, path: str | Path | None = None, *, read_only: bool = False, settings: Settings | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.path = str(path if path is not None else self.settings.store.path)
        self.read_only = read_only
        # calibrations made while read-only (volte.analyse.shifts): the data cannot change while it is open
        self.memo: dict[tuple[str, tuple[str, str]], Any] = {}
        self.con = _connect(self.path, read_only=read_only)
        try:
            self._prepare()
        except BaseException:
            self.con.close()
            raise

    def _prepare(self) -> None:
        with translated(self.path, "open"):
            self._check_schema()

    def _check_schema(self) -> None:
        foreign = migrations.foreign_tables(self.con)
        if foreign:
            raise StoreError(
                f"{self.path} is a DuckDB database but not a volte store (it has tables {', '.join(foreign[:8])} "
                "and no _migrations); point --db at a volte store or a new file",
                code=E_STORE_CORRUPT,
            )
        if self.read_only:
            if migrations.pending(self.con):
                raise StoreError(
                    f"{self.path} is not an up-to-date volte store (missing migrations "
                    f"{', '.join(migrations.pending(self.con))}); open it once for writing, e.g. `volte ingest --db {self.path} ...`",
                    code=E_STORE_OPEN,
                )
            return
        migrations.migrate(self.con)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing -------------------------------------------------------------------------------------
    def ingest(
        self,
        coded: Iterable[Coded],
        *,
        batch_size: int = 50,
        spacy_model: str | None = None,
        dictionaries: str | None = None,
        on_batch: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Store coded articles (idempotent; one transaction per batch). Calibrating the new dyads is the
        ingest path's next step (volte.analyse.shifts.refresh_thresholds)."""
        self.writable("ingest")
        with translated(self.path, "ingest"):
            summary = writer.write(
                self.con,
                coded,
                hours=self.settings.store.cluster_hours,
                batch_size=batch_size,
                provenance=Provenance(spacy_model=spacy_model, dictionaries=dictionaries),
                on_batch=on_batch,
            )
        return summary

    def ingest_parquet(
        self,
        parts: Iterable[ParquetPart],
        *,
        spacy_model: str | None = None,
        dictionaries: str | None = None,
        on_batch: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Store coded output held in Parquet files (a `volte batch` output's shards:
        volte.scale.manifest.parquet_parts) as :meth:`ingest` would store the same coded articles, loading
        the rows with SQL (one transaction per part)."""
        self.writable("ingest")
        with translated(self.path, "ingest"):
            summary = writer.write_parquet(
                self.con,
                parts,
                hours=self.settings.store.cluster_hours,
                provenance=Provenance(spacy_model=spacy_model, dictionaries=dictionaries),
                on_batch=on_batch,
            )
        return summary

    def ingest_articles(
        self,
        items: Iterable[Article | Reject],
        *,
        code: Callable[[list[Article | Reject]], Iterable[Coded]],
        coder_settings: Settings | None = None,
        batch_size: int = 50,
        spacy_model: str | None = None,
        dictionaries: str | None = None,
        on_batch: Callable[[IngestSummary], None] | None = None,
    ) -> IngestSummary:
        """Code (``code``, e.g. ``Coder(settings).code``) and store articles: articles stored before with the
        same text, metadata, spaCy model, dictionaries and coder settings (default: the store's) are not
        coded again. Otherwise as :meth:`ingest`."""
        self.writable("ingest")
        coding = writer.coding_key(coder_settings or self.settings)
        prov = Provenance(spacy_model=spacy_model, dictionaries=dictionaries, coding=coding)
        with translated(self.path, "ingest"):
            summary = writer.write_articles(
                self.con,
                items,
                code=code,
                hours=self.settings.store.cluster_hours,
                batch_size=batch_size,
                provenance=prov,
                on_batch=on_batch,
            )
        return summary

    def writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(f"{what}: the store {self.path} is open read-only", code=E_STORE_OPEN)

    # -- reading -------------------------------------------------------------------------------------
    def query_events(
        self, *, limit: int = 100, offset: int = 0, **filters: Any
    ) -> tuple[list[dict[str, Any]], int]:
        """Events matching the filters (source, target, since, until, root, code, doc_id, cluster_id,
        factuality), newest first, and the total number matching."""
        for side in ("source", "target"):
            if filters.get(side):
                filters[side] = q.check_actor(filters[side], option=side)
        where = q.event_filters(**filters)
        with translated(self.path, "event query"):
            self.check_actors(filters.get("source"), filters.get("target"))
            return reading.events(self.con, where, limit=limit, offset=offset)

    def dyad_series(
        self,
        source: str,
        target: str,
        *,
        freq: str = "day",
        since: date | None = None,
        until: date | None = None,
    ) -> list[dict[str, Any]]:
        """Per period: clusters, mentions, sources, Goldstein sum and mean (weighted by sqrt(sources)),
        counts per quad class. Actors match by prefix at country+role level (COL, COLGOV).

        ``since``/``until`` are cut to the stored data first (gap-free only between the store's first and
        last event); a series over ``store.max_points`` periods is ConfigError E103."""
        _check_freq(freq)
        source = q.check_actor(source, option="source")
        target = q.check_actor(target, option="target")
        q.check_range(since, until)
        with translated(self.path, "dyad series"):
            self.check_actors(source, target)
            window = dyad_analysis.clamp_range(since, until, extent=reading.extent(self.con))
            if window is None:  # the range holds no stored data
                return []
            days = reading.series_days(self.con, source, target, since=window[0], until=window[1])
        return dyad_analysis.series(
            days,
            freq=freq,
            since=window[0] if since else None,  # without bounds: the dyad's own first and last day
            until=window[1] if until else None,
            max_points=self.settings.store.max_points,
        )

    def dyad_panel(
        self, *, freq: str = "month", since: date | None = None, until: date | None = None
    ) -> list[dict[str, Any]]:
        """Every directed country dyad's series (``source``, ``target`` and the :meth:`dyad_series` fields),
        balanced: each dyad has a row for every period of the range cut to the stored events. Over
        ``store.max_points`` periods, or over :data:`volte.store.series.MAX_PANEL_ROWS` rows, is E103."""
        _check_freq(freq)
        q.check_range(since, until)
        with translated(self.path, "dyad panel"):
            window = dyad_analysis.clamp_range(since, until, extent=reading.extent(self.con))
            if window is None:
                return []
            days = reading.panel_days(self.con, since=window[0], until=window[1])
        return dyad_analysis.panel(
            days, freq=freq, since=window[0], until=window[1], max_points=self.settings.store.max_points
        )

    def narrated_turns(
        self,
        *,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        target: str | None = None,
        kind: str | None = None,
        article_id: str | None = None,
    ) -> list[dict[str, Any]]:
        """Turns narrated in single articles (volte.derive.narrated), stored at ingest, whose after day is in
        [since, until]; ``kind`` thaw or rupture; countries as for volte.analyse.shifts.shifts."""
        source, target = turn_filters(since, until, kind, source, target)
        with translated(self.path, "narrated turns"):
            return turns.read(
                self.con,
                since=since,
                until=until,
                source=source,
                target=target,
                kind=kind,
                article_id=article_id,
            )

    def narrated_shifts(self, **filters: Any) -> list[dict[str, Any]]:
        """:meth:`narrated_turns` as rows of `volte shifts`: kind ``narrated``, ``turn`` thaw or rupture,
        ``date`` the after day, the article as evidence (its events with their sentences)."""
        found = self.narrated_turns(**filters)
        with translated(self.path, "narrated turns"):
            return turns.as_shifts(self.con, found)

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its events and the turns it narrates (None when the id is unknown)."""
        with translated(self.path, "article lookup"):
            found = reading.article(self.con, article_id)
            if found is not None:
                found["turns"] = turns.read(self.con, article_id=article_id)
            return found

    def export(
        self,
        fmt: str,
        path: str | Path,
        *,
        header: bool = False,
        since: date | None = None,
        until: date | None = None,
        source: str | None = None,
        target: str | None = None,
        root: str | None = None,
    ) -> int:
        """Write the store as gdelt (61-column TSV), gdelt-mentions (16-column TSV), plover (JSONL), parquet
        or csv (docs/export.md); returns rows written. ``header`` adds column names to the GDELT tables;
        the filters are ``volte export``'s."""
        filters = exports.Filters(since=since, until=until, source=source, target=target, root=root)
        with translated(self.path, f"{fmt} export"):
            return exports.export(self.con, fmt, Path(path), header=header, filters=filters)

    def published_of(self, article_id: str) -> date | None:
        """The publication date the store holds for an article, None when none or no such article."""
        with translated(self.path, "article query"):
            row = self.con.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None

    def dyad_dating(self, source: str, target: str) -> dict[str, int]:
        """The stored events of a directed dyad (actors match by prefix): ``events`` in all, ``no_day``
        without a day date (they are in no series), ``no_date`` of those without any date and
        ``undated_articles``, the articles of those events that have no publication date."""
        source = q.check_actor(source, option="source")
        target = q.check_actor(target, option="target")
        with translated(self.path, "dyad query"):
            row = self.con.execute(
                "SELECT count(*), count(*) FILTER (WHERE date IS NULL OR date_precision <> 'day'), "
                "count(*) FILTER (WHERE date IS NULL), "
                "count(DISTINCT doc_id) FILTER (WHERE date IS NULL AND published IS NULL) "
                "FROM events WHERE starts_with(source, ?) AND starts_with(target, ?)",
                [source, target],
            ).fetchone() or (0, 0, 0, 0)
        return dict(zip(("events", "no_day", "no_date", "undated_articles"), map(int, row), strict=True))

    def stale(self, coder: staleness.Coder) -> staleness.StaleReport:
        """How many stored articles another coder than ``coder`` made (volte.store.staleness)."""
        with translated(self.path, "stale query"):
            return staleness.stale_report(self.con, coder)

    def stale_articles(
        self, coder: staleness.Coder, *, batch_size: int = 50
    ) -> tuple[int, Iterator[Article]]:
        """How many stored articles are stale for ``coder``, and those articles read back from the store
        ``batch_size`` at a time (to pass to :meth:`ingest_articles`, which recodes them)."""
        with translated(self.path, "stale query"):
            ids = staleness.stale_ids(self.con, coder)
        return len(ids), staleness.stale_articles(self.con, ids, batch_size=batch_size)

    def stats(self) -> dict[str, Any]:
        """Row counts and the date range (for summaries, the API and the dashboard)."""
        with translated(self.path, "stats"):
            return reading.stats(self.con)

    def top_dyads(
        self, *, limit: int = 10, since: date | None = None, until: date | None = None
    ) -> list[dict[str, Any]]:
        """The most active directed country dyads in [since, until]: events (clusters), mean Goldstein
        (weighted by sources) and last day."""
        with translated(self.path, "top dyads"):
            cursor = self.con.execute(q.TOP_DYADS_SQL, [since or date.min, until or date.max, limit])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def overview(self, *, since: date | None, until: date | None, limit: int = 25) -> dict[str, Any]:
        """Event clusters in [since, until] across dyads: the ``limit`` busiest directed country dyads by
        quad class (``pairs``) and the clusters per CAMEO root (``roots``)."""
        q.check_range(since, until)
        with translated(self.path, "overview"):
            return overview.overview(self.con, since=since or date.min, until=until or date.max, limit=limit)

    def places(self, *, since: date | None, until: date | None, limit: int = 500) -> list[dict[str, Any]]:
        """The ``limit`` places with coordinates where most events in [since, until] happened."""
        q.check_range(since, until)
        with translated(self.path, "places"):
            return overview.places(self.con, since=since or date.min, until=until or date.max, limit=limit)

    def write_events(self, fmt: str, path: str | Path, *, limit: int, **filters: Any) -> int:
        """The events matching :meth:`query_events`'s filters as a csv, parquet or json file at ``path`` (the
        columns of ``volte export``'s CSV); over ``limit`` matching events is ConfigError E102."""
        for side in ("source", "target"):
            if filters.get(side):
                filters[side] = q.check_actor(filters[side], option=side)
        where = q.event_filters(**filters)
        with translated(self.path, f"{fmt} download"):
            self.check_actors(filters.get("source"), filters.get("target"))
            return overview.write_events(self.con, fmt, Path(path), where=where, limit=limit)

    def actors(self, *, side: str = "source", limit: int = 50) -> list[tuple[str, int]]:
        """The most frequent actor codes on one side (``source`` or ``target``) with event counts."""
        with translated(self.path, "actor list"):
            return reading.actors(self.con, side=side, limit=limit)

    def check_actors(self, source: str | None, target: str | None) -> None:
        for side, code in (("source", source), ("target", target)):
            if code and not reading.actor_exists(self.con, side, code):
                known = ", ".join(
                    f"{c} ({n})" for c, n in reading.actors(self.con, side=side, limit=15, level=3)
                )
                raise StoreError(
                    f"no events with {side} actor {code!r} in {self.path}; known {side} countries: {known or 'none (the store is empty)'}",
                    code=E_STORE_UNKNOWN_ACTOR,
                )


def _connect(path: str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    if path != MEMORY:
        file = Path(path)
        if read_only and not file.exists():
            raise StoreError(
                f"no store at {path}: create one with `volte ingest --db {path} FILES...`", code=E_STORE_OPEN
            )
        if file.is_dir():
            raise StoreError(f"{path} is a directory, not a DuckDB store file", code=E_STORE_OPEN)
        if file.is_file() and file.stat().st_size == 0:  # e.g. a NamedTemporaryFile: no data to lose
            if read_only:
                raise StoreError(
                    f"{path} is an empty file, not a store: create one with `volte ingest --db {path} FILES...`",
                    code=E_STORE_OPEN,
                )
            file.unlink()
        if not read_only and not file.parent.exists():
            raise StoreError(
                f"cannot create {path}: directory {file.parent} does not exist", code=E_STORE_OPEN
            )
    try:
        return duckdb.connect(path, read_only=read_only and path != MEMORY)
    except duckdb.Error as exc:
        raise translate(exc, path) from exc


# DuckDB's Python exceptions carry no structured fields (no error type or extra info beyond the class and
# the message), so a fault is recognised by its exception class *and* DuckDB's message template for it,
# anchored at the start, with the template's fields (file, PID, byte offsets) read out of it. A message that
# merely mentions a lock or corruption (a table named "block", a path) never matches a template.
_FAULTS: tuple[tuple[type[duckdb.Error], str, re.Pattern[str]], ...] = (
    (
        duckdb.IOException,
        "locked",
        re.compile(
            r'IO Error: Could not set lock on file "(?P<file>[^"]*)": Conflicting lock is held in '
            r"(?P<holder>.*?)(?: \(PID (?P<pid>\d+)\))?(?:\. See also|$)",
            re.DOTALL,
        ),
    ),
    (
        duckdb.IOException,
        "truncated",
        re.compile(
            r'IO Error: Could not read enough bytes from file "(?P<file>[^"]*)": attempted to read '
            r"(?P<want>\d+) bytes from location (?P<at>\d+)"
        ),
    ),
    (
        duckdb.IOException,
        "not_database",
        re.compile(
            r'IO Error: The file "(?P<file>[^"]*)" exists, but it is not a valid DuckDB database file'
        ),
    ),
    (
        duckdb.Error,  # raised as the base class itself (DuckDB's FatalException family)
        "checksum",
        re.compile(
            r"Corrupt database file: computed checksum (?P<computed>\d+) does not match stored checksum "
            r"(?P<stored>\d+) in block at location (?P<at>\d+)"
        ),
    ),
    (
        duckdb.ConnectionException,
        "other_mode",
        re.compile(
            r"Connection Error: Can't open a connection to same database file with a different configuration"
        ),
    ),
)


def classify(exc: duckdb.Error) -> tuple[str, dict[str, str]] | None:
    """``(fault, fields)`` for the DuckDB errors volte explains (locked, truncated, not_database, checksum,
    other_mode), matched on the exact exception class and DuckDB's message template; None otherwise."""
    text = str(exc)
    for kind, fault, template in _FAULTS:
        if type(exc) is kind:
            match = template.match(text)
            if match:
                return fault, {k: v for k, v in match.groupdict().items() if v is not None}
    return None


def translate(exc: duckdb.Error, path: str, *, doing: str = "open") -> StoreError:
    """A DuckDB error as a StoreError that says what happened and how to fix it."""
    found = classify(exc)
    fault, fields = found if found else ("", {})
    rebuild = f"restore it from a backup, or move it aside and rebuild the store with `volte ingest --db {path} FILES...`"
    if fault == "locked":
        holder = _describe_process(int(fields["pid"])) if "pid" in fields else "another process"
        return StoreError(
            f"the store {path} is locked by {holder}: DuckDB allows one writer per file. Stop that process "
            "(e.g. a running `volte serve` or `volte ingest`), wait for it to finish, or use another --db file",
            code=E_STORE_LOCKED,
        )
    if fault == "other_mode":
        return StoreError(
            f"the store {path} is already open in this process in another mode (read-only vs writable): close it first",
            code=E_STORE_LOCKED,
        )
    if fault == "truncated":
        return StoreError(
            f"the store {path} is damaged: the file was cut short ({doing} needed {fields['want']} bytes at byte "
            f"{fields['at']}, past its end; e.g. a full disk, an interrupted copy or a crash while writing): {rebuild}",
            code=E_STORE_CORRUPT,
        )
    if fault == "checksum":
        return StoreError(
            f"the store {path} is damaged: the block at byte {fields['at']} fails its checksum (the file was "
            f"changed on disk after DuckDB wrote it): {rebuild}",
            code=E_STORE_CORRUPT,
        )
    if fault == "not_database":
        return StoreError(
            f"{path} is not a DuckDB database (it exists, but has no DuckDB header): point --db at a volte store, "
            "or move the file aside and create a new store with `volte ingest --db ...`",
            code=E_STORE_CORRUPT,
        )
    code = E_STORE_OPEN if doing == "open" else E_STORE_QUERY
    return StoreError(f"{doing} failed on {path}: {_first_line(str(exc))}", code=code)


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _describe_process(pid: int) -> str:
    """The lock holder with its command line where the system shows it (Linux /proc); else the PID alone."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # no /proc (macOS, Windows), or the holder exited or is invisible to us
        return f"process {pid}"
    command = " ".join(
        raw.replace(b"\0", b" ").decode("utf-8", "replace").split()
    )  # one line, for the message
    return f"process {pid} ({command[:120]})" if command else f"process {pid}"


class translated:
    """Turn DuckDB errors raised inside the block into StoreErrors."""

    def __init__(self, path: str, doing: str) -> None:
        self.path, self.doing = path, doing

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if isinstance(exc, duckdb.Error):
            raise translate(exc, self.path, doing=self.doing) from exc
