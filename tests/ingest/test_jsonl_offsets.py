"""Large JSON Lines files are read in line ranges; byte offsets let a range seek instead of re-reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from volte.ingest.sources import line_offsets, read_jsonl_range


@pytest.mark.parametrize("final_newline", [True, False])
@pytest.mark.parametrize("every", [1, 3, 7])
def test_line_offsets_ranges_equal_sequential_reading(tmp_path: Path, every: int, final_newline: bool) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"Story number {i} about talks between Kenya and Uganda."}) for i in range(10)]
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + ("\n" if final_newline else ""), encoding="utf-8")
    count, offsets = line_offsets(str(path), every)
    assert count == 10
    assert len(offsets) == (10 + every - 1) // every
    seen = []
    for number, start in enumerate(range(0, count, every)):
        seeked = [a.id for a in read_jsonl_range(str(path), start, start + every, offset=offsets[number])]
        assert seeked == [a.id for a in read_jsonl_range(str(path), start, start + every)]
        seen += seeked
    assert seen == [f"d{i}" for i in range(10)]
