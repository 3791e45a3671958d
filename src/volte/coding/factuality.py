"""Factuality of a trigger: negation, modality, conditionals, governing verbs and reported speech.

:func:`assess` reads the dependency parse around a trigger token and says how the event is presented:

- ``asserted``: reported as having happened ("Russia shelled the town");
- ``negated``: did not happen ("did not meet", "refused to sign", "denied that it attacked");
- ``hypothetical``: conditional or possible ("could impose sanctions if", "would respond");
- ``future``: planned or announced ("will provide aid", "plans to visit");
- ``committed``: an intention expressed now ("agreed to meet", "pledged to send aid");
- ``threat``: threatened ("threatened to impose tariffs", "warned it would strike");
- ``appeal`` / ``demand`` / ``refusal``: the event is what someone asks for or refuses;
  the governing verb carries the event, specialised by :func:`volte.coding.governed_codes.governed_code`;
- ``alleged``: the content of an accusation ("accused X of attacking"); the accusation is the event.

Reported speech ("X said Y attacked Z", "according to X") keeps the event and names the speaker.

It climbs from the trigger through the words that govern it: each word's own negation and modals come from
:mod:`volte.coding.local_status`, the governing words and the statuses they set from
:mod:`volte.coding.governors`, background clauses from :mod:`volte.coding.background`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from volte.coding.background import is_background, temporal_clause
from volte.coding.governors import (
    ALLEGING,
    NEGATING,
    NOUN_GOVERNORS,
    REPORTING,
    THREATENING,
    governed_status,
    governor_lemma,
)
from volte.coding.lexicon import words
from volte.coding.local_status import (
    ANNOUNCING_AUX,
    FUTURE_MODALS,
    HEDGING_ADVERBS,
    HYPOTHETICAL_MODALS,
    is_condition,
    local_status,
)

_CLAUSE_GOVERNORS = NOUN_GOVERNORS | NEGATING  # whose to-infinitive the parser may hang as an advcl

_COMPLEMENT_PREPS = words("factuality_complement_preps")
_MODALS = HYPOTHETICAL_MODALS | FUTURE_MODALS
_CLAUSAL = frozenset({"xcomp", "ccomp", "acomp", "oprd", "acl"})
_NOMINAL = frozenset({"dobj", "nsubjpass", "attr", "pobj", "nsubj", "appos"})


@dataclass(frozen=True)
class Modality:
    status: str  # asserted | negated | hypothetical | future | committed | threat | appeal | demand | refusal | alleged | background
    governor: int | None = (
        None  # doc index of the verb whose meaning set the status (agree, urge, refuse ...)
    )
    speaker: int | None = None  # doc index of the speaker's NP head for reported speech
    nominal: bool = False  # the governor takes the event as its object noun ("rejected the talks")
    by_speaker: bool = False  # "X said Y must withdraw": X demands (appeal with "should") of Y
    self_refusal: bool = False  # "will not join": the actor refuses its own act (12x)
    modal_threat: bool = False  # "X said it may suspend ties": a threat when the act is hostile
    conditional: bool = (
        False  # hypothetical only through an if/unless clause ("warned of consequences if ...")
    )
    temporal: bool = False  # background only as a clause of the same time: "*as* protesters clashed with police"


# Forecasters: what they expect, warn of or say may happen is analysis, never an actor's stance.
ANALYSTS = words("factuality_analysts")
# Governors of another subject's act: wanting it is an appeal to that subject, forecasting it no event.
_WANTING = words("factuality_wanting")
_FORECASTING = words("factuality_forecasting")


def assess(trigger: Token) -> Modality:
    """How the event of ``trigger`` is presented (see the module docstring), after two readings of who
    speaks: a forecaster's words are no event, and an actor announcing what it will do if (or unless)
    something happens states its stance now ("Iran said it would retaliate if attacked" is a threat,
    "the rebels said they would attend the talks if ..." an intent)."""
    modality = _assess(trigger)
    if lemma_of(trigger) in THREATENING and _analyst(trigger.doc, speaker_of(trigger)):
        return Modality("hypothetical")  # "Experts *warned* sanctions might hurt ...": no threat
    if modality.status in ("negated", "background", "alleged"):
        return modality
    top = _top_verb(trigger)
    if top is not trigger and lemma_of(top) in _FORECASTING:
        return Modality("hypothetical", speaker=speaker_of(top))  # "predict Washington to raise tariffs"
    forecaster = _analyst(trigger.doc, modality.speaker) or _analyst(trigger.doc, speaker_of(top))
    if forecaster and (modality.status != "asserted" or _modal_between(trigger, top)):
        return Modality(
            "hypothetical", speaker=modality.speaker
        )  # "Israel would resume strikes, analysts said"
    if modality.status == "asserted":
        return modality
    if modality.status == "future" and modality.governor is not None:
        governor = trigger.doc[modality.governor]
        obliged = _obliged_readiness(governor)
        if obliged is not None:  # "said the US must be ready to mediate": a demand that the US mediate
            return obliged
        if lemma_of(governor) == "prepare" and governor.tag_ in ("VBD", "VBZ", "VBP"):
            return Modality(
                "poised", governor=governor.i, speaker=modality.speaker
            )  # "prepared to resume shelling"
    if modality.status == "hypothetical" and modality.conditional and modality.speaker is not None:
        aux, clause = _announcing_aux(trigger)
        if aux in ANNOUNCING_AUX and _self_announced(clause, modality.speaker):
            return Modality("future", speaker=modality.speaker)
        if (
            aux == "may"
        ):  # "the EU may halt its mediation if ..., the minister said" (but "could": a possibility)
            return Modality("hypothetical", speaker=modality.speaker, modal_threat=True, conditional=True)
    return modality


def _obliged_readiness(governor: Token) -> Modality | None:
    """ "X said Y must (should) be ready / willing to ...": X asks Y for the act (10x, 02x)."""
    if lemma_of(governor) not in _WILLING or governor.dep_ != "acomp":
        return None
    verb = governor.head
    modal = next(
        (c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in ("must", "should")), None
    )
    if modal is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in REPORTING:
        return None
    status = "demand" if modal == "must" else "appeal"
    return Modality(status, governor=governor.i, speaker=speaker_of(verb.head), by_speaker=True)


def _analyst(doc: Doc, index: int | None) -> bool:
    return index is not None and lemma_of(doc[index]) in ANALYSTS


def _top_verb(trigger: Token) -> Token:
    """The top verb of the trigger's clause chain, whose subject may be a forecaster ("*Analysts* expect
    Beijing to step up pressure")."""
    tok = trigger
    for _ in range(6):
        if tok.head is tok or tok.dep_ not in _CLIMBING:
            break
        tok = tok.head
    return tok


_CLIMBING = _CLAUSAL | {"advcl", "conj", "dobj", "pobj", "prep", "pcomp", "nsubj", "nsubjpass"}

_HEDGES = HEDGING_ADVERBS | {"likely", "unlikely"}


def _modal_between(trigger: Token, top: Token) -> bool:
    """A modal or hedge on the way from the event up to the top verb ("would *likely* respond")."""
    tok = trigger
    for _ in range(8):  # bounded: repaired parses may hold a cycle
        if any(
            (c.dep_ == "aux" and c.lower_ in _MODALS) or (c.dep_ == "advmod" and c.lower_ in _HEDGES)
            for c in tok.children
        ):
            return True
        if tok is top or tok.head is tok:
            return False
        tok = tok.head
    return False


def _announcing_aux(trigger: Token) -> tuple[str | None, Token]:
    """The modal (will, would, may ...) of the clause that announces the event, up to the reporting verb,
    and that clause."""
    tok = trigger
    for _ in range(4):
        if tok.lemma_ in REPORTING or (tok.dep_ == "advcl" and is_condition(tok)) or tok.head is tok:
            return None, tok  # the event is the condition itself ("if the *truce* collapses")
        aux = next((c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in _MODALS), None)
        if aux is not None:
            return aux, tok
        tok = tok.head
    return None, tok


def _self_announced(clause: Token, speaker: int) -> bool:
    """The speaker announces its own act: "Israel said *it* would strike", not "an official said aid
    agencies would have to suspend deliveries"."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.i == speaker or subject.pos_ == "PRON")


def _assess(trigger: Token) -> Modality:
    """The modality read on the way up from ``trigger`` through its governors (before :func:`assess` weighs who speaks)."""
    if _asked(trigger):
        return Modality("hypothetical")  # "Is a Russian invasion of Ukraine imminent?"
    status = local_status(trigger, reported=False)
    speaker: int | None = None
    tok = trigger
    for _ in range(6):
        if status == "negated":
            return Modality("negated", speaker=speaker)
        if status == "refused":
            return _refuse(trigger)
        if is_background(tok):
            return Modality("background", temporal=tok.i == trigger.i and temporal_clause(tok))
        if tok.dep_ in ("xcomp", "advcl") and _is_purpose(tok, governor_lemma(tok.head)):
            status = _combine(status, "hypothetical")  # "sent troops *to fight*": an aim, not a report
        step = _step_up(tok)
        if step is None:
            break
        head, relation = step
        lemma = governor_lemma(head)
        if relation == "clausal" and lemma == "tell" and is_to_infinitive(tok):
            return _governed_modality(
                "demand", status, head, relation, speaker, trigger
            )  # "told X *to* leave"
        if relation == "clausal" and status == "asserted" and (obliged := _obliged(tok, head)):
            status = obliged  # "said Congo *had to* neutralize the FDLR": "must"
            tok = head
            continue
        if relation == "clausal" and lemma in REPORTING:
            speaker = speaker if speaker is not None else speaker_of(head)
            if local_status(head, reported=True) == "negated":
                return Modality("negated", speaker=speaker)
            if status in ("must", "should"):
                return Modality("demand" if status == "must" else "appeal", speaker=speaker, by_speaker=True)
            # "said it may suspend ties", "said Tehran would walk out of the talks if ...": threats when hostile
            status = {"would": "future", "may": "reported_may"}.get(status, status)
            tok = head
            continue
        governed = governed_status(lemma, relation, head)
        if governed == "future" and relation == "clausal" and _other_subject(tok, head):
            if lemma in _WANTING:  # "Israel wants Germany to pay": an appeal to Germany
                return Modality("appeal", speaker=speaker_of(head), by_speaker=True)
            if lemma in _FORECASTING:  # "expects Beijing to step up pressure": a forecast
                return Modality("hypothetical", speaker=speaker_of(head))
        if governed is not None:
            return _govern(governed, status, tok, head, relation, speaker, trigger)
        if relation in ("clausal", "circumstance") or tok.dep_ in ("nsubj", "nsubjpass"):
            outer = local_status(head, reported=False)
            if relation != "clausal" and outer == "would":
                outer = "hypothetical"  # "a blockade *would* be hard to break" is no announced plan
            status = _combine(status, outer)
        tok = head
    return _final_modality(status, speaker, trigger)


def _refuse(trigger: Token) -> Modality:
    """The refusal of a trigger that is its own "will not": its speaker is the reporter above, or "according to"."""
    reporter = _reporter_above(trigger)
    return Modality(
        "refusal",
        speaker=reporter if reporter is not None else _according_to(trigger.sent),
        self_refusal=True,
    )


def _govern(
    governed: str, status: str, tok: Token, head: Token, relation: str, speaker: int | None, trigger: Token
) -> Modality:
    """The modality a governing word sets: alleged when the governor is itself alleged, else governed."""
    if governed not in ("alleged", "negated") and _alleged(head):
        return Modality("alleged", speaker=speaker)  # "accused Russia of *planning* to invade"
    if governed == "threat" and status == "may" and _other_subject(tok, head):
        governed = "hypothetical"  # "analysts warned that Tehran *could* retaliate": a prediction
    return _governed_modality(governed, status, head, relation, speaker, trigger)


def _alleged(governor: Token) -> bool:
    """The stance word that governs an event is itself the content of an accusation: "accused Russia of
    *planning* to invade Ukraine", "of *threatening* to annex": what is alleged of the accused, not an
    act of the accuser (the accusation is the event)."""
    tok = governor
    for _ in range(3):
        step = _step_up(tok)
        if step is None:
            return False
        head, relation = step
        if relation == "circumstance":
            return False
        lemma = governor_lemma(head)
        if governed_status(lemma, relation, head) == "alleged":
            return True
        if head.dep_ == "dobj" and lemma_of(head.head) in ALLEGING:
            return True  # the parser hangs "of planning" on the accused ("accused *the government* of")
        if lemma in REPORTING:
            return False
        tok = head
    return False


def _asked(trigger: Token) -> bool:
    """A direct question asks whether something happens; it reports nothing."""
    last = trigger.sent[-1]
    while last.i > trigger.sent.start and (last.is_space or last.text in ('"', "\u201d", "'")):
        last = trigger.doc[last.i - 1]
    return last.text == "?"


def _governed_modality(
    governed: str, status: str, head: Token, relation: str, speaker: int | None, trigger: Token
) -> Modality:
    """The event's modality once a governing word (agree, urge, refuse, threaten ...) is found."""
    nominal = relation == "nominal"
    if local_status(head, reported=False) == "negated" and governed not in ("refusal", "negated"):
        return Modality("negated", speaker=speaker)
    if governed == "negated":
        return Modality("negated", governor=head.i, speaker=speaker, nominal=nominal)
    if governed == "alleged":  # "accused Russia of plotting *to expel* diplomats": alleged, aim or not
        return Modality("alleged", governor=head.i, speaker=speaker, nominal=nominal)
    if status == "conditional" and governed in ("future", "committed") and lemma_of(head) in _WILLING:
        pass  # "is willing to send troops if Saudi Arabia is attacked": the readiness is stated now (03x)
    elif status in ("conditional", "hypothetical", "ultimatum") and governed != "threat":
        governed = "hypothetical"  # "agreed to meet if ..." is no commitment yet
    if speaker is None:
        speaker = _reporter_above(head)
    if speaker is None:
        speaker = _according_to(trigger.sent)
    return Modality(governed, governor=head.i, speaker=speaker, nominal=nominal)


_WILLING = words("factuality_willing")
# "have to" in a reported clause is "must": "said Congo *had to* withdraw" is "said Congo must withdraw", a
# demand ("need to" is left alone: the development sets do not read "needs to take the first step" as an appeal)
_OBLIGING = words("factuality_obliging")


def obligation(clause: Token) -> str | None:
    """ "must" when a reported clause says it with "have to": "Rwanda said Congo *had to* (has to) withdraw",
    the verb governing a to-infinitive and no object ("had *a duty* to" is not it, nor "has *yet* to
    decide", which says what has not happened); None otherwise. Outside reported speech "troops had to
    withdraw" narrates what they did, and stays asserted; a clause whose subject is a pronoun or owned by
    one ("Rwanda said *it* / *its army* had to defend the border") is the speaker's own necessity."""
    if (
        lemma_of(clause) not in _OBLIGING
        or not _other_subject(clause, clause.head)
        or clause.dep_ != "ccomp"
        or clause.tag_ not in ("VBD", "VBZ", "VBP")
        or clause.head.lemma_.lower() not in REPORTING
        or any(c.dep_ == "dobj" or (c.dep_ == "advmod" and c.lower_ == "yet") for c in clause.children)
        or _own_subject(clause)
        or local_status(clause, reported=True) != "asserted"
    ):
        return None
    return "must" if any(c.dep_ == "xcomp" and is_to_infinitive(c) for c in clause.children) else None


def _own_subject(clause: Token) -> bool:
    """The clause's subject is the speaker's own, named with a possessive pronoun ("said *his country* had
    to work faster")."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _obliged(tok: Token, head: Token) -> str | None:
    """The obligation ``head`` reports when ``tok`` is its to-infinitive (:func:`obligation`), else None."""
    return obligation(head) if tok.dep_ == "xcomp" and is_to_infinitive(tok) else None


def _other_subject(clause: Token, governor: Token) -> bool:
    """The clause a warning governs has a subject of its own, named by a noun rather than a pronoun that
    could be the warner ("warned that *Tehran* could ..." against "warned *it* could ...")."""
    if clause.dep_ != "ccomp":
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.i != governor.i


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


_TO_HYPOTHETICAL = {
    "would": "hypothetical",
    "conditional": "hypothetical",
    "must": "hypothetical",
    "should": "hypothetical",
    "may": "hypothetical",
    "reported_may": "hypothetical",
}


def _final_modality(status: str, speaker: int | None, trigger: Token) -> Modality:
    """Internal statuses mapped to public ones at the top of the clause chain."""
    if status == "reported_may" and speaker is not None:
        return Modality("hypothetical", speaker=speaker, modal_threat=True)  # "said it may suspend ties"
    if status == "ultimatum":  # a threat when the act is hostile, else only a conditional plan
        return Modality(
            "hypothetical",
            speaker=speaker if speaker is not None else _according_to(trigger.sent),
            modal_threat=True,
            conditional=True,
        )
    conditional = status == "conditional"
    status = _TO_HYPOTHETICAL.get(status, status)
    return Modality(
        status,
        speaker=speaker if speaker is not None else _according_to(trigger.sent),
        conditional=conditional,
    )


ASPECTUAL = words("factuality_aspectual")
OBJECT_CONTROL = words("factuality_object_control")


def is_to_infinitive(clause: Token) -> bool:
    """A bare verb with a "to" marker: "threatened *to impose*", "asked him *to leave*"."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _is_purpose(clause: Token, head_lemma: str) -> bool:
    """An infinitive of purpose: "deployed troops *to help*", "imposed sanctions *to press* Moscow"."""
    if clause.dep_ not in ("xcomp", "advcl") or not is_to_infinitive(clause):
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _STEPS for c in clause.head.children):
        return False  # "took steps *to enhance* freedoms": the steps are the act
    if head_lemma in _SENDING and clause.lemma_.lower() in _INQUIRING:
        return False  # "sent a team *to investigate*": the inquiry is under way
    if _joining(clause, clause.head):
        return False  # "troops arrived in Mali *to join* the peacekeeping mission": they are joining it
    if head_lemma in _STARTING and any(c.dep_ == "dobj" for c in clause.head.children):
        return True  # "start talks *to end* the war": the talks' aim, not "started to end"
    return head_lemma not in _NOT_PURPOSE


_STEPS = words("factuality_steps")
_STARTING = frozenset({"begin", "start", "resume", "continue", "keep"})
_SENDING = frozenset({"send", "dispatch"})
_INQUIRING = words("factuality_inquiring")
# Forces that arrive or are sent to join a force or mission are joining it (_is_purpose).
_ARRIVING = words("factuality_arriving")
_JOINING = words("factuality_joining")


def _joining(clause: Token, head: Token) -> bool:
    """Forces that arrive or are sent *to join* a force or mission: the joining happens with the move."""
    return (
        is_to_infinitive(clause)
        and governor_lemma(head) in _ARRIVING
        and clause.lemma_.lower() in _JOINING
    )


# Crowds gather to do what they came for: "thousands *gathered to protest*" reports the protest.
_GATHERING = words("factuality_gathering")
# Governors whose to-infinitive is their own complement, not a purpose (_is_purpose).
# A phone call's purpose is told with the call, as "called X to apologize" is ("call" is object control).
PHONING = frozenset({"phone", "telephone"})
_NOT_PURPOSE = ASPECTUAL | OBJECT_CONTROL | REPORTING | NOUN_GOVERNORS | NEGATING | _GATHERING | PHONING


def _combine(inner: str, outer: str) -> str:
    if "negated" in (inner, outer) or "refused" in (inner, outer):
        return "negated"
    return inner if inner != "asserted" else outer


def _step_up(tok: Token) -> tuple[Token, str] | None:
    """The governing word of ``tok`` and whether it governs a clause or a noun phrase."""
    head = tok.head
    if head is tok:
        return None
    dep = tok.dep_
    while dep in ("pcomp", "pobj") and head.dep_ == "conj" and head.pos_ == "ADP" and head.head.pos_ == "ADP":
        head = head.head  # "accused Qatar of funding militants and *of backing* Iran": the first "of"
    if dep in ("pcomp", "pobj") and head.dep_ in ("prep", "agent") and head.head is not head:
        if head.lower_ not in _COMPLEMENT_PREPS:
            return (
                head.head,
                "circumstance",
            )  # "agreed ... *at* talks": no governor, but negation still counts
        gov = head.head
        if gov.lower_ == "forward" and gov.head is not gov:
            gov = gov.head
        return gov, "clausal" if dep == "pcomp" else "nominal"
    if dep in _CLAUSAL or (
        dep == "advcl" and is_to_infinitive(tok) and governor_lemma(head) in _CLAUSE_GOVERNORS
    ):
        return head, "clausal"  # the parser often hangs "threatened ... *to impose*" as an adverbial clause
    if dep in ("advcl", "xcomp") and _joining(tok, head):
        return head, "circumstance"  # "*will send* troops to join the mission": as planned as the sending
    if dep in _NOMINAL and tok.pos_ in ("NOUN", "PROPN"):
        return head, "nominal"
    if dep in ("csubj", "csubjpass"):
        return head, "circumstance"  # "*Supplying* tanks might provoke ...": the act is the verb's subject
    if dep == "conj":
        return _step_up(head)
    return None


def speaker_of(verb: Token) -> int | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child.i
    return None


def _reporter_above(tok: Token) -> int | None:
    """The speaker of the reporting verb that a governing verb hangs on ("Qatar said it was *ready* to ...")."""
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "acomp") or tok.head is tok:
            return None
        tok = tok.head
        if tok.lemma_ in REPORTING:
            return speaker_of(tok)
    return None


def _according_to(sent: Span) -> int | None:
    for tok in sent:
        if tok.lower_ == "according":
            for prep in tok.children:
                if prep.lower_ == "to":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            return pobj.i
    return None
