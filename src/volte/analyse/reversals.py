"""Reversal detection on one directed dyad's daily cluster sums (pure numpy; docs/reversals.md).

At each day t with at least one event cluster, every *after* window of 1 .. max(window, ``after_days``)
days ending at t is tried against the *before* window of the 7 days before it. Two signals are measured
on each window, each as a z-score against the dyad's long-run baseline (everything older than the two
windows, shrunk toward a global prior), with ``shrink`` pseudo-observations at the baseline::

    z = (sum(w*g) - W*mu0) / (sd0 * sqrt(sum(w^2) + k))

- Goldstein, weighted by sqrt(num_sources) (salience);
- the composition: +1 per cooperation cluster, -1 per conflict cluster, 0 otherwise, unweighted.

The window's z is whichever of the two deviates more (Goldstein only in after windows of at most
``gold_after_days`` days, the composition alone in longer ones). A thaw needs three signed deviations:
before below the baseline, after above it, and after above before (a two-sample contrast); it scores
their mean, plus ``volume_weight`` times the news-volume z of the two windows (clusters against the
dyad's mean rate; clipped to [-1, 3]). A CAMEO gate asks for conflict evidence (roots 10-20)
before and cooperation evidence (roots 03-05, 08) after; a rupture mirrors both. Alarm thresholds
(:mod:`volte.analyse.calibration`) are calibrated per dyad on its own history shuffled in week blocks
(at ``false_alarms_per_year``), never below ``min_threshold``, then pooled across dyads; a history
shorter than ``min_calibration_days`` gets the global ``short_history_threshold``. Alarm days within the
longest after window form one episode, one shift; a turn is dated by the one-week split that best
separates the two sides. This module is the shipped path only: the alternatives measured in the tuning
rounds (other signals, scores, variances and datings) are in bench/reversal_variants.py.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float64]
_Date = date  # for the annotations of classes whose field is called ``date``
IntArray = npt.NDArray[np.int64]
SUM_FIELDS = ("clusters", "w", "ww", "wg", "wg2", "conflict", "coop")
KINDS = ("thaw", "rupture")


@dataclass(frozen=True)
class ReversalParams:
    """Tuning of the detector; the defaults are the ones measured by bench/reversals.py (the variants of
    the tuning rounds: bench/reversal_variants.py)."""

    window_hours: float = 72.0
    before_days: int = 7
    prior_mean: float = 0.5  # Goldstein prior for dyads with little history
    prior_sd: float = 4.5
    prior_weight: float = 10.0  # pseudo-weight of the prior in the baseline
    shrink: float = 2.0  # pseudo-weight pulling each window's mean toward the baseline
    min_sd: float = 1.5
    min_threshold: float = 1.0  # floor under every calibrated threshold
    short_history_threshold: float = 1.9  # global minimum for histories too short to calibrate
    # target of each dyad's own calibration (thaws and ruptures together), before pooling (v4: 1.3, which
    # realised 1.4 a year once the benchmark's pool was fitted on steady streams; docs/reversals.md)
    false_alarms_per_year: float = 0.8
    shuffles: int = 40
    block_days: int = 7  # shuffled in whole weeks: keeps a week's mood, breaks the order of weeks
    min_calibration_days: int = 90
    # every after window of 1 day .. this many days is tried (the window itself when longer)
    after_days: int = 7
    count_prior_mean: float = 0.2  # composition prior (mean and sd of the +1/0/-1 values)
    count_prior_sd: float = 0.8
    count_min_sd: float = 0.4
    # weight of the news-volume z of the two windows (their clusters against the dyad's mean rate),
    # added to a score whose three deviations all point the right way: turns draw coverage
    volume_weight: float = 0.1
    # weight of the pooled prediction in a calibrated dyad's threshold (pool_thresholds); 0 = own only
    pool_weight: float = 0.7
    pool_min_dyads: int = 30  # fewer calibrated dyads than this: each keeps its own threshold
    # salience-weighted Goldstein competes with the composition only in after windows of at most this
    # many days (a turn carried by one widely reported cluster on its day); longer windows use the
    # composition alone (0 = Goldstein in every window, as in v2-v4)
    gold_after_days: int = 1
    method: str = "volte.reversals.v5"

    @property
    def window_days(self) -> int:
        return max(1, math.ceil(self.window_hours / 24 - 1e-9))

    @property
    def longest_after(self) -> int:
        return max(self.window_days, self.after_days)


def after_lengths(params: ReversalParams) -> range:
    """The after windows tried at each day, in days: 1 .. the longest."""
    return range(1, params.longest_after + 1)


@dataclass(frozen=True)
class DayTable:
    """Daily sums of one dyad on a gap-free grid starting at ``start``; ``prior`` = (w, wg, wg2) of the
    history before ``start`` (its baseline). Arrays may also be 2-D (dyads or shuffles x days, priors as
    column arrays): :func:`score` then scores every row at once."""

    start: date
    clusters: Array
    w: Array  # sum of weights sqrt(num_sources)
    ww: Array  # sum of squared weights (= sum of num_sources)
    wg: Array
    wg2: Array
    conflict: Array
    coop: Array
    prior: tuple[Any, Any, Any] = (0.0, 0.0, 0.0)
    # the dyad's mean clusters a day over its whole stored history (a float, or a column array for a 2-D
    # table), used by the volume term; None: the table's own mean rate (what calibration and the
    # benchmark score, whose tables are the whole history). A store reads a window of the history and
    # passes the whole history's rate, so that a score does not depend on the window (docs/reversals.md)
    rate: Any = None
    # the composition signal's history before ``start`` (clusters, coop - conflict, coop + conflict):
    # what :func:`count_table` takes as its prior, like ``prior`` for Goldstein
    count_prior: tuple[Any, Any, Any] = (0.0, 0.0, 0.0)

    @classmethod
    def of(
        cls,
        start: date,
        sums: Mapping[str, Array],
        *,
        prior: tuple[Any, Any, Any] = (0.0, 0.0, 0.0),
        rate: Any = None,
        count_prior: tuple[Any, Any, Any] = (0.0, 0.0, 0.0),
    ) -> DayTable:
        """A table from its daily sums by name (every name of ``SUM_FIELDS``)."""
        return cls(
            start=start,
            clusters=sums["clusters"],
            w=sums["w"],
            ww=sums["ww"],
            wg=sums["wg"],
            wg2=sums["wg2"],
            conflict=sums["conflict"],
            coop=sums["coop"],
            prior=prior,
            rate=rate,
            count_prior=count_prior,
        )

    def __len__(self) -> int:
        return int(self.w.shape[-1])

    def day(self, index: int) -> date:
        return self.start + timedelta(days=int(index))

    def row(self, i: int) -> DayTable:
        """Row ``i`` of a 2-D table as a 1-D table."""
        rate = None if self.rate is None else float(np.asarray(self.rate, dtype=float).reshape(-1)[i])
        return DayTable.of(
            self.start,
            {name: getattr(self, name)[i] for name in SUM_FIELDS},
            prior=_row_of(self.prior, i),
            rate=rate,
            count_prior=_row_of(self.count_prior, i),
        )


def _row_of(values: tuple[Any, Any, Any], i: int) -> tuple[float, float, float]:
    """Row ``i`` of a prior held as three column arrays (a 2-D table's), or the prior itself (a 1-D one's)."""
    a, b, c = (float(np.asarray(v).reshape(-1)[i]) if np.ndim(v) else float(v) for v in values)
    return a, b, c


def stack(tables: list[DayTable]) -> DayTable:
    """Tables of the same start and length as one 2-D table (rows in the given order)."""
    p0, p1, p2 = (np.array([[t.prior[k]] for t in tables], dtype=float) for k in range(3))
    c0, c1, c2 = (np.array([[t.count_prior[k]] for t in tables], dtype=float) for k in range(3))
    arrays = {name: np.vstack([getattr(t, name) for t in tables]) for name in SUM_FIELDS}
    rates = None
    if any(t.rate is not None for t in tables):
        rates = np.array([[np.nan if t.rate is None else float(t.rate)] for t in tables])
    return DayTable.of(tables[0].start, arrays, prior=(p0, p1, p2), rate=rates, count_prior=(c0, c1, c2))


@dataclass(frozen=True)
class Scores:
    thaw: Array  # NaN where no cluster or the gate fails
    rupture: Array
    z_before: Array
    z_after: Array
    mu0: Array
    sd0: Array
    # with score(..., splits=True): per after length L = 1..before_days, the (thaw, rupture) contrasts of
    # the before window of [t-L+1, t] against those L days, ungated and without the volume term (dating)
    splits: tuple[tuple[Array, Array], ...] = ()


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    clusters: int
    weight: float
    mean: float | None  # weighted mean Goldstein (None when empty)
    shrunk: float  # the mean shrunk toward the baseline
    z: float
    conflict: int
    coop: int

    def to_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["start"], out["end"] = self.start.isoformat(), self.end.isoformat()
        return out


def shift_id(source: str, target: str, day: date | str, kind: str) -> str:
    """A shift's stable id: its directed dyad, turn day and kind (``COL-USA-2026-01-07-thaw``). Scores
    are computed on the stored history whatever the query's range, so the same store gives the same id."""
    return f"{source}-{target}-{str(day)[:10]}-{kind}"


@dataclass(frozen=True)
class Shift:
    kind: str
    date: _Date  # the turn: first day of the after window
    detected: _Date  # the first day the alarm was raised
    score: float
    threshold: float
    before: Window
    after: Window
    baseline: tuple[float, float]  # (mean, sd) Goldstein
    source: str = ""
    target: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": shift_id(self.source, self.target, self.date, self.kind),
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "date": self.date.isoformat(),
            "detected": self.detected.isoformat(),
            "score": round(self.score, 3),
            "threshold": round(self.threshold, 3),
            "before": self.before.to_dict(),
            "after": self.after.to_dict(),
            "baseline": {"mean": round(self.baseline[0], 3), "sd": round(self.baseline[1], 3)},
            **self.extras,
        }


def day_table(
    start: date, rows: list[dict[str, Any]], *, end: date, prior: tuple[float, float, float] = (0.0, 0.0, 0.0)
) -> DayTable:
    """A gap-free DayTable from sparse daily rows ({"day": date, "clusters": .., "w": .., ...})."""
    n = (end - start).days + 1
    arrays = {name: np.zeros(max(n, 0)) for name in SUM_FIELDS}
    for row in rows:
        i = (row["day"] - start).days
        if 0 <= i < n:
            for name in SUM_FIELDS:
                arrays[name][i] += float(row[name])
    return DayTable.of(start, arrays, prior=prior)


PAD = 32  # cumulative sums carry this many copies of their first and last value on each side (see _at)


def _cum(x: Array) -> Array:
    """Cumulative sums c[0..n] (c[0] = 0) of the last axis, padded with PAD copies of c[0] before and
    of c[n] after, so that shifted windows are slices (views) instead of copies."""
    c = np.concatenate((np.zeros((*x.shape[:-1], 1)), np.cumsum(x, axis=-1)), axis=-1)
    return np.concatenate(
        (np.repeat(c[..., :1], PAD, axis=-1), c, np.repeat(c[..., -1:], PAD, axis=-1)), axis=-1
    )


def _days(c: Array) -> int:
    """n, the number of days of the padded cumulative sums c."""
    return int(c.shape[-1]) - 1 - 2 * PAD


Bound = IntArray | int  # day indices, or an offset from every day of the table (see _at)


def _at(c: Array, index: Bound) -> Array:
    """c at the given indices, clipped to [0, n]; an int is an offset from each day t = 0..n-1 (the
    same as the indices t + offset, by slicing instead of gathering: scoring every day of many rows)."""
    n = _days(c)
    if not isinstance(index, int):
        return c[..., np.clip(index, 0, n) + PAD]
    if -PAD <= index <= PAD:  # inside the padding: a view
        return c[..., PAD + index : PAD + index + n]
    core = c[..., PAD : PAD + n + 1]
    head = min(max(-index, 0), n)  # days before the table's start: c[0]
    body = core[..., head + index : n + index]
    tail = n - head - body.shape[-1]  # days past its end: c[n]
    return np.concatenate(
        (np.repeat(core[..., :1], head, axis=-1), body, np.repeat(core[..., n:], tail, axis=-1)), axis=-1
    )


def _window(c: Array, lo: Bound, hi: Bound) -> Array:
    """Sums of x over days [lo, hi] (inclusive; clipped to the table) from its cumulative sums c."""
    if isinstance(lo, int) and isinstance(hi, int) and hi >= lo - 1:
        return _at(c, hi + 1) - _at(c, lo)
    n = _days(c)
    a = np.clip(lo, 0, n)
    b = np.clip(hi + 1, 0, n)
    return np.where(b > a, c[..., b + PAD] - c[..., np.minimum(a, b) + PAD], 0.0)


Cums = dict[str, Array]


def cumulative(table: DayTable) -> Cums:
    """Cumulative sums of every field of the table (shared by all window lengths)."""
    return {name: _cum(getattr(table, name)) for name in SUM_FIELDS}


def _count_cums(cums: Cums) -> Cums:
    """The cumulative sums of :func:`count_table` from those of its table."""
    signed, unsigned = cums["coop"] - cums["conflict"], cums["coop"] + cums["conflict"]
    return {"w": cums["clusters"], "ww": cums["clusters"], "wg": signed, "wg2": unsigned}


def baseline(
    table: DayTable,
    upto: Bound,
    params: ReversalParams,
    prior: tuple[float, float, float] | None = None,
    cums: Cums | None = None,
) -> tuple[Array, Array]:
    """(mu0, sd0) from the prior plus every day before index ``upto`` (exclusive); ``prior`` = (mean,
    sd, min_sd) of the signal (default: Goldstein's); ``cums``: the table's cumulative sums."""
    cums = cums or cumulative(table)
    pw, pwg, pwg2 = table.prior
    w, wg, wg2 = (_at(cums[name], upto) + p for name, p in (("w", pw), ("wg", pwg), ("wg2", pwg2)))
    mu0, sd0 = _mean_sd(w, wg, wg2, params, prior)
    return mu0, sd0


def _mean_sd(
    w: Any, wg: Any, wg2: Any, params: ReversalParams, prior: tuple[float, float, float] | None = None
) -> Any:
    """(mu0, sd0) of history sums (w, wg, wg2), shrunk toward the prior (arrays or floats)."""
    prior_mean, prior_sd, min_sd = prior or (params.prior_mean, params.prior_sd, params.min_sd)
    k0 = params.prior_weight
    mu0 = (wg + k0 * prior_mean) / (w + k0)
    m2 = (wg2 + k0 * (prior_sd**2 + prior_mean**2)) / (w + k0)
    return mu0, np.sqrt(np.maximum(m2 - mu0**2, min_sd**2))


def count_table(table: DayTable) -> DayTable:
    """The composition signal as a table of unit weights: +1 per cooperation cluster, -1 per conflict
    cluster, 0 for the others (its prior: the table's ``count_prior``, the composition of the history
    before the table; none for a table that starts with the history)."""
    signed = table.coop - table.conflict
    return replace(
        table,
        w=table.clusters,
        ww=table.clusters,
        wg=signed,
        wg2=table.coop + table.conflict,
        prior=table.count_prior,
    )


def zscore(wg: Any, w: Any, ww: Any, mu0: Any, sd0: Any, params: ReversalParams) -> Any:
    """Deviation of a window's shrunken weighted mean from the baseline, in standard errors: with iid
    Goldstein values the weighted sum has variance sd0^2 * sum(w^2); ``shrink`` adds pseudo-observations
    at the baseline, so a window with little evidence cannot score high. Arrays or plain floats (``**
    0.5`` rather than np.sqrt keeps floats free of numpy's per-call cost)."""
    return (wg - w * mu0) / (sd0 * (ww + params.shrink) ** 0.5)


def score(
    table: DayTable, params: ReversalParams, *, splits: bool = False, first: int = 0, gate: bool = True
) -> Scores:
    """Thaw and rupture scores at every day (NaN where the day has no cluster or the gate fails).
    After windows of every length of :func:`after_lengths` are tried and the best score kept; ``splits``
    also keeps each length's raw contrasts (what :func:`turn_day` dates a turn by). Days before
    ``first`` are not scored (NaN everywhere): what :func:`detect` ignores need not be computed.
    ``gate=False`` scores every day with a cluster without the CAMEO gate (what explaining a verdict
    shows: the score a day would have had with the evidence the gate asks for)."""
    lengths = after_lengths(params)
    best: Scores | None = None
    cums = cumulative(table)
    # scoring from day ``skip`` on: the cumulative sums lose their first ``skip`` columns, and every
    # window offset within the padding still reads the same values (see _at)
    skip = min(max(first, 0), len(table)) if params.longest_after + params.before_days < PAD else 0
    if skip:
        cums = {name: c[..., skip:] for name, c in cums.items()}
    dating = range(1, _dating_length(params) + 1) if splits else range(0)
    kept: dict[int, tuple[Array, Array]] = {}
    for length in sorted(set(lengths) | set(dating)):  # the dating lengths only when splits are asked
        current, raw = _score_at(table, params, length, cums, skip, gate=gate)
        if length in dating:
            kept[length] = raw
        if length in lengths:
            best = current if best is None else _better(best, current)
    assert best is not None  # lengths is never empty
    if splits:
        best = replace(best, splits=tuple(kept[length] for length in dating))
    return _unskip(best, skip) if skip else best


def _unskip(scores: Scores, skip: int) -> Scores:
    """Scores of days skip.. as arrays over every day (NaN before ``skip``)."""

    def pad(a: Array) -> Array:
        return np.concatenate((np.full((*a.shape[:-1], skip), np.nan), a), axis=-1)

    return Scores(
        **{
            name: pad(getattr(scores, name))
            for name in ("thaw", "rupture", "z_before", "z_after", "mu0", "sd0")
        },
        splits=tuple((pad(thaw), pad(rupture)) for thaw, rupture in scores.splits),
    )


def _dating_length(params: ReversalParams) -> int:
    """The after window a turn is dated by: as long as the before window (a week)."""
    return params.before_days


def _better(a: Scores, b: Scores) -> Scores:
    return Scores(  # fmax: the larger of the two, NaN (no score) only where both are
        thaw=np.fmax(a.thaw, b.thaw),
        rupture=np.fmax(a.rupture, b.rupture),
        z_before=a.z_before,
        z_after=a.z_after,
        mu0=a.mu0,
        sd0=a.sd0,
    )


def _score_at(
    table: DayTable, params: ReversalParams, length: int, cums: Cums, skip: int = 0, *, gate: bool = True
) -> tuple[Scores, tuple[Array, Array]]:
    """Scores with after windows of ``length`` days, and the raw (ungated) thaw and rupture contrasts,
    of days skip.. (``cums`` without their first ``skip`` columns)."""
    L, D = length, params.before_days
    a_lo, b_lo, b_hi, t = -L + 1, -L - D + 1, -L, 0  # offsets from each day (see _at)
    z_before, z_after, z_diff, mu0, sd0 = sides(table, params, b_lo, b_hi, a_lo, t, cums)
    cconf, ccoop = cums["conflict"], cums["coop"]
    clusters = table.clusters[..., skip:]
    active = clusters > 0
    thaw_gate = active & (_window(cconf, b_lo, b_hi) > 0) & (_window(ccoop, a_lo, t) > 0) if gate else active
    rupture_gate = (
        active & (_window(ccoop, b_lo, b_hi) > 0) & (_window(cconf, a_lo, t) > 0) if gate else active
    )
    thaw = combine(-z_before, z_after, z_diff, params)
    rupture = combine(z_before, -z_after, -z_diff, params)
    raw = (thaw, rupture)
    if params.volume_weight:
        vol = params.volume_weight * np.clip(volume_z(table, cums, b_lo, t), -1.0, 3.0)
        thaw, rupture = np.where(thaw > 0, thaw + vol, thaw), np.where(rupture > 0, rupture + vol, rupture)
    thaw = np.where(thaw_gate, thaw, np.nan)
    rupture = np.where(rupture_gate, rupture, np.nan)
    return Scores(thaw=thaw, rupture=rupture, z_before=z_before, z_after=z_after, mu0=mu0, sd0=sd0), raw


def volume_z(table: DayTable, cums: Cums, lo: int, hi: int) -> Array:
    """Clusters in days [lo, hi] (offsets from each day) against the dyad's mean daily rate (the table's
    ``rate`` when given, else over the whole table), in standard deviations of an overdispersed count
    (a day's variance lam + lam^2 / 4)."""
    n = table.clusters.shape[-1]
    own = cums["clusters"][..., -1:] / max(n, 1)
    if table.rate is not None:  # NaN rows (stack of tables with and without a rate) keep their own
        own = np.where(np.isnan(table.rate), own, table.rate)
    lam = np.maximum(own, 0.05)
    days = hi - lo + 1
    count = _window(cums["clusters"], lo, hi)
    z: Array = (count - lam * days) / np.sqrt(days * (lam + lam**2 / 4) + 1.0)
    return z


def sides(
    table: DayTable,
    params: ReversalParams,
    b_lo: Bound,
    b_hi: Bound,
    a_lo: Bound,
    a_hi: Bound,
    cums: Cums | None = None,
) -> tuple[Array, Array, Array, Array, Array]:
    """z of the before window, z of the after window (each against the baseline of the days before
    ``b_lo``) and z of the after-minus-before difference of their shrunken means; plus (mu0, sd0) of
    Goldstein. Each z is Goldstein's or the composition's (:func:`count_table`), whichever deviates more
    (Goldstein only in after windows of at most ``gold_after_days`` days, the length being
    ``a_hi - a_lo + 1``)."""
    cums = cums or cumulative(table)
    short: Any = True  # after windows where Goldstein may compete
    if params.gold_after_days > 0:
        short = np.asarray(a_hi) - np.asarray(a_lo) + 1 <= params.gold_after_days
    counts = _sides(
        count_table(table),
        params,
        b_lo,
        b_hi,
        a_lo,
        a_hi,
        (params.count_prior_mean, params.count_prior_sd, params.count_min_sd),
        _count_cums(cums),
    )
    if not np.any(short):  # Goldstein's baseline only (the summaries)
        mu0, sd0 = baseline(table, b_lo, params, None, cums)
        return counts[0], counts[1], counts[2], mu0, sd0
    gold = _sides(table, params, b_lo, b_hi, a_lo, a_hi, None, cums)
    pairs = zip(gold[:3], counts[:3], strict=True)
    # whichever deviates more, sign kept
    z_before, z_after, z_diff = (np.where(short & (np.abs(g) > np.abs(c)), g, c) for g, c in pairs)
    return z_before, z_after, z_diff, gold[3], gold[4]


def _sides(
    table: DayTable,
    params: ReversalParams,
    b_lo: Bound,
    b_hi: Bound,
    a_lo: Bound,
    a_hi: Bound,
    prior: tuple[float, float, float] | None,
    cums: Cums,
) -> tuple[Array, Array, Array, Array, Array]:
    mu0, sd0 = baseline(table, b_lo, params, prior, cums)
    cw, cww, cwg = cums["w"], cums["ww"], cums["wg"]
    sums = [
        (_window(cwg, lo, hi), _window(cw, lo, hi), _window(cww, lo, hi))
        for lo, hi in ((b_lo, b_hi), (a_lo, a_hi))
    ]
    (wg_b, w_b, ww_b), (wg_a, w_a, ww_a) = sums
    z_before = zscore(wg_b, w_b, ww_b, mu0, sd0, params)
    z_after = zscore(wg_a, w_a, ww_a, mu0, sd0, params)
    k = params.shrink
    mean_b, mean_a = (wg_b + k * mu0) / (w_b + k), (wg_a + k * mu0) / (w_a + k)
    var = sd0**2 * ((ww_b + k) / (w_b + k) ** 2 + (ww_a + k) / (w_a + k) ** 2)
    return z_before, z_after, (mean_a - mean_b) / np.sqrt(var), mu0, sd0


def combine(before: Array, after: Array, diff: Array, params: ReversalParams) -> Array:
    """One score from the signed deviations (positive = in the direction of the reversal): the mean of
    before, after and after-minus-before when all three point the right way (else the smallest, which is
    not positive). It asks the two sides to leave the baseline and the after side to differ from the
    before side itself, which keeps power when the dyad's mood sits near one side of the turn; a weak
    side costs less than in a geometric mean (docs/reversals.md, step 5). ``params`` is not read here: it is
    the signature bench/reversal_variants.py's variant scores share."""
    ok = (before > 0) & (after > 0) & (diff > 0)
    return np.where(ok, (before + after + diff) / 3, np.minimum(np.minimum(before, after), diff))


def episodes(values: Array, *, threshold: float, gap: int) -> list[tuple[int, int, int]]:
    """(first, peak, last) day indices of runs of values >= threshold, merging runs <= gap days apart."""
    idx = np.flatnonzero(np.nan_to_num(values, nan=-np.inf) >= threshold)
    if len(idx) == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > gap) + 1
    out = []
    for run in np.split(idx, breaks):
        peak = int(run[np.argmax(values[run])])
        out.append((int(run[0]), peak, int(run[-1])))
    return out


def episode_peaks(values: Array, *, gap: int, threshold: float = 0.0) -> Array:
    """The peak value of every episode of :func:`episodes` (vectorised; used by calibration)."""
    idx = np.flatnonzero(np.nan_to_num(values, nan=-np.inf) >= threshold)
    if len(idx) == 0:
        return np.empty(0)
    starts = np.r_[0, np.flatnonzero(np.diff(idx) > gap) + 1]
    return np.maximum.reduceat(values[idx], starts)


def detect(
    table: DayTable,
    params: ReversalParams,
    *,
    threshold: float,
    first: int = 0,
    scores: Scores | None = None,
    turns: tuple[int, int] | None = None,
    below: float | None = None,
) -> list[Shift]:
    """Every thaw and rupture of the table whose alarm is raised at day index >= ``first``
    (``scores``: the table's scores when already computed). Only to save work, episodes can be left
    out unread: those that cannot date a turn in the day indices ``turns`` (lo, hi), and those whose
    peak reaches ``below``."""
    if len(table) == 0:
        return []
    scores = scores or score(table, params, splits=True)
    found: list[Shift] = []
    for kind in KINDS:
        values = getattr(scores, kind)
        for start, peak, _ in episodes(values, threshold=threshold, gap=params.longest_after):
            if start < first:
                continue
            if turns is not None and (peak < turns[0] or start - params.longest_after + 1 > turns[1]):
                continue  # its turn lies between start - longest_after + 1 and the peak (turn_day)
            if below is not None and values[peak] >= below:
                continue
            found.append(
                _describe(
                    table,
                    params,
                    kind=kind,
                    start=start,
                    peak=peak,
                    score=float(values[peak]),
                    threshold=threshold,
                    scores=scores,
                )
            )
    return sorted(found, key=lambda s: (s.date, s.kind))


def detect_rows(
    table: DayTable, params: ReversalParams, *, thresholds: Array, first: int = 0
) -> list[tuple[int, Shift]]:
    """:func:`detect` for every row of a 2-D table at once: (row, shift) pairs. Rows are scored together;
    only rows whose score reaches their threshold are examined one by one."""
    # dating looks back up to the longest after window before the first alarm day
    scores = score(table, params, splits=True, first=first - params.longest_after)
    rows: set[int] = set()
    for kind in KINDS:  # rows with an alarm day at or after ``first`` (detect skips the others)
        values = np.nan_to_num(getattr(scores, kind)[:, max(first, 0) :], nan=-np.inf)
        rows.update(np.flatnonzero((values >= thresholds[:, None]).any(axis=1)).tolist())
    return [
        (i, shift)
        for i in sorted(rows)
        for shift in detect(
            table.row(i), params, threshold=float(thresholds[i]), first=first, scores=_score_row(scores, i)
        )
    ]


def _score_row(scores: Scores, i: int) -> Scores:
    return Scores(
        **{
            name: getattr(scores, name)[i]
            for name in ("thaw", "rupture", "z_before", "z_after", "mu0", "sd0")
        },
        splits=tuple((thaw[i], rupture[i]) for thaw, rupture in scores.splits),
    )


def _describe(
    table: DayTable,
    params: ReversalParams,
    *,
    kind: str,
    start: int,
    peak: int,
    score: float,
    threshold: float,
    scores: Scores | None = None,
) -> Shift:
    turn = turn_day(table, params, kind=kind, first=start, peak=peak, scores=scores)
    history = slice(0, max(turn - params.before_days, 0))  # the baseline: every day before both windows
    w, wg, wg2 = (
        float(getattr(table, name)[history].sum()) + float(p)
        for name, p in zip(("w", "wg", "wg2"), table.prior, strict=True)
    )
    mu0, sd0 = (float(v) for v in _mean_sd(w, wg, wg2, params))
    before = _summary(table, params, turn - params.before_days, turn - 1, mu0, sd0)
    after = _summary(table, params, turn, peak, mu0, sd0)
    return Shift(
        kind=kind,
        date=table.day(turn),
        # the first alarm day on or after the turn: an episode that opens before the day it is dated to (an
        # intent stated days ahead, counted since statements are events when said) reports from the turn on
        detected=table.day(max(start, turn)),
        score=score,
        threshold=threshold,
        before=before,
        after=after,
        baseline=(mu0, sd0),
    )


def turn_day(
    table: DayTable, params: ReversalParams, *, kind: str, first: int, peak: int, scores: Scores | None = None
) -> int:
    """The most likely turn: the day c (with after-side CAMEO evidence, from the first alarm minus the
    longest after window to the peak; before the first alarm, only a day whose weighted Goldstein sum leans
    the turn's way) that best splits the week before c from the week from c (cut at
    the table's end) in the direction of ``kind``. Windows of equal length: an after side that grew to
    the peak would favour early days, whose longer after side adds evidence (docs/reversals.md, v4).
    ``scores``: the table's scores with their ``splits``, which hold every candidate's contrast."""
    evidence = table.coop if kind == "thaw" else table.conflict
    # a day before the first alarm is the turn only when its own tone leans the turn's way: a mixed day
    # ("would attend the meeting, but the border is not up for discussion") is not yet the thaw
    lean = table.wg if kind == "thaw" else -table.wg
    lo = max(first - params.longest_after + 1, 0)
    candidates = [c for c in range(lo, peak + 1) if evidence[c] > 0 and (c >= first or lean[c] > 0)] or [
        max(peak - params.window_days + 1, 0)
    ]
    c = np.array(candidates)
    length = np.minimum(_dating_length(params), len(table) - c)
    ends = c + length - 1
    if scores is not None and len(scores.splits) >= _dating_length(params):
        side = 0 if kind == "thaw" else 1
        contrast = np.array([scores.splits[n - 1][side][t] for n, t in zip(length, ends, strict=True)])
    else:
        zb, za, zd, _, _ = sides(table, params, c - params.before_days, c - 1, c, ends)
        contrast = combine(-zb, za, zd, params) if kind == "thaw" else combine(zb, -za, -zd, params)
    return int(c[int(np.argmax(contrast))])


def _summary(table: DayTable, params: ReversalParams, lo: int, hi: int, mu0: float, sd0: float) -> Window:
    sl = slice(max(lo, 0), max(hi + 1, 0))
    w, ww, wg = float(table.w[sl].sum()), float(table.ww[sl].sum()), float(table.wg[sl].sum())
    z = float(zscore(wg, w, ww, mu0, sd0, params))
    return Window(
        start=table.day(lo),
        end=table.day(hi),
        clusters=int(table.clusters[sl].sum()),
        weight=round(w, 3),
        mean=round(wg / w, 3) if w > 0 else None,
        shrunk=round((wg + params.shrink * mu0) / (w + params.shrink), 3),
        z=round(z, 3),
        conflict=int(table.conflict[sl].sum()),
        coop=int(table.coop[sl].sum()),
    )
