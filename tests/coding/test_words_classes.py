"""Classes of real-news sentences about words taken for acts (coder v7, lead): attacks on a policy or made of
names are criticism, not force; an appeal for an end is no appeal to ease sanctions; "called X a Y" is aimed
at X. Each row is a construction written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

_events = partial(quads, published=date(2019, 3, 12))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack on a law, a policy, a plan or a decision is criticism of its owner (111), not force (190)
        ("Trump attacked the Federal Reserve's decision on interest rates.", ("USAGOV", "111")),
        ("Germany attacked Russia's plan to annex the four regions.", ("DEU", "111")),
        ("The Indian minister launched an attack on Britain's visa policy.", ("INDGOV", "111")),
        ("Senator Warren's attack on the Pentagon's budget drew applause.", ("---LEG", "111")),
        # an attack that goes on to call its target names is made of words
        ("The former prime minister launched an attack on Canada's spy chiefs, calling them amateurs.", ("---ELI", "111")),
        ("Erdogan attacked the European judges, branding them enemies of Turkey.", ("TURGOV", "111")),
    ],
)
def test_attacks_in_words(coder, text, expected):
    """Every event of the sentence: (source, code); no force."""
    assert [(e[0], e[2]) for e in _events(coder, text)] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # attacks on places, forces and people stay force
        "Rebels launched an attack on the army base near Goma.",
        "Russia attacked Ukraine's power grid overnight.",
        # armed men's attacks are force whatever they call them
        "Militants attacked a police post in Kandahar, calling it revenge for the raid.",
    ],
)
def test_attacks_by_force_stay_force(coder, text):
    assert [e[2][:2] for e in _events(coder, text)] in (["19"], ["18"])


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an end asked for is an appeal to yield (025), whatever is to end; it was read as an appeal to ease
        # sanctions (0254), which only lifting, easing or removal names
        ("The UN called for an end to the war in Yemen.", "025"),
        ("Pope Francis called for an immediate end to the violence in Myanmar.", "025"),
        ("The EU called for an end to the crackdown in Venezuela.", "025"),
        ("Russia called for the lifting of sanctions on Syria.", "0254"),
    ],
)
def test_appeals_for_an_end(coder, text, code):
    assert [e[2] for e in _events(coder, text)] == [code]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "called X a Y": the parser makes "X a Y" one phrase; X is the target, Y no role of it
        ("Maduro called Trump a criminal.", ("VENGOV", "USAGOV", "111")),
        # parsed right before the repair (guards that it keeps them)
        ("Erdogan called Netanyahu a terrorist.", ("TURGOV", "ISRGOV", "111")),
        ("Zarif called Pompeo a liar.", ("IRNGOV", "USAGOV", "111")),
        # a name given with "them" is aimed at nobody the sentence names, not at the country in the name
        ("Maduro called them enemies of Venezuela.", ("VENGOV", "", "111")),
    ],
)
def test_named_target_of_a_name(coder, text, expected):
    assert [e[:3] for e in _events(coder, text)] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # what is done "without" is not done: no information given, no charge, no fight
        ("The Turkish presidency said Erdogan spoke with Trump, without providing more details.", "064"),
        ("Iran released the British sailors without charging them.", "112"),
        ("Russian troops withdrew from the town without firing a shot.", "19"),  # a guard: none before either
    ],
)
def test_without_is_no_act(coder, text, absent):
    assert [e for e in _events(coder, text) if e[2].startswith(absent)] == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # going somewhere that is no host is no visit (042): school, war, power, an end; bills and migrants
        # arriving are no visitors
        ("Thousands of Afghan girls are going to school again.", "042"),
        ("The Kenyan president came to power in 2013.", "042"),
        ("The defence bill is heading to Biden's desk.", "042"),  # a guard: no visit before either
        ("Hundreds of Syrian refugees arrived in Greece on Sunday.", "042"),
        # concluding a war or a visit signs nothing (057)
        ("Washington completed its withdrawal from Iraq in 2011, concluding the war.", "057"),
        # troops called in are mobilised, nobody is phoned (041)
        ("The Bolivian president threatened to call in the army against the miners.", "041"),
    ],
)
def test_no_visit_signing_or_call(coder, text, absent):
    assert [e for e in _events(coder, text) if e[2].startswith(absent)] == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran and Iraq concluded an agreement on border security.", ("IRN", "057")),  # a guard: coded so before
        ("The Bolivian president threatened to call in the army against the miners.", ("BOLGOV", "138")),
        ("Putin travelled to Beijing on Monday.", ("RUSGOV", "042")),  # a guard: a visit stays one
    ],
)
def test_agreements_mobilisations_and_visits_kept(coder, text, expected):
    assert expected in [(e[0], e[2]) for e in _events(coder, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an accusation rejected whose accuser goes unnamed is responsibility denied (016), and no accusation
        # of the one who rejects it (it gave 120 and a 112 by the denier)
        ("Macron rejected accusations that his government had taken an authoritarian turn.", [("FRAGOV", "", "016")]),
        ("The Swiss government strongly rejected allegations that it had covered up the report.", [("CHEGOV", "", "016")]),
        # a named accuser's accusation rejected is a rejection aimed at the accuser (120); guards: coded so before
        ("Iran refuted Trump's accusation that it supports terrorism.", [("IRN", "USAGOV", "120")]),
        # the accusation kept beside it is the accuser's (it was the rejecter's, Iran -> Tehran, and so dropped as
        # aimed at itself; precision classes, slots._noun_subject)
        (
            "Iran's foreign ministry rejected accusations by Netanyahu that Tehran was behind the attack.",
            [("IRNGOV", "ISRGOV", "120"), ("ISRGOV", "IRNGOV", "112")],
        ),
    ],
)
def test_accusations_rejected(coder, text, expected):
    assert [e[:3] for e in _events(coder, text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        # armed groups named after a state or its army are rebels, not that state's forces
        ("Free Syrian Army fighters attacked government positions near Aleppo.", "SYRREBFSA"),
        ("The Lord's Resistance Army abducted 20 children in northern Congo.", "UGAREBLRA"),
        # whom a group backs is not whose it is: "pro-Moscow rebels" are no Russian government (the doer was
        # RUSGOV, named "Moscow"); they act where their victims are
        ("Pro-Beijing militias attacked protesters in Hong Kong.", "HKGREB"),  # a guard: so before too
        ("As talks ended, pro-Moscow rebels stormed checkpoints manned by Ukrainians.", "UKRREB"),
    ],
)
def test_armed_groups_named_after_a_state(coder, text, source):
    assert [e[0] for e in _events(coder, text)] == [source]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # an illness is no attack (190) nor arrest (173)
        "The former minister died from a heart attack in Kabul.",
        "The Kenyan senator had a panic attack during the debate.",
        "The activist died of cardiac arrest in a Tehran hospital.",  # a guard: no event before either
    ],
)
def test_illness_is_no_event(coder, text):
    assert [e for e in _events(coder, text) if e[2][:2] in ("19", "17", "18")] == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # under fire or attack *for* or *over* something, or from people whose attacks are words: criticism
        # (111) of the subject
        ("The Peruvian government came under fire from rights groups over the killings.", ("NGO", "PERGOV", "111")),
        ("Chile's interior minister came under attack from opposition lawmakers.", ("CHLOPP", "CHLGOV", "111")),
        ("The Kenyan police have come under fire for their handling of the protests.", ("", "KENCOP", "111")),
        ("The Spanish prime minister came under criticism from the opposition.", ("ESPOPP", "ESPGOV", "111")),
        # what the subject said when or before it came under fire is the reason: criticism
        ("The Egyptian foreign minister came under fire when he called on Sudan to expel the envoy.", ("", "EGYGOV", "111")),
        ("The Brazilian president came under fire after saying the floods were a hoax.", ("", "BRAGOV", "111")),
        # from armed men it is force, their doer in the from or by phrase
        ("Malian soldiers came under fire from jihadist fighters near Timbuktu.", ("MLIREB", "MLIMIL", "190")),
        ("Turkish troops came under attack by PKK militants on Sunday.", ("TURSEPPKK", "TURMIL", "190")),
        ("Russian troops came under fire over the weekend.", ("", "RUSMIL", "190")),
        ("Indian troops came under fire after they said the area was clear.", ("", "INDMIL", "190")),  # a guard
    ],
)
def test_came_under_fire(coder, text, expected):
    """Every event of the sentence: (source, target, code)."""
    assert [e[:3] for e in _events(coder, text)] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        # what a text says that its subject stops is not said by the subject
        ("Russia vetoed a UN resolution condemning the annexation of Crimea.", "11", "129"),
        ("The US rejected a resolution demanding a ceasefire in Gaza.", "10", "127"),
        ("China blocked a statement criticizing North Korea.", "11", None),
        # a text drafted or adopted still says it (a guard: it passed before the rule too)
        ("France drafted a resolution calling for sanctions on Mali.", None, "020"),
    ],
)
def test_texts_stopped_say_nothing(coder, text, absent, kept):
    codes = [e[2] for e in _events(coder, text)]
    assert absent is None or not [c for c in codes if c.startswith(absent)], codes
    assert kept is None or kept in codes, codes


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting's length is no minute's silence (017)
        ("Hun Sen held a 90-minute meeting with the Thai prime minister.", ("KHMGOV", "THAGOV", "040")),
        # a guard (passed before the change too)
        ("The parliament of Peru held a minute's silence for the victims.", ("PERLEG", "", "017")),
    ],
)
def test_a_meeting_length_is_no_silence(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hitting back at someone is words (111), unless the with-phrase names force or a measure
        ("Pakistan hit back at India over the remarks.", ("PAK", "IND", "111")),
        ("Moscow struck back at Washington, calling the sanctions illegal.", ("RUSGOV", "USAGOV", "111")),
        ("Canada hit back at the United States with tariffs on steel.", ("CAN", "USA", "163")),
        ("Iran hit back at Israel with missile strikes.", ("IRN", "ISR", "194")),  # a guard: so before too
    ],
)
def test_hitting_back(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}
