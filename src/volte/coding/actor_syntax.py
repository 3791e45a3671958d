"""Syntactic and naming helpers of the actor resolver (:mod:`volte.coding.actors`): coordination, stance
compounds ("pro-Russian"), places, pronoun antecedents, title and period notes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from volte.coding.lexicon import words
from volte.coding.quotes import QUOTE_MARKS as _QUOTE_MARKS
from volte.coding.quotes import quoted

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from volte.coding.actor_dictionary import Entry, Name, Period
    from volte.coding.actors import ResolvedActor

PERSON_PRONOUNS = words("actor_syntax_person_pronouns")
_PRONOUN_GENDER = {p: ("she" if p.startswith(("she", "her")) else "he") for p in PERSON_PRONOUNS}
PLACE_PREPS = words("location_prepositions")
ANTECEDENT_WINDOW = 150  # tokens a pronoun looks back for its person
STANCE_PREFIXES = frozenset(("pro", "anti"))
STANCE_SUFFIXES = words("actor_syntax_stance_suffixes")
REPORTING_VERBS = words("reporting_verbs")


def cased_fits(name: Name, doc: Doc, start: int) -> bool:
    for offset, rule in enumerate(name.cased):
        if not rule:
            continue
        text = doc[start + offset].text
        if rule == "upper" and not text[:1].isupper():
            return False
        if rule == "exact" and not all(c.isupper() for c in text if c.isalpha()):
            return False
    return True


def share_roles(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    """ "Sierra Leonean and Liberian refugees" parsed as two conjuncts: the bare adjective takes the role."""
    roles = {a.code[3:6] for a in actors if a.entry.startswith("role:") and len(a.code) == 6}
    if len(roles) != 1:
        return actors
    role = roles.pop()
    return [
        replace(a, code=a.code + role) if a.entry.endswith("#adj") and len(a.code) == 3 else a for a in actors
    ]


def is_collective(head: Token) -> bool:
    """ "the Palestinians" (the side, coded as the state) rather than "100 Palestinians" (people, CVL)."""
    children = list(head.children)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in children)
    counted = any(c.dep_ in ("nummod", "quantmod", "amod") for c in children) or head.head.lower_ == "of"
    return definite and not counted


def is_counted_people(head: Token) -> bool:
    """A counted plural of people ("800,000 Iraqi *Kurds*", "thousands of Afghan *Hazaras*"): civilians."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("nummod", "quantmod") for c in head.children):
        return True
    holder = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    return holder is not None and holder.lower_ in COUNT_WORDS


COUNT_WORDS = words("actor_syntax_count_words")


def is_stance(token: Token) -> bool:
    """A name that says whom a group supports or who backs it, not whose it is ("pro-Russian", "Iranian-backed")."""
    doc = token.doc
    before = doc[token.i - 2].lower_ if token.i >= 2 and doc[token.i - 1].text == "-" else ""
    after = doc[token.i + 2].lower_ if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" else ""
    return before in STANCE_PREFIXES or after in STANCE_SUFFIXES


def in_reporting_subject(token: Token, head: Token) -> bool:
    """Whether ``token`` sits inside the subject of a reporting verb, outside the phrase of ``head``."""
    while token.head.i != token.i:
        if token.i == head.i:
            return False
        if (
            token.dep_ == "nsubj"
            and token.head.lemma_.lower() in REPORTING_VERBS
            and head not in token.subtree
        ):
            return True
        token = token.head
    return False


def last_conjunct(token: Token) -> Token:
    """The last conjunct coordinated to ``token`` (the token itself when none)."""
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    return conjuncts[-1] if conjuncts else token


def same_title(title: str, noun: str) -> bool:
    """ "president" is the title "president" or part of "foreign minister and prime minister"-style titles."""
    parts = {part.strip() for part in title.replace(" and ", ",").split(",")}
    return noun == title or noun in parts


def is_place(token: Token) -> bool:
    """A name used as a location: the object of a locative preposition ("in Minsk", "to Vienna")."""
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS


def span_head(doc: Doc, start: int, end: int) -> Token:
    for i in range(start, end):
        token = doc[i]
        if not (start <= token.head.i < end) or token.head.i == token.i:
            return token
    return doc[end - 1]


def antecedent(pronoun: Token, persons: list[tuple[int, Entry]], doc: Doc) -> Entry | None:
    """Most recent earlier person mention, skipping the subject of the pronoun's own verb (binding); the
    subject of a sentence's main verb is first the previous sentence's main subject (:func:`_carried_subject`)."""
    carried = _carried_subject(pronoun, persons, doc)
    if carried is not None:
        return carried
    for index, person in reversed(persons):
        if pronoun.i - index > ANTECEDENT_WINDOW:
            return None
        candidate = doc[index]
        if (
            pronoun.dep_ in ("dobj", "pobj", "dative")
            and candidate.head.i == pronoun.head.i
            and candidate.dep_ in ("nsubj", "nsubjpass")
        ):
            continue
        if person.pronoun and person.pronoun != _PRONOUN_GENDER[pronoun.lower_]:
            continue
        return person
    return None


def _carried_subject(pronoun: Token, persons: list[tuple[int, Entry]], doc: Doc) -> Entry | None:
    """A he/she that is the subject of its sentence's main verb continues the previous sentence's main
    subject, not the last person named: "Ali said he would meet *Maduro* in St. Vincent. *He* refused to
    negotiate" is Ali. None when the previous sentence's main verb has no person subject of that gender, and
    around quotations, where the reporter is not the one the quoted words go on about ('Aliyev said: "I spoke
    with Pashinyan. *He* called me first."')."""
    sent = pronoun.sent
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.i != sent.root.i or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    while before.start > 0 and all(t.is_space or t.is_punct for t in before):
        before = doc[before.start - 1].sent  # a paragraph break parsed as a sentence of its own
    if quoted(doc.text, pronoun.idx) or _QUOTE_MARKS.search(before.text):
        return None
    gender = _PRONOUN_GENDER[pronoun.lower_]
    for index, person in reversed(persons):
        if index < before.start:
            return None
        token = doc[index]
        if index < sent.start and token.dep_ in ("nsubj", "nsubjpass") and token.head.i == before.root.i:
            return None if person.pronoun and person.pronoun != gender else person
    return None


def period_note(period: Period | None) -> str:
    if period is None:
        return ""
    start = period.start.isoformat() if period.start else ""
    end = period.end.isoformat() if period.end else ""
    title = f" {period.title}" if period.title else ""
    return f" ({period.code}{title} {start}..{end})"


def entity_extent(head: Token, start: int) -> tuple[int, int]:
    """The token span (start, end) naming an unknown organization or person: the entity recogniser's whole
    name when it lies inside ``head``'s phrase ("the *Department of Transportation*", "*Adil Abdul Mahdi*"),
    from ``start`` to ``head`` otherwise. A leading determiner is left out."""
    end = head.i + 1
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if ent is None:
        return start, end
    phrase = {t.i for t in head.subtree}
    lo = ent.start + (1 if head.doc[ent.start].dep_ == "det" else 0)
    hi = ent.end - (1 if head.doc[ent.end - 1].dep_ == "case" else 0)  # "the FAA*'s* approval"
    if lo < hi and all(i in phrase for i in range(lo, hi)):
        return min(start, lo), max(end, hi)
    return start, end


def inside_person_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` (a place's name) are only part of a person's name the entity recogniser
    marks: a first name ("*Jordan* Bardella", "*Sofia* Vergara") or a name after a particle ("Leila de
    *Lima*"). The name is the person's, not the place's. A possessive inside the entity ("Jordan's King
    Abdullah") or a place after another capitalised word ("Guinea *Bissau*", tagged as a person) keeps it."""
    if doc[start].ent_type_ != "PERSON":  # the common case, without building every entity's span
        return False
    ent = next((e for e in doc.ents if e.start <= start and end <= e.end), None)
    if ent is None or ent.label_ != "PERSON" or ent.end - ent.start <= end - start:
        return False
    if any(t.lower_ in ("'s", "\u2019s") for t in ent):
        return False
    first_name = start == ent.start and doc[end].pos_ == "PROPN"
    after_particle = start > ent.start and doc[start - 1].is_lower and doc[start - 1].is_alpha
    return first_name or after_particle
