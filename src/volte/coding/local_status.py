"""The local status of a word: the negation, modals, hedges and conditional marks attached to it.

:func:`local_status` reads one word's own children ("will *not* join", "*could* impose", "*if* attacked");
:func:`is_condition` tells an if/unless (or inverted) clause. Used by :mod:`volte.coding.factuality`, which
climbs from the trigger through the words that govern it.
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.coding.lexicon import words

_COMPLIANCE = words("factuality_compliance")
_COMPLIANCE_SUBJECTS = words("factuality_compliance_subjects")
_PROTEST_ACTS = words("factuality_protest_acts")
_REFUSED_WITH_CAN = words("factuality_refused_with_can")

# Adjectives that take the reality out of a nominal event: "the *alleged* attack", "a *possible* visit".
_HEDGING_ADJECTIVES = {
    "alleged": "alleged",
    "suspected": "alleged",
    "purported": "alleged",
    "rumored": "alleged",
    "rumoured": "alleged",
    "possible": "hypothetical",
    "potential": "hypothetical",
    "hypothetical": "hypothetical",
    "proposed": "hypothetical",
    "planned": "future",
    "upcoming": "future",
    "forthcoming": "future",
    "expected": "future",
    "future": "future",
    "prospective": "hypothetical",
    "would-be": "hypothetical",
    "failed": "negated",
}

HYPOTHETICAL_MODALS = words("factuality_hypothetical_modals")
FUTURE_MODALS = words("future_auxiliaries")
CONDITIONAL_MARKS = words("factuality_conditional_marks")
NEGATIVE_DETS = words("factuality_negative_dets")
ANNOUNCING_AUX = FUTURE_MODALS | {"would"}
HEDGING_ADVERBS = words("factuality_hedging_adverbs")


def _waiting(child: Token) -> bool:
    """An "until" that only puts an act off ("until next week", "until the results are announced"), not a
    condition on the other side ("until Cuba undertakes reforms", "until their demands are met"), which
    makes "will not X" a refusal, as "unless" does."""
    if child.dep_ == "prep" and child.lower_ in ("until", "till"):
        return True
    if child.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in child.children):
        return False
    subjects = [c.lemma_.lower() for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    verbs = [child.lemma_.lower()] + [c.lemma_.lower() for c in child.children if c.dep_ == "acomp"]  # "is satisfied"
    if any(c.dep_ == "nsubj" and _names_side(c) for c in child.children):
        return False  # "until *U.N. peacekeepers* take positions", "until *Islamabad* acts": a side must act first
    return _COMPLIANCE.isdisjoint(verbs) and _COMPLIANCE_SUBJECTS.isdisjoint(subjects)


def _names_side(subject: Token) -> bool:
    """An active subject that names a side: a proper name ("until *Islamabad* acts") or a noun a name or
    nationality modifies ("until *U.N.* peacekeepers", "the *Lebanese* army"); not a date, nor a pronoun."""
    if subject.pos_ == "PROPN":
        return subject.ent_type_ not in ("DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL")
    return subject.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP", "ORG")
        for c in subject.children
    )


def _kept_protest(verb: Token) -> bool:
    """A protest its doers will not end (call off, suspend) until something happens: "will not end the
    strike *until* our permits are corrected / till we see results" refuses to ease the dissent now; an
    until-phrase of time ("until next week") still only puts the end off."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_ACTS for c in verb.children)


def local_status(verb: Token, *, reported: bool) -> str:
    """Negation, modals and conditional marks attached to one word.

    Internal statuses besides the public ones: ``would`` (becomes ``future`` in reported speech,
    "said it would send troops", else ``hypothetical``) and ``conditional`` (an if/unless clause).
    """
    flags: set[str] = set()
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "without":
        return "negated"  # "said so *without providing* details", "withdrew *without a fight*"
    for child in verb.children:
        dep, low = child.dep_, child.lower_
        if dep == "neg" or (dep == "advmod" and low in ("never", "not")) or _no_longer(child):
            return _refuse_or_negate(verb)
        if dep in ("nsubj", "nsubjpass", "dobj") and _negative_phrase(child):
            return "negated"  # "*No* missiles were fired", "*nobody* recognised"
        if dep == "aux" and low == "should" and child.i < verb.i and _inverted(child, verb):
            flags.add("conditional")  # "Should the truce collapse, ..."
            continue
        if verb.pos_ in ("NOUN", "PROPN"):
            if dep == "det" and low in NEGATIVE_DETS:
                return "negated"
            if dep == "det" and low == "any":
                flags.add("hypothetical")  # "would respond to *any* attack"
            if dep == "amod" and low in _HEDGING_ADJECTIVES:
                flags.add(_HEDGING_ADJECTIVES[low])
        if dep == "aux" and low in FUTURE_MODALS:
            flags.add("future")
        elif dep == "aux" and low in ("must", "should"):
            flags.add(low)
        elif dep == "aux" and low == "would":
            flags.add("future" if reported else "would")
        elif dep == "aux" and low in ("may", "might", "could"):
            flags.add("may")
        elif dep == "aux" and low in HYPOTHETICAL_MODALS:
            flags.add("hypothetical")
        elif dep == "advmod" and low in HEDGING_ADVERBS and not (low == "likely" and _past_finding(verb)):
            flags.add("hypothetical")
        elif (dep == "mark" and low in CONDITIONAL_MARKS) or (dep == "advcl" and is_condition(child)):
            flags.add("conditional")
            if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children):
                flags.add("unless")
    return _rank_flags(flags, verb, reported=reported)


def _refuse_or_negate(verb: Token) -> str:
    """A negated word: "refused" when it announces a refusal now ("will not join"), else "negated"."""
    # "will not join", "would not accept": a refusal announced now, not a missing event
    future = any(c.dep_ == "aux" and c.lower_ in ANNOUNCING_AUX for c in verb.children)
    # "*cannot* accept any more refugees", "can not allow": a refusal stated now, not an inability
    future = future or (
        verb.lemma_ in _REFUSED_WITH_CAN and any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children)
    )
    kept = _kept_protest(verb)  # "until our demands are met / till we see results"; not "until next week"
    waiting = any(_waiting(c) and not (kept and c.dep_ == "advcl") for c in verb.children)
    return "refused" if future and not waiting and verb.pos_ in ("VERB", "AUX") else "negated"


def _rank_flags(flags: set[str], verb: Token, *, reported: bool) -> str:
    """The status of the strongest flag found on ``verb``; with none, a conjoined verb's own, else "asserted"."""
    if "unless" in flags and flags & {"future", "would"}:
        return "ultimatum"  # "will impose tariffs *unless* ...": an announced act with a condition on the other side
    for status in (
        "negated",
        "alleged",
        "conditional",
        "must",
        "should",
        "hypothetical",
        "may",
        "would",
        "future",
    ):
        if status in flags:
            return "negated" if status == "alleged" else status
    if (
        verb.dep_ == "conj"
        and not any(c.dep_ == "aux" for c in verb.children)
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return local_status(verb.head, reported=reported)
    return "asserted"


def _no_longer(child: Token) -> bool:
    """ "will *no longer* cooperate", "*no longer* supplies": the parser hangs "no" on "longer"."""
    return (
        child.dep_ == "advmod"
        and child.lower_ in ("longer", "more")
        and any(g.lower_ == "no" for g in child.children)
    )


def _negative_phrase(head: Token) -> bool:
    if head.lower_ in ("nobody", "none", "nothing", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETS for c in head.children)


def _past_finding(verb: Token) -> bool:
    """ "Chlorine *was likely used* as a weapon", "munitions were likely dropped on the town": an inquiry's
    finding about a past act (a passive in the past tense with no modal), not a hedge; "will likely attack"
    and "could likely" stay hypothetical."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _inverted(aux: Token, verb: Token) -> bool:
    """The auxiliary comes before the subject: a condition ("Should the truce collapse")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and aux.i < subject.i




def is_condition(clause: Token) -> bool:
    """An if/unless clause, or an inverted one ("Should the truce collapse", "Had they known")."""
    if any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in clause.children):
        return True
    first = min([clause, *clause.children], key=lambda t: t.i)
    return (
        first.dep_ in ("aux", "auxpass")
        and first.lower_ in ("should", "had", "were")
        and first.head is clause
    )

