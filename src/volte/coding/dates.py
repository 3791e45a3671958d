"""Event dates: anchor time expressions to the publication date and pick the one that dates an event.

:func:`find_timexes` lists every time expression of a text with its TimeML value; anchoring rules:

- a month and day without year takes the year that puts it nearest the publication date ("December 28"
  in a January story is last year's), the latest one not after it for past events, the earliest one not
  before it for future events; a weekday written beside it ("Friday, Oct. 23") picks the year that fits;
- a bare weekday is the most recent one, the publication day itself when the weekdays match, or the
  coming one (the same day included) when the clause is future; "last"/"next" exclude the same day;
- "on the 4th" is the day of the publication month, or of the neighbouring month the direction asks;
- "today", "tonight", "yesterday", "tomorrow", "N days ago" are days; "last week", "this weekend",
  "N weeks ago" are ISO weeks (``2026-W01``, ``2026-W01-WE``); "earlier this month", "last month",
  "in March" are months (the nearest March, the most recent one for past events); years, quarters
  (``2026-Q1``) and seasons (``2026-WI``) likewise.

:func:`resolve_event_date` dates an event from its own sentence: the expression attached to (or nearest)
the trigger verb, read in the verb's tense, as ``(ISO date of the first day of the period, precision)``.
See docs/dates.md.
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from volte.coding.lexicon import ordered, words
from volte.coding.timex import (
    FUTURE,
    LIKELY_FUTURE,
    LIKELY_PAST,
    ORDINAL_WORDS,
    PAST,
    Mention,
    find_mentions,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "Timex",
    "find_sentence_timexes",
    "find_timexes",
    "resolve_event_date",
    "tense_of",
    "value_to_date",
]

log = logging.getLogger(__name__)

Anchored = tuple[str, str]  # (TimeML value, precision)


@dataclass(frozen=True)
class Timex:
    """One time expression: character offsets into the text given, TimeML value, precision."""

    start: int
    end: int
    text: str
    value: str
    precision: str  # day | week | month | quarter | season | year | unknown


def find_timexes(text: str, *, published: date | None) -> list[Timex]:
    """Every time expression in ``text``, anchored to ``published`` (None: underspecified values)."""
    published = _as_day(published)
    found = []
    for mention in find_mentions(text):
        anchored = anchor_mention(mention, published=published, direction=mention.direction)
        if anchored:
            found.append(Timex(mention.start, mention.end, mention.text, *anchored))
    return found


def anchor_mention(mention: Mention, *, published: date | None, direction: str | None) -> Anchored | None:
    """The TimeML value and precision of one mention; None when the parts do not make a date."""
    rule = _RULES[mention.rule]
    try:
        value, precision = rule(mention, published, direction)
        shift = _SHIFTS.get(mention.part("shift"), 0)
        if shift and precision == "day":  # "the day before Tuesday's hearing"
            value = (date.fromisoformat(value) + timedelta(days=shift)).isoformat()
        return value, precision
    except (ValueError, OverflowError):  # impossible dates such as "Feb. 30": not a time expression
        return None


_SHIFTS = {"before": -1, "after": 1}


def _as_day(published: date | None) -> date | None:
    """A datetime counts as its day (comparing a datetime with a date raises)."""
    return published.date() if isinstance(published, datetime) else published


@functools.lru_cache(maxsize=4096)
def _sentence_mentions(text: str) -> tuple[Mention, ...]:
    """Mentions of one sentence, cached: the coder dates several events per sentence."""
    return tuple(find_mentions(text))


# --- calendar arithmetic ----------------------------------------------------------------------------


def _choose(candidates: list[tuple[date, date]], published: date, direction: str | None) -> tuple[date, date]:
    """Pick the period (first day, last day) the direction asks for, relative to ``published``.

    PAST/FUTURE (the verb's tense) take the latest period not after / earliest not before the
    publication day. Otherwise the nearest period wins, ties going to the past; a LIKELY_ direction
    (a cue word) prefers its side unless the other side is more than twice as near (three times for
    months and longer periods, which news refers back to more freely than to single days).
    """
    before = [c for c in candidates if c[0] <= published]
    after = [c for c in candidates if c[1] >= published]
    if direction == PAST:  # a day of grace: the event's time zone may be ahead of the publisher's
        graced = [c for c in candidates if c[0] <= published + timedelta(days=1)]
        if graced:
            return max(graced)
    if direction == FUTURE and after:
        return min(after)

    def gap(c: tuple[date, date]) -> int:
        return (c[0] - published).days if c[0] > published else max(0, (published - c[1]).days)

    nearest = min(candidates, key=lambda c: (gap(c), c[0] > published))
    reach = 2 if candidates[0][0] == candidates[0][1] else 3  # "in January" reaches further than "Jan. 3"
    if direction == LIKELY_PAST and before and gap(max(before)) <= reach * gap(nearest):
        return max(before)
    if direction == LIKELY_FUTURE and after and gap(min(after)) <= reach * gap(nearest):
        return min(after)
    return nearest


def _day(text: str) -> int:
    word = text.lower()
    number = ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= number <= 31:
        raise ValueError(f"no day {text!r}")
    return number


_MONTHS = ordered("month_abbreviations")


def _month(text: str) -> int:
    return _MONTHS.index(text[:3].lower()) + 1


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month_period(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _day_value(day: date) -> Anchored:
    return day.isoformat(), "day"


def _valid_days(year_months: list[tuple[int, int]], day: int) -> list[tuple[date, date]]:
    out = []
    for year, month in year_months:
        if day <= calendar.monthrange(year, month)[1]:
            out.append((date(year, month, day), date(year, month, day)))
    return out


# --- one anchoring function per recognition rule -----------------------------------------------------

_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_REF = {PAST: "PAST_REF", FUTURE: "FUTURE_REF", None: "PRESENT_REF"}


def _anchor_iso(m: Mention, published: date | None, direction: str | None) -> Anchored:
    return _day_value(date(int(m.part("year")), int(m.part("mon")), int(m.part("day"))))


def _anchor_month_day(m: Mention, published: date | None, direction: str | None) -> Anchored:
    month, day = _month(m.part("month")), _day(m.part("day") or m.part("dayword"))
    if m.part("year"):
        return _day_value(date(int(m.part("year")), month, day))
    if published is None:
        return f"XXXX-{month:02d}-{day:02d}", "unknown"
    if m.part("yrel"):  # "July 10 last year"
        return _day_value(date(published.year + _REL_STEP[m.part("yrel").lower()], month, day))
    candidates = _valid_days([(published.year + k, month) for k in (-1, 0, 1)], day)
    if m.part("wday"):  # "Friday, Oct. 23": the year whose Oct. 23 is a Friday, when one fits
        weekday = _WEEKDAYS.index(m.part("wday")[:3].lower())
        candidates = [c for c in candidates if c[0].weekday() == weekday] or candidates
    if not candidates:
        raise ValueError("no such day")
    return _day_value(_choose(candidates, published, direction)[0])


def _anchor_paren(m: Mention, published: date | None, direction: str | None) -> Anchored:
    # "today (January 7)": the written date is the one that counts.
    return _anchor_month_day(m, published, direction)


def _anchor_month_year(m: Mention, published: date | None, direction: str | None) -> Anchored:
    month = _month(m.part("month"))
    if m.part("year"):
        return f"{int(m.part('year')):04d}-{month:02d}", "month"
    if published is None:  # "May this year" with nothing to anchor it to
        return f"XXXX-{month:02d}", "unknown"
    return f"{published.year + _REL_STEP[m.part('yrel').lower()]:04d}-{month:02d}", "month"


def _anchor_month(m: Mention, published: date | None, direction: str | None) -> Anchored:
    month = _month(m.part("month"))
    if published is None:
        return f"XXXX-{month:02d}", "unknown"
    rel = " ".join(m.part("rel").lower().split())
    this_month = _month_period(published.year, published.month)
    periods = [_month_period(published.year + k, month) for k in (-1, 0, 1)]
    if rel in {"last", "this past"}:
        periods = [p for p in periods if p < this_month]
        first = max(periods)
    elif rel in {"next", "this coming"}:
        first = min(p for p in periods if p > this_month)
    elif rel == "this":
        first = _month_period(published.year, month)
    else:
        first = _choose(periods, published, direction)
    return f"{first[0].year:04d}-{month:02d}", "month"


def _weekday_offset(target: int, published: date, rel: str, direction: str | None) -> int:
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if rel in {"last", "this past"}:
        return -(back or 7)
    if rel in {"next", "this coming"}:
        return ahead or 7
    if direction in {FUTURE, LIKELY_FUTURE} or (rel == "this" and direction not in {PAST, LIKELY_PAST}):
        return ahead
    return -back


def _anchor_weekday(m: Mention, published: date | None, direction: str | None) -> Anchored:
    target = _WEEKDAYS.index(m.part("wday")[:3].lower())
    if published is None:
        return f"XXXX-WXX-{target + 1}", "unknown"
    rel = " ".join(m.part("rel").lower().split())
    return _day_value(published + timedelta(days=_weekday_offset(target, published, rel, direction)))


_RELDAY = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}


def _anchor_relday(m: Mention, published: date | None, direction: str | None) -> Anchored:
    offset = _RELDAY[m.part("word").lower()]
    if published is None:
        return _REF[PAST if offset < 0 else FUTURE if offset > 0 else None], "unknown"
    return _day_value(published + timedelta(days=offset))


_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}


def _anchor_ago(m: Mention, published: date | None, direction: str | None) -> Anchored:
    word = m.part("num").lower()
    count = _NUMBERS[word] if word in _NUMBERS else int(word)
    unit = m.part("unit").lower()
    if published is None:
        return "PAST_REF", "unknown"
    if unit == "day":
        return _day_value(published - timedelta(days=count))
    if unit == "week":
        return _week_value(published - timedelta(weeks=count)), "week"
    if unit == "month":
        return _add_months(published, -count).strftime("%Y-%m"), "month"
    return f"{published.year - count:04d}", "year"


_REL_STEP = {"this": 0, "last": -1, "next": 1, "the coming": 1, "the following": 1}


def _rel_step(m: Mention) -> int:
    return _REL_STEP[" ".join(m.part("rel").lower().split())]


def _anchor_week(m: Mention, published: date | None, direction: str | None) -> Anchored:
    step = _rel_step(m)
    if published is None:
        return _REF[PAST if step < 0 else FUTURE if step > 0 else None], "unknown"
    value = _week_value(published + timedelta(weeks=step))
    return (value + "-WE" if m.part("unit").lower() == "weekend" else value), "week"


def _anchor_weekend(m: Mention, published: date | None, direction: str | None) -> Anchored:
    """ "over the weekend", "this past weekend": the weekend under way on a Saturday or Sunday, else the
    last one, or the coming one in a future clause."""
    if published is None:
        return "PAST_REF" if m.part("past") else "PRESENT_REF", "unknown"
    ahead = direction in {FUTURE, LIKELY_FUTURE} and not m.part("past")
    step = 0 if published.weekday() >= 5 or ahead else -1
    return _week_value(published + timedelta(weeks=step)) + "-WE", "week"


def _anchor_month_rel(m: Mention, published: date | None, direction: str | None) -> Anchored:
    step = _rel_step(m)
    if published is None:
        return _REF[PAST if step < 0 else FUTURE if step > 0 else None], "unknown"
    return _add_months(published, step).strftime("%Y-%m"), "month"


def _anchor_year_rel(m: Mention, published: date | None, direction: str | None) -> Anchored:
    step = _rel_step(m)
    if published is None:
        return _REF[PAST if step < 0 else FUTURE if step > 0 else None], "unknown"
    return f"{published.year + step:04d}", "year"


def _anchor_year(m: Mention, published: date | None, direction: str | None) -> Anchored:
    return f"{int(m.part('year')):04d}", "year"


_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter_period(year: int, quarter: int) -> tuple[date, date]:
    return _month_period(year, 3 * quarter - 2)[0], _month_period(year, 3 * quarter)[1]


def _anchor_quarter(m: Mention, published: date | None, direction: str | None) -> Anchored:
    if m.part("year"):
        return f"{m.part('year')}-Q{_ORDINAL_QUARTER[m.part('ord').lower()]}", "quarter"
    if published is None:
        return "XXXX-QX", "unknown"
    if m.part("rel"):
        first = _add_months(date(published.year, 3 * ((published.month - 1) // 3) + 1, 1), 3 * _rel_step(m))
        return f"{first.year}-Q{(first.month + 2) // 3}", "quarter"
    quarter = _ORDINAL_QUARTER[m.part("ord").lower()]
    periods = [_quarter_period(published.year + k, quarter) for k in (-1, 0, 1)]
    return f"{_choose(periods, published, direction)[0].year}-Q{quarter}", "quarter"


_SEASONS = {
    "spring": ("SP", 3),
    "summer": ("SU", 6),
    "autumn": ("FA", 9),
    "fall": ("FA", 9),
    "winter": ("WI", 12),
}


def _anchor_season(m: Mention, published: date | None, direction: str | None) -> Anchored:
    code, first_month = _SEASONS[(m.part("season") or m.part("season2")).lower()]
    year = m.part("year") or m.part("year2")
    if year:
        return f"{year}-{code}", "season"
    if published is None:
        return f"XXXX-{code}", "unknown"
    periods = [
        (
            date(published.year + k, first_month, 1),
            _add_months(date(published.year + k, first_month, 1), 3) - timedelta(days=1),
        )
        for k in (-2, -1, 0, 1)
    ]
    step = _rel_step(m)
    current = [p for p in periods if p[0] <= published <= p[1]]
    if step < 0:
        chosen = max(p for p in periods if p[1] < published)
    elif step > 0:
        chosen = min(p for p in periods if p[0] > published)
    else:
        chosen = current[0] if current else _choose(periods, published, direction)
    return f"{chosen[0].year}-{code}", "season"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = _month_period(year, month)[1]
    return last - timedelta(days=(last.weekday() - weekday) % 7)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "new year's day": lambda y: date(y, 1, 1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "independence day": lambda y: date(y, 7, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "boxing day": lambda y: date(y, 12, 26),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _last_weekday(y, 5, 0),
}


def _anchor_holiday(m: Mention, published: date | None, direction: str | None) -> Anchored:
    rule = _HOLIDAYS[" ".join(m.part("name").lower().split())]
    if m.part("year"):
        return _day_value(rule(int(m.part("year"))))
    if published is None:
        return "XXXX", "unknown"
    days = [(rule(published.year + k),) * 2 for k in (-1, 0, 1)]
    rel = m.part("rel").lower()
    if rel == "last":
        return _day_value(max(d for d in days if d[0] < published)[0])
    if rel == "next":
        return _day_value(min(d for d in days if d[0] > published)[0])
    return _day_value(_choose(days, published, direction)[0])


def _anchor_nth(m: Mention, published: date | None, direction: str | None) -> Anchored:
    day = _day(m.part("day"))
    if published is None:
        return f"XXXX-XX-{day:02d}", "unknown"
    months = [_add_months(published, k) for k in (-1, 0, 1)]
    candidates = _valid_days([(d.year, d.month) for d in months], day)
    return _day_value(_choose(candidates, published, direction)[0])


def _anchor_period_end(m: Mention, published: date | None, direction: str | None) -> Anchored:
    """ "year-end", "the end of the month": the last day of the current period, or of the previous one
    when the clause looks back ("since year-end")."""
    unit = (m.part("unit") or m.part("unit2") or m.part("unit3")).lower()
    if published is None:
        return "XXXX-12-31" if unit == "year" else "XXXX-XX-XX", "unknown"
    step = _rel_step(m) if m.part("rel") else 0
    if unit == "year":
        ends = [date(published.year + k, 12, 31) for k in (-1, 0, 1)]
    else:
        ends = [_month_period(d.year, d.month)[1] for d in (_add_months(published, k) for k in (-1, 0, 1))]
    if not m.part("rel") and direction in {PAST, LIKELY_PAST}:
        return _day_value(_choose([(d, d) for d in ends], published, direction)[0])
    return _day_value(ends[1 + step])


_RULES: dict[str, Callable[[Mention, date | None, str | None], Anchored]] = {
    "iso": _anchor_iso,
    "paren": _anchor_paren,
    "mdy": _anchor_month_day,
    "dmy": _anchor_month_day,
    "month_year": _anchor_month_year,
    "month": _anchor_month,
    "weekday": _anchor_weekday,
    "relday": _anchor_relday,
    "ago": _anchor_ago,
    "week": _anchor_week,
    "weekend": _anchor_weekend,
    "month_rel": _anchor_month_rel,
    "year_rel": _anchor_year_rel,
    "year": _anchor_year,
    "quarter": _anchor_quarter,
    "season": _anchor_season,
    "holiday": _anchor_holiday,
    "nth": _anchor_nth,
    "pair": _anchor_month_day,
    "period_end": _anchor_period_end,
}


# --- from a TimeML value to an event date -------------------------------------------------------------

_VALUE_FORMS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[date, str]]]] = [
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), lambda g: (date(int(g[1]), int(g[2]), int(g[3])), "day")),
    (re.compile(r"(\d{4})-W(\d\d)"), lambda g: (date.fromisocalendar(int(g[1]), int(g[2]), 1), "week")),
    (re.compile(r"(\d{4})-W(\d\d)-WE"), lambda g: (date.fromisocalendar(int(g[1]), int(g[2]), 6), "week")),
    (re.compile(r"(\d{4})-(\d\d)"), lambda g: (date(int(g[1]), int(g[2]), 1), "month")),
    (re.compile(r"(\d{4})(?:-Q\d|-SP|-SU|-FA|-WI)?"), lambda g: (date(int(g[1]), 1, 1), "year")),
]


def value_to_date(value: str) -> tuple[str | None, str]:
    """``(ISO first day of the period, precision)`` for a TimeML value; quarters and seasons count as
    their year (the event contract knows day, week, month and year); ``(None, "unknown")`` otherwise."""
    for pattern, convert in _VALUE_FORMS:
        match = pattern.fullmatch(value)
        if match:
            try:
                day, precision = convert(match)
            except ValueError:
                return None, "unknown"
            return day.isoformat(), precision
    return None, "unknown"


# --- the date of one event ----------------------------------------------------------------------------

_FUTURE_AUX = words("future_auxiliaries")
_PLAN_LEMMAS = words("dates_plan_lemmas")
# Verbs whose time expression names a later time than the act itself ("set Nov. 10 as the deadline").
_FORWARD_LEMMAS = words("dates_forward_lemmas")
_TENSES = {"past": PAST, "future": FUTURE, "asserted": None, "present": None, "hypothetical": None}


def resolve_event_date(
    sent: Span,
    *,
    published: date | None,
    trigger: int | None = None,
    tense: str | None = None,
    fallback: bool = True,
    within: tuple[int, int] | None = None,
) -> tuple[str | None, str]:
    """The date of the event whose trigger is token ``trigger`` (doc index) in ``sent``.

    Picks the time expression attached to the trigger (else the nearest one that does not belong to a
    clause below it, such as "who took office in 2022") and reads it in the tense of the verb it hangs
    on: ``tense`` ("past", "future"; other values infer) for the trigger's own, the parse otherwise.
    Returns ``(ISO date of the first day of the period, precision)``; without a usable expression
    ``(published, "day")``, or ``(None, "unknown")`` when the publication date is unknown too (with
    ``fallback=False``: ``(None, "unknown")`` whenever the sentence gives no date for the event). With
    ``within`` (character offsets into ``sent.text``), only expressions inside that range are read.
    """
    published = _as_day(published)
    event = _event_tokens(sent, trigger)
    event_direction = _TENSES.get(tense) if tense else None
    best: tuple[tuple[int, int], str] | None = None
    for mention in _sentence_mentions(sent.text):
        if within is not None and not (within[0] <= mention.start and mention.end <= within[1]):
            continue
        place = _place(sent, mention, event)
        if place is None:
            continue
        anchored = _anchor_placed(
            mention, place, published=published, event=event, event_direction=event_direction
        )
        if anchored is None or value_to_date(anchored[0])[0] is None:
            continue
        if best is None or place[0] < best[0]:
            best = (place[0], anchored[0])
    if best is not None:
        return value_to_date(best[1])
    told = sent.text if within is None else sent.text[within[0] : within[1]]
    shift = _anaphoric_shift(told)
    if shift is not None:  # "On the same day, the ministers met": the day the story last named
        before = _previous_day(sent, published)
        if before is not None:
            return (before + timedelta(days=shift)).isoformat(), "day"
    if published is not None and fallback:
        return published.isoformat(), "day"
    return None, "unknown"


# Days named by reference to the day the story last named: "on the same day", "later that day" (0), "the
# next day", "a day later" (+1), "the day before", "the previous day" (-1).
_ANAPHORIC_DAYS = re.compile(
    r"\b(?:(?P<same>the same day|(?:later |earlier )?that (?:same )?day)"
    r"|(?P<next>the (?:next|following) day|a day later|the day after(?! tomorrow))"
    r"|(?P<before>the (?:previous|preceding) day|a day earlier|the day before(?! yesterday)))\b",
    re.IGNORECASE,
)
_REFERENCE_SHIFTS = {"same": 0, "next": 1, "before": -1}


def _anaphoric_shift(text: str) -> int | None:
    """Days after the last-named day that ``text`` refers to, or None when it names no such day."""
    if "day" not in text.lower():  # most sentences: one substring test, no pattern
        return None
    found = _ANAPHORIC_DAYS.search(text)
    return _REFERENCE_SHIFTS[found.lastgroup] if found is not None and found.lastgroup else None


def _previous_day(sent: Span, published: date | None) -> date | None:
    """The last day a sentence before ``sent`` names ("criticized France *on Monday*. On the same day,
    ..."), None when none does."""
    earlier = [s for s in sent.doc.sents if s.end <= sent.start]
    for previous in reversed(earlier):
        days = [t for t in find_sentence_timexes(previous, published=published) if t.precision == "day"]
        if days:
            day, _ = value_to_date(days[-1].value)
            return date.fromisoformat(day) if day is not None else None
    return None


def find_sentence_timexes(sent: Span, *, published: date | None) -> list[Timex]:
    """Every time expression of a parsed sentence (offsets into ``sent.text``), each read in the tense
    of the verb it hangs on; what :func:`resolve_event_date` chooses from."""
    published = _as_day(published)
    found = []
    for mention in _sentence_mentions(sent.text):
        place = _place(sent, mention, [])
        anchored = place and _anchor_placed(
            mention, place, published=published, event=[], event_direction=None
        )
        if anchored:
            found.append(Timex(mention.start, mention.end, mention.text, *anchored))
    return found


def _anchor_placed(
    mention: Mention, place: Place, *, published: date | None, event: list[Token], event_direction: str | None
) -> Anchored | None:
    _, governor, direct = place
    if governor is None:
        direction = None
    elif governor.i in {t.i for t in event}:
        direction = event_direction or tense_of(governor)
    else:
        direction = tense_of(governor)
    if not direct:  # "declared a dividend payable Dec. 7": the verb's tense only hints
        direction = _WEAK.get(direction or "", None)
    if governor is not None and governor.lemma_ in _FORWARD_LEMMAS:  # "postponed until Tuesday"
        direction = LIKELY_FUTURE
    return anchor_mention(mention, published=published, direction=direction or mention.direction)


def _event_tokens(sent: Span, trigger: int | None) -> list[Token]:
    """The trigger and, for a nominal trigger ("talks", "the arrest"), the verb it hangs on."""
    if trigger is not None and not sent.start <= trigger < sent.end:
        log.debug(
            "trigger %s lies outside the sentence [%s, %s); using its root", trigger, sent.start, sent.end
        )
        trigger = None
    if not len(sent):
        return []
    token = sent.doc[trigger] if trigger is not None else sent.root
    tokens = [token]
    while token.pos_ not in _VERBS and token.head.i != token.i and len(tokens) < 6:
        token = token.head
        tokens.append(token)
    return [tokens[0], tokens[-1]] if tokens[-1].pos_ in _VERBS else [tokens[0]]


_VERBS = frozenset({"VERB", "AUX"})


_WEAK = {PAST: LIKELY_PAST, FUTURE: LIKELY_FUTURE}
# Dependency labels by which a time expression modifies a verb directly ("met on Friday", "met Friday").
_ADVERBIAL = frozenset(
    {"npadvmod", "tmod", "obl", "advmod", "prep", "pobj", "nummod", "compound", "quantmod"}
)
Place = tuple[tuple[int, int], "Token | None", bool]


def _place(sent: Span, mention: Mention, event: list[Token]) -> Place | None:
    """``((0 attached to the event else 1, token distance), the verb it hangs on, whether it modifies
    that verb directly)``; None when it dates a clause below the event ("the raid, which began on
    Saturday")."""
    span = sent.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return (1, mention.start), None, False
    distance = min((abs(token.i - e.i) for token in span for e in event), default=0)
    event_ids = {e.i for e in event}
    node, governor, direct = span.root, None, True
    for _ in range(64):
        if node.i in event_ids or (node.i != span.root.i and node.pos_ in _VERBS):
            governor = node
            break
        direct = direct and node.dep_ in _ADVERBIAL
        if node.head.i == node.i:
            break
        node = node.head
    if governor is not None and governor.i in event_ids:
        return (0, distance), governor, direct
    if (
        governor is not None
        and event
        and event[-1].is_ancestor(governor)
        and not _only_conjuncts(governor, event_ids)
    ):
        return None
    return (1, distance), governor, direct


def _only_conjuncts(token: Token, stop: set[int]) -> bool:
    """True when ``token`` reaches the event through coordination only ("entered and seized")."""
    while token.i not in stop:
        if token.dep_ != "conj" or token.head.i == token.i:
            return False
        token = token.head
    return True


def tense_of(token: Token) -> str | None:
    """``future`` for "will meet", "plans to visit", "is scheduled to be held"; ``past`` for a past-tense
    verb ("met", "has met"); None when the parse does not say."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    auxes = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    if any(aux.lower_ in _FUTURE_AUX for aux in auxes):
        return FUTURE
    if (
        verb.dep_ in {"xcomp", "ccomp"}
        and verb.head.lemma_ in _PLAN_LEMMAS
        and any(aux.lower_ == "to" for aux in auxes)
    ):
        return FUTURE
    if verb.head.lemma_ in _PLAN_LEMMAS and (
        verb.dep_ == "xcomp" or (verb.dep_ == "acl" and any(aux.lower_ == "to" for aux in auxes))
    ):  # "agreed to meet", "a plan to visit"
        return FUTURE
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return PAST
    if verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxes):
        return PAST
    return None
