"""How the actor resolver reads a noun phrase against the article's dictionary matches.

Module functions of :class:`volte.coding.actors.ActorResolver`'s phrase reading, each given the matches
(``match_at``: token -> :class:`~volte.coding.actor_mentions.Match`) and people (``person_at``) it reads:
coordination split by the parser (``split_coordination``, ``shared_owner_role``), names beside roles and
places (``surname_like``, ``after_first_name``, ``named_before``, ``with_apposed_name``), role modifiers
(``specific_role``, ``holder_role``, ``is_former``), a capital as a destination (``destination``) and the
candidate heads of a sentence's mentions (``mention_heads``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from volte.coding.actor_dictionary import ADJ, ROLE, SEAT, STATE
from volte.coding.actor_syntax import PERSON_PRONOUNS, is_place, span_head
from volte.coding.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from volte.coding.actor_dictionary import Entry, Name
    from volte.coding.actor_mentions import Match
    from volte.coding.actors import ResolvedActor

FORMER_WORDS = words("actors_former_words")
MODIFIER_DEPS = frozenset(("amod", "compound", "poss", "nmod", "npadvmod", "nummod"))
OF_PREPS = frozenset(("of", "from"))
GENERIC_ROLES = frozenset(("role:government",))
RULING_BODIES = words("actors_ruling_bodies")
ARRIVING = frozenset("arrive land".split())
COMPASS = words("compass_words")


def split_coordination(head: Token, match_at: dict[int, Match], person_at: dict[int, Entry]) -> Token | None:
    """ "Serbian President A. Vucic and Kosovo Prime Minister A. Kurti": the parser often hangs the first
    (titled) name on the second as a modifier, with the second's country as its conjunct. Returns the
    first name's head, or None."""
    if head.pos_ != "PROPN":
        return None
    for child in head.lefts:
        if child.dep_ not in ("nmod", "compound") or not any(c.dep_ == "cc" for c in child.children):
            continue
        if not any(c.dep_ == "conj" and c.i < head.i for c in child.children):
            continue
        titled = any(
            (m := match_at.get(t.i)) is not None and m.of_kind(ROLE) is not None
            for t in child.lefts
        )
        if child.i in person_at or titled:
            return child
    return None


def shared_owner_role(
    token: Token, conjuncts: list[Token], actors: list[ResolvedActor], doc: Doc
) -> list[ResolvedActor]:
    """"*Serbia* and Hungary's foreign ministers" parsed as Serbia and [Hungary's ministers]: both states'
    ministers, when the role is plural and its owner comes right after "and"."""
    if len(conjuncts) != 1 or conjuncts[0].tag_ != "NNS" or token.i + 2 >= len(doc):
        return actors
    owner = doc[token.i + 2]
    if doc[token.i + 1].lower_ != "and" or owner.dep_ != "poss" or owner.head.i != conjuncts[0].i:
        return actors
    roles = [a for a in actors if a.entry.startswith("role:") and len(a.code) > 3]
    if len(roles) != 1 or not any(t.lower_ == "'s" for t in owner.children):
        return actors
    role = roles[0].code[3:]
    return [
        replace(a, code=a.code + role) if a.entry.startswith("state:") and len(a.code) == 3 else a
        for a in actors
    ]


def surname_like(head: Token, match: Match, doc: Doc, match_at: dict[int, Match]) -> bool:
    """ "Defence Secretary Tom *King*": a capitalised one-word role noun right after an unknown first name
    is a surname, so the title before the name decides."""
    if match.end - match.start != 1 or head.pos_ != "PROPN" or match.start == 0:
        return False
    before = doc[match.start - 1]
    return (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i == head.i
        and before.i not in match_at
        and before.text[:1].isupper()
        and before.is_alpha
    )


def after_first_name(match: Match, doc: Doc, match_at: dict[int, Match]) -> bool:
    """ "Michael Jordan", "Denzel Washington": an unknown capitalised name right before a state or seat."""
    if match.start == 0:
        return False
    before = doc[match.start - 1]
    return (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.i not in match_at
        and before.text[:1].isupper()
        and before.is_alpha
        and not (
            before.lower_ in COMPASS and match.of_kind(STATE) is not None
        )  # "West Darfur" is a place
    )


def destination(head: Token) -> bool:
    """A seat of power someone arrives in ("arrived *in Kyiv*", "landed *at Beijing*"): a visit to the
    country. Going *to* a capital ("will travel to Moscow"), an "embassy *in Tehran*" or a march on
    it ("swept into Damascus") still deal with its government."""
    prep = head.head
    return is_place(head) and prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in ARRIVING


def is_former(match: Match, extra: tuple[Token, ...], doc: Doc) -> bool:
    """Whether a former-word modifies the role's words or ``extra`` ("the *former* president")."""
    tokens = [*doc[match.start : match.end], *extra]
    return any(
        c.lower_ in FORMER_WORDS for t in tokens for c in t.children if c.dep_ in ("amod", "advmod")
    )


def specific_role(head: Token, role: Name, match_at: dict[int, Match]) -> str:
    """ "intelligence officials" SPY, "military sources" MIL: a role modifier refines a generic head."""
    if role.entry.id not in GENERIC_ROLES or head.lemma_.lower() in RULING_BODIES:
        return role.code  # "the military government" rules: GOV
    for child in head.children:
        match = match_at.get(child.i)
        modifier = (
            match.of_kind(ROLE) if match is not None and child.dep_ in ("compound", "amod") else None
        )
        if modifier is not None and modifier.code != role.code:
            return modifier.code
    return role.code


def holder_role(head: Token, match_at: dict[int, Match]) -> str:
    """The role of who holds a place: "*rebel*-held territory", "*militia*-controlled areas"."""
    for amod in head.children:
        if amod.dep_ == "amod" and amod.lemma_.lower() in (
            "hold",
            "held",
            "control",
            "controlled",
            "run",
        ):
            for child in amod.children:
                match = match_at.get(child.i) if child.dep_ in ("npadvmod", "compound") else None
                role = match.of_kind(ROLE) if match is not None else None
                if role is not None:
                    return role.code
    return ""


def with_apposed_name(
    head: Token, actor: ResolvedActor, doc: Doc, *, people_only: bool = False
) -> ResolvedActor:
    """A role named by an unknown person in apposition keeps the name in its words: "his Iranian
    counterpart, *Mostafa Mohammad Najjar*", "the Belarussian defense minister, *Leonid Maltsev*"
    (``people_only``: a person's name only, not "the Iraqi city, *Mosul*")."""
    names = [
        c
        for c in head.children
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > head.i and (not people_only or c.ent_type_ == "PERSON")
    ]
    if not names or actor.start < 0 or actor.end > names[0].idx:
        return actor
    end = names[0].idx + len(names[0].text)
    return replace(actor, name=doc.text[actor.start : end], end=end)


def named_before(
    pronoun: Token, person: Entry, match_at: dict[int, Match], person_at: dict[int, Entry]
) -> Match | None:
    """The nearest earlier mention of the person a he/him/she/her stands for, in the same sentence, so
    the pronoun's actor is named by the person's name; None when the name is in another sentence."""
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        match = match_at.get(i)
        if match is not None and person_at.get(i) is person:
            return match
    return None


def mention_heads(
    sent: Span, doc: Doc, matches: list[Match] | None, match_at: dict[int, Match], person_at: dict[int, Entry]
) -> list[tuple[Token, ...]]:
    """Candidate heads per dictionary match: the phrase it modifies first, then the match itself."""
    heads: list[tuple[Token, ...]] = []
    for match in matches or []:
        if match.end <= sent.start or match.start >= sent.end:
            continue
        own = span_head(doc, match.start, match.end)
        if own.dep_ == "appos" and own.head.i in match_at:
            continue
        if own.dep_ == "compound" and own.head.pos_ == "PROPN" and own.head.i not in match_at:
            continue  # "Iran Air", "Chad Smith": part of another name
        governors = _governors(own, sent, match_at)
        if (not governors and _is_bare_modifier(own, match)) or (match.of_kind(SEAT) and is_place(own)):
            continue  # "the Russian economy", "talks in Minsk"
        heads.append((*governors, own))
    heads += [(t,) for t in sent if t.lower_ in PERSON_PRONOUNS and t.i in person_at]
    return heads


def _governors(token: Token, sent: Span, match_at: dict[int, Match]) -> list[Token]:
    """Role or organization phrases a name modifies ("Colombian troops", "the president of Venezuela")."""
    found: list[Token] = []
    while True:
        if token.dep_ in MODIFIER_DEPS:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in OF_PREPS:
            token = token.head.head
        else:
            break
        if not (sent.start <= token.i < sent.end) or token.i not in match_at:
            break
        found.insert(0, token)
    return found


def _is_bare_modifier(token: Token, match: Match) -> bool:
    """An adjective modifying a noun that is no actor ("Russian" in "the Russian economy")."""
    return match.of_kind(ADJ) is not None and token.dep_ in ("amod", "compound") and token.head.i != token.i
