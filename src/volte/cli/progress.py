"""A small progress line on stderr for long runs (only on a terminal; quiet otherwise)."""

from __future__ import annotations

import sys
import time


class Progress:
    """Counts documents, events and rejects; redraws at most 5 times a second on a TTY."""

    def __init__(
        self, label: str, *, total: int | None = None, unit: str = "docs", enabled: bool | None = None
    ) -> None:
        self.label, self.total, self.unit = label, total, unit
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.done = self.events = self.rejects = 0
        self.start = self._last = time.monotonic()

    def advance(self, n: int = 1, *, events: int = 0, rejects: int | bool = 0) -> None:
        self.done += n
        self.events += events
        self.rejects += int(rejects)
        now = time.monotonic()
        if self.enabled and now - self._last > 0.2:
            self._last = now
            sys.stderr.write("\r" + self.line(now))
            sys.stderr.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.start, 1e-6)
        rate = self.done / elapsed
        text = f"{self.label}: {self.done}"
        if self.total:
            eta = (self.total - self.done) / rate if rate else 0.0
            text += f"/{self.total} ({100 * self.done / self.total:.0f}%, ETA {eta:.0f}s)"
        return f"{text} {self.unit}, {rate:.1f} {self.unit}/s, {self.events} events, {self.rejects} rejects"

    def close(self) -> None:
        if self.enabled and self.done:
            sys.stderr.write("\r" + self.line() + "\n")
            sys.stderr.flush()
