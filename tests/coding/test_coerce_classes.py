"""Classes of real-news sentences of legal coercion and of material help (coder v7, lead): named groups
outlawed (1722), arrest warrants issued (173), information given one way (064) and aid deliveries stopped
(1623). Each row is a construction written for volte, not a line of a gold set.

The second part (the "coerce" round, PLOVER COERCE = CAMEO 17x and 191): custody in other words, court
orders to jail or deport, police operations whose aim is arrests, internet shutdowns, deportations that are
no mass expulsion, border closures, and armed groups storming buildings. Every sentence there is written
for these tests too (none comes from ../shared)."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, quads, triples
from coded_article import codes as _codes

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


# ===== the coerce round ================================================================================

_code = partial(code_text, published=date(2026, 3, 9))



# --- 1. custody in other words: house arrest, remand, behind bars (173) -----------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Egyptian authorities placed the former army chief under house arrest on Tuesday.", "EGYGOV", ""),
        ("Myanmar's generals put the ousted president under house arrest.", "MMR", ""),
        ("The opposition leader was put under house arrest in Harare.", "ZWE", "ZWEOPP"),
        ("A court in Istanbul remanded the Kurdish mayor in custody.", "TURJUD", ""),
        ("Iranian authorities put the French researcher behind bars.", "IRNGOV", "FRA"),
    ],
)
def test_custody_in_other_words_is_an_arrest(coder, text: str, source: str, target: str) -> None:
    events = [e for e in _code(coder, text) if e.code == "173"]
    assert events, triples(_code(coder, text))
    assert any(e.source.startswith(source) and e.target.startswith(target) for e in events), triples(events)


@pytest.mark.model
def test_a_house_is_no_arrest(coder) -> None:
    # "under" a house is no custody; a house seized is property (171), not people taken (173)
    events = _code(coder, "Houthi fighters seized the house of a tribal leader in Sanaa.")
    assert "173" not in _codes(events), triples(events)
    assert "171" in _codes(events), triples(events)


# --- 2. court orders to jail or deport: the order detains or expels (173 / 174), no demand (10x) ----------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("A Russian judge ordered the opposition activist jailed for 30 days.", "173", "RUSJUD"),
        ("A Turkish court ordered the German reporter detained pending trial.", "173", "TURJUD"),
        ("A Spanish judge has ordered four former regional ministers jailed.", "173", "ESPJUD"),
        ("A Kenyan court ordered the Canadian pastor deported.", "174", "KENJUD"),
    ],
)
def test_court_order_to_jail_or_deport(coder, text: str, code: str, source: str) -> None:
    events = _code(coder, text)
    assert any(e.code == code and e.source == source for e in events), triples(events)
    assert not any(e.code.startswith("10") for e in events), triples(events)
    # a participle of holding someone responsible beside an order is no order to jail
    events = _code(coder, "Biden ordered new sanctions on Russia, holding the Kremlin responsible for the attack.")
    assert "173" not in _codes(events), triples(events)


# --- 3. an operation whose aim is arrests is the arrests (173), not an armed attack (190) -----------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Turkish police launched operations to detain 80 officers suspected of ties to the movement.", "TURCOP"),
        ("Nigerian police launched an operation to arrest the separatist leader.", "NGACOP"),
        ("Indian troops launched a search operation to detain militants in Pulwama.", "INDMIL"),
    ],
)
def test_arrest_operation(coder, text: str, source: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "173" and e.source == source for e in events), triples(events)
    assert not any(e.code.startswith("19") for e in events), triples(events)
    # an operation with no arrest for its aim stays force
    events = _code(coder, "Turkish troops launched an operation against Kurdish militants in northern Iraq.")
    assert "173" not in _codes(events), triples(events)
    assert any(e.code.startswith("19") for e in events), triples(events)


# --- 4. internet shutdowns and blocked platforms are censorship (1721) ------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ethiopian authorities cut off internet access in the Amhara region.", "ETHGOV"),
        ("Iran blocked access to Instagram and WhatsApp.", "IRN"),
        ("Iran shut down mobile internet across the country.", "IRN"),
        ("Turkey blocked Wikipedia.", "TUR"),
    ],
)
def test_internet_shutdown_is_censorship(coder, text: str, source: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "1721" and e.source == source for e in events), triples(events)
    assert "144" not in _codes(events), triples(events)  # no road blocked


# --- 5. deportations are a legal act (174), not a mass expulsion (201) or property returned (0842) --------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Mexican immigration authorities have deported 2,140 Honduran migrants.", "MEXGOV"),
        ("Libya deported hundreds of Nigerien migrants.", "LBY"),
        ("Thailand forcibly returned 40 Uighur men to China.", "THA"),
        ("Turkey forcibly returned Syrian refugees.", "TUR"),
        ("Greece pushed back hundreds of migrants to Turkey.", "GRC"),
    ],
)
def test_deportation_is_174(coder, text: str, source: str) -> None:
    events = _code(coder, text)
    assert any(e.code == "174" and e.source == source for e in events), triples(events)
    assert not {"201", "0842"} & _codes(events), triples(events)
    # a population driven out, or hundreds of thousands deported, stay a mass expulsion (201)
    events = _code(coder, "Serbian forces expelled thousands of ethnic Albanians from Kosovo.")
    assert "201" in _codes(events), triples(events)
    events = _code(coder, "Pakistan deported more than 450,000 Afghans last year.")
    assert "201" in _codes(events), triples(events)


# --- 6. borders closed restrict movement (191) -------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source", "targets"),
    [
        ("Rwanda closed its border with Uganda.", "RWA", {"UGA"}),
        ("Hungary sealed its border with Serbia and Croatia.", "HUN", {"SRB", "HRV"}),
    ],
)
def test_border_closure(coder, text: str, source: str, targets: set[str]) -> None:
    events = [e for e in _code(coder, text) if e.code == "191"]
    assert {e.target for e in events if e.source == source} == targets, triples(events)


# --- 7. armed groups storming a building attack it (190); police raiding a home arrest (173) -------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab militants stormed the governor's office in Kismayo.",
        "Militants attacked a police headquarters in Quetta.",
        "The Taliban stormed a police headquarters in Ghazni on Sunday.",
    ],
)
def test_armed_group_storming_building_is_force(coder, text: str) -> None:
    events = _code(coder, text)
    assert "190" in _codes(events), triples(events)
    assert "173" not in _codes(events), triples(events)
    # police raiding a home stay an arrest raid (173)
    events = _code(coder, "Israeli police raided the home of a Palestinian activist in Hebron.")
    assert "173" in _codes(events), triples(events)


# --- 8. coercion at home: the country itself as the place is no target, and no reason to drop the event ---


@pytest.mark.model
def test_coercion_across_own_country(coder) -> None:
    events = _code(coder, "Iran shut down mobile internet across the country.")
    assert ("IRN", "1721", "") in triples(events), triples(events)
