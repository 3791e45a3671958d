"""Classes of real-news sentences the verb patterns and factuality code (events2 round): each row is one
construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2018, 5, 14)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "will not X until <clause>": a condition on the other side, as "unless": a refusal stated now
        (
            "Canada will not lift the embargo on Venezuela until Caracas frees its political prisoners.",
            ("CAN", "VEN", "1244"),
        ),
        (
            "Georgian rebels will not release the three Turkish engineers until a ransom is paid.",
            ("GEOREB", "TURCVL", "1243"),
        ),
        (
            "Kenya said it would not lift the ban on Somali traders until Mogadishu hands over the suspects.",
            ("KEN", "SOM", "1241"),
        ),
        # the refusal is aimed at whoever must act first when the act names no one: the until clause's subject
        ("Zambian teachers will not end their strike until the government raises their pay.", ("ZMBEDU", "ZMBGOV", "1242")),
        ("The European Union will not lift the arms embargo until Minsk releases the journalists.", ("IGOEEC", "BLRGOV", "1244")),
    ],
)
def test_refusal_until_a_condition_is_met(coder, text, expected):
    assert [e[:3] for e in _events(coder, text) if e[2].startswith("12")] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # returning a thing to someone is returning property (0842), whatever the thing
        ("Belgium returned three stolen masks to the government of Nigeria.", ("BEL", "NGAGOV", "0842")),
        ("A looted gold mask was returned by French officials to Vietnamese authorities.", ("FRAGOV", "VNMGOV", "0842")),
        # people returned are released (0841); fire returned and travellers returning are no yielding
        ("Egypt returned the fishermen to Libya.", ("EGY", "LBY", "0841")),
        # the parser makes "X guilty" a clause under "found": a finding of guilt (116)
        ("A Moscow court found the Ukrainian sailor guilty of espionage.", ("RUSJUD", "UKRMIL", "116")),
        # an attack in words is criticism (111), not force
        ("Indian Prime Minister Narendra Modi launched a scathing attack on Pakistan.", ("INDGOV", "PAK", "111")),
        ("Brazil's president made a blistering attack on France.", ("BRAGOV", "FRA", "111")),
        # cyber warfare is a cyber attack (176)
        ("North Korea has waged cyber warfare against South Korea.", ("PRK", "KOR", "176")),
        # peacekeeping troops provide protection (074), whatever the verb
        ("Fijian troops serve in peacekeeping operations in Lebanon.", ("FJIMIL", "LBN", "074")),
        # aimed at the country the force protects, as troops sent to a force in a place (docs/actors.md)
        ("Ghana is sending troops to the United Nations peacekeeping force in Mali.", ("GHA", "MLI", "074")),
        ("About 2,000 Russian soldiers were deployed as peacekeepers along the border.", ("RUSMIL", "", "074")),
        # whatever is donated is aid; firearms handed over are military aid
        ("Japan has donated 40 ambulances to the Kenyan health ministry.", ("JPN", "KENGOV", "070")),
        ("Turkey gave 300 new rifles to the Somali army.", ("TUR", "SOMMIL", "072")),
        # a warning given or issued is a threat (130); a travel warning is no threat
        ("Merkel gave Erdogan a stern warning to stop the arrests.", ("DEUGOV", "TURGOV", "130")),
        # legal action launched is a lawsuit (115)
        ("The European Commission has launched legal action against Hungary.", ("IGOEEC", "HUN", "115")),
        # inspectors expelled from a country are expelled by it
        ("Two UN inspectors have been expelled from Iran.", ("IRN", "IGOUNO", "1662")),
        # asylum seekers not accepted: refusing aid (122)
        ("Poland says it will not accept asylum seekers.", ("POL", "---REF", "1223")),
        # people detained "at a meeting" are detained: the meeting is where, not what
        ("Kenyan police detained five opposition activists at a meeting in Nairobi.", ("KENCOP", "KENCVL", "173")),
        # a mosque or headquarters captured by troops is taken ground (192), not an arrest
        ("Syrian troops captured the main mosque in Raqqa.", ("SYRMIL", "SYR", "192")),
        # ordering a newspaper to suspend publication is censorship (1721), not a demand
        ("The Egyptian government ordered an opposition newspaper to suspend publication.", ("EGYGOV", "---MED", "1721")),
        # accepting an invitation to meet or visit is an intent to meet (036), aimed at the host
        ("Narendra Modi has accepted an invitation to meet with Vladimir Putin.", ("INDGOV", "RUSGOV", "036")),
        ("Putin accepted an invitation to visit India.", ("RUSGOV", "IND", "036")),
        # a cessation of hostilities declared is a truce (0871)
        ("Sudan declared a cessation of hostilities in Darfur.", ("SDN", "", "0871")),
    ],
)
def test_event_class_codes(coder, text, expected):
    """The one event of each sentence: (source, target, code)."""
    assert [e[:3] for e in _events(coder, text)] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an announced return of weapons is an intent
        ("Iraqi militias announced they will return the weapons seized from the army.", ("IRQREB", "035", "future")),
        # beginning an operation, announced, is a threat
        ("Turkey said it will begin a military operation against Kurdish fighters in Syria.", ("TUR", "1384", "future")),
        # laying down arms demobilises (0873); announced, it is an intent to de-escalate (0356)
        ("Hundreds of Boko Haram fighters laid down their arms in Borno.", ("NGAREBBKH", "0873", "asserted")),
        ("The ELN said they will lay down their weapons.", ("COLREBELN", "0356", "future")),
    ],
)
def test_event_class_factuality(coder, text, expected):
    """The one event of each sentence: (source, code, factuality)."""
    assert [(e[0], e[2], e[3]) for e in _events(coder, text)] == [expected]


@pytest.mark.model
def test_launching_a_mediation_effort_mediates(coder):
    """Launching a mediation effort mediates (045), between the sides of what it aims to end (the s25 dyad
    round gave it its targets: it had none)."""
    text = "Kuwait launched a mediation effort to end the dispute between Qatar and Saudi Arabia."
    assert sorted(_events(coder, text)) == [("KWT", "QAT", "045", "asserted"), ("KWT", "SAU", "045", "asserted")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # "took part in", "took place in": no seizure of territory (192)
        ("Hundreds of Kenyan students took part in a march in the town of Eldoret.", "14"),
        ("Thousands of Kenyans gathered for a vigil.", "14"),
        ("The Kenyan court freed a British engineer in the province of Kisumu.", "08"),
        # withdrawing from an agreement reduces relations (16); threatening it is a threat (13); troops
        # withdrawing from a town still retreat (08)
        ("The United States withdrew from the nuclear agreement with Iran.", "16"),
        ("The Malian defence minister threatened to withdraw from the peace agreement with the rebels.", "13"),
        ("Russian troops withdrew from the Ukrainian city of Kherson.", "08"),
    ],
)
def test_event_class_roots(coder, text, root):
    """The one event of each sentence: its root code."""
    assert [e[2][:2] for e in _events(coder, text)] == [root]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        # "will not X until <a time>" or "until <a happening>" only puts the act off: no refusal
        ("Canada will not lift the embargo on Venezuela until next year.", ""),
        ("The Kremlin said Putin would not visit Washington until the official results were announced.", "12"),
        # a travel warning is no threat (nor any event)
        ("The State Department has issued a travel warning for Kenya.", ""),
        # returning that is no handing back (084)
        ("Afghan troops returned fire on the militants.", "084"),
        ("The Iraqi president returned to Baghdad on Monday.", "084"),
        ("Protesters returned to the streets of Lima.", "084"),
        # the object cue reads the object's modifiers too: "made *verbal* commitments" is no criticism (11)
        ("Singapore has made verbal commitments to open its capital markets.", "11"),
        ("The president made a personal appeal to Russia to free the sailors.", "11"),
        # "called a press conference / a rally to V": nobody was phoned (no 041)
        ("Iran called a press conference to express its anger at Israel.", "041"),
        ("The Kenyan opposition called a rally to voice its anger at the government.", "041"),
    ],
)
def test_no_event_of_the_class(coder, text, prefix):
    """No event whose code starts with ``prefix`` (with "": no event at all)."""
    assert [e for e in _events(coder, text) if e[2].startswith(prefix)] == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "called X on <day> to <the caller's act>": a phone call (041), not "called on X" (an appeal)
        (
            "Prime Minister Shinzo Abe called Indian Prime Minister Narendra Modi on Tuesday to congratulate him.",
            ("JPNGOV", "INDGOV", "041"),
        ),
        (
            "German Chancellor Angela Merkel called Turkish President Tayyip Erdogan on Monday to express her support.",
            ("DEUGOV", "TURGOV", "041"),
        ),
        # "called for X to stay": an appeal through a for-to clause (no phone call)
        (
            "Theresa May called for Britain to stay in the single market.",
            ("GBRGOV", "GBR", "020"),
        ),
    ],
)
def test_phone_calls_and_appeals(coder, text, expected):
    assert [e[:3] for e in _events(coder, text) if e[2][:2] in ("02", "04")] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a round of exercises is no round of talks; food received is no guest received
        ("Egypt and Greece began a new round of joint naval exercises in the Mediterranean.", None),
        ("Syrian refugees in Jordan have received food and blankets.", None),
        # calling someone names is criticism (111), not a phone call
        ("The Philippine president called the Australian prime minister incompetent.", "11"),
    ],
)
def test_rounds_receipts_and_names(coder, text, root):
    roots = [e[2][:2] for e in _events(coder, text) if e[2][:2] in ("04", "11")]
    assert roots == ([root] if root else [])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a campaign of words, votes or vaccines is no war (190); a campaign against an armed group is
        ("The Kenyan police launched a publicity campaign against drunk driving.", None),
        ("The Nigerian army launched a campaign against Boko Haram.", "19"),
    ],
)
def test_campaigns(coder, text, root):
    roots = [e[2][:2] for e in _events(coder, text) if e[2][:2] == "19"]
    assert roots == ([root] if root else [])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # support stated again (reiterated, reaffirmed, declared) is endorsed, as "expressed support" is
        ("Japan reaffirmed its support for the Philippines on Monday.", ("JPN", "PHL", "051")),
        ("The Kenyan president reiterated his government's backing for Somalia.", ("KENGOV", "SOM", "051")),
    ],
)
def test_restated_support_is_endorsement(coder, text, expected):
    assert expected in [e[:3] for e in _events(coder, text)]


@pytest.mark.model
def test_restated_opposition_is_no_endorsement(coder):
    assert not [e for e in _events(coder, "China reiterated its opposition to the sanctions on Iran.") if e[2] == "051"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # air or missile strikes begun are force, not a general strike (143)
        ("Turkey began a series of air strikes on Kurdish positions in Iraq.", "19"),
        ("Russia started missile strikes on Ukrainian cities.", "19"),
    ],
)
def test_military_strikes_begun_are_no_labour_strike(coder, text, root):
    codes = [e[2] for e in _events(coder, text)]
    assert "143" not in codes and any(c.startswith(root) for c in codes), codes


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ship seized is seized from the state its adjective names; "tanker" is no disaster here
        ("The Greek navy seized an Iranian tanker in the Aegean on Friday.", ("GRCMIL", "IRN", "171")),
        ("Russia's coast guard seized three Ukrainian ships near the strait.", ("RUSCOP", "UKR", "171")),
    ],
)
def test_ships_seized_from_their_flag_state(coder, text, expected):
    assert expected in [e[:3] for e in _events(coder, text)]


@pytest.mark.model
def test_a_tanker_that_explodes_is_still_an_accident(coder):
    assert not _events(coder, "An oil tanker exploded off the coast of Nigeria, killing twelve people.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # targets struck somewhere are force against whose targets they are, else against the place
        ("Israel struck Hezbollah targets in southern Lebanon overnight.", ("ISR", "LBNREBHEZ", "190")),
        ("Pakistan struck targets in Afghanistan on Thursday.", ("PAK", "AFG", "190")),
    ],
)
def test_targets_struck_somewhere_are_force(coder, text, expected):
    assert expected in [e[:3] for e in _events(coder, text)]


@pytest.mark.model
def test_targets_met_are_no_force(coder):
    assert not _events(coder, "The government hit its inflation targets in 2024.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "arrest"),
    [
        # a meeting, festival or event held is no arrest; people held are
        ("Lukashenko and Aliyev signed the deal at a meeting on Monday, held at the Palace of Independence.", False),
        ("Both sides agree to hold cultural festivals and other joint events.", False),
        ("Police in Harare held three journalists overnight.", True),
    ],
)
def test_what_is_held_decides_an_arrest(coder, text, arrest):
    assert ("173" in [e[2] for e in _events(coder, text)]) is arrest


@pytest.mark.model
def test_people_held_hostage_are_taken_hostage(coder):
    # holding people hostage is hostage-taking (181), not an arrest
    assert [e[2] for e in _events(coder, "Gunmen in Mali are holding two Canadian engineers hostage.")] == ["181"]
