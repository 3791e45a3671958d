"""The server's read index: the columns that event filters, event pages and dyad series read, held in memory
as numpy arrays, so that a request the answer cache has not seen costs a few vector operations instead of a
scan of the store.

Built from a read-only store at the first read after each write (:meth:`volte.serve.access.StoreAccess.
read_index`) and stamped with the store's write generation; a write moves the generation on, so the next
read builds it again and sees the write. Events are held in the API's order (date newest first, then
document, sentence, trigger, id): a filter is a few masks over small integers, its count the masks' sum,
its page a slice of the matching positions, whose rows are then fetched by id through the store's index.
A date range is a slice of that order. A word search (``q``) runs the store's own condition once over the
sentences and keeps which events matched, for the next searches of that word (paging through the results,
other filters). The filter it does not hold (``place``) and actors the store does not know go to the store
as before (which answers them, or says what is wrong).

A series sums a dyad's clusters per day in the table's row order, as DuckDB does on one thread: the
answers are the store's to the last bit (DuckDB on several threads may add a day's clusters in another
order, and its own answers then differ in the last bits from one run to the next).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from volte.store import queries as q
from volte.store import reading
from volte.store import series as dyad_analysis
from volte.store.series import SUMS

if TYPE_CHECKING:
    from volte.store.db import Store

EPOCH = date(1970, 1, 1)
#: the event filters the index answers; any other given filter sends the query to the store
EVENT_FILTERS = frozenset({"source", "target", "since", "until", "root", "code", "quad_class", "plover", "q"})
WORD_MASKS = 16  # word searches kept per index (a megabyte each at 1M events)
_EQUAL = ("root", "plover")  # matched whole; the other text columns by prefix


def _day(value: date) -> int:
    return (value - EPOCH).days


def _small(codes: np.ndarray, size: int) -> np.ndarray:
    """Dictionary codes (-1: NULL) in the smallest integer type that holds them."""
    kind = np.int8 if size < 127 else np.int16 if size < 32_767 else np.int32
    return codes.astype(kind)


@dataclass(frozen=True)
class EventColumns:
    """Events in the API's order: ids, negated days (ascending, missing dates last), quad classes and
    dictionary codes of the text columns, with each column's distinct values."""

    ids: np.ndarray
    texts: Mapping[str, np.ndarray]  # doc_id, cluster_id (and cluster_id:null, a mask, when bytes hold NULLs)
    position: np.ndarray  # by the store's rowid: the event's position in this order (-1: none)
    neg_day: np.ndarray
    dated: int  # events with a date: the first ``dated`` positions
    quad_class: np.ndarray
    codes: Mapping[str, np.ndarray]
    values: Mapping[str, list[str]]


@dataclass(frozen=True)
class ClusterColumns:
    """Clusters grouped by directed country dyad (each group in the table's row order) and where each
    dyad's group starts and ends."""

    day: np.ndarray
    mentions: np.ndarray
    sources: np.ndarray
    weight: np.ndarray
    goldstein: np.ndarray
    quad_class: np.ndarray
    spans: Mapping[tuple[str, str], tuple[int, int]]


class ReadIndex:
    """The read index of one write generation of a store (see the module's docstring)."""

    def __init__(self, generation: int, events: EventColumns, clusters: ClusterColumns) -> None:
        self.generation = generation
        self.events = events
        self.clusters = clusters
        self._luts: dict[tuple[str, str], np.ndarray] = {}
        self._words: OrderedDict[str, np.ndarray] = OrderedDict()
        self._words_lock = threading.Lock()
        self._pending: dict[str, threading.Lock] = {}

    @classmethod
    def build(cls, store: Store, *, generation: int) -> ReadIndex:
        cols, values = reading.index_events(store.con)
        neg_day = cols["day"].astype(np.int32)
        rowids = cols["rowid"].astype(np.int64)
        position = np.full(int(rowids.max()) + 1 if len(rowids) else 0, -1, dtype=np.int32)
        position[rowids] = np.arange(len(rowids), dtype=np.int32)
        texts = _event_texts(store, position)
        ids = texts.pop("event_id")
        events = EventColumns(
            ids=ids,
            texts=texts,
            position=position,
            neg_day=neg_day,
            dated=int(np.searchsorted(neg_day, reading.NULL_DAY, side="left")),
            quad_class=cols["quad_class"].astype(np.int8),
            codes={c: _small(cols[c], len(values[c])) for c in reading.INDEX_TEXT_COLUMNS},
            values=values,
        )
        ccols, pairs = reading.index_clusters(store.con)
        spans, at = {}, 0
        for source, target, n in pairs:
            spans[(source, target)] = (at, at + n)
            at += n
        clusters = ClusterColumns(
            day=ccols["day"].astype(np.int32),
            mentions=ccols["num_mentions"].astype(np.int32),
            sources=ccols["num_sources"].astype(np.int32),
            weight=ccols["weight"].astype(np.float64),
            goldstein=ccols["goldstein"].astype(np.float64),
            quad_class=ccols["quad_class"].astype(np.int8),
            spans=spans,
        )
        return cls(generation, events, clusters)

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (the dictionaries are small)."""
        e, c = self.events, self.clusters
        arrays = [e.ids, *e.texts.values(), e.position, e.neg_day, e.quad_class, *e.codes.values()]
        arrays += [c.day, c.mentions, c.sources, c.weight, c.goldstein, c.quad_class]
        return sum(int(a.nbytes) for a in arrays)

    # -- events ------------------------------------------------------------------------------------
    def knows(self, column: str, prefix: str) -> bool:
        """Whether some event's ``column`` (source or target) starts with ``prefix``."""
        return bool(self._lut(column, prefix).any())

    def _lut(self, column: str, value: str) -> np.ndarray:
        """Per dictionary code of ``column`` (and one more, last, for NULL): whether it matches ``value``."""
        key = (column, value)
        lut = self._luts.get(key)
        if lut is None:
            values = self.events.values[column]
            if column in _EQUAL:
                hits = [v == value for v in values]
            else:
                hits = [v.startswith(value) for v in values]
            lut = np.array([*hits, False], dtype=bool)
            if len(self._luts) > 4096:
                self._luts.clear()
            self._luts[key] = lut
        return lut

    def _mask(self, column: str, value: str, lo: int, hi: int) -> np.ndarray:
        lut = self._lut(column, value)
        codes = self.events.codes[column][lo:hi]
        hits = np.flatnonzero(lut[:-1])
        if len(hits) == 0:
            return np.zeros(hi - lo, dtype=bool)
        first, last = int(hits[0]), int(hits[-1])
        if first == last:
            return np.asarray(codes == first, dtype=bool)
        if last - first + 1 == len(hits):  # a prefix's values are neighbours in sorted order: a range
            return (codes >= first) & (codes <= last)
        return np.asarray(lut[codes], dtype=bool)  # -1 (NULL) picks the last entry: False

    def word_mask(self, store: Store, word: str) -> np.ndarray:
        """Per position: whether the event's sentence holds ``word`` (the store's own ``q`` condition, run
        once over the sentences; the last ``WORD_MASKS`` words searched are kept)."""
        with self._words_lock:
            found = self._words.get(word)
            if found is not None:
                self._words.move_to_end(word)
                return found
            pending = self._pending.setdefault(word, threading.Lock())
        with pending:  # one search per word at a time: requests for the same word wait for the first
            with self._words_lock:
                found = self._words.get(word)
            if found is not None:
                return found
            mask = np.zeros(len(self.events.ids), dtype=bool)
            mask[self.events.position[reading.matching_rowids(store.con, q.event_filters(q=word))]] = True
            with self._words_lock:
                self._words[word] = mask
                while len(self._words) > WORD_MASKS:
                    self._words.popitem(last=False)
                self._pending.pop(word, None)
        return mask

    def find_events(
        self, filters: Mapping[str, Any], *, limit: int, offset: int, words: np.ndarray | None = None
    ) -> tuple[np.ndarray, int]:
        """The positions of the page ``[offset, offset + limit)`` of the events matching ``filters``
        (checked and normalised as the store does: actor codes upper case, the root two digits) and
        ``words`` (a :meth:`word_mask`), and how many match."""
        ev = self.events
        lo, hi = 0, len(ev.ids)
        since, until = filters.get("since"), filters.get("until")
        if since is not None or until is not None:
            hi = ev.dated
            if since is not None:
                hi = int(np.searchsorted(ev.neg_day[:hi], -_day(since), side="right"))
            if until is not None:
                lo = int(np.searchsorted(ev.neg_day[:hi], -_day(until), side="left"))
        mask: np.ndarray | None = None
        for column in reading.INDEX_TEXT_COLUMNS:
            value = filters.get(column)
            if value:
                part = self._mask(column, value, lo, max(lo, hi))
                mask = part if mask is None else mask & part
        if words is not None:
            part = words[lo : max(lo, hi)]
            mask = part if mask is None else mask & part
        quad = filters.get("quad_class")
        if quad:
            part = ev.quad_class[lo : max(lo, hi)] == int(quad)
            mask = part if mask is None else mask & part
        start, stop = max(int(offset), 0), max(int(offset), 0) + max(int(limit), 0)
        if mask is None:
            total = max(hi - lo, 0)
            return np.arange(lo + start, lo + max(min(stop, total), start)), total
        positions = np.flatnonzero(mask)
        return positions[start:stop] + lo, len(positions)

    def texts(self, column: str, at: np.ndarray) -> list[str | None]:
        """The values of ``column`` (``event_id`` or one of ``reading.INDEX_PAGE_COLUMNS``) at positions."""
        ev = self.events
        values = ev.ids[at] if column == "event_id" else ev.texts[column][at]
        if values.dtype.kind != "S":
            return list(values.tolist())
        nulls = ev.texts.get(f"{column}:null")
        found: list[str | None] = [v.decode() for v in values.tolist()]
        if nulls is not None:
            found = [None if null else v for v, null in zip(found, nulls[at].tolist(), strict=True)]
        return found

    def event_extent(self) -> tuple[date | None, date | None]:
        """The first and last day of a stored event, as ``reading.extent``."""
        ev = self.events
        if ev.dated == 0:
            return None, None
        return EPOCH + timedelta(days=-int(ev.neg_day[ev.dated - 1])), EPOCH + timedelta(
            days=-int(ev.neg_day[0])
        )

    # -- series ------------------------------------------------------------------------------------
    def day_sums(
        self, source: str, target: str, *, since: date, until: date
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """``reading.series_days`` for two countries (three-letter codes) as arrays: the days with clusters
        in [since, until] (days since 1970-01-01, ascending) and per ``SUMS`` name the day's sum, each
        added up in the table's row order, as DuckDB does on one thread."""
        c = self.clusters
        lo, hi = c.spans.get((source, target), (0, 0))
        day = c.day[lo:hi]
        keep = np.flatnonzero((day >= _day(since)) & (day <= _day(until)))
        if len(keep) == 0:
            return np.zeros(0, dtype=np.int64), {name: np.zeros(0) for name in SUMS}
        day = day[keep].astype(np.int64)
        first = int(day.min())
        slot = day - first
        days = np.flatnonzero(np.bincount(slot))
        weight, goldstein = c.weight[lo:hi][keep], c.goldstein[lo:hi][keep]
        wg = weight * goldstein
        quad = c.quad_class[lo:hi][keep]

        def sums(values: np.ndarray | None) -> np.ndarray:
            return np.bincount(slot, weights=values)[days].astype(np.float64)

        found = {
            "clusters": sums(None),
            "mentions": sums(c.mentions[lo:hi][keep].astype(np.float64)),  # exact below 2**53
            "sources": sums(c.sources[lo:hi][keep].astype(np.float64)),
            "weight": sums(weight),
            "goldstein_sum": sums(wg),
            "goldstein_plain_sum": sums(goldstein),
            "cooperation": sums(np.where(goldstein > 0, wg, 0.0)),
            "conflict": sums(np.where(goldstein < 0, wg, 0.0)),
            **{f"q{k}": sums((quad == k).astype(np.float64)) for k in (1, 2, 3, 4)},
        }
        return days + first, found


def _period_key(days: np.ndarray, freq: str) -> np.ndarray:
    """Per day (days since 1970-01-01): its period's number (days for day and week, the Monday; months
    since January 1970)."""
    if freq == "month":
        return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    if freq == "week":
        return np.asarray(days - (days + 3) % 7)  # 1970-01-01 was a Thursday
    return days


def _key_of(day: date, freq: str) -> int:
    return (day.year - 1970) * 12 + day.month - 1 if freq == "month" else _day(day)


def period_series(
    days: np.ndarray,
    sums: Mapping[str, np.ndarray],
    *,
    freq: str,
    since: date | None,
    until: date | None,
    max_points: int | None,
) -> list[dict[str, Any]]:
    """``volte.store.series.series`` over daily sums given as arrays (:meth:`ReadIndex.day_sums`): the same
    periods, each period's sums added day by day in the same order, the same rows (``series._row``)."""
    if not len(days) and (since is None or until is None):
        return []
    keys = _period_key(days, freq)
    first = dyad_analysis.period_start(since, freq=freq) if since else _period_date(int(keys.min()), freq)
    last = dyad_analysis.period_start(until, freq=freq) if until else _period_date(int(keys.max()), freq)
    if max_points is not None:
        dyad_analysis.check_points(first, last, freq=freq, max_points=max_points)
    n = dyad_analysis.count_periods(first, last, freq=freq) if first <= last else 0
    if n == 0:
        return []
    slot = keys - _key_of(first, freq)
    if freq == "week":
        slot //= 7
    totals = {name: np.bincount(slot, weights=values, minlength=n)[:n] for name, values in sums.items()}
    if freq == "month":
        starts = np.arange(_key_of(first, freq), _key_of(first, freq) + n).astype("datetime64[M]")
    else:
        step = 7 if freq == "week" else 1
        starts = np.arange(_day(first), _day(first) + n * step, step).astype("datetime64[D]")
    periods = np.datetime_as_string(starts.astype("datetime64[D]"), unit="D").tolist()
    clusters = totals["clusters"].astype(np.int64).tolist()
    weight, gsum, gplain = (totals[k].tolist() for k in ("weight", "goldstein_sum", "goldstein_plain_sum"))
    ints = {k: totals[k].astype(np.int64).tolist() for k in ("mentions", "sources", "q1", "q2", "q3", "q4")}
    coop, conflict = totals["cooperation"].tolist(), totals["conflict"].tolist()
    # the fields and roundings of volte.store.series._row, row by row
    return [
        {
            "period": periods[i],
            "clusters": clusters[i],
            "mentions": ints["mentions"][i],
            "sources": ints["sources"][i],
            "weight": round(weight[i], 4),
            "goldstein_sum": round(gsum[i], 4),
            "goldstein_mean": round(gsum[i] / weight[i], 4) if weight[i] else None,
            "goldstein_mean_unweighted": round(gplain[i] / clusters[i], 4) if clusters[i] else None,
            "cooperation": round(coop[i], 4),
            "conflict": round(conflict[i], 4),
            "q1": ints["q1"][i],
            "q2": ints["q2"][i],
            "q3": ints["q3"][i],
            "q4": ints["q4"][i],
        }
        for i in range(n)
    ]


def _period_date(key: int, freq: str) -> date:
    if freq == "month":
        return date(1970 + key // 12, key % 12 + 1, 1)
    return EPOCH + timedelta(days=key)


NARROW = 32  # text columns whose values are all ASCII and at most this long are kept one byte a character


def _event_texts(store: Store, position: np.ndarray) -> dict[str, np.ndarray]:
    """Per ``reading.INDEX_PAGE_COLUMNS``: its values in the index's order (``position``: by rowid), as fixed
    width bytes when they are short and ASCII (volte's ids are hexadecimal), else numpy strings (None:
    NULL); a column of fixed width bytes with NULLs has a mask of them under ``<column>:null``."""
    size = int((position >= 0).sum())
    widths = reading.text_bytes(store.con)
    out: dict[str, np.ndarray] = {}
    for column, width in widths.items():
        out[column] = np.zeros(size, dtype=f"S{max(width, 1)}") if width <= NARROW else _strings(size)
    for rowids, chunk in reading.event_texts(store.con):
        at = position[rowids]
        for column, values in chunk.items():
            nulls = np.asarray(values == None, dtype=bool)  # noqa: E711 - elementwise on an object array
            if nulls.any() and out[column].dtype.kind == "S":
                out.setdefault(f"{column}:null", np.zeros(size, dtype=bool))[at] = nulls
                values = np.where(nulls, "", values)
            if out[column].dtype.kind == "S":
                try:
                    out[column][at] = values.astype("S")
                    continue
                except UnicodeEncodeError:  # not ASCII: numpy strings from here on
                    strings = _strings(size)
                    strings[:] = [v.decode() for v in out[column].tolist()]
                    out[column] = strings
            out[column][at] = values
    return out


def _strings(size: int) -> np.ndarray:
    return np.full(size, None, dtype=np.dtypes.StringDType(na_object=None))


def find_events(
    index: ReadIndex, store: Store, *, limit: int, offset: int, **filters: Any
) -> tuple[list[dict[str, Any]], int] | None:
    """``store.query_events(limit=, offset=, **filters)`` answered through the index, with the store's
    checks and errors; None when the index cannot answer it (a filter it does not hold, an actor the
    store does not know: the store's own query answers or explains those)."""
    if any(filters.get(name) for name in filters if name not in EVENT_FILTERS):
        return None
    filters = dict(filters)
    for side in ("source", "target"):
        if filters.get(side):
            filters[side] = q.check_actor(filters[side], option=side)
    q.event_filters(**filters)  # the store's checks (range, root), the same errors
    if filters.get("root"):
        filters["root"] = q.check_root(filters["root"])
    if filters.get("plover"):
        filters["plover"] = filters["plover"].upper()
    for side in ("source", "target"):
        if filters.get(side) and not index.knows(side, filters[side]):
            return None
    word = filters.pop("q", None)
    words = index.word_mask(store, word) if word else None
    at, total = index.find_events(filters, limit=limit, offset=offset, words=words)
    ids = [str(i) for i in index.texts("event_id", at)]
    known = {c: index.texts(c, at) for c in reading.INDEX_PAGE_COLUMNS if c != "event_id"}
    rows = reading.page_by_id(store.con, ids, known)
    return (rows if rows is not None else reading.events_by_id(store.con, ids)), total


def dyad_series(
    index: ReadIndex,
    store: Store,
    source: str,
    target: str,
    *,
    freq: str,
    since: date | None,
    until: date | None,
) -> list[dict[str, Any]] | None:
    """``store.dyad_series`` through the index for two countries; None for longer codes (roles), bad
    arguments and unknown actors (the store answers or explains those)."""
    if freq not in dyad_analysis.FREQS or len(source) != 3 or len(target) != 3:
        return None
    source = q.check_actor(source, option="source")
    target = q.check_actor(target, option="target")
    q.check_range(since, until)
    if not (index.knows("source", source) and index.knows("target", target)):
        return None
    window = dyad_analysis.clamp_range(since, until, extent=index.event_extent())
    if window is None:
        return []
    days, sums = index.day_sums(source, target, since=window[0], until=window[1])
    return period_series(
        days,
        sums,
        freq=freq,
        since=window[0] if since else None,  # as Store.dyad_series
        until=window[1] if until else None,
        max_points=store.settings.store.max_points,
    )
