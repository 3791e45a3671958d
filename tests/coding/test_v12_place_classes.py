"""Places named with a region word, and protest targets invented from the doer's state (coder v12).

- A name with a region word after it ("Delta State", "Gedo region", "Faryab province") is that region, not a
  same-named town elsewhere: the gazetteer lists the regions news names this way (Nigeria's states, Somalia's
  regions, Afghanistan's provinces; ``rules/places/regions.yml``), the suffixed name where the bare one is a
  town of another state (Delta, British Columbia; Gedo, Ethiopia) or another state itself (Niger). A region
  known only as a town's name ("Kiambu County") takes the town's state unless the rest of its sentence names
  other states and not that one. A state's name inside a region's ("*Niger* State") yields to the region's.
- A "local government area" is a district, not a government.
- A boycott of businesses ("boycotted supermarkets", "boycotted the company") targets them (BUS of the
  protesters' state, ---BUS for foreign ones), not the protesters' own government, which stays the target
  of a protest with no named target ("went on strike over pay", "boycotted the election").

Each row is a construction written for volte, not a line of a gold set.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

from volte.coding.places import find_places
from volte.coding.setting import read_setting
from volte.records import Article

PUBLISHED = date(2021, 6, 14)

_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Nigerian state named after a town elsewhere, a common word, or another state
        ("Gunmen attacked police officers in Delta State on Monday.", ("NGAREB", "NGACOP", "180")),
        ("Gunmen shot dead two policemen in Rivers State.", ("NGAREB", "NGACOP", "193")),
        ("Gunmen attacked a police post in Kaduna State.", ("NGAREB", "NGACOP", "180")),
        ("Gunmen killed three villagers in Niger State.", ("NGAREB", "NGACVL", "1823")),
        ("Delta State police arrested twelve suspected cultists.", ("NGACOP", "", "173")),
        # a Somali region whose name is an Ethiopian town or an English word
        ("Gunmen ambushed police in Gedo region on Friday.", ("SOMREB", "SOMCOP", "180")),
        ("Rebels attacked a police station in Bay region.", ("SOMREB", "SOMCOP", "190")),
        # an Afghan province the gazetteer lists
        ("Taliban fighters attacked police in Faryab province.", ("AFGREBTAL", "AFGCOP", "190")),
        # a region known only by its town: the town's state, unless the sentence names another
        ("Gunmen stormed a police post in Kiambu County.", ("KENREB", "KENCOP", "180")),
        ("Militants attacked police in Saraj district near Kandahar.", ("AFGREB", "AFGCOP", "190")),
        # a local government area is a place: the person burned is the victim, not a government
        (
            "A suspected thief was set ablaze by an angry mob in Ekpan community, Uvwie Local Government Area of "
            "Kogi State on Monday.",
            ("---CVL", "", "182"),
        ),
        # a boycott of businesses targets them
        ("French truckers boycotted supermarkets that sold imported meat.", ("FRACVL", "FRABUS", "143")),
        ("Angry Turkish shoppers boycotted foreign brands.", ("TUR", "---BUS", "143")),
        # a protest with no named target stays aimed at the protesters' government
        ("Kenyan teachers went on strike over pay.", ("KENEDU", "KENGOV", "143")),
        ("Opposition supporters boycotted the election in Harare.", ("ZWEOPP", "ZWEGOV", "143")),
    ],
)
def test_place_and_boycott_classes(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # Delta State is not the town in British Columbia; the town is not Nigeria's
        ("Gunmen attacked police officers in Delta State on Monday.", ("CANREB", "CANCOP", "180")),
        ("Police arrested protesters in Delta, British Columbia.", ("NGACOP", "NGACVL", "173")),
        # Gedo region is not Ethiopia's; Niger State is not Niger; Niger is not Nigeria
        ("Gunmen ambushed police in Gedo region on Friday.", ("ETHREB", "ETHCOP", "180")),
        ("Gunmen killed three villagers in Niger State.", ("NERREB", "NERCVL", "1823")),
        ("Police arrested four men in Niger on Sunday.", ("NGACOP", "NGACVL", "173")),
        # Saraj district near Kandahar is not the Macedonian town's
        ("Militants attacked police in Saraj district near Kandahar.", ("MKDREB", "MKDCOP", "190")),
        # a local government area is no government
        (
            "A suspected thief was set ablaze by an angry mob in Ekpan community, Uvwie Local Government Area of "
            "Kogi State on Monday.",
            ("NGACVL", "NGAGOV", "145"),
        ),
        # businesses boycotted are not the government
        ("French truckers boycotted supermarkets that sold imported meat.", ("FRACVL", "FRAGOV", "143")),
        ("Angry Turkish shoppers boycotted foreign brands.", ("TUR", "TURGOV", "143")),
    ],
)
def test_no_misplaced_event(coder, text, unexpected):
    assert unexpected not in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes were reported in Delta State.", ("Delta State", "region", "NGA")),
        ("Clashes were reported in Delta, British Columbia.", ("Delta", "city", "CAN")),
        ("Clashes were reported in Gedo region.", ("Gedo region", "region", "SOM")),
        ("Clashes were reported in Niger State.", ("Niger State", "region", "NGA")),
        ("Clashes were reported in Kiambu County.", ("Kiambu County", "region", "KEN")),
    ],
)
def test_region_word_reads_the_region(nlp, text, expected):
    places = find_places(nlp(text))
    assert (places[0].name, places[0].feature, places[0].country) == expected


@pytest.mark.model
def test_town_region_is_marked_a_guess(nlp):
    """A region read from a town's name is marked as a guess, unless the text writes its state beside it."""
    guessed = find_places(nlp("Clashes were reported in Kiambu County."))
    written = find_places(nlp("Clashes were reported in Kenya's Kiambu County."))
    listed = find_places(nlp("Clashes were reported in Gedo region."))
    assert [p.guessed for p in guessed] == [True]
    assert [p.guessed for p in written] == [False]
    assert [p.guessed for p in listed] == [False]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a region known by a town elsewhere takes the one state its sentence names
        ("Fighting spread from Kandahar to Saraj district.", ("Saraj district", "AFG")),
        # several other states: no state's
        ("Clashes spread from Herat and Mashhad to Saraj district.", ("Saraj district", "")),
        # a state named as an owner says nothing of where the region is
        ("Yemen's missiles hit Jizan province.", ("Jizan province", "SAU")),
        # no other state named: the town's
        ("Clashes were reported in Kiambu County.", ("Kiambu County", "KEN")),
    ],
)
def test_town_region_takes_the_state_of_its_sentence(nlp, text, expected):
    doc = nlp(text)
    setting = read_setting(doc, Article(id="t", text=text))
    assert [(p.name, p.country) for p in setting.places(next(doc.sents)) if p.feature == "region"] == [expected]
