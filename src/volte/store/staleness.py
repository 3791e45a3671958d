"""Stored articles coded by another coder than the running one, and reading them back to recode them.

An article is *stale* when the fingerprint (:func:`volte.coding.fingerprint.fingerprint`) of its stored
provenance (``coder_version``, ``dictionaries_sha256``, ``spacy_model``) differs from the running coder's.
An article stored without ``dictionaries_sha256`` (before migration 0003, or from a ``volte batch`` output)
has no known fingerprint and counts as stale. An article without events records no ``coder_version``; its
other two parts decide. ``volte ingest --recode-stale`` feeds :func:`stale_articles` through the ordinary
ingest path: an article whose events come out the same keeps them (same event ids) and only its
provenance is brought up to date; one whose events change is replaced.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import duckdb

from volte import CODER_VERSION
from volte.coding.fingerprint import fingerprint
from volte.records import Article

#: the stored provenance of each article, and how many articles share it
_GROUPS = (
    "SELECT coder_version, dictionaries_sha256, spacy_model, count(*) FROM articles GROUP BY ALL ORDER BY ALL"
)
_ARTICLE_COLUMNS = ("id", "text", "url", "title", "published", "kind", "lang", "origin")
Provenance = tuple[str | None, str | None, str | None]  # (coder_version, dictionaries_sha256, spacy_model)


@dataclass(frozen=True)
class Coder:
    """The provenance the running coder stores: what :func:`stale_report` compares with."""

    dictionaries: str
    spacy_model: str
    coder_version: str = CODER_VERSION

    @property
    def fingerprint(self) -> str:
        return fingerprint(
            dictionaries=self.dictionaries, spacy_model=self.spacy_model, coder_version=self.coder_version
        )


@dataclass(frozen=True)
class StaleReport:
    """How many stored articles another coder made, by their coder version (``unknown``: none recorded)."""

    articles: int = 0
    stale: int = 0
    by_version: dict[str, int] = field(default_factory=dict)

    def describe(self, *, fix: str = "volte ingest --recode-stale") -> str:
        """One line for people: how many, by which coder versions, and ``fix``, the command that recodes them."""
        versions = ", ".join(f"{n} by {v}" for v, n in sorted(self.by_version.items()))
        return (
            f"{self.stale} of the {self.articles} stored articles were coded by another coder than this one "
            f"({versions}): `{fix}` recodes them from their stored text"
        )


def stored_fingerprint(row: Provenance, coder: Coder) -> str | None:
    """The fingerprint of an article's stored (coder_version, dictionaries_sha256, spacy_model); None when
    it has no dictionaries hash. No coder version (an article without events): the running one's."""
    version, dictionaries, model = row
    if dictionaries is None:
        return None
    return fingerprint(
        dictionaries=dictionaries, spacy_model=model or "", coder_version=version or coder.coder_version
    )


def _stale_groups(con: duckdb.DuckDBPyConnection, coder: Coder) -> list[tuple[Provenance, int]]:
    current = coder.fingerprint
    out: list[tuple[Provenance, int]] = []
    for version, dictionaries, model, count in con.execute(_GROUPS).fetchall():
        if stored_fingerprint((version, dictionaries, model), coder) != current:
            out.append(((version, dictionaries, model), int(count)))
    return out


def stale_report(con: duckdb.DuckDBPyConnection, coder: Coder) -> StaleReport:
    """How many stored articles are stale for ``coder``."""
    total = con.execute("SELECT count(*) FROM articles").fetchone()
    groups = _stale_groups(con, coder)
    by_version: dict[str, int] = {}
    for (version, dictionaries, _), count in groups:
        name = version or coder.coder_version
        if dictionaries is None:
            name = "an unknown coder"
        elif name == coder.coder_version:
            name = f"{name} with other rules, coding code or model"
        by_version[name] = by_version.get(name, 0) + count
    return StaleReport(
        articles=int(total[0]) if total else 0, stale=sum(n for _, n in groups), by_version=by_version
    )


def stale_ids(con: duckdb.DuckDBPyConnection, coder: Coder) -> list[str]:
    """The ids of the stale articles, sorted."""
    ids: list[str] = []
    for (version, dictionaries, model), _ in _stale_groups(con, coder):
        rows = con.execute(
            "SELECT id FROM articles WHERE coder_version IS NOT DISTINCT FROM ? AND "
            "dictionaries_sha256 IS NOT DISTINCT FROM ? AND spacy_model IS NOT DISTINCT FROM ?",
            [version, dictionaries, model],
        ).fetchall()
        ids += [r[0] for r in rows]
    return sorted(ids)


def stale_articles(con: duckdb.DuckDBPyConnection, ids: list[str], *, batch_size: int) -> Iterator[Article]:
    """The stored articles ``ids`` as :class:`Article` records, read ``batch_size`` at a time (each read
    finishes before the caller writes). The publisher is the one their events were stored with."""
    for start in range(0, len(ids), max(batch_size, 1)):
        chunk = ids[start : start + max(batch_size, 1)]
        rows = con.execute(
            f"SELECT {', '.join('a.' + c for c in _ARTICLE_COLUMNS)}, "
            "(SELECT any_value(e.publisher) FROM events e WHERE e.doc_id = a.id) "
            "FROM articles a WHERE a.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.id",
            [chunk],
        ).fetchall()
        yield from (_article(row) for row in rows)


def _article(row: tuple[object, ...]) -> Article:
    values = dict(zip(_ARTICLE_COLUMNS, row[: len(_ARTICLE_COLUMNS)], strict=True))
    publisher = row[len(_ARTICLE_COLUMNS)]
    named = isinstance(publisher, str) and not publisher.startswith("doc:")
    return Article(**values, publisher=publisher if named else None)  # type: ignore[arg-type]


__all__ = ["Coder", "StaleReport", "stale_articles", "stale_ids", "stale_report", "stored_fingerprint"]
