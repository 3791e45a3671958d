"""A topic ruled out of talks in a clause coordinated with the talks themselves (coder v12).

Diplomatic news often gives the offer of talks and the limit on them in one reported sentence: "X said it would
attend talks with Y, *but that* Z was not up for discussion". Two things were missed there:

- the second "that" clause is the first one's conj, so the refusal had no speaker and was dropped;
- when it had a speaker, it named no partner ("not up for discussion" with nobody), so it reached no dyad.

The refusal is now said by the reporting verb's speaker, and aimed at the partner of the talks in the clause it
is coordinated with (a with-phrase of a talks word: meeting, talks, summit, negotiations, dialogue, meet,
negotiate, speak, confer). A with-phrase that is no talks ("travel with her deputy", "trade with") lends no
partner; a clause that is another speaker's keeps its own. Each row is a sentence written for volte.
"""

from __future__ import annotations

from datetime import date

import pytest
from coded_article import code_text, seen

PUBLISHED = date(2024, 5, 14)


def _refusals(coder, text: str) -> list[tuple[str, str, str]]:
    events = code_text(coder, text, published=PUBLISHED)
    return [(e.source, e.target, e.code) for e in events if e.code.startswith("12")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Morocco said it would attend talks with Algeria, but that Western Sahara was not up for discussion.",
            ("MAR", "DZA", "125"),
        ),
        (
            "The Somali president said he would meet with the Ethiopian prime minister, and that Somalia's "
            "sovereignty was not up for discussion.",
            ("SOMGOV", "ETHGOV", "125"),
        ),
        (
            "The Egyptian minister said he had spoken with his Sudanese counterpart, but that the dam was not "
            "up for discussion.",
            ("EGYGOV", "SDNGOV", "125"),
        ),
        (
            "Ankara said it had met with Greek officials, and that Turkey's rights were non-negotiable.",
            ("TURGOV", "GRCGOV", "125"),
        ),
        # the second clause parsed as the reporting verb's own conj: the reported talks before it
        (
            "The Turkish president said he was ready to meet with the Greek prime minister, but that Turkey's "
            "rights in the Aegean were non-negotiable.",
            ("TURGOV", "GRCGOV", "125"),
        ),
        (
            "Armenia said it was ready for talks with Azerbaijan, but that the status of the enclave was "
            "non-negotiable.",
            ("ARM", "AZE", "125"),
        ),
    ],
)
def test_topic_ruled_out_of_coordinated_talks_is_refused_to_the_talks_partner(coder, text, expected) -> None:
    assert _refusals(coder, text) == [expected], seen(code_text(coder, text, published=PUBLISHED))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a with-phrase that is no talks lends no partner: the refusal is the speaker's, to nobody named
        (
            "Serbia said it would trade with Kosovo, but that its claim to the province was not up for discussion.",
            [("SRB", "", "125")],
        ),
        ("Kenya said it would host the summit, but that the budget was not up for discussion.", [("KEN", "", "125")]),
        # another speaker's clause keeps its own speaker and lends it nothing
        (
            "Iran said it would hold talks with the United States, while the European Union said sanctions were "
            "not up for discussion.",
            [("IGOEEC", "", "125")],
        ),
    ],
)
def test_no_partner_from_what_is_no_talks_or_another_speakers(coder, text, expected) -> None:
    assert _refusals(coder, text) == expected, seen(code_text(coder, text, published=PUBLISHED))


@pytest.mark.model
def test_offer_of_talks_is_still_coded_beside_the_refusal(coder) -> None:
    text = "Morocco said it would attend talks with Algeria, but that Western Sahara was not up for discussion."
    events = code_text(coder, text, published=PUBLISHED)
    assert [(e.source, e.target, e.code) for e in events if e.code.startswith("03")] == [("MAR", "DZA", "036")]
