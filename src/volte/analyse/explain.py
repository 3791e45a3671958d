"""Why the reversal detector did or did not fire on one directed dyad (docs/reversals.md, "Explaining a
verdict"). Pure numpy over a :class:`~volte.analyse.reversals.DayTable` of the dyad's whole stored
history, like the detector itself: the store only fetches the table, the threshold and the counts of
events the series leaves out; the CLI and the API only render the :class:`Explanation`.

The explanation scores every day of the history exactly as :func:`~volte.analyse.reversals.detect` does
(so its fired shifts are the ones ``volte shifts`` lists), then picks the *best candidate* in the range
asked: the fired shift with the highest score, else the day with the highest gated score, else (no day
passed the CAMEO gate) the day with the highest score the gate would have let through. For that day it
gives each after window tried, the before and after windows of the best one, the days around it, the
threshold in force and where it came from, and the reasons nothing fired.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import numpy as np

from volte.analyse import reversals as rv
from volte.analyse.calibration import ORIGINS

NEAR = 0.8  # a near miss scores at least this share of its threshold
AROUND = 7  # days shown on each side of the best candidate
FEW = 2  # a window with at most this many clusters is mostly its shrinkage toward the baseline
EVIDENCE = {
    "thaw": ("conflict (roots 10-20)", "cooperation (roots 03-05, 08)"),
    "rupture": ("cooperation (roots 03-05, 08)", "conflict (roots 10-20)"),
}
UNCOUNTED = {
    "not_day": "dated only to a week, month or year",
    "no_date": "without a date",
    "future": "told as still to happen (a planned visit or strike; intents, threats and demands count on the day they are said)",
    "hypothetical": "hypothetical or conditional",
}


@dataclass(frozen=True)
class ThresholdInfo:
    """The alarm threshold in force for a dyad and where it came from."""

    value: float  # in force
    origin: str  # own | pooled | short_history (calibration.ORIGINS)
    own: float  # the dyad's own threshold: its calibration floored at min_threshold, or the short minimum
    calibrated: float | None  # the shuffle estimate before the floor (None: history too short)
    days: int  # days of history calibrated

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": round(self.value, 3),
            "origin": self.origin,
            "origin_text": ORIGINS.get(self.origin, self.origin),
            "own": round(self.own, 3),
            "calibrated": None if self.calibrated is None else round(self.calibrated, 3),
            "days": self.days,
        }


@dataclass(frozen=True)
class DayScore:
    """One day of the dyad: its clusters and the best score of each kind over every after window ending
    that day, with the CAMEO gate (None: no cluster, or the gate failed) and without it."""

    day: date
    clusters: int
    conflict: int
    coop: int
    thaw: float | None
    rupture: float | None
    thaw_ungated: float | None
    rupture_ungated: float | None
    alarm: bool  # a gated score reaches the threshold

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["day"] = self.day.isoformat()
        return out


@dataclass(frozen=True)
class Trial:
    """One after window tried at the candidate's day: its length and what it scored."""

    after_days: int
    score: float | None  # gated (None: the gate failed)
    ungated: float | None
    z_before: float  # the signed deviations of the signal the score used (docs/reversals.md, step 4)
    z_after: float
    gate_before: int  # evidence clusters the gate asks for before (conflict for a thaw)
    gate_after: int  # and after (cooperation for a thaw)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Candidate:
    """The best candidate of the range: the day scored (last day of the after window) and its windows."""

    day: date
    kind: str
    score: float | None  # gated; None when no after window passed the gate
    ungated: float | None
    after_days: int  # the after window that scored best
    before: rv.Window
    after: rv.Window
    baseline: tuple[float, float]  # Goldstein (mean, sd) of every day before the before window
    trials: tuple[Trial, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "kind": self.kind,
            "score": self.score,
            "ungated": self.ungated,
            "after_days": self.after_days,
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "baseline": {"mean": round(self.baseline[0], 3), "sd": round(self.baseline[1], 3)},
            "trials": [t.to_dict() for t in self.trials],
        }


@dataclass(frozen=True)
class Explanation:
    source: str
    target: str
    since: date | None  # the range of turn days asked, cut to the stored history (None: no history)
    until: date | None
    verdict: str  # fired | near | below | no_data
    threshold: ThresholdInfo
    near_ratio: float
    history: dict[str, Any]  # first, last, days, clusters, rate of the dyad's stored history
    clusters: int  # clusters in the range
    candidate: Candidate | None
    days: tuple[DayScore, ...]
    fired: tuple[rv.Shift, ...]
    near: tuple[rv.Shift, ...]
    uncounted: dict[str, int] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "verdict": self.verdict,
            "reasons": list(self.reasons),
            "threshold": self.threshold.to_dict(),
            "near_ratio": self.near_ratio,
            "history": {k: v.isoformat() if isinstance(v, date) else v for k, v in self.history.items()},
            "clusters": self.clusters,
            "candidate": self.candidate.to_dict() if self.candidate else None,
            "days": [d.to_dict() for d in self.days],
            "fired": [_shift_dict(s) for s in self.fired],
            "near": [_shift_dict(s) for s in self.near],
            "uncounted": dict(self.uncounted),
        }


def _shift_dict(shift: rv.Shift) -> dict[str, Any]:
    return shift.to_dict()


def _num(value: Any) -> float | None:
    v = float(value)
    return None if np.isnan(v) else round(v, 3)


def detect_with_near(
    table: rv.DayTable,
    params: rv.ReversalParams,
    *,
    threshold: float,
    near_ratio: float = NEAR,
    scores: rv.Scores | None = None,
    first: int = 0,
    near: bool = True,
    turns: tuple[int, int] | None = None,
) -> tuple[list[rv.Shift], list[rv.Shift]]:
    """(fired, near misses) of a 1-D table: near misses are the alarm episodes at ``near_ratio`` x the
    threshold whose peak stays below it (marked ``status`` = near, with the real threshold); none when
    ``near`` is false. ``turns``: only episodes that can date a turn in these day indices (rv.detect)."""
    scores = scores or rv.score(table, params, splits=True)
    fired = [
        replace(s, extras={**s.extras, "status": "fired"})
        for s in rv.detect(table, params, threshold=threshold, first=first, scores=scores, turns=turns)
    ]
    if not near:
        return fired, []
    missed = rv.detect(
        table,
        params,
        threshold=near_ratio * threshold,
        first=first,
        scores=scores,
        turns=turns,
        below=threshold,
    )
    return fired, [replace(s, threshold=threshold, extras={**s.extras, "status": "near"}) for s in missed]


def explain(
    table: rv.DayTable,
    params: rv.ReversalParams,
    *,
    threshold: ThresholdInfo,
    source: str,
    target: str,
    since: date | None = None,
    until: date | None = None,
    uncounted: dict[str, int] | None = None,
    near_ratio: float = NEAR,
) -> Explanation:
    """Explain the verdict on turns dated in [since, until] of a dyad whose whole stored history is
    ``table`` (its ``rate`` set or not, as the detector was given it)."""
    uncounted = {k: int(v) for k, v in (uncounted or {}).items() if v}
    n = len(table)
    history = _history(table)
    if n == 0:
        return _empty(source, target, since, until, threshold, near_ratio, history, uncounted)
    first, last = history["first"] or table.start, history["last"] or table.day(n - 1)
    lo_day, hi_day = max(since or first, table.start), min(until or last, table.day(n - 1))
    if lo_day > hi_day:
        return _empty(source, target, since, until, threshold, near_ratio, history, uncounted)
    lo, hi = (lo_day - table.start).days, (hi_day - table.start).days
    thr = threshold.value
    scores = rv.score(table, params, splits=True)
    ungated = rv.score(table, params, gate=False)
    fired, near = detect_with_near(table, params, threshold=thr, near_ratio=near_ratio, scores=scores)
    fired = [replace(s, source=source, target=target) for s in fired if lo_day <= s.date <= hi_day]
    near = [replace(s, source=source, target=target) for s in near if lo_day <= s.date <= hi_day]
    picked = _pick(table, scores, ungated, lo, hi, fired, near)
    candidate = _candidate(table, params, *picked) if picked else None
    t = picked[0] if picked else (lo + hi) // 2
    days = tuple(
        DayScore(
            day=table.day(i),
            clusters=int(table.clusters[i]),
            conflict=int(table.conflict[i]),
            coop=int(table.coop[i]),
            thaw=_num(scores.thaw[i]),
            rupture=_num(scores.rupture[i]),
            thaw_ungated=_num(ungated.thaw[i]),
            rupture_ungated=_num(ungated.rupture[i]),
            alarm=bool(np.nanmax([scores.thaw[i], scores.rupture[i], -np.inf]) >= thr),
        )
        for i in range(max(t - AROUND, 0), min(t + AROUND, n - 1) + 1)
    )
    clusters = int(table.clusters[lo : hi + 1].sum())
    verdict = "fired" if fired else "near" if near else "below" if clusters else "no_data"
    out = Explanation(
        source=source,
        target=target,
        since=lo_day,
        until=hi_day,
        verdict=verdict,
        threshold=threshold,
        near_ratio=near_ratio,
        history=history,
        clusters=clusters,
        candidate=candidate,
        days=days,
        fired=tuple(fired),
        near=tuple(near),
        uncounted=uncounted,
    )
    return replace(out, reasons=tuple(reasons(out, params)))


def _history(table: rv.DayTable) -> dict[str, Any]:
    n = len(table)
    if n == 0 or not table.clusters.any():
        return {"first": None, "last": None, "days": 0, "clusters": 0, "rate": 0.0}
    active = np.flatnonzero(table.clusters > 0)
    first, last = int(active[0]), int(active[-1])
    total = int(table.clusters.sum())
    rate = float(table.rate) if table.rate is not None else total / n
    return {
        "first": table.day(first),
        "last": table.day(last),
        "days": last - first + 1,
        "clusters": total,
        "rate": round(rate, 4),
    }


def _empty(
    source: str,
    target: str,
    since: date | None,
    until: date | None,
    threshold: ThresholdInfo,
    near_ratio: float,
    history: dict[str, Any],
    uncounted: dict[str, int],
) -> Explanation:
    out = Explanation(
        source=source,
        target=target,
        since=since,
        until=until,
        verdict="no_data",
        threshold=threshold,
        near_ratio=near_ratio,
        history=history,
        clusters=0,
        candidate=None,
        days=(),
        fired=(),
        near=(),
        uncounted=uncounted,
    )
    return replace(out, reasons=tuple(reasons(out, rv.ReversalParams())))


def _pick(
    table: rv.DayTable,
    scores: rv.Scores,
    ungated: rv.Scores,
    lo: int,
    hi: int,
    fired: list[rv.Shift],
    near: list[rv.Shift],
) -> tuple[int, str] | None:
    """(day index, kind) of the best candidate: the best fired shift's peak, else the best near miss's,
    else the best gated score in [lo, hi], else the best ungated one; None without a scored day."""
    for shifts in (fired, near):
        if shifts:
            top = max(shifts, key=lambda s: s.score)
            return (top.after.end - table.start).days, top.kind
    for source in (scores, ungated):
        best_value, best = -np.inf, None
        for kind in rv.KINDS:
            values = getattr(source, kind)[lo : hi + 1]
            if np.isfinite(values).any():
                i = int(np.nanargmax(values))
                if values[i] > best_value:
                    best_value, best = float(values[i]), (lo + i, kind)
        if best is not None:
            return best
    return None


def _candidate(table: rv.DayTable, params: rv.ReversalParams, t: int, kind: str) -> Candidate:
    """Every after window tried at day ``t`` for ``kind``, and the windows of the best one."""
    cums = rv.cumulative(table)
    trials = []
    for length in rv.after_lengths(params):
        gated, _ = rv._score_at(table, params, length, cums)
        free, _ = rv._score_at(table, params, length, cums, gate=False)
        b_lo, b_hi = t - length - params.before_days + 1, t - length
        before_side, after_side = (
            (table.conflict, table.coop) if kind == "thaw" else (table.coop, table.conflict)
        )
        trials.append(
            Trial(
                after_days=length,
                score=_num(getattr(gated, kind)[t]),
                ungated=_num(getattr(free, kind)[t]),
                z_before=round(float(gated.z_before[t]), 3),
                z_after=round(float(gated.z_after[t]), 3),
                gate_before=int(before_side[max(b_lo, 0) : max(b_hi + 1, 0)].sum()),
                gate_after=int(after_side[max(t - length + 1, 0) : t + 1].sum()),
            )
        )

    def key(trial: Trial) -> tuple[int, float]:
        value = trial.score if trial.score is not None else trial.ungated
        return (trial.score is not None, -np.inf if value is None else value)

    best = max(trials, key=key)
    length = best.after_days
    b_lo = t - length - params.before_days + 1
    w, wg, wg2 = (
        float(getattr(table, name)[: max(b_lo, 0)].sum()) + float(p)
        for name, p in zip(("w", "wg", "wg2"), table.prior, strict=True)
    )
    mu0, sd0 = (float(v) for v in rv._mean_sd(w, wg, wg2, params))
    return Candidate(
        day=table.day(t),
        kind=kind,
        score=best.score,
        ungated=best.ungated,
        after_days=length,
        before=rv._summary(table, params, b_lo, t - length, mu0, sd0),
        after=rv._summary(table, params, t - length + 1, t, mu0, sd0),
        baseline=(mu0, sd0),
        trials=tuple(trials),
    )


def reasons(x: Explanation, params: rv.ReversalParams) -> list[str]:
    """The verdict in words, most telling first."""
    thr = x.threshold
    out: list[str] = []
    where = f"{x.source}->{x.target}"
    span = f"{x.since} .. {x.until}" if x.since and x.until else "the stored history"
    for s in x.fired:
        out.append(
            f"fired: {s.kind} on {s.date} (alarm raised {s.detected}), score {s.score:.3f} >= threshold "
            f"{thr.value:.3f}"
        )
    if x.verdict == "no_data":
        out.append(f"no event clusters of {where} in {span}: nothing to score")
    c = x.candidate
    if not x.fired and c is not None:
        if c.score is None:
            want_before, want_after = EVIDENCE[c.kind]
            best = c.trials[c.after_days - 1]
            missing = []
            if best.gate_before == 0:
                missing.append(f"no {want_before} cluster in the {params.before_days} days before")
            if best.gate_after == 0:
                missing.append(f"no {want_after} cluster in the after window")
            out.append(
                f"no day of {span} passes the CAMEO gate; the best {c.kind} would score "
                f"{_fmt(c.ungated)} on {c.day} but has " + " and ".join(missing or ["no evidence"])
            )
        else:
            gap = thr.value - c.score
            share = c.score / thr.value if thr.value else 0.0
            label = "near miss" if share >= x.near_ratio else "below threshold"
            out.append(
                f"{label}: best {c.kind} score {c.score:.3f} on {c.day} ({c.after_days}-day after window) is "
                f"{gap:.3f} below the threshold {thr.value:.3f} ({share:.0%} of it; near misses reach "
                f"{x.near_ratio:.0%})"
            )
            if c.score <= 0:
                out.append(
                    f"the windows do not move the {c.kind} way: z before {c.trials[c.after_days - 1].z_before:+.2f}, "
                    f"z after {c.trials[c.after_days - 1].z_after:+.2f} (a {c.kind} needs "
                    + (
                        "before below and after above the baseline)"
                        if c.kind == "thaw"
                        else "before above and after below the baseline)"
                    )
                )
        few = [
            f"{side} {w.clusters}"
            for side, w in (("before", c.before), ("after", c.after))
            if w.clusters <= FEW
        ]
        if few:
            out.append(
                "too few clusters: "
                + ", ".join(few)
                + f" (each window's mean is shrunk toward the baseline by {params.shrink:g} pseudo-clusters, "
                "so a window with one or two clusters cannot score high)"
            )
    if thr.origin == "short_history":
        out.append(
            f"short history: {thr.days} days < {params.min_calibration_days}, so the threshold is the global "
            f"minimum {thr.value:.3f}, not a calibration"
        )
    elif thr.origin == "pooled":
        out.append(
            f"threshold {thr.value:.3f}: the dyad's own calibration {thr.own:.3f} ({thr.days} days) pooled "
            "with what the store's calibrated dyads predict"
        )
    else:
        out.append(f"threshold {thr.value:.3f}: the dyad's own calibration ({thr.days} days of history)")
    if x.uncounted:
        total = sum(x.uncounted.values())
        parts = ", ".join(f"{n} {UNCOUNTED.get(k, k)}" for k, n in sorted(x.uncounted.items()))
        out.append(
            f"{total} event{'s' if total != 1 else ''} of {where} in the range "
            f"{'are' if total != 1 else 'is'} not in the series: {parts}"
        )
    return out


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
