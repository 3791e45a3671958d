"""Verbal classes, fourth round (plv REJECT / ACCUSE): one test per class of sentence the coder missed.

Every sentence here is written for these tests (none comes from ../shared). Codes follow the CAMEO
codebook: an accusation, claim or report rejected whose author is named in a participle's by-phrase
("the allegations *made by* Britain") is a rejection aimed at that author (120), as "Britain's allegations"
already is, not a denial of responsibility (016); a court, parliament or government quashing, overturning or
striking down another side's order or decision rejects it (120, aimed at whose order it was).
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text
from coded_article import seen as _seen

pytestmark = [pytest.mark.model]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)


def _pairs(events) -> set[tuple[str, str, str]]:
    return {(e.code, e.source, e.target) for e in events if e.factuality == "asserted"}


# --- a text rejected whose author a participle names ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Moscow dismissed the allegations made by London about the poisoning.", "RUSGOV", "GBRGOV"),
        ("Beijing rejected the claims put forward by Canada over the detentions.", "CHNGOV", "CAN"),
        ("Tehran refuted the accusations levelled by Israel against its navy.", "IRNGOV", "ISR"),
        ("The ministry rejected the charges filed by Human Rights Watch.", "---GOV", "NGOHRIHRW"),
    ],
)
def test_text_rejected_is_aimed_at_the_author_a_participle_names(coder, text, source, target) -> None:
    events = _code(coder, text)
    assert ("120", source, target) in _pairs(events), _seen(events)
    assert not [e for e in events if e.code == "016"], _seen(events)


# precision guards (they hold on main too): no author named, no side's order undone


def test_accusation_rejected_without_an_author_stays_a_denial(coder) -> None:
    events = _code(coder, "Moscow dismissed the allegations as absurd.")
    assert [e.code for e in events if e.factuality == "asserted"] == ["016"], _seen(events)


@pytest.mark.parametrize(
    "text",
    [
        "The army halted the offensive launched by the rebels.",
        "Nigerian troops suspended the raids carried out by the militia.",
    ],
)
def test_act_done_by_another_side_is_not_the_subjects_to_halt(coder, text) -> None:
    # the offensive is the rebels' own: the army stopping it is no de-escalation of the army's (087)
    events = _code(coder, text)
    assert not [e for e in events if e.code.startswith("087")], _seen(events)


# --- another side's order or decision undone --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Supreme Court quashed the orders issued by the Kenyan government.", "KENGOV"),
        ("A court in Lagos overturned the decision of the Nigerian government to close the market.", "NGAGOV"),
        ("The Constitutional Court struck down the Indian government's directive on the protests.", "INDGOV"),
        ("Judges annulled the Pakistani government's order on the rally.", "PAKGOV"),
    ],
)
def test_order_undone_is_rejected(coder, text, target) -> None:
    events = _code(coder, text)
    assert ("120", target) in {(e.code, e.target) for e in events if e.factuality == "asserted"}, _seen(events)


@pytest.mark.parametrize(
    "text",
    [
        # a conviction overturned favours the convicted; an order nobody is named for aims at no one
        "The appeals court overturned the conviction of the Kenyan opposition leader.",
        "The court quashed the order on Monday.",
        # a ban undone is a lifting (081), not a rejection
        "The court overturned the Kenyan government's ban on protests.",
    ],
)
def test_no_rejection_where_nothing_of_a_side_is_undone(coder, text) -> None:
    events = _code(coder, text)
    assert not [e for e in events if e.pattern.startswith("reject.overturn")], _seen(events)


# --- respect declared for another side's sovereignty ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia respects the sovereignty and territorial integrity of Kazakhstan.", "RUS", "KAZ"),
        ("Iran fully respects Iraq's independence, the foreign minister said.", "IRN", "IRQ"),
        ("Vanuatu expressed its deep respect for China's territorial integrity.", "VUT", "CHN"),
        ("Egypt voiced its respect for the Sudanese government's decision on the dam.", "EGY", "SDNGOV"),
    ],
)
def test_respect_for_a_sides_sovereignty_endorses_it(coder, text, source, target) -> None:
    events = _code(coder, text)
    assert ("051", source, target) in _pairs(events), _seen(events)


def test_respect_owed_to_a_ruling_is_no_endorsement(coder) -> None:
    # precision guard (holds on main too): abiding by a decision is no endorsement of its maker
    events = _code(coder, "The governor said Kenya will respect the decision of the Supreme Court.")
    assert not [e for e in events if e.pattern.startswith("diplo.respect")], _seen(events)
