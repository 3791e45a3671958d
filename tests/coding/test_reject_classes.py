"""Rejections and refusals in real news (issue 13, plv REJECT): one test per class of sentence the coder
missed or coded as something else.

Every sentence here is written for these tests (none comes from ../shared). Codes follow the CAMEO
codebook: a strike its doers will not end refuses to ease dissent (1242), refugees refused reject a request
for humanitarian aid (1223), a failure to agree is talks that came to nothing (164, the codebook's own
example, both ways), a request left unanswered is rejected (120) while a request *for comment* is still a
declined comment (011).
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text
from coded_article import seen as _seen

pytestmark = [pytest.mark.model, pytest.mark.issue(13)]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)



def _rejections(events) -> list:
    return [e for e in events if e.code.startswith("12") and e.factuality == "asserted"]


def _failures(events) -> set[tuple[str, str]]:
    """The (source, target) pairs of talks that came to nothing (164)."""
    return {(e.source, e.target) for e in events if e.code == "164" and e.factuality == "asserted"}


# --- a protest its doers will not end -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the until-clause names nobody who must act, or nothing the other side must do
        "Striking nurses said they will not end the strike until their contracts are renewed.",
        "Transport workers said they would not call off the strike until the fares are reviewed.",
        "Farmers said they will not end their protest till they see real results.",
        # no until-clause, no partner: the doers alone refuse
        "Striking doctors said they will not end the strike.",
    ],
)
def test_protest_not_ended_is_a_refusal(coder, text) -> None:
    found = _rejections(_code(coder, text))
    assert [e.code for e in found] == ["1242"], _seen(_code(coder, text))
    assert found[0].source.startswith("---"), _seen(found)


def test_protest_refusal_is_aimed_at_the_agent_of_its_condition(coder) -> None:
    events = _code(coder, "Teachers said they will not end the strike until their demands are met by the Kenyan government.")
    assert ("1242", "KENGOV") in {(e.code, e.target) for e in events}, _seen(events)


def test_only_a_protest_is_kept_up_whatever_the_until_clause(coder) -> None:
    events = _code(coder, "Kenyan nurses said they will not end the strike until the results are announced.")
    assert [e.code for e in _rejections(events)] == ["1242"], _seen(events)
    events = _code(coder, "The Kenyan airline said it will not end the ticket sale until the results are announced.")
    assert not _rejections(events), _seen(events)  # only put off
    events = _code(coder, "Kenyan nurses said they will not end the strike until next week.")
    assert not _rejections(events), _seen(events)  # a date, not a condition


def test_refusing_to_resign_needs_no_partner(coder) -> None:
    events = _code(coder, "The senator has declined to resign.")
    assert [e.code for e in _rejections(events)] == ["1231"], _seen(events)


# --- failing to agree -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Tanzania failed to reach agreement on the border dispute.",
        "Kenya and Tanzania failed to strike a deal after two days of talks.",
        "Kenya and Tanzania could not reach a deal on fishing rights.",
        "Kenya and Tanzania did not reach an agreement on the pipeline.",
        "Kenya and Tanzania failed to agree on the pipeline route.",
        "Kenya failed to agree with Tanzania on the pipeline route.",
        "Kenya and Tanzania failed to reach a consensus on the tariffs.",
    ],
)
def test_failing_to_agree_is_talks_halted_both_ways(coder, text) -> None:
    events = _code(coder, text)
    assert _failures(events) == {("KEN", "TZA"), ("TZA", "KEN")}, _seen(events)
    assert not _rejections(events), _seen(events)  # nobody rejected a plan of the other's


@pytest.mark.parametrize(
    ("failed", "other"),
    [
        ("Kenya and Tanzania did not reach an agreement on the pipeline.", "Kenya and Tanzania have not yet reached an agreement on the pipeline."),
        ("Kenya and Tanzania failed to reach an agreement on the pipeline.", "Kenya and Tanzania reached an agreement on the pipeline."),
        ("Kenya and Tanzania could not strike a deal on the pipeline.", "Kenya did not sign the treaty with Tanzania."),
    ],
)
def test_agreements_pending_reached_or_unsigned_are_no_failure(coder, failed, other) -> None:
    events = _code(coder, failed)
    assert _failures(events) == {("KEN", "TZA"), ("TZA", "KEN")}, _seen(events)
    events = _code(coder, other)
    assert not _failures(events) and not _rejections(events), _seen(events)


# --- requests left unanswered ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Kenyan bank refused to respond to a request from U.S. authorities for account records.", "USAGOV"),
        ("Uganda declined to respond to Kenya's request for the extradition of the suspects.", "KEN"),
    ],
)
def test_request_left_unanswered_is_rejected(coder, text, target) -> None:
    events = _code(coder, text)
    found = _rejections(events)
    assert found and found[0].code == "120" and found[0].target == target, _seen(events)
    assert not [e for e in events if e.code == "011"], _seen(events)


def test_request_for_comment_stays_a_declined_comment(coder) -> None:
    events = _code(coder, "Uganda declined to respond to a request from Kenya for the files.")
    assert [e.code for e in _rejections(events)] == ["120"], _seen(events)
    events = _code(coder, "The Kenyan ministry declined to respond to a request for comment from Reuters.")
    assert not _rejections(events), _seen(events)


# --- rejections with no state as their target ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader and his party rejected the election results, alleging fraud.",
        "The losing candidate rejected the outcome of the vote.",
    ],
)
def test_results_rejected_need_no_target(coder, text) -> None:
    events = _code(coder, text)
    assert {e.code for e in _rejections(events)} == {"120"}, _seen(events)  # the leader and his party each


@pytest.mark.parametrize(
    "text",
    [
        "Bangladesh says it will not accept any Rohingya refugees fleeing the fighting in Myanmar.",
        "Jordan said it cannot accept any more refugees.",
        "Lebanon will not accept more refugees.",
    ],
)
def test_refugees_refused_reject_humanitarian_aid(coder, text) -> None:
    events = _code(coder, text)
    assert [e.code for e in _rejections(events)] == ["1223"], _seen(events)


def test_cannot_of_other_acts_stays_an_inability(coder) -> None:
    events = _code(coder, "Kenya cannot accept more refugees.")
    assert [e.code for e in _rejections(events)] == ["1223"], _seen(events)
    events = _code(coder, "Kenyan police cannot arrest the suspects.")
    assert not events, _seen(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan government did not give permission for the opposition rally.",
        "Kenyan authorities have not granted permission to the opposition to hold a march.",
    ],
)
def test_permission_not_given_is_refused(coder, text) -> None:
    events = _code(coder, text)
    assert [e.code for e in _rejections(events)] == ["120"], _seen(events)
    assert not [e for e in events if e.code.startswith("14")], _seen(events)  # the rally did not happen


def test_permission_given_is_no_rejection_nor_protest(coder) -> None:
    events = _code(coder, "The government gave permission for the BJP rally.")
    assert not _rejections(events) and not [e for e in events if e.code.startswith("14")], _seen(events)


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("Kenya said lifting the ban on charcoal exports is out of the question.", "1241", "KEN"),
        ("Talks with the militants are out of the question, the Somali president said.", "125", "SOMGOV"),
        ("Morocco said its sovereignty over the region is non-negotiable.", "125", "MAR"),
        ("Spain said Gibraltar is not up for negotiation.", "125", "ESP"),
        ("Turkey said the border is not up for discussion.", "125", "TUR"),
    ],
)
def test_ruled_out_and_not_negotiable_are_refusals(coder, text, code, source) -> None:
    events = _code(coder, text)
    found = _rejections(events)
    assert [(e.code, e.source) for e in found] == [(code, source)], _seen(events)
    assert not [e for e in events if e.code.startswith("04")], _seen(events)  # "up for discussion" is no meeting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is ruled out is refused to whom the act was aimed at (coder v8)
        ("Washington said lifting the sanctions on Venezuela is out of the question.", ("USAGOV", "VEN", "1244")),
        ("Ankara said withdrawing its troops from Cyprus was not up for discussion.", ("TURGOV", "CYP", "1246")),
        ("The Somali president said talks with Ethiopia are out of the question.", ("SOMGOV", "ETH", "125")),
    ],
)
def test_ruled_out_acts_are_refused_to_their_target(coder, text, expected) -> None:
    events = _code(coder, text)
    assert [(e.source, e.target, e.code) for e in _rejections(events)] == [expected], _seen(events)


@pytest.mark.parametrize(
    ("refused", "other"),
    [
        ("Greece said the name issue is not negotiable.", "Greece said the name issue is negotiable."),
        ("The Kenyan minister said the budget is not up for discussion.", "The Kenyan minister said the budget is up for discussion."),
        ("The Kenyan minister said a ceasefire is out of the question.", "The Kenyan minister said he is out of the country."),
    ],
)
def test_open_questions_are_no_refusal(coder, refused, other) -> None:
    events = _code(coder, refused)
    assert _rejections(events), _seen(events)
    events = _code(coder, other)
    assert not _rejections(events), _seen(events)


def test_veto_is_aimed_at_the_resolution_author(coder) -> None:
    events = _code(coder, "Russia vetoed a French resolution on Mali.")
    assert {(e.code, e.source, e.target) for e in events if e.code == "129"} == {("129", "RUS", "FRA")}, _seen(events)


@pytest.mark.parametrize(
    ("failed", "held"),
    [
        ("Talks between Kenya and Tanzania ended without a deal.", "Talks between Kenya and Tanzania ended on Friday."),
        (
            "The summit between Kenya and Tanzania failed to reach agreement on the border.",
            "The summit between Kenya and Tanzania ended with a deal on the border.",
        ),
    ],
)
def test_talks_that_end_without_a_deal_are_a_failure_to_agree(coder, failed, held) -> None:
    events = _code(coder, failed)
    assert {(e.code, e.source, e.target) for e in events} == {("164", "KEN", "TZA"), ("164", "TZA", "KEN")}, _seen(events)
    events = _code(coder, held)
    assert not _failures(events) and {e.code[:2] for e in events} == {"04"}, _seen(events)


def test_comments_refuted_are_rejected(coder) -> None:
    events = _code(coder, "The Kenyan government strongly refuted Museveni's comments on the border.")
    assert [(e.code, e.source) for e in _rejections(events)] == [("120", "KENGOV")], _seen(events)
