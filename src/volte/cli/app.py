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

# The exit-code contract (docs/errors.md). A run that finished but left documents uncoded is not a failure:
# scripts tell "done, with N rejects" (4) from "nothing or not everything was done" (1).
EXIT_OK = 0  # done; every document coded (or, for a query, answered)
EXIT_FAILED = 1  # a coded error (Error [E...]) or a failed batch shard: the run did not finish its work
EXIT_USAGE = 2  # the command line is wrong (unknown option, missing argument, a value out of range) or asks too much (E103)
EXIT_GATE = 3  # `volte eval`: a figure is past its pinned floor or ceiling
EXIT_REJECTS = 4  # done, with N rejected documents (counted by code on stderr and, for ingest, in the store)

EXIT_CODING = (
    "Exit codes: 0 every document coded; 4 done, with N rejects (counted by code on stderr; a rerun that "
    "meets the same rejects says so again); 1 failure (Error [E...]); 2 usage. See docs/errors.md."
)
EXIT_QUERY = "Exit codes: 0 done; 1 failure (Error [E...]); 2 usage (E103: a range over store.max_points). See docs/errors.md."
EXIT_SERVE = "Exit codes: 0 stopped cleanly; 1 failure (Error [E...]: a port in use, a bad --db); 2 usage. See docs/errors.md."
EXIT_EVAL = "Exit codes: 0 every figure within its floor; 3 quality gate failed; 1 failure (Error [E...]); 2 usage. See docs/errors.md."


def run_exit_code(*, rejects: int, failed: int = 0) -> int:
    """The exit code of a run that finished: 1 when any unit of work failed, else 4 with rejects, else 0."""
    if failed:
        return EXIT_FAILED
    return EXIT_REJECTS if rejects else EXIT_OK


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
    """Decorate every command: a VolteError becomes `Error [E...]: message` and exit code 1 (EXIT_FAILED;
    EXIT_USAGE for the usage errors of USAGE_CODES)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except VolteError as exc:
            if _state["debug"]:
                raise
            typer.echo(f"Error [{exc.code}]: {exc}", err=True)
            raise typer.Exit(EXIT_USAGE if exc.code in USAGE_CODES else EXIT_FAILED) from None

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
