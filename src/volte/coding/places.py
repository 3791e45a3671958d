"""Places named in a text: countries, regions and cities, with their country and coordinates.

``find_places(span)`` scans a parsed sentence (or any span or doc) for gazetteer names and keeps those
the text uses as places (rules in docs/places.md):

- states, US states and listed regions count wherever they are written capitalised, unless they are part
  of a longer name ("Michael Jordan", "Georgia Tech", "the Washington Post");
- a city needs a sign that it is a place: a place preposition before it ("in", "near", "at", "from",
  "across", "outside", ... also "in the northern city of X"), a qualifier after it ("Paris, Texas",
  "Hamburg, Germany") or before it ("Pakistan's Swat valley"), a region word after it ("Kupwara
  District"), spaCy's entity type GPE/LOC/FAC when the pipeline has NER, or being a capital or a city of a
  million people ("Kabul", "Lagos"). Cities whose names are common words ("March", "Nice", "Split",
  "Reading", "Police") need a place preposition and a proper noun tag, and never start a sentence;
- a country name beats a region and a city ("Georgia" is the country), except in US context ("Atlanta,
  Georgia", "Georgia's governor", another US place in the same span); the more populous of same-named
  cities wins unless a qualifier says which one.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from volte.coding.gazetteer import (
    RANK_COUNTRY,
    RANK_US_STATE,
    REGION_SUFFIXES,
    Entry,
    Gazetteer,
    Place,
    as_region,
    default_gazetteer,
    fold,
)
from volte.coding.lexicon import words

__all__ = ["Gazetteer", "Place", "default_gazetteer", "find_places"]

PLACE_PREPOSITIONS = words("place_prepositions")
# Nouns that introduce a place name with "of": "the city of Aleppo", "the outskirts of Kabul".
PLACE_NOUNS = words("place_nouns")
# Words between a place preposition and the name: "in the northern", "near the besieged".
_LEAD_IN = words("places_lead_in")
# Names of GeoNames towns that news uses for other things.
NEVER_CITIES = words("places_never_cities")
MONTHS_AND_DAYS = words("months") | words("weekdays")
# City names that are common English words beyond the stop words (measured on the shared corpus and the
# brief of issue 13): they need a place preposition and a proper noun tag.
COMMON_WORDS = words("places_common_words")
# Words before a name that do not make it part of a person's or organization's name.
_NOT_A_NAME = words("compass_words") | frozenset("new greater occupied".split()) | MONTHS_AND_DAYS
_NOT_PLACE_ENTITIES = frozenset("PERSON ORG NORP WORK_OF_ART EVENT LAW PRODUCT".split())
US_OFFICES = words("places_us_offices")
BIG_CITY = 1_000_000


def find_places(span: Span | Doc) -> list[Place]:
    """The places named in a span or doc, in text order, with character offsets in the doc.

    Nothing is cached on the doc (a Place in ``doc.user_data`` would break ``Doc.to_bytes``); a sentence
    takes 40-100 microseconds (bench/places.py)."""
    if isinstance(span, Doc):
        return _Scan(default_gazetteer(), span, 0, len(span)).run()
    return _Scan(default_gazetteer(), span.doc, span.start, span.end).run()


class _Scan:
    """One left-to-right pass over tokens start..end of a doc."""

    def __init__(self, gazetteer: Gazetteer, doc: Doc, start: int, end: int) -> None:
        self.gaz = gazetteer
        self.doc = doc
        self.start = start
        self.end = end
        self.ents = doc.has_annotation("ENT_IOB")
        self.tags = doc.has_annotation("TAG")
        self.found: list[tuple[int, int, Place]] = []  # (first token, token after, place)

    def run(self) -> list[Place]:
        i, doc = self.start, self.doc
        while i < self.end:
            i = self._place_at(i) if doc[i].text[:1].isupper() else i + 1
        us = any(p.country == "USA" for _, _, p in self.found)
        return [self._us_reading(i, j, p, us=us) for i, j, p in self.found]

    # --- matching -------------------------------------------------------------------------------------
    def _match(self, i: int) -> tuple[int, list[Entry]]:
        """The longest gazetteer name starting at token i: (token after it, entries)."""
        doc, gaz = self.doc, self.gaz
        first = doc[i]
        if not first.text[:1].isupper():
            return i, []
        best: tuple[int, list[Entry]] = (i, [])
        j = i
        text = ""
        while j < self.end and j - i < 8:
            tok = doc[j]
            text = text + doc[j - 1].whitespace_ + tok.text if j > i else tok.text
            key = fold(text)
            found = gaz.entries.get(key) if tok.is_alpha or not tok.is_punct else None  # "WASHINGTON --"
            if found:
                found = found if text.replace(".", "").isupper() else [e for e in found if not e.acronym]
                if found:
                    best = (j + 1, found)
            if key not in gaz.prefixes:
                break
            j += 1
        return best

    def _place_at(self, i: int) -> int:
        """Record the place starting at token i, if any; the index to go on from."""
        j, entries = self._match(i)
        if not entries:
            return self._unknown_region_at(i)
        if self._part_of_longer_name(i, j):
            return j
        suffix = self._suffix(j)
        qualifier, after = self._qualifier(i, j, entries)
        entry = self._choose(entries, i, j, suffix=suffix is not None, qualifier=qualifier)
        if entry is None:
            return j if qualifier is None else i + 1
        country = qualifier.country if qualifier is not None else ""
        end = j + 1 if suffix == j else j
        place = self.gaz.place(
            entry, self._text(i, end), start=self.doc[i].idx, end=self._end_char(end), country=country
        )
        if suffix is not None and place.feature != "region":
            place = replace(as_region(place), guessed=qualifier is None)  # "Gedo region": a town's state
        self._drop_possessive_qualifier(i)
        self.found.append((i, end, place))
        return max(end, after)

    def _choose(
        self, entries: list[Entry], i: int, j: int, *, suffix: bool, qualifier: Place | None
    ) -> Entry | None:
        """The entry the text means, or None when a city lacks any sign of being a place."""
        if qualifier is not None:
            inside = [e for e in entries if e.rank > RANK_COUNTRY and e.in_country(qualifier.country)]
            if qualifier.admin1:
                inside = [e for e in inside if e.admin1 == qualifier.admin1] or inside
            if not inside:
                return None
            possessive = qualifier.start < self.doc[i].idx  # "Ukraine's Kharkiv" still needs a place slot
            if (
                possessive
                and not suffix
                and inside[0].feature == "city"
                and not self._city_signals(inside[0], i, j)
            ):
                return None
            return inside[0]
        if suffix:
            best = next((e for e in entries if e.rank > RANK_COUNTRY), None)
            ok = best is not None and (best.feature != "city" or self._name_of_region(best, i, j))
            return best if ok else None
        best = entries[0]
        if best.rank == RANK_US_STATE:
            city = next((e for e in entries if e.feature == "city"), None)
            if city is not None and city.population >= 500_000:  # "in Washington", "in New York"
                best = city
        if best.feature == "city" and not self._city_signals(best, i, j):
            return None
        return best

    def _name_of_region(self, entry: Entry, i: int, j: int) -> bool:
        """A town's name before "District", "valley" ...: a proper name, not "The" or "Pacific"."""
        name = fold(self._text(i, j))
        common = name in STOP_WORDS or name in COMMON_WORDS or name in NEVER_CITIES
        tok = self.doc[i]  # the tagger often calls an unknown name an adjective ("Shopian Districts")
        proper = self._proper(tok) or not self._sentence_initial(tok)
        return not common and proper and not self._after_the(i)

    def _after_the(self, i: int) -> bool:
        """ "the Republic", "the Horn of Africa", "the Cathedral": cities are named without "the"."""
        return i > 0 and self.doc[i - 1].lower_ == "the"

    def _city_signals(self, entry: Entry, i: int, j: int) -> bool:
        tok = self.doc[i]
        text = self._text(i, j)
        name = fold(text)
        if name in MONTHS_AND_DAYS or name in NEVER_CITIES or self._after_the(i):
            return False
        if text.isupper() and len(text) <= 4:  # "EU", "UN", "GAO": acronyms, not towns
            return False
        if self.ents and tok.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        common = j - i == 1 and (name in STOP_WORDS or name in COMMON_WORDS)
        if common:
            return self._proper(tok) and not self._sentence_initial(tok) and self._in_place_slot(i)
        if j - i == 1 and not self._proper(tok):
            return False
        big = entry.population >= BIG_CITY or name in self.gaz.capitals
        return big or self._in_place_slot(i)

    # --- context --------------------------------------------------------------------------------------
    def _in_place_slot(self, i: int) -> bool:
        """A place preposition (or "city of", a listed place and "and") before token i."""
        doc = self.doc
        k = i - 1
        while k >= 0 and i - k <= 6:
            if doc[k].lower_ in _LEAD_IN:
                k -= 1
            elif doc[k].tag_ == "POS" and self._ends_place(k - 1):
                k = self.found[-1][0] - 1
            else:
                break
        if k < 0:
            return False
        prev = doc[k].lower_
        if prev in PLACE_PREPOSITIONS:
            return True
        if prev == "of" and k > 0 and doc[k - 1].lower_ in PLACE_NOUNS:
            return True
        return (
            prev in (",", "and", "or")
            and k > 0
            and self._ends_place(k - 1)
            and self._in_place_slot_of_previous()
        )

    def _in_place_slot_of_previous(self) -> bool:
        first, _, place = self.found[-1]
        return place.feature != "city" or self._in_place_slot(first)

    def _ends_place(self, k: int) -> bool:
        return bool(self.found) and self.found[-1][1] == k + 1

    def _part_of_longer_name(self, i: int, j: int) -> bool:
        """ "Michael Jordan", "Georgia Tech", "Washington Post": the name belongs to a longer name."""
        doc = self.doc
        if self.ents and doc[i].ent_type_ in _NOT_PLACE_ENTITIES and self._longer_entity(i, j):
            return True  # the small model's entity types are trusted only for names longer than the place
        if i > 0 and self._name_word(doc[i - 1]) and not self._ends_place(i - 1):
            return True
        return j < len(doc) and self._name_word(doc[j]) and doc[j].lower_ not in REGION_SUFFIXES

    def _longer_entity(self, i: int, j: int) -> bool:
        """Whether the entity around tokens i..j runs past them ("Michael *Jordan*", "*Jordan* Peterson")."""
        doc = self.doc
        before = doc[i].ent_iob_ == "I"
        after = j < len(doc) and doc[j].ent_iob_ == "I" and doc[j].ent_type_ == doc[i].ent_type_
        return before or after

    def _name_word(self, tok: Token) -> bool:
        """A capitalised proper noun next to the name that makes it part of a longer name."""
        return (
            tok.is_alpha
            and tok.text[:1].isupper()
            and self._proper(tok)
            and tok.lower_ not in _NOT_A_NAME
            and tok.lower_ not in PLACE_NOUNS
        )

    def _suffix(self, j: int) -> int | None:
        """Index of "District"/"Province"/"valley" ... after the name (also "X and Y Districts")."""
        doc = self.doc
        if j < len(doc) and doc[j].lower_ in REGION_SUFFIXES:
            plural = doc[j].lower_.endswith(
                "s"
            )  # "Gulf states" is no region; "Kupwara and Shopian Districts" are
            coordinated = i_before_and(doc, self.found, j)
            return j if not plural or coordinated else None
        if j + 1 < len(doc) and doc[j].lower_ in ("and", ","):
            k = j + 1
            while (
                k < len(doc)
                and k - j <= 4
                and doc[k].text[:1].isupper()
                and doc[k].lower_ not in REGION_SUFFIXES
            ):
                k += 1
            if (
                k > j + 1
                and k < len(doc)
                and doc[k].lower_ in REGION_SUFFIXES
                and doc[k].lower_.endswith("s")
            ):
                return -1  # a plural region word after the next name: this name is a region too
        return None

    def _qualifier(self, i: int, j: int, entries: list[Entry]) -> tuple[Place | None, int]:
        """The state or US state that says where the place is: "Hamburg, Germany", "Pakistan's Swat"."""
        if entries[0].rank == RANK_COUNTRY:
            return None, j
        before = self._possessive_country(i)
        if before is not None:
            return before, j
        doc = self.doc
        k = j + 1 if j < len(doc) and doc[j].lower_ in REGION_SUFFIXES else j
        if k + 1 < self.end and doc[k].text == ",":
            after, names = self._match(k + 1)
            for outer in names:
                if outer.rank in (RANK_COUNTRY, RANK_US_STATE) and any(
                    self._inside(e, outer) for e in entries
                ):
                    return self.gaz.place(outer, self._text(k + 1, after), start=doc[k + 1].idx), after
        return None, j

    @staticmethod
    def _inside(entry: Entry, outer: Entry) -> bool:
        """Whether a place entry lies in a state or US state ("Atlanta" in Georgia, USA)."""
        if entry.rank == RANK_COUNTRY or not entry.in_country(outer.country):
            return False
        return outer.rank == RANK_COUNTRY or entry.admin1 == outer.admin1

    def _possessive_country(self, i: int) -> Place | None:
        doc = self.doc
        k = i - 1
        while k > 0 and (doc[k].lower_ in _LEAD_IN) and doc[k].lower_ not in ("the", "a", "an"):
            k -= 1
        if k > 0 and doc[k].tag_ == "POS" and self._ends_place(k - 1):
            place = self.found[-1][2]
            if place.feature == "country":
                return place
        return None

    def _drop_possessive_qualifier(self, i: int) -> None:
        """The country of "Pakistan's Swat valley" qualifies the region and is not listed on its own."""
        if self._possessive_country(i) is not None:
            self.found.pop()

    def _unknown_region_at(self, i: int) -> int:
        """ "Pakistan's Swat valley" with Swat unknown: a region of the possessive country."""
        doc = self.doc
        k = i
        while k < self.end and k - i < 3 and doc[k].text[:1].isupper() and self._proper(doc[k]):
            k += 1
        if k == i or k >= len(doc) or doc[k].lower_ not in REGION_SUFFIXES:
            return i + 1
        country = self._possessive_country(i)
        if country is None:
            return i + 1
        self.found.pop()
        place = Place(
            self._text(i, k + 1),
            "region",
            country.country,
            "",
            None,
            None,
            doc[i].idx,
            self._end_char(k + 1),
            None,
            country.fips,
        )
        self.found.append((i, k + 1, place))
        return k + 1

    def _us_reading(self, i: int, j: int, place: Place, *, us: bool) -> Place:
        """ "Georgia" next to a US place, or "Georgia's governor", is the US state."""
        if place.feature != "country" or place.country == "USA":
            return place
        states = [e for e in self.gaz.candidates(place.name) if e.rank == RANK_US_STATE]
        doc = self.doc
        office = j + 1 < len(doc) and doc[j].tag_ == "POS" and doc[j + 1].lower_ in US_OFFICES
        state_of = i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "state"
        if not states or not (us or office or state_of):
            return place
        return self.gaz.place(states[0], place.name, start=place.start, end=place.end)

    # --- small token tests ----------------------------------------------------------------------------
    def _proper(self, tok: Token) -> bool:
        return not self.tags or tok.tag_ in ("NNP", "NNPS")

    def _sentence_initial(self, tok: Token) -> bool:
        doc = self.doc
        k = tok.i
        while k > 0 and doc[k - 1].is_punct and doc[k - 1].text in "\"'“‘(":
            k -= 1
        return k == 0 or bool(doc[k].is_sent_start)

    def _text(self, i: int, j: int) -> str:
        return self.doc[i:j].text

    def _end_char(self, j: int) -> int:
        tok = self.doc[j - 1]
        return tok.idx + len(tok.text)


def i_before_and(doc: Doc, found: list[tuple[int, int, Place]], j: int) -> bool:
    """Whether the name ending before token j follows "<place> and" ("Kupwara and Shopian Districts")."""
    k = j - 1
    while k > 0 and doc[k].text[:1].isupper():
        k -= 1
    return doc[k].lower_ in ("and", ",") and bool(found) and found[-1][1] == k
