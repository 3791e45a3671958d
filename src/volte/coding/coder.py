"""The coder: articles in, coded events out.

``Coder.code`` runs spaCy's ``nlp.pipe`` in batches over the coding pipeline (the model's components,
then volte's registered ``volte_parse_repair_v1``, ``volte_actors_v1`` and ``volte_events_v1``:
volte.coding.components, docs/verbs.md "The coding pipeline") and converts each doc's ``doc._.events`` to
:class:`~volte.records.Event` records. For every sentence the events component asks the verb dictionary for
events (``VerbDictionary.match``), resolves their source and target noun phrases to actor codes
(``ActorResolver``), dates them (``resolve_event_date``) and builds the records (``_EventBuilder``). A
document that fails becomes a ``Reject`` (E402), never a crash; ``Reject`` items passed in flow through
untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from volte import CODER_VERSION
from volte.coding.actor_syntax import COUNT_WORDS, inside_person_name, is_stance
from volte.coding.actors import NON_STATE, UNKNOWN_COUNTRY, ActorResolver, ResolvedActor, is_countryless
from volte.coding.cameo import STATEMENT_ROOTS, describe
from volte.coding.components import ACTORS, EVENTS, ParseRepair, code_events, coding_pipeline
from volte.coding.dates import resolve_event_date
from volte.coding.factuality import (
    APPEALING,
    COMMITTING,
    DEMANDING,
    PLANNING,
    REPORTING,
    THREATENING,
    is_to_infinitive,
)
from volte.coding.incidents import (
    STATE_FORCE_ROLES,
    clash_with_protesters,
    disaster_cause,
    force_on_protesters,
    ordinary_crime,
    protest_clash,
    protest_gathering,
    protester_doer,
    robbery,
    violent_protest,
    weapon_code,
)
from volte.coding.lexicon import words
from volte.coding.places import Place
from volte.coding.predicates import characterisation, under_attack
from volte.coding.quotes import QuoteTracker
from volte.coding.setting import ArticleSetting
from volte.coding.slots import absolute_with, counter_of, subject_heads
from volte.coding.triggers import is_passive, is_time, participle_agents
from volte.coding.user_rules import dictionaries_for
from volte.coding.verbs import VerbDictionary, VerbMatch
from volte.errors import E_CODING_FAILED
from volte.nlp.pipeline import build_nlp
from volte.records import Article, Event, Reject, make_event_id, parse_day
from volte.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from volte.coding.actor_dictionary import ActorDictionary

log = logging.getLogger(__name__)

_PAST_TAGS = frozenset({"VBD", "VBN"})


@dataclass(frozen=True)
class Coded:
    """The result for one input item: an article with its events, or a reject."""

    article: Article | None
    events: tuple[Event, ...]
    reject: Reject | None


class Coder:
    """Codes articles into events. Load once, then call :meth:`code` on any number of items."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        nlp: Language | None = None,
        verbs: VerbDictionary | None = None,
        actors: ActorDictionary | None = None,
        dyads_only: bool = True,
    ) -> None:
        """``dyads_only=False`` also emits events whose actors are unknown (to measure the verb dictionary's
        breadth on code-only gold such as CAMEO codebook examples); keep the default for real output."""
        self.settings = settings or Settings()
        self.dyads_only = dyads_only
        # the dictionaries first: a problem in a user's rule file is reported before the model loads
        if verbs is None or actors is None:
            loaded = dictionaries_for(self.settings)
            verbs = loaded[0] if verbs is None else verbs
            actors = loaded[1] if actors is None else actors
        self.verbs, self.actors = verbs, actors
        self.nlp = nlp if nlp is not None else build_nlp(self.settings.nlp.model)
        self.pipeline = self._build_pipeline()

    def code(self, items: Iterable[Article | Reject]) -> Iterator[Coded]:
        """Code articles in ``nlp.pipe`` batches of the coding pipeline; never raises for one bad document."""
        size = max(1, self.settings.nlp.batch_size)
        iterator = iter(items)
        while chunk := list(islice(iterator, size)):
            articles = [item for item in chunk if isinstance(item, Article)]
            coded = iter(self._code_batch(articles))
            for item in chunk:
                if isinstance(item, Reject):
                    yield Coded(article=None, events=(), reject=item)
                else:
                    yield next(coded)

    def code_doc(self, doc: Doc, article: Article) -> tuple[Event, ...]:
        """The events of one parsed article, in deterministic order (mends known parser errors in ``doc``
        in place first, unless ``volte_parse_repair_v1`` has: :func:`volte.coding.parse_repair.repair_parse`).
        The coding pipeline's ``volte_events_v1`` calls this for every doc."""
        ParseRepair()(doc)
        return code_events(
            doc,
            article,
            verbs=self.verbs,
            actors=self.actors,
            coding=self.settings.coding,
            dyads_only=self.dyads_only,
        )

    # --- internals ------------------------------------------------------------------------------------

    def _build_pipeline(self) -> Language:
        """The coding pipeline: this coder's parse pipeline's components, then volte's coding components
        configured with this coder's settings and dictionaries (volte.coding.components)."""
        coding = self.settings.coding
        config = {
            "dyads_only": self.dyads_only,
            "statements": coding.statements,
            "hypothetical": coding.hypothetical,
        }
        pipeline = coding_pipeline(self.nlp, config=config)
        recognizer = pipeline.get_pipe(ACTORS)
        recognizer.dictionary = self.actors  # type: ignore[attr-defined]
        events = pipeline.get_pipe(EVENTS)
        events.verbs, events.actors = self.verbs, self.actors  # type: ignore[attr-defined]
        events.code_doc = self.code_doc  # type: ignore[attr-defined]  # a subclass's override holds
        return pipeline

    def _make_doc(self, article: Article) -> Doc:
        doc = self.pipeline.make_doc(_clip(article.text, self.settings.nlp.max_chars, article.id))
        doc._.volte_article = article
        return doc

    def _code_batch(self, articles: Sequence[Article]) -> list[Coded]:
        """One ``nlp.pipe`` over the batch; when it fails, each article alone (a failure is its Reject)."""
        try:
            docs = [self._make_doc(a) for a in articles]
            out = list(self.pipeline.pipe(docs, batch_size=self.settings.nlp.batch_size))
            return [self._converted(a, doc) for a, doc in zip(articles, out, strict=True)]
        except Exception:  # noqa: BLE001 - one bad text must not lose the batch: code one by one
            log.warning("nlp.pipe failed on a batch of %d; coding its documents one by one", len(articles))
        return [self._code_one(a) for a in articles]

    def _code_one(self, article: Article) -> Coded:
        try:
            return self._converted(article, self.pipeline(self._make_doc(article)))
        except Exception as exc:  # noqa: BLE001 - batch stages never die on one document
            log.warning("coding failed for %s: %s: %s", article.id, type(exc).__name__, exc)
            reason = f"coding failed: {type(exc).__name__}: {exc}"
            return Coded(
                article=article,
                events=(),
                reject=Reject(article.id, "coding", E_CODING_FAILED, reason, article.origin),
            )

    @staticmethod
    def _converted(article: Article, doc: Doc) -> Coded:
        """The Event records of a coded doc (``doc._.events``)."""
        return Coded(article=article, events=tuple(map(Event.from_dict, doc._.events or ())), reject=None)


class _EventBuilder:
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
        self.resolver = resolver
        self.speaker, self.quotes = speaker
        self.doc = sent.doc

    def build(self, match: VerbMatch) -> list[Event]:
        trigger = self.doc[match.trigger_start : match.trigger_end].root
        if _punished_for(trigger):
            return []  # "arrested *for collaborating* with Israel": the charge, not an event the text asserts
        if match.nominal and match.code[:2] == "14" and _protest_acted_on(trigger):
            return []  # "police *attacked* a peaceful protest": the police are not its protesters (175 is theirs)
        if not match.nominal and _passive_conjunct(trigger):  # "was tortured and *killed*": the victim's
            match = _as_passive_conjunct(match, trigger)
        iso, precision, planned = self._dates(match, trigger)
        on = parse_day(iso) or self.setting.reference
        doers = match.sources or (_shared_agent(trigger) if match.passive else ())
        if not doers and not match.nominal and match.code[:2] in _FORCE_ROOTS:
            doers = _attack_doers(trigger)  # "killed *in an attack by militants*", "died in *a Taliban* ambush"
        if match.nominal and _arrested_in(trigger):  # "police detained suspects *in the attack*": not theirs
            doers = tuple(i for i in doers if self.doc[i].head.i != trigger.head.head.i)
        if not doers and match.passive and match.symmetric:
            doers = _reporting_signer(trigger)  # "Wagner said *the agreement signed with Rwanda* ..."
        acts = tuple(dict.fromkeys(_condemned(self.doc[i]) for i in match.targets))
        condemned = match.code[:2] == "11" and acts != match.targets
        if (
            condemned
        ):  # "condemned the bombing *of a school*": the act (its doer, or its words), not its victims
            match = replace(match, targets=acts)
        sender = _misread_sender(trigger) if not match.nominal else None
        if sender is not None:  # "sent a note *to Athens protesting* ...": the sender protests, to Athens
            doers, match = sender, replace(match, targets=(*match.sources, *match.targets))
        sources = self._side(doers, on, speaker=match.attributed_to)
        targets = self._side(match.targets, on, speaker=None)  # "raised *its* alert level" names no target
        if match.code[:2] in _FORCE_ROOTS and match.targets:  # "rockets hit *a military base*": the military
            targets = self._installation_target(trigger, self.doc[match.targets[0]], sources, targets, on)
        if targets and self.doc[match.targets[0]].dep_ == "poss" and self._named_unknown(match.targets[:1]):
            targets = []  # "recognized *South Ossetia's* independence from Georgia": its unknown owner
        if not sources and match.code[:2] in _PLACE_ROOTS:  # "missiles *fired by the Israeli military*"
            sources = self._wielder((*doers, *((trigger.i,) if match.nominal else ())), on)
        if not sources and not doers and match.passive and match.code[:2] in _PLACE_ROOTS:
            # "civilians were attacked *with poisonous gas launched by the government*"
            sources = self._wielder(_instruments(trigger), on, any_weapon=True)
        allower = self._allower(trigger, match.code, on, speaker=match.attributed_to)
        if allower and sources:  # "Ethiopia said it would allow *the WFP* to deliver food": Ethiopia's
            sources, targets = allower, sources  # intent, and the WFP it lets act
        # a target without its country ("the government", "---GOV") yields to one the sentence places
        weak, targets = (targets, []) if all(map(_countryless, targets)) else ([], targets)
        if not targets and not (match.code in _MEDIATION and any(a.code[3:6] in ("", "GOV") for a in sources)):
            # a state mediates between others: "the United States offered to mediate between *the government*
            # and the separatists" is not the US government
            targets = _domestic_counterpart(match.targets, self.doc, sources)
        if not targets and not weak and match.code[:2] in _PLACE_ROOTS:
            targets = self._place(trigger, sources, on, trigger_code_domestic=match.code[:2] == "17")
        if not targets and match.code[:2] == "14" and sources:
            targets = self._protested(trigger, sources, on)  # "went on hunger strike *to protest against* X"
        if not targets and (match.code[:2] == "14" or match.code == "082"):
            targets = _own_government(sources)
        if not targets and sources and match.code[:2] in _PARTNER_ROOTS:
            targets = self._partner(trigger, sources, on)
        if (
            len(sources) == 1
            and not targets
            and (match.code[:2] == "04" or match.code == "036")
            and not match.nominal
        ):
            targets = self._gathering(trigger, sources, on)  # several who attend together meet each other
        if not targets and sources and not match.nominal and match.code[:2] not in _PLACE_ROOTS:
            # "sent a letter *to NATO* threatening to cut funding": what a message says is aimed at its addressee
            own = {a.code for a in sources}
            targets = [a for a in self._side(_addressee(trigger), on, speaker=None) if a.code not in own] or targets
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
            targets = self._complement_target(trigger, sources, on, match.code)
            if weak:  # a victim named without its country beats a guess from elsewhere in the clause
                targets = [t for t in targets if not _countryless(t)]
        targets = targets or weak
        if not targets and sources and match.code[:2] in _AIMED_AT_PLACE_ROOTS:
            targets = self._object_place(trigger, sources, on, nominal=match.nominal)  # "a ceasefire *in Yemen*"
        if not targets and sources and not match.nominal and not match.symmetric:
            # "violated *South Sudan's* ceasefire", "rejected the resolution *proposed by the Security Council*"
            targets = [
                a
                for o in trigger.children
                if o.dep_ == "dobj"
                for a in self._possessor(o, on)
                if a.code not in {s.code for s in sources}
            ]
        if not targets and sources and match.code[:2] == "17" and not match.nominal:
            targets = self._cue_object(trigger, on)  # "banned *national newspapers*" (the cue is the victim)
        if sources and not match.symmetric:
            targets = self._destination(trigger, targets, on, sources) or targets
            if match.code == "072" and self._troops_sent(trigger, on) and all(t.entry == "destination" for t in targets):
                # troops sent to a place of their own country, or one volte cannot place, are deployed
                # there (154), not given to anyone: "sent troops and police to Santa Cruz Barillas"
                match = replace(match, code="154", pattern=f"{match.pattern}+deployed")
        if match.code[:2] == "19" and match.nominal and sources and all(map(_civic, sources)):
            if under_attack(trigger):  # "came under attack *from opposition lawmakers*": words, not force
                match = replace(match, code="111", pattern=f"{match.pattern}+words")
        lawless = match.passive and not doers and _lawless(match.code, trigger)
        if not sources and not doers and match.passive and match.code[:2] == "17" and not lawless:
            # "a journalist was arrested *in Niger*": the authorities of the place arrest, the person is the target
            held = self._place(trigger, [], on, trigger_code_domestic=True)
            if held:
                sources = held
                targets = [t for t in targets if (t.code, t.start) != (held[0].code, held[0].start)]
        if lawless and not sources and not targets:
            targets = _property_owner(trigger)  # "several shops were looted": nobody named, the owners hit
        if targets and all(_countryless(s) for s in sources):  # none, or "---CVL": place it by its victims
            sources = self._local_doer(doers, targets) or sources
        if not sources and match.code[:2] == "14" and not match.statement:
            sources = self._protesting_public(trigger, doers)
            # the public protests against whom its words name, else against its government
            targets = targets or self._protested(trigger, sources, on, at=False) or _own_government(sources)
            home = next((a.code[:3] for a in _own_government(sources)), None)
            if home is not None:  # "hundreds rallied *in Nairobi* against *the government*": Kenya's
                targets = [replace(t, code=home + t.code[3:]) if _countryless(t) and t.code[3:] else t for t in targets]
        if not sources and match.passive and match.code.startswith("08"):
            sources = self._holder(match.targets, on)
        if match.symmetric and not targets and not match.passive and len({s.code for s in sources}) == 1 and not any(
            map(_countryless, sources)
        ):
            # "China and *the Eurasian Economic Union* signed a deal": a partner named but unknown is the other side
            targets = self._unknown_partners(doers, sources, on)
        attributed = self._speaker_code(match, on)
        # one side may be paired within itself ("X and Y met", "talks between X and Y") only when the
        # other side names nobody at all; "the agency held talks with X and Y" pairs the agency, or nothing
        within = not self._names_doer(match.sources) or not match.targets
        # "Japan will step up cooperation *with the Philippines*": an intent is one side's statement;
        # "X and Y agreed to restore ties" still goes both ways (paired within one side)
        symmetric = match.symmetric and not (match.code.startswith("03") and sources and targets)
        if match.code[:2] in _AIMED_AT_PLACE_ROOTS and targets and all(map(self._named_as_place, targets)):
            symmetric = False  # "a unilateral truce *in Mali*", "a truce to stop the fighting *in Libya*": Mali declares none
        if not targets and len(sources) == 2 and all(a.entry.startswith(_PAIR_ENTRY) for a in sources):
            symmetric = within = True  # "the two countries agreed to reopen the border": each with the other
        if match.code[:2] in _PLACE_ROOTS:
            targets = [self._seat_as_place(t) for t in targets]  # "a bomb exploded *in Kabul*": AFG, not AFGGOV
        # "the Indian foreign minister met *his Chinese counterpart*": CHNGOV, the role of the other side
        targets, sources = self._counterparts(targets, sources), self._counterparts(sources, targets)
        pairs = _pairs(sources, targets, symmetric=symmetric, within=within)
        if not pairs and sources and targets and match.code[:2] == "17" and not match.symmetric:
            # coercion at home: "Iran shut down the internet *across the country*" is Iran's, with no target
            pairs = [(s, None) for s in sources if all(s.code == t.code for t in targets)]
        if not self.dyads_only:
            return [
                self._event(match, src, tgt, iso, precision, attributed, planned)
                for src, tgt in pairs or [(None, None)]
            ]
        if not sources and not match.passive and self._names_doer(match.sources):
            return []  # the doer is named but unknown: an event without its source misleads
        if not sources and match.passive and match.factuality == "future":
            return []  # "X will be invited": nobody known plans anything
        # The gate: an event is kept when at least one side names someone (a state, a person, a group, or a
        # role such as "police" or "militants", with its country or ---); the other side may be unknown.
        pairs = [(s, t) for s, t in pairs if s is not None or t is not None]
        if not match.alone and match.code[:2] not in _ONE_SIDED_ROOTS and not match.code.startswith(_ONE_SIDED_REFUSALS):
            # talk, aid, pressure and diplomacy are done *to* someone: without a target the match is mostly
            # a target we failed to read; force and coercion are complete with their doer ("gunmen opened fire")
            pairs = [
                (s, t)
                for s, t in pairs
                if t is not None or s is None or named or not (_countryless(s) or match.nominal)
            ]
        if match.paired:  # "gave *the Pentagon* permission": letting someone in names whom
            pairs = [(s, t) for s, t in pairs if t is not None]
        if (
            match.nominal
            and (counter_of(trigger) or trigger).dep_ not in _CLAUSE_ROLES
            and not _existential(trigger)
            and not _gone_on(trigger)
        ):
            # a protest whose protesters the sentence names is theirs ("thousands gathered *in a protest*")
            protesters = match.code[:2] == "14" and self._names_doer(match.sources)
            pairs = [(s, t) for s, t in pairs if t is not None or (protesters and s is not None)]  # "relies on U.S. aid" is no event
        disaster = cache(lambda: disaster_cause(self.sent, trigger))  # read once per match, if at all
        pairs = [(s, t) for s, t in pairs if not self._not_political(match, s, t, disaster=disaster)]
        refined = _by_weapon(match, trigger)
        if refined.code[:2] == "14" and refined.code != "145" and violent_protest(self.sent, trigger):
            refined = replace(refined, code="145", pattern=f"{refined.pattern}+violent")
        gathering = (bool(match.targets) and protest_gathering(self.doc[match.targets[0]])) or _dispersing(trigger)
        events = []
        for src, tgt in _protesters_first(refined, pairs):
            final = _as_repression(_as_violent_protest(refined, src, tgt), src, tgt, gathering=gathering)
            if final.symmetric and final.code.startswith(_RIOTING) and clash_with_protesters(trigger):
                final = replace(final, code="145", pattern=f"{final.pattern}+protesters")  # "clashes between police and demonstrators"
            elif final.code in ("180", "190") and src is None and protest_clash(self.sent, trigger):
                final = replace(final, code="145", pattern=f"{final.pattern}+protest_clash")  # "clashes erupted as protesters..."
            if final.code[:2] == "14" and tgt is None and src is not None:
                tgt = next(iter(_own_government([src])), None)  # rioting protesters face their government
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
        if root == "17" or (root in ("18", "19", "20") and (src is None or _countryless(src))):
            if disaster():
                return True
            if (root != "17" or match.code == "1712") and src is None and robbery(self.sent):
                return True  # "a shop was looted during an armed robbery"
        if match.code[:3] in _POLICING and match.code != "1712":  # destroying property is no police work
            return ordinary_crime(self.sent, src.code if src else "", tgt.code if tgt else "")
        return False

    def _dates(self, match: VerbMatch, trigger: Token) -> tuple[str | None, str, tuple[str | None, str]]:
        """(date, precision, (planned date, precision)) of an event. A statement (an appeal, intent,
        demand, refusal or threat: "agreed *to meet in March*", "threatened *to strike*") is an event on
        the day it is said, as CAMEO and GDELT date it; the day it plans, when its own clause gives one,
        is kept apart. Other future events are dated to when they are to happen."""
        ref = self.setting.reference
        if match.code[:2] in STATEMENT_ROOTS:
            said = _saying_verb(trigger)
            act = _planned_act(trigger, said)
            tense = "past" if said.tag_ in _PAST_TAGS else None
            iso, precision = None, "unknown"
            if act is not None:  # "said *on Monday* it would impose": an expression before the act dates it
                before = (0, act.idx - self.sent.start_char)
                iso, precision = resolve_event_date(
                    self.sent, published=ref, trigger=act.i, tense=tense, fallback=False, within=before
                )
            if iso is None:
                iso, precision = resolve_event_date(self.sent, published=ref, trigger=said.i, tense=tense)
            planned = self._planned(act)
            if ref is not None and iso is not None and iso > ref.isoformat():
                # said after the story was filed cannot be: the expression dates the plan ("agreed to begin
                # talks *by the end of February*", hung on "agreed" by the parser); the saying is the story's day
                planned = planned if planned[0] else (iso, precision)
                iso, precision = ref.isoformat(), "day"
            return iso, precision, planned
        tense = "future" if match.factuality == "future" else ("past" if trigger.tag_ in _PAST_TAGS else None)
        iso, precision = resolve_event_date(self.sent, published=ref, trigger=trigger.i, tense=tense)
        return iso, precision, (None, "")

    def _planned(self, act: Token | None) -> tuple[str | None, str]:
        """The date a time expression after the planned act, in its own clause, gives ("agreed to meet *in
        March*"; not "said *on Tuesday* he would meet", which dates the saying)."""
        if act is None:
            return None, ""
        base = self.sent.start_char
        end = act.right_edge.idx + len(act.right_edge)
        day, precision = resolve_event_date(
            self.sent,
            published=self.setting.reference,
            trigger=act.i,
            tense="future",
            fallback=False,
            within=(act.idx - base, end - base),
        )
        return (day, precision) if day is not None else (None, "")

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

    def _unknown_partners(
        self, heads: tuple[int, ...], sources: list[ResolvedActor], on: date | None
    ) -> list[ResolvedActor]:
        """The conjuncts of a symmetric event's doer that are proper names volte cannot code ("China and *the
        Eurasian Economic Union* signed an agreement", "*Raila Odinga* and President Ruto met"): each is the
        other side, kept by its words (the code empty, or ``---`` as the resolver names an unknown), rather
        than leaving the known doer with no partner. Only "and" joins partners ("the Movement, *or CONAMA*"
        is one); a conjunct whose own words hold a known actor ("the Prime Minister *of Israel*, Benjamin
        Netanyahu") is that actor, not a partner."""
        partners: list[ResolvedActor] = []
        for i in heads[:1]:
            token = self.doc[i]
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
                lo, hi = self.doc[first].idx, self.doc[last].idx + len(self.doc[last])
                if self.setting.in_dateline(conj) or any(lo <= a.start < hi or a.start <= lo < a.end for a in sources):
                    continue
                before = self.doc[first - 1] if first > 0 else None
                if conj is not token and (before is None or before.lower_ not in ("and", "&", ",")):
                    continue  # "the Movement, or CONAMA" names one actor twice
                found = self.resolver.resolve(conj, on=on)
                mine = [a for a in found if a.start < hi and lo < a.end]
                if any(a.code and a.code != UNKNOWN_COUNTRY for a in mine):
                    continue
                while first < conj.i and self.doc[first].dep_ == "det":
                    first += 1
                if last + 1 < len(self.doc) and self.doc[last + 1].text == ")" and "(" in self.doc[first:last + 1].text:
                    last += 1  # "the Democratic Alliance (DA)": the closing bracket too
                span = self.doc[first : last + 1]
                code = next((a.code for a in mine if a.code), "")
                partners.append(ResolvedActor(code, span.text, span.start_char, span.end_char, "unknown partner"))
        return partners

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
            and not _known(self.resolver.resolve(head, on=None))
        )

    def _names_doer(self, heads: tuple[int, ...]) -> bool:
        """Whether a source slot names someone: "*Fierce* fighting" (an adjective) and "two car *bombs*
        exploded" (a weapon) name no doer, so the event keeps its known victim."""
        for i in heads:
            token = self.doc[i]
            if token.pos_ in ("ADJ", "NUM", "DET") or token.lemma_.lower() in _INSTRUMENT_DOERS:
                continue
            return True
        return False

    def _side(self, heads: tuple[int, ...], on: date | None, *, speaker: int | None) -> list[ResolvedActor]:
        for i in heads:
            token = self.doc[i]
            if self.setting.in_dateline(token):
                continue  # "NAIROBI, Kenya (AP) -" says where the story was filed, not who acted
            if self.speaker and token.lower_ in _FIRST_PERSON and self.quotes.inside(i):
                return list(self.speaker)
            found = _known(self.resolver.resolve(token, on=on))
            # a role or name without a country ("---REB", "---") is the last resort: "the *U.S.* Treasury"
            # and "Hamas's *fighters*" place it first
            actors = (
                (found if not all(map(_countryless, found)) else [])
                or self._titled(token, on)
                or self._both(token, on)
            )
            if not actors and speaker is not None and _may_refer(token, self.doc[speaker]):
                actors = _known(self.resolver.resolve(self.doc[speaker], on=on))  # "Iran said *it* would ..."
            if not actors and speaker is not None:
                actors = self._speakers_own(token, speaker, on)  # "Putin said *his country* would ..."
            partitive = self._partitive(token, on) or self._coordinated_modifiers(token, actors, on)
            if len({a.code for a in partitive}) > len({a.code for a in actors}) and not (
                found and all(map(_countryless, partitive))
            ):  # "negotiators *from Israel and Hamas*": both sides; "the *Department* of Transportation"
                actors = partitive  # is itself the actor, not its unknown "of" phrase
            if not actors and token.pos_ == "NOUN":
                actors = self._possessor(token, on)
            actors = actors or found
            if all(a.code == "---GOV" for a in actors):  # "*critics, including the EU,*": the named members act
                actors = self._included(token, on) or actors  # ("rebel groups, including ..." stay rebels)
            if not all(map(_countryless, actors)):  # "Yugoslav army and special police *troops*": one side
                actors = [a for a in actors if not _countryless(a)]
            if actors:
                return actors
        return []

    def _possessor(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """An act or thing named by its owner or author: "an investigation into *Iran's* crackdown",
        "condemned *Russia's* attack", "dismissed an offer *by South Korea's president*". Pronouns are left
        out ("raised *its* alert level" names no target)."""
        owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        owners += [
            p
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "by"
            for p in prep.children
            if p.dep_ == "pobj" and p.pos_ in ("PROPN", "NOUN")
        ]
        # "the resolution *proposed by* the Security Council" (not "workers *employed by* X", an actor)
        agents = [p for c in token.children for p in participle_agents(c) if p.pos_ in ("PROPN", "NOUN")]
        if agents and not self.resolver.resolve(token, on=on):
            owners += agents
        if not owners and token.pos_ == "NOUN":
            # "condemned the act of aggression and the threats *made by* the United States": a participle after
            # coordinated acts names the doer of them all (not a possessor: "the attack and *Russia's* reply")
            owners = [
                p
                for conj in token.conjuncts
                if conj.i > token.i and conj.pos_ == "NOUN"
                for clause in conj.children
                for p in participle_agents(clause)
                if p.pos_ in ("PROPN", "NOUN")
            ]
        return [actor for owner in owners for actor in _known(self.resolver.resolve(owner, on=on))][:1]

    def _speakers_own(self, token: Token, speaker: int, on: date | None) -> list[ResolvedActor]:
        """ "Putin said *his country* would not lift the ban", "the minister said *her government* ...": the
        state (or its government) of the speaker, named by the phrase."""
        role = _OWN_STATE_NOUNS.get(token.lemma_.lower())
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES), None)
        if owner is None or role is None:
            return []
        found = [a for a in _known(self.resolver.resolve(self.doc[speaker], on=on)) if not _countryless(a)]
        if not found or len(found[0].code) < 3:
            return []
        start, end = self.doc[owner.i].idx, token.idx + len(token.text)
        return [
            ResolvedActor(
                code=found[0].code[:3] + role,
                name=self.doc.text[start:end],
                start=start,
                end=end,
                entry=found[0].entry,
            )
        ]

    def _included(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """The named members of a group that names no country itself: "*critics*, including the European
        Commission", "several *governments*, including France and Italy". Not people counted among a crowd
        ("dozens of people, including three Americans": the group is not the Americans)."""
        members = [
            m
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "including"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for m in (pobj, *pobj.conjuncts)
        ]
        found = [actor for m in members for actor in _known(self.resolver.resolve(m, on=on))]
        return _distinct([a for a in found if not _countryless(a) and not a.code.endswith("CVL")])

    def _coordinated_modifiers(
        self, token: Token, actors: list[ResolvedActor], on: date | None
    ) -> list[ResolvedActor]:
        """ "*U.S. and Philippine* troops", "*Russia and Turkey's* foreign ministers": one actor per
        coordinated country modifier or owner, with the head's role."""
        if len(actors) != 1 or not any(c.dep_ == "cc" for t in (token, *token.children) for c in t.children):
            return []
        role = actors[0].code[3:]
        out = list(actors)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
        for other in [*modifiers, *(x for m in modifiers for x in m.conjuncts)]:
            found = _known(self.resolver.resolve(other, on=on))
            if found and len(found[0].code) >= 3 and found[0].code[:3] != actors[0].code[:3]:
                first = found[0]
                out.append(
                    ResolvedActor(
                        code=first.code[:3] + role,
                        name=first.name,
                        start=first.start,
                        end=first.end,
                        entry=first.entry,
                    )
                )
        return _distinct(out) if len(out) > 1 else []

    def _partitive(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """ "a group *of Liberians*", "thousands *of Iraqi Kurds*", "members of parliament *from Kenya*"."""
        if token.pos_ not in ("NOUN", "NUM", "PRON", "PROPN") or token.lemma_.lower() in _VIOLENT_ACTS:
            return []  # "the killing *of civilians*" is an act and its victims, not a part of a whole
        if token.lemma_.lower() in _COERCIVE_ACTS and _named_doer(token):
            return []  # "the detention *of two Canadians* by China": China's act, not a group of Canadians
        preps = (
            ("of", "from", "with")
            if token.lemma_.lower() in ("border", "frontier", "boundary")
            else ("of", "from")
        )
        if token.lemma_.lower() in _PEOPLE:
            preps = (*preps, "in", "inside")  # "civilians *in Gaza*", "refugees *in Lebanon*"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                # every object of the preposition: the parser may hang a second one beside the first
                # ("the ministers *of* the Democratic Republic of Congo and *Rwanda*")
                found = [
                    actor
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                    for actor in _known(self.resolver.resolve(pobj, on=on))
                ]
                if found:
                    return _distinct(found)
        return []

    def _installation_target(
        self, trigger: Token, head: Token, sources: list[ResolvedActor], targets: list[ResolvedActor], on: date | None
    ) -> list[ResolvedActor]:
        """The owner of an installation that force hits (``_installation_owner``), placed where it happened
        when its phrase names no country ("a grenade was thrown at *a police post* on Bangkok's outskirts":
        THACOP); not when the doer has the owner's role ("troops took control of *a military base*")."""
        owned = _installation_owner(head, targets, self.resolver)
        if owned is targets or not owned:
            return targets
        role = owned[0].code[3:]
        if any(s.code[3:6] == role for s in sources):
            return targets
        if owned[0].code.startswith(UNKNOWN_COUNTRY) and role != "REB":
            placed = self._place(trigger, sources, on, trigger_code_domestic=False)
            country = next((a.code[:3] for a in placed if a.code[:3].isalpha()), None)
            if country is not None:
                owned = [replace(owned[0], code=country + role), *owned[1:]]
        return owned

    def _place(
        self, trigger: Token, sources: list[ResolvedActor], on: date | None, *, trigger_code_domestic: bool
    ) -> list[ResolvedActor]:
        """Violence against people or property with no named victim is coded against the country where it
        happened ("killed hundreds of people *in southern Israel*"), as event data sets do; for coercion
        (arrests, raids) the doer's own country counts ("police arrested 14 people *in Mombasa*")."""
        if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ in ("NOUN", "PROPN"):
            trigger = trigger.head  # "two car *bombs* exploded *in Mogadishu*": the place hangs on the verb
        elif _gone_on(trigger):
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
            found = [a for a in self._located(tok, on) if a.code[:3] not in own]
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

    def _located(self, tok: Token, on: date | None) -> list[ResolvedActor]:
        """The actors with a country that a place word names: the resolver's, else the gazetteer's (a place the
        parser tagged as an organization, "in *Durban*" as ORG, resolves to nobody)."""
        known = [a for a in _known(self.resolver.resolve(tok, on=on)) if not _countryless(a)]
        return [a for a in known or self._gazetteer_place(tok) if not _countryless(a)]

    def _seat_as_place(self, actor: ResolvedActor) -> ResolvedActor:
        """A capital named as where violence or coercion happens is the country, not its rulers: "a
        bomb exploded *in Kabul*", "a curfew *in Nairobi*" (AFG, KEN). As a doer or the one acted on ("shelled
        Kyiv", "Moscow said") it stays the government."""
        if not actor.entry.split(" ")[0].endswith("#seat") or len(actor.code) <= 3:
            return actor
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        prep = span.root.head if span is not None else None
        if prep is None or prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
            return actor
        return replace(actor, code=actor.code[:3], entry=actor.entry.replace("#seat", "#place", 1))

    def _object_place(
        self, trigger: Token, sources: list[ResolvedActor], on: date | None, *, nominal: bool
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
            if token.dep_ == "pobj" and token.head.lower_ in _OBJECT_PLACE_PREPS and _place_entity(token):
                found = self._located(token, on)
                if found:
                    place = found[0]
                    if place.code[:3] in own or place.code[:3] in _NON_STATES:
                        return []
                    return [replace(place, code=place.code[:3], entry=f"{place.entry}#object-place")]
            if depth < _OBJECT_PLACE_DEPTH and token.lower_ not in _OCCASIONS:
                queue.extend(  # "an initiative *to halt* the fighting in Yemen": a purpose (parsed relcl or advcl)
                    (c, depth + 1)
                    for c in token.children
                    if c.dep_ not in _NO_TARGET_DEPS or (c.dep_ in ("relcl", "advcl") and is_to_infinitive(c))
                )
        return []

    def _named_as_place(self, actor: ResolvedActor) -> bool:
        """The actor is named as where something happens: a place entity after a place preposition ("*in* Mali")."""
        root = self._root(actor)
        return root is not None and root.dep_ == "pobj" and root.head.lower_ in _OBJECT_PLACE_PREPS and _place_entity(root)

    def _root(self, actor: ResolvedActor) -> Token | None:
        """The syntactic head of the words an actor was read from; None for an actor with no words."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.start >= 0 else None
        return span.root if span is not None else None

    def _counterparts(self, actors: list[ResolvedActor], others: list[ResolvedActor]) -> list[ResolvedActor]:
        """A counterpart holds the other side's post in its own country: "the Indian foreign minister met *his
        Chinese counterpart*" (CHNGOV, not the state CHN), "the army chief called *his Pakistani counterpart*"
        (PAKMIL), "Iraq's prime minister and *his Jordanian counterpart* signed" (its partner on the same side).
        Only a country-only actor whose head is a counterpart word is given the role, and only when the other
        side (else its partners) holds one state role (officials, forces, courts, legislators, spies)."""
        out = []
        for actor in actors:
            # the cheap tests first: this runs on both sides of every event
            if len(actor.code) != 3 or actor.code in _NON_STATES or _countryless(actor):
                out.append(actor)
                continue
            root = self._root(actor)
            if root is None or root.lemma_.lower() not in _COUNTERPARTS:
                out.append(actor)
                continue
            peers = others or [a for a in actors if a is not actor]
            roles = {o.code[3:6] for o in peers if o.code[:3] not in _NON_STATES}  # "the defense minister" too
            if len(roles) == 1 and roles <= _STATE_ROLES and actor.code not in {o.code[:3] for o in peers}:
                actor = replace(actor, code=actor.code + next(iter(roles)), entry=f"{actor.entry}#counterpart")
            out.append(actor)
        return out

    def _troops_sent(self, trigger: Token, on: date | None) -> bool:
        """The trigger sends armed men ("sent *troops* and police to ...", "a force *of 260 troops*"): an
        object, or its "of" phrase, that the actor dictionary reads as a military or police role, not weapons
        or advisers."""
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        objects += [p for o in objects for of in o.children if of.lower_ == "of" for p in of.children if p.dep_ == "pobj"]
        return any(a.code[3:6] in _ARMED_ROLES for o in objects for a in _known(self.resolver.resolve(o, on=on)))

    def _destination(
        self, trigger: Token, targets: list[ResolvedActor], on: date | None, sources: list[ResolvedActor]
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
                found = [a for a in _known(self.resolver.resolve(tok, on=on)) if len(a.code) == 3]
                found = found or [a for a in self._gazetteer_place(tok) if len(a.code) == 3]
                if found and not _countryless(found[0]) and found[0].code not in own:
                    return found[:1]  # not its own country: "withdraw its troops *from Abyei*" (Sudan's)
        if targets and all(t.start in moved_span for t in targets):  # its own troops are no target
            for prep in preps:
                place = next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
                if place is not None and not _known(self.resolver.resolve(place, on=on)):
                    span = self.doc[place.left_edge.i : place.i + 1]  # "from *the Golan Heights*"
                    return [ResolvedActor("", span.text, span.start_char, span.end_char, "destination")]
        return []

    def _cue_object(self, trigger: Token, on: date | None) -> list[ResolvedActor]:
        """The direct object of a coercive verb when it names people or an organization, even where it is
        the pattern's own cue ("a court *banned national newspapers*", "closed *two opposition newspapers*"):
        who is coerced. Forces and officials are left out (they may be the doer's own)."""
        heads = tuple(c.i for c in trigger.children if c.dep_ == "dobj")
        found = self._side(heads, on, speaker=None)
        return [a for a in found if a.code[3:6] not in _STATE_ROLES]

    def _wielder(
        self, heads: tuple[int, ...], on: date | None, *, any_weapon: bool = False
    ) -> list[ResolvedActor]:
        """Who used a weapon or made an attack that is itself the subject: "the missiles *fired by the
        Israeli military*", "a *Saudi*-led strike", "a *Taliban*-claimed car bomb"; with ``any_weapon``, the
        "with" instrument of a passive ("attacked with poisonous gas *launched by the government*", also
        "*believed to have been* launched by")."""
        for i in heads:
            token = self.doc[i]
            if token.lemma_.lower() not in _INSTRUMENT_DOERS and not any_weapon:
                continue
            found: list[int] = []
            for child in token.children:
                if child.dep_ == "acl" and child.lemma_.lower() in _BELIEVED:
                    child = next((c for c in child.children if c.dep_ == "xcomp"), child)  # noqa: PLW2901
                if child.dep_ in ("acl", "xcomp") and child.lemma_.lower() in _WIELDING:
                    found += [
                        p.i
                        for a in child.children
                        if a.dep_ == "agent"
                        for p in a.children
                        if p.dep_ == "pobj"
                    ]
                elif child.dep_ == "amod" and child.lemma_.lower() in _WIELDING and child.i < token.i:
                    found += [
                        m.i
                        for m in child.children
                        if m.dep_ in ("npadvmod", "compound", "nmod") and m.pos_ == "PROPN"
                    ]
            actors = self._side(tuple(found), on, speaker=None)
            if actors:
                return actors
        return []

    def _allower(
        self, trigger: Token, code: str, on: date | None, *, speaker: int | None
    ) -> list[ResolvedActor]:
        """Who promises to let someone act: an intent (03x) whose act is allowed ("agreed to *allow* UN
        workers to deliver aid") is the allower's, not the doer's."""
        head = trigger.head
        if code[:2] != "03" or trigger.dep_ not in ("xcomp", "ccomp") or head.lemma_.lower() not in _LETTING:
            return []
        heads = tuple(t.i for t in subject_heads(head))
        found = self._side(heads, on, speaker=speaker)
        return found if not all(map(_countryless, found)) else []

    def _partner(self, trigger: Token, sources: list[ResolvedActor], on: date | None) -> list[ResolvedActor]:
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
                    found = [a for a in self._side(heads, on, speaker=None) if a.code not in own]
                    if found:
                        return found
        return []

    def _gathering(
        self, trigger: Token, sources: list[ResolvedActor], on: date | None
    ) -> list[ResolvedActor]:
        """Whom a doer meets when it attends or hosts a gathering: the one it joins ("joined *the Iranian
        foreign minister* for talks"), else the body whose gathering it is ("attended a meeting *of the
        African Union*", "hosted *a NATO* summit"; a body named but unknown after "of" too). A role without
        a country ("a *cabinet* meeting") and the doer itself are no partner."""
        own = {a.code for a in sources}
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        for obj in objects:  # "joined *X* for a meeting": X itself
            found = [a for a in self._side((obj.i,), on, speaker=None) if a.code not in own]
            if found and not any(map(_countryless, found)):
                return found
        fors = [p for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
        for noun in [*objects, *(p for p in fors if p.dep_ == "pobj")]:
            ofs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            named = [m for m in noun.lefts if m.dep_ in ("compound", "amod", "nmod") and m.text[:1].isupper()]
            for owner, unknown_ok in [
                *((p, True) for p in ofs if p.dep_ == "pobj"),
                *((m, False) for m in named),
            ]:
                found = [a for a in _known(self.resolver.resolve(owner, on=on)) if a.code not in own]
                if found and all(
                    not _countryless(a) or (unknown_ok and a.code == UNKNOWN_COUNTRY) for a in found
                ):
                    return found
        return []

    def _protested(
        self, trigger: Token, sources: list[ResolvedActor], on: date | None, *, at: bool = True
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
                if p.dep_ == "pobj" and not (prep.lower_ == "at" and (p.pos_ == "PROPN" or _place_entity(p)))
            ),
        ]
        home = next((a.code[:3] for a in _own_government(sources)), None)
        for head in heads:
            found = [a for a in self._side((head.i,), on, speaker=None) if a.code not in own]
            if home is not None:  # "Kenyan doctors ... denouncing *the Ministry of Health*": Kenya's
                found = [
                    replace(a, code=home + a.code[3:]) if _countryless(a) and a.code[3:] else a for a in found
                ]
            if found:
                return found
        return []

    def _gazetteer_place(self, token: Token) -> list[ResolvedActor]:
        """The country of a place the gazetteer reads at ``token`` ("a market *in Donetsk*": UKR)."""
        place = self.setting.place_at(token)
        if place is None:
            return []
        return [ResolvedActor(place.country, place.name, place.start, place.end, f"place:{place.name}")]

    def _local_doer(self, heads: tuple[int, ...], targets: list[ResolvedActor]) -> list[ResolvedActor]:
        """An unplaced local doer ("a 71-year-old *man* shot the Slovak prime minister", "a *mob* attacked
        Pakistani police") acts in the country of the people it acts on, when those are at home there
        (government, police, civilians ..., not troops or envoys who may be abroad)."""
        country = next(
            (
                t.code[:3]
                for t in targets
                if len(t.code) >= 6
                and t.code[:3].isalpha()
                and t.code[:3] not in _NON_STATES
                and t.code[3:6] in _AT_HOME
            ),
            None,
        )
        if country is None:
            return []
        for i in heads[:1]:
            token = self.doc[i]
            role = self.resolver.countryless_role(token)
            if role is not None:
                end = token.idx + len(token.text)
                return [ResolvedActor(country + role, token.text, token.idx, end, f"local:{role}+{country}")]
        return []

    def _protesting_public(self, trigger: Token, heads: tuple[int, ...]) -> list[ResolvedActor]:
        """A protest whose doer the text does not name ("protests erupted in Lahore", "rallies were held
        across the country") is the public's: civilians of the country its places name, else ---CVL.
        A doer that is named but unknown ("PEGIDA supporters") keeps its words as the name."""
        country = self.resolver.context_country(trigger) or UNKNOWN_COUNTRY
        named = [self.doc[i] for i in heads[:1] if self.doc[i].pos_ in ("NOUN", "PROPN")]
        if named:
            span = self.doc[named[0].left_edge.i : named[0].i + 1]
            return [
                ResolvedActor(country + "CVL", span.text, span.start_char, span.end_char, "protest.public")
            ]
        return [ResolvedActor(country + "CVL", "", -1, -1, "protest.public")]

    def _holder(self, heads: tuple[int, ...], on: date | None) -> list[ResolvedActor]:
        """Who let people go, when a passive release names nobody: whoever held them ("Americans *held in
        Iran* were freed" is released by Iran; "activists *detained by* the police")."""
        for i in heads[:1]:
            for clause in self.doc[i].children:
                if clause.dep_ != "acl" or clause.lemma_.lower() not in _HOLDING:
                    continue
                for prep in clause.children:
                    if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by"):
                        for place in prep.children:
                            found = (
                                _known(self.resolver.resolve(place, on=on)) if place.dep_ == "pobj" else []
                            )
                            if found:
                                return found[:1]
        return []

    def _complement_target(
        self, trigger: Token, sources: list[ResolvedActor], on: date | None, code: str
    ) -> list[ResolvedActor]:
        """The nearest known actor inside the clause or the prepositional phrase a verb governs, when its
        pattern found no target: "threatened to deliver blows *to the United States*", "refused to lift
        the curfew *on Palestinians*", "demanded that *Beijing* free ...", "worried *about Britain's*
        vote", "lifted the curfew *in Montenegro*". Nearest in the parse first, a few steps deep; the
        source itself and a clause whose subject or object is an unknown name ("ordered *Menem* to
        appear") give no target, nor does a place for coercion or violence ("held drills *in* the Sea of
        Japan"), which _place reads."""
        own = {a.code for a in sources}
        about = _ABOUT_NOT_INTO if code[:2] in _PLACE_ROOTS else _ABOUT_OR_IN  # places: see _place
        venue = code == "036" or code[:2] == "04"  # "agreed to meet again *in Brazil*": where, not with whom
        # "ordered X to pay *following* an investigation by Y": when, not to whom ("killed civilians *during*
        # attacks on villages" still reads the attack's victims)
        occasions = _OCCASIONS_NOT_DURING if code[:2] in _PLACE_ROOTS else _OCCASIONS
        if trigger.pos_ not in ("VERB", "ADJ"):
            about = _ABOUT_NOT_INTO  # "a suspension of air links *with Serbia*", not "talks *in* Cairo"
        queue = [
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
        queue += [  # "opened an inquiry *into* ...", "lifted the curfew *on* ...", "a suspension of links *with*"
            (p, 1)
            for o in trigger.children
            if o.dep_ in ("dobj", "prep") and o.i > trigger.i and not _condemned_act(o, code)
            for p in (o.children if o.dep_ == "dobj" else (g for x in o.children for g in x.children))
            if p.dep_ == "prep" and p.lower_ in _ABOUT and not _suspected_in(p.head, code) and not _partnered(p, code)
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
        while queue:
            token, depth = queue.pop(0)
            if venue and token.dep_ == "pobj" and token.head.lower_ == "in" and _place_entity(token):
                continue  # a place after "in" is where they meet, not the partner ("in the *visit* by X" is read)
            if _suspected_in(token, code):
                continue  # "detained two men *over the attack* on X": not X
            if token.dep_ in _COMPLEMENT_ROLES and token.pos_ in ("NOUN", "PROPN"):
                found = [a for a in self._side((token.i,), on, speaker=None) if a.code not in own]
                if found:
                    return found
                if depth == 1 and token.pos_ == "PROPN" and token.dep_ != "pobj":
                    return []  # the target is named, but nobody we know
            if depth < _COMPLEMENT_DEPTH and token.lower_ not in occasions:
                queue.extend(
                    (c, depth + 1)
                    for c in token.children
                    if c.dep_ not in _NO_TARGET_DEPS and not (c.dep_ == "prep" and c.lower_ in occasions)
                )
        return []

    def _titled(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """An unknown name under a known title: "Chinese President *Xi Jinping*" takes the title's actor."""
        if token.pos_ not in ("PROPN", "NOUN"):
            return []
        for child in [*token.children, *_platform_modifiers(token)]:
            if child.i > token.i:
                break
            named = child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or token.pos_ == "PROPN")
            demonym = child.dep_ == "amod" and child.text[:1].isupper() and token.pos_ == "NOUN"
            if is_stance(child):
                continue  # "*pro-Moscow* rebels", "*Iran*-backed militias": whom they back, not whose they are
            if named or demonym:  # "a *U.S.* request", "an *Australian* ultimatum", "*Palestinian* homes"
                found = _known(self.resolver.resolve(child, on=on))
                place = found and found[0].entry.startswith("state:") and "#adj" not in found[0].entry
                if place and inside_person_name(self.doc, child.i, child.i + 1):
                    continue  # "*Jordan* Bardella", "*Sofia* Vergara": a first name, not a state's
                if found:
                    return [self._whole_name(found[0], token)]
        return []

    def _whole_name(self, actor: ResolvedActor, head: Token) -> ResolvedActor:
        """A title's actor named by the whole name it stands before: "*President Reagan*", "*Prime Minister
        Andrej Babis*", "*Reliance Jio*", not the title or first word alone. A common noun keeps its
        modifier's name ("a *U.S.* request")."""
        if (
            head.pos_ != "PROPN"
            or actor.start < 0
            or actor.end > head.idx + len(head.text)
            or is_time(head)
        ):
            return actor
        parts = [t.left_edge.idx for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        start = min([actor.start, *parts])
        end = head.idx + len(head.text)
        return replace(actor, name=self.doc.text[start:end], start=start, end=end)

    def _both(self, token: Token, on: date | None) -> list[ResolvedActor]:
        """ "both countries", "the two sides/neighbours/leaders": the article's pair, not the nearest two
        actors. The first two states the article names together ("the ministers of *Congo and Rwanda*"),
        else the two it names most often up to the phrase (the one it names first wins a tie), leaving out those of the phrase's own verb's other arguments ("*Trump* praised the two
        countries"): "Abiy said Ethiopia ... had no intention of harming Somalia. He thanked *Erdogan* for
        mediating and said the two countries had agreed" is ETH and SOM, not SOM and TUR. The dateline is
        where the story was filed, not one of the pair."""
        if token.lemma_.lower() not in _PAIR_NOUNS or not any(
            c.lower_ in ("both", "two") for c in token.children
        ):
            return []
        verb = token.head
        beside = {
            a.code[:3]
            for c in verb.children
            if c.i != token.i and c.dep_ in _CO_ARGUMENTS
            for a in _known(self.resolver.resolve(c, on=on))
        }
        left_out = NON_STATE | beside
        seen: set[tuple[str, int]] = set()
        counts: dict[str, int] = {}
        latest: dict[str, ResolvedActor] = {}
        coordinated: list[ResolvedActor] | None = None
        for head in self.doc[: token.sent.end]:
            if head.i >= token.i:
                break
            if head.pos_ not in ("NOUN", "PROPN", "PRON") or head.dep_ == "compound":
                continue
            if self.setting.in_dateline(head):
                continue
            actors = self._side((head.i,), on, speaker=None)
            pair = {a.code[:3]: a for a in actors if not _countryless(a) and a.code[:3] not in left_out}
            if len(pair) == 2 and coordinated is None:
                coordinated = list(pair.values())  # "the foreign ministers of Congo and Rwanda"
            for actor in actors:
                country = actor.code[:3]
                if (country, actor.start) in seen or _countryless(actor) or country in NON_STATE:
                    continue
                seen.add((country, actor.start))
                if country in beside:
                    continue
                counts[country] = counts.get(country, 0) + 1
                latest[country] = actor
        if coordinated is None and len(counts) < 2:
            return []
        if coordinated is None:
            order = list(counts)  # first mention first
            ranked = sorted(order, key=lambda c: (-counts[c], order.index(c)))
            coordinated = sorted((latest[c] for c in ranked[:2]), key=lambda a: order.index(a.code[:3]))
        return [replace(a, entry=f"{_PAIR_ENTRY}{a.entry}") for a in coordinated]

    def _speaker_code(self, match: VerbMatch, on: date | None) -> str | None:
        if match.attributed_to is not None:
            actors = _known(self.resolver.resolve(self.doc[match.attributed_to], on=on))
            if actors:
                return actors[0].code
        inside = self.quotes.inside(match.trigger_end - 1)
        return self.speaker[0].code if (self.speaker and inside) else None

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
            **_place_fields(place),
        )


# Weapons and blasts as grammatical subjects: the doer is unnamed, not unknown.
_INSTRUMENT_DOERS = words("coder_instrument_doers")
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
_PEOPLE = words("coder_people")
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Roles of people acted on at home: a local doer with no country of its own shares theirs.
_AT_HOME = frozenset(
    {"GOV", "COP", "JUD", "LEG", "CVL", "OPP", "PTY", "EDU", "MED", "REL", "HLH", "BUS", "LAB", "AGR", "ELI"}
)
_NON_STATES = words("non_state_prefixes")
_PLATFORMS = words("coder_platforms")
_FIRST_PERSON = words("coder_first_person")
_HOLDING = words("coder_holding")
# Clauses a trigger governs ("threatened *to strike*", "demanded *that* Iran *free*") and the words in them
# that can name the target; relative clauses and appositions describe someone else's act.
_COMPLEMENTS = frozenset({"xcomp", "ccomp"})
_COMPLEMENT_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr"})
_NO_TARGET_DEPS = frozenset({"relcl", "appos", "advcl", "punct", "cc", "parataxis", "npadvmod"})
_ABOUT = words("coder_about")
_ABOUT_NOT_INTO = _ABOUT - {"into"}
_ABOUT_OR_IN = _ABOUT | {"in"}
_OCCASIONS = words("coder_occasions")
_OCCASIONS_NOT_DURING = _OCCASIONS - {"during"}
_MONEY_PURPOSES = words("verbs_helping_aims") | {"pay"}  # money given *to help*, *to pay for* (aid codes)
_COMPLEMENT_DEPTH = 5  # parse steps below the complement's head
# Codes whose events are complete with one actor: statements, intents, resignations, calling off protests,
# investigations, protests, force posture. Other events need a known target (or `alone: true` patterns).
_ONE_SIDED_ROOTS = frozenset({"01", "03", "08", "09", "14", "15", "17", "18", "19", "20"})
# Refusing to yield (124x) or to step down (1231) is as complete with its doer as yielding (08) is: "the
# union will not end the strike", "the senator declined to resign"
_ONE_SIDED_REFUSALS = ("124", "1231")
_PLACE_ROOTS = frozenset({"17", "18", "19", "20"})
_MEDIATION = frozenset({"039", "045"})  # offers of mediation, mediation
_OBJECT_WORDS = 8  # the longest object phrase kept as a target name (its head alone beyond that)
# Words that say, decide or announce a statement about the future (factuality's lists of reporting,
# committing, planning, threatening, appealing and demanding words, verbs and nouns alike): a statement is
# dated to them (issue 14). "repeat", "signal" and "indicate" report a position too.
SAYING_WORDS = (
    REPORTING | COMMITTING | PLANNING | THREATENING | APPEALING | DEMANDING | {"repeat", "signal", "indicate"}
)

# Sending, deploying or withdrawing one's own people: the event is about where they go (_destination).
_MOVING = words("coder_moving")
_SURVEYING_AIMS = words("verbs_surveying_aims")
_MOVED = words("coder_moved")
# Aid, concessions and their withdrawal: one made in a place is aimed at its country when nobody is named
# (_object_place).
_AIMED_AT_PLACE_ROOTS = frozenset({"07", "08", "16"})
_OBJECT_PLACE_PREPS = frozenset({"in", "across", "throughout"})
_VENUE_NOUNS = words("coder_venue_nouns")
_OBJECT_PLACE_DEPTH = 6  # "a sixfold increase in funding to fight the epidemic *in West Africa*"
# Words for someone holding the other side's post in another country (_counterparts).
_COUNTERPARTS = words("coder_counterparts")
_ARMED_ROLES = frozenset({"MIL", "COP"})
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
_LOCATIVE = frozenset({"in", "near", "around", "outside", "across", "throughout", "inside"})
# Roles whose attacks are words: an attack or fire a victim comes under from them is criticism (111)
_CIVIC_ROLES = frozenset({"OPP", "LEG", "NGO", "HRI", "MED", "EDU", "BUS", "LAB", "JUD", "PTY", "ELI", "REL"})


def _civic(actor: ResolvedActor) -> bool:
    """An actor whose attacks are words: a civic role, or a non-governmental organisation ("NGO...")."""
    return actor.code[3:6] in _CIVIC_ROLES or actor.code[:3] == "NGO"
_TO_FROM = words("coder_to_from")
_VIOLENT_ACTS = words("coder_violent_acts")
# coercion condemned is aimed at its doer when the text names one ("the detention of two Canadians *by China*");
# else at its victims, whose own state it mostly is ("condemned the jailing of Navalny")
_COERCIVE_ACTS = words("coder_coercive_acts")
_LAUNCHING = words("coder_launching")
_BLAMING = frozenset({"blame", "pin"})
_PUNISHING = words("coder_punishing")
_ARRESTING = _HOLDING | _PUNISHING  # _arrested_in
# What people are arrested or held *in*, *over*, *for*, *after* ("detained suspects *in the attack*")
_CHARGED_IN = frozenset({"in", "over", "for", "after"})
_WIELDING = words("coder_wielding")
# "gas *believed* to have been launched by": a hedged participle still names the weapon's user
_BELIEVED = frozenset({"believe", "suspect", "think", "say", "report"})
_LETTING = words("coder_letting")
# Agreeing on an act with someone: the partner is the act's target (_partner).
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
_PARTNER_ROOTS = frozenset({"03", "04", "05", "06", "07"})
_POLICING = frozenset({"171", "173"})
# Force that people protesting use becomes a riot (145): fighting, attacks, arson; an assault on one person
# ("a mob beat a man to death", 182x) stays an assault.
_RIOTING = ("19", "180", "183", "1712")  # seize or destroy property, arrest
_PLACE_PREPS = words("violence_place_prepositions")
_LAWLESS = words("coder_lawless_destruction")
_PROPERTY_OWNERS = (
    ("BUS", words("coder_business_property")),
    ("CVL", words("coder_home_property")),
    ("REL", words("coder_worship_property")),
)
_SPEAKER_PRONOUNS = words("speaker_pronouns")
_CLAUSE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "ROOT"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PAIR_ENTRY = "pair->"  # entry prefix of the actors "the two countries" stands for
_CO_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})


_PAIR_NOUNS = words("coder_pair_nouns")


# Verbs that send a message and the messages sent (_addressee, _misread_sender)
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


def _addressee(trigger: Token) -> tuple[int, ...]:
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


def _misread_sender(trigger: Token) -> tuple[int, ...] | None:
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


def _place_fields(place: Place | None) -> dict[str, Any]:
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


def _punished_for(trigger: Token) -> bool:
    """Whether a verb is the reason given for an arrest, a charge or a sentence ("was arrested *for
    collaborating* with Israel", "jailed for *insulting* the president"): an accusation, not an event."""
    prep = trigger.head
    return (
        trigger.dep_ == "pcomp"
        and trigger.pos_ == "VERB"
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in _PUNISHING
    )


def _condemned(token: Token) -> int:
    """The act condemned when ``token`` is its victim ("condemned the killing *of civilians*": the killing),
    else ``token`` itself."""
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in ("of", "on", "against") and _condemned_act(prep.head, "11"):
        return prep.head.i
    return token.i


def _condemned_act(obj: Token, code: str) -> bool:
    """An act of violence or coercion criticized: "condemned *the attack* on a church", "denounced *the killing*
    of civilians", "*the detention* of two Canadians by China". Its victims are not whom the criticism is aimed at; the act itself is the target (its
    words become ``target_name``) unless its doer is named ("*Russia's* attack", "the attack *by* Hamas")."""
    return (
        code[:2] == "11"
        and obj.dep_ == "dobj"
        and (obj.lemma_.lower() in _VIOLENT_ACTS or (obj.lemma_.lower() in _COERCIVE_ACTS and _named_doer(obj)))
        and obj.head.lemma_.lower() not in _LAUNCHING  # "launched a scathing attack on X": words aimed at X
        and obj.head.lemma_.lower() not in _BLAMING  # "blamed the attack on X": X is the accused
    )


def _named_doer(act: Token) -> bool:
    """An act noun that names its doer: a possessor ("*China's* detention of") or a by-phrase ("the arrest of
    its citizens *by Iran*"), also where the parser hangs it on the verb whose object the act is ("condemned the
    sentencing of the activists *by a Russian court*")."""
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") for c in act.children):
        return True
    return act.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "by" and c.i > act.i for c in act.head.children)


def _suspected_in(act: Token, code: str) -> bool:
    """An attack that people are arrested or held *in* ("detained suspects *in the attack* on the
    convoy"): its victims are not the ones arrested."""
    return (
        code[:2] == "17"
        and act.dep_ == "pobj"
        and act.head.lower_ in _CHARGED_IN
        and act.lemma_.lower() in _VIOLENT_ACTS
    )


def _passive_conjunct(verb: Token) -> bool:
    """A bare participle coordinated with a passive verb shares its passive ("was arrested and *beaten* by
    police", "was tortured and *killed*"): its subject is the one acted on, not the doer. A conjunct with
    its own subject or auxiliary ("was indicted and *will resign*") is not."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and is_passive(verb.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _as_passive_conjunct(match: VerbMatch, verb: Token) -> VerbMatch:
    """The match of a passive conjunct: the shared subject is its target, the "by" agent of either verb its
    doer ("arrested and beaten *by police*")."""
    victims = tuple(c.i for c in verb.head.children if c.dep_ == "nsubjpass")
    agents = tuple(
        p.i
        for v in (verb, verb.head)
        for c in v.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj"
    )
    return replace(match, sources=agents, targets=victims or match.targets, passive=True)


def _arrested_in(act: Token) -> bool:
    """An act named as what people were arrested, charged or held in ("detained suspects *in the attack*",
    "arrested *in the bombing*"): the arresting doer did not do it."""
    verb = act.head.head
    return (
        act.dep_ == "pobj"
        and act.head.lower_ in _CHARGED_IN
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in _ARRESTING
    )



def _lawless(code: str, trigger: Token) -> bool:
    """Looting, arson or vandalism (1712 told by a verb no authority's act is: "shops were *looted*",
    "a church was *torched*"), whose place in an agentless passive is where it happened, not its doer."""
    return code == "1712" and trigger.lemma_.lower() in _LAWLESS


def _property_owner(trigger: Token) -> list[ResolvedActor]:
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


_FORCE_ROOTS = frozenset({"18", "19", "20"})
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


def _countryless(actor: ResolvedActor) -> bool:
    return is_countryless(actor.code)


def _by_weapon(match: VerbMatch, trigger: Token) -> VerbMatch:
    """A generic attack whose weapon the sentence names takes the weapon's code: "rockets hit the town"
    (194), "attacked with poisonous gas" (2041); see volte.coding.incidents.weapon_code."""
    code = weapon_code(match.code, trigger)
    return match if code == match.code else replace(match, code=code, pattern=f"{match.pattern}+weapon")


def _as_violent_protest(
    match: VerbMatch, src: ResolvedActor | None, tgt: ResolvedActor | None = None
) -> VerbMatch:
    """People protesting who fight, attack or throw stones protest violently: CAMEO 145, the code for
    riots ("stone-throwing protesters clashed with police", "rioters attacked a police station"); so does
    their beating of the police or troops facing them ("rioters attacked police with stones": 182 on
    anyone else, a passer-by, stays an assault)."""
    if src is None or not protester_doer(src.code, src.name):
        return match
    on_forces = tgt is not None and match.code == "182" and tgt.code[3:6] in STATE_FORCE_ROLES
    if not match.code.startswith(_RIOTING) and not on_forces:
        return match
    return replace(match, code="145", pattern=f"{match.pattern}+protesters")


def _protesters_first(
    match: VerbMatch, pairs: list[tuple[ResolvedActor | None, ResolvedActor | None]]
) -> list[tuple[ResolvedActor | None, ResolvedActor | None]]:
    """A clash of people protesting with a side the text does not code ("clashes broke out between police
    and protesters": the police have no country) is the protesters' riot: they are its doer (145 follows
    in ``_as_violent_protest``)."""
    if not match.symmetric or not match.code.startswith(_RIOTING):
        return pairs
    return [
        (t, s) if s is None and t is not None and protester_doer(t.code, t.name) else (s, t) for s, t in pairs
    ]


def _as_repression(
    match: VerbMatch, src: ResolvedActor | None, tgt: ResolvedActor | None, *, gathering: bool = False
) -> VerbMatch:
    """Police or troops using force on people protesting repress them violently: CAMEO 175 ("security
    forces opened fire on protesters", "police beat demonstrators"); so is force on the protest itself
    (``gathering``: "officers attacked a peaceful demonstration"). Abduction stays abduction (181: "forces
    kidnapped an activist")."""
    if src is None or match.code[:2] not in ("18", "19") or match.code.startswith("181"):
        return match
    if tgt is None and not gathering:
        return match
    if not force_on_protesters(src.code, tgt.code if tgt else "", tgt.name if tgt else "", gathering=gathering):
        return match
    return replace(match, code="175", pattern=f"{match.pattern}+protesters")


_DISPERSING = words("coder_dispersing")
_ACTED_ON = words("coder_protest_acted_on")


def _protest_acted_on(trigger: Token) -> bool:
    """A protest noun that is the object of force or a ban ("troops *attacked a rally*", "police *stormed
    the sit-in*", "the march *was banned*"): the verb's subject is no protester; the protest is its victim."""
    verb = trigger.head
    if trigger.dep_ == "pobj" and verb.lower_ in ("at", "on"):  # "fired tear gas *at a rally*"
        verb = verb.head
    elif trigger.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _ACTED_ON


def _dispersing(trigger: Token) -> bool:
    """Force used *to disperse* a protest or protesters ("shot live rounds *to clear protests*", "fired tear
    gas to disperse student protesters"): the protest is what the force was used on."""
    for clause in trigger.children:
        if clause.dep_ not in ("xcomp", "advcl") or clause.lemma_.lower() not in _DISPERSING:
            continue
        objects = [c for c in clause.children if c.dep_ == "dobj"]
        if any(protest_gathering(o) or protester_doer("", o.lemma_) for o in objects):
            return True
    return False


# Common nouns of a part of a place: "in parts *of* South Africa", "in the townships *of* Soweto" (not "the
# Sea *of* Japan", which is a place of its own).
_AREA_NOUNS = words("coder_area_nouns")


def _instruments(trigger: Token) -> tuple[int, ...]:
    """The "with" objects of a verb ("attacked *with* poisonous gas")."""
    return tuple(
        p.i
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for p in c.children
        if p.dep_ == "pobj"
    )


def _weapon_agent(agent: Token) -> bool:
    """A passive's "by" phrase that names a weapon, not a doer ("struck *by a missile*")."""
    return any(p.dep_ == "pobj" and p.lemma_.lower() in _INSTRUMENT_DOERS for p in agent.children)


def _gone_on(noun: Token) -> bool:
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


def _existential(trigger: Token) -> bool:
    """ "*There were* protests in Paris", "there have been clashes": the sentence asserts the event itself."""
    head = trigger.head
    return trigger.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)


def _one_per_root(events: list[Event], verbs: VerbDictionary) -> list[Event]:
    """One event per (source, target country, CAMEO root) in a sentence: "withdrew the bill, *bowing to*
    protesters" and "arrived in Kyiv, the first *visit* to Ukraine" each report one act. An event whose
    pattern ``outranks`` the other's root is kept; else the most specific code (then the most specific
    target)."""
    kept: list[Event] = []
    for event in events:
        same = next(
            (
                k
                for k in kept
                if k.source == event.source and k.code[:2] == event.code[:2] and _same_target(k, event)
            ),
            None,
        )
        if same is None:
            kept.append(event)
        elif _outranks(event, same, verbs) or (
            not _outranks(same, event, verbs) and _specificity(event) > _specificity(same)
        ):
            kept[kept.index(same)] = event
    chosen = {id(e) for e in kept}
    return [e for e in events if id(e) in chosen]


def _place_entity(token: Token) -> bool:
    """Whether the entity recogniser calls a token a place (a country, city, region or building)."""
    return token.ent_type_ in _PLACE_ENTS


def _reporting_signer(trigger: Token) -> tuple[int, ...]:
    """The doer of a deal named by a bare participle in a reported clause: "Foreign Minister Wagner said
    that *the agreement signed with Rwanda* opened a new chapter" is the speaker's own side signing with
    Rwanda (CODGOV -> RWA). Only a participle with no agent, on the subject or object of the clause the
    saying verb reports."""
    if trigger.dep_ != "acl" or trigger.tag_ != "VBN" or any(c.dep_ == "agent" for c in trigger.children):
        return ()
    noun = trigger.head
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or clause.dep_ != "ccomp":
        return ()
    said = clause.head
    if said.lemma_.lower() not in SAYING_WORDS:
        return ()
    return tuple(c.i for c in said.children if c.dep_ == "nsubj")


_ATTACKS_SUFFERED = words("coder_attacks_suffered")
_CLASHES_SUFFERED = words("coder_clashes_suffered")


def _attack_doers(trigger: Token) -> tuple[int, ...]:
    """The doer that the attack a killing or wounding happened in names, when the verb names none: its
    by-phrase ("five civilians were killed in an attack *by militants*"), possessor ("died in *Israel's*
    bombardment") or a capitalised modifier ("killed in *a Taliban* ambush", "in *a Russian* air strike");
    for a clash, the side the dead fought ("died in clashes *with the army*")."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _CLASHES_SUFFERED:
                sides = [p.i for c in noun.children if c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
                if sides:  # "five civilians died in clashes *with the army*": the other side killed them
                    return tuple(sides)
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in _ATTACKS_SUFFERED:
                continue
            if noun.lemma_.lower() == "strike" and any(c.lemma_.lower() == "hunger" for c in noun.children):
                continue  # "died in *the hunger strike* of the prisoners"
            by = [p.i for c in noun.children if c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
            owners = [c.i for c in noun.children if c.dep_ == "poss"]
            named = [
                c.i
                for c in noun.children
                if c.dep_ in ("amod", "compound") and c.i < noun.i and c.text[:1].isupper()
            ]
            if by or owners or named:
                return tuple(by or owners or named[:1])
    return ()


def _shared_agent(trigger: Token) -> tuple[int, ...]:
    """The agent of a coordinated passive verb: "was shot several times and wounded *by a man*"."""
    verbs = [*trigger.conjuncts] if trigger.dep_ != "conj" else [trigger.head, *trigger.head.conjuncts]
    verbs += [c for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBN"]  # parsed as a clause
    for verb in verbs:
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            return tuple(p.i for p in agent.children if p.dep_ == "pobj")
    return ()


# "his *country*", "her *government*": the speaker's own state, or its government (Coder._speakers_own)
_OWN_STATE_NOUNS = {"country": "", "nation": "", "government": "GOV", "administration": "GOV", "cabinet": "GOV"}
_OWN_POSSESSIVES = words("third_person_possessives")


def _may_refer(pronoun: Token, speaker: Token) -> bool:
    """Whether a pronoun in reported speech can stand for its speaker: "Iran said *it* would ...",
    "the rebels said *they* ...". A plural pronoun does not stand for one state or person ("China
    condemned the tariffs, saying *they* violated WTO rules": the tariffs)."""
    if pronoun.lower_ not in _SPEAKER_PRONOUNS:
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    return plural or pronoun.lower_ not in ("they", "their")


def _same_target(one: Event, other: Event) -> bool:
    """The same target, or a more specific one; a target no words name (the protesters' own government)
    is the same as any named one of its country ("clashed with *police* and set fire to buses")."""
    a, b = one.target, other.target
    if not a or not b:  # none, or one whose country nobody knows ("bowing to *protesters*"): the same
        return a == b or is_countryless(a or b)
    unnamed = one.target_start < 0 or other.target_start < 0
    return a.startswith(b) or b.startswith(a) or (unnamed and a[:3] == b[:3])


def _specificity(event: Event) -> tuple[int, bool, int]:
    # a riot is the more telling of two protests by the same people ("pulled down walls during a demonstration");
    digits = len(event.code.rstrip("0")) if len(event.code) == 3 else len(event.code)
    return (digits, event.code == "145", len(event.target))


def _outranks(event: Event, other: Event, verbs: VerbDictionary) -> bool:
    """Whether the event's pattern says it is the more telling of the two, whatever the target each names:
    tear gas, rubber bullets or water cannon (``outranks: ["17"]``) make "fired tear gas and arrested
    protesters" violent repression (175), not 173."""
    pattern = verbs.pattern(event.pattern)
    return (
        pattern is not None
        and event.code == pattern.code
        and other.code != event.code
        and other.code[:2] in pattern.outranks
    )


def _domestic_counterpart(
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


def _own_government(sources: list[ResolvedActor]) -> list[ResolvedActor]:
    """Protest with no named target is aimed at the protesters' own government ("thousands protested in
    Tbilisi against a draft law" is GEOCVL -> GEOGOV), the convention of event data coders; so is calling
    protests off (082)."""
    out = []
    for actor in sources:
        country, role = actor.code[:3], actor.code[3:6]
        if len(actor.code) >= 6 and country.isalpha() and country != "IGO" and role not in _STATE_ROLES:
            out.append(
                ResolvedActor(code=country + "GOV", name="", start=-1, end=-1, entry="protest.own_government")
            )
    return _distinct(out)


def _platform_modifiers(token: Token) -> list[Token]:
    """The modifiers of a weapon platform's own modifiers: "a *Syrian* air force helicopter"."""
    if token.lemma_.lower() not in _PLATFORMS:
        return []
    return [
        g
        for c in token.children
        if c.i < token.i and c.dep_ in ("compound", "nmod")
        for g in c.children
        if g.i < c.i
    ]


def _known(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    return [a for a in actors if a.code]


def _pairs(
    sources: list[ResolvedActor], targets: list[ResolvedActor], *, symmetric: bool, within: bool = True
) -> list[tuple[ResolvedActor | None, ResolvedActor | None]]:
    """(source, target) pairs: one per direction for compound symmetric actors; self-directed pairs dropped."""
    if symmetric and within and bool(sources) != bool(targets):
        side = _distinct(sources or targets)
        if len(side) >= 2:
            return [(a, b) for a in side for b in side if a.code != b.code]
    if not sources and not targets:
        return []
    either: list[ResolvedActor | None] = [None]
    pairs = [(s, t) for s in (sources or either) for t in (targets or either)]
    if symmetric:  # "X met Y", "X held talks with Y": coded in both directions
        pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
    return [
        (s, t)
        for s, t in pairs
        if not (s and t and s.code == t.code and not _kin(s, t) and not _strangers(s, t))
    ]


def _kin(source: ResolvedActor, target: ResolvedActor) -> bool:
    """Two different groups of the same people: "a *mob* beat a *man* to death" (PAKCVL on PAKCVL). The same
    state body on itself, or one phrase on itself, is no event."""
    role = source.code[3:6]
    return (
        len(source.code) >= 6
        and role not in _STATE_ROLES
        and source.start >= 0
        and target.start >= 0
        and (source.end <= target.start or target.end <= source.start)
    )


def _strangers(source: ResolvedActor, target: ResolvedActor) -> bool:
    """Two actors of unknown country named by different words: "the *Department of Transportation*
    opened a probe of *the Federal Aviation Administration*'s approval" is one unknown organization acting
    on another, not an actor on itself. The shared code ``---`` says only that neither is known; nor does a
    country read from an adjective of a noun volte does not know ("a *Lebanese lawyer* filed a complaint
    against *the Lebanese state*")."""
    return (
        (source.code == UNKNOWN_COUNTRY or "fallback+" in (source.entry + target.entry))
        and source.start >= 0
        and target.start >= 0
        and (source.end <= target.start or target.end <= source.start)
        and source.name.lower() != target.name.lower()
    )


def _distinct(actors: list[ResolvedActor]) -> list[ResolvedActor]:
    seen: dict[str, ResolvedActor] = {}
    for actor in actors:
        seen.setdefault(actor.code, actor)
    return list(seen.values())


def _order(event: Event) -> tuple[int, int, str, str, str]:
    return (event.sentence_index, event.trigger_start, event.code, event.source, event.target)


def _clip(text: str, max_chars: int, doc_id: str) -> str:
    """Texts longer than ``max_chars`` are cut at the last paragraph break before the limit."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n", 0, max_chars)
    cut = cut if cut > max_chars // 2 else max_chars
    log.warning("%s: text of %d characters cut to %d (nlp.max_chars)", doc_id, len(text), cut)
    return text[:cut]


@lru_cache(maxsize=1)
def _default_coder() -> Coder:
    return Coder()


def code_text(text: str, *, published: date | None = None, doc_id: str = "text") -> list[Event]:
    """Code one text with the default settings (convenience for notebooks and tests)."""
    article = Article(id=doc_id, text=text, published=published)
    coded = next(_default_coder().code([article]))
    return list(coded.events)
