"""The coding stage as spaCy components (volte.coding.components) and the word lists (volte.coding.lexicon)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from volte.coding.components import (
    ACTOR_SPANS,
    ACTORS,
    CODING_COMPONENTS,
    EVENTS,
    PARSE_REPAIR,
    PLACE_SPANS,
    code_events,
)
from volte.coding.lexicon import load_words, ordered, words
from volte.errors import DictionaryError
from volte.records import Article, Event

PUBLISHED = date(2024, 5, 6)


def test_factories_are_registered_and_versioned():
    for name in CODING_COMPONENTS:
        assert Language.has_factory(name)
        assert name.endswith("_v1")


def test_actor_spans_on_a_blank_pipeline_carry_codes():
    nlp = spacy.blank("en")
    for name in (PARSE_REPAIR, ACTORS):
        nlp.add_pipe(name)
    doc = nlp("Kenyan police met envoys of the United Nations in Geneva.")
    spans = {s.text: s.label_ for s in doc.spans[ACTOR_SPANS]}
    assert spans["Kenyan"] == "KEN"
    assert spans["police"] == "COP"
    assert spans["United Nations"].startswith("IGO")
    assert "Nations" not in spans  # the longest name wins, once
    assert PLACE_SPANS not in doc.spans  # no sentences without a parser: no places read


def test_actor_spans_follow_the_dictionary_casing():
    nlp = spacy.blank("en")
    nlp.add_pipe(ACTORS)
    doc = nlp("The chad was stuck. Chad closed its border.")
    assert [(s.text, s.label_[:3]) for s in doc.spans[ACTOR_SPANS] if s.text.lower() == "chad"] == [
        ("Chad", "TCD")
    ]


@pytest.mark.model
def test_model_pipeline_writes_actors_places_and_events(coder):
    assert coder.pipeline.pipe_names[-3:] == list(CODING_COMPONENTS)
    doc = coder.pipeline.make_doc("Russian troops shelled the city of Kharkiv on Monday.")
    doc._.volte_article = Article(id="k", text=doc.text, published=PUBLISHED)
    doc = next(coder.pipeline.pipe([doc]))
    assert ("Russian", "RUS") in [(s.text, s.label_) for s in doc.spans[ACTOR_SPANS]]
    places = [(s.text, s.label_) for s in doc.spans[PLACE_SPANS]]
    assert ("Kharkiv", "UKR") in places
    assert all(s.kb_id_ for s in doc.spans[PLACE_SPANS])  # GeoNames ids
    assert doc._.events, "expected the shelling"
    event = Event.from_dict(doc._.events[0])
    assert event.doc_id == "k" and event.source == "RUSMIL" and event.root == "19"
    assert doc._.setting is None  # Python objects are taken off a coded doc


@pytest.mark.model
def test_components_add_by_name_to_the_model_pipeline(nlp):
    """The factories build from their config alone, on a copy of the model pipeline."""
    from volte.coding.components import coding_pipeline

    pipeline = coding_pipeline(nlp, config={"statements": True})
    assert EVENTS not in nlp.pipe_names  # the parse pipeline (the bench's baseline) is left alone
    doc = pipeline("Iran's foreign minister said on Monday that the talks were useful.")
    assert {e["code"] for e in doc._.events} == {"010"}  # a statement, asked for in the config


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday. "
        "NATO and the European Union condemned the attack, a Kremlin spokesman said.",
        # not ASCII: matched through the folded tokens ("Bogotá" is "bogota", "Côte d’Ivoire" "cote d'ivoire")
        "Bogotá protested. Côte d’Ivoire’s army and the U.S. State Department met in Panamá.",
    ],
)
def test_actor_spans_give_the_same_matches_as_the_resolver_scan(coder, text):
    from volte.coding.actor_mentions import find_matches

    doc = coder.pipeline(coder.pipeline.make_doc(text))
    spans = doc.spans[ACTOR_SPANS]
    with_spans = find_matches(coder.actors, doc, list(spans))
    scanned = find_matches(coder.actors, doc, None)
    assert with_spans == scanned
    assert scanned and [(m.start, m.end) for m in scanned] == [(s.start, s.end) for s in spans]


@pytest.mark.model
def test_code_doc_still_codes_a_doc_of_the_parse_pipeline(coder, nlp):
    article = Article(id="p", text="Russian troops shelled Kharkiv.", published=PUBLISHED)
    events = coder.code_doc(nlp(article.text), article)
    assert [(e.source, e.target) for e in events] == [("RUSMIL", "UKR")]
    assert events == next(coder.code([article])).events


@pytest.mark.model
def test_coder_codes_a_batch_with_one_pipe_call(coder, monkeypatch):
    calls = []
    pipe = coder.pipeline.pipe

    def spy(docs, **kwargs):
        docs = list(docs)
        calls.append([d._.volte_article.id for d in docs])
        return pipe(docs, **kwargs)

    monkeypatch.setattr(coder.pipeline, "pipe", spy)
    articles = [Article(id=f"a{i}", text="Iran attacked Iraq.", published=PUBLISHED) for i in range(3)]
    coded = list(coder.code(articles))
    assert calls == [["a0", "a1", "a2"]]
    assert [c.article.id for c in coded] == ["a0", "a1", "a2"] and all(c.events for c in coded)


@pytest.mark.model
def test_a_failing_events_component_rejects_one_document_only(nlp):
    from volte.coding.coder import Coder

    class FailsOnOne(Coder):
        def code_doc(self, doc, article):
            if article.id == "bad":
                raise RuntimeError("boom")
            return super().code_doc(doc, article)

    coder = FailsOnOne(nlp=nlp)
    articles = [Article(id=i, text="Iran attacked Iraq.", published=PUBLISHED) for i in ("one", "bad", "two")]
    coded = list(coder.code(articles))
    assert [c.article.id for c in coded] == ["one", "bad", "two"]
    assert coded[1].reject is not None and coded[1].reject.code == "E402" and "boom" in coded[1].reject.reason
    assert coded[0].events and coded[2].events and coded[0].reject is None and coded[2].reject is None


@pytest.mark.model
def test_code_events_without_actor_spans_gives_the_same_events(coder):
    text = "Kenyan police fired tear gas at protesters in Nairobi. Israel and Egypt held talks in Cairo."
    article = Article(id="s", text=text, published=PUBLISHED)
    doc = coder.pipeline(coder.pipeline.make_doc(text))
    del doc.spans[ACTOR_SPANS]
    events = code_events(
        doc, article, verbs=coder.verbs, actors=coder.actors, coding=coder.settings.coding, dyads_only=True
    )
    assert events, "expected the tear gas and the talks"  # two empty results would pass the comparison
    assert events == next(coder.code([article])).events


# ------------------------------------------------------------------------------------------ word lists


def test_bundled_word_lists_load_in_order():
    lists = load_words()
    assert ordered("months")[0] == "january" and len(ordered("months")) == 12
    assert ordered("month_abbreviations").index("may") == 4
    assert "say" in words("reporting_verbs")
    assert {"on", "off"} <= words("locative_prepositions")  # words, not YAML booleans
    assert words("non_state_prefixes") >= {"IGO", "NGO"}
    assert all(lists.values())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("months: [january, February]\n", "words.yml:3: months: 'February' is not in lower case"),
        ("months: [may, may]\n", "words.yml:3: months: 'may' is listed twice"),
        ("weekdays: monday\n", "words.yml:3: weekdays: expected a non-empty list of words"),
        ("weekdays: []\n", "words.yml:3: weekdays: expected a non-empty list of words"),
        ("places: [in, [at]]\n", "words.yml:3: places: a sequence is not a word"),
        ("months: [may]\nmonths: [june]\n", "words.yml:4: months: defined twice"),
        ("non_state_prefixes: [igo]\n", "words.yml:3: non_state_prefixes: 'igo' is not in upper case"),
    ],
)
def test_word_list_loader_names_file_line_and_key(tmp_path, body, expected):
    path = tmp_path / "words.yml"
    path.write_text("version: 1\nkind: words\n" + body, encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_words(path)
    assert info.value.code == "E301"
    assert expected in str(info.value)


def test_word_list_loader_checks_the_header(tmp_path):
    path = tmp_path / "words.yml"
    path.write_text("version: 2\nkind: words\nmonths: [may]\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="words.yml:1: version: expected 1"):
        load_words(path)
    path.write_text("- may\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="words.yml:1: expected a mapping"):
        load_words(path)


def test_provenance_hash_covers_the_components_and_the_word_lists():
    from volte.store.writer import coding_files

    names = {name for name, _ in coding_files()}
    assert {"coding/components.py", "coding/lexicon.py", "coding/rules/lexicon/words.yml"} <= names
