"""Agreements, consultations and intents in real news (conflibert class 1, plv AGREE / CONSULT, case2021
AGREEMENT): one test per class of sentence the coder missed, or coded as an agreement or a meeting that was
none.

Every sentence here is written for these tests (none comes from ../shared). Codes follow the CAMEO codebook:
agreeing to a plan or a proposal is an intent to cooperate (030, as the codebook's "agreed upon a new
free-trade pact" and "accepted a formula" are intents), an act agreed to keeps its own intent code with the
agreer as its doer, talks that collapsed are negotiations halted (164, as "failed to reach agreement" is),
and a deal, truce or meeting named but not made is no event.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text

pytestmark = [pytest.mark.model, pytest.mark.issue(13)]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)


def _seen(events) -> set[tuple[str, str, str, str, str]]:
    return {(e.code, e.source, e.target, e.factuality, e.pattern) for e in events}


def _live(events) -> list:
    return [e for e in events if e.factuality in ("asserted", "future")]


def _root(events, *roots: str) -> list:
    return [e for e in _live(events) if e.code[:2] in roots]


# --- agreeing to a plan, a proposal, an extension ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Kenya has agreed to an extension of the African Union peacekeeping mission.", "KEN"),
        ("The Danish government agreed to the new plan for the port on Tuesday.", "DNKGOV"),
        ("Ghana agreed to the proposal submitted by Togo.", "GHA"),
        ("Peru agreed to the terms of the fishing accord.", "PER"),
        ("Chile agreed on the draft text of the declaration.", "CHL"),
        ("Norway agreed upon a framework for the Arctic council.", "NOR"),
    ],
)
def test_agreeing_to_a_plan_is_an_intent_to_cooperate(coder, text, source) -> None:
    events = _code(coder, text)
    found = [e for e in _root(events, "03") if e.source == source]
    assert [e.code for e in found] == ["030"], _seen(events)


def test_agreeing_on_a_plan_with_a_partner_goes_both_ways(coder) -> None:
    events = _code(coder, "Kenya and Uganda agreed on a roadmap for the railway.")
    pairs = {(e.source, e.target) for e in _root(events, "03")}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}, _seen(events)


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Israel agreed to the release of 40 Palestinian prisoners.", "0353", "ISR", "PSE"),
        ("Syria agreed to the withdrawal of its troops from Lebanon.", "0356", "SYR", "LBN"),
        ("Ghana committed to the release of the detained Togolese fishermen.", "0353", "GHA", "TGO"),
    ],
)
def test_acts_agreed_to_as_nouns_are_the_agreers(coder, text, code, source, target) -> None:
    events = _code(coder, text)
    found = [e for e in _root(events, "03") if e.code == code]
    assert [(e.source, e.target[:3]) for e in found] == [(source, target)], _seen(events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Tanzania accepted the proposal submitted by China.", "CHN"),
        ("Sudan accepted an offer from the Egyptian government.", "EGYGOV"),
        ("Ghana accepted Togo's new plan for the border.", "TGO"),
    ],
)
def test_accepting_a_proposal_is_an_intent_to_cooperate(coder, text, target) -> None:
    events = _code(coder, text)
    assert {(e.code, e.target) for e in _root(events, "03")} == {("030", target)}, _seen(events)
    events = _code(coder, "Ethiopia accepted Kenya's offer of mediation.")  # only mediation offered is mediation
    assert {(e.code, e.target) for e in _root(events, "03")} == {("038", "KEN")}, _seen(events)


def test_agreeing_to_a_plan_leaves_a_request_yielded_to(coder) -> None:
    events = _code(coder, "Ghana agreed to the plan, and Togo agreed to a request from Ghana.")
    assert {(e.code, e.source) for e in _root(events, "03", "08")} == {("030", "GHA"), ("083", "TGO")}, _seen(events)


# --- meetings that are none ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("none", "met"),
    [
        ("Greece has met its fiscal targets under the programme.", "Greece met Turkey's envoy under the programme."),
        ("Iran met the deadline set by the IAEA.", "Iran met the envoy sent by the IAEA."),
        ("Egypt met this year's export goal.", "Egypt met Jordan's trade minister."),
        ("The proposal was met with criticism by France.", "Duterte met Xi Jinping in Beijing at the end of August."),
        ("The Kenyan plan met with strong resistance from Uganda.", "Putin met with the Russian opposition in Moscow."),
        ("Kenya defended its rules as meeting international standards.", "Kenya's president met Ugandan officials."),
        ("Putin spoke to reporters in Moscow on Friday.", "Putin spoke to Erdogan on Monday."),
        ("Erdogan spoke with journalists in Ankara.", "Erdogan spoke with Putin in Ankara."),
        ("Bashir received an invitation from Putin to attend the summit.", "Merkel received Macron in Berlin."),
        ("Italy came to the fore in the migration debate.", "Macron came to Berlin for talks with Merkel."),
        ("Italian police came to a quick decision on the ship.", "Italian police came to Malta for talks."),
        ("France came to the defence of Germany at the summit.", "France came to Germany for the summit."),
    ],
)
def test_meeting_words_that_name_no_meeting(coder, none, met) -> None:
    events = _code(coder, none)
    assert not _root(events, "04"), _seen(events)
    events = _code(coder, met)  # the meeting, call, visit or hosting that the same words tell stays one
    assert _root(events, "04"), _seen(events)


# --- agreements, truces and talks that failed or are only named ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Iran and Qatar collapsed on Monday.",
        "The negotiations between Iran and Qatar broke down over the gas field.",
        "Talks between Iran and Qatar stalled in March.",
    ],
)
def test_talks_that_collapsed_are_negotiations_halted(coder, text) -> None:
    events = _code(coder, text)
    assert {(e.source, e.target) for e in _live(events) if e.code == "164"} == {("IRN", "QAT"), ("QAT", "IRN")}, _seen(events)
    assert not _root(events, "04"), _seen(events)
    events = _code(coder, "Talks between Iran and Qatar ended on Monday.")  # talks that ended were held
    assert {e.code for e in _live(events)} == {"046"}, _seen(events)


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire between Armenia and Azerbaijan collapsed.",
        "The peace deal between Ethiopia and Eritrea broke down in 2019.",
        "The peace agreement between Sudan and South Sudan fell apart within weeks.",
        "The trade agreement between Chile and Peru expired last year.",
        "Hamas said it would not honor the security agreement with the Palestinian Authority.",
        "Most Colombians support a peace treaty between Colombia and the FARC rebels.",
        "The trade pact between Chile and Peru provides a framework for investment.",
        "Uruguay decided to join the trade accord between Chile and Peru.",
    ],
)
def test_failed_or_only_named_agreements_are_none(coder, text) -> None:
    events = _code(coder, text)
    assert not [e for e in _live(events) if e.code in ("057", "0871", "0356")], _seen(events)


@pytest.mark.parametrize(
    ("text", "roots"),
    [
        ("The ceasefire agreement between Armenia and Azerbaijan is set to take effect at midnight.", ("03", "05")),
        ("The ceasefire agreement between Armenia and Azerbaijan came into force at midnight.", ("05",)),
    ],
)
def test_truce_agreements_that_take_effect_are_agreements(coder, text, roots) -> None:
    events = _code(coder, text)
    found = _root(events, *roots)
    assert {(e.source, e.target) for e in found} == {("ARM", "AZE"), ("AZE", "ARM")}, _seen(events)
    # an agreement entered into or agreed upon stays one
    events = _code(coder, "Iran has entered into a nuclear cooperation deal with Russia.")
    assert {e.code for e in _live(events)} == {"057"}, _seen(events)
    events = _code(coder, "Chile and Peru have agreed upon a new free-trade pact between the two countries.")
    assert {(e.source, e.target) for e in _root(events, "03", "05")} == {("CHL", "PER"), ("PER", "CHL")}, _seen(events)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kenya and Uganda came to an agreement on the border.", "057"),
        ("Kenya came to an understanding with Uganda over the lake.", "057"),
        ("Kenya and Uganda have come to a consensus on the railway.", "030"),
    ],
)
def test_coming_to_an_agreement_is_reaching_one(coder, text, code) -> None:
    events = _code(coder, text)
    assert {(e.code, e.source, e.target) for e in _root(events, "03", "04", "05")} == {
        (code, "KEN", "UGA"),
        (code, "UGA", "KEN"),
    }, _seen(events)
    events = _code(coder, "Kenya and Uganda failed to come to an agreement on the border.")
    assert {e.code for e in _live(events)} == {"164"}, _seen(events)  # talks that came to nothing


@pytest.mark.parametrize(
    "text",
    [
        "Uruguay withdrew its plan to honor Putin.",
        "Russia abandoned its plan to send troops to Syria.",
        "Russia withdrew its offer to mediate between Armenia and Azerbaijan.",
        "The plan to send troops to Syria was scrapped by Russia.",
    ],
)
def test_an_intent_given_up_is_none(coder, text) -> None:
    events = _code(coder, text)
    assert not _root(events, "03", "04", "05", "07"), _seen(events)
    events = _code(coder, text.replace("withdrew", "announced").replace("abandoned", "announced").replace("was scrapped", "was announced"))
    assert _root(events, "03", "04", "05", "07"), _seen(events)  # announced, the plan is an intent


def test_an_intent_not_given_up_stays(coder) -> None:
    events = _code(coder, "Russia abandoned its plan to send troops to Syria, but Turkey did not abandon its plan to send troops to Libya.")
    assert {(e.source, e.target) for e in _root(events, "03")} == {("TUR", "LBY")}, _seen(events)
