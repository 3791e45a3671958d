"""Protest and repression readings of force: people protesting who fight are rioting (145), forces using
force on them repress (175), a weapon's own code for a generic attack, and a protest acted on or dispersed.
Used by the event builder."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from volte.coding.actors import ResolvedActor
from volte.coding.incidents import (
    STATE_FORCE_ROLES,
    force_on_protesters,
    protest_gathering,
    protester_doer,
    weapon_code,
)
from volte.coding.lexicon import words
from volte.coding.verbs import VerbMatch

if TYPE_CHECKING:
    from spacy.tokens import Token


# Force that people protesting use becomes a riot (145): fighting, attacks, arson; an assault on one person
# ("a mob beat a man to death", 182x) stays an assault.
RIOTING = ("19", "180", "183", "1712")  # seize or destroy property, arrest


def by_weapon(match: VerbMatch, trigger: Token) -> VerbMatch:
    """A generic attack whose weapon the sentence names takes the weapon's code: "rockets hit the town"
    (194), "attacked with poisonous gas" (2041); see volte.coding.incidents.weapon_code."""
    code = weapon_code(match.code, trigger)
    return match if code == match.code else replace(match, code=code, pattern=f"{match.pattern}+weapon")


def as_violent_protest(
    match: VerbMatch, src: ResolvedActor | None, tgt: ResolvedActor | None = None
) -> VerbMatch:
    """People protesting who fight, attack or throw stones protest violently: CAMEO 145, the code for
    riots ("stone-throwing protesters clashed with police", "rioters attacked a police station"); so does
    their beating of the police or troops facing them ("rioters attacked police with stones": 182 on
    anyone else, a passer-by, stays an assault)."""
    if src is None or not protester_doer(src.code, src.name):
        return match
    on_forces = tgt is not None and match.code == "182" and tgt.code[3:6] in STATE_FORCE_ROLES
    if not match.code.startswith(RIOTING) and not on_forces:
        return match
    return replace(match, code="145", pattern=f"{match.pattern}+protesters")


def protesters_first(
    match: VerbMatch, pairs: list[tuple[ResolvedActor | None, ResolvedActor | None]]
) -> list[tuple[ResolvedActor | None, ResolvedActor | None]]:
    """A clash of people protesting with a side the text does not code ("clashes broke out between police
    and protesters": the police have no country) is the protesters' riot: they are its doer (145 follows
    in ``as_violent_protest``)."""
    if not match.symmetric or not match.code.startswith(RIOTING):
        return pairs
    return [
        (t, s) if s is None and t is not None and protester_doer(t.code, t.name) else (s, t) for s, t in pairs
    ]


def as_repression(
    match: VerbMatch, src: ResolvedActor | None, tgt: ResolvedActor | None, *, gathering: bool = False
) -> VerbMatch:
    """Police or troops using force on people protesting repress them violently: CAMEO 175 ("security
    forces opened fire on protesters", "police beat demonstrators"); so is force on the protest itself
    (``gathering``: "officers attacked a peaceful demonstration"). Abduction stays abduction (181: "forces
    kidnapped an activist")."""
    if src is None or match.code[:2] not in ("18", "19") or match.code.startswith("181"):
        return match
    if tgt is None and not gathering:
        return match
    if not force_on_protesters(src.code, tgt.code if tgt else "", tgt.name if tgt else "", gathering=gathering):
        return match
    return replace(match, code="175", pattern=f"{match.pattern}+protesters")


_DISPERSING = words("coder_dispersing")
_ACTED_ON = words("coder_protest_acted_on")


def protest_acted_on(trigger: Token) -> bool:
    """A protest noun that is the object of force or a ban ("troops *attacked a rally*", "police *stormed
    the sit-in*", "the march *was banned*"): the verb's subject is no protester; the protest is its victim."""
    verb = trigger.head
    if trigger.dep_ == "pobj" and verb.lower_ in ("at", "on"):  # "fired tear gas *at a rally*"
        verb = verb.head
    elif trigger.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _ACTED_ON


def dispersing(trigger: Token) -> bool:
    """Force used *to disperse* a protest or protesters ("shot live rounds *to clear protests*", "fired tear
    gas to disperse student protesters"): the protest is what the force was used on."""
    for clause in trigger.children:
        if clause.dep_ not in ("xcomp", "advcl") or clause.lemma_.lower() not in _DISPERSING:
            continue
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        if any(protest_gathering(o) or protester_doer("", o.lemma_) for o in objects):
            return True
    return False
