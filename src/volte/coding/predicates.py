"""Predicates that say what something is called or blamed for rather than an act of its own: blame laid with a
copula ("X *was behind* the attack", "was *responsible* for"), a characterisation ("Iran *poses a threat*", "said
the strike *was a war crime*"), an attack suffered ("came *under attack*") and a text "critical of" someone.

Read by :mod:`volte.coding.triggers` (whether a pattern fits), :mod:`volte.coding.slots` (who the doer is), the
passes over a sentence's matches, :mod:`volte.coding.verbs` and the event builder (:mod:`volte.coding.event_builder`).
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.coding.factuality import assess, is_to_infinitive
from volte.coding.lexicon import words


def critical_text(adj: Token) -> bool:
    """ "issued a report (highly) *critical of* the government", "published a statement critical of Israel": an
    adjective after a text the sentence's doer issues, with its "of" phrase; the text's issuer criticises."""
    text = adj.head
    return (
        adj.pos_ == "ADJ"
        and adj.dep_ == "amod"
        and adj.i > text.i
        and text.dep_ == "dobj"
        and text.lemma_.lower() in TEXTS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in adj.children)
    )


RESPONSIBLE = words("verbs_responsible")


TEXTS = words("verbs_texts")


def under_attack(noun: Token) -> bool:
    """ "The base *came under* a missile attack", "police *were under* fire": the attack is the news, its
    victim the subject."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_ in ("come", "be")


def come_under(noun: Token) -> bool:
    """ "*came under* criticism / fire / attack": an act its subject suffers, from then on (not "is under
    sanctions", a state)."""
    return under_attack(noun) and noun.head.head.lemma_ == "come"


def culpable(tok: Token) -> bool:
    """A predicate that lays blame: "was *responsible*" (words.yml ``verbs_responsible``) or "was *behind*"."""
    return (tok.lower_ in RESPONSIBLE and tok.dep_ == "acomp" and tok.head.lemma_ == "be") or behind(tok)


def blames(be: Token) -> bool:
    """ "was *responsible* for", "was *behind*": a copula whose predicate lays blame."""
    return any(culpable(c) for c in be.children)


def said_predicate(noun: Token) -> bool:
    """A predicate noun with a subject, in reported speech: "Iran said the strike *was a war crime*", "said
    Iran's actions *posed (constituted, represented) a threat*"; not "there has been a massacre", "ordered an
    invasion", "it was a mistake *to* ..." (an extraposed "it" names nobody), "said X *was not* a threat", nor
    what nobody says."""
    return (
        characterisation(noun)
        and not any(c.dep_ == "neg" for c in noun.head.children)  # "said X *was not* a threat (a crime)"
        and assess(noun).speaker is not None
    )


_CHARACTERISING = frozenset({"pose", "constitute", "represent"})
# what acts are called, not a threat made ("posed a *threat*"); "the drills were a *warning* to Taipei" still warns
THREAT_NOUNS = frozenset({"threat", "danger", "menace"})


def infinitive_of(noun: Token) -> bool:
    """A noun with its own infinitive: "a threat *to impose* sanctions"."""
    return any(c.dep_ in ("acl", "relcl") and is_to_infinitive(c) for c in noun.children)


def characterisation(noun: Token) -> bool:
    """A noun that says what its subject is ("Maduro's orders *were a threat*", "Iran *poses a threat* to ...",
    "*constituted* a war crime"), not an act of its own: the copula's predicate, or the object of a verb that
    only characterises, with a subject that is no extraposed "it"."""
    head = noun.head
    if not (noun.dep_ == "attr" or (noun.dep_ == "dobj" and head.lemma_.lower() in _CHARACTERISING)):
        return False
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    extraposed = any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in head.children)  # "it was a mistake to go"
    return not (extraposed and subjects[0].lower_ in ("it", "this", "that"))


def behind(tok: Token) -> bool:
    """ "X *was behind* the attack": the predicate "behind" with an object, which names its doer."""
    return (
        tok.lower_ == "behind"
        and tok.dep_ == "prep"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "pobj" for c in tok.children)
    )
