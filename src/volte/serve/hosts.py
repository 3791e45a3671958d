"""The Host header allow-list, against DNS rebinding.

Reads need no token, so a web page on any site could point a name it controls at 127.0.0.1 and read the
API through the victim's browser. Such a request carries the attacker's name in its Host header; the
server answers only the names in ``serve.allowed_hosts`` (default localhost, 127.0.0.1, [::1]) and the
address it was started on (``--host``), any port, and everything else with 400 E600 in the error shape.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from volte.errors import E_API_BAD_REQUEST
from volte.serve.errors import error_response


def host_name(value: str) -> str:
    """A Host header (or a setting) without its port, lower-cased; IPv6 in brackets (``[::1]``)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value.partition("]")[0] + "]"
    if value.count(":") > 1:  # a bare IPv6 address, as a setting may give it
        return f"[{value}]"
    return value.partition(":")[0]


class AllowedHosts:
    """ASGI middleware: 400 E600 unless the request's Host header names an allowed host ("*": any)."""

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str]) -> None:
        self.app = app
        names = [str(h) for h in hosts]
        self.any = "*" in names
        self.hosts = frozenset(host_name(h) for h in names if h != "*")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_name(given) in self.hosts:
            await self.app(scope, receive, send)
            return
        message = (
            f"Host header {given[:100]!r} is not served here (a defence against DNS rebinding): use "
            f"{', '.join(sorted(self.hosts))}, or add the name to the setting serve.allowed_hosts"
        )
        response = error_response(Request(scope), message, code=E_API_BAD_REQUEST, status=400)
        await response(scope, receive, send)
