"""Narrated turns (issue 14): how often the rule fires where nothing turns, and whether it finds real turns.

Codes, once (cached under --cache, keyed by the corpus, the date and the coder), the 4,500 stories of
../shared/corpus/news_like_4500.jsonl (read at run time, never copied; the stories carry no date, so each
is given the publication date --date, which lets "on Thursday" or "yesterday" resolve to days), the
steady-dyad articles of tests/data/narrated/steady.jsonl (ordinary mixed relations: every turn found there
is a false alarm) and the turn articles of tests/data/narrated/turns.jsonl plus the seed (each names the
turns it narrates). Then applies the rule with the given settings, or with every setting of a grid, and
prints turns per 1,000 articles on the corpus and on the steady set, and the turns found of those expected.

    .venv/bin/python bench/narrated.py                 # the shipped rule (volte.narrated.v1), 8 corpus turns shown
    .venv/bin/python bench/narrated.py --grid          # the settings compared in docs/reversals.md
    .venv/bin/python bench/narrated.py --n 500 --show 0
    .venv/bin/python bench/narrated.py --max-gap 3 --min-contrast 4 --min-before 2

The first run codes the corpus (about 5 minutes on 2 cores); later runs read the cache.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VOLTE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news_like_4500.jsonl"
SEED = SHARED / "seed" / "petro_trump_reversal.txt"
DATA = ROOT / "tests" / "data" / "narrated"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "volte" / "narrated"

Coded = list[tuple[str, list[Any]]]  # (article id, its events)


def coder_key() -> str:
    from volte import CODER_VERSION, __version__
    from volte.store.writer import rules_sha256

    return f"{__version__}/{CODER_VERSION}/{rules_sha256()[:16]}"


def code_corpus(n: int, published: date, cache: Path) -> Coded:
    """The first n corpus stories coded (from the cache when it matches)."""
    stat = CORPUS.stat()
    key = hashlib.sha1(f"{stat.st_size}/{stat.st_mtime}/{n}/{published}/{coder_key()}".encode()).hexdigest()[
        :16
    ]
    path = cache / f"corpus-{key}.jsonl"
    if path.exists():
        return _read_cache(path)
    from volte.ingest.sources import read_jsonl_range

    started = time.perf_counter()
    coded = _code(read_jsonl_range(str(CORPUS), 0, n, published=published))
    print(f"coded {len(coded)} corpus stories in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, events in coded:
            fh.write(json.dumps({"id": doc_id, "events": [e.to_dict() for e in events]}) + "\n")
    return coded


def _read_cache(path: Path) -> Coded:
    from volte.records import Event

    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            out.append((record["id"], [Event.from_dict(e) for e in record["events"]]))
    return out


_CODER: list[Any] = []


def _code(items: Any) -> Coded:
    from volte.coding.coder import Coder

    if not _CODER:
        _CODER.append(Coder())
    return [
        (c.article.id, list(c.events))
        for c in _CODER[0].code(items)
        if c.article is not None and c.reject is None
    ]


def code_file(path: Path) -> tuple[Coded, dict[str, list[list[str]]]]:
    """A JSON Lines set of {id, date, text, expect}: its coded articles and the turns each should give."""
    from volte.ingest.sources import read_jsonl_range

    expect = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            expect[record["id"]] = record.get("expect", [])
    return _code(read_jsonl_range(str(path), 0, None)), expect


def code_seed() -> tuple[Coded, dict[str, list[list[str]]]]:
    if not SEED.exists():
        return [], {}
    from volte.ingest.sources import iter_articles

    coded = _code(iter_articles([SEED], published=date(2026, 1, 7)))
    return coded, {coded[0][0]: [["COL", "USA", "thaw"], ["USA", "COL", "thaw"]]}


def apply(coded: Coded, params: Any) -> list[Any]:
    from volte.derive.narrated import find_turns

    return [t for _, events in coded for t in find_turns(events, params)]


def recall(coded: Coded, expect: dict[str, list[list[str]]], params: Any) -> tuple[int, int, int]:
    """(expected turns found, expected turns, turns found that were not expected)."""
    found = {(t.article_id, t.source, t.target, t.kind) for t in apply(coded, params)}
    wanted = {(doc, *e) for doc, turns in expect.items() for e in turns}
    return len(found & wanted), len(wanted), len(found - wanted)


GRID: list[dict[str, Any]] = [
    {"label": "v1 (shipped)"},
    {"label": "gap 3 days", "max_gap_days": 3},
    {"label": "gap 14 days", "max_gap_days": 14},
    {"label": "contrast 2", "min_contrast": 2.0},
    {"label": "contrast 4", "min_contrast": 4.0},
    {"label": "contrast 5", "min_contrast": 5.0},
    {"label": "contrast 3 (v1 at 3.0)", "min_contrast": 3.0},
    {"label": "no sign condition", "opposite_signs": False},
    {"label": "pure sides (mixed 0)", "max_mixed": 0.0},
    {"label": "mixed up to 0.5", "max_mixed": 0.5},
    {"label": "any mix (mixed 1)", "max_mixed": 1.0},
    {"label": "any mix, no sign", "max_mixed": 1.0, "opposite_signs": False},
    {"label": "no sign, contrast 2", "opposite_signs": False, "min_contrast": 2.0},
    {"label": "gap 3, contrast 3", "max_gap_days": 3, "min_contrast": 3.0},
    {"label": "min 2 before", "min_before": 2},
    {"label": "min 2 after", "min_after": 2},
    {"label": "min 2 each side", "min_before": 2, "min_after": 2},
    {"label": "coop 03-05 + 08", "coop_roots": frozenset({"03", "04", "05", "08"})},
    {"label": "coop 02-08", "coop_roots": frozenset({"02", "03", "04", "05", "06", "07", "08"})},
]


def params_of(**changes: Any) -> Any:
    from volte.derive.narrated import DEFAULT

    return dataclasses.replace(DEFAULT, **changes)


def report(label: str, params: Any, sets: dict[str, tuple[Coded, dict[str, list[list[str]]]]]) -> str:
    corpus = sets["corpus"][0]
    rate = 1000 * len(apply(corpus, params)) / max(len(corpus), 1)
    steady = sets["steady"][0]
    steady_turns = len(apply(steady, params))
    hits, wanted, extra = recall(*sets["turns"], params)
    return (
        f"  {label:<22} corpus {rate:6.2f} per 1,000 ({len(apply(corpus, params))} in {len(corpus)})   "
        f"steady {1000 * steady_turns / max(len(steady), 1):6.1f} per 1,000 ({steady_turns} in {len(steady)})   "
        f"turns found {hits}/{wanted} (+{extra} other)"
    )


def show(coded: Coded, params: Any, count: int) -> None:
    from volte.derive.narrated import turn_summary

    found = apply(coded, params)
    step = max(1, len(found) // max(count, 1))
    for turn in found[::step][:count]:
        print(f"\n  {turn_summary(turn)}  contrast {turn.contrast}")
        for side, sentences in (("before", turn.before_sentences), ("after", turn.after_sentences)):
            for sentence in sentences[:2]:
                print(f"    {side}: {sentence[:220]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4500, help="corpus stories to read (default all 4,500)")
    parser.add_argument("--date", default="2025-06-11", help="publication date given to the corpus stories")
    parser.add_argument("--cache", type=Path, default=CACHE, help="where the coded corpus is cached")
    parser.add_argument("--grid", action="store_true", help="compare the settings of GRID")
    parser.add_argument("--show", type=int, default=8, help="corpus turns to print (spread over the list)")
    parser.add_argument("--max-gap", type=int)
    parser.add_argument("--min-contrast", type=float)
    parser.add_argument("--min-before", type=int)
    parser.add_argument("--min-after", type=int)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"no corpus at {CORPUS} (set VOLTE_SHARED)")
    turns, turns_expect = code_file(DATA / "turns.jsonl")
    seed, seed_expect = code_seed()
    sets = {
        "corpus": (code_corpus(args.n, date.fromisoformat(args.date), args.cache), {}),
        "steady": code_file(DATA / "steady.jsonl"),
        "turns": (turns + seed, {**turns_expect, **seed_expect}),
    }
    changes = {
        name: value
        for name, value in (
            ("max_gap_days", args.max_gap),
            ("min_contrast", args.min_contrast),
            ("min_before", args.min_before),
            ("min_after", args.min_after),
        )
        if value is not None
    }
    print(f"narrated turns, coder {coder_key()}, corpus stories dated {args.date}")
    grid = GRID if args.grid else [{"label": "given" if changes else "v1 (shipped)", **changes}]
    for entry in grid:
        settings = {k: v for k, v in entry.items() if k != "label"}
        print(report(entry["label"], params_of(**settings), sets))
    if args.show:
        print(f"\n{args.show} corpus turns (spread over the list) for a person to judge:")
        show(sets["corpus"][0], params_of(**changes), args.show)


if __name__ == "__main__":
    main()
