"""Incidents: whether a violent or coercive sentence reports politics, a disaster or ordinary crime.

Real news reports killings by earthquakes, explosions at chemical plants and arrests of drug smugglers in
the same words as attacks and political arrests. These checks read the sentence's words against
``rules/lexicon/incidents.yml`` and tell the coder to leave such events out (or, for people protesting who
use violence, to code a violent protest). They look at lemmas only: cheap, and explainable by one list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["Lexicon", "default_lexicon", "disaster_cause", "ordinary_crime", "protester_doer"]

# Roles of targets that make an arrest political whatever the charge.
POLITICAL_ROLES = frozenset("GOV OPP PTY LEG JUD MED ELI REL LAB EDU NGO REB".split())


@dataclass(frozen=True)
class Lexicon:
    disasters: frozenset[str]
    attacks: frozenset[str]
    crimes: frozenset[str]
    protesters: frozenset[str]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled incident lexicon (loaded once per process)."""
    text = resources.files("volte.coding").joinpath("rules/lexicon/incidents.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Lexicon(**{key: frozenset(str(w).lower() for w in data[key]) for key in Lexicon.__annotations__})


def _lemmas(sent: Span) -> set[str]:
    return {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}


def disaster_cause(sent: Span, trigger: Token, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a violent event with no known doer was a disaster or an accident: its subject is one
    ("an earthquake *killed*", "explosions *hit* the city"), or the sentence names one and nothing that
    attacks ("19 people were killed when their bus plunged ... in the accident")."""
    lexicon = lexicon or default_lexicon()
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else trigger
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lemma_.lower() in lexicon.disasters:
            modifiers = {c.lemma_.lower() for c in child.children}
            if not modifiers & lexicon.attacks:  # "a bomb blast killed" is an attack
                return True
    words = _lemmas(sent)
    return bool(words & lexicon.disasters) and not (words & lexicon.attacks)


def ordinary_crime(sent: Span, target_code: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether an arrest or seizure is police work on ordinary crime: the sentence names a crime and the
    people taken are not political (no government, opposition, party, media ... role)."""
    lexicon = lexicon or default_lexicon()
    if len(target_code) >= 6 and target_code[3:6] in POLITICAL_ROLES:
        return False
    return bool(_lemmas(sent) & lexicon.crimes)


def protester_doer(code: str, name: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a source is people protesting ("stone-throwing *protesters*", "*rioters*", "a *mob*")."""
    lexicon = lexicon or default_lexicon()
    words = {w.lower().rstrip("s") for w in name.split()} | {w.lower() for w in name.split()}
    return code[3:6] == "CVL" and bool(words & lexicon.protesters) if code else bool(words & lexicon.protesters)
