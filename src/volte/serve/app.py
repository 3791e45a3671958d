"""The volte web application: JSON API under ``/api``, dashboard pages, vendored static files.

Build it with :func:`create_app`; ``volte serve`` runs it under uvicorn.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from volte import __version__
from volte.serve import routes, views
from volte.serve.access import CoderAccess, StoreAccess
from volte.serve.cache import RepeatedReads
from volte.serve.errors import BodyLimit, install_error_handlers
from volte.serve.hosts import AllowedHosts
from volte.serve.security import SecurityHeaders, TokenBucket
from volte.settings import Settings

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent

DESCRIPTION = """\
volte's event store over HTTP. Reads need nothing; `POST /api/articles` needs
`Authorization: Bearer <token>` where the token is the server's `VOLTE_TOKEN`.
Every error has one shape: `{"ok": false, "error": "...", "code": "E6xx", "status": 4xx}`.
"""


def create_app(
    db_path: str | Path | None,
    *,
    settings: Settings | None = None,
    token: str | None = None,
) -> FastAPI:
    """The FastAPI app over the DuckDB store at ``db_path`` (default: ``settings.store.path``).

    ``token`` defaults to the ``VOLTE_TOKEN`` environment variable, read here (never at import). With no
    token the server never opens the store for writing: ``POST /api/articles`` answers 401. A request
    whose Host header names neither ``settings.serve.allowed_hosts`` nor ``settings.serve.host`` is 400.
    """
    settings = settings or Settings()
    token = os.environ.get("VOLTE_TOKEN", "") if token is None else token
    path = Path(db_path) if db_path else Path(settings.store.path)
    store = StoreAccess(
        path,
        writable=bool(token),
        settings=settings,
        cache_bytes=int(settings.serve.cache_mb * 1_000_000),
        read_index=settings.serve.read_index,
        index_max_events=settings.serve.read_index_max_events,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("serving store %s (%s)", path, "read-write on POST" if token else "read-only")
        await run_in_threadpool(store.warm)
        yield
        store.close()

    app = FastAPI(
        title="volte",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the dashboard makes no external requests
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.token = token
    app.state.store = store
    app.state.coder = CoderAccess(settings)
    app.state.code_limiter = TokenBucket(settings.serve.code_per_minute)  # the dashboard's POST /code
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    views.configure(app.state.templates)
    install_error_handlers(app)
    # innermost: a read answered before is sent again before routing, behind the Host check and headers
    if store.cache.max_bytes:
        app.add_middleware(RepeatedReads, cached=store.cached, urls=store.urls)
    app.add_middleware(BodyLimit, max_bytes=settings.serve.max_body_bytes)
    app.add_middleware(views.EmptyFormFields)
    app.add_middleware(AllowedHosts, hosts=(*settings.serve.allowed_hosts, settings.serve.host))
    app.add_middleware(SecurityHeaders)  # outermost: its headers go on every answer, a refused Host's too
    app.include_router(routes.router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
