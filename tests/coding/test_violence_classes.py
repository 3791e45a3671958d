"""Classes of violent-incident sentences in real news that the coder missed (the "violence" round, coder
after v9): acts reported through a passive verb of report or belief ("is said to have attacked"), force on
an installation whose owner its modifier names ("a military base", "a police station"), looting sprees gone
on, and the past tense "retook".

Every sentence here is written for these tests (none comes from ../shared). Each row is one construction
with the CAMEO code the codebook gives it.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, triples

pytestmark = [pytest.mark.model]

ON = date(2026, 3, 9)

_code = partial(code_text, published=ON)


# --- 1. "X is said / believed / reported to have done": X is the doer, or (passive) the victim -------------


@pytest.mark.parametrize(
    ("text", "source", "root", "target"),
    [
        ("The rebels are believed to have killed eleven soldiers near the border.", "REB", "19", "MIL"),
        ("Government troops are said to have shot dozens of demonstrators in the capital.", "MIL", "17", "CVL"),
        ("Separatist militants are thought to have abducted four engineers last week.", "REB", "18", ""),
        # passive: the one reported is the victim
        ("At least nine villagers were reported to have been killed by the militia on Sunday.", "REB", "18", "CVL"),
        ("Two reporters are understood to have been detained by the police in Harare.", "COP", "17", "MED"),
    ],
)
def test_raised_subject_of_reported_act(coder, text: str, source: str, root: str, target: str) -> None:
    events = _code(coder, text)
    found = [e for e in events if e.code.startswith(root) and e.source[3:6] == source]
    assert found, triples(events)
    if target:
        assert any(e.target[3:6] == target for e in found), triples(events)


def test_asked_to_leave_is_no_raising(coder) -> None:
    """An object-control passive ("was asked to leave") raises nobody; a passive of report does."""
    events = _code(coder, "The militia is reported to have attacked the ministry's convoy near Goma.")
    assert any(e.source[3:6] == "REB" for e in events), triples(events)
    events = _code(coder, "The militia was asked by the ministry to attack the convoy near Goma.")
    assert not any(e.source[3:6] == "REB" and e.code[:2] in ("18", "19") for e in events), triples(events)


# --- 2. force on an installation: the owner its modifier names is the target --------------------------------


@pytest.mark.parametrize(
    ("text", "root", "target"),
    [
        ("Rockets were fired at a military base outside the town overnight.", "19", "MIL"),
        ("Insurgents stormed an army post in the hills, killing three guards.", "1", "MIL"),
        ("A grenade was hurled at a police post in the market on Friday.", "18", "COP"),
        ("Warplanes bombed rebel positions in the valley for a third day.", "19", "REB"),
        ("Gunmen ambushed a military convoy on the highway near Maiduguri.", "1", "NGAMIL"),
    ],
)
def test_installation_owner_is_target(coder, text: str, root: str, target: str) -> None:
    events = _code(coder, text)
    found = [e for e in events if e.code[:2].startswith(root) and e.code[:2] in ("18", "19", "20")]
    assert found, triples(events)
    assert any(e.target.endswith(target) if len(target) > 3 else e.target[3:6] == target for e in found), triples(
        events
    )


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        # the doer holds the installation's own role: the base is no victim of theirs
        ("Rebels shelled a military base north of the city.", "Iraqi troops shelled a military base north of the city."),
        # no role modifier: a base of unknown owner stays unknown
        ("Gunmen attacked a military base near the river.", "Gunmen attacked a base near the river."),
    ],
)
def test_installation_owner_needs_another_role(coder, text: str, near_miss: str) -> None:
    events = _code(coder, text)
    assert any(e.code[:2] in ("18", "19", "20") and e.target.endswith("MIL") for e in events), triples(events)
    events = _code(coder, near_miss)
    assert not any(e.code[:2] in ("18", "19", "20") and e.target.endswith("MIL") for e in events), triples(events)


# --- 3. a looting spree gone on: the noun is what the subject did --------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hundreds of youths went on a looting spree in the market town overnight.", "1712"),
        ("Angry residents embarked on an arson spree after the verdict.", "1712"),
        ("Demonstrators went on a looting spree after the rally.", "145"),
    ],
)
def test_spree_gone_on(coder, text: str, code: str) -> None:
    events = _code(coder, text)
    assert code in {e.code for e in events}, triples(events)


# --- 4. "retook": the small model's lemma is "retook" ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Government troops retook the town from the rebels on Thursday.",
        "Militia fighters retook two villages from the army after heavy fighting.",
    ],
)
def test_retook_is_retaking(coder, text: str) -> None:
    events = _code(coder, text)
    assert "192" in {e.code for e in events}, triples(events)


# --- 5. killed, wounded or died in an attack its noun names the doer of ------------------------------------


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("Six villagers were killed in an attack by armed militants on a market.", "19", "REB", "CVL"),
        ("Three policemen were wounded in a Taliban ambush near Ghazni.", "19", "AFG", "COP"),
        ("Four villagers were killed in Israel's bombardment of the valley.", "19", "ISR", "CVL"),
        ("Two soldiers died in an ambush by separatist fighters.", "19", "REB", "MIL"),
        ("Eleven residents died in Russian airstrikes overnight.", "195", "RUS", "CVL"),
        ("Nine children were wounded in shelling by government troops.", "194", "MIL", ""),
        # a clash: the side the dead fought killed them
        ("Four villagers died in clashes with the army near the river.", "19", "MIL", "CVL"),
        ("A journalist died in a gun battle with police on Monday.", "19", "COP", "MED"),
    ],
)
def test_doer_of_the_attack_suffered(coder, text: str, root: str, source: str, target: str) -> None:
    events = _code(coder, text)
    found = [e for e in events if e.code.startswith(root)]
    assert any(source in e.source for e in found), triples(events)
    if target:
        assert any(e.target[3:6] == target for e in found), triples(events)


@pytest.mark.parametrize(
    ("text", "near_miss"),
    [
        # an industrial explosion is a disaster, a bomb blast an attack
        ("Three policemen died in a bomb blast at the checkpoint.", "Three workers died in an explosion at the gas plant."),
        # the victims of the shelling are no doers of it
        ("Seven civilians died in artillery shelling of the town.", "Seven civilians died of illness in the town."),
    ],
)
def test_died_in_attack(coder, text: str, near_miss: str) -> None:
    events = _code(coder, text)
    assert any(e.code[:2] in ("18", "19") for e in events), triples(events)
    assert not any(e.source.endswith("CVL") for e in events), triples(events)
    events = _code(coder, near_miss)
    assert not any(e.code[:2] in ("18", "19", "20") for e in events), triples(events)


def test_the_dead_are_no_doers_of_violence_but_keep_their_own_strike(coder) -> None:
    """Dying in shelling makes the dead its victims; dying in one's own hunger strike keeps the strike theirs."""
    events = _code(coder, "Seven villagers died in the shelling of the market.")
    assert not any(e.code.startswith("19") and e.source.endswith("CVL") for e in events), triples(events)
    assert any(e.code.startswith("19") and e.target.endswith("CVL") for e in events), triples(events)
    events = _code(coder, "Two prisoners have died in the hunger strike.")
    assert any(e.code == "142" and e.source.endswith("CVL") for e in events), triples(events)


def test_raising_needs_an_act_done(coder) -> None:
    """ "is said to have" reports an act done; "is said to be close to" a deal reports none."""
    events = _code(coder, "The trade union is said to have signed a deal with the government on Monday.")
    assert any(e.code.startswith("05") and e.source.endswith("LAB") for e in events), triples(events)
    events = _code(coder, "The trade union is said to be close to signing a deal with the government.")
    assert not any(e.code.startswith("05") and e.source.endswith("LAB") for e in events), triples(events)
