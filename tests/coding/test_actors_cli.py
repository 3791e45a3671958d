"""`volte actor`: the command prints the code and the entry that explains it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers every command on the app)
from volte.cli.app import app

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_actor_cli_json_has_text_date_code_entry(runner):
    result = runner.invoke(app, ["actor", "Donald Trump", "--date", "2019-05-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"text", "date", "code", "entry"}
    assert payload["text"] == "Donald Trump"
    assert payload["date"] == "2019-05-01"
    assert payload["code"] == "USAGOV"
    assert payload["entry"].startswith("person:donald_trump")


@pytest.mark.parametrize(
    ("phrase", "day", "code"),
    [("Donald Trump", "2022-06-01", "USAELI"), ("Colombian troops", None, "COLMIL"),
     ("Nicolás Maduro", "2026-01-04", "VENELI")],
)
def test_actor_cli_json_code_follows_date(runner, phrase, day, code):
    args = ["actor", phrase, "--format", "json"] + (["--date", day] if day else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["code"] == code


def test_actor_cli_text_prints_code_and_entry(runner):
    result = runner.invoke(app, ["actor", "Kenyan police"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["KENCOP", "role:police+state:KEN"]


@pytest.mark.issue(13)
def test_actor_cli_unknown_person_says_named_but_unknown(runner):
    # NER names a person the dictionaries lack: code "---", and the entry says why
    result = runner.invoke(app, ["actor", "Juan Perez"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\t") == ["---", "unknown PERSON (---)\n"]


@pytest.mark.issue(13)
def test_actor_cli_countryless_role_says_its_role(runner):
    result = runner.invoke(app, ["actor", "militants"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["---REB", "role:rebels", "(---)"]


def test_actor_cli_phrase_naming_no_actor_says_unknown(runner):
    result = runner.invoke(app, ["actor", "the market"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("(unknown)")


@pytest.mark.parametrize(
    ("args", "code"),
    [(["actor", "Colombia", "--date", "2019-13-01"], "E101"), (["actor", "Colombia", "--format", "xml"], "E102")],
)
def test_actor_cli_bad_options_give_an_error_code_and_exit_1_or_2(runner, args, code):
    result = runner.invoke(app, args)
    assert result.exit_code == (2 if code == "E101" else 1)  # a malformed date option is usage (issue 16)
    assert f"Error [{code}]" in result.output
