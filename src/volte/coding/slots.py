"""Where a trigger's actors are: the candidate noun-phrase heads for each slot a pattern names (docs/verbs.md,
"Slots"), :func:`slot_heads` and :func:`heads`, built on :func:`subject_heads` (the doer of a verb: its subject,
a passive's agent or the subject it inherits) and :func:`object_heads`.

Used by :mod:`volte.coding.verbs` (a match's sources and targets), the passes over a sentence's matches and
the event modules (``subject_heads``, ``counter_of``, ``absolute_with``: event_builder, event_doers,
event_targets).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from volte.coding import lexicon
from volte.coding.factuality import OBJECT_CONTROL, PHONING, is_to_infinitive
from volte.coding.governors import REFUSAL, THREATENING
from volte.coding.lexicon import words
from volte.coding.predicates import RESPONSIBLE, behind, blames, critical_text
from volte.coding.triggers import (
    carried,
    funded,
    is_passive,
    lower_lemma,
    participle_agents,
    to_gerunds,
    to_relcl,
)

_SUBJECTS = frozenset({"nsubj", "csubj"})
_RELATIVE = lexicon.words("relative_pronouns")
_PRONOUNS = lexicon.words("speaker_pronouns")


def phoned_to(verb: Token, call: Token) -> bool:
    """ "Erdogan *called* Putin *to express* his condolences": the caller expresses them, not the one called
    (a phone call's purpose, the xcomp cue of ``consult.call.to_act``); "called the parties to respect the
    truce" stays an appeal whose addressee acts. What someone "phoned" or "telephoned" X to do is always the
    caller's purpose ("phoned Netanyahu *to press* for a ceasefire")."""
    lemma = call.lemma_.lower()
    return lemma in PHONING or (lemma == "call" and verb.lemma_.lower() in _call_purposes())


@lru_cache(maxsize=1)
def _call_purposes() -> frozenset[str]:
    # imported here: volte.coding.verbs imports this module, and the bundled patterns are read once, on first use
    from volte.coding.verbs import default_verbs

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
    if dep == "xcomp" and verb.lemma_ == "be" and is_passive(head) and head.lemma_ in RAISING and blames(verb):
        # "Boko Haram *was believed to be* behind the attack": the believed one, not the believer
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if _raised(verb):  # "the rebels *are believed to have* killed ten soldiers": the believed, not the believer
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if dep == "xcomp" or (dep == "advcl" and is_to_infinitive(verb)):
        controller = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if controller and head.lemma_ in OBJECT_CONTROL and not phoned_to(verb, head):
            return controller[:1]  # "urged Iran *to* talk", "asked him to leave"
        return subject_heads(head, depth=depth + 1)
    if dep in ("acomp", "oprd") or behind(verb):  # "Iran was *responsible*", "Iran was *behind* it"
        return subject_heads(head, depth=depth + 1)
    if critical_text(verb):  # "*the UN* issued a report critical of Hanoi": the issuer
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
        if is_passive(head.head) and head.lower_ in ("in", "during") and lower_lemma(head.head) in _SUFFERED:
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
RAISING = frozenset({"believe", "suspect", "think", "say", "report", "know", "understand", "consider", "allege"})


def _raised(verb: Token) -> bool:
    """A perfect infinitive whose subject a passive verb of report or belief raises: "X *is said to have*
    attacked", "X *was reported to have been* killed", "X *is believed to have* fled" (not "X was asked to
    leave"; not "is said to be close to a deal" or "reported to be armed", states rather than acts done)."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head is not verb
        and lower_lemma(head) in RAISING
        and any(c.dep_ == "nsubjpass" for c in head.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _deadly(noun: Token) -> bool:
    """Violence people die in ("the shelling", "clashes", "an air *strike*"), not a strike of their own ("died
    in the *hunger strike*")."""
    if lower_lemma(noun) == "strike":
        return any(lower_lemma(c) in ("air", "drone", "missile", "rocket", "military") for c in noun.children)
    return lower_lemma(noun) in _DEADLY


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
    """What a verb is done to: its objects, a passive's subject, or the object a bare conjunct shares ("*killed* and
    injured civilians")."""
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
        return condition_subjects(tok, IF) + _demanded_subject(tok)
    if slot == "xcomp_object":  # "refused to sign *the statement*", "provide $1 billion to help *Turkey*"
        clauses = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") or to_advcl(c)]
        if noun:  # "Cuba's refusal to engage *with the Colombian government*": the noun's infinitive
            clauses = [c for c in tok.children if c.dep_ == "acl" and is_to_infinitive(c)]
            objects = [o for c in clauses for o in object_heads(c)]
            owners = [p for o in objects for p in o.children if p.dep_ == "poss"]  # "to recognize *his* re-election"
            return objects + owners + [p for c in clauses for p in _prep_objects(c, ("with",))]
        return [o for c in clauses for o in object_heads(c)]
    if slot == "given_for":  # "EUR 5 million to fund relief *for Somalia*", "planes carrying aid *to Gaza*"
        return [] if noun else funded(tok)[1] + carried(tok)[1]
    if slot == "holder":  # "the refusal *of the U.S.* to recognize": the of / by phrase before the infinitive
        return _noun_holders(tok) if noun else []
    if slot == "obj_clause_object":  # "accepted an invitation to meet *with Kim*", "to visit *Turkey*"
        clauses = [
            c for o in object_heads(tok) for c in o.children if (c.dep_ == "acl" and is_to_infinitive(c)) or to_relcl(c)
        ]
        clauses += [c for o in object_heads(tok) for c in to_gerunds(o)]  # "commitment *to supporting* X"
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
    if slot == "victims":  # "a bomb exploded, *killing five people*", "*a soldier* died after a mine exploded"
        return _victims(tok)
    if slot == "subject_from":  # "a shipment of medical supplies *from Japan* arrived"
        return [] if noun else _subject_from(tok)
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


IF = frozenset({"if", "unless"})
CONDITIONS = IF | {"until", "till"}
_TELLING = words("verbs_telling")


def conditions(tok: Token, marks: frozenset[str]) -> list[Token]:
    """The adverbial clauses under ``tok`` opened by one of ``marks`` ("*if* Israel attacked", "*until*
    Caracas frees its prisoners")."""
    return [c for c in tok.children if c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children)]


def condition_subjects(tok: Token, marks: frozenset[str]) -> list[Token]:
    """The active subjects of those clauses: "if *North Korea* is attacked" names a victim, not a target."""
    return [x for c in conditions(tok, marks) for x in c.children if x.dep_ == "nsubj"]


def _capitalised_modifiers(tok: Token) -> list[Token]:
    """ "*Israeli* air strikes", "an *Iranian* tanker": modifiers that may name a side."""
    return [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.text[:1].isupper()]


def to_advcl(clause: Token) -> bool:
    """An adverbial clause that is a to-infinitive."""
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


# Verbs whose "to" ("on", "upon") phrase names an act their subject commits to: "agreed to the withdrawal of".
AGREEING_TO = frozenset({"agree", "consent", "assent", "commit"})


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
        if lower_lemma(head.head) in ("die", "perish") and _deadly(noun):
            return []  # "seven civilians *died in* the shelling": the dead suffered it, they did not shell
        return subject_heads(head.head)
    if head.lower_ in ("to", "on", "upon") and head.head.pos_ == "VERB" and head.head.lemma_ in AGREEING_TO:
        return subject_heads(head.head)  # "Israel *agreed to* the release of prisoners": the agreer releases
    if head.lower_ == "on" and head.head.lemma_ in ("go", "embark"):
        return subject_heads(head.head)  # "residents *went on* a looting spree", "embarked on a rampage"
    if head.lower_ == "behind" and head.head.lemma_ == "be":
        return subject_heads(head.head)  # "hackers from Russia's military intelligence *were behind* it"
    if head.lower_ == "for" and head.head.lemma_ in RESPONSIBLE and head.head.dep_ == "acomp":
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


# Verbs of harm done to people: the participle "killing / wounding" an explosion goes on with, or the main
# clause it caused ("three people were *killed* when ..."); of dying: "a soldier *died* after ...".
_HARMED = _SUFFERED
_DYING = frozenset({"die", "perish", "suffer", "sustain"})  # their subject is the victim


def _victims(verb: Token) -> list[Token]:
    """Whom an act hurt, told in the clause it goes on with ("a bomb exploded, *killing five people* and
    wounding ten") or in the main clause it caused ("*two soldiers* were killed when a mine went off", "*a
    boy* died after a grenade exploded"), whatever the act's own phrases name (a place, a vehicle)."""
    found: list[Token] = []
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and not _has_mark(clause):
            harms = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.tag_ == "VBG")]
            found += [o for h in harms if lower_lemma(h) in _HARMED for o in object_heads(h)]
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if verb.dep_ == "advcl" and marks & _CAUSE_MARKS:
        # the clause hangs on the last of the outcomes ("a civilian was killed and two *were hurt* when")
        main = verb.head.head if verb.head.dep_ == "conj" else verb.head
        outcomes = [main, *(c for c in main.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for outcome in outcomes:
            if is_passive(outcome) and lower_lemma(outcome) in _HARMED:
                found += [c for c in outcome.children if c.dep_ == "nsubjpass"]
            elif lower_lemma(outcome) in _DYING:
                found += [c for c in outcome.children if c.dep_ == "nsubj"]
    return found


_CAUSE_MARKS = words("verbs_cause_marks")


def _subject_from(verb: Token) -> list[Token]:
    """The "from" phrase of a verb's subject or of the subject's "of" phrase: whence what arrives came ("aid
    *from Japan* arrived", "a shipment of medical supplies *from Japan* arrived")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += _prep_objects(subjects[0], ("of",)) if subjects else []
    return [p for s in subjects for p in _prep_objects(s, ("from",))]


def _quantity_holder(noun: Token) -> bool:
    """A noun that counts events ("a *string* of air strikes", "a *series* of raids"), whose governing verb's
    subject does them."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _QUANTITY_HOLDERS


def heads(slots: tuple[str, ...], tok: Token, *, noun: bool) -> tuple[int, ...]:
    """The token indices of the candidate heads of ``slots`` in order, each once, never the trigger itself."""
    seen: list[int] = []
    for slot in slots:
        for head in slot_heads(slot, tok, noun=noun):
            if head.i not in seen and head.i != tok.i:
                seen.append(head.i)
    return tuple(seen)
