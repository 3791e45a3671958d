"""Classes of wire-news language the coder handles: each row is one construction, not one sentence.

Match-level rows check the code the verb dictionary and factuality give a construction; event-level rows
check the dyads the coder builds from it (actors, direction, duplicates).
"""

from __future__ import annotations

from datetime import date

import pytest

from volte.coding.coder import Coder
from volte.coding.governed_codes import governed_code
from volte.coding.verbs import default_verbs
from volte.records import Article

PUBLISHED = date(2025, 3, 4)


@pytest.fixture(scope="module")
def coder(nlp):
    return Coder(nlp=nlp)


def _codes(nlp, text):
    """(code, factuality) of the specific matches (generic "said" left out)."""
    doc = nlp(text)
    return [
        (m.code, m.factuality) for sent in doc.sents for m in default_verbs().match(sent) if not m.statement
    ]


def _dyads(coder, text):
    events = next(coder.code([Article(id="t", text=text, published=PUBLISHED)])).events
    return [(e.source, e.target, e.code) for e in events]


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        ("refusal", "0831", "1231"),
        ("appeal", "0831", "0241"),
        ("demand", "0833", "1043"),
        ("future", "0832", "0342"),
        ("refusal", "083", "123"),
        ("threat", "1721", "1321"),
    ],
)
def test_factuality_governed_code_political_change(status, code, expected):
    assert governed_code(status, code) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the parser hangs "threatened ... to impose" as an adverbial clause; "unless" keeps it a threat
        (
            "Trump threatened on Thursday to impose tariffs on wine from the European Union unless the bloc dropped its levy.",
            "1312",
        ),
        # an announced hostile act with an "unless" condition is a threat
        ("China said it will impose sanctions on Lithuania unless Vilnius reverses its decision.", "1312"),
        # a statement's participle clause is what the statement says
        ("The European Union issued a statement condemning the Russian attack on Ukraine.", "111"),
        ("Ethnic Albanian rebels have sworn to fight Serbian forces until they win.", "1384"),
        # an instrument enacts its participle clause; "order" as a noun demands nothing
        (
            "U.S. President Donald Trump signed an executive order on Monday lifting sanctions on Syria.",
            "085",
        ),
        ("U.S. prosecutors charged two Chinese nationals on Tuesday with smuggling.", "173"),
        # political change by kind through the refusal / appeal tables
        ("Kenya's vice-president declined to resign on Monday.", "1231"),
        ("Turkey's opposition leader urged President Tayyip Erdogan to step down.", "0241"),
        # threats specialised by the threatened verb when it is no pattern
        ("Israel threatened to ban voting in East Jerusalem.", "1321"),
        # rejections coded by what was asked for
        ("Iran rejected an Iraqi proposal for a ceasefire.", "1246"),
        # ordering a nominal act carries it out; an explosive as doer makes a bombing
        ("Russian President Vladimir Putin ordered a partial mobilisation on Wednesday.", "154"),
        ("A roadside bomb struck a Malian army convoy near Douentza on Friday.", "183"),
        # killings are coded by the method they happened in
        (
            "Soviet aircraft killed 46 Afghan civilians in an air strike on a village in western Afghanistan.",
            "195",
        ),
        ("Israeli troops killed two Palestinians in a raid on the Jenin refugee camp.", "190"),
        # a stated readiness survives an if-clause: an intent
        ("Norway is willing to send troops to help defend Saudi Arabia if it is attacked.", "0332"),
    ],
)
def test_verbs_construction_code(nlp, text, code):
    assert (code, "future") in _codes(nlp, text) or (code, "asserted") in _codes(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Israel would strike Iran if Tehran attacked its territory.",
        "Analysts said Israel would strike Iran if Tehran attacked its territory.",
        "If talks collapsed, the EU would not sign the trade deal with Mercosur, an official said.",
    ],
)
def test_verbs_conditionals_stay_hypothetical(nlp, text):
    statuses = {factuality for _, factuality in _codes(nlp, text)}
    assert statuses <= {"hypothetical"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "root"),
    [
        # an actor announcing its own act on a condition states its stance now: a threat or an intent
        ("Israel said it would strike Iran if Tehran attacked its territory.", "13"),
        ("The EU said it would sign the trade deal with Mercosur unless talks collapsed.", "03"),
    ],
)
def test_verbs_conditionals_announced_by_the_actor(nlp, text, root):
    assert {code[:2] for code, f in _codes(nlp, text) if f != "hypothetical"} == {root}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X and Y clashed": one event per direction
        (
            "Thai and Cambodian troops clashed along the border on Thursday.",
            {("THAMIL", "KHMMIL", "190"), ("KHMMIL", "THAMIL", "190")},
        ),
        # an adjective is no named doer: the fighting between two sides is paired within
        (
            "Fierce fighting between Armenian and Azerbaijani troops raged on Sunday.",
            {("ARMMIL", "AZEMIL", "190"), ("AZEMIL", "ARMMIL", "190")},
        ),
        # protests with no named target are aimed at the protesters' own government
        (
            "Thousands of Georgians protested in Tbilisi on Tuesday against a draft law.",
            {("GEOCVL", "GEOGOV", "141")},
        ),
        # an intent with an explicit target goes one way; coordinated sides still go both ways
        (
            "Japan will hold talks with the Philippines next week, Defence Minister Minoru Kihara said.",
            {("JPN", "PHL", "036")},
        ),
        (
            "Russia and Ukraine agreed to hold talks in Istanbul.",
            {("RUS", "UKR", "036"), ("UKR", "RUS", "036")},
        ),
        # one event per source, target and root: the participle of concession is the same act
        (
            "Kenyan President William Ruto withdrew a finance bill on Wednesday, bowing to protesters.",
            {("KENGOV", "", "0832")},
        ),
        # "X was behind the attack" names the doer
        (
            "Hackers from Russia's military intelligence were behind a cyberattack on Ukraine's biggest mobile operator.",
            {("RUSSPY", "UKR", "176")},
        ),
        # an unresolved phrase is named by its possessor
        (
            "The U.N. Human Rights Council voted on Thursday to launch an investigation into Iran's crackdown on protests.",
            {("IGOUNOHCH", "IRN", "092")},
        ),
        # voting or gathering to do something reports it
        ("Serbia's parliament voted on Tuesday to lift the state of emergency.", {("SRBLEG", "", "0814")}),
        (
            "Thousands of Georgians gathered in Tbilisi on Sunday to protest against a draft law.",
            {("GEOCVL", "GEOGOV", "141")},
        ),
        # a bare institution is the doer's compatriot
        (
            "Turkey's main opposition leader accused the government on Sunday of mismanaging the economy.",
            {("TUROPP", "TURGOV", "112")},
        ),
        # the audience of a speech is no event ("telling a rally")
        (
            "Venezuelan President Nicolas Maduro rejected U.S. demands on Monday, telling a rally in Caracas that he would stay.",
            {("VENGOV", "USA", "124")},
        ),
        # a participle after a demanded clause belongs to the one who demands
        (
            "Britain demanded on Saturday that Iran release the tanker, accusing Tehran of piracy.",
            {("GBR", "IRN", "1053"), ("GBR", "IRNGOV", "112")},
        ),
    ],
)
def test_coder_construction_dyads(coder, text, expected):
    """Compared at country level (the actor dictionary's roles may change independently)."""

    def countries(dyads):
        return {(source[:3], target[:3], code) for source, target, code in dyads}

    assert countries(_dyads(coder, text)) == countries(expected)


@pytest.mark.model
def test_coder_blast_keeps_its_victims(coder):
    """A weapon as subject names no doer: the blast is still coded against the place it struck."""
    dyads = _dyads(coder, "Two car bombs exploded in Mogadishu on Saturday, killing at least 100 people.")
    assert dyads and all(source == "" and target.startswith("SOM") for source, target, _ in dyads)
    assert {code[:2] for _, _, code in dyads} == {"18"}


@pytest.mark.model
def test_coder_killing_after_an_attack_is_its_outcome(coder):
    dyads = _dyads(coder, "A roadside bomb struck a Malian army convoy on Friday, killing six soldiers.")
    assert dyads
    assert not any(code in ("1823", "202") for _, _, code in dyads)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # arriving peacekeepers are a deployment of protection, arriving weapons a delivery of military aid
        ("A first contingent of Kenyan peacekeepers arrived in Haiti on Tuesday.", "074"),
        ("U.N. peacekeeping troops arrived in South Sudan on Friday.", "074"),
        ("The first German Leopard tanks have arrived in Ukraine.", "072"),
        # a minister arriving is still a visit
        ("French Foreign Minister Catherine Colonna arrived in Beijing on Thursday.", "042"),
    ],
)
def test_verbs_arrival_by_who_arrives(nlp, text, code):
    assert code in [c for c, _ in _codes(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Two U.S. warships arrived in the eastern Mediterranean on Sunday.",
        "British troops arrived in Estonia on Monday for a NATO exercise.",
    ],
)
def test_verbs_military_arrival_is_no_visit(nlp, text):
    assert "042" not in [c for c, _ in _codes(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan demanded on Monday that China immediately free the detained businessman, warning of"
            " serious consequences if he was not released.",
            ("JPN", "CHN", "13"),
        ),
    ],
)
def test_coder_warning_after_a_demand_warns_its_addressee(coder, text, expected):
    assert expected in [(s[:3], t[:3], c[:2]) for s, t, c in _dyads(coder, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # naming is no phone call
        ("Iran condemned what it called a terrorist attack on its embassy.", "041"),
        # people questioned by police are interrogated, not opposed
        ("The journalist was detained for ten hours and questioned about his sources.", "110"),
    ],
)
def test_verbs_naming_and_interrogation_are_no_events(nlp, text, absent):
    assert absent not in [c for c, _ in _codes(nlp, text)]


@pytest.mark.model
def test_verbs_questioning_a_decision_is_disapproval(nlp):
    text = "Germany questioned the legitimacy of the referendum held in occupied Crimea."
    assert "110" in [c for c, _ in _codes(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "threatened measures *against* X": the object's target is the threat's
        ("Russia has threatened retaliatory measures against Estonia.", ("RUS", "EST", "13")),
        ("China threatened countermeasures on Lithuania over the Taiwan office.", ("CHN", "LTU", "13")),
    ],
)
def test_coder_threat_aimed_at_its_objects_target(coder, text, expected):
    assert expected in [(s[:3], t[:3], c[:2]) for s, t, c in _dyads(coder, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an investigation opened by prosecutors or police is a criminal one
        ("Prosecutors opened an investigation into the former finance minister on Tuesday.", "091"),
        ("French police have launched an inquiry into the mayor of Marseille.", "091"),
        # by anyone else it stays a generic investigation
        ("The European Commission opened an investigation into Chinese electric car makers.", "090"),
    ],
)
def test_verbs_investigation_kind_by_investigator(nlp, text, code):
    assert code in [c for c, _ in _codes(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # shooting an official who is not said to die is an attempted assassination
        ("The prime minister was shot and seriously wounded after a government meeting.", "185"),
        ("A gunman stabbed the mayor of Gdansk at a charity event.", "185"),
        ("Gunmen shot dead the provincial governor on Monday.", "186"),
        ("Gunmen killed the mayor of the town on Monday.", "186"),
    ],
)
def test_verbs_assassination_attempt_or_killing(nlp, text, code):
    assert code in [c for c, _ in _codes(nlp, text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Germany accepted 500 refugees from Greece on Monday.", "075"),
        ("Jordan said it will not accept any more refugees from Syria.", "1223"),
        ("The junta has restored press freedom in Mali.", "0811"),
        ("The government has taken steps to expand political freedoms.", "0811"),
    ],
)
def test_verbs_refugees_taken_in_and_freedoms_widened(nlp, text, code):
    assert code in {c for c, _ in _codes(nlp, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        # forces that got ready to strike show their force (150); readiness stated is still a threat
        ("Serbian troops prepared to attack the Albanian villages.", "150"),
        ("Iran is prepared to attack Israel.", "1384"),
    ],
)
def test_verbs_forces_preparing_to_strike(nlp, text, code):
    assert code in {c for c, _ in _codes(nlp, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Turkish authorities denied registration to the Kurdish party.", "120"),
        # "X said Y must be ready to ...": X demands the act of Y
        ("Egypt said on Monday that Israel must be ready to negotiate with the Palestinians.", "106"),
        ("The French minister said Iran should be willing to accept inspectors.", "0255"),
    ],
)
def test_verbs_denied_permits_and_obliged_readiness(nlp, text, code):
    assert [c for c, f in _codes(nlp, text) if f != "hypothetical"] == [code]
