"""Reversal detection on daily sums: thaws and ruptures found on the right day, gates and shrinkage
keep sign flips and lone events quiet, per-dyad calibration, and a reduced synthetic benchmark. Tests
that compare the shipped path with a variant of the tuning rounds take it from bench/reversal_variants.py."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from day_plans import plan_table

from volte.analyse.calibration import calibrate, dyad_seed, shuffle_days
from volte.analyse.reversals import (
    DayTable,
    ReversalParams,
    detect,
    score,
)
from volte.analyse.simulate import StreamSpec, simulate

PARAMS = ReversalParams()


def _variants() -> ModuleType:
    """bench/reversal_variants.py: the variants the shipped detector no longer carries."""
    name = "reversal_variants"
    if name not in sys.modules:  # registered before it runs: its dataclass looks its module up
        path = Path(__file__).resolve().parents[2] / "bench" / "reversal_variants.py"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec and spec.loader
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def _baseline(days: range, rng: np.random.Generator) -> dict[int, list[tuple[float, int, str]]]:
    plan = {}
    for i in days:
        plan[i] = [
            (-4.0, 1, "conflict")
            if rng.random() < 0.25
            else (3.0, 1, "coop" if rng.random() < 0.5 else "other")
            for _ in range(2)
        ]
    return plan


def _turn(kind: str, turn: int = 100) -> DayTable:
    rng = np.random.default_rng(1)
    plan = _baseline(range(0, turn - 7), rng) | _baseline(range(turn + 7, 130), rng)
    hot, calm = range(turn - 7, turn), range(turn, turn + 7)
    for i in hot if kind == "thaw" else calm:
        plan[i] = [(-7.0, 3, "conflict"), (-5.0, 2, "conflict"), (-4.0, 1, "conflict")]
    for i in calm if kind == "thaw" else hot:
        plan[i] = [(4.0, 4, "coop"), (3.0, 2, "coop"), (5.0, 1, "coop")]
    return plan_table(130, plan)


@pytest.mark.parametrize("kind", ["thaw", "rupture"])
def test_reversals_detects_turn_on_the_right_day(kind: str) -> None:
    table = _turn(kind)
    cal = calibrate(table, PARAMS, seed=1)
    found = [
        s for s in detect(table, PARAMS, threshold=cal.threshold) if abs((s.date - table.day(100)).days) <= 1
    ]
    assert [s.kind for s in found] == [kind]
    shift = found[0]
    assert shift.score >= shift.threshold >= PARAMS.min_threshold
    assert (shift.detected - shift.date).days <= PARAMS.window_days
    assert shift.before.mean is not None and shift.after.mean is not None
    assert (shift.after.mean > shift.before.mean) == (kind == "thaw")


def test_reversals_sign_flip_without_cameo_evidence_is_no_thaw() -> None:
    # negative statements (roots 01-02, e.g. pessimistic comments) then positive ones: the mean flips,
    # but there is neither conflict evidence before nor talks after.
    plan = {i: [(-0.4, 5, "other")] * 3 for i in range(20, 27)} | {
        i: [(3.4, 5, "other")] * 3 for i in range(27, 31)
    }
    table = plan_table(40, plan)
    assert np.all(np.isnan(score(table, PARAMS).thaw))
    assert detect(table, PARAMS, threshold=PARAMS.min_threshold) == []


def test_reversals_lone_events_are_shrunk_below_the_minimum() -> None:
    # one single-source accusation, then one single-source call: the gate passes, the evidence is thin
    table = plan_table(20, {5: [(-2.0, 1, "conflict")], 9: [(1.0, 1, "coop")]})
    assert np.nanmax(score(table, PARAMS).thaw) < PARAMS.min_threshold
    assert detect(table, PARAMS, threshold=PARAMS.min_threshold) == []


def test_reversals_more_sources_raise_the_score() -> None:
    def peak(sources: int) -> float:
        table = plan_table(20, {5: [(-5.0, sources, "conflict")] * 2, 9: [(4.0, sources, "coop")] * 2})
        return float(np.nanmax(score(table, PARAMS).thaw))

    assert peak(1) < peak(4) < peak(16)


def test_reversals_calibration_short_history_uses_the_global_minimum() -> None:
    cal = calibrate(plan_table(30, {5: [(-5.0, 1, "conflict")]}), PARAMS)
    assert (cal.threshold, cal.calibrated) == (PARAMS.short_history_threshold, None)


def test_reversals_calibration_is_reproducible_and_rate_aware() -> None:
    dense = simulate(StreamSpec(rate=4.0, conflict_share=0.3), np.random.default_rng(5))
    sparse = simulate(StreamSpec(rate=0.3, conflict_share=0.3), np.random.default_rng(5))
    seed = dyad_seed("AAA", "BBB")
    assert calibrate(dense, PARAMS, seed=seed) == calibrate(dense, PARAMS, seed=seed)
    assert calibrate(dense, PARAMS, seed=seed).threshold > calibrate(sparse, PARAMS, seed=seed).threshold


def test_reversals_shuffle_keeps_the_days() -> None:
    table = simulate(StreamSpec(rate=2.0, conflict_share=0.3, days=60), np.random.default_rng(2))
    shuffled = shuffle_days(table, np.random.default_rng(3), block=3)
    for name in ("clusters", "w", "wg", "conflict", "coop"):
        assert sorted(getattr(shuffled, name)) == pytest.approx(sorted(getattr(table, name)))
    assert not np.array_equal(shuffled.wg, table.wg)


def test_reversals_min_combination_is_stricter_than_geomean() -> None:
    table = _turn("thaw")
    variants = _variants()
    strict = variants.VariantParams(combine="min")
    with variants.installed(strict):
        strict_peak = np.nanmax(score(table, strict).thaw)
    assert strict_peak <= np.nanmax(score(table, PARAMS).thaw)


@pytest.mark.slow
def test_reversals_reduced_benchmark_recall_and_false_alarms() -> None:
    """bench/reversals.py in small: dense-enough streams with a turn and steady twins, calibrated one
    by one and pooled as in the bench, the fit learning from the steady twins (v5 measures 30 / 30 turns
    and 0.90 false alarms a dyad-year here; the bounds leave room for the noise of 30 dyad-years)."""
    from volte.analyse.calibration import pool_thresholds

    rng = np.random.default_rng(11)
    n, tables, turns = 30, [], []
    for i in range(n):
        kind = ("thaw", "rupture")[i % 2]
        spec = StreamSpec(
            rate=float(rng.uniform(3.0, 5.0)),
            conflict_share=float(rng.uniform(0.1, 0.4)),
            reversal=kind,
            turn=int(rng.integers(60, 300)),
        )
        tables += [
            simulate(spec, np.random.default_rng(100 + i)),
            simulate(replace(spec, reversal=None), np.random.default_rng(200 + i)),
        ]
        turns += [(kind, spec.turn), None]
    steady = [turn is None for turn in turns]
    assert sum(steady) >= PARAMS.pool_min_dyads  # enough to pool on
    calibrations = [calibrate(t, PARAMS, seed=i) for i, t in enumerate(tables)]
    thresholds = pool_thresholds(calibrations, PARAMS, fit=steady)
    assert not np.allclose(thresholds, [c.threshold for c in calibrations])
    hits, false_alarms = 0, 0
    for table, turn, threshold in zip(tables, turns, thresholds, strict=True):
        found = detect(table, PARAMS, threshold=float(threshold))
        if turn is None:
            false_alarms += len(found)
        else:
            kind, day = turn
            hits += any(s.kind == kind and abs((s.date - table.day(day)).days) <= 1 for s in found)
    assert hits / n >= 0.8
    assert false_alarms / n <= 1.25


def test_reversals_rows_scored_together_match_one_by_one() -> None:
    from volte.analyse.reversals import detect_rows, stack

    tables = [_turn("thaw"), _turn("rupture"), plan_table(130, {5: [(-5.0, 1, "conflict")]})]
    limits = np.array([1.2, 1.4, 1.0])
    together = detect_rows(stack(tables), PARAMS, thresholds=limits)
    alone = [(i, s) for i, t in enumerate(tables) for s in detect(t, PARAMS, threshold=float(limits[i]))]
    assert together == alone
    assert {i for i, _ in together} == {0, 1}


def test_reversals_shorter_after_windows_raise_the_alarm_no_later() -> None:
    table = _turn("thaw")
    variants = _variants()
    single = variants.VariantParams(scales=False)
    limit = calibrate(table, PARAMS, seed=1).threshold
    (multi,) = [s for s in detect(table, PARAMS, threshold=limit) if s.kind == "thaw"]
    with variants.installed(single):
        (one,) = [s for s in detect(table, single, threshold=limit) if s.kind == "thaw"]
        single_peak = np.nanmax(score(table, single).thaw)
    assert multi.date == one.date == table.day(100)
    assert multi.detected <= one.detected
    assert np.nanmax(score(table, PARAMS).thaw) >= single_peak


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reversals_episode_peaks_match_episodes(seed: int) -> None:
    from volte.analyse.reversals import episode_peaks, episodes

    values = np.random.default_rng(seed).normal(0, 1.5, 400)
    values[np.random.default_rng(seed + 10).random(400) < 0.3] = np.nan
    expected = [values[peak] for _, peak, _ in episodes(values, threshold=0.0, gap=3)]
    assert episode_peaks(values, gap=3).tolist() == pytest.approx(expected)


def _sparse_turn(kind: str, turn: int = 150) -> DayTable:
    """One single-source cluster every day or two: a dispute week, then a week of talks (or the mirror)."""
    rng = np.random.default_rng(4)
    plan: dict[int, list[tuple[float, int, str]]] = {}
    for i in range(0, 200):
        if rng.random() < 0.6:
            plan[i] = [
                (-4.0, 1, "conflict")
                if rng.random() < 0.3
                else (3.0, 1, "coop" if rng.random() < 0.5 else "other")
            ]
    hot, calm = range(turn - 7, turn), range(turn, turn + 7)
    for i in hot if kind == "thaw" else calm:
        plan[i] = [(-5.0, 1, "conflict")]
    for i in calm if kind == "thaw" else hot:
        plan[i] = [(4.0, 1, "coop")]
    return plan_table(200, plan)


@pytest.mark.parametrize("kind", ["thaw", "rupture"])
def test_reversals_sparse_turn_is_confirmed_by_its_week(kind: str) -> None:
    # one single-source cluster a day: 72 hours of it are not enough, the week of talks (or dispute) is
    table = _sparse_turn(kind)
    short = replace(PARAMS, after_days=0)
    assert np.nanmax(getattr(score(table, PARAMS), kind)) > np.nanmax(getattr(score(table, short), kind))
    found = detect(table, PARAMS, threshold=calibrate(table, PARAMS, seed=2).threshold)
    assert [(s.kind, s.date) for s in found if abs((s.date - table.day(150)).days) <= 1] == [
        (kind, table.day(150))
    ]


def test_reversals_salient_cluster_on_a_mixed_day_counts_through_goldstein() -> None:
    # weeks of strikes, then a day with two more strikes and a ceasefire reported by 50 sources: the
    # composition alone sees a mostly conflictual day; salience-weighted Goldstein sees the turn
    plan = {i: [(-9.0, 2, "conflict")] for i in range(0, 20)}
    plan[20] = [(-9.0, 1, "conflict"), (-9.0, 1, "conflict"), (9.0, 50, "coop")]
    table = plan_table(22, plan)
    either = np.nanmax(score(table, PARAMS).thaw)
    variants = _variants()
    with variants.installed(alone := variants.VariantParams(signal="counts")):
        counts = np.nanmax(score(table, alone).thaw)
    assert either > counts
    assert either >= PARAMS.short_history_threshold > counts


@pytest.mark.parametrize("how", ["mean3", "geo3"])
def test_reversals_three_way_score_needs_every_side(how: str) -> None:
    # a tense week that simply ends (after side below the baseline) is no thaw, however strong the contrast
    # (mean3: the shipped score; geo3: a variant of the tuning rounds)
    from volte.analyse.reversals import combine as shipped

    variants = _variants()
    params = variants.VariantParams(combine=how)
    combine = shipped if how == "mean3" else variants.combine
    values = combine(
        np.array([3.0, 3.0, 3.0]), np.array([2.0, -0.1, 2.0]), np.array([4.0, 4.0, -0.2]), params
    )
    assert values[0] > 0 and values[1] <= 0 and values[2] <= 0


def test_reversals_offset_windows_match_gathered_windows() -> None:
    # scoring slides windows by slicing (int offsets); turn dating gathers them by index arrays
    from volte.analyse.reversals import _cum, _window

    rng = np.random.default_rng(0)
    for n in (1, 2, 5, 30):
        c = _cum(rng.random((3, n)))
        t = np.arange(n)
        for lo in range(-n - 3, n + 4):
            for width in range(0, 9):
                hi = lo + width - 1
                assert np.allclose(_window(c, lo, hi), _window(c, t + lo, t + hi)), (n, lo, width)


def test_reversals_volume_lifts_a_turn_only_where_the_turn_already_scores() -> None:
    """v3: a turn told by more clusters than the dyad usually has scores higher by at most 0.3
    (0.1 x a volume z clipped at 3); the volume never makes a non-positive score positive."""
    table = _turn("thaw")
    flat = score(table, replace(PARAMS, volume_weight=0.0))
    lifted = score(table, PARAMS)
    both = np.isfinite(flat.thaw) & np.isfinite(lifted.thaw)
    gain = lifted.thaw[both] - flat.thaw[both]
    assert gain.max() <= 0.3 + 1e-9 and gain.min() >= -0.1 - 1e-9
    assert lifted.thaw[100] > flat.thaw[100]  # the turn's three clusters a day against two
    assert np.all(lifted.thaw[both][flat.thaw[both] <= 0] == flat.thaw[both][flat.thaw[both] <= 0])


def _calibrations(n: int, noise: float, rng: np.random.Generator) -> tuple[list, np.ndarray]:
    """n calibrated dyads whose true thresholds follow their features, each estimated with noise."""
    from volte.analyse.calibration import Calibration

    log_rate = rng.uniform(-1.5, 1.6, n)
    conflict, coop = rng.uniform(0.1, 0.5, n), rng.uniform(0.2, 0.5, n)
    salience = rng.uniform(0.5, 1.5, n)
    truth = 2.9 + 0.3 * log_rate - 0.8 * conflict + 0.2 * salience
    own = truth + rng.normal(0, noise, n)
    cals = [
        Calibration(float(o), float(o), 365, (float(r), float(r * r), float(a), float(b), float(s)))
        for o, r, a, b, s in zip(own, log_rate, conflict, coop, salience, strict=True)
    ]
    return cals, truth


def test_reversals_pooling_pulls_noisy_thresholds_toward_what_the_features_predict() -> None:
    from volte.analyse.calibration import pool_thresholds

    cals, truth = _calibrations(400, 0.5, np.random.default_rng(4))
    own = np.array([c.threshold for c in cals])
    pooled = pool_thresholds(cals, PARAMS)
    assert np.sqrt(np.mean((pooled - truth) ** 2)) < 0.5 * np.sqrt(np.mean((own - truth) ** 2))
    # the dyad keeps (1 - pool_weight) of its own estimate: high draws stay higher than low ones
    order = np.argsort(own - truth)
    assert np.mean((pooled - truth)[order[-40:]]) > np.mean((pooled - truth)[order[:40]])
    assert pooled.min() >= PARAMS.min_threshold


def test_reversals_pooling_leaves_short_histories_and_small_stores_alone() -> None:
    from volte.analyse.calibration import Calibration, pool_thresholds

    cals, _ = _calibrations(PARAMS.pool_min_dyads, 0.5, np.random.default_rng(5))
    short = Calibration(PARAMS.short_history_threshold, None, 40)
    pooled = pool_thresholds([*cals, short], PARAMS)
    assert pooled[-1] == PARAMS.short_history_threshold
    assert not np.allclose(pooled[:-1], [c.threshold for c in cals])
    few = pool_thresholds([*cals[: PARAMS.pool_min_dyads - 1], short], PARAMS)
    assert list(few) == [c.threshold for c in cals[: PARAMS.pool_min_dyads - 1]] + [short.threshold]
    assert list(pool_thresholds(cals, replace(PARAMS, pool_weight=0.0))) == [c.threshold for c in cals]


@pytest.mark.parametrize("kind", ["thaw", "rupture"])
def test_reversals_turn_dating_from_kept_splits_matches_the_direct_split(kind: str) -> None:
    from volte.analyse.reversals import turn_day

    spec = StreamSpec(rate=1.5, conflict_share=0.3, reversal=kind, turn=200)
    table = simulate(spec, np.random.default_rng(8))
    scores = score(table, PARAMS, splits=True)
    values = np.nan_to_num(getattr(scores, kind), nan=-np.inf)
    for first in range(150, 364, 5):
        peak = int(first + np.argmax(values[first : first + 7]))
        fast = turn_day(table, PARAMS, kind=kind, first=first, peak=peak, scores=scores)
        assert fast == turn_day(table, PARAMS, kind=kind, first=first, peak=peak), first


def test_reversals_scoring_from_a_later_day_matches_the_full_scores() -> None:
    from volte.analyse.reversals import stack

    tables = [
        simulate(StreamSpec(rate=r, conflict_share=0.3, days=80), np.random.default_rng(i))
        for i, r in enumerate((0.5, 2.0, 4.0))
    ]
    table = stack(tables)
    full = score(table, PARAMS, splits=True)
    for first in (1, 9, 30, 79):
        part = score(table, PARAMS, splits=True, first=first)
        for name in ("thaw", "rupture", "z_before", "z_after", "mu0", "sd0"):
            assert np.all(np.isnan(getattr(part, name)[:, :first]))
            np.testing.assert_allclose(getattr(part, name)[:, first:], getattr(full, name)[:, first:])
        for (thaw, rupture), (full_thaw, full_rupture) in zip(part.splits, full.splits, strict=True):
            np.testing.assert_allclose(thaw[:, first:], full_thaw[:, first:])
            np.testing.assert_allclose(rupture[:, first:], full_rupture[:, first:])


def test_reversals_pooling_fits_only_the_calibrations_it_is_told_to_learn_from() -> None:
    """A dyad's own turn inflates its calibration; a pool fitted on such dyads lifts everyone's
    threshold. ``fit`` keeps them out of the fit (they are still pooled toward its prediction)."""
    from volte.analyse.calibration import Calibration, pool_thresholds

    cals, truth = _calibrations(200, 0.3, np.random.default_rng(7))
    inflated = [Calibration(c.threshold + 1.0, c.calibrated + 1.0, c.days, c.features) for c in cals[:100]]
    mixed = [*inflated, *cals[100:]]
    clean = [False] * 100 + [True] * 100
    everyone = pool_thresholds(mixed, PARAMS)
    learned = pool_thresholds(mixed, PARAMS, fit=clean)
    steady = slice(100, None)
    assert np.mean(everyone[steady] - truth[steady]) > 0.3  # lifted by the inflated half
    assert abs(np.mean(learned[steady] - truth[steady])) < 0.1
    # the inflated dyads are pooled too: pulled down toward the prediction of the clean fit
    assert np.all(learned[:100] < np.array([c.threshold for c in inflated]))
    few = pool_thresholds(mixed, PARAMS, fit=[True] * (PARAMS.pool_min_dyads - 1) + [False] * 171)
    assert list(few) == [c.threshold for c in mixed]  # too few to learn from: nothing is pooled


def test_reversals_pooling_skips_calibrations_with_an_older_feature_set() -> None:
    from volte.analyse.calibration import Calibration, pool_thresholds

    cals, _ = _calibrations(40, 0.5, np.random.default_rng(6))
    old = Calibration(3.3, 3.3, 365, (0.1, 0.2, 0.3))  # cached by an earlier version with three features
    pooled = pool_thresholds([*cals, old], PARAMS)
    assert pooled[-1] == old.threshold
    assert not np.allclose(pooled[:-1], [c.threshold for c in cals])


def test_reversals_goldstein_competes_only_in_the_shortest_after_windows() -> None:
    """v5: in `either`, salience-weighted Goldstein may replace the composition only in after windows of
    at most gold_after_days days; longer windows are the composition's alone, per element of an array."""
    from volte.analyse.reversals import sides as shipped

    def sides(table: DayTable, params: ReversalParams, *bounds: Any) -> Any:
        # the composition alone is a variant: bench/reversal_variants.py's sides, unchanged from v5's
        return (variants.sides if params is counts else shipped)(table, params, *bounds)

    table = simulate(
        StreamSpec(rate=2.0, conflict_share=0.3, reversal="thaw", turn=60, days=120), np.random.default_rng(4)
    )
    variants = _variants()
    every = replace(PARAMS, gold_after_days=0)
    counts = variants.VariantParams(signal="counts")
    c = np.arange(40, 100)
    for length, reference in ((1, every), (2, counts), (7, counts)):
        got = sides(table, PARAMS, c - 7, c - 1, c, c + length - 1)
        want = sides(table, reference, c - 7, c - 1, c, c + length - 1)
        for a, b in zip(got, want, strict=True):
            np.testing.assert_allclose(a, b)
    assert not np.allclose(
        sides(table, every, c - 7, c - 1, c, c + 6)[1], sides(table, counts, c - 7, c - 1, c, c + 6)[1]
    )
    lengths = np.where(c % 2 == 0, 1, 5)  # mixed lengths in one call
    mixed = sides(table, PARAMS, c - 7, c - 1, c, c + lengths - 1)
    for i, length in enumerate(lengths):
        reference = every if length == 1 else counts
        one = sides(
            table, reference, c[i : i + 1] - 7, c[i : i + 1] - 1, c[i : i + 1], c[i : i + 1] + length - 1
        )
        for a, b in zip(mixed, one, strict=True):
            np.testing.assert_allclose(a[i], b[0])


def test_reversals_variants_at_the_shipped_values_reproduce_the_shipped_detector(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """bench/reversal_variants.py's functions, swapped in with every variant at its shipped value, give
    the shipped detector's scores and shifts: the variants table is measured against the same detector."""
    import volte.analyse.reversals as rv

    spec = StreamSpec(rate=1.5, conflict_share=0.3, reversal="rupture", turn=150)
    table = simulate(spec, np.random.default_rng(5))
    limit = calibrate(table, PARAMS, seed=3).threshold
    want_scores, want_shifts = score(table, PARAMS, splits=True), detect(table, PARAMS, threshold=limit)
    variants = _variants()
    for name in variants.PATCHED:
        monkeypatch.setattr(rv, name, getattr(variants, name))
    params = variants.VariantParams()
    got_scores = score(table, params, splits=True)
    for name in ("thaw", "rupture", "z_before", "z_after"):
        np.testing.assert_array_equal(getattr(got_scores, name), getattr(want_scores, name))
    assert calibrate(table, params, seed=3).threshold == limit
    assert [s.to_dict() for s in detect(table, params, threshold=limit)] == [s.to_dict() for s in want_shifts]
    assert want_shifts  # the stream's turn is found, so the shifts compared are not both empty


def _mixed_day_before_the_alarm(mixed: bool) -> DayTable:
    """A week of conflict, then (day 96) one day that is either mixed (a promise and a refusal) or only
    cooperative, three quiet days, and a week of cooperation from day 100 that raises the alarm."""
    rng = np.random.default_rng(3)
    plan = {i: [(-4.0, 1, "conflict") if rng.random() < 0.3 else (3.0, 1, "coop")] for i in range(88)}
    plan |= {i: [(-7.0, 2, "conflict"), (-5.0, 1, "conflict")] for i in range(88, 96)}
    plan[96] = [(4.0, 1, "coop"), (-5.0, 1, "conflict")] if mixed else [(4.0, 1, "coop")]
    plan |= {i: [(5.0, 2, "coop"), (4.0, 1, "coop"), (7.0, 1, "coop")] for i in range(100, 107)}
    plan |= {i: [(3.0, 1, "coop")] for i in range(107, 130)}
    return plan_table(130, plan)


@pytest.mark.parametrize(("mixed", "turn"), [(True, 100), (False, 96)])
def test_reversals_date_a_turn_before_its_alarm_only_to_a_day_that_leans_its_way(mixed: bool, turn: int) -> None:
    """A turn dated back from its first alarm lands on a day whose own clusters lean the turn's way: a
    day as hostile as it is friendly ("would attend the meeting, but the border is not up for discussion")
    is not yet the thaw (docs/reversals.md, step 8); a day only friendly is."""
    table = _mixed_day_before_the_alarm(mixed)
    thaws = [s for s in detect(table, PARAMS, threshold=PARAMS.short_history_threshold) if s.kind == "thaw"]
    assert [s.date for s in thaws] == [table.day(turn)]
    assert thaws[0].detected == table.day(100 if mixed else 96)
