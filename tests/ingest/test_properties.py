"""Property tests: the ingest stage never raises on arbitrary text; it returns an Article or a Reject."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from volte.ingest.extract import article_from_record, article_from_text, classify_kind, split_source_lines
from volte.records import Article, Reject


@given(st.text())
def test_extract_article_from_text_never_raises(text: str) -> None:
    result = article_from_text(text, doc_id="p")
    assert isinstance(result, (Article, Reject))
    if isinstance(result, Article):
        assert result.text.strip() and result.kind in ("news", "opinion")


@given(st.dictionaries(st.sampled_from(["id", "date", "url", "title", "text", "x"]), st.one_of(st.none(), st.text(), st.integers())))
def test_extract_article_from_record_never_raises(record: dict[str, object]) -> None:
    assert isinstance(article_from_record(record, origin="f:1"), (Article, Reject))


@given(st.text())
def test_extract_source_lines_idempotent(text: str) -> None:
    once, _ = split_source_lines(text)
    assert split_source_lines(once)[0] == once
    assert classify_kind(text) in ("news", "opinion")
