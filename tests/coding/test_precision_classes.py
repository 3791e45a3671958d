"""False events that real news used to get (precision; conflibert false classes, plv false PLOVER labels): fighting
words said of a problem or a cause ("fight corruption", "battling the pandemic", "fighting for justice") are no force
(190); workers who strike stage a labour strike (143), not an attack; asking *about* something or *whether* it is
so is a question, not an appeal (020); an accusation that someone rejects is never the rejecter's own;
rescue, relief, search or surgical operations are no military operation (190); journalists met or a news agency
informed hear a statement, no consultation (040); an event "following" which
something happened is background even where the parser makes "following" a verb. Each row is a construction
written for volte, not a line of a gold set."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from coded_article import quads

PUBLISHED = date(2019, 3, 11)


_events = partial(quads, published=PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # fighting a problem: no force, announced or done
        ("Germany pledged to fight corruption in Ukraine.", "1"),
        ("The Kenyan minister vowed to fight poverty in rural areas.", "1"),
        ("Nigeria has been fighting the coronavirus pandemic for months.", "19"),
        ("Sweden spent billions on fighting the root causes of migration in Africa.", "19"),
        ("Brazil is battling wildfires in the Amazon.", "19"),
        ("India waged war on poverty in the 1970s.", "19"),
        ("Ghana declared war on illegal mining and corruption.", "19"),
        # fighting for a cause
        ("The British prime minister is fighting for justice for the victims of the bombing.", "19"),
        ("Kenya's president said he would fight for justice for the victims.", "1"),
        # a labour strike is no attack
        ("Dock workers in Chile struck for higher pay on Monday.", "19"),
        ("Teachers in Kenya struck on Monday, closing schools.", "19"),
        # a question is no appeal
        ("When asked about the sanctions, the Russian foreign minister said Moscow would respond.", "02"),
        ("The Afghan president met Sharif in London and asked about his health.", "02"),
        ("The White House declined to comment when asked about the talks with Iran.", "02"),
        ("The EU asked Turkey how many refugees it had taken in.", "02"),
        # operations that are work, not force
        ("Nigerian soldiers carried out a rescue operation in the flooded town of Lokoja.", "19"),
        ("The Indian navy launched a search operation for the missing fishermen off Kerala.", "19"),
        ("The Nepal Army said it had launched a search and rescue operation in areas hit by the bombing.", "19"),
        ("The Pakistani army conducted relief operations in Sindh after the floods.", "19"),
        ("The Egyptian air force carried out surgical operations for displaced people in Sinai.", "19"),
        ("Kenyan police launched a sting operation against drug dealers in Mombasa.", "19"),
        # the press met or informed hears a statement: no consultation
        ("The Turkish president met journalists from Turkish newspapers in Ankara.", "04"),
        ("Foreign journalists met the Iranian foreign minister in Tehran.", "04"),
        ("The Hungarian ministry informed the national news agency MTI on Saturday.", "04"),
        # an event "following" which something happened is background
        ("The Sri Lankan police chief refused to step down following suicide bombings on churches.", "18"),
        ("Oil prices rose following Houthi drone attacks on Saudi oil facilities.", "19"),
    ],
)
def test_no_false_event(coder, text, unexpected):
    assert not [e for e in _events(coder, text) if e[2].startswith(unexpected)], _events(coder, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a labour strike is a strike (143) against the strikers' government when none is named
        ("Dock workers in Chile struck for higher pay on Monday.", ("CHLLAB", "CHLGOV", "143")),
        ("Nurses in Britain struck against the government over pay.", ("GBRHLH", "GBRGOV", "143")),
        # a rejected accusation, kept, is the accuser's, never the rejecter's
        ("Ethiopia rejected accusations by the United States that Ethiopian troops committed atrocities.", ("USA", "ETHMIL", "112")),
        ("Egypt denied allegations by Amnesty that Egyptian police tortured detainees.", ("NGOHRIAMN", "EGYCOP", "112")),
    ],
)
def test_event(coder, text, expected):
    found = _events(coder, text)
    assert expected in {e[:3] for e in found}, found


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "rejecter", "code"),
    [
        # what is rejected or denied is not the rejecter's own accusation
        ("Ethiopia rejected accusations by the United States that its army committed atrocities.", "ETH", "112"),
        ("Egypt denied allegations by Amnesty that its police tortured detainees.", "EGY", "112"),
        ("Russia dismissed the claim by Britain that its agents poisoned Skripal.", "RUS", "112"),
        ("Iran dismissed accusations from Saudi Arabia that Iranian agents attacked the tankers.", "IRN", "112"),
    ],
)
def test_rejected_act_not_the_rejecters(coder, text, rejecter, code):
    found = _events(coder, text)
    assert not [e for e in found if e[0].startswith(rejecter) and e[2].startswith(code)], found


@pytest.mark.model
@pytest.mark.parametrize(
    ("coded", "near_miss", "root"),
    [
        # fighting a side is force; fighting a problem is not
        ("Syrian troops fought rebels in Idlib.", "Syrian officials fought corruption in Idlib.", "19"),
        ("Israel vowed to fight Hamas in Gaza.", "Israel vowed to fight poverty in the Negev.", "13"),
        ("Russia declared war on Ukraine.", "Ghana declared war on corruption.", "19"),
        ("Kurdish fighters fought against Islamic State in Kobani.", "Kurdish women fought for justice in Kobani.", "19"),
        # jets strike, workers strike work
        ("Israeli jets struck Hamas targets in Gaza.", "Israeli workers struck for higher wages in Haifa.", "19"),
        # a union striking a deal strikes no blow
        ("Zambian miners struck on Monday.", "Zambian miners struck a deal with the government.", "14"),
        # asking someone to act is an appeal; asking about something is not
        ("Greece asked NATO to patrol its airspace.", "Greece asked NATO about its airspace patrols.", "02"),
        ("Britain asked India for consular access to Michel.", "Britain asked India about consular access to Michel.", "02"),
        # meeting a leader is a consultation; meeting the press is not
        ("The Turkish president met Putin in Sochi.", "The Turkish president met reporters in Sochi.", "04"),
        # a military operation is force; a rescue operation is not
        (
            "Turkish troops launched a military operation against Kurdish militants in Syria.",
            "Turkish troops launched a rescue operation for Kurdish villagers in Syria.",
            "19",
        ),
    ],
)
def test_near_misses(coder, coded, near_miss, root):
    assert root in {e[2][:2] for e in _events(coder, coded)}, _events(coder, coded)
    assert root not in {e[2][:2] for e in _events(coder, near_miss)}, _events(coder, near_miss)
