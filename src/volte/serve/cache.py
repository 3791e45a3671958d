"""The server's cache of read answers: each a JSON body, encoded once, kept until the store is written.

A key is the store's write generation plus the route and its normalised parameters; the server's own writes
(``POST /api/articles``, the dashboard's "store" form) move the generation on and empty the cache, so the next
read sees the write. Nothing else can change the file while the server holds it open (DuckDB's one-writer
lock, docs/api.md "One writer"). Entries are evicted least recently used first, bounded in bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from pydantic import TypeAdapter

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


__all__ = ["AnswerCache", "encode"]
