"""What a deployment is for decides whom it is aimed at. Armed men deployed or sent *to help* someone are
military aid to them (072), not a show of force at them (154); a deployment to help in an attack, or in the
sender's own operation, stays a show of force; and a deployment *to assess* a situation names where the
forces look, not whom they face. Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2021, 6, 14)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Estonia deployed 300 soldiers to help Latvia after the floods.", ("EST", "LVA", "072")),
        ("The Pentagon is deploying 400 troops to Haiti to help with the relief effort.", ("USAMIL", "HTI", "072")),
        ("Chad deployed 2,000 soldiers to Niger to assist the army against jihadists.", ("TCD", "NER", "072")),
        ("Germany deployed fighter jets to Lithuania to reassure its ally.", ("DEU", "LTU", "072")),
        ("Rwanda has deployed troops to Mozambique to support the government.", ("RWA", "MOZ", "072")),
    ],
)
def test_troops_deployed_to_help_are_aid(coder, text, expected):
    events = _events(coder, text)
    assert expected in {e[:3] for e in events}
    assert not any(code == "154" and target == expected[1] for _, target, code, _ in events), events


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the aim is a part of an attack, or of the sender's own operation: a show of force (guards: these
        # passed before the change too)
        ("Turkey deployed troops to northern Iraq to support its offensive against the PKK.", ("TUR", "IRQ", "154")),
        ("Russia deployed troops to the Ukrainian border to pressure Kyiv.", ("RUS", "UKR", "154")),
    ],
)
def test_other_deployments_stay_a_show_of_force(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
def test_a_deployment_to_assess_a_situation_faces_nobody(coder):
    text = "The United States deployed 40 aircraft in Europe to assess the situation in Georgia."
    events = _events(coder, text)
    assert ("USA", "", "154") in {e[:3] for e in events}, events
    assert not any(target == "GEO" for _, target, _, _ in events), events
