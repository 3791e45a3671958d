"""`volte serve`: the HTTP API and dashboard over a store, under uvicorn."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import typer

from volte.cli.app import EXIT_SERVE, app, edge
from volte.errors import E_CONFIG_BAD_OPTION, ConfigError

log = logging.getLogger(__name__)


@app.command("serve", epilog=EXIT_SERVE)
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
    # the app answers Host headers naming the address it is bound to (serve.allowed_hosts adds names)
    settings = settings.model_copy(
        update={"serve": settings.serve.model_copy(update={"host": bind, "port": listen})}
    )
    _check_port_free(bind, listen)
    token = os.environ.get("VOLTE_TOKEN", "")
    typer.echo(
        f"volte serve: {path} ({'writes with VOLTE_TOKEN' if token else 'read-only'}) on http://{bind}:{listen}/",
        err=True,
    )
    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO  # `volte -v serve` logs each request
    uvicorn.run(
        create_app(path, settings=settings, token=token),
        host=bind,
        port=listen,
        log_level="info" if verbose else "warning",
        access_log=verbose,
    )


def _check_port_free(host: str, port: int) -> None:
    """Say clearly that the address is taken, rather than letting uvicorn log it and exit."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"--host {host} --port {port}: cannot listen there ({exc.strerror}); is another server running? "
                "Choose another --port",
                code=E_CONFIG_BAD_OPTION,
            ) from None
