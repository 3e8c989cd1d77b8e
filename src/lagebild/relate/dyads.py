"""Dyads: what happened between two actors, per day/week/month, and the whole network.

Counts are of merged events (``relate.merge``), not of articles or sentences. By default only
factual events count (modality asserted or reported): a denied, planned or hypothetical event
did not happen. Each bucket has counts per PLOVER type and per quad class, and a
cooperation–conflict score: the mean of the per-type weights in ``data/plover_weights.tsv``
(-10 most conflictual .. +10 most cooperative; see that file for where the weights come from).

Events are placed by ``merged_events.day``: the date the text gives, else the earliest
publication date of an article reporting it. An event known only to the month is counted in
monthly buckets but left out of daily and weekly ones (placing it on the 1st would invent a
spike); ``DyadTimeline.too_coarse`` says how many were left out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..store.factory import StoreLike
from ..store.relations import QueryError, dyad_coarse, dyad_month_rows, dyad_rows, pair_rows
from ._data import QUAD_NAMES, type_weight

FACTUAL: tuple[str, ...] = ("asserted", "reported")
_SPARKS = "▁▂▃▄▅▆▇█"
# How many characters of an ISO day each bucket size needs (weeks are computed from the day).
_PREFIX = {"day": 10, "week": 10, "month": 7, "year": 4}


@dataclass(frozen=True)
class DyadBucket:
    """One period of one dyad."""

    period: str  # "2025-12-11" (day), "2025-W50" (ISO week), "2025-12" (month), "2025" (year)
    n_events: int
    n_ab: int  # events with a as source (symmetric events count for their stored direction)
    n_ba: int
    n_sources: int  # sum over events of their independent sources
    counts: dict[str, int] = field(default_factory=dict)  # PLOVER type -> events
    quad: dict[str, int] = field(default_factory=dict)  # quad class name -> events
    score: float = 0.0  # mean weight, -10 .. +10
    total: float = 0.0  # sum of weights (volume-weighted tone)


@dataclass(frozen=True)
class Relation:
    """An actor pair over the whole store (unordered: ``a`` < ``b``)."""

    a: str
    b: str
    n_events: int
    n_ab: int
    n_ba: int
    n_sources: int
    counts: dict[str, int] = field(default_factory=dict)
    quad: dict[str, int] = field(default_factory=dict)
    score: float = 0.0
    total: float = 0.0
    first: str | None = None  # month (YYYY-MM) of the first and last event
    last: str | None = None


def period_of(day: str, by: str) -> str | None:
    """The bucket label of an ISO date for ``by`` (None when the date is too coarse)."""
    if by == "year":
        return day[:4] if len(day) >= 4 else None
    if by == "month":
        return day[:7] if len(day) >= 7 else None
    if len(day) < 10:
        return None
    if by == "day":
        return day[:10]
    if by == "week":
        try:
            year, week, _ = date.fromisoformat(day[:10]).isocalendar()
        except ValueError:
            return None
        return f"{year}-W{week:02d}"
    raise QueryError(f"by must be day, week, month or year, not {by!r}")


@lru_cache(maxsize=512)
def _weight(etype: str, mode: str | None) -> tuple[float, str]:
    w = type_weight(etype, mode)
    return w.weight, QUAD_NAMES[w.quad]


class _Acc:
    """Running sums of one bucket or pair (plain class: this loop is the timeline's hot path)."""

    __slots__ = ("n", "n_ab", "n_ba", "sources", "total", "counts", "quad", "first", "last")

    def __init__(self) -> None:
        self.n = self.n_ab = self.n_ba = self.sources = 0
        self.total = 0.0
        self.counts: dict[str, int] = {}
        self.quad: dict[str, int] = {}
        self.first: str | None = None
        self.last: str | None = None

    def add(self, etype: str, mode: str | None, n: int, sources: int, forward: bool) -> None:
        weight, quad = _weight(etype, mode)
        self.n += n
        if forward:
            self.n_ab += n
        else:
            self.n_ba += n
        self.sources += sources
        self.total += weight * n
        self.counts[etype] = self.counts.get(etype, 0) + n
        self.quad[quad] = self.quad.get(quad, 0) + n

    def span(self, first: str | None, last: str | None) -> None:
        if first and (self.first is None or first < self.first):
            self.first = first
        if last and (self.last is None or last > self.last):
            self.last = last


def timeline(
    store: StoreLike,
    a: str,
    b: str,
    by: str = "month",
    level: str = "country",
    directed: bool = False,
    modalities: Sequence[str] | None = FACTUAL,
    fill: bool = False,
    since: str | None = None,
    until: str | None = None,
) -> list[DyadBucket]:
    """Per-period counts and scores of the merged events between ``a`` and ``b``.

    ``by``: ``day``, ``week`` (ISO weeks, ``2025-W50``), ``month`` or ``year``.
    ``a``/``b`` are country codes (``RUS``, ``EU``) with ``level="country"``, actor ids with
    ``level="actor"``. Undirected by default (both directions); ``fill`` adds empty periods
    between the first and last (day/month only) so a sparkline shows gaps. ``since``/``until``
    (inclusive ISO dates; ``until`` may be a prefix) limit the range — with ``by="month"`` they
    act on whole months.
    """
    period_of("2000-01-01", by)  # validates ``by`` before touching the database
    a, b = _norm(a, level), _norm(b, level)
    accs: dict[str, _Acc] = defaultdict(_Acc)
    labels_of: dict[str, str | None] = {}
    # Months and years come pre-grouped from dyad_months; days and weeks need the events.
    read = dyad_month_rows if by in ("month", "year") else dyad_rows
    rows = read(store, a, b, level, directed, modalities, _PREFIX[by], since, until)
    for key, etype, mode, direction, n, sources in rows:
        label = labels_of.get(key, "")
        if label == "":
            label = labels_of[key] = period_of(key, by)
        if label is not None:
            accs[label].add(etype, mode, n, sources or 0, direction == "ab")
    labels = sorted(accs)
    if fill and labels and by in ("day", "month"):
        labels = _fill(labels[0], labels[-1], by)
    return [_bucket(label, accs.get(label) or _Acc()) for label in labels]


def too_coarse(
    store: StoreLike,
    a: str,
    b: str,
    by: str,
    level: str = "country",
    directed: bool = False,
    modalities: Sequence[str] | None = FACTUAL,
) -> int:
    """How many events of the dyad ``timeline(..., by)`` leaves out (undated or coarser than ``by``)."""
    period_of("2000-01-01", by)
    a, b = _norm(a, level), _norm(b, level)
    return dyad_coarse(store, a, b, level, directed, modalities, _PREFIX[by])


def _norm(code: str, level: str) -> str:
    return code.upper() if level == "country" else code


def _bucket(label: str, acc: _Acc) -> DyadBucket:
    return DyadBucket(
        period=label,
        n_events=acc.n,
        n_ab=acc.n_ab,
        n_ba=acc.n_ba,
        n_sources=acc.sources,
        counts=dict(sorted(acc.counts.items())),
        quad=dict(sorted(acc.quad.items())),
        score=round(acc.total / acc.n, 3) if acc.n else 0.0,
        total=round(acc.total, 3),
    )


def _fill(first: str, last: str, by: str) -> list[str]:
    out: list[str] = []
    if by == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y}-{m:02d}" <= last:
            out.append(f"{y}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    while d <= end and len(out) < 20000:
        out.append(d.isoformat())
        d = date.fromordinal(d.toordinal() + 1)
    return out


def network(
    store: StoreLike,
    since: str | None = None,
    limit: int | None = 50,
    level: str = "country",
    modalities: Sequence[str] | None = FACTUAL,
) -> list[Relation]:
    """Every actor pair with its event counts and score, busiest first (ties by name)."""
    accs: dict[tuple[str, str], _Acc] = defaultdict(_Acc)
    for src, tgt, etype, mode, n, sources, first, last in pair_rows(store, since, level, modalities):
        key = (src, tgt) if src <= tgt else (tgt, src)
        acc = accs[key]
        acc.add(etype, mode, n, sources or 0, src == key[0])
        acc.span(first, last)
    relations = [
        Relation(
            a=k[0],
            b=k[1],
            n_events=acc.n,
            n_ab=acc.n_ab,
            n_ba=acc.n_ba,
            n_sources=acc.sources,
            counts=dict(sorted(acc.counts.items())),
            quad=dict(sorted(acc.quad.items())),
            score=round(acc.total / acc.n, 3) if acc.n else 0.0,
            total=round(acc.total, 3),
            first=acc.first,
            last=acc.last,
        )
        for k, acc in accs.items()
    ]
    relations.sort(key=lambda r: (-r.n_events, r.a, r.b))
    return relations if limit is None else relations[:limit]


def sparkline(values: Sequence[float]) -> str:
    """A one-line bar chart (``▁▂▃▄▅▆▇█``), scaled from the smallest to the largest value.

    Counts start at zero (an empty period is the lowest bar); scores may be negative and are
    scaled min..max. Empty input gives an empty string.
    """
    if not values:
        return ""
    low = min(0.0, min(values))
    high = max(values)
    if high == low:
        return _SPARKS[0] * len(values)
    step = (high - low) / (len(_SPARKS) - 1)
    return "".join(_SPARKS[int(round((v - low) / step))] for v in values)
