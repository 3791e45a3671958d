"""Accusations, criticism and blame in real news (issue 13, plv ACCUSE, conflibert class 3, case2021 ATTRIB):
one test per class of sentence the coder missed or aimed at the wrong side.

Every sentence here is written for these tests (none comes from ../shared). Codes follow the CAMEO
codebook: one party saying another was responsible for or behind an attack accuses it (112; 1123 when the
act is violence), a group claiming its own attack still claims responsibility (015); criticism that
someone draws or comes under *from* others is those others' criticism of it (111).
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text
from coded_article import seen as _seen

pytestmark = [pytest.mark.model, pytest.mark.issue(13)]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)



def _accusations(events) -> set[tuple[str, str]]:
    """The (source, target) pairs of asserted accusations and criticism (root 11)."""
    return {(e.source, e.target) for e in events if e.code.startswith("11") and e.factuality == "asserted"}


# --- responsibility said of another: the speaker accuses ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Egypt's interior minister said on Monday that Hamas was responsible for the bombing of the checkpoint.", "EGYGOV", "PSE"),
        ("Ukraine said Russia was responsible for the shelling of the power plant.", "UKR", "RUS"),
        ("Pakistan said India was behind the suicide attack on the police academy.", "PAK", "IND"),
        ("Iraqi officials said Islamic State fighters were behind the twin blasts in the market.", "IRQ", "IMGMUSISI"),
        ("According to the Turkish government, the PKK was behind the car bomb in Ankara.", "TURGOV", "TURSEPPKK"),
    ],
)
def test_responsibility_said_of_another_is_an_accusation(coder, text, accuser, accused) -> None:
    events = _code(coder, text)
    found = {(e.source, e.target) for e in events if e.code.startswith("112") and e.factuality == "asserted"}
    assert any(s.startswith(accuser) and t.startswith(accused) for s, t in found), _seen(events)


def test_responsibility_for_violence_is_an_accusation_of_aggression(coder) -> None:
    events = _code(coder, "Armenia said Azerbaijan was responsible for the shelling of Stepanakert.")
    assert ("1123", "ARM", "AZE") in {(e.code, e.source, e.target) for e in events}, _seen(events)


def test_blame_for_unrest_is_a_plain_accusation(coder) -> None:
    # protests are no aggression: the speaker accuses (112), and the protests are what it is about
    events = _code(coder, "Nicaragua said the United States was behind the protests in Managua.")
    assert ("112", "NIC", "USA") in {(e.code, e.source, e.target) for e in events}, _seen(events)


def test_responsibility_reported_keeps_the_act(coder) -> None:
    # the shelling is still reported, as "Ukraine said Russian troops shelled Kharkiv" is
    events = _code(coder, "Ukraine said Russia was responsible for the shelling of Kharkiv.")
    assert ("UKR", "RUS") in _accusations(events), _seen(events)
    assert any(e.code.startswith("19") and e.source == "RUS" for e in events), _seen(events)


def _accused(events) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in events if e.code.startswith("112") and e.factuality == "asserted"}


@pytest.mark.parametrize(
    ("said", "unsaid"),
    [
        # no one says it: the attack is reported, nobody accuses
        (
            "Jordan said Hamas was responsible for the bombing of the checkpoint.",
            "Hamas was responsible for the bombing of the checkpoint.",
        ),
        (
            "Pakistan said India was behind the suicide attack on the police academy.",
            "India was behind the suicide attack on the police academy.",
        ),
        # a group that says it was responsible claims its own act (015), it accuses nobody
        (
            "Iraq said Islamic State was responsible for the attack on the checkpoint.",
            "Islamic State said it was responsible for the attack on the checkpoint.",
        ),
        (
            "Iraq said Islamic State was behind the attack on the checkpoint.",
            "Islamic State said it was behind the attack on the checkpoint.",
        ),
        # "behind" that places someone names no act
        (
            "Pakistan said India was behind the attack in Lahore.",
            "Pakistan said it was behind India in the rankings.",
        ),
    ],
)
def test_responsibility_needs_an_accuser_and_an_act(coder, said, unsaid) -> None:
    assert _accused(_code(coder, said)), _seen(_code(coder, said))
    assert not _accused(_code(coder, unsaid)), _seen(_code(coder, unsaid))


def test_claimed_responsibility_stays_a_claim(coder) -> None:
    claimed = _code(coder, "Al-Shabaab claimed responsibility for the attack on the hotel in Mogadishu.")
    assert not any(e.code.startswith("11") for e in claimed), _seen(claimed)
    assert any(e.code == "015" for e in claimed), _seen(claimed)
    # the same attack blamed on the group by Somalia is Somalia's accusation
    blamed = _code(coder, "Somalia said al-Shabaab was behind the attack on the hotel in Mogadishu.")
    assert any(s == "SOM" and t.startswith("SOMREB") for s, t in _accused(blamed)), _seen(blamed)


# --- criticism drawn, faced or come under: aimed at whoever receives it ----------------------------------


@pytest.mark.parametrize(
    ("text", "critic", "criticized"),
    [
        ("Hungary's new media law drew sharp criticism from Germany.", "DEU", "HUN"),
        ("Poland faced criticism from the European Union over its courts.", "IGOEEC", "POL"),
        ("The Brazilian president has attracted criticism from France over the fires.", "FRA", "BRA"),
        ("The Chinese government came under criticism from Canada over the detentions.", "CAN", "CHN"),
        ("Serbia has come under strong condemnation from Albania.", "ALB", "SRB"),
        ("Turkey's decision was met with condemnation from Greece.", "GRC", "TUR"),
    ],
)
def test_criticism_received_is_the_critics(coder, text, critic, criticized) -> None:
    events = _code(coder, text)
    found = _accusations(events)
    assert any(s.startswith(critic) and t.startswith(criticized) for s, t in found), _seen(events)
    assert not any(s.startswith(criticized) and t.startswith(critic) for s, t in found), _seen(events)


def test_met_with_condemnation_is_no_meeting(coder) -> None:
    events = _code(coder, "Turkey's decision was met with condemnation from Greece.")
    assert not any(e.code.startswith("04") for e in events), _seen(events)


def test_coming_under_fire_is_no_criticism(coder) -> None:
    # "came under fire" may be gunfire: no criticism is read into it; "came under criticism" is criticism
    fire = _code(coder, "The Rwandan army came under fire from Congo near Goma.")
    assert not any(e.code.startswith("11") for e in fire), _seen(fire)
    words = _code(coder, "The Rwandan army came under criticism from Congo near Goma.")
    assert ("COD", "RWAMIL") in _accusations(words), _seen(words)


# --- blamed X on Y: Y is the accused ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Iraq blamed the attack on Islamic State.", "IRQ", "IMGMUSISI"),
        ("Kenya blamed the raid on the border post on al-Shabaab.", "KEN", "SOMREBSHB"),
        ("Israel pinned the blame on Hezbollah.", "ISR", "LBNREBHEZ"),
        ("Britain pointed the finger at Russia over the poisoning.", "GBR", "RUS"),
    ],
)
def test_blamed_on_accuses_the_one_blamed(coder, text, accuser, accused) -> None:
    events = _code(coder, text)
    found = {(e.source, e.target) for e in events if e.code.startswith("112")}
    assert any(s.startswith(accuser) and t.startswith(accused) for s, t in found), _seen(events)


def test_blamed_on_a_day_keeps_the_object(coder) -> None:
    # "on Tuesday" names nobody: the object is the accused; "on Ukraine" is
    for text in ("Russia blamed Ukraine on Tuesday for the attack.", "Russia on Tuesday blamed the attack on Ukraine."):
        events = _code(coder, text)
        assert ("RUS", "UKR") in {(e.source, e.target) for e in events if e.code.startswith("112")}, _seen(events)


# --- headline passives without "was": the agent acts --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "doer", "done_to"),
    [
        ("China criticized by Australia over trade curbs", "111", "AUS", "CHN"),
        ("Iran accused by Bahrain of arming militants", "112", "BHR", "IRN"),
        ("Venezuela condemned by Colombia for border closure", "111", "COL", "VEN"),
    ],
)
def test_headline_passive_is_the_agents_act(coder, text, code, doer, done_to) -> None:
    events = _code(coder, text)
    pairs = {(e.source, e.target) for e in events if e.code.startswith(code)}
    assert any(s.startswith(doer) and t.startswith(done_to) for s, t in pairs), _seen(events)
    assert not any(s.startswith(done_to) for s, _ in pairs), _seen(events)


def test_a_sentence_with_its_own_verb_is_no_headline_passive(coder) -> None:
    headline = _code(coder, "Iran accused by Bahrain of arming militants")
    assert any(e.code.startswith("112") for e in headline), _seen(headline)
    # "released" is the statement's, "called on" the sentence's verb: no release (084x) of the statement
    events = _code(coder, "A statement released by the Syrian opposition called on fighters to lay down their weapons.")
    assert not any(e.code.startswith("084") for e in events), _seen(events)


# --- attacks in words told with a phrasal verb ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "critic", "criticized"),
    [
        # "hit out at" was read as force (190), "rounded on" as an arrest (173)
        ("Erdogan hit out at Austria on Sunday.", "TUR", "AUT"),
        ("Italy lashed out at Malta over the rescue ship.", "ITA", "MLT"),
        ("Egypt rounded on Ethiopia over the dam.", "EGY", "ETH"),
        ("Evo Morales railed against Chile in a speech.", "BOL", "CHL"),
        ("The Hungarian prime minister took a swipe at Brussels.", "HUN", "IGOEEC"),
        ("The Philippine president took aim at China over the reef.", "PHL", "CHN"),
        ("Norway spoke out against Saudi Arabia's blockade.", "NOR", "SAU"),
    ],
)
def test_phrasal_attack_in_words_is_criticism(coder, text, critic, criticized) -> None:
    events = _code(coder, text)
    found = _accusations(events)
    assert any(s.startswith(critic) and t.startswith(criticized) for s, t in found), _seen(events)
    assert not any(e.code[:2] in ("17", "18", "19") for e in events), _seen(events)


def test_armed_men_who_take_aim_are_no_critics(coder) -> None:
    armed = _code(coder, "Rebel gunmen took aim at Congolese soldiers near Beni.")
    assert not any(e.code.startswith("11") for e in armed), _seen(armed)
    words = _code(coder, "The Rwandan president took aim at Congo near Beni.")
    assert any(s.startswith("RWA") and t.startswith("COD") for s, t in _accusations(words)), _seen(words)


# --- another's act called a crime in reported speech: the speaker accuses its doer ------------------------


@pytest.mark.parametrize(
    ("text", "code", "accuser", "accused"),
    [
        ("Lebanon said Israel's raid was a war crime.", "1124", "LBN", "ISR"),
        ("Georgia said the shelling by Russia was an act of aggression.", "1123", "GEO", "RUS"),
        ("Tehran said the seizure of its tanker by Britain was an act of piracy.", "112", "IRN", "GBR"),
        ("Somalia said Kenya's incursion was a violation of its sovereignty.", "112", "SOM", "KEN"),
        ("The Armenian foreign ministry said Azerbaijan's offensive was an invasion.", "1123", "ARM", "AZE"),
    ],
)
def test_act_called_a_crime_is_an_accusation(coder, text, code, accuser, accused) -> None:
    events = _code(coder, text)
    found = {(e.code, e.source[:3], e.target[:3]) for e in events if e.factuality == "asserted"}
    assert (code, accuser, accused) in found, _seen(events)


def test_crimes_named_outside_a_said_predicate_accuse_nobody(coder) -> None:
    said = _code(coder, "Lebanon said Israel's raid was a war crime.")
    assert any(e.code.startswith("112") for e in said), _seen(said)
    # the court's own investigation, a massacre reported, an invasion ordered: no accusation by anyone
    for text in (
        "Lebanon said the court would investigate Israel's war crimes.",
        "Officials say there has been a massacre in the Malian town of Ogossagou.",
        "Putin ordered an invasion of Ukraine.",
    ):
        events = _code(coder, text)
        assert not any(e.code.startswith("112") for e in events), _seen(events)


def test_condemned_acts_doer_in_a_by_phrase_on_the_verb(coder) -> None:
    # the parser hangs "by Somali militants" on "condemned": the act's doer is the one condemned
    events = _code(coder, "The Kenyan government condemned the killings by Somali militants.")
    assert any(s == "KENGOV" and t.startswith("SOM") for s, t in _accusations(events)), _seen(events)
    events = _code(coder, "The condemnation of Israel by Turkey was swift.")
    assert ("TUR", "ISR") in _accusations(events), _seen(events)


# --- blame hedged by its speaker is still laid -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Malian officials said jihadists were believed to be behind the attack near Gao.", "MLI", "MLIREB"),
        ("Lebanon said Israel was probably behind the explosion at the port.", "LBN", "ISR"),
        ("Pakistani militants are suspected to be behind the blast in Kabul, the Afghan interior minister said.", "AFG", "PAK"),
        ("Yemeni officials said the Houthis were thought to be responsible for the drone strike.", "YEM", "YEMREB"),
    ],
)
def test_hedged_blame_is_an_accusation(coder, text, accuser, accused) -> None:
    events = _code(coder, text)
    found = {(e.source, e.target) for e in events if e.code.startswith("112") and e.factuality == "asserted"}
    assert any(s.startswith(accuser) and t.startswith(accused) for s, t in found), _seen(events)


def test_unsaid_or_conditional_suspicion_accuses_nobody(coder) -> None:
    said = _code(coder, "Mali said jihadists were believed to be behind the attack near Gao.")
    assert any(e.code.startswith("112") for e in said), _seen(said)
    for text in (
        "Jihadists are suspected to be behind the attack near Gao.",
        "Mali said jihadists could be behind the attack near Gao if the report is confirmed.",
        # a modal is a guess, not blame laid
        "Jihadists may have been behind the attack near Gao, according to the poll.",
    ):
        events = _code(coder, text)
        assert not any(e.code.startswith("112") for e in events), _seen(events)
