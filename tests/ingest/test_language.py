"""Language screening: English is never rejected (short texts, wire datelines, low confidence), real
non-English news still is (E208)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from volte.ingest.extract import article_from_text
from volte.records import Article, Reject

SHARED_EVAL = Path(os.environ.get("VOLTE_SHARED", Path(__file__).resolve().parents[3] / "shared")) / "eval"

# Our own sentences, written for these tests: news in the languages volte does not code.
FOREIGN = [
    (
        "de",
        "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen, teilte ein Sprecher in Berlin mit.",
    ),
    (
        "de",
        "BERLIN, 3. März (dpa) - Die Polizei hat bei Protesten gegen die Regierung mehrere Demonstranten festgenommen.",
    ),
    ("de", "Kanzler trifft Präsidenten in Paris"),
    ("de", "Österreich weist zwei russische Diplomaten aus"),
    (
        "fr",
        "Le gouvernement français a condamné mardi l'attaque contre une base militaire au Mali, selon un communiqué.",
    ),
    (
        "fr",
        "PARIS, 5 mai (AFP) - Le président a reçu son homologue ivoirien pour discuter de la sécurité au Sahel.",
    ),
    ("fr", "La police disperse une manifestation à Dakar"),
    ("fr", "Le Mali expulse l'ambassadeur de France"),
    (
        "es",
        "El presidente de Colombia anunció el lunes un acuerdo de alto el fuego con el grupo rebelde ELN.",
    ),
    (
        "es",
        "BOGOTÁ, 12 mar (EFE) - El Ejército colombiano capturó a tres presuntos miembros de una banda criminal.",
    ),
    ("es", "Ecuador expulsa al embajador de México"),
    ("es", "La policía detuvo a decenas de manifestantes frente al Congreso en Lima."),
    ("ru", "Министр иностранных дел России провёл в среду переговоры со своим китайским коллегой в Москве."),
    ("ru", "МОСКВА, 4 апреля (ТАСС) - Россия выслала двух дипломатов Эстонии в ответ на действия Таллина."),
    ("ru", "Путин встретился с Си Цзиньпином"),
    ("ru", "В результате обстрела погибли три мирных жителя."),
]

# English the identifier alone gets wrong: a wire dateline full of names, headlines, foreign names.
ENGLISH = [
    "SEOUL, Nov. 26 (Xinhua) -- South Korea's ICT ministry decided Monday to inspect all telecommunication "
    "facilities across the country after a fire at a KT Corp. building disrupted phone and internet services.",
    "SEOUL, Nov. 26 (Xinhua) -- South Korea's ICT ministry decided Monday to inspect all telecommunication facilities",
    "The US Congress agreed to lift embargoes on pharmaceutical sales in late February to Iran, Libya, North Korea, "
    "Sudan, and with strings attached, Cuba.",
    "U.S. Lifts Travel Ban to Lebanon.",
    "Merkel, Steinmeier und Schulz: German coalition talks collapse",
    "São Paulo Governor João Doria criticized Bolsonaro.",
    "Bundeswehr troops arrive in Lithuania",
]


@pytest.mark.issue(16)
@pytest.mark.parametrize("text", ENGLISH)
def test_language_english_is_never_rejected(text: str) -> None:
    article = article_from_text(text, doc_id="x")
    assert isinstance(article, Article), article.reason if isinstance(article, Reject) else article
    assert article.lang == "en"


@pytest.mark.issue(16)
@pytest.mark.parametrize(("lang", "text"), FOREIGN)
def test_language_real_non_english_is_rejected(lang: str, text: str) -> None:
    reject = article_from_text(text, doc_id="x")
    assert isinstance(reject, Reject) and reject.code == "E208"
    assert f"'{lang}'" in reject.reason


def _english_dev_texts() -> list[tuple[str, str]]:
    files = sorted(p for p in SHARED_EVAL.glob("*.jsonl") if not p.name.startswith("tempeval"))
    if not files:
        pytest.skip(f"no English dev sets in {SHARED_EVAL}")
    texts = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    texts.append((f"{path.name}:{json.loads(line).get('id')}", text))
    return texts


@pytest.mark.issue(16)
def test_language_false_reject_rate_on_english_dev_sets_is_zero() -> None:
    texts = _english_dev_texts()
    rejected = [
        (where, item.reason)
        for where, text in texts
        if isinstance(item := article_from_text(text, doc_id=where), Reject) and item.code == "E208"
    ]
    assert rejected == [], f"{len(rejected)} of {len(texts)} English dev sentences rejected as non-English"


@pytest.mark.issue(16)
def test_language_short_english_fragments_are_not_rejected() -> None:
    """Headline-sized English: the first 60 characters of every dev sentence (cut mid-word)."""
    texts = _english_dev_texts()
    rejected = [
        (where, text[:60])
        for where, text in texts
        if isinstance(item := article_from_text(text[:60], doc_id=where), Reject) and item.code == "E208"
    ]
    assert rejected == [], f"{len(rejected)} of {len(texts)} 60-character English fragments rejected"
