"""Matches that name no event of their own: a noun that is another pattern's cue ("imposed *sanctions*"), a
naming ("called the move *unconstitutional*"), a statement's topic ("condemned the *tariffs*"), an attack's
consequence ("..., *killing* six soldiers"), a protest's aim, troops sent to join a peacekeeping mission, a
question ("*asked about*"), and figurative fights ("*fight corruption*") and attacks ("came under *fire* for"
is criticism, 111).

Passes over one sentence's :class:`~volte.coding.triggers.Raw` matches, called by ``VerbDictionary.match``
(:mod:`volte.coding.verbs`).
"""

from __future__ import annotations

from spacy.tokens import Token

from volte.coding.factuality import is_to_infinitive
from volte.coding.governors import ENACTING, REPORTING
from volte.coding.lexicon import words
from volte.coding.match_factuality import HOSTILE_ROOTS, criticism_received, governing_word, said
from volte.coding.predicates import TEXTS, behind, culpable, under_attack
from volte.coding.specialisation import AIM_DEPS
from volte.coding.triggers import Raw, in_reason, lower_lemma, modifier_lemmas, others_act

_VERBAL_ACTS = frozenset({"10", "11", "12", "13"})


_SPEECH_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})


def consume_cued_nouns(raws: list[Raw]) -> None:
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
        if raw.noun and in_reason(raw.tok):
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
    """A noun event names its doer: what :func:`volte.coding.triggers.others_act` reads, or a from phrase
    ("*Trump's* accusation", "accusations *by the US*", "*U.S.* claims", "the accusation *from a TD*")."""
    return others_act(noun) or any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children)


def drop_namings(raws: list[Raw]) -> None:
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


def drop_topics(raws: list[Raw]) -> None:
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
        if behind(raw.tok) and not any(c.dep_ == "pobj" and c.i in by_index for c in raw.tok.children):
            raw.dropped = True  # "was behind *the bombing*" blames an act; "was behind India" is no event
        if raw.noun and raw.tok.head.lower_ == "with" and criticism_received(raw):
            met = by_index.get(raw.tok.head.head.i)
            if met is not None:
                met.dropped = True  # "was *met* with condemnation": no meeting
    for raw in raws:
        acl = raw.tok.dep_ == "acl" and (is_to_infinitive(raw.tok) or raw.tok.tag_ == "VBG")
        noun = raw.tok if raw.noun else raw.tok.head if acl else None
        if noun is None or raw.pattern.code[:2] in _VERBAL_ACTS:
            continue
        governor = governing_word(noun)
        speech = by_index.get(governor.i) if governor is not None else None
        if governor is None or speech is None or speech.noun or speech.pattern.statement or governor.lemma_ in ENACTING:
            continue  # "announced a *suspension* of links", "ordered a *mobilisation*" report the act
        if culpable(speech.tok) and raw.pattern.code[:2] in HOSTILE_ROOTS:
            # "the government *was responsible for* the sarin attack" reports the attack; said by someone
            # ("Riyadh said Iran was responsible for the attacks") it is also the speaker's accusation
            speech.dropped = speech.dropped or said(speech.tok).speaker is None
        elif speech.pattern.code[:2] in _SPEECH_ROOTS or speech.pattern.code in ("051", "052"):
            raw.dropped = True
            if culpable(speech.tok):  # "said the US was behind *the protests*": blame, not aggression
                speech.code = "112"
        elif speech.pattern.code[:2] == "14" and not speech.noun and raw.pattern.code[:2] != "14":
            raw.dropped = True  # "protested *the assassination* of an activist": what the protest is about


_STOPPING_TEXTS = words("verbs_stopping_texts")


def _stopped_text(clause: Token) -> bool:
    """A clause on a text whose governing verb stops it: "*blocked* a statement *criticizing* North Korea"."""
    if clause.dep_ not in ("acl", "relcl") or clause.head.lemma_.lower() not in TEXTS:
        return False
    governor = governing_word(clause.head)
    return governor is not None and governor.lemma_.lower() in _STOPPING_TEXTS


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


def figurative_attacks(raws: list[Raw]) -> None:
    """An attack or fire that its subject came under *for* something is criticism (111), not force: "the
    government came under fire for its handling of the floods", "Rousseff came under attack over the cuts".
    Force that comes with a reason stays force only when the reason is no phrase of blame, which volte
    cannot tell; a doer named by its civic role is read by the coder (``event_builder._civic``)."""
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
    holders = [tok] + [c for c in tok.children if c.dep_ == "dobj" and lower_lemma(c) == "war"]
    out: list[tuple[Token, frozenset[str]]] = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ in ("dobj", "nsubjpass") and holder is tok:
                out.extend((o, _PROBLEMS_FOUGHT) for o in (c, *c.conjuncts))
            elif c.dep_ == "prep" and c.lower_ in ("against", "on", "for"):
                if c.lower_ == "on" and lower_lemma(holder) != "war" and len(holders) == 1:
                    continue  # "war *on* poverty", "waged war *on* poverty" (the parser hangs it on the verb)
                known = _CAUSES_FOUGHT_FOR if c.lower_ == "for" else _PROBLEMS_FOUGHT
                out.extend((o, known) for p in c.children if p.dep_ == "pobj" for o in (p, *p.conjuncts))
    return out


def figurative_fights(raws: list[Raw]) -> None:
    """Fighting a problem or for a cause is no force: "vowed to *fight corruption*", "*battling the
    pandemic*", "*waged war on* poverty", "a father *fighting for justice*", "*fighting the root causes* of
    migration". The fought thing (or one of its modifiers: "*climate* change") names a problem
    (words.yml ``verbs_problems_fought``) or a cause (``verbs_causes_fought_for``); a side fought stays force."""
    for raw in raws:
        if raw.dropped or raw.pattern.code[:2] != "19":
            continue
        wars = any(c.dep_ == "dobj" and lower_lemma(c) == "war" for c in raw.tok.children)  # "declared *war* on"
        if lower_lemma(raw.tok) not in _FIGHTING_WORDS and not wars:
            continue
        if any(lower_lemma(o) in known or not modifier_lemmas(o).isdisjoint(known) for o, known in _fought(raw.tok)):
            raw.dropped = True


def questions(raws: list[Raw]) -> None:
    """Asking *about* something, or *whether* / *how* something is, is a question, not an appeal: "when *asked
    about* the sanctions, Lavrov said", "Karzai *asked about* his health", "reporters *asked whether* talks
    would resume". An appeal asks someone *to* act or *for* something ("asked Kabul to release", "asked for
    aid"), which these clauses are not."""
    for raw in raws:
        if raw.dropped or raw.noun or raw.code[:2] != "02" or lower_lemma(raw.tok) not in _ASKING:
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


_CONSEQUENCES = words("verbs_consequences")
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def drop_consequences(raws: list[Raw]) -> None:
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


def protest_aims(raws: list[Raw]) -> None:
    """ "began a hunger strike *to demand* his resignation", "demonstrated, *calling for* independence": what
    protesters ask for is the protest's aim, not a second event (appeals, demands, complaints)."""
    live = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in raws:
        tok, head = raw.tok, raw.tok.head
        if raw.dropped or raw.noun or raw.code[:2] not in ("02", "10", "11") or tok.dep_ not in AIM_DEPS:
            continue
        near = [head] if head.i in live else [head, *(c for c in head.children if c.dep_ == "dobj")]
        if any(t.i in live and live[t.i].code[:2] == "14" for t in near):
            raw.dropped = True


def peacekeeping_moves(raws: list[Raw]) -> None:
    """ "sent 200 soldiers *to join* the UN peacekeeping mission": the troops sent are the peacekeeping
    contribution (074) their purpose names, not a show of force (15x) or military aid (072) of their own."""
    joined = [
        raw
        for raw in raws
        if not raw.dropped and not raw.noun and raw.pattern.code == "074" and raw.tok.dep_ in AIM_DEPS
        and raw.factuality != "hypothetical"  # only an aim: the sending stays the event
    ]
    if not joined:
        return
    live = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in joined:
        mover = live.get(raw.tok.head.i)
        if mover is not None and mover is not raw and (mover.pattern.code[:2] == "15" or mover.pattern.code == "072"):
            mover.dropped = True
