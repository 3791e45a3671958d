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
    from collections.abc import Iterable

    from spacy.tokens import Span, Token

__all__ = ["Lexicon", "default_lexicon", "disaster_cause", "ordinary_crime", "protester_doer"]

# Roles of targets that make an arrest political whatever the charge.
POLITICAL_ROLES = frozenset("GOV OPP PTY LEG JUD MED ELI REL LAB EDU NGO REB".split())
# Who does ordinary police work: police, border guards, coast guards, "authorities", troops (and a doer the
# text leaves unnamed); prosecutors and courts charging someone stay events.
POLICE_ROLES = frozenset({"COP", "GOV", "MIL", ""})


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


def _lemmas(tokens: Iterable[Token], *, skip: int = -1) -> set[str]:
    return {w for t in tokens if t.i != skip for w in (t.lemma_.lower(), t.lower_)}


def _neighbours(sent: Span) -> list[Token]:
    """The sentences before and after ``sent`` (a snippet's "The blasts killed 50" follows the sentence
    that says the blasts were in a chemical plant)."""
    doc = sent.doc
    before = doc[sent.start - 1].sent if sent.start > 0 else None
    after = doc[sent.end].sent if sent.end < len(doc) else None
    return [t for s in (before, after) if s is not None for t in s]


def disaster_cause(sent: Span, trigger: Token, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a violent or coercive event was a disaster or an accident: its subject or agent is one
    ("an earthquake *killed*", "an area *hit by* an earthquake"), or the sentence and its neighbours name
    one and nothing that attacks ("19 people were killed when their bus plunged ...", "a state of emergency
    over the fires"). The trigger itself is no evidence of attack ("struck by a bulk carrier")."""
    lexicon = lexicon or default_lexicon()
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass") else trigger
    causes = [c for c in verb.children if c.dep_ == "nsubj"]
    causes += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for cause in causes:
        if cause.lemma_.lower() in lexicon.disasters:
            modifiers = {c.lemma_.lower() for c in cause.children}
            if not modifiers & lexicon.attacks:  # "a bomb blast killed" is an attack
                return True
    words, around = _lemmas(sent, skip=trigger.i), _lemmas(_neighbours(sent))
    if words & lexicon.attacks or around & lexicon.attacks:
        return False
    return bool(words & lexicon.disasters or around & lexicon.disasters)


def ordinary_crime(
    sent: Span, source_code: str, target_code: str, *, lexicon: Lexicon | None = None
) -> bool:
    """Whether an arrest or seizure is police work on ordinary crime: police (or nobody named) act, the
    sentence names a crime, and the people taken are not political (no government, opposition, party,
    media ... role). Prosecutors' and governments' acts stay events ("U.S. prosecutors charged two Chinese
    nationals with smuggling")."""
    lexicon = lexicon or default_lexicon()
    if source_code[3:6] not in POLICE_ROLES:
        return False
    if len(target_code) >= 6 and target_code[3:6] in POLITICAL_ROLES:
        return False
    return bool(_lemmas(sent) & lexicon.crimes)


def protester_doer(code: str, name: str, *, lexicon: Lexicon | None = None) -> bool:
    """Whether a source is people protesting ("stone-throwing *protesters*", "*rioters*", "a *mob*")."""
    lexicon = lexicon or default_lexicon()
    words = {w.lower().rstrip("s") for w in name.split()} | {w.lower() for w in name.split()}
    return code[3:6] == "CVL" and bool(words & lexicon.protesters) if code else bool(words & lexicon.protesters)
