"""The coder fingerprint (volte.coding.fingerprint): it changes when a rule file or the coding code changes,
and only then; the public coder version is documented in CHANGELOG.md."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from volte import CODER_VERSION
from volte.coding import fingerprint as fp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """The package's coding files copied to tmp_path; the fingerprint reads the copies."""
    files = {}
    for name, path in fp.coding_files():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        files[name] = target
    monkeypatch.setattr(fp, "coding_files", lambda: sorted(files.items()))
    fp.clear_cache()
    yield files
    fp.clear_cache()


def _edit(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\n# edited\n")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "name", ["coding/rules/verbs/18_assault.yml", "coding/coder.py", "nlp/pipeline.py", "ingest/dateline.py"]
)
def test_fingerprint_changes_when_a_rule_file_or_coding_module_changes(
    copied: dict[str, Path], name: str
) -> None:
    before = fp.fingerprint()
    _edit(copied[name])
    fp.clear_cache()
    assert fp.fingerprint() != before


@pytest.mark.issue(17)
def test_fingerprint_is_stable_when_nothing_changes(copied: dict[str, Path]) -> None:
    before = fp.fingerprint()
    fp.clear_cache()
    assert fp.fingerprint() == before == fp.fingerprint(dictionaries=fp.rules_sha256())


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "part",
    [
        {"spacy_model": "en_core_web_sm-0.0.1"},
        {"coder_version": "volte.coder.v0"},
        {"dictionaries": "0" * 64},
    ],
)
def test_fingerprint_covers_model_and_coder_version(part: dict[str, str]) -> None:
    running = fp.fingerprint(dictionaries=fp.rules_sha256(), spacy_model="en_core_web_sm-3.8.0")
    changed = fp.fingerprint(
        **{"dictionaries": fp.rules_sha256(), "spacy_model": "en_core_web_sm-3.8.0", **part}
    )
    assert changed != running


@pytest.mark.issue(17)
def test_fingerprint_covers_user_rule_files(tmp_path: Path) -> None:
    rules = tmp_path / "people.yml"
    rules.write_text("a: 1\n", encoding="utf-8")
    before = fp.rules_sha256([("user0/actors/people.yml", rules)])
    rules.write_text("a: 2\n", encoding="utf-8")
    assert fp.rules_sha256([("user0/actors/people.yml", rules)]) != before != fp.rules_sha256()


@pytest.mark.issue(17)
def test_coder_version_is_documented_in_changelog() -> None:
    changelog = ROOT / "CHANGELOG.md"
    if not changelog.is_file():
        pytest.skip("no CHANGELOG.md beside the sources (installed package)")
    assert f"`{CODER_VERSION}`" in changelog.read_text(encoding="utf-8"), (
        f"CODER_VERSION {CODER_VERSION!r} is not named in CHANGELOG.md: bump it with a line saying what changed"
    )
