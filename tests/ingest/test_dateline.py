"""Datelines at the start of a story (issue 13)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.ingest.dateline import parse_dateline

pytestmark = pytest.mark.issue(13)

PUBLISHED = date(2026, 1, 8)


@pytest.mark.parametrize(
    ("text", "dateline", "place"),
    [
        ("NAIROBI, Kenya (AP) - Police fired tear gas.", "NAIROBI, Kenya (AP) -", ("NAIROBI", "city", "KEN")),
        ("PESHAWAR: Gunmen attacked a checkpoint.", "PESHAWAR:", ("PESHAWAR", "city", "PAK")),
        (
            "BOGOTA, Jan 7 (Andes Wire) - The president spoke.",
            "BOGOTA, Jan 7 (Andes Wire) -",
            ("BOGOTA", "city", "COL"),
        ),
        ("SAN FRANCISCO - The city council voted.", "SAN FRANCISCO -", ("SAN FRANCISCO", "city", "USA")),
        (
            "SEOUL, Nov. 26 (Xinhua) -- South Korea said.",
            "SEOUL, Nov. 26 (Xinhua) --",
            ("SEOUL", "city", "KOR"),
        ),
        (
            "Washington (CNN) \u2014 The president said.",
            "Washington (CNN) \u2014",
            ("Washington", "city", "USA"),
        ),
        ("FRESNO, Calif. (AP) - A fire spread.", "FRESNO, Calif. (AP) -", ("FRESNO", "city", "USA")),
        ("PARIS, Texas - A tornado hit.", "PARIS, Texas -", ("PARIS", "city", "USA")),
        ("GAZA CITY (AP) \u2014 Strikes continued.", "GAZA CITY (AP) \u2014", ("GAZA CITY", "city", "PSE")),
        (
            "KYIV, Ukraine (Reuters) \u2013 Drones struck.",
            "KYIV, Ukraine (Reuters) \u2013",
            ("KYIV", "city", "UKR"),
        ),
        ("\n  ISLAMABAD: The court ruled.", "ISLAMABAD:", ("ISLAMABAD", "city", "PAK")),
        (
            "Talks resume\n\nGENEVA, Jan. 5 (AFP) - Envoys met.",
            "GENEVA, Jan. 5 (AFP) -",
            ("GENEVA", "city", "CHE"),
        ),
        ("SMALLVILLE, Kenya (AP) - Floods.", "SMALLVILLE, Kenya (AP) -", ("SMALLVILLE", "city", "KEN")),
        ("UNITED NATIONS (AP) \u2014 The council met.", "UNITED NATIONS (AP) \u2014", None),
    ],
)
def test_parse_dateline_reads_datelines(text, dateline, place):
    found = parse_dateline(text, published=PUBLISHED)
    assert found is not None
    assert text[found.start : found.end] == dateline
    if place is None:
        assert found.place is None
    else:
        assert (found.place.name, found.place.feature, found.place.country) == place
        assert text[found.place.start : found.place.end] == found.place.name


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("NAIROBI, Kenya (AP) - x", "AP"),
        ("BOGOTA, Jan 7 (Andes Wire) - x", "Andes Wire"),
        ("PESHAWAR: x", None),
        ("SAN FRANCISCO - x", None),
    ],
)
def test_parse_dateline_reads_the_source(text, source):
    found = parse_dateline(text, published=PUBLISHED)
    assert found is not None and found.source == source


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("BOGOTA, Jan 7 (Andes Wire) - x", date(2026, 1, 8), date(2026, 1, 7)),
        ("SEOUL, Nov. 26 (Xinhua) -- x", date(2026, 1, 8), date(2025, 11, 26)),
        ("SEOUL, Dec. 31 (Xinhua) -- x", date(2026, 1, 1), date(2025, 12, 31)),
        ("SEOUL, Jan. 2 (Xinhua) -- x", date(2025, 12, 31), date(2026, 1, 2)),
        ("SEOUL, 26 November (Xinhua) -- x", date(2025, 11, 27), date(2025, 11, 26)),
        ("SEOUL, Feb. 29 (Xinhua) -- x", date(2025, 3, 1), date(2024, 2, 29)),
        ("SEOUL, Jan. 7 (Xinhua) -- x", datetime(2026, 1, 8, 9, 30), date(2026, 1, 7)),
        ("SEOUL, Jan. 7 (Xinhua) -- x", None, None),
        ("SEOUL (Xinhua) -- x", date(2026, 1, 8), None),
    ],
)
def test_parse_dateline_dates_from_published(text, published, expected):
    found = parse_dateline(text, published=published)
    assert found is not None and found.date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police said: the roads were closed.",
        "US - China talks resumed on Monday.",
        "Pakistan: floods kill 20",
        "DUBAI-based firms are hiring.",
        "The talks - held in Geneva - ended.",
        "BREAKING: the minister resigned.",
        "Kabul - talks are set to resume.",
        "Gunmen attacked a checkpoint in PESHAWAR: three died.",
        "Nice - the mayor said - is calm.",
        "RUSSIA - UKRAINE talks",
        "March: the month of protests.",
        "",
        "   ",
    ],
)
def test_parse_dateline_ignores_ordinary_openings(text):
    assert parse_dateline(text, published=PUBLISHED) is None


@given(st.text(max_size=200))
def test_parse_dateline_never_raises_and_spans_the_text(text):
    found = parse_dateline(text, published=PUBLISHED)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
