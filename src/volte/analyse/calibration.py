"""Per-dyad alarm thresholds for the reversal detector (docs/reversals.md, step 7).

Each dyad is calibrated on its own history shuffled in week blocks (:func:`calibrate`); the thresholds
used are those calibrations pooled across the store's dyads (:func:`pool_thresholds`). Pure numpy, like
:mod:`volte.analyse.reversals`, whose scores it calibrates.
"""

from __future__ import annotations

import math
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from volte.analyse.reversals import (
    KINDS,
    SUM_FIELDS,
    Array,
    DayTable,
    IntArray,
    ReversalParams,
    episode_peaks,
    score,
)


@dataclass(frozen=True)
class Calibration:
    threshold: float  # the dyad's own threshold: max(calibrated, min_threshold); pooled before use
    calibrated: float | None  # the shuffle estimate; None when the history is too short
    days: int
    features: tuple[float, ...] | None = None  # dyad_features of the calibrated history


def dyad_features(table: DayTable) -> tuple[float, ...]:
    """What a dyad's threshold is pooled on (:func:`pool_thresholds`): log clusters per day and its
    square, the conflict and cooperation shares of its clusters, and log mean sources per cluster."""
    n = float(table.clusters.sum())
    per = max(n, 1.0)
    log_rate = math.log(max(n / max(len(table), 1), 1e-3))
    return (
        log_rate,
        log_rate**2,
        float(table.conflict.sum()) / per,
        float(table.coop.sum()) / per,
        math.log(max(float(table.ww.sum()) / per, 1.0)),
    )


def pool_thresholds(
    calibrations: list[Calibration], params: ReversalParams, *, fit: Sequence[bool] | None = None
) -> Array:
    """Thresholds of many dyads, each calibrated one shrunk toward what its features predict.

    One year of a dyad's own history gives a noisy threshold (on the benchmark an sd of about 0.45
    around what rate, mix and salience predict), and the low draws raise most of the false alarms. A
    least-squares fit of the calibrated thresholds on :func:`dyad_features` across the store's dyads
    predicts each one; a dyad's threshold is ``pool_weight`` x that prediction + (1 - ``pool_weight``)
    x its own, never below ``min_threshold``. Dyads without a calibration (short histories) keep theirs,
    as do dyads whose cached features have another length than most (an older feature set); with
    fewer than ``pool_min_dyads`` calibrated dyads nothing is pooled. ``fit``: which calibrations the
    least-squares fit learns from (default: all; bench/reversals.py fits on its steady streams only, as
    a store whose dyads mostly have no turn in the year)."""
    own = np.array([c.threshold for c in calibrations], dtype=float)
    pooled, learn = _pool_masks(calibrations, params, fit=fit)
    if not pooled.any():
        return own
    x = np.array(
        [(1.0, *c.features) for c, keep in zip(calibrations, pooled, strict=True) if keep and c.features]
    )
    beta, *_ = np.linalg.lstsq(x[learn[pooled]], own[learn], rcond=None)
    blended = params.pool_weight * (x @ beta) + (1 - params.pool_weight) * own[pooled]
    out = own.copy()
    out[pooled] = np.maximum(blended, params.min_threshold)
    return out


def _pool_masks(
    calibrations: list[Calibration], params: ReversalParams, *, fit: Sequence[bool] | None = None
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(which calibrations :func:`pool_thresholds` pools, which its fit learns from); nothing is pooled
    when pooling is off or too few calibrations can be learnt from."""
    widths = Counter(len(c.features) for c in calibrations if c.calibrated is not None and c.features)
    width = widths.most_common(1)[0][0] if widths else 0
    pooled = np.array(
        [
            c.calibrated is not None and c.features is not None and len(c.features) == width
            for c in calibrations
        ],
        dtype=bool,
    )
    learn = pooled if fit is None else pooled & np.asarray(fit, dtype=bool)  # what the fit learns from
    if params.pool_weight <= 0 or int(learn.sum()) < params.pool_min_dyads:
        return np.zeros(len(calibrations), dtype=bool), learn
    return pooled, learn


ORIGINS = {
    "own": "the dyad's own calibration (its history shuffled in week blocks)",
    "pooled": "the dyad's own calibration pooled with what the store's calibrated dyads predict",
    "short_history": "the global minimum for a history too short to calibrate",
}


def threshold_origins(
    calibrations: list[Calibration], params: ReversalParams, *, fit: Sequence[bool] | None = None
) -> list[str]:
    """Where each threshold of :func:`pool_thresholds` comes from: ``own``, ``pooled`` or
    ``short_history`` (keys of :data:`ORIGINS`)."""
    pooled, _ = _pool_masks(calibrations, params, fit=fit)
    return [
        "short_history" if c.calibrated is None else "pooled" if p else "own"
        for c, p in zip(calibrations, pooled, strict=True)
    ]


def calibrate(table: DayTable, params: ReversalParams, *, seed: int = 0) -> Calibration:
    """Per-dyad threshold: the score exceeded by ``false_alarms_per_year`` alarm episodes per year of
    the dyad's own history with its days shuffled in blocks (which keeps rates, mix and salience and
    destroys the order a reversal needs). Detection uses it after :func:`pool_thresholds`."""
    n = len(table)
    if n < params.min_calibration_days:
        return Calibration(
            threshold=max(params.short_history_threshold, params.min_threshold), calibrated=None, days=n
        )
    rng = np.random.default_rng(seed)
    orders = np.stack([_shuffled_order(n, rng, block=params.block_days) for _ in range(params.shuffles)])
    shuffled = replace(table, **{name: getattr(table, name)[orders] for name in SUM_FIELDS})
    scores = score(shuffled, params)
    peaks: list[float] = []
    for kind in KINDS:
        values = getattr(scores, kind)
        for r in range(params.shuffles):
            peaks.extend(episode_peaks(values[r], gap=params.longest_after).tolist())
    allowed = int(params.false_alarms_per_year * params.shuffles * n / 365.25)
    ranked = sorted(peaks, reverse=True)
    calibrated = ranked[allowed] if allowed < len(ranked) else 0.0
    return Calibration(
        threshold=max(calibrated, params.min_threshold),
        calibrated=calibrated,
        days=n,
        features=dyad_features(table),
    )


def shuffle_days(table: DayTable, rng: np.random.Generator, *, block: int = 1) -> DayTable:
    """The same days in a random order of ``block``-day blocks."""
    order = _shuffled_order(len(table), rng, block=block)
    return replace(table, **{name: getattr(table, name)[order] for name in SUM_FIELDS})


def _shuffled_order(n: int, rng: np.random.Generator, *, block: int) -> IntArray:
    if block <= 1:
        return rng.permutation(n)
    starts = rng.permutation(np.arange(0, n, block))
    order = (starts[:, None] + np.arange(block)).ravel()
    return order[order < n]


def dyad_seed(source: str, target: str) -> int:
    """A stable per-dyad random seed, so calibration is reproducible."""
    return zlib.crc32(f"{source}>{target}".encode())
