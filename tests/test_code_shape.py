"""The code keeps STYLE.md's size limits: no module in src/volte over 800 lines, no function over 80.

STYLE section 1 says a module or function past those marks "needs a reason in review". The reason goes in
``REASONS`` below (path or ``path:function`` -> why), where review sees it; anything past a mark without one
fails here, so the modules split in December 2026 (coder.py and verbs.py had grown past 2,100 lines) cannot
grow back unnoticed.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "volte"
MODULE_LINES = 800
FUNCTION_LINES = 80

#: modules (path relative to src/volte) and functions ("path:qualified.name") allowed past a mark, with why
REASONS: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _functions(path: Path) -> list[tuple[str, int]]:
    """(qualified name, length in lines) of every function and method in a module."""
    out: list[tuple[str, int]] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                out.append((f"{prefix}{child.name}", (child.end_lineno or child.lineno) - child.lineno + 1))
                visit(child, f"{prefix}{child.name}.")

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return out


def test_code_shape_finds_the_modules() -> None:
    assert len(_modules()) > 50
    assert any(name == "Coder.code" for name, _ in _functions(SRC / "coding" / "coder.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(SRC).as_posix())
def test_code_shape_module_within_limits(path: Path) -> None:
    rel = path.relative_to(SRC).as_posix()
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MODULE_LINES or rel in REASONS, f"{rel}: {lines} lines (limit {MODULE_LINES}, STYLE.md section 1)"
    long = [
        f"{name} ({n} lines)"
        for name, n in _functions(path)
        if n > FUNCTION_LINES and f"{rel}:{name}" not in REASONS
    ]
    assert not long, f"{rel}: functions over {FUNCTION_LINES} lines (STYLE.md section 1): {', '.join(long)}"


def _stale(reasons: dict[str, str]) -> list[str]:
    """The reasons whose module or function no longer exists, or is back within the limits."""
    stale = []
    for key in reasons:
        rel, _, name = key.partition(":")
        path = SRC / rel
        if not path.is_file():
            stale.append(key)
        elif name:
            if dict(_functions(path)).get(name, 0) <= FUNCTION_LINES:
                stale.append(key)
        elif len(path.read_text(encoding="utf-8").splitlines()) <= MODULE_LINES:
            stale.append(key)
    return stale


def test_code_shape_reasons_name_real_places() -> None:
    """A reason for something that no longer exists (or is back within the limits) is removed."""
    assert _stale(REASONS) == []


def test_code_shape_finds_stale_reasons() -> None:
    """The check above can fail: reasons for a short module, a short function and a missing file are stale."""
    reasons = {
        "coding/coder.py": "short module",
        "coding/coder.py:Coder.code": "short function",
        "coding/no_such_module.py": "gone",
    }
    assert _stale(reasons) == list(reasons)
