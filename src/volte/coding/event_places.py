"""Where an event happens, as a side of it: the country a place phrase names (``place_actor``,
``object_place``), a capital named as a place (``seat_as_place``), where sent troops go (``destination``), the
owner of an installation force hits (``installation_target``), the record's place fields (``place_fields``)
and the words an actor was read from (``actor_root``). Used by the event builder, event_targets and
event_pairs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from volte.coding.actors import UNKNOWN_COUNTRY, ActorResolver, ResolvedActor
from volte.coding.event_doers import INSTRUMENT_DOERS
from volte.coding.event_sides import NON_STATES, EventSides, countryless, known_actors
from volte.coding.factuality import is_to_infinitive
from volte.coding.lexicon import words
from volte.coding.places import Place

if TYPE_CHECKING:
    from spacy.tokens import Token


def installation_target(
    sides: EventSides,
    trigger: Token,
    head: Token,
    sources: list[ResolvedActor],
    targets: list[ResolvedActor],
    on: date | None,
) -> list[ResolvedActor]:
    """The owner of an installation that force hits (``_installation_owner``), placed where it happened
    when its phrase names no country ("a grenade was thrown at *a police post* on Bangkok's outskirts":
    THACOP); not when the doer has the owner's role ("troops took control of *a military base*")."""
    owned = _installation_owner(head, targets, sides.resolver)
    if owned is targets or not owned:
        return targets
    role = owned[0].code[3:]
    if any(s.code[3:6] == role for s in sources):
        return targets
    if owned[0].code.startswith(UNKNOWN_COUNTRY) and role != "REB":
        placed = place_actor(sides, trigger, sources, on, trigger_code_domestic=False)
        country = next((a.code[:3] for a in placed if a.code[:3].isalpha()), None)
        if country is not None:
            owned = [replace(owned[0], code=country + role), *owned[1:]]
    return owned


def place_actor(
    sides: EventSides,
    trigger: Token,
    sources: list[ResolvedActor],
    on: date | None,
    *,
    trigger_code_domestic: bool,
) -> list[ResolvedActor]:
    """Violence against people or property with no named victim is coded against the country where it
    happened ("killed hundreds of people *in southern Israel*"), as event data sets do; for coercion
    (arrests, raids) the doer's own country counts ("police arrested 14 people *in Mombasa*")."""
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ in ("NOUN", "PROPN"):
        trigger = trigger.head  # "two car *bombs* exploded *in Mogadishu*": the place hangs on the verb
    elif gone_on(trigger):
        trigger = trigger.head.head  # "went on a looting *spree* *in Durban*": the place hangs on "went"
    # the doer's phrase is not where it happened; in violence a passive's subject is the victim ("a
    # military base *near Baghdad* was targeted by rockets") and a weapon as agent names no doer ("struck
    # by a missile *in Idlib*"); for coercion the place stays the doer's (a person "in France" arrested
    # need not be arrested by France)
    subjects = {
        t.i
        for c in trigger.children
        if c.dep_ == "nsubj"
        or (c.dep_ == "nsubjpass" and trigger_code_domestic)
        or (c.dep_ == "agent" and (trigger_code_domestic or not _weapon_agent(c)))
        for t in c.subtree
    }
    own = {a.code[:3] for a in sources} if not trigger_code_domestic else set()
    for tok in trigger.subtree:
        if tok.i in subjects or not _place_object(tok):
            continue
        found = [a for a in _located(sides, tok, on) if a.code[:3] not in own]
        if found:
            return [
                ResolvedActor(
                    code=found[0].code[:3],
                    name=found[0].name,
                    start=found[0].start,
                    end=found[0].end,
                    entry=found[0].entry,
                )
            ]
    return []


def _located(sides: EventSides, tok: Token, on: date | None) -> list[ResolvedActor]:
    """The actors with a country that a place word names: the resolver's, else the gazetteer's (a place the
    parser tagged as an organization, "in *Durban*" as ORG, resolves to nobody)."""
    known = [a for a in known_actors(sides.resolver.resolve(tok, on=on)) if not countryless(a)]
    return [a for a in known or _gazetteer_place(sides, tok) if not countryless(a)]


def seat_as_place(sides: EventSides, actor: ResolvedActor) -> ResolvedActor:
    """A capital named as where violence or coercion happens is the country, not its rulers: "a
    bomb exploded *in Kabul*", "a curfew *in Nairobi*" (AFG, KEN). As a doer or the one acted on ("shelled
    Kyiv", "Moscow said") it stays the government."""
    if not actor.entry.split(" ")[0].endswith("#seat") or len(actor.code) <= 3:
        return actor
    span = sides.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    prep = span.root.head if span is not None else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
        return actor
    return replace(actor, code=actor.code[:3], entry=actor.entry.replace("#seat", "#place", 1))


def object_place(
    sides: EventSides, trigger: Token, sources: list[ResolvedActor], on: date | None, *, nominal: bool
) -> list[ResolvedActor]:
    """Aid given or a concession made *in* a place is aimed at its country when no one is named: "declared a
    ceasefire *in Yemen*" (YEM), "eased the curfew *in Amman*" (JOR), "announced funding to fight the
    epidemic *in West Africa*". Read inside the direct object only (relative clauses and asides left out), a
    place entity after a place preposition; the doer's own country names no target ("Nigeria declared a
    ceasefire in Borno"), nor does an organisation, nor where a deal or talks were held ("a truce *deal in
    Minsk*"). A noun trigger is read after itself ("an increase in
    *funding* to fight the epidemic in West Africa")."""
    own = {a.code[:3] for a in sources}
    queue = [
        (c, 0) for c in trigger.children if (nominal or c.dep_ == "dobj") and c.i > trigger.i and c.dep_ != "relcl"
    ]
    while queue:
        token, depth = queue.pop(0)
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in _VENUE_NOUNS:
            continue  # "signed a ceasefire *deal in Minsk*": where it was made, not where it holds
        if token.dep_ == "pobj" and token.head.lower_ in _OBJECT_PLACE_PREPS and place_entity(token):
            found = _located(sides, token, on)
            if found:
                place = found[0]
                if place.code[:3] in own or place.code[:3] in NON_STATES:
                    return []
                return [replace(place, code=place.code[:3], entry=f"{place.entry}#object-place")]
        if depth < _OBJECT_PLACE_DEPTH and token.lower_ not in OCCASIONS:
            queue.extend(  # "an initiative *to halt* the fighting in Yemen": a purpose (parsed relcl or advcl)
                (c, depth + 1)
                for c in token.children
                if c.dep_ not in NO_TARGET_DEPS or (c.dep_ in ("relcl", "advcl") and is_to_infinitive(c))
            )
    return []


def named_as_place(sides: EventSides, actor: ResolvedActor) -> bool:
    """The actor is named as where something happens: a place entity after a place preposition ("*in* Mali")."""
    root = actor_root(sides, actor)
    return root is not None and root.dep_ == "pobj" and root.head.lower_ in _OBJECT_PLACE_PREPS and place_entity(root)


def actor_root(sides: EventSides, actor: ResolvedActor) -> Token | None:
    """The syntactic head of the words an actor was read from; None for an actor with no words."""
    span = sides.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.start >= 0 else None
    return span.root if span is not None else None


def troops_sent(sides: EventSides, trigger: Token, on: date | None) -> bool:
    """The trigger sends armed men ("sent *troops* and police to ...", "a force *of 260 troops*"): an
    object, or its "of" phrase, that the actor dictionary reads as a military or police role, not weapons
    or advisers."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [p for o in objects for of in o.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"]
    return any(a.code[3:6] in _ARMED_ROLES for o in objects for a in known_actors(sides.resolver.resolve(o, on=on)))


def destination(
    sides: EventSides, trigger: Token, targets: list[ResolvedActor], on: date | None, sources: list[ResolvedActor]
) -> list[ResolvedActor]:
    """Troops, peacekeepers or experts a doer sends, deploys or withdraws are its own: the event is about
    the country they go to or leave ("withdrew peacekeepers *from Rwanda*", "refused to send troops *to
    Iraq*", "is sending troops to the UN force *in South Sudan*", "sent experts to Iraq *to
    investigate*"). Returns that country; a named place volte cannot code in its words (empty code)
    rather than the doer's own troops; [] when the target is someone else or no place is named."""
    verb = trigger if trigger.lemma_.lower() in _MOVING else None
    verb = verb or next(
        (c for c in trigger.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _MOVING),
        None,
    )
    if verb is None and trigger.dep_ in ("xcomp", "advcl") and trigger.head.lemma_.lower() in _MOVING:
        verb = trigger.head  # "sent a team to Iraq *to investigate*": the investigation goes there too
    if verb is None:
        return []
    moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not moved or moved[0].lemma_.lower() not in _MOVED:
        return []
    preps = [  # "sent a team *to* Iraq", "a team of experts *to* Iraq" (hung on "experts")
        c
        for c in (*verb.children, *moved[0].subtree)
        if c.dep_ in ("prep", "dative") and c.lower_ in _TO_FROM
    ]
    moved_span = {t.idx for m in moved for t in m.subtree}
    inside = moved_span.union(t.idx for p in preps for t in p.subtree)
    if any(t.start >= 0 and t.start not in inside for t in targets):
        return []  # "sent a message *to Iran*": the target is not what was moved, nor where it went
    own = {a.code[:3] for a in sources}
    if targets and all(len(t.code) == 3 and t.code not in own for t in targets):
        return []  # already where they go: "from East Germany and Poland" (both)
    for prep in preps:
        for tok in prep.subtree:
            if tok.pos_ not in ("PROPN", "NOUN") or tok.i == prep.i:
                continue
            found = [a for a in known_actors(sides.resolver.resolve(tok, on=on)) if len(a.code) == 3]
            found = found or [a for a in _gazetteer_place(sides, tok) if len(a.code) == 3]
            if found and not countryless(found[0]) and found[0].code not in own:
                return found[:1]  # not its own country: "withdraw its troops *from Abyei*" (Sudan's)
    if targets and all(t.start in moved_span for t in targets):  # its own troops are no target
        for prep in preps:
            place = next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
            if place is not None and not known_actors(sides.resolver.resolve(place, on=on)):
                span = sides.doc[place.left_edge.i : place.i + 1]  # "from *the Golan Heights*"
                return [ResolvedActor("", span.text, span.start_char, span.end_char, "destination")]
    return []


def _gazetteer_place(sides: EventSides, token: Token) -> list[ResolvedActor]:
    """The country of a place the gazetteer reads at ``token`` ("a market *in Donetsk*": UKR)."""
    place = sides.setting.place_at(token)
    if place is None:
        return []
    return [ResolvedActor(place.country, place.name, place.start, place.end, f"place:{place.name}")]


# Dependents read for no target or place: relative clauses and appositions describe someone else's act.
NO_TARGET_DEPS = frozenset({"relcl", "appos", "advcl", "punct", "cc", "parataxis", "npadvmod"})
OCCASIONS = words("coder_occasions")
# Sending, deploying or withdrawing one's own people: the event is about where they go (destination).
_MOVING = words("coder_moving")
_MOVED = words("coder_moved")
_OBJECT_PLACE_PREPS = frozenset({"in", "across", "throughout"})
_VENUE_NOUNS = words("coder_venue_nouns")
_OBJECT_PLACE_DEPTH = 6  # "a sixfold increase in funding to fight the epidemic *in West Africa*"
_ARMED_ROLES = frozenset({"MIL", "COP"})
_LOCATIVE = frozenset({"in", "near", "around", "outside", "across", "throughout", "inside"})
_TO_FROM = words("coder_to_from")
_PLACE_PREPS = words("violence_place_prepositions")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def place_fields(place: Place | None) -> dict[str, Any]:
    """The event record's place fields (GDELT's ActionGeo) for a place the text names."""
    if place is None:
        return {}
    return {
        "place": place.name,
        "place_type": place.feature,
        "place_country": place.country,
        "place_fips": place.fips,
        "place_admin1": place.admin1,
        "place_geonameid": place.geonameid,
        "place_lat": place.lat,
        "place_lon": place.lon,
        "place_start": place.start,
        "place_end": place.end,
    }


_INSTALLATIONS = words("coder_installations")
_INSTALLATION_ROLES = (
    ("MIL", words("coder_installation_military")),
    ("COP", words("coder_installation_police")),
    ("REB", words("coder_installation_rebels")),
)


def _installation_owner(
    head: Token, targets: list[ResolvedActor], resolver: ActorResolver
) -> list[ResolvedActor]:
    """Force on an installation or unit whose owner its modifier names by role ("rockets were fired at *a
    military base*", "jets struck *rebel positions*", "gunmen attacked *a police station*") hits that owner:
    the target the resolver left unknown ("") or gave only a country ("a *Turkish* military base") gets the
    role, placed in the one country the sentence's places name when it names none; ``targets`` unchanged
    otherwise."""
    if head.lemma_.lower() not in _INSTALLATIONS or head.pos_ != "NOUN":
        return targets
    mods = {c.lemma_.lower() for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i}
    role = next((r for r, kinds in _INSTALLATION_ROLES if mods & kinds), None)
    if role is None:
        return targets
    country = (resolver.context_country(head) or UNKNOWN_COUNTRY) if role != "REB" else UNKNOWN_COUNTRY
    if not targets:
        start, end = head.left_edge.idx, head.idx + len(head)
        name = head.doc.text[start:end]
        return [ResolvedActor(country + role, name, start, end, f"installation:{head.lemma_.lower()}")]
    first, rest = targets[0], targets[1:]
    if not (first.start <= head.idx < first.end):
        return targets
    if first.code == "":
        return [replace(first, code=country + role), *rest]
    if len(first.code) == 3 and first.code.isalpha():  # "a *Turkish* military base": TURMIL
        return [replace(first, code=first.code + role), *rest]
    return targets


# Common nouns of a part of a place: "in parts *of* South Africa", "in the townships *of* Soweto" (not "the
# Sea *of* Japan", which is a place of its own).
_AREA_NOUNS = words("coder_area_nouns")


def _weapon_agent(agent: Token) -> bool:
    """A passive's "by" phrase that names a weapon, not a doer ("struck *by a missile*")."""
    return any(p.dep_ == "pobj" and p.lemma_.lower() in INSTRUMENT_DOERS for p in agent.children)


def gone_on(noun: Token) -> bool:
    """A noun event that a light verb of going carries: "residents *went on* a looting spree", "gangs
    *embarked on* a campaign of arson"."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and noun.pos_ == "NOUN"
        and prep.dep_ == "prep"
        and prep.lower_ == "on"
        and prep.head.lemma_.lower() in ("go", "embark")
    )


def _place_object(tok: Token) -> bool:
    """The object of a place preposition ("*in* Kharkiv"), or of an "of" under one ("in parts *of South
    Africa*", "in the townships of Soweto")."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.lemma_.lower() in _AREA_NOUNS:
        prep = prep.head.head
    return prep.lower_ in _PLACE_PREPS


def place_entity(token: Token) -> bool:
    """Whether the entity recogniser calls a token a place (a country, city, region or building)."""
    return token.ent_type_ in _PLACE_ENTS
