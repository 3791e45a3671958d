"""Support given to a people named by its country is endorsement (051) of that people; "support" of people
named by no country is left to the aid patterns. Each row is written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

_events = partial(quads, published=date(2020, 5, 4))


@pytest.mark.model
def test_support_for_a_people_is_endorsement(coder):
    assert ("IRN", "YEMCVL", "051") in {e[:3] for e in _events(coder, "Iran has supported the Yemeni people.")}


@pytest.mark.model
def test_support_for_people_named_by_no_country_is_no_endorsement(coder):
    # a guard (passed before the change too)
    events = _events(coder, "The program supports people with disabilities in Kenya.")
    assert not any(code == "051" for _, _, code, _ in events), events
