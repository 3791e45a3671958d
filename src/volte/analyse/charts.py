"""Static charts of dyad series (matplotlib, Agg backend: no display needed).

matplotlib is optional: the ``plot`` extra (``pip install 'volte[plot]'``) installs it, and without it
:func:`plot_series` raises ConfigError E132 naming the extra."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from volte.errors import E_CONFIG_MISSING_EXTRA, ConfigError

COOPERATION = "#2b7bba"
CONFLICT = "#c8402f"


def plot_series(
    rows: Sequence[Mapping[str, Any]], path: Path, *, title: str, shifts: Sequence[Mapping[str, Any]] = ()
) -> Path:
    """Bars of cooperation (above zero: positive Goldstein sums) and conflict (below zero), the weighted
    mean Goldstein as a line on a second axis, and detected shifts as vertical markers."""
    plt = _pyplot()

    plt.rcParams["svg.fonttype"] = "none"  # keep SVG text as text (searchable, accessible)

    days = [date.fromisoformat(r["period"]) for r in rows]
    coop = [float(r["cooperation"] or 0.0) for r in rows]
    conflict = [float(r["conflict"] or 0.0) for r in rows]
    fig, ax = plt.subplots(figsize=(10, 4.2), layout="constrained")
    try:
        width = 5.5 if len(days) > 1 and (days[1] - days[0]).days == 7 else 0.8
        ax.bar(days, coop, width=width, color=COOPERATION, label="cooperation (clusters with Goldstein > 0)")
        ax.bar(days, conflict, width=width, color=CONFLICT, label="conflict (clusters with Goldstein < 0)")
        ax.axhline(0, color="black", linewidth=0.8)
        limit = max([abs(s) for s in coop + conflict] + [1.0]) * 1.1
        ax.set_ylim(-limit, limit)
        ax.set_ylabel("Goldstein sum, weighted by sqrt(sources)")
        _mean_line(ax, rows, days)
        for shift in shifts:
            ax.axvline(
                date.fromisoformat(shift["date"]),
                color=COOPERATION if shift["kind"] == "thaw" else CONFLICT,
                linestyle="--",
                linewidth=1.2,
            )
            ax.annotate(
                shift["kind"],
                (date.fromisoformat(shift["date"]), limit * 0.9),
                fontsize=8,
                rotation=90,
                va="top",
            )
        ax.set_title(title)
        ax.legend(loc="lower left", fontsize=8)
        fig.autofmt_xdate()
        fig.savefig(path)
    finally:
        plt.close(fig)
    return path


def _mean_line(ax: Any, rows: Sequence[Mapping[str, Any]], days: list[date]) -> None:
    points = [
        (d, r["goldstein_mean"]) for d, r in zip(days, rows, strict=True) if r["goldstein_mean"] is not None
    ]
    if not points:
        return
    twin = ax.twinx()
    twin.scatter(
        [p[0] for p in points], [p[1] for p in points], color="#444444", s=10, label="mean Goldstein"
    )
    twin.set_ylim(-10.5, 10.5)
    twin.set_ylabel("mean Goldstein (weighted)")


def _pyplot() -> Any:
    """matplotlib.pyplot on the Agg backend, or ConfigError E132 when the ``plot`` extra is not installed."""
    try:
        # lazy: matplotlib is the optional `plot` extra (pyplot 0.4 s at import; measured)
        import matplotlib
    except ImportError:
        raise ConfigError(
            "drawing a chart (--plot) needs matplotlib, which volte installs as an extra: "
            "pip install 'volte[plot]' (or pip install matplotlib)",
            code=E_CONFIG_MISSING_EXTRA,
        ) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt
