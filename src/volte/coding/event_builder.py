"""One verb match made into events: ``EventBuilder.build`` reads the match's sides (volte.coding.event_sides),
the doers, targets and places the pattern's slots leave out (event_doers, event_targets, event_places), dates
the event (event_dates), pairs the sides (event_pairs), applies the protest readings (event_protests) and
fills the :class:`~volte.records.Event` records. volte.coding.components.code_events makes one builder per
sentence and calls ``build`` for each of its matches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from volte import CODER_VERSION
from volte.coding.actors import UNKNOWN_COUNTRY, ActorResolver, ResolvedActor
from volte.coding.cameo import describe
from volte.coding.event_acts import arrested_in, condemned_head, punished_for
from volte.coding.event_dates import event_date
from volte.coding.event_doers import (
    INSTRUMENT_DOERS,
    allowing_doer,
    as_passive_conjunct,
    attack_doers,
    holder,
    instruments,
    local_doer,
    passive_conjunct,
    protesting_public,
    reporting_signer,
    shared_agent,
    wielder,
)
from volte.coding.event_pairs import actor_pairs, counterparts
from volte.coding.event_places import (
    destination,
    gone_on,
    installation_target,
    named_as_place,
    object_place,
    place_actor,
    place_fields,
    seat_as_place,
    troops_sent,
)
from volte.coding.event_protests import (
    RIOTING,
    as_repression,
    as_violent_protest,
    by_weapon,
    dispersing,
    protest_acted_on,
    protesters_first,
)
from volte.coding.event_sides import PAIR_ENTRY, EventSides, countryless, known_actors
from volte.coding.event_targets import (
    PLACE_ROOTS,
    addressee,
    boycotted_business,
    complement_target,
    cue_object,
    domestic_counterpart,
    gathering_partner,
    is_lawless,
    misread_sender,
    own_government,
    partner,
    property_owner,
    protested,
    unknown_partners,
)
from volte.coding.incidents import (
    clash_with_protesters,
    disaster_cause,
    ordinary_crime,
    protest_clash,
    protest_gathering,
    robbery,
    violent_protest,
)
from volte.coding.predicates import characterisation, under_attack
from volte.coding.quotes import QuoteTracker
from volte.coding.setting import ArticleSetting
from volte.coding.slots import counter_of
from volte.coding.triggers import is_time
from volte.coding.verbs import VerbMatch
from volte.records import Article, Event, make_event_id, parse_day

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class EventBuilder:
    """Turns one VerbMatch into events: resolves actors, dates the event, fills the record."""

    def __init__(
        self,
        index: int,
        sent: Span,
        article: Article,
        resolver: ActorResolver,
        speaker: tuple[list[ResolvedActor], QuoteTracker],
        *,
        setting: ArticleSetting,
        dyads_only: bool = True,
    ) -> None:
        self.index, self.sent, self.article = index, sent, article
        self.setting = setting
        self.dyads_only = dyads_only
        self.doc = sent.doc
        # the resolver, the quoted speaker and the quotes are read through the sides
        self.sides = EventSides(self.doc, resolver, speaker, setting=setting)

    def build(self, match: VerbMatch) -> list[Event]:
        """The events one verb match codes (none when its sides or readings rule it out)."""
        trigger = self.doc[match.trigger_start : match.trigger_end].root
        if punished_for(trigger):
            return []  # "arrested *for collaborating* with Israel": the charge, not an event the text asserts
        if match.nominal and match.code[:2] == "14" and protest_acted_on(trigger):
            return []  # "police *attacked* a peaceful protest": the police are not its protesters (175 is theirs)
        if not match.nominal and passive_conjunct(trigger):  # "was tortured and *killed*": the victim's
            match = as_passive_conjunct(match, trigger)
        iso, precision, planned = event_date(self.sent, self.setting, match, trigger)
        on = parse_day(iso) or self.setting.reference
        doers, match, condemned = self._take_doers(match, trigger)
        sources, targets = self._resolve_sides(match, trigger, doers, on)
        weak, targets = self._fall_back_targets(match, trigger, sources, targets, on)
        targets, named = self._search_clause(match, trigger, sources, targets, weak, on, condemned=condemned)
        targets = self._aim_at_objects(match, trigger, sources, targets, on)
        match, targets = self._send_or_recode(match, trigger, sources, targets, on)
        sources, targets = self._fill_missing_sides(match, trigger, doers, sources, targets, on)
        attributed = self._speaker_code(match, on)
        sources, pairs = self._pair_sides(match, sources, targets)
        if not self.dyads_only:
            return [
                self._event(match, src, tgt, iso, precision, attributed, planned)
                for src, tgt in pairs or [(None, None)]
            ]
        kept = self._gate_pairs(match, trigger, sources, pairs, named=named)
        if kept is None:
            return []
        return self._make_events(match, trigger, kept, iso, precision, attributed, planned)

    def _take_doers(self, match: VerbMatch, trigger: Token) -> tuple[tuple[int, ...], VerbMatch, bool]:
        """Read the doers' heads; a condemned act or a misread sender rewrites the match's targets (also
        returned: whether the targets are condemned acts)."""
        doers = match.sources or (shared_agent(trigger) if match.passive else ())
        if not doers and not match.nominal and match.code[:2] in _FORCE_ROOTS:
            doers = attack_doers(trigger)  # "killed *in an attack by militants*", "died in *a Taliban* ambush"
        if match.nominal and arrested_in(trigger):  # "police detained suspects *in the attack*": not theirs
            doers = tuple(i for i in doers if self.doc[i].head.i != trigger.head.head.i)
        if not doers and match.passive and match.symmetric:
            doers = reporting_signer(trigger)  # "Wagner said *the agreement signed with Rwanda* ..."
        acts = tuple(dict.fromkeys(condemned_head(self.doc[i]) for i in match.targets))
        condemned = match.code[:2] == "11" and acts != match.targets
        if condemned:  # "condemned the bombing *of a school*": the act (its doer, or its words), not its victims
            match = replace(match, targets=acts)
        sender = misread_sender(trigger) if not match.nominal else None
        if sender is not None:  # "sent a note *to Athens protesting* ...": the sender protests, to Athens
            doers, match = sender, replace(match, targets=(*match.sources, *match.targets))
        return doers, match, condemned

    def _resolve_sides(
        self, match: VerbMatch, trigger: Token, doers: tuple[int, ...], on: date | None
    ) -> tuple[list[ResolvedActor], list[ResolvedActor]]:
        """Resolve the sources and targets the pattern's slots name, with the wielder of a weapon and the
        one who allows another to act."""
        sources = self.sides.side(doers, on, speaker=match.attributed_to)
        targets = self.sides.side(match.targets, on, speaker=None)  # "raised *its* alert level" names no target
        if match.code[:2] in _FORCE_ROOTS and match.targets:  # "rockets hit *a military base*": the military
            targets = installation_target(self.sides, trigger, self.doc[match.targets[0]], sources, targets, on)
        if targets and self.doc[match.targets[0]].dep_ == "poss" and self._named_unknown(match.targets[:1]):
            targets = []  # "recognized *South Ossetia's* independence from Georgia": its unknown owner
        if not sources and match.code[:2] in PLACE_ROOTS:  # "missiles *fired by the Israeli military*"
            sources = wielder(self.sides, (*doers, *((trigger.i,) if match.nominal else ())), on)
        if not sources and not doers and match.passive and match.code[:2] in PLACE_ROOTS:
            # "civilians were attacked *with poisonous gas launched by the government*"
            sources = wielder(self.sides, instruments(trigger), on, any_weapon=True)
        allower = allowing_doer(self.sides, trigger, match.code, on, speaker=match.attributed_to)
        if allower and sources:  # "Ethiopia said it would allow *the WFP* to deliver food": Ethiopia's
            sources, targets = allower, sources  # intent, and the WFP it lets act
        return sources, targets

    def _fall_back_targets(
        self,
        match: VerbMatch,
        trigger: Token,
        sources: list[ResolvedActor],
        targets: list[ResolvedActor],
        on: date | None,
    ) -> tuple[list[ResolvedActor], list[ResolvedActor]]:
        """Set countryless targets aside as weak, and look for a target the slots missed: a domestic
        counterpart, a place, whom a protest is against, a partner, an addressee (returns weak, targets)."""
        # a target without its country ("the government", "---GOV") yields to one the sentence places
        weak, targets = (targets, []) if all(map(countryless, targets)) else ([], targets)
        if not targets and not (match.code in _MEDIATION and any(a.code[3:6] in ("", "GOV") for a in sources)):
            # a state mediates between others: "the United States offered to mediate between *the government*
            # and the separatists" is not the US government
            targets = domestic_counterpart(match.targets, self.doc, sources)
        if not targets and not weak and match.code[:2] in PLACE_ROOTS:
            targets = place_actor(self.sides, trigger, sources, on, trigger_code_domestic=match.code[:2] == "17")
        if not targets and match.code[:2] == "14" and sources:
            targets = protested(self.sides, trigger, sources, on)  # "went on hunger strike *to protest against* X"
        if not targets and match.code[:2] == "14":
            targets = boycotted_business(match.targets, self.doc, sources)  # "boycotted *shops*": not the state
        if not targets and (match.code[:2] == "14" or match.code == "082"):
            targets = own_government(sources)
        if not targets and sources and match.code[:2] in _PARTNER_ROOTS:
            targets = partner(self.sides, trigger, sources, on)
        if (
            len(sources) == 1
            and not targets
            and (match.code[:2] == "04" or match.code == "036")
            and not match.nominal
        ):
            targets = gathering_partner(self.sides, trigger, sources, on)  # several who attend together meet each other
        if not targets and sources and not match.nominal and match.code[:2] not in PLACE_ROOTS:
            # "sent a letter *to NATO* threatening to cut funding": what a message says is aimed at its addressee
            own = {a.code for a in sources}
            targets = [a for a in self.sides.side(addressee(trigger), on, speaker=None) if a.code not in own] or targets
        return weak, targets

    def _search_clause(
        self,
        match: VerbMatch,
        trigger: Token,
        sources: list[ResolvedActor],
        targets: list[ResolvedActor],
        weak: list[ResolvedActor],
        on: date | None,
        *,
        condemned: bool,
    ) -> tuple[list[ResolvedActor], bool]:
        """Search the clause for a target when none is found and the slots name none (returns the targets,
        the weak ones when still none, and whether the first target slot is named but unknown)."""
        # "an investigation *into Boztepe*": named, not coded; a condemned act is read too
        named = condemned or self._named_unknown(match.targets)
        if (
            not targets
            and sources
            and not match.statement
            # "said this attitude *was a threat* to Peru": whose act it is, or nobody; Peru is its victim
            and not (match.nominal and match.code[:2] == "11" and characterisation(trigger))
            and not (match.symmetric and len(sources) > 1)
            and not named
            and not any(w.code == UNKNOWN_COUNTRY for w in weak)  # "a lawsuit ... *against Thom*": named
        ):
            targets = complement_target(self.sides, trigger, sources, on, match.code)
            if weak:  # a victim named without its country beats a guess from elsewhere in the clause
                targets = [t for t in targets if not countryless(t)]
        targets = targets or weak
        return targets, named

    def _aim_at_objects(
        self,
        match: VerbMatch,
        trigger: Token,
        sources: list[ResolvedActor],
        targets: list[ResolvedActor],
        on: date | None,
    ) -> list[ResolvedActor]:
        """Take a target still missing from the object: its place, its possessor, or the coerced cue."""
        if not targets and sources and match.code[:2] in _AIMED_AT_PLACE_ROOTS:
            targets = object_place(self.sides, trigger, sources, on, nominal=match.nominal)  # "a ceasefire *in Yemen*"
        if not targets and sources and not match.nominal and not match.symmetric:
            # "violated *South Sudan's* ceasefire", "rejected the resolution *proposed by the Security Council*"
            targets = [
                a
                for o in trigger.children
                if o.dep_ == "dobj"
                for a in self.sides.possessor(o, on)
                if a.code not in {s.code for s in sources}
            ]
        if not targets and sources and match.code[:2] == "17" and not match.nominal:
            targets = cue_object(self.sides, trigger, on)  # "banned *national newspapers*" (the cue is the victim)
        return targets

    def _send_or_recode(
        self,
        match: VerbMatch,
        trigger: Token,
        sources: list[ResolvedActor],
        targets: list[ResolvedActor],
        on: date | None,
    ) -> tuple[VerbMatch, list[ResolvedActor]]:
        """Add where something is sent as a target; recode troops sent as deployed (154) and an attack by
        civic actors as words (111)."""
        if sources and not match.symmetric:
            targets = destination(self.sides, trigger, targets, on, sources) or targets
            if match.code == "072" and troops_sent(self.sides, trigger, on) and all(t.entry == "destination" for t in targets):
                # troops sent to a place of their own country, or one volte cannot place, are deployed
                # there (154), not given to anyone: "sent troops and police to Santa Cruz Barillas"
                match = replace(match, code="154", pattern=f"{match.pattern}+deployed")
        if match.code[:2] == "19" and match.nominal and sources and all(map(_civic, sources)):
            if under_attack(trigger):  # "came under attack *from opposition lawmakers*": words, not force
                match = replace(match, code="111", pattern=f"{match.pattern}+words")
        return match, targets

    def _fill_missing_sides(
        self,
        match: VerbMatch,
        trigger: Token,
        doers: tuple[int, ...],
        sources: list[ResolvedActor],
        targets: list[ResolvedActor],
        on: date | None,
    ) -> tuple[list[ResolvedActor], list[ResolvedActor]]:
        """Fill a side still missing: the authorities who arrest, the owners of looted property, a local doer,
        the protesting public, a holder, an unknown partner."""
        lawless = match.passive and not doers and is_lawless(match.code, trigger)
        if not sources and not doers and match.passive and match.code[:2] == "17" and not lawless:
            # "a journalist was arrested *in Niger*": the authorities of the place arrest, the person is the target
            held = place_actor(self.sides, trigger, [], on, trigger_code_domestic=True)
            if held:
                sources = held
                targets = [t for t in targets if (t.code, t.start) != (held[0].code, held[0].start)]
        if lawless and not sources and not targets:
            targets = property_owner(trigger)  # "several shops were looted": nobody named, the owners hit
        if targets and all(countryless(s) for s in sources):  # none, or "---CVL": place it by its victims
            sources = local_doer(self.sides, doers, targets) or sources
        if not sources and match.code[:2] == "14" and not match.statement:
            sources = protesting_public(self.sides, trigger, doers)
            # the public protests against whom its words name, else against its government
            targets = (
                targets
                or protested(self.sides, trigger, sources, on, at=False)
                or boycotted_business(match.targets, self.doc, sources)
                or own_government(sources)
            )
            home = next((a.code[:3] for a in own_government(sources)), None)
            if home is not None:  # "hundreds rallied *in Nairobi* against *the government*": Kenya's
                targets = [replace(t, code=home + t.code[3:]) if countryless(t) and t.code[3:] else t for t in targets]
        if not sources and match.passive and match.code.startswith("08"):
            sources = holder(self.sides, match.targets, on)
        if match.symmetric and not targets and not match.passive and len({s.code for s in sources}) == 1 and not any(
            map(countryless, sources)
        ):
            # "China and *the Eurasian Economic Union* signed a deal": a partner named but unknown is the other side
            targets = unknown_partners(self.sides, doers, sources, on)
        return sources, targets

    def _pair_sides(
        self, match: VerbMatch, sources: list[ResolvedActor], targets: list[ResolvedActor]
    ) -> tuple[list[ResolvedActor], list[tuple[ResolvedActor | None, ResolvedActor | None]]]:
        """Pair the sources with the targets, each way when symmetric (returns the sources, read as
        counterparts of the targets, and the pairs)."""
        # one side may be paired within itself ("X and Y met", "talks between X and Y") only when the
        # other side names nobody at all; "the agency held talks with X and Y" pairs the agency, or nothing
        within = not self._names_doer(match.sources) or not match.targets
        # "Japan will step up cooperation *with the Philippines*": an intent is one side's statement;
        # "X and Y agreed to restore ties" still goes both ways (paired within one side)
        symmetric = match.symmetric and not (match.code.startswith("03") and sources and targets)
        if match.code[:2] in _AIMED_AT_PLACE_ROOTS and targets and all(named_as_place(self.sides, t) for t in targets):
            symmetric = False  # "a unilateral truce *in Mali*", "a truce to stop the fighting *in Libya*": Mali declares none
        if not targets and len(sources) == 2 and all(a.entry.startswith(PAIR_ENTRY) for a in sources):
            symmetric = within = True  # "the two countries agreed to reopen the border": each with the other
        if match.code[:2] in PLACE_ROOTS:
            targets = [seat_as_place(self.sides, t) for t in targets]  # "a bomb exploded *in Kabul*": AFG, not AFGGOV
        # "the Indian foreign minister met *his Chinese counterpart*": CHNGOV, the role of the other side
        targets, sources = counterparts(self.sides, targets, sources), counterparts(self.sides, sources, targets)
        pairs = actor_pairs(sources, targets, symmetric=symmetric, within=within)
        if not pairs and sources and targets and match.code[:2] == "17" and not match.symmetric:
            # coercion at home: "Iran shut down the internet *across the country*" is Iran's, with no target
            pairs = [(s, None) for s in sources if all(s.code == t.code for t in targets)]
        return sources, pairs

    def _gate_pairs(
        self,
        match: VerbMatch,
        trigger: Token,
        sources: list[ResolvedActor],
        pairs: list[tuple[ResolvedActor | None, ResolvedActor | None]],
        *,
        named: bool,
    ) -> list[tuple[ResolvedActor | None, ResolvedActor | None]] | None:
        """Keep the pairs that make a dyadic event (None: the match makes no event at all)."""
        if not sources and not match.passive and self._names_doer(match.sources):
            return None  # the doer is named but unknown: an event without its source misleads
        if not sources and match.passive and match.factuality == "future":
            return None  # "X will be invited": nobody known plans anything
        # The gate: an event is kept when at least one side names someone (a state, a person, a group, or a
        # role such as "police" or "militants", with its country or ---); the other side may be unknown.
        pairs = [(s, t) for s, t in pairs if s is not None or t is not None]
        if not match.alone and match.code[:2] not in _ONE_SIDED_ROOTS and not match.code.startswith(_ONE_SIDED_REFUSALS):
            # talk, aid, pressure and diplomacy are done *to* someone: without a target the match is mostly
            # a target we failed to read; force and coercion are complete with their doer ("gunmen opened fire")
            pairs = [
                (s, t)
                for s, t in pairs
                if t is not None or s is None or named or not (countryless(s) or match.nominal)
            ]
        if match.paired:  # "gave *the Pentagon* permission": letting someone in names whom
            pairs = [(s, t) for s, t in pairs if t is not None]
        if (
            match.nominal
            and (counter_of(trigger) or trigger).dep_ not in _CLAUSE_ROLES
            and not _existential(trigger)
            and not gone_on(trigger)
        ):
            # a protest whose protesters the sentence names is theirs ("thousands gathered *in a protest*")
            protesters = match.code[:2] == "14" and self._names_doer(match.sources)
            pairs = [(s, t) for s, t in pairs if t is not None or (protesters and s is not None)]  # "relies on U.S. aid" is no event
        disaster = cache(lambda: disaster_cause(self.sent, trigger))  # read once per match, if at all
        return [(s, t) for s, t in pairs if not self._not_political(match, s, t, disaster=disaster)]

    def _make_events(
        self,
        match: VerbMatch,
        trigger: Token,
        pairs: list[tuple[ResolvedActor | None, ResolvedActor | None]],
        iso: str | None,
        precision: str,
        attributed: str | None,
        planned: tuple[str | None, str],
    ) -> list[Event]:
        """Make one event per pair, with the code refined by weapon, violence, repression and clashes."""
        refined = by_weapon(match, trigger)
        if refined.code[:2] == "14" and refined.code != "145" and violent_protest(self.sent, trigger):
            refined = replace(refined, code="145", pattern=f"{refined.pattern}+violent")
        gathering = (bool(match.targets) and protest_gathering(self.doc[match.targets[0]])) or dispersing(trigger)
        events = []
        for src, tgt in protesters_first(refined, pairs):
            final = as_repression(as_violent_protest(refined, src, tgt), src, tgt, gathering=gathering)
            if final.symmetric and final.code.startswith(RIOTING) and clash_with_protesters(trigger):
                final = replace(final, code="145", pattern=f"{final.pattern}+protesters")  # "clashes between police and demonstrators"
            elif final.code in ("180", "190") and src is None and protest_clash(self.sent, trigger):
                final = replace(final, code="145", pattern=f"{final.pattern}+protest_clash")  # "clashes erupted as protesters..."
            if final.code[:2] == "14" and tgt is None and src is not None:
                tgt = next(iter(own_government([src])), None)  # rioting protesters face their government
            events.append(self._event(final, src, tgt, iso, precision, attributed, planned))
        return events

    def _not_political(
        self,
        match: VerbMatch,
        src: ResolvedActor | None,
        tgt: ResolvedActor | None,
        *,
        disaster: Callable[[], bool],
    ) -> bool:
        """Disasters, accidents and ordinary crime told in the words of violence and policing: "an
        earthquake killed eight people", "police seized counterfeit cosmetics" (volte.coding.incidents)."""
        root = match.code[:2]
        if root == "17" or (root in ("18", "19", "20") and (src is None or countryless(src))):
            if disaster():
                return True
            if (root != "17" or match.code == "1712") and src is None and robbery(self.sent):
                return True  # "a shop was looted during an armed robbery"
        if match.code[:3] in _POLICING and match.code != "1712":  # destroying property is no police work
            return ordinary_crime(self.sent, src.code if src else "", tgt.code if tgt else "")
        return False

    def _object_phrase(self, match: VerbMatch) -> ResolvedActor | None:
        """The words of an event's object when they name no actor ("condemned *the attacks*", "an
        investigation into *70 employees of Wargaming*"): kept as ``target_name`` with the empty code, so a
        reader sees what the act was done to; None when the pattern's target slots hold no noun phrase."""
        for i in match.targets[:1]:
            head = self.doc[i]
            if head.pos_ not in ("NOUN", "PROPN") or self.setting.in_dateline(head) or is_time(head):
                continue
            start = min((t.i for t in head.lefts if t.dep_ != "punct"), default=head.i)
            end = head.i + 1
            span = self.doc[start:end] if end - start <= _OBJECT_WORDS else self.doc[head.i : head.i + 1]
            return ResolvedActor("", span.text, span.start_char, span.end_char, "object")
        return None

    def _named_unknown(self, heads: tuple[int, ...]) -> bool:
        """Whether the pattern's first target slot holds a proper name volte cannot code ("filed a lawsuit
        *against Thom*", "an investigation *into Boztepe*"): the target is read, only unknown, so the event
        keeps it as ``target_name`` rather than taking another actor from deeper in the clause."""
        if not heads:
            return False
        head = self.doc[heads[0]]
        return (
            head.pos_ == "PROPN"
            and head.text[:1].isupper()
            and not is_time(head)
            and not self.setting.in_dateline(head)
            and not known_actors(self.sides.resolver.resolve(head, on=None))
        )

    def _names_doer(self, heads: tuple[int, ...]) -> bool:
        """Whether a source slot names someone: "*Fierce* fighting" (an adjective) and "two car *bombs*
        exploded" (a weapon) name no doer, so the event keeps its known victim."""
        for i in heads:
            token = self.doc[i]
            if token.pos_ in ("ADJ", "NUM", "DET") or token.lemma_.lower() in INSTRUMENT_DOERS:
                continue
            return True
        return False

    def _speaker_code(self, match: VerbMatch, on: date | None) -> str | None:
        if match.attributed_to is not None:
            actors = known_actors(self.sides.resolver.resolve(self.doc[match.attributed_to], on=on))
            if actors:
                return actors[0].code
        inside = self.sides.quotes.inside(match.trigger_end - 1)
        return self.sides.speaker[0].code if (self.sides.speaker and inside) else None

    def _event(
        self,
        match: VerbMatch,
        src: ResolvedActor | None,
        tgt: ResolvedActor | None,
        iso: str | None,
        precision: str,
        attributed: str | None,
        planned: tuple[str | None, str] = (None, ""),
    ) -> Event:
        info = describe(match.code)
        trig = self.doc[match.trigger_start : match.trigger_end]
        source, target = (src.code if src else ""), (tgt.code if tgt else "")
        place = self.setting.event_place(self.sent, trig.root, actors=(src, tgt))
        tgt = tgt or self._object_phrase(match)  # what the act was done to, when it is nobody we can code
        return Event(
            event_id=make_event_id(self.article.id, self.index, source, target, match.code, trig.start_char),
            doc_id=self.article.id,
            sentence_index=self.index,
            sentence=self.sent.text,
            sentence_start=self.sent.start_char,
            sentence_end=self.sent.end_char,
            date=parse_day(iso),
            date_precision=precision,
            published=self.article.published,
            source=source,
            source_name=src.name if src else "",
            target=target,
            target_name=tgt.name if tgt else "",
            code=match.code,
            root=info.root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover=info.plover,
            trigger=trig.text,
            pattern=match.pattern,
            factuality=match.factuality,
            attributed_to=attributed if attributed != source else None,
            kind=self.article.kind,
            coder_version=CODER_VERSION,
            trigger_start=trig.start_char,
            trigger_end=trig.end_char,
            source_start=src.start if src else -1,
            source_end=src.end if src else -1,
            target_start=tgt.start if tgt else -1,
            target_end=tgt.end if tgt else -1,
            planned_date=parse_day(planned[0]),
            planned_precision=planned[1],
            **place_fields(place),
        )


# Codes whose events are complete with one actor: statements, intents, resignations, calling off protests,
# investigations, protests, force posture. Other events need a known target (or `alone: true` patterns).
_ONE_SIDED_ROOTS = frozenset({"01", "03", "08", "09", "14", "15", "17", "18", "19", "20"})
# Refusing to yield (124x) or to step down (1231) is as complete with its doer as yielding (08) is: "the
# union will not end the strike", "the senator declined to resign"
_ONE_SIDED_REFUSALS = ("124", "1231")
_MEDIATION = frozenset({"039", "045"})  # offers of mediation, mediation
_OBJECT_WORDS = 8  # the longest object phrase kept as a target name (its head alone beyond that)
# Aid, concessions and their withdrawal: one made in a place is aimed at its country when nobody is named
# (event_places.object_place).
_AIMED_AT_PLACE_ROOTS = frozenset({"07", "08", "16"})
# Roles whose attacks are words: an attack or fire a victim comes under from them is criticism (111)
_CIVIC_ROLES = frozenset({"OPP", "LEG", "NGO", "HRI", "MED", "EDU", "BUS", "LAB", "JUD", "PTY", "ELI", "REL"})


def _civic(actor: ResolvedActor) -> bool:
    """An actor whose attacks are words: a civic role, or a non-governmental organisation ("NGO...")."""
    return actor.code[3:6] in _CIVIC_ROLES or actor.code[:3] == "NGO"


_PARTNER_ROOTS = frozenset({"03", "04", "05", "06", "07"})
_POLICING = frozenset({"171", "173"})
_CLAUSE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "ROOT"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})


def _existential(trigger: Token) -> bool:
    """ "*There were* protests in Paris", "there have been clashes": the sentence asserts the event itself."""
    head = trigger.head
    return trigger.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
