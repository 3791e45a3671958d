"""CLI commands (placeholder until the owning module lands)."""

from __future__ import annotations

from volte.cli.app import app  # noqa: F401
