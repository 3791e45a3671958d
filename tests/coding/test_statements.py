"""Statements are events when said (issue 14): intents, threats, demands, refusals and appeals are dated to
the day they are said, their planned day kept in ``planned_date``, and they are clustered and counted.

Sentences written for these tests; the publication date is Wednesday 2026-03-11.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from volte.records import Article, parse_day

pytestmark = [pytest.mark.model, pytest.mark.issue(14)]

ON = date(2026, 3, 11)


def _events(coder, text: str):
    coded = next(coder.code([Article(id="s", text=text, published=ON)]))
    return list(coded.events)


@pytest.mark.parametrize(
    ("text", "code_root", "said", "planned", "precision"),
    [
        (
            "Greece agreed on Tuesday to meet Turkey in Athens in March.",
            "03",
            "2026-03-10",
            "2026-03-01",
            "month",
        ),
        ("Trump said on Tuesday he would meet Kim in March.", "03", "2026-03-10", "2026-03-01", "month"),
        (
            "China said on Monday it would impose sanctions on Lithuania next week.",
            "13",
            "2026-03-09",
            "2026-03-16",
            "week",
        ),
        ("Iran threatened on Monday to attack U.S. bases in the region.", "13", "2026-03-09", None, ""),
    ],
)
def test_statement_is_dated_when_said_with_its_planned_day_apart(
    coder, text: str, code_root: str, said: str, planned: str | None, precision: str
) -> None:
    events = [e for e in _events(coder, text) if e.code.startswith(code_root)]
    assert events, text
    for event in events:
        assert (event.date, event.date_precision) == (date.fromisoformat(said), "day")
        assert (event.planned_date, event.planned_precision) == (parse_day(planned), precision)


def test_statement_without_a_day_of_its_own_is_dated_to_publication(coder) -> None:
    events = [
        e for e in _events(coder, "France and Germany agreed to hold a summit next month.") if e.root == "03"
    ]
    assert events and all(e.date == date(2026, 3, 11) and e.planned_date == date(2026, 4, 1) for e in events)


def test_future_statement_is_clustered_and_counted(coder, tmp_path: Path) -> None:
    from volte.store.db import Store

    text = "China said on Monday it would impose sanctions on Lithuania next week."
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest(coder.code([Article(id="s", text=text, published=ON)]))
        rows = store.con.execute(
            "SELECT e.factuality, e.date, c.cluster_id FROM events e JOIN clusters c USING (cluster_id)"
        ).fetchall()
    assert rows and all(f == "future" and str(d) == "2026-03-09" for f, d, _ in rows)


def test_countryless_sides_are_never_clustered(coder, tmp_path: Path) -> None:
    from volte.store.db import Store

    with Store(tmp_path / "s.duckdb") as store:
        store.ingest(
            coder.code([Article(id="m", text="Militants attacked a police patrol on Monday.", published=ON)])
        )
        events = store.con.execute("SELECT source, cluster_id FROM events").fetchall()
    assert events and all(source.startswith("---") and cluster is None for source, cluster in events)
