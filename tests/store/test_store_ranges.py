"""Date ranges at the store: every range is cut to the stored data before a dense day/week index is built,
and a range still too long for ``store.max_points`` is a coded error (E103), never an OverflowError or an
unbounded allocation (issue 16)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_records import article

from volte.analyse import shifts as detection
from volte.errors import ConfigError
from volte.settings import Settings, StoreSettings
from volte.store.db import Store

FIRST, LAST = date(2026, 1, 3), date(2026, 1, 8)  # the first and the last stored event


def _articles(*, ancient: bool = False) -> list:
    out = [
        article("a1", [("COLGOV", "USAGOV", "111", "2026-01-04"), ("USAGOV", "VENGOV", "190", "2026-01-03")]),
        article("a2", [("COLGOV", "USAGOV", "112", "2026-01-04")]),
        article("a3", [("COLGOV", "USAGOV", "042", "2026-01-07"), ("COLGOV", "USAGOV", "036", "2026-01-07")]),
        article("a4", [("COLGOVMIL", "USAGOV", "042", "2026-01-08")]),
    ]
    if ancient:  # a store written before publication dates were checked: one event dated 0001-01-01
        out.append(article("old", [("BRAGOV", "ARGGOV", "042", "0001-01-01")]))
    return out


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ranges") / "s.duckdb"
    with Store(path) as store:
        store.ingest(_articles())
    return path


@pytest.fixture(scope="module")
def store(store_path: Path):
    with Store(store_path, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def ancient(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("ancient") / "s.duckdb"
    with Store(path) as s:
        s.ingest(_articles(ancient=True))
    with Store(path, read_only=True) as s:
        yield s


wide = st.tuples(st.dates(), st.dates()).map(sorted)


@pytest.mark.issue(16)
@given(bounds=wide, freq=st.sampled_from(["day", "week"]))
def test_store_dyad_series_stays_inside_the_stored_dates(store: Store, bounds: list[date], freq: str) -> None:
    since, until = bounds
    rows = store.dyad_series("COL", "USA", freq=freq, since=since, until=until)
    periods = [date.fromisoformat(r["period"]) for r in rows]
    assert len(periods) <= (LAST - FIRST).days + 1
    assert all(FIRST - date.resolution * 6 <= p <= LAST for p in periods)  # a week starts up to 6 days early


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("since", "until"), [(date(1, 1, 1), date(9999, 12, 31)), (None, date(9999, 12, 31))]
)
def test_store_dyad_series_of_the_widest_range_is_the_stored_range(
    store: Store, since: date | None, until: date
) -> None:
    rows = store.dyad_series("COL", "USA", since=since, until=until)
    # a missing bound is the dyad's own first cluster (01-04); a given one is cut to the stored events
    assert (rows[0]["period"], rows[-1]["period"]) == (
        (since and FIRST or date(2026, 1, 4)).isoformat(),
        LAST.isoformat(),
    )


@pytest.mark.issue(16)
@pytest.mark.parametrize(("since", "until"), [(date(2030, 1, 1), None), (None, date(1999, 1, 1))])
def test_store_dyad_series_outside_the_stored_dates_is_empty(
    store: Store, since: date | None, until: date | None
) -> None:
    assert store.dyad_series("COL", "USA", since=since, until=until) == []


@pytest.mark.issue(16)
@given(bounds=wide)
def test_store_shifts_take_any_range(store: Store, bounds: list[date]) -> None:
    since, until = bounds
    for shift in detection.shifts(store, since=since, until=until):
        assert since <= date.fromisoformat(shift["date"]) <= until


@pytest.mark.issue(16)
@pytest.mark.parametrize("freq", ["day", "week"])
def test_store_dyad_series_over_the_cap_is_e103(ancient: Store, freq: str) -> None:
    with pytest.raises(ConfigError) as caught:
        ancient.dyad_series("COL", "USA", freq=freq, since=date(1, 1, 1), until=date(9999, 12, 31))
    assert caught.value.code == "E103" and "store.max_points" in caught.value.message


@pytest.mark.issue(16)
def test_store_dyad_series_of_a_dyad_stays_on_its_own_dates_in_a_wide_store(ancient: Store) -> None:
    rows = ancient.dyad_series("COL", "USA", until=date(9999, 12, 31))
    assert (rows[0]["period"], rows[-1]["period"], len(rows)) == ("2026-01-04", "2026-01-08", 5)


@pytest.mark.issue(16)
@pytest.mark.parametrize(("since", "until"), [(None, None), (date(1, 1, 1), date(9999, 12, 31))])
def test_store_shifts_over_the_cap_is_e103(ancient: Store, since: date | None, until: date | None) -> None:
    with pytest.raises(ConfigError) as caught:
        detection.shifts(ancient, since=since, until=until)
    assert caught.value.code == "E103"


@pytest.mark.issue(16)
def test_store_shifts_of_a_recent_range_in_a_wide_store_work(ancient: Store) -> None:
    assert isinstance(detection.shifts(ancient, since=date(2026, 1, 1), until=date(9999, 12, 31)), list)


@pytest.mark.issue(16)
def test_store_max_points_setting_caps_the_series(store_path: Path) -> None:
    settings = Settings(store=StoreSettings(max_points=3))
    with Store(store_path, read_only=True, settings=settings) as small:
        with pytest.raises(ConfigError) as caught:
            small.dyad_series("COL", "USA", since=date(1, 1, 1))
        assert caught.value.code == "E103" and "5 days" in caught.value.message
        assert len(small.dyad_series("COL", "USA", freq="week")) == 2


# --- the command line -----------------------------------------------------------------------------


def _cli(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    import volte.cli  # noqa: F401  (registers the commands)
    from volte.cli.app import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "args",
    [
        ("shifts", "--until", "9999-12-31"),
        ("shifts", "--since", "0001-01-01", "--until", "9999-12-31"),
        ("dyad", "COL", "USA", "--until", "9999-12-31"),
        ("dyad", "COL", "USA", "--since", "0001-01-01", "--until", "9999-12-31", "--format", "jsonl"),
    ],
)
def test_store_cli_wide_ranges_answer_within_the_stored_dates(
    store_path: Path, args: tuple[str, ...]
) -> None:
    code, out, err = _cli(*args, "--db", str(store_path))
    assert code == 0, err
    assert "Traceback" not in err and len(out.splitlines()) <= 10


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "args",
    [
        ("shifts", "--until", "9999-12-31"),
        ("dyad", "COL", "USA", "--since", "0001-01-01", "--until", "9999-12-31"),
        ("dyad", "COL", "USA", "--since", "0001-01-01", "--freq", "week"),
    ],
)
def test_store_cli_over_the_cap_is_usage_error_e103(ancient: Store, args: tuple[str, ...]) -> None:
    code, _, err = _cli(*args, "--db", ancient.path)
    assert code == 2 and err.startswith("Error [E103]") and "store.max_points" in err
