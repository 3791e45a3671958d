"""`volte batch`: ingest + coding mapped over input shards with Dask ``distributed``, with checkpoints.

Orchestration on the client: plan the shards, open the output's manifest (committed shards are
skipped), start a LocalCluster or connect to a scheduler, submit one task per missing shard, and record
each shard as its future completes. Work on the workers: read the shard, code it with a Coder loaded
once per worker process, commit the shard's Parquet files atomically. Everything the run produces is
idempotent, so a rerun after any crash codes exactly what is missing.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import json
import logging
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from volte import CODER_VERSION
from volte.errors import (
    E_BATCH_LOCKED,
    E_BATCH_SCHEDULER,
    E_BATCH_SHARD_FAILED,
    E_CONFIG_OUTPUT_PATH,
    CodingError,
    ConfigError,
)
from volte.nlp.pipeline import model_version
from volte.records import Article, Reject
from volte.scale.manifest import (
    TMP_DIR,
    Manifest,
    ShardStats,
    now_iso,
    read_shard_stats,
    shard_tables,
    write_shard,
)
from volte.scale.shards import DEFAULT_SHARD_SIZE, Shard, plan_shards, read_shard
from volte.settings import Settings

if TYPE_CHECKING:

    from volte.coding.coder import Coded, Coder

log = logging.getLogger(__name__)

MANIFEST_INTERVAL_S = 1.0  # the longest manifest.json lags behind the committed shards during a run

ShardCallback = Callable[[ShardStats | None, Manifest], None]
StartCallback = Callable[[Manifest], None]

# ---------------------------------------------------------------- worker side

_CODERS: dict[str, Coder] = {}
_CODERS_LOCK = threading.Lock()


def worker_coder(settings: Settings) -> Coder:
    """The Coder of this process for these settings: built (spaCy model loaded) once per worker."""
    key = settings.model_dump_json()
    with _CODERS_LOCK:
        if key not in _CODERS:
            from volte.coding.coder import Coder  # lazy: the coding modules load only where a shard is coded

            _CODERS[key] = Coder(settings)
        return _CODERS[key]


class CoderPreload(WorkerPlugin):
    """Worker plugin: loads the Coder when a worker joins (also a worker restarted after a crash), off the
    worker's event loop, so the first shard does not pay for it."""

    name = "volte-coder"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def setup(self, worker: Any) -> None:
        await asyncio.get_running_loop().run_in_executor(None, worker_coder, self.settings)

    def teardown(self, worker: Any) -> None:
        return None


def code_shard(shard: Shard, *, out_dir: str, settings: Settings, published: date | None) -> ShardStats:
    """Read, code and commit one shard (runs on a worker); returns its counts."""
    started = time.perf_counter()
    items = list(read_shard(shard, published=published, settings=settings))  # materialise: see NOTES.md
    coder = worker_coder(settings)
    coded = list(coder.code(items))
    stats = shard_stats(
        shard, items, coded, seconds=time.perf_counter() - started, spacy_model=model_version(coder.nlp)
    )
    write_shard(Path(out_dir), stats, shard_tables(shard.id, coded))
    return stats


def shard_stats(
    shard: Shard, items: list[Article | Reject], coded: list[Coded], *, seconds: float, spacy_model: str = ""
) -> ShardStats:
    """Counts of one coded shard, after checking that every input document has exactly one result."""
    expected = [item.id if isinstance(item, Article) else item.doc_id for item in items]
    got = [c.article.id if c.article is not None else (c.reject.doc_id if c.reject else "?") for c in coded]
    if got != expected:
        raise CodingError(
            f"shard {shard.id} ({shard.describe()}): the coder returned {len(got)} results for {len(expected)} "
            "documents, or out of order; this is a bug in volte.coding.coder, please report it",
            code=E_BATCH_SHARD_FAILED,
        )
    rejects = [c.reject for c in coded if c.reject is not None]
    versions = {e.coder_version for c in coded for e in c.events} or {CODER_VERSION}
    return ShardStats(
        shard=shard.id, source=shard.describe(), input_docs=len(items), coded_docs=len(items) - len(rejects),
        rejects=len(rejects), events=sum(len(c.events) for c in coded),
        rejects_by_code=dict(sorted(Counter(r.code for r in rejects).items())), seconds=round(seconds, 3),
        worker=_worker_address(), coder_version=",".join(sorted(versions)), spacy_model=spacy_model,
        finished=now_iso(),
    )  # fmt: skip


def _worker_address() -> str:

    try:
        return str(get_worker().address)
    except ValueError:
        return "local"


# ---------------------------------------------------------------- client side


def run_batch(
    inputs: Sequence[str | Path],
    out_dir: str | Path,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    settings: Settings | None = None,
    published: date | None = None,
    on_start: StartCallback | None = None,
    on_shard: ShardCallback | None = None,
) -> Manifest:
    """Code every document of ``inputs`` into ``out_dir`` (Parquet per shard + manifest.json).

    Shards already committed in ``out_dir`` are skipped, so rerunning after a crash codes only what is
    missing, and rerunning after completion does nothing. ``on_start(manifest)`` is called once the workers
    are ready (not when there is nothing to do), ``on_shard(stats, manifest)`` on the client after each
    shard (stats None when the shard failed). Failed shards are recorded in the
    manifest (``complete`` stays false) and coded again by the next run."""
    settings = settings or Settings()
    if scheduler is None and workers < 1:
        raise ConfigError(f"--workers {workers}: need at least 1 worker", code=E_BATCH_SCHEDULER)
    out = Path(out_dir)
    _check_out_dir(out)
    shards = plan_shards(inputs, shard_size=shard_size, exclude=out)
    if scheduler is not None and any(not Path(p).is_absolute() for s in shards for p in s.paths):
        log.warning(
            "relative input paths are resolved in each worker's working directory; give absolute paths on a shared filesystem"
        )
    plan = make_plan(inputs, shards, shard_size=shard_size, published=published, settings=settings)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"--out {out}: cannot create the folder ({exc.strerror or exc}); check the path and its permissions",
            code=E_CONFIG_OUTPUT_PATH,
        ) from exc
    with output_lock(out):
        manifest = Manifest.open(out, shards, plan=plan)
        todo = manifest.pending()
        if not todo:
            if manifest.stale:
                manifest.save()
            log.info("%s: all %d shards are already coded; nothing to do", out, len(shards))
            return manifest
        log.info(
            "%s: coding %d of %d shards (%d already done)", out, len(todo), len(shards), manifest.resumed
        )
        shutil.rmtree(out / TMP_DIR, ignore_errors=True)
        manifest.save()
        try:
            with dask_client(workers=workers, scheduler=scheduler) as client:
                prepare_workers(client, settings)
                if on_start is not None:
                    on_start(manifest)
                _code_pending(
                    client, manifest, todo, settings=settings, published=published, on_shard=on_shard
                )
            shutil.rmtree(out / TMP_DIR, ignore_errors=True)
        finally:
            manifest.save()
    return manifest


def _check_out_dir(out: Path) -> None:
    """A ConfigError (E104) when ``out`` (or a folder above it) is a file: the output is a folder, created
    when missing, that holds the shards and the manifest."""
    for path in (out, *out.parents):
        if path.exists() and not path.is_dir():
            raise ConfigError(
                f"--out {out}: {'is' if path == out else f'{path} is'} a file, not a folder; "
                "give a folder for the shards and manifest (it is created when missing)",
                code=E_CONFIG_OUTPUT_PATH,
            )


def _code_pending(
    client: Client,
    manifest: Manifest,
    todo: list[Shard],
    *,
    settings: Settings,
    published: date | None,
    on_shard: ShardCallback | None,
) -> None:
    """Record shards as they complete; rewrite the manifest at most once a second (it is a summary of the
    committed shard files, so a lag loses nothing, and a per-shard rewrite would grow quadratically)."""
    saved = time.monotonic()
    for stats, error in _run_shards(
        client, todo, out=manifest.out_dir, settings=settings, published=published
    ):
        _record(manifest, stats, error)
        if time.monotonic() - saved >= MANIFEST_INTERVAL_S:
            manifest.save()
            saved = time.monotonic()
        if on_shard is not None:
            on_shard(stats if error is None else None, manifest)


def make_plan(
    inputs: Sequence[str | Path],
    shards: list[Shard],
    *,
    shard_size: int,
    published: date | None,
    settings: Settings,
) -> dict[str, Any]:
    """What defines a batch output: reruns must match it exactly (the fingerprint) to resume."""
    coding = settings.model_dump(mode="json", include={"ingest", "nlp", "coding"})
    day = published.isoformat() if published else None
    key = json.dumps({"shards": [s.id for s in shards], "published": day, "settings": coding}, sort_keys=True)
    fingerprint = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return {
        "inputs": [str(p) for p in inputs],
        "shard_size": shard_size,
        "published": day,
        "settings": coding,
        "fingerprint": fingerprint,
    }


def _record(manifest: Manifest, stats: ShardStats | None, error: str | None) -> None:
    if error is None and stats is not None:
        manifest.record(stats)
        log.info(
            "shard %s: %d docs, %d events, %d rejects (%s)",
            stats.shard,
            stats.input_docs,
            stats.events,
            stats.rejects,
            stats.worker,
        )
    elif stats is not None:
        manifest.record_failure(stats.shard, error or "failed")
        log.warning("shard %s (%s) failed: %s", stats.shard, stats.source, error)


@contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """One run per output directory at a time (an OS lock: released when the process dies)."""
    with open(out / ".lock", "a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError(
                f"{out}: another `volte batch` is writing to this directory; wait for it or use another --out",
                code=E_BATCH_LOCKED,
            ) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextmanager
def quiet_dask() -> Iterator[None]:
    """Keep the in-process scheduler's INFO chatter out of the user's terminal (unless -vv)."""
    logger = logging.getLogger("distributed")
    previous = logger.level
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(previous)


@contextmanager
def dask_client(*, workers: int, scheduler: str | None) -> Iterator[Client]:
    """A Client on the given scheduler, or on a LocalCluster of ``workers`` single-threaded processes."""
    if scheduler is None:
        with quiet_dask(), local_client(workers) as client:
            yield client
    else:
        with remote_client(scheduler) as client:
            yield client


@contextmanager
def local_client(workers: int) -> Iterator[Client]:

    # dashboard_address ":0" = any free port (None still binds 8787, and warns when another cluster has it)
    options = {
        "threads_per_worker": 1,
        "processes": True,
        "dashboard_address": ":0",
        "silence_logs": logging.ERROR,
    }
    with LocalCluster(n_workers=workers, **options) as cluster, Client(cluster) as client:
        yield client


@contextmanager
def remote_client(scheduler: str) -> Iterator[Client]:
    from distributed import Client

    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc}); start one with `dask scheduler` "
            "and workers with `dask worker <address>`, and check the address and port",
            code=E_BATCH_SCHEDULER,
        ) from exc
    with client:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            raise ConfigError(
                f"--scheduler {scheduler}: no worker joined within 60 s; start workers with `dask worker {scheduler}`",
                code=E_BATCH_SCHEDULER,
            ) from None
        yield client


def prepare_workers(client: Client, settings: Settings) -> None:
    """Load the Coder on every worker, present and future (a restarted worker loads it again)."""
    try:
        client.register_plugin(CoderPreload(settings), name=CoderPreload.name)
    except ImportError as exc:
        raise ConfigError(
            f"a Dask worker cannot import volte ({exc}): install volte (and its spaCy model) on every worker machine",
            code=E_BATCH_SCHEDULER,
        ) from exc


def _run_shards(
    client: Client, todo: list[Shard], *, out: Path, settings: Settings, published: date | None
) -> Iterator[tuple[ShardStats | None, str | None]]:
    """Submit one task per shard; yield (stats, error) as they complete, in completion order."""

    run = uuid.uuid4().hex[:8]
    keys = {f"volte-shard-{shard.id}-{run}": shard for shard in todo}
    futures = client.map(
        code_shard,
        todo,
        key=list(keys),
        out_dir=str(out.resolve()),
        settings=settings,
        published=published,
        retries=1,
    )
    resubmitted: set[str] = set()
    pending = as_completed(futures)
    for future in pending:
        shard = keys[future.key]
        committed = read_shard_stats(out, shard.id)
        step = settle(future.status, committed=committed is not None, resubmitted=shard.id in resubmitted)
        if step == "committed":
            yield committed, None
        elif step == "resubmit":
            resubmitted.add(shard.id)
            key = f"volte-shard-{shard.id}-{run}-again"
            keys[key] = shard
            pending.add(
                client.submit(
                    code_shard, shard, key=key, out_dir=str(out.resolve()), settings=settings,
                    published=published, retries=1,
                )
            )
        elif step == "failed":
            yield _failed(
                shard,
                f"{type(future.exception()).__name__}: {future.exception()}"
                if future.status == "error"
                else future.status,
            )
        elif step == "unseen":
            yield _failed(
                shard,
                f"a worker committed it but {out} does not show it: on a multi-machine cluster --out must be on a filesystem every machine shares",
            )
        else:
            yield future.result(), None
        future.release()


def settle(status: str, *, committed: bool, resubmitted: bool) -> str:
    """What to do with a shard's task once it completes, from its Dask status (finished, error,
    cancelled, lost), whether the shard's output is committed on disk, and whether it was already
    submitted a second time:

    - ``done``: finished and committed, the task's result is the record;
    - ``committed``: not finished but committed (a worker committed the shard, then died holding its
      result, "lost"): the committed shard on disk is the record, nothing is coded twice;
    - ``resubmit``: lost before committing, first time: code the shard once more;
    - ``failed``: an error, a cancellation or a second loss: recorded as a failed shard, which the next
      run of the same batch retries;
    - ``unseen``: finished but not on disk here (an --out that the workers do not share)."""
    if status == "finished":
        return "done" if committed else "unseen"
    if committed:
        return "committed"
    if status == "lost" and not resubmitted:
        return "resubmit"
    return "failed"


def _failed(shard: Shard, error: str) -> tuple[ShardStats, str]:
    return ShardStats(
        shard=shard.id, source=shard.describe(), input_docs=0, coded_docs=0, rejects=0, events=0
    ), error
