"""Datelines: "NAIROBI, Kenya (AP) -", "PESHAWAR:", "SEOUL, Nov. 26 (Xinhua) --" at the start of a story.

A dateline says where (and often when, and from which agency) a story was filed. It is read at the start
of the text, or, when the text opens with a headline, at the start of the paragraph after the first
blank line. The grammar (docs/places.md, "Datelines"):

    PLACE [, QUALIFIER] [, MONTH DAY] [(SOURCE)] SEPARATOR

- PLACE is one to four words. In capitals ("SAN FRANCISCO") it stands alone; in title case
  ("Washington") it needs a source or a date after it, so that ordinary openings do not read as datelines.
- QUALIFIER is a state, a US state, an AP state abbreviation or a region of one state ("Kenya", "Texas",
  "Calif.", "Gaza Strip").
- MONTH DAY is "Jan 7", "Nov. 26", "7 January"; the year is the one that puts the date closest to the
  publication date without being more than three days after it (``published=None`` gives no date).
- SEPARATOR is a dash ("-", "--", "–", "—") after a space or ")", or a colon right after the place.

A place alone must be a city or region the gazetteer knows (a country alone, "US - China talks", is not a
dateline); a place the gazetteer does not know ("UNITED NATIONS (AP) -") is accepted only with a source
or a date, and the dateline then has no place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from volte.coding.gazetteer import (
    RANK_COUNTRY,
    RANK_REGION,
    RANK_US_STATE,
    Gazetteer,
    Place,
    default_gazetteer,
)

MAX_DAYS_AFTER_PUBLISHED = 3
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september|"
        "oct october|nov november|dec december".split("|")
    )
    for m in names.split()
}
# AP style abbreviations of US states (and DC) used in datelines: "FRESNO, Calif. (AP) -".
AP_STATES = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT", "del.": "DE",
    "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS", "ky.": "KY", "la.": "LA",
    "md.": "MD", "mass.": "MA", "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT",
    "neb.": "NE", "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC",
    "n.d.": "ND", "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC", "s.d.": "SD",
    "tenn.": "TN", "vt.": "VT", "va.": "VA", "wash.": "WA", "w.va.": "WV", "wis.": "WI", "wyo.": "WY",
    "d.c.": "DC",
}  # fmt: skip

_WORD = r"[A-Z][A-Za-z'.\u00c0-\u024f]*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ -]{_WORD}){{0,3}})"
    rf"(?:,[ ]?(?P<qualifier>{_WORD}(?:[ ]{_WORD}){{0,2}}))?"
    rf"(?:,?[ ](?P<date>{_MONTH}[ ]\d{{1,2}}|\d{{1,2}}[ ]{_MONTH}))?"
    r"(?:[ ]?\((?P<source>[^()\n]{1,40})\)|,[ ](?P<agency>[A-Z]{2,10}))?"
    r"(?P<sep>[ ]?:|[ ]*(?:--|\u2014|\u2013|-))"
    r"(?=\s)"
)


@dataclass(frozen=True)
class Dateline:
    """Where (and when, and from whom) a story says it was filed; ``end`` is just after the dash or colon."""

    place: Place | None
    start: int
    end: int
    date: date | None
    source: str | None


def parse_dateline(text: str, *, published: date | None) -> Dateline | None:
    """The dateline at the start of the text (or of its first paragraph after a headline), or None."""
    if isinstance(published, datetime):
        published = published.date()
    gazetteer = default_gazetteer()
    found = _parse_at(text, _skip_space(text, 0), gazetteer, published)
    if found is None:
        blank = re.search(r"\n[ \t]*\n", text[:400])
        if blank is not None:
            found = _parse_at(text, _skip_space(text, blank.end()), gazetteer, published)
    return found


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _parse_at(text: str, start: int, gazetteer: Gazetteer, published: date | None) -> Dateline | None:
    m = _DATELINE.match(text, start)
    if m is None:
        return None
    name = m["place"]
    capitals = name.isupper()
    source = m["source"] or m["agency"]
    backed = bool(source or m["date"])
    if m["sep"].strip() == ":" and (not capitals or (m["date"] and not source)):
        return None  # "PESHAWAR:", "KABUL (Pajhwok) :", but not "Pakistan:" or "Talks (Update):"
    if not capitals and not backed:
        return None  # "Police - the city's force", "Kabul - Talks" in title case
    place = _place(gazetteer, name, m["qualifier"], start=m.start("place"))
    if m["qualifier"] and place is None:
        return None
    if place is None and not backed:
        return None
    if place is not None and place.feature == "country" and not backed and not m["qualifier"]:
        return None  # "US - China talks"
    if m["sep"].strip() == ":" and source and place is None:
        return None  # a colon after a parenthesis needs a place the gazetteer knows ("UPDATE (AP):" is none)
    day = _date(m["date"], published) if m["date"] else None
    return Dateline(place, m.start("place"), m.end(), day, source.strip() if source else None)


def _place(gazetteer: Gazetteer, name: str, qualifier: str | None, *, start: int) -> Place | None:
    """The dateline's place: the city (or region) the qualifier puts it in, else the best of that name."""
    end = start + len(name)
    country = admin1 = None
    if qualifier is not None:
        state = AP_STATES.get(qualifier.lower())
        outer = next(  # a state, a US state, or a region of one state ("GAZA CITY, Gaza Strip --")
            (
                e
                for e in gazetteer.candidates(qualifier)
                if e.rank in (RANK_COUNTRY, RANK_US_STATE) or (e.rank == RANK_REGION and e.country)
            ),
            None,
        )
        if state is not None:
            country, admin1 = "USA", state
        elif outer is not None:
            country, admin1 = outer.country, (outer.admin1 if outer.rank == RANK_US_STATE else None)
        else:
            return None
    written = name.title() if name.isupper() else name
    found = gazetteer.lookup(written, country=country, admin1=admin1, feature="city") or gazetteer.lookup(
        written, country=country, admin1=admin1
    )  # datelines name cities: "Washington (CNN) -" is the capital, not the state
    if found is None and country is not None:  # a town too small for the gazetteer: its state is known
        fips = gazetteer.fips.get(country, "")
        return Place(name, "city", country, admin1 or "", None, None, start, end, None, fips)
    if found is None:
        return None
    return Place(
        name,
        found.feature,
        found.country,
        found.admin1,
        found.lat,
        found.lon,
        start,
        end,
        found.geonameid,
        found.fips,
    )


def _date(text: str, published: date | None) -> date | None:
    """ "Jan 7" in the year that puts it closest before (or at most three days after) publication."""
    if published is None:
        return None
    parts = text.replace(".", "").split()
    month_word, day_word = (parts[0], parts[1]) if parts[0][0].isalpha() else (parts[1], parts[0])
    month = MONTHS.get(month_word.lower()) or MONTHS.get(month_word.lower()[:3])
    if month is None:
        return None
    latest = published + timedelta(days=MAX_DAYS_AFTER_PUBLISHED)
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, int(day_word)))
        except ValueError:  # 31 Nov, 29 Feb outside leap years
            continue
    before = [d for d in options if d <= latest]
    return max(before) if before else None
