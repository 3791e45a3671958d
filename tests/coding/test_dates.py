"""Time expressions anchored to the publication date (volte.coding.dates.find_timexes, no model)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.coding.dates import Timex, find_timexes, value_to_date

PUB = date(2026, 1, 7)  # a Wednesday


def timex_in(sentence: str, expression: str, *, published: date | None = PUB) -> Timex:
    """The one expression of ``sentence`` whose text is ``expression`` (fails if not found)."""
    found = [t for t in find_timexes(sentence, published=published) if t.text == expression]
    assert found, f"{expression!r} not found in {sentence!r}: {find_timexes(sentence, published=published)}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Petro denounced the raid on the 4th.", "the 4th", "2026-01-04"),
        ("Talks collapsed on the 28th, officials said.", "the 28th", "2025-12-28"),
        ("Talks collapsed on the 20th.", "the 20th", "2025-12-20"),  # Jan 20 is still to come
        ("Talks will resume on the 20th.", "the 20th", "2026-01-20"),
        ("Today (January 7) Trump called Petro.", "Today (January 7)", "2026-01-07"),
        ("Trump called Petro today (January 7).", "today (January 7)", "2026-01-07"),
        ("US forces captured Maduro on January 3.", "January 3", "2026-01-03"),
        ("Talks broke down on December 28.", "December 28", "2025-12-28"),
        ("The strike came on Dec. 28.", "Dec. 28", "2025-12-28"),
        ("It was signed on Jan. 3, 2026 in Bogota.", "Jan. 3, 2026", "2026-01-03"),
        ("It was signed on 3 January 2026.", "3 January 2026", "2026-01-03"),
        ("It was signed on 2026-01-03.", "2026-01-03", "2026-01-03"),
        ("It was signed on the 3rd of January.", "the 3rd of January", "2026-01-03"),
        ("It was signed on the third of January.", "the third of January", "2026-01-03"),
        ("He visited on July 10 last year.", "July 10 last year", "2025-07-10"),
        ("He visited on March eighth.", "March eighth", "2026-03-08"),
        ("The summit opens March 12.", "March 12", "2026-03-12"),
        ("The next round is due on Jan. 20.", "Jan. 20", "2026-01-20"),
    ],
)
def test_find_timexes_absolute_and_day_of_month(sentence: str, expression: str, value: str) -> None:
    assert timex_in(sentence, expression).value == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Petro spoke today.", "today", "2026-01-07"),
        ("Petro will speak tonight.", "tonight", "2026-01-07"),
        ("Petro spoke yesterday.", "yesterday", "2026-01-06"),
        ("Petro will speak tomorrow.", "tomorrow", "2026-01-08"),
        ("Petro spoke late yesterday.", "late yesterday", "2026-01-06"),
        ("Petro spoke last night.", "last night", "2026-01-06"),
        ("Troops left three days ago.", "three days ago", "2026-01-04"),
        ("Troops left 10 days ago.", "10 days ago", "2025-12-28"),
        ("They met the day before yesterday.", "the day before yesterday", "2026-01-05"),
        ("They met the day after Christmas.", "the day after Christmas", "2025-12-26"),
    ],
)
def test_find_timexes_relative_days(sentence: str, expression: str, value: str) -> None:
    assert timex_in(sentence, expression).value == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Petro spoke on Sunday.", "Sunday", "2026-01-04"),
        ("Petro spoke Wednesday.", "Wednesday", "2026-01-07"),  # the publication weekday: the same day
        ("Petro spoke on Thursday.", "Thursday", "2026-01-01"),
        ("The ministers met Tuesday morning.", "Tuesday morning", "2026-01-06"),
        ("Petro said Friday's call went well.", "Friday's", "2026-01-02"),
        ("The leaders will meet on Friday.", "Friday", "2026-01-09"),
        ("The leaders are scheduled to meet Monday.", "Monday", "2026-01-12"),
        ("The two will meet Wednesday in Washington.", "Wednesday", "2026-01-07"),
        ("They meet next Tuesday.", "next Tuesday", "2026-01-13"),
        ("They met last Friday.", "last Friday", "2026-01-02"),
        ("They met last Wednesday.", "last Wednesday", "2025-12-31"),
        ("Talks resume this coming Sunday.", "this coming Sunday", "2026-01-11"),
        ("The Cuban government Friday, Jan. 2 condemned it.", "Friday, Jan. 2", "2026-01-02"),
    ],
)
def test_find_timexes_weekdays(sentence: str, expression: str, value: str) -> None:
    assert timex_in(sentence, expression).value == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "precision"),
    [
        ("Talks stalled last week.", "last week", "2026-W01", "week"),
        ("Talks resume this week.", "this week", "2026-W02", "week"),
        ("Talks resume next week.", "next week", "2026-W03", "week"),
        ("Talks resume this weekend.", "this weekend", "2026-W02-WE", "week"),
        ("Talks stalled two weeks ago.", "two weeks ago", "2025-W52", "week"),
        ("Protests spread over the weekend.", "the weekend", "2026-W01-WE", "week"),
        ("Protests spread this past weekend.", "this past weekend", "2026-W01-WE", "week"),
        ("Talks will resume over the weekend.", "the weekend", "2026-W02-WE", "week"),
        ("Tariffs rose in mid-January.", "mid-January", "2026-01", "month"),
        ("Tariffs were threatened earlier this month.", "earlier this month", "2026-01", "month"),
        ("Tariffs were threatened last month.", "last month", "2025-12", "month"),
        ("Tariffs take effect next month.", "next month", "2026-02", "month"),
        ("Tariffs will take effect in March.", "March", "2026-03", "month"),
        ("Elections were held in November.", "November", "2025-11", "month"),
        ("He visited last March.", "last March", "2025-03", "month"),
        ("Relations soured in March 2025.", "March 2025", "2025-03", "month"),
        ("A summit is planned for May this year.", "May this year", "2026-05", "month"),
        ("Relations soured last year.", "last year", "2025", "year"),
        ("Relations soured in 2019.", "2019", "2019", "year"),
        ("Exports fell in the third quarter.", "the third quarter", "2025-Q3", "quarter"),
        ("Exports fell last summer.", "last summer", "2025-SU", "season"),
        ("Gas ran short last winter.", "last winter", "2024-WI", "season"),  # Dec 2024 - Feb 2025
        ("The index has gained 4% since year-end.", "year-end", "2025-12-31", "day"),
        ("The deal should close by year-end.", "year-end", "2026-12-31", "day"),
        ("Troops leave by the end of the month.", "the end of the month", "2026-01-31", "day"),
        ("Prices rose at the end of last month.", "the end of last month", "2025-12-31", "day"),
    ],
)
def test_find_timexes_coarser_periods(sentence: str, expression: str, value: str, precision: str) -> None:
    timex = timex_in(sentence, expression)
    assert (timex.value, timex.precision) == (value, precision)


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "value"),
    [
        # 1990s news: the same rules with another anchor.
        ("The Cuban government Friday condemned the bombings.", "Friday", date(1998, 8, 7), "1998-08-07"),
        ("The offer was extended to Nov. 20.", "Nov. 20", date(1989, 11, 2), "1989-11-20"),
        ("The dividend is payable Jan. 2.", "Jan. 2", date(1989, 11, 2), "1990-01-02"),
        ("The thrift announced the plan Aug. 21.", "Aug. 21", date(1989, 10, 27), "1989-08-21"),
        ("Searches began shortly after the Oct. 23 slaying.", "Oct. 23", date(1999, 5, 6), "1998-10-23"),
        ("The change is measured since year-end.", "year-end", date(1989, 10, 30), "1988-12-31"),
        ("The summit runs April 24 and 25.", "25", date(1999, 2, 10), "1999-04-25"),
        # Leap day exists only in leap years.
        ("It happened on Feb. 29.", "Feb. 29", date(2024, 3, 10), "2024-02-29"),
    ],
)
def test_find_timexes_other_publication_dates(sentence: str, expression: str, published: date, value: str) -> None:
    assert timex_in(sentence, expression, published=published).value == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("They met on January 3.", "January 3", "XXXX-01-03"),
        ("They met on Sunday.", "Sunday", "XXXX-WXX-7"),
        ("They met yesterday.", "yesterday", "PAST_REF"),
        ("They met on Jan. 3, 2026.", "Jan. 3, 2026", "2026-01-03"),
    ],
)
def test_find_timexes_without_publication_date_is_underspecified(sentence: str, expression: str, value: str) -> None:
    assert timex_in(sentence, expression, published=None).value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "He may visit the capital.",  # modal "may", not the month
        "Thousands march on the capital.",  # verb "march"
        "Sales rose 1998 units.",  # a bare number is no year without a preposition
        "The 4th Infantry Division moved in.",  # an ordinal without "on the ... ," is no day
        "The fall of the government.",  # "fall" without this/last/next or a year
        "It happened on Feb. 30.",  # no such day
        "Shares rose April 24 and 25 percent.",  # the second number is a percentage
    ],
)
def test_find_timexes_ignores_lookalikes(sentence: str) -> None:
    found = find_timexes(sentence, published=PUB)
    assert all(t.text not in {"may", "march", "1998", "the 4th", "fall", "Feb. 30", "25"} for t in found), found


def test_find_timexes_longest_expression_wins() -> None:
    found = find_timexes("They met on Friday, Jan. 2, 2026 in Bogota.", published=PUB)
    assert [(t.text, t.value) for t in found] == [("Friday, Jan. 2, 2026", "2026-01-02")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-04", ("2026-01-04", "day")),
        ("2026-W01", ("2025-12-29", "week")),
        ("2026-W02-WE", ("2026-01-10", "week")),
        ("2026-01", ("2026-01-01", "month")),
        ("2026", ("2026-01-01", "year")),
        ("2026-Q3", ("2026-01-01", "year")),
        ("2025-SU", ("2025-01-01", "year")),
        ("PAST_REF", (None, "unknown")),
        ("XXXX-01-03", (None, "unknown")),
        ("2026-02-30", (None, "unknown")),
    ],
)
def test_value_to_date_first_day_of_period(value: str, expected: tuple[str | None, str]) -> None:
    assert value_to_date(value) == expected


@given(st.text(max_size=300), st.sampled_from([None, PUB, date(1999, 12, 31), date(2000, 2, 29)]))
def test_find_timexes_never_raises_and_spans_match(text: str, published: date | None) -> None:
    for timex in find_timexes(text, published=published):
        assert text[timex.start : timex.end] == timex.text
        assert timex.value
        assert timex.precision in {"day", "week", "month", "quarter", "season", "year", "unknown"}


_WORDS = st.sampled_from(
    ["on", "the", "4th", "31st", "Friday", "last", "next", "this", "week", "weekend", "January", "3", "Dec.", "28",
     "29", ",", "2026", "today", "(", ")", "ago", "two", "days", "will", "said", "in", "March", "February",
     "year-end", "the day before", "and", "\n", "winter", "summer", "quarter", "third", "Christmas", "month",
     "year", "the end of", "since", "mid-", "over"]
)


@given(st.lists(_WORDS, max_size=25), st.one_of(st.none(), st.dates(date(1900, 3, 1), date(2099, 10, 31))))
def test_find_timexes_never_raises_on_date_like_text(words: list[str], published: date | None) -> None:
    text = " ".join(words)
    for timex in find_timexes(text, published=published):
        assert text[timex.start : timex.end] == timex.text
        if published is not None and timex.precision == "day":
            assert abs(date.fromisoformat(timex.value).year - published.year) <= 1 or "20" in timex.text


@pytest.mark.issue(4)
def test_find_timexes_holiday_span_includes_its_year() -> None:
    """Found by hypothesis: the year of "Christmas 2026" was read but left out of the span."""
    (timex,) = find_timexes("Christmas 2026", published=date(2000, 1, 1))
    assert (timex.text, timex.value) == ("Christmas 2026", "2026-12-25")
