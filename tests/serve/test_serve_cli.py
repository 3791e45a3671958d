"""`volte serve` at the command line: its options and its clear refusals (the live server runs in
test_browser.py)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from volte.cli import app

runner = CliRunner()


def test_serve_cli_help_lists_the_options() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "VOLTE_TOKEN"):
        assert option in result.output


@pytest.mark.parametrize("port", ["-1", "70000", "http"])
def test_serve_cli_rejects_bad_ports(port: str) -> None:
    assert runner.invoke(app, ["serve", "--port", port]).exit_code == 2


def test_serve_cli_refuses_a_directory_as_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 1
    assert "E102" in result.output and "not a file" in result.output


def test_serve_cli_says_when_the_port_is_taken(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--port", str(port)])
    assert result.exit_code == 1
    assert "E102" in result.output and str(port) in result.output
