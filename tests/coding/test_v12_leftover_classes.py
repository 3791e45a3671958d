"""Leftover classes of coder v11, coded by the codebook (coder v12): suicide bombers who blow themselves up, go
off, detonate a vest or strike a place are a suicide bombing (1831) by the bombers against whom they killed, else
what they hit; access granted to inspectors, or to an inspecting agency, is receiving inspectors (0862), not
humanitarian access (0863, kept for aid workers and convoys); restrictions on trade eased are an embargo eased
(085) aimed at whose goods they were, visa rules eased for a people an administrative easing (081); a lifted
state of emergency has no "state" for a target; a shipment of food or medicine that arrives is humanitarian aid
(073) from where its "from" phrase says, never military aid. Each row is a sentence written for volte, not a line of a gold
set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, quads

PUBLISHED = date(2024, 5, 6)

_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # suicide bombers: the doer the bombers, the target whom they killed, else what they hit
        ("Three suicide bombers went off near a bus station in Borno, killing six farmers.", ("NGAREB", "NGAAGR", "1831")),
        ("Two suicide bombers blew themselves up at an army post, killing four soldiers.", ("---REB", "---MIL", "1831")),
        ("A suicide bomber detonated his vest outside a police station in Quetta.", ("PAKREB", "PAKCOP", "1831")),
        ("A suicide bomber attacked a police station in Peshawar on Friday.", ("PAKREB", "PAKCOP", "1831")),
        ("A suicide bomber exploded outside a mosque in Kandahar, wounding ten worshippers.", ("AFGREB", "AFGCVL", "1831")),
        ("An Iraqi militant detonated his explosive belt among Shiite pilgrims.", ("IRQREB", "---CVL", "1831")),
        # inspectors let in: 0862, to the inspectors' agency where it is named
        ("Iran granted IAEA inspectors access to the Fordow plant.", ("IRN", "IGOUNOIAE", "0862")),
        ("Tehran gave UN inspectors full access to its nuclear sites.", ("IRNGOV", "IGOUNO", "0862")),
        ("Iran granted the IAEA access to the enrichment site on Monday.", ("IRN", "IGOUNOIAE", "0862")),
        ("Syria allowed UN investigators access to the town.", ("SYR", "IGOUNO", "0862")),
        # aid workers and the Red Cross let in stay humanitarian access
        ("The army granted the Red Cross access to the prisoners.", ("---MIL", "NGOHLHIRC", "0863")),
        ("Sudan granted aid workers access to Darfur.", ("SDN", "NGO", "0863")),
        # trade restrictions eased: 085 to whose goods they were
        ("Beijing eased restrictions on Australian wine.", ("CHNGOV", "AUS", "085")),
        ("China lifted its ban on Japanese seafood imports.", ("CHN", "JPN", "085")),
        ("Russia lifted restrictions on imports of Turkish tomatoes.", ("RUS", "TUR", "085")),
        # visa rules eased for a people: 081 to them
        ("Japan relaxed its visa rules for Chinese tourists.", ("JPN", "CHNCVL", "081")),
        # a shipment or consignment of relief that arrives: 073 from whence it came, to where it arrived
        ("A shipment of medical supplies from Norway arrived in Beirut.", ("NOR", "LBN", "073")),
        ("A consignment of food aid from India landed in Kabul on Monday.", ("IND", "AFG", "073")),
        ("A German shipment of medicine arrived in Aleppo.", ("DEU", "SYR", "073")),
    ],
)
def test_leftover_class(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # a suicide bomber named but doing nothing is no bombing
        ("The suicide bomber was identified as a student from Karachi.", "1831"),
        # a bomber's explosion is one suicide bombing, not a second bombing or attack beside it
        ("A suicide bomber struck a market in Kabul, killing 12 people.", "183"),
        ("A suicide bomber attacked a police station in Peshawar on Friday.", "183"),
        # a man who blows up a bridge is no suicide bomber
        ("Rebels blew up a bridge near Mosul.", "1831"),
        # inspectors let in are no humanitarian access
        ("Iran granted IAEA inspectors access to the Fordow plant.", "0863"),
        # aid convoys let in are no inspectors received
        ("Israel allowed aid convoys into Gaza.", "0862"),
        ("The UN was granted access to the camps in Darfur.", "0862"),
        # trade restrictions eased are no administrative easing
        ("Beijing eased restrictions on Australian wine.", "081"),
        # a ban on one's own exports sanctions nobody: no embargo eased
        ("Indonesia lifted its ban on palm oil exports.", "085"),
        # rules eased that are neither trade nor a visa regime on a people
        ("The central bank relaxed its lending rules.", "081"),
        ("India eased its visa rules.", "081"),
        # relief that arrives is no military aid; a delegation that arrives brings no aid
        ("A German shipment of medicine arrived in Aleppo.", "072"),
        ("A delegation from Norway arrived in Beirut.", "073"),
    ],
)
def test_no_event_of_the_kind(coder, text, unexpected):
    assert not [e for e in _events(coder, text) if e[2] == unexpected]


@pytest.mark.model
def test_a_lifted_emergency_names_no_state(coder):
    events = [e.to_dict() for e in code_text(coder, "Ecuador lifted the state of emergency.", published=PUBLISHED)]
    lifted = [(e["code"], e["target"], e["target_name"]) for e in events]
    assert ("0814", "", "") in lifted, lifted
