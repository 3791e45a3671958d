"""The DuckDB store: idempotent ingest, replacement, clusters, queries, migrations and bad input."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_records import BERLIN, TEXAS, article, event, placed_article, reject

from volte.analyse import shifts as detection
from volte.errors import StoreError
from volte.records import EVENT_FIELDS, Event
from volte.settings import Settings, StoreSettings
from volte.store.db import Store
from volte.store.migrations import MIGRATIONS


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture
def store(db: Path):
    with Store(db) as s:
        yield s


def _thaw_articles():
    return [
        article(
            "a1",
            [("COLGOV", "USAGOV", "111", "2026-01-04"), ("USAGOV", "VENGOV", "190", "2026-01-03")],
            url="https://www.nyt.example/a1",
        ),
        article("a2", [("COLGOV", "USAGOV", "112", "2026-01-04")], url="https://bbc.example/a2"),
        article(
            "a3",
            [("COLGOV", "USAGOV", "042", "2026-01-07"), ("COLGOV", "USAGOV", "036", "2026-01-07")],
            url="https://reuters.example/a3",
        ),
        article("a4", [("COLGOVMIL", "USAGOV", "042", "2026-01-08")]),
    ]


def _count(store: Store, table: str) -> int:
    return store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _snapshot(store: Store) -> dict[str, list[tuple]]:
    return {
        "events": store.con.execute(
            "SELECT event_id, doc_id, cluster_id FROM events ORDER BY event_id"
        ).fetchall(),
        "clusters": store.con.execute(
            "SELECT cluster_id, num_mentions, num_sources, num_articles FROM clusters ORDER BY cluster_id"
        ).fetchall(),
        "articles": store.con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall(),
        "dyad_days": store.con.execute("SELECT * FROM dyad_days ORDER BY ALL").fetchall(),
    }


def test_store_ingest_stores_articles_events_and_clusters(store: Store) -> None:
    summary = store.ingest(_thaw_articles())
    assert (summary.added, summary.events) == (4, 6)
    assert (_count(store, "articles"), _count(store, "events"), _count(store, "clusters")) == (4, 6, 4)


def test_store_ingest_same_articles_twice_adds_nothing(store: Store) -> None:
    store.ingest(_thaw_articles())
    before = _snapshot(store)
    summary = store.ingest(_thaw_articles())
    assert (summary.added, summary.replaced, summary.unchanged, summary.events) == (0, 0, 4, 0)
    assert _snapshot(store) == before


def test_store_ingest_same_url_under_new_id_adds_nothing(store: Store) -> None:
    store.ingest(
        [
            article(
                "a1",
                [("COLGOV", "USAGOV", "111", "2026-01-04")],
                url="https://x.example/1",
                text="Same text.",
                title="T",
            )
        ]
    )
    summary = store.ingest(
        [
            article(
                "b1",
                [("COLGOV", "USAGOV", "111", "2026-01-04")],
                url="https://x.example/1",
                text="Same text.",
                title="T",
            )
        ]
    )
    assert summary.unchanged == 1
    assert [r[0] for r in store.con.execute("SELECT id FROM articles").fetchall()] == ["a1"]


@pytest.mark.issue(16)
def test_store_ingest_keeps_the_first_version_within_a_run_and_rejects_the_others(store: Store) -> None:
    summary = store.ingest(
        [
            article("a1", [("COLGOV", "USAGOV", "111", "2026-01-04")], url="https://x.example/1", text="v1"),
            article("b1", [("COLGOV", "USAGOV", "042", "2026-01-07")], url="https://x.example/1", text="v2"),
            article("c1", [("COLGOV", "USAGOV", "036", "2026-01-07")], text="v1"),
            article("c1", [("COLGOV", "USAGOV", "057", "2026-01-07")], text="v2"),
        ]
    )
    assert store.con.execute("SELECT id FROM articles ORDER BY id").fetchall() == [("a1",), ("c1",)]
    assert sorted(r[0] for r in store.con.execute("SELECT code FROM events").fetchall()) == ["036", "111"]
    assert summary.reject_codes == {"E212": 2}


@pytest.mark.parametrize(
    ("new_id", "url"),
    [("a1", "https://x.example/1"), ("renamed", "https://x.example/1"), ("a1", None)],
    ids=["same-id", "same-url", "same-id-no-url"],
)
def test_store_ingest_changed_article_replaces_its_events(store: Store, new_id: str, url: str | None) -> None:
    store.ingest(
        [
            article(
                "a1",
                [("COLGOV", "USAGOV", "111", "2026-01-04"), ("COLGOV", "USAGOV", "112", "2026-01-05")],
                url=url,
                text="v1",
            )
        ]
    )
    summary = store.ingest([article(new_id, [("COLGOV", "USAGOV", "042", "2026-01-07")], url=url, text="v2")])
    assert summary.replaced == 1
    codes = [r[0] for r in store.con.execute("SELECT code FROM events").fetchall()]
    assert codes == ["042"]
    assert [r[0] for r in store.con.execute("SELECT root FROM clusters").fetchall()] == ["04"]
    assert store.con.execute("SELECT count(*) FROM dyad_days WHERE conflict > 0").fetchone()[0] == 0


def test_store_ingest_records_provenance(store: Store) -> None:
    store.ingest(_thaw_articles()[:1], spacy_model="en_core_web_sm-3.8.0")
    row = store.con.execute("SELECT volte_version, coder_version, spacy_model FROM events LIMIT 1").fetchone()
    import volte

    assert row == (volte.__version__, "volte.coder.v1", "en_core_web_sm-3.8.0")


@pytest.mark.parametrize(
    ("urls", "sources"),
    [
        (["https://www.a.example/1", "https://a.example/2"], 1),  # www. stripped: one publisher
        (["https://a.example/1", "https://b.example/2"], 2),
        ([None, None], 2),  # no URL: each article is its own source
    ],
)
def test_store_cluster_counts_sources_by_publisher(
    store: Store, urls: list[str | None], sources: int
) -> None:
    store.ingest(
        [article(f"d{i}", [("COLGOV", "USAGOV", "111", "2026-01-04")], url=u) for i, u in enumerate(urls)]
    )
    assert store.con.execute("SELECT num_mentions, num_sources, num_articles FROM clusters").fetchall() == [
        (2, sources, 2)
    ]


@pytest.mark.parametrize(
    ("second_day", "clusters"), [("2026-01-04", 1), ("2026-01-05", 1), ("2026-01-06", 2)]
)
def test_store_cluster_joins_mentions_within_36_hours(store: Store, second_day: str, clusters: int) -> None:
    store.ingest(
        [
            article("x", [("COLGOV", "USAGOV", "111", "2026-01-04")]),
            article("y", [("COLGOV", "USAGOV", "112", second_day)]),
        ]
    )
    assert _count(store, "clusters") == clusters


@pytest.mark.parametrize(
    "other",
    [
        ("COLGOV", "USAGOV", "042", "2026-01-04"),
        ("COLGOV", "VENGOV", "111", "2026-01-04"),
        ("USAGOV", "COLGOV", "111", "2026-01-04"),
        ("COLMIL", "USAGOV", "111", "2026-01-04"),
    ],
    ids=["other-root", "other-target", "reversed", "other-role"],
)
def test_store_cluster_separates_roots_dyads_and_roles(
    store: Store, other: tuple[str, str, str, str]
) -> None:
    store.ingest([article("x", [("COLGOV", "USAGOV", "111", "2026-01-04")]), article("y", [other])])
    assert _count(store, "clusters") == 2


def test_store_cluster_groups_roles_beyond_the_first(store: Store) -> None:
    store.ingest(
        [
            article("x", [("COLGOV", "USAGOV", "111", "2026-01-04")]),
            article("y", [("COLGOVMIL", "USAGOV", "111", "2026-01-04")]),
        ]
    )
    assert _count(store, "clusters") == 1


@pytest.mark.parametrize(
    "kw",
    [{"precision": "month"}, {"factuality": "hypothetical"}, {"factuality": "future"}],
    ids=["month-precision", "hypothetical", "future"],
)
def test_store_cluster_leaves_out_unclustered_events(store: Store, kw: dict[str, str]) -> None:
    coded = article("x", [])
    coded = dataclasses.replace(coded, events=(event("x", 0, "COLGOV", "USAGOV", "111", "2026-01-04", **kw),))
    store.ingest([coded])
    assert _count(store, "events") == 1
    assert _count(store, "clusters") == 0
    assert store.con.execute("SELECT cluster_id FROM events").fetchone()[0] is None


def test_store_cluster_ids_do_not_depend_on_ingest_order(tmp_path: Path) -> None:
    items = _thaw_articles() + [
        article("a5", [("COLGOV", "USAGOV", "111", "2026-01-05")], url="https://z.example/5")
    ]
    snapshots = []
    for name, order in (("fwd", items), ("rev", list(reversed(items)))):
        with Store(tmp_path / f"{name}.duckdb") as s:
            for item in order:
                s.ingest([item])
            snapshots.append(_snapshot(s) | {"articles": None})
    assert snapshots[0] == snapshots[1]


def test_store_migrations_are_named_and_recorded_once(db: Path) -> None:
    with Store(db):
        pass
    with Store(db) as s:
        rows = s.con.execute("SELECT name FROM _migrations").fetchall()
    assert [r[0] for r in rows] == [name for name, _ in MIGRATIONS]


def test_store_rejects_are_stored_and_cleared_on_success(store: Store) -> None:
    store.ingest([reject("r1"), reject("r2", code="E208")])
    assert _count(store, "rejects") == 2
    store.ingest([article("r1", [("COLGOV", "USAGOV", "111", "2026-01-04")])])
    assert [r[0] for r in store.con.execute("SELECT doc_id FROM rejects").fetchall()] == ["r2"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"source": "COL"}, 5),
        ({"source": "COLGOV", "target": "USA"}, 5),
        ({"source": "colgovmil"}, 1),
        ({"target": "VEN"}, 1),
        ({"root": "4"}, 2),
        ({"since": date(2026, 1, 5)}, 3),
        ({"since": date(2026, 1, 4), "until": date(2026, 1, 4)}, 2),
    ],
)
def test_store_query_events_filters(store: Store, filters: dict, expected: int) -> None:
    store.ingest(_thaw_articles())
    rows, total = store.query_events(limit=2, **filters)
    assert total == expected
    assert len(rows) == min(2, expected)
    assert set(rows[0]) == {*EVENT_FIELDS, "cluster_id"}


def test_store_query_events_pages(store: Store) -> None:
    store.ingest(_thaw_articles())
    first, total = store.query_events(limit=4, offset=0)
    second, _ = store.query_events(limit=4, offset=4)
    assert total == 6
    assert {r["event_id"] for r in first}.isdisjoint({r["event_id"] for r in second})
    assert len(first) + len(second) == 6


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda s: s.query_events(source="XYZ"), "E505"),
        (lambda s: s.dyad_series("COL", "FRA"), "E505"),
        (lambda s: s.query_events(source="CO"), "E507"),
        (lambda s: s.dyad_series("COL-GOV", "USA"), "E507"),
        (lambda s: s.query_events(since=date(2026, 2, 1), until=date(2026, 1, 1)), "E506"),
        (lambda s: s.dyad_series("COL", "USA", since=date(2026, 2, 1), until=date(2026, 1, 1)), "E506"),
        (lambda s: detection.shifts(s, since=date(2026, 2, 1), until=date(2026, 1, 1)), "E506"),
        (lambda s: detection.shifts(s, kind="sideways"), "E504"),
    ],
    ids=[
        "unknown-source",
        "unknown-target",
        "malformed",
        "malformed-dash",
        "range-events",
        "range-dyad",
        "range-shifts",
        "kind",
    ],
)
def test_store_bad_arguments_raise_coded_errors(store: Store, call, code: str) -> None:
    store.ingest(_thaw_articles())
    with pytest.raises(StoreError) as info:
        call(store)
    assert info.value.code == code


def test_store_unknown_actor_error_lists_known_countries(store: Store) -> None:
    store.ingest(_thaw_articles())
    with pytest.raises(StoreError, match=r"known source countries: COL \(5\), USA \(1\)"):
        store.query_events(source="XYZ")


def test_store_missing_file_read_only_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at .*volte ingest") as info:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert info.value.code == "E501"


def test_store_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database\n" * 200)
    with pytest.raises(StoreError) as info:
        Store(bad, read_only=True)
    assert info.value.code == "E503"


@pytest.mark.parametrize("read_only", [True, False])
def test_store_foreign_duckdb_file_is_a_clear_error(tmp_path: Path, read_only: bool) -> None:
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE payroll (x INTEGER)").close()
    with pytest.raises(StoreError, match="not a volte store .*payroll") as info:
        Store(other, read_only=read_only)
    assert info.value.code == "E503"
    assert duckdb.connect(str(other), read_only=True).execute("SHOW TABLES").fetchall() == [("payroll",)]


def test_store_empty_file_becomes_a_store_when_writable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.duckdb"
    empty.touch()
    with pytest.raises(StoreError, match="empty file") as info:
        Store(empty, read_only=True)
    assert info.value.code == "E501"
    with Store(empty) as s:
        s.ingest(_thaw_articles()[:1])
    with Store(empty, read_only=True) as s:
        assert s.stats()["articles"] == 1


def test_store_read_only_refuses_ingest(db: Path) -> None:
    with Store(db):
        pass
    with Store(db, read_only=True) as s, pytest.raises(StoreError, match="read-only"):
        s.ingest(_thaw_articles())


def test_store_locked_by_another_writer_names_the_process(db: Path) -> None:
    with Store(db):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('locked', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match=rf"locked by process {holder.pid}.*one writer") as info:
            Store(db)
        assert info.value.code == "E502"
    finally:
        holder.kill()
        holder.wait()


def test_store_get_article_returns_text_and_events(store: Store) -> None:
    store.ingest(_thaw_articles())
    got = store.get_article("a3")
    assert got is not None
    assert got["url"] == "https://reuters.example/a3"
    assert [e["code"] for e in got["events"]] == ["042", "036"]
    assert all(e["cluster_id"] for e in got["events"])
    assert store.get_article("nope") is None


def test_store_dyad_series_counts_and_weights(store: Store) -> None:
    store.ingest(_thaw_articles())
    rows = store.dyad_series("COL", "USA", freq="day", since=date(2026, 1, 3), until=date(2026, 1, 8))
    assert [r["period"] for r in rows] == [f"2026-01-0{d}" for d in range(3, 9)]
    by_day = {r["period"]: r for r in rows}
    assert by_day["2026-01-03"]["clusters"] == 0
    jan4 = by_day["2026-01-04"]  # 111 and 112 share root 11: one cluster, two sources
    assert (jan4["clusters"], jan4["mentions"], jan4["sources"], jan4["q3"]) == (1, 2, 2, 1)
    assert jan4["goldstein_mean"] == pytest.approx(-2.0)
    assert jan4["goldstein_sum"] == pytest.approx(-2.0 * 2**0.5, abs=1e-3)


def test_store_dyad_series_by_role_code_narrows(store: Store) -> None:
    store.ingest(_thaw_articles() + [article("m", [("COLMIL", "USAGOV", "111", "2026-01-04")])])
    country = sum(r["clusters"] for r in store.dyad_series("COL", "USA"))
    role = sum(r["clusters"] for r in store.dyad_series("COLGOV", "USA"))
    assert country == role + 1


def test_store_dyad_series_weeks_start_on_monday(store: Store) -> None:
    store.ingest(_thaw_articles())
    rows = store.dyad_series("COL", "USA", freq="week")
    assert [r["period"] for r in rows] == ["2025-12-29", "2026-01-05"]
    assert [r["clusters"] for r in rows] == [1, 2]


def test_store_stats_counts(store: Store) -> None:
    store.ingest(_thaw_articles() + [reject("bad")])
    assert store.stats() == {
        "articles": 4,
        "events": 6,
        "clusters": 4,
        "rejects": 1,
        "first_date": "2026-01-03",
        "last_date": "2026-01-08",
    }


def test_store_cluster_hours_setting_is_used(tmp_path: Path) -> None:
    tight = Settings(store=StoreSettings(cluster_hours=12))
    with Store(tmp_path / "s.duckdb", settings=tight) as s:
        s.ingest(
            [
                article("x", [("COLGOV", "USAGOV", "111", "2026-01-04")]),
                article("y", [("COLGOV", "USAGOV", "112", "2026-01-05")]),
            ]
        )
        assert _count(s, "clusters") == 2


_day = st.dates(min_value=date(2025, 12, 25), max_value=date(2026, 1, 10)).map(date.isoformat)
_spec = st.tuples(
    st.sampled_from(["COLGOV", "USAGOV", "VENGOV"]),
    st.sampled_from(["USAGOV", "COLGOV"]),
    st.sampled_from(["042", "111", "036", "190"]),
    _day,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(st.lists(_spec, min_size=1, max_size=4), min_size=1, max_size=5))
def test_store_roundtrip_gives_back_the_events(
    tmp_path: Path, docs: list[list[tuple[str, str, str, str]]]
) -> None:
    items = [article(f"doc{i}", specs, url=f"https://h{i % 2}.example/{i}") for i, specs in enumerate(docs)]
    with Store(":memory:") as s:
        s.ingest(items)
        rows, total = s.query_events(limit=1000)
        mentions = s.con.execute("SELECT coalesce(sum(num_mentions), 0) FROM clusters").fetchone()[0]
    expected = {e.event_id: e.to_dict(spans=False) for item in items for e in item.events}
    assert total == len(expected)
    assert {r["event_id"]: {k: r[k] for k in EVENT_FIELDS} for r in rows} == expected
    assert mentions == sum(1 for e in expected.values() if e["source"] != e["target"] or True)


KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {helpers!r})
    from store_records import article
    from volte.store import writer
    from volte.store.db import Store

    PAUSE, WHERE = {pause_at}, {where!r}
    recluster, calls = writer.recluster, []

    def pausing_recluster(con, changes, *, hours):
        recluster(con, changes, hours=hours)
        calls.append(1)
        if WHERE == "transaction" and len(calls) == 3:  # third batch: rows written, COMMIT not reached
            print("paused", flush=True)
            time.sleep(120)

    writer.recluster = pausing_recluster

    def items(n):
        for i in range(n):
            if WHERE == "between" and i == PAUSE:
                print("paused", flush=True)
                time.sleep(120)
            day = "2026-01-%02d" % (1 + i % 20)
            yield article("k%03d" % i, [("COLGOV", "USAGOV", ("111", "042", "036")[i % 3], day), ("USAGOV", "COLGOV", "190", day)], url="https://h%d.example/%d" % (i % 4, i))

    with Store(sys.argv[1]) as store:
        store.ingest(items({total}), batch_size=5)
    print("done", flush=True)
    """
)


@pytest.mark.parametrize("where", ["between", "transaction"], ids=["between-batches", "inside-a-transaction"])
def test_store_killed_ingest_leaves_store_consistent_and_rerun_completes(tmp_path: Path, where: str) -> None:
    helpers = str(Path(__file__).parent)
    script = tmp_path / "ingest.py"
    script.write_text(KILL_SCRIPT.format(helpers=helpers, pause_at=12, total=30, where=where))
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "paused"
    finally:
        proc.kill()  # SIGKILL: the third batch (articles 10-14) is being read or written, not committed
        proc.wait()
    with Store(db) as s:
        assert _count(s, "articles") == 10  # two whole batches, nothing of the third
        orphans = s.con.execute(
            "SELECT count(*) FROM events e ANTI JOIN articles a ON a.id = e.doc_id"
        ).fetchone()
        assert orphans == (0,)
        unclustered = s.con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone()
        assert unclustered == (0,)
    clean = tmp_path / "clean.duckdb"
    for target in (db, clean):
        script.write_text(KILL_SCRIPT.format(helpers=helpers, pause_at=-1, total=30, where="nowhere"))
        done = subprocess.run(
            [sys.executable, str(script), str(target)], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "done"
    with Store(db) as resumed, Store(clean) as fresh:
        assert _count(resumed, "articles") == 30
        assert _snapshot(resumed) | {"articles": None} == _snapshot(fresh) | {"articles": None}


def test_store_migration_upgrades_an_older_store(db: Path) -> None:
    from volte.store import migrations

    with Store(db) as s:
        s.ingest(_thaw_articles())
        expected = s.con.execute(
            "SELECT source_country, target_country, day, ww FROM dyad_days ORDER BY ALL"
        ).fetchall()
        # rewind to a store that only had 0001_initial
        s.con.execute("DROP INDEX events_event_id")  # 0009's; DuckDB alters no table with an index
        s.con.execute("ALTER TABLE dyad_days DROP COLUMN ww")
        s.con.execute("ALTER TABLE events DROP COLUMN dictionaries_sha256")
        s.con.execute("ALTER TABLE articles DROP COLUMN dictionaries_sha256")
        s.con.execute("ALTER TABLE dyad_thresholds DROP COLUMN features")
        for name, _ in migrations.EVENT_PLACE_COLUMNS:
            s.con.execute(f"ALTER TABLE events DROP COLUMN {name}")
        s.con.execute("ALTER TABLE articles DROP COLUMN source_hash")
        s.con.execute("DELETE FROM _migrations WHERE name <> '0001_initial'")
    with Store(db) as s:
        assert migrations.pending(s.con) == []
        assert s.con.execute("SELECT count(*) FROM dyad_thresholds").fetchone() == (0,)  # recalibrated on demand
        assert detection.refresh_thresholds(s) > 0
        missing = "SELECT count(*) FROM dyad_thresholds WHERE calibrated IS NOT NULL AND features IS NULL"
        assert s.con.execute(missing).fetchone() == (0,)
        assert (
            s.con.execute(
                "SELECT source_country, target_country, day, ww FROM dyad_days ORDER BY ALL"
            ).fetchall()
            == expected
        )


def test_store_read_only_refuses_a_store_needing_migration(db: Path) -> None:
    with Store(db) as s:
        s.con.execute("DELETE FROM _migrations WHERE name <> '0001_initial'")
    with pytest.raises(StoreError, match="missing migrations 0002") as info:
        Store(db, read_only=True)
    assert info.value.code == "E501"


def test_store_ingest_caches_thresholds_and_read_only_shifts_agree(db: Path) -> None:
    with Store(db) as s:
        detection.ingest(s, _thaw_articles())  # the ingest path's one write step: store, then calibrate
        cached = s.con.execute(
            "SELECT source_country, target_country FROM dyad_thresholds ORDER BY ALL"
        ).fetchall()
        writable = detection.shifts(s)
        s.con.execute("DELETE FROM dyad_thresholds")
    assert ("COL", "USA") in cached and ("USA", "VEN") in cached
    with Store(db, read_only=True) as ro:
        assert detection.shifts(ro) == writable
        assert {pair for _, pair in ro.memo} >= {("COL", "USA")}
        assert detection.shifts(ro) == writable


def test_store_shifts_in_chunks_equal_shifts_at_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    threats = [("USAGOV", "COLGOV", "138", f"2026-01-0{d}") for d in (1, 3, 5)]
    talks = [("USAGOV", "COLGOV", "057", f"2026-01-0{d}") for d in (7, 9)]
    items = _thaw_articles() + [
        article(f"x{i}", threats + talks, url=f"https://p{i}.example/x") for i in range(8)
    ]
    store.ingest(items)
    whole = detection.shifts(store)
    monkeypatch.setattr(detection, "MATRIX_CELLS", 1)  # one dyad per chunk
    assert detection.shifts(store) == whole
    assert {(s["source"], s["target"]) for s in whole} >= {("USA", "COL")}


def test_store_ingest_recoded_article_replaces_its_events(store: Store) -> None:
    store.ingest(
        [article("a1", [("COLGOV", "USAGOV", "111", "2026-01-04")], url="https://x.example/1", text="Same.")]
    )
    recoded = article(
        "a1", [("COLGOV", "USAGOV", "112", "2026-01-04")], url="https://x.example/1", text="Same."
    )
    summary = store.ingest([recoded])
    assert (summary.replaced, summary.unchanged) == (1, 0)
    assert store.con.execute("SELECT code FROM events").fetchall() == [("112",)]


def test_store_records_dictionaries_fingerprint(store: Store) -> None:
    from volte.store.writer import rules_sha256

    digest = rules_sha256()
    store.ingest(_thaw_articles()[:1], dictionaries=digest)
    assert len(digest) == 64 and digest == rules_sha256()
    assert store.con.execute("SELECT DISTINCT dictionaries_sha256 FROM events").fetchall() == [(digest,)]
    assert store.con.execute("SELECT dictionaries_sha256 FROM articles").fetchall() == [(digest,)]


@pytest.mark.parametrize(("q", "expected"), [("PROVIDE", {"a1"}), ("50%_off", set()), ("to COLGOV", {"a1"})])
def test_store_query_events_q_searches_sentences(store: Store, q: str, expected: set[str]) -> None:
    store.ingest(
        [
            article("a1", [("USAGOV", "COLGOV", "070", "2026-01-05")]),
            article("a2", [("COLGOV", "USAGOV", "111", "2026-01-04")]),
        ]
    )
    rows, total = store.query_events(q=q, limit=10)
    assert {r["doc_id"] for r in rows} == expected and total == len(expected)


def test_store_top_dyads_ranks_by_clusters_since_a_day(store: Store) -> None:
    store.ingest(_thaw_articles())
    top = store.top_dyads(limit=5)
    assert top and top[0]["events"] == max(d["events"] for d in top)
    assert all(d["source"] != d["target"] for d in top)
    assert store.top_dyads(limit=5, since=date(2030, 1, 1)) == []


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("place", "planned"),
    [(BERLIN, None), (TEXAS, ("2026-03-01", "month"))],
    ids=["berlin", "texas-planned"],
)
def test_store_event_place_and_planned_date_read_back(
    store: Store, place: dict[str, object], planned: tuple[str, str] | None
) -> None:
    item = placed_article("p1", place, planned=planned)
    store.ingest([item])
    rows, _ = store.query_events(doc_id="p1")
    found = store.get_article("p1")
    assert found is not None
    assert [Event.from_dict(r) for r in rows] == list(item.events)
    assert [Event.from_dict(r) for r in found["events"]] == list(item.events)


@pytest.mark.issue(13)
def test_store_ingest_stores_again_an_article_whose_place_changed(store: Store) -> None:
    store.ingest([placed_article("p1", BERLIN)])
    summary = store.ingest([placed_article("p1", TEXAS)])
    rows, _ = store.query_events(doc_id="p1")
    assert (summary.replaced, [r["place"] for r in rows]) == (1, ["Texas"])


@pytest.mark.issue(13)
def test_store_migration_0006_gives_stored_events_no_place(db: Path) -> None:
    from volte.store import migrations

    items = _thaw_articles()
    with Store(db) as s:
        s.ingest(items)
        hashes = s.con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
        s.con.execute("DROP INDEX events_event_id")  # rewind to a store before 0006 (and 0009's index)
        for name, _ in migrations.EVENT_PLACE_COLUMNS:
            s.con.execute(f"ALTER TABLE events DROP COLUMN {name}")
        s.con.execute("DELETE FROM _migrations WHERE name IN ('0006_event_place', '0009_event_id_index')")
    with Store(db) as s:
        assert migrations.pending(s.con) == []
        rows, _ = s.query_events(limit=100)
        summary = s.ingest(items)
        assert s.con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall() == hashes
    expected = {e.event_id: e for item in items for e in item.events}
    assert {r["event_id"]: Event.from_dict(r) for r in rows} == expected
    assert summary.unchanged == len(items)


@pytest.mark.issue(13)
def test_coder_fingerprint_covers_rules_and_coding_code(tmp_path: Path) -> None:
    from volte.store.writer import coding_files, files_sha256

    names = {name for name, _ in coding_files()}
    assert {"coding/coder.py", "coding/incidents.py", "nlp/pipeline.py", "ingest/dateline.py"} <= names
    assert "coding/rules/lexicon/incidents.yml" in names and "coding/rules/verbs/18_assault.yml" in names
    one, two = tmp_path / "a.py", tmp_path / "b.yml"
    one.write_text("x = 1\n")
    two.write_text("k: v\n")
    before = files_sha256([("a.py", one), ("b.yml", two)])
    one.write_text("x = 2\n")  # a code change alone changes the fingerprint
    assert files_sha256([("a.py", one), ("b.yml", two)]) != before
