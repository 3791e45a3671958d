"""Cost of actor resolution, measured against bare spaCy ``nlp.pipe`` on the same texts in the same run.

    .venv/bin/python bench/actors.py [--n 300] [--repeat 3]

Parses N documents of ../shared/corpus/news_like_4500.jsonl with volte's ``build_nlp().pipe`` (timed:
the bare parse), then, on the parsed documents, times ``ActorResolver(default_actors(), doc,
published=...)`` plus ``.mentions(sent)`` over every sentence (the dictionary is loaded before the clock
starts; its load time is printed apart). Prints both times, documents/s and the ratio resolution/parse.
Each figure is the best of ``--repeat`` runs, so a busy machine inflates it less; the load average is
printed so that a busy machine can be recognised. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
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
FALLBACK_DATE = date(2024, 6, 1)   # the corpus's synthetic records carry no date


def load_records(path: Path, n: int) -> list[tuple[str, date]]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            raw = record.get("date") or ""
            published = date.fromisoformat(raw[:10]) if raw else FALLBACK_DATE
            out.append((record["text"], published))
            if len(out) == n:
                break
    return out


def best_of(repeat: int, run: Any) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="documents (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is kept")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (set VOLTE_SHARED to the shared folder)")
        return 0
    from volte.coding.actor_dictionary import default_actors
    from volte.coding.actors import ActorResolver
    from volte.nlp.pipeline import build_nlp

    records = load_records(CORPUS, args.n)
    texts = [text for text, _ in records]
    nlp = build_nlp()
    list(nlp.pipe(texts[:5]))                                  # warm the model up
    load_start = time.perf_counter()
    dictionary = default_actors()
    load_s = time.perf_counter() - load_start
    parse_s, docs = best_of(args.repeat, lambda: list(nlp.pipe(texts)))

    def resolve_all() -> tuple[int, int]:
        sentences = mentions = 0
        for doc, (_, published) in zip(docs, records, strict=True):
            resolver = ActorResolver(dictionary, doc, published=published)
            for sent in doc.sents:
                sentences += 1
                mentions += len(resolver.mentions(sent))
        return sentences, mentions

    resolve_s, (sentences, mentions) = best_of(args.repeat, resolve_all)
    people = sum(1 for e in dictionary.entries.values() if e.kind == "person")
    print(f"load average {os.getloadavg()[0]:.2f}; {len(docs)} documents, {sentences} sentences, "
          f"{mentions} actor mentions; dictionary: {people} people, loaded in {load_s:.2f} s")
    print(f"bare nlp.pipe          {parse_s:7.2f} s  {len(docs) / parse_s:7.1f} docs/s")
    print(f"actor resolution       {resolve_s:7.2f} s  {len(docs) / resolve_s:7.1f} docs/s")
    print(f"ratio resolution/parse {resolve_s / parse_s:7.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
