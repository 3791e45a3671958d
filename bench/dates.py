"""Day-level accuracy of volte's time-expression resolver on TempEval-3 training news.

    .venv/bin/python bench/dates.py [--gold ../shared/eval/tempeval_dates.jsonl] [--parse] [--errors N] [--json]

Scores the gold DATE expressions whose gold value is a full day (YYYY-MM-DD): a gold expression counts
as right when an expression found by ``volte.coding.dates.find_timexes`` (anchored to the document's
creation date) overlaps it by at least one character and has exactly the gold value; an expression
that is not found counts as wrong. Prints span recall, accuracy, accuracy by kind of expression, and
optionally the first N errors (to read, not to tune on one case).

``--parse`` scores the path the event coder takes instead: each sentence parsed by volte's spaCy
pipeline and its expressions read in the tense of the verb they hang on (``find_sentence_timexes``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from volte.coding.dates import Timex, find_sentence_timexes, find_timexes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "tempeval_dates.jsonl"
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_WEEKDAY = re.compile(r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.I)
_MONTH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
_RELATIVE = re.compile(r"today|tonight|yesterday|tomorrow|ago", re.I)


def kind_of(text: str) -> str:
    """Coarse kind of a gold expression, for the per-kind table."""
    if _MONTH.search(text) and re.search(r"\d|first|second|third|eighth", text, re.I):
        return "month-day" + (" + year" if re.search(r"\d{4}", text) else "")
    if _WEEKDAY.search(text):
        return "weekday"
    if _RELATIVE.search(text):
        return "relative day"
    return "other"


def text_timexes(records: list[dict]) -> list[list[Timex]]:
    """The expressions of each record, found and anchored on the plain text."""
    return [find_timexes(r["text"], published=_published(r)) for r in records]


def parsed_timexes(records: list[dict]) -> list[list[Timex]]:
    """The expressions of each record, sentence by sentence on volte's parse (offsets into the record)."""
    from volte.nlp.pipeline import build_nlp

    out = []
    for record, doc in zip(records, build_nlp().pipe(r["text"] for r in records), strict=True):
        out.append(
            [
                Timex(t.start + sent.start_char, t.end + sent.start_char, t.text, t.value, t.precision)
                for sent in doc.sents
                for t in find_sentence_timexes(sent, published=_published(record))
            ]
        )
    return out


def _published(record: dict) -> date | None:
    return date.fromisoformat(record["date"]) if record.get("date") else None


def score(records: list[dict], found: list[list[Timex]] | None = None) -> dict:
    """Recall of spans and day-level accuracy, overall and by kind, plus the list of errors."""
    found = text_timexes(records) if found is None else found
    found_n = right_n = total = 0
    by_kind: Counter[tuple[str, str]] = Counter()
    errors = []
    for record, timexes in zip(records, found, strict=True):
        for gold in record["timexes"]:
            if gold["type"] != "DATE" or not _DAY.fullmatch(gold["value"]):
                continue
            total += 1
            kind = kind_of(gold["text"])
            by_kind[(kind, "n")] += 1
            match = _overlapping(timexes, gold["start"], gold["end"])
            found_n += match is not None
            if match is not None and match.value == gold["value"]:
                right_n += 1
                by_kind[(kind, "right")] += 1
            else:
                errors.append(
                    (
                        record["id"],
                        record.get("date"),
                        gold["text"],
                        gold["value"],
                        match.value if match else None,
                        record["text"][max(0, gold["start"] - 90) : gold["end"] + 40].replace("\n", " "),
                    )
                )
    kinds = sorted({k for k, _ in by_kind})
    return {
        "gold_day_timexes": total,
        "span_recall": found_n / total if total else 0.0,
        "day_accuracy": right_n / total if total else 0.0,
        "by_kind": {
            k: {"n": by_kind[(k, "n")], "accuracy": by_kind[(k, "right")] / by_kind[(k, "n")]} for k in kinds
        },
        "errors": errors,
    }


def _overlapping(timexes: list[Timex], start: int, end: int) -> Timex | None:
    hits = [t for t in timexes if t.start < end and start < t.end]
    return max(hits, key=lambda t: min(t.end, end) - max(t.start, start)) if hits else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--parse", action="store_true", help="score the parsed-sentence path (loads spaCy)")
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    records = [
        json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    result = score(records, parsed_timexes(records) if args.parse else None)
    errors = result.pop("errors")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"mode: {'parsed sentences (find_sentence_timexes)' if args.parse else 'plain text (find_timexes)'}"
        )
        print(f"gold DATE expressions with a full-day value: {result['gold_day_timexes']}")
        print(f"span recall (found by overlap):             {result['span_recall']:.3f}")
        print(f"day-level accuracy (value == gold):          {result['day_accuracy']:.3f}")
        print("accuracy by kind:")
        for kind, row in result["by_kind"].items():
            print(f"  {kind:<18} n={row['n']:<4} accuracy={row['accuracy']:.3f}")
    for error in errors[: args.errors]:
        print("ERR", *error, sep=" | ")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
