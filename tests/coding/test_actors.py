"""Actor resolution with the real parse: states, roles+country, people by date, coreference."""

from __future__ import annotations

from datetime import date

import pytest

from volte.coding.actors import ActorResolver, default_actors, lookup_actor

pytestmark = pytest.mark.model


def resolve_phrase(nlp, phrase: str, on: date | None = None) -> list[str]:
    """Codes of the phrase's head noun phrase, parsed by the real model."""
    from volte.coding.actors import _phrase_head

    doc = nlp(phrase)
    resolver = ActorResolver(default_actors(), doc, published=on)
    head = _phrase_head(doc)
    return [a.code for a in resolver.resolve(head, on=on)]


@pytest.mark.parametrize(
    ("phrase", "codes"),
    [
        ("Colombia", ["COL"]),
        ("the United States", ["USA"]),
        ("the U.S.", ["USA"]),
        ("Britain", ["GBR"]),
        ("South Korea", ["KOR"]),
        ("North Korea", ["PRK"]),
        ("Ivory Coast", ["CIV"]),
        ("Cote d'Ivoire", ["CIV"]),
        ("Romania", ["ROU"]),
        ("Kosovo", ["XKX"]),
        ("the Kremlin", ["RUSGOV"]),
        ("the White House", ["USAGOV"]),
        ("Miraflores", ["VENGOV"]),
        ("Bogotá", ["COLGOV"]),
        ("Bogota", ["COLGOV"]),
        ("Colombian troops", ["COLMIL"]),
        ("Kenyan police", ["KENCOP"]),
        ("Colombia's president", ["COLGOV"]),
        ("the president of Venezuela", ["VENGOV"]),
        ("U.S. forces", ["USAMIL"]),
        ("the U.S. military", ["USAMIL"]),
        ("the Venezuelan government", ["VENGOV"]),
        ("Colombia and the United States", ["COL", "USA"]),
        ("the United Nations", ["IGOUNO"]),
        ("NATO", ["IGOWSTNAT"]),
        ("Hamas", ["PSEREBHMS"]),
    ],
)
def test_resolve_phrase_gives_expected_codes(nlp, phrase, codes):
    assert resolve_phrase(nlp, phrase) == codes


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [
        ("Donald Trump", date(2017, 1, 19), "USAELI"),
        ("Donald Trump", date(2017, 1, 20), "USAGOV"),
        ("Donald Trump", date(2021, 1, 20), "USAGOV"),
        ("Donald Trump", date(2021, 1, 21), "USAELI"),
        ("Donald Trump", date(2025, 1, 19), "USAELI"),
        ("Donald Trump", date(2025, 1, 20), "USAGOV"),
        ("Marco Rubio", date(2025, 1, 20), "USALEG"),
        ("Marco Rubio", date(2025, 1, 21), "USAGOV"),
        ("Nicolas Maduro", date(2026, 1, 3), "VENGOV"),
        ("Nicolás Maduro", date(2026, 1, 4), "VENELI"),
        ("Mark Carney", date(2025, 3, 13), "CANELI"),
        ("Mark Carney", date(2025, 3, 14), "CANGOV"),
        ("Friedrich Merz", date(2025, 5, 6), "DEUGOV"),
        ("Friedrich Merz", date(2025, 5, 5), "DEUOPP"),
    ],
)
def test_lookup_actor_person_code_depends_on_date(phrase, day, code):
    assert lookup_actor(phrase, on=day)["code"] == code
