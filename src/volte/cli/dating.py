"""`--date`/`--override-date` of `volte code` and `volte ingest`, and the warning about undated events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from volte.cli.app import echo, parse_cli_date
from volte.errors import E_CONFIG_BAD_DATE, E_CONFIG_BAD_OPTION, ConfigError
from volte.ingest.extract import check_published
from volte.ingest.published import DateFill

DATE_HELP = (
    "Publication date (YYYY-MM-DD) for articles that carry none; also the year of their datelines "
    "(\"BOGOTA, Jan 7 (Reuters) -\" gives 7 January of the year closest before it). Dates the input or "
    "the store already holds are kept (docs/input.md)."
)
OVERRIDE_HELP = "With --date: replace every article's date by it, even one the input or the store holds."
FIX = (
    "give each article a date (a JSON `date`/`published` key, a dated dateline with --date for its "
    "year) or pass --date YYYY-MM-DD for undated inputs (docs/input.md)"
)


def resolve_date(value: str | None, *, override: bool) -> date | None:
    """The `--date` value, checked like a record's date (1900..tomorrow); `--override-date` needs it."""
    published = parse_cli_date(value, option="--date")
    if override and published is None:
        raise ConfigError(
            "--override-date replaces dates by --date's: give --date YYYY-MM-DD too", code=E_CONFIG_BAD_OPTION
        )
    problem = check_published(published)
    if problem is not None:
        raise ConfigError(f"--date {value}: {problem}", code=E_CONFIG_BAD_DATE)
    return published


@dataclass
class EventDating:
    """Counts the coded events that have no day date (no series or reversal counts them)."""

    events: int = 0
    no_day: int = 0

    def count(self, events: Iterable[Any]) -> None:
        for event in events:
            self.events += 1
            self.no_day += event.date is None or event.date_precision != "day"

    def counted(self, code: Any) -> Any:
        """``code`` (a coder's ``code``), counting the events of what it codes."""

        def run(items: Any) -> Any:
            for coded in code(items):
                self.count(coded.events)
                yield coded

        return run

    def warn(self, fill: DateFill) -> None:
        """A warning on stderr when events lack a day date, with the count of undated articles and the fix."""
        if not self.no_day:
            return
        undated = (
            f"; {fill.undated} articles had no publication date" if fill.undated else ""
        )
        echo(
            f"warning: {self.no_day} of {self.events} events have no day date and are left out of dyad series "
            f"and reversals{undated}; to fix it, {FIX}",
            err=True,
        )


def report_fill(fill: DateFill) -> None:
    """One line on stderr when dates came from somewhere else than the input."""
    parts = [
        f"{n} {what}"
        for n, what in (
            (fill.from_dateline, "from their dateline"),
            (fill.from_store, "kept from the store"),
            (fill.from_option, "from --date"),
            (fill.overridden, "replaced by --date"),
        )
        if n
    ]
    if parts:
        echo(f"publication dates: {', '.join(parts)}", err=True)
