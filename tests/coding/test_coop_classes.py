"""Cooperation that real news reports in words the verb patterns used to miss (conflibert class 2, roots
06-08): joint exercises, peacekeeping contributions, humanitarian access, aid given in other words, releases
and extraditions. Each row is a construction written for volte, not a line of a gold set."""

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
        # joint exercises counted by "a round of" are done by the counter's verb's subject (062 both ways)
        (
            "Egypt and Greece began a second round of joint naval exercises in the Mediterranean.",
            {("EGY", "GRC", "062"), ("GRC", "EGY", "062")},
        ),
        # exercises "staged by" two forces: the agent of the passive does them ("staged" was lemmatised "stag")
        (
            "The annual war games were staged by Japanese and Australian troops.",
            {("JPNMIL", "AUSMIL", "062"), ("AUSMIL", "JPNMIL", "062")},
        ),
        # extradition approved or ordered by a court is judicial cooperation with the receiving state (063)
        ("An Italian court approved the extradition of a Tunisian suspect to France.", {("ITAJUD", "FRA", "063")}),
        (
            "A judge in Madrid ordered the extradition of a Russian businessman to the United States.",
            {("ESPJUD", "USA", "063")},
        ),
    ],
)
def test_material_cooperation(coder, text, expected):
    assert {e[:3] for e in _events(coder, text)} == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "held" exercises and war games are no arrest (173)
        ("Iran and Pakistan held joint military exercises.", "173"),
        ("China and Russia are holding joint war games.", "173"),
        # troops sent to join a peacekeeping mission are no mobilisation (15x) and no military aid (072)
        ("Fiji sent 200 soldiers to join the UN peacekeeping mission in Lebanon.", "15"),
        ("Nepal will send 300 troops to join the African Union peacekeeping mission in Somalia.", "0332"),
    ],
)
def test_no_event_of_the_kind(coder, text, expected):
    assert not [e for e in _events(coder, text) if e[2].startswith(expected)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops that arrive or are sent "to join" / serve in a peacekeeping mission provide peacekeeping (074)
        ("Two hundred Irish soldiers arrived in Lebanon to join the UN peacekeeping force.", ("IRLMIL", "074")),
        ("Fiji sent 200 soldiers to join the UN peacekeeping mission in Lebanon.", ("FJI", "074", "LBN")),
        ("Ghana has sent 800 troops to Mali to contribute to the UN peacekeeping mission.", ("GHA", "074")),
        ("Bangladeshi soldiers serve in the UN peacekeeping mission in South Sudan.", ("BGDMIL", "074")),
        ("Kenyan troops took part in a peacekeeping mission in Somalia.", ("KENMIL", "074")),
        # announced: an intent to provide peacekeeping (0334), as planned as the sending
        ("Nepal will send 300 troops to join the African Union peacekeeping mission in Somalia.", ("NPL", "0334")),
        # letting aid in is allowing humanitarian access (0863)
        ("Israel allowed humanitarian aid into Gaza.", ("ISR", "0863", "PSE")),
        ("Chad allowed aid agencies access to its eastern provinces.", ("TCD", "0863")),
        ("Ethiopia allowed the World Food Programme to deliver food to Tigray.", ("ETH", "0863", "IGOUNOWFP")),
        ("Sudan gave approval for the World Food Programme to deliver food to Darfur.", ("SDN", "0863", "IGOUNOWFP")),
        ("Khartoum granted permission for UN agencies to distribute aid in Darfur.", ("SDNGOV", "0863", "IGOUNO")),
        # announced: an intent to allow international involvement (0355)
        ("Ethiopia will allow the World Food Programme to distribute food in Tigray.", ("ETH", "0355")),
        # aid given in other words: "provided X with", "made available", a headline's "hand over"
        ("Japan provided Sri Lanka with $50 million in development assistance.", ("JPN", "070", "LKA")),
        ("Turkey supplied the displaced families with tents and blankets.", ("TUR", "073")),
        ("China has made available 2 million doses of vaccine to Cambodia.", ("CHN", "070", "KHM")),
        ("AU and UN hand over urgently needed essential medical supplies to the Chadian Government.", ("IGOUNO", "073", "TCDGOV")),
        # set / let free is a release (0841)
        ("The Houthis set free 14 Saudi prisoners.", ("YEMREBHTI", "0841", "SAUCVL")),
        ("The junta set the journalists free.", ("---GOV", "0841")),
    ],
)
def test_cooperation_event(coder, text, expected):
    events = _events(coder, text)
    source, code, *target = expected
    assert any(
        e[0] == source and e[2] == code and (not target or e[1] == target[0]) and e[3] in ("asserted", "future")
        for e in events
    ), events
