"""Docs are tests: every command has help, generated references are current, the public API is tidy."""

from __future__ import annotations

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
