"""Build volte's CAMEO code table (package data) from the reference facts in ../shared/ontology.

Only facts are carried over: code numbers, short names, Goldstein values, the GDELT quad rule and the
published CAMEO->PLOVER mapping. Run: python tools/build_codetable.py [../shared/ontology]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/volte/coding/rules/cameo/event_codes.csv"


def quad_for_root(root: str) -> int:
    """GDELT quad rule: 01-05 verbal coop, 06-09 material coop, 10-14 verbal conflict, 15-20 material."""
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 9 else 3 if n <= 14 else 4


def main(ontology: Path) -> None:
    with open(ontology / "cameo_event_codes.csv", newline="", encoding="utf-8") as fh:
        codes = list(csv.DictReader(fh))
    with open(ontology / "cameo_to_plover.csv", newline="", encoding="utf-8") as fh:
        plover = {row["cameo_code"]: row for row in csv.DictReader(fh)}
    rows = []
    for row in codes:
        p = plover.get(row["code"], {})
        event = p.get("plover_event") or row["plover_event"] or ""
        rows.append(
            {
                "code": row["code"],
                "name": row["name"],
                "root": row["root"],
                "goldstein": row["goldstein"],
                "quad_class": quad_for_root(row["root"]),
                "plover": "" if event == "dropped" else event,
                "plover_mode": p.get("plover_mode") or row["plover_mode"] or "",
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/ontology"))
