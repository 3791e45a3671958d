"""The CAMEO code table: names, roots, Goldstein values, GDELT quad classes and PLOVER labels.

Built from reference facts by ``tools/build_codetable.py`` into ``rules/cameo/event_codes.csv``.
PLOVER labels are from the PLOVER project (CC BY-SA 4.0).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from volte.errors import E_DICT_INVALID, DictionaryError

# Statements about the future: appeals, intents, demands, refusals, threats. They are events on the day they
# are said (CAMEO, GDELT): dated so, clustered and counted even when their `factuality` is "future".
STATEMENT_ROOTS = frozenset({"02", "03", "10", "12", "13"})


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str


@lru_cache(maxsize=1)
def code_table() -> dict[str, CodeInfo]:
    """All CAMEO codes, keyed by code string ("036")."""
    path = resources.files("volte.coding") / "rules" / "cameo" / "event_codes.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    return {
        row["code"]: CodeInfo(
            code=row["code"],
            name=row["name"],
            root=row["root"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"],
            plover_mode=row["plover_mode"],
        )
        for row in rows
    }


def describe(code: str) -> CodeInfo:
    """Look a code up; raise DictionaryError for a code CAMEO does not have."""
    info = code_table().get(code)
    if info is None:
        raise DictionaryError(
            f"unknown CAMEO code {code!r} (codes are 2-4 digit strings such as '036')", code=E_DICT_INVALID
        )
    return info


def is_code(code: str) -> bool:
    return code in code_table()
