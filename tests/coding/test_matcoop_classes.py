"""Material cooperation that real news reports in words the verb patterns used to miss or misread (conflibert
class 2, plv AID, CAMEO 06x-08x): peacekeepers sent to a country are a deployment (074), not an expulsion
(1661); equipment handed over or gifted is aid (070), armoured vehicles military aid (072) and medical
equipment humanitarian aid (073); a state that is someone's donor gives aid (070); deliveries, shipments,
transfers and sales named as nouns are aid of what they carry (072, 070, 073); training given to armed men
as a noun is military cooperation (062); people released from a side's custody or captivity are released by
that side (0841). Each row is a construction written for volte,
not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2021, 6, 8)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # peacekeepers sent *to* a country are contributed there (074), not withdrawn
        ("Ghana sent 400 peacekeepers to South Sudan.", ("GHA", "SSD", "074")),
        ("Bangladesh has sent a new contingent of peacekeepers to Mali.", ("BGD", "MLI", "074")),
        # peacekeepers shipped out of a place with no doer named: their own side withdraws them (1661)
        ("Fifty Ghanaian peacekeepers were shipped out of Lebanon.", ("GHAPKO", "LBN", "1661")),
        # equipment handed over or gifted to someone is aid (070)
        ("Japan handed over 15 ambulances to the Zambian health ministry.", ("JPN", "ZMBGOV", "070")),
        ("India gifted two patrol boats to Mozambique.", ("IND", "MOZ", "070")),
        (
            "The European Union handed over computers and generators to the Malian police.",
            ("IGOEEC", "MLICOP", "070"),
        ),
        # armoured vehicles delivered or handed over are military aid (072), not exports (061)
        ("France delivered 30 armoured vehicles to Niger.", ("FRA", "NER", "072")),
        ("China handed over armored personnel carriers to the Zimbabwean army.", ("CHN", "ZWEMIL", "072")),
        # medical equipment is humanitarian aid (073), not military aid
        ("Turkey handed over medical equipment to Libya.", ("TUR", "LBY", "073")),
        # a state that is (remains, has become) someone's donor gives aid
        ("Norway is the biggest donor to the Palestinian Authority.", ("NOR", "PSE", "070")),
        ("Sweden remains the largest donor of development aid in Ethiopia.", ("SWE", "ETH", "070")),
        ("Qatar has become Gaza's largest donor.", ("QAT", "PSE", "070")),
        # deliveries, shipments, transfers and sales named as nouns: aid of what they carry
        ("Poland's delivery of fighter jets to Ukraine began in March.", ("POL", "UKR", "072")),
        ("U.S. weapons shipments to Taiwan increased sharply last year.", ("USA", "TWN", "072")),
        ("Greece's shipment of artillery shells to Ukraine arrived in May.", ("GRC", "UKR", "072")),
        ("The sale of fighter jets to Egypt by France was completed last week.", ("FRA", "EGY", "072")),
        ("Jordan carried out the delivery of humanitarian aid to Gaza.", ("JOR", "PSE", "073")),
        ("Kuwait completed the transfer of aid to Yemen.", ("KWT", "YEM", "070")),
        # training given, begun or conducted for armed men as a noun: military cooperation with them (062)
        ("The EU provided training to Somali police officers.", ("IGOEEC", "SOMCOP", "062")),
        ("NATO began the training of Iraqi soldiers.", ("IGOWSTNAT", "IRQMIL", "062")),
        ("Iran conducted military training for Houthi fighters.", ("IRN", "YEMREBHTI", "062")),
        # released from a side's custody or captivity: that side releases them
        ("Twelve Palestinian detainees were released from Israeli custody.", ("ISR", "PSECVL", "0841")),
        ("Six Nigerian soldiers were freed from Boko Haram captivity.", ("NGAREBBKH", "NGAMIL", "0841")),
    ],
)
def test_material_cooperation(coder, text, expected):
    assert expected in {e[:3] for e in _events(coder, text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss", "code"),
    [
        # a deployment is no withdrawal: only peacekeepers pulled *from* (out of) a place are
        ("Nepal pulled its peacekeepers from Haiti.", "Nepal sent its peacekeepers to Haiti.", "1661"),
        ("Ghana pulled its peacekeepers out of Haiti.", "Ghana sent its peacekeepers to Haiti.", "1661"),
        # equipment handed over is aid; power or a town handed over is none
        (
            "Japan handed over 20 vehicles to the Ghanaian police.",
            "The army handed over power to the Ghanaian police.",
            "070",
        ),
        # only the copula makes a donor an act: donors meeting, or a donor in apposition, are not
        ("Germany is the biggest donor to Jordan.", "Donors to Jordan met in Berlin on Monday.", "070"),
        (
            "Germany is the biggest donor to Jordan.",
            "Germany, the biggest donor to Jordan, urged reforms.",
            "070",
        ),
        # a delivery of weapons is aid; a delivery blocked is the blocking
        (
            "Italy began the delivery of tanks to Ukraine.",
            "Hungary blocked the delivery of tanks to Ukraine.",
            "072",
        ),
        # training for armed men is military cooperation; training for journalists stays expertise shared
        (
            "Canada provided training to Ukrainian soldiers.",
            "Canada provided training to Ukrainian journalists.",
            "062",
        ),
        # custody names the holder; a hospital releases no one
        (
            "Four Thai workers were released from Hamas custody.",
            "Four Thai workers were released from a hospital in Tel Aviv.",
            "0841",
        ),
    ],
)
def test_near_misses(coder, coded, near_miss, code):
    assert [e for e in _events(coder, coded) if e[2] == code and e[0]]
    assert not [e for e in _events(coder, near_miss) if e[2] == code and e[0]]
