"""Classes of protest and repression sentences in real news (the "protest" round): police who fire tear gas
*and* arrest protesters, and vigilantes as the doers of mob violence.

Every sentence here is written for these tests (none comes from ../shared). Each row is one construction
with the CAMEO code the codebook gives it.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, triples
from coded_article import codes as _codes

pytestmark = [pytest.mark.model]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)



# --- 1. tear gas and arrests in one clause: the violent repression is the event kept (175, not 173) ---------


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        (
            "Police fired tear gas and arrested dozens of protesters in Kinshasa on Monday.",
            "Police arrested dozens of protesters in Kinshasa on Monday.",
        ),
        (
            "Kenyan police used tear gas and detained several opposition supporters in Kisumu.",
            "Kenyan police detained several opposition supporters in Kisumu.",
        ),
        (
            "Riot police fired teargas and rounded up students outside the parliament in Dhaka.",
            "Riot police rounded up students outside the parliament in Dhaka.",
        ),
        (
            "Security forces fired rubber bullets and arrested demonstrators in Conakry on Thursday.",
            "Security forces arrested demonstrators in Conakry on Thursday.",
        ),
    ],
)
def test_tear_gas_and_arrests_is_violent_repression(coder, text: str, near_miss: str) -> None:
    events = _code(coder, text)
    assert "175" in _codes(events), triples(events)
    events = _code(coder, near_miss)  # an arrest with no force stays an arrest
    assert "173" in _codes(events), triples(events)
    assert "175" not in _codes(events), triples(events)


@pytest.mark.parametrize(
    "text",
    [
        # a present-tense photo caption: the coordinated verb shares the caption verb's subject
        "Police fire tear gas and arrest peaceful demonstrators in Goma.",
        "Kenyan police fire tear gas and arrest opposition supporters in Kisumu.",
    ],
)
def test_caption_tear_gas_and_arrests(coder, text: str) -> None:
    events = _code(coder, text)
    assert "175" in _codes(events), triples(events)
    assert all(e.source for e in events if e.code[:2] == "17"), triples(events)


# --- 2. vigilantes: the doers of mob violence, as "mob" is (assault 18x) -----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vigilantes killed seven people in southern Malawi on Sunday.", ("MWICVL", "1823")),
        ("Cow vigilantes beat two Muslim men in Rajasthan.", ("INDCVL", "182")),
        ("Vigilantes lynched a suspected thief in Lagos on Friday.", ("NGACVL", "182")),
        ("Three men were beaten to death by vigilantes in Kano state.", ("NGACVL", "1823")),
    ],
)
def test_vigilantes_do_mob_violence(coder, text: str, expected: tuple[str, str]) -> None:
    events = _code(coder, text)
    assert expected in {(e.source, e.code) for e in events}, triples(events)


# --- 3. a protest as the object of force or a ban: its attacker is no protester (no 141 of theirs) --------


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        (
            "Riot police attacked a rally of opposition supporters in Kampala.",
            "Opposition supporters held a rally in Kampala.",
        ),
        (
            "Israeli troops attacked a peaceful protest near Nablus on Friday.",
            "Palestinians staged a peaceful protest near Nablus on Friday.",
        ),
        (
            "Gunmen stormed a protest outside the governor's office in Kano.",
            "Traders joined a protest outside the governor's office in Kano.",
        ),
    ],
)
def test_a_protest_under_attack_is_not_the_attackers(coder, text: str, near_miss: str) -> None:
    events = _code(coder, text)
    assert not any(e.code[:2] == "14" for e in events), triples(events)
    events = _code(coder, near_miss)  # the same protest noun, held by its protesters, stays a protest
    assert "141" in _codes(events), triples(events)


# --- 4. force told in a relative clause of the incident or protest it happened at --------------------------


@pytest.mark.parametrize(
    ("text", "expected", "near_miss"),
    [
        # a where-clause of an incident noun says what happened there, its purpose infinitive too
        (
            "Lawyers on Friday condemned Tuesday's incident where police used excessive force to disperse "
            "protesters in Kampala.",
            ("175", "UGACVL"),
            "Lawyers on Friday condemned the report that police used excessive force to disperse protesters in Kampala.",
        ),
        (
            "Activists denounced the incident where soldiers beat demonstrators outside the parliament in Harare.",
            ("175", "ZWECVL"),
            "Activists feared an incident where soldiers would beat demonstrators outside the parliament in Harare.",
        ),
        # an after-clause under a relative clause of the protest where people were hurt
        (
            "Three people were injured in a protest that took place in Conakry on Monday after police fired "
            "tear gas at demonstrators.",
            ("175", "GINCVL"),
            "Reporters filmed a protest that took place in Conakry on Monday after police fired tear gas at "
            "demonstrators.",
        ),
    ],
)
def test_force_told_at_its_scene(coder, text: str, expected: tuple[str, str], near_miss: str) -> None:
    events = _code(coder, text)
    assert expected in {(e.code, e.target) for e in events}, triples(events)
    events = _code(coder, near_miss)  # a report, a fear, a protest nobody was hurt at: background
    assert "175" not in _codes(events), triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the grievance of a protest names whom it is against: "in defiance of", "to show their disapproval of",
        # "in protest of" (the holder of what is protested)
        ("Thousands marched in Hong Kong in defiance of the Chinese government.", ("HKGCVL", "CHNGOV", "141")),
        (
            "Hundreds of students blocked a road in Lahore to show their disapproval of India's water policy.",
            ("PAKEDU", "IND", "144"),
        ),
        (
            "Thousands rallied in Tbilisi in protest of Russia's occupation of Abkhazia.",
            ("GEOCVL", "RUS", "141"),
        ),
        # the public placed by its city protests against its own country's institutions, not a countryless one
        ("Hundreds rallied in Nairobi against the government's tax plan.", ("KENCVL", "KENGOV", "141")),
    ],
)
def test_whom_a_grievance_is_against(coder, text: str, expected: tuple[str, str, str]) -> None:
    assert [(e.source, e.target, e.code) for e in _code(coder, text)] == [expected]


def test_a_protest_at_a_building_is_no_grievance(coder) -> None:
    """Near miss (a guard; it passed before the grievance rule too): "at" places a protest held by nobody
    named; it names no one it is against."""
    events = _code(coder, "A protest was held at the gates of Kenya's parliament on Monday.")
    assert [e.target for e in events] == [""]
