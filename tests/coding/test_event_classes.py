"""Classes of real-news sentences the verb patterns and factuality code (events2 round): each row is one
construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date

import pytest

from volte.coding.coder import Coder
from volte.records import Article

PUBLISHED = date(2018, 5, 14)


@pytest.fixture(scope="module")
def coder(nlp):
    return Coder(nlp=nlp)


def _events(coder, text):
    events = next(coder.code([Article(id="t", text=text, published=PUBLISHED)])).events
    return [(e.source, e.target, e.code, e.factuality) for e in events]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "will not X until <clause>": a condition on the other side, as "unless": a refusal stated now
        (
            "Canada will not lift the embargo on Venezuela until Caracas frees its political prisoners.",
            ("CAN", "VEN", "1244"),
        ),
        (
            "Georgian rebels will not release the three Turkish engineers until a ransom is paid.",
            ("GEOREB", "TURCVL", "1243"),
        ),
        (
            "Kenya said it would not lift the ban on Somali traders until Mogadishu hands over the suspects.",
            ("KEN", "SOM", "1241"),
        ),
    ],
)
def test_refusal_until_a_condition_is_met(coder, text, expected):
    assert [e[:3] for e in _events(coder, text) if e[2].startswith("12")] == [expected]


@pytest.mark.model
def test_refusal_until_a_time_only_puts_the_act_off(coder):
    assert _events(coder, "Canada will not lift the embargo on Venezuela until next year.") == []
