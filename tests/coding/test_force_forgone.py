"""Force given up in what is promised, asked for or demanded is de-escalation: "pledged not to attack",
"agreed to refrain from the use of force" (0356), "urged X not to invade" (0256), "demanded that X not
strike" (1056); and an attack someone refrains from is no attack. Each row is a construction written for
volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2022, 9, 5)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # promised or agreed
        ("Kyrgyzstan and Tajikistan agreed not to use force at the border.", ("KGZ", "TJK", "0356")),
        ("Serbia pledged not to attack Kosovo.", ("SRB", "XKX", "0356")),
        ("Ethiopia promised to refrain from strikes on Eritrea.", ("ETH", "ERI", "0356")),
        ("Greece vowed to abstain from military provocations against Turkey.", ("GRC", "TUR", "0356")),
        # asked for
        ("Germany urged Russia not to invade Ukraine.", ("DEU", "RUS", "0256")),
        # demanded
        ("Sudan demanded that Egypt not bomb its dams.", ("SDN", "EGY", "1056")),
    ],
)
def test_force_forgone_is_de_escalation(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia promised to refrain from strikes on Eritrea.",
        "The militia has refrained from attacks on Mogadishu since March.",
    ],
)
def test_an_attack_refrained_from_is_no_attack(coder, text):
    events = _events(coder, text)
    assert not any(code[:2] in ("13", "18", "19", "20") for _, _, code, _ in events), events


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards (passed before the change too): a negated complement that is no force keeps its code
        ("Iran agreed not to enrich uranium beyond 3.67 percent.", "030"),
        ("The UN urged both sides to refrain from violence.", "0256"),
    ],
)
def test_other_complements_keep_their_codes(coder, text, expected):
    assert expected in {code for _, _, code, _ in _events(coder, text)}
