"""Classes of violent-protest sentences in real news that the coder missed (the second "violence" round,
coder after v10): scuffles and brawls (a fistfight: 180, a riot when people protesting fight it), a clash whose
sides the text does not code in a sentence about people protesting (their riot, 145), people protesting
who beat or attack the police or troops facing them (a riot, 145, not a plain assault), and camps: only a
protest camp is a protest gathering, so force on an army, refugee or militant camp is no repression (175);
looters are people (CVL), so the shops they ransack are property destroyed (1712).

Every sentence here is written for these tests (none comes from ../shared). Each row is one construction
with the CAMEO code the codebook gives it. The single tests after each parametrized class are its guards
(what the class must leave alone): they pass before the change as well.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, triples

pytestmark = [pytest.mark.model]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)


# --- 1. scuffles: a fistfight (180); with people protesting on one side, their riot and police repression ---


@pytest.mark.parametrize(
    "text",
    [
        "Scuffles broke out between demonstrators and riot police in Tbilisi on Saturday.",
        "Protesters and police scuffled near the presidential palace in Lima on Thursday.",
        "A brawl erupted between rioters and police officers in central Belgrade.",
    ],
)
def test_scuffle_with_police_is_a_riot(coder, text: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "145" and e.source[3:6] == "CVL" and e.target[3:6] == "COP" for e in events), triples(events)
    assert any(e.code == "175" and e.source[3:6] == "COP" for e in events), triples(events)


def test_scuffle_without_protesters_is_unconventional_violence(coder) -> None:
    events = _code(coder, "Lawmakers of the ruling party scuffled with opposition deputies in the parliament in Kyiv.")
    assert any(e.code == "180" for e in events), triples(events)
    assert not any(e.code in ("145", "175") for e in events), triples(events)


# --- 2. a clash with no coded sides in a sentence about people protesting is their riot ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Clashes erupted in Basra on Friday as demonstrators tried to storm the governor's office.",
        "Dozens of people were injured in clashes between protesters and police in Tripoli.",
    ],
)
def test_sideless_clash_among_protesters_is_a_riot(coder, text: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "145" for e in events), triples(events)


def test_sideless_clash_elsewhere_stays_fighting(coder) -> None:
    events = _code(coder, "Heavy clashes erupted in Idlib province on Sunday.")
    assert any(e.code == "190" for e in events), triples(events)
    assert not any(e.code == "145" for e in events), triples(events)


# --- 3. people protesting who attack the police or troops riot (145); on anyone else it stays an assault ------


@pytest.mark.parametrize(
    "text",
    [
        "Rioters attacked police officers with stones in Belfast on Monday.",
        "Angry protesters beat two policemen outside the courthouse in Santiago.",
    ],
)
def test_protesters_beating_police_riot(coder, text: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "145" and e.target[3:6] == "COP" for e in events), triples(events)
    assert not any(e.code.startswith("182") for e in events), triples(events)


def test_protesters_beating_a_bystander_is_an_assault(coder) -> None:
    events = _code(coder, "Protesters beat a shopkeeper outside his store in Santiago.")
    assert not any(e.code == "145" and e.target[3:6] == "COP" for e in events), triples(events)


# --- 4. camps: force on a military, refugee or militant camp is no repression of a protest ------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Indian warplanes launched airstrikes against a militant camp in Pakistan.", "195"),
        ("Government troops attacked two rebel camps near the border with Uganda.", "190"),
    ],
)
def test_force_on_a_camp_is_no_repression(coder, text: str, code: str) -> None:
    events = _code(coder, text)
    assert any(e.code == code for e in events), triples(events)
    assert not any(e.code == "175" for e in events), triples(events)


def test_force_on_a_protest_camp_is_repression(coder) -> None:
    events = _code(coder, "Riot police attacked a protest camp outside the parliament in Minsk.")
    assert any(e.code == "175" for e in events), triples(events)


# --- 5. looters are people (CVL): what they destroy is property destroyed (1712) ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Looters ransacked dozens of shops in Johannesburg overnight.",
        "Looters torched a warehouse on the outskirts of Beira on Sunday.",
    ],
)
def test_looters_destroy_property(coder, text: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "1712" and e.source[3:6] == "CVL" for e in events), triples(events)
