"""Where violence or coercion with no named victim happened gives its target: also when the parser tags the
place as an organization, and when the act is a noun carried by a light verb of going ("went on a looting
spree in X"). Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

_events = partial(quads, published=date(2021, 7, 14))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser tags "Durban" as an organization here; the gazetteer places it
        ("Residents went on a looting spree in Durban.", ("ZAFCVL", "ZAF", "1712")),
        ("Residents went on a looting spree in Durban on Monday.", ("ZAFCVL", "ZAF", "1712")),
        # the place hangs on "went", not on the noun event (people rioting who loot riot: 145)
        ("Rioters went on a looting spree on Monday in Durban.", ("ZAFCVL", "ZAF", "145")),
    ],
)
def test_a_place_tagged_as_an_organization_still_places_violence(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}
