"""The rooms of src/volte import only what docs/internals.md ("What imports what") allows: data flows down
ingest -> nlp -> coding -> (derive) -> store -> analyse -> serve/cli, and only the store talks to DuckDB."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "volte"
SHARED = {"records", "errors", "settings"}
#: room -> the volte rooms it must never import (the table of docs/internals.md)
FORBIDDEN: dict[str, set[str]] = {
    "records": {"ingest", "nlp", "coding", "derive", "store", "analyse", "serve", "cli", "scale", "settings"},
    "errors": {"ingest", "nlp", "coding", "derive", "store", "analyse", "serve", "cli", "scale", "settings", "records"},
    "settings": {"ingest", "nlp", "coding", "derive", "store", "analyse", "serve", "cli", "scale", "records"},
    "codec": {"ingest", "nlp", "coding", "derive", "store", "analyse", "serve", "cli", "scale", "settings"},
    "ingest": {"nlp", "store", "analyse", "serve", "cli", "scale"},
    "nlp": {"coding", "store", "analyse", "serve", "cli", "scale"},
    "coding": {"store", "analyse", "serve", "cli", "scale"},
    "derive": {"ingest", "nlp", "coding", "store", "analyse", "serve", "cli", "scale", "settings"},
    "analyse": {"serve", "cli", "scale"},
    "store": {"analyse", "serve", "cli", "scale"},
    "scale": {"store", "serve", "cli"},
    "serve": {"cli", "scale"},
    "evaluate": {"store", "serve", "cli", "scale"},
    "evaluate_news": {"store", "serve", "cli", "scale"},
}


def _room(path: Path) -> str:
    parts = path.relative_to(SRC).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports(path: Path) -> set[str]:
    """Top-level names imported by ``path`` (absolute imports; volte's as ``volte.<room>``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            found.add(".".join(parts[:2]) if parts[0] == "volte" and len(parts) > 1 else parts[0])
    return found


@pytest.mark.issue(17)
@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_rooms_import_only_downstream(room: str) -> None:
    files = [p for p in sorted(SRC.rglob("*.py")) if _room(p) == room]
    assert files, f"no module for room {room}"
    wrong = [
        f"{path.relative_to(SRC)} imports volte.{other}"
        for path in files
        for other in sorted(FORBIDDEN[room])
        if f"volte.{other}" in _imports(path)
    ]
    assert not wrong, wrong


@pytest.mark.issue(17)
def test_rooms_only_the_store_imports_duckdb() -> None:
    wrong = [
        str(p.relative_to(SRC))
        for p in sorted(SRC.rglob("*.py"))
        if _room(p) != "store" and "duckdb" in _imports(p)
    ]
    assert not wrong, f"duckdb imported outside volte.store: {wrong}"


@pytest.mark.issue(17)
def test_rooms_the_store_never_imports_analyse() -> None:
    """No import arrow from volte.store to volte.analyse, at module top, inside a function or under
    TYPE_CHECKING (the store exposes data; detection and calibration call it: docs/internals.md)."""
    wrong = [
        str(p.relative_to(SRC))
        for p in sorted((SRC / "store").rglob("*.py"))
        if "volte.analyse" in _imports(p)
        or any(
            isinstance(n, ast.ImportFrom) and n.level > 0 and (n.module or "").startswith("analyse")
            for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert not wrong, f"volte.store imports volte.analyse: {wrong}"
