"""Explaining a verdict (volte.analyse.explain) and scoring a window of the history exactly as the whole
history: pure numpy, no store, no model (issue 14)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from day_plans import plan_table

from volte.analyse import reversals as rv
from volte.analyse.explain import ThresholdInfo, detect_with_near, explain
from volte.analyse.simulate import StreamSpec, simulate

PARAMS = rv.ReversalParams()


def _thaw(days: int = 60, turn: int = 40) -> rv.DayTable:
    """A quiet mixed dyad, a week of accusations, then a week of talks from day ``turn``."""
    plan = {i: [(1.0, 1, "coop"), (-2.0, 1, "conflict")] for i in range(0, turn - 7, 3)}
    for i in range(turn - 7, turn):
        plan[i] = [(-5.0, 3, "conflict"), (-4.0, 1, "conflict")]
    for i in range(turn, min(turn + 7, days)):
        plan[i] = [(4.0, 3, "coop"), (3.0, 2, "coop")]
    return plan_table(days, plan)


def _info(value: float, origin: str = "own", days: int = 200) -> ThresholdInfo:
    return ThresholdInfo(value=value, origin=origin, own=value, calibrated=value, days=days)


def _window(table: rv.DayTable, lo: int, hi: int) -> rv.DayTable:
    """Days [lo, hi] of a 1-D table with what a store passes for the rest of the history: the Goldstein
    and composition sums before ``lo`` and the whole history's rate."""
    before = slice(0, lo)
    return rv.DayTable(
        start=table.day(lo),
        prior=tuple(float(getattr(table, n)[before].sum()) for n in ("w", "wg", "wg2")),
        rate=float(table.clusters.sum()) / len(table),
        count_prior=(
            float(table.clusters[before].sum()),
            float((table.coop - table.conflict)[before].sum()),
            float((table.coop + table.conflict)[before].sum()),
        ),
        **{n: getattr(table, n)[lo : hi + 1] for n in rv.SUM_FIELDS},
    )


@pytest.mark.issue(14)
@pytest.mark.parametrize(("lo", "hi"), [(40, 200), (100, 364), (150, 170), (0, 364)])
def test_explain_a_window_with_prior_rate_and_composition_prior_scores_as_the_whole_history(
    lo: int, hi: int
) -> None:
    whole = simulate(
        StreamSpec(rate=2.0, conflict_share=0.35, reversal="thaw", turn=160), np.random.default_rng(5)
    )
    full = rv.score(whole, PARAMS)
    look = PARAMS.before_days + PARAMS.longest_after - 1  # a day's score reads this many days before it
    part = rv.score(_window(whole, lo, hi), PARAMS, first=look)
    for kind in rv.KINDS:
        np.testing.assert_allclose(getattr(part, kind)[look:], getattr(full, kind)[lo + look : hi + 1])
    if lo > 0:  # without the composition's history and the whole history's rate the scores move
        bare = rv.score(replace(_window(whole, lo, hi), rate=None, count_prior=(0.0, 0.0, 0.0)), PARAMS)
        assert not np.allclose(np.nan_to_num(bare.thaw[look:]), np.nan_to_num(full.thaw[lo + look : hi + 1]))


@pytest.mark.issue(14)
def test_explain_a_fired_thaw_lists_the_shift_detect_finds() -> None:
    table = _thaw()
    found = rv.detect(table, PARAMS, threshold=1.5)
    assert [(s.kind, s.date) for s in found] == [("thaw", table.day(40))]
    x = explain(table, PARAMS, threshold=_info(1.5), source="AAA", target="BBB")
    assert x.verdict == "fired"
    assert [(s.kind, s.date, s.score) for s in x.fired] == [(s.kind, s.date, s.score) for s in found]
    assert x.fired[0].to_dict()["id"] == f"AAA-BBB-{table.day(40)}-thaw"
    c = x.candidate
    assert c is not None and c.kind == "thaw" and c.score is not None and c.score >= 1.5
    assert c.before.conflict > 0 and c.after.coop > 0 and c.before.mean < 0 < c.after.mean
    assert any(d.day == c.day and d.alarm for d in x.days)
    assert x.reasons[0].startswith(f"fired: thaw on {table.day(40)}")
    assert x.to_dict()["candidate"]["trials"][0]["after_days"] == 1


@pytest.mark.issue(14)
def test_explain_below_the_threshold_says_by_how_much() -> None:
    table = _thaw()
    best = float(np.nanmax(rv.score(table, PARAMS).thaw))
    x = explain(table, PARAMS, threshold=_info(10.0), source="AAA", target="BBB")
    assert x.verdict == "below" and not x.fired and not x.near
    assert x.candidate is not None and x.candidate.score == pytest.approx(best, abs=1e-3)
    assert any(
        r.startswith("below threshold:") and f"{10.0 - best:.3f} below the threshold 10.000" in r
        for r in x.reasons
    ), x.reasons


@pytest.mark.issue(14)
def test_explain_a_near_miss_is_listed_with_the_real_threshold() -> None:
    table = _thaw()
    best = float(np.nanmax(rv.score(table, PARAMS).thaw))
    threshold = best / 0.9
    fired, near = detect_with_near(table, PARAMS, threshold=threshold)
    assert fired == [] and len(near) == 1
    assert near[0].threshold == threshold and near[0].extras["status"] == "near"
    x = explain(table, PARAMS, threshold=_info(threshold), source="AAA", target="BBB")
    assert x.verdict == "near" and any(r.startswith("near miss:") and "90%" in r for r in x.reasons)
    # at 0.7 of the threshold it is no near miss
    assert detect_with_near(table, PARAMS, threshold=best / 0.7)[1] == []


@pytest.mark.issue(14)
def test_explain_says_when_the_cameo_gate_fails() -> None:
    # accusations, then friendly but neutral statements (no talks, no agreement): the mean swings up,
    # the gate asks for cooperation evidence after
    plan = {i: [(-5.0, 3, "conflict"), (-4.0, 2, "conflict")] for i in range(20, 27)}
    plan |= {i: [(3.4, 4, "other"), (3.0, 2, "other")] for i in range(27, 32)}
    x = explain(plan_table(40, plan), PARAMS, threshold=_info(1.9), source="AAA", target="BBB")
    assert x.verdict == "below" and x.candidate is not None and x.candidate.score is None
    assert x.candidate.ungated is not None and x.candidate.ungated > 0
    gate = [r for r in x.reasons if "CAMEO gate" in r]
    assert gate and "no cooperation (roots 03-05, 08) cluster in the after window" in gate[0], x.reasons


@pytest.mark.issue(14)
def test_explain_names_few_clusters_a_short_history_and_the_events_left_out() -> None:
    table = plan_table(20, {5: [(-2.0, 1, "conflict")], 9: [(1.0, 1, "coop")]})
    x = explain(
        table,
        PARAMS,
        threshold=_info(1.9, origin="short_history", days=5),
        source="AAA",
        target="BBB",
        uncounted={"not_day": 2, "future": 1, "hypothetical": 0},
    )
    assert x.verdict == "below"
    text = "\n".join(x.reasons)
    assert "too few clusters: before 1, after 1" in text
    assert "short history: 5 days < 90" in text
    assert "3 events of AAA->BBB in the range are not in the series" in text
    assert "2 dated only to a week, month or year" in text and "1 told as still to happen" in text
    assert x.to_dict()["uncounted"] == {"not_day": 2, "future": 1}


@pytest.mark.issue(14)
def test_explain_a_range_without_clusters_has_no_data() -> None:
    table = _thaw()
    x = explain(
        table,
        PARAMS,
        threshold=_info(1.5),
        source="AAA",
        target="BBB",
        since=table.day(48),
        until=table.day(59),
    )
    assert x.verdict == "no_data" and x.clusters == 0 and not x.fired
    assert any(r.startswith("no event clusters of AAA->BBB") for r in x.reasons)
