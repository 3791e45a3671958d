"""Verbal conflict in real news, third round (plv ACCUSE / REJECT, conflibert class 3): one test per class of
sentence the coder misread.

Every sentence here is written for these tests (none comes from ../shared). Codes follow the CAMEO codebook: a
speaker who calls another's acts a threat, a danger or a mistake criticises their owner (111), not a threat of
the owner's (13x); calling them a provocation accuses of aggression (1123); condemning an act is criticism (111)
aimed at whoever did it.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text
from coded_article import has_event as _has
from coded_article import seen as _seen

pytestmark = [pytest.mark.model, pytest.mark.issue(13)]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)


# --- someone's acts called a threat, a danger, a mistake, in reported speech ---------------------------------


@pytest.mark.parametrize(
    ("text", "code", "speaker", "owner"),
    [
        # a copula's predicate noun: the speaker criticises whose act it is
        ("Guyana said Venezuela's decree was a direct threat to its sovereignty.", "111", "GUY", "VEN"),
        ("The Lithuanian government said Belarus was a danger to the whole region.", "111", "LTU", "BLR"),
        ("Paris said Washington's tariff decision was a serious mistake.", "111", "FRA", "USA"),
        # "posed", "constituted", "represented" a threat say the same
        ("Seoul said North Korea posed a grave threat to regional peace.", "111", "KOR", "PRK"),
        ("Vilnius said the actions of Minsk constituted a danger to its neighbours.", "111", "LTU", "BLR"),
        ('"Iran\'s missile programme represents a threat to the Gulf," the Saudi foreign minister said.', "111", "SAU", "IRN"),
        # a provocation named with its doer in a by-phrase accuses of aggression
        ("Tokyo said the launch was a reckless provocation by North Korea.", "1123", "JPN", "PRK"),
        # and "constituted" carries the crime nouns too
        ("Armenia said Azerbaijan's shelling constituted a war crime.", "1124", "ARM", "AZE"),
    ],
)
def test_acts_called_a_threat_are_criticised(coder, text, code, speaker, owner) -> None:
    events = _code(coder, text)
    assert _has(events, code, speaker, owner), _seen(events)
    assert not _has(events, "13", owner), _seen(events)  # nobody threatened anybody


@pytest.mark.parametrize(
    "text",
    [
        # narrated, nobody says it: a state of affairs, no threat made and nobody accused
        "Venezuela's decree is a direct threat to Guyana's sovereignty.",
        "North Korea poses a grave threat to Japan.",
        # the speaker says it is no threat
        "Seoul said North Korea's drills were not a provocation.",
        "Tokyo said China's survey ship did not pose a threat to Japan.",
    ],
)
def test_a_threat_noun_as_a_predicate_is_no_threat(coder, text) -> None:
    events = _code(coder, text)
    assert not any(e.code.startswith(("13", "11")) for e in events), _seen(events)


def test_the_threatened_side_is_no_target_and_real_threats_stay(coder) -> None:
    # "a threat (a crime) to Peru": Peru is what is threatened; with no owner named, the criticism has no target
    for text in (
        "Chile said the new attitude was a serious threat to Peru.",
        "Chile said the construction of the dam was a crime against Peru.",
    ):
        events = _code(coder, text)
        assert not any(e.target.startswith("PER") for e in events), _seen(events)
    # a threat with its own infinitive is a threat made ...
    events = _code(coder, "Turkey's threat to invade northern Syria alarmed Europe.")
    assert _has(events, "138", "TUR", "SYR"), _seen(events)
    events = _code(coder, "Russia threatened to cut gas supplies to Moldova.")
    assert _has(events, "13", "RUS"), _seen(events)
    # ... and "called X a threat" stays the criticism it was
    events = _code(coder, "Georgia called Russia's decision a threat to peace.")
    assert _has(events, "111", "GEO", "RUS"), _seen(events)


# --- coercion condemned: aimed at its doer when one is named ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "critic", "doer"),
    [
        ("Canada condemned the detention of two Canadians by China.", "CAN", "CHN"),
        ("Sweden denounced the arrest of its citizens by Iran.", "SWE", "IRN"),
        # the parser hangs the by-phrase on the verb
        ("Britain condemned the sentencing of the activists by a Russian court.", "GBR", "RUS"),
        ("Norway criticised the expulsion of its diplomats by Moscow.", "NOR", "RUS"),
        ("Human Rights Watch condemned the detention of activists by Egyptian authorities.", "NGO", "EGY"),
    ],
)
def test_condemned_coercion_is_aimed_at_its_doer(coder, text, critic, doer) -> None:
    events = _code(coder, text)
    assert _has(events, "111", critic, doer), _seen(events)
    assert not any(e.code.startswith("11") and e.target.endswith("CVL") for e in events), _seen(events)


def test_condemned_coercion_without_a_doer_keeps_its_victims(coder) -> None:
    # a by-phrase names who detained ...
    events = _code(coder, "Ottawa condemned the detention of two Canadian citizens by Beijing.")
    assert _has(events, "111", "CAN", "CHN"), _seen(events)
    # ... without one the victims stay the target, whose own state mostly holds them (Navalny: RUSOPP)
    events = _code(coder, "The United States condemned the jailing of Alexei Navalny.")
    assert _has(events, "111", "USA", "RUS"), _seen(events)


# --- coordinated acts condemned: a participle after them names the doer of all -----------------------------


@pytest.mark.parametrize(
    ("text", "critic", "doer"),
    [
        ("Cuba condemned the act of aggression and the repeated threats made by the United States.", "CUB", "USA"),
        ("Syria condemned the provocation and the violations committed by Turkish forces.", "SYR", "TUR"),
    ],
)
def test_coordinated_acts_take_the_participles_doer(coder, text, critic, doer) -> None:
    events = _code(coder, text)
    assert _has(events, "111", critic, doer), _seen(events)


# --- a side's stance defended, support voiced beside solidarity ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # defending another's position or conduct is verbal defence (052)
        ("Ankara strongly defended Baku's position on the corridor.", "052", "TUR", "AZE"),
        ("Beijing defended Pyongyang's position on the talks.", "052", "CHN", "PRK"),
        # support voiced together with solidarity endorses (051), not only sympathy (018)
        ("Bangladesh expressed support and solidarity with Turkey.", "051", "BGD", "TUR"),
    ],
)
def test_stances_defended_and_support_voiced(coder, text, code, source, target) -> None:
    events = _code(coder, text)
    assert _has(events, code, source, target), _seen(events)
