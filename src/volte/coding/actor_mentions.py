"""The actor dictionary's names in one article, and whom its people's mentions stand for.

``ArticleMentions`` is the actor resolver's document pass (:class:`volte.coding.actors.ActorResolver` reads
one per article before its first look-up): every dictionary name in the document (``find_matches``: one pass
of token-tuple look-ups, or ``volte_actors_v1``'s spans through ``actor_matches``, which that component uses
too), surnames alone of office holders, and people followed through the article (introductions,
surname-only mentions, he/she pronouns). ``Match`` is one name found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from volte.coding.actor_dictionary import (
    ADJ,
    ORG,
    PERSON,
    SEAT,
    STATE,
    SURNAME,
    ActorDictionary,
    Entry,
    Name,
    fold,
)
from volte.coding.actor_syntax import PERSON_PRONOUNS, antecedent, cased_fits, span_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from volte.coding.setting import ArticleSetting


@dataclass(frozen=True)
class Match:
    """One dictionary name found in the document: its tokens and every entry's name it may be."""

    start: int  # token indices, end exclusive
    end: int
    names: tuple[Name, ...]

    def of_kind(self, *kinds: str) -> Name | None:
        """The first of the names of one of ``kinds``, or None."""
        for name in self.names:
            if name.kind in kinds:
                return name
        return None


def find_matches(dictionary: ActorDictionary, doc: Doc, spans: list[Span] | None) -> list[Match]:
    """The dictionary's names in ``doc``: from ``spans`` (``volte_actors_v1``'s) when given, else by one pass
    of token-tuple look-ups, the longest name whose casing fits at each token."""
    if spans is not None:
        found: dict[int, list[int]] = {}
        for span in spans:
            found.setdefault(span.start, []).append(span.end)
        return actor_matches(dictionary, doc, found)
    index = dictionary.index
    norms = [fold(t.text) for t in doc]
    matches: list[Match] = []
    i, n = 0, len(norms)
    while i < n:
        longest = index.first.get(norms[i], 0)
        step = 1
        for length in range(min(longest, n - i), 0, -1):
            names = index.names.get(tuple(norms[i : i + length]))
            if names:
                fitting = tuple(nm for nm in names if cased_fits(nm, doc, i))
                if fitting:
                    matches.append(Match(i, i + length, fitting))
                    step = length
                    break
        i += step
    return matches


def actor_matches(dictionary: ActorDictionary, doc: Doc, found: dict[int, list[int]]) -> list[Match]:
    """The names a left-to-right pass keeps among candidate spans (``found``: start token -> ends): at each
    token the longest candidate whose casing fits, then on after it."""
    matches: list[Match] = []
    i, n = 0, len(doc)
    while i < n:
        step = 1
        for end in sorted(found.get(i, ()), reverse=True):
            names = dictionary.index.names.get(tuple(fold(t.text) for t in doc[i:end]))
            fitting = tuple(nm for nm in names or () if cased_fits(nm, doc, i))
            if fitting:
                matches.append(Match(i, end, fitting))
                step = end - i
                break
        i += step
    return matches


class ArticleMentions:
    """The dictionary's names in one article (``matches``, and the match at each token, ``match_at``) and the
    person each name or he/she pronoun stands for (``person_at``), filled by ``read()``."""

    def __init__(
        self,
        dictionary: ActorDictionary,
        doc: Doc,
        *,
        published: date | None,
        setting: ArticleSetting | None,
        spans: list[Span] | None,
    ) -> None:
        self.dictionary = dictionary
        self._spans = spans
        self.doc = doc
        self.published = published
        self.setting = setting
        self.matches: list[Match] = []
        self.match_at: dict[int, Match] = {}
        self.person_at: dict[int, Entry] = {}
        self._office_at: set[int] = set()  # starts of the surnames _office_surnames added

    def read(self) -> None:
        """Find the names, then follow the people through the article (once, before any look-up)."""
        self.matches = find_matches(self.dictionary, self.doc, self._spans)
        office = self._office_surnames()
        self._office_at = {m.start for m in office}
        self.matches = sorted([*self.matches, *office], key=lambda m: m.start)
        for match in self.matches:
            for i in range(match.start, match.end):
                self.match_at[i] = match
        self._follow_people()

    def _office_surnames(self) -> list[Match]:
        """Surnames alone of people the dictionary lists only by their whole name (``short: []``, as "Ali"
        is too common a name to match everywhere): a capitalised proper noun the dictionary does not match,
        the last word of one such person's name, who holds an office on the article's date in a country the
        article is about ("GEORGETOWN - *Ali* said ... a meeting with Maduro": Irfaan Ali, GUYGOV). Only
        ``_person_of_match`` decides, with the same test (``_office_holder``)."""
        if self.published is None:
            return []
        covered = {i for m in self.matches or [] for i in range(m.start, m.end)}
        last = self.dictionary.last_names
        found = []
        for token in self.doc:
            if (
                token.i in covered
                or token.pos_ != "PROPN"
                or not token.text[:1].isupper()
                or token.dep_ == "compound"
                or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)
            ):
                continue
            people = last.get(fold(token.text))
            if people:
                names = tuple(Name(e, SURNAME, e.code, ("upper",)) for e in people)
                found.append(Match(token.i, token.i + 1, names))
        return found

    def _follow_people(self) -> None:
        """Walk the article in order: introductions, surname-only mentions and he/she pronouns."""
        introduced: dict[str, int] = {}  # person id -> token index of its last mention
        persons: list[tuple[int, Entry]] = []  # (head token index, person) in text order
        matches = iter(self.matches or [])
        pending = next(matches, None)
        for token in self.doc:
            if pending is not None and token.i == pending.start:
                person = self._person_of_match(pending, introduced)
                if person is not None:
                    introduced[person.id] = token.i
                    head = span_head(self.doc, pending.start, pending.end)
                    for i in range(pending.start, pending.end):
                        self.person_at[i] = person
                    if head.dep_ != "poss" and head.dep_ != "compound":
                        persons.append((head.i, person))
                pending = next(matches, None)
            elif token.lower_ in PERSON_PRONOUNS and token.i not in self.match_at:
                person = antecedent(token, persons, self.doc)
                if person is not None:
                    self.person_at[token.i] = person
                    if token.dep_ not in ("poss",):
                        persons.append((token.i, person))

    def _person_of_match(self, match: Match, introduced: dict[str, int]) -> Entry | None:
        full = match.of_kind(PERSON)
        if full is not None:
            return full.entry
        surnames = [nm.entry for nm in match.names if nm.kind == SURNAME]
        if not surnames:
            return None
        known = [e for e in surnames if e.id in introduced]
        if known:
            return max(known, key=lambda e: introduced[e.id])
        if match.of_kind(STATE, ORG, SEAT, ADJ) is not None:
            return None
        if match.start in self._office_at:
            return self._office_holder(surnames)
        famous = [e for e in surnames if e.famous]
        return famous[0] if len(famous) == 1 else None

    def _office_holder(self, people: list[Entry]) -> Entry | None:
        """A surname alone ("*Ali* said") of the one person it may name who holds an office on the article's
        date in a country the article is about (its dateline's, or a state, capital or nationality it names):
        "GEORGETOWN - *Ali* said" is Irfaan Ali, Guyana's president then; None when none or several fit."""
        if self.published is None:
            return None
        countries = self._article_countries()
        fits = []
        for person in people:
            _, period = person.code_on(self.published)
            if period is not None and period.code[:3] in countries:
                fits.append(person)
        return fits[0] if len(fits) == 1 else None

    def _article_countries(self) -> set[str]:
        """The countries an article is about: its dateline's and those of the states, capitals and
        nationality words it names."""
        countries = {self.setting.home} if self.setting is not None and self.setting.home else set()
        for match in self.matches or []:
            named = match.of_kind(STATE, SEAT, ADJ)
            if named is not None and len(named.entry.country) == 3:
                countries.add(named.entry.country)
        return countries | self._title_countries()

    def _title_countries(self) -> set[str]:
        """The states, capitals and nationality words of the article's headline ("Maduro hails dialogue with
        *Guyana*"), when the doc carries its article (``doc._.volte_article``)."""
        article = self.doc._.get("volte_article") if self.doc.has_extension("volte_article") else None
        title = getattr(article, "title", None) or ""
        words = [fold(w) for w in re.findall(r"[\w'.-]+", title)]
        index = self.dictionary.index
        found = set()
        for i in range(len(words)):
            for length in range(min(index.first.get(words[i], 0), len(words) - i), 0, -1):
                names = index.names.get(tuple(words[i : i + length])) or ()
                kinds = [nm for nm in names if nm.kind in (STATE, SEAT, ADJ) and len(nm.entry.country) == 3]
                if kinds:
                    found.add(kinds[0].entry.country)
                    break
        return found
