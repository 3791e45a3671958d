"""Document ids: unique by construction for files (the path relative to the input root); hidden and
unsupported files skipped with a report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from volte.ingest.sources import iter_articles, scan_inputs
from volte.records import Article, Reject
from volte.scale.shards import plan_shards, read_shard

ENGLISH = (
    "Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday to discuss border trade."
)
OTHER = "The French government criticised Germany over its energy policy in a statement on Monday."

pytestmark = pytest.mark.issue(16)


def _write(path: Path, content: str = ENGLISH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def _ids(items: list[Article | Reject]) -> list[str]:
    return [i.id if isinstance(i, Article) else i.doc_id for i in items]


@pytest.fixture
def months(tmp_path: Path) -> Path:
    _write(tmp_path / "news" / "jan" / "story.txt", ENGLISH)
    _write(tmp_path / "news" / "feb" / "story.txt", OTHER)
    return tmp_path / "news"


def test_ids_same_file_name_in_two_folders_gets_two_ids(months: Path) -> None:
    assert _ids(list(iter_articles([months]))) == ["feb/story.txt", "jan/story.txt"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("news/**/*.txt", ["feb/story.txt", "jan/story.txt"]),
        ("news/*", ["feb/story.txt", "jan/story.txt"]),  # matched folders are walked, not dropped
        ("news/jan/*.txt", ["story.txt"]),
        ("news/jan/story.txt", ["story.txt"]),  # a single file keeps its bare name (ids of old stores)
    ],
)
def test_ids_globs_and_files_are_relative_to_their_root(
    months: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, expected: list[str]
) -> None:
    monkeypatch.chdir(months.parent)
    assert _ids(list(iter_articles([pattern]))) == expected


def test_ids_do_not_depend_on_how_the_root_is_spelled(months: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(months / "jan")
    spellings = [str(months), str(months) + "/", "..", "../../news", os.path.relpath(months)]
    assert len({tuple(f.name for f in scan_inputs([s]).files) for s in spellings}) == 1


def test_ids_hidden_and_unsupported_files_are_skipped_and_reported(months: Path) -> None:
    for name in (".git/HEAD", ".git/refs/heads/main", ".git/config", ".cache/x.txt", "jan/.draft.txt"):
        _write(months / name, "ref: refs/heads/main\n")
    _write(months / "jan" / "scan.pdf", "%PDF")
    scan = scan_inputs([months])
    assert [f.name for f in scan.files] == ["feb/story.txt", "jan/story.txt"]
    assert sorted((Path(s.path).relative_to(months).as_posix(), s.reason) for s in scan.skipped) == [
        (".cache", "hidden"),
        (".git", "hidden"),
        ("jan/.draft.txt", "hidden"),
        ("jan/scan.pdf", "unsupported type .pdf"),
    ]


def test_ids_a_file_listed_twice_is_read_once_and_reported(months: Path) -> None:
    scan = scan_inputs([months, months / "jan" / "story.txt"])
    assert [f.name for f in scan.files] == ["feb/story.txt", "jan/story.txt"]
    assert [s.reason for s in scan.skipped] == [
        f"listed twice (already read as {months / 'jan' / 'story.txt'})"
    ]


_PART = st.text(alphabet="abcxyz019_-", min_size=1, max_size=6)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.sets(st.lists(_PART, min_size=1, max_size=3).map(tuple), min_size=1, max_size=8))
def test_ids_are_unique_relative_paths_for_any_tree(tmp_path_factory: pytest.TempPathFactory, paths) -> None:
    root = tmp_path_factory.mktemp("tree")
    files = []
    for parts in paths:
        target = root.joinpath(*parts[:-1], parts[-1] + ".txt")
        if any(p.is_file() for p in target.parents) or target.is_dir():
            continue  # a name used both as a folder and a file
        files.append(target.relative_to(root).as_posix())
        _write(target)
    names = [f.name for f in scan_inputs([root]).files]
    assert sorted(names) == sorted(files)
    assert len(set(names)) == len(names)


def test_ids_batch_shards_read_the_same_ids_as_ingest(months: Path) -> None:
    shards = plan_shards([months], shard_size=1)
    assert [_ids(list(read_shard(s))) for s in shards] == [["feb/story.txt"], ["jan/story.txt"]]
