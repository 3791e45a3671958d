"""Headlines in title case ("Police Arrest 20 Protesters In Nairobi") are parsed as their sentence-case copy.

News reaches volte with headlines inside its text: RSS descriptions, scraped pages that open with the title,
one-line wire items. spaCy's small model reads nearly every capitalised word of such a line as a proper noun
("Turkey Condemns Israeli Air Strikes On Gaza": *Strikes* a verb, *Condemns* a name), and the coder goes
wrong. :class:`TitleCase` finds those lines and writes a copy of the text in which the capitalised words
volte knows as common words are lower-cased, so the parser reads the line as it reads a sentence:

- a segment (a line, or a sentence of a line ending in ".", "!" or "?") is in title case when it has at least
  four words, at least three of them capitalised words of four or more letters, no lower-case word but
  the small words titles leave in lower case (``title_case_small_words``: "on", "with", "of"), and is not written in capitals (datelines
  such as "SAN FRANCISCO -" are volte.ingest.dateline's);
- in such a segment a capitalised word (``Xxxx``; each part of a hyphenated word) other than the first is
  lower-cased when its lower-case form is a stop word, a word of the verb dictionary (its verbs, nouns,
  adjectives and cue words, with their inflections), a word of the lexicon (rules/lexicon/words.yml) or a
  role noun of the actor dictionary ("police", "protesters"), and it is not part of a name: a
  name of the actor dictionary other than a role (states, demonyms, seats, organisations, people) or a
  country, region or many-word place of the gazetteer ("North Korea", "West Bank"). A singular role noun
  before a word that keeps its capital is a title and keeps its own ("President Dilma Rousseff").

Lower-casing keeps every character offset, so the doc made from the copy lines up with the article's text:
:func:`restore_text` puts the article's own words back into an event's text fields (sentence, trigger,
source and target names, place), so records quote the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.lang.en.stop_words import STOP_WORDS

from volte.coding.gazetteer import RANK_CITY, default_gazetteer
from volte.coding.lexicon import load_words, words

if TYPE_CHECKING:
    from spacy.language import Language

    from volte.coding.actor_dictionary import ActorDictionary
    from volte.coding.verbs import VerbDictionary
    from volte.records import Event

MIN_WORDS = 4  # words in a title-case segment
MIN_CAPITALISED = 3  # capitalised words of LONG letters or more in it
LONG = 4
# a sentence's end inside a line: ".", "!" or "?" (and closing quotes) before a space, not after an
# abbreviation ("Gen.", "St.", "Jan.", "U.S.": a capital and at most two letters, or single letters)
_END = re.compile(
    r"(?<![\s.][A-Z])(?<![\s.][A-Z][a-z])(?<![\s.][A-Z][a-z]{2})[.!?]+[\"'\u201d\u2019)]*(?=\s)|\n"
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_TOKEN = re.compile(r"\S+")
_PATTERN_WORDS = ("verbs", "nouns", "adjectives", "object", "subject", "particle", "xcomp", "compound")
_INFLECTING = ("verb", "noun", "adj")  # the lemmatizer's exception tables read for irregular forms
_CAPITALISED_LISTS = frozenset({"non_state_prefixes", "months", "weekdays", "month_abbreviations"})
_NAME_KINDS = frozenset({"state", "adj", "seat", "org", "person"})
_LONGEST_NAME = 6  # words ("Heard Island and McDonald Islands")
_SMALL_WORDS = words("title_case_small_words")


class TitleCase:
    """The common words and the names volte knows, and the sentence-case copy of a text."""

    def __init__(self, common: Iterable[str], names: Iterable[str], titles: Iterable[str] = ()) -> None:
        self.common = frozenset(common)
        self.names = frozenset(names)  # folded names of one or more words, joined by spaces
        self.titles = frozenset(titles)  # role nouns: capitalised before a name ("President Dilma Rousseff")

    @classmethod
    def build(cls, verbs: VerbDictionary, actors: ActorDictionary, nlp: Language | None = None) -> TitleCase:
        """The common words of volte's dictionaries (with the irregular forms of ``nlp``'s lemmatizer; spaCy's
        stop words are read as they are) and the names of its actor dictionary and gazetteer."""
        lemmas: set[str] = set()
        for pattern in verbs.patterns:
            for key in _PATTERN_WORDS:
                lemmas.update(getattr(pattern, key))
            for prep, objects in pattern.prep:
                lemmas.update((prep, *objects))
        capitalised: set[str] = set()  # months and weekdays keep their capitals in sentence case
        for key, listed in load_words().items():
            (capitalised if key in _CAPITALISED_LISTS else lemmas).update(listed)
        names: set[str] = set()
        titles: set[str] = set()
        for tokens, found in actors.index.names.items():
            if any(name.kind == "role" for name in found) and len(tokens) == 1:
                titles.add(tokens[0])
            words = [t for t in tokens if _WORD.fullmatch(t)]
            whole = len(words) == len(tokens) or len(words) > 1  # "No. 10" is no name "no"
            if whole and any(name.kind in _NAME_KINDS and "exact" not in name.cased for name in found):
                names.add(" ".join(words))
        names.update(
            key
            for key, found in default_gazetteer().entries.items()
            if not found[0].acronym and (" " in key or found[0].rank < RANK_CITY)
        )
        lemmas |= titles
        common = {w for w in lemmas if w.isalpha() and w.islower()} | _irregular_forms(nlp, lemmas)
        common -= capitalised
        plurals = {w for w in titles if w.endswith("s") and {w[:-1], w[:-2]} & titles}  # no title: "Troops"
        return cls(common, names, titles - plurals)

    def is_common(self, word: str) -> bool:
        """A lower-case word that is a stop word, or a word of volte's own lists or a regular inflection of one
        ("says": "say" is a reporting verb)."""
        return word in STOP_WORDS or any(form in self.common for form in _lemma_candidates(word))

    def recase(self, text: str) -> str:
        """``text`` with the known common words of its title-case segments lower-cased (same length)."""
        if not any(c.islower() for c in text):
            return text
        pieces: list[str] = []
        done = 0
        for start, end in _segments(text):
            if self.in_title_case(text[start:end]):
                pieces += [text[done:start], self._sentence_case(text[start:end])]
                done = end
        return "".join(pieces) + text[done:] if pieces else text

    def in_title_case(self, segment: str) -> bool:
        """At least four words, three capitalised long ones, no lower-case word but the small words a title
        leaves in lower case ("of", "on", "with"), not capitals."""
        words = _WORD.findall(segment)
        if len(words) < MIN_WORDS:
            return False
        capitalised = 0
        for word in words:
            if word[0].islower():
                if word not in _SMALL_WORDS:
                    return False
            elif len(word) >= LONG and word[1:].islower():
                capitalised += 1
        return capitalised >= MIN_CAPITALISED

    def _sentence_case(self, segment: str) -> str:
        """The segment with its common words lower-cased, from the right: a role noun before a word that
        keeps its capital is a title and keeps its own ("President Dilma Rousseff")."""
        tokens = list(_TOKEN.finditer(segment))
        named = self._named([_key(t.group()) for t in tokens])
        out = list(segment)
        first = next((i for i, token in enumerate(tokens) if _WORD.search(token.group())), 0)
        capital_next = False
        for i in range(len(tokens) - 1, -1, -1):
            token = tokens[i]
            parts = list(_WORD.finditer(token.group()))
            if i > first and i not in named:
                for part in reversed(parts):
                    word = part.group()
                    if self._lowered(word, title=capital_next):
                        out[token.start() + part.start()] = word[0].lower()
                    capital_next = out[token.start() + part.start()].isupper()
            elif parts:
                capital_next = parts[0].group()[0].isupper()
        return "".join(out)

    def _lowered(self, word: str, *, title: bool) -> bool:
        """A capitalised common word that is no title before a name."""
        if not (word[0].isupper() and word[1:].islower()):
            return False
        lower = word.lower()
        return self.is_common(lower) and not (title and lower in self.titles)

    def _named(self, keys: list[str]) -> set[int]:
        """Indexes of the tokens inside a name the dictionaries know (longest first from the left)."""
        named: set[int] = set()
        i = 0
        while i < len(keys):
            sizes = range(min(_LONGEST_NAME, len(keys) - i), 0, -1)
            size = next(
                (n for n in sizes if all(keys[i : i + n]) and " ".join(keys[i : i + n]) in self.names), 0
            )
            named.update(range(i, i + size))
            i += max(size, 1)
        return named


@lru_cache(maxsize=4)
def title_case_for(verbs: VerbDictionary, actors: ActorDictionary, nlp: Language | None = None) -> TitleCase:
    """The :class:`TitleCase` of these dictionaries (built once per process and dictionaries)."""
    return TitleCase.build(verbs, actors, nlp)


def _segments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the text's lines and of the sentences inside them."""
    start = 0
    for end in _END.finditer(text):
        yield start, end.end()
        start = end.end()
    yield start, len(text)


def _key(token: str) -> str:
    """A token's folded form for name lookups: its words, lower-cased ("Israeli," -> "israeli")."""
    return " ".join(_WORD.findall(token.replace("-", " "))).lower()


def _lemma_candidates(word: str) -> Iterator[str]:
    """The word and the lemmas its regular endings may come from ("strikes", "arrested", "bombing")."""
    yield word
    for ending, added in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                          ("ing", "e")):  # fmt: skip
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            yield stem + added
            if not added and len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]  # "expelled", "shipping"


def _irregular_forms(nlp: Language | None, lemmas: set[str]) -> set[str]:
    """The irregular forms (the lemmatizer's exceptions: "held", "men") of the known lemmas."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return set()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return set()
    table = lookups.get_table("lemma_exc")
    forms: set[str] = set()
    for pos in _INFLECTING:
        exceptions = table.get(pos, {})
        forms.update(
            form for form, found in exceptions.items() if form.isalpha() and lemmas.intersection(found)
        )
    return forms


# the text fields of an event and the offsets of what they quote
_QUOTED = (
    ("sentence", "sentence_start", "sentence_end"),
    ("trigger", "trigger_start", "trigger_end"),
    ("source_name", "source_start", "source_end"),
    ("target_name", "target_start", "target_end"),
    ("place", "place_start", "place_end"),
)


def restore_text(events: Iterable[Event], parsed: str, written: str) -> list[Event]:
    """The events of a doc made from ``parsed`` (a re-cased copy of ``written``, same offsets), with the
    written text back in their sentence, trigger, actor names and place."""
    out = []
    for event in events:
        changes: dict[str, Any] = {}
        for name, start_field, end_field in _QUOTED:
            value, start, end = getattr(event, name), getattr(event, start_field), getattr(event, end_field)
            if value and 0 <= start < end and parsed[start:end] == value:
                changes[name] = written[start:end]
            elif value and value not in written:  # a name made of the copy's words, not at its offsets
                at = parsed.find(value)
                changes[name] = written[at : at + len(value)] if at >= 0 else value
        out.append(replace(event, **changes) if changes else event)
    return out
