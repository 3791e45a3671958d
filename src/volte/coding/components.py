"""The coding stage as registered, versioned spaCy components (issue 13; docs/verbs.md, "The coding pipeline").

After the model's own components (tagger, parser, NER ...) and volte's paragraph and dateline breaks
(volte.nlp.paragraphs), three components code an article:

- ``volte_parse_repair_v1`` mends known parser errors in place (:func:`volte.coding.parse_repair.repair_parse`)
  and marks the doc repaired (``doc._.volte_repaired``) so nothing mends it twice;
- ``volte_actors_v1`` recognises actors and places: a ``PhraseMatcher`` over every name of the actor
  dictionary (matched on the dictionary's folded forms, longest first, with the dictionary's casing rules)
  writes ``doc.spans["volte_actors"]`` (label: the name's code), and the gazetteer's place reading
  (volte.coding.places) writes ``doc.spans["volte_places"]`` (label: the place's country, ISO-3; kb_id: its
  GeoNames id). It also reads the article's setting (dateline, reference date, places per sentence) into
  ``doc._.setting``;
- ``volte_events_v1`` codes events (the verb dictionary, the actor resolver fed by the actor spans, and
  ``volte.coding.event_builder.EventBuilder``) into ``doc._.events``: a list of event dicts
  (:meth:`volte.records.Event.to_dict`), in the coder's deterministic order.

The article an event needs (its id, publication date, kind) comes from ``doc._.volte_article``: make the
doc with ``nlp.make_doc(text)``, set the extension, then run ``nlp.pipe(docs)``. A doc without one is coded
as an article with the id ``"doc"`` and no publication date. :class:`volte.coding.coder.Coder` builds the
pipeline (:func:`coding_pipeline`) and converts ``doc._.events`` to :class:`~volte.records.Event` records.

When the doc was made from a copy of the text with its title-case lines re-cased (same offsets),
``doc._.volte_written`` holds the text as written, which the events quote (volte.coding.title_case).

``doc._.setting`` and ``doc._.volte_article`` hold Python objects; the events component clears the setting
once it has coded the doc, so only the article stays on it (docs are not meant for ``DocBin``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from volte.coding.actor_dictionary import ActorDictionary, default_actors, fold
from volte.coding.actor_mentions import actor_matches
from volte.coding.actors import ActorResolver
from volte.coding.event_builder import EventBuilder
from volte.coding.event_dedup import event_order, one_per_root
from volte.coding.event_sides import known_actors
from volte.coding.parse_repair import repair_parse
from volte.coding.quotes import QuoteTracker
from volte.coding.setting import ArticleSetting, read_setting
from volte.coding.title_case import restore_text
from volte.coding.verbs import VerbDictionary, default_verbs
from volte.records import Article, Event
from volte.settings import CodingSettings

if TYPE_CHECKING:
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

PARSE_REPAIR = "volte_parse_repair_v1"
ACTORS = "volte_actors_v1"
EVENTS = "volte_events_v1"
CODING_COMPONENTS = (PARSE_REPAIR, ACTORS, EVENTS)
ACTOR_SPANS = "volte_actors"
PLACE_SPANS = "volte_places"
_NO_ARTICLE = "doc"


def register_extensions() -> None:
    """The ``Doc`` extensions the components read and write, registered once per process."""
    for name, default in (
        ("volte_article", None),
        ("events", None),
        ("setting", None),
        ("volte_repaired", False),
        ("volte_written", None),  # the text as written, when the doc was made from a re-cased copy
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def article_of(doc: Doc) -> Article:
    """The article a doc was made for (``doc._.volte_article``), or a bare one with the id "doc"."""
    article = doc._.volte_article
    return article if article is not None else Article(id=_NO_ARTICLE, text=doc.text)


def setting_of(doc: Doc, article: Article) -> ArticleSetting:
    """The article's setting, read once per doc (kept in ``doc._.setting`` between the components)."""
    setting = doc._.setting
    if isinstance(setting, ArticleSetting) and setting.doc is doc and doc._.volte_article is article:
        return setting
    setting = read_setting(doc, article)
    doc._.setting = setting
    return setting


def _paths(folder: str | None) -> list[Path] | None:
    """The rule files of a folder named in a component's config (None: the package's own)."""
    if folder is None:
        return None
    return sorted(p for p in Path(folder).iterdir() if p.suffix in (".yml", ".yaml"))


def _actor_dictionary(folder: str | None) -> ActorDictionary:
    return default_actors() if folder is None else ActorDictionary.load(_paths(folder))


def _verb_dictionary(folder: str | None) -> VerbDictionary:
    return default_verbs() if folder is None else VerbDictionary.load(_paths(folder))


# ------------------------------------------------------------------------------------------ parse repair


class ParseRepair:
    """``volte_parse_repair_v1``: mends known parser errors once per doc."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.volte_repaired and doc.has_annotation("DEP"):
            repair_parse(doc)
            doc._.volte_repaired = True
        return doc


@Language.factory(PARSE_REPAIR)
def make_parse_repair(nlp: Language, name: str) -> ParseRepair:
    return ParseRepair()


# ------------------------------------------------------------------------------------ actors and places


class ActorRecognizer:
    """``volte_actors_v1``: actor names by PhraseMatcher, places by the gazetteer, as span groups."""

    def __init__(self, vocab: Vocab, dictionary: ActorDictionary, *, places: bool = True) -> None:
        self.vocab = vocab
        self.places = places
        self._dictionary = dictionary
        self._matcher: PhraseMatcher | None = None

    @property
    def dictionary(self) -> ActorDictionary:
        return self._dictionary

    @dictionary.setter
    def dictionary(self, value: ActorDictionary) -> None:
        if value is not self._dictionary:
            self._dictionary, self._matcher = value, None

    @property
    def matcher(self) -> PhraseMatcher:
        """One pattern per name of the dictionary, in its folded token form (built on first use). Matched on
        LOWER: an ASCII text's folded form is its lower case, so it is matched as it is; any other is matched
        through a doc of its folded tokens."""
        if self._matcher is None:
            matcher = PhraseMatcher(self.vocab, attr="LOWER")
            matcher.add("NAME", [Doc(self.vocab, words=list(key)) for key in self._dictionary.index.names])
            self._matcher = matcher
        return self._matcher

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ACTOR_SPANS] = self.actor_spans(doc)
        doc.spans[ACTOR_SPANS].attrs["dictionary"] = fingerprint(self._dictionary)
        if self.places and doc.has_annotation("SENT_START"):
            doc.spans[PLACE_SPANS] = self.place_spans(doc)
        return doc

    def actor_spans(self, doc: Doc) -> list[Span]:
        """The dictionary's names in the doc, longest first from the left, each labelled with its code."""
        if not len(doc):
            return []
        folded = doc if doc.text.isascii() else Doc(self.vocab, words=[fold(t.text) or t.text for t in doc])
        found: dict[int, list[int]] = {}
        for _, start, end in self.matcher(folded):
            found.setdefault(start, []).append(end)
        return [
            Span(doc, m.start, m.end, label=m.names[0].code)
            for m in actor_matches(self._dictionary, doc, found)
        ]

    def place_spans(self, doc: Doc) -> list[Span]:
        """The places each sentence names (outside the dateline), labelled with their country."""
        setting = setting_of(doc, article_of(doc))
        spans = []
        for sent in doc.sents:
            for place in setting.places(sent):
                span = doc.char_span(place.start, place.end, alignment_mode="expand")
                if span is not None:
                    kb = str(place.geonameid) if place.geonameid is not None else ""
                    spans.append(Span(doc, span.start, span.end, label=place.country or "", kb_id=kb))
        return spans


def fingerprint(dictionary: ActorDictionary) -> str:
    """Which dictionary made a doc's actor spans (its files, and this process's object)."""
    return f"{id(dictionary)}:{len(dictionary.index.names)}"


@Language.factory(ACTORS, default_config={"actor_rules": None, "places": True})
def make_actors(nlp: Language, name: str, actor_rules: str | None, places: bool) -> ActorRecognizer:
    """``actor_rules``: a folder of actor dictionary files (None: volte's own); ``places``: write
    ``doc.spans["volte_places"]`` too."""
    return ActorRecognizer(nlp.vocab, _actor_dictionary(actor_rules), places=places)


# ---------------------------------------------------------------------------------------- event coding


class EventCoder:
    """``volte_events_v1``: the events of one doc into ``doc._.events`` (event dicts).

    ``code_doc(doc, article)`` does the work; the :class:`~volte.coding.coder.Coder` that builds the
    pipeline points it at its own ``code_doc``, so a coder's settings (and a subclass's override) hold."""

    def __init__(
        self,
        verbs: VerbDictionary,
        actors: ActorDictionary,
        *,
        coding: CodingSettings,
        dyads_only: bool = True,
    ) -> None:
        self.verbs = verbs
        self.actors = actors
        self.coding = coding
        self.dyads_only = dyads_only
        self.code_doc: Callable[[Doc, Article], tuple[Event, ...]] = self._code

    def __call__(self, doc: Doc) -> Doc:
        try:
            events = self.code_doc(doc, article_of(doc))
        finally:
            doc._.setting = None  # Python objects off the doc once it is coded
        doc._.events = [event.to_dict() for event in events]
        return doc

    def _code(self, doc: Doc, article: Article) -> tuple[Event, ...]:
        return code_events(
            doc, article, verbs=self.verbs, actors=self.actors, coding=self.coding, dyads_only=self.dyads_only
        )


@Language.factory(
    EVENTS,
    default_config={
        "verb_rules": None,
        "actor_rules": None,
        "dyads_only": True,
        "statements": False,
        "hypothetical": False,
    },
)
def make_events(
    nlp: Language,
    name: str,
    verb_rules: str | None,
    actor_rules: str | None,
    dyads_only: bool,
    statements: bool,
    hypothetical: bool,
) -> EventCoder:
    """``verb_rules``/``actor_rules``: folders of rule files (None: volte's own); ``dyads_only``,
    ``statements`` and ``hypothetical`` as in :class:`~volte.coding.coder.Coder` and ``[coding]`` settings."""
    return EventCoder(
        _verb_dictionary(verb_rules),
        _actor_dictionary(actor_rules),
        coding=CodingSettings(statements=statements, hypothetical=hypothetical),
        dyads_only=dyads_only,
    )


def code_events(
    doc: Doc,
    article: Article,
    *,
    verbs: VerbDictionary,
    actors: ActorDictionary,
    coding: CodingSettings,
    dyads_only: bool = True,
) -> tuple[Event, ...]:
    """The events of one parsed, repaired article, in deterministic order: the verb dictionary's matches per
    sentence, their actors resolved (from the doc's actor spans when the same dictionary wrote them), one
    event per (sentence, source, target, code)."""
    setting = setting_of(doc, article)
    group = doc.spans.get(ACTOR_SPANS)
    spans = group if group is not None and group.attrs.get("dictionary") == fingerprint(actors) else None
    resolver = ActorResolver(actors, doc, published=setting.reference, setting=setting, spans=spans)
    quotes = QuoteTracker(doc)
    events: dict[tuple[int, str, str, str], Event] = {}
    for index, sent in enumerate(doc.sents):
        speaker = quotes.speaker(sent, lambda tok: known_actors(resolver.resolve(tok, on=setting.reference)))
        specific: list[Event] = []
        statements: list[Event] = []
        # one builder per sentence: everything it holds is the sentence's, nothing is a match's
        builder = EventBuilder(
            index, sent, article, resolver, (speaker, quotes), setting=setting, dyads_only=dyads_only
        )
        for match in verbs.match(sent):
            if match.factuality == "hypothetical" and not coding.hypothetical:
                continue
            if match.statement and not coding.statements:
                continue
            (statements if match.statement else specific).extend(builder.build(match))
        for event in one_per_root(specific or statements, verbs):
            events.setdefault((event.sentence_index, event.source, event.target, event.code), event)
    found = sorted(events.values(), key=event_order)
    written = doc._.volte_written
    if written is None:
        return tuple(found)
    return tuple(restore_text(found, doc.text, written))  # a title-case line parsed in sentence case


# ------------------------------------------------------------------------------------------- the pipeline


def coding_pipeline(parse_nlp: Language, *, config: dict[str, Any] | None = None) -> Language:
    """A pipeline that parses with ``parse_nlp``'s own components (shared, not copied: no second model in
    memory) and codes with volte's: ``parse_nlp`` itself is left as it is (its ``nlp.pipe`` stays the
    baseline bench/throughput.py measures against). ``config`` goes to ``volte_events_v1``."""
    nlp = spacy.blank(parse_nlp.lang or "en", vocab=parse_nlp.vocab)
    nlp.tokenizer = parse_nlp.tokenizer
    nlp.max_length = parse_nlp.max_length
    nlp.meta.update({k: v for k, v in parse_nlp.meta.items() if k in ("lang", "name", "version")})
    for name in parse_nlp.pipe_names:
        nlp.add_pipe(name, source=parse_nlp)
    nlp.add_pipe(PARSE_REPAIR)
    nlp.add_pipe(ACTORS)
    nlp.add_pipe(EVENTS, config=config or {})
    return nlp
