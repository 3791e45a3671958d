"""Halting one's own violence is de-escalation (087), not the violence: sentences written for volte.

Before these rules "ceased its military operations" was coded as the operations (190), "called off its
offensive" as a phone call (041) and an attack (190), and "suspended air strikes" as protesters calling off a
strike (082)."""

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
        ("The Turkish army halted its offensive against Kurdish militias on Thursday.", ("TURMIL", "---REB", "087")),
        ("Russia suspended air strikes on Idlib province after the talks.", ("RUS", "SYR", "087")),
        ("Saudi Arabia paused its bombing campaign in Yemen on Sunday.", ("SAU", "YEM", "087")),
        ("The Colombian government suspended military operations against the ELN.", ("COLGOV", "COLREBELN", "087")),
        ("Ankara called off its offensive against Kurdish fighters.", ("TURGOV", "---REB", "087")),
        ("Israel halted its strikes on Lebanon on Tuesday.", ("ISR", "LBN", "087")),
        ("The Iraqi army ceased its military operations in Mosul.", ("IRQMIL", "IRQ", "087")),
    ],
)
def test_halting_own_violence_is_deescalation(coder, text, expected):
    events = _events(coder, text)
    assert [e[:3] for e in events] == [expected]
    assert events[0][3] == "asserted"


@pytest.mark.model
def test_announced_halt_is_an_intent_to_deescalate(coder):
    events = _events(coder, "The rebels said they would end their attacks on the army next week.")
    assert [e[2] for e in events] == ["0356"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # another side's violence stopped or halted happened: it is coded as that violence, not as a yielding
        ("Ukraine stopped Russian attacks on Kharkiv.", None),
        ("The army halted the rebel offensive near the border.", None),
        # aid, talks and labour strikes suspended keep their own codes
        ("The United States suspended military aid to Ukraine.", "162"),
        ("The teachers' union suspended its strike on Monday.", "082"),
        # the act must be the verb's object, not a circumstance: "because of fighting"
        ("The European Union suspended aid to Gaza because of fighting between factions.", "162"),
        # police halting a march stop someone else's protest: no dissent eased
        ("Police in Lagos halted the march on Saturday.", None),
    ],
)
def test_not_a_halt_of_own_violence(coder, text, code):
    codes = [e[2] for e in _events(coder, text)]
    assert "087" not in codes and "0356" not in codes
    if code is not None:
        assert code in codes
    else:
        assert "082" not in codes


@pytest.mark.model
def test_refusing_to_stop_ones_war_is_refusing_to_deescalate(coder):
    events = _events(coder, "The Malian government said it will never stop its war on the jihadists.")
    assert [e[2] for e in events] == ["1246"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the aim of talks is no halt yet ("start/resume talks *to end* the war")
        "Russian and Turkish ministers agreed to set up a council in Syria and start talks to end the war.",
        "The government and the rebels agreed to resume talks to end the insurgency.",
    ],
)
def test_talks_to_end_a_war_halt_nothing_yet(coder, text):
    codes = [e[2] for e in _events(coder, text)]
    assert not [c for c in codes if c.startswith(("087", "164"))], codes
