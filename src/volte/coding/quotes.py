"""Quotations in a document: which tokens lie inside quotation marks, and who speaks there."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from volte.coding.factuality import speaker_of
from volte.coding.governors import REPORTING


class QuoteTracker:
    """Which tokens of a document lie inside quotation marks, and who is speaking there.

    A quotation opened after a reporting verb ("Trump said: \"I ...") keeps its speaker across the
    following sentences until it closes, so first-person pronouns inside it name the speaker.
    Quoted regions are found once in the text; token look-ups are a binary search on offsets.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._regions = _quoted_regions(doc.text)
        self._starts = [start for start, _ in self._regions]
        self._carried: list[Any] = []

    def _inside_char(self, char: int) -> bool:
        k = bisect_right(self._starts, char) - 1
        return k >= 0 and char < self._regions[k][1]

    def inside(self, i: int) -> bool:
        return bool(self._regions) and self._inside_char(self.doc[i].idx)

    def _overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self._starts, end - 1) - 1
        return k >= 0 and self._regions[k][1] > start

    def speaker(self, sent: Span, resolve: Callable[[Token], list[Any]]) -> list[Any]:
        """Actors speaking inside quotations of ``sent`` ([] when it quotes nobody known)."""
        if not self._regions or not self._overlaps(sent.start_char, sent.end_char):
            self._carried = []
            return []
        starts_inside = self._inside_char(sent.start_char)
        speaker = self._carried if starts_inside else self._reporter(sent, resolve)
        self._carried = speaker if self._inside_char(max(sent.end_char - 1, sent.start_char)) else []
        return speaker

    def _reporter(self, sent: Span, resolve: Callable[[Token], list[Any]]) -> list[Any]:
        for tok in sent:
            if tok.lemma_ in REPORTING and not self._inside_char(tok.idx):
                subject = speaker_of(tok)
                if subject is not None:
                    found = resolve(sent.doc[subject])
                    if found:
                        return found
        return []


_QUOTE_CHARS = re.compile(r'["\u201c\u201d]')
QUOTE_MARKS = _QUOTE_CHARS  # what opens or closes a quotation


def quoted(text: str, char: int) -> bool:
    """Whether character ``char`` of ``text`` lies inside quotation marks (the regions of QuoteTracker)."""
    return any(start <= char < end for start, end in _quoted_regions(text[: char + 1] + " "))


def _quoted_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges between opening and closing quotation marks."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for found in _QUOTE_CHARS.finditer(text):
        mark = found.group()
        if open_at is None and mark != "\u201d":
            open_at = found.end()
        elif open_at is not None and mark != "\u201c":
            regions.append((open_at, found.start()))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions
