"""volte's command line. Each command group lives in its own module and registers on ``app``."""

from __future__ import annotations

from volte.cli import actor_cmd, batch_cmd, code_cmd, serve_cmd, store_cmd, timex_cmd  # noqa: F401  (registers commands)
from volte.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
