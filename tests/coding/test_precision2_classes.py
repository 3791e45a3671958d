"""False events that real news used to get (second precision round): declining comment in the noun form
("declined comment", "declined specific comment on whether ...") is CAMEO 011, not a rejection (120); dismissing an
office-holder ("dismissed the defence minister", "dismissing the elected government") removes them from office and
is no rejection (120) nor a refusal of military cooperation (1212), while a dismissed claim, offer or proposal
still is one. Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2021, 5, 4)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # declining comment (noun) is no rejection
        ("The Russian embassy in London declined comment on Tuesday.", "12"),
        ("A spokesman for the Chinese foreign ministry declined further comment.", "12"),
        ("The Iranian mission to the United Nations declined immediate comment on the report.", "12"),
        ("The White House refused comment on the talks with North Korea.", "12"),
        ("Israeli officials declined specific comment on whether the strikes would continue.", "12"),
        # dismissing an office-holder is no rejection
        ("Ukrainian President Volodymyr Zelensky dismissed the defence minister on Monday.", "12"),
        ("Pakistani Prime Minister Imran Khan dismissed the governor of Punjab.", "12"),
        ("Ethiopian Prime Minister Abiy Ahmed dismissed the army chief of staff.", "12"),
        ("The Nigerian president dismissed the heads of the army and the navy.", "12"),
        ("Tunisia's president dismissed the prime minister and froze parliament.", "12"),
        ("Malian President Keita dismissed the entire government after the massacre.", "12"),
    ],
)
def test_no_false_event(coder, text, unexpected):
    assert not [e for e in _events(coder, text) if e[2].startswith(unexpected)], _events(coder, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun form is CAMEO's "decline comment"
        ("The Russian embassy in London declined comment on Tuesday.", ("RUSGOV", "011")),
        ("The White House refused comment on the talks with North Korea.", ("USAGOV", "011")),
    ],
)
def test_declined_comment(coder, text, expected):
    found = _events(coder, text)
    assert expected in {(e[0], e[2]) for e in found}, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss", "root"),
    [
        # a dismissed claim or proposal is a rejection; a dismissed minister is not
        (
            "Russia dismissed the British proposal as unserious.",
            "Russian President Vladimir Putin dismissed the defence minister.",
            "12",
        ),
        (
            "The Houthis dismissed the Saudi offer of a truce.",
            "The Houthi leader dismissed the governor of Hodeidah.",
            "12",
        ),
        # declining to meet is a rejection; declining comment is not
        ("Iran declined the European invitation to talks.", "Iran declined comment on the European invitation.", "12"),
    ],
)
def test_near_misses(coder, coded, near_miss, root):
    assert root in {e[2][:2] for e in _events(coder, coded)}, _events(coder, coded)
    assert root not in {e[2][:2] for e in _events(coder, near_miss)}, _events(coder, near_miss)
