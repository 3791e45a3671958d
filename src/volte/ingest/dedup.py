"""One run's document ids and URLs: a repeat is counted, a collision is a reject, nothing is dropped silently.

Inside one run (one ``volte ingest``, ``volte code`` or ``Store.ingest`` call) a document id or URL names
one article. The same article seen again (same id, URL, text, title, date and kind) is a *repeat*: it is
counted and skipped. Another article under an id or URL already used is a *collision*: it becomes a
``Reject`` E212 that names both inputs, and the first one is kept. Across runs, an id or URL seen again
is a new version of the stored article (see docs/store.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from volte.errors import E_INGEST_ID_COLLISION
from volte.records import Article, Reject


def article_digest(article: Article) -> bytes:
    """What makes two articles the same article: everything but the id and where it was read."""
    key = "\x1f".join(
        [article.text, article.url or "", article.title or "", str(article.published or ""), article.kind]
    )
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class RunIds:
    """The ids and URLs admitted so far in one run (memory: about 100 bytes per article)."""

    def __init__(self) -> None:
        self._ids: dict[str, tuple[bytes, str]] = {}  # id -> (digest, origin)
        self._urls: dict[str, str] = {}  # url -> id
        self.repeats = 0

    def admit(self, article: Article) -> bool | Reject:
        """True for an article new to this run, False for a repeat, a Reject (E212) for a collision."""
        digest = article_digest(article)
        for what, owner in self._owners(article):
            seen_digest, origin = self._ids[owner]
            if seen_digest == digest:
                self.repeats += 1
                return False
            return Reject(
                doc_id=article.id,
                stage="ingest",
                code=E_INGEST_ID_COLLISION,
                reason=(
                    f"{what} of {article.origin or 'this article'} is already used in this run by another "
                    f"article ({_where(owner, origin)}); "
                    "kept the first. Give each record its own id, or ingest the two in separate runs "
                    "(a later run replaces the stored version)"
                ),
                origin=article.origin,
            )
        self._ids[article.id] = (digest, article.origin or article.id)
        if article.url:
            self._urls[article.url] = article.id
        return True

    def _owners(self, article: Article) -> list[tuple[str, str]]:
        owners = []
        if article.id in self._ids:
            owners.append((f"id {article.id!r}", article.id))
        if article.url and article.url in self._urls:
            owners.append((f"URL {article.url}", self._urls[article.url]))
        return owners


def screen(items: Iterable[Article | Reject], seen: RunIds) -> Iterator[Article | Reject]:
    """The items with repeats left out (counted in ``seen.repeats``) and collisions as E212 rejects."""
    for item in items:
        verdict = seen.admit(item) if isinstance(item, Article) else True
        if verdict is not False:
            yield item if verdict is True else verdict


def _where(doc_id: str, origin: str) -> str:
    return origin if origin == doc_id else f"{doc_id!r} from {origin}"
