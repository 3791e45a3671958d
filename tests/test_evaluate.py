"""The scorer: matching rules of ../shared/eval/README.md, on hand-built events (no model)."""

from __future__ import annotations

import pytest

from volte.evaluate import check_floors, is_code_only, score_records
from volte.records import Event


def _event(source: str, target: str, code: str) -> Event:
    return Event(
        event_id="x", doc_id="r", sentence_index=0, sentence="s", sentence_start=0, sentence_end=1, date=None,
        date_precision="unknown", published=None, source=source, source_name="", target=target, target_name="",
        code=code, root=code[:2], quad_class=1, goldstein=0.0, plover="", trigger="", pattern="p",
        factuality="asserted", attributed_to=None, kind="news", coder_version="v",
    )


@pytest.mark.parametrize(
    ("gold", "coded", "tp", "fp", "fn"),
    [
        ({"source": "USAGOV", "target": "COLGOV", "code": "1312"}, _event("USAGOV", "COLGOV", "130"), 1, 0, 0),  # same root
        ({"source": "USAGOV", "target": "COLGOV", "code": "1312"}, _event("USAMIL", "COL", "138"), 1, 0, 0),  # countries only
        ({"source": "USAGOV", "target": "COLGOV", "code": "1312"}, _event("COLGOV", "USAGOV", "130"), 0, 1, 1),  # reversed
        ({"source": "USAGOV", "target": None, "code": "173"}, _event("USAGOV", "VEN", "173"), 1, 0, 0),  # target not given
        ({"source": None, "target": None, "code": "036"}, _event("", "", "036"), 1, 0, 0),
        ({"source": "USA", "target": "COL", "code": "036"}, _event("USA", "COL", "040"), 0, 1, 1),
    ],
)
def test_evaluate_root_matching(gold: dict[str, str], coded: Event, tp: int, fp: int, fn: int) -> None:
    figures = score_records([{"id": "r", "expected_events": [gold]}], {"r": [coded]})
    assert (figures["root"]["tp"], figures["root"]["fp"], figures["root"]["fn"]) == (tp, fp, fn)


def test_evaluate_noevents_record_counts_every_event_as_false_positive() -> None:
    figures = score_records([{"id": "r", "noevents": True, "expected_events": []}], {"r": [_event("USA", "COL", "111")]})
    assert figures["root"]["fp"] == 1 and figures["noevent_clean_rate"] == 0.0


def test_evaluate_actor_agreement_uses_country_and_first_role() -> None:
    gold = {"id": "r", "expected_events": [{"source": "USAGOV", "target": "COLGOV", "code": "041"}]}
    assert score_records([gold], {"r": [_event("USAGOV", "COLGOV", "041")]})["actor_agreement"] == 1.0
    assert score_records([gold], {"r": [_event("USAMIL", "COLGOV", "041")]})["actor_agreement"] == 0.0


def test_evaluate_code_only_detection_and_floors() -> None:
    assert is_code_only([{"expected_events": [{"source": None, "target": None, "code": "010"}]}])
    assert not is_code_only([{"expected_events": [{"source": "USA", "target": None, "code": "010"}]}])
    figures = {"file": "g", "root": {"f1": 0.5}}
    assert check_floors(figures, {"root.f1": 0.5}) == []
    assert check_floors(figures, {"root.f1": 0.6}) and check_floors(figures, {"missing.f1": 0.1})


def test_evaluate_pin_floors_never_lowers_without_permission() -> None:
    from volte.evaluate import pin_floors

    figures = {"sha256": "abc", "root": {"precision": 0.8, "recall": 0.456, "f1": 0.57}, "code3": {"f1": 0.3}, "actor_agreement": None}
    entry = pin_floors(figures, {"floors": {"root.f1": 0.6}})
    assert entry["sha256"] == "abc"
    assert entry["floors"]["root.recall"] == 0.45 and entry["floors"]["root.f1"] == 0.6
    assert "actor_agreement" not in entry["floors"]
    assert pin_floors(figures, {"floors": {"root.f1": 0.6}}, allow_regression=True)["floors"]["root.f1"] == 0.57


def test_evaluate_alias_state_codes_match_their_iso_code() -> None:
    gold = {"id": "r", "expected_events": [{"source": "KSVGOV", "target": "SRBGOV", "code": "111"}]}
    figures = score_records([gold], {"r": [_event("XKXGOV", "SRBGOV", "111")]})
    assert figures["root"]["tp"] == 1 and figures["actor_agreement"] == 1.0
