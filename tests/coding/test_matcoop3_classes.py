"""Material cooperation that real news reports in words the coder used to miss (conflibert class 2, plv AID,
CAMEO 07x-08x), third round: a headline's title-case verb of giving or easing ("Canada *Lifts* Travel Ban on
Haiti") is its verb; forces or teams that arrive somewhere to help are military aid (072), as deployments to help
are; rescue and medical teams sent are humanitarian aid (073); permission or access given to a named side lets it
in (086, an event only with that side named: pattern key ``paired``; the one let in may be hung on "access" as a
compound); money mobilised for someone is aid (070), and a helping or paying purpose on the money names whom it
is for; people "held captive in X" who "have been freed" are released by X (0841), the parser's reduced relative
mended. Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

from volte.coding.verb_dictionary import load_patterns
from volte.errors import DictionaryError

PUBLISHED = date(2021, 6, 8)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rescue teams sent by an acronym the parser tags as an adverb (main's parse_repair._acronym_subject)
        ("USAID deployed seven search-and-rescue teams to Haiti.", ("USAGOV", "HTI", "073")),
        # a headline's title-case verb of giving or easing read as a compound of the noun after it
        ("Canada Lifts Travel Ban on Haiti.", ("CAN", "HTI", "081")),
        ("Japan Sends Rescue Teams to Turkey.", ("JPN", "TUR", "073")),
        # forces arriving to help: military aid, as deployments to help are, relief work included
        ("French troops arrived in Mali to support the army.", ("FRAMIL", "MLI", "072")),
        ("French troops arrived in Mali to help fight jihadists.", ("FRAMIL", "MLI", "072")),
        ("Chinese engineers landed in Tonga to assist with the recovery.", ("CHN", "TON", "072")),
        ("Indian soldiers arrived in Sri Lanka to help flood victims.", ("INDMIL", "LKA", "072")),
        ("American troops arrived in Haiti to help distribute food.", ("USAMIL", "HTI", "072")),
        (
            "Troops from the United States have arrived in Nepal to help deliver aid.",
            ("USAMIL", "NPL", "072"),
        ),
        # rescue and medical teams sent
        ("Spain sent search and rescue teams to Morocco.", ("ESP", "MAR", "073")),
        ("Qatar dispatched rescuers to Turkey.", ("QAT", "TUR", "073")),
        ("Cuba sent doctors to Italy.", ("CUB", "ITA", "073")),
        # permission or access given to a named side
        ("Turkey has given the United States permission to use Incirlik air base.", ("TUR", "USA", "086")),
        ("Pakistan gave the Pentagon permission to use its airspace.", ("PAK", "USAMIL", "086")),
        ("Egypt gave the Red Cross access to its prisons.", ("EGY", "NGOHLHIRC", "086")),
        ("Jordan granted the Red Cross access to its prisons.", ("JOR", "NGOHLHIRC", "0863")),
        # money mobilised for someone is aid; a purpose infinitive on the money names the recipient
        ("Japan has mobilised 20 million dollars for Afghan refugees.", ("JPN", "AFGREF", "070")),
        ("The EU is mobilizing new funds to support reconstruction in Iraq.", ("IGOEEC", "IRQ", "070")),
        # food aid paid for is humanitarian aid (073, coder v11: docs/verbs.md "Aid told with money")
        ("Canada has provided 5 million dollars to pay for food aid for Haitian families.", ("CAN", "HTICVL", "073")),
        # captives held somewhere and freed: released by whoever held them
        (
            "Four Italian fishermen, held captive in Libya for two months, have been freed.",
            ("LBY", "ITACVL", "0841"),
        ),
        (
            "Eleven Turkish sailors held hostage in Nigeria were released on Saturday.",
            ("NGA", "TURMIL", "0841"),
        ),
    ],
)
def test_material_cooperation_third_round(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss", "codes"),
    [
        # arriving to help an army is aid; arriving to help crush a protest is none
        (
            "French troops arrived in Mali to help fight jihadists.",
            "Troops arrived in the capital to help the police crush the protests.",
            ("072", "073"),
        ),
        # permission given to a named side lets it in; given to nobody named, no one
        (
            "Pakistan gave the Pentagon permission to use its airspace.",
            "Britain and France signed an agreement to give police agencies faster access to evidence.",
            ("086", "0355"),
        ),
    ],
)
def test_near_misses(coder, coded, near_miss, codes):
    assert [e for e in _events(coder, coded) if e[2] in codes and e[0]]
    assert not [e for e in _events(coder, near_miss) if e[2] in codes]


def test_paired_key_loads_and_is_checked(tmp_path):
    good = tmp_path / "paired.yml"
    good.write_text(
        'patterns:\n  - id: a.access\n    code: "086"\n    verbs: [give]\n    paired: true\n'
        '  - id: a.plain\n    code: "086"\n    verbs: [grant]\n',
        encoding="utf-8",
    )
    paired, plain = load_patterns([good])[0]
    assert (paired.paired, plain.paired) == (True, False)
    bad = tmp_path / "bad.yml"
    bad.write_text(
        'patterns:\n  - id: b.access\n    code: "086"\n    verbs: [give]\n    paired: "yes"\n',
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError) as info:
        load_patterns([bad])
    assert "'paired' must be true or false" in str(info.value)
