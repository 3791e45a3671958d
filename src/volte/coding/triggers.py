"""Matching one verb pattern against one trigger word (format: docs/verbs.md): the trigger's :class:`Site` (its
objects, subject words, particles and clauses, read once from the parse however many patterns are tried),
:func:`fit` (the cue tokens a pattern used, or None) and :class:`Raw`, a pattern that fit, which the passes over a
sentence's matches then drop, recode or mark. Also the word readers the verb modules share (``lower_lemma``,
``is_passive``, ``is_time``, ``participle_agents``).

Used by :mod:`volte.coding.verbs` and the modules it calls; the event modules (event_builder, event_doers,
event_sides, event_targets) read ``is_passive``, ``is_time`` and ``participle_agents``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from volte.coding import lexicon
from volte.coding.factuality import Modality, is_to_infinitive, obligation
from volte.coding.lexicon import words
from volte.coding.predicates import (
    THREAT_NOUNS,
    characterisation,
    infinitive_of,
    said_predicate,
    under_attack,
)
from volte.coding.verb_dictionary import Pattern

_TIME_NOUNS = lexicon.words("coder_time_nouns")


_PARTICLE_DEPS = ("prt", "acomp", "oprd", "advmod", "npadvmod")


@dataclass
class Raw:
    """A pattern that fit one trigger, which the passes over a sentence's matches drop, recode or mark."""

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
    partner: Raw | None = None


class Site:
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
            self._objects = [(o, lower_lemma(o), modifier_lemmas(o)) for o in words]
        return self._objects

    def child(self, deps: tuple[str, ...], words: tuple[str, ...], *, lemma: bool = True) -> Token | None:
        anything = words == ("any",)
        for c in self.children:
            if c.dep_ in deps and (anything or (lower_lemma(c) if lemma else c.lower_) in words):
                return c
        return None


def fit(pattern: Pattern, site: Site) -> frozenset[int] | None:
    """The token indices the pattern's cues used when it fits the trigger, else None."""
    cues: set[int] = set()
    if pattern.idiom is not None:
        said = _IDIOMS[pattern.idiom](site.tok)
        if said is None:
            return None
        cues.add(said.i)  # "out of the *question*", "up for *discussion*": no meeting
    if _rule_out(pattern, site):
        return None
    if pattern.particle:
        hit = site.child(_PARTICLE_DEPS, pattern.particle, lemma=False)  # "shot *dead*", "*test*-fired"
        if hit is None:
            return None
        cues.add(hit.i)
    if pattern.not_object and not pattern.own_object and _first(site.objects, pattern.not_object) is not None:
        return None
    if (pattern.subject or pattern.not_subject) and not _match_subjects(pattern, site, cues):
        return None
    matched, obj = _match_object(pattern, site, cues)
    if not matched:
        return None
    if not _match_preps(pattern, site, cues) or not _match_clauses(pattern, site, obj, cues):
        return None
    return frozenset(cues)


def _rule_out(pattern: Pattern, site: Site) -> bool:
    """Whether the trigger's voice, attack reading, said predicate or threat noun rules the pattern out."""
    if pattern.passive is not None and not site.noun and site.passive != pattern.passive:
        return True
    if pattern.under and not (site.noun and under_attack(site.tok)):
        return True
    if pattern.speaker_source and site.noun and not said_predicate(site.tok):
        # "said the strike *was an act of aggression*": a said predicate; "ordered an invasion" is the act
        return True
    if (
        site.noun
        and pattern.code[:2] == "13"
        and site.tok.lemma_.lower() in THREAT_NOUNS
        and not pattern.prep  # "posed a threat *of attack* on Kuwait" names the act threatened
        and characterisation(site.tok)
        and not infinitive_of(site.tok)
    ):
        # "Iran *poses a threat* to the region", "the orders *were a threat* to Guyana": what someone's acts are
        # called, no threat made (said, the speaker's criticism: accuse.say_is_threat); "was a threat *to impose*
        # sanctions" still names the threatened act
        return True
    return False


def _match_subjects(pattern: Pattern, site: Site, cues: set[int]) -> bool:
    """Whether no excluded subject and the wanted subject (added to ``cues``) are found."""
    subjects = [(o, lower_lemma(o), modifier_lemmas(o)) for o in _subject_words(site)]
    if pattern.not_subject and _first(subjects, pattern.not_subject) is not None:
        return False
    if pattern.subject:
        hit = _first(subjects, pattern.subject)
        if hit is None:
            return False
        cues.add(hit.i)
    return True


def _match_object(pattern: Pattern, site: Site, cues: set[int]) -> tuple[bool, Token | None]:
    """Whether the pattern's object is found (added to ``cues``), and that object (None when it wants none)."""
    if pattern.object == ("any",):  # a direct object of any kind ("*returned* two paintings to Brazil")
        hit = site.child(("dobj", "nsubjpass") if site.passive else ("dobj",), ("any",))
        if hit is None or hit.tag_ == "DT" or hit.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):  # no stray "the"
            return False, None
        cues.add(hit.i)
        return True, hit  # its participle can be the xcomp cue: "ordered nine ministers *jailed*"
    if pattern.object:
        hit = _first(site.objects, pattern.object)
        if hit is None or (pattern.own_object and not _own_act(hit, pattern.not_object)):
            return False, None
        cues.add(hit.i)
        return True, hit
    return True, None


def _match_preps(pattern: Pattern, site: Site, cues: set[int]) -> bool:
    """Whether every prepositional phrase the pattern wants is found (each added to ``cues``)."""
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
            return False
        cues.add(hit.i)
    return True


def _match_clauses(pattern: Pattern, site: Site, obj: Token | None, cues: set[int]) -> bool:
    """Whether the clause with an auxiliary, the complement clause and the compound the pattern wants are found
    (each added to ``cues``)."""
    if pattern.clause_aux:
        auxes = pattern.clause_aux
        clauses = [c for c in site.children if c.dep_ == "ccomp" and _has_aux(c, auxes)]
        if not clauses:
            return False
        cues.add(clauses[0].i)
    # [any]: "told X *to* leave"
    clause_deps = ("xcomp",) if pattern.xcomp == ("any",) else ("xcomp", "ccomp", "advcl")
    for deps, wanted in ((clause_deps, pattern.xcomp), (("compound", "amod", "nmod"), pattern.compound)):
        if wanted:
            hit = site.child(deps, wanted)
            if not site.noun and obj is not None and wanted is pattern.compound:  # "provided *military* aid"
                hit = next((c for c in obj.children if c.dep_ in deps and lower_lemma(c) in wanted), None)
            if hit is None and obj is not None and deps is clause_deps:  # "gave permission *to deliver*"
                # "commitment *to supporting*": a gerund in a "to" phrase plays the part of an infinitive
                # an infinitive the parser makes a relative clause is one too ("an operation *to arrest* X")
                acls = [c for c in obj.children if c.dep_ == "acl" or to_relcl(c)] + to_gerunds(obj)
                hit = next((c for c in acls if lower_lemma(c) in wanted), None)
            if hit is None:
                return False
            if wanted == ("any",) and hit.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("dobj", "dative") for c in site.children):
                return False  # "..., a spokesman, *told dpa*": a participle with nobody told is no "told X to"
            cues.add(hit.i)
    return True


def to_relcl(clause: Token) -> bool:
    """A to-infinitive the parser hangs on a noun as a relative clause ("launched an operation *to arrest* the
    leader"): it plays the part of the noun's infinitive (acl)."""
    return clause.dep_ == "relcl" and is_to_infinitive(clause)


def to_gerunds(noun: Token) -> list[Token]:
    """The gerund of a noun's "to" phrase ("its commitment *to supporting* Lebanon"), which plays the part of
    a to-infinitive ("its commitment *to support* Lebanon")."""
    tos = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"]
    return [g for t in tos for g in t.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]


def _xcomps(tok: Token, lemmas: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "xcomp" and lower_lemma(c) in lemmas]


_COMMENT_REQUESTS = frozenset({"comment", "comments", "interview", "reaction", "clarification"})


def _asked_for_comment(request: Token) -> bool:
    """ "declined to respond to a request *for comment*": a question put to a spokesman (011), no rejection."""
    fors = [p for p in request.children if p.dep_ == "prep" and p.lower_ == "for"]
    return any(lower_lemma(o) in _COMMENT_REQUESTS for p in fors for o in p.children if o.dep_ == "pobj")


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
    if not_object and (lower_lemma(obj) in not_object or not modifier_lemmas(obj).isdisjoint(not_object)):
        return False
    while obj.dep_ == "conj" and obj.head is not obj:
        obj = obj.head
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in ("dobj", "nsubjpass"):
        obj = obj.head.head
    return obj.dep_ in ("dobj", "nsubjpass") and not others_act(obj)


def others_act(obj: Token) -> bool:
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
            c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG") or lower_lemma(c) in _OTHER_DOERS
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


def _subject_words(site: Site) -> list[Token]:
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


def modifier_lemmas(tok: Token) -> frozenset[str]:
    """Lemmas of a word's modifiers (and of stacked adjectives: "*joint* military exercises"), plus "many"
    for large numbers ("300,000 Rohingya") and "multitude" for hundreds of thousands or millions."""
    out = {lower_lemma(c) for c in tok.children if c.dep_ in _MODIFIERS}
    out |= {lower_lemma(g) for c in tok.children if c.dep_ == "amod" for g in c.children if g.dep_ == "amod"}
    # coordinated noun modifiers: "search-and-*rescue* teams", "food and *medicine* convoys"
    out |= {lower_lemma(g) for c in tok.children if c.dep_ in ("compound", "nmod") for g in c.conjuncts}
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


def lower_lemma(tok: Token) -> str:
    """A word's lemma, lower-cased."""
    return tok.lemma_.lower()


_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "quantmod"})


def _modified_by(tok: Token, words: tuple[str, ...]) -> bool:
    return any(c.dep_ in _MODIFIERS and lower_lemma(c) in words for c in tok.children)


_AMOUNTS = frozenset({"increase", "rise", "boost", "hike", "cut", "reduction", "amount", "sum", "total", "share"})


_REASONS = frozenset({"protest", "response", "retaliation", "solidarity", "reprisal"})

# Money given, and the infinitives that say what it pays for ("EUR 5 million *to fund* relief").
_MONEY = frozenset({"money", "cash", "fund", "funding", "grant", "dollar", "euro", "pound", "yen"})
_PAYING = frozenset({"fund", "finance", "pay", "cover", "buy", "purchase", "bankroll"})


def funded(verb: Token) -> tuple[list[Token], list[Token]]:
    """What money a verb gives pays for, and for whom: "EUR 5 million *for* humanitarian aid *for Yemen*",
    "$8 million *to fund* food aid *for Ethiopia*", "*to pay for* medical supplies *for* refugees", "the money
    *to finance* relief *in Haiti*". Returns (the things paid for, the for / to / in phrases that name who they
    are for); nothing when the verb's object is no sum of money."""
    amounts = [c for c in verb.children if c.dep_ == "dobj" and (_amount(c) or lower_lemma(c) in _MONEY)]
    if not amounts:
        return [], []
    things = [p for a in amounts for p in _pobjs(a, ("for",))]
    clauses = [c for a in amounts for c in a.children if c.dep_ in ("acl", "relcl")]
    clauses += [c for c in verb.children if c.dep_ in ("advcl", "xcomp")]
    clauses = [c for c in clauses if lower_lemma(c) in _PAYING and is_to_infinitive(c)]
    whom: list[Token] = []
    for clause in clauses:
        paid = [o for o in clause.children if o.dep_ == "dobj"] or _pobjs(clause, ("for",))[:1]
        things += paid
        whom += [p for p in _pobjs(clause, ("for", "to", "in")) if p not in paid]
    whom = [p for t in things for p in _pobjs(t, ("for", "to", "in"))] + whom
    return things, whom


_CARRYING = frozenset({"carry", "load", "laden", "transport", "bring"})


def carried(verb: Token) -> tuple[list[Token], list[Token]]:
    """What the vehicles a verb sends carry, and to whom: "dispatched two planes *carrying* medical aid *to
    Gaza*", "sent 50 trucks *loaded with* food *to Sudan*", "a ship *laden with* aid". Returns (the cargo, the
    to / for / into phrases of the participle or the cargo)."""
    carriers = [c for c in verb.children if c.dep_ == "dobj"]
    verbs = [a for c in carriers for a in c.children if a.dep_ in ("acl", "amod") and lower_lemma(a) in _CARRYING]
    cargo = [o for a in verbs for o in a.children if o.dep_ == "dobj"] + [o for a in verbs for o in _pobjs(a, ("with",))]
    whom = [p for t in (*verbs, *cargo) for p in _pobjs(t, ("to", "for", "into"))]
    return cargo, whom


def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of ``tok``'s prepositional phrases headed by one of ``preps``."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children if p.dep_ == "pobj"]


def in_reason(noun: Token) -> bool:
    """ "*in protest* at the sanctions", "*in retaliation* for": a bare reason noun after "in" says why,
    it is neither an object nor an event ("in *a* protest triggered by ..." is one)."""
    return (
        lower_lemma(noun) in _REASONS
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
            pobjs = [p for p in child.children if p.dep_ == "pobj" and not in_reason(p)]
            out.extend(pobjs)
            if child.lower_ == "as" and tok.lemma_.lower() in _SENDING:  # "sent troops *as part of* a force"
                ofs = [prep for p in pobjs if p.lower_ == "part" for prep in p.children if prep.lower_ == "of"]
                out.extend(o for prep in ofs for o in prep.children if o.dep_ == "pobj")
    if not noun:  # "EUR 5 million *for* medical supplies", "planes *carrying* aid": what is given, in truth
        out.extend(funded(tok)[0] + carried(tok)[0])
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
        or lower_lemma(tok) in _AMOUNTS
        or any(c.dep_ == "nummod" for c in tok.children)
    )


def is_time(tok: Token) -> bool:
    """A time, not a participant: "resigned *on January 17*", "*this weekend*'s attacks" (the entity
    recogniser's DATE and TIME, or a bare time noun)."""
    return tok.ent_type_ in ("DATE", "TIME") or lower_lemma(tok) in _TIME_NOUNS


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
                        or lower_lemma(pobj) in words
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
    return any(o.dep_ == "pobj" and lower_lemma(o) in words for p in ofs for o in p.children)


def is_passive(verb: Token) -> bool:
    """A passive verb: with a passive subject or auxiliary, a participle with its by-agent ("*backed by* X"), or a
    participle that qualifies a noun ("a tanker *seized*")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        # "*Backed by* air support, troops recaptured ...", "organized and *backed by*": a participle with its
        # agent; "France is *alarmed by* the crisis" reads as an adjective
        return verb.dep_ not in ("acomp", "amod") and not any(c.dep_ == "nsubj" for c in verb.children)
    return verb.dep_ == "acl" and verb.tag_ == "VBN"
