"""One error shape for every failure the HTTP API can return, and the request-body size limit.

Every error, including FastAPI's own 404/405/422, leaves the server as::

    {"ok": false, "error": "<what went wrong and how to fix it>", "code": "E6xx", "status": 4xx}

Dashboard pages (paths outside ``/api`` requested by a browser) get the same facts as an HTML page.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from volte.errors import (
    E_API_BAD_REQUEST,
    E_API_FORBIDDEN,
    E_API_INTERNAL,
    E_API_INVALID,
    E_API_MEDIA_TYPE,
    E_API_METHOD,
    E_API_NOT_FOUND,
    E_API_TOO_LARGE,
    E_API_TOO_MANY,
    E_API_UNAUTHORIZED,
    E_API_UNAVAILABLE,
    E_STORE_BAD_ACTOR,
    E_STORE_BAD_RANGE,
    E_STORE_CORRUPT,
    E_STORE_LOCKED,
    E_STORE_OPEN,
    E_STORE_UNKNOWN_ACTOR,
    ApiError,
    ConfigError,
    StoreError,
    VolteError,
)
from volte.serve.security import HEADERS as SECURITY_HEADERS

log = logging.getLogger(__name__)

_CODE_BY_STATUS = {
    400: E_API_BAD_REQUEST,
    401: E_API_UNAUTHORIZED,
    403: E_API_FORBIDDEN,
    404: E_API_NOT_FOUND,
    405: E_API_METHOD,
    413: E_API_TOO_LARGE,
    415: E_API_MEDIA_TYPE,
    422: E_API_INVALID,
    429: E_API_TOO_MANY,
    503: E_API_UNAVAILABLE,
}


class Invalid(ApiError):
    """A parameter or body field that is present but malformed (a bad date, a reversed range)."""

    code = E_API_INVALID
    status = 422


class UnsupportedMediaType(ApiError):
    """A request body whose Content-Type the route does not read (or none at all)."""

    code = E_API_MEDIA_TYPE
    status = 415


class Unavailable(ApiError):
    """The store cannot be opened right now (missing file, locked by another writer)."""

    code = E_API_UNAVAILABLE
    status = 503


def error_body(message: str, *, code: str, status: int) -> dict[str, Any]:
    return {"ok": False, "error": message, "code": code, "status": status}


def error_response(
    request: Request | None,
    message: str,
    *,
    code: str,
    status: int,
    headers: dict[str, str] | None = None,
) -> Response:
    """The JSON error shape, or an HTML page with the same facts for a browser on a dashboard path."""
    headers = {**(headers or {}), **({"WWW-Authenticate": "Bearer"} if status == 401 else {})} or None
    if request is not None and _wants_html(request):
        templates = getattr(request.app.state, "templates", None)
        if templates is not None:
            page: Response = templates.TemplateResponse(
                request,
                "error.html",
                {"message": message, "code": code, "status": status},
                status_code=status,
                headers=headers,
            )
            return page
        return HTMLResponse(f"<h1>{status}</h1><p>{message}</p>", status_code=status, headers=headers)
    return JSONResponse(error_body(message, code=code, status=status), status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def status_of(exc: VolteError) -> int:
    """HTTP status for a library error: API errors carry theirs; a locked, damaged or missing store is 503;
    an unknown actor 404; a value the store refuses 422; anything else 500."""
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, StoreError) and exc.code in (E_STORE_LOCKED, E_STORE_OPEN, E_STORE_CORRUPT):
        return 503
    if exc.code == E_STORE_UNKNOWN_ACTOR:
        return 404
    if exc.code in (E_STORE_BAD_ACTOR, E_STORE_BAD_RANGE) or isinstance(exc, ConfigError):
        return 422  # the store's own argument checks: the request carried the bad value
    return 500


async def _on_volte_error(request: Request, exc: VolteError) -> Response:
    status = status_of(exc)
    if status >= 500:
        log.warning("%s %s failed: [%s] %s", request.method, request.url.path, exc.code, exc.message)
    retry_after = getattr(exc, "retry_after", None)  # a rate limit says when to come back
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return error_response(request, exc.message, code=exc.code, status=status, headers=headers)


async def _on_http_error(request: Request, exc: StarletteHTTPException) -> Response:
    status = exc.status_code
    if status == 404:
        message = (
            f"no such resource: {request.method} {request.url.path} (the API is described at /openapi.json)"
        )
    elif status == 405:
        message = f"method {request.method} is not allowed on {request.url.path} (see /openapi.json)"
    else:
        message = str(exc.detail)
    return error_response(
        request, message, code=_CODE_BY_STATUS.get(status, E_API_BAD_REQUEST), status=status
    )


async def _on_validation_error(request: Request, exc: RequestValidationError) -> Response:
    return error_response(request, describe_validation(exc.errors()), code=E_API_INVALID, status=422)


async def _on_crash(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    # Starlette answers a crash outside every middleware, so the security headers are added here too.
    return error_response(
        request,
        f"internal error ({type(exc).__name__}); see the server log",
        code=E_API_INTERNAL,
        status=500,
        headers=SECURITY_HEADERS,
    )


def describe_validation(errors: Any) -> str:
    """FastAPI's validation errors as one sentence: ``query.limit: must be <= 1000 (got 5000)``."""
    parts = []
    for err in list(errors)[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body" or len(err.get("loc", ())) == 1)
        got = err.get("input")
        shown = "" if got is None or isinstance(got, dict) else f" (got {json.dumps(got, default=str)[:80]})"
        parts.append(f"{where}: {err.get('msg', 'invalid')}{shown}")
    return "invalid request: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    # Starlette types handlers as taking any Exception; each of these is registered for its own class only.
    app.add_exception_handler(VolteError, _on_volte_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _on_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _on_crash)


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413 before any route reads them.

    A declared Content-Length over the limit is refused at once; a chunked body is counted as it arrives.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"request body is over the {self.max_bytes:,}-byte limit (setting serve.max_body_bytes)"
        response = JSONResponse(error_body(message, code=E_API_TOO_LARGE, status=413), status_code=413)
        await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
