"""Yielding classes of coder v11 (CAMEO 08): whom an eased sanction, boycott or embargo was on, named in its "of"
phrase (085, "ended its boycott *of* Bahrain"); a verb of granting whose receiver and thing granted the parser
misreads when a modifier stands between them ("allowed aid agencies *greater* access", "granted the Red Cross
*expanded* access": 0863 to the one let in, parse_repair._granted_recipient); people released whatever their noun's
modifier ("freed the *aid* workers", 0841) and no release of texts about or to people ("released the names *of the
students*"); airspace or ports reopened to someone's planes or ships ease an embargo (085). Each row is a
construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2024, 5, 14)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom the boycott or embargo was on, in its "of" phrase
        ("Bahrain ended its boycott of Qatar.", ("BHR", "QAT", "085")),
        ("The United States ended its trade embargo of Cuba.", ("USA", "CUB", "085")),
        ("China lifted its boycott of Lithuanian goods.", ("CHN", "LTU", "085")),
        ("Jordan suspended its boycott of Israeli products.", ("JOR", "ISR", "085")),
        # "on" and "against" keep working
        ("The United States ended its embargo on Cuba.", ("USA", "CUB", "085")),
        ("The European Union suspended its sanctions against Belarus.", ("IGOEEC", "BLR", "085")),
        # a modifier between the one let in and the access: the parser's misreadings mended
        ("Sudan allowed aid agencies greater access to Darfur.", ("SDN", "NGO", "0863")),
        ("Syria allowed the Red Cross expanded access to Aleppo.", ("SYR", "NGOHLHIRC", "0863")),
        ("The junta allowed the Red Cross greater access to the prisons.", ("---GOV", "NGOHLHIRC", "0863")),
        ("Myanmar granted UN aid workers unhindered access to Rakhine.", ("MMR", "IGOUNO", "0863")),
        ("Sudan allowed UN aid workers expanded access to Darfur.", ("SDN", "IGOUNO", "0863")),
        # the one let in read as a modifier of the access: now named
        ("Sudan allowed UN aid workers access to Darfur.", ("SDN", "IGOUNO", "0863")),
        ("Sudan gave aid workers access to Darfur.", ("SDN", "NGO", "086")),
        # people released whatever their noun's modifier
        ("The rebels freed the kidnapped aid workers.", ("---REB", "NGO", "0841")),
        ("The militia released three aid workers.", ("---REB", "NGO", "0841")),
        # airspace or ports reopened to someone's planes or ships
        ("Iraq reopened its airspace to Qatari planes.", ("IRQ", "QAT", "085")),
        ("Turkey reopened its ports to Armenian ships.", ("TUR", "ARM", "085")),
        # a seized ship handed back is returned property
        ("Iran returned the seized tanker to Britain.", ("IRN", "GBR", "0842")),
    ],
)
def test_v11_yield(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year in the "of" phrase is no target
        ("The EU lifted its sanctions of 2014.", ("IGOEEC", "", "085")),
    ],
)
def test_v11_yield_time_is_no_target(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a text released about people or to them frees nobody
        ("The police released the names of the students.", "0841"),
        ("The police released the names of the victims.", "0841"),
        ("The ministry released the data to journalists.", "0841"),
        ("The ministry released the figures to journalists.", "0841"),
        # an envoy sent back to his post is no property returned
        ("Britain returned its ambassador to Tehran.", "0842"),
        # a port reopened to no one, or opened for the first time, eases no embargo
        ("The government reopened the port after the storm.", "085"),
        ("Canada reopened its airspace.", "085"),
        ("Russia opened its ports to Turkish ships.", "085"),
        # access had, not granted
        ("Sudan said aid agencies had greater access to Darfur.", "0863"),
    ],
)
def test_v11_yield_no_event_of_the_kind(coder, text, code):
    assert code not in {e[2] for e in _events(coder, text)}
