"""The server's cache of read answers: each a JSON body, encoded once, kept until the store is written.

A key is the store's write generation plus the route and its normalised parameters; the server's own writes
(``POST /api/articles``, the dashboard's "store" form) move the generation on and empty the cache, so the next
read sees the write. Nothing else can change the file while the server holds it open (DuckDB's one-writer
lock, docs/api.md "One writer"). Entries are evicted least recently used first, bounded in bytes.

A request whose path and query string were answered from such a key before (:class:`RepeatedReads`) is
answered from the cache before routing: no parameter checks, no worker thread. The URL only names the key;
the body is the cached one of the store as last written, or the request goes on to its route.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from pydantic import TypeAdapter
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

# FastAPI's own encoder for routes annotated ``-> dict[str, Any]``: cached bodies are byte for byte the
# answers the routes gave before they were cached.
_JSON = TypeAdapter(dict[str, Any])


def encode(answer: dict[str, Any]) -> bytes:
    """An answer as JSON bytes, exactly as FastAPI encodes a ``dict[str, Any]`` route's return value."""
    return _JSON.dump_json(_JSON.validate_python(answer))


class AnswerCache:
    """Least-recently-used JSON bodies, at most ``max_bytes`` in all (0: keeps nothing); thread-safe."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max(int(max_bytes), 0)
        self._bodies: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is None:
                self.misses += 1
                return None
            self._bodies.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:  # one answer never takes more than an eighth of the cache
            return
        with self._lock:
            old = self._bodies.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._bodies[key] = body
            self._size += len(body)
            while self._size > self.max_bytes:
                _, dropped = self._bodies.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._bodies)

    @property
    def size(self) -> int:
        """Bytes held."""
        return self._size


class UrlKeys:
    """Which answer key a GET's path and query string came to (the route's normalised parameters), for at
    most ``max_entries`` URLs, least recently used first out; thread-safe. A URL reaches a key only after
    the route accepted its parameters, and the same URL always comes to the same key, so an entry stays
    right across writes (the body it names is looked up for the store as last written)."""

    def __init__(self, max_entries: int = 8192) -> None:
        self.max_entries = max_entries
        self._keys: OrderedDict[tuple[str, bytes], Hashable] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, url: tuple[str, bytes]) -> Hashable | None:
        with self._lock:
            key = self._keys.get(url)
            if key is not None:
                self._keys.move_to_end(url)
            return key

    def put(self, url: tuple[str, bytes], key: Hashable) -> None:
        with self._lock:
            self._keys[url] = key
            self._keys.move_to_end(url)
            while len(self._keys) > self.max_entries:
                self._keys.popitem(last=False)


class RepeatedReads:
    """ASGI middleware: a GET whose path and query string a route answered from the answer cache's key
    ``K`` (:class:`UrlKeys`) is answered with ``K``'s cached body, if there is one for the store as last
    written, exactly as the route answers it (its ``Response``); anything else goes on to the routes."""

    def __init__(self, app: ASGIApp, *, cached: Any, urls: UrlKeys) -> None:
        self.app = app
        self.cached = cached  # key -> body for the store as last written, or None (StoreAccess.cached)
        self.urls = urls

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            key = self.urls.get((scope["path"], scope["query_string"]))
            body = self.cached(key) if key is not None else None
            if body is not None:
                await Response(content=body, media_type="application/json")(scope, receive, send)
                return
        await self.app(scope, receive, send)


__all__ = ["AnswerCache", "RepeatedReads", "UrlKeys", "encode"]
