"""Loading, validating and indexing volte's actor dictionary (``rules/actors/*.yml``).

The dictionary is plain YAML written for people (format in ``docs/actors.md``). Loading validates every
entry and collects every problem as ``file:line: problem`` before raising one ``DictionaryError`` (E301).
The result is indexed once by token tuples (lower-cased, accent-folded) so that matching a sentence is a
handful of dictionary look-ups per token.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from volte.coding.lexicon import words
from volte.errors import E_DICT_INVALID, E_DICT_MISSING, DictionaryError

log = logging.getLogger(__name__)

RULES_DIR = Path(__file__).resolve().parent / "rules" / "actors"
FORMAT_VERSION = 1
KINDS = ("states", "organizations", "roles", "people")
# CAMEO role codes that role nouns may carry (country + role, e.g. COLMIL).
ROLE_CODES = frozenset(
    "GOV MIL COP REB OPP LEG JUD BUS MED CVL LAB EDU REF SPY CRM ELI NGO IGO INS SEP UAF AGR DEV ENV HLH HRI "
    "MOD RAD PTY REL SET PKO".split()
)
# First trios that are not states: international and non-state prefixes of CAMEO.
NON_STATE_PREFIXES = words("non_state_prefixes")
REGION_CODES = frozenset(
    "AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF WST "
    "WSB GZS".split()
)
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
# Kinds of name a match can be (the resolver combines them).
STATE, ADJ, SEAT, ORG, PERSON, SURNAME, ROLE = "state", "adj", "seat", "org", "person", "surname", "role"

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


def fold(text: str) -> str:
    """Lower-case, accent-free, straight-apostrophe form used for every look-up ("Bogotá" -> "bogota")."""
    text = text.translate(_APOSTROPHES).lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Period:
    """A dated code: ``code`` holds from ``start`` to ``end`` (both inclusive; None = open)."""

    code: str
    start: date | None
    end: date | None
    title: str = ""

    def covers(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Entry:
    """One dictionary entry: a state, an organization, a role noun or a person."""

    id: str
    kind: str  # state | org | role | person
    code: str  # undated code (people: the code outside every period)
    country: str = ""  # ISO-3 of the state behind the entry (when there is one)
    periods: tuple[Period, ...] = ()
    famous: bool = False  # people: surname alone resolves without an introduction
    pronoun: str = ""  # people: "he" (default) or "she"; he/she pronouns skip the other
    source: str = ""  # file:line, for explanations and errors

    def code_on(self, on: date | None) -> tuple[str, Period | None]:
        """The code on a date; without a date, the open-ended (current) period if any."""
        for period in self.periods:
            if (on is None and period.end is None) or (on is not None and period.covers(on)):
                return period.code, period
        return self.code, None


@dataclass(frozen=True)
class Name:
    """One way of writing an entry: its token keys and how the text must be cased to match."""

    entry: Entry
    kind: str  # state | adj | seat | org | person | surname | role
    code: str  # code this name gives (seats: ISO+role; adjectives: ISO)
    cased: tuple[str, ...]  # per token: "exact" (acronym), "upper" (capitalised) or "" (any)


@dataclass
class ActorIndex:
    """Token-tuple index over every name (built once per dictionary)."""

    names: dict[tuple[str, ...], list[Name]] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)  # first token -> longest name starting with it


class _LineLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML loader that records each mapping's line as ``__line__``."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    lambda loader, node: loader.construct_mapping(node, deep=True),
)
# Dates stay strings so that a bad one ("2020-02-30") becomes a problem with its line, not a crash.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Problems:
    """Collects ``file:line: problem`` strings; raises once at the end of loading."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            for item in self.items:
                log.error("%s", item)
            head = f"actor dictionary has {len(self.items)} problem(s); fix them and reload:\n  "
            raise DictionaryError(head + "\n  ".join(self.items), code=E_DICT_INVALID)


def default_paths() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yml"))


def read_files(paths: Sequence[Path], problems: Problems) -> list[tuple[Path, dict[str, Any]]]:
    """Parse each file; syntax errors and bad headers become problems."""
    docs: list[tuple[Path, dict[str, Any]]] = []
    for path in paths:
        if not path.is_file():
            raise DictionaryError(f"actor dictionary file {path} does not exist", code=E_DICT_MISSING)
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (safe loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problems.add(f"{path}:{line}", f"YAML syntax error: {getattr(exc, 'problem', exc)}")
            continue
        except (ValueError, TypeError) as exc:
            problems.add(f"{path}:1", f"YAML value error: {exc}")
            continue
        if not isinstance(data, dict):
            problems.add(f"{path}:1", "top level must be a mapping with keys version, kind, entries")
            continue
        if data.get("version") != FORMAT_VERSION:
            problems.add(f"{path}:1", f"version must be {FORMAT_VERSION}, got {data.get('version')!r}")
        if data.get("kind") not in KINDS:
            problems.add(f"{path}:1", f"kind must be one of {', '.join(KINDS)}, got {data.get('kind')!r}")
            continue
        if not isinstance(data.get("entries"), list):
            problems.add(f"{path}:1", "entries must be a list")
            continue
        docs.append((path, data))
    return docs


def parse_date(value: Any, where: str, problems: Problems) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.add(where, f"date {value!r} is not YYYY-MM-DD")
        return None


def check_code(code: Any, where: str, problems: Problems, *, states: frozenset[str]) -> bool:
    """A code is trios of capitals whose first trio is a state, region or international prefix."""
    if not isinstance(code, str) or not CODE_RE.match(code):
        problems.add(where, f"code {code!r} must be 3-letter groups in capitals (COL, COLGOV, IGOUNO)")
        return False
    if states and code[:3] not in states | NON_STATE_PREFIXES | REGION_CODES:
        problems.add(where, f"code {code!r} starts with {code[:3]!r}, which is no known state or prefix")
        return False
    return True


def str_list(value: Any, where: str, key: str, problems: Problems) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(where, f"{key} must be a list of non-empty strings")
        return []
    return [v.strip() for v in value]


def check_keys(
    item: dict[str, Any], where: str, problems: Problems, *, required: Iterable[str], allowed: Iterable[str]
) -> bool:
    ok = True
    for key in required:
        value = item.get(key)
        if value is None or value == "" or value == []:
            problems.add(where, f"missing required key {key!r}")
            ok = False
        elif key in ("name", "id", "role") and not isinstance(value, str):
            problems.add(where, f"{key} must be a string, got {value!r}")
            ok = False
    unknown = sorted(set(item) - set(allowed) - set(required) - {"__line__"})
    for key in unknown:
        problems.add(
            where, f"unknown key {key!r} (allowed: {', '.join(sorted(set(allowed) | set(required)))})"
        )
    return ok


def is_before(a: date | None, b: date | None) -> bool:
    return a is None or b is None or a <= b


def overlapping(periods: Sequence[Period]) -> bool:
    ordered = sorted(periods, key=lambda p: p.start or date.min)
    return any(prev.end is None or (nxt.start or date.min) <= prev.end for prev, nxt in pairwise(ordered))


# ---------------------------------------------------------------- entries per file kind

_STATE_KEYS = ("name", "names", "adj", "capital", "seats", "alias_codes", "note")
_ORG_KEYS = ("names", "country", "roles", "note")
_ROLE_KEYS = ("nouns", "alone", "note")
_PERSON_KEYS = ("aliases", "short", "roles", "otherwise", "famous", "pronoun", "note")


@dataclass
class _Raw:
    """A name before tokenisation: the entry, the kind of name, the code it gives, where it was written."""

    text: str
    entry: Entry
    kind: str
    code: str
    where: str


def state_entries(path: Path, items: list[Any], problems: Problems) -> tuple[list[_Raw], set[str]]:
    raws: list[_Raw] = []
    codes: set[str] = set()
    for item in items:
        where = f"{path}:{item.get('__line__', 1) if isinstance(item, dict) else 1}"
        if not isinstance(item, dict) or not check_keys(
            item, where, problems, required=("code", "name"), allowed=_STATE_KEYS
        ):
            continue
        code = item["code"]
        if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{3}", code):
            problems.add(where, f"state code {code!r} must be ISO-3166 alpha-3 (3 capitals)")
            continue
        codes.add(code)
        codes.update(str_list(item.get("alias_codes"), where, "alias_codes", problems))
        entry = Entry(id=f"state:{code}", kind="state", code=code, country=code, source=where)
        names = [item["name"], *str_list(item.get("names"), where, "names", problems)]
        raws += [_Raw(n, entry, STATE, code, where) for n in names]
        raws += [_Raw(n, entry, ADJ, code, where) for n in str_list(item.get("adj"), where, "adj", problems)]
        capitals = str_list(item.get("capital"), where, "capital", problems)
        raws += [_Raw(n, entry, SEAT, code + "GOV", where) for n in capitals]
        seats = item.get("seats") or {}
        if not isinstance(seats, dict):
            problems.add(where, "seats must map a role code to a list of names (GOV: [White House])")
            continue
        for role, names_ in seats.items():
            if role == "__line__":
                continue
            if role not in ROLE_CODES:
                problems.add(where, f"seats: unknown role {role!r} (one of {', '.join(sorted(ROLE_CODES))})")
                continue
            raws += [
                _Raw(n, entry, SEAT, code + role, where) for n in str_list(names_, where, "seats", problems)
            ]
    return raws, codes


def state_aliases(items: list[Any]) -> dict[str, str]:
    """Alias code -> ISO code of every state entry that lists ``alias_codes`` (already validated)."""
    out: dict[str, str] = {}
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("alias_codes"), list):
            out.update({str(alias): str(item["code"]) for alias in item["alias_codes"]})
    return out


def read_periods(value: Any, where: str, problems: Problems, states: frozenset[str]) -> tuple[Period, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add(where, "roles must be a list of {code, from, until, title}")
        return ()
    periods = []
    for item in value:
        line = f"{where.rsplit(':', 1)[0]}:{item.get('__line__')}" if isinstance(item, dict) else where
        if not isinstance(item, dict) or not check_keys(
            item, line, problems, required=("code",), allowed=("from", "until", "title")
        ):
            continue
        if not check_code(item["code"], line, problems, states=states):
            continue
        start = parse_date(item.get("from"), line, problems)
        end = parse_date(item.get("until"), line, problems)
        if not is_before(start, end):
            problems.add(line, f"role {item['code']} ends ({end}) before it starts ({start})")
            continue
        periods.append(Period(item["code"], start, end, str(item.get("title") or "")))
    if overlapping(periods):
        problems.add(
            where, "roles overlap in time; a date must select one role (split or end the earlier one)"
        )
    return tuple(sorted(periods, key=lambda p: p.start or date.min))


def org_entries(path: Path, items: list[Any], problems: Problems, states: frozenset[str]) -> list[_Raw]:
    raws: list[_Raw] = []
    for item in items:
        where = f"{path}:{item.get('__line__', 1) if isinstance(item, dict) else 1}"
        if not isinstance(item, dict) or not check_keys(
            item, where, problems, required=("id", "code", "names"), allowed=_ORG_KEYS
        ):
            continue
        if not check_code(item["code"], where, problems, states=states):
            continue
        country = item["code"][:3] if item["code"][:3] in states else str(item.get("country") or "")
        periods = read_periods(item.get("roles"), where, problems, states)
        entry = Entry(
            id=f"org:{item['id']}",
            kind="org",
            code=item["code"],
            country=country,
            periods=periods,
            source=where,
        )
        raws += [
            _Raw(n, entry, ORG, item["code"], where)
            for n in str_list(item["names"], where, "names", problems)
        ]
    return raws


def role_entries(path: Path, items: list[Any], problems: Problems, states: frozenset[str]) -> list[_Raw]:
    raws: list[_Raw] = []
    for item in items:
        where = f"{path}:{item.get('__line__', 1) if isinstance(item, dict) else 1}"
        if not isinstance(item, dict) or not check_keys(
            item, where, problems, required=("id", "role", "nouns"), allowed=_ROLE_KEYS
        ):
            continue
        role = item["role"]
        if role not in ROLE_CODES:
            problems.add(where, f"unknown role {role!r} (one of {', '.join(sorted(ROLE_CODES))})")
            continue
        alone = str(item.get("alone") or "")
        if alone and not check_code(alone, where, problems, states=states):
            continue
        entry = Entry(id=f"role:{item['id']}", kind="role", code=role, country=alone, source=where)
        for noun in str_list(item["nouns"], where, "nouns", problems):
            raws += [_Raw(form, entry, ROLE, role, where) for form in {noun, plural(noun)}]
    return raws


def person_entries(path: Path, items: list[Any], problems: Problems, states: frozenset[str]) -> list[_Raw]:
    raws: list[_Raw] = []
    for item in items:
        where = f"{path}:{item.get('__line__', 1) if isinstance(item, dict) else 1}"
        if not isinstance(item, dict) or not check_keys(
            item, where, problems, required=("id", "name", "country"), allowed=_PERSON_KEYS
        ):
            continue
        country = item["country"]
        if not check_code(country, where, problems, states=states):
            continue
        otherwise = "ELI" if item.get("otherwise") is None else str(item["otherwise"])
        code = country[:3] + otherwise if (otherwise in ROLE_CODES or otherwise == "") else otherwise
        if not check_code(code, where, problems, states=states):
            continue
        periods = read_periods(item.get("roles"), where, problems, states)
        pronoun = str(item.get("pronoun") or "he")
        if pronoun not in ("he", "she"):
            problems.add(where, f"pronoun must be he or she, got {pronoun!r}")
        entry = Entry(
            id=f"person:{item['id']}",
            kind="person",
            code=code,
            country=country[:3],
            periods=periods,
            famous=bool(item.get("famous")),
            pronoun=pronoun,
            source=where,
        )
        full = [item["name"], *str_list(item.get("aliases"), where, "aliases", problems)]
        raws += [_Raw(n, entry, PERSON, code, where) for n in full]
        short = (
            str_list(item["short"], where, "short", problems)
            if "short" in item
            else [item["name"].split()[-1]]
        )
        raws += [_Raw(n, entry, SURNAME, code, where) for n in short if n not in full]
    return raws


def plural(noun: str) -> str:
    """English plural of a role noun's last word ("soldier" -> "soldiers", "policeman" -> "policemen")."""
    head, _, last = noun.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def adjective_plurals(raws: list[_Raw]) -> list[_Raw]:
    """Demonyms used as nouns ("Colombians", "Emiratis": people, CVL) for adjectives ending in -n or -i."""
    return [
        _Raw(r.text + "s", r.entry, r.kind, r.code + "CVL", r.where)
        for r in raws
        if r.kind == ADJ and r.text.endswith(("n", "i"))
    ]


# ---------------------------------------------------------------- the index


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    # lazy: spaCy costs 0.5 s; loading the dictionary does not need it (measured)
    import spacy

    return spacy.blank("en").tokenizer


def token_casing(token: str, kind: str) -> str:
    if kind == ROLE:
        return ""
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "exact"
    return "upper" if token[:1].isupper() else ""


def build_index(raws: list[_Raw], problems: Problems) -> ActorIndex:
    index = ActorIndex()
    owner: dict[tuple[tuple[str, ...], str], _Raw] = {}
    tokenizer = _tokenizer()
    for raw in raws:
        text = raw.text[4:] if raw.text.lower().startswith("the ") and raw.kind != ROLE else raw.text
        tokens = [t.text for t in tokenizer(text.translate(_APOSTROPHES))]
        key = tuple(fold(t) for t in tokens)
        slot = "surname" if raw.kind == SURNAME else "name"
        seen = owner.get((key, slot))
        if seen is not None and seen.code != raw.code and raw.kind != SURNAME:
            problems.add(raw.where, f"name {raw.text!r} ({raw.code}) is already {seen.code} at {seen.where}")
            continue
        if seen is not None and seen.entry is raw.entry:
            continue
        owner[(key, slot)] = raw
        cased = tuple(token_casing(t, raw.kind) for t in tokens)
        index.names.setdefault(key, []).append(Name(raw.entry, raw.kind, raw.code, cased))
        index.first[key[0]] = max(index.first.get(key[0], 0), len(key))
    return index


class ActorDictionary:
    """The validated, indexed actor dictionary. Build with ``ActorDictionary.load()``."""

    def __init__(
        self,
        index: ActorIndex,
        entries: dict[str, Entry],
        paths: Sequence[Path],
        *,
        aliases: dict[str, str] | None = None,
    ) -> None:
        self.index = index
        self.entries = entries
        self.paths = tuple(paths)
        self.aliases = dict(aliases or {})  # other state codes -> ISO ("KSV" -> "XKX", "ROM" -> "ROU")

    @cached_property
    def last_names(self) -> dict[str, tuple[Entry, ...]]:
        """Folded last word of every person's whole name (two words or more) -> the people (built once)."""
        found: dict[str, dict[str, Entry]] = {}
        for key, names in self.index.names.items():
            for name in names:
                if name.kind == PERSON and len(key) > 1:
                    found.setdefault(key[-1], {})[name.entry.id] = name.entry
        return {k: tuple(v.values()) for k, v in found.items()}

    def canonical_code(self, code: str) -> str:
        """The code with an alias state prefix replaced by the ISO code ("KSVGOV" -> "XKXGOV")."""
        iso = self.aliases.get(code[:3])
        return iso + code[3:] if iso is not None else code

    @classmethod
    def load(cls, paths: Sequence[Path] | None = None) -> ActorDictionary:
        """Read, validate and index the files (default: the package's ``rules/actors/*.yml``)."""
        paths = [Path(p) for p in paths] if paths is not None else default_paths()
        if not paths:
            raise DictionaryError(f"no actor dictionary files found in {RULES_DIR}", code=E_DICT_MISSING)
        problems = Problems()
        docs = read_files(paths, problems)
        raws: list[_Raw] = []
        states: set[str] = set()
        aliases: dict[str, str] = {}
        for path, data in docs:
            if data["kind"] == "states":
                state_raws, codes = state_entries(path, data["entries"], problems)
                raws += state_raws + adjective_plurals(state_raws)
                states |= codes
                aliases.update(state_aliases(data["entries"]))
        known = frozenset(states)
        builders = {"organizations": org_entries, "roles": role_entries, "people": person_entries}
        for path, data in docs:
            if data["kind"] in builders:
                raws += builders[data["kind"]](path, data["entries"], problems, known)
        check_ids(raws, problems)
        index = build_index(raws, problems)
        problems.raise_if_any()
        entries = {r.entry.id: r.entry for r in raws}
        log.info(
            "actor dictionary: %d entries, %d names from %d files", len(entries), len(index.names), len(paths)
        )
        return cls(index, entries, paths, aliases=aliases)


def check_ids(raws: list[_Raw], problems: Problems) -> None:
    first: dict[str, Entry] = {}
    for raw in raws:
        seen = first.setdefault(raw.entry.id, raw.entry)
        if seen is not raw.entry and seen.source != raw.entry.source:
            problems.add(raw.entry.source, f"duplicate id {raw.entry.id!r} (first at {seen.source})")
            first[raw.entry.id] = raw.entry


@lru_cache(maxsize=1)
def default_actors() -> ActorDictionary:
    """The package dictionary, loaded and indexed once per process."""
    return ActorDictionary.load()
