"""The gazetteer and places named in sentences (issue 13)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.coding.gazetteer import default_gazetteer, fold
from volte.coding.places import find_places

pytestmark = pytest.mark.issue(13)


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Georgia", None, ("country", "GEO", "")),
        ("Paris", None, ("city", "FRA", "11")),
        ("Paris", "USA", ("city", "USA", None)),
        ("Kiev", None, ("city", "UKR", None)),
        ("Kosovo", None, ("country", "XKX", "")),
        ("U.S.", None, ("country", "USA", "")),
        ("Britain", None, ("country", "GBR", "")),
        ("Punjab", "IND", ("region", "IND", "")),
        ("Punjab", None, ("region", "", "")),
        ("Crimea", None, ("region", "", "")),
        ("Kupwara District", None, ("region", "IND", None)),
        ("Bogotá", None, ("city", "COL", None)),
        ("Texas", None, ("region", "USA", "TX")),
    ],
)
def test_lookup_finds_the_best_place(gazetteer, name, country, expected):
    place = gazetteer.lookup(name, country=country)
    assert place is not None
    feature, iso3, admin1 = expected
    assert (place.feature, place.country) == (feature, iso3)
    if admin1 is not None:
        assert place.admin1 == admin1


@pytest.mark.parametrize("name", ["us", "said", "Nowhereville", ""])
def test_lookup_unknown_names_give_none(gazetteer, name):
    assert gazetteer.lookup(name) is None


def test_lookup_admin1_picks_the_same_named_city(gazetteer):
    place = gazetteer.lookup("Paris", country="USA", admin1="TX")
    assert place is not None and place.admin1 == "TX" and place.lat is not None and place.lat > 30


@pytest.mark.parametrize(
    ("name", "fips"), [("Germany", "GM"), ("Kosovo", "KV"), ("Pakistan", "PK"), ("UK", "UK"), ("Kabul", "AF")]
)
def test_lookup_carries_fips_codes(gazetteer, name, fips):
    place = gazetteer.lookup(name)
    assert place is not None and place.fips == fips


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def _places(nlp, text):
    doc = nlp(text)
    return [(p.name, p.feature, p.country) for p in find_places(doc)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen killed five people in Kupwara District on Tuesday.",
            [("Kupwara District", "region", "IND")],
        ),
        (
            "Troops were deployed in Kupwara and Shopian Districts.",
            [("Kupwara", "region", "IND"), ("Shopian Districts", "region", "IND")],
        ),
        ("Militants attacked a school in Pakistan's Swat valley.", [("Swat valley", "region", "PAK")]),
        ("The summit was held in Hamburg, Germany, last week.", [("Hamburg", "city", "DEU")]),
        ("She grew up in Paris, Texas.", [("Paris", "city", "USA")]),
        ("Protesters gathered in Atlanta, Georgia, on Sunday.", [("Atlanta", "city", "USA")]),
        ("Georgia's governor signed the bill.", [("Georgia", "region", "USA")]),
        (
            "Georgia and Russia fought a war in 2008.",
            [("Georgia", "country", "GEO"), ("Russia", "country", "RUS")],
        ),
        (
            "Voters in Ohio and Georgia went to the polls.",
            [("Ohio", "region", "USA"), ("Georgia", "region", "USA")],
        ),
        (
            "The king of Jordan met Egypt's president in Cairo.",
            [("Jordan", "country", "JOR"), ("Egypt", "country", "EGY"), ("Cairo", "city", "EGY")],
        ),
        ("Fighting broke out in Nice and Split.", [("Nice", "city", "FRA"), ("Split", "city", "HRV")]),
        ("Russian forces shelled Kharkiv overnight.", [("Kharkiv", "city", "UKR")]),
        (
            "Officials in Washington said talks in New York would resume.",
            [("Washington", "city", "USA"), ("New York", "city", "USA")],
        ),
        ("Attacks continue in Nigeria's northeastern Borno state.", [("Borno state", "region", "NGA")]),
        ("Police arrested 14 people in Mombasa, Kenya.", [("Mombasa", "city", "KEN")]),
        ("Villagers fled to Tigray and Amhara.", [("Tigray", "region", "ETH"), ("Amhara", "region", "ETH")]),
        ("Clashes were reported in Crimea.", [("Crimea", "region", "")]),
        ("The talks were held in Geneva and Kyiv.", [("Geneva", "city", "CHE"), ("Kyiv", "city", "UKR")]),
    ],
)
def test_find_places_reads_places(nlp, text, expected):
    assert _places(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Michael Jordan visited the White House.",
        "In March the police said many would lead the march.",
        "Reading the report, officials said the Police would act.",
        "The Washington Post reported that Georgia Tech won.",
        "Nice work, said the minister, who will split the money.",
        "Best of all, the Mobile phone deal was signed on May 3.",
        "Of the 40 people, many fled along the river.",
        "He spoke to the Union of students at the University.",
        "Arab states and EU states met at the UN.",
        "She met Paris Hilton and Chad Smith.",
    ],
)
def test_find_places_ignores_words_that_are_not_places(nlp, text):
    assert _places(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Police in Kupwara District and in Pakistan's Swat valley said the roads to Hamburg, Germany were shut.",
        "Georgia's governor flew from Atlanta, Georgia to Paris, Texas.",
    ],
)
def test_find_places_offsets_match_the_text(nlp, text):
    doc = nlp(text)
    places = find_places(doc)
    assert places
    for place in places:
        assert doc.text[place.start : place.end] == place.name


@pytest.mark.model
def test_find_places_on_a_sentence_keeps_doc_offsets(nlp):
    doc = nlp("Talks ended. Troops then moved into Idlib.")
    second = list(doc.sents)[1]
    (place,) = find_places(second)
    assert doc.text[place.start : place.end] == "Idlib" and place.country == "SYR"


@pytest.mark.model
def test_find_places_leaves_the_doc_serialisable(nlp):
    doc = nlp("Troops moved into Idlib and Kupwara District.")
    assert find_places(doc)
    assert doc.to_bytes()
