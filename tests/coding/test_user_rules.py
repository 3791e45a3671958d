"""User dictionaries (issue 15): `--rules DIR` and the coding.rules setting add actor and verb YAML beside
the bundled rules, validated the same way, and name what coded the stored events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import volte.cli  # noqa: F401  (registers the commands)
from volte.cli.app import app
from volte.coding.user_rules import find_user_rules, provenance_files
from volte.errors import ConfigError
from volte.settings import Settings, load_settings
from volte.store.writer import rules_sha256

pytestmark = pytest.mark.issue(15)

PERSON = """\
version: 1
kind: people
entries:
  - id: tomas_quillan
    name: Tomas Quillan
    country: PER
    roles:
      - {code: PERGOV, title: president, from: 2026-01-01}
"""
PATTERN = """\
patterns:
  - id: user.befriend
    code: "051"
    verbs: [befriend]
"""
SENTENCE = {"id": "q1", "date": "2026-03-02", "text": "Tomas Quillan befriended Chile on Monday."}


def _rules(folder: Path, *, actors: str | None = PERSON, verbs: str | None = PATTERN) -> Path:
    for sub, text in (("actors", actors), ("verbs", verbs)):
        if text is not None:
            (folder / sub).mkdir(parents=True, exist_ok=True)
            (folder / sub / f"user_{sub}.yml").write_text(text, encoding="utf-8")
    return folder


def _code(tmp_path: Path, *extra: str) -> tuple[int, list[dict], str]:
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps(SENTENCE) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(news), "-f", "jsonl", "--no-turns", *extra])
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()], result.stderr


@pytest.mark.model
def test_user_rules_add_an_actor_and_a_verb_pattern(tmp_path: Path) -> None:
    code, bundled_only, _ = _code(tmp_path)
    assert code == 0 and not any(e["pattern"] == "user.befriend" for e in bundled_only)
    code, events, err = _code(tmp_path, "--rules", str(_rules(tmp_path / "mine")))
    assert code == 0, err
    assert [(e["source"], e["target"], e["code"], e["pattern"]) for e in events] == [
        ("PERGOV", "CHL", "051", "user.befriend")
    ]


@pytest.mark.parametrize(
    ("actors", "verbs", "where"),
    [
        (PERSON.replace("PERGOV", "PER-GOV"), None, "actors/user_actors.yml:8:"),
        (None, PATTERN.replace('"051"', '"0X1"'), "verbs/user_verbs.yml:2:"),
        (
            PERSON + "  - {id: tomas_quillan, name: T. Q., country: PER}\n",
            None,
            "user_actors.yml:9: duplicate id",
        ),
        (PERSON.replace("id: tomas_quillan", "id: donald_trump"), None, "user_actors.yml:4: duplicate id"),
        ("version: 1\nkind: people\nentries: [\n", None, "actors/user_actors.yml:"),
    ],
)
def test_user_rules_bad_yaml_is_e301_with_file_and_line(
    tmp_path: Path, actors: str | None, verbs: str | None, where: str
) -> None:
    folder = _rules(tmp_path / "bad", actors=actors, verbs=verbs)
    code, _, err = _code(tmp_path, "--rules", str(folder))
    assert code == 1 and "Error [E301]" in err and where in err


def test_user_rules_both_files_bad_are_reported_together(tmp_path: Path) -> None:
    folder = _rules(
        tmp_path / "bad", actors=PERSON.replace("PERGOV", "PER-GOV"), verbs=PATTERN.replace('"051"', '"0X1"')
    )
    code, _, err = _code(tmp_path, "--rules", str(folder))
    assert code == 1 and "user_actors.yml:8:" in err and "user_verbs.yml:2:" in err


@pytest.mark.parametrize("make", [lambda p: p / "missing", lambda p: p])
def test_user_rules_folder_without_rules_is_e102(tmp_path: Path, make) -> None:  # noqa: ANN001
    with pytest.raises(ConfigError) as caught:
        find_user_rules([str(make(tmp_path))])
    assert caught.value.code == "E102"


def test_user_rules_setting_splits_folders_and_hash_follows_the_files(tmp_path: Path) -> None:
    first, second = _rules(tmp_path / "one"), _rules(tmp_path / "two", actors=None)
    settings = load_settings(
        env={"VOLTE_CODING__RULES": f"{first}:{second}"}, toml_path=tmp_path / "none.toml"
    )
    assert settings.coding.rules == (str(first), str(second))
    names = [name for name, _ in provenance_files(settings)]
    assert names == [
        "user0/actors/user_actors.yml",
        "user0/verbs/user_verbs.yml",
        "user1/verbs/user_verbs.yml",
    ]
    before = rules_sha256(provenance_files(settings))
    assert before != rules_sha256(provenance_files(Settings()))  # user rules are part of the provenance
    (second / "verbs" / "user_verbs.yml").write_text(PATTERN.replace("befriend", "court"), encoding="utf-8")
    assert rules_sha256(provenance_files(settings)) != before
