"""Docs are tests: every command has help, generated references are current, the public API is tidy."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import typer.main

import volte
from volte.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_docs_every_command_has_help() -> None:
    command = typer.main.get_command(app)
    ctx = click.Context(command, info_name="volte")
    names = command.list_commands(ctx)  # type: ignore[attr-defined]
    assert {"code", "eval", "demo"} <= set(names)
    missing = [n for n in names if not (command.get_command(ctx, n).help or "").strip()]  # type: ignore[attr-defined]
    assert not missing, f"commands without help: {missing}"


def test_docs_generated_references_are_current() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_docs.py"), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_docs_every_command_in_readme_or_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    command = typer.main.get_command(app)
    for name in command.list_commands(click.Context(command)):  # type: ignore[attr-defined]
        assert f"## volte {name}" in reference


def test_docs_public_api_sorted_and_exported() -> None:
    assert volte.__all__ == sorted(volte.__all__)
    assert all(hasattr(volte, name) for name in volte.__all__)


def test_docs_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert len(readme.splitlines()) <= 100


LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _relative_links(page: Path) -> list[str]:
    links = LINK.findall(page.read_text(encoding="utf-8"))
    return [t for t in links if "://" not in t and not t.startswith("mailto:")]


def test_docs_relative_links_resolve() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    broken = [
        f"{page.relative_to(ROOT)} -> {target}"
        for page in pages
        for target in _relative_links(page)
        if not (page.parent / target).exists()
    ]
    assert not broken, f"links to missing files: {broken}"


def test_docs_lab_pages_linked_from_the_user_docs() -> None:
    """History lives in docs/lab/; each lab page is reachable from a user page."""
    linked = {
        (page.parent / t).resolve() for page in (ROOT / "docs").glob("*.md") for t in _relative_links(page)
    }
    orphans = [p.name for p in sorted((ROOT / "docs" / "lab").glob("*.md")) if p.resolve() not in linked]
    assert not orphans, f"docs/lab pages no user page links to: {orphans}"
