"""Verbal conflict in real news, second round (plv REJECT / ACCUSE / THREATEN, conflibert class 3): one test per
class of sentence the coder missed or left without its doer.

Every sentence here is written for these tests (none comes from ../shared). Codes follow the CAMEO codebook:
refusing to ease an embargo is 1244, a ban 1241; a refusal is 12x from whoever refuses; a threatened attack is
1384; opening, joining or leading an investigation is 09x; a rebuke is criticism (111).
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


# --- refusals on a condition the other side must meet, and "made it clear" ----------------------------------


@pytest.mark.parametrize(
    ("text", "code", "refuser", "refused"),
    [
        # an until-clause whose subject names a side asks that side to act first
        ("Turkey will not lift the ban until Swedish authorities take steps against the militants.", "1241", "TUR", "SWE"),
        ("Armenia will not lift the sanctions until Azerbaijani forces leave the corridor.", "1244", "ARM", "AZE"),
        ("Morocco will not resume talks with Algeria until Algiers closes the camps.", "125", "MAR", "DZA"),
        # "made (it) clear (that)" states the clause, as "said" does
        ("Japan has made it clear it will not lift the embargo on North Korea.", "1244", "JPN", "PRK"),
        ("The EU made it clear that it would not lift sanctions on Belarus.", "1244", "IGOEEC", "BLR"),
    ],
)
def test_refusal_on_the_other_sides_condition(coder, text, code, refuser, refused) -> None:
    events = _code(coder, text)
    assert _has(events, code, refuser, refused), _seen(events)


def test_until_a_side_acts_refuses_but_until_a_date_puts_off(coder) -> None:
    # the same refusal waits on a side ("until Mogadishu ...") or only on a date ("until January")
    events = _code(coder, "Kenya will not reopen the border with Somalia until Mogadishu disarms the militias.")
    assert _has(events, "12", "KEN", "SOM"), _seen(events)
    events = _code(coder, "Kenya will not reopen the border with Somalia until January.")
    assert not any(e.code.startswith("12") for e in events), _seen(events)


def test_made_clear_states_a_clause_but_not_an_object(coder) -> None:
    events = _code(coder, "Seoul made it clear that it would not lift sanctions on Pyongyang.")
    assert _has(events, "124", "KORGOV", "PRKGOV"), _seen(events)
    # "made clear its opposition" has an object: no clause is reported, nothing is refused
    events = _code(coder, "Russia has made clear its opposition to the Georgian bid.")
    assert not any(e.code.startswith("12") for e in events), _seen(events)


# --- refusals and threats named by a noun: the holder acts ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "root", "holder", "target"),
    [
        ("Venezuela's refusal to engage with Guyana angered the mediators.", "12", "VEN", "GUY"),
        ("The refusal of Serbia to recognize Kosovo is the main obstacle.", "12", "SRB", "XKX"),
        ("Hungary's refusal to extradite the Macedonian politician drew protests.", "1213", "HUN", "MKD"),
        ("Iran's threat to strike Israeli cities alarmed Washington.", "138", "IRN", "ISR"),
        ("Threats by Pyongyang to attack South Korea worried Tokyo.", "138", "PRK", "KOR"),
    ],
)
def test_stance_noun_holder_is_the_doer(coder, text, root, holder, target) -> None:
    events = _code(coder, text)
    assert _has(events, root, holder, target), _seen(events)


def test_refusal_of_a_holder_but_rejection_of_a_plan(coder) -> None:
    # "refusal *of* X *to* act": X refuses; "rejection *of* X" with no infinitive: X is what is rejected
    events = _code(coder, "The refusal of Russia to extend the grain deal angered Ukraine.")
    assert _has(events, "12", "RUS"), _seen(events)
    events = _code(coder, "Chile's rejection of the Bolivian proposal surprised diplomats.")
    assert _has(events, "12", "CHL", "BOL"), _seen(events)


# --- investigations joined, led, headed or carried out -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "investigator", "investigated"),
    [
        ("The FBI joined an investigation into the Iranian cyber attack.", "USA", "IRN"),
        ("Poland will lead an investigation into the Belarusian border incident.", "POL", "BLR"),
        ("A German judge is heading an inquiry into the Russian embassy.", "DEU", "RUS"),
        ("The UN carried out an investigation into the Myanmar military's operations.", "IGOUNO", "MMR"),
        ("French prosecutors are pursuing a fraud investigation into the Lebanese central bank.", "FRA", "LBN"),
    ],
)
def test_investigation_joined_led_or_carried_out(coder, text, investigator, investigated) -> None:
    events = _code(coder, text)
    found = {(e.source, e.target) for e in events if e.code.startswith("09")}
    assert any(s.startswith(investigator) and t.startswith(investigated) for s, t in found), _seen(events)


# --- a rebuke issued ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "critic", "criticized"),
    [
        ("Spain issued a sharp rebuke to Morocco over the migrants.", "ESP", "MAR"),
        ("The ministry issued a formal reprimand to the Polish ambassador.", "", "POL"),
    ],
)
def test_rebuke_issued_is_criticism(coder, text, critic, criticized) -> None:
    events = _code(coder, text)
    found = {(e.source, e.target) for e in events if e.code.startswith("11")}
    assert any(s.startswith(critic) and t.startswith(criticized) for s, t in found), _seen(events)


# --- rejections told with a phrasal verb ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "root", "rejecter", "rejected"),
    [
        ("Beijing shot down the Japanese proposal for a hotline.", "127", "CHNGOV", "JPN"),
        ("Ankara brushed aside Athens's offer of mediation.", "12", "TURGOV", "GRCGOV"),
        ("Kenya threw out Uganda's request for an extradition.", "12", "KEN", "UGA"),
        ("Moscow waved away calls by Berlin for a ceasefire.", "12", "RUSGOV", "DEUGOV"),
    ],
)
def test_phrasal_rejection(coder, text, root, rejecter, rejected) -> None:
    events = _code(coder, text)
    assert _has(events, root, rejecter, rejected), _seen(events)
    assert not any(e.code.startswith("18") for e in events), _seen(events)  # a proposal shot down is no killing


# --- criticism: called out, a report critical of ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "critic", "criticized"),
    [
        ("Canada called out Saudi Arabia for the arrests of activists.", "CAN", "SAU"),
        ("The EU called out Serbia over its election.", "IGOEEC", "SRB"),
        ("Amnesty International published a report sharply critical of the Egyptian government.", "NGO", "EGY"),
        ("Norway issued a statement critical of Israel.", "NOR", "ISR"),
    ],
)
def test_called_out_or_critical_text_is_criticism(coder, text, critic, criticized) -> None:
    events = _code(coder, text)
    found = {(e.source, e.target) for e in events if e.code.startswith("11") and e.factuality == "asserted"}
    assert any(s.startswith(critic) and t.startswith(criticized) for s, t in found), _seen(events)
    assert not any(e.code.startswith("02") or e.code.startswith("15") for e in events), _seen(events)


# --- a demand by noun aimed at whom its clause asks to act -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "demander", "demanded"),
    [
        ("Venezuela reiterated its demand that Guyana halt the oil drilling.", "10", "VEN", "GUY"),
        ("Iran repeated its demand that Washington lift the sanctions.", "1054", "IRN", "USA"),
    ],
)
def test_demand_noun_targets_its_clause_subject(coder, text, code, demander, demanded) -> None:
    events = _code(coder, text)
    assert _has(events, code, demander, demanded), _seen(events)
