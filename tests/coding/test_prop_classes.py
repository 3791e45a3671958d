"""Classes of property destruction, looting and violent-protest sentences in real news (the "prop" round).

Every sentence here is written for these tests (none comes from ../shared). Each row is one construction
with the CAMEO code the codebook gives it, and where it matters a near miss that must stay uncoded or keep
its own code.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, triples

pytestmark = [pytest.mark.model]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)


def _hostile(events) -> set[tuple[str, str, str]]:
    """(source, code, target) of the events of roots 14-20."""
    return {(e.source, e.code, e.target) for e in events if e.code[:2] in ("14", "15", "17", "18", "19", "20")}


# --- property looted, torched or vandalised by nobody named (an agentless passive) -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place is where it happened (its country is the victim), not who did it
        ("Dozens of shops were looted in the townships of Soweto on Tuesday night.", ("", "1712", "ZAF")),
        ("Two churches were torched in Kaduna state overnight.", ("", "1712", "NGA")),
        ("The offices of the electoral commission were ransacked in Kinshasa.", ("", "1712", "COD")),
        # no place: the owners the property stands for
        ("About 40 foreign-owned shops were looted on Monday night.", ("", "1712", "---BUS")),
        ("A mosque was vandalised and set on fire before dawn.", ("", "1712", "---REL")),
        ("Several houses were set on fire after the funeral.", ("", "1712", "---CVL")),
        ("A number of stores have been looted and several set alight.", ("", "1712", "---BUS")),
        ("Dozens of cars were set ablaze overnight.", ("", "1712", "---CVL")),
    ],
)
def test_property_destroyed_by_nobody_named(coder, text: str, expected: tuple[str, str, str]) -> None:
    events = _code(coder, text)
    assert expected in _hostile(events), triples(events)


@pytest.mark.parametrize(
    "text",
    [
        "A shop was looted during an armed robbery on Friday.",  # ordinary crime
        "A store was looted by thieves on Monday.",  # the doer is named, and is a criminal
        "Hundreds of homes were burned in the wildfire.",  # a disaster
        "A fire destroyed several homes in the suburb.",  # an accident, and no lawless verb
    ],
)
def test_crime_and_disasters_destroy_no_property(coder, text: str) -> None:
    events = _code(coder, text)
    assert not [e for e in events if e.code == "1712"], triples(events)


def test_an_arrest_in_a_place_stays_the_authorities(coder) -> None:
    # the place's authorities still arrest: only lawless destruction loses its doer to the place
    events = _code(coder, "A journalist was arrested in Niamey on Tuesday.")
    assert ("NER", "173") in {(e.source, e.code) for e in events}, triples(events)
