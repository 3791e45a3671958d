"""Event clustering: greedy 36-hour anchors, GDELT-style counts, ids independent of input order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from volte.derive.clusters import Mention, actor_country, actor_key, cluster_mentions

D0 = date(2026, 1, 1)


def _mention(
    i: int,
    day: int,
    *,
    source: str = "COLGOV",
    target: str = "USAGOV",
    root: str = "11",
    code: str = "111",
    publisher: str = "a.example",
    doc: str | None = None,
) -> Mention:
    return Mention(
        event_id=f"e{i}",
        doc_id=doc or f"d{i}",
        publisher=publisher,
        source=source,
        target=target,
        root=root,
        code=code,
        date=D0 + timedelta(days=day),
        goldstein=-2.0,
        quad_class=3,
    )


@pytest.mark.parametrize(
    ("code", "key", "country"),
    [("COLGOVMIL", "COLGOV", "COL"), ("USA", "USA", "USA"), ("IGOUNO", "IGOUNO", "IGO")],
)
def test_clusters_actor_levels(code: str, key: str, country: str) -> None:
    assert (actor_key(code), actor_country(code)) == (key, country)


@pytest.mark.parametrize(
    ("days", "sizes"),
    [([0, 1], [2]), ([0, 2], [1, 1]), ([0, 1, 2], [2, 1]), ([0, 1, 2, 3], [2, 2]), ([5, 0], [1, 1])],
)
def test_clusters_anchor_window(days: list[int], sizes: list[int]) -> None:
    clusters = cluster_mentions([_mention(i, d) for i, d in enumerate(days)], hours=36)
    assert [c.num_mentions for c in clusters] == sizes


def test_clusters_count_sources_and_articles() -> None:
    mentions = [
        _mention(0, 0, publisher="a", doc="x"),
        _mention(1, 0, publisher="a", doc="y"),
        _mention(2, 1, publisher="b", doc="y", code="112"),
    ]
    (cluster,) = cluster_mentions(mentions, hours=36)
    assert (cluster.num_mentions, cluster.num_sources, cluster.num_articles) == (3, 2, 2)
    assert cluster.weight == pytest.approx(2**0.5)
    assert cluster.code == "111"  # the most frequent code
    assert (cluster.date, cluster.last_date) == (D0, D0 + timedelta(days=1))
    assert cluster.event_ids == ("e0", "e1", "e2")


@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.sampled_from(["11", "04"]), st.sampled_from(["a", "b", "c"])),
        min_size=1,
        max_size=30,
    ),
    st.randoms(),
)
def test_clusters_do_not_depend_on_input_order(specs: list[tuple[int, str, str]], rnd: random.Random) -> None:
    mentions = [_mention(i, d, root=r, code=r + "1", publisher=p) for i, (d, r, p) in enumerate(specs)]
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert cluster_mentions(mentions, hours=36) == cluster_mentions(shuffled, hours=36)
    assert sum(c.num_mentions for c in cluster_mentions(mentions, hours=36)) == len(mentions)
