"""How the server reaches the store and the coder: read-only connections for reads, one short
read-write connection per write, and one coder loaded on first use.

DuckDB lets one process write a database file, and a process cannot hold a read-only and a read-write
connection to the same file at once. So reads borrow read-only stores from a small pool; a write waits for
the reads in flight, closes the pool, opens the file read-write, ingests, closes it again, and lets the
reads reopen. A server started without write access never opens the file read-write, so CLI readers can
share the file with it; any writer (``volte ingest``) is refused while it runs, and vice versa.

Answers of the read routes are cached as encoded JSON (:mod:`volte.serve.cache`) under the store's write
generation, which every write moves on: a read after a write is answered from the store again. The
dashboard pages keep the data they read the same way (``memo``) and render their HTML per request.
"""

from __future__ import annotations

import gc
import logging
import pickle
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from volte.analyse import shifts as detection
from volte.errors import E_STORE_LOCKED, StoreError
from volte.serve.cache import AnswerCache, UrlKeys, encode
from volte.serve.errors import Unavailable
from volte.serve.readindex import ReadIndex
from volte.store.db import Store

if TYPE_CHECKING:
    from volte.coding.coder import Coded, Coder
    from volte.records import Article, Reject
    from volte.settings import Settings

log = logging.getLogger(__name__)
INDEX_SHARE = 0.1  # the largest share of the server's time that rebuilding its read index may take


class StoreAccess:
    """A bounded pool of read-only stores plus an exclusive, short-lived writer.

    ``reading()`` yields a read-only :class:`~volte.store.db.Store` for the duration of one request;
    ``answer(key, compute)`` is ``compute(store)`` as JSON bytes, cached (``cache_bytes``, 0: off) until the
    next write; ``write(coded)`` ingests under an exclusive lock (only when ``writable``).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        writable: bool,
        pool_size: int = 8,
        settings: Settings | None = None,
        cache_bytes: int = 0,
        read_index: bool = True,
        index_max_events: int | None = None,
        index_share: float = INDEX_SHARE,
    ) -> None:
        self.path = Path(path)
        self.writable = writable
        self.settings = settings
        self.pool_size = pool_size
        self.cache = AnswerCache(cache_bytes)
        self.urls = UrlKeys()  # the answer key each read URL came to (cache.RepeatedReads)
        self.generation = 0  # moves on with every write; part of each cache key
        self._idle: list[Store] = []
        self._open = 0  # stores opened by the pool (idle + borrowed)
        self._readers = 0
        self._writing = False
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()
        self.use_index = read_index
        self._index: ReadIndex | None = None
        self._index_lock = threading.Lock()
        self.index_share = index_share
        self.index_max_events = index_max_events  # None: any size
        self._too_big: int | None = None  # the generation found to hold more events than that
        self._next_build = 0.0  # time.monotonic() before which the index is not built again
        self._closed_at: tuple[tuple[int, int] | None, ...] | None = None  # the file when warm() let it go

    def cached(self, key: Hashable) -> bytes | None:
        """The cached answer to ``key`` for the store as last written, None when there is none."""
        return self.cache.get((self.generation, key)) if self.cache.max_bytes else None

    def answer(self, key: Hashable, compute: Callable[[Store], dict[str, Any]]) -> bytes:
        """``compute`` run on a read-only store, as JSON bytes; cached under ``key`` until the next write."""
        body = self.cached(key)
        if body is not None:
            return body
        found, generation = self._computed(compute)
        body = encode(found)
        self._keep(generation, key, body)
        return body

    def memo(self, key: Hashable, compute: Callable[[Store], Any]) -> Any:
        """``compute`` run on a read-only store, kept (pickled, so each caller gets its own copy) under
        ``key`` until the next write: the dashboard pages' reads, whose HTML is rendered per request."""
        body = self.cached(("memo", key))
        if body is not None:
            return pickle.loads(body)  # noqa: S301 - bytes this process pickled itself
        found, generation = self._computed(compute)
        if self.cache.max_bytes:
            try:
                body = pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)
            except (pickle.PicklingError, TypeError, AttributeError) as exc:  # not kept, still answered
                log.debug("not caching %r: %s", key, exc)
            else:
                self._keep(generation, ("memo", key), body)
        return found

    def _computed(self, compute: Callable[[Store], Any]) -> tuple[Any, int]:
        """``compute`` run on a borrowed read-only store, and the write generation it read."""
        with self.reading() as store:
            generation = self.generation  # stable while a store is borrowed: a write waits for its readers
            return compute(store), generation

    def _keep(self, generation: int, key: Hashable, body: bytes) -> None:
        """Cache ``body`` under ``key``, unless a write came after ``generation`` was read (or the cache is off)."""
        if self.cache.max_bytes and generation == self.generation:
            self.cache.put((generation, key), body)

    def read_index(self, store: Store) -> ReadIndex | None:
        """The read index (:mod:`volte.serve.readindex`) of the store as last written, built from ``store``
        (a borrowed read-only store) when there is none yet; None while another request builds it (that
        request's neighbours read the store meanwhile), when the index is off, or for a while after a
        rebuild: rebuilding takes at most ``index_share`` of the time (a tenth), however often the
        store is written (reads in between go to the store, as without an index)."""
        if not self.use_index:
            return None
        found = self._index
        if found is not None and found.generation == self.generation:
            return found
        if self._too_big == self.generation:
            return None
        if time.monotonic() < self._next_build:
            return None
        if not self._index_lock.acquire(blocking=False):
            return None
        try:
            generation = self.generation  # stable while a store is borrowed: a write waits for its readers
            found = self._index
            if found is None or found.generation != generation:
                self._index = None  # the old generation's arrays go before the new ones are read
                if self.index_max_events is not None:
                    count = store.con.execute("SELECT count(*) FROM events").fetchone()
                    if count is not None and count[0] > self.index_max_events:
                        self._too_big = generation
                        log.info(
                            "no read index: %d events, more than serve.read_index_max_events (%d)",
                            count[0],
                            self.index_max_events,
                        )
                        return None
                began = time.perf_counter()
                found = ReadIndex.build(store, generation=generation)
                self._index = found
                took = time.perf_counter() - began
                self._next_build = time.monotonic() + took * (1 / self.index_share - 1)
                log.info("read index built in %.2f s (%.0f MB)", took, found.nbytes / 1e6)
            return found
        finally:
            self._index_lock.release()

    def warm(self) -> None:
        """Build the read index now (``volte serve`` calls this before it accepts requests, so that the first
        ones find it); a store that cannot be read is left to the requests, which report why."""
        if not self.use_index or not self.path.exists():
            return
        try:
            with self.reading() as store:
                self.read_index(store)
        except Exception as exc:  # noqa: BLE001 - reported by the first request that reads the store
            log.warning("read index not built at start: %s", exc)
        # what the process holds by now (modules, the app, the index) lives as long as the server: out of the
        # collector's sight, a full collection no longer walks it (60 ms pauses in the middle of requests
        # under bench/serve.py at 1M events before)
        gc.collect()  # what is garbage now is freed first, not kept for good
        gc.freeze()
        # hold no connection until the first request: another process may still open the file meanwhile
        with self._cond:
            if not self._readers:
                self._close_idle()
                self._closed_at = _file_state(self.path)

    def _reopened(self) -> None:
        """Called when the pool opens the file while it held no connection since :meth:`warm`: another
        process may have written it meanwhile, and then the index and the cached answers are old."""
        if self._closed_at is not None and _file_state(self.path) != self._closed_at:
            self.generation += 1
            self.cache.clear()
            self._index = None
        self._closed_at = None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        store = self._borrow()
        try:
            yield store
        finally:  # a failed query (unknown actor, bad range) leaves the connection usable: keep it
            self._give_back(store, keep=True)

    def _borrow(self) -> Store:
        with self._cond:
            while self._writing or (not self._idle and self._open >= self.pool_size):
                self._cond.wait()
            self._readers += 1
            if self._idle:
                return self._idle.pop()
            if not self._open:
                self._reopened()
            self._open += 1
        try:
            return self._open_store(read_only=True)
        except BaseException:
            with self._cond:
                self._open -= 1
                self._readers -= 1
                self._cond.notify_all()
            raise

    def _give_back(self, store: Store, *, keep: bool) -> None:
        with self._cond:
            self._readers -= 1
            if keep and not self._writing:
                self._idle.append(store)
            else:
                self._open -= 1
                _close(store)
            self._cond.notify_all()

    def write(self, coded: Iterable[Coded]) -> Any:
        """Ingest coded articles through a short read-write connection; returns the store's summary."""
        if not self.writable:
            raise Unavailable(
                "this server was started read-only; restart `volte serve` with VOLTE_TOKEN set to accept writes"
            )
        with self.writing() as store:
            return detection.ingest(store, coded)  # and calibrate the dyads the write added

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """A read-write store, exclusive: reads wait until it is closed (the folder watcher of ``volte serve
        --watch`` writes through this, token or not; ``write`` checks ``writable`` first)."""
        with self._write_lock:
            with self._cond:
                self._writing = True
                while self._readers:
                    self._cond.wait()
                self._close_idle()
            try:
                store = self._open_store(read_only=False)
                try:
                    yield store
                finally:
                    _close(store)
            finally:
                with self._cond:  # before any reader may borrow again: no answer of the old data is served
                    self.generation += 1
                    self.cache.clear()
                    self._index = None
                    self._writing = False
                    self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._close_idle()

    def _close_idle(self) -> None:
        while self._idle:
            self._open -= 1
            _close(self._idle.pop())

    def _open_store(self, *, read_only: bool) -> Store:
        if read_only and not self.path.exists():
            raise Unavailable(
                f"store {self.path} does not exist yet: create it with `volte ingest ... --db {self.path}`"
                " (or start `volte serve` with VOLTE_TOKEN set and POST articles)"
            )
        try:
            return Store(self.path, read_only=read_only, settings=self.settings)
        except StoreError as exc:
            if exc.code == E_STORE_LOCKED:  # by code: a checksum error names a 'block' (issue 16)
                raise StoreError(
                    f"store {self.path} is locked by another process (DuckDB allows one writer);"
                    " wait for it to finish or stop it, then retry",
                    code=E_STORE_LOCKED,
                ) from exc
            raise


def _file_state(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """(modification time, size) of the store file and of its write-ahead log (None: absent)."""
    found: list[tuple[int, int] | None] = []
    for each in (path, path.with_name(path.name + ".wal")):
        try:
            info = each.stat()
        except OSError:
            found.append(None)
        else:
            found.append((info.st_mtime_ns, info.st_size))
    return tuple(found)


def _close(store: Store) -> None:
    try:
        store.close()
    except StoreError as exc:  # closing must never mask the request's own outcome
        log.warning("closing store failed: %s", exc)


class CoderAccess:
    """One coder per server, built on first use (loading spaCy takes seconds); calls are serialised."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._coder: Coder | None = None
        self._lock = threading.Lock()

    def code(self, article: Article) -> Coded:
        return self.code_all([article])[0]

    def code_all(self, items: Iterable[Article | Reject]) -> list[Coded]:
        """Code several items in one call (the folder watcher's batches), holding the coder meanwhile."""
        with self._lock:
            return list(self._loaded().code(items))

    def coder(self) -> Coder:
        """The coder, loaded now if it is not yet (its model and settings name what codes the store)."""
        with self._lock:
            return self._loaded()

    def _loaded(self) -> Coder:
        if self._coder is None:
            # lazy: spaCy (0.5-1.0 s, measured): the server starts without it, the first write loads it
            from volte.coding.coder import Coder

            log.info("loading the coder (first coding request)")
            self._coder = Coder(self.settings)
        return self._coder


__all__ = ["CoderAccess", "StoreAccess"]
