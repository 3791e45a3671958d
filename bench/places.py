"""Cost of finding places, measured against bare spaCy ``nlp.pipe`` on the same texts in the same run.

    .venv/bin/python bench/places.py [--n 500] [--repeat 3] [--paragraphs]

Parses N documents of ../shared/corpus/news_like_4500.jsonl with volte's ``build_nlp().pipe`` (timed:
the bare parse), then times ``find_places(sent)`` over every sentence of the parsed documents (the
gazetteer is loaded before the clock starts; its load time and the process's memory are printed apart).
Each figure is the best of ``--repeat`` runs; the load average is printed so that a busy machine can be
recognised. ``--paragraphs`` also times the parse without the paragraph-break component (issue 13).
Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VOLTE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "news_like_4500.jsonl"


def load_texts(path: Path, n: int) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line, _ in zip(handle, range(n), strict=False)]


def best_of(repeat: int, run: Any) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="documents (default 500)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is kept")
    parser.add_argument("--paragraphs", action="store_true", help="also parse without paragraph breaks")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (set VOLTE_SHARED to the shared folder)")
        return 0
    import psutil

    from volte.coding.gazetteer import default_gazetteer
    from volte.coding.places import find_places
    from volte.nlp.pipeline import build_nlp

    texts = load_texts(CORPUS, args.n)
    nlp = build_nlp()
    list(nlp.pipe(texts[:5]))  # warm the model up
    rss = psutil.Process().memory_info().rss
    load_start, cpu_start = time.perf_counter(), time.process_time()
    default_gazetteer()
    load_s, load_cpu = time.perf_counter() - load_start, time.process_time() - cpu_start
    grown = (psutil.Process().memory_info().rss - rss) / 2**20
    parse_s, docs = best_of(args.repeat, lambda: list(nlp.pipe(texts)))
    sents = [sent for doc in docs for sent in doc.sents]

    def find_all() -> int:
        return sum(len(find_places(sent)) for sent in sents)

    find_s, places = best_of(args.repeat, find_all)
    print(
        f"load average {os.getloadavg()[0]:.2f}; {len(docs)} documents, {len(sents)} sentences, {places} places"
    )
    print(f"gazetteer load         {load_s:7.2f} s wall, {load_cpu:.2f} s CPU, +{grown:.0f} MiB resident")
    print(f"bare nlp.pipe          {parse_s:7.2f} s  {len(sents) / parse_s:8.1f} sentences/s")
    print(f"find_places            {find_s:7.2f} s  {len(sents) / find_s:8.1f} sentences/s")
    print(f"ratio find/parse       {find_s / parse_s:7.1%}")
    if args.paragraphs:
        plain = build_nlp(paragraphs=False)
        plain_s, _ = best_of(args.repeat, lambda: list(plain.pipe(texts)))
        print(f"parse w/o paragraphs   {plain_s:7.2f} s  (with/without {parse_s / plain_s:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
