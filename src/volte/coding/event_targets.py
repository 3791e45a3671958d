"""Targets an event's pattern slots leave out: the nearest actor in a governed clause
(``complement_target``), a partner agreed or met with, whom a protest is against, a message's addressee,
a compatriot institution or the protesters' own government, the owners of looted property and the
unknown names beside a symmetric doer. Used by the event builder (and event_pairs: ``STATE_ROLES``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from volte.coding.actor_syntax import COUNT_WORDS
from volte.coding.actors import UNKNOWN_COUNTRY, ResolvedActor
from volte.coding.event_acts import condemned_act, suspected_in
from volte.coding.event_places import NO_TARGET_DEPS, OCCASIONS, place_entity
from volte.coding.event_sides import EventSides, countryless, distinct, known_actors
from volte.coding.factuality import is_to_infinitive
from volte.coding.lexicon import words
from volte.coding.slots import absolute_with, subject_heads
from volte.coding.triggers import is_time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def unknown_partners(
    sides: EventSides, heads: tuple[int, ...], sources: list[ResolvedActor], on: date | None
) -> list[ResolvedActor]:
    """The conjuncts of a symmetric event's doer that are proper names volte cannot code ("China and *the
    Eurasian Economic Union* signed an agreement", "*Raila Odinga* and President Ruto met"): each is the
    other side, kept by its words (the code empty, or ``---`` as the resolver names an unknown), rather
    than leaving the known doer with no partner. Only "and" joins partners ("the Movement, *or CONAMA*"
    is one); a conjunct whose own words hold a known actor ("the Prime Minister *of Israel*, Benjamin
    Netanyahu") is that actor, not a partner."""
    partners: list[ResolvedActor] = []
    for i in heads[:1]:
        token = sides.doc[i]
        if not token.conjuncts:
            continue
        for conj in (token, *token.conjuncts):
            if conj.pos_ != "PROPN" or not conj.text[:1].isupper() or is_time(conj):
                continue
            # the conjunct's own words: its subtree without the conjuncts hung on it
            own = [conj] + [
                t for c in conj.children if c.dep_ not in ("conj", "cc", "punct") for t in c.subtree
            ]
            first, last = min(t.i for t in own), max(t.i for t in own)
            lo, hi = sides.doc[first].idx, sides.doc[last].idx + len(sides.doc[last])
            if sides.setting.in_dateline(conj) or any(lo <= a.start < hi or a.start <= lo < a.end for a in sources):
                continue
            before = sides.doc[first - 1] if first > 0 else None
            if conj is not token and (before is None or before.lower_ not in ("and", "&", ",")):
                continue  # "the Movement, or CONAMA" names one actor twice
            found = sides.resolver.resolve(conj, on=on)
            mine = [a for a in found if a.start < hi and lo < a.end]
            if any(a.code and a.code != UNKNOWN_COUNTRY for a in mine):
                continue
            while first < conj.i and sides.doc[first].dep_ == "det":
                first += 1
            if last + 1 < len(sides.doc) and sides.doc[last + 1].text == ")" and "(" in sides.doc[first:last + 1].text:
                last += 1  # "the Democratic Alliance (DA)": the closing bracket too
            span = sides.doc[first : last + 1]
            code = next((a.code for a in mine if a.code), "")
            partners.append(ResolvedActor(code, span.text, span.start_char, span.end_char, "unknown partner"))
    return partners


def cue_object(sides: EventSides, trigger: Token, on: date | None) -> list[ResolvedActor]:
    """The direct object of a coercive verb when it names people or an organization, even where it is
    the pattern's own cue ("a court *banned national newspapers*", "closed *two opposition newspapers*"):
    who is coerced. Forces and officials are left out (they may be the doer's own)."""
    heads = tuple(c.i for c in trigger.children if c.dep_ == "dobj")
    found = sides.side(heads, on, speaker=None)
    return [a for a in found if a.code[3:6] not in STATE_ROLES]


def partner(
    sides: EventSides, trigger: Token, sources: list[ResolvedActor], on: date | None
) -> list[ResolvedActor]:
    """Whom a doer agreed with on the act it plans: "the defence minister agreed *with his Iranian
    counterpart* to exchange technology", "Kenya signed a deal *with Ethiopia* to build a road"."""
    if trigger.dep_ not in ("xcomp", "acl", "advcl") or trigger.head.lemma_.lower() not in _AGREEING:
        return []
    verb = trigger.head if trigger.dep_ == "xcomp" else trigger.head.head
    if verb.lemma_.lower() not in _AGREEING and trigger.head.lemma_.lower() not in _AGREEING:
        return []
    own = {a.code for a in sources}
    for holder in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "with" and not absolute_with(prep):
                heads = tuple(p.i for p in prep.children if p.dep_ == "pobj")
                found = [a for a in sides.side(heads, on, speaker=None) if a.code not in own]
                if found:
                    return found
    return []


def gathering_partner(
    sides: EventSides, trigger: Token, sources: list[ResolvedActor], on: date | None
) -> list[ResolvedActor]:
    """Whom a doer meets when it attends or hosts a gathering: the one it joins ("joined *the Iranian
    foreign minister* for talks"), else the body whose gathering it is ("attended a meeting *of the
    African Union*", "hosted *a NATO* summit"; a body named but unknown after "of" too). A role without
    a country ("a *cabinet* meeting") and the doer itself are no partner."""
    own = {a.code for a in sources}
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    for obj in objects:  # "joined *X* for a meeting": X itself
        found = [a for a in sides.side((obj.i,), on, speaker=None) if a.code not in own]
        if found and not any(map(countryless, found)):
            return found
    fors = [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
    for noun in [*objects, *(p for p in fors if p.dep_ == "pobj")]:
        ofs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        named = [m for m in noun.lefts if m.dep_ in ("compound", "amod", "nmod") and m.text[:1].isupper()]
        for owner, unknown_ok in [
            *((p, True) for p in ofs if p.dep_ == "pobj"),
            *((m, False) for m in named),
        ]:
            found = [a for a in known_actors(sides.resolver.resolve(owner, on=on)) if a.code not in own]
            if found and all(
                not countryless(a) or (unknown_ok and a.code == UNKNOWN_COUNTRY) for a in found
            ):
                return found
    return []


def protested(
    sides: EventSides, trigger: Token, sources: list[ResolvedActor], on: date | None, *, at: bool = True
) -> list[ResolvedActor]:
    """Whom a protest is against when a clause or phrase of its own says so: "started a hunger strike *to
    protest against the Russian authorities*", "staged a sit-in *against the Lagos state government*",
    "went on strike, *denouncing the Ministry of Health*", "threw stones *at police officers*". Only these
    words are read, not the rest of the clause; a name after "at" is where they protest. A whom without
    a country is the protesters' own country's ("the Ministry of Health"). ``at``: read "at" phrases (off
    where the protesters are only placed: "a protest *at the prison*" is where)."""
    own = {a.code for a in sources}
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    clauses = [
        c
        for h in holders
        for c in h.children
        if c.dep_ in ("advcl", "xcomp", "acl", "relcl") and c.lemma_.lower() in _PROTESTING
    ]
    heads = [
        *(c for clause in clauses for c in clause.children if c.dep_ == "dobj"),
        *_grieved(holders),
        *(
            p
            for h in (*holders, *clauses)
            for prep in h.children
            if prep.dep_ == "prep" and prep.lower_ in (("against", "at") if at else ("against",))
            for p in prep.children
            if p.dep_ == "pobj" and not (prep.lower_ == "at" and (p.pos_ == "PROPN" or place_entity(p)))
        ),
    ]
    home = next((a.code[:3] for a in own_government(sources)), None)
    for head in heads:
        found = [a for a in sides.side((head.i,), on, speaker=None) if a.code not in own]
        if home is not None:  # "Kenyan doctors ... denouncing *the Ministry of Health*": Kenya's
            found = [
                replace(a, code=home + a.code[3:]) if countryless(a) and a.code[3:] else a for a in found
            ]
        if found:
            return found
    return []


def complement_target(
    sides: EventSides, trigger: Token, sources: list[ResolvedActor], on: date | None, code: str
) -> list[ResolvedActor]:
    """The nearest known actor inside the clause or the prepositional phrase a verb governs, when its
    pattern found no target: "threatened to deliver blows *to the United States*", "refused to lift
    the curfew *on Palestinians*", "demanded that *Beijing* free ...", "worried *about Britain's*
    vote", "lifted the curfew *in Montenegro*". Nearest in the parse first, a few steps deep; the
    source itself and a clause whose subject or object is an unknown name ("ordered *Menem* to
    appear") give no target, nor does a place for coercion or violence ("held drills *in* the Sea of
    Japan"), which event_places.place_actor reads."""
    own = {a.code for a in sources}
    venue = code == "036" or code[:2] == "04"  # "agreed to meet again *in Brazil*": where, not with whom
    # "ordered X to pay *following* an investigation by Y": when, not to whom ("killed civilians *during*
    # attacks on villages" still reads the attack's victims)
    occasions = _OCCASIONS_NOT_DURING if code[:2] in PLACE_ROOTS else OCCASIONS
    queue = [*_clause_complements(trigger, code), *_phrase_complements(trigger, code)]
    while queue:
        token, depth = queue.pop(0)
        if venue and token.dep_ == "pobj" and token.head.lower_ == "in" and place_entity(token):
            continue  # a place after "in" is where they meet, not the partner ("in the *visit* by X" is read)
        if suspected_in(token, code):
            continue  # "detained two men *over the attack* on X": not X
        if token.dep_ in _COMPLEMENT_ROLES and token.pos_ in ("NOUN", "PROPN"):
            found = [a for a in sides.side((token.i,), on, speaker=None) if a.code not in own]
            if found:
                return found
            if depth == 1 and token.pos_ == "PROPN" and token.dep_ != "pobj":
                return []  # the target is named, but nobody we know
        if depth < _COMPLEMENT_DEPTH and token.lower_ not in occasions:
            queue.extend(
                (c, depth + 1)
                for c in token.children
                if c.dep_ not in NO_TARGET_DEPS and not (c.dep_ == "prep" and c.lower_ in occasions)
            )
    return []


def _clause_complements(trigger: Token, code: str) -> list[tuple[Token, int]]:
    """Where complement_target starts, at depth 0: the clauses and prepositions the verb governs after it."""
    about = _ABOUT_NOT_INTO if code[:2] in PLACE_ROOTS else _ABOUT_OR_IN  # places: see place_actor
    if trigger.pos_ not in ("VERB", "ADJ"):
        about = _ABOUT_NOT_INTO  # "a suspension of air links *with Serbia*", not "talks *in* Cairo"
    return [
        (c, 0)
        for c in trigger.children
        if c.i > trigger.i  # "X refuted ...; they had a call": a clause before it is no complement
        and (
            c.dep_ in _COMPLEMENTS
            or (c.dep_ == "advcl" and is_to_infinitive(c))
            or (c.dep_ == "prep" and c.lower_ in about and not absolute_with(c) and not _partnered(c, code))
        )
        # "deployed aircraft *to assess the situation in Uzbekistan*": where they look, not at whom
        and not (code[:2] == "15" and c.lemma_.lower() in _SURVEYING_AIMS and is_to_infinitive(c))
    ]


def _phrase_complements(trigger: Token, code: str) -> list[tuple[Token, int]]:
    """Where complement_target starts, at depth 1: the prepositions and clauses inside the verb's object
    or prepositional phrase."""
    queue = [  # "opened an inquiry *into* ...", "lifted the curfew *on* ...", "a suspension of links *with*"
        (p, 1)
        for o in trigger.children
        if o.dep_ in ("dobj", "prep") and o.i > trigger.i and not condemned_act(o, code)
        for p in (o.children if o.dep_ == "dobj" else (g for x in o.children for g in x.children))
        if p.dep_ == "prep" and p.lower_ in _ABOUT and not suspected_in(p.head, code) and not _partnered(p, code)
    ]
    queue += [  # "lifted sanctions *imposed on Eritrea*" (not "filed by X *against* Y": X's, read later)
        (p, 1)
        for o in trigger.children
        if o.dep_ == "dobj" and o.i > trigger.i
        for a in o.children
        if a.dep_ == "acl" and a.tag_ == "VBN"
        for p in a.children
        if p.dep_ == "prep"
        and p.lower_ in _ABOUT_NOT_INTO
        and (p.lower_ == "on" or not any(c.dep_ == "agent" for c in a.children))
    ]
    if code[:2] == "07":  # "provided EUR 28 million *to pay for aid in Yemen*": the money's purpose
        queue += [  # (helping or paying for something; "a loan to finance a road to Khartoum" names no one)
            (a, 1)
            for o in trigger.children
            if o.dep_ == "dobj" and o.i > trigger.i
            for a in o.children
            if a.dep_ in ("relcl", "acl") and is_to_infinitive(a) and a.lemma_.lower() in _MONEY_PURPOSES
        ]
    if code[:2] == "11":  # "filed a lawsuit *accusing the army* of ...": whom the complaint accuses
        queue += [
            (c, 1)
            for o in (trigger, *(c for c in trigger.children if c.dep_ == "dobj"))
            for a in o.children
            if a.dep_ in ("acl", "advcl") and a.lemma_.lower() in _ACCUSING and a.i > trigger.i
            for c in a.children
            if c.dep_ == "dobj"
        ]
    return queue


_INSTITUTIONS = {
    "government": "GOV",
    "opposition": "OPP",
    "parliament": "LEG",
    "legislature": "LEG",
    "army": "MIL",
    "military": "MIL",
    "police": "COP",
    "judiciary": "JUD",
    "court": "JUD",
    "president": "GOV",
    "authorities": "GOV",
    "authority": "GOV",
    "junta": "MIL",
    "cabinet": "GOV",
    "regime": "GOV",
}
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Clauses a trigger governs ("threatened *to strike*", "demanded *that* Iran *free*") and the words in them
# that can name the target; relative clauses and appositions describe someone else's act.
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_COMPLEMENT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr"})
_ABOUT = words("coder_about")
_ABOUT_NOT_INTO = _ABOUT - {"into"}
_ABOUT_OR_IN = _ABOUT | {"in"}
_OCCASIONS_NOT_DURING = OCCASIONS - {"during"}
_MONEY_PURPOSES = words("verbs_helping_aims") | {"pay"}  # money given *to help*, *to pay for* (aid codes)
_COMPLEMENT_DEPTH = 5  # parse steps below the complement's head
PLACE_ROOTS = frozenset({"17", "18", "19", "20"})
_SURVEYING_AIMS = words("verbs_surveying_aims")
_JOINT = frozenset({"joint", "combined", "coordinated"})


def _partnered(prep: Token, code: str) -> bool:
    """A with-phrase of a joint use of force names a partner, not a target: "carried out a *joint* operation
    *with the DEA*" is no attack on the DEA (also when the parser hangs "with" on the verb). Other acts keep
    it ("suspended bilateral visits *with Malawi*")."""
    if prep.lower_ != "with" or code[:2] not in ("18", "19", "20"):
        return False
    holder = prep.head
    acts = [holder] + [o for o in holder.children if o.dep_ == "dobj"]
    return any(a.lemma_.lower() in _JOINT for act in acts for a in act.children if a.dep_ == "amod")


# Agreeing on an act with someone: the partner is the act's target (partner).
_AGREEING = words("coder_agreeing")
_ACCUSING = words("coder_accusing")
# Words of a protest's aim clause that name whom it is against ("*to protest* against X", "*denouncing* X").
_PROTESTING = words("coder_protesting")
_GRIEVANCES = words("coder_grievances")
_VOICING = words("coder_voicing")


def _grieved(holders: list[Token]) -> list[Token]:
    """Whom a protest's grievance is against: the "of" (against, for, at, to) phrase of a grievance noun "in" a
    phrase of the protest or voiced by its purpose clause: "marched *in defiance of Chinese authorities*",
    "blocked a road *to show their disapproval of the United States' policies*", "in protest *at* the ban"."""
    nouns = [
        n
        for h in holders
        for c in h.children
        for n in (
            [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ == "in"
            else [o for o in c.children if o.dep_ == "dobj"]
            if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _VOICING
            else []
        )
        if n.lemma_.lower() in _GRIEVANCES
    ]
    return [
        p
        for n in nouns
        for prep in n.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "against", "for", "at", "to", "toward", "towards")
        for p in prep.children
        if p.dep_ == "pobj"
    ]


_LAWLESS = words("coder_lawless_destruction")
_PROPERTY_OWNERS = (
    ("BUS", words("coder_business_property")),
    ("CVL", words("coder_home_property")),
    ("REL", words("coder_worship_property")),
)
_BOYCOTTED_BUSINESSES = words("coder_boycotted_businesses")
_FOREIGN = words("coder_foreign_modifiers")
# Verbs that send a message and the messages sent (addressee, misread_sender)
_MESSAGE_SENDING = words("coder_message_sending")
_MESSAGES = words("coder_messages")


def _to_objects(token: Token) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def addressee(trigger: Token) -> tuple[int, ...]:
    """The one a message is sent to, when the event is what the message says: the participle or infinitive
    under a sending verb or its message ("sent a letter *to the head of NATO* threatening ...", "wrote *to the
    Commission* asking for ...", "a message *to India* warning of ..."), or the event said "in a letter *to
    the Council*". Empty when the trigger says nothing of a message."""
    heads: list[Token] = []
    clause = trigger  # "threatening *to cut* US funding": the message's own verb carries the act
    while clause.dep_ == "xcomp" and clause.head.tag_ in ("VBG", "VB") and clause.head.dep_ in ("advcl", "acl"):
        clause = clause.head
    if clause.dep_ in ("advcl", "acl", "xcomp") and clause.tag_ in ("VBG", "VB"):
        holder = clause.head
        if holder.pos_ == "NOUN" and holder.lemma_.lower() in _MESSAGES:
            heads = _to_objects(holder) or (_to_objects(holder.head) if holder.dep_ == "dobj" else [])
        elif holder.pos_ == "VERB" and holder.lemma_.lower() in _MESSAGE_SENDING:
            messages = [o for o in holder.children if o.dep_ == "dobj"]
            if all(o.lemma_.lower() in _MESSAGES for o in messages):
                heads = _to_objects(holder) + [t for o in messages for t in _to_objects(o)]
    for prep in trigger.children:  # "*in a letter to the Security Council*, Iran demanded ..."
        if prep.dep_ == "prep" and prep.lower_ in ("in", "through", "via"):
            heads += [t for m in prep.children if m.dep_ == "pobj" and m.lemma_.lower() in _MESSAGES for t in _to_objects(m)]
    return tuple(t.i for t in heads)


def misread_sender(trigger: Token) -> tuple[int, ...] | None:
    """The sender's subject heads when the parser made the addressee of a sent message the subject of what
    the message says ("Ankara sent a note to *Athens protesting* the violation": Ankara protests, to
    Athens); None otherwise."""
    prep = trigger.head
    if trigger.dep_ != "pcomp" or prep.lower_ != "to" or prep.dep_ not in ("prep", "dative"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _MESSAGE_SENDING:
        return None
    if not any(c.dep_ == "nsubj" for c in trigger.children):
        return None
    doers = tuple(t.i for t in subject_heads(verb))
    return doers or None


def is_lawless(code: str, trigger: Token) -> bool:
    """Looting, arson or vandalism (1712 told by a verb no authority's act is: "shops were *looted*",
    "a church was *torched*"), whose place in an agentless passive is where it happened, not its doer."""
    return code == "1712" and trigger.lemma_.lower() in _LAWLESS


def property_owner(trigger: Token) -> list[ResolvedActor]:
    """The owners that property destroyed by nobody named stands for, by its kind ("several *shops* were
    looted": ---BUS, "a *church* was torched": ---REL, "*houses* were burned": ---CVL); [] for others."""
    verb = trigger
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        verb = verb.head  # "shops were looted and *torched*": the first verb's subject
    for thing in verb.children:
        if thing.dep_ != "nsubjpass":
            continue
        counted = thing.lower_ in COUNT_WORDS or thing.lemma_.lower() in ("number", "dozen", "hundred", "lot")
        if counted or thing.pos_ == "NUM":  # "dozens *of shops*": the shops
            thing = next((p for c in thing.children if c.lower_ == "of" for p in c.children), thing)
        role = next((r for r, kinds in _PROPERTY_OWNERS if thing.lemma_.lower() in kinds), None)
        if role is not None:
            start, end = thing.left_edge.idx, thing.idx + len(thing)
            name, entry = trigger.doc.text[start:end], f"property:{thing.lemma_.lower()}"
            return [ResolvedActor(UNKNOWN_COUNTRY + role, name, start, end, entry)]
    return []


def domestic_counterpart(
    heads: tuple[int, ...], doc: Doc, sources: list[ResolvedActor]
) -> list[ResolvedActor]:
    """A bare institution with no country of its own is the doer's compatriot: Turkey's opposition leader
    "accusing *the government*" targets TURGOV, a president "accusing *the opposition*" his own OPP."""
    country = next(
        (a.code[:3] for a in sources if len(a.code) >= 3 and a.code[:3].isalpha() and a.code[:3] != "IGO"),
        None,
    )
    if country is None:
        return []
    for i in heads:
        token = doc[i]
        role = _INSTITUTIONS.get(token.lemma_.lower())
        bare = all(c.dep_ == "det" and c.lower_ == "the" for c in token.children if c.i < token.i)
        if role and bare and any(c.lower_ == "the" for c in token.children):
            return [
                ResolvedActor(
                    code=country + role,
                    name=token.text,
                    start=token.idx,
                    end=token.idx + len(token),
                    entry="domestic",
                )
            ]
    return []


def boycotted_business(heads: tuple[int, ...], doc: Doc, sources: list[ResolvedActor]) -> list[ResolvedActor]:
    """A boycott or strike whose object is businesses the dictionary does not know ("boycotted *shops* owned by
    foreigners", "boycotted *the company*") targets them, not the protesters' government: BUS of the
    protesters' country (---BUS when they are foreign ones)."""
    thing = next((doc[i] for i in heads if doc[i].lemma_.lower() in _BOYCOTTED_BUSINESSES), None)
    if thing is None:
        return []
    home = next((a.code[:3] for a in own_government(sources)), UNKNOWN_COUNTRY)
    foreign = any(c.lower_ in _FOREIGN for c in thing.children if c.dep_ in ("amod", "compound"))
    start, end = thing.left_edge.idx, thing.idx + len(thing)
    code = (UNKNOWN_COUNTRY if foreign else home) + "BUS"
    return [ResolvedActor(code, doc.text[start:end], start, end, f"boycotted:{thing.lemma_.lower()}")]


def own_government(sources: list[ResolvedActor]) -> list[ResolvedActor]:
    """Protest with no named target is aimed at the protesters' own government ("thousands protested in
    Tbilisi against a draft law" is GEOCVL -> GEOGOV), the convention of event data coders; so is calling
    protests off (082)."""
    out = []
    for actor in sources:
        country, role = actor.code[:3], actor.code[3:6]
        if len(actor.code) >= 6 and country.isalpha() and country != "IGO" and role not in STATE_ROLES:
            out.append(
                ResolvedActor(code=country + "GOV", name="", start=-1, end=-1, entry="protest.own_government")
            )
    return distinct(out)
