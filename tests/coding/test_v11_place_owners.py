"""Local authorities named by their town or region, and talks refused to whom they would be with (coder v11).

Real news names much of its domestic actors by a place: "Kerala police", "the Sindh government", "Cleveland
officials", "a Kansas farmer". The actor dictionary lists states, capitals and a few towns; the gazetteer knows
the regions (US states, ``rules/places/regions.yml``) and the cities of GeoNames. A place that modifies a role
noun now gives that role its state when the place's state is clear: a region the gazetteer lists, or a city of
at least 100,000 people that is not naming a region of its own ("Delta State") and that no other state named in
the sentence contradicts. A bare place as the actor itself ("Texas sued") is left as it was: measured, it took
the actor's slot from the real doer too often (docs/actors.md, "Places as owners").

"X is not up for discussion" refuses talks to whom they would be with ("... with Greece"), never to the topic
or its owner ("*Guyana's* border"). Each row is a sentence written for volte.
"""

from __future__ import annotations

from datetime import date

import pytest
from coded_article import code_text, seen

from volte.coding.actors import lookup_actor
from volte.coding.gazetteer import Place, city_population, default_gazetteer, listed_region

PUBLISHED = date(2024, 5, 14)


def _sides(coder, text: str, code_prefix: str) -> list[tuple[str, str]]:
    events = code_text(coder, text, published=PUBLISHED)
    return [(e.source, e.target) for e in events if e.code.startswith(code_prefix)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code_prefix", "source"),
    [
        # a region the gazetteer lists (regions.yml, US states) gives its state to the role it modifies
        ("Kerala police arrested three men after the clashes.", "173", "INDCOP"),
        ("The Sindh government banned all rallies in the province.", "172", "PAKGOV"),
        ("The West Bengal government condemned the bombing.", "11", "INDGOV"),
        ("A Kansas farmer started a hunger strike against the new water rules.", "142", "USAAGR"),
        ("Puntland forces attacked an al-Shabaab camp on Monday.", "19", "SOMMIL"),
        # a city of at least 100,000 people does too, when nothing in the sentence says another state
        ("Cleveland officials imposed a curfew on the downtown area.", "172", "USAGOV"),
        ("Rangpur police beat students who were marching to the university.", "1", "BGDCOP"),
        ("Hamburg's police broke up the march with water cannon.", "1", "DEUCOP"),
    ],
)
def test_place_gives_its_state_to_the_role(coder, text, code_prefix, source) -> None:
    found = _sides(coder, text, code_prefix)
    assert source in [s for s, _ in found], seen(code_text(coder, text, published=PUBLISHED))


@pytest.mark.model
def test_same_named_town_elsewhere_gives_no_state(coder) -> None:
    """The sentence places the attack in Pakistan: "Ipi" is not the Brazilian city of that name."""
    text = "Gunmen attacked the convoy of an aid agency in Ipi village in North Waziristan."
    found = _sides(coder, text, "18")
    assert found, seen(code_text(coder, text, published=PUBLISHED))
    assert "BRACVL" not in [code for pair in found for code in pair], found


def test_only_listed_regions_and_large_cities_are_clear() -> None:
    """The gazetteer's tests behind the rule: a region it lists (also with a suffix: "Lower Shabelle region"),
    not the region around a town ("Delta State"); a city's own population."""
    region = Place("Lower Shabelle region", "region", "SOM", "", None, None)
    around_town = Place("Delta State", "region", "CAN", "", None, None)
    state = Place("Kansas", "region", "USA", "KS", None, None)
    assert listed_region(region) and listed_region(state)
    assert not listed_region(around_town)
    rangpur = default_gazetteer().lookup("Rangpur")
    gedo = default_gazetteer().lookup("Gedo", feature="city")
    assert rangpur is not None and city_population(rangpur) > 100_000
    assert gedo is not None and city_population(gedo) < 100_000


@pytest.mark.model
def test_place_owner_needs_a_role_noun(coder) -> None:
    """A place alone is not made an actor by this rule ("Texas sued" stays as it was)."""
    events = code_text(coder, "Texas sued the federal government over the new border rules.", published=PUBLISHED)
    assert not [e for e in events if e.source == "USA" and e.source_name == "Texas"], seen(events)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refused to whom the talks would be with
        ("Turkey said the border is not up for discussion with Greece.", ("TUR", "GRC")),
        ("Guyana said its border with Venezuela was not negotiable.", ("GUY", "VEN")),
        # the topic's owner is not whom the talks are refused to
        ("Guyana's president said Guyana's border was not up for discussion.", ("GUYGOV", "")),
        ("Iran said its missile programme is non-negotiable.", ("IRN", "")),
    ],
)
def test_talks_refused_to_whom_they_would_be_with(coder, text, expected) -> None:
    found = _sides(coder, text, "12")
    assert found == [expected], seen(code_text(coder, text, published=PUBLISHED))


@pytest.mark.model
def test_volte_actor_reads_places_as_the_coder_does() -> None:
    """`volte actor "Kerala police"` answers what the coder codes in a sentence, not `---COP`."""
    assert lookup_actor("Kerala police", on=PUBLISHED)["code"] == "INDCOP"
    assert lookup_actor("Kerala police", on=PUBLISHED)["entry"] == "role:police+place:Kerala"


@pytest.mark.model
@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        # the leaders of a kind of group are that group's, not their state's government (coder v11)
        ("community leaders", "---CVL"),
        ("Kenyan community leaders", "KENCVL"),
        ("tribal elders", "---CVL"),
        ("Afghan tribal elders", "AFGCVL"),
        ("protest leaders", "---CVL"),
        ("religious leaders", "---REL"),
        ("business leaders", "---BUS"),
        ("student leaders", "---EDU"),
        ("trade union leaders", "---LAB"),
        # a state's leaders, and a party's, are not
        ("Kenyan leaders", "KENGOV"),
        ("Iran's supreme leader", "IRNGOV"),
        ("opposition leader", "---OPP"),
        ("the Labour leader", "---GOV"),
    ],
)
def test_leaders_of_a_group_are_the_group(phrase, code) -> None:
    assert lookup_actor(phrase, on=PUBLISHED)["code"] == code
