"""Acts named as nouns around an event: a condemned act ("condemned *the attack* on a church") and whether it
names its doer, and the acts people are arrested, charged or punished *in* or *for*, which are not the
arresting doer's. Used by the event builder, event_sides, event_targets and event_doers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from volte.coding.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token


HOLDING = words("coder_holding")
VIOLENT_ACTS = words("coder_violent_acts")
# coercion condemned is aimed at its doer when the text names one ("the detention of two Canadians *by China*");
# else at its victims, whose own state it mostly is ("condemned the jailing of Navalny")
COERCIVE_ACTS = words("coder_coercive_acts")
_LAUNCHING = words("coder_launching")
_BLAMING = frozenset({"blame", "pin"})
_PUNISHING = words("coder_punishing")
_ARRESTING = HOLDING | _PUNISHING  # arrested_in
# What people are arrested or held *in*, *over*, *for*, *after* ("detained suspects *in the attack*")
_CHARGED_IN = frozenset({"in", "over", "for", "after"})


def punished_for(trigger: Token) -> bool:
    """Whether a verb is the reason given for an arrest, a charge or a sentence ("was arrested *for
    collaborating* with Israel", "jailed for *insulting* the president"): an accusation, not an event."""
    prep = trigger.head
    return (
        trigger.dep_ == "pcomp"
        and trigger.pos_ == "VERB"
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in _PUNISHING
    )


def condemned_head(token: Token) -> int:
    """The act condemned when ``token`` is its victim ("condemned the killing *of civilians*": the killing),
    else ``token`` itself."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in ("of", "on", "against") and condemned_act(prep.head, "11"):
        return prep.head.i
    return token.i


def condemned_act(obj: Token, code: str) -> bool:
    """An act of violence or coercion criticized: "condemned *the attack* on a church", "denounced *the killing*
    of civilians", "*the detention* of two Canadians by China". Its victims are not whom the criticism is aimed at; the act itself is the target (its
    words become ``target_name``) unless its doer is named ("*Russia's* attack", "the attack *by* Hamas")."""
    return (
        code[:2] == "11"
        and obj.dep_ == "dobj"
        and (obj.lemma_.lower() in VIOLENT_ACTS or (obj.lemma_.lower() in COERCIVE_ACTS and named_doer(obj)))
        and obj.head.lemma_.lower() not in _LAUNCHING  # "launched a scathing attack on X": words aimed at X
        and obj.head.lemma_.lower() not in _BLAMING  # "blamed the attack on X": X is the accused
    )


def named_doer(act: Token) -> bool:
    """An act noun that names its doer: a possessor ("*China's* detention of") or a by-phrase ("the arrest of
    its citizens *by Iran*"), also where the parser hangs it on the verb whose object the act is ("condemned the
    sentencing of the activists *by a Russian court*")."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in act.children):
        return True
    return act.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "by" and c.i > act.i for c in act.head.children)


def suspected_in(act: Token, code: str) -> bool:
    """An attack that people are arrested or held *in* ("detained suspects *in the attack* on the
    convoy"): its victims are not the ones arrested."""
    return (
        code[:2] == "17"
        and act.dep_ == "pobj"
        and act.head.lower_ in _CHARGED_IN
        and act.lemma_.lower() in VIOLENT_ACTS
    )


def arrested_in(act: Token) -> bool:
    """An act named as what people were arrested, charged or held in ("detained suspects *in the attack*",
    "arrested *in the bombing*"): the arresting doer did not do it."""
    verb = act.head.head
    return (
        act.dep_ == "pobj"
        and act.head.lower_ in _CHARGED_IN
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _ARRESTING
    )
