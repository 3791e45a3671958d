"""Explosives that go off, and who planted them (coder v11; CAMEO 183 and the kind of force, 18x / 19x): an
explosive device that explodes, goes off or detonates with people killed or wounded is a bombing (183) against
them, even when the sentence names no doer ("a soldier died after a roadside bomb exploded"); its doer is
whoever planted or laid it when the sentence says so ("a mine *planted by insurgents* went off"), and one
bombing with its doer is not told again without one. Accidents are not bombings: gas cylinders, boilers,
fireworks, blasts at plants, explosives left over from old wars, and bombs found or defused. A
rocket-propelled grenade is a rocket weapon (194), not a hand grenade (183). Each row is a construction written
for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2021, 5, 4)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an explosive that explodes, goes off or detonates: a bombing of those it killed or wounded
        ("A soldier died after a roadside bomb exploded near his unit's camp.", ("", "---MIL", "183")),
        ("A landmine went off under an army truck, wounding four soldiers.", ("", "---MIL", "183")),
        ("A bomb went off outside a church in Peshawar, wounding 15 worshippers.", ("", "PAKCVL", "183")),
        ("Two policemen were wounded when a landmine exploded under their jeep.", ("", "---COP", "183")),
        ("An explosive device detonated under an army truck in Mosul, killing four soldiers.", ("", "---MIL", "183")),
        ("A grenade exploded in a crowded bar in Bujumbura, injuring 20 people.", ("", "BDICVL", "183")),
        ("A car bomb exploded in Kabul on Sunday, killing five people.", ("", "AFGCVL", "183")),
        ("A car bomb went off near a police station in Mogadishu, killing six policemen.", ("", "SOMCOP", "183")),
        # the victims of the first of two outcomes, the clause hung on the second
        ("A police officer died and two others were hurt after an IED exploded beside their pickup.", ("", "---COP", "183")),
        # whoever planted or laid it is the doer
        ("A mine planted by insurgents went off near the school, killing three children.", ("---REB", "---CVL", "183")),
        (
            "Three civilians were killed and five were wounded when a bomb, laid by militants, went off at a bus stop.",
            ("---REB", "---CVL", "183"),
        ),
        ("A soldier was killed when a bomb planted by Taliban fighters exploded near his patrol.", ("AFGREBTAL", "---MIL", "183")),
        # a rocket-propelled grenade is a rocket weapon, whatever carries it
        ("Militants fired a rocket-propelled grenade at the police station.", ("---REB", "---COP", "194")),
        ("Insurgents attacked an army convoy with rocket-propelled grenades.", ("---REB", "---MIL", "194")),
        ("A rocket-propelled grenade attack on a checkpoint killed two soldiers.", ("", "---MIL", "194")),
        ("Gunmen fired an RPG at a police patrol.", ("---REB", "---COP", "194")),
        ("Soldiers lobbed a rocket-propelled grenade at a rebel outpost.", ("---MIL", "---REB", "194")),
        # a hand grenade stays a bombing
        ("Rebels hurled a grenade at a police patrol, wounding two officers.", ("---REB", "---COP", "183")),
    ],
)
def test_bombings(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # accidents of industry and of daily life
        "A gas cylinder exploded in a restaurant in Lahore, killing four people.",
        "A boiler exploded at a textile factory in Dhaka, killing six workers.",
        "A blast at a chemical plant in Jiangsu killed 12 workers.",
        "Fireworks exploded at a warehouse in Hebei, killing three workers.",
        "A gas explosion ripped through a coal mine in Shanxi, killing 12 miners.",
        # explosives left over from old wars
        "Two children were killed when an unexploded mortar shell went off in their village.",
        "A World War II bomb exploded at a construction site in Germany, injuring four workers.",
        "A Soviet-era bomb exploded at a building site in Kyiv, wounding three workers.",
        # bombs found or defused: nobody bombed anything
        "Police defused a bomb found near the court building in Lahore.",
        "Soldiers found and defused a roadside bomb near the checkpoint.",
        "Police defused a car bomb outside the stadium in Kabul.",
        # crime, not politics
        "A grenade exploded during an attempted robbery at a shop, killing the owner.",
    ],
)
def test_no_bombing(coder, text):
    assert not [e for e in _events(coder, text) if e[2][:2] in ("18", "19", "20")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # the planter's bombing is not told again by nobody
        ("A soldier was killed when a bomb planted by Taliban fighters exploded near his patrol.", ("", "---MIL", "183")),
        ("A mine planted by insurgents went off near the school, killing three children.", ("---REB", "---CVL", "1823")),
        # a rocket-propelled grenade is no hand grenade
        ("Militants fired a rocket-propelled grenade at the police station.", ("---REB", "---COP", "183")),
        ("A rocket-propelled grenade attack on a checkpoint killed two soldiers.", ("", "---MIL", "183")),
        ("Insurgents attacked an army convoy with rocket-propelled grenades.", ("---REB", "---MIL", "183")),
    ],
)
def test_not_this_event(coder, text, unexpected):
    assert unexpected not in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss"),
    [
        # a landmine that goes off bombs; a gas canister that goes off is an accident
        (
            "A landmine went off under a minibus in Kunar, killing nine passengers.",
            "A gas canister went off under a minibus in Kunar, killing nine passengers.",
        ),
        # a mine laid by rebels bombs; a coal mine's explosion is an accident
        (
            "A mine laid by rebels exploded near a bus in Kunar, killing nine passengers.",
            "An explosion at a coal mine in Kunar killed nine miners.",
        ),
        # a bomb that explodes bombs; one that is defused does not
        (
            "A bomb exploded near the court building in Lahore, wounding two policemen.",
            "Police defused a bomb near the court building in Lahore.",
        ),
        # a new bomb bombs; an unexploded one from an old war is an accident
        (
            "Two boys were killed when a roadside bomb exploded in their village in Helmand.",
            "Two boys were killed when an unexploded bomb exploded in their village in Helmand.",
        ),
    ],
)
def test_near_misses(coder, coded, near_miss):
    assert "183" in {e[2][:3] for e in _events(coder, coded)}
    assert not [e for e in _events(coder, near_miss) if e[2][:2] in ("18", "19", "20")]
