"""The folder watcher of ``volte serve --watch DIR``: files dropped into DIR are coded and stored while the
server runs, the server being the store's one writer.

A background thread polls DIR every ``interval`` seconds (file sizes and modification times; no extra
dependency). A file is read once it is *stable*, its size and mtime unchanged across two polls, so a file
still being written waits for the writer to finish. What was ingested is remembered by path, mtime and size:
an unchanged file is not read again, a changed one is ingested again (the same document id replaces its
old version). Restarting the server reads the folder's files once more, and the store's idempotent ingest
skips those stored unchanged before coding them, so nothing is doubled.

Files are read as ``volte ingest DIR`` reads them (ids are paths under DIR, hidden files and unknown types
are skipped) and stored with :meth:`volte.store.db.Store.ingest_articles`, :data:`CHUNK` articles per
opening of the store for writing (API reads wait meanwhile, so not for long): rejects land in the store's
``rejects`` table as usual. A failed round (the store locked by another process, E502) is reported and
retried at the next poll.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from volte.analyse import shifts as detection
from volte.coding.user_rules import provenance_files
from volte.errors import VolteError
from volte.ingest.published import fill_dates
from volte.ingest.sources import InputFile, iter_files, scan_inputs
from volte.nlp.pipeline import model_version
from volte.store.writer import IngestSummary, rules_sha256

if TYPE_CHECKING:
    from volte.serve.access import CoderAccess, StoreAccess
    from volte.settings import Settings

log = logging.getLogger(__name__)
CHUNK = 50  # articles coded and stored per opening of the store for writing


@dataclass(frozen=True)
class FileState:
    """What the watcher compares between polls."""

    mtime_ns: int
    size: int


class FolderWatcher:
    """Polls ``folder`` and ingests new or changed stable files through the server's store and coder."""

    def __init__(
        self,
        folder: Path,
        *,
        store: StoreAccess,
        coder: CoderAccess,
        settings: Settings,
        interval: float = 1.0,
        report: Callable[[str], None] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.store, self.coder, self.settings = store, coder, settings
        self.interval = interval
        self.report = report or (lambda message: log.info("%s", message))
        self.ingested: dict[str, FileState] = {}  # path -> the state it had when it was ingested
        self._last: dict[str, FileState] = {}  # path -> the state seen at the previous poll
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_problem = ""

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="volte-watch", daemon=True)
        self._thread.start()

    def stop(self, *, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll()
                self._last_problem = ""
            except VolteError as exc:
                self._problem(f"Error [{exc.code}]: {exc} (retrying)")
            except Exception as exc:  # noqa: BLE001 - the watcher must outlive any one bad round
                log.exception("watch: a round failed")
                self._problem(f"watch: a round failed ({type(exc).__name__}: {exc}); retrying")
            self._stop.wait(self.interval)

    def _problem(self, message: str) -> None:
        if message != self._last_problem:  # once, not at every poll
            self.report(f"watch {self.folder}: {message}")
            self._last_problem = message

    def poll(self) -> IngestSummary | None:
        """One round: ingest the files that are stable and not ingested in their present state."""
        files = self._files()
        now = {f.path: state for f in files if (state := _state(f.path)) is not None}
        ready = [
            f
            for f in files
            if f.path in now
            and now[f.path] == self._last.get(f.path)
            and self.ingested.get(f.path) != now[f.path]
        ]
        self._last = now
        if not ready:
            return None
        summary = self._ingest(ready)
        for f in ready:
            self.ingested[f.path] = now[f.path]
        self.report(
            f"watch {self.folder}: {len(ready)} files, {summary.documents} documents: {summary.added} new, "
            f"{summary.replaced} replaced, {summary.unchanged} unchanged, {summary.events} events, "
            f"{summary.rejects} rejected"
        )
        return summary

    def _files(self) -> list[InputFile]:
        return scan_inputs([str(self.folder)]).files

    def _ingest(self, files: Sequence[InputFile]) -> IngestSummary:
        coder = self.coder.coder()  # loaded before the store is locked for writing
        dictionaries = rules_sha256(provenance_files(coder.settings))
        total = IngestSummary()
        items = iter_files(files, settings=self.settings)
        # a chunk at a time: API reads wait while the store is open for writing, so never for long
        while chunk := list(islice(items, CHUNK)):
            with self.store.writing() as store:
                summary = detection.ingest(  # and calibrate the dyads the write added
                    store,
                    fill_dates(chunk, published=None, stored=store.published_of),
                    code=self.coder.code_all,
                    coder_settings=coder.settings,
                    batch_size=CHUNK,
                    spacy_model=model_version(coder.nlp),
                    dictionaries=dictionaries,
                )
            _add(total, summary)
        return total


def _add(total: IngestSummary, part: IngestSummary) -> None:
    """Add ``part``'s counts to ``total``, every field of IngestSummary (its counts and reject codes)."""
    for name in (f.name for f in dataclasses.fields(IngestSummary)):
        if name == "reject_codes":
            total.reject_codes.update(part.reject_codes)
        else:
            setattr(total, name, getattr(total, name) + getattr(part, name))


def _state(path: str) -> FileState | None:
    try:
        stat = os.stat(path)
    except OSError:  # removed between the scan and now
        return None
    return FileState(stat.st_mtime_ns, stat.st_size)


__all__ = ["FileState", "FolderWatcher"]
