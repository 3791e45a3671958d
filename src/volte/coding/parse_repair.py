"""Repairs of parser errors that lose a clause's verb, made before the verb patterns read the parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def repair_parse(doc: Doc) -> None:
    """Known wrong lemmas are mended first (``_LEMMAS``). Then a clause whose verb the parser hung on its subject as a participle gets its verb back: a sentence
    parsed as one noun phrase ("Nigeria's unions *threatened* on Monday to strike") or a reported clause
    parsed as a second subject of the reporting verb ("youths *resorted* to throwing stones, officials
    said"). Only a participle right after the noun that takes a clause, an object or an adverbial counts."""
    for token in doc:
        lemma = _LEMMAS.get(token.lower_)
        if lemma is not None:
            token.lemma_ = lemma
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ == "NOUN" and _verb_root(root):
            root.pos_, root.tag_ = "VERB", "VBP"  # "EU and UN *hand* over medical supplies to Nigeria"
        if root.pos_ in ("NOUN", "PROPN"):
            _promote(root, None)
        for verb in sent:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if len(subjects) >= 2 and verb.pos_ in ("VERB", "AUX"):
                _promote(subjects[0], verb)


# Forms the small model's lemmatizer gets wrong where the wrong lemma is another word a pattern reads:
# "raped" -> "rap" (to criticise) coded sexual violence as criticism (issue 13); "waged" -> "wag" hid waged wars;
# "staged" -> "stag" hid staged war games and protests.
_LEMMAS = {
    "raped": "rape",
    "raping": "rape",
    "rapes": "rape",
    "gang-raped": "rape",
    "waged": "wage",
    "waging": "wage",
    "staged": "stage",
    "staging": "stage",
}


def _verb_root(noun: Token) -> bool:
    """A headline's present-tense verb tagged as a noun: a root noun with a subject and a particle or an object
    of its own ("Germany and UNICEF *hand* over 30 vehicles")."""
    deps = {c.dep_ for c in noun.children}
    return "nsubj" in deps and bool(deps & {"prt", "dobj"}) and noun.tag_ in ("NN", "NNS")


def _promote(noun: Token, governor: Token | None) -> None:
    """Make the participle after ``noun`` its verb: the root (no governor) or a clause of ``governor``."""
    doc = noun.doc
    if noun.i + 1 >= len(doc):
        return
    verb = doc[noun.i + 1]
    if (
        verb.head.i != noun.i
        or verb.dep_ != "acl"
        or verb.tag_ not in ("VBN", "VBD")
        or not any(c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "npadvmod") for c in verb.children)
        or any(c.dep_ in ("agent", "auxpass", "nsubj") for c in verb.children)
    ):
        return
    late = [c for c in noun.children if c.i > verb.i] if governor is None else []
    if governor is None:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = governor, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"
    for child in late:
        child.head = verb
