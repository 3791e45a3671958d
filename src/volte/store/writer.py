"""Writing coded articles into the store: idempotent, one transaction per batch, clusters kept current.

Inside one run, ids and URLs are screened first (:class:`volte.ingest.dedup.RunIds`): a repeat of the
same article is counted and skipped, another article under an id or URL already used is a reject (E212).
With :func:`write_articles`, articles stored before with the same ``source_hash`` (the article and what
codes it: volte and coder version, spaCy model, dictionaries, coding settings) are not coded again.
Per batch of articles, in one transaction: skip articles already stored with the same content; delete the
old version (events and narrated turns included) of a changed article, found by id or by URL; insert the
new rows (with the turns the article narrates: volte.store.turns); recluster
the (dyad, root) groups the batch touched, from the last cluster that starts before the earliest change;
refresh those dyads' daily sums and drop their cached thresholds. A process killed mid-batch loses only
that uncommitted batch, which the next run redoes.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from volte import CODER_VERSION, __version__
from volte.coding.cameo import STATEMENT_ROOTS
from volte.coding.fingerprint import coding_files, files_sha256, rules_sha256
from volte.derive.clusters import KEY_LENGTH, Mention, actor_country, actor_key, cluster_mentions
from volte.ingest.dedup import RunIds
from volte.records import Article, Event, ParquetPart, Reject, article_fields, content_hash, url_host
from volte.store import queries as q
from volte.store import turns as narrated

if TYPE_CHECKING:
    from volte.coding.coder import Coded

log = logging.getLogger(__name__)
Item = Article | Reject
Changes = dict[tuple[str, str, str], date]  # (source_key, target_key, root) -> earliest changed date
_T = TypeVar("_T")


@dataclass
class IngestSummary:
    """What one ingest run did."""

    documents: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    repeats: int = 0  # the same article again in this run (same id or URL, same content): skipped
    events: int = 0
    rejects: int = 0
    reject_codes: Counter[str] = field(default_factory=Counter)
    batches: int = 0

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["reject_codes"] = dict(sorted(self.reject_codes.items()))
        return out


@dataclass(frozen=True)
class Provenance:
    volte_version: str = __version__
    spacy_model: str | None = None
    dictionaries: str | None = None  # sha256 of the rule files and coding code (fingerprint.rules_sha256)
    coding: str | None = None  # the coder's settings (coding_key); None: no source_hash is stored


def coding_key(settings: Any) -> str:
    """sha256 of the settings that change what the coder makes of an article (``nlp`` and ``coding``)."""
    dump = settings.model_dump_json(include={"nlp", "coding"})
    return hashlib.sha256(dump.encode("utf-8")).hexdigest()


def source_hash(article: Article, prov: Provenance) -> str | None:
    """Changes when the article or anything that codes it changes; equal means coding it again would
    give the same events (so a rerun need not code it). None without ``prov.coding``."""
    if prov.coding is None:
        return None
    key = "\x1f".join(
        [
            *article_fields(article),
            article.lang,
            prov.volte_version,
            CODER_VERSION,
            prov.spacy_model or "",
            prov.dictionaries or "",
            prov.coding,
        ]
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def publisher(article: Article) -> str:
    """Who published it: the record's ``source``/``publisher`` when it names one, else the URL host without
    ``www.``; ``doc:<id>`` when there is neither (the SQL twin: :data:`PUBLISHER_SQL`)."""
    return article.publisher or url_host(article.url) or f"doc:{article.id}"


# publisher() over a batch shard's article row (its ``publisher`` and ``host`` columns).
PUBLISHER_SQL = "coalesce(nullif(a.publisher, ''), a.host, 'doc:' || a.id)"


def write(
    con: duckdb.DuckDBPyConnection,
    coded: Iterable[Coded],
    *,
    hours: float,
    batch_size: int = 50,
    provenance: Provenance | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store every coded article; returns the summary (see the module docstring for the guarantees)."""
    summary = IngestSummary()
    prov = provenance or Provenance()
    seen = RunIds()
    for batch in _batches(coded, batch_size):
        summary.documents += len(batch)
        _write_batch(con, _screen_coded(batch, seen, summary), summary=summary, hours=hours, prov=prov)
        summary.batches += 1
        if on_batch is not None:
            on_batch(summary)
    return summary


def write_articles(
    con: duckdb.DuckDBPyConnection,
    items: Iterable[Item],
    *,
    code: Callable[[list[Item]], Iterable[Coded]],
    hours: float,
    batch_size: int = 50,
    provenance: Provenance | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Code and store articles, batch by batch: screen ids, leave out those stored unchanged (same
    ``source_hash``) before ``code`` sees them, then write as :func:`write` does."""
    summary = IngestSummary()
    prov = provenance or Provenance()
    seen = RunIds()
    for batch in _batches(items, batch_size):
        summary.documents += len(batch)
        todo = _drop_stored(con, _screen_articles(batch, seen, summary), prov, summary)
        _write_batch(con, list(code(todo)) if todo else [], summary=summary, hours=hours, prov=prov)
        summary.batches += 1
        if on_batch is not None:
            on_batch(summary)
    return summary


def write_parquet(
    con: duckdb.DuckDBPyConnection,
    parts: Iterable[ParquetPart],
    *,
    hours: float,
    provenance: Provenance | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Store coded output held in Parquet files as :func:`write` stores coded articles (same screening of
    ids, same unchanged/replaced/added decisions, clusters and turns), one transaction per part. Articles
    and events are loaded with ``INSERT ... SELECT ... FROM read_parquet()``: only the articles' keys
    (id, URL, content) are read into Python, for the run's screening and the plan; the turns are read
    back from the stored events (volte.store.turns.refill)."""
    summary = IngestSummary()
    prov = provenance or Provenance()
    seen = RunIds()
    for part in parts:
        items = _part_items(con, part)
        summary.documents += len(items)
        admitted: list[tuple[Article, str, int]] = []
        rejects: list[Reject] = []
        for index, article, digest, reject in items:
            if reject is not None or article is None:
                rejects += [reject] if reject is not None else []
                continue
            verdict = _admit(seen, article, summary)
            if isinstance(verdict, Reject):
                rejects.append(verdict)
            elif verdict:
                admitted.append((article, digest, index))
        _write_part(con, part, admitted, rejects, summary=summary, hours=hours, prov=prov)
        summary.batches += 1
        if on_batch is not None:
            on_batch(summary)
    return summary


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _part_items(
    con: duckdb.DuckDBPyConnection, part: ParquetPart
) -> list[tuple[int, Article | None, str, Reject | None]]:
    """(doc_index, article, content hash, reject) per document of a part, in input order; a document the
    coder rejected has its article and its reject (the reject wins, as in :func:`write`)."""
    articles = con.execute(
        "SELECT doc_index, id, text, url, title, published, kind, lang, origin, publisher, content_hash "
        f"FROM read_parquet({_sql_path(part.articles)})"
    ).fetchall()
    rejects = con.execute(
        f"SELECT doc_index, doc_id, stage, code, reason, origin FROM read_parquet({_sql_path(part.rejects)})"
    ).fetchall()
    found: dict[int, tuple[Article | None, str, Reject | None]] = {}
    for index, doc_id, text, url, title, published, kind, lang, origin, publisher, digest in articles:
        article = Article(doc_id, text, url, title, published, kind, lang, origin, publisher)
        found[index] = (article, digest, None)
    for index, doc_id, stage, code, reason, origin in rejects:
        known, digest, _ = found.get(index, (None, "", None))
        found[index] = (known, digest, Reject(doc_id, stage, code, reason, origin))
    return [(index, *found[index]) for index in sorted(found)]


def _write_part(
    con: duckdb.DuckDBPyConnection,
    part: ParquetPart,
    admitted: list[tuple[Article, str, int]],
    rejects: list[Reject],
    *,
    summary: IngestSummary,
    hours: float,
    prov: Provenance,
) -> None:
    new, stale, rehash = _plan(con, admitted, summary, prov)
    wanted = set(new)
    chosen = {index: article for article, _, index in admitted if index in wanted}
    _store_plan(
        con,
        rejects,
        stale,
        rehash,
        lambda: _insert_part(con, part, chosen, prov),
        stored=[a.id for a in chosen.values()],
        summary=summary,
        hours=hours,
        prov=prov,
    )
    if chosen:
        counted = con.execute(
            f"SELECT count(*) FROM read_parquet({_sql_path(part.events)}) "
            "WHERE doc_index IN (SELECT unnest(?::INTEGER[]))",
            [list(chosen)],
        ).fetchone()
        summary.events += int(counted[0]) if counted else 0


def _insert_part(
    con: duckdb.DuckDBPyConnection, part: ParquetPart, chosen: dict[int, Article], prov: Provenance
) -> Changes:
    """Insert the chosen documents' articles and events from the part's files (:func:`_insert`'s rows,
    built in SQL); returns the clusterable groups they touch."""
    if not chosen:
        return {}
    import pyarrow as pa  # lazy: pyarrow (0.12-0.2 s, measured); read-only commands never load it

    picked = pa.table(
        {
            "doc_index": pa.array(list(chosen), pa.int32()),
            "source_hash": pa.array([source_hash(a, prov) for a in chosen.values()], pa.string()),
        }
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    articles, events = _sql_path(part.articles), _sql_path(part.events)
    con.register("_picked", picked)
    try:
        counts = (
            "SELECT doc_index, count(DISTINCT event_id)::INTEGER AS num_events, "
            "string_agg(DISTINCT coder_version, ',' ORDER BY coder_version) AS coder_version "
            f"FROM read_parquet({events}) GROUP BY doc_index"
        )
        values = {
            "num_events": "coalesce(c.num_events, 0)",
            "ingested_at": "?::TIMESTAMP",
            "volte_version": "?",
            "coder_version": "nullif(c.coder_version, '')",
            "spacy_model": "?",
            "dictionaries_sha256": "?",
            "source_hash": "p.source_hash",
        }
        _insert_select(
            con,
            "articles",
            values,
            "a",
            f"FROM read_parquet({articles}) a JOIN _picked p USING (doc_index) "
            f"LEFT JOIN ({counts}) c USING (doc_index)",
            [now, prov.volte_version, prov.spacy_model, prov.dictionaries],
        )
        own = {
            "cluster_id": "NULL",
            "publisher": PUBLISHER_SQL,
            "volte_version": "?",
            "spacy_model": "?",
            "dictionaries_sha256": "?",
        }
        _insert_select(
            con,
            "events",
            own,
            "e",
            f"FROM read_parquet({events}, file_row_number = true) e JOIN _picked p USING (doc_index) "
            f"JOIN read_parquet({articles}) a USING (doc_index) "
            # one row per event id in an article: the last, as write() keeps it
            "QUALIFY row_number() OVER (PARTITION BY e.doc_index, e.event_id ORDER BY e.file_row_number DESC) = 1",
            [prov.volte_version, prov.spacy_model, prov.dictionaries],
        )
    finally:
        con.unregister("_picked")
    ids = [a.id for a in chosen.values()]
    narrated.refill(con, ids)
    rows = con.execute(
        f"SELECT left(source, {KEY_LENGTH}), left(target, {KEY_LENGTH}), root, min(date) FROM events "
        f"WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND {q.CLUSTERABLE} GROUP BY ALL",
        [ids],
    ).fetchall()
    return {(r[0], r[1], r[2]): r[3] for r in rows}


def _insert_select(
    con: duckdb.DuckDBPyConnection,
    table: str,
    own: dict[str, str],
    alias: str,
    source: str,
    params: list[Any],
) -> None:
    """INSERT every stored column of ``table`` (volte.codec) from ``source``, a FROM clause whose row alias is
    ``alias``: each column as is, unless ``own`` gives its SQL."""
    from volte import codec  # lazy: pyarrow (0.12-0.2 s, measured); read-only commands never load it

    columns = codec.store_columns(codec.TABLES[table])
    con.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT "
        + ", ".join(own.get(c, f"{alias}.{c}") for c in columns)
        + f" {source}",
        params,
    )


def _admit(seen: RunIds, article: Article, summary: IngestSummary) -> bool | Reject:
    """True: new to this run; False: a repeat (counted); a Reject (E212, logged): a collision."""
    verdict = seen.admit(article)
    if isinstance(verdict, Reject):
        log.warning("%s [%s]: %s", verdict.origin or verdict.doc_id, verdict.code, verdict.reason)
    elif not verdict:
        summary.repeats += 1
    return verdict


def _screen_articles(batch: list[Item], seen: RunIds, summary: IngestSummary) -> list[Item]:
    out: list[Item] = []
    for item in batch:
        verdict = _admit(seen, item, summary) if isinstance(item, Article) else True
        if verdict is not False:
            out.append(item if verdict is True else verdict)
    return out


def _screen_coded(batch: list[Coded], seen: RunIds, summary: IngestSummary) -> list[Coded]:
    out: list[Coded] = []
    for item in batch:
        article = item.article if item.reject is None else None
        verdict = _admit(seen, article, summary) if article is not None else True
        if verdict is not False:
            out.append(item if verdict is True else replace(item, article=None, events=(), reject=verdict))
    return out


def _drop_stored(
    con: duckdb.DuckDBPyConnection, batch: list[Item], prov: Provenance, summary: IngestSummary
) -> list[Item]:
    """The batch without the articles stored with the same source_hash (counted as unchanged)."""
    hashes = {a.id: source_hash(a, prov) for a in batch if isinstance(a, Article)}
    if prov.coding is None or not hashes:
        return batch
    urls = [a.url for a in batch if isinstance(a, Article) and a.url]
    rows = con.execute(
        "SELECT id, url, source_hash FROM articles WHERE source_hash IS NOT NULL AND "
        "(id IN (SELECT unnest(?::VARCHAR[])) OR url IN (SELECT unnest(?::VARCHAR[])))",
        [list(hashes), urls],
    ).fetchall()
    stored = {(r[0], r[2]) for r in rows} | {(r[1], r[2]) for r in rows if r[1]}
    out: list[Item] = []
    for item in batch:
        if isinstance(item, Article) and (
            (item.id, hashes[item.id]) in stored or (item.url and (item.url, hashes[item.id]) in stored)
        ):
            summary.unchanged += 1
            continue
        out.append(item)
    return out


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, max(size, 1))):
        yield batch


def _write_batch(
    con: duckdb.DuckDBPyConnection,
    batch: list[Coded],
    *,
    summary: IngestSummary,
    hours: float,
    prov: Provenance,
) -> None:
    rejects = [c.reject for c in batch if c.reject is not None]
    articles = [
        (c.article, content_hash(c.article, c.events), c)
        for c in batch
        if c.reject is None and c.article is not None  # ids unique: screened
    ]
    new, stale, rehash = _plan(con, articles, summary, prov)
    _store_plan(
        con,
        rejects,
        stale,
        rehash,
        lambda: _insert(con, new, prov),
        stored=[c.article.id for c in new if c.article is not None],
        summary=summary,
        hours=hours,
        prov=prov,
    )
    summary.events += sum(len(c.events) for c in new)


def _store_plan(
    con: duckdb.DuckDBPyConnection,
    rejects: list[Reject],
    stale: list[str],
    rehash: list[tuple[str, str]],
    insert: Callable[[], Changes],
    *,
    stored: list[str],
    summary: IngestSummary,
    hours: float,
    prov: Provenance,
) -> None:
    """One batch's (or part's) write, in one transaction, as :func:`_plan` decided it: the new source
    hashes, the stale documents deleted, ``insert`` (returns the clusterable groups it touched), the
    touched groups reclustered, the rejects stored (``stored``: the ids just inserted)."""
    summary.rejects += len(rejects)
    summary.reject_codes.update(r.code for r in rejects)
    con.execute("BEGIN TRANSACTION")
    try:
        _set_source_hashes(con, rehash, prov)
        changes = _delete_docs(con, stale)
        changes = _merge(changes, insert())
        recluster(con, changes, hours=hours)
        _store_rejects(con, rejects, stored=stored)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _plan(
    con: duckdb.DuckDBPyConnection,
    batch: list[tuple[Article, str, _T]],
    summary: IngestSummary,
    prov: Provenance,
) -> tuple[list[_T], list[str], list[tuple[str, str]]]:
    """Split a batch of (article, content hash, item) into the items to insert, stored doc ids to delete
    first, and (id, source_hash) of stored articles found unchanged whose source_hash is missing or stale
    (so the next rerun skips them)."""
    ids = [a.id for a, _, _ in batch]
    urls = [a.url for a, _, _ in batch if a.url]
    rows = con.execute(
        "SELECT id, url, content_hash, source_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) OR url IN (SELECT unnest(?::VARCHAR[]))",
        [ids, urls],
    ).fetchall()
    by_id = {r[0]: r for r in rows}
    by_url = {r[1]: r for r in rows if r[1]}
    new: list[_T] = []
    stale: set[str] = set()
    rehash: list[tuple[str, str]] = []
    for article, digest, item in batch:
        old = [
            r
            for r in (by_id.get(article.id), by_url.get(article.url) if article.url else None)
            if r is not None
        ]
        same = [r for r in old if r[2] == digest]
        if same:
            summary.unchanged += 1
            wanted = source_hash(article, prov)
            rehash += [(r[0], wanted) for r in same if wanted is not None and r[3] != wanted]
            continue
        stale.update(r[0] for r in old)
        summary.replaced += bool(old)
        summary.added += not old
        new.append(item)
    return new, sorted(stale), rehash


def _set_source_hashes(con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], prov: Provenance) -> None:
    """Record the new source_hash of articles coded again with the same output, and the provenance of the
    coder that did (its events are what this coder makes: volte.store.staleness no longer counts them)."""
    if not pairs:
        return
    ids, hashes = [p[0] for p in pairs], [p[1] for p in pairs]
    con.execute(
        "UPDATE articles SET source_hash = u.h, volte_version = ?, spacy_model = ?, dictionaries_sha256 = ? "
        "FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS h) u WHERE articles.id = u.id",
        [prov.volte_version, prov.spacy_model, prov.dictionaries, ids, hashes],
    )
    con.execute(
        "UPDATE events SET volte_version = ?, spacy_model = ?, dictionaries_sha256 = ? "
        "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
        [prov.volte_version, prov.spacy_model, prov.dictionaries, ids],
    )


def _delete_docs(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> Changes:
    if not doc_ids:
        return {}
    rows = con.execute(
        f"SELECT left(source, 6), left(target, 6), root, min(date) FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND {q.CLUSTERABLE} GROUP BY ALL",
        [doc_ids],
    ).fetchall()
    con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
    narrated.delete(con, doc_ids)
    con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids])
    return {(r[0], r[1], r[2]): r[3] for r in rows}


def _merge(a: Changes, b: Changes) -> Changes:
    out = dict(a)
    for key, day in b.items():
        out[key] = min(day, out.get(key, day))
    return out


def _insert(con: duckdb.DuckDBPyConnection, items: list[Coded], prov: Provenance) -> Changes:
    """Insert articles and their events; returns the clusterable groups they touch."""
    if not items:
        return {}
    from volte import codec  # lazy: pyarrow (0.12-0.2 s, measured); read-only commands never load it

    record = codec.record_columns(codec.EVENT)
    now = datetime.now(UTC).replace(tzinfo=None)
    articles, events, turns = [], [], []
    changes: Changes = {}
    for item in items:
        article = item.article
        if article is None:
            continue
        host = publisher(article)
        unique = {e.event_id: e for e in item.events}
        coder = ",".join(sorted({e.coder_version for e in unique.values()})) or None
        articles.append(_article_row(article, item.events, len(unique), now, coder, prov))
        turns += narrated.turns_of(unique.values())
        for event in unique.values():
            row = _event_row(event, record, host, prov)
            events.append(row)
            if _clusterable(row):
                key = (actor_key(event.source), actor_key(event.target), event.root)
                changes[key] = min(row["date"], changes.get(key, row["date"]))
    _append(con, "articles", articles)
    _append(con, "events", events)
    narrated.insert(con, turns)
    return changes


def _article_row(
    article: Article, events: Sequence[Event], count: int, now: datetime, coder: str | None, prov: Provenance
) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "host": url_host(article.url),
        "title": article.title,
        "published": article.published,
        "kind": article.kind,
        "lang": article.lang,
        "origin": article.origin,
        "text": article.text,
        "content_hash": content_hash(article, events),
        "num_events": count,
        "ingested_at": now,
        "volte_version": prov.volte_version,
        "coder_version": coder,
        "spacy_model": prov.spacy_model,
        "dictionaries_sha256": prov.dictionaries,
        "source_hash": source_hash(article, prov),
    }


def _event_row(event: Event, record: Sequence[str], host: str, prov: Provenance) -> dict[str, Any]:
    """The event's store row: its ``record`` fields (codec.EVENT's) and the store's own columns."""
    row = {name: getattr(event, name) for name in record}
    row.update(
        cluster_id=None,
        publisher=host,
        volte_version=prov.volte_version,
        spacy_model=prov.spacy_model,
        dictionaries_sha256=prov.dictionaries,
    )
    return row


def _clusterable(row: dict[str, Any]) -> bool:
    """The Python twin of ``queries.CLUSTERABLE``."""
    stated = row["factuality"] == "future" and str(row["root"]) in STATEMENT_ROOTS
    return bool(
        row["source"]
        and row["target"]
        and not row["source"].startswith("---")
        and not row["target"].startswith("---")
        and row["date"]
        and row["date_precision"] == "day"
        and (row["factuality"] == "asserted" or stated)
    )


def _append(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows holding every store column of ``table`` (volte.codec), typed by its schema."""
    if not rows:
        return
    import pyarrow as pa  # lazy: pyarrow (0.12-0.2 s, measured); read-only commands never load it

    from volte import codec

    typed = codec.subset(codec.TABLES[table], "store")
    columns = typed.names
    if set(rows[0]) != set(columns):  # a writer bug: the row mapping drifted from the schema
        raise ValueError(f"{table} row has {sorted(rows[0])}, the schema's store columns are {columns}")
    arrow = pa.Table.from_pylist(rows, schema=typed.remove_metadata())
    con.register("_incoming", arrow)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _incoming")
    finally:
        con.unregister("_incoming")


def _store_rejects(con: duckdb.DuckDBPyConnection, rejects: list[Reject], *, stored: list[str]) -> None:
    if stored:
        con.execute("DELETE FROM rejects WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [stored])
    if not rejects:
        return
    from volte import codec  # lazy: pyarrow (0.12-0.2 s, measured); read-only commands never load it

    columns = codec.store_columns(codec.REJECT)
    record = codec.record_columns(codec.REJECT)
    now = datetime.now(UTC).replace(tzinfo=None)
    for r in rejects:
        con.execute("DELETE FROM rejects WHERE doc_id = ? AND stage = ?", [r.doc_id, r.stage])
        row = {**codec.record_row(r, record), "rejected_at": now}
        con.execute(
            f"INSERT INTO rejects ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            [row[c] for c in columns],
        )


def recluster(con: duckdb.DuckDBPyConnection, changes: Changes, *, hours: float) -> None:
    """Rebuild the clusters of the changed groups from their restart anchors on, then the dyads' sums."""
    if not changes:
        return
    import pyarrow as pa  # lazy: pyarrow (0.12-0.2 s, measured); read-only commands never load it

    changed = pa.table(
        {
            "source_key": [k[0] for k in changes],
            "target_key": [k[1] for k in changes],
            "root": [k[2] for k in changes],
            "changed": list(changes.values()),
        }
    )
    con.register("_changed_in", changed)
    con.execute("CREATE OR REPLACE TEMP TABLE _changed AS SELECT * FROM _changed_in")
    con.unregister("_changed_in")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _groups AS {q.GROUP_RESTARTS}")
    rows = con.execute(q.MENTIONS_OF_GROUPS).fetchall()
    mentions = [
        Mention(
            event_id=r[0],
            doc_id=r[1],
            publisher=r[2],
            source=r[3],
            target=r[4],
            root=r[5],
            code=r[6],
            date=r[7],
            goldstein=float(r[8]),
            quad_class=int(r[9]),
            sentence_index=int(r[10] or 0),
        )
        for r in rows
    ]
    con.execute(q.DELETE_GROUP_CLUSTERS)
    clusters = cluster_mentions(mentions, hours=hours)
    if clusters:
        arrow = pa.Table.from_pylist([dict(zip(q.CLUSTER_COLUMNS, c.row(), strict=True)) for c in clusters])
        con.register("_new_clusters", arrow)
        con.execute(f"INSERT INTO clusters SELECT {', '.join(q.CLUSTER_COLUMNS)} FROM _new_clusters")
        con.unregister("_new_clusters")
        members = pa.table(
            {
                "event_id": [e for c in clusters for e in c.event_ids],
                "cluster_id": [c.cluster_id for c in clusters for _ in c.event_ids],
            }
        )
        con.register("_members", members)
        con.execute(q.SET_CLUSTER_IDS)
        con.unregister("_members")
    _refresh_dyads(con)


def _refresh_dyads(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute dyad_days from each touched dyad's earliest affected day; drop its cached threshold."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _pairs AS SELECT left(source_key, 3) AS source_country, "
        "left(target_key, 3) AS target_country, min(coalesce(least(restart, changed), changed)) AS since "
        "FROM _groups JOIN _changed USING (source_key, target_key, root) GROUP BY ALL"
    )
    con.execute(q.DELETE_DYAD_DAYS)
    con.execute(f"INSERT INTO dyad_days ({', '.join(q.DYAD_DAYS_COLUMNS)}) {q.DYAD_DAYS_FROM_CLUSTERS}")
    con.execute(q.DELETE_THRESHOLDS)


__all__ = [
    "IngestSummary",
    "Provenance",
    "actor_country",
    "coding_files",  # re-exported from volte.coding.fingerprint, where they live now
    "coding_key",
    "content_hash",
    "files_sha256",
    "publisher",
    "recluster",
    "rules_sha256",
    "source_hash",
    "write",
    "write_articles",
]
