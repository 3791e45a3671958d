"""A kept demo store and a version (issue 15): `volte demo` leaves volte.duckdb where it runs, the README's
next commands work on it, and `volte --version` names volte's, the model's and the coder's versions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import volte
from volte.cli import app

runner = CliRunner()
SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.mark.issue(15)
def test_version_names_volte_model_and_coder_without_loading_the_model() -> None:
    probe = (
        "import sys; from volte.cli import app\n"
        "try:\n    app(['--version'])\nexcept SystemExit as exc:\n    code = exc.code\n"
        "from volte.nlp.pipeline import MODEL_PACKAGES\n"
        "print('exit', code, 'loaded', any(m in sys.modules for m in MODEL_PACKAGES))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True).stdout
    assert f"volte {volte.__version__}" in out
    assert f"coder: {volte.CODER_VERSION}" in out
    assert "spaCy model: " in out
    assert out.strip().endswith("exit 0 loaded False"), out


@pytest.mark.issue(15)
@pytest.mark.model
def test_version_reads_the_installed_model_package() -> None:
    from volte.nlp.pipeline import installed_model

    found = installed_model()
    assert found is not None
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and f"spaCy model: {found[0]} {found[1]}" in result.output


@pytest.mark.issue(15)
@pytest.mark.model
@pytest.mark.slow
def test_demo_keeps_volte_duckdb_and_the_readme_commands_work_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "volte.duckdb").is_file()
    assert "The store is kept in volte.duckdb" in result.output
    dyad = runner.invoke(app, ["dyad", "COL", "USA", "--freq", "day", "--plot", "col-usa.png"])
    assert dyad.exit_code == 0 and "2026-01-07" in dyad.stdout and (tmp_path / "col-usa.png").is_file()
    shifts = runner.invoke(app, ["shifts", "--since", "2026-01-01"])
    assert shifts.exit_code == 0 and "thaw" in shifts.stdout
    explain = runner.invoke(app, ["shifts", "--explain", "COL", "USA"])
    assert explain.exit_code == 0 and "FIRED" in explain.stdout
    again = runner.invoke(app, ["demo"])  # idempotent: the same store, nothing added
    assert again.exit_code == 0


@pytest.mark.issue(15)
def test_demo_temporary_and_db_exclude_each_other(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--temporary", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "Error [E102]" in result.output
