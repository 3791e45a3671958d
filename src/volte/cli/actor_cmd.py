"""`volte actor`: show which actor code a phrase gets on a date, and which dictionary entry gave it."""

from __future__ import annotations

import json

import typer

from volte.cli.app import EXIT_QUERY, app, choices, echo, edge, parse_cli_date
from volte.errors import E_CONFIG_BAD_OPTION, ConfigError


@app.command("actor", epilog=EXIT_QUERY)
@edge
def actor_cli(
    phrase: str = typer.Argument(..., help='A noun phrase, e.g. "Colombian troops" or "President Petro".'),
    on: str | None = typer.Option(
        None, "--date", "-d", help="Date of the event (YYYY-MM-DD); default: current roles."
    ),
    fmt: str = typer.Option("text", "--format", "-f", metavar=choices("text", "json"), help="Output format: text or json."),
) -> None:
    """Resolve PHRASE to an actor code and show the dictionary entry that matched."""
    # lazy: the actor dictionary (yaml) costs 60-130 ms at CLI start (measured)
    from volte.coding.actors import lookup_actor

    if fmt not in ("text", "json"):
        raise ConfigError(f"--format {fmt!r} is not supported; use text or json", code=E_CONFIG_BAD_OPTION)
    result = lookup_actor(phrase, on=parse_cli_date(on))
    if fmt == "json":
        echo(json.dumps(result, ensure_ascii=False))
        return
    echo(f"{result['code'] or '(unknown)'}\t{result['entry'] or '-'}")
