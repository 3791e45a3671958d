"""Factuality applied to a sentence's matches (:func:`volte.coding.factuality.assess` per trigger): negated
events dropped, hypothetical and future ones marked, governing verbs folded into the event they govern
("refused to sign" is a refusal, 12x; "agreed to meet" an intent to meet, 036), and acts ruled out, talks that
failed, agreements only named and plans abandoned.

Passes over one sentence's :class:`~volte.coding.triggers.Raw` matches, called by ``VerbDictionary.match``
(:mod:`volte.coding.verbs`); :mod:`volte.coding.non_events` and :mod:`volte.coding.verbs` also read what
someone said (``said``, ``governing_word``) and criticism received (``criticism_received``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from volte.coding.factuality import Modality, assess, speaker_of
from volte.coding.governed_codes import governed_code
from volte.coding.governors import (
    COMMITTING,
    CONSIDERING,
    NOMINAL_NEGATING,
    PLANNING,
    REPORTING,
    THREATENING,
    governor_lemma,
)
from volte.coding.lexicon import words
from volte.coding.predicates import behind, come_under, culpable, under_attack
from volte.coding.slots import AGREEING_TO, IF, RAISING, conditions, heads, object_heads
from volte.coding.specialisation import clause_meaning, specialise_governor
from volte.coding.triggers import Raw, is_passive, lower_lemma

# Governors whose own event gives way to the event they govern ("agreed to meet" is 036, not "agree").
_YIELDING = frozenset({"future", "committed", "threat", "hypothetical", "poised"})
# Governors that keep their own event, specialised by what they govern ("urged talks" is 026).
_KEEPING = frozenset({"appeal", "demand", "refusal"})


HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
_INCIDENT_ROOTS = frozenset({"14", "17", "18", "19", "20"})  # kept in time clauses (issue 13)


_CONDITIONAL_ACTS = frozenset({"10", "13"})  # demands and threats are made conditional by nature
_GOVERNING_LEMMAS = COMMITTING | PLANNING | THREATENING | CONSIDERING


_GOVERNED_EDGES = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "conj", "acomp"})


# Outcomes told in a main clause whose cause follows in an after/when clause: "six people were killed after
# security forces *opened fire* on protesters" reports the shooting, which names the doer.
_OUTCOMES = words("verbs_outcomes")
_CAUSE_PREPS = frozenset({"after", "following"})
# Projectiles whose firing a participle reports: "shells *fired* into homes", "rockets *launched* at the base".
_PROJECTILES = words("verbs_projectiles")
_FIRING = words("verbs_firing")
_CAUSE_MARKS = words("verbs_cause_marks")
# Settings that a protest happened in: "detained *during* a protest", "resigned *amid* protests".
PROTEST_SETTINGS = words("verbs_protest_settings")
_ACT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
# People who are at a protest: "detained *activists* during a rally".
_GATHERED = words("verbs_gathered")


def _incident_setting(raw: Raw, by_index: dict[int, Raw]) -> bool:
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
                    return prep in PROTEST_SETTINGS
                act = act.head  # "police detained *protesters during* a protest"
            # the act is force, arrest or protest ("*arrests were made* during a march"), or protesters do it
            told = [by_index.get(t.i) for t in (act, *act.children) if t.dep_ in _ACT_DEPS or t is act]
            incident = any(r is not None and r.code[:2] in _INCIDENT_ROOTS for r in told) or any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _GATHERED for c in act.children
            )
            return (
                prep in PROTEST_SETTINGS
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


def _provoked(raw: Raw, by_index: dict[int, Raw]) -> bool:
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


def _suffered(raw: Raw) -> bool:
    """An act the clause's subject suffers, told as a noun: what it came under in an asserted clause ("*came
    under fire* from"; not "which came under"), or criticism it came under or was met with."""
    tok = raw.tok
    return (come_under(tok) and assess(tok.head.head).status == "asserted") or criticism_received(raw)


def criticism_received(raw: Raw) -> bool:
    """Criticism that the clause's subject comes under or is met with ("Hungary *came under* criticism from
    the EU", "the plan *was met with* condemnation from Brussels"): aimed at the subject."""
    prep = raw.tok.head
    if raw.code[:2] != "11" or prep.dep_ != "prep":
        return False
    if prep.lower_ == "under":
        return under_attack(raw.tok)
    return prep.lower_ == "with" and prep.head.lemma_ in ("meet", "greet") and is_passive(prep.head)


def _hedged_blame(tok: Token, modality: Modality) -> bool:
    """Blame its speaker hedges with an adverb or a passive of belief ("said X was *probably* behind it", "X is
    *believed to be* behind it, officials said"), not with a modal ("*may have been* responsible") or a condition."""
    return (
        culpable(tok)
        and modality.speaker is not None
        and not modality.conditional
        and not any(c.tag_ == "MD" for c in tok.head.children)
    )


def said(tok: Token) -> Modality:
    """The factuality of a trigger; a predicate "behind" takes its clause's ("said Iran *was behind* it"). Blame
    under a passive of belief ("militants *are suspected to be* behind the blasts, the minister said") is no
    allegation inside an accusation but the speaker's own hedged one."""
    modality = assess(tok.head if behind(tok) else tok)
    be = tok.head
    if modality.status == "alleged" and culpable(tok) and be.dep_ == "xcomp" and be.head.lemma_ in RAISING:
        outer = assess(be.head)
        if is_passive(be.head) and outer.speaker is not None and outer.status == "asserted":
            return replace(outer, status="hypothetical")
    return modality


def governing_word(noun: Token) -> Token | None:
    """The word a nominal event is the object of: its verb, a predicate "behind", or a preposition's head."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    if noun.dep_ == "pobj" and behind(noun.head):
        return noun.head  # "was *behind* the bombing"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head is not noun.head:
        return noun.head.head
    return None


def apply_factuality(raws: list[Raw]) -> None:
    """Each match's factuality: dropped, marked, recoded, or folded into (or specialising) its governor."""
    by_index = {raw.tok.i: raw for raw in raws if not raw.dropped}
    for raw in raws:
        if raw.dropped:
            continue
        modality = said(raw.tok)
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
        elif raw.pattern.idiom is not None and modality.speaker is None:
            # "said ..., but that its sovereignty is non-negotiable": the coordinated clause's speaker
            modality = raw.modality = replace(modality, speaker=_idiom_speaker(raw.tok))
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
        elif status == "hypothetical" and modality.modal_threat and raw.code[:2] in HOSTILE_ROOTS:
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
                specialise_governor(governor, status, raw)
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


def _failed_agreement(raw: Raw) -> bool:
    """Talks that end in no agreement, told as an agreement not reached: "X and Y *failed to* reach agreement
    on", "could not / did not strike a deal". The CAMEO codebook's own example of 164 (halt negotiations),
    two reciprocal events; not a treaty unsigned or unratified ("did not sign the treaty" may still come),
    nor "has not yet reached"."""
    tok = raw.tok
    if raw.noun or not raw.pattern.reached or lower_lemma(tok) not in _REACHING:
        return False
    if tok.dep_ == "xcomp" and lower_lemma(tok.head) == "fail":
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
    """Who says an idiom's copula: "Turkey said the border is not up for discussion", "..., Turkey said",
    and a reported clause coordinated with another: "Ali said he would attend, *but that* the border was not
    up for discussion" (the second "that" clause is the first one's conj, said by the same speaker)."""
    reporters = [c for c in be.children if c.dep_ == "parataxis" and c.lemma_ in REPORTING]
    clause = be
    while clause.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_ in REPORTING:
        reporters.insert(0, clause.head)
    elif clause is not be and clause.lemma_ in REPORTING:
        reporters.insert(0, clause)  # "said he was ready, but that ...": the second clause parsed as said's conj
    return next((s for r in reporters if (s := speaker_of(r)) is not None), None)


def ruled_out_acts(raws: list[Raw]) -> None:
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
            meaning = act.code if act is not None else clause_meaning(child, threat=False) if child.pos_ == "VERB" else None
            code = governed_code("refusal", meaning) if meaning else None
            raw.code = code if code is not None and code[:2] == "12" else raw.code
            if act is not None:
                raw.partner = act  # refused to whom the act was aimed at: "removing the sanctions *on Burma*"
            for other in raws:  # what is ruled out is no event itself ("*sanctions*" in "lifting sanctions")
                if other is not raw and child.left_edge.i <= other.tok.i <= child.right_edge.i:
                    other.dropped = True


_ENDING = frozenset({"end", "conclude", "close", "break", "wrap", "finish", "adjourn"})
_AGREED = frozenset({"agreement", "deal", "accord", "breakthrough", "consensus", "settlement", "compromise", "result"})


def talks_failed(raws: list[Raw]) -> None:
    """Talks or a summit that "ended *without* a deal" or "failed to reach agreement" are a failure to agree
    between their sides (164 both ways), not a meeting: the failure is the news, the talks its setting."""
    for raw in raws:
        if raw.dropped or not raw.noun or raw.code[:2] != "04" or raw.tok.dep_ != "nsubj":
            continue
        verb = raw.tok.head
        if lower_lemma(verb) in _ENDING:
            withouts = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "without"]
            failed = any(lower_lemma(o) in _AGREED for p in withouts for o in p.children if o.dep_ == "pobj")
        elif lower_lemma(verb) == "fail" and not any(c.dep_ == "neg" for c in verb.children):
            reached = [c for c in verb.children if c.dep_ == "xcomp" and lower_lemma(c) in _REACHING]
            failed = any(lower_lemma(c) == "agree" or any(lower_lemma(o) in _AGREED for o in object_heads(c)) for c in reached)
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
    lemma = lower_lemma(verb)
    if lemma in _COLLAPSING or (not talks and lemma in ("expire", "lapse", "end") and noun.dep_ == "nsubj"):
        return True
    particles = _COLLAPSING_PARTICLES.get(lemma, ())
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles for c in verb.children)


def agreements_only_named(raws: list[Raw]) -> None:
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
        elif tok.dep_ == "pobj" and head.lower_ in ("to", "on", "upon") and lower_lemma(head.head) in AGREEING_TO:
            continue  # "agreed upon a new free-trade pact between the two countries": an agreement made
        elif tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            raw.dropped = True
            continue
        if tok.dep_ != "dobj" and lower_lemma(head) not in _AGREEMENT_BORN:  # "is *set (expected, due) to* take effect"
            head = next((c for c in head.children if c.dep_ == "xcomp"), head)
        raw.dropped = lower_lemma(head) not in _AGREEMENT_BORN


# A plan, offer or pledge given up: what it announced is no intent ("withdrew its plan *to honor* him")
_PLANS = frozenset({"plan", "offer", "proposal", "bid", "intention", "pledge", "promise", "commitment", "decision", "idea"})
_GIVING_UP = NOMINAL_NEGATING | {"withdraw", "drop", "shelve", "ditch", "rescind", "retract", "revoke", "reverse"}


def abandoned_plans(raws: list[Raw]) -> None:
    """An act announced by a plan (an offer, a pledge ...) that its maker abandoned, scrapped, cancelled,
    withdrew, dropped or shelved is no intent: "Uruguay withdrew its plan *to honor* Putin", "Russia scrapped
    its plan *to send* troops". Giving up the plan may be an event itself (0832)."""
    for raw in raws:
        if raw.dropped or raw.modality is None or raw.modality.governor is None:
            continue
        plan = raw.tok.doc[raw.modality.governor]
        if plan.pos_ != "NOUN" or lower_lemma(plan) not in _PLANS or plan.dep_ not in ("dobj", "nsubjpass"):
            continue
        giver = plan.head
        if giver is not plan and lower_lemma(giver) in _GIVING_UP and not any(c.dep_ == "neg" for c in giver.children):
            raw.dropped = True  # "will *not* reverse its decision upholding the conviction": the decision stands


def _partner_named(raw: Raw) -> bool:
    """A two-sided act refused by one side that names the other ("the Taliban will not begin talks *with the
    government* until ..."): a refusal aimed at that partner, not two sides that simply will not meet."""
    subjects = [c for c in raw.tok.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "conj" for s in subjects for c in s.children):
        return False
    if conditions(raw.tok, IF):
        return False  # "if talks collapsed, the EU would not sign the deal with Mercosur": no refusal yet
    return bool(heads(raw.pattern.targets_for(noun=raw.noun), raw.tok, noun=raw.noun))


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


def _drop_governors(raw: Raw, by_index: dict[int, Raw], governor: Raw | None) -> None:
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


def _bare_or_cued(governor: Raw, raw: Raw) -> bool:
    """A governor gives way when it is only a governor, or when the kept event is one of its own cues;
    "agreed to a ceasefire at talks" keeps the agreed ceasefire although "talks" hangs on "agreed"."""
    return not governor.cues or raw.tok.i in governor.cues or governor.pattern.xcomp == ("any",)
