"""Specialising a match's code: an appeal, demand, refusal or threat by its complement clause or that clause's
object ("urged the bank to *help* finance ..." is 023), a governor by the act it governs, and recodings by a
"with" phrase, a purpose or a doer ("hit back *with tariffs*" is 163, troops sent *to help* 072, "a *bomb*
struck" 183).

Passes over one sentence's :class:`~volte.coding.triggers.Raw` matches, called by ``VerbDictionary.match``
(:mod:`volte.coding.verbs`); :mod:`volte.coding.match_factuality` uses ``clause_meaning`` and
``specialise_governor``.
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.coding.cameo import is_code
from volte.coding.factuality import is_to_infinitive
from volte.coding.governed_codes import CLAUSE_CODES, OBJECT_MEANINGS, THREAT_CLAUSE_CODES, governed_code
from volte.coding.lexicon import words
from volte.coding.slots import to_advcl
from volte.coding.triggers import Raw

_MEASURES = words("verbs_retaliatory_measures")
_WEAPONS_USED = words("verbs_weapons_used")


def answered_with(raws: list[Raw]) -> None:
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


AIM_DEPS = frozenset({"advcl", "xcomp", "acl"})


_HELPING_AIMS = words("verbs_helping_aims")
_REPRESSING = words("verbs_repressing_aims")
_ATTACKS = words("coder_violent_acts")
_OWN_POSSESSIVES = words("third_person_possessives") | {"our"}  # "to support *our* offensive" too
_OPERATIONS = _ATTACKS | {"campaign", "effort", "offensive", "operation", "push", "war"}


def helping_moves(raws: list[Raw]) -> None:
    """ "deployed 2,000 soldiers *to help* the United States", "is deploying 500 troops to Liberia *to help
    with* the response": armed men sent to help someone are military aid to them (072), not a show of force
    (153/154) at them. Not an aim inside an attack ("deployed aircraft *to assist in the attack*") nor the
    sender's own operation ("to support *its* offensive"), whose deployment stays a show of force."""
    for raw in raws:
        arrival = raw.pattern.id == "aid.arrive_to_help"  # "arrived in Nepal *to help deliver aid*"
        if raw.dropped or raw.noun or (raw.code not in ("153", "154") and not arrival):
            continue
        aim = next(
            (c for c in raw.tok.children if c.dep_ in AIM_DEPS and is_to_infinitive(c)),
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


def explosive_doers(raws: list[Raw]) -> None:
    """ "A roadside *bomb struck* a convoy", "two *explosions hit* a crowd": an attack whose doer is an
    explosive is a bombing (183). A bomb found or defused is none ("soldiers *found and defused* a roadside
    bomb", "a car bomb *was defused*"): nobody bombed anything."""
    for raw in raws:
        if not raw.dropped and raw.noun and raw.code.startswith("183") and _defused(raw.tok):
            raw.dropped = True
        if raw.dropped or raw.noun or raw.code != "190":
            continue
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in _EXPLOSIVES for c in raw.tok.children):
            raw.code = "183"


_INSPECTORS = frozenset({"inspector", "investigator", "inspection"})


def inspectors_let_in(raws: list[Raw]) -> None:
    """Access granted to inspectors is receiving them (0862), whatever the pattern that found the grant
    ("granted the agency's *inspectors* access to the site", "gave IAEA *inspectors* access"); aid workers
    and convoys let in stay humanitarian access (0863). The one let in is the grant's indirect object, a
    compound of "access", or the subject of the clause "access" heads."""
    for raw in raws:
        if raw.dropped or raw.noun or raw.code not in ("086", "0863"):
            continue
        if any(_inspection(w) for w in _let_in(raw.tok)):
            raw.code = "0862"


def _let_in(verb: Token) -> list[Token]:
    """Whom a verb of granting lets in: its indirect object, or a modifier or subject of the access granted."""
    found = [c for c in verb.children if c.dep_ == "dative"]
    for thing in (c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass")):
        found += [c for c in thing.children if c.dep_ in ("compound", "nsubj")]
    return found


# The agencies whose access is inspection: the nuclear and the chemical weapons watchdogs
_INSPECTING_AGENCIES = ("iaea", "opcw", "atomic energy agency", "prohibition of chemical weapons")


def _inspection(noun: Token) -> bool:
    """ "inspectors", "UN investigators", "an inspection team", or an inspecting agency ("the IAEA")."""
    if noun.lemma_.lower() in _INSPECTORS or any(
        c.dep_ == "compound" and c.lemma_.lower() in _INSPECTORS for c in noun.children
    ):
        return True
    phrase = " ".join(t.lower_ for t in noun.subtree)
    return any(name in phrase for name in _INSPECTING_AGENCIES)


_DEFUSING = words("verbs_defusing")
_DEVICES = _EXPLOSIVES - {"blast", "bombing", "explosion"}  # things that explode, not their explosions


def _defused(noun: Token) -> bool:
    """A bomb that a verb of finding or defusing has for its object ("*found and defused* a bomb")."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.lemma_.lower() not in _DEVICES:
        return False  # "woke to *find* a large explosion": the explosion happened
    verb = noun.head
    return any(v.lemma_.lower() in _DEFUSING for v in (verb, *verb.conjuncts))


def specialise_by_clause(raws: list[Raw]) -> None:
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
            meaning = embedded.pattern.code if embedded else clause_meaning(child, threat=family == "threat")
            if family in ("appeal", "committed", "demand") and _forgoing_force(child, embedded):
                meaning = "087"  # "vowed *not to use force*", "urged Serbia *not to attack*": de-escalation
            code = governed_code(family, meaning) if meaning else None
            if code is not None and is_code(code) and code[:2] == raw.code[:2]:
                raw.code = code
            break


_FORCE_WORDS = words("verbs_force_words")


def _forgoing_force(clause: Token, embedded: Raw | None) -> bool:
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
    own = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or to_advcl(c)]
    if own:
        return own[:1]
    requests = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in _REQUESTS]
    asked = [c for o in requests for c in o.children if c.dep_ in ("acl", "relcl", "ccomp")]
    return [c for c in asked if is_to_infinitive(c) or any(m.dep_ == "mark" for m in c.children)][:1]


_REQUESTS = words("verbs_requests")


def clause_meaning(verb: Token, *, threat: bool) -> str | None:
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


def specialise_governor(governor: Raw, status: str, embedded: Raw) -> None:
    """Only within the governor's own root: an appeal stays an appeal. A refusal that takes the embedded
    act's code takes its partner too (:func:`volte.coding.verbs._to_match`)."""
    code = governed_code(status, embedded.code)
    if code is not None and is_code(code) and governor.pattern.code[:2] == code[:2]:
        governor.code = code
        if status == "refusal":  # an appeal or demand is aimed at whom it asks ("urged Japan to talk")
            governor.partner = embedded
