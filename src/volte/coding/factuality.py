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
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from volte.coding.lexicon import words

REPORTING = words("reporting_verbs")
REFUSAL = words("factuality_refusal")
_COMPLIANCE = words("factuality_compliance")
_COMPLIANCE_SUBJECTS = words("factuality_compliance_subjects")
_PROTEST_ACTS = words("factuality_protest_acts")
_REFUSED_WITH_CAN = words("factuality_refused_with_can")
NEGATING = words("factuality_negating")
# Verbs that cancel an event named by their object noun ("postponed the talks"); "denied the accusation" does not.
NOMINAL_NEGATING = words("factuality_nominal_negating")
COMMITTING = words("factuality_committing")
PLANNING = words("factuality_planning")
THREATENING = words("factuality_threatening")
APPEALING = words("factuality_appealing")
DEMANDING = words("factuality_demanding")
ALLEGING = words("factuality_alleging")
CONSIDERING = words("factuality_considering")
_NOUN_GOVERNORS = (
    REFUSAL | COMMITTING | PLANNING | THREATENING | APPEALING | DEMANDING | ALLEGING | CONSIDERING
)
_CLAUSE_GOVERNORS = _NOUN_GOVERNORS | NEGATING  # whose to-infinitive the parser may hang as an advcl
# Adjectives that take the reality out of a nominal event: "the *alleged* attack", "a *possible* visit".
_HEDGING_ADJECTIVES = {
    "alleged": "alleged",
    "suspected": "alleged",
    "purported": "alleged",
    "rumored": "alleged",
    "rumoured": "alleged",
    "possible": "hypothetical",
    "potential": "hypothetical",
    "hypothetical": "hypothetical",
    "proposed": "hypothetical",
    "planned": "future",
    "upcoming": "future",
    "forthcoming": "future",
    "expected": "future",
    "future": "future",
    "prospective": "hypothetical",
    "would-be": "hypothetical",
    "failed": "negated",
}

HYPOTHETICAL_MODALS = words("factuality_hypothetical_modals")
FUTURE_MODALS = words("future_auxiliaries")
CONDITIONAL_MARKS = words("factuality_conditional_marks")
NEGATIVE_DETS = words("factuality_negative_dets")
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
_ANNOUNCING_AUX = FUTURE_MODALS | {"would"}


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
        if aux in _ANNOUNCING_AUX and _self_announced(clause, modality.speaker):
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
        if tok.lemma_ in REPORTING or (tok.dep_ == "advcl" and _is_condition(tok)) or tok.head is tok:
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
    if _asked(trigger):
        return Modality("hypothetical")  # "Is a Russian invasion of Ukraine imminent?"
    status = _local_status(trigger, reported=False)
    speaker: int | None = None
    tok = trigger
    for _ in range(6):
        if status == "negated":
            return Modality("negated", speaker=speaker)
        if status == "refused":
            reporter = _reporter_above(trigger)
            return Modality(
                "refusal",
                speaker=reporter if reporter is not None else _according_to(trigger.sent),
                self_refusal=True,
            )
        if _is_background(tok):
            return Modality("background", temporal=tok.i == trigger.i and _temporal_clause(tok))
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
            if _local_status(head, reported=True) == "negated":
                return Modality("negated", speaker=speaker)
            if status in ("must", "should"):
                return Modality("demand" if status == "must" else "appeal", speaker=speaker, by_speaker=True)
            # "said it may suspend ties", "said Tehran would walk out of the talks if ...": threats when hostile
            status = {"would": "future", "may": "reported_may"}.get(status, status)
            tok = head
            continue
        governed = _governed_status(lemma, relation, head)
        if governed == "future" and relation == "clausal" and _other_subject(tok, head):
            if lemma in _WANTING:  # "Israel wants Germany to pay": an appeal to Germany
                return Modality("appeal", speaker=speaker_of(head), by_speaker=True)
            if lemma in _FORECASTING:  # "expects Beijing to step up pressure": a forecast
                return Modality("hypothetical", speaker=speaker_of(head))
        if governed is not None:
            if governed not in ("alleged", "negated") and _alleged(head):
                return Modality("alleged", speaker=speaker)  # "accused Russia of *planning* to invade"
            if governed == "threat" and status == "may" and _other_subject(tok, head):
                governed = "hypothetical"  # "analysts warned that Tehran *could* retaliate": a prediction
            return _governed_modality(governed, status, head, relation, speaker, trigger)
        if relation in ("clausal", "circumstance") or tok.dep_ in ("nsubj", "nsubjpass"):
            outer = _local_status(head, reported=False)
            if relation != "clausal" and outer == "would":
                outer = "hypothetical"  # "a blockade *would* be hard to break" is no announced plan
            status = _combine(status, outer)
        tok = head
    return _final_modality(status, speaker, trigger)


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
        if _governed_status(lemma, relation, head) == "alleged":
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
    if _local_status(head, reported=False) == "negated" and governed not in ("refusal", "negated"):
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
        or _local_status(clause, reported=True) != "asserted"
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


# Instruments whose content is enacted by signing or passing them: "signed an order *lifting* sanctions".
_INSTRUMENTS = words("factuality_instruments")
# Documents whose participle clause is what they say: "issued a statement *condemning* the attack".
_DOCUMENTS = words("factuality_documents")
_WRITINGS = _INSTRUMENTS | _DOCUMENTS
_AUTHORED = words("factuality_authored_documents")
_PUBLISHING = words("factuality_publishing")
BACKGROUND_MARKS = words("factuality_background_marks")
BACKGROUND_PREPS = words("factuality_background_preps")


def _temporal_clause(tok: Token) -> bool:
    """A clause that says what happened meanwhile: "*as* security forces fired tear gas", "*when* a grenade
    exploded" (not "after", "since" or "because": those are earlier, often older, events)."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in tok.children
    )


def _is_background(tok: Token) -> bool:
    """Background rather than news: relative and participial clauses ("a tanker *seized* by ..."),
    temporal or causal clauses ("after rebels *seized* Damascus"), and "after/since/amid the *attack*"."""
    dep = tok.dep_
    if dep == "relcl" and (_non_restrictive(tok) or _misparsed_complement(tok)):
        return False  # "the opposition, *which it accused* of treason": news told in passing
    if dep in ("relcl", "amod") and tok.pos_ in ("VERB", "AUX"):
        return True
    if dep in ("dobj", "dative") and tok.pos_ == "NOUN" and tok.head.lemma_ in _ADDRESSING:
        return True  # "*telling a rally* in Caracas", "addressed a summit": the audience, not an event
    if dep == "acl" and tok.pos_ in ("VERB", "AUX"):
        lemma = governor_lemma(tok.head)
        if lemma in _WRITINGS:  # "a report *released* by ...": how the document came out, not what it says
            return tok.tag_ == "VBN" or not _issued(tok.head)  # "protested against an order *requiring* ..."
        return lemma not in _NOUN_GOVERNORS
    if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in tok.children):
        return True
    if dep in ("pobj", "pcomp") and tok.head.dep_ == "prep":
        if tok.head.lower_ in BACKGROUND_PREPS:
            return True
        # "the future *of* U.S. aid", "Egypt's role *in* brokering": a modifier of another noun, not news
        holder = tok.head.head
        return (
            holder.pos_ in ("NOUN", "PROPN", "PRON")
            and holder.dep_ not in ("ROOT",)
            and not _eventive(holder)
        )
    return False


def _non_restrictive(clause: Token) -> bool:
    """A relative clause set off by a comma and opened by who/which, in the active past ("police, *who fired*
    tear gas", "the party, *which it had accused* of treason"): it adds a new act of its own. Restrictive
    ones ("the attack *that killed* ..."), where/when clauses, passives ("Canadians, *who were held* ...")
    and states that last ("Kyiv, *which has relied* on ...", "carmakers, *which ship* ...") only describe."""
    first = clause.left_edge
    if first.i == 0 or first.i <= clause.head.i or first.lower_ not in _RELATIVE_OPENERS:
        return False
    if clause.doc[first.i - 1].text != ",":
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in clause.children):
        return False
    return (clause.tag_ == "VBD" and not auxes) or (clause.tag_ == "VBN" and auxes == {"had"})


_RELATIVE_OPENERS = words("factuality_relative_openers")


def _misparsed_complement(clause: Token) -> bool:
    """A "that" clause with a subject of its own, hung on the object of a reporting verb: "told a gathering
    *that France now recognised* ..." is what was said, not a relative clause ("that" marks it)."""
    holder = clause.head
    if holder.dep_ not in ("dobj", "dative") or holder.head.lemma_.lower() not in _SAYING_TO:
        return False  # "denied *reports that* its troops attacked" keeps its governor
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    )


def _issued(document: Token) -> bool:
    """A document that is itself the news: the object or subject of its verb ("signed an order", "the
    decree bans ...") or the statement something was said in ("said *in* a statement condemning ...")."""
    if document.lemma_.lower() in _AUTHORED and document.dep_ in ("dobj", "nsubjpass"):
        return document.head.lemma_.lower() in _PUBLISHING  # "investigated a report alleging ..." is not its author's
    if document.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "ROOT", "conj"):
        return True
    return document.dep_ == "pobj" and document.head.lower_ == "in"


_EVENTIVE_HOLDERS = words("factuality_eventive_holders")


def _eventive(noun: Token) -> bool:
    """Nouns whose "of"/"in" phrase still reports an event: "a round *of talks*", "on the sidelines *of the summit*"."""
    return noun.lemma_.lower() in _EVENTIVE_HOLDERS


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
_NOT_PURPOSE = ASPECTUAL | OBJECT_CONTROL | REPORTING | _NOUN_GOVERNORS | NEGATING | _GATHERING | PHONING


def _combine(inner: str, outer: str) -> str:
    if "negated" in (inner, outer) or "refused" in (inner, outer):
        return "negated"
    return inner if inner != "asserted" else outer


def governor_lemma(head: Token) -> str:
    if head.lemma_ == "look" and any(c.lower_ == "forward" for c in head.children):
        return "plan"
    if head.lemma_ == "go" and head.tag_ == "VBG":
        return "plan"
    return head.lemma_.lower()


_ADDRESSING = words("factuality_addressing")
_SAYING_TO = REPORTING | _ADDRESSING
# Nouns that set a status on the event they govern (_governed_status)
_STANCES = THREATENING | REFUSAL | DEMANDING | APPEALING | PLANNING | COMMITTING
ENACTING = words("factuality_enacting")
_DOING = words("factuality_doing")
_DECIDING = words("factuality_deciding")


def _governed_status(lemma: str, relation: str, head: Token) -> str | None:
    if head.pos_ in ("NOUN", "PROPN") and lemma in _WRITINGS:
        return None  # "signed an executive *order* lifting sanctions": the order enacts, it demands nothing
    if lemma in _DECIDING and relation == "clausal" and head.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return "enacted"  # "the court decided to allow ...": an authority's decision is the act
    if relation == "nominal":
        if lemma in NOMINAL_NEGATING:
            return "negated"
        if lemma in _DOING and not (lemma == "commit" and any(c.lower_ == "to" for c in head.children)):
            return None  # "undertook a mediation mission", "committed rape" report the act ("commit *to*" pledges)
        if lemma in ENACTING and head.pos_ == "VERB":
            return "enacted"  # "Putin *ordered* a mobilisation": the order carries out the act
        if lemma not in _STANCES:
            return None
    for names, status in (
        (REFUSAL, "refusal"),
        (NEGATING, "negated"),
        (THREATENING, "threat"),
        (COMMITTING, "committed"),
        (PLANNING, "future"),
        (APPEALING, "appeal"),
        (DEMANDING, "demand"),
        (ALLEGING, "alleged"),
        (CONSIDERING, "hypothetical"),
    ):
        if lemma in names:
            if lemma == "call" and not any(_calling_on(c) for c in head.children):
                return None
            return status
    if lemma == "tell" and relation == "clausal" and any(c.dep_ in ("dobj", "dative") for c in head.children):
        return "demand"  # "told Palestinians *to move* south"
    return None


def _calling_on(child: Token) -> bool:
    """ "called *on* (*for*, *upon*) X": an appeal; "called Bashir *on Saturday* to express his support" is a
    phone call whose purpose is the caller's own act (a time is no one called on)."""
    if child.dep_ in ("advcl", "ccomp"):  # "called on Friday *for* Iran to release": a for-to clause
        return any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
    if child.lower_ not in ("on", "for", "upon"):
        return False
    objects = [p for p in child.children if p.dep_ == "pobj"]
    return not objects or any(p.ent_type_ not in ("DATE", "TIME") for p in objects)


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


def _waiting(child: Token) -> bool:
    """An "until" that only puts an act off ("until next week", "until the results are announced"), not a
    condition on the other side ("until Cuba undertakes reforms", "until their demands are met"), which
    makes "will not X" a refusal, as "unless" does."""
    if child.dep_ == "prep" and child.lower_ in ("until", "till"):
        return True
    if child.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in child.children):
        return False
    subjects = [c.lemma_.lower() for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    verbs = [child.lemma_.lower()] + [c.lemma_.lower() for c in child.children if c.dep_ == "acomp"]  # "is satisfied"
    if any(c.dep_ == "nsubj" and _names_side(c) for c in child.children):
        return False  # "until *U.N. peacekeepers* take positions", "until *Islamabad* acts": a side must act first
    return _COMPLIANCE.isdisjoint(verbs) and _COMPLIANCE_SUBJECTS.isdisjoint(subjects)


def _names_side(subject: Token) -> bool:
    """An active subject that names a side: a proper name ("until *Islamabad* acts") or a noun a name or
    nationality modifies ("until *U.N.* peacekeepers", "the *Lebanese* army"); not a date, nor a pronoun."""
    if subject.pos_ == "PROPN":
        return subject.ent_type_ not in ("DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL")
    return subject.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "amod", "poss") and c.ent_type_ in ("GPE", "NORP", "ORG")
        for c in subject.children
    )


def _kept_protest(verb: Token) -> bool:
    """A protest its doers will not end (call off, suspend) until something happens: "will not end the
    strike *until* our permits are corrected / till we see results" refuses to ease the dissent now; an
    until-phrase of time ("until next week") still only puts the end off."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_ACTS for c in verb.children)


def _local_status(verb: Token, *, reported: bool) -> str:
    """Negation, modals and conditional marks attached to one word.

    Internal statuses besides the public ones: ``would`` (becomes ``future`` in reported speech,
    "said it would send troops", else ``hypothetical``) and ``conditional`` (an if/unless clause).
    """
    flags: set[str] = set()
    if verb.dep_ in ("pcomp", "pobj") and verb.head.lower_ == "without":
        return "negated"  # "said so *without providing* details", "withdrew *without a fight*"
    for child in verb.children:
        dep, low = child.dep_, child.lower_
        if dep == "neg" or (dep == "advmod" and low in ("never", "not")) or _no_longer(child):
            # "will not join", "would not accept": a refusal announced now, not a missing event
            future = any(c.dep_ == "aux" and c.lower_ in _ANNOUNCING_AUX for c in verb.children)
            # "*cannot* accept any more refugees", "can not allow": a refusal stated now, not an inability
            future = future or (
                verb.lemma_ in _REFUSED_WITH_CAN and any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in verb.children)
            )
            kept = _kept_protest(verb)  # "until our demands are met / till we see results"; not "until next week"
            waiting = any(_waiting(c) and not (kept and c.dep_ == "advcl") for c in verb.children)
            return "refused" if future and not waiting and verb.pos_ in ("VERB", "AUX") else "negated"
        if dep in ("nsubj", "nsubjpass", "dobj") and _negative_phrase(child):
            return "negated"  # "*No* missiles were fired", "*nobody* recognised"
        if dep == "aux" and low == "should" and child.i < verb.i and _inverted(child, verb):
            flags.add("conditional")  # "Should the truce collapse, ..."
            continue
        if verb.pos_ in ("NOUN", "PROPN"):
            if dep == "det" and low in NEGATIVE_DETS:
                return "negated"
            if dep == "det" and low == "any":
                flags.add("hypothetical")  # "would respond to *any* attack"
            if dep == "amod" and low in _HEDGING_ADJECTIVES:
                flags.add(_HEDGING_ADJECTIVES[low])
        if dep == "aux" and low in FUTURE_MODALS:
            flags.add("future")
        elif dep == "aux" and low in ("must", "should"):
            flags.add(low)
        elif dep == "aux" and low == "would":
            flags.add("future" if reported else "would")
        elif dep == "aux" and low in ("may", "might", "could"):
            flags.add("may")
        elif dep == "aux" and low in HYPOTHETICAL_MODALS:
            flags.add("hypothetical")
        elif dep == "advmod" and low in _HEDGING_ADVERBS and not (low == "likely" and _past_finding(verb)):
            flags.add("hypothetical")
        elif (dep == "mark" and low in CONDITIONAL_MARKS) or (dep == "advcl" and _is_condition(child)):
            flags.add("conditional")
            if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children):
                flags.add("unless")
    if "unless" in flags and flags & {"future", "would"}:
        return "ultimatum"  # "will impose tariffs *unless* ...": an announced act with a condition on the other side
    for status in (
        "negated",
        "alleged",
        "conditional",
        "must",
        "should",
        "hypothetical",
        "may",
        "would",
        "future",
    ):
        if status in flags:
            return "negated" if status == "alleged" else status
    if (
        verb.dep_ == "conj"
        and not any(c.dep_ == "aux" for c in verb.children)
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return _local_status(verb.head, reported=reported)
    return "asserted"


def _no_longer(child: Token) -> bool:
    """ "will *no longer* cooperate", "*no longer* supplies": the parser hangs "no" on "longer"."""
    return (
        child.dep_ == "advmod"
        and child.lower_ in ("longer", "more")
        and any(g.lower_ == "no" for g in child.children)
    )


def _negative_phrase(head: Token) -> bool:
    if head.lower_ in ("nobody", "none", "nothing", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETS for c in head.children)


def _past_finding(verb: Token) -> bool:
    """ "Chlorine *was likely used* as a weapon", "munitions were likely dropped on the town": an inquiry's
    finding about a past act (a passive in the past tense with no modal), not a hedge; "will likely attack"
    and "could likely" stay hypothetical."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _inverted(aux: Token, verb: Token) -> bool:
    """The auxiliary comes before the subject: a condition ("Should the truce collapse")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and aux.i < subject.i


_HEDGING_ADVERBS = words("factuality_hedging_adverbs")
_HEDGES = _HEDGING_ADVERBS | {"likely", "unlikely"}


def _is_condition(clause: Token) -> bool:
    """An if/unless clause, or an inverted one ("Should the truce collapse", "Had they known")."""
    if any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in clause.children):
        return True
    first = min([clause, *clause.children], key=lambda t: t.i)
    return (
        first.dep_ in ("aux", "auxpass")
        and first.lower_ in ("should", "had", "were")
        and first.head is clause
    )


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
