"""Paragraph breaks end sentences: a pipeline component that runs before the parser.

News text separates paragraphs with a blank line; a sentence never runs on across one. spaCy's
dependency parser finds sentence boundaries itself, but it misses many paragraph breaks (a paragraph that
ends with a closing quote and a next one that starts with a name read as one sentence). The parser
respects sentence starts that are already set (``Token.is_sent_start = True``) and decides the rest, so
this component only marks starts and never marks a token as *not* starting a sentence.

Rules (docs/places.md, "Paragraph breaks"):

- the first token after a blank line (two or more newlines, with any spaces between) starts a sentence;
- after a single newline, the first token starts a sentence when the line before ends like a sentence
  (``.``, ``!``, ``?``, ``:``, ``…``, or a closing quote or bracket after one of them). A single newline
  after anything else is taken as a hard-wrapped line inside a sentence and left to the parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy forbids "." in component names (E853), so the versioned name uses underscores.
COMPONENT = "volte_paragraph_breaks_v1"
DATELINE_COMPONENT = "volte_dateline_break_v1"
_SENTENCE_END = frozenset(".!?:…")
_CLOSERS = frozenset("\"'”’)]»")


@Language.component(COMPONENT)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token of each paragraph (and after sentence-like lines)."""
    for i in _space_indices(doc):
        newlines = doc[i].text.count("\n")
        if newlines == 0 or i + 1 >= len(doc) or doc[i + 1].is_space:
            continue
        if newlines >= 2 or (i > 0 and _ends_sentence(doc, i - 1)):
            doc[i + 1].is_sent_start = True
    return doc


def _space_indices(doc: Doc) -> list[int]:
    """Indices of whitespace tokens (read from the attribute array: no Token objects for the rest)."""
    return [int(i) for i in doc.to_array("IS_SPACE").nonzero()[0]] if len(doc) else []


def _ends_sentence(doc: Doc, k: int) -> bool:
    """Whether the line ending at token k ends like a sentence ("said.", "said.”", "(AP)"-free)."""
    text = doc[k].text
    while k > 0 and text and text[-1] in _CLOSERS and len(text) == 1:
        k -= 1
        text = doc[k].text
    return bool(text) and text[-1] in _SENTENCE_END


@Language.component(DATELINE_COMPONENT)
def mark_dateline_break(doc: Doc) -> Doc:
    """Start a sentence right after a dateline ("NAIROBI, Kenya (AP) - *Police* opened fire ..."), so the
    parser never reads the dateline as the story's first subject (volte.ingest.dateline)."""
    # lazy: the dateline rules and gazetteer cost 50 ms at import (measured); loaded on the first document only
    from volte.ingest.dateline import parse_dateline

    line = parse_dateline(doc.text, published=None)
    if line is None:
        return doc
    token = next((t for t in doc if t.idx >= line.end and not t.is_space), None)
    if token is not None and token.i > 0:
        token.is_sent_start = True
    return doc
