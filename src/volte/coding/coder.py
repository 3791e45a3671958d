"""The coder: articles in, coded events out.

``Coder.code`` runs spaCy's ``nlp.pipe`` in batches over the coding pipeline (the model's components,
then volte's registered ``volte_parse_repair_v1``, ``volte_actors_v1`` and ``volte_events_v1``:
volte.coding.components, docs/verbs.md "The coding pipeline") and converts each doc's ``doc._.events`` to
:class:`~volte.records.Event` records. For every sentence the events component asks the verb dictionary for
events (``VerbDictionary.match``), resolves their source and target noun phrases to actor codes
(``ActorResolver``), dates them (``resolve_event_date``) and builds the records
(:class:`volte.coding.event_builder.EventBuilder`). A document that fails becomes a ``Reject`` (E402), never a
crash; ``Reject`` items passed in flow through untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from volte.coding.components import ACTORS, EVENTS, ParseRepair, code_events, coding_pipeline
from volte.coding.title_case import title_case_for
from volte.coding.user_rules import dictionaries_for
from volte.coding.verbs import VerbDictionary
from volte.errors import E_CODING_FAILED
from volte.nlp.pipeline import build_nlp
from volte.records import Article, Event, Reject
from volte.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from volte.coding.actor_dictionary import ActorDictionary

log = logging.getLogger(__name__)


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
        self.title_case = title_case_for(self.verbs, self.actors, self.nlp)

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
        """The doc of the article's text, its title-case lines parsed in sentence case (the events quote
        the text as written: volte.coding.title_case)."""
        text = _clip(article.text, self.settings.nlp.max_chars, article.id)
        parsed = self.title_case.recase(text)
        doc = self.pipeline.make_doc(parsed)
        doc._.volte_article = article
        if parsed != text:
            doc._.volte_written = text
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
