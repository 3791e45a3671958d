"""Synthetic directed-dyad streams with known reversals, to measure the detector (bench/reversals.py).

A stream is a year (by default) of daily event clusters:

- the daily cluster count is Poisson with a gamma-distributed (overdispersed) rate around ``rate``;
- each cluster is conflict (roots 10-20), cooperative talk (03-05), material cooperation (06-08) or a
  neutral statement (01-02); the day's conflict share follows a persistent AR(1) "mood" around the
  dyad's baseline, so quiet and tense spells happen without any reversal;
- a cluster's Goldstein value is that of a random CAMEO code of its class; its number of sources is
  heavy-tailed (Zipf, exponent 2.2, capped at 200), its weight sqrt(sources);
- isolated shocks (a salient conflict cluster about once a month) test that one bad day is no reversal;
- an injected thaw turns a week of dispute (75% conflict) into a week of talks (10% conflict, most of the
  rest consultations, meetings and agreements, roots 03-05), starting with one salient cooperative cluster
  (3+ sources) on the turn day; a rupture is the mirror image.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from volte.analyse.reversals import DayTable
from volte.coding.cameo import code_table
from volte.derive.clusters import COOP_ROOTS

CLASSES = ("conflict", "talk", "material", "neutral")
_ROOTS = {
    "conflict": {f"{n:02d}" for n in range(10, 21)},
    "talk": {"03", "04", "05"},
    "material": {"06", "07", "08"},
    "neutral": {"01", "02"},
}


@dataclass(frozen=True)
class StreamSpec:
    rate: float  # mean clusters per day
    conflict_share: float  # baseline share of conflict clusters
    days: int = 365
    reversal: str | None = None  # thaw | rupture | None
    turn: int = 0  # day index of the turn
    episode_days: int = 7  # length of the dispute (talks) before and after a turn
    episode_rate: float = 1.5  # rate multiplier during an episode
    shock_rate: float = 1 / 30  # isolated salient conflict days per day
    mood_sd: float = 0.6  # sd of the AR(1) daily mood on the logit scale
    mood_phi: float = 0.7
    start: date = date(2025, 1, 1)


@lru_cache(maxsize=1)
def _codes_by_class() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per class: the Goldstein values of its CAMEO codes and whether each is cooperation evidence."""
    out = {}
    for cls, roots in _ROOTS.items():
        codes = [c for c in code_table().values() if c.root in roots and len(c.code) >= 3]
        out[cls] = (np.array([c.goldstein for c in codes]), np.array([c.root in COOP_ROOTS for c in codes]))
    return out


def _sources(rng: np.random.Generator, n: int) -> np.ndarray:
    return np.minimum(rng.zipf(2.2, size=n), 200)


def _shares(spec: StreamSpec, rng: np.random.Generator) -> np.ndarray:
    """Per-day conflict share: baseline plus AR(1) mood, with the reversal's episodes overlaid."""
    base = np.log(spec.conflict_share / (1 - spec.conflict_share))
    mood = np.zeros(spec.days)
    noise = rng.normal(0, spec.mood_sd * np.sqrt(1 - spec.mood_phi**2), spec.days)
    for i in range(spec.days):
        mood[i] = (spec.mood_phi * mood[i - 1] if i else 0.0) + noise[i]
    share: np.ndarray = 1 / (1 + np.exp(-(base + mood)))
    if spec.reversal:
        hot, calm = (
            slice(max(spec.turn - spec.episode_days, 0), spec.turn),
            slice(spec.turn, spec.turn + spec.episode_days),
        )
        share[hot if spec.reversal == "thaw" else calm] = 0.75
        share[calm if spec.reversal == "thaw" else hot] = 0.10
    return share


def simulate(spec: StreamSpec, rng: np.random.Generator) -> DayTable:
    """One stream as daily sums (the detector's input)."""
    codes = _codes_by_class()
    share = _shares(spec, rng)
    rates = spec.rate * rng.gamma(4.0, 0.25, spec.days)
    if spec.reversal:
        rates[max(spec.turn - spec.episode_days, 0) : spec.turn + spec.episode_days] *= spec.episode_rate
    sums = {name: np.zeros(spec.days) for name in ("clusters", "w", "ww", "wg", "wg2", "conflict", "coop")}
    talks = _talk_days(spec)
    for day in range(spec.days):
        n = rng.poisson(rates[day])
        conflict = rng.random(n) < share[day]
        other = rng.choice(
            ["talk", "material", "neutral"], size=n, p=[0.7, 0.15, 0.15] if talks[day] else [0.45, 0.2, 0.35]
        )
        classes = np.where(conflict, "conflict", other).tolist()
        sources = _sources(rng, n).tolist()
        if rng.random() < spec.shock_rate:
            classes.append("conflict")
            sources.append(int(3 + _sources(rng, 1)[0]))
        if spec.reversal and day == spec.turn:
            classes.append("talk" if spec.reversal == "thaw" else "conflict")
            sources.append(int(1 + _sources(rng, 1)[0] * 2))
        for cls, s in zip(classes, sources, strict=True):
            gold, coop = codes[cls]
            k = int(rng.integers(len(gold)))
            _add(
                sums,
                day,
                w=float(np.sqrt(s)),
                g=float(gold[k]),
                conflict=cls == "conflict",
                coop=bool(coop[k]),
            )
    return DayTable.of(spec.start, sums)


def _talk_days(spec: StreamSpec) -> np.ndarray:
    """Days of intense diplomacy: the week after a thaw, the week before a rupture."""
    talks = np.zeros(spec.days, dtype=bool)
    if spec.reversal == "thaw":
        talks[spec.turn : spec.turn + spec.episode_days] = True
    elif spec.reversal == "rupture":
        talks[max(spec.turn - spec.episode_days, 0) : spec.turn] = True
    return talks


def _add(sums: dict[str, np.ndarray], day: int, *, w: float, g: float, conflict: bool, coop: bool) -> None:
    sums["clusters"][day] += 1
    sums["w"][day] += w
    sums["ww"][day] += w * w
    sums["wg"][day] += w * g
    sums["wg2"][day] += w * g * g
    sums["conflict"][day] += conflict
    sums["coop"][day] += coop


def turn_date(spec: StreamSpec) -> date:
    return spec.start + timedelta(days=spec.turn)
