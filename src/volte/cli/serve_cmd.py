"""`volte serve`: the HTTP API and dashboard over a store, under uvicorn."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import typer

from volte.cli.app import EXIT_SERVE, RULES_HELP, app, edge, rules_overrides
from volte.errors import E_CONFIG_BAD_OPTION, ConfigError
from volte.settings import load_settings

log = logging.getLogger(__name__)
# Seconds an idle keep-alive connection stays open: longer than clients keep idle connections pooled
# (httpx: 5 s, uvicorn's default too), so the client drops one first; with equal times a request sent on a
# connection the server is closing at that moment fails (ReadError; seen in bench/serve.py under load).
KEEP_ALIVE_S = 30


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
    watch: Path | None = typer.Option(
        None,
        "--watch",
        help="Also ingest the new or changed files of this folder while serving (polled; a file is read once "
        "its size stays the same between two polls). The server is then the store's writer.",
    ),
    poll: float = typer.Option(
        1.0, "--poll", min=0.1, max=3600, help="With --watch: seconds between two looks at the folder."
    ),
    rules: list[Path] | None = typer.Option(None, "--rules", metavar="DIR", help=RULES_HELP),
) -> None:
    """Serve the HTTP API (/api, /openapi.json) and the dashboard. Writes (POST /api/articles) need VOLTE_TOKEN set."""
    serve(db=db, host=host, port=port, watch=watch, poll=poll, rules=rules)


def serve(
    *,
    db: Path | None,
    host: str | None,
    port: int | None,
    watch: Path | None = None,
    poll: float = 1.0,
    rules: list[Path] | None = None,
) -> None:
    # lazy: uvicorn and the FastAPI app cost 0.4-0.8 s at CLI start (measured)
    import uvicorn

    from volte.serve.app import create_app

    settings = load_settings(overrides=rules_overrides(rules))
    path = db or Path(settings.store.path)
    if path.exists() and not path.is_file():
        raise ConfigError(f"--db {path}: not a file (give the DuckDB store file)", code=E_CONFIG_BAD_OPTION)
    bind, listen = host or settings.serve.host, settings.serve.port if port is None else port
    # the app answers Host headers naming the address it is bound to (serve.allowed_hosts adds names)
    settings = settings.model_copy(
        update={"serve": settings.serve.model_copy(update={"host": bind, "port": listen})}
    )
    if watch is not None and not watch.is_dir():
        raise ConfigError(f"--watch {watch}: not a folder (create it first)", code=E_CONFIG_BAD_OPTION)
    _check_port_free(bind, listen)
    token = os.environ.get("VOLTE_TOKEN", "")
    modes = ["writes with VOLTE_TOKEN" if token else "no POST writes"] if watch else []
    modes.insert(0, f"ingesting {watch} every {poll:g} s" if watch else ("writes with VOLTE_TOKEN" if token else "read-only"))
    typer.echo(f"volte serve: {path} ({', '.join(modes)}) on http://{bind}:{listen}/", err=True)
    verbose = logging.getLogger().getEffectiveLevel() <= logging.INFO  # `volte -v serve` logs each request
    app = create_app(path, settings=settings, token=token)
    watcher = None
    if watch is not None:
        # lazy: the watcher loads spaCy, 0.5 s (measured); only --watch needs it
        from volte.serve.watch import FolderWatcher

        watcher = FolderWatcher(
            watch,
            store=app.state.store,
            coder=app.state.coder,
            settings=settings,
            interval=poll,
            report=lambda message: typer.echo(message, err=True),
        )
        watcher.start()
    try:
        uvicorn.run(
            app,
            host=bind,
            port=listen,
            log_level="info" if verbose else "warning",
            access_log=verbose,
            timeout_keep_alive=KEEP_ALIVE_S,
        )
    finally:
        if watcher is not None:
            watcher.stop()


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
