"""docs/store.md names every schema migration, in order, with what it does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from volte.store.migrations import MIGRATIONS

STORE_MD = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def documented_migrations(text: str) -> list[str]:
    """The migration names in the first column of docs/store.md's migration table, in order."""
    return re.findall(r"^\| `(\d{4}_\w+)` \| \S", text, flags=re.MULTILINE)


@pytest.mark.issue(16)
def test_store_docs_list_every_migration_in_order() -> None:
    assert documented_migrations(STORE_MD.read_text(encoding="utf-8")) == [name for name, _ in MIGRATIONS]


@pytest.mark.issue(16)
def test_store_docs_check_notices_a_missing_migration() -> None:
    text = STORE_MD.read_text(encoding="utf-8")
    stale = "\n".join(line for line in text.splitlines() if "`0005_threshold_features`" not in line)
    assert documented_migrations(stale) != [name for name, _ in MIGRATIONS]
