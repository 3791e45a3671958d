"""Dependencies are honest: every import is declared, every requirement has an upper bound, and the tested
pins in constraints.txt satisfy pyproject.toml (so the two cannot drift apart)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _requirements() -> list[tuple[str, Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [("dependencies", Requirement(r)) for r in project["dependencies"]]
    for extra, reqs in project["optional-dependencies"].items():
        found += [(f"[{extra}]", Requirement(r)) for r in reqs]
    return found


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"constraints.txt: {line!r} is not name==version"
            assert canonicalize_name(name) not in pins, f"constraints.txt pins {name} twice"
            pins[canonicalize_name(name)] = version
    return pins


@pytest.mark.parametrize("group,requirement", _requirements(), ids=lambda value: str(value))
def test_dependencies_pinned_version_satisfies_pyproject(group: str, requirement: Requirement) -> None:
    pins = _pins()
    name = canonicalize_name(requirement.name)
    assert name in pins, (
        f"{group}: {requirement} has no pin in constraints.txt (python tools/dependencies.py constraints)"
    )
    assert requirement.specifier.contains(pins[name], prereleases=True), (
        f"{group}: {requirement} is not satisfied by constraints.txt's {name}=={pins[name]}"
    )


@pytest.mark.parametrize("group,requirement", _requirements(), ids=lambda value: str(value))
def test_dependencies_bounded_above(group: str, requirement: Requirement) -> None:
    assert any(spec.operator in ("<", "==", "~=") for spec in requirement.specifier), (
        f"{group}: {requirement} has no upper bound (add <N+1 for its next major version)"
    )


def test_dependencies_every_import_is_declared() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "dependencies.py"), "audit"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependencies_constraints_pin_what_is_installed_for_the_core() -> None:
    """The core requirements installed here are the pinned versions: the suite runs on what constraints.txt says."""
    from importlib import metadata

    pins = _pins()
    drift = []
    for group, requirement in _requirements():
        name = canonicalize_name(requirement.name)
        if group != "dependencies" or name not in pins:
            continue
        installed = metadata.version(name)
        if installed != pins[name]:
            drift.append(f"{name}: installed {installed}, pinned {pins[name]}")
    assert not drift, "constraints.txt is not what this venv runs: " + "; ".join(drift)
