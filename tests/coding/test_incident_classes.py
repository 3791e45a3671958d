"""Classes of incident sentences that real news is made of (issue 13, recall on incident reports).

Every sentence here is written for these tests (none comes from ../shared). Each test pins one class of
sentence (a phrasing, a noun-event, a parse the patterns used to miss), with a CAMEO code the codebook
gives it, and where it matters a near miss that must stay uncoded or keep its own code.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import code_text, triples
from coded_article import codes as _codes

pytestmark = [pytest.mark.model, pytest.mark.issue(13)]

ON = date(2026, 3, 9)


_code = partial(code_text, published=ON)



# --- the kind of force: weapons named by the attack a killing happened in ---------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("A shopkeeper was killed and another wounded in a grenade attack in Srinagar on Monday.", "183"),
        ("Two farmers were killed in a landmine attack by rebels in Davao province on Sunday.", "183"),
        ("Four soldiers died when their truck hit a land mine near Gao in Mali on Friday.", "183"),
        ("Nine villagers were killed in air strikes by government warplanes in Idlib province.", "195"),
        ("Eleven people were killed in bombing raids by coalition jets on villages near Raqqa.", "195"),
    ],
)
def test_a_killing_takes_the_kind_of_the_attack_it_happened_in(coder, text: str, code: str) -> None:
    assert code in _codes(_code(coder, text)), triples(_code(coder, text))


def test_a_coal_mine_is_no_weapon(coder) -> None:
    events = _code(coder, "Twelve miners were killed when a coal mine collapsed in Zonguldak province.")
    assert not [e for e in events if e.code[:2] in ("18", "19", "20")], triples(events)


def test_suicide_bombers_are_no_aircraft(coder) -> None:
    events = _code(coder, "Three suicide bombers struck a market in Maiduguri in Nigeria on Sunday.")
    codes = _codes(events)
    assert any(c.startswith("183") for c in codes) and not any(c.startswith("195") for c in codes), codes


def test_projectiles_that_land_or_slam_into_a_place_are_artillery(coder) -> None:
    for text in (
        "Rockets fired from across the border slammed into the Turkish town of Kilis on Monday.",
        "Several mortar rounds landed near the presidential palace in Mogadishu on Thursday.",
    ):
        events = _code(coder, text)
        assert "194" in _codes(events), (text, triples(events))
        assert not [e for e in events if e.code.startswith("11")], text  # "slammed" is no criticism


def test_a_firing_told_in_a_participle_is_reported(coder) -> None:
    events = _code(coder, "Hundreds of artillery shells fired by Russian forces hit Ukrainian positions.")
    assert any(e.code == "194" and e.source.startswith("RUS") for e in events), triples(events)


def test_tanks_that_attack_are_heavy_weapons_tanks_that_move_are_not(coder) -> None:
    shelling = _code(coder, "Three Thai tanks shelled Cambodian army positions near the border on Friday.")
    assert "194" in _codes(shelling), triples(shelling)
    moving = _code(coder, "Israeli tanks rolled into Rafah on Tuesday and took control of the crossing.")
    assert "194" not in _codes(moving), triples(moving)


# --- chemical weapons --------------------------------------------------------------------------------


def test_any_kind_of_force_with_a_chemical_agent_is_a_chemical_attack(coder) -> None:
    for text in (
        "A government helicopter dropped barrel bombs filled with chlorine on the town of Kafr Zita in Syria.",
        "Militants shelled army positions with mortars filled with chlorine gas near Aleppo in Syria.",
        "Poisonous gas was spread by the rebels in the town of Douma in Syria, killing five people.",
    ):
        events = _code(coder, text)
        assert "2041" in _codes(events), (text, triples(events))


def test_chemical_weapons_as_a_target_make_no_chemical_attack(coder) -> None:
    events = _code(coder, "The United States launched 59 missiles at three chemical weapons facilities in Syria.")
    assert events and "2041" not in _codes(events), triples(events)


def test_tear_gas_stays_riot_control(coder) -> None:
    events = _code(coder, "Police fired tear gas at protesters in Nairobi on Tuesday.")
    assert "175" in _codes(events) and "2041" not in _codes(events), triples(events)


# --- protest, violent protest and force on protests ------------------------------------------------------


def test_people_who_rally_against_someone_demonstrate(coder) -> None:
    events = _code(coder, "Hundreds of protesters rallied against President Emmanuel Macron in Paris.")
    assert any(e.code.startswith("14") for e in events) and "113" not in _codes(events), triples(events)


def test_clashes_of_protesters_with_uncoded_police_are_their_riot(coder) -> None:
    events = _code(coder, "Heavy clashes broke out between police and Palestinian protesters in Hebron.")
    assert any(e.code == "145" and e.source == "PSECVL" for e in events), triples(events)


def test_force_on_a_protest_itself_is_repression(coder) -> None:
    for text in (
        "Riot police attacked a peaceful student demonstration in Jakarta on Monday.",
        "Troops broke up a sit-in outside the army headquarters in Khartoum on Monday.",
        "Iraqi security forces shot live rounds to clear protests in Baghdad on Sunday.",
        "Israeli attacks against peaceful protesters near Gaza killed a teenager on Friday.",
    ):
        events = _code(coder, text)
        assert "175" in _codes(events), (text, triples(events))


def test_a_protest_named_as_the_setting_of_an_arrest_happened(coder) -> None:
    events = _code(coder, "Police detained dozens of activists during a protest against the new law in Minsk.")
    assert "173" in _codes(events) and any(e.code.startswith("14") for e in events), triples(events)


def test_a_protest_setting_of_something_that_did_not_happen_is_no_event(coder) -> None:
    events = _code(coder, "Police did not use tear gas during Tuesday's march in Nairobi, witnesses said.")
    assert not events, triples(events)


def test_a_protest_setting_of_a_speech_is_no_protest(coder) -> None:
    events = _code(coder, "Maduro spoke during a rally in Caracas on Saturday.")
    assert not [e for e in events if e.code.startswith("14")], triples(events)


def test_deaths_reported_after_an_act_of_force_name_its_doer(coder) -> None:
    events = _code(coder, "At least six people were killed after security forces opened fire on protesters in Basra.")
    assert any(e.code == "175" and e.source == "IRQCOP" for e in events), triples(events)


def test_there_were_protests_reports_them(coder) -> None:
    events = _code(coder, "There were violent protests in Tbilisi on Sunday night.")
    assert any(e.code == "145" for e in events), triples(events)


@pytest.mark.parametrize(
    "text",
    [
        "Detainees at the central prison in Kandahar protested on Tuesday.",
        "Hundreds of students took part in a march in Dhaka on Monday.",
        "Thousands gathered in Hong Kong in a peaceful protest against the extradition bill.",
        "Protesters chanted anti-government slogans in Minsk on Sunday.",
    ],
)
def test_people_protesting_demonstrate(coder, text: str) -> None:
    events = _code(coder, text)
    assert any(e.code.startswith("14") for e in events), triples(events)
    assert "114" not in _codes(events)


def test_what_a_protest_is_about_is_its_topic(coder) -> None:
    events = _code(coder, "Thousands of people in Pakistan protested the assassination of an activist.")
    assert any(e.code.startswith("14") for e in events)
    assert not [e for e in events if e.code.startswith("18")], triples(events)


def test_rioters_who_set_fires_riot(coder) -> None:
    events = _code(coder, "Rioters set fire to a police station in Lagos on Wednesday.")
    assert any(e.code == "145" and e.source.endswith("CVL") for e in events), triples(events)


# --- property, sexual violence, abduction, combat ----------------------------------------------------------


def test_destroyed_property_is_1712(coder) -> None:
    for text in (
        "Boko Haram militants set fire to houses in the village of Kukawa in Borno state.",
        "Dozens of shops were burned in a spate of violence in parts of South Africa.",
    ):
        events = _code(coder, text)
        assert "1712" in _codes(events), (text, triples(events))


def test_a_person_set_ablaze_is_assaulted(coder) -> None:
    events = _code(coder, "A suspected thief was set ablaze by a mob in Lagos on Wednesday.")
    assert any(e.code.startswith("18") for e in events) and "1712" not in _codes(events), triples(events)


def test_sexual_violence_by_any_noun_is_1821(coder) -> None:
    events = _code(coder, "Sexual violence against Rohingya women by Myanmar's military was widespread.")
    assert any(e.code == "1821" and e.source.startswith("MMR") for e in events), triples(events)


def test_a_kidnapping_is_never_an_arrest(coder) -> None:
    events = _code(coder, "Ten Filipino sailors have been kidnapped by gunmen off the coast of Nigeria.")
    assert "181" in _codes(events) and "173" not in _codes(events), triples(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army killed dozens of terrorists in Hama province on Monday.",
        "Somali troops pushed al-Shabab militants out of several villages in Lower Shabelle.",
        "Kenyan soldiers were locked in fighting with al-Shabab in Lamu on Tuesday.",
        "The Syrian troops inflicted heavy losses on the terrorists in Homs province.",
    ],
)
def test_combat_between_armed_sides_is_190(coder, text: str) -> None:
    events = _code(coder, text)
    assert "190" in _codes(events), triples(events)


def test_an_attack_that_someone_came_under_has_them_as_its_victim(coder) -> None:
    events = _code(coder, "Bangladeshi police came under a grenade attack in Dhaka on Monday.")
    assert any(e.code == "183" and e.target == "BGDCOP" for e in events), triples(events)


def test_coordinated_verbs_share_their_object_only_when_adjacent(coder) -> None:
    events = _code(coder, "Landmines have killed and injured hundreds of civilians in Mosul.")
    assert any(e.code == "183" and e.target == "IRQCVL" for e in events), triples(events)


def test_a_robbery_is_crime_not_a_bombing(coder) -> None:
    events = _code(
        coder, "Three people died after a hand grenade exploded during a robbery at a shop in Chisinau."
    )
    assert not [e for e in events if e.code[:2] in ("18", "19")], triples(events)


# --- margin (issue 13): more classes of incident sentence ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Clashes erupted between Bahraini police forces and demonstrators in Manama on Friday.",
        "Clashes broke out between police in Bahrain and anti-government demonstrators on Friday.",
    ],
)
def test_a_clash_with_demonstrators_is_a_riot(coder, text: str) -> None:
    codes = _codes(_code(coder, text))
    assert "145" in codes and not any(c.startswith("19") for c in codes), codes


def test_a_clash_between_armed_sides_stays_combat(coder) -> None:
    codes = _codes(_code(coder, "Clashes broke out between Indian troops and militants in Kashmir on Friday."))
    assert "190" in codes and "145" not in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        # a neighbouring sentence says the same munitions carried the agent
        "Rebels fired shells into two districts of Aleppo on Monday. Residents suspect the shells contained "
        "poisonous gas.",
        # the agent is elsewhere in the sentence than the firing clause
        "Forty people suffered asphyxia caused by the use of poisonous gas by militants, who fired several "
        "shells at Aleppo.",
    ],
)
def test_force_told_with_a_chemical_agent_nearby_is_a_chemical_attack(coder, text: str) -> None:
    codes = _codes(_code(coder, text))
    assert "2041" in codes and "194" not in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "Syria, accused of a chemical attack last year, launched air strikes on Idlib on Monday.",
        "Police fired tear gas and shells at protesters in Aleppo on Monday.",
        "Rebels fired shells into Aleppo on Monday. Inspectors visited a chemical plant in Homs.",
    ],
)
def test_chemicals_talked_about_or_tear_gas_make_no_chemical_attack(coder, text: str) -> None:
    codes = _codes(_code(coder, text))
    assert "2041" not in codes, codes


@pytest.mark.parametrize(
    ("text", "code", "not_code"),
    [
        # missiles fired from the ground are heavy weapons, like "missiles hit the town"
        ("Iranian forces fired missiles at a military base in Erbil on Monday.", "194", "195"),
        ("Yemeni forces launched ballistic missiles at Jizan in Saudi Arabia.", "194", "195"),
        ("Russian missiles killed 30 civilians in Dnipro on Saturday.", "194", "195"),
        # fired by aircraft they are aerial weapons; cruise missiles are precision-guided munitions
        ("Israeli jets fired missiles at a house in Gaza on Monday.", "195", "194"),
        ("US warships launched 59 Tomahawk cruise missiles at a Syrian airfield.", "1951", "194"),
    ],
)
def test_missiles_are_coded_by_what_fires_them(coder, text: str, code: str, not_code: str) -> None:
    codes = _codes(_code(coder, text))
    assert code in codes and not_code not in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "Militants lobbed a grenade on a police station in Srinagar on Monday.",
        "Terrorists attacked a television bureau office in Islamabad with hand grenades on Monday.",
        "The house of the defence minister in Mogadishu was targeted with a grenade attack on Monday.",
        "Police stations were hit by synchronised attacks in Pattani on Friday. The attacks were carried out "
        "with grenades.",
    ],
)
def test_grenades_and_mines_whatever_was_hit_are_bombings(coder, text: str) -> None:
    codes = _codes(_code(coder, text))
    assert "183" in codes and "175" not in codes, codes


def test_stun_grenades_on_protesters_stay_repression(coder) -> None:
    codes = _codes(_code(coder, "Police lobbed stun grenades on protesters in Srinagar on Monday."))
    assert "175" in codes, codes


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators held up signs outside the Chinese embassy in London on Monday.",
        "Protesters held placards and banners outside parliament in Budapest on Monday.",
    ],
)
def test_signs_held_up_are_no_arrest(coder, text: str) -> None:
    codes = _codes(_code(coder, text))
    assert not any(c.startswith("17") for c in codes), codes


def test_a_past_deed_that_evidence_suggests_is_no_threat(coder) -> None:
    text = (
        "Evidence suggests that Palestinian security forces used excessive force to suppress a peaceful "
        "protest in Ramallah."
    )
    codes = _codes(_code(coder, text))
    assert "175" in codes and "137" not in codes, codes


def test_a_pledge_under_agree_is_still_an_intent(coder) -> None:
    codes = _codes(_code(coder, "Russia agreed on Monday to withdraw its troops from Syria."))
    assert any(c.startswith("03") for c in codes) and not any(c.startswith("08") for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators gathered in Chicago on Thursday to urge the United States to avoid war with Iran.",
        "Peaceful protesters returned to the streets of Hong Kong on Sunday.",
    ],
)
def test_people_named_as_protesting_who_gather_protest(coder, text: str) -> None:
    assert "141" in _codes(_code(coder, text))


def test_protesters_who_go_home_do_not_protest(coder) -> None:
    codes = _codes(_code(coder, "The protesters returned home to Lyon on Monday."))
    assert not any(c.startswith("14") for c in codes), codes


def test_a_string_of_air_strikes_is_done_by_the_counter_s_subject(coder) -> None:
    events = _code(coder, "Israeli military aircraft carried out a string of air strikes on Gaza on Monday.")
    assert "195" in _codes(events), triples(events)


def test_the_attack_referred_back_to_keeps_its_kind(coder) -> None:
    text = (
        "Militant groups launched a chemical attack against a neighbourhood in Aleppo on Sunday. The attack "
        "hit the Salaheddin district of Aleppo, injuring scores of people."
    )
    codes = _codes(_code(coder, text))
    assert "2041" in codes and "190" not in codes, codes


def test_an_attack_of_no_named_kind_stays_generic(coder) -> None:
    text = "Militants launched an attack on a village in Idlib on Sunday. The attack hit the market, killing six."
    codes = _codes(_code(coder, text))
    assert "2041" not in codes and "183" not in codes, codes


def test_drones_among_what_was_launched_make_it_aerial(coder) -> None:
    events = _code(coder, "Russia launched a barrage of missiles and drones at Ukraine overnight.")
    assert any(e.code == "195" and e.target == "UKR" for e in events), triples(events)


def test_a_series_of_attacks_faced_is_not_done_by_the_subject(coder) -> None:
    events = _code(coder, "Afghanistan has faced a series of attacks by the Taliban this summer.")
    assert not any(e.source.startswith("AFG") and e.code[:2] in ("18", "19") for e in events), triples(events)


@pytest.mark.parametrize(
    ("text", "code", "not_code"),
    [
        ("Pakistani security forces have jailed more than 60 militants in Punjab province.", "173", "116"),
        ("A Pakistani court jailed the opposition leader for ten years on Monday.", "116", "173"),
    ],
)
def test_forces_that_jail_detain_and_courts_that_jail_convict(coder, text: str, code: str, not_code: str) -> None:
    codes = _codes(_code(coder, text))
    assert code in codes and not_code not in codes, codes


def test_a_list_of_verbs_shares_the_last_one_s_object(coder) -> None:
    events = _code(coder, "Kenyan security forces raped, beat and assaulted civilians in Kisumu on Monday.")
    assert any(e.code == "1821" and e.target for e in events), triples(events)
