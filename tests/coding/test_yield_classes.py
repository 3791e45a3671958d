"""Material cooperation and yielding that real news reports in words the verb patterns used to miss or misread
(conflibert class 2, plv AID and RETREAT, CAMEO 06-08): armed men who surrender surrender militarily (0874), not
cooperate judicially (063); troops that leave or pull out of a place retreat (0874); a ceasefire called or ordered
is declared (0871); aid told by its arrival or received from someone is aid (070, 073); troops sent as part of a
peacekeeping force or to serve with peacekeepers keep the peace (074); things repatriated are returned property
(0842). Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2019, 3, 11)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed men surrendering to forces or the authorities: a military surrender
        ("More than 200 Boko Haram fighters surrendered to Nigerian troops in Borno.", ("NGAREBBKH", "NGAMIL", "0874")),
        ("Dozens of Colombian rebels surrendered to the army on Sunday.", ("COLREB", "COLMIL", "0874")),
        ("Thirty Somali militants have surrendered to Kenyan forces.", ("SOMREB", "KENMIL", "0874")),
        # a civilian giving himself up yields (080)
        ("A Venezuelan opposition lawmaker surrendered to the authorities on Tuesday.", ("VENOPP", "VENGOV", "080")),
        # weapons surrendered are arms laid down
        ("Forty rebels surrendered their weapons to the Colombian army.", ("---REB", "COLMIL", "0873")),
        # troops leaving a country or pulling out of a place retreat
        ("American troops began leaving Afghanistan on Monday.", ("USAMIL", "AFG", "0874")),
        ("The last French soldiers left Mali in August.", ("FRAMIL", "MLI", "0874")),
        ("Russian troops pulled out of Kherson.", ("RUSMIL", "UKR", "0874")),
        ("Turkish forces have started pulling out of Iraq.", ("TURMIL", "IRQ", "0874")),
        # a ceasefire called or ordered is declared
        ("Hamas called a truce with Israel.", ("PSEREBHMS", "ISR", "0871")),
        ("The Ethiopian government called a unilateral ceasefire in Tigray.", ("ETHGOV", "", "0871")),
        # a ceasefire in another country is aimed at it (test_dyad2_classes.py); in one's own, at no one
        ("The Russian president ordered a ceasefire in Ukraine.", ("RUSGOV", "UKR", "0871")),
        # aid received from someone, or told by its arrival
        ("Jordan received 20 tonnes of food and medicine from Saudi Arabia.", ("SAU", "JOR", "073")),
        ("Yemen received medical supplies from China.", ("CHN", "YEM", "073")),
        ("Indian medical supplies arrived in Kabul on Sunday.", ("IND", "AFG", "073")),
        ("Humanitarian aid from Turkey arrived in Idlib on Monday.", ("TUR", "SYR", "073")),
        ("American aid reached Gaza on Tuesday.", ("USA", "PSE", "070")),
        ("Most of the donations came from Qatar.", ("QAT", "", "070")),
        # an aid package named as a noun
        ("Japan's aid package for Nepal included $10 million in food.", ("JPN", "NPL", "070")),
        ("The Chinese government's relief package to Yemen arrived on Sunday.", ("CHNGOV", "YEM", "073")),
        # troops sent as part of a peacekeeping force, for a peacekeeping mission, or to serve with peacekeepers
        ("Ghana sent troops to Lebanon as part of a UN peacekeeping force.", ("GHA", "LBN", "074")),
        ("Bangladesh sent 1,000 troops to Congo for a UN peacekeeping mission.", ("BGD", "COD", "074")),
        ("Ireland sent 300 soldiers to Lebanon to serve with UN peacekeepers.", ("IRL", "IGOUNOPKO", "074")),
        ("Russian peacekeepers deployed to Armenia on Tuesday.", ("RUSPKO", "ARM", "074")),
        # a deployment whose peacekeeping mission the parser hung on the governing verb
        ("Ghana announced the deployment of 500 soldiers to Mali on a peacekeeping mission.", ("GHA", "MLI", "074")),
        ("Dozens of Russian peacekeepers began deploying on Tuesday.", ("RUSPKO", "", "074")),
        ("Japanese peacekeepers arrived at Juba airport on Monday.", ("JPNPKO", "SSD", "074")),
        # a passive deployment: the peacekeepers' demonym names the sender
        ("Nigerian peacekeepers were deployed to Liberia.", ("NGA", "LBR", "074")),
        # things repatriated are returned property
        ("The United States repatriated 30 ancient coins to Greece.", ("USA", "GRC", "0842")),
    ],
)
def test_yield_and_aid(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # armed men who surrender cooperate with no court
        ("More than 200 Boko Haram fighters surrendered to Nigerian troops in Borno.", "063"),
        ("Forty rebels surrendered their weapons to the Colombian army.", "063"),
        # supplies arriving are no visit
        ("Indian medical supplies arrived in Kabul on Sunday.", "042"),
        # a ceasefire called is no appeal for one
        ("Hamas called a truce with Israel.", "0256"),
        # medical supplies received are aid, not trade
        ("Yemen received medical supplies from China.", "061"),
        # troops for a peacekeeping mission are neither military aid nor a deployment of force
        ("Bangladesh sent 1,000 troops to Congo for a UN peacekeeping mission.", "072"),
        ("Ghana sent troops to Lebanon as part of a UN peacekeeping force.", "072"),
        # coins repatriated are no deportation
        ("The United States repatriated 30 ancient coins to Greece.", "174"),
    ],
)
def test_no_event_of_the_kind(coder, text, unexpected):
    assert not [e for e in _events(coder, text) if e[2] == unexpected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss", "code"),
    [
        # a person handed over by a state stays judicial cooperation; armed men surrendering do not cooperate
        ("Peru surrendered the fugitive to Chile.", "Peruvian rebels surrendered to Chile.", "063"),
        # a military surrender is by armed men; a state surrendering a suspect hands him over
        ("Peruvian rebels surrendered to Chile.", "Peru surrendered the fugitive to Chile.", "0874"),
        # troops leaving a country retreat; troops leaving their own base, or an attack leaving dead, do not
        ("The last French soldiers left Mali in August.", "The French soldiers left their base at dawn.", "0874"),
        ("The last French soldiers left Mali in August.", "The attack left ten French soldiers dead.", "0874"),
        # pulling out of a deal or talks is no retreat
        ("Russian troops pulled out of Kherson.", "Russia pulled out of the arms control treaty.", "0874"),
        ("Russian troops pulled out of Kherson.", "The rebels pulled out of the peace talks.", "0874"),
        # calling for a ceasefire is an appeal, calling one declares it; calling one off or calling it names does not
        ("Hamas called a truce with Israel.", "Egypt called for a truce between Israel and Hamas.", "0871"),
        ("Hamas called a truce with Israel.", "Hamas called off its truce with Israel.", "0871"),
        ("Hamas called a truce with Israel.", "The Egyptian president called the truce historic.", "0871"),
        # armed men moving out of a place retreat; a priest moving out of someone's way does not
        ("Russian troops moved out of Kherson.", "The priest moved out of his way.", "0874"),
        ("The last French soldiers left Mali in August.", "The French soldiers then left the area.", "0874"),
        # aid workers and aid officials arriving bring no aid
        ("Humanitarian aid from Turkey arrived in Idlib on Monday.", "Turkish aid workers arrived in Idlib on Monday.", "073"),
        ("American aid reached Gaza on Tuesday.", "Food prices in Gaza reached a record high.", "070"),
        # troops sent as part of a force that keeps no peace are deployed
        (
            "Ghana sent troops to Lebanon as part of a UN peacekeeping force.",
            "Ghana sent troops to Lebanon as part of a military exercise.",
            "074",
        ),
    ],
)
def test_near_misses(coder, coded, near_miss, code):
    assert code in {e[2] for e in _events(coder, coded)}
    assert code not in {e[2] for e in _events(coder, near_miss)}
