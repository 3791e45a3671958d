"""Live updates against a real `volte serve` process: files dropped into `--watch DIR` appear in the API
and the dashboard, a restart doubles nothing, and `volte ingest --server URL` posts with the token."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from live_server import free_port, serving

from volte.errors import E_INGEST_BINARY, E_INGEST_EMPTY
from volte.serve.watch import _add
from volte.store.writer import IngestSummary

pytestmark = [pytest.mark.issue(15)]


def live(test: Callable[..., None]) -> Callable[..., None]:
    """A test that starts real servers (loading the model): one xdist group, marked model and slow."""
    return pytest.mark.model(pytest.mark.slow(pytest.mark.xdist_group("live_updates")(test)))


WAIT_S = 120  # bounded: the server loads the spaCy model on its first round
TOKEN = "live-test-token"

RECORDS = [
    {
        "id": "drop-1",
        "date": "2026-03-02",
        "text": "Peru's president accused Chile of violating the border agreement on Monday.",
    },
    {
        "id": "drop-2",
        "date": "2026-03-05",
        "text": "Chile's foreign minister met Peru's foreign minister in Lima on Thursday.",
    },
]


def _write_jsonl(path: Path, records: list[dict[str, Any]], *, extra: str = "") -> None:
    """Written as a hidden file (which the watcher skips), then renamed: the whole file appears at once."""
    tmp = path.parent / f".{path.name}.part"
    tmp.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")
    tmp.replace(path)


def _until(check: Callable[[], Any], *, what: str) -> Any:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"{what} did not happen within {WAIT_S} s")


def _events(base: str) -> dict[str, Any]:
    """The stored events; none yet while the store does not exist or a read waits on a write round."""
    try:
        response = httpx.get(f"{base}/api/events", params={"limit": 100}, timeout=30, trust_env=False)
    except httpx.TimeoutException:
        return {"events": [], "total": 0}
    return response.json() if response.status_code == 200 else {"events": [], "total": 0}


def _doc_ids(base: str) -> set[str]:
    return {e["doc_id"] for e in _events(base)["events"]}


@live
def test_watch_ingests_dropped_files_and_a_restart_doubles_nothing(tmp_path: Path) -> None:
    db, folder = tmp_path / "live.duckdb", tmp_path / "inbox"
    folder.mkdir()
    log = tmp_path / "serve.log"
    with serving(db, log, extra=("--watch", str(folder), "--poll", "0.3")) as (base, _):
        _write_jsonl(folder / "news.jsonl", RECORDS, extra='{"id": "broken"\n')
        ids = _until(lambda: {"drop-1", "drop-2"} <= _doc_ids(base) and _doc_ids(base), what="dropped events")
        assert ids == {"drop-1", "drop-2"}
        total = _events(base)["total"]
        page = httpx.get(f"{base}/article/drop-2", timeout=10, trust_env=False)
        assert page.status_code == 200 and "Lima" in page.text  # the dashboard shows it on reload
    with serving(db, tmp_path / "serve2.log", extra=("--watch", str(folder), "--poll", "0.3")) as (base, _):
        line = _until(
            lambda: [
                x
                for x in (tmp_path / "serve2.log").read_text().splitlines()
                if "watch " in x and "documents" in x
            ],
            what="the restarted watcher's first round",
        )
        assert "0 new" in line[0] and "0 replaced" in line[0], line
        assert _events(base)["total"] == total
    from volte.store.db import Store

    with Store(db, read_only=True) as store:
        rejects = store.con.execute("SELECT code FROM rejects").fetchall()
    assert rejects == [("E205",)]  # the malformed line is a stored reject, as `volte ingest` stores it


def test_watch_waits_for_a_file_still_growing(tmp_path: Path) -> None:
    from volte.serve.watch import FolderWatcher

    class Recorder:
        def __init__(self) -> None:
            self.calls: list[list[str]] = []

    folder = tmp_path / "inbox"
    folder.mkdir()
    watcher = FolderWatcher(folder, store=None, coder=None, settings=None)  # type: ignore[arg-type]
    seen = Recorder()
    watcher._ingest = lambda files: seen.calls.append([f.name for f in files]) or _Summary()  # type: ignore[method-assign]
    path = folder / "growing.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n", encoding="utf-8")
    watcher.poll()  # first sight
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(RECORDS[1]) + "\n")
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    watcher.poll()  # changed since the last poll: still being written
    assert seen.calls == []
    watcher.poll()  # stable across two polls: read
    watcher.poll()  # unchanged since it was ingested: not read again
    assert seen.calls == [["growing.jsonl"]]


class _Summary:
    documents = added = replaced = unchanged = events = rejects = 0


def _ingest_server(base: str, path: Path, *, token: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "VOLTE_TOKEN"}
    if token is not None:
        env["VOLTE_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "volte", "ingest", "--server", base, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=WAIT_S,
        check=False,
    )


@live
def test_ingest_server_posts_with_the_token(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    _write_jsonl(news, RECORDS, extra="")
    with serving(tmp_path / "posted.duckdb", tmp_path / "serve.log", token=TOKEN) as (base, _):
        refused = _ingest_server(base, news, token="not-the-token")
        assert refused.returncode == 1 and "Error [E131]" in refused.stderr
        sent = _ingest_server(base, news, token=TOKEN)
        assert sent.returncode == 0, sent.stderr
        assert "2 accepted" in sent.stderr
        assert _doc_ids(base) == {"drop-1", "drop-2"}


def test_ingest_server_unreachable_is_e130(tmp_path: Path) -> None:
    news = tmp_path / "news.jsonl"
    _write_jsonl(news, RECORDS[:1], extra="")
    result = _ingest_server(f"http://127.0.0.1:{free_port()}", news, token=TOKEN)
    assert result.returncode == 1 and "Error [E130]" in result.stderr


def test_watch_adds_every_count_of_each_chunk() -> None:
    """The watcher sums the summaries of its chunks (CHUNK articles each) field by field, reject codes too."""
    total = IngestSummary(documents=2, added=1, events=3, rejects=1, reject_codes=Counter({E_INGEST_EMPTY: 1}))
    part = IngestSummary(
        documents=5,
        added=1,
        replaced=1,
        unchanged=1,
        repeats=1,
        events=4,
        rejects=2,
        batches=1,
        reject_codes=Counter({E_INGEST_EMPTY: 1, E_INGEST_BINARY: 1}),
    )
    _add(total, part)
    assert total == IngestSummary(
        documents=7,
        added=2,
        replaced=1,
        unchanged=1,
        repeats=1,
        events=7,
        rejects=3,
        batches=1,
        reject_codes=Counter({E_INGEST_EMPTY: 2, E_INGEST_BINARY: 1}),
    )


def test_ingest_server_sends_every_field_of_the_record() -> None:
    """What `volte ingest --server` posts is the record a local ingest would read (publisher included)."""

    from volte.records import Article
    from volte.serve.client import send_articles

    posted: list[dict[str, object]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json={"ok": True, "store": {}})
        posted.append(json.loads(request.content))
        return httpx.Response(201, json={"ok": True, "events": [], "stored": {"added": 1}})

    article = Article(
        id="a-1",
        text="Bogota, January 7. Colombia's president spoke with the US president.",
        url="https://news.example/a-1",
        title="A call",
        published=date(2026, 1, 7),
        publisher="Andes Wire",
    )
    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        summary = send_articles([article], url="http://127.0.0.1:9", token="t", client=client)
    assert summary.accepted == 1
    assert posted == [
        {
            "id": "a-1",
            "date": "2026-01-07",
            "url": "https://news.example/a-1",
            "title": "A call",
            "publisher": "Andes Wire",
            "text": article.text,
        }
    ]
