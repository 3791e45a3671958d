"""Classes of real-news sentences of legal coercion and of material help (coder v7, lead): named groups
outlawed (1722), arrest warrants issued (173), information given one way (064) and aid deliveries stopped
(1623). Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

_events = partial(quads, published=date(2023, 3, 17))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # outlawing or proscribing a named group bans it (1722)
        ("Egypt outlawed the Muslim Brotherhood.", ("EGY", "EGYOPPMBR", "1722")),
        # (coded already through its "group": a guard that the new pattern keeps it)
        ("Britain proscribed Hamas as a terrorist group.", ("GBR", "PSEREBHMS", "1722")),
        # an arrest warrant issued is a charge with legal action (173) against the one it names
        ("The International Criminal Court issued an arrest warrant for Putin.", ("IGOICC", "RUSGOV", "173")),
        ("A court in Istanbul issued arrest warrants for 40 Iranian nationals.", ("TURJUD", "IRNCVL", "173")),
    ],
)
def test_legal_coercion(coder, text, expected):
    assert [e[:3] for e in _events(coder, text)] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a practice outlawed names no actor: no event
        "Sudan's government outlawed female genital mutilation.",
        # asking a court for a warrant is no warrant yet
        "Argentina sought an arrest warrant against Iranian officials.",
    ],
)
def test_no_legal_coercion(coder, text):
    assert [e for e in _events(coder, text) if e[2] in ("1722", "173")] == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # information given, passed or handed over goes one way (it was coded both ways, as shared)
        ("The Swiss government gave account information to the Indian government.", [("CHEGOV", "INDGOV", "064")]),
        ("The US provided Ukraine with intelligence.", [("USA", "UKR", "064")]),
        # a bare delivery is no weapon: aid deliveries stopped are humanitarian (1623), arms deliveries military
        ("The United Nations has suspended aid deliveries to Yemen.", [("IGOUNO", "YEM", "1623")]),
        ("Germany halted arms deliveries to Turkey.", [("DEU", "TUR", "1622")]),  # a guard: coded so before
    ],
)
def test_aid_and_information_directions(coder, text, expected):
    assert [e[:3] for e in _events(coder, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops sent to a place of their own country, or to one volte cannot place, are deployed (154), not
        # given as military aid (072); sent to another state they stay aid
        ("The Guatemalan president sent troops and police to Santa Cruz Barillas to restore order.", ["154"]),
        ("India sent troops to the Galwan Valley.", ["154"]),
        ("Kenya sent troops to Somalia.", ["072"]),  # a guard: coded so before
        # a suspension or freeze of aid is one reduction of aid (162), not aid (070) and cut ties (160)
        ("Denmark announced a suspension of aid to Egypt.", ["162"]),
        ("Trump announced a freeze of military aid to Ukraine.", ["162"]),
        # "in protest at" gives the reason: the aid was suspended, no protest called off (082)
        ("The European Commission suspended humanitarian aid to Kabul in protest at the arrests.", ["162"]),
        # deporting a convicted man expels him (174); handing a suspect to a state is judicial cooperation
        ("US authorities have deported a convicted IRA bomber.", ["174"]),
        ("Spain handed over the suspect to France.", ["063"]),  # a guard: coded so before
    ],
)
def test_deployments_suspensions_and_deportations(coder, text, expected):
    assert [e[2] for e in _events(coder, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser makes "free" a clause of "let": still a release (0841)
        ("Yemen today let free nearly three dozen activists.", [("YEM", "---CVL", "0841")]),
        # a deployment of peacekeepers approved is peacekeeping (074) for the country they go to, which the
        # parser hangs on the approving verb
        ("The UN Security Council approved the deployment of 5,000 peacekeepers to South Sudan.", [("IGOUNO", "SSD", "074")]),
        ("The UN approved the deployment of a UN team to Haiti.", [("IGOUNO", "HTI", "074")]),
    ],
)
def test_releases_and_peacekeeping_deployments(coder, text, expected):
    assert [e[:3] for e in _events(coder, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a bare "in protest at" gives a reason: no protest by the one who acts
        ("North Korea closed its embassy in Slovenia in protest at the sanctions.", "14"),
        # search warrants arrest nobody; a practice outlawed bans no group (and its place is no doer)
        ("Police have issued search warrants on the suspects.", "173"),
        ("Homosexuality is legally outlawed in Burkina Faso.", "1722"),
    ],
)
def test_no_protest_warrant_or_ban(coder, text, absent):
    assert [e for e in _events(coder, text) if e[2].startswith(absent)] == []
