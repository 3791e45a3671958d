"""Verb and noun patterns: which words in a parsed sentence name an event, which CAMEO code it gets,
and where its source and target noun phrases are.

Patterns come from ``rules/verbs/*.yml`` (format: docs/verbs.md), indexed by trigger lemma so a sentence
costs one dictionary look-up per verb or noun. Factuality (``volte.coding.factuality``) then drops negated
events, marks hypothetical and future ones, and folds governing verbs into one event: "refused to sign"
is a refusal (12x), "agreed to meet" an intent to meet (036), "threatened to impose sanctions" a threat (1312).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from volte.coding import lexicon
from volte.coding.cameo import is_code
from volte.coding.factuality import (
    COMMITTING,
    CONSIDERING,
    ENACTING,
    NOMINAL_NEGATING,
    OBJECT_CONTROL,
    PHONING,
    PLANNING,
    REFUSAL,
    REPORTING,
    THREATENING,
    Modality,
    assess,
    governor_lemma,
    is_to_infinitive,
    obligation,
    speaker_of,
)
from volte.coding.governed_codes import CLAUSE_CODES, OBJECT_MEANINGS, THREAT_CLAUSE_CODES, governed_code
from volte.coding.lexicon import words
from volte.coding.verb_dictionary import Pattern, load_patterns

_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_RELATIVE = lexicon.words("relative_pronouns")
_PRONOUNS = lexicon.words("speaker_pronouns")
_TIME_NOUNS = lexicon.words("coder_time_nouns")
# Governors whose own event gives way to the event they govern ("agreed to meet" is 036, not "agree").
_YIELDING = frozenset({"future", "committed", "threat", "hypothetical", "poised"})
# Governors that keep their own event, specialised by what they govern ("urged talks" is 026).
_KEEPING = frozenset({"appeal", "demand", "refusal"})
_VERBAL_ACTS = frozenset({"10", "11", "12", "13"})
_HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
_INCIDENT_ROOTS = frozenset({"14", "17", "18", "19", "20"})  # kept in time clauses (issue 13)
_SPEECH_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
_CONDITIONAL_ACTS = frozenset({"10", "13"})  # demands and threats are made conditional by nature
_GOVERNING_LEMMAS = COMMITTING | PLANNING | THREATENING | CONSIDERING
_PARTICLE_DEPS = ("prt", "acomp", "oprd", "advmod", "npadvmod")
_GOVERNED_EDGES = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "conj", "acomp"})


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


@dataclass
class _Raw:
    tok: Token
    pattern: Pattern
    noun: bool
    cues: frozenset[int]
    modality: Modality | None = None
    code: str = ""
    factuality: str = "asserted"
    dropped: bool = False
    # the specialised refusal's partner: the target of the act it refuses
    # ("refused to negotiate the Essequibo *with Venezuela*": Venezuela, not the topic negotiated)
    partner: _Raw | None = None


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
        _consume_cued_nouns(raws)
        _drop_namings(raws)
        _drop_topics(raws)
        _apply_factuality(raws)
        _drop_consequences(raws)
        _protest_aims(raws)
        _peacekeeping_moves(raws)
        _helping_moves(raws)
        _explosive_doers(raws)
        _specialise_by_clause(raws)
        _ruled_out_acts(raws)
        _talks_failed(raws)
        _figurative_attacks(raws)
        _answered_with(raws)
        _figurative_fights(raws)
        _questions(raws)
        _agreements_only_named(raws)
        _abandoned_plans(raws)
        return [_to_match(raw) for raw in raws if not raw.dropped]

    def _raw_matches(self, sent: Span) -> list[_Raw]:
        raws: list[_Raw] = []
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
            elif _behind(tok):
                candidates = adjectives.get(tok.lower_)  # "said India *was behind* the bombing": culpable
                is_verb = True
            elif _critical_text(tok):
                candidates = adjectives.get(tok.lower_)  # "issued a report *critical of* Hanoi": its issuer's
                is_verb = True
            else:
                continue
            if not candidates:
                continue
            site = _Site(tok, noun=not is_verb)
            for pattern in candidates:
                cues = fit(pattern, site)
                if cues is not None:
                    raws.append(_Raw(tok, pattern, not is_verb, cues, code=pattern.code))
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


# --- matching one pattern against one trigger -------------------------------------------------------------


class _Site:
    """What patterns look at around one trigger, read once from the parse however many patterns are tried."""

    __slots__ = ("tok", "noun", "children", "_objects", "_passive")

    def __init__(self, tok: Token, *, noun: bool) -> None:
        self.tok, self.noun = tok, noun
        self.children = list(tok.children)
        self._objects: list[tuple[Token, str, frozenset[str]]] | None = None
        self._passive: bool | None = None

    @property
    def passive(self) -> bool:
        if self._passive is None:
            self._passive = is_passive(self.tok)
        return self._passive

    @property
    def objects(self) -> list[tuple[Token, str, frozenset[str]]]:
        """(object, its lemma, its modifiers' lemmas) for direct and prepositional objects."""
        if self._objects is None:
            words = _object_words(self.tok, noun=self.noun)
            self._objects = [(o, _lemma(o), _modifier_lemmas(o)) for o in words]
        return self._objects

    def child(self, deps: tuple[str, ...], words: tuple[str, ...], *, lemma: bool = True) -> Token | None:
        anything = words == ("any",)
        for c in self.children:
            if c.dep_ in deps and (anything or (_lemma(c) if lemma else c.lower_) in words):
                return c
        return None


def fit(pattern: Pattern, site: _Site) -> frozenset[int] | None:
    """The token indices the pattern's cues used when it fits the trigger, else None."""
    cues: set[int] = set()
    obj: Token | None = None
    if pattern.idiom is not None:
        said = _IDIOMS[pattern.idiom](site.tok)
        if said is None:
            return None
        cues.add(said.i)  # "out of the *question*", "up for *discussion*": no meeting
    if pattern.passive is not None and not site.noun and site.passive != pattern.passive:
        return None
    if pattern.under and not (site.noun and under_attack(site.tok)):
        return None
    if pattern.speaker_source and site.noun and not _said_predicate(site.tok):
        # "said the strike *was an act of aggression*": a said predicate; "ordered an invasion" is the act
        return None
    if (
        site.noun
        and pattern.code[:2] == "13"
        and site.tok.lemma_.lower() in _THREAT_NOUNS
        and not pattern.prep  # "posed a threat *of attack* on Kuwait" names the act threatened
        and characterisation(site.tok)
        and not _infinitive_of(site.tok)
    ):
        # "Iran *poses a threat* to the region", "the orders *were a threat* to Guyana": what someone's acts are
        # called, no threat made (said, the speaker's criticism: accuse.say_is_threat); "was a threat *to impose*
        # sanctions" still names the threatened act
        return None
    if pattern.particle:
        hit = site.child(_PARTICLE_DEPS, pattern.particle, lemma=False)  # "shot *dead*", "*test*-fired"
        if hit is None:
            return None
        cues.add(hit.i)
    if pattern.not_object and not pattern.own_object and _first(site.objects, pattern.not_object) is not None:
        return None
    if pattern.subject or pattern.not_subject:
        subjects = [(o, _lemma(o), _modifier_lemmas(o)) for o in _subject_words(site)]
        if pattern.not_subject and _first(subjects, pattern.not_subject) is not None:
            return None
        if pattern.subject:
            hit = _first(subjects, pattern.subject)
            if hit is None:
                return None
            cues.add(hit.i)
    if pattern.object == ("any",):  # a direct object of any kind ("*returned* two paintings to Brazil")
        hit = site.child(("dobj", "nsubjpass") if site.passive else ("dobj",), ("any",))
        if hit is None or hit.tag_ == "DT" or hit.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):  # no stray "the"
            return None
        cues.add(hit.i)
        obj = hit  # its participle can be the xcomp cue: "ordered nine ministers *jailed*"
    elif pattern.object:
        hit = _first(site.objects, pattern.object)
        if hit is None or (pattern.own_object and not _own_act(hit, pattern.not_object)):
            return None
        cues.add(hit.i)
        obj = hit
    for prep, objects in pattern.prep:
        hit = _prep_object(site.tok, prep, objects)
        governor = site.tok.head
        hung_on_verb = site.noun and site.tok.dep_ == "dobj" and governor.pos_ == "VERB"
        if hit is None and hung_on_verb and objects and prep != "of":
            # "announced the deployment of 230 troops to Liberia *on a peacekeeping mission*": the parser
            # hung the phrase on the verb; only a phrase with cue words ("on" anything would be a date)
            hit = _prep_object(governor, prep, objects)
        if hit is None and pattern.xcomp:  # "refused to respond *to a request* from": the complement's phrase
            hit = next((h for c in _xcomps(site.tok, pattern.xcomp) if (h := _prep_object(c, prep, objects))), None)
            hit = None if hit is not None and _asked_for_comment(hit) else hit
        if hit is None:
            return None
        cues.add(hit.i)
    if pattern.clause_aux:
        auxes = pattern.clause_aux
        clauses = [c for c in site.children if c.dep_ == "ccomp" and _has_aux(c, auxes)]
        if not clauses:
            return None
        cues.add(clauses[0].i)
    # [any]: "told X *to* leave"
    clause_deps = ("xcomp",) if pattern.xcomp == ("any",) else ("xcomp", "ccomp", "advcl")
    for deps, wanted in ((clause_deps, pattern.xcomp), (("compound", "amod", "nmod"), pattern.compound)):
        if wanted:
            hit = site.child(deps, wanted)
            if hit is None and obj is not None and deps is clause_deps:  # "gave permission *to deliver*"
                # "commitment *to supporting*": a gerund in a "to" phrase plays the part of an infinitive
                # an infinitive the parser makes a relative clause is one too ("an operation *to arrest* X")
                acls = [c for c in obj.children if c.dep_ == "acl" or _to_relcl(c)] + _to_gerunds(obj)
                hit = next((c for c in acls if _lemma(c) in wanted), None)
            if hit is None:
                return None
            if wanted == ("any",) and hit.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("dobj", "dative") for c in site.children):
                return None  # "..., a spokesman, *told dpa*": a participle with nobody told is no "told X to"
            cues.add(hit.i)
    return frozenset(cues)


def _to_relcl(clause: Token) -> bool:
    """A to-infinitive the parser hangs on a noun as a relative clause ("launched an operation *to arrest* the
    leader"): it plays the part of the noun's infinitive (acl)."""
    return clause.dep_ == "relcl" and is_to_infinitive(clause)


def _to_gerunds(noun: Token) -> list[Token]:
    """The gerund of a noun's "to" phrase ("its commitment *to supporting* Lebanon"), which plays the part of
    a to-infinitive ("its commitment *to support* Lebanon")."""
    tos = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"]
    return [g for t in tos for g in t.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]


def _xcomps(tok: Token, lemmas: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "xcomp" and _lemma(c) in lemmas]


_COMMENT_REQUESTS = frozenset({"comment", "comments", "interview", "reaction", "clarification"})


def _asked_for_comment(request: Token) -> bool:
    """ "declined to respond to a request *for comment*": a question put to a spokesman (011), no rejection."""
    fors = [p for p in request.children if p.dep_ == "prep" and p.lower_ == "for"]
    return any(_lemma(o) in _COMMENT_REQUESTS for p in fors for o in p.children if o.dep_ == "pobj")


def _out_of_question(be: Token) -> Token | None:
    """ "lifting the ban *is out of the question*": ruled out."""
    outs = [c for c in be.children if c.dep_ == "prep" and c.lower_ == "out"]
    ofs = [o for c in outs for o in c.children if o.dep_ == "prep" and o.lower_ == "of"]
    return next((q for o in ofs for q in o.children if q.dep_ == "pobj" and q.lower_ == "question"), None)


_TALKS_ABOUT = frozenset({"discussion", "negotiation", "negotiations", "debate", "talks", "bargaining"})


def _not_negotiable(be: Token) -> Token | None:
    """ "the border *is not up for discussion*", "its sovereignty *is non-negotiable*": talks refused."""
    kids = list(be.children)
    negated = any(c.dep_ == "neg" for c in kids)
    word = next((c for c in kids if c.lower_ in ("non-negotiable", "nonnegotiable", "negotiable")), None)
    if word is not None and (word.lower_ != "negotiable" or negated or any(c.lower_ == "non" for c in kids)):
        return word
    ups = [c for c in kids if c.dep_ == "prep" and c.lower_ == "up"]
    fors = [f for u in ups for f in u.children if f.dep_ == "prep" and f.lower_ == "for"]
    talks = (t for f in fors for t in f.children if t.dep_ == "pobj" and t.lower_ in _TALKS_ABOUT)
    return next(talks, None) if negated else None


# The copula idioms a pattern's ``idiom`` names: "X is out of the question", "X is not up for discussion"
_IDIOMS: dict[str, Callable[[Token], Token | None]] = {
    "out_of_question": _out_of_question,
    "not_negotiable": _not_negotiable,
}


def _first(words_of: list[tuple[Token, str, frozenset[str]]], words: tuple[str, ...]) -> Token | None:
    """The first word whose lemma, or one of whose modifiers, is in ``words``."""
    return next((o for o, lem, mods in words_of if lem in words or not mods.isdisjoint(words)), None)


_OTHER_DOERS = words("verbs_other_doers")


def _own_act(obj: Token, not_object: tuple[str, ...]) -> bool:
    """An act named as the verb's direct object (or of its "of" phrase: "ended months *of fighting*") with no
    doer of its own: the subject's act ("suspended *its offensive*"), not a circumstance ("suspended aid
    because *of fighting*"). ``not_object`` vetoes this object only ("suspended air strikes *after the
    talks*" halts strikes)."""
    if not_object and (_lemma(obj) in not_object or not _modifier_lemmas(obj).isdisjoint(not_object)):
        return False
    while obj.dep_ == "conj" and obj.head is not obj:
        obj = obj.head
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in ("dobj", "nsubjpass"):
        obj = obj.head.head
    return obj.dep_ in ("dobj", "nsubjpass") and not _others_act(obj)


def _others_act(obj: Token) -> bool:
    """Whether an act named as the object has a doer of its own, so that it is not the subject's:
    a possessor other than a pronoun ("halted *Russia's* attacks"), a by-agent, or a modifier naming a
    side ("stopped *Russian* attacks", "halted the *rebel* offensive")."""
    for c in obj.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return True
        if c.dep_ == "prep" and c.lower_ == "by":
            return True
        if participle_agents(c):  # "the allegations *made by Britain*", "the attacks carried out by rebels"
            return True
        if c.dep_ in ("amod", "compound", "nmod") and (
            c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG") or _lemma(c) in _OTHER_DOERS
        ):
            return True
    return False


def participle_agents(clause: Token) -> list[Token]:
    """The by-agents of a past participle that qualifies a noun: "the allegations *made by Britain*", "the
    protest *filed by the opposition*": whose act or text the noun is, as "Britain's allegations" says."""
    if clause.dep_ != "acl" or clause.tag_ != "VBN":
        return []
    return [p for a in clause.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]


def _has_aux(clause: Token, words: tuple[str, ...]) -> bool:
    """The clause has one of the auxiliaries, or says it with "have to" / "need to" ("said Congo *had to*
    neutralize the FDLR" is "must": :func:`volte.coding.factuality.obligation`)."""
    return any(a.dep_ == "aux" and a.lower_ in words for a in clause.children) or obligation(clause) in words


_ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "complete", "finish"})


def _subject_words(site: _Site) -> list[Token]:
    """The active subject of a verb trigger, with its conjuncts and its "of" phrase ("*troops* arrived",
    "the first contingent *of peacekeepers* arrived")."""
    if site.noun:
        return []
    out = [c for c in site.children if c.dep_ == "nsubj"]
    tok = site.tok
    if not out and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):  # "rockets *were fired* and slammed"
        out = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not out and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ASPECTUAL:  # "troops *began* leaving"
        out = [c for c in tok.head.children if c.dep_ == "nsubj"]
    out += [x for c in out for x in c.conjuncts]
    ofs = [prep for c in out for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"]
    return out + [p for prep in ofs for p in prep.children if p.dep_ == "pobj"]


def _modifier_lemmas(tok: Token) -> frozenset[str]:
    """Lemmas of a word's modifiers (and of stacked adjectives: "*joint* military exercises"), plus "many"
    for large numbers ("300,000 Rohingya") and "multitude" for hundreds of thousands or millions."""
    out = {_lemma(c) for c in tok.children if c.dep_ in _MODIFIERS}
    out |= {_lemma(g) for c in tok.children if c.dep_ == "amod" for g in c.children if g.dep_ == "amod"}
    # coordinated noun modifiers: "search-and-*rescue* teams", "food and *medicine* convoys"
    out |= {_lemma(g) for c in tok.children if c.dep_ in ("compound", "nmod") for g in c.conjuncts}
    for c in tok.children:
        if c.dep_ in ("nummod", "quantmod") and (
            c.lower_ in ("thousands", "thousand", "millions", "million", "hundreds")
            or c.text.replace(",", "").isdigit()
            and int(c.text.replace(",", "")) >= 1000
        ):
            out.add("many")
        if c.dep_ in ("nummod", "quantmod") and (
            c.lower_ in ("millions", "million")
            or c.text.replace(",", "").isdigit()
            and int(c.text.replace(",", "")) >= 100_000
        ):
            out.add("multitude")  # "deported 276,000 Haitians": a mass expulsion (201), not one deportation
    return frozenset(out)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod"})


def _modified_by(tok: Token, words: tuple[str, ...]) -> bool:
    return any(c.dep_ in _MODIFIERS and _lemma(c) in words for c in tok.children)


_AMOUNTS = frozenset({"increase", "rise", "boost", "hike", "cut", "reduction", "amount", "sum", "total", "share"})


_REASONS = frozenset({"protest", "response", "retaliation", "solidarity", "reprisal"})


def _in_reason(noun: Token) -> bool:
    """ "*in protest* at the sanctions", "*in retaliation* for": a bare reason noun after "in" says why,
    it is neither an object nor an event ("in *a* protest triggered by ..." is one)."""
    return (
        _lemma(noun) in _REASONS
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss", "amod") for c in noun.children)
    )


_SENDING = frozenset({"send", "deploy", "dispatch", "station", "contribute", "commit", "post"})


def _object_words(tok: Token, *, noun: bool) -> list[Token]:
    """Direct objects (with their conjuncts) and prepositional objects of a trigger."""
    out: list[Token] = []
    passive = not noun and is_passive(tok)
    for child in tok.children:
        if child.dep_ in ("dobj", "attr", "oprd") or (passive and child.dep_ == "nsubjpass"):
            out.append(child)
            out.extend(child.conjuncts)
            # "a message *of condolence*", "700 kg *of medicine*", "$100 million *in assistance*"
            # "in" only after an amount: "an engineer *in the province*" is a place, not what was freed
            preps = [
                p for p in child.children if p.dep_ == "prep" and (p.lower_ == "of" or p.lower_ == "in" and _amount(child))
            ]
            out.extend(p for prep in preps for p in prep.children if p.dep_ == "pobj")
    for child in tok.children:
        if child.dep_ in ("prep", "agent"):
            # "suspended aid *in protest* at ...": a reason, not what was suspended
            pobjs = [p for p in child.children if p.dep_ == "pobj" and not _in_reason(p)]
            out.extend(pobjs)
            if child.lower_ == "as" and tok.lemma_.lower() in _SENDING:  # "sent troops *as part of* a force"
                ofs = [prep for p in pobjs if p.lower_ == "part" for prep in p.children if prep.lower_ == "of"]
                out.extend(o for prep in ofs for o in prep.children if o.dep_ == "pobj")
    clause = tok.head if tok.dep_ == "xcomp" else tok  # "a tanker *seized*", "talks expected *to be held*"
    if passive and clause.dep_ == "acl" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        out.append(clause.head)
    if noun:
        out.extend(c for c in tok.children if c.dep_ == "compound")
    return out


def _amount(tok: Token) -> bool:
    """A number or quantity, which an "in" phrase says the kind of ("$100 million *in assistance*")."""
    return (
        tok.pos_ == "NUM"
        or tok.tag_ == "$"
        or _lemma(tok) in _AMOUNTS
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def is_time(tok: Token) -> bool:
    """A time, not a participant: "resigned *on January 17*", "*this weekend*'s attacks" (the entity
    recogniser's DATE and TIME, or a bare time noun)."""
    return tok.ent_type_ in ("DATE", "TIME") or _lemma(tok) in _TIME_NOUNS


def _prep_object(tok: Token, prep: str, words: tuple[str, ...]) -> Token | None:
    """The object of preposition ``prep`` under the trigger or its direct object."""
    holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "prt", "advmod")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp") and (
                        not words
                        and not is_time(pobj)  # "called Morrison *on Wednesday*" is no "called on"
                        or _lemma(pobj) in words
                        or _modified_by(pobj, words)
                        or _of_phrase(pobj, words)
                    ):
                        return pobj
                if not words and not any(p.dep_ == "pobj" for p in child.children):
                    return child
            if (  # "called *for* Britain to stay": a for-to clause
                not words
                and child.dep_ in ("advcl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == prep for m in child.children)
            ):
                return child
    return None


def _of_phrase(tok: Token, words: tuple[str, ...]) -> bool:
    """ "the highest level *of combat readiness*": the cue word may sit in an "of" phrase."""
    ofs = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"]
    return any(o.dep_ == "pobj" and _lemma(o) in words for p in ofs for o in p.children)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        # "*Backed by* air support, troops recaptured ...", "organized and *backed by*": a participle with its
        # agent; "France is *alarmed by* the crisis" reads as an adjective
        return verb.dep_ not in ("acomp", "amod") and not any(c.dep_ == "nsubj" for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


# --- where the actors are ---------------------------------------------------------------------------------


def _phoned_to(verb: Token, call: Token) -> bool:
    """ "Erdogan *called* Putin *to express* his condolences": the caller expresses them, not the one called
    (a phone call's purpose, the xcomp cue of ``consult.call.to_act``); "called the parties to respect the
    truce" stays an appeal whose addressee acts. What someone "phoned" or "telephoned" X to do is always the
    caller's purpose ("phoned Netanyahu *to press* for a ceasefire")."""
    lemma = call.lemma_.lower()
    return lemma in PHONING or (lemma == "call" and verb.lemma_.lower() in _call_purposes())



@lru_cache(maxsize=1)
def _call_purposes() -> frozenset[str]:
    return frozenset(w for p in default_verbs().patterns if p.id == "consult.call.to_act" for w in p.xcomp)


def subject_heads(verb: Token, *, depth: int = 0) -> list[Token]:
    """The doer of a verb: its subject, the agent of a passive, or the subject it inherits."""
    if depth > 4:
        return []
    if is_passive(verb):
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return [verb.head]
            if child.lower_ in _PRONOUNS and verb.dep_ == "ccomp" and verb.head is not verb:
                # "Iran warned *they* would hit ...": the pronoun, then the governing verb's subject
                return [child, *subject_heads(verb.head, depth=depth + 1)]
            return [child]
    head, dep = verb.head, verb.dep_
    if head is verb:
        return []
    if dep == "xcomp" and verb.lemma_ == "be" and is_passive(head) and head.lemma_ in _RAISING and _blames(verb):
        # "Boko Haram *was believed to be* behind the attack": the believed one, not the believer
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if _raised(verb):  # "the rebels *are believed to have* killed ten soldiers": the believed, not the believer
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if dep == "xcomp" or (dep == "advcl" and is_to_infinitive(verb)):
        controller = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if controller and head.lemma_ in OBJECT_CONTROL and not _phoned_to(verb, head):
            return controller[:1]  # "urged Iran *to* talk", "asked him to leave"
        return subject_heads(head, depth=depth + 1)
    if dep in ("acomp", "oprd") or _behind(verb):  # "Iran was *responsible*", "Iran was *behind* it"
        return subject_heads(head, depth=depth + 1)
    if _critical_text(verb):  # "*the UN* issued a report critical of Hanoi": the issuer
        return subject_heads(head.head, depth=depth + 1)
    if dep == "conj" and is_passive(head) and not is_passive(verb):
        # "was indicted by the court and *will resign*": the shared subject, not the court
        shared = [c for c in head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if shared:
            return shared
    participle = dep == "advcl" and verb.tag_ == "VBG" and not _has_mark(verb)
    if participle and head.dep_ == "ccomp" and head.head.i < head.i and _after_comma(verb):
        # "demanded that Iran release the tanker, *calling* the seizure unacceptable": the parser hangs the
        # participle on the reported clause; it belongs to the speaker
        return subject_heads(head.head, depth=depth + 1)
    told = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i and c.pos_ in ("VERB", "AUX")]
    if participle and told and head.lemma_ in _TELLING and _after_comma(verb):
        # "Taliban fighters overran a base, officials said, *killing* 17 soldiers": the parser hangs the
        # participle on the saying verb after the report; it belongs to the reported clause
        return subject_heads(told[0], depth=depth + 1)
    if dep == "conj" or (dep == "advcl" and verb.tag_ in ("VBG", "VBN") and not _has_mark(verb)):
        return subject_heads(head, depth=depth + 1)
    if dep == "pcomp" and head.head is not head:
        if is_passive(head.head) and head.lower_ in ("in", "during") and _lemma(head.head) in _SUFFERED:
            # "twelve people were wounded *in shelling by government forces*": the victims suffered it; its
            # doer is its own by-phrase
            return [p for c in verb.children if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
        if is_passive(head.head):  # "was arrested by police *for collaborating* with X": the one arrested
            return [c for c in head.head.children if c.dep_ == "nsubjpass"]
        return subject_heads(head.head, depth=depth + 1)
    if dep == "relcl":
        return [head]
    if dep == "acl" and is_to_infinitive(verb) and head.pos_ == "NOUN" and head.lemma_.lower() in _STANCE_NOUNS:
        return _stance_holder(head, verb)  # "*Turkey's* threat to invade", "the refusal *of the U.S.* to recognize"
    if dep == "acl" and head.dep_ in ("dobj", "pobj") and head.head is not head:
        return subject_heads(head.head, depth=depth + 1)  # "signed an order *lifting* sanctions"
    return []


# Nouns of a stance whose infinitive is their holder's own act (reject / threaten classes, coder after v8).
_STANCE_NOUNS = (REFUSAL | THREATENING) - {"warning"}


def _critical_text(adj: Token) -> bool:
    """ "issued a report (highly) *critical of* the government", "published a statement critical of Israel": an
    adjective after a text the sentence's doer issues, with its "of" phrase; the text's issuer criticises."""
    text = adj.head
    return (
        adj.pos_ == "ADJ"
        and adj.dep_ == "amod"
        and adj.i > text.i
        and text.dep_ == "dobj"
        and text.lemma_.lower() in _TEXTS
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in adj.children)
    )


def _noun_holders(noun: Token) -> list[Token]:
    """The holder a stance noun names in a phrase before its infinitive ("the refusal *of the U.S.* to
    recognize"), for the ``holder`` slot; none without an infinitive ("the rejection *of the plan*")."""
    clauses = [c for c in noun.children if c.dep_ == "acl" and is_to_infinitive(c)]
    if not clauses or noun.lemma_.lower() not in _STANCE_NOUNS:
        return []
    return [h for h in _stance_holder(noun, clauses[0]) if h.dep_ != "poss"]


def _stance_holder(noun: Token, verb: Token) -> list[Token]:
    """Who refuses or threatens: the noun's possessor ("*Cuba's* refusal to engage"), its "of" phrase before
    the infinitive ("the refusal *of the U.S.* to recognize") or its by-agent ("threats *by Erdogan* to
    open the gates"); none when the noun names no holder."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _PRONOUNS]
    owners += [
        p
        for c in noun.children
        if c.dep_ in ("prep", "agent") and c.lower_ in ("of", "by", "from") and c.i < verb.i
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return owners[:1]


# Verbs whose passive subject suffers the act it happened in ("were wounded *in shelling* by ...").
_SUFFERED = words("verbs_suffered")
# Violence the dead died in, not did ("died in the shelling"; a hunger strike they died in is theirs).
_DEADLY = words("coder_attacks_suffered") | words("coder_clashes_suffered") | words("incidents_attack_nouns")
# Passive verbs that raise their infinitive's subject: "X was *believed* (suspected, thought) to be behind it".
_RAISING = frozenset({"believe", "suspect", "think", "say", "report", "know", "understand", "consider", "allege"})


def _raised(verb: Token) -> bool:
    """A perfect infinitive whose subject a passive verb of report or belief raises: "X *is said to have*
    attacked", "X *was reported to have been* killed", "X *is believed to have* fled" (not "X was asked to
    leave"; not "is said to be close to a deal" or "reported to be armed", states rather than acts done)."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head is not verb
        and _lemma(head) in _RAISING
        and any(c.dep_ == "nsubjpass" for c in head.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _deadly(noun: Token) -> bool:
    """Violence people die in ("the shelling", "clashes", "an air *strike*"), not a strike of their own ("died
    in the *hunger strike*")."""
    if _lemma(noun) == "strike":
        return any(_lemma(c) in ("air", "drone", "missile", "rocket", "military") for c in noun.children)
    return _lemma(noun) in _DEADLY


def _demanded_subject(tok: Token) -> list[Token]:
    """The subject of the demanded clause a warning participle hangs on: "demanded that *Canada* release
    her, warning of consequences if she was not freed" warns Canada (after the condition's own subject)."""
    head = tok.head
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or head.dep_ != "ccomp" or head.head.i > head.i:
        return []
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _after_comma(verb: Token) -> bool:
    return verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _has_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" for c in verb.children)


_PEOPLE_PRONOUNS = frozenset({"him", "her", "them", "us", "you", "me"})


def object_heads(verb: Token) -> list[Token]:
    if is_passive(verb):
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj:
            return subj
        if _raised(verb):  # "seven people *were reported to have been* killed": the reported are the victims
            return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        return [verb.head] if verb.dep_ == "acl" else []
    found = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if any(c.dep_ == "dobj" and c.lower_ in _PEOPLE_PRONOUNS for c in found):
        # "branded *them* enemies of Turkey": the people named, not the predicate; but "called *that* an act
        # by Argentina" names the act's author in the predicate
        found = [c for c in found if c.dep_ != "oprd"]
    chain, seen = verb, 0
    while not found and seen < 4:  # "mines *killed* and injured hundreds of civilians": coordinated verbs
        # share the object, down a list of them ("*raped*, beat and assaulted civilians")
        nxt = _bare_conjuncts(chain)[:1]
        if not nxt:
            break
        chain, seen = nxt[0], seen + 1
        found = [o for o in chain.children if o.dep_ == "dobj"]
    return found


def _bare_conjuncts(verb: Token) -> list[Token]:
    """Verbs coordinated right after ``verb`` with nothing of its own between them ("killed *and injured*",
    "raped, *beat* and assaulted"), and no subject of their own: they share what follows. A verb with its
    own complement first ("challenged X to come on, and released a map") shares nothing."""
    after = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("cc", "punct", "conj", "advmod")]
    if after:
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and c.i - verb.i <= 3
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]


def slot_heads(slot: str, tok: Token, *, noun: bool) -> list[Token]:
    """Candidate NP heads for one slot name (docs/verbs.md, "Slots")."""
    if slot == "subject":
        return subject_heads(tok) if not noun else _noun_subject(tok)
    if slot == "object":
        return object_heads(tok) if not noun else []
    if slot == "dative":
        return [c for c in tok.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
    if slot == "poss":
        return [c for c in tok.children if c.dep_ == "poss"]
    if slot == "obj_poss":
        return [p for o in object_heads(tok) for p in o.children if p.dep_ == "poss"]
    if slot == "obj_modifier":  # the owner a capitalised modifier names: "seized an *Iranian* tanker"
        return [m for o in object_heads(tok) for m in _capitalised_modifiers(o)]
    if slot == "modifier":
        return _capitalised_modifiers(tok)
    if slot == "governor_subject":
        return _noun_subject(tok)
    if slot == "governor_object":
        return object_heads(tok.head) if tok.dep_ in ("pobj",) and tok.head.head is not tok.head else []
    if slot == "clause_subject":
        clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp")]
        return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if slot == "condition_subject":  # "warned of consequences *if the rebels* did not withdraw"
        # active subjects only: "if North Korea *is attacked*" names a victim, not a target
        return _condition_subjects(tok, _IF) + _demanded_subject(tok)
    if slot == "xcomp_object":  # "refused to sign *the statement*", "provide $1 billion to help *Turkey*"
        clauses = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") or _to_advcl(c)]
        if noun:  # "Cuba's refusal to engage *with the Colombian government*": the noun's infinitive
            clauses = [c for c in tok.children if c.dep_ == "acl" and is_to_infinitive(c)]
            objects = [o for c in clauses for o in object_heads(c)]
            owners = [p for o in objects for p in o.children if p.dep_ == "poss"]  # "to recognize *his* re-election"
            return objects + owners + [p for c in clauses for p in _prep_objects(c, ("with",))]
        return [o for c in clauses for o in object_heads(c)]
    if slot == "holder":  # "the refusal *of the U.S.* to recognize": the of / by phrase before the infinitive
        return _noun_holders(tok) if noun else []
    if slot == "obj_clause_object":  # "accepted an invitation to meet *with Kim*", "to visit *Turkey*"
        clauses = [
            c for o in object_heads(tok) for c in o.children if (c.dep_ == "acl" and is_to_infinitive(c)) or _to_relcl(c)
        ]
        clauses += [c for o in object_heads(tok) for c in _to_gerunds(o)]  # "commitment *to supporting* X"
        return [o for c in clauses for o in object_heads(c)] + [
            p for c in clauses for p in _prep_objects(c, ("with",))
        ]
    if slot == "between":  # "clashes *between* police and protesters", "clashes broke out *between* ..."
        found = _prep_objects(tok, ("between", "among"))
        if not found and noun and tok.dep_ == "nsubj":
            found = _prep_objects(tok.head, ("between", "among"))
        return found
    if slot == "parties":  # "a mediation effort to end the dispute *between Ethiopia and Egypt*"
        return _mediated_parties(tok)
    if slot.startswith("prep:"):
        found = _prep_objects(tok, (slot[5:],), with_object=not noun)
        if noun and slot == "prep:of":  # "the refusal *of the U.S.* to recognize" holds the refusal
            holders = _noun_holders(tok)
            found = [p for p in found if p not in holders]
        if not found and slot[5:] == "against":  # "filed a lawsuit in a Paris court *against* X": the
            venues = _prep_objects(tok, ("in", "at", "before", "with"), with_object=not noun)
            found = [p for v in venues for p in _prep_objects(v, ("against",))]  # parser hung it on the court
        if not found and noun and slot == "prep:to" and tok.dep_ == "dobj":
            # "approved the deployment of peacekeepers *to South Sudan*": the parser hung it on the verb
            found = _prep_objects(tok.head, ("to",))
        return found
    if slot.startswith("obj_prep:"):
        holders = object_heads(tok) if not noun else []
        # "its rejection and *condemnation* of X": coordinated objects share the phrase
        holders += [c for o in holders for c in o.children if c.dep_ == "conj"]
        # "a package *of sanctions* against", "$100 million *in assistance* for"
        holders += [p for o in holders for p in _prep_objects(o, ("of", "in"))]
        found = [p for o in holders for p in _prep_objects(o, (slot[9:],))]
        if slot == "obj_prep:by":  # "rejected the allegations *made by Britain*": the participle's agent
            found += [p for o in holders for c in o.children for p in participle_agents(c) if p not in found]
        return found
    return []


# What a mediation works on: the rift, the war, an end to it, a settlement ("to end the dispute between", "in
# the border row between", "an end to the war between"); the parties are its "between" phrase.
_MEDIATED_PREPS = frozenset({"in", "over", "on", "to", "of", "for", "at", "into"})
_MEDIATED_CLAUSES = frozenset({"acl", "xcomp", "advcl", "pcomp", "relcl"})
# "helping the government and the rebels reach a settlement": the ones helped to agree are the parties
_HELPING = frozenset({"help", "bring", "get", "persuade", "encourage", "assist", "push", "convince"})


def _mediated_parties(tok: Token) -> list[Token]:
    """The sides a mediation works between, where no slot of the trigger names them: the "between"/"among"
    phrase of what it aims at, in its purpose clause or its "in" phrase ("launched a mediation effort *to
    resolve the rift between Qatar and the Gulf states*", "offered mediation *in the dispute between Mali
    and Niger*", "mediating *an end to the war between* ..."), or those it helps to agree ("a bid aimed at
    *helping the government and the rebels* reach a settlement"). A clause with a subject of its own is
    another's act and is not entered."""
    frontier, seen = [tok], {tok.i}
    found: list[Token] = []
    for _ in range(5):
        reached: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.i in seen:
                    continue
                if child.dep_ == "prep" and child.lower_ in ("between", "among"):
                    found.extend(p for p in child.children if p.dep_ == "pobj")
                    continue
                if child.dep_ == "prep" and child.lower_ in _MEDIATED_PREPS:
                    reached.extend(p for p in child.children if p.dep_ in ("pobj", "pcomp"))
                elif child.dep_ in ("dobj", "attr") and node.pos_ in ("VERB", "AUX"):
                    reached.append(child)
                elif child.dep_ in _MEDIATED_CLAUSES and child.pos_ in ("VERB", "AUX"):
                    if any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                        continue
                    reached.append(child)
                if node.pos_ == "VERB" and node.lemma_.lower() in _HELPING:
                    if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
                        found.extend(g for g in child.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN"))
                    elif child.dep_ == "dobj" and any(c.dep_ in ("ccomp", "xcomp") for c in node.children):
                        found.append(child)
        if found:
            return found
        seen.update(t.i for t in reached)
        frontier = reached
    return []


_IF = frozenset({"if", "unless"})
_CONDITIONS = _IF | {"until", "till"}
_TELLING = words("verbs_telling")


def _conditions(tok: Token, marks: frozenset[str]) -> list[Token]:
    """The adverbial clauses under ``tok`` opened by one of ``marks`` ("*if* Israel attacked", "*until*
    Caracas frees its prisoners")."""
    return [c for c in tok.children if c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children)]


def _condition_subjects(tok: Token, marks: frozenset[str]) -> list[Token]:
    """The active subjects of those clauses: "if *North Korea* is attacked" names a victim, not a target."""
    return [x for c in _conditions(tok, marks) for x in c.children if x.dep_ == "nsubj"]


def _capitalised_modifiers(tok: Token) -> list[Token]:
    """ "*Israeli* air strikes", "an *Iranian* tanker": modifiers that may name a side."""
    return [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()]


def _to_advcl(clause: Token) -> bool:
    return clause.dep_ == "advcl" and is_to_infinitive(clause)


def _prep_objects(tok: Token, preps: tuple[str, ...], *, with_object: bool = False) -> list[Token]:
    holders = [tok] + ([c for c in tok.children if c.dep_ == "dobj"] if with_object else [])
    out: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                out.extend(p for p in child.children if p.dep_ == "pobj" and not _onlooker(child, p))
    return out


def absolute_with(prep: Token) -> bool:
    """"*with* Rubio *looking on*": a "with" whose object is the subject of a participle (an absolute clause)."""
    return prep.lower_ == "with" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


def _onlooker(prep: Token, pobj: Token) -> bool:
    """An absolute "with" clause names a witness, not a partner: "signed an agreement *with* Rubio *looking
    on*", "with the UN envoy in attendance"."""
    if prep.lower_ != "with":
        return False
    if absolute_with(prep):
        return True
    return any(
        (c.tag_ == "VBG" and c.dep_ in ("acl", "advcl", "amod", "relcl")) or c.lower_ == "attendance"
        for c in [*pobj.children, *prep.children]
        if c.i > pobj.i
    )


_RESPONSIBLE = words("verbs_responsible")
# Verbs whose "to" ("on", "upon") phrase names an act their subject commits to: "agreed to the withdrawal of".
_AGREEING_TO = frozenset({"agree", "consent", "assent", "commit"})


_REBUTTING = words("verbs_rebutting")


def _noun_subject(noun: Token) -> list[Token]:
    """The doer of a nominal event through its governing verb: "Israel *carried out* air strikes"."""
    head = noun.head
    if head is noun:
        return []
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in _REBUTTING:
            return []  # "Ethiopia *rejected* accusations by the US": the accusation is not the rejecter's
        return subject_heads(head)
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB" and head.lemma_.lower() in _DOING:
        return subject_heads(head)  # "the war games were *staged by* U.S. and Jordanian forces": the agent
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return []
    if head.lower_ == "of" and _quantity_holder(head.head):
        counter = counter_of(noun)  # "aircraft carried out *a string of* air strikes"; not "faced a series of"
        return _noun_subject(counter) if counter is not None else []
    if head.head.pos_ == "VERB" and head.lower_ in ("in", "into", "during", "at"):
        if _lemma(head.head) in ("die", "perish") and _deadly(noun):
            return []  # "seven civilians *died in* the shelling": the dead suffered it, they did not shell
        return subject_heads(head.head)
    if head.lower_ in ("to", "on", "upon") and head.head.pos_ == "VERB" and head.head.lemma_ in _AGREEING_TO:
        return subject_heads(head.head)  # "Israel *agreed to* the release of prisoners": the agreer releases
    if head.lower_ == "on" and head.head.lemma_ in ("go", "embark"):
        return subject_heads(head.head)  # "residents *went on* a looting spree", "embarked on a rampage"
    if head.lower_ == "behind" and head.head.lemma_ == "be":
        return subject_heads(head.head)  # "hackers from Russia's military intelligence *were behind* it"
    if head.lower_ == "for" and head.head.lemma_ in _RESPONSIBLE and head.head.dep_ == "acomp":
        return subject_heads(head.head.head)  # "the government *was responsible for* the sarin attack"
    return []


# Verbs whose subject does the events it counts: "carried out / launched / staged a series of attacks".
_DOING = words("doing_counted")
_QUANTITY_HOLDERS = words("counting_nouns")


def counter_of(noun: Token) -> Token | None:
    """The noun that counts a nominal event when a verb of doing governs it ("carried out *a string* of air
    strikes": the strikes play the counter's clause role and are done by its verb's subject), or None."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or not _quantity_holder(head.head):
        return None
    return head.head if head.head.head.lemma_.lower() in _DOING else None


def _quantity_holder(noun: Token) -> bool:
    """A noun that counts events ("a *string* of air strikes", "a *series* of raids"), whose governing verb's
    subject does them."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _QUANTITY_HOLDERS


# --- combining matches with factuality --------------------------------------------------------------------


def _consume_cued_nouns(raws: list[_Raw]) -> None:
    """A noun used as another pattern's cue of the same root is not a second event ("imposed *sanctions*",
    "*assassination* attempt"); the more specific of the two codes wins ("launched *air strikes*" is 195)."""
    by_index = {raw.tok.i: raw for raw in raws}
    for raw in raws:
        for cue in raw.cues:
            noun = by_index.get(cue)
            if noun is None or noun is raw or noun.dropped:
                continue
            if not noun.noun and not raw.pattern.code.startswith("086"):
                continue  # a verb cue is a second event, except the aid an allowing lets others deliver
            if noun.pattern.code[:2] in _VERBAL_ACTS and raw.pattern.code[:2] in ("01", "12"):
                # "refuted Trump's *accusation*": the accusation was still made; by nobody named ("rejected
                # accusations that ..."), it is no event of the one who rejects it. A demand rejected ("rejected
                # U.S. demands *that he step down*") is the rejection's own object, aimed at the demander: no second event
                if not _own_doer_named(noun.tok) or noun.pattern.code[:2] == "10":
                    noun.dropped = True
                continue
            code, own = noun.pattern.code, raw.pattern.code
            if code[:2] == own[:2] and code != own and own[2:] in ("0", "") and not raw.noun:
                raw.code = noun.pattern.code
            noun.dropped = True
    for raw in raws:
        if raw.noun and _in_reason(raw.tok):
            raw.dropped = True  # "closed its embassy *in protest* at the sanctions": no protest of its own
    for raw in raws:
        # "announced a *freeze* of aid": the verb's cue sits in the "of" phrase of its object, which is an
        # event of its own reading the same cue; the object is what was announced, not the aid
        if raw.noun or raw.dropped:
            continue
        if any(
            other.noun and not other.dropped and other.tok.head.i == raw.tok.i and other.tok.dep_ == "dobj" and other.cues & raw.cues
            for other in raws
        ):
            raw.dropped = True


def _own_doer_named(noun: Token) -> bool:
    """A noun event names its doer: what :func:`_others_act` reads, or a from phrase ("*Trump's* accusation",
    "accusations *by the US*", "*U.S.* claims", "the accusation *from a TD*")."""
    return _others_act(noun) or any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children)


def _drop_namings(raws: list[_Raw]) -> None:
    """ "Calling them *nutters*", "called the move *unconstitutional*": a call with an object predicate names
    someone or something, it is no phone call (041)."""
    for raw in raws:
        # "called the ceasefire *historic*" declares no truce either, nor does "called *off*" one (``naming``)
        if raw.pattern.naming and any(c.dep_ == "prt" for c in raw.tok.children):
            raw.dropped = True
        if (raw.code != "041" and not raw.pattern.naming) or raw.noun:
            continue
        predicates = [c for c in raw.tok.children if c.dep_ == "oprd"]
        # "called the decision *hasty*": the parser hangs the predicate adjective after its noun
        objects = [o for o in raw.tok.children if o.dep_ == "dobj"]
        predicates += [a for o in objects for a in o.children if a.dep_ == "amod" and a.i > o.i]
        # the parser also makes the one phoned an object predicate ("called President *Bashir* on Saturday")
        if predicates and (objects or predicates[0].pos_ != "PROPN"):
            raw.dropped = True


def _drop_topics(raws: list[_Raw]) -> None:
    """A nominal event that a statement is about is its topic, not a second report: "condemned new U.S.
    *tariffs*", "praised the *ceasefire*", "criticised Israel over the *bombardment*", "slammed the
    decision *to sell* weapons", "vetoed a resolution *censuring* Israel". What a text says that its subject
    stops is not said by the subject either, whatever it says: "Russia *vetoed* a resolution *condemning* the
    annexation", "*voted against* a motion *calling for* talks" (a text drafted, adopted or issued still says
    it: "France drafted a resolution calling for sanctions")."""
    by_index = {raw.tok.i: raw for raw in raws}
    for raw in raws:
        if _stopped_text(raw.tok) and not raw.noun:
            raw.dropped = True
        if _behind(raw.tok) and not any(c.dep_ == "pobj" and c.i in by_index for c in raw.tok.children):
            raw.dropped = True  # "was behind *the bombing*" blames an act; "was behind India" is no event
        if raw.noun and raw.tok.head.lower_ == "with" and _criticism_received(raw):
            met = by_index.get(raw.tok.head.head.i)
            if met is not None:
                met.dropped = True  # "was *met* with condemnation": no meeting
    for raw in raws:
        acl = raw.tok.dep_ == "acl" and (is_to_infinitive(raw.tok) or raw.tok.tag_ == "VBG")
        noun = raw.tok if raw.noun else raw.tok.head if acl else None
        if noun is None or raw.pattern.code[:2] in _VERBAL_ACTS:
            continue
        governor = _governing_word(noun)
        speech = by_index.get(governor.i) if governor is not None else None
        if governor is None or speech is None or speech.noun or speech.pattern.statement or governor.lemma_ in ENACTING:
            continue  # "announced a *suspension* of links", "ordered a *mobilisation*" report the act
        if _culpable(speech.tok) and raw.pattern.code[:2] in _HOSTILE_ROOTS:
            # "the government *was responsible for* the sarin attack" reports the attack; said by someone
            # ("Riyadh said Iran was responsible for the attacks") it is also the speaker's accusation
            speech.dropped = speech.dropped or _said(speech.tok).speaker is None
        elif speech.pattern.code[:2] in _SPEECH_ROOTS or speech.pattern.code in ("051", "052"):
            raw.dropped = True
            if _culpable(speech.tok):  # "said the US was behind *the protests*": blame, not aggression
                speech.code = "112"
        elif speech.pattern.code[:2] == "14" and not speech.noun and raw.pattern.code[:2] != "14":
            raw.dropped = True  # "protested *the assassination* of an activist": what the protest is about


_TEXTS = words("verbs_texts")
_STOPPING_TEXTS = words("verbs_stopping_texts")


def _stopped_text(clause: Token) -> bool:
    """A clause on a text whose governing verb stops it: "*blocked* a statement *criticizing* North Korea"."""
    if clause.dep_ not in ("acl", "relcl") or clause.head.lemma_.lower() not in _TEXTS:
        return False
    governor = _governing_word(clause.head)
    return governor is not None and governor.lemma_.lower() in _STOPPING_TEXTS


# Outcomes told in a main clause whose cause follows in an after/when clause: "six people were killed after
# security forces *opened fire* on protesters" reports the shooting, which names the doer.
_OUTCOMES = words("verbs_outcomes")
_CAUSE_PREPS = frozenset({"after", "following"})
# Projectiles whose firing a participle reports: "shells *fired* into homes", "rockets *launched* at the base".
_PROJECTILES = words("verbs_projectiles")
_FIRING = words("verbs_firing")
_CAUSE_MARKS = words("verbs_cause_marks")
# Settings that a protest happened in: "detained *during* a protest", "resigned *amid* protests".
_PROTEST_SETTINGS = words("verbs_protest_settings")
_ACT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# People who are at a protest: "detained *activists* during a rally".
_GATHERED = words("verbs_gathered")


def _incident_setting(raw: _Raw, by_index: dict[int, _Raw]) -> bool:
    """Whether violence or protest in a background position is still news: a protest named as the setting
    of the sentence ("police detained activists *during a protest*"), or the cause of deaths or injuries
    the main clause reports with no doer ("protesters were injured *after* security forces *dispersed* a
    demonstration")."""
    tok = raw.tok
    if raw.noun:
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return False
        prep = tok.head.lower_
        if raw.code[:2] == "14":
            # what the sentence reports happened there: "police *detained* activists during a protest"; not
            # "did *not* use tear gas during the march", nor "the *killing* of protesters during the unrest"
            act = tok.head.head
            if act.pos_ in ("NOUN", "PROPN") and act.lemma_.lower() in _GATHERED:
                if act.dep_ == "ROOT":  # a caption: "Police detain *protesters during* a protest in Minsk"
                    return prep in _PROTEST_SETTINGS
                act = act.head  # "police detained *protesters during* a protest"
            # the act is force, arrest or protest ("*arrests were made* during a march"), or protesters do it
            told = [by_index.get(t.i) for t in (act, *act.children) if t.dep_ in _ACT_DEPS or t is act]
            incident = any(r is not None and r.code[:2] in _INCIDENT_ROOTS for r in told) or any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _GATHERED for c in act.children
            )
            return (
                prep in _PROTEST_SETTINGS
                and incident
                and act.pos_ == "VERB"
                and act.dep_ not in ("acl", "relcl", "amod", "pcomp", "pobj")
                and not any(c.dep_ == "neg" for c in act.children)
            )
        if prep == "under":  # "police *came under* a grenade attack"
            return under_attack(tok)
        if prep not in _CAUSE_PREPS:
            # "... after aircraft carried out *a string of airstrikes*": the clause the noun is in
            verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return verb is not None and _caused(verb)
        return _outcome(tok.head.head)  # "people were treated *after* a chlorine gas attack"
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in _PROJECTILES and tok.lemma_.lower() in _FIRING:
        return True  # "hundreds of artillery shells *fired* by the occupiers at our positions"
    return _caused(tok) or _provoked(raw, by_index) or _scene_told(tok)


def _scene_told(tok: Token) -> bool:
    """Force told in a where-clause of an incident or protest noun: "condemned Monday's *incident where police
    used* excessive force to disperse protesters", "the rally, *where* troops *fired* on the crowd": the clause
    says what happened there (its "to disperse" purpose too)."""
    clause = tok.head if tok.dep_ == "xcomp" else tok
    if clause.dep_ != "relcl" or clause.head.lemma_.lower() not in _SCENES:
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in clause.children):
        return False  # "the protest where police *will* use tear gas": not told as done
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)


_SCENES = words("verbs_scene_nouns")


def _provoked(raw: _Raw, by_index: dict[int, _Raw]) -> bool:
    """A riot in an after/when/as clause that the main clause's force, arrests or repression answer: "police
    fired tear gas *after* protesters *threw stones*", "arrests were made after projectiles *were thrown* at
    police": the riot is the same incident, not an older event."""
    tok = raw.tok
    rioters = any(c.dep_ == "nsubj" and c.lemma_.lower() in _RIOTERS for c in tok.children)
    if tok.dep_ != "advcl" or not (raw.code == "145" or (rioters and raw.code.startswith(("18", "19", "1712")))):
        return False  # a riot, or people protesting who attack, storm or burn ("after protesters *stormed* ...")
    if not any(c.dep_ == "mark" and c.lower_ in _CAUSE_MARKS for c in tok.children):
        return False
    main = tok.head
    acts = [t for t in (main, *main.children) if t is main or t.dep_ in _ACT_DEPS]
    acts += [p for c in main.children if c.dep_ == "agent" for p in c.children]  # "rocked *by* violence"
    acts += [p for t in acts[1:] for c in t.children if c.lower_ == "of" for p in c.children]  # "dozens of *arrests*"
    if any(t.lemma_.lower() in _UNREST for t in acts[1:]):
        return True  # "the city was rocked by *violence* after protesters clashed with police"
    told = [by_index.get(t.i) for t in acts]
    return any(r is not None and r is not raw and (r.code[:2] in ("17", "18", "19") or r.code == "145") for r in told)


_UNREST = words("verbs_unrest_nouns")
_RIOTERS = words("incidents_protesting")


def _caused(clause: Token) -> bool:
    """An after/when/as clause whose main clause reports deaths or injuries with no doer."""
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _CAUSE_MARKS for c in clause.children):
        return False
    main = clause.head
    if main.dep_ == "relcl" and main.head.lemma_.lower() in _SCENES and main.head.dep_ == "pobj":
        # "were injured in the protest *that took place* on Wednesday after forces used tear gas"
        main = main.head.head.head
    return _outcome(main)


def _outcome(outcome: Token) -> bool:
    """Deaths or injuries reported with no doer of their own ("six people were killed", "people sustained
    injuries")."""
    if outcome.lemma_.lower() not in _OUTCOMES and not _treated(outcome):
        return False
    return not any(c.dep_ in ("nsubj", "agent") and c.pos_ != "NOUN" for c in outcome.children) and not any(
        c.dep_ == "agent" for c in outcome.children
    )


def _treated(verb: Token) -> bool:
    """ "Children *received treatment* after ...", "dozens *needed* medical care": people treated, as "were treated"."""
    return verb.lemma_.lower() in ("receive", "need", "require", "seek") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _CARE for c in verb.children
    )


_CARE = frozenset({"treatment", "care", "hospitalisation", "hospitalization"})


def under_attack(noun: Token) -> bool:
    """ "The base *came under* a missile attack", "police *were under* fire": the attack is the news, its
    victim the subject."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_ in ("come", "be")


def _come_under(noun: Token) -> bool:
    """ "*came under* criticism / fire / attack": an act its subject suffers, from then on (not "is under
    sanctions", a state)."""
    return under_attack(noun) and noun.head.head.lemma_ == "come"


# Reasons a figurative attack is blamed for ("came under fire *for* its handling", "*over* the killings"),
# not a span of time ("*over* the weekend", "*for* hours")
_REASON_PREPS = frozenset({"for", "over"})
_SPANS = frozenset({"hour", "day", "night", "week", "weekend", "month", "year", "period", "time", "minute"})


def _blamed_for(noun: Token) -> bool:
    """ "came under fire *for failing* to halt the violence", "under attack from critics *over* the cuts":
    words, whatever the noun (111). On the noun or on the verb it hangs under."""
    doers = [
        o
        for holder in (noun, noun.head.head)
        for p in holder.children
        if p.dep_ == "prep" and p.lower_ in ("from", "by")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for holder in (noun, noun.head.head, *doers):  # "from critics *over* the cuts" hangs on the critics
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _REASON_PREPS:
                continue
            for obj in prep.children:
                if obj.dep_ == "pcomp":
                    return True  # "for *failing* to ..."
                if obj.dep_ == "pobj" and obj.ent_type_ not in ("DATE", "TIME") and obj.lemma_.lower() not in _SPANS:
                    return True
    came = noun.head.head
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _FORCES for c in came.children):
        return False  # "troops came under fire after they said ...": fire at soldiers is force
    return any(_said_when(c) for c in came.children)


_FORCES = words("coder_moved") | {"army", "convoy", "military", "patrol"}
_SAYING = REPORTING | {"call", "compare", "describe", "dismiss", "label", "liken", "refer", "suggest", "urge"}


def _said_when(clause: Token) -> bool:
    """ "came under fire *when he called on* Israel to ...", "*after saying* the vote was rigged": what its
    subject said is the reason."""
    if clause.dep_ == "prep" and clause.lower_ == "after":
        return any(c.dep_ == "pcomp" and c.lemma_.lower() in _SAYING for c in clause.children)
    if clause.dep_ != "advcl" or clause.lemma_.lower() not in _SAYING:
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "after") for c in clause.children)


def _figurative_attacks(raws: list[_Raw]) -> None:
    """An attack or fire that its subject came under *for* something is criticism (111), not force: "the
    government came under fire for its handling of the floods", "Rousseff came under attack over the cuts".
    Force that comes with a reason stays force only when the reason is no phrase of blame, which volte
    cannot tell; a doer named by its civic role is read by the coder (``coder._civic``)."""
    for raw in raws:
        if not raw.dropped and raw.noun and raw.code[:2] == "19" and under_attack(raw.tok) and _blamed_for(raw.tok):
            raw.code = "111"


_PROBLEMS_FOUGHT = words("verbs_problems_fought")
_CAUSES_FOUGHT_FOR = words("verbs_causes_fought_for")
_FIGHTING_WORDS = words("verbs_fighting_words")
_ASKING = words("verbs_asking")


def _fought(tok: Token) -> list[tuple[Token, frozenset[str]]]:
    """What a fighting word fights, with the prepositions it may come in: its direct object (and conjuncts),
    the object of "against" (and "on" after "war"), and what is fought "for"; for "waged war on", the war's."""
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj" and _lemma(c) == "war"]
    out: list[tuple[Token, frozenset[str]]] = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("dobj", "nsubjpass") and holder is tok:
                out.extend((o, _PROBLEMS_FOUGHT) for o in (c, *c.conjuncts))
            elif c.dep_ == "prep" and c.lower_ in ("against", "on", "for"):
                if c.lower_ == "on" and _lemma(holder) != "war" and len(holders) == 1:
                    continue  # "war *on* poverty", "waged war *on* poverty" (the parser hangs it on the verb)
                known = _CAUSES_FOUGHT_FOR if c.lower_ == "for" else _PROBLEMS_FOUGHT
                out.extend((o, known) for p in c.children if p.dep_ == "pobj" for o in (p, *p.conjuncts))
    return out


def _figurative_fights(raws: list[_Raw]) -> None:
    """Fighting a problem or for a cause is no force: "vowed to *fight corruption*", "*battling the
    pandemic*", "*waged war on* poverty", "a father *fighting for justice*", "*fighting the root causes* of
    migration". The fought thing (or one of its modifiers: "*climate* change") names a problem
    (words.yml ``verbs_problems_fought``) or a cause (``verbs_causes_fought_for``); a side fought stays force."""
    for raw in raws:
        if raw.dropped or raw.pattern.code[:2] != "19":
            continue
        wars = any(c.dep_ == "dobj" and _lemma(c) == "war" for c in raw.tok.children)  # "declared *war* on"
        if _lemma(raw.tok) not in _FIGHTING_WORDS and not wars:
            continue
        if any(_lemma(o) in known or not _modifier_lemmas(o).isdisjoint(known) for o, known in _fought(raw.tok)):
            raw.dropped = True


def _questions(raws: list[_Raw]) -> None:
    """Asking *about* something, or *whether* / *how* something is, is a question, not an appeal: "when *asked
    about* the sanctions, Lavrov said", "Karzai *asked about* his health", "reporters *asked whether* talks
    would resume". An appeal asks someone *to* act or *for* something ("asked Kabul to release", "asked for
    aid"), which these clauses are not."""
    for raw in raws:
        if raw.dropped or raw.noun or raw.code[:2] != "02" or _lemma(raw.tok) not in _ASKING:
            continue
        children = list(raw.tok.children)
        if any(c.dep_ == "xcomp" for c in children):
            continue  # "asked Kabul *to release*": an appeal
        if any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in children):
            continue
        about = any(c.dep_ == "prep" and c.lower_ in ("about", "after") for c in children)
        whether = any(
            c.dep_ in ("ccomp", "advcl") and any(m.lower_ in ("whether", "if") and m.dep_ == "mark" for m in c.children)
            or c.dep_ == "ccomp" and c.left_edge.tag_ in ("WRB", "WP", "WDT")
            for c in children
        )
        if about or whether:
            raw.dropped = True


_MEASURES = words("verbs_retaliatory_measures")
_WEAPONS_USED = words("verbs_weapons_used")


def _answered_with(raws: list[_Raw]) -> None:
    """Criticism told with a phrasal verb whose "with" phrase names force or a measure is that force or
    measure: "Iran hit back at Israel *with missile strikes*" (190, the coder reads the weapon), "China hit
    back *with tariffs* on US goods" (163); "hit back at critics *with a statement*" stays words (111)."""
    for raw in raws:
        if raw.dropped or raw.noun or raw.code != "111":
            continue
        used = [
            o
            for p in raw.tok.children
            if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        words_of = {w.lemma_.lower() for o in used for w in (o, *o.children) if w.dep_ in ("pobj", "compound", "amod")}
        if words_of & _MEASURES:
            raw.code = "163"
        elif words_of & (_FORCE_WORDS | _EXPLOSIVES | _WEAPONS_USED):
            raw.code = "190"


def _suffered(raw: _Raw) -> bool:
    """An act the clause's subject suffers, told as a noun: what it came under in an asserted clause ("*came
    under fire* from"; not "which came under"), or criticism it came under or was met with."""
    tok = raw.tok
    return (_come_under(tok) and assess(tok.head.head).status == "asserted") or _criticism_received(raw)


def _criticism_received(raw: _Raw) -> bool:
    """Criticism that the clause's subject comes under or is met with ("Hungary *came under* criticism from
    the EU", "the plan *was met with* condemnation from Brussels"): aimed at the subject."""
    prep = raw.tok.head
    if raw.code[:2] != "11" or prep.dep_ != "prep":
        return False
    if prep.lower_ == "under":
        return under_attack(raw.tok)
    return prep.lower_ == "with" and prep.head.lemma_ in ("meet", "greet") and is_passive(prep.head)


def _culpable(tok: Token) -> bool:
    return (tok.lower_ in _RESPONSIBLE and tok.dep_ == "acomp" and tok.head.lemma_ == "be") or _behind(tok)


def _blames(be: Token) -> bool:
    """ "was *responsible* for", "was *behind*": a copula whose predicate lays blame."""
    return any(_culpable(c) for c in be.children)


def _hedged_blame(tok: Token, modality: Modality) -> bool:
    """Blame its speaker hedges with an adverb or a passive of belief ("said X was *probably* behind it", "X is
    *believed to be* behind it, officials said"), not with a modal ("*may have been* responsible") or a condition."""
    return (
        _culpable(tok)
        and modality.speaker is not None
        and not modality.conditional
        and not any(c.tag_ == "MD" for c in tok.head.children)
    )


def _said_predicate(noun: Token) -> bool:
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
_THREAT_NOUNS = frozenset({"threat", "danger", "menace"})


def _infinitive_of(noun: Token) -> bool:
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


def _said(tok: Token) -> Modality:
    """The factuality of a trigger; a predicate "behind" takes its clause's ("said Iran *was behind* it"). Blame
    under a passive of belief ("militants *are suspected to be* behind the blasts, the minister said") is no
    allegation inside an accusation but the speaker's own hedged one."""
    modality = assess(tok.head if _behind(tok) else tok)
    be = tok.head
    if modality.status == "alleged" and _culpable(tok) and be.dep_ == "xcomp" and be.head.lemma_ in _RAISING:
        outer = assess(be.head)
        if is_passive(be.head) and outer.speaker is not None and outer.status == "asserted":
            return replace(outer, status="hypothetical")
    return modality


def _behind(tok: Token) -> bool:
    """ "X *was behind* the attack": the predicate "behind" with an object, which names its doer."""
    return (
        tok.lower_ == "behind"
        and tok.dep_ == "prep"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "pobj" for c in tok.children)
    )


def _governing_word(noun: Token) -> Token | None:
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    if noun.dep_ == "pobj" and _behind(noun.head):
        return noun.head  # "was *behind* the bombing"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head is not noun.head:
        return noun.head.head
    return None


def _apply_factuality(raws: list[_Raw]) -> None:
    by_index = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in raws:
        if raw.dropped:
            continue
        modality = _said(raw.tok)
        raw.modality = modality
        status = modality.status
        governor = by_index.get(modality.governor) if modality.governor is not None else None
        if governor is raw:
            governor = None
        if status in ("negated", "refusal") and modality.nominal and raw.code[:2] in ("10", "11", "12", "13"):
            status = "asserted"  # "rejected the accusation": the accusation was still made
        if status == "negated" and raw.pattern.idiom is not None:
            status = "asserted"  # "is *not* up for discussion": the negation is the idiom's own
            modality = raw.modality = replace(modality, status=status, speaker=_idiom_speaker(raw.tok))
        if raw.pattern.speaker_source and modality.speaker is None:
            raw.dropped = True  # "China is committing genocide" is an accusation only when someone says it
        elif status == "background" and modality.temporal and raw.code[:2] in _INCIDENT_ROOTS:
            pass  # violence and protest in a clause of the same time happened: "as protesters *clashed* with police"
        elif status == "background" and raw.noun and _suffered(raw):
            pass  # "the minister *came under criticism* from", "was met with condemnation": the news
        elif status == "background" and raw.code[:2] in _INCIDENT_ROOTS and _incident_setting(raw, by_index):
            pass  # "detained *during a protest*", "six were killed *after* troops *opened fire* on protesters"
        elif raw.pattern.negated_only:  # "did not give permission for the rally": a refusal; given, no event
            raw.dropped = status != "negated" or _so_far(raw.tok)
        elif status == "negated" and _failed_agreement(raw):
            raw.code = "164"  # "X and Y failed to reach agreement": talks that came to nothing (the codebook's 164)
        elif status in ("negated", "alleged", "background"):
            raw.dropped = True
        elif modality.self_refusal and raw.pattern.symmetric and not _partner_named(raw):
            raw.dropped = True  # "X and Y will not hold talks": nobody refuses anybody
        elif modality.self_refusal:
            raw.code = governed_code("refusal", raw.code) or "120"
        elif status == "hypothetical" and modality.modal_threat and raw.code[:2] in _HOSTILE_ROOTS:
            raw.code = governed_code("threat", raw.code) or "130"
        elif modality.by_speaker and modality.speaker is not None:
            raw.code = governed_code(status, raw.code) or ("100" if status == "demand" else "020")
            reporter = by_index.get(raw.tok.doc[modality.speaker].head.i)
            if reporter is not None and reporter is not raw and reporter.pattern.clause_aux:
                reporter.dropped = (
                    True  # "said Sudan must *return* the helicopter" is the more specific demand
                )
            raw.dropped = governor is not None  # "must be *ready* to talk": the readiness is the demand
        elif status in _KEEPING:
            raw.dropped = True
            if governor is not None:
                _specialise_governor(governor, status, raw)
        elif status == "committed" and _reported_past(raw.tok):
            pass  # "evidence *suggests* that forces used force to suppress a protest": a report, not a pledge
        elif status == "committed" and raw.code[:3] in _AGREED_MEASURES and _agreed_measure(raw.tok, modality):
            pass  # "EU leaders *agreed to impose* sanctions on Russia": the decision imposes them, no threat
        elif status in ("future", "committed", "threat", "poised"):  # poised: "troops prepared to attack"
            intent = raw.pattern.intent if status != "threat" else None
            raw.code = intent or governed_code(status, raw.code) or raw.code
            raw.factuality = "future" if status == "future" else "asserted"
        elif status == "enacted":
            if governor is not None:
                governor.dropped = True  # "ordered a mobilisation" is the mobilisation, not a demand
        elif status == "hypothetical" and _hedged_blame(raw.tok, modality):
            pass  # "said Boko Haram was *probably* (believed to be) behind the attack": blame, hedged, still laid
        elif status == "hypothetical" and modality.conditional and raw.code[:2] in _CONDITIONAL_ACTS:
            pass  # "warned of consequences *if* ...": the warning itself was made
        elif status == "hypothetical":
            raw.factuality = "hypothetical"
        governed = status != "hypothetical" or modality.governor is not None
        if not raw.dropped and status in _YIELDING and governed:
            _drop_governors(raw, by_index, governor)


# Measures against someone that a body's agreement takes (_agreed_measure): broken relations, sanctions and
# embargoes, expulsions. Not halts and suspensions (160, 162, 164): "agreed to halt construction" yields.
_AGREED_MEASURES = frozenset({"161", "163", "166"})


def _agreed_measure(tok: Token, modality: Modality) -> bool:
    """A measure against someone (_AGREED_MEASURES) that its takers *agreed* to, in the past tense: "EU
    ministers agreed to impose new sanctions", "agreed to the arms embargo". A body's agreement on such a
    measure is the decision that takes it, not a threat (1312); "pledged" or "will agree" stay a
    commitment."""
    if modality.governor is None:
        return False
    governor = tok.doc[modality.governor]
    # the agreement itself happened: past, and asserted ("will agree", "did not agree", "is expected to agree" are not)
    return governor.lemma_.lower() == "agree" and governor.tag_ in ("VBD", "VBN") and assess(governor).status == "asserted"


_REACHING = frozenset({"reach", "strike", "clinch", "agree", "seal", "forge", "come"})


def _failed_agreement(raw: _Raw) -> bool:
    """Talks that end in no agreement, told as an agreement not reached: "X and Y *failed to* reach agreement
    on", "could not / did not strike a deal". The CAMEO codebook's own example of 164 (halt negotiations),
    two reciprocal events; not a treaty unsigned or unratified ("did not sign the treaty" may still come),
    nor "has not yet reached"."""
    tok = raw.tok
    if raw.noun or not raw.pattern.reached or _lemma(tok) not in _REACHING:
        return False
    if tok.dep_ == "xcomp" and _lemma(tok.head) == "fail":
        failed = not any(c.dep_ == "neg" for c in tok.head.children)  # "did not fail to reach": it was reached
        clause = tok.head
    else:
        failed = any(c.dep_ == "neg" for c in tok.children) and not _so_far(tok)
        clause = tok
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    # "*after* European leaders failed to reach a deal", "leaders who failed to agree": background
    return failed and clause.dep_ not in ("advcl", "relcl", "acl", "pcomp")


def _so_far(verb: Token) -> bool:
    """ "has not *yet* reached", "have *so far* not given": still pending, not refused."""
    return any(t.lower_ in ("yet", "far", "still") for c in verb.children for t in (c, *c.children))


def _idiom_speaker(be: Token) -> int | None:
    """Who says an idiom's copula: "Turkey said the border is not up for discussion", "..., Turkey said"."""
    reporters = [c for c in be.children if c.dep_ == "parataxis" and c.lemma_ in REPORTING]
    if be.dep_ == "ccomp" and be.head.lemma_ in REPORTING:
        reporters.insert(0, be.head)
    return next((s for r in reporters if (s := speaker_of(r)) is not None), None)


def _ruled_out_acts(raws: list[_Raw]) -> None:
    """What is ruled out is refused: "said *lifting the ban* is out of the question" is a refusal to ease
    sanctions (1241), one event; the act itself is none."""
    by_index = {raw.tok.i: raw for raw in raws}  # the act may be dropped already (a clausal subject)
    for raw in raws:
        if raw.dropped or raw.pattern.idiom is None:
            continue
        for child in raw.tok.children:
            if child.dep_ not in ("csubj", "nsubj"):
                continue
            act = by_index.get(child.i)
            meaning = act.code if act is not None else _clause_meaning(child, threat=False) if child.pos_ == "VERB" else None
            code = governed_code("refusal", meaning) if meaning else None
            raw.code = code if code is not None and code[:2] == "12" else raw.code
            if act is not None:
                raw.partner = act  # refused to whom the act was aimed at: "removing the sanctions *on Burma*"
            for other in raws:  # what is ruled out is no event itself ("*sanctions*" in "lifting sanctions")
                if other is not raw and child.left_edge.i <= other.tok.i <= child.right_edge.i:
                    other.dropped = True


_ENDING = frozenset({"end", "conclude", "close", "break", "wrap", "finish", "adjourn"})
_AGREED = frozenset({"agreement", "deal", "accord", "breakthrough", "consensus", "settlement", "compromise", "result"})


def _talks_failed(raws: list[_Raw]) -> None:
    """Talks or a summit that "ended *without* a deal" or "failed to reach agreement" are a failure to agree
    between their sides (164 both ways), not a meeting: the failure is the news, the talks its setting."""
    for raw in raws:
        if raw.dropped or not raw.noun or raw.code[:2] != "04" or raw.tok.dep_ != "nsubj":
            continue
        verb = raw.tok.head
        if _lemma(verb) in _ENDING:
            withouts = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "without"]
            failed = any(_lemma(o) in _AGREED for p in withouts for o in p.children if o.dep_ == "pobj")
        elif _lemma(verb) == "fail" and not any(c.dep_ == "neg" for c in verb.children):
            reached = [c for c in verb.children if c.dep_ == "xcomp" and _lemma(c) in _REACHING]
            failed = any(_lemma(c) == "agree" or any(_lemma(o) in _AGREED for o in object_heads(c)) for c in reached)
        else:
            failed = False
        if failed and raw.pattern.symmetric:
            raw.code = "164"


# "the talks *collapsed* (broke down, fell apart, stalled)": the talks came to nothing
_COLLAPSING = frozenset({"collapse", "crumble", "unravel", "founder", "falter", "stall", "fizzle", "flounder", "implode"})
_COLLAPSING_PARTICLES = {"break": ("down", "up"), "fall": ("apart", "through")}
# An agreement noun is a signing only where it comes into being or into force: "a trade agreement between X
# and Y *came into force*", "*entered into* a deal with", "a deal between X and Y *was reached*"
_AGREEMENT_BORN = frozenset({"take", "come", "enter", "go", "create", "establish", "conclude", "reach", "sign", "seal",
    "strike", "ink", "finalise", "finalize", "agree", "clinch", "forge", "initial", "ratify", "announce", "unveil",
    "hammer", "broker", "secure", "achieve", "produce", "yield"})


def _collapsed(noun: Token, *, talks: bool) -> bool:
    """A nominal event that is the subject of a verb of failing: "talks between X and Y *collapsed*", "the
    truce *broke down*", "the deal *fell apart* (expired, lapsed)"."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head is noun:
        return False
    verb = noun.head
    lemma = _lemma(verb)
    if lemma in _COLLAPSING or (not talks and lemma in ("expire", "lapse", "end") and noun.dep_ == "nsubj"):
        return True
    particles = _COLLAPSING_PARTICLES.get(lemma, ())
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles for c in verb.children)


def _agreements_only_named(raws: list[_Raw]) -> None:
    """An agreement, truce or talks that failed is no agreement, truce or meeting ("the ceasefire between X and
    Y *collapsed*", "the peace deal *broke down*"); talks that collapsed are a failure to agree between their
    sides (164, as "ended without a deal" is). An agreement noun (057, ``reached``) is a signing only where it
    comes into being or into force (_AGREEMENT_BORN); named as a topic, a standard or a setting ("would not honor the
    agreement with", "support a peace treaty between", "the trade pact with the EU provides ...") it is none."""
    for raw in raws:
        if raw.dropped or not raw.noun:
            continue
        tok = raw.tok
        if raw.code[:2] in ("03", "04", "05", "08") and _collapsed(tok, talks=raw.code[:2] == "04"):
            if raw.code[:2] == "04" and raw.code != "045" and raw.pattern.symmetric:
                raw.code = "164"
            else:
                raw.dropped = True
            continue
        if not raw.pattern.reached or tok.dep_ == "ROOT" or tok.head is tok:
            continue
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "into" and head.head is not head:
            head = head.head  # "entered *into* a deal with Russia"
        elif tok.dep_ == "pobj" and head.lower_ in ("to", "on", "upon") and _lemma(head.head) in _AGREEING_TO:
            continue  # "agreed upon a new free-trade pact between the two countries": an agreement made
        elif tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            raw.dropped = True
            continue
        if tok.dep_ != "dobj" and _lemma(head) not in _AGREEMENT_BORN:  # "is *set (expected, due) to* take effect"
            head = next((c for c in head.children if c.dep_ == "xcomp"), head)
        raw.dropped = _lemma(head) not in _AGREEMENT_BORN


# A plan, offer or pledge given up: what it announced is no intent ("withdrew its plan *to honor* him")
_PLANS = frozenset({"plan", "offer", "proposal", "bid", "intention", "pledge", "promise", "commitment", "decision", "idea"})
_GIVING_UP = NOMINAL_NEGATING | {"withdraw", "drop", "shelve", "ditch", "rescind", "retract", "revoke", "reverse"}


def _abandoned_plans(raws: list[_Raw]) -> None:
    """An act announced by a plan (an offer, a pledge ...) that its maker abandoned, scrapped, cancelled,
    withdrew, dropped or shelved is no intent: "Uruguay withdrew its plan *to honor* Putin", "Russia scrapped
    its plan *to send* troops". Giving up the plan may be an event itself (0832)."""
    for raw in raws:
        if raw.dropped or raw.modality is None or raw.modality.governor is None:
            continue
        plan = raw.tok.doc[raw.modality.governor]
        if plan.pos_ != "NOUN" or _lemma(plan) not in _PLANS or plan.dep_ not in ("dobj", "nsubjpass"):
            continue
        giver = plan.head
        if giver is not plan and _lemma(giver) in _GIVING_UP and not any(c.dep_ == "neg" for c in giver.children):
            raw.dropped = True  # "will *not* reverse its decision upholding the conviction": the decision stands


def _partner_named(raw: _Raw) -> bool:
    """A two-sided act refused by one side that names the other ("the Taliban will not begin talks *with the
    government* until ..."): a refusal aimed at that partner, not two sides that simply will not meet."""
    subjects = [c for c in raw.tok.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "conj" for s in subjects for c in s.children):
        return False
    if _conditions(raw.tok, _IF):
        return False  # "if talks collapsed, the EU would not sign the deal with Mercosur": no refusal yet
    return bool(_heads(raw.pattern.targets_for(noun=raw.noun), raw.tok, noun=raw.noun))


def _reported_past(tok: Token) -> bool:
    """Whether an act told under a verb of commitment is a past deed in a "that" clause ("evidence
    suggests *that* security forces *used* force *to suppress* a protest"), not something pledged: the
    clause (or the one whose purpose infinitive or conjunct the act is) has a finite past-tense verb and
    no modal."""
    while tok.dep_ in ("xcomp", "advcl", "conj") and tok.head is not tok and tok.tag_ != "VBD":
        tok = tok.head
    if tok.dep_ != "ccomp" or tok.tag_ != "VBD":
        return False
    return not any(c.dep_ == "aux" for c in tok.children)


_CONSEQUENCES = words("verbs_consequences")
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def _drop_consequences(raws: list[_Raw]) -> None:
    """ "A roadside bomb struck a convoy, *killing* six soldiers", "stormed a village, *torching* houses": the
    deaths and fires are the outcome of the attack already coded (or of the blast that is the clause's
    subject), one event."""
    live = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in raws:
        tok = raw.tok
        if raw.dropped or tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.lemma_.lower() not in _CONSEQUENCES:
            continue
        head = tok.head
        doers = [t for t in head.children if t.dep_ in ("nsubj", "nsubjpass")]
        causes = [live.get(t.i) for t in (head, *doers)]
        if any(c is not None and c is not raw and c.code[:2] in _VIOLENT_ROOTS for c in causes):
            raw.dropped = True


def _protest_aims(raws: list[_Raw]) -> None:
    """ "began a hunger strike *to demand* his resignation", "demonstrated, *calling for* independence": what
    protesters ask for is the protest's aim, not a second event (appeals, demands, complaints)."""
    live = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in raws:
        tok, head = raw.tok, raw.tok.head
        if raw.dropped or raw.noun or raw.code[:2] not in ("02", "10", "11") or tok.dep_ not in _AIM_DEPS:
            continue
        near = [head] if head.i in live else [head, *(c for c in head.children if c.dep_ == "dobj")]
        if any(t.i in live and live[t.i].code[:2] == "14" for t in near):
            raw.dropped = True


_AIM_DEPS = frozenset({"advcl", "xcomp", "acl"})


def _peacekeeping_moves(raws: list[_Raw]) -> None:
    """ "sent 200 soldiers *to join* the UN peacekeeping mission": the troops sent are the peacekeeping
    contribution (074) their purpose names, not a show of force (15x) or military aid (072) of their own."""
    joined = [
        raw
        for raw in raws
        if not raw.dropped and not raw.noun and raw.pattern.code == "074" and raw.tok.dep_ in _AIM_DEPS
        and raw.factuality != "hypothetical"  # only an aim: the sending stays the event
    ]
    if not joined:
        return
    live = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in joined:
        mover = live.get(raw.tok.head.i)
        if mover is not None and mover is not raw and (mover.pattern.code[:2] == "15" or mover.pattern.code == "072"):
            mover.dropped = True


_HELPING_AIMS = words("verbs_helping_aims")
_REPRESSING = words("verbs_repressing_aims")
_ATTACKS = words("coder_violent_acts")
_OWN_POSSESSIVES = words("third_person_possessives") | {"our"}  # "to support *our* offensive" too
_OPERATIONS = _ATTACKS | {"campaign", "effort", "offensive", "operation", "push", "war"}


def _helping_moves(raws: list[_Raw]) -> None:
    """ "deployed 2,000 soldiers *to help* the United States", "is deploying 500 troops to Liberia *to help
    with* the response": armed men sent to help someone are military aid to them (072), not a show of force
    (153/154) at them. Not an aim inside an attack ("deployed aircraft *to assist in the attack*") nor the
    sender's own operation ("to support *its* offensive"), whose deployment stays a show of force."""
    for raw in raws:
        arrival = raw.pattern.id == "aid.arrive_to_help"  # "arrived in Nepal *to help deliver aid*"
        if raw.dropped or raw.noun or (raw.code not in ("153", "154") and not arrival):
            continue
        aim = next(
            (c for c in raw.tok.children if c.dep_ in _AIM_DEPS and is_to_infinitive(c)),
            None,
        )
        if aim is None or aim.lemma_.lower() not in _HELPING_AIMS:
            continue
        if arrival:  # the pattern's own 072; "arrived to help the police *crush* the protests" is no aid
            raw.dropped = any(t.lemma_.lower() in _ATTACKS | _REPRESSING for t in aim.subtree if t.i != aim.i)
            continue
        objects = [c for c in aim.children if c.dep_ == "dobj"]
        if any(
            o.lemma_.lower() in _OPERATIONS and any(d.dep_ == "poss" and d.lower_ in _OWN_POSSESSIVES for d in o.children)
            for o in objects
        ):
            continue  # "to support *its* offensive" (not "to reassure its ally")
        if not objects and any(t.lemma_.lower() in _ATTACKS for t in aim.subtree):
            continue  # "to assist in the attack": a part of the attack
        raw.code = "072"


_EXPLOSIVES = words("verbs_explosives")


def _explosive_doers(raws: list[_Raw]) -> None:
    """ "A roadside *bomb struck* a convoy", "two *explosions hit* a crowd": an attack whose doer is an
    explosive is a bombing (183)."""
    for raw in raws:
        if raw.dropped or raw.noun or raw.code != "190":
            continue
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in _EXPLOSIVES for c in raw.tok.children):
            raw.code = "183"


def _specialise_by_clause(raws: list[_Raw]) -> None:
    """Appeals, demands and refusals whose complement is no event pattern take their 3-digit code from
    the complement verb ("urged the bank to *help* finance ..." is 023)."""
    matched = {raw.tok.i: raw for raw in raws}
    for raw in raws:
        family = {"02": "appeal", "03": "committed", "10": "demand", "12": "refusal", "13": "threat"}.get(
            raw.code[:2]
        )
        if raw.dropped or family is None:
            continue
        if any(CLAUSE_CODES.get(c.lemma_.lower()) == "045" for c in _complements(raw.tok)):
            # "called on the UN to *broker* an agreement", "rejected an offer *to mediate*": mediation
            raw.code = governed_code(family, "045") or raw.code
            continue
        if raw.code not in ("020", "030", "100", "120", "130", "124"):
            continue
        for child in _complements(raw.tok):
            embedded = matched.get(child.i)  # an event the factuality pass left unspecialised
            meaning = embedded.pattern.code if embedded else _clause_meaning(child, threat=family == "threat")
            if family in ("appeal", "committed", "demand") and _forgoing_force(child, embedded):
                meaning = "087"  # "vowed *not to use force*", "urged Serbia *not to attack*": de-escalation
            code = governed_code(family, meaning) if meaning else None
            if code is not None and is_code(code) and code[:2] == raw.code[:2]:
                raw.code = code
            break


_FORCE_WORDS = words("verbs_force_words")


def _forgoing_force(clause: Token, embedded: _Raw | None) -> bool:
    """A complement that gives up force: a negated use of force ("not to use force", "not to attack", "not
    to threaten"), or refraining from it ("to refrain from the use of force", "to abstain from attacks"). Asked
    for, demanded or promised, it is de-escalation (0256, 1056, 0356), not the act's own code or none."""
    lemma = clause.lemma_.lower()
    if lemma in ("refrain", "abstain"):
        objects = [p for c in clause.children if c.lower_ == "from" for p in c.children if p.dep_ in ("pobj", "pcomp")]
        named = [o for o in objects for w in (o, *o.children) if w.lemma_.lower() in _FORCE_WORDS]
        return bool(named)
    if not any(c.dep_ == "neg" for c in clause.children):
        return False
    if embedded is not None and embedded.pattern.code[:2] in ("13", "15", "18", "19", "20"):
        return True
    if lemma == "use":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _FORCE_WORDS for c in clause.children)
    return lemma in _FORCE_WORDS


def _complements(verb: Token) -> list[Token]:
    """The clauses that say what is asked or refused: the verb's own complement, or the infinitive (or
    subjunctive) of the request it rejects ("rejected calls *to adopt* reforms", "demands that he *step*
    down")."""
    own = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or _to_advcl(c)]
    if own:
        return own[:1]
    requests = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in _REQUESTS]
    asked = [c for o in requests for c in o.children if c.dep_ in ("acl", "relcl", "ccomp")]
    return [c for c in asked if is_to_infinitive(c) or any(m.dep_ == "mark" for m in c.children)][:1]


_REQUESTS = words("verbs_requests")


def _clause_meaning(verb: Token, *, threat: bool) -> str | None:
    """What a complement verb that is no pattern asks for, refuses or threatens."""
    lemma = verb.lemma_.lower()
    if lemma in ("resign", "abdicate") or (
        lemma == "step" and any(c.dep_ == "prt" and c.lower_ in ("down", "aside") for c in verb.children)
    ):
        return "0831"  # "urged him to step down", "declined to resign"
    table = THREAT_CLAUSE_CODES if threat else CLAUSE_CODES
    return table.get(lemma) or _object_meaning(verb)


def _object_meaning(verb: Token) -> str | None:
    """What a complement verb that names no act itself ("resume", "deliver", "respect") asks for, refuses
    or threatens, read from its object: "threatened to resume *attacks*" (138), "to resume *terrorist*
    activities" (1383), "urged the rebels to honour human *rights*" (0243)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "agree *to* constitutional changes"
    tos = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    objects += [p for c in tos for p in c.children if p.dep_ == "pobj"]
    for obj in objects:
        words = [c.lemma_.lower() for c in obj.children if c.dep_ in ("amod", "compound")]
        words.append(obj.lemma_.lower())
        meaning = next((OBJECT_MEANINGS[w] for w in words if w in OBJECT_MEANINGS), None)
        if meaning is not None:
            return meaning
    return None


def _drop_governors(raw: _Raw, by_index: dict[int, _Raw], governor: _Raw | None) -> None:
    """The governing verbs of a kept event give way to it: in "agreed to undertake joint exercises"
    neither "agreed" nor "undertake" is a second event. Only complement edges are followed: an event
    in an "unless" clause does not silence the threat it qualifies."""
    if governor is not None and _bare_or_cued(governor, raw):
        governor.dropped = True
    tok = raw.tok
    while tok.dep_ in _GOVERNED_EDGES and tok.head is not tok:
        tok = tok.head
        other = by_index.get(tok.i)
        if other is not None and other is not raw and governor_lemma(tok) in _GOVERNING_LEMMAS:
            if _bare_or_cued(other, raw):
                other.dropped = True


def _bare_or_cued(governor: _Raw, raw: _Raw) -> bool:
    """A governor gives way when it is only a governor, or when the kept event is one of its own cues;
    "agreed to a ceasefire at talks" keeps the agreed ceasefire although "talks" hangs on "agreed"."""
    return not governor.cues or raw.tok.i in governor.cues or governor.pattern.xcomp == ("any",)


def _specialise_governor(governor: _Raw, status: str, embedded: _Raw) -> None:
    """Only within the governor's own root: an appeal stays an appeal. A refusal that takes the embedded
    act's code takes its partner too (:func:`_to_match`)."""
    code = governed_code(status, embedded.code)
    if code is not None and is_code(code) and governor.pattern.code[:2] == code[:2]:
        governor.code = code
        if status == "refusal":  # an appeal or demand is aimed at whom it asks ("urged Japan to talk")
            governor.partner = embedded


def _to_match(raw: _Raw) -> VerbMatch:
    tok, pattern = raw.tok, raw.pattern
    modality = raw.modality or Modality("asserted")
    start, end = _trigger_span(tok, pattern)
    source_slots = pattern.sources_for(noun=raw.noun)
    if raw.noun and tok.dep_ == "pobj" and tok.head.lower_ in _PROTEST_SETTINGS:
        # "police detained activists *during a protest*": the subject of the sentence is not the protester
        source_slots = tuple(slot for slot in source_slots if not slot.startswith("governor_"))
    targets = _heads(pattern.targets_for(noun=raw.noun), tok, noun=raw.noun)
    if not raw.noun and tok.dep_ in ("xcomp", "advcl") and _phoned_to(tok, tok.head):
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
        lent = _heads(partner.pattern.targets_for(noun=partner.noun), partner.tok, noun=partner.noun)
        targets = lent + tuple(i for i in targets if i not in lent)
    verb_doers: tuple[int, ...] = ()
    if raw.noun and tok.dep_ == "pobj" and (under_attack(tok) or _criticism_received(raw)):
        # "the base came under attack", "the plan was met with condemnation from Brussels": the victim; the
        # doer is in a from/by phrase, on the noun or on the verb ("came under attack Tuesday *by* ...")
        source_slots = ("prep:from", "prep:by") + tuple(
            slot for slot in source_slots if not slot.startswith("governor_") and slot not in ("prep:from", "prep:by")
        )
        verb_doers = _heads(("prep:by", "prep:from"), tok.head.head, noun=False)
        victims = tuple(c.i for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        targets = victims + tuple(i for i in targets if i not in victims)
    sources = _heads(source_slots, tok, noun=raw.noun)
    sources += tuple(i for i in verb_doers if i not in sources)
    if modality.speaker is not None and (pattern.speaker_source or modality.by_speaker):
        # the speaker demands of / accuses the doer; an idiom's speaker refuses to whom the act was aimed at
        sources, targets = (modality.speaker,), (lent if pattern.idiom is not None and lent else sources)
    if not targets and raw.code[:2] == "13":
        # "threatened to strike *unless the government* reversed the rise": the threat is aimed at the condition
        anchors = [tok] + ([tok.doc[modality.governor]] if modality.governor is not None else [])
        targets = tuple(i for anchor in anchors for i in _heads(("condition_subject",), anchor, noun=False))
    if raw.code[:2] == "12" and modality.self_refusal:
        # "will not end their strike *until the government* raises pay": refused to whoever must act first
        # (after the act's own target: "will not lift the embargo on Venezuela until Caracas ...")
        targets += tuple(x.i for x in _condition_subjects(tok, _CONDITIONS) if x.i not in targets)
        # "... until their demands are met *by the authorities*": the agent of a passive condition acts first
        agents = [p for c in _conditions(tok, _CONDITIONS) for a in c.children if a.dep_ == "agent" for p in a.children]
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


def _heads(slots: tuple[str, ...], tok: Token, *, noun: bool) -> tuple[int, ...]:
    seen: list[int] = []
    for slot in slots:
        for head in slot_heads(slot, tok, noun=noun):
            if head.i not in seen and head.i != tok.i:
                seen.append(head.i)
    return tuple(seen)


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
