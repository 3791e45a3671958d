"""Doers an event's pattern slots leave out: the wielder of a weapon, the one who allows an act, the holder
who releases, a local doer placed by its victims, the public that protests, the doer of the attack a
killing happened in, a passive conjunct's agent and a reported signer. Used by the event builder (and
event_places: ``INSTRUMENT_DOERS``, weapons named as doers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from volte.coding.actors import UNKNOWN_COUNTRY, ResolvedActor
from volte.coding.event_acts import HOLDING
from volte.coding.event_dates import SAYING_WORDS
from volte.coding.event_sides import NON_STATES, EventSides, countryless, known_actors
from volte.coding.lexicon import words
from volte.coding.slots import subject_heads
from volte.coding.triggers import is_passive
from volte.coding.verbs import VerbMatch

if TYPE_CHECKING:
    from spacy.tokens import Token


def wielder(
    sides: EventSides, heads: tuple[int, ...], on: date | None, *, any_weapon: bool = False
) -> list[ResolvedActor]:
    """Who used a weapon or made an attack that is itself the subject: "the missiles *fired by the
    Israeli military*", "a *Saudi*-led strike", "a *Taliban*-claimed car bomb"; with ``any_weapon``, the
    "with" instrument of a passive ("attacked with poisonous gas *launched by the government*", also
    "*believed to have been* launched by")."""
    for i in heads:
        token = sides.doc[i]
        if token.lemma_.lower() not in INSTRUMENT_DOERS and not any_weapon:
            continue
        found: list[int] = []
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in _BELIEVED:
                child = next((c for c in child.children if c.dep_ == "xcomp"), child)  # noqa: PLW2901
            if child.dep_ in ("acl", "xcomp") and child.lemma_.lower() in _WIELDING:
                found += [
                    p.i
                    for a in child.children
                    if a.dep_ == "agent"
                    for p in a.children
                    if p.dep_ == "pobj"
                ]
            elif child.dep_ == "amod" and child.lemma_.lower() in _WIELDING and child.i < token.i:
                found += [
                    m.i
                    for m in child.children
                    if m.dep_ in ("npadvmod", "compound", "nmod") and m.pos_ == "PROPN"
                ]
        actors = sides.side(tuple(found), on, speaker=None)
        if actors:
            return actors
    return []


def allowing_doer(
    sides: EventSides, trigger: Token, code: str, on: date | None, *, speaker: int | None
) -> list[ResolvedActor]:
    """Who promises to let someone act: an intent (03x) whose act is allowed ("agreed to *allow* UN
    workers to deliver aid") is the allower's, not the doer's."""
    head = trigger.head
    if code[:2] != "03" or trigger.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in _LETTING:
        return []
    heads = tuple(t.i for t in subject_heads(head))
    found = sides.side(heads, on, speaker=speaker)
    return found if not all(map(countryless, found)) else []


def local_doer(
    sides: EventSides, heads: tuple[int, ...], targets: list[ResolvedActor]
) -> list[ResolvedActor]:
    """An unplaced local doer ("a 71-year-old *man* shot the Slovak prime minister", "a *mob* attacked
    Pakistani police") acts in the country of the people it acts on, when those are at home there
    (government, police, civilians ..., not troops or envoys who may be abroad)."""
    country = next(
        (
            t.code[:3]
            for t in targets
            if len(t.code) >= 6
            and t.code[:3].isalpha()
            and t.code[:3] not in NON_STATES
            and t.code[3:6] in _AT_HOME
        ),
        None,
    )
    if country is None:
        return []
    for i in heads[:1]:
        token = sides.doc[i]
        role = sides.resolver.countryless_role(token)
        if role is not None:
            end = token.idx + len(token.text)
            return [ResolvedActor(country + role, token.text, token.idx, end, f"local:{role}+{country}")]
    return []


def protesting_public(sides: EventSides, trigger: Token, heads: tuple[int, ...]) -> list[ResolvedActor]:
    """A protest whose doer the text does not name ("protests erupted in Lahore", "rallies were held
    across the country") is the public's: civilians of the country its places name, else ---CVL.
    A doer that is named but unknown ("PEGIDA supporters") keeps its words as the name."""
    country = sides.resolver.context_country(trigger) or UNKNOWN_COUNTRY
    named = [sides.doc[i] for i in heads[:1] if sides.doc[i].pos_ in ("NOUN", "PROPN")]
    if named:
        span = sides.doc[named[0].left_edge.i : named[0].i + 1]
        return [
            ResolvedActor(country + "CVL", span.text, span.start_char, span.end_char, "protest.public")
        ]
    return [ResolvedActor(country + "CVL", "", -1, -1, "protest.public")]


def holder(sides: EventSides, heads: tuple[int, ...], on: date | None) -> list[ResolvedActor]:
    """Who let people go, when a passive release names nobody: whoever held them ("Americans *held in
    Iran* were freed" is released by Iran; "activists *detained by* the police")."""
    for i in heads[:1]:
        for clause in sides.doc[i].children:
            if clause.dep_ != "acl" or clause.lemma_.lower() not in HOLDING:
                continue
            for prep in clause.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by"):
                    for place in prep.children:
                        found = (
                            known_actors(sides.resolver.resolve(place, on=on)) if place.dep_ == "pobj" else []
                        )
                        if found:
                            return found[:1]
    return []


# Weapons and blasts as grammatical subjects: the doer is unnamed, not unknown.
INSTRUMENT_DOERS = words("coder_instrument_doers")
# Roles of people acted on at home: a local doer with no country of its own shares theirs.
_AT_HOME = frozenset(
    {"GOV", "COP", "JUD", "LEG", "CVL", "OPP", "PTY", "EDU", "MED", "REL", "HLH", "BUS", "LAB", "AGR", "ELI"}
)
_WIELDING = words("coder_wielding")
# "gas *believed* to have been launched by": a hedged participle still names the weapon's user
_BELIEVED = frozenset({"believe", "suspect", "think", "say", "report"})
_LETTING = words("coder_letting")


def passive_conjunct(verb: Token) -> bool:
    """A bare participle coordinated with a passive verb shares its passive ("was arrested and *beaten* by
    police", "was tortured and *killed*"): its subject is the one acted on, not the doer. A conjunct with
    its own subject or auxiliary ("was indicted and *will resign*") is not."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and is_passive(verb.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def as_passive_conjunct(match: VerbMatch, verb: Token) -> VerbMatch:
    """The match of a passive conjunct: the shared subject is its target, the "by" agent of either verb its
    doer ("arrested and beaten *by police*")."""
    victims = tuple(c.i for c in verb.head.children if c.dep_ == "nsubjpass")
    agents = tuple(
        p.i
        for v in (verb, verb.head)
        for c in v.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
    )
    return replace(match, sources=agents, targets=victims or match.targets, passive=True)


def instruments(trigger: Token) -> tuple[int, ...]:
    """The "with" objects of a verb ("attacked *with* poisonous gas")."""
    return tuple(
        p.i
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
    )


def reporting_signer(trigger: Token) -> tuple[int, ...]:
    """The doer of a deal named by a bare participle in a reported clause: "Foreign Minister Wagner said
    that *the agreement signed with Rwanda* opened a new chapter" is the speaker's own side signing with
    Rwanda (CODGOV -> RWA). Only a participle with no agent, on the subject or object of the clause the
    saying verb reports."""
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN" or any(c.dep_ == "agent" for c in trigger.children):
        return ()
    noun = trigger.head
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or clause.dep_ != "ccomp":
        return ()
    said = clause.head
    if said.lemma_.lower() not in SAYING_WORDS:
        return ()
    return tuple(c.i for c in said.children if c.dep_ == "nsubj")


_ATTACKS_SUFFERED = words("coder_attacks_suffered")
_CLASHES_SUFFERED = words("coder_clashes_suffered")


def attack_doers(trigger: Token) -> tuple[int, ...]:
    """The doer that the attack a killing or wounding happened in names, when the verb names none: its
    by-phrase ("five civilians were killed in an attack *by militants*"), possessor ("died in *Israel's*
    bombardment") or a capitalised modifier ("killed in *a Taliban* ambush", "in *a Russian* air strike");
    for a clash, the side the dead fought ("died in clashes *with the army*")."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _CLASHES_SUFFERED:
                sides = [p.i for c in noun.children if c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
                if sides:  # "five civilians died in clashes *with the army*": the other side killed them
                    return tuple(sides)
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in _ATTACKS_SUFFERED:
                continue
            if noun.lemma_.lower() == "strike" and any(c.lemma_.lower() == "hunger" for c in noun.children):
                continue  # "died in *the hunger strike* of the prisoners"
            by = [p.i for c in noun.children if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
            owners = [c.i for c in noun.children if c.dep_ == "poss"]
            named = [
                c.i
                for c in noun.children
                if c.dep_ in ("amod", "compound") and c.i < noun.i and c.text[:1].isupper()
            ]
            if by or owners or named:
                return tuple(by or owners or named[:1])
    return ()


def shared_agent(trigger: Token) -> tuple[int, ...]:
    """The agent of a coordinated passive verb: "was shot several times and wounded *by a man*"."""
    verbs = [*trigger.conjuncts] if trigger.dep_ != "conj" else [trigger.head, *trigger.head.conjuncts]
    verbs += [c for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBN"]  # parsed as a clause
    for verb in verbs:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            return tuple(p.i for p in agent.children if p.dep_ == "pobj")
    return ()
