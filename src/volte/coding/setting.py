"""Where and when an article is set: its dateline, the date its relative dates count from, the country it
is filed from, and the place of each event.

``read_setting(doc, article)`` is called once per article by the coder. A dateline ("NAIROBI, Kenya (AP) -")
is never an actor; its date (the year taken from the publication date) is the article's reference date; its
country places local roles the sentence does not place ("*Police* opened fire on protesters" filed from
Nairobi is KENCOP). An event's place is the one the text names in the event's clause, else in its sentence,
else the dateline's: volte locates only what the text says (docs/places.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from volte.coding.gazetteer import default_gazetteer
from volte.coding.lexicon import words
from volte.coding.places import Place, find_places
from volte.ingest.dateline import Dateline, parse_dateline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from volte.coding.actors import ResolvedActor
    from volte.records import Article

__all__ = ["ArticleSetting", "read_setting"]

# Prepositions that name where something happened, and the links inside a place phrase ("in the *city* of
# Karak", "in Hamburg, *Germany*", "in *Pakistan's* Swat valley").
LOCATIVE_PREPS = words("locative_prepositions")
_INSIDE_PHRASE = frozenset({"compound", "amod", "nmod", "appos", "conj", "poss"})
_DIRECTIONS = words("direction_nouns")
_PLACE_PARTS = words("place_part_nouns")


@dataclass
class ArticleSetting:
    """One article's dateline, reference date and places (places are read per sentence, once)."""

    doc: Doc
    dateline: Dateline | None
    reference: date | None
    _places: dict[int, list[Place]] = field(default_factory=dict)

    @property
    def home(self) -> str | None:
        """The country the article is filed from (its dateline's), or None."""
        place = self.dateline.place if self.dateline is not None else None
        return place.country if place is not None and place.country else None

    def in_dateline(self, token: Token) -> bool:
        """Whether a token is part of the dateline ("*NAIROBI*, Kenya (AP) -")."""
        line = self.dateline
        return line is not None and line.start <= token.idx < line.end

    def places(self, sent: Span) -> list[Place]:
        """The places a sentence names, outside the dateline, in text order; a region named after a town
        ("Kiambu County") in the state the rest of its sentence names (``town_region``)."""
        if sent.start not in self._places:
            found = [p for p in find_places(sent) if not self._inside_dateline(p)]
            if any(is_town_region(p) for p in found):  # rare: the other places' states only then
                states = {p.country for p in found if p.country and not is_town_region(p) and not self._owner(p)}
                found = [town_region(p, states) if is_town_region(p) else p for p in found]
            self._places[sent.start] = found
        return self._places[sent.start]

    def place_at(self, token: Token) -> Place | None:
        """The place with a country that the gazetteer reads at ``token`` ("in *Kupwara* District"), or None."""
        for place in self.places(token.sent):
            if place.start <= token.idx < place.end and len(place.country) == 3:
                return place
        return None

    def event_place(
        self, sent: Span, trigger: Token, *, actors: tuple[ResolvedActor | None, ...] = ()
    ) -> Place | None:
        """Where an event happened, when the text says: the place nearest its trigger within the trigger's
        clause, else the sentence's only city or region, else the dateline's place. A place that names one of the
        event's actors ("*Chile* condemned *Peru's* decision") says who, not where."""
        spans = [(a.start, a.end) for a in actors if a is not None and a.start >= 0]
        places = [
            p for p in self.places(sent) if self._locative(p) and not any(s <= p.start < e for s, e in spans)
        ]
        clause = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass", "dobj") else trigger
        lo, hi = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        inside = [p for p in places if lo <= p.start < hi]
        if inside:
            return min(inside, key=lambda p: abs(p.start - trigger.idx))
        if len(places) == 1 and places[0].feature != "country":  # a country elsewhere is mostly an actor
            return places[0]
        return self.dateline.place if self.dateline is not None else None

    def _locative(self, place: Place) -> bool:
        """Whether a place is named as a location ("*in* Hamburg", "*near* the border town of X", "Pakistan's
        Swat valley" after "in"), not as an owner or a modifier ("*U.S.* pressure", "the administration *of*
        the United States")."""
        token = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        if token is None:
            return False
        head = token.root
        for _ in range(8):  # a place phrase is a few links deep at most
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
                return True
            of_phrase = head.dep_ == "pobj" and head.head.lower_ == "of"  # "the city *of* Karak"
            if of_phrase and head.head.head.lower_ in _DIRECTIONS:
                return True  # "north *of* Mogadishu", "the outskirts of Kyiv"
            if not (head.dep_ in _INSIDE_PHRASE or of_phrase) or head.head.i == head.i:
                return False
            head = head.head.head if of_phrase else head.head
        return False

    def _owner(self, place: Place) -> bool:
        """Whether a place is named as the owner of a thing that is not a place ("*Yemen's* missiles"), which
        says whose the thing is, not where the sentence is set ("*Nigeria's* Kaduna state" is a place)."""
        span = self.doc.char_span(place.start, place.end, alignment_mode="expand")
        root = span.root if span is not None else None
        return root is not None and root.dep_ in ("poss", "compound") and root.head.lemma_.lower() not in _PLACE_PARTS

    def _inside_dateline(self, place: Place) -> bool:
        line = self.dateline
        return line is not None and line.start <= place.start < line.end


def town_region(place: Place, states: set[str]) -> Place:
    """A region the gazetteer knows only as a town's name with a region word after it ("Kiambu County", "Saraj
    district") lies in the town's state unless the rest of its sentence names other states and not that one: a
    town of the name elsewhere (Saraj, North Macedonia) says nothing of where the region is. It is then the one
    state the sentence names ("from Kandahar to Saraj district": Afghanistan), or, when it names several, no
    state's."""
    if not states or place.country in states:
        return place
    other = next(iter(states)) if len(states) == 1 else ""
    return replace(place, country=other, fips=default_gazetteer().fips.get(other, ""))


def is_town_region(place: Place) -> bool:
    """Whether a place is a region the gazetteer knows only by a town's name, with no state written beside it
    ("Kiambu County"; not "Kenya's Kiambu County")."""
    return place.guessed and bool(place.country)


def read_setting(doc: Doc, article: Article) -> ArticleSetting:
    """The article's setting: its dateline (if any), reference date and, lazily, its places."""
    dateline = parse_dateline(doc.text, published=article.published)
    reference = dateline.date if dateline is not None and dateline.date is not None else article.published
    return ArticleSetting(doc=doc, dateline=dateline, reference=reference)
