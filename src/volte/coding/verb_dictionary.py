"""Loading and validating volte's verb pattern files (``rules/verbs/*.yml``; format in docs/verbs.md).

Every problem in every file is collected as ``file:line: problem`` and raised once as a
:class:`~volte.errors.DictionaryError` (E301), so a broken dictionary shows all of its errors in one run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from volte.coding.cameo import is_code
from volte.errors import E_DICT_INVALID, E_DICT_MISSING, DictionaryError

# Where a pattern may look for its source or target actor (docs/verbs.md, "Slots").
SLOTS = frozenset(
    {
        "subject",
        "object",
        "dative",
        "poss",
        "obj_poss",
        "modifier",
        "governor_subject",
        "governor_object",
        "between",
        "clause_subject",
        "xcomp_object",
        "obj_clause_object",
        "condition_subject",
        "obj_modifier",
        "holder",
        "parties",
        "given_for",
        "victims",
        "subject_from",
    }
)
SLOT_PREFIXES = ("prep:", "obj_prep:")
KEYS = frozenset(
    {
        "id",
        "code",
        "verbs",
        "nouns",
        "adjectives",
        "object",
        "not_object",
        "subject",
        "not_subject",
        "prep",
        "particle",
        "xcomp",
        "compound",
        "source",
        "target",
        "symmetric",
        "statement",
        "intent",
        "passive",
        "note",
        "speaker_source",
        "alone",
        "paired",
        "clause_aux",
        "own_object",
        "idiom",
        "negated_only",
        "reached",
        "outranks",
        "under",
        "naming",
    }
)
# Copula idioms a pattern may require (``idiom:``); volte.coding.triggers reads each from the parse
IDIOMS = frozenset({"out_of_question", "not_negotiable"})
_ID = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_WORD = re.compile(r"^[a-z][a-z\-']*$")

DEFAULT_VERB_SOURCE = ("subject",)
DEFAULT_VERB_TARGET = ("object", "dative", "prep:with", "prep:against", "prep:on", "prep:to", "obj_poss")
DEFAULT_NOUN_SOURCE = ("poss", "prep:by", "modifier", "governor_subject")
DEFAULT_NOUN_TARGET = ("prep:against", "prep:on", "prep:with", "prep:to", "prep:of", "between", "obj_prep:on")


@dataclass(frozen=True)
class Pattern:
    """One verb or noun pattern. Empty cue tuples mean "no constraint"."""

    id: str
    code: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # predicative adjectives: "was *worried* about", "is *ready* to"
    object: tuple[str, ...] = ()  # lemma of the direct object head (or one of its compounds/amods)
    not_object: tuple[str, ...] = ()  # object lemmas that veto the pattern
    subject: tuple[str, ...] = ()  # lemma of the active subject (or one of its modifiers): *troops* arrived
    not_subject: tuple[str, ...] = ()  # subject lemmas that veto the pattern
    prep: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (preposition, object lemmas or () for any)
    particle: tuple[str, ...] = ()
    xcomp: tuple[str, ...] = ()  # lemma of an open complement: agree *to meet*
    clause_aux: tuple[str, ...] = ()  # a that-clause with one of these auxiliaries: said X *must* ...
    compound: tuple[str, ...] = ()  # noun triggers: a compound/amod modifier lemma (air strike)
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    symmetric: bool = False
    statement: bool = False  # generic "said" (010): only a fallback, off by default
    intent: str | None = None  # code when the event is announced for the future (else derived)
    passive: bool | None = None  # True: only passive voice; False: only active; None: either
    speaker_source: bool = False  # only in reported speech: the speaker accuses the trigger's subject
    alone: bool = False  # an event even when no target actor is known ("suicide bombers killed 23")
    paired: bool = False  # an event only with a known target, even in a one-sided root ("gave *the FBI* access")
    own_object: bool = False  # the object is the subject's own act: no other doer named on it
    idiom: str | None = None  # a copula's idiom the trigger must say: "is *out of the question*" (IDIOMS)
    negated_only: bool = False  # an event only when its verb is negated: "did *not* give permission" (120)
    reached: bool = False  # an agreement reached: failing to reach it is talks that failed (164)
    outranks: tuple[str, ...] = ()  # CAMEO roots of the same doer's events it is kept over in a sentence
    under: bool = False  # a noun trigger only as what its victim comes or is under: "came *under fire*"
    naming: bool = False  # no event when the verb names its object or has a particle ("called it *historic*", "called *off*")
    file: str = ""
    line: int = 0

    @property
    def specificity(self) -> int:
        """More constraints first: "impose sanctions" beats a bare "impose"."""
        preps = sum(3 if words else 2 for _, words in self.prep)
        return (
            preps
            + bool(self.object) * 2
            + bool(self.subject) * 2
            + bool(self.particle) * 2
            + bool(self.xcomp) * 2
            + bool(self.clause_aux) * 2
            + bool(self.compound)
            + self.own_object  # the object is the direct object, a constraint of its own
        )

    def sources_for(self, *, noun: bool) -> tuple[str, ...]:
        return self.source or (DEFAULT_NOUN_SOURCE if noun else DEFAULT_VERB_SOURCE)

    def targets_for(self, *, noun: bool) -> tuple[str, ...]:
        return self.target or (DEFAULT_NOUN_TARGET if noun else DEFAULT_VERB_TARGET)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records the 1-based line of every mapping under the key ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# YAML 1.1 reads `on:`/`off:`/`yes:`/`no:` as booleans; prepositions must stay words. Only true/false are booleans.
_LineLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def default_rule_files() -> list[Path]:
    """The pattern files shipped with volte, sorted by name."""
    folder = resources.files("volte.coding") / "rules" / "verbs"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".yml", ".yaml")))


def load_patterns(paths: Sequence[Path] | None = None) -> tuple[list[Pattern], str]:
    """Read and validate pattern files; return the patterns and a sha256 of the files' bytes."""
    files = list(paths) if paths is not None else default_rule_files()
    if not files:
        raise DictionaryError("no verb pattern files found (expected rules/verbs/*.yml)", code=E_DICT_MISSING)
    problems: list[str] = []
    patterns: list[Pattern] = []
    digest = hashlib.sha256()
    for path in files:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot read ({exc.strerror})")
            continue
        digest.update(raw)
        patterns.extend(_parse_file(Path(path), raw, problems))
    _check_unique_ids(patterns, problems)
    if problems:
        shown = "\n  ".join(problems)
        raise DictionaryError(
            f"{len(problems)} problem(s) in the verb dictionary:\n  {shown}", code=E_DICT_INVALID
        )
    return patterns, digest.hexdigest()


def _parse_file(path: Path, raw: bytes, problems: list[str]) -> list[Pattern]:
    bundled = Path(str(resources.files("volte.coding") / "rules" / "verbs"))
    name = path.name if path.parent.resolve() == bundled.resolve() else str(path)  # a user file: its path
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problems.append(f"{name}{line}: not valid YAML ({getattr(exc, 'problem', exc)})")
        return []
    if not isinstance(data, dict) or not isinstance(data.get("patterns"), list):
        problems.append(f"{name}:1: expected a mapping with a 'patterns:' list")
        return []
    out = []
    for item in data["patterns"]:
        if not isinstance(item, dict):
            problems.append(f"{name}: every entry of 'patterns' must be a mapping (got {item!r})")
            continue
        pattern = _parse_pattern(item, name, problems)
        if pattern is not None:
            out.append(pattern)
    return out


def _words(value: Any, key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        hint = (
            ' (true/false/null are YAML keywords: quote them, e.g. "false")'
            if isinstance(items, list) and any(isinstance(v, bool) or v is None for v in items)
            else ""
        )
        problems.append(f"{where}: '{key}' must be a word or a list of words{hint}")
        return ()
    bad = [v for v in items if not _WORD.match(v)]
    if bad:
        problems.append(f"{where}: '{key}' has invalid lemma(s) {bad} (lower-case single words only)")
    return tuple(items)


def _slots(value: Any, key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    items = _words_any(value)
    if items is None:
        problems.append(f"{where}: '{key}' must be a slot name or a list of slot names")
        return ()
    for slot in items:
        if slot not in SLOTS and not (slot.startswith(SLOT_PREFIXES) and slot.split(":", 1)[1].isalpha()):
            problems.append(
                f"{where}: unknown {key} slot {slot!r} (known: {', '.join(sorted(SLOTS))}, prep:<word>, obj_prep:<word>)"
            )
    return tuple(items)


def _words_any(value: Any) -> list[str] | None:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        return None
    return list(items)


def _preps(value: Any, where: str, problems: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(f"{where}: 'prep' must map a preposition to object lemmas, e.g. {{by: [phone]}}")
        return ()
    out = []
    for prep, objects in value.items():
        if prep == "__line__":
            continue
        if not isinstance(prep, str) or not _WORD.match(prep):
            problems.append(f"{where}: invalid preposition {prep!r} in 'prep'")
            continue
        out.append((prep, _words(objects or [], f"prep.{prep}", where, problems)))
    return tuple(out)


def _roots(value: Any, where: str, problems: list[str]) -> tuple[str, ...]:
    """``outranks``: a list of two-digit CAMEO roots ("17")."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    roots = tuple(str(v) for v in items)
    bad = [r for r in roots if not (len(r) == 2 and r.isdigit() and "01" <= r <= "20")]
    if bad:
        problems.append(f"{where}: 'outranks' takes CAMEO roots 01-20 as quoted strings, got {bad!r}")
        return ()
    return roots


def _code(value: Any, key: str, where: str, problems: list[str]) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        problems.append(f'{where}: {key} {value!r} must be a quoted string (write "{value:03d}")')
        return ""
    if not isinstance(value, str) or not is_code(value):
        problems.append(f'{where}: unknown CAMEO {key} {value!r} (codes are 2-4 digit strings such as "036")')
        return ""
    return value


def _parse_pattern(item: dict[str, Any], name: str, problems: list[str]) -> Pattern | None:
    line = int(item.get("__line__", 0))
    where = f"{name}:{line}"
    before = len(problems)
    unknown = sorted(str(k) for k in item if k not in KEYS and k != "__line__")
    if unknown:
        problems.append(f"{where}: unknown key(s) {unknown} (known: {', '.join(sorted(KEYS))})")
    pid = item.get("id")
    if not isinstance(pid, str) or not _ID.match(pid):
        problems.append(
            f"{where}: missing or invalid 'id' {pid!r} (lower-case letters, digits, '.', '_', '-')"
        )
    code = _code(item.get("code"), "code", where, problems)
    intent = _code(item["intent"], "intent", where, problems) if item.get("intent") is not None else None
    verbs = _words(item.get("verbs"), "verbs", where, problems)
    nouns = _words(item.get("nouns"), "nouns", where, problems)
    adjectives = _words(item.get("adjectives"), "adjectives", where, problems)
    if not verbs and not nouns and not adjectives:
        problems.append(f"{where}: a pattern needs 'verbs', 'nouns' or 'adjectives' (its trigger lemmas)")
    passive = item.get("passive")
    if passive is not None and not isinstance(passive, bool):
        problems.append(f"{where}: 'passive' must be true or false")
    flags = {
        k: item.get(k, False)
        for k in (
            "symmetric",
            "statement",
            "speaker_source",
            "alone",
            "paired",
            "own_object",
            "negated_only",
            "reached",
            "under",
            "naming",
        )
    }
    for key, flag in flags.items():
        if not isinstance(flag, bool):
            problems.append(f"{where}: '{key}' must be true or false")
    idiom = item.get("idiom")
    if idiom is not None and idiom not in IDIOMS:
        problems.append(f"{where}: unknown 'idiom' {idiom!r} (known: {', '.join(sorted(IDIOMS))})")
    outranks = _roots(item.get("outranks"), where, problems)
    pattern = Pattern(
        id=str(pid),
        code=code,
        verbs=verbs,
        nouns=nouns,
        adjectives=adjectives,
        object=_words(item.get("object"), "object", where, problems),
        not_object=_words(item.get("not_object"), "not_object", where, problems),
        subject=_words(item.get("subject"), "subject", where, problems),
        not_subject=_words(item.get("not_subject"), "not_subject", where, problems),
        prep=_preps(item.get("prep"), where, problems),
        particle=_words(item.get("particle"), "particle", where, problems),
        xcomp=_words(item.get("xcomp"), "xcomp", where, problems),
        clause_aux=_words(item.get("clause_aux"), "clause_aux", where, problems),
        compound=_words(item.get("compound"), "compound", where, problems),
        source=_slots(item.get("source"), "source", where, problems),
        target=_slots(item.get("target"), "target", where, problems),
        symmetric=bool(flags["symmetric"]),
        statement=bool(flags["statement"]),
        speaker_source=bool(flags["speaker_source"]),
        alone=bool(flags["alone"]),
        paired=bool(flags["paired"]),
        own_object=bool(flags["own_object"]),
        idiom=idiom if isinstance(idiom, str) else None,
        negated_only=bool(flags["negated_only"]),
        reached=bool(flags["reached"]),
        under=bool(flags["under"]),
        naming=bool(flags["naming"]),
        outranks=outranks,
        intent=intent,
        passive=passive if isinstance(passive, bool) else None,
        file=name,
        line=line,
    )
    return pattern if len(problems) == before else None


def _check_unique_ids(patterns: list[Pattern], problems: list[str]) -> None:
    seen: dict[str, Pattern] = {}
    for pattern in patterns:
        first = seen.setdefault(pattern.id, pattern)
        if first is not pattern:
            problems.append(
                f"{pattern.file}:{pattern.line}: duplicate pattern id {pattern.id!r} (first at {first.file}:{first.line})"
            )
