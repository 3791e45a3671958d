"""An event's date: a statement is dated to when it is said (its saying verb), with the day the plan names
kept apart; other events to their own trigger (``event_date``). ``SAYING_WORDS`` are the words that say a
statement. Used by the event builder and event_doers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from volte.coding.cameo import STATEMENT_ROOTS
from volte.coding.dates import resolve_event_date
from volte.coding.governors import (
    APPEALING,
    COMMITTING,
    DEMANDING,
    PLANNING,
    REPORTING,
    THREATENING,
)
from volte.coding.setting import ArticleSetting
from volte.coding.verbs import VerbMatch

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


_PAST_TAGS = frozenset({"VBD", "VBN"})


def event_date(
    sent: Span, setting: ArticleSetting, match: VerbMatch, trigger: Token
) -> tuple[str | None, str, tuple[str | None, str]]:
    """(date, precision, (planned date, precision)) of an event. A statement (an appeal, intent,
    demand, refusal or threat: "agreed *to meet in March*", "threatened *to strike*") is an event on
    the day it is said, as CAMEO and GDELT date it; the day it plans, when its own clause gives one,
    is kept apart. Other future events are dated to when they are to happen."""
    ref = setting.reference
    if match.code[:2] in STATEMENT_ROOTS:
        said = _saying_verb(trigger)
        act = _planned_act(trigger, said)
        tense = "past" if said.tag_ in _PAST_TAGS else None
        iso, precision = None, "unknown"
        if act is not None:  # "said *on Monday* it would impose": an expression before the act dates it
            before = (0, act.idx - sent.start_char)
            iso, precision = resolve_event_date(
                sent, published=ref, trigger=act.i, tense=tense, fallback=False, within=before
            )
        if iso is None:
            iso, precision = resolve_event_date(sent, published=ref, trigger=said.i, tense=tense)
        planned = _planned(sent, setting, act)
        if ref is not None and iso is not None and iso > ref.isoformat():
            # said after the story was filed cannot be: the expression dates the plan ("agreed to begin
            # talks *by the end of February*", hung on "agreed" by the parser); the saying is the story's day
            planned = planned if planned[0] else (iso, precision)
            iso, precision = ref.isoformat(), "day"
        return iso, precision, planned
    tense = "future" if match.factuality == "future" else ("past" if trigger.tag_ in _PAST_TAGS else None)
    iso, precision = resolve_event_date(sent, published=ref, trigger=trigger.i, tense=tense)
    return iso, precision, (None, "")


def _planned(sent: Span, setting: ArticleSetting, act: Token | None) -> tuple[str | None, str]:
    """The date a time expression after the planned act, in its own clause, gives ("agreed to meet *in
    March*"; not "said *on Tuesday* he would meet", which dates the saying)."""
    if act is None:
        return None, ""
    base = sent.start_char
    end = act.right_edge.idx + len(act.right_edge)
    day, precision = resolve_event_date(
        sent,
        published=setting.reference,
        trigger=act.i,
        tense="future",
        fallback=False,
        within=(act.idx - base, end - base),
    )
    return (day, precision) if day is not None else (None, "")


# Words that say, decide or announce a statement about the future (factuality's lists of reporting,
# committing, planning, threatening, appealing and demanding words, verbs and nouns alike): a statement is
# dated to them (issue 14). "repeat", "signal" and "indicate" report a position too.
SAYING_WORDS = (
    REPORTING | COMMITTING | PLANNING | THREATENING | APPEALING | DEMANDING | {"repeat", "signal", "indicate"}
)


def _saying_verb(trigger: Token) -> Token:
    """The verb that says a statement: "*said* it would strike", "*agreed* to meet", "*announced* plans to
    visit", "*repeated* his threat to impose tariffs"; the trigger itself when nothing says it ("Iran
    *threatened* to close the strait")."""
    token = trigger
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        lemma = head.lemma_.lower()
        if lemma in SAYING_WORDS and token.dep_ in ("acl", "xcomp", "relcl", "prep"):
            token = head  # "his *threat* to impose tariffs": the noun, then the verb that states it
        elif token.lemma_.lower() in SAYING_WORDS and token.dep_ in ("dobj", "nsubjpass", "attr"):
            token = head
        elif lemma in SAYING_WORDS and token.dep_ in ("xcomp", "ccomp"):
            token = head
        elif lemma in SAYING_WORDS and token.dep_ in ("dobj", "nsubjpass") and token.pos_ == "NOUN":
            token = head  # "announced *plans*"
        else:
            break
    return token


def _planned_act(trigger: Token, said: Token) -> Token | None:
    """The act a statement plans: the trigger below its saying verb ("agreed *to meet*"), or the saying
    verb's complement ("threatened *to close* the strait"); None when nothing is planned in a clause."""
    if trigger.i != said.i:
        return trigger
    return next((c for c in said.children if c.dep_ in ("xcomp", "ccomp")), None)
