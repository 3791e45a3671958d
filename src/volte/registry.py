"""Formats registered by name: :data:`exporters` (``volte export``) and :data:`readers` (``volte ingest``,
``volte code``, ``volte batch``).

A format is one function registered under a name with the file extensions that imply it::

    from volte.registry import exporters

    @exporters.register("ndjson", extensions=(".ndjson",), unit="events")
    def write_ndjson(con, path, *, filters, header):
        ...  # write the file, return the number of rows written

volte's own formats register themselves the same way in the modules that implement them (listed in
``builtins``, imported on first use). Another package adds a format without touching volte by naming the
module that registers it (or the function itself, registered under the entry point's name) in its
``pyproject.toml``::

    [project.entry-points."volte.exporters"]
    ndjson = "volte_ndjson:write_ndjson"

docs/export.md and docs/input.md ("Adding a format") say what each kind of function receives.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Entry(Generic[F]):
    """One registered format: its name, the function, the extensions that imply it (lower case, with the
    dot) and ``unit``, what a row of it is (``events``, ``clusters``...)."""

    name: str
    func: F
    extensions: tuple[str, ...] = ()
    unit: str = "rows"


class Registry(Generic[F]):
    """Named functions of one kind, in registration order (volte's own first), found also through the
    ``group`` entry points."""

    def __init__(self, kind: str, *, group: str, builtins: Sequence[str]) -> None:
        self.kind, self.group, self.builtins = kind, group, tuple(builtins)
        self._entries: dict[str, Entry[F]] = {}
        self._loaded = False

    def register(self, name: str, *, extensions: Sequence[str] = (), unit: str = "rows") -> Callable[[F], F]:
        """Decorator: register the function under ``name`` (a later registration of a name replaces it)."""

        def add(func: F) -> F:
            exts = tuple(e.lower() if e.startswith(".") or not e else "." + e.lower() for e in extensions)
            self._entries[name] = Entry(name, func, exts, unit)
            return func

        return add

    def unregister(self, name: str) -> None:
        """Forget ``name`` (tests that register a format of their own)."""
        self._entries.pop(name, None)

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for module in self.builtins:
            importlib.import_module(module)
        for point in metadata.entry_points(group=self.group):
            loaded = point.load()
            if point.name not in self._entries and callable(loaded):
                self.register(point.name)(loaded)
            log.debug("%s: loaded %s from entry point %s", self.kind, point.name, point.value)

    def names(self) -> tuple[str, ...]:
        """Every registered name, volte's own first."""
        self._load()
        return tuple(self._entries)

    def entries(self) -> Iterator[Entry[F]]:
        self._load()
        return iter(list(self._entries.values()))

    def get(self, name: str) -> Entry[F] | None:
        self._load()
        return self._entries.get(name)

    def extensions(self) -> dict[str, str]:
        """extension -> name; the first registration of an extension holds it."""
        out: dict[str, str] = {}
        for entry in self.entries():
            for ext in entry.extensions:
                out.setdefault(ext, entry.name)
        return out

    def for_extension(self, extension: str) -> Entry[F] | None:
        """The format an extension (``.csv``; any case) implies, None when none does."""
        name = self.extensions().get(extension.lower())
        return self.get(name) if name is not None else None


exporters: Registry[Callable[..., int]] = Registry(
    "exporter", group="volte.exporters", builtins=("volte.store.exports",)
)
readers: Registry[Callable[..., Any]] = Registry(
    "reader", group="volte.readers", builtins=("volte.ingest.sources",)
)

__all__ = ["Entry", "Registry", "exporters", "readers"]
