"""Material cooperation and aid told with money, and one-way sharing (coder v11, CAMEO 06 and 07): information
shared *with* a partner goes one way, from the one who shares to the one who receives (064), while doers named
together or an exchange share both ways; money given *to fund* / *to pay for* / *for* something names its
recipient in that thing's "for" phrase, and money that pays for relief is humanitarian aid (073, as is
"emergency assistance"); pledged, it is an intent (0333); aid named military is military aid (072, pledged
0332); vehicles sent carrying aid give that aid to where they carry it. Each row is a construction written for volte, not a
line of a gold set."""

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
        # information shared with a partner: the sharer's act toward the partner
        ("Canadian police shared intelligence with Germany last month.", ("CANCOP", "DEU", "064")),
        ("The French government shared evidence with Morocco about the attack.", ("FRAGOV", "MAR", "064")),
        ("Britain has shared data with Norway on fishing stocks.", ("GBR", "NOR", "064")),
        ("The United States shared satellite images with Ukraine.", ("USA", "UKR", "064")),
        # vehicles sent carrying aid: the aid is what is given, to where they carry it
        ("Qatar has dispatched two planes carrying medical aid to Gaza.", ("QAT", "PSE", "073")),
        ("Egypt sent 50 trucks loaded with food to Sudan.", ("EGY", "SDN", "073")),
        ("Turkey sent a ship laden with humanitarian aid to Somalia.", ("TUR", "SOM", "073")),
        # money given to fund or pay for something: the recipient is whom it is for
        ("Germany has provided 25 million euros to pay for humanitarian aid for Syria.", ("DEU", "SYR", "073")),
        ("Norway provided 10 million dollars to fund relief for Somalia.", ("NOR", "SOM", "073")),
        ("Canada has provided 8 million dollars to fund food aid for Ethiopia.", ("CAN", "ETH", "073")),
        ("Britain has given 20 million pounds to pay for medical supplies for Ukraine.", ("GBR", "UKR", "073")),
        ("Sweden has provided 5 million euros for humanitarian aid for Yemen.", ("SWE", "YEM", "073")),
        ("Norway allocated 6 million dollars for humanitarian relief in Yemen.", ("NOR", "YEM", "073")),
        # pledged, the same money is an intent to give humanitarian aid
        ("Japan has pledged 50 million dollars to fund relief for Pakistan.", ("JPN", "PAK", "0333")),
        # aid named military is military aid; pledged, an intent to give it
        ("Washington provided military aid to Israel.", ("USAGOV", "ISR", "072")),
        ("The United States gave military assistance to Ukraine.", ("USA", "UKR", "072")),
        ("The US approved 300 million dollars in military aid for Ukraine.", ("USA", "UKR", "072")),
        ("Britain pledged military aid to Kyiv.", ("GBR", "UKRGOV", "0332")),
        # emergency assistance is humanitarian aid
        ("The Red Cross is providing emergency assistance to 30,000 people in Mozambique.", ("NGOHLHIRC", "MOZCVL", "073")),
    ],
)
def test_aid_and_sharing(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # doers named together, or an exchange, share both ways
        ("Canada and Germany share intelligence on terrorism.", {("CAN", "DEU", "064"), ("DEU", "CAN", "064")}),
        ("Germany exchanged information with Poland.", {("DEU", "POL", "064"), ("POL", "DEU", "064")}),
        ("Israel and Jordan agreed to share intelligence on militant groups.", {("ISR", "JOR", "0314"), ("JOR", "ISR", "0314")}),
    ],
)
def test_mutual_sharing(coder, text, expected):
    assert expected <= {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # sharing with a partner goes one way: the partner shares nothing back
        ("Canadian police shared intelligence with Germany last month.", ("DEU", "CANCOP", "064")),
        ("Japan shared information with South Korea on the missile launch.", ("KOR", "JPN", "064")),
        # emergency military aid is no relief
        ("Washington provided emergency military aid to Israel.", ("USAGOV", "ISR", "073")),
        # vehicles carrying troops are no aid
        ("The army sent trucks carrying soldiers to the border.", ("---MIL", "", "072")),
        # the military itself given something is no military aid
        ("The government provided the military with fuel.", ("---GOV", "", "072")),
        ("The government provided the military with fuel.", ("---GOV", "", "154")),
        # aid not named military stays aid
        ("The UN provided aid to Syria.", ("IGOUNO", "SYR", "072")),
        # an emergency loan stays economic aid
        ("The IMF approved an emergency loan for Sri Lanka.", ("IGOIMF", "LKA", "073")),
        # money paid for an import is no aid for anyone named after it
        ("Egypt paid 2 billion dollars to buy wheat from Russia.", ("EGY", "RUS", "073")),
    ],
)
def test_no_event_of_the_kind(coder, text, unexpected):
    assert unexpected not in {e[:3] for e in _events(coder, text)}
