"""Live progress on stderr for long runs (rich; only on a terminal, quiet otherwise).

With the size of every input file known (no stdin), the bar counts bytes: its total, the rate and the
time left come from how much of the input is coded. A document's share is its text's UTF-8 length, and the
last document of each file takes what is left of the file, so the bar is exact at every file boundary
(JSON keys, markup and whitespace make a document's text shorter than its bytes). Documents, events and
rejects are counted live beside it. Without sizes (stdin) the line shows the counts and the rate.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    ProgressColumn,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.progress import Progress as RichProgress

from volte.ingest.sources import InputFile, iter_file

if TYPE_CHECKING:
    from volte.records import Article, Reject
    from volte.settings import Settings

COUNTS = "{task.fields[docs]} docs, {task.fields[rate]} docs/s, {task.fields[events]} events, {task.fields[rejects]} rejects"


class Progress:
    """Counts documents, events and rejects (and bytes when ``total_bytes`` is known) on a rich bar.

    ``total`` is the number of ``unit``s expected (``volte batch``: documents); ``total_bytes`` the size of
    the inputs (``volte code``/``ingest``), which the bar then counts instead. ``enabled`` defaults to
    stderr being a terminal; ``console`` (tests) replaces stderr."""

    def __init__(
        self,
        label: str,
        *,
        total: int | None = None,
        unit: str = "docs",
        enabled: bool | None = None,
        total_bytes: int | None = None,
        console: Console | None = None,
    ) -> None:
        self.label, self.total, self.unit, self.total_bytes = label, total, unit, total_bytes
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = self.events = self.rejects = self.bytes = 0
        self.start = time.monotonic()
        self._weights: dict[str, int] = {}
        self._bar: RichProgress | None = None
        self._task: Any = None
        if self.enabled:
            self._bar = RichProgress(
                *self._columns(),
                console=console or Console(stderr=True),
                transient=False,
                redirect_stdout=False,  # events go to stdout, which may be a file: never through the bar
                redirect_stderr=False,
            )
            total_shown = total_bytes if total_bytes is not None else total
            self._task = self._bar.add_task(label, total=total_shown, **self._fields())
            self._bar.start()

    def _columns(self) -> list[ProgressColumn | str]:
        counts = TextColumn(COUNTS)
        if self.total_bytes is not None:
            return [
                TextColumn("{task.description}"),
                BarColumn(bar_width=20),
                TaskProgressColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                counts,
            ]
        if self.total:
            return [
                TextColumn("{task.description}"),
                BarColumn(bar_width=20),
                TextColumn("{task.completed:.0f}/{task.total:.0f} " + self.unit),
                TaskProgressColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                counts,
            ]
        return [SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), counts]

    def _fields(self) -> dict[str, Any]:
        elapsed = max(time.monotonic() - self.start, 1e-6)
        return {
            "docs": self.done,
            "events": self.events,
            "rejects": self.rejects,
            "rate": f"{self.done / elapsed:.1f}",
        }

    def advance(self, n: int = 1, *, events: int = 0, rejects: int | bool = 0, nbytes: int = 0) -> None:
        self.done += n
        self.events += events
        self.rejects += int(rejects)
        self.bytes += nbytes
        if self._bar is not None:
            completed = self.bytes if self.total_bytes is not None else self.done
            self._bar.update(self._task, completed=completed, **self._fields())

    def coded(self, doc_id: str, *, events: int, rejected: bool) -> None:
        """One document coded: advance by it and by its share of the input bytes (see :meth:`weigh`)."""
        self.advance(1, events=events, rejects=rejected, nbytes=self._weights.pop(doc_id, 0))

    def taken(self, items: Iterable[Article | Reject]) -> Iterator[Article | Reject]:
        """The items passed on, the bar advancing by each one's bytes as it is taken (``volte ingest``:
        the store takes a batch, then codes what it has not stored unchanged)."""
        for item in items:
            self.advance(0, nbytes=self._weights.pop(_item_id(item), 0))
            yield item

    def counts(self, *, docs: int, events: int, rejects: int) -> None:
        """Set the counts (from the store's running summary)."""
        self.done, self.events, self.rejects = docs, events, rejects
        self.advance(0)

    def weigh(self, items: Iterable[Article | Reject], size: int | None) -> Iterator[Article | Reject]:
        """The items of one file of ``size`` bytes, each noted with its share of the bytes, passed on."""
        used, previous = 0, None
        for item in items:
            if previous is not None:
                share = _text_bytes(previous)
                if size is not None:
                    share = min(share, max(size - used, 0))
                used += share
                self._note(previous, share)
                yield previous
            previous = item
        if previous is not None:
            self._note(previous, max(size - used, 0) if size is not None else _text_bytes(previous))
            yield previous

    def _note(self, item: Article | Reject, share: int) -> None:
        key = _item_id(item)
        self._weights[key] = self._weights.get(key, 0) + share

    def line(self) -> str:
        """The counts as one line of text."""
        elapsed = max(time.monotonic() - self.start, 1e-6)
        text = f"{self.label}: {self.done}"
        if self.total:
            text += f"/{self.total}"
        return f"{text} {self.unit}, {self.done / elapsed:.1f} {self.unit}/s, {self.events} events, {self.rejects} rejects"

    def close(self) -> None:
        if self._bar is not None:
            if self.total_bytes is not None and self.done:
                self._bar.update(self._task, completed=self.total_bytes, **self._fields())
            self._bar.stop()
            self._bar = None


def input_bytes(files: Sequence[InputFile]) -> int | None:
    """The total size of the input files, or None when one has no size known in advance (stdin)."""
    total = 0
    for file in files:
        if file.path == "-":
            return None
        try:
            total += os.path.getsize(file.path)
        except OSError:
            return None
    return total


def read_weighed(
    files: Sequence[InputFile], progress: Progress, *, settings: Settings
) -> Iterator[Article | Reject]:
    """Every document of the files (as :func:`volte.ingest.sources.iter_files`), each weighed for the bar."""
    for file in files:
        size = None if file.path == "-" else _size(file.path)
        yield from progress.weigh(iter_file(file.path, name=file.name, settings=settings), size)


def _size(path: str) -> int | None:
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def _item_id(item: Any) -> str:
    return str(getattr(item, "id", None) or getattr(item, "doc_id", ""))


def _text_bytes(item: Any) -> int:
    text = getattr(item, "text", None)
    return len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else 0
