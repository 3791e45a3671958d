"""Classes of property destruction, looting and violent-protest sentences in real news (the "prop" round).

Every sentence here is written for these tests (none comes from ../shared). Each row is one construction
with the CAMEO code the codebook gives it; near misses that must stay uncoded, or keep their own code, are
checked in the same test, so that each test fails without the rule it pins.
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


def _hostile(events) -> set[tuple[str, str, str]]:
    """(source, code, target) of the events of roots 14-20."""
    return {(e.source, e.code, e.target) for e in events if e.code[:2] in ("14", "15", "17", "18", "19", "20")}



# --- 1. property looted, torched or vandalised by nobody named (an agentless passive) ---------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place is where it happened (its country is the victim), not who did it
        ("Dozens of shops were looted in the townships of Soweto on Tuesday night.", ("", "1712", "ZAF")),
        ("Two churches were torched in Kaduna state overnight.", ("", "1712", "NGA")),
        ("The offices of the electoral commission were ransacked in Kinshasa.", ("", "1712", "COD")),
        # no place: the owners the property stands for
        ("About 40 foreign-owned shops were looted on Monday night.", ("", "1712", "---BUS")),
        ("A mosque was vandalised and set on fire before dawn.", ("", "1712", "---REL")),
        ("Several houses were set on fire after the funeral.", ("", "1712", "---CVL")),
        ("A number of stores have been looted and several set alight.", ("", "1712", "---BUS")),
        ("Dozens of cars were set ablaze overnight.", ("", "1712", "---CVL")),
        ("Hundreds of properties were looted and set on fire, the rights group said.", ("", "1712", "---CVL")),
    ],
)
def test_property_destroyed_by_nobody_named(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        # ordinary crime: a robbery, or thieves named
        ("A shop was looted in the township on Friday.", "A shop was looted during an armed robbery on Friday."),
        ("A store was looted on Monday night.", "A store was looted by thieves on Monday night."),
        # disasters and accidents
        ("Hundreds of homes were burned in the unrest.", "Hundreds of homes were burned in the wildfire."),
    ],
)
def test_crime_and_disasters_destroy_no_property(coder, text: str, near_miss: str) -> None:
    assert "1712" in _codes(_code(coder, text)), triples(_code(coder, text))
    events = _code(coder, near_miss)
    assert "1712" not in _codes(events), triples(events)


def test_the_place_of_an_arrest_stays_the_authorities(coder) -> None:
    # the place's authorities still arrest; only lawless destruction loses its doer to the place
    looted = _code(coder, "Several shops were looted in Niamey on Tuesday.")
    assert ("", "1712", "NER") in _hostile(looted), triples(looted)
    arrested = _code(coder, "A journalist was arrested in Niamey on Tuesday.")
    assert ("NER", "173") in {(e.source, e.code) for e in arrested}, triples(arrested)


@pytest.mark.parametrize(
    ("text", "code", "near_miss"),
    [
        # a person set on fire is assaulted; property set on fire is destroyed
        ("A man was set on fire by a mob in Lagos on Sunday.", "182", "Rioters set a clinic on fire in Lagos."),
        ("Protesters set a clinic on fire in Kathmandu on Sunday.", "145", "Police set fireworks on fire."),
    ],
)
def test_set_on_fire_by_what_burns(coder, text: str, code: str, near_miss: str) -> None:
    assert code in _codes(_code(coder, text)), triples(_code(coder, text))
    assert "182" not in _codes(_code(coder, near_miss)), triples(_code(coder, near_miss))


# --- 2. looting, arson and destruction as nouns -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Widespread looting was reported in Port-au-Prince on Sunday.", ("", "1712", "HTI")),
        ("Looting broke out in Johannesburg after the verdict.", ("", "1712", "ZAF")),
        ("Hundreds of residents went on a looting spree in Johannesburg.", ("ZAFCVL", "1712", "ZAF")),
        ("Soldiers went on an arson spree in the villages of Rakhine.", ("---MIL", "1712", "MMR")),
        ("The burning and looting of shops continued in Kano on Monday.", ("", "1712", "NGA")),
        ("The demolition of homes by settlers in Hebron continued.", ("PSESET", "1712", "")),
        # people protesting who loot riot
        ("Protesters went on a looting spree in Minneapolis.", ("USACVL", "145", "USA")),
    ],
)
def test_looting_and_destruction_nouns(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)


def test_a_spree_of_anything_else_is_no_destruction(coder) -> None:
    assert "1712" in _codes(_code(coder, "Youths went on a looting spree in Nairobi, Kenya."))
    events = _code(coder, "The company went on a buying spree in Nairobi, Kenya.")
    assert not _hostile(events), triples(events)


def test_a_condemned_destruction_is_the_topic(coder) -> None:
    # what a statement condemns is its topic, not a second event (docs/verbs.md, Factuality)
    assert "1712" in _codes(_code(coder, "The looting of shops went on in Kano, Nigeria."))
    events = _code(coder, "The governor condemned the looting of shops in Kano, Nigeria.")
    assert "1712" not in _codes(events), triples(events)


# --- 3. violent protest in photo captions and in what police answer ----------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "light" tagged an adjective with a subject and an object: a present-tense verb
        ("Protesters light fires during clashes with police outside the university in Athens, Greece.", "145"),
        ("Students light fires in front of the university in Dhaka, Bangladesh.", "145"),
        # "fire" read as a compound noun: "riot police fire tear gas"
        ("Chilean riot police fire tear gas to disperse protesters in Santiago, Chile, Tuesday.", "175"),
        ("Police fire tear gas at protesters in Nairobi, Kenya, Monday.", "175"),
        ("Riot police fire rubber bullets at demonstrators in Lima, Peru, Friday.", "175"),
        # "fire" as the compound of the root's "of" object, or as a noun root with a subject
        ("Supporters of the opposition fire fireworks at police in Tirana, Albania, Saturday.", "145"),
        ("Soldiers fire at protesters in Yangon, Myanmar, Sunday.", "175"),
    ],
)
def test_caption_verbs_are_verbs(coder, text: str, code: str) -> None:
    events = _code(coder, text)
    assert code in _codes(events), triples(events)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Anti-government protesters pull down concrete walls during a demonstration in Baghdad, Iraq.", "145"),
        ("Protesters tore down the fence around parliament in Tbilisi on Monday.", "145"),
        ("Demonstrators toppled a statue of a colonial governor in Richmond, Virginia.", "145"),
        ("Settlers tore down the fence of a Palestinian farm near Hebron.", "1712"),
        ("Rioters smashed shop windows in Birmingham on Saturday night.", "145"),
        ("Masked youths smash the windows of a bank during a march in Athens, Greece.", "1712"),
    ],
)
def test_walls_and_statues_torn_down(coder, text: str, code: str) -> None:
    events = _code(coder, text)
    assert code in _codes(events), triples(events)
    assert not _hostile(_code(coder, "Workers pulled down the old wall of the stadium in Richmond, Virginia."))
    assert "1712" not in _codes(_code(coder, "The storm shattered windows across Richmond, Virginia."))


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of arrests were made in Bristol after projectiles were thrown at police.",
        "Police fired tear gas in Nairobi after protesters threw stones on Monday.",
        "Caracas was rocked by violent unrest after stone-throwing protesters clashed with police.",
        "Santiago was rocked by violence after stone-throwing protesters clashed with police across the city.",
        "Police fired tear gas after demonstrators attacked a police station in Lagos.",
    ],
)
def test_a_riot_that_police_answer_is_news(coder, text: str) -> None:
    events = _code(coder, text)
    assert "145" in _codes(events), triples(events)
    # an after-clause that nothing answers stays background
    events = _code(coder, "The minister resigned in Nairobi after protesters threw stones at his car.")
    assert "145" not in _codes(events), triples(events)
