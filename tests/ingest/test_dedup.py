"""One run's ids (issue 16): a collision is an E212 reject naming both inputs, an identical repeat is counted."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from volte.ingest.dedup import RunIds
from volte.records import Article, Reject

ENGLISH = (
    "Kenya's foreign minister met his Ugandan counterpart in Kampala on Tuesday to discuss border trade."
)
OTHER = "The French government criticised Germany over its energy policy in a statement on Monday."

pytestmark = pytest.mark.issue(16)


def _article(doc_id: str, text: str = ENGLISH, *, url: str | None = None, origin: str = "x") -> Article:
    return Article(id=doc_id, text=text, url=url, origin=origin)


def test_run_ids_admit_new_then_count_identical_repeat() -> None:
    seen = RunIds()
    assert seen.admit(_article("a", origin="one.jsonl:1")) is True
    assert seen.admit(_article("a", origin="two.jsonl:1")) is False


@pytest.mark.parametrize(
    ("second", "what"),
    [
        (_article("a", OTHER, origin="two.jsonl:7"), "id 'a'"),
        (_article("b", OTHER, url="https://x.example/1", origin="two.jsonl:7"), "URL https://x.example/1"),
    ],
    ids=["same-id", "same-url"],
)
def test_run_ids_collision_is_a_reject_naming_both_inputs(second: Article, what: str) -> None:
    seen = RunIds()
    seen.admit(_article("a", url="https://x.example/1", origin="one.jsonl:3"))
    reject = seen.admit(second)
    assert isinstance(reject, Reject) and reject.code == "E212" and reject.stage == "ingest"
    assert what in reject.reason and "one.jsonl:3" in reject.reason and reject.origin == "two.jsonl:7"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from([ENGLISH, OTHER])), max_size=12))
def test_run_ids_every_article_is_admitted_counted_or_rejected(records: list[tuple[str, str]]) -> None:
    seen = RunIds()
    verdicts = [seen.admit(_article(i, t, origin=f"f:{n}")) for n, (i, t) in enumerate(records)]
    admitted = [r for r, v in zip(records, verdicts, strict=True) if v is True]
    assert len({i for i, _ in admitted}) == len(admitted) == len({i for i, _ in records})
    assert all(v is False or v is True or isinstance(v, Reject) for v in verdicts)
