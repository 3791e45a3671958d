"""Background rather than news: relative, participial, temporal and causal clauses and "after/amid the *attack*".

:func:`is_background` and :func:`temporal_clause` (a clause of the same time: "*as* protesters clashed"),
used by :func:`volte.coding.factuality.assess`.
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.coding.governors import NOUN_GOVERNORS, REPORTING, WRITINGS, governor_lemma
from volte.coding.lexicon import words

_AUTHORED = words("factuality_authored_documents")
_PUBLISHING = words("factuality_publishing")
BACKGROUND_MARKS = words("factuality_background_marks")
BACKGROUND_PREPS = words("factuality_background_preps")
_ADDRESSING = words("factuality_addressing")
_SAYING_TO = REPORTING | _ADDRESSING


def temporal_clause(tok: Token) -> bool:
    """A clause that says what happened meanwhile: "*as* security forces fired tear gas", "*when* a grenade
    exploded" (not "after", "since" or "because": those are earlier, often older, events)."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in tok.children
    )


def is_background(tok: Token) -> bool:
    """Background rather than news: relative and participial clauses ("a tanker *seized* by ..."),
    temporal or causal clauses ("after rebels *seized* Damascus"), and "after/since/amid the *attack*"."""
    dep = tok.dep_
    if dep == "relcl" and (_non_restrictive(tok) or _misparsed_complement(tok)):
        return False  # "the opposition, *which it accused* of treason": news told in passing
    if dep in ("relcl", "amod") and tok.pos_ in ("VERB", "AUX"):
        return True
    if dep in ("dobj", "dative") and tok.pos_ == "NOUN" and tok.head.lemma_ in _ADDRESSING:
        return True  # "*telling a rally* in Caracas", "addressed a summit": the audience, not an event
    if dep == "acl" and tok.pos_ in ("VERB", "AUX"):
        lemma = governor_lemma(tok.head)
        if lemma in WRITINGS:  # "a report *released* by ...": how the document came out, not what it says
            return tok.tag_ == "VBN" or not _issued(tok.head)  # "protested against an order *requiring* ..."
        return lemma not in NOUN_GOVERNORS
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children):
        return True
    if dep in ("pobj", "pcomp") and tok.head.dep_ == "prep":
        if tok.head.lower_ in BACKGROUND_PREPS:
            return True
        # "the future *of* U.S. aid", "Egypt's role *in* brokering": a modifier of another noun, not news
        holder = tok.head.head
        return (
            holder.pos_ in ("NOUN", "PROPN", "PRON")
            and holder.dep_ not in ("ROOT",)
            and not _eventive(holder)
        )
    return False


def _non_restrictive(clause: Token) -> bool:
    """A relative clause set off by a comma and opened by who/which, in the active past ("police, *who fired*
    tear gas", "the party, *which it had accused* of treason"): it adds a new act of its own. Restrictive
    ones ("the attack *that killed* ..."), where/when clauses, passives ("Canadians, *who were held* ...")
    and states that last ("Kyiv, *which has relied* on ...", "carmakers, *which ship* ...") only describe."""
    first = clause.left_edge
    if first.i == 0 or first.i <= clause.head.i or first.lower_ not in _RELATIVE_OPENERS:
        return False
    if clause.doc[first.i - 1].text != ",":
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        return False
    return (clause.tag_ == "VBD" and not auxes) or (clause.tag_ == "VBN" and auxes == {"had"})


_RELATIVE_OPENERS = words("factuality_relative_openers")


def _misparsed_complement(clause: Token) -> bool:
    """A "that" clause with a subject of its own, hung on the object of a reporting verb: "told a gathering
    *that France now recognised* ..." is what was said, not a relative clause ("that" marks it)."""
    holder = clause.head
    if holder.dep_ not in ("dobj", "dative") or holder.head.lemma_.lower() not in _SAYING_TO:
        return False  # "denied *reports that* its troops attacked" keeps its governor
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    )


def _issued(document: Token) -> bool:
    """A document that is itself the news: the object or subject of its verb ("signed an order", "the
    decree bans ...") or the statement something was said in ("said *in* a statement condemning ...")."""
    if document.lemma_.lower() in _AUTHORED and document.dep_ in ("dobj", "nsubjpass"):
        return document.head.lemma_.lower() in _PUBLISHING  # "investigated a report alleging ..." is not its author's
    if document.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "ROOT", "conj"):
        return True
    return document.dep_ == "pobj" and document.head.lower_ == "in"


_EVENTIVE_HOLDERS = words("factuality_eventive_holders")


def _eventive(noun: Token) -> bool:
    """Nouns whose "of"/"in" phrase still reports an event: "a round *of talks*", "on the sidelines *of the summit*"."""
    return noun.lemma_.lower() in _EVENTIVE_HOLDERS
