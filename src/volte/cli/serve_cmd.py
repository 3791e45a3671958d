"""`volte serve`: the HTTP API and dashboard over a store, under uvicorn."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import typer

from volte.cli.app import app, edge
from volte.errors import E_CONFIG_BAD_OPTION, ConfigError

log = logging.getLogger(__name__)


@app.command("serve")
@edge
def serve_cli(
    db: Path | None = typer.Option(
        None, "--db", help="DuckDB store to serve (default: setting store.path, volte.duckdb)."
    ),
    host: str | None = typer.Option(
        None, "--host", help="Address to bind (default: setting serve.host, 127.0.0.1)."
    ),
    port: int | None = typer.Option(
        None, "--port", min=0, max=65535, help="Port to listen on (default: setting serve.port, 8000)."
    ),
) -> None:
    """Serve the HTTP API (/api, /openapi.json) and the dashboard. Writes (POST /api/articles) need VOLTE_TOKEN set."""
    serve(db=db, host=host, port=port)


def serve(*, db: Path | None, host: str | None, port: int | None) -> None:
    import uvicorn

    from volte.serve.app import create_app
    from volte.settings import load_settings

    settings = load_settings()
    path = db or Path(settings.store.path)
    if path.exists() and not path.is_file():
        raise ConfigError(f"--db {path}: not a file (give the DuckDB store file)", code=E_CONFIG_BAD_OPTION)
    bind, listen = host or settings.serve.host, settings.serve.port if port is None else port
    token = os.environ.get("VOLTE_TOKEN", "")
    typer.echo(
        f"volte serve: {path} ({'writes with VOLTE_TOKEN' if token else 'read-only'}) on http://{bind}:{listen}/",
        err=True,
    )
    uvicorn.run(
        create_app(path, settings=settings, token=token),
        host=bind,
        port=listen,
        log_level="warning",
        access_log=False,
    )
