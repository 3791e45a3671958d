"""Sentences never span a paragraph break (issue 13)."""

from __future__ import annotations

import pytest
import spacy

from volte.nlp.paragraphs import COMPONENT, mark_paragraph_breaks

pytestmark = pytest.mark.issue(13)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _starts(blank, text):
    doc = mark_paragraph_breaks(blank(text))
    return [t.text for t in doc if t.is_sent_start and t.i > 0]


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ('He said "we will not give up."\n\nGustavo Petro replied.', ["Gustavo"]),
        ("First paragraph, no stop\n\nSecond paragraph.", ["Second"]),
        ("Talks ended.\n \n  Troops left.", ["Troops"]),
        ("Talks ended.\nTroops left.", ["Troops"]),
        ('He said: "No."\nTroops left.', ["Troops"]),
        ("The minister said the\ntroops would leave.", []),
        ("The minister said the\nTroops would leave.", []),
        ("One line only.", []),
        ("Ends with a blank line.\n\n", []),
    ],
)
def test_paragraph_breaks_mark_starts(blank, text, starts):
    assert _starts(blank, text) == starts


def test_paragraph_breaks_leave_other_tokens_to_the_parser(blank):
    doc = mark_paragraph_breaks(blank("Talks ended. Troops left.\n\nThen rain fell."))
    assert [t.is_sent_start for t in doc][1:5] == [None, None, None, None]


@pytest.mark.model
def test_build_nlp_runs_paragraph_breaks_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT) < names.index("parser")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The minister said the talks would go on. "We will not give up."\n\nGustavo Petro said he would travel.',
        'Officials said the ceasefire was holding, "for now"\n\nPresident Petro rejected that.',
    ],
)
def test_sentences_end_at_paragraph_breaks(nlp, text):
    doc = nlp(text)
    first, second = text.split("\n\n")
    sents = [s.text.strip() for s in doc.sents]
    assert second in sents
    assert all("\n\n" not in s for s in sents)
