"""The Typer application and the one place where errors are translated for people."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import typer

from volte.errors import E_CONFIG_BAD_DATE, E_CONFIG_TOO_MANY_POINTS, ConfigError, VolteError

app = typer.Typer(
    name="volte",
    help="volte: news in, political event data (CAMEO/PLOVER) and diplomatic reversals out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

F = TypeVar("F", bound=Callable[..., Any])
USAGE_CODES = frozenset({E_CONFIG_TOO_MANY_POINTS})  # errors that exit 2: the command asked too much
_state = {"debug": False}


@app.callback()
def _root(
    verbose: int = typer.Option(
        0, "--verbose", "-v", count=True, help="More log output (-v info, -vv debug)."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
) -> None:
    """volte codes news articles into political events and detects diplomatic reversals."""
    _state["debug"] = debug
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr, force=True
    )


def edge(fn: F) -> F:
    """Decorate every command: a VolteError becomes `Error [E...]: message` and exit code 1 (2 for the
    usage errors of USAGE_CODES)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except VolteError as exc:
            if _state["debug"]:
                raise
            typer.echo(f"Error [{exc.code}]: {exc}", err=True)
            raise typer.Exit(2 if exc.code in USAGE_CODES else 1) from None

    return wrapper  # type: ignore[return-value]


def echo(text: str = "", *, err: bool = False) -> None:
    typer.echo(text, err=err)


def parse_cli_date(value: str | None, *, option: str = "--date") -> date | None:
    """A YYYY-MM-DD option value, or a ConfigError saying what is wrong."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{option} {value!r}: expected a date as YYYY-MM-DD (e.g. 2026-01-07)", code=E_CONFIG_BAD_DATE
        ) from None
