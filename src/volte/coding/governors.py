"""The words that govern an event (say, refuse, threaten, urge, plan, accuse ...) and the status each sets on it.

The lemma lists, :func:`governor_lemma` (the lemma a governor counts as: "look forward to" plans) and
:func:`governed_status`. Used by :mod:`volte.coding.factuality` and :mod:`volte.coding.background`; the lists
are read by the verb modules (slots, match_factuality, non_events, quotes, event_dates).
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.coding.lexicon import words

REPORTING = words("reporting_verbs")
REFUSAL = words("factuality_refusal")
NEGATING = words("factuality_negating")
# Verbs that cancel an event named by their object noun ("postponed the talks"); "denied the accusation" does not.
NOMINAL_NEGATING = words("factuality_nominal_negating")
COMMITTING = words("factuality_committing")
PLANNING = words("factuality_planning")
THREATENING = words("factuality_threatening")
APPEALING = words("factuality_appealing")
DEMANDING = words("factuality_demanding")
ALLEGING = words("factuality_alleging")
CONSIDERING = words("factuality_considering")
NOUN_GOVERNORS = (
    REFUSAL | COMMITTING | PLANNING | THREATENING | APPEALING | DEMANDING | ALLEGING | CONSIDERING
)
# Instruments whose content is enacted by signing or passing them: "signed an order *lifting* sanctions".
_INSTRUMENTS = words("factuality_instruments")
# Documents whose participle clause is what they say: "issued a statement *condemning* the attack".
_DOCUMENTS = words("factuality_documents")
WRITINGS = _INSTRUMENTS | _DOCUMENTS


def governor_lemma(head: Token) -> str:
    """The lemma a governing word counts as ("look forward to", "going to": plan)."""
    if head.lemma_ == "look" and any(c.lower_ == "forward" for c in head.children):
        return "plan"
    if head.lemma_ == "go" and head.tag_ == "VBG":
        return "plan"
    return head.lemma_.lower()


# Nouns that set a status on the event they govern (governed_status)
_STANCES = THREATENING | REFUSAL | DEMANDING | APPEALING | PLANNING | COMMITTING
ENACTING = words("factuality_enacting")
_DOING = words("factuality_doing")
_DECIDING = words("factuality_deciding")


def governed_status(lemma: str, relation: str, head: Token) -> str | None:
    """The status a governing word sets on the event it governs (refusal, threat, appeal ...), or None."""
    if head.pos_ in ("NOUN", "PROPN") and lemma in WRITINGS:
        return None  # "signed an executive *order* lifting sanctions": the order enacts, it demands nothing
    if lemma in _DECIDING and relation == "clausal" and head.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return "enacted"  # "the court decided to allow ...": an authority's decision is the act
    if relation == "nominal":
        if lemma in NOMINAL_NEGATING:
            return "negated"
        if lemma in _DOING and not (lemma == "commit" and any(c.lower_ == "to" for c in head.children)):
            return None  # "undertook a mediation mission", "committed rape" report the act ("commit *to*" pledges)
        if lemma in ENACTING and head.pos_ == "VERB":
            return "enacted"  # "Putin *ordered* a mobilisation": the order carries out the act
        if lemma not in _STANCES:
            return None
    for names, status in (
        (REFUSAL, "refusal"),
        (NEGATING, "negated"),
        (THREATENING, "threat"),
        (COMMITTING, "committed"),
        (PLANNING, "future"),
        (APPEALING, "appeal"),
        (DEMANDING, "demand"),
        (ALLEGING, "alleged"),
        (CONSIDERING, "hypothetical"),
    ):
        if lemma in names:
            if lemma == "call" and not any(_calling_on(c) for c in head.children):
                return None
            return status
    if lemma == "tell" and relation == "clausal" and any(c.dep_ in ("dobj", "dative") for c in head.children):
        return "demand"  # "told Palestinians *to move* south"
    return None


def _calling_on(child: Token) -> bool:
    """ "called *on* (*for*, *upon*) X": an appeal; "called Bashir *on Saturday* to express his support" is a
    phone call whose purpose is the caller's own act (a time is no one called on)."""
    if child.dep_ in ("advcl", "ccomp"):  # "called on Friday *for* Iran to release": a for-to clause
        return any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
    if child.lower_ not in ("on", "for", "upon"):
        return False
    objects = [p for p in child.children if p.dep_ == "pobj"]
    return not objects or any(p.ent_type_ not in ("DATE", "TIME") for p in objects)
