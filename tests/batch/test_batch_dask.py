"""`volte batch` on real Dask clusters: exactness against single-process coding, a really killed worker,
a killed run resumed, a rerun that does nothing, and an external scheduler with two worker processes.

Every cluster and process these tests start is stopped before the test ends."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from volte.ingest.sources import iter_articles
from volte.scale.batch import run_batch
from volte.scale.manifest import MANIFEST_NAME, TMP_DIR, Manifest, ShardStats, iter_coded, load_manifest

pytestmark = [pytest.mark.slow, pytest.mark.model]

BIN = Path(sys.executable).parent
PAIRS = [
    ("Brazil", "Argentina"),
    ("France", "Germany"),
    ("Japan", "China"),
    ("Colombia", "Venezuela"),
    ("India", "Pakistan"),
    ("Kenya", "Uganda"),
]
TEMPLATES = [
    "The president of {a} accused {b} of violating the border agreement on Monday.",
    "{a} and {b} agreed to meet in Geneva next week to discuss trade.",
    "{a}'s foreign minister praised {b} for its help after the floods.",
    "Police in {a} arrested two citizens of {b} on Tuesday, officials said.",
    "{a} threatened to impose sanctions on {b} over the dispute.",
    "The government of {a} met with diplomats from {b} in the capital.",
]
SHARD_SIZE = 3


def write_corpus(root: Path, n: int = 30) -> list[str]:
    """A few dozen short articles (our own sentences), some bad lines, and a folder of text files."""
    lines = []
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        text = " ".join(t.format(a=a, b=b) for t in (TEMPLATES[i % 6], TEMPLATES[(i + 2) % 6]))
        lines.append(
            json.dumps(
                {
                    "id": f"wire-{i:03d}",
                    "date": f"2026-01-{1 + i % 20:02d}",
                    "title": f"{a} and {b}",
                    "text": text,
                }
            )
        )
    lines[7] = '{"id": "broken", "text": "no closing brace"'
    lines[12] = json.dumps({"id": "empty-1", "text": "   "})
    lines[20] = json.dumps(
        {
            "id": "french-1",
            "text": "Le gouvernement a annoncé mardi de nouvelles mesures contre la vie chère dans tout le pays.",
        }
    )
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = root / "letters"
    folder.mkdir()
    for i, (a, b) in enumerate(PAIRS[:4]):
        (folder / f"report-{i}.txt").write_text(
            f"{a} and {b}\n\n" + TEMPLATES[(i + 4) % 6].format(a=a, b=b) + "\n", encoding="utf-8"
        )
    return [str(root / "wire.jsonl"), str(folder)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def expected(corpus: list[str], coder: Any) -> list[Any]:
    """Single-process coding of the same inputs: the reference every batch run must equal."""
    coded = list(coder.code(iter_articles(corpus)))
    assert sum(len(c.events) for c in coded) >= 30 and sum(c.reject is not None for c in coded) == 3
    return coded


@pytest.fixture(scope="module")
def completed(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    out = tmp_path_factory.mktemp("batch") / "out"
    return out, run_batch(corpus, out, workers=2, shard_size=SHARD_SIZE)


def assert_exact(out: Path, expected: list[Any]) -> None:
    """Same documents, events (every field, same ids) and rejects, in input order; counts add up."""
    got = list(iter_coded(out))
    assert [json.dumps([e.to_dict() for e in c.events]) for c in got] == [
        json.dumps([e.to_dict() for e in c.events]) for c in expected
    ]
    assert got == expected
    manifest = load_manifest(out)
    assert manifest is not None and manifest["complete"]
    totals = manifest["totals"]
    assert totals["input_docs"] == len(expected) == totals["coded_docs"] + totals["rejects"]
    assert totals["events"] == sum(len(c.events) for c in expected)
    assert totals["rejects"] == sum(c.reject is not None for c in expected)
    assert not (out / TMP_DIR).exists()


def test_run_batch_equals_single_process_coding(
    completed: tuple[Path, Manifest], expected: list[Any]
) -> None:
    out, manifest = completed
    assert manifest.complete and manifest.resumed == 0 and len(manifest.shards) > 10
    assert len({stats.worker for stats in manifest.done.values()}) == 2  # both workers coded shards
    assert_exact(out, expected)


def test_run_batch_rerun_after_completion_does_nothing(
    completed: tuple[Path, Manifest], corpus: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, first = completed
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()}

    def no_cluster(**_: Any) -> None:
        raise AssertionError("a rerun after completion must not start a cluster")

    monkeypatch.setattr("volte.scale.batch.dask_client", no_cluster)
    again = run_batch(corpus, out, workers=2, shard_size=SHARD_SIZE)
    assert again.complete and again.resumed == len(again.shards) == len(first.shards)
    assert {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in out.rglob("*") if p.is_file()} == before


@pytest.fixture
def local_cluster() -> Iterator[Any]:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster


def test_run_batch_survives_a_killed_worker(
    local_cluster: Any, corpus: list[str], expected: list[Any], tmp_path: Path
) -> None:
    from distributed import Client

    killed: list[int] = []
    with Client(local_cluster) as watcher:

        def kill_busy_worker(stats: ShardStats | None, manifest: Manifest) -> None:
            if killed or manifest.complete:
                return
            pids = watcher.run(os.getpid)
            busy = [addr for addr, keys in watcher.processing().items() if keys] or list(pids)
            os.kill(pids[busy[0]], signal.SIGKILL)  # the process dies mid-shard: no cleanup, no goodbye
            killed.append(pids[busy[0]])

        manifest = run_batch(
            corpus,
            tmp_path / "out",
            scheduler=local_cluster.scheduler_address,
            shard_size=SHARD_SIZE,
            on_shard=kill_busy_worker,
        )
        assert killed and killed[0] not in watcher.run(os.getpid).values()
    assert manifest.complete and not manifest.failed
    assert_exact(tmp_path / "out", expected)


def volte_batch(*args: str, progress: bool = False) -> list[str]:
    flag = "--progress" if progress else "--no-progress"
    return [str(BIN / "volte"), "batch", *args, "--shard-size", str(SHARD_SIZE), flag]


@contextlib.contextmanager
def stopping(*procs: subprocess.Popen[bytes]) -> Iterator[None]:
    """Stop every process (and its process group) however the test ends."""
    try:
        yield
    finally:
        for proc in procs:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_for(predicate: Any, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


def test_batch_cli_resumes_after_the_whole_run_is_killed(
    corpus: list[str], expected: list[Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"

    def committed() -> int:
        return len(list((out / "shards").iterdir())) if (out / "shards").is_dir() else 0

    run = subprocess.Popen(
        volte_batch(*corpus, "--out", str(out), "--workers", "2"),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    with stopping(run):
        wait_for(lambda: committed() >= 2, timeout=240, what="two committed shards")
        os.killpg(run.pid, signal.SIGKILL)  # the client, its scheduler and both workers die at once
        run.wait()
    total = load_manifest(out)["shards_total"]  # type: ignore[index]
    assert 2 <= committed() < total, "the run ended before it was killed: make the test corpus larger"
    rerun = subprocess.run(
        volte_batch(*corpus, "--out", str(out), "--workers", "2"), capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 4, rerun.stderr  # 4: done, the corpus holds rejects (issue 16)
    done_before = int(rerun.stdout.split("(")[1].split()[0])
    assert done_before >= 2, rerun.stdout
    assert_exact(out, expected)


def test_batch_cli_on_external_scheduler_with_two_worker_processes(
    corpus: list[str], expected: list[Any], tmp_path: Path
) -> None:
    address_file = tmp_path / "scheduler.json"
    common = {
        "start_new_session": True,
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "cwd": tmp_path,
    }
    scheduler = subprocess.Popen(
        [
            str(BIN / "dask"),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(address_file),
        ],
        **common,
    )  # type: ignore[call-overload]
    with stopping(scheduler):
        wait_for(address_file.is_file, timeout=60, what="the scheduler file")
        time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        workers = [
            subprocess.Popen(
                [
                    str(BIN / "dask"),
                    "worker",
                    address,
                    "--nthreads",
                    "1",
                    "--nworkers",
                    "1",
                    "--no-dashboard",
                    "--name",
                    f"w{i}",
                ],
                **common,
            )  # type: ignore[call-overload]
            for i in range(2)
        ]
        with stopping(*workers):
            result = subprocess.run(
                volte_batch(*corpus, "--out", str(tmp_path / "out"), "--scheduler", address, progress=True),
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert result.returncode == 4, result.stderr  # done, rejects present
            assert "coded" in result.stdout and "input documents" in result.stdout
            assert all(part in result.stderr for part in ("docs/s", "ETA", "events", "rejects")), (
                result.stderr
            )
            workers_used = {
                s["worker"] for s in json.loads((tmp_path / "out" / MANIFEST_NAME).read_text())["shards"]
            }
            assert all(w.startswith("tcp://127.0.0.1:") for w in workers_used)
    assert_exact(tmp_path / "out", expected)


def test_batch_output_feeds_the_store_like_single_process_coding(
    completed: tuple[Path, Manifest], expected: list[Any], tmp_path: Path
) -> None:
    """What `volte ingest DIR` builds on: the store holds the same rows from the batch output as from
    single-process coding of the same inputs."""
    from volte.scale.manifest import read_provenance
    from volte.store.db import Store

    out, _ = completed
    with Store(tmp_path / "batch.duckdb") as from_batch, Store(tmp_path / "direct.duckdb") as direct:
        got = from_batch.ingest(iter_coded(out), spacy_model=read_provenance(out)["spacy_model"])
        want = direct.ingest(expected)
        assert {k: v for k, v in got.to_dict().items() if k != "batches"} == {
            k: v for k, v in want.to_dict().items() if k != "batches"
        }
        assert got.events == sum(len(c.events) for c in expected) > 0
        rows, total = from_batch.query_events(limit=1000)
        direct_rows, direct_total = direct.query_events(limit=1000)
        assert total == direct_total and sorted(r["event_id"] for r in rows) == sorted(
            r["event_id"] for r in direct_rows
        )
        assert from_batch.stats() == direct.stats()
    # `volte ingest DIR` loads the shard files with SQL (no Events rebuilt): the same rows again
    from volte.scale.manifest import parquet_parts

    parts = parquet_parts(out)
    assert parts is not None
    with Store(tmp_path / "sql.duckdb") as from_sql, Store(tmp_path / "direct.duckdb") as direct:
        loaded = from_sql.ingest_parquet(parts, spacy_model=read_provenance(out)["spacy_model"])
        assert {k: v for k, v in loaded.to_dict().items() if k != "batches"} == {
            k: v for k, v in want.to_dict().items() if k != "batches"
        }
        for table in ("articles", "events", "clusters", "dyad_days", "turns", "rejects"):
            assert _rows(from_sql, table) == _rows(direct, table), table


def _rows(store: Any, table: str) -> list[tuple[Any, ...]]:
    """A table's rows, in order, without ingest times and provenance (they differ between the two paths)."""
    skip = {"ingested_at", "rejected_at", "spacy_model", "dictionaries_sha256", "source_hash"}
    columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in skip]
    return store.con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()


def test_run_batch_records_a_failed_shard_and_the_rerun_codes_only_it(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for i, (a, b) in enumerate(PAIRS[:4]):
        (folder / f"r{i}.txt").write_text(TEMPLATES[i].format(a=a, b=b) + "\n", encoding="utf-8")
    vanishing = folder / "r2.txt"
    kept = vanishing.read_text(encoding="utf-8")

    def remove_one_input(manifest: Manifest) -> None:  # after planning, before any shard runs
        vanishing.unlink()

    first = run_batch([folder], tmp_path / "out", workers=1, shard_size=1, on_start=remove_one_input)
    assert not first.complete and len(first.done) == 3
    assert list(first.failed) == [s.id for s in first.shards if vanishing.name in s.paths[0]]
    assert "FileNotFoundError" in next(iter(first.failed.values()))
    assert load_manifest(tmp_path / "out")["shards_failed"] == 1  # type: ignore[index]
    vanishing.write_text(kept, encoding="utf-8")
    second = run_batch([folder], tmp_path / "out", workers=1, shard_size=1)
    assert second.complete and not second.failed and second.resumed == 3
    assert [c.article.id for c in iter_coded(tmp_path / "out")] == [f"r{i}.txt" for i in range(4)]  # type: ignore[union-attr]


def test_ingest_cli_stores_a_batch_output_without_recoding(
    completed: tuple[Path, Manifest], expected: list[Any], tmp_path: Path
) -> None:
    """`volte ingest OUT_DIR` reads the batch's Parquet shards; a second run adds nothing."""
    from typer.testing import CliRunner

    from volte.cli import app
    from volte.store.db import Store

    out, _ = completed
    db = tmp_path / "from-cli.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(out), "--db", str(db)])
    assert first.exit_code == 4  # the corpus holds 3 rejects: done, with rejects
    assert "batch output" in first.output and "3 rejected" in first.output
    again = runner.invoke(app, ["ingest", str(out), "--db", str(db)])
    assert "0 new" in again.output
    with Store(db, read_only=True) as store:
        assert store.stats()["events"] == sum(len(c.events) for c in expected)
