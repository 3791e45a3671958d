"""The scorer: matching rules of ../shared/eval/README.md, on hand-built events (no model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from volte.evaluate import check_floors, is_code_only, score_records
from volte.records import Event


def _event(source: str, target: str, code: str) -> Event:
    return Event(
        event_id="x",
        doc_id="r",
        sentence_index=0,
        sentence="s",
        sentence_start=0,
        sentence_end=1,
        date=None,
        date_precision="unknown",
        published=None,
        source=source,
        source_name="",
        target=target,
        target_name="",
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover="",
        trigger="",
        pattern="p",
        factuality="asserted",
        attributed_to=None,
        kind="news",
        coder_version="v",
    )


@pytest.mark.parametrize(
    ("gold", "coded", "tp", "fp", "fn"),
    [
        (
            {"source": "USAGOV", "target": "COLGOV", "code": "1312"},
            _event("USAGOV", "COLGOV", "130"),
            1,
            0,
            0,
        ),  # same root
        (
            {"source": "USAGOV", "target": "COLGOV", "code": "1312"},
            _event("USAMIL", "COL", "138"),
            1,
            0,
            0,
        ),  # countries only
        (
            {"source": "USAGOV", "target": "COLGOV", "code": "1312"},
            _event("COLGOV", "USAGOV", "130"),
            0,
            1,
            1,
        ),  # reversed
        (
            {"source": "USAGOV", "target": None, "code": "173"},
            _event("USAGOV", "VEN", "173"),
            1,
            0,
            0,
        ),  # target not given
        ({"source": None, "target": None, "code": "036"}, _event("", "", "036"), 1, 0, 0),
        ({"source": "USA", "target": "COL", "code": "036"}, _event("USA", "COL", "040"), 0, 1, 1),
    ],
)
def test_evaluate_root_matching(gold: dict[str, str], coded: Event, tp: int, fp: int, fn: int) -> None:
    figures = score_records([{"id": "r", "expected_events": [gold]}], {"r": [coded]})
    assert (figures["root"]["tp"], figures["root"]["fp"], figures["root"]["fn"]) == (tp, fp, fn)


def test_evaluate_noevents_record_counts_every_event_as_false_positive() -> None:
    figures = score_records(
        [{"id": "r", "noevents": True, "expected_events": []}], {"r": [_event("USA", "COL", "111")]}
    )
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

    figures = {
        "sha256": "abc",
        "root": {"precision": 0.8, "recall": 0.456, "f1": 0.57},
        "code3": {"f1": 0.3},
        "actor_agreement": None,
    }
    entry = pin_floors(figures, {"floors": {"root.f1": 0.6}})
    assert entry["sha256"] == "abc"
    assert entry["floors"]["root.recall"] == 0.45 and entry["floors"]["root.f1"] == 0.6
    assert "actor_agreement" not in entry["floors"]
    assert (
        pin_floors(figures, {"floors": {"root.f1": 0.6}}, allow_regression=True)["floors"]["root.f1"] == 0.57
    )


def test_evaluate_alias_state_codes_match_their_iso_code() -> None:
    gold = {"id": "r", "expected_events": [{"source": "KSVGOV", "target": "SRBGOV", "code": "111"}]}
    figures = score_records([gold], {"r": [_event("XKXGOV", "SRBGOV", "111")]})
    assert figures["root"]["tp"] == 1 and figures["actor_agreement"] == 1.0


@pytest.mark.parametrize(
    ("label", "plover", "tp"),
    [
        ("DEMAND", "REQUEST", 1),  # renamed in PLOVER v2.0
        ("DISAPPROVE", "ACCUSE", 1),  # merged into ACCUSE with INVESTIGATE
        ("INVESTIGATE", "ACCUSE", 1),
        ("FIGHT", "ASSAULT", 1),
        ("DEMAND", "THREATEN", 0),
        ("REQUEST", "REQUEST", 1),
    ],
)
def test_evaluate_older_plover_types_match_their_v2_names(label: str, plover: str, tp: int) -> None:
    """A gold event with no CAMEO code is matched by its PLOVER type, read in v2.0's names."""
    gold = {"id": "r", "expected_events": [{"source": "GRC", "target": "IGO", "code": label}]}
    coded = replace(_event("GRC", "IGOEEC", "100"), plover=plover)
    assert score_records([gold], {"r": [coded]})["root"]["tp"] == tp


# --- Real wire news sets (issue 13): conflibert, plv, case2021 ---------------------------------------


def _news_event(
    code: str, *, source_name: str = "", target_name: str = "", plover: str = "", factuality: str = "asserted"
) -> Event:
    return Event(
        event_id="x",
        doc_id="r",
        sentence_index=0,
        sentence="s",
        sentence_start=0,
        sentence_end=1,
        date=None,
        date_precision="unknown",
        published=None,
        source="USA",
        source_name=source_name,
        target="COL",
        target_name=target_name,
        code=code,
        root=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=plover,
        trigger="",
        pattern="p",
        factuality=factuality,
        attributed_to=None,
        kind="news",
        coder_version="v",
    )


def _conflibert(class5: int, **extra: object) -> dict[str, object]:
    roots = {
        0: ["01", "02"],
        1: ["03", "04", "05"],
        2: ["06", "07", "08"],
        3: ["09", "10", "11", "12", "13", "16"],
        4: ["14", "15", "17", "18", "19", "20"],
    }[class5]
    return {"id": "r", "date": None, "text": "t", "class5": class5, "roots": roots, **extra}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("records", "fmt"),
    [
        ([_conflibert(4)], "conflibert"),
        ([{"id": "r", "pairs": [], "plover_roots": []}], "plv"),
        ([{"id": "r", "type": "ARREST", "codes": ["173"], "noevents": False}], "case2021"),
        ([{"id": "r", "expected_events": []}], None),
        ([], None),
    ],
)
def test_news_format_read_from_records(records: list[dict[str, object]], fmt: str | None) -> None:
    from volte.evaluate_news import news_format

    assert news_format(records) == fmt


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("code", "klass"),
    [
        ("010", 0),
        ("023", 0),
        ("036", 1),
        ("057", 1),
        ("061", 2),
        ("081", 2),
        ("090", 3),
        ("138", 3),
        ("160", 3),
        ("145", 4),
        ("150", 4),
        ("173", 4),
        ("1823", 4),
        ("204", 4),
        ("99", None),
    ],
)
def test_news_class5_of_root(code: str, klass: int | None) -> None:
    from volte.evaluate_news import class5

    assert class5(code) == klass


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("record", "codes", "tp_fp_fn"),
    [
        (_conflibert(4), ["190"], (1, 0, 0)),
        (_conflibert(4), ["190", "042", "112", "111"], (1, 2, 0)),  # classes 1 and 3 named: 2 FP (distinct)
        (_conflibert(4), ["042"], (0, 1, 1)),
        (_conflibert(4), [], (0, 0, 1)),
        (_conflibert(3), ["023", "190"], (0, 2, 1)),  # a class-0 event (appeal) is a false positive too
        (_conflibert(0), ["023"], (0, 0, 0)),  # class 0 asks for no recall and its own class is no FP
        (_conflibert(0), ["042", "190"], (0, 2, 0)),  # class 0: only false positives count
        (_conflibert(0), [], (0, 0, 0)),
        (_conflibert(1), ["010"], (0, 0, 1)),  # statements (root 01) are left out
    ],
)
def test_news_conflibert_class_counts(
    record: dict[str, object], codes: list[str], tp_fp_fn: tuple[int, int, int]
) -> None:
    from volte.evaluate_news import score_conflibert

    figures = score_conflibert([record], {"r": [_news_event(c) for c in codes]})["class"]
    assert (figures["tp"], figures["fp"], figures["fn"]) == tp_fp_fn


@pytest.mark.issue(13)
@pytest.mark.parametrize("factuality", ["negated", "hypothetical"])
def test_news_negated_and_hypothetical_events_do_not_count(factuality: str) -> None:
    from volte.evaluate_news import score_case2021, score_conflibert, score_plv

    event = _news_event(
        "190", source_name="Iraqi troops", target_name="ISIS", plover="ASSAULT", factuality=factuality
    )
    assert score_conflibert([_conflibert(4)], {"r": [event]})["class"]["fn"] == 1
    plv = {
        "id": "r",
        "pairs": [{"source_text": "Iraqi troops", "target_text": "ISIS", "plover": "ASSAULT"}],
        "plover_roots": ["ASSAULT"],
    }
    assert score_plv([plv], {"r": [event]})["plover"]["tp"] == 0
    case = {"id": "r", "type": "ATTACK", "codes": ["19"], "noevents": False}
    assert score_case2021([case], {"r": [event]})["recall"] == 0.0
    # future events count (only negated and hypothetical ones are dropped)
    assert score_case2021([case], {"r": [_news_event("190", factuality="future")]})["recall"] == 1.0


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("spans", "source_name", "target_name", "agree"),
    [
        (
            {"source_spans": ["Iraqi troops"], "target_spans": ["the last ISIS bastion"]},
            "Iraqi army",
            "ISIS",
            1.0,
        ),
        (
            {"source_spans": ["Iraqi troops"], "target_spans": ["the last ISIS bastion"]},
            "Iraqi army",
            "Kurds",
            0.0,
        ),
        (
            {"source_spans": ["the Iraqi troops"], "target_spans": ["the bastion"]},
            "the army",
            "the bastion",
            0.0,
        ),  # stopwords only
        (
            {"source_spans": ["Iraqi troops"], "target_spans": []},
            "troops",
            "",
            1.0,
        ),  # no target span: source only
        (
            {"source_spans": ["The Croatian government's request"], "target_spans": []},
            "GOVERNMENTʼS",
            "",
            1.0,
        ),
        ({"source_spans": [], "target_spans": []}, "Iraqi army", "ISIS", None),  # no spans: not in the share
    ],
)
def test_news_conflibert_actor_spans(
    spans: dict[str, list[str]], source_name: str, target_name: str, agree: float | None
) -> None:
    from volte.evaluate_news import score_conflibert

    event = _news_event("190", source_name=source_name, target_name=target_name)
    figures = score_conflibert([_conflibert(4, **spans)], {"r": [event]})
    assert figures["actor_spans"] == agree
    assert figures["actor_spans_n"] == (0 if agree is None else 1)


@pytest.mark.issue(13)
def test_news_conflibert_actor_spans_only_on_found_records() -> None:
    from volte.evaluate_news import score_conflibert

    record = _conflibert(4, source_spans=["Iraqi troops"], target_spans=["ISIS"])
    event = _news_event("042", source_name="Iraqi troops", target_name="ISIS")
    assert score_conflibert([record], {"r": [event]})["actor_spans_n"] == 0


def _plv(*pairs: tuple[str, str, str]) -> dict[str, object]:
    return {
        "id": "r",
        "date": None,
        "text": "t",
        "pairs": [
            {"source_text": s, "target_text": t, "plover": p, "gold": True, "modality": "past"}
            for s, t, p in pairs
        ],
        "plover_roots": sorted({p for _, _, p in pairs}),
    }


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("record", "events", "plover", "dyad"),
    [
        (_plv(("Iran", "the U.S.", "ACCUSE")), [("112", "Iran", "U.S.", "ACCUSE")], (1, 0, 0), (1, 0, 0)),
        (
            _plv(("Iran", "the U.S.", "ACCUSE")),
            [("112", "Iran", "Israel", "ACCUSE")],
            (1, 0, 0),
            (0, 1, 1),
        ),  # wrong target
        (
            _plv(("Iran", "the U.S.", "ACCUSE")),
            [("112", "Iran", "", "ACCUSE")],
            (1, 0, 0),
            (0, 1, 1),
        ),  # no target name
        (
            _plv(("Iran", "the U.S.", "ACCUSE")),
            [("112", "Iran", "U.S.", "accuse")],
            (1, 0, 0),
            (1, 0, 0),
        ),  # upper-cased
        (
            _plv(("Iran", "the U.S.", "ACCUSE")),
            [("112", "Iran", "U.S.", "ACCUSE"), ("111", "Iran", "U.S.", "ACCUSE")],
            (1, 0, 0),
            (1, 0, 0),
        ),  # sets
        (
            _plv(("Iran", "the U.S.", "ACCUSE")),
            [("120", "Iran", "U.S.", "REJECT"), ("042", "Iran", "U.S.", "")],
            (0, 1, 1),
            (0, 1, 1),
        ),
        (
            _plv(("Iran", "the U.S.", "ACCUSE")),
            [("010", "Iran", "U.S.", "ACCUSE")],
            (0, 0, 1),
            (0, 0, 1),
        ),  # statement left out
        (
            _plv(("Iran", "Iraq", "ACCUSE"), ("Iran", "Syria", "AID")),
            [("112", "Iran", "Iraq", "ACCUSE")],
            (1, 0, 1),
            (1, 0, 1),
        ),
    ],
)
def test_news_plv_labels_and_dyads(
    record: dict[str, object],
    events: list[tuple[str, str, str, str]],
    plover: tuple[int, int, int],
    dyad: tuple[int, int, int],
) -> None:
    from volte.evaluate_news import score_plv

    coded = [_news_event(c, source_name=s, target_name=t, plover=p) for c, s, t, p in events]
    figures = score_plv([record], {"r": coded})
    assert tuple(figures["plover"][k] for k in ("tp", "fp", "fn")) == plover
    assert tuple(figures["dyad"][k] for k in ("tp", "fp", "fn")) == dyad


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("record", "codes", "found", "alarm"),
    [
        ({"type": "ARREST", "codes": ["173"], "noevents": False}, ["173"], 1, None),
        (
            {"type": "ARREST", "codes": ["173"], "noevents": False},
            ["17"],
            0,
            None,
        ),  # a root is not enough for a full code
        (
            {"type": "ARMED_CLASH", "codes": ["19"], "noevents": False},
            ["042", "193"],
            1,
            None,
        ),  # root in codes
        ({"type": "CHEM_WEAP", "codes": ["2041", "20"], "noevents": False}, ["2042"], 1, None),
        ({"type": "SEX_VIOL", "codes": ["1821"], "noevents": False}, ["182"], 0, None),
        ({"type": "NATURAL_DISASTER", "codes": [], "noevents": True}, ["190"], None, 1),
        (
            {"type": "ORG_CRIME", "codes": [], "noevents": True},
            ["042", "111"],
            None,
            0,
        ),  # only roots 14-20 alarm
        ({"type": "ORG_CRIME", "codes": [], "noevents": True}, ["145"], None, 1),
    ],
)
def test_news_case2021_recall_and_false_alarms(
    record: dict[str, object], codes: list[str], found: int | None, alarm: int | None
) -> None:
    from volte.evaluate_news import score_case2021

    figures = score_case2021([{"id": "r", **record}], {"r": [_news_event(c) for c in codes]})
    assert figures["found"] == (found or 0) and figures["false_alarms"] == (alarm or 0)
    if found is not None:
        assert figures["recall_by_type"][record["type"]] == {
            "records": 1,
            "found": found,
            "recall": float(found),
        }
    else:
        assert figures["recall"] is None and figures["false_alarm_rate"] == float(alarm or 0)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("rate", "fails"), [(0.08, False), (0.084, False), (0.09, True), (None, True)])
def test_evaluate_ceiling_fails_when_exceeded(rate: float | None, fails: bool) -> None:
    from volte.evaluate import check_ceilings, check_gate

    figures = {"file": "g", "sha256": "abc", "false_alarm_rate": rate, "recall": 0.2}
    assert bool(check_ceilings(figures, {"false_alarm_rate": 0.08})) is fails
    entry = {"sha256": "abc", "floors": {"recall": 0.19}, "ceilings": {"false_alarm_rate": 0.08}}
    assert bool(check_gate(figures, entry)) is fails


@pytest.mark.issue(13)
def test_evaluate_pin_ceilings_round_up_and_never_loosen() -> None:
    from volte.evaluate import pin_floors

    figures = {"mode": "case2021", "sha256": "abc", "recall": 0.1955, "false_alarm_rate": 0.0763}
    assert pin_floors(figures, {}) == {
        "sha256": "abc",
        "floors": {"recall": 0.19},
        "ceilings": {"false_alarm_rate": 0.08},
    }
    tighter = pin_floors(figures, {"ceilings": {"false_alarm_rate": 0.05}})
    assert tighter["ceilings"] == {"false_alarm_rate": 0.05}
    assert pin_floors(figures, {"ceilings": {"false_alarm_rate": 0.05}}, allow_regression=True)[
        "ceilings"
    ] == {"false_alarm_rate": 0.08}


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    ("mode", "figures", "floors"),
    [
        (
            "conflibert",
            {"class": {"precision": 0.912, "recall": 0.599, "f1": 0.7224}, "actor_spans": 0.8168},
            {"class.precision": 0.91, "class.recall": 0.59, "class.f1": 0.72, "actor_spans": 0.81},
        ),
        (
            "plv",
            {"plover": {"precision": 0.808, "recall": 0.489, "f1": 0.61}, "dyad": {"f1": 0.4607}},
            {"plover.precision": 0.8, "plover.recall": 0.48, "plover.f1": 0.61, "dyad.f1": 0.46},
        ),
    ],
)
def test_evaluate_pin_floors_per_news_format(
    mode: str, figures: dict[str, object], floors: dict[str, float]
) -> None:
    from volte.evaluate import pin_floors

    assert pin_floors({"mode": mode, "sha256": "abc", **figures}, {}) == {"sha256": "abc", "floors": floors}


@pytest.mark.issue(13)
@pytest.mark.shared
@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("conflibert_cameo_train.jsonl", {"class", "actor_spans", "actor_spans_n"}),
        ("plv_train.jsonl", {"plover", "dyad"}),
        ("case2021_task2.jsonl", {"recall", "false_alarm_rate", "recall_by_type"}),
    ],
)
def test_evaluate_news_sets_first_records(shared_dir, coder, name: str, keys: set[str]) -> None:  # type: ignore[no-untyped-def]
    from volte.evaluate import code_records, load_gold
    from volte.evaluate_news import SCORERS, news_format

    records = load_gold(shared_dir / "eval" / name)[:40]
    mode = news_format(records)
    assert mode is not None
    figures = SCORERS[mode](records, code_records(records, coder))
    assert figures["records"] == 40 and keys <= set(figures)
