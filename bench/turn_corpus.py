"""Measure reversal detection end to end on the real-turn corpus (tests/data/reversals).

    .venv/bin/python bench/turn_corpus.py              # code and store every file, print the tables
    .venv/bin/python bench/turn_corpus.py --all        # also list every shift of the store
    .venv/bin/python bench/turn_corpus.py --only tha   # only the files whose name contains "tha"

Every JSONL file of the corpus is coded with the real coder and ingested into one fresh store (in a
temporary directory), then ``volte.analyse.shifts.shifts(store)`` is read once. Reads only files in the repository.

Prints, for each documented turn of tests/data/reversals/README.md: whether a shift of the right kind
and dyad is dated within one day of the documented day (the README's tolerance where it is wider), its
date, score and threshold; recall over the required turns; and the false alarms: every shift on a
steady dyad, and every shift on a turn dyad dated more than 7 days from all of its documented turns,
per dyad-year of the files' spans. Narrated turns (``Store.narrated_shifts``) are listed after.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from volte.analyse import shifts as detection

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "reversals"


@dataclass(frozen=True)
class Turn:
    file: str
    source: str
    target: str
    kind: str
    day: str  # the documented turn day
    earliest: str
    latest: str
    required: bool = True


def _turn(
    file: str, pair: str, kind: str, day: str, lo: int = -1, hi: int = 1, required: bool = True
) -> Turn:
    d = date.fromisoformat(day)
    source, target = pair.split("->")
    return Turn(
        file, source, target, kind, day, str(d + timedelta(days=lo)), str(d + timedelta(days=hi)), required
    )


# the README's tables: (file stem, dyad, kind, documented day[, tolerance in days before / after])
TURNS = [
    _turn("col_usa_deportation_2025-01", "USA->COL", "rupture", "2025-01-26", 0, 1),
    _turn("col_usa_deportation_2025-01", "COL->USA", "thaw", "2025-01-27", -1, 1),
    _turn("col_usa_deportation_2025-01", "USA->COL", "thaw", "2025-01-29", -1, 1, required=False),
    _turn("col_usa_deportation_2025-01", "COL->USA", "rupture", "2025-01-21", 0, 5, required=False),
    _turn("mex_usa_tariff_pause_2025-02", "USA->MEX", "thaw", "2025-02-03", 0, 2),
    _turn("mex_usa_tariff_pause_2025-02", "MEX->USA", "thaw", "2025-02-03", 0, 2),
    _turn("ind_pak_ceasefire_2025-05", "IND->PAK", "thaw", "2025-05-10", 0, 2),
    _turn("ind_pak_ceasefire_2025-05", "PAK->IND", "thaw", "2025-05-10", 0, 2),
    # issue 14, real turns (second set)
    _turn("sau_irn_restored_ties_2023-03", "SAU->IRN", "thaw", "2023-03-10"),
    _turn("sau_irn_restored_ties_2023-03", "IRN->SAU", "thaw", "2023-03-10"),
    _turn("ind_can_expulsions_2024-10", "IND->CAN", "rupture", "2024-10-14"),
    _turn("ind_can_expulsions_2024-10", "CAN->IND", "rupture", "2024-10-14"),
    _turn("tha_khm_ceasefire_2025-07", "THA->KHM", "thaw", "2025-07-28"),
    _turn("tha_khm_ceasefire_2025-07", "KHM->THA", "thaw", "2025-07-28"),
    _turn("tha_khm_ceasefire_2025-07", "THA->KHM", "rupture", "2025-07-23", required=False),
    _turn("tha_khm_ceasefire_2025-07", "KHM->THA", "rupture", "2025-07-23", required=False),
    _turn("usa_chn_tariff_truce_2025-05", "USA->CHN", "thaw", "2025-05-12"),
    _turn("usa_chn_tariff_truce_2025-05", "CHN->USA", "thaw", "2025-05-12"),
    _turn("eth_som_ankara_2024-12", "ETH->SOM", "thaw", "2024-12-11"),
    _turn("eth_som_ankara_2024-12", "SOM->ETH", "thaw", "2024-12-11"),
    _turn("ven_guy_argyle_2023-12", "VEN->GUY", "thaw", "2023-12-14"),
    _turn("ven_guy_argyle_2023-12", "GUY->VEN", "thaw", "2023-12-14"),
    _turn("cod_rwa_peace_2025-06", "COD->RWA", "thaw", "2025-06-27"),
    _turn("cod_rwa_peace_2025-06", "RWA->COD", "thaw", "2025-06-27"),
    _turn("aze_rus_yekaterinburg_2025-06", "AZE->RUS", "rupture", "2025-06-28"),
    _turn("aze_rus_yekaterinburg_2025-06", "RUS->AZE", "rupture", "2025-06-30", required=False),
]

# steady files: every directed dyad between the named countries must stay silent
STEADY = {
    "steady_deu_fra_2025-05": ("DEU", "FRA"),
    "steady_rus_ukr_2024-10": ("RUS", "UKR"),
    "steady_jpn_kor_2024-09": ("JPN", "KOR"),
    "steady_isr_irn_2024-01": ("ISR", "IRN"),
    "steady_gbr_irl_2025-03": ("GBR", "IRL"),
}
FAR_DAYS = 7  # a shift on a turn dyad further than this from each of its documented turns is a false alarm


def _span(files: list[Path]) -> dict[str, tuple[date, date]]:
    import json

    spans = {}
    for f in files:
        days = [date.fromisoformat(json.loads(line)["date"]) for line in f.open() if line.strip()]
        spans[f.stem] = (min(days), max(days))
    return spans


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="", help="only the files whose name contains this")
    parser.add_argument("--all", action="store_true", help="list every shift of the store")
    parser.add_argument("--db", type=Path, help="keep the store here (reused when it exists: no coding)")
    args = parser.parse_args(argv)

    from volte.coding.coder import Coder
    from volte.ingest.sources import iter_articles
    from volte.store.db import Store

    files = sorted(f for f in CORPUS.glob("*.jsonl") if args.only in f.name)
    spans = _span(files)
    stems = set(spans)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "turns.duckdb"
        reuse = db.exists()
        with Store(db) as store:
            if not reuse:
                summary = store.ingest(Coder().code(iter_articles(files)))
                print(
                    f"{len(files)} files, {summary.documents} articles, {summary.events} events, "
                    f"rejects {summary.rejects}; coded and stored in {time.perf_counter() - t0:.0f} s"
                )
            coded = time.perf_counter() - t0
            shifts = detection.shifts(store)
            narrated = store.narrated_shifts() if hasattr(store, "narrated_shifts") else None
    print(f"shifts read in {time.perf_counter() - coded - t0:.1f} s")

    def on(pair: tuple[str, str], kind: str | None = None) -> list[dict]:
        return [s for s in shifts if (s["source"], s["target"]) == pair and kind in (None, s["kind"])]

    print("\nDocumented turns (found: a shift of that dyad and kind dated in the tolerance)")
    print(
        f"{'file':32} {'dyad':9} {'kind':8} {'day':10} {'window':23} {'req':3} {'found':10} {'score/thr':>11}"
    )
    hits = required = 0
    for t in TURNS:
        if t.file not in stems:
            continue
        cands = [s for s in on((t.source, t.target), t.kind) if t.earliest <= s["date"] <= t.latest]
        if cands:
            s = max(cands, key=lambda s: s["score"])
            found, st = s["date"], f"{s['score']:.2f}/{s['threshold']:.2f}"
        else:
            near = on((t.source, t.target), t.kind)
            found, st = "miss", ",".join(s["date"] for s in near) or "-"
        required += t.required
        hits += t.required and bool(cands)
        print(
            f"{t.file:32} {t.source + '->' + t.target:9} {t.kind:8} {t.day:10} "
            f"{t.earliest + '..' + t.latest[5:]:23} {'yes' if t.required else 'no':3} {found:10} {st:>11}"
        )
    if required:
        print(f"recall (required turns): {hits}/{required} = {hits / required:.2f}")

    print("\nFalse alarms")
    alarms, dyad_years = [], 0.0
    for stem, (a, b) in STEADY.items():
        if stem not in stems:
            continue
        start, end = spans[stem]
        dyad_years += 2 * ((end - start).days + 1) / 365.25
        alarms += [(stem, s) for pair in ((a, b), (b, a)) for s in on(pair)]
    steady_alarms = len(alarms)
    turn_dyads: dict[tuple[str, str, str], list[date]] = {}
    for t in TURNS:
        if t.file in stems:
            turn_dyads.setdefault((t.file, t.source, t.target), []).append(date.fromisoformat(t.day))
    turn_years = 0.0
    for (stem, src, tgt), days in turn_dyads.items():
        start, end = spans[stem]
        turn_years += ((end - start).days + 1) / 365.25
        for s in on((src, tgt)):
            if min(abs((date.fromisoformat(s["date"]) - d).days) for d in days) > FAR_DAYS:
                alarms.append((stem, s))
    for stem, s in alarms:
        print(
            f"  {stem:32} {s['kind']:8} {s['source']}->{s['target']} on {s['date']} "
            f"score {s['score']:.2f}/{s['threshold']:.2f}"
        )
    if dyad_years:
        print(
            f"steady dyads: {steady_alarms} alarms in {dyad_years:.2f} dyad-years = "
            f"{steady_alarms / dyad_years:.1f} per dyad-year"
        )
    if turn_years:
        far = len(alarms) - steady_alarms
        print(
            f"turn dyads, > {FAR_DAYS} days from a documented turn: {far} alarms in {turn_years:.2f} dyad-years"
        )

    if args.all:
        print("\nEvery shift")
        for s in sorted(shifts, key=lambda s: (s["source"], s["target"], s["date"])):
            print(
                f"  {s['kind']:8} {s['source']}->{s['target']} on {s['date']} (detected {s['detected']}) "
                f"score {s['score']:.2f}/{s['threshold']:.2f}"
            )

    print("\nNarrated turns (Store.narrated_shifts)")
    if narrated is None:
        print("  (not in this store version)")
    elif not narrated:
        print("  (none)")
    else:
        for s in sorted(narrated, key=lambda s: (s["source"], s["target"], s["date"])):
            print(f"  {s['turn']:8} {s['source']}->{s['target']} on {s['date']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
