"""Verb and noun patterns: which words in a parsed sentence name an event, which CAMEO code it gets,
and where its source and target noun phrases are.

Patterns come from ``rules/verbs/*.yml`` (format: docs/verbs.md), indexed by trigger lemma so a sentence
costs one dictionary look-up per verb or noun. Factuality (``volte.coding.factuality``) then drops negated
events, marks hypothetical and future ones, and folds governing verbs into one event: "refused to sign"
is a refusal (12x), "agreed to meet" an intent to meet (036), "threatened to impose sanctions" a threat (1312).

This module holds the dictionary, :class:`VerbMatch` and the match entry point
(:meth:`VerbDictionary.match`); the steps it calls live by concept: :mod:`volte.coding.triggers` (one pattern
against one trigger), :mod:`volte.coding.slots` (where the actors are), :mod:`volte.coding.non_events`,
:mod:`volte.coding.match_factuality` and :mod:`volte.coding.specialisation` (the passes over a sentence's
matches), and :mod:`volte.coding.predicates` (blame and characterisation, which they share).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from volte.coding.factuality import Modality
from volte.coding.governors import REPORTING
from volte.coding.lexicon import words
from volte.coding.match_factuality import (
    PROTEST_SETTINGS,
    abandoned_plans,
    agreements_only_named,
    apply_factuality,
    criticism_received,
    ruled_out_acts,
    talks_failed,
)
from volte.coding.non_events import (
    consume_cued_nouns,
    drop_consequences,
    drop_namings,
    drop_topics,
    figurative_attacks,
    figurative_fights,
    peacekeeping_moves,
    protest_aims,
    questions,
)
from volte.coding.predicates import behind, critical_text, under_attack
from volte.coding.slots import CONDITIONS, condition_subjects, conditions, heads, phoned_to
from volte.coding.specialisation import (
    answered_with,
    explosive_doers,
    helping_moves,
    inspectors_let_in,
    specialise_by_clause,
)
from volte.coding.triggers import Raw, Site, fit, is_passive
from volte.coding.verb_dictionary import Pattern, load_patterns

_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


@dataclass(frozen=True)
class VerbMatch:
    """One event found in a sentence. Token indices are doc-level.

    ``sources`` and ``targets`` are candidate noun-phrase heads in priority order: the coder uses the
    first candidate that names an actor (the actor resolver expands coordinated phrases).
    """

    code: str
    pattern: str
    trigger_start: int
    trigger_end: int
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    factuality: str  # asserted | hypothetical | future
    attributed_to: int | None
    symmetric: bool
    statement: bool = False  # generic statement (010): only emitted as a fallback
    nominal: bool = False  # triggered by a noun ("the arrest of")
    alone: bool = False  # the pattern makes an event even without a known target
    paired: bool = False  # the pattern makes an event only with a known target, whatever its root
    passive: bool = False  # passive voice: an unknown agent does not void the event


class VerbDictionary:
    """The loaded, validated, lemma-indexed pattern dictionary."""

    def __init__(self, patterns: Sequence[Pattern], *, sha256: str = "") -> None:
        self.patterns = tuple(patterns)
        self.sha256 = sha256
        self._verbs: dict[str, list[Pattern]] = {}
        self._nouns: dict[str, list[Pattern]] = {}
        self._adjectives: dict[str, list[Pattern]] = {}
        self._by_id = {pattern.id: pattern for pattern in self.patterns}
        for pattern in self.patterns:
            for lemma in pattern.verbs:
                self._verbs.setdefault(lemma, []).append(pattern)
            for lemma in pattern.nouns:
                self._nouns.setdefault(lemma, []).append(pattern)
            for lemma in pattern.adjectives:
                self._adjectives.setdefault(lemma, []).append(pattern)
        for index in (self._verbs, self._nouns, self._adjectives):
            for lemma, items in index.items():
                index[lemma] = sorted(items, key=_precedence)

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None) -> VerbDictionary:
        patterns, sha = load_patterns(paths)
        return cls(patterns, sha256=sha)

    def __len__(self) -> int:
        return len(self.patterns)

    def codes(self) -> set[str]:
        return {p.code for p in self.patterns}

    def pattern(self, name: str) -> Pattern | None:
        """The pattern an event's ``pattern`` field names ("repression.riot_control+protesters": the part
        before the first "+", which the coder's refinements append)."""
        return self._by_id.get(name.split("+", 1)[0])

    def match(self, sent: Span) -> list[VerbMatch]:
        """Every event the patterns find in one sentence, after factuality."""
        raws = self._raw_matches(sent)
        if not raws:
            return []
        consume_cued_nouns(raws)
        inspectors_let_in(raws)
        drop_namings(raws)
        drop_topics(raws)
        apply_factuality(raws)
        drop_consequences(raws)
        protest_aims(raws)
        peacekeeping_moves(raws)
        helping_moves(raws)
        explosive_doers(raws)
        specialise_by_clause(raws)
        ruled_out_acts(raws)
        talks_failed(raws)
        figurative_attacks(raws)
        answered_with(raws)
        figurative_fights(raws)
        questions(raws)
        agreements_only_named(raws)
        abandoned_plans(raws)
        return [_to_match(raw) for raw in raws if not raw.dropped]

    def _raw_matches(self, sent: Span) -> list[Raw]:
        raws: list[Raw] = []
        verbs, nouns, adjectives = self._verbs, self._nouns, self._adjectives
        for tok in sent:
            lemma = tok.lemma_
            is_verb = tok.tag_ in _VERB_TAGS
            if is_verb:
                candidates = verbs.get(lemma) or verbs.get(lemma.lower()) or adjectives.get(tok.lower_)
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "poss"):
                # "*aid* agencies", "*ceasefire* talks" name no event; "last *March*" is a month
                candidates = None if tok.text == "March" or _medical(tok) else nouns.get(lemma.lower())
            elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "oprd", "ROOT", "conj"):
                candidates = adjectives.get(tok.lower_)
                is_verb = True  # predicative adjectives take their roles like verbs
            elif behind(tok):
                candidates = adjectives.get(tok.lower_)  # "said India *was behind* the bombing": culpable
                is_verb = True
            elif critical_text(tok):
                candidates = adjectives.get(tok.lower_)  # "issued a report *critical of* Hanoi": its issuer's
                is_verb = True
            else:
                continue
            if not candidates:
                continue
            site = Site(tok, noun=not is_verb)
            for pattern in candidates:
                cues = fit(pattern, site)
                if cues is not None:
                    raws.append(Raw(tok, pattern, not is_verb, cues, code=pattern.code))
                    break
        return raws


_MEDICAL = frozenset({"heart", "panic", "asthma", "anxiety", "cardiac", "epileptic"})


_CIVIL_OPERATIONS = words("verbs_civil_operations")


def _medical(noun: Token) -> bool:
    """ "died of a *heart attack*", "a *panic attack*": an illness, no attack on anyone; "a *rescue operation*",
    "*surgical* operations", "*search* operations": work, no military operation (words.yml
    ``verbs_civil_operations``)."""
    lemma = noun.lemma_.lower()
    kinds = _MEDICAL if lemma in ("attack", "arrest", "seizure") else _CIVIL_OPERATIONS if lemma == "operation" else None
    modifiers = [m for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for m in (c, *c.conjuncts)]
    return kinds is not None and any(m.lemma_.lower() in kinds for m in modifiers)  # "a *search and rescue* operation"


def _precedence(pattern: Pattern) -> tuple[int, int, bool]:
    """More cues first; among equals the more specific code ("0333" before "070")."""
    return (-pattern.specificity, -len(pattern.code), pattern.code.endswith("0"))


_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis"})


# What talks are held as: "a meeting *with* Maduro", "will meet *with* Erdogan" (refused talks' partner)
_TALKS = frozenset(
    {"meeting", "talk", "talks", "summit", "negotiation", "negotiations", "dialogue", "discussion"}
    | {"discussions", "meet", "negotiate", "speak", "confer"}
)


def _talks_with(be: Token) -> tuple[int, ...]:
    """Whom refused talks would be with: "is not up for discussion *with Greece*", "the border *with
    Venezuela* is not negotiable" (the with-phrases of the copula's own clause); else the partner of the
    talks its clause is coordinated with: "would attend a meeting *with Maduro*, but that the border was not
    up for discussion" (the talks agreed and the topic ruled out of them are one exchange)."""
    found = _with_phrases(be, _CLAUSES)
    if found or be.dep_ != "conj":
        return found
    # the clause it is coordinated with; in "said he was ready to meet with X, but that ...", parsed with the
    # second clause as the reporting verb's conj, the reported clause before it
    head = be.head
    reported = [c for c in head.children if c.dep_ == "ccomp" and c.i < be.i]
    siblings = reported if head.lemma_ in REPORTING else [head]
    talks = (_with_phrases(s, _CLAUSES - {"xcomp"}, skip=be, talks=True) for s in siblings)
    return next((t for t in talks if t), ())


def _with_phrases(
    clause: Token, clauses: frozenset[str], skip: Token | None = None, talks: bool = False
) -> tuple[int, ...]:
    """The objects of the with-phrases in ``clause``'s words, not descending into ``clauses``; with ``talks``,
    only those of talks ("a meeting *with* Maduro", "ready to meet *with* him")."""
    found: list[int] = []
    todo = [c for c in clause.children if c.dep_ not in clauses and c is not skip]
    while todo:
        tok = todo.pop()
        if tok.dep_ == "prep" and tok.lower_ == "with" and (not talks or tok.head.lemma_.lower() in _TALKS):
            found += [c.i for c in tok.children if c.dep_ == "pobj"]
        todo += [c for c in tok.children if c.dep_ not in clauses]
    return tuple(sorted(found))


def _to_match(raw: Raw) -> VerbMatch:
    tok, pattern = raw.tok, raw.pattern
    modality = raw.modality or Modality("asserted")
    start, end = _trigger_span(tok, pattern)
    source_slots = pattern.sources_for(noun=raw.noun)
    if raw.noun and tok.dep_ == "pobj" and tok.head.lower_ in PROTEST_SETTINGS:
        # "police detained activists *during a protest*": the subject of the sentence is not the protester
        source_slots = tuple(slot for slot in source_slots if not slot.startswith("governor_"))
    targets = heads(pattern.targets_for(noun=raw.noun), tok, noun=raw.noun)
    if not raw.noun and tok.dep_ in ("xcomp", "advcl") and phoned_to(tok, tok.head):
        # "Biden called Netanyahu *to express* his support": the one called is whom it is expressed to;
        # after the act's own targets, so "called Erdogan to apologize *for the incident*" is to Erdogan
        called = tuple(c.i for c in tok.head.children if c.dep_ in ("dobj", "dative", "oprd"))
        targets = targets + tuple(i for i in called if i not in targets)
    if not raw.noun:
        # "provided *Pakistan* with a loan": what is given is in the with-phrase, the object receives it
        recipients = _provided_with(tok, pattern)
        targets = recipients + tuple(i for i in targets if i not in recipients)
    lent: tuple[int, ...] = ()
    if raw.partner is not None and (raw.partner.pattern.symmetric or raw.pattern.idiom is not None):
        # "refused to negotiate the Essequibo with Venezuela": whom the talks would be with comes first; what
        # an idiom rules out is refused to whom it was aimed at ("removing the sanctions *on Burma*")
        partner = raw.partner
        lent = heads(partner.pattern.targets_for(noun=partner.noun), partner.tok, noun=partner.noun)
        targets = lent + tuple(i for i in targets if i not in lent)
    verb_doers: tuple[int, ...] = ()
    if raw.noun and tok.dep_ == "pobj" and (under_attack(tok) or criticism_received(raw)):
        # "the base came under attack", "the plan was met with condemnation from Brussels": the victim; the
        # doer is in a from/by phrase, on the noun or on the verb ("came under attack Tuesday *by* ...")
        source_slots = ("prep:from", "prep:by") + tuple(
            slot for slot in source_slots if not slot.startswith("governor_") and slot not in ("prep:from", "prep:by")
        )
        verb_doers = heads(("prep:by", "prep:from"), tok.head.head, noun=False)
        victims = tuple(c.i for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        targets = victims + tuple(i for i in targets if i not in victims)
    sources = heads(source_slots, tok, noun=raw.noun)
    sources += tuple(i for i in verb_doers if i not in sources)
    if modality.speaker is not None and (pattern.speaker_source or modality.by_speaker):
        # the speaker demands of / accuses the doer; an idiom's speaker refuses to whom the act was aimed at;
        # talks refused are refused to whom they would be with, never the topic or its owner ("*Guyana's*
        # border is not up for discussion")
        topic = pattern.idiom != "not_negotiable"
        targets = lent if pattern.idiom is not None and lent else sources if topic else _talks_with(tok)
        sources = (modality.speaker,)
    if not targets and raw.code[:2] == "13":
        # "threatened to strike *unless the government* reversed the rise": the threat is aimed at the condition
        anchors = [tok] + ([tok.doc[modality.governor]] if modality.governor is not None else [])
        targets = tuple(i for anchor in anchors for i in heads(("condition_subject",), anchor, noun=False))
    if raw.code[:2] == "12" and modality.self_refusal:
        # "will not end their strike *until the government* raises pay": refused to whoever must act first
        # (after the act's own target: "will not lift the embargo on Venezuela until Caracas ...")
        targets += tuple(x.i for x in condition_subjects(tok, CONDITIONS) if x.i not in targets)
        # "... until their demands are met *by the authorities*": the agent of a passive condition acts first
        agents = [p for c in conditions(tok, CONDITIONS) for a in c.children if a.dep_ == "agent" for p in a.children]
        targets += tuple(p.i for p in agents if p.dep_ == "pobj" and p.i not in targets)
    return VerbMatch(
        code=raw.code,
        pattern=pattern.id,
        trigger_start=start,
        trigger_end=end,
        sources=sources,
        targets=targets,
        factuality=raw.factuality,
        attributed_to=modality.speaker,
        symmetric=pattern.symmetric and not modality.self_refusal,  # a refusal goes one way
        statement=pattern.statement,
        nominal=raw.noun,
        alone=pattern.alone,
        paired=pattern.paired,
        passive=not raw.noun and is_passive(tok),
    )


# Verbs whose direct object is the recipient when what is given follows "with" ("supplied Syria with fuel").
_GIVE_WITH = frozenset({"provide", "supply", "furnish", "equip", "present", "arm"})


def _provided_with(verb: Token, pattern: Pattern) -> tuple[int, ...]:
    """The recipient of "provided *Kenya* with credit": the direct object of a giving verb that has a
    with-phrase, unless the object is itself the thing given (one of the pattern's object cues)."""
    if verb.lemma_.lower() not in _GIVE_WITH:
        return ()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and any(
        g.dep_ == "pobj" for g in c.children)]
    withs += [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "with" and any(
        g.dep_ == "pobj" for g in c.children)]
    if len(objects) != 1 or not withs:
        return ()
    recipient = objects[0]
    if recipient.lemma_.lower() in pattern.object or recipient.pos_ not in ("PROPN", "NOUN"):
        return ()
    return (recipient.i,)


def _trigger_span(tok: Token, pattern: Pattern) -> tuple[int, int]:
    start, end = tok.i, tok.i + 1
    for child in tok.children:
        if child.dep_ == "prt" and child.i == end:
            end += 1
        if child.dep_ == "compound" and child.i == start - 1 and pattern.compound:
            start -= 1
    return start, end


@lru_cache(maxsize=1)
def default_verbs() -> VerbDictionary:
    """volte's bundled pattern dictionary, loaded and validated once per process."""
    return VerbDictionary.load()
