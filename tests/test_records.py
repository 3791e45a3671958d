"""The event record: its public field list, defaults and the to_dict/from_dict round trip."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from volte.records import EVENT_FIELDS, Event, make_event_id

PLACE_FIELDS = (
    "place",
    "place_type",
    "place_country",
    "place_fips",
    "place_admin1",
    "place_geonameid",
    "place_lat",
    "place_lon",
    "place_start",
    "place_end",
)


def _event(**extra: Any) -> Event:
    return Event(
        event_id=make_event_id("doc", 0, "DEUGOV", "FRAGOV", "040", 23), doc_id="doc", sentence_index=0,
        sentence="Germany's chancellor met France's president in Berlin.", sentence_start=0, sentence_end=55,
        date=date(2026, 1, 5), date_precision="day", published=date(2026, 1, 5), source="DEUGOV",
        source_name="Germany's chancellor", target="FRAGOV", target_name="France's president", code="040",
        root="04", quad_class=1, goldstein=1.0, plover="CONSULT", trigger="met", pattern="consult.meet",
        factuality="asserted", attributed_to=None, kind="news", coder_version="volte.coder.v1",
        trigger_start=21, trigger_end=24, **extra,
    )  # fmt: skip


@pytest.mark.issue(13)
def test_event_fields_add_place_and_planned_date_after_coder_version() -> None:
    end = EVENT_FIELDS.index("coder_version") + 1
    assert EVENT_FIELDS[end:] == (*PLACE_FIELDS, "planned_date", "planned_precision")
    assert len(EVENT_FIELDS) == 24 + len(PLACE_FIELDS) + 2


@pytest.mark.issue(13)
def test_event_without_a_place_has_empty_place_fields() -> None:
    record = _event().to_dict(spans=False)
    assert {k: record[k] for k in (*PLACE_FIELDS, "planned_date", "planned_precision")} == {
        "place": "", "place_type": "", "place_country": "", "place_fips": "", "place_admin1": "",
        "place_geonameid": None, "place_lat": None, "place_lon": None, "place_start": -1, "place_end": -1,
        "planned_date": None, "planned_precision": "",
    }  # fmt: skip


@pytest.mark.issue(13)
@pytest.mark.parametrize(
    "extra",
    [
        {},
        {
            "place": "Berlin", "place_type": "city", "place_country": "DEU", "place_fips": "GM",
            "place_admin1": "16", "place_geonameid": 2950159, "place_lat": 52.52437, "place_lon": 13.41053,
            "place_start": 48, "place_end": 54,
        },
        {"planned_date": date(2026, 3, 1), "planned_precision": "month"},
    ],
    ids=["no-place", "berlin", "planned"],
)  # fmt: skip
def test_event_round_trips_through_to_dict(extra: dict[str, Any]) -> None:
    event = _event(**extra)
    record = event.to_dict()
    assert list(record)[: len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    assert Event.from_dict(record) == event
    assert dataclasses.asdict(Event.from_dict(record)) == dataclasses.asdict(event)


@pytest.mark.issue(13)
def test_event_from_dict_of_a_record_written_before_places_gives_defaults() -> None:
    old = {k: v for k, v in _event().to_dict().items() if not k.startswith(("place", "planned_"))}
    assert Event.from_dict(old) == _event()


@pytest.mark.issue(13)
def test_event_id_is_unchanged_by_the_new_fields() -> None:
    # pinned before the place fields existed (the serve tests' first event): stored ids must not change
    assert make_event_id("wire-0104", 1, "COLGOV", "USAGOV", "112", 29) == "e94eeb0b7bd8ce87"


def test_event_fields_are_the_contract_then_the_spans_only() -> None:
    spans = tuple(f"{n}_{end}" for n in ("trigger", "source", "target") for end in ("start", "end"))
    assert tuple(f.name for f in dataclasses.fields(Event)) == (*EVENT_FIELDS, *spans)  # no extras dict


def test_event_dates_are_dates_and_json_dates_are_iso_text() -> None:
    event = _event(planned_date=date(2026, 3, 1), planned_precision="month")
    record = event.to_dict()
    assert (record["date"], record["published"], record["planned_date"]) == ("2026-01-05", "2026-01-05", "2026-03-01")
    back = Event.from_dict({**record, "published": "2026-01-05T09:30:00Z", "unknown": 1})
    assert (back.date, back.published, back.planned_date) == (date(2026, 1, 5), date(2026, 1, 5), date(2026, 3, 1))
    assert Event.from_dict({**record, "date": "not a date"}).date is None
