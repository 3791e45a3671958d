"""A body's agreement on a measure against someone is the decision that takes it: "EU ministers agreed to
impose sanctions on X" imposes them (163), not a threat of them (1312). A pledge, an agreement still to come,
and an agreement to halt one's own activity keep their readings. Each row is written for volte, not a line of
a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

_events = partial(quads, published=date(2022, 3, 1))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EU foreign ministers agreed to impose sanctions on Belarus.", ("IGOEEC", "BLR", "163")),
        ("The EU has agreed to an arms embargo on Myanmar.", ("IGOEEC", "MMR", "163")),
        # guards (passed before the change too): a pledge threatens, an agreement to halt one's own activity yields
        ("France pledged to impose sanctions on Iran.", ("FRA", "IRN", "1312")),
        ("Israel agreed to halt construction in the West Bank.", ("ISR", "PSE", "035")),
    ],
)
def test_agreed_measures(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}
