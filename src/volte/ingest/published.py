"""Publication dates: reading a record's date, and filling or replacing missing ones (docs/input.md).

:func:`read_date` reads the date forms of docs/input.md, "Dates": ISO (``2026-01-05``, ``2026-01-05T10:00Z``),
RFC-822 (``Mon, 05 Jan 2026 10:00:00 GMT``) and English (``March 3, 2025``, ``3 March 2025``), through
``dateutil``. It never guesses the order of day and month: ``03/04/2025`` is refused as ambiguous (either
number could be the month); ``13/04/2025`` and ``04/13/2025`` are read, since only one order makes a date.
A date is the calendar day as written (the publisher's own day); the time and the time zone are ignored.

:func:`fill_dates` runs over the reader's items: an article without a date takes its dateline's day (the
year from ``--date``), else the date the store already holds for it, else ``--date``; ``override``
replaces every date by ``--date``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from volte.records import Article, Reject

DATE_KEYS = ("date", "published", "datetime")  # a JSON record's date: the first of these present

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_YEAR_FIRST = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))  # a component missing from the text differs between them


class DateProblem(ValueError):
    """Why a date value cannot be read (the message is shown to the user)."""


def read_date(value: Any) -> date | None:
    """The calendar day of a date value, None for a missing one (None or blank), or DateProblem."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateProblem(f"expected a date string, got {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    iso = _ISO.match(text) or _YEAR_FIRST.match(text)
    if iso:
        return _day(int(iso[1]), int(iso[2]), int(iso[3]), text)
    numeric = _YEAR_LAST.match(text)
    if numeric:
        return _numeric(int(numeric[1]), int(numeric[2]), numeric[3], text)
    if text.isdigit():
        raise DateProblem(f"{text!r} is a number, not a date; write it as YYYY-MM-DD")
    return _english(text)


def _day(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(f"{text!r} is not a calendar day") from None


def _numeric(first: int, second: int, year_text: str, text: str) -> date:
    """``DD/MM/YYYY`` or ``MM/DD/YYYY``: read only when one order alone makes a date."""
    if len(year_text) != 4:
        raise DateProblem(f"{text!r}: a two-digit year is ambiguous; write it as YYYY-MM-DD")
    year = int(year_text)
    orders = {(m, d) for m, d in ((first, second), (second, first)) if 1 <= m <= 12 and 1 <= d <= 31}
    valid = []
    for month, day in orders:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            continue
    if len(valid) == 1:
        return valid[0]
    if not valid:
        raise DateProblem(f"{text!r} is not a calendar day")
    raise DateProblem(
        f"{text!r} is ambiguous (day/month or month/day); write it as YYYY-MM-DD or with the month in words"
    )


def _english(text: str) -> date:
    # lazy: dateutil costs 5 ms at CLI start; only free-form dates need it (measured)
    from dateutil import parser

    try:
        a, b = (parser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, parser.ParserError):
        raise DateProblem(f"{text!r} is not a date volte reads (docs/input.md, 'Dates')") from None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        raise DateProblem(f"{text!r} has no day, month and year; write it as YYYY-MM-DD")
    return a.date()


def record_date(record: dict[str, Any]) -> tuple[date | None, str | None]:
    """(the date of a JSON record's first date key present, the problem when it cannot be read)."""
    for key in DATE_KEYS:
        value = record.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        try:
            return read_date(value), None
        except DateProblem as exc:
            return None, f"{key}: {exc}"
    return None, None


@dataclass
class DateFill:
    """What :func:`fill_dates` did, counted by where each article's date came from."""

    from_input: int = 0
    from_dateline: int = 0
    from_store: int = 0
    from_option: int = 0
    overridden: int = 0
    undated: int = 0


def fill_dates(
    items: Iterable[Article | Reject],
    *,
    published: date | None,
    override: bool = False,
    stored: Callable[[str], date | None] | None = None,
    counts: DateFill | None = None,
) -> Iterator[Article | Reject]:
    """Articles with their publication date filled (docs/input.md, "Dates"), rejects as they come.

    An article's own date is kept; one without takes its dateline's day (a dateline has no year: it is
    the one that puts the day closest before ``published``, so no ``published``, no dateline date), else
    ``stored(id)`` (the date the store holds for the same document), else ``published``. ``override``
    gives every article ``published``."""
    counts = counts if counts is not None else DateFill()
    for item in items:
        if not isinstance(item, Article):
            yield item
            continue
        if override and published is not None:
            counts.overridden += item.published != published
            yield dataclasses.replace(item, published=published)
            continue
        if item.published is not None:
            counts.from_input += 1
            yield item
            continue
        day = _dateline_day(item.text, published)
        if day is not None:
            counts.from_dateline += 1
        elif stored is not None and (day := stored(item.id)) is not None:
            counts.from_store += 1
        elif published is not None:
            day = published
            counts.from_option += 1
        else:
            counts.undated += 1
        yield item if day is None else dataclasses.replace(item, published=day)


def _dateline_day(text: str, published: date | None) -> date | None:
    if published is None:
        return None
    # lazy: the dateline rules and gazetteer (yaml) cost 50 ms at CLI start (measured)
    from volte.ingest.dateline import parse_dateline

    found = parse_dateline(text, published=published)
    return found.date if found is not None else None
