"""Support and aid that real news reports in words the verb patterns used to miss or misread (plv SUPPORT and
AID, CAMEO 05x and 07x): support pledged, voiced, lent or restated is endorsement (051), not an intent to give
material aid (033); a dated phone call's purpose is the caller's act; backing a side is endorsing it; aid
received from someone, contributions of money and borders opened to refugees are aid. Each row is a
construction written for volte, not a line of a gold set."""

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
        # support pledged or promised *for* someone is endorsement (051), not material aid (033)
        (
            "The Kenyan president pledged his government's full support for the Somali government.",
            ("KENGOV", "SOMGOV", "051"),
        ),
        ("Indonesia promised its support for Malaysia's bid to host the summit.", ("IDN", "MYS", "051")),
        # support voiced "of" someone: the "of" phrase is the one supported
        (
            "The Pakistani prime minister voiced his country's strong support of the Afghan government.",
            ("PAKGOV", "AFGGOV", "051"),
        ),
        # a commitment to support(ing) someone, restated
        (
            "The German chancellor reaffirmed Germany's commitment to supporting Ukraine's sovereignty.",
            ("DEUGOV", "UKR", "051"),
        ),
        (
            "The Kenyan army reiterated its commitment to support the Somali police.",
            ("KENMIL", "SOMCOP", "051"),
        ),
        # a phone call on a named day whose purpose is to express support: the caller's support, too
        (
            "The Turkish president called the Emir of Qatar on Sunday to express his support for Qatar.",
            ("TURGOV", "QAT", "051"),
        ),
        # support thrown behind, lent to, announced or signalled for someone
        ("Japan threw its support behind the South Korean government.", ("JPN", "KORGOV", "051")),
        ("Mexico lent its support to the Guatemalan government.", ("MEX", "GTMGOV", "051")),
        ("Britain signalled support for the Iraqi government.", ("GBR", "IRQGOV", "051")),
        ("Nigeria came out in support of Ghana.", ("NGA", "GHA", "051")),
        # backing a side
        ("China backed Pakistan in its dispute with India.", ("CHN", "PAK", "051")),
        ("Britain supports the Iraqi government.", ("GBR", "IRQGOV", "051")),
        # aid received from someone: the giver is the "from" object
        (
            "The Kenyan army received logistical and financial support from the British army.",
            ("GBRMIL", "KENMIL", "070"),
        ),
        # a contribution of money to someone
        (
            "Norway made a contribution of 30 million dollars to the Lebanese government.",
            ("NOR", "LBNGOV", "070"),
        ),
        ("Japan's donation of $2 million to Nepal arrived on Monday.", ("JPN", "NPL", "070")),
        # borders opened to refugees grant them refuge (075)
        ("Uganda opened its borders to refugees fleeing South Sudan.", ("UGA", "---REF", "075")),
    ],
)
def test_support_and_aid(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # support pledged for someone is no intent to give material aid
        ("The Kenyan president pledged his government's full support for the Somali government.", "033"),
        # a bare "backed" is no yielding
        ("The European Union backed Ukraine in its dispute with Russia.", "080"),
        # "lent its support" is no loan
        ("Mexico lent its support to the Guatemalan government.", "061"),
        # borders opened to refugees are no humanitarian access
        ("Uganda opened its borders to refugees fleeing South Sudan.", "0863"),
    ],
)
def test_no_event_of_the_kind(coder, text, unexpected):
    assert not [e for e in _events(coder, text) if e[2] == unexpected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss", "code"),
    [
        # material support pledged stays an intent to give aid (033), not an endorsement
        (
            "Japan pledged its full support for the Philippine government.",
            "Japan pledged financial support for the Philippine government.",
            "051",
        ),
        # what someone is described as backed by is no endorsement at the time of the news
        (
            "China backed Pakistan in its dispute with India.",
            "Rebels backed by Rwanda attacked Congolese troops.",
            "051",
        ),
        (
            "China backed Pakistan in its dispute with India.",
            "Backed by Russian jets, Syrian troops recaptured the town.",
            "051",
        ),
        # aid that is supported is aid, not an endorsement of the recipient
        (
            "Britain supports the Iraqi government.",
            "The U.S. government supported economic assistance to Jordan.",
            "051",
        ),
        # backing down is yielding, backing someone is not
        (
            "Iran backed down from its demand on Monday.",
            "The European Union backed Ukraine in its dispute with Russia.",
            "080",
        ),
        # borders opened to trucks stay humanitarian access, not refuge
        (
            "Uganda opened its borders to refugees fleeing South Sudan.",
            "Turkey opened its border to trucks carrying aid to Syria.",
            "075",
        ),
        # a contribution is aid when it is money
        (
            "Norway made a contribution of 30 million dollars to the Lebanese government.",
            "Norway made a contribution to peace in Lebanon.",
            "070",
        ),
        # support received is aid when it is of a material kind
        (
            "The Kenyan army received logistical and financial support from the British army.",
            "The Kenyan opposition received support from British lawmakers.",
            "070",
        ),
    ],
)
def test_near_misses(coder, coded, near_miss, code):
    assert [e for e in _events(coder, coded) if e[2] == code]
    assert not [e for e in _events(coder, near_miss) if e[2] == code]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # an accusation's second "of" phrase is alleged too, not an act of the accused
        ("Egypt accused Qatar of funding militants and of attacking Iran.", "EGY"),
        ("Jordan accused Syria of arming the rebels and of shelling Israel.", "JOR"),
    ],
)
def test_conjoined_allegations(coder, text, accuser):
    assert {e[0] for e in _events(coder, text)} == {accuser}
