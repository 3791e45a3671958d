"""Dating one event from its sentence (volte.coding.dates.resolve_event_date, real parse)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.coding.dates import find_sentence_timexes, resolve_event_date

PUB = date(2026, 1, 7)  # a Wednesday

pytestmark = pytest.mark.model


def date_of(nlp, text: str, trigger: str, *, published: date | None = PUB, tense: str | None = None):  # type: ignore[no-untyped-def]
    """Resolve the event whose trigger is the first token ``trigger`` of ``text``."""
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return resolve_event_date(token.sent, published=published, trigger=token.i, tense=tense)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Petro denounced the attack on the 4th.", "denounced", ("2026-01-04", "day")),
        ("Petro and Trump spoke by phone today (January 7).", "spoke", ("2026-01-07", "day")),
        ("US forces captured Maduro on January 3.", "captured", ("2026-01-03", "day")),
        ("Petro accused Washington of aggression on December 28.", "accused", ("2025-12-28", "day")),
        ("Petro condemned the raid on Sunday.", "condemned", ("2026-01-04", "day")),
        ("Petro condemned the raid yesterday.", "condemned", ("2026-01-06", "day")),
        ("The two presidents will meet on Friday.", "meet", ("2026-01-09", "day")),
        ("Rubio plans to visit Bogota on Monday.", "visit", ("2026-01-12", "day")),
        ("Rubio announced a plan to visit Bogota on Monday.", "visit", ("2026-01-12", "day")),
        ("The two leaders agreed to meet on Friday.", "meet", ("2026-01-09", "day")),
        ("The summit is scheduled to be held on Thursday.", "held", ("2026-01-08", "day")),
        ("Talks stalled last week.", "stalled", ("2025-12-29", "week")),
        ("Washington threatened tariffs earlier this month.", "threatened", ("2026-01-01", "month")),
        ("Caracas recalled its ambassador last month.", "recalled", ("2025-12-01", "month")),
        ("The two governments signed the accord in March.", "signed", ("2025-03-01", "month")),
        ("The two governments will sign the accord in March.", "sign", ("2026-03-01", "month")),
        ("Bogota broke off relations last year.", "broke", ("2025-01-01", "year")),
        ("Troops withdrew two days ago.", "withdrew", ("2026-01-05", "day")),
        ("The deal is expected to close by year-end.", "close", ("2026-12-31", "day")),
    ],
)
def test_resolve_event_date_rules(nlp, text: str, trigger: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert date_of(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [("said", ("2026-01-04", "day")), ("captured", ("2026-01-03", "day"))],
)
def test_resolve_event_date_picks_the_trigger_expression(nlp, trigger: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    text = "Petro said on Sunday that US forces captured Maduro on January 3."
    assert date_of(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [("said", ("2026-01-04", "day")), ("meet", ("2026-01-09", "day"))],
)
def test_resolve_event_date_reads_each_clause_in_its_tense(nlp, trigger: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    text = "Trump said on Sunday that the two leaders will meet on Friday."
    assert date_of(nlp, text, trigger) == expected


@pytest.mark.parametrize(
    ("tense", "expected"),
    [("future", ("2026-01-09", "day")), ("past", ("2026-01-02", "day"))],
)
def test_resolve_event_date_tense_argument_wins(nlp, tense: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert date_of(nlp, "The ministers talk on Friday.", "talk", tense=tense) == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [(PUB, ("2026-01-07", "day")), (None, (None, "unknown"))],
)
def test_resolve_event_date_without_expression_falls_back(nlp, published: date | None, expected) -> None:  # type: ignore[no-untyped-def]
    assert date_of(nlp, "The ministers met in Bogota.", "met", published=published) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # The expression belongs to a clause below the event: it does not date the event.
        ("Petro, who took office in 2022, denounced the raid.", "denounced", ("2026-01-07", "day")),
        ("Petro denounced the raid, which began on Saturday.", "denounced", ("2026-01-07", "day")),
        ("Petro denounced the raid, which began on Saturday.", "began", ("2026-01-03", "day")),
        # The reporting verb's date dates an intention stated in its clause, read in its own tense.
        ("Trump said on Sunday that the two leaders will meet.", "meet", ("2026-01-04", "day")),
        # A nominal trigger takes the expressions of its verb.
        ("The two sides held talks on Monday.", "talks", ("2026-01-05", "day")),
    ],
)
def test_resolve_event_date_expression_scope(nlp, text: str, trigger: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert date_of(nlp, text, trigger) == expected


def test_resolve_event_date_accepts_a_datetime(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    sent = next(iter(nlp("Petro condemned the raid on the 4th.").sents))
    assert resolve_event_date(sent, published=datetime(2026, 1, 7, 15, 30)) == ("2026-01-04", "day")


def test_resolve_event_date_uses_the_trigger_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Petro spoke on Monday. Trump replied yesterday.")
    second = list(doc.sents)[1]
    trigger = next(t for t in second if t.text == "replied")
    assert resolve_event_date(second, published=PUB, trigger=trigger.i) == ("2026-01-06", "day")


def test_resolve_event_date_without_trigger_uses_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = next(iter(nlp("Petro condemned the raid on the 4th.").sents))
    assert resolve_event_date(sent, published=PUB) == ("2026-01-04", "day")


def test_find_sentence_timexes_reads_each_expression_in_its_verb_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    sent = next(iter(nlp("Petro said on Sunday that the leaders will meet on Friday.").sents))
    found = [(t.text, t.value) for t in find_sentence_timexes(sent, published=PUB)]
    assert found == [("Sunday", "2026-01-04"), ("Friday", "2026-01-09")]
    assert all(sent.text[t.start : t.end] == t.text for t in find_sentence_timexes(sent, published=PUB))


_WORDS = st.sampled_from(
    ["Petro", "said", "will", "meet", "on", "the", "4th", "Friday", "last", "week", "in", "March", "who", "took",
     "office", "2022", ",", ".", "yesterday", "Dec.", "28", "talks", "(", "January 7", ")", "ago", "two", "days"]
)


@given(words=st.lists(_WORDS, max_size=20), published=st.sampled_from([None, PUB]))
def test_resolve_event_date_never_raises(nlp, words: list[str], published: date | None) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(" ".join(words))
    for sent in doc.sents:
        for trigger in (None, *range(sent.start, sent.end)):
            day, precision = resolve_event_date(sent, published=published, trigger=trigger)
            assert precision in {"day", "week", "month", "year", "unknown"}
            assert (day is None) == (precision == "unknown")
            if day is not None:
                assert date.fromisoformat(day)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a day named by reference to the last day the story named (issue 14: steady-01's talks "on the same
        # day" were dated to the publication day, four days late)
        ("Berlin criticized Paris on Monday. On the same day, the two ministers met in Brussels.", "met", ("2026-01-05", "day")),
        ("Petro denounced the raid on the 4th. Later that day he called for calm.", "called", ("2026-01-04", "day")),
        ("Petro denounced the raid on the 4th. The next day he spoke with Trump.", "spoke", ("2026-01-05", "day")),
        ("The envoy arrived on Tuesday. The talks had begun the day before.", "begun", ("2026-01-05", "day")),
        # with no day named before, the publication day stays the fallback
        ("On the same day, the two ministers met in Brussels.", "met", ("2026-01-07", "day")),
        # "the day after tomorrow" is no reference to a named day: two days from publication
        ("Rubio denounced the vote on Monday. He will fly to Bogota the day after tomorrow.", "fly", ("2026-01-09", "day")),
    ],
)
def test_days_named_by_reference(nlp, text, trigger, expected):  # type: ignore[no-untyped-def]
    assert date_of(nlp, text, trigger) == expected
