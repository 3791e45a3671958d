"""The coder's word lists, each defined once in ``rules/lexicon/words.yml`` (issue 13).

``words(key)`` is a list as a frozenset, ``ordered(key)`` as a tuple in file order (months). The file is
read and checked once per process: every problem (a key that is not a list of words, a word that is not a
lower-case string, a word listed twice; words are read as written, so ``on`` and ``off`` are words, not YAML
booleans) is collected as ``file:line: key: problem`` and raised once as a
:class:`~volte.errors.DictionaryError` (E301), as the verb and actor dictionaries do. CAMEO code prefixes
(``non_state_prefixes``) are the one list written in capitals.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from volte.errors import E_DICT_INVALID, E_DICT_MISSING, DictionaryError

__all__ = ["default_path", "load_words", "ordered", "words"]

_HEADER = {"version": 1, "kind": "words"}
_CODE_LISTS = frozenset({"non_state_prefixes"})  # CAMEO prefixes: upper case


def default_path() -> Path:
    return Path(str(resources.files("volte.coding") / "rules" / "lexicon" / "words.yml"))


def load_words(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Read and check a word-list file; every list by its key, in file order."""
    path = Path(path) if path is not None else default_path()
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(
            f"word list file {path} cannot be read ({exc.strerror})", code=E_DICT_MISSING
        ) from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DictionaryError(
            f"{name}{line}: not valid YAML ({getattr(exc, 'problem', exc)})", code=E_DICT_INVALID
        ) from exc
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(f"{name}:1: expected a mapping of word lists", code=E_DICT_INVALID)
    problems: list[str] = []
    lists: dict[str, tuple[str, ...]] = {}
    header: dict[str, object] = {}
    for key_node, value_node in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        where = f"{name}:{line}: {key}"
        if key in _HEADER:
            header[key] = yaml.safe_load(yaml.serialize(value_node))
            continue
        if key in lists:
            problems.append(f"{where}: defined twice")
            continue
        if not isinstance(value_node, yaml.SequenceNode) or not value_node.value:
            problems.append(f"{where}: expected a non-empty list of words")
            continue
        found: list[str] = []
        for item in value_node.value:
            word = (
                item.value if isinstance(item, yaml.ScalarNode) else None
            )  # "on", "off": words, not booleans
            at = f"{name}:{item.start_mark.line + 1}: {key}"
            if not word or word != word.strip():
                problems.append(f"{at}: {_shown(item)} is not a word")
            elif word != (word.upper() if key in _CODE_LISTS else word.lower()):
                case = "upper" if key in _CODE_LISTS else "lower"
                problems.append(f"{at}: {word!r} is not in {case} case")
            elif word in found:
                problems.append(f"{at}: {word!r} is listed twice")
            else:
                found.append(word)
        lists[key] = tuple(found)
    for key, value in _HEADER.items():
        if header.get(key) != value:
            problems.append(f"{name}:1: {key}: expected {value!r} (got {header.get(key)!r})")
    if problems:
        shown = "\n  ".join(problems)
        raise DictionaryError(
            f"{len(problems)} problem(s) in the word lists:\n  {shown}", code=E_DICT_INVALID
        )
    return lists


def _shown(node: yaml.Node) -> str:
    return repr(node.value) if isinstance(node, yaml.ScalarNode) else f"a {type(node).__name__[:-4].lower()}"


@lru_cache(maxsize=1)
def _default() -> dict[str, tuple[str, ...]]:
    return load_words()


def ordered(key: str) -> tuple[str, ...]:
    """The list ``key`` of the bundled file, in file order."""
    try:
        return _default()[key]
    except KeyError:
        raise DictionaryError(f"{default_path().name}: no word list {key!r}", code=E_DICT_INVALID) from None


def words(key: str) -> frozenset[str]:
    """The list ``key`` of the bundled file, as a set."""
    return frozenset(ordered(key))
