"""Where the CLI writes: bad output paths are coded errors before any work, an output never replaces an
input, and `volte code` streams its events as documents finish (issue 16, item 10)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from volte.cli import app
from volte.coding.coder import Coded
from volte.records import Article, Event, Reject, make_event_id

runner = CliRunner()
STORY = "Kenyan police arrested 12 protesters in Nairobi on Monday, officials said."


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "news" / "story.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


def _assert_coded_error(args: list[str], code: str) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    assert f"Error [{code}]" in result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    return result.output


@pytest.mark.issue(16)
def test_code_output_in_a_missing_folder_is_a_coded_error(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "nodir" / "x.jsonl"
    output = _assert_coded_error(["code", str(story), "-f", "jsonl", "-o", str(out)], "E104")
    assert "nodir" in output and not out.parent.exists()


@pytest.mark.issue(16)
@pytest.mark.parametrize("target", ["input", "input-in-folder", "folder"])
def test_code_output_never_replaces_an_input_or_a_folder(story: Path, target: str) -> None:
    inputs, out = {
        "input": (story, story),
        "input-in-folder": (story.parent, story),
        "folder": (story, story.parent),
    }[target]
    _assert_coded_error(["code", str(inputs), "-o", str(out)], "E104")
    assert story.read_text(encoding="utf-8") == STORY


@pytest.mark.issue(16)
def test_batch_out_naming_a_file_is_a_coded_error(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "taken.txt"
    out.write_text("keep me", encoding="utf-8")
    _assert_coded_error(["batch", str(story), "--out", str(out)], "E104")
    assert out.read_text(encoding="utf-8") == "keep me"


def _event(doc_id: str) -> Event:
    return Event(
        event_id=make_event_id(doc_id, 0, "KENCOP", "KENOPP", "173", 0), doc_id=doc_id, sentence_index=0,
        sentence=STORY, sentence_start=0, sentence_end=len(STORY), date=date(2025, 6, 2), date_precision="day",
        published=date(2025, 6, 3), source="KENCOP", source_name="Kenyan police", target="KENOPP",
        target_name="12 protesters", code="173", root="17", quad_class=4, goldstein=-5.0, plover="ARREST",
        trigger="arrested", pattern="arrest", factuality="asserted", attributed_to=None, kind="news",
        coder_version="test",
    )  # fmt: skip


class _WatchingCoder:
    """Codes each article into one event, and checks, before coding the next, that the output file
    already holds the lines of every article coded so far."""

    def __init__(self, out: Path, header_lines: int) -> None:
        self.out = out
        self.header_lines = header_lines
        self.seen: list[int] = []

    def __call__(self, *args: object, **kwargs: object) -> _WatchingCoder:
        return self

    def code(self, items: Iterable[Article | Reject]) -> Iterator[Coded]:
        for item in items:
            lines = self.out.read_text(encoding="utf-8").splitlines() if self.out.exists() else []
            self.seen.append(len(lines) - self.header_lines)
            assert isinstance(item, Article)
            yield Coded(article=item, events=(_event(item.id),), reject=None)


@pytest.mark.issue(16)
@pytest.mark.parametrize(("fmt", "header_lines"), [("jsonl", 0), ("csv", 1), ("tsv", 1)])
def test_code_streams_each_documents_events_before_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, header_lines: int
) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text(
        "".join(json.dumps({"id": f"r{n}", "date": "2025-06-03", "text": STORY}) + "\n" for n in range(5)),
        encoding="utf-8",
    )
    out = tmp_path / f"events.{fmt}"
    coder = _WatchingCoder(out, header_lines)
    monkeypatch.setattr("volte.coding.coder.Coder", coder)
    result = runner.invoke(app, ["code", str(records), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert coder.seen == [0, 1, 2, 3, 4]
    assert len(out.read_text(encoding="utf-8").splitlines()) == header_lines + 5


@pytest.mark.issue(16)
@pytest.mark.parametrize("plot", ["nodir/chart.png", "folder.png"])
def test_dyad_plot_to_a_bad_path_is_a_coded_error(tmp_path: Path, plot: str) -> None:
    """Checked before the store is opened (this one does not exist) or the series is built."""
    (tmp_path / "folder.png").mkdir()
    _assert_coded_error(
        ["dyad", "COL", "USA", "--db", str(tmp_path / "none.duckdb"), "--plot", str(tmp_path / plot)], "E104"
    )
    assert not (tmp_path / "nodir").exists()
