"""The Typer application and the one place where errors are translated for people."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from volte.errors import VolteError

app = typer.Typer(
    name="volte",
    help="volte: news in, political event data (CAMEO/PLOVER) and diplomatic reversals out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

F = TypeVar("F", bound=Callable[..., Any])
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
    """Decorate every command: a VolteError becomes `Error [E...]: message` and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except VolteError as exc:
            if _state["debug"]:
                raise
            typer.echo(f"Error [{exc.code}]: {exc}", err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def echo(text: str = "", *, err: bool = False) -> None:
    typer.echo(text, err=err)
