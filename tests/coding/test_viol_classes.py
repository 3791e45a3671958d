"""Classes of violent-incident sentences in real news (the "viol" round: chemical weapons, shelling and
missiles, sexual violence, abductions and disappearances, deaths from gunfire).

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



# --- 1. chemical weapons: an inquiry's finding, the people treated, the weapon's user -----------------------


@pytest.mark.parametrize(
    ("text", "expected", "near_miss"),
    [
        # "likely" in a past passive is an inquiry's finding, not a hedge; a future one stays hypothetical
        (
            "Sarin was likely used as a weapon in Saraqib, Idlib, the inspectors concluded.",
            ("", "2041", "SYR"),
            "Sarin will likely be used as a weapon in Saraqib, Idlib, the inspectors warned.",
        ),
        (
            "Chlorine cylinders were likely dropped on a district of Douma, the watchdog said.",
            ("", "2041", "SYR"),
            "Chlorine cylinders could likely be dropped on a district of Douma, the watchdog said.",
        ),
        (
            "Mustard agent was likely used against villagers in Marea, the OPCW report found.",
            ("", "2041", "---CVL"),
            "Mustard agent has likely been used against villagers in Marea, the OPCW report found.",
        ),
    ],
)
def test_a_likely_past_use_is_a_finding(coder, text: str, expected: tuple[str, str, str], near_miss: str) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)
    events = _code(coder, near_miss)
    assert "2041" not in _codes(events), triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people treated or needing care after an attack: its consequence, so the attack is the news
        (
            "Dozens of children received treatment after Syrian government forces carried out a chlorine attack in Douma.",
            ("SYRMIL", "2041", "SYR"),
        ),
        (
            "Scores of villagers needed medical care after Iraqi troops shelled Kirkuk.",
            ("IRQMIL", "194", "IRQ"),
        ),
    ],
)
def test_people_treated_after_an_attack(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)
    # the president who received someone after an attack reports no consequence of it
    background = _code(coder, "The president received the ambassador after Iraqi troops shelled Kirkuk.")
    assert not _hostile(background), triples(background)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the user of the weapon a passive attack was made with
        ("Villagers in Idlib were attacked with poison gas released by Syrian government forces.", ("SYRMIL", "2041")),
        ("Kurdish fighters were attacked with chlorine gas used by Islamic State militants.", ("IMGMUSISI", "2041")),
    ],
)
def test_the_user_of_the_weapon_a_passive_attack_was_made_with(coder, text: str, expected: tuple[str, str]) -> None:
    events = _code(coder, text)
    assert expected in {(e.source, e.code) for e in events}, triples(events)
    # tear gas fired by police is riot control, never a chemical weapon
    events = _code(coder, "Students in Santiago were attacked with tear gas fired by Chilean police.")
    assert "2041" not in _codes(events), triples(events)


# --- 2. where violence happened: the victim's place in a passive, the place by a weapon agent -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the victim of a passive names the place ("a base *near* Kirkuk was hit"); a military compound is the
        # military's (docs/verbs.md "Violence classes")
        ("A military compound near Kirkuk was targeted by rockets.", ("", "194", "IRQMIL")),
        # an army post takes its place's country as its own (docs/actors.md): Iraq's military, not just Iraq
        ("An army post near Kirkuk was hit by mortar shells overnight.", ("", "194", "IRQMIL")),
        # a place the parser hangs on the weapon of a passive
        ("The convoy was struck by a missile in Marib province.", ("", "194", "YEM")),
        # "off the coast of": at sea off a country
        ("Eleven crew members were kidnapped off the coast of Cameroon on Friday.", ("", "181", "CMR")),
    ],
)
def test_where_passive_violence_happened(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)
    # the doer's place in an active sentence is still no victim
    events = _code(coder, "Gunmen from Kano attacked a village on Sunday.")
    assert not any(e.target == "NGA" for e in events), triples(events)


# --- 3. sexual violence: hyphenated participles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A woman was gang-raped in Lucknow on Saturday night.", ("", "1821", "INDCVL")),
        ("Two schoolgirls were gang-raped in Bihar, police said.", ("", "1821", "IND")),
    ],
)
def test_a_hyphenated_passive_is_a_passive(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)
    # an adverb before the hyphen leaves a predicate: "fully-armed" troops are armed by nobody
    events = _code(coder, "The Malian army was fully-armed by then, the minister said.")
    assert "072" not in _codes(events), triples(events)


# --- 4. abductions and disappearances --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an enforced disappearance is an abduction (181)
        ("Dozens of students were forcibly disappeared in Balochistan last year.", ("", "181", "PAKEDU")),
        ("Egyptian security forces forcibly disappeared two activists in March.", ("EGYCOP", "181", "---CVL")),
        # abducting an activist is abduction, not the repression of a protest
        ("Belarusian security forces abducted an opposition activist in Minsk.", ("BLRCOP", "181", "BLRCVL")),
    ],
)
def test_disappearances_and_abductions(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)
    assert "175" not in _codes(events), triples(events)
    # someone who disappeared of their own accord was taken by nobody
    events = _code(coder, "The hiker disappeared in the mountains of Nepal last week.")
    assert "181" not in _codes(events), triples(events)


# --- 5. deaths from gunfire with no shooter named -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three demonstrators died from gunfire in Basra on Friday.", ("", "193", "IRQCVL")),
        ("Two villagers died of gunshot wounds in Kandahar province.", ("", "193", "AFGCVL")),
    ],
)
def test_deaths_from_gunfire(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)
    illness = _code(coder, "Three villagers died of cholera in Kandahar province.")
    assert not _hostile(illness), triples(illness)


# --- 6. a weapon's plural opening a sentence (the parser takes it for a name) ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rockets were fired at the Turkish embassy in Baghdad on Tuesday.",
        "Rockets slammed into a Syrian army post near Hama.",
    ],
)
def test_a_weapon_opening_a_sentence(coder, text: str) -> None:
    events = _code(coder, text)
    assert "194" in _codes(events), triples(events)
    assert "190" not in _codes(events), triples(events)


# --- 7. deaths under torture; jets sent to destroy --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A detained blogger died in custody in Tehran after torture, his lawyer said.",
        "A student activist died under torture in a Syrian prison.",
        "The journalist died in prison in Cairo due to torture.",
    ],
)
def test_a_death_under_torture_is_torture(coder, text: str) -> None:
    events = _code(coder, text)
    assert "1822" in _codes(events), triples(events)
    events = _code(coder, "The detained blogger died in custody in Tehran after a heart attack.")
    assert "1822" not in _codes(events), triples(events)


def test_jets_sent_to_destroy_strike_from_the_air(coder) -> None:
    events = _code(coder, "Israel sent warplanes to destroy an Iraqi nuclear reactor near Baghdad.")
    assert ("ISR", "195") in {(e.source, e.code) for e in events}, triples(events)
    assert "072" not in _codes(events), triples(events)


# --- 8. "subjected to" torture, rape or beatings: the subject is the victim ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of Yazidi girls were subjected to rape by Islamic State fighters.", ("IMGMUSISI", "1821")),
        ("Uighur detainees were subjected to torture by Chinese guards.", ("CHN", "1822")),
        ("Rohingya villagers were subjected to sexual violence by Myanmar soldiers.", ("MMRMIL", "1821")),
        ("Eritrean migrants were subjected to beatings by Libyan militiamen.", ("LBYREB", "182")),
    ],
)
def test_subjected_to_violence(coder, text: str, expected: tuple[str, str]) -> None:
    events = _code(coder, text)
    assert expected in {(e.source, e.code) for e in events}, triples(events)
    events = _code(coder, "The Libyan bank was subjected to scrutiny by European regulators.")
    assert not _hostile(events), triples(events)


# --- 9. a missile attack with no aircraft named is heavy weapons (194), a cruise missile strike 1951 ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An Emirati air base came under a Houthi missile attack on Monday.", ("YEMREBHTI", "194")),
        ("Iran carried out a ballistic missile attack on a US base in Iraq.", ("IRN", "194")),
        ("Armenian forces struck Ganja with missiles overnight.", ("ARMMIL", "194")),
    ],
)
def test_missile_attacks_by_what_fires_them(coder, text: str, expected: tuple[str, str]) -> None:
    events = _code(coder, text)
    assert expected in {(e.source, e.code) for e in events}, triples(events)
    cruise = _code(coder, "The United States launched a cruise missile strike on a Syrian air base.")
    assert "1951" in _codes(cruise), triples(cruise)
