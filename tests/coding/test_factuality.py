"""Factuality: negation, conditionals, future and intent, governing verbs, reported speech, analysis."""

from __future__ import annotations

from datetime import date

import pytest

from volte.coding.actors import ResolvedActor
from volte.coding.coder import Coder
from volte.coding.event_pairs import actor_pairs
from volte.coding.governed_codes import governed_code
from volte.coding.verbs import default_verbs
from volte.records import Article
from volte.settings import CodingSettings, Settings

PUBLISHED = date(2025, 3, 4)


@pytest.fixture(scope="module")
def strict_coder(nlp):
    """A coder that drops hypothetical events (settings.coding.hypothetical = False)."""
    return Coder(Settings(coding=CodingSettings(hypothetical=False)), nlp=nlp)


def _events(coder, text):
    return next(coder.code([Article(id="t", text=text, published=PUBLISHED)])).events


def _matches(nlp, text):
    """Specific matches (generic "said" statements left out)."""
    doc = nlp(text)
    return [m for sent in doc.sents for m in default_verbs().match(sent) if not m.statement]


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        ("refusal", "057", "127"),
        ("refusal", "046", "125"),
        ("refusal", "0841", "1243"),
        ("appeal", "046", "026"),
        ("appeal", "0841", "0253"),
        ("demand", "087", "1056"),
        ("future", "042", "036"),
        ("committed", "073", "0333"),
        ("future", "163", "1312"),
        ("threat", "190", "1384"),
        ("threat", "161", "1313"),
        ("asserted", "190", None),
    ],
)
def test_factuality_governed_code_table(status, code, expected):
    assert governed_code(status, code) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Russia and Ukraine did not meet in Istanbul on Monday.", "04"),
        ("Israel never attacked the convoy, the army said.", "19"),
        ("No Russian missiles were fired at Kyiv overnight.", "19"),
        ("Moscow denied that its troops had shelled the village.", "19"),
        ("No talks were held between Serbia and Kosovo.", "04"),
        ("France failed to sign the agreement with Italy.", "05"),
    ],
)
def test_factuality_negated_events_are_not_emitted(nlp, text, root):
    assert [m for m in _matches(nlp, text) if m.code.startswith(root)] == []


@pytest.mark.model
def test_factuality_refused_to_sign_is_a_refusal_not_a_signature(nlp):
    codes = [m.code for m in _matches(nlp, "Iran refused to sign the agreement with the European Union.")]
    assert codes and all(c.startswith("12") for c in codes)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The European Union could impose sanctions on Belarus if the crackdown continues.",
        "Washington would respond to any attack on its troops.",
        "If the talks fail, Turkey might close its border with Syria.",
        "If the truce collapses, aid agencies would have to suspend deliveries, an official said.",
    ],
)
def test_factuality_conditionals_are_hypothetical(nlp, strict_coder, text):
    found = _matches(nlp, text)
    assert found and all(m.factuality == "hypothetical" for m in found)
    assert _events(strict_coder, text) == ()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code", "factuality"),
    [
        ("Japan will provide humanitarian aid to Syria.", "0333", "future"),
        ("Chinese President Xi Jinping plans to visit Russia next week.", "036", "future"),
        ("Colombia and the United States agreed to meet at the White House.", "036", "asserted"),
        ("Germany pledged to send tanks to Ukraine.", "0332", "asserted"),
        ("Trump threatened to impose sanctions on Colombia.", "1312", "asserted"),
        ("Iran warned it would strike Israeli bases.", "1384", "asserted"),
        ("Britain urged Iran to release the tanker.", "0253", "asserted"),
    ],
)
def test_factuality_intents_threats_and_appeals(nlp, text, code, factuality):
    found = _matches(nlp, text)
    assert (code, factuality) in [(m.code, m.factuality) for m in found], [
        (m.code, m.pattern, m.factuality) for m in found
    ]


@pytest.mark.model
def test_factuality_compound_agreement_gives_one_event_per_direction(strict_coder):
    events = _events(strict_coder, "Colombia and the United States agreed to meet at the White House.")
    pairs = {(e.source[:3], e.target[:3]) for e in events if e.code == "036"}
    assert pairs == {("COL", "USA"), ("USA", "COL")}


@pytest.mark.model
def test_factuality_reported_speech_keeps_event_and_speaker(strict_coder):
    events = _events(strict_coder, "Ukraine said Russian troops attacked Ukrainian soldiers near Bakhmut.")
    shelling = [e for e in events if e.root == "19"]
    assert shelling and shelling[0].source.startswith("RUS") and shelling[0].target.startswith("UKR")
    assert shelling[0].attributed_to and shelling[0].attributed_to.startswith("UKR")


@pytest.mark.model
def test_factuality_reported_must_is_a_demand_by_the_speaker(strict_coder):
    events = _events(strict_coder, "Britain said on Saturday that Iran must release the tanker.")
    assert [(e.source[:3], e.target[:3], e.code) for e in events] == [("GBR", "IRN", "1053")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "This reversal is essentially the survival wisdom of small countries caught between great powers.",
        "The election outcome raises questions about the future of U.S. military aid to Kyiv.",
        "Analysts say the rivalry between Washington and Beijing will shape the decade.",
        "Iran, which was hit by U.S. sanctions in 2018, has struggled to sell its oil.",
        # lasting states in a non-restrictive clause describe, they report nothing new
        "Analysts expect Germany, which has supplied weapons to Ukraine for years, to stay the course.",
        "Japanese carmakers, which ship many of their cars to the United States, are among the most exposed.",
        # a warning that someone else could act is a prediction, not that someone's threat
        "Western diplomats warned on Monday that Syria could attack Turkish positions.",
        # an act as the subject of a modal verb is weighed, not reported
        "Sending German tanks to Ukraine might provoke a Russian escalation, officials fear.",
        "Attacking Iran would be a grave mistake, the minister said.",
        # direct questions ask, they report nothing
        "Is a Chinese attack on Taiwan imminent?",
        "Will Russia attack Ukraine this winter?",
    ],
)
def test_factuality_analysis_and_background_yield_nothing(strict_coder, text):
    assert _events(strict_coder, text) == ()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a non-restrictive who/which clause in the active past adds an act of its own
        ("Kenya welcomed the Somali president, who thanked Kenya for its support.", ("SOM", "KEN", "05")),
        ("Canada summoned the Indian ambassador, who rejected Canada's accusations on Monday.", ("IND", "CAN", "12")),
    ],
)
def test_factuality_non_restrictive_clause_reports_its_act(strict_coder, text, expected):
    assert expected in {(e.source[:3], e.target[:3], e.root) for e in _events(strict_coder, text)}


@pytest.mark.model
def test_factuality_restrictive_and_passive_relative_clauses_stay_background(strict_coder):
    text = "Canada condemned the attack that killed two Indian soldiers, and freed a man, who was held by Iran."
    roots = {e.root for e in _events(strict_coder, text)}
    assert "18" not in roots and "17" not in roots and "19" not in roots


def _actor(code):
    return ResolvedActor(code=code, name=code, start=0, end=3, entry=code)


@pytest.mark.parametrize(
    ("sources", "targets", "symmetric", "expected"),
    [
        (["RUSMIL"], ["RUSMIL"], False, []),
        (["COLGOV", "USAGOV"], [], True, [("COLGOV", "USAGOV"), ("USAGOV", "COLGOV")]),
        (["COLGOV"], ["USAGOV"], True, [("COLGOV", "USAGOV"), ("USAGOV", "COLGOV")]),
        (["COLGOV"], ["USAGOV"], False, [("COLGOV", "USAGOV")]),
        (["COLGOV", "USAGOV"], ["VENGOV"], False, [("COLGOV", "VENGOV"), ("USAGOV", "VENGOV")]),
        ([], [], False, []),
    ],
)
def test_factuality_pairs_one_per_direction_and_no_self_events(sources, targets, symmetric, expected):
    pairs = actor_pairs([_actor(c) for c in sources], [_actor(c) for c in targets], symmetric=symmetric)
    assert [(s.code if s else "", t.code if t else "") for s, t in pairs] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("India said it would not join the trade pact with China.", "12"),
        ("Turkey said it may suspend diplomatic relations with the United Arab Emirates.", "1313"),
        ("The Israeli military told Palestinians in Gaza to move south.", "10"),
        ("Germany received a shipment of gas from Norway.", "061"),
    ],
)
def test_factuality_refusals_threats_orders_and_roles(nlp, text, code):
    found = _matches(nlp, text)
    assert any(m.code.startswith(code) for m in found), [(m.code, m.pattern, m.factuality) for m in found]


@pytest.mark.model
def test_factuality_receiving_reverses_the_roles(strict_coder):
    events = _events(strict_coder, "Germany received a shipment of gas from Norway.")
    assert [(e.source[:3], e.target[:3]) for e in events if e.code == "061"] == [("NOR", "DEU")]


@pytest.mark.model
def test_factuality_conditional_threat_is_still_a_threat(strict_coder):
    events = _events(strict_coder, "Iran warned of a crushing response if Israel attacked.")
    assert [(e.source[:3], e.target[:3], e.root, e.factuality) for e in events] == [
        ("IRN", "ISR", "13", "asserted")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Romania urged the European Union to help finance its new hospitals.", "023"),
        ("The United States demanded that Hamas stop its rocket fire.", "105"),
    ],
)
def test_factuality_appeals_and_demands_specialised_by_their_clause(nlp, text, code):
    assert code in [m.code for m in _matches(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The militants threatened to resume attacks on army posts in the north.", "1384"),
        ("The group threatened on Sunday to resume suicide bombings against Israel.", "1383"),
        ("The rebels threatened to resume terrorist activities in the capital.", "1383"),
        ("The United Nations urged the junta to respect the rights of detainees.", "0243"),
        ("The government appealed to its neighbours to put an end to the blockade.", "025"),
        ("The opposition said the ruling party must agree to constitutional changes.", "1044"),
        ("Spain has refused to commit to any military assistance for the operation.", "122"),
    ],
)
def test_factuality_complement_object_names_what_is_threatened_or_asked(nlp, text, code):
    assert code in [m.code for m in _matches(nlp, text)]


@pytest.mark.model
def test_factuality_a_campaign_of_acts_reports_the_acts(strict_coder):
    text = "Russia waged a campaign of airstrikes against Ukrainian cities on Monday."
    assert ("UKR", "19") in {(e.target[:3], e.root) for e in _events(strict_coder, text)}


@pytest.mark.model
def test_factuality_warning_that_one_could_act_is_its_own_threat(strict_coder):
    events = _events(strict_coder, "Syria warned on Monday it could attack Turkish positions.")
    assert {(e.source, e.target[:3], e.root) for e in events} == {("SYR", "TUR", "13")}


def test_factuality_that_clause_hung_on_an_object_is_no_relative_clause():
    import spacy
    from spacy.tokens import Doc

    from volte.coding.factuality import assess

    # "Macron told a gathering that France recognised Palestine ." with the clause parsed as a relative
    # clause of "gathering": it is what was said, and "that" marks it
    doc = Doc(
        spacy.blank("en").vocab,
        words=["Macron", "told", "a", "gathering", "that", "France", "recognised", "Palestine", "."],
        lemmas=["Macron", "tell", "a", "gathering", "that", "France", "recognise", "Palestine", "."],
        tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "VBD", "NNP", "."],
        pos=["PROPN", "VERB", "DET", "NOUN", "SCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "relcl", "dobj", "punct"],
        heads=[1, 1, 3, 1, 6, 6, 3, 6, 1],
    )
    assert assess(doc[6]).status == "asserted"


@pytest.mark.model
def test_factuality_no_longer_negates(strict_coder):
    assert _events(strict_coder, "Russia no longer supplies gas to Poland.") == ()
    events = _events(strict_coder, "Poland said it would no longer send weapons to Ukraine.")
    assert {(e.source, e.target[:3], e.root) for e in events} == {("POL", "UKR", "12")}


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect Beijing to step up pressure on Taipei after the vote.",
        "Economists predict Washington to raise tariffs on Chinese steel next year.",
        "Experts warned that the new sanctions might hurt ordinary Iranians.",
        "Observers said Moscow could impose sanctions on Kiev if the talks fail.",
        "Analysts said the army would attack the rebels if the truce collapsed.",
        "If the ceasefire collapses, Israel would resume strikes on Gaza, analysts said.",
        "Economists warned that tariffs would hurt American farmers.",
        "Some experts believe Moscow will retaliate against the sanctions.",
        "A senior analyst said Beijing would likely respond with sanctions if Manila pressed ahead.",
    ],
)
def test_factuality_forecasts_by_analysts_are_no_events(strict_coder, text):
    assert _events(strict_coder, text) == ()


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Iran said it would strike Israel if attacked.", "13"),
        ("Hamas said on Sunday it would attend the Cairo talks if Israel lifted the siege.", "03"),
        ("The European Union may suspend aid to Mali if the junta delays elections, the French minister said.", "13"),
    ],
)
def test_factuality_an_actor_announcing_a_conditional_act_states_its_stance(strict_coder, text, root):
    events = _events(strict_coder, text)
    assert [e.code[:2] for e in events] == [root]


def test_factuality_unattributed_conditionals_stay_hypothetical(strict_coder):
    assert _events(strict_coder, "The army would attack the rebels if the truce collapsed.") == ()
    assert _events(strict_coder, "If the talks fail, Moscow could impose sanctions on Kiev.") == ()


def test_factuality_wanting_another_to_act_is_an_appeal(strict_coder):
    events = _events(strict_coder, "Poland wants Germany to pay reparations for the war.")
    assert [(e.code[:2], e.source, e.target) for e in events] == [("02", "POL", "DEU")]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # an authority's decision is the act, not an intent
        ("The Kenyan court decided to allow presidential candidate Raila Odinga to run in the election.", "08"),
        # "will not ... unless": a refusal stated now ("until" only puts the act off)
        ("Kenyan doctors will not end their strike unless the government raises their pay.", "12"),
        # steps taken, investigators sent and processes begun report the act
        ("The Iraqi government has taken steps to release political prisoners.", "08"),
        ("The United Nations sent a team of experts to Sudan to investigate the killings.", "09"),
        ("Syrian authorities began the process of withdrawing troops from Lebanon.", "08"),
        ("A prisoner died as a result of torture by Egyptian police.", "18"),
    ],
)
def test_factuality_acts_reported_through_a_decision_or_a_step(nlp, text, root):
    coder = Coder(nlp=nlp, dyads_only=False)
    assert [e.code[:2] for e in _events(coder, text)] == [root]


def test_factuality_not_until_puts_the_act_off(nlp):
    coder = Coder(nlp=nlp, dyads_only=False)
    assert _events(coder, "Kenyan doctors will not end their strike until next week.") == ()


def test_factuality_troops_sent_to_monitor_a_truce_report_no_truce(nlp):
    coder = Coder(nlp=nlp, dyads_only=False)
    assert [e.code[:2] for e in _events(coder, "The army deployed troops to Basra to monitor the ceasefire.")] == ["15"]


def test_factuality_what_analysts_report_as_done_stays(nlp):
    coder = Coder(nlp=nlp, dyads_only=False)
    assert [e.code[:2] for e in _events(coder, "Analysts said the Syrian army shelled Idlib on Monday.")] == ["19"]


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Lithuania accused Belarus of planning to flood the border with migrants.", "LTU", "BLR"),
        ("Armenia accused Azerbaijan of threatening to seize its villages.", "ARM", "AZE"),
        ("Hanoi accused Beijing of preparing to block its fishing boats.", "VNM", "CHN"),
        ("Serbia accused Kosovo of plotting to expel Serb officials.", "SRB", "XKX"),
        ("Ghana accused Togo of agreeing to send troops across the border.", "GHA", "TGO"),
    ],
)
def test_factuality_a_stance_alleged_in_an_accusation_is_not_the_accusers_act(
    strict_coder, text, accuser, accused
):
    """ "X accused Y of planning (threatening, preparing, agreeing) to V": the accusation (112) is the
    event; the act alleged of Y is not an intent, threat or pledge of X's (nor of Y's: it is alleged),
    whether the parser hangs "of" on the verb or on the accused."""
    events = [e for e in _events(strict_coder, text) if e.factuality not in ("negated", "hypothetical")]
    assert [e.code[:2] for e in events] == ["11"], [(e.source, e.target, e.code) for e in events]
    assert (events[0].source[:3], events[0].target[:3]) == (accuser, accused)


def test_factuality_a_stance_reported_by_a_speaker_is_still_the_actors(strict_coder):
    """The near miss: a threat *said* (not alleged) stays the threatener's."""
    events = _events(strict_coder, "Lithuania said Belarus was threatening to close the border crossings.")
    assert any(e.source == "BLR" and e.code.startswith("13") for e in events), [
        (e.source, e.target, e.code) for e in events
    ]
