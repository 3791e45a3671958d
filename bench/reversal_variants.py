"""The reversal detector's variants measured in the tuning rounds (docs/lab/reversals-history.md), kept
out of the shipped detector so that bench/reversals.py can still reproduce the variants tables.

volte.analyse.reversals holds the shipped path only. :class:`VariantParams` adds the alternatives:

- ``signal``: what the windows measure: ``goldstein`` (salience-weighted), ``counts`` (the unweighted
  composition), ``both`` (a mix of the two z-scores, ``count_weight`` on the composition) or ``either``
  (shipped: whichever deviates more);
- ``combine``: how the deviations make one score: ``min`` of before and after (DESIGN.md), their
  ``geomean``, ``contrast`` (min of before and after-minus-before), ``geo3`` or ``mean3`` (shipped);
- ``variance``: the z denominators, the sum of squared weights (``squares``, shipped) or of weights;
- ``dating``: the after side of each candidate split is a week (``week``, shipped) or runs to the
  alarm's peak (``peak``, v1-v3);
- ``scales``: try every after window up to the longest (shipped) or the window only;
- ``every_day``: score every day, or only days with a cluster (shipped).

:func:`installed` swaps the detector's variant-aware functions into volte.analyse.reversals for the
duration of a ``with`` block (calibration, detection and explanation all go through them), and does
nothing when every variant field is at its shipped value, so the default benchmark measures the shipped
code itself. The functions below are the detector's own before the variants moved out, unchanged, but
``_sides``, which runs the shipped one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from volte.analyse import reversals as rv
from volte.analyse.reversals import Array, Bound, Cums, DayTable, ReversalParams, Scores


@dataclass(frozen=True)
class VariantParams(ReversalParams):
    """ReversalParams with the alternatives of the tuning rounds (defaults: the shipped path)."""

    variance: str = "squares"
    combine: str = "mean3"
    signal: str = "either"
    count_weight: float = 0.5  # weight of the composition z in the signal "both"
    dating: str = "week"
    scales: bool = True
    every_day: bool = False


CHOICES = {
    "variance": ("squares", "weights"),
    "combine": ("min", "geomean", "contrast", "geo3", "mean3"),
    "signal": ("goldstein", "counts", "both", "either"),
    "dating": ("week", "peak"),
}
VARIANT_FIELDS = ("variance", "combine", "signal", "count_weight", "dating", "scales", "every_day")
SHIPPED = VariantParams()
_SHIPPED_SIDES = rv._sides  # taken before installed() can swap it


def make_params(**overrides: Any) -> ReversalParams:
    """Detector parameters from overrides: a plain ReversalParams unless a variant field is given."""
    if any(name in VARIANT_FIELDS for name in overrides):
        return VariantParams(**overrides)
    return ReversalParams(**overrides)


def is_variant(params: ReversalParams) -> bool:
    """Whether ``params`` leaves the shipped path (a variant field away from its shipped value)."""
    return isinstance(params, VariantParams) and any(
        getattr(params, name) != getattr(SHIPPED, name) for name in VARIANT_FIELDS
    )


def _v(params: ReversalParams) -> VariantParams:
    if isinstance(params, VariantParams):
        return params
    return VariantParams(**{f.name: getattr(params, f.name) for f in dataclasses.fields(params)})


@contextmanager
def installed(params: ReversalParams) -> Iterator[None]:
    """The variant-aware functions in volte.analyse.reversals while the block runs (none when ``params``
    is the shipped path)."""
    if not is_variant(params):
        yield
        return
    saved = {name: getattr(rv, name) for name in PATCHED}
    for name in PATCHED:
        setattr(rv, name, globals()[name])
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(rv, name, function)


def after_lengths(params: ReversalParams) -> range | list[int]:
    p = _v(params)
    return range(1, p.longest_after + 1) if p.scales else [p.window_days]


def zscore(wg: Any, w: Any, ww: Any, mu0: Any, sd0: Any, params: ReversalParams) -> Any:
    spread = ww if _v(params).variance == "squares" else w
    return (wg - w * mu0) / (sd0 * (spread + params.shrink) ** 0.5)


def _score_at(
    table: DayTable, params: ReversalParams, length: int, cums: Cums, skip: int = 0, *, gate: bool = True
) -> tuple[Scores, tuple[Array, Array]]:
    p = _v(params)
    L, D = length, p.before_days
    a_lo, b_lo, b_hi, t = -L + 1, -L - D + 1, -L, 0  # offsets from each day (see rv._at)
    z_before, z_after, z_diff, mu0, sd0 = sides(table, p, b_lo, b_hi, a_lo, t, cums)
    cconf, ccoop = cums["conflict"], cums["coop"]
    clusters = table.clusters[..., skip:]
    active = np.ones(clusters.shape, dtype=bool) if p.every_day else clusters > 0
    window = rv._window
    thaw_gate = active & (window(cconf, b_lo, b_hi) > 0) & (window(ccoop, a_lo, t) > 0) if gate else active
    rupture_gate = active & (window(ccoop, b_lo, b_hi) > 0) & (window(cconf, a_lo, t) > 0) if gate else active
    thaw = combine(-z_before, z_after, z_diff, p)
    rupture = combine(z_before, -z_after, -z_diff, p)
    raw = (thaw, rupture)
    if p.volume_weight:
        vol = p.volume_weight * np.clip(rv.volume_z(table, cums, b_lo, t), -1.0, 3.0)
        thaw, rupture = np.where(thaw > 0, thaw + vol, thaw), np.where(rupture > 0, rupture + vol, rupture)
    thaw = np.where(thaw_gate, thaw, np.nan)
    rupture = np.where(rupture_gate, rupture, np.nan)
    return Scores(thaw=thaw, rupture=rupture, z_before=z_before, z_after=z_after, mu0=mu0, sd0=sd0), raw


def sides(
    table: DayTable,
    params: ReversalParams,
    b_lo: Bound,
    b_hi: Bound,
    a_lo: Bound,
    a_hi: Bound,
    cums: Cums | None = None,
) -> tuple[Array, Array, Array, Array, Array]:
    p = _v(params)
    cums = cums or rv.cumulative(table)
    if p.signal == "goldstein":
        return _sides(table, p, b_lo, b_hi, a_lo, a_hi, None, cums)
    short: Any = True  # after windows where Goldstein may compete (signal "either")
    if p.signal == "either" and p.gold_after_days > 0:
        short = np.asarray(a_hi) - np.asarray(a_lo) + 1 <= p.gold_after_days
    counts = _sides(
        rv.count_table(table),
        p,
        b_lo,
        b_hi,
        a_lo,
        a_hi,
        (p.count_prior_mean, p.count_prior_sd, p.count_min_sd),
        rv._count_cums(cums),
    )
    if p.signal == "counts" or not np.any(short):  # Goldstein's baseline only (the summaries)
        mu0, sd0 = rv.baseline(table, b_lo, p, None, cums)
        return counts[0], counts[1], counts[2], mu0, sd0
    gold = _sides(table, p, b_lo, b_hi, a_lo, a_hi, None, cums)
    pairs = zip(gold[:3], counts[:3], strict=True)
    if p.signal == "either":  # whichever deviates more, sign kept
        z_before, z_after, z_diff = (np.where(short & (np.abs(g) > np.abs(c)), g, c) for g, c in pairs)
    else:
        a = p.count_weight
        z_before, z_after, z_diff = ((1 - a) * g + a * c for g, c in pairs)
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
    """The shipped ``_sides``; with ``variance`` ``weights`` the z denominators sum the weights, not their
    squares: the shipped code over cumulative sums whose squared weights are the weights."""
    if _v(params).variance == "weights":
        cums = {**cums, "ww": cums["w"]}
    return _SHIPPED_SIDES(table, params, b_lo, b_hi, a_lo, a_hi, prior, cums)


def combine(before: Array, after: Array, diff: Array, params: ReversalParams) -> Array:
    """``min`` of before and after (DESIGN.md), their ``geomean``, ``contrast``: min(before,
    after-minus-before), or ``geo3`` / ``mean3``: the geometric / arithmetic mean of all three when all
    point the right way (else the smallest, which is not positive)."""
    how = _v(params).combine
    if how == "geomean":
        return np.where(
            (before > 0) & (after > 0),
            np.sqrt(np.maximum(before, 0) * np.maximum(after, 0)),
            np.minimum(before, after),
        )
    if how == "contrast":
        return np.minimum(before, diff)
    if how in ("mean3", "geo3"):
        ok = (before > 0) & (after > 0) & (diff > 0)
        if how == "mean3":
            together = (before + after + diff) / 3
        else:
            together = np.cbrt(np.maximum(before, 0) * np.maximum(after, 0) * np.maximum(diff, 0))
        return np.where(ok, together, np.minimum(np.minimum(before, after), diff))
    return np.minimum(before, after)


def turn_day(
    table: DayTable, params: ReversalParams, *, kind: str, first: int, peak: int, scores: Scores | None = None
) -> int:
    p = _v(params)
    evidence = table.coop if kind == "thaw" else table.conflict
    lo = max(first - p.longest_after + 1, 0)
    candidates = [c for c in range(lo, peak + 1) if evidence[c] > 0] or [max(peak - p.window_days + 1, 0)]
    c = np.array(candidates)
    length = np.minimum(rv._dating_length(p), len(table) - c)
    ends = c + length - 1 if p.dating == "week" else np.full_like(c, peak)
    if p.dating == "week" and scores is not None and len(scores.splits) >= rv._dating_length(p):
        side = 0 if kind == "thaw" else 1
        contrast = np.array([scores.splits[n - 1][side][t] for n, t in zip(length, ends, strict=True)])
    else:
        zb, za, zd, _, _ = sides(table, p, c - p.before_days, c - 1, c, ends)
        contrast = combine(-zb, za, zd, p) if kind == "thaw" else combine(zb, -za, -zd, p)
    return int(c[int(np.argmax(contrast))])


# what installed() swaps into volte.analyse.reversals (every entry point a variant changes)
PATCHED = ("after_lengths", "zscore", "_score_at", "sides", "_sides", "combine", "turn_day")
