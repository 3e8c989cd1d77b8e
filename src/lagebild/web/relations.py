"""Dyads, timelines, the actor network and storylines, in the one shape the pages use.

The numbers come from ``lagebild.relate`` (merged real-world events, with all the articles
that report each) whenever the store holds merged events. A store that was never merged
(``merged_events`` empty) still gets every view, computed here from the raw per-sentence
events with the same weights and the same rule (only asserted or reported events count), so
the pages work before and after a merge; ``source`` in each answer says which one was used.

Actor keys: the country code (ISO 3166-1 alpha-3, or EU/NATO/UN) when known, otherwise the
canonical actor id — the same level as ``relate``'s default (``level="country"``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import relate
from ..models import ActorRef
from ..relate._data import type_weight  # SHARED-WEIGHTS: ask relate to export it
from ..store import StoredEvent, StoreLike
from ..store import relations as stored

FACTUAL = relate.dyads.FACTUAL
RELATE = "relate"
FALLBACK = "raw-events"

Record = dict[str, Any]


# --- shared helpers --------------------------------------------------------------------------


def polarity(etype: str, mode: str | None = None) -> tuple[str, str]:
    """("cooperation"|"conflict", "verbal"|"material") of an event type, from relate's weights."""
    quad = type_weight(etype, mode).quad
    return ("cooperation" if quad in (1, 2) else "conflict", "material" if quad in (2, 4) else "verbal")


def actor_key(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return ref.country or ref.actor_id or None


def actor_label(ref: ActorRef | None) -> str:
    if ref is None:
        return "–"
    key = actor_key(ref)
    return f"{ref.name} ({key})" if key and key != ref.name else ref.name or "–"


def dyad_of(se: StoredEvent) -> tuple[str, str] | None:
    """The unordered pair of actor keys of an event, or None when it is not dyadic."""
    a, b = actor_key(se.event.source), actor_key(se.event.target)
    if not a or not b or a == b:
        return None
    return (a, b) if a < b else (b, a)


def names(store: StoreLike, events: Iterable[StoredEvent]) -> dict[str, str]:
    """A readable name for each actor key: a country's state ("Russland", not the first person
    of that country the text named), an actor id's canonical name, else the text's first name."""
    out: dict[str, str] = {}
    rows = store.actors()
    for row in rows:
        a = row.actor
        if a.kind == "state" and a.country and a.country not in out:
            out[a.country] = a.name
    for row in rows:
        out.setdefault(row.actor.actor_id, row.actor.name)
    for se in events:
        for ref in (se.event.source, se.event.target):
            key = actor_key(ref)
            if key and ref is not None and ref.name:
                out.setdefault(key, ref.name)
    return out


def merge_state(store: StoreLike) -> tuple[int, int]:
    """(merged events, raw events not yet merged) — (0, 0) for a store without merge tables."""
    return stored.merge_state(store)


def use_relate(store: StoreLike) -> bool:
    return merge_state(store)[0] > 0


# --- tallies of raw events (the fallback) ----------------------------------------------------


@dataclass
class Tally:
    """Counts and weights of a group of raw events; only factual ones count, as in ``relate``."""

    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    total: float = 0.0
    types: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None

    def add(self, se: StoredEvent) -> None:
        e = se.event
        if e.modality not in FACTUAL:
            return
        self.events += 1
        self.types[e.type] += 1
        pol, _ = polarity(e.type, e.mode)
        if pol == "cooperation":
            self.cooperation += 1
        else:
            self.conflict += 1
        self.total += type_weight(e.type, e.mode).weight
        if e.date:
            self.first = e.date if self.first is None or e.date < self.first else self.first
            self.last = e.date if self.last is None or e.date > self.last else self.last

    def record(self) -> Record:
        return {
            "events": self.events,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "score": round(self.total, 2),
            "mean": round(self.total / self.events, 2) if self.events else 0.0,
            "types": dict(sorted(self.types.items())),
            "first": self.first,
            "last": self.last,
        }


def _raw_pairs(events: Iterable[StoredEvent]) -> dict[tuple[str, str], list[StoredEvent]]:
    pairs: dict[tuple[str, str], list[StoredEvent]] = defaultdict(list)
    for se in events:
        pair = dyad_of(se)
        if pair is not None:
            pairs[pair].append(se)
    return pairs


def _tally(events: Iterable[StoredEvent]) -> Tally:
    tally = Tally()
    for se in events:
        tally.add(se)
    return tally


@dataclass(frozen=True)
class EventIndex:
    """The store's raw events, grouped once by actor pair, with a name for each actor key.

    Built when the store changes (see ``app.EventCache``), not per request: grouping tens of
    thousands of events is the slow part of every aggregate view.
    """

    events: list[StoredEvent]
    pairs: dict[tuple[str, str], list[StoredEvent]]
    names: dict[str, str]

    @classmethod
    def build(cls, store: StoreLike, events: list[StoredEvent]) -> EventIndex:
        return cls(events, _raw_pairs(events), names(store, events))

    def pair(self, a: str, b: str) -> list[StoredEvent]:
        return self.pairs.get((a, b) if a < b else (b, a), [])


# --- relate's answers in the pages' shape -----------------------------------------------------


def _quad_counts(quad: dict[str, int]) -> tuple[int, int]:
    coop = sum(n for q, n in quad.items() if q.endswith("cooperation"))
    return coop, sum(quad.values()) - coop


def _relation_record(r: relate.Relation) -> Record:
    coop, conf = _quad_counts(r.quad)
    return {
        "a": r.a,
        "b": r.b,
        "events": r.n_events,
        "cooperation": coop,
        "conflict": conf,
        "score": round(r.total, 2),
        "mean": round(r.score, 2),
        "types": dict(r.counts),
        "first": r.first,
        "last": r.last,
        "n_sources": r.n_sources,
    }


def _story_record(item: relate.StoryItem) -> Record:
    return {
        "id": item.id,
        "date": item.date,
        "when": item.when,
        "type": item.type,
        "mode": item.mode,
        "source": item.source,
        "target": item.target,
        "source_name": item.source_name,
        "target_name": item.target_name,
        "modality": item.modality,
        "attributed_to": item.attributed_to,
        "evidence": item.evidence,
        "n_sources": item.n_sources,
        "sources": [
            {
                "event_id": s.event_id,
                "article_id": s.article_id,
                "doc": s.doc,
                "title": s.title,
                "outlet": s.outlet,
                "published": s.published,
                "sentence_index": s.sentence_index,
                "sentence": s.sentence,
            }
            for s in item.sources
        ],
    }


def _raw_story_record(se: StoredEvent, sentence_index: int | None) -> Record:
    e = se.event
    return {
        "id": str(se.id),
        "date": e.date,
        "when": e.date,
        "type": e.type,
        "mode": e.mode,
        "source": actor_key(e.source),
        "target": actor_key(e.target),
        "source_name": e.source.name if e.source else None,
        "target_name": e.target.name if e.target else None,
        "modality": e.modality,
        "attributed_to": e.attributed_to,
        "evidence": e.sentence,
        "n_sources": 1,
        "sources": [
            {
                "event_id": se.id,
                "article_id": se.article_id,
                "doc": se.doc,
                "title": None,
                "outlet": None,
                "published": None,
                "sentence_index": sentence_index,
                "sentence": e.sentence,
            }
        ],
    }


# --- the views' questions --------------------------------------------------------------------


def dyad_list(store: StoreLike, index: EventIndex, limit: int | None) -> list[Record]:
    """Actor pairs with factual events between them, the busiest first."""
    label = index.names
    if use_relate(store):
        rows = [_relation_record(r) for r in relate.network(store, limit=None)]
    else:
        tallies = {pair: _tally(items) for pair, items in index.pairs.items()}
        rows = [{"a": a, "b": b, **t.record()} for (a, b), t in tallies.items() if t.events]
        rows.sort(key=lambda r: (-r["events"], r["a"], r["b"]))
    rows = rows if limit is None else rows[:limit]
    for r in rows:
        r["a_name"], r["b_name"] = label.get(r["a"], r["a"]), label.get(r["b"], r["b"])
    return rows


def timeline(store: StoreLike, index: EventIndex, a: str, b: str) -> tuple[list[Record], int]:
    """Monthly rows for the dyad (oldest first) and how many events are too coarse to place."""
    if use_relate(store):
        buckets = relate.timeline(store, a, b, by="month")
        rows = []
        for bucket in buckets:
            coop, conf = _quad_counts(bucket.quad)
            rows.append(
                {
                    "month": bucket.period,
                    "events": bucket.n_events,
                    "cooperation": coop,
                    "conflict": conf,
                    "score": round(bucket.total, 2),
                    "mean": round(bucket.score, 2),
                    "types": dict(bucket.counts),
                }
            )
        return rows, relate.too_coarse(store, a, b, "month")
    months: dict[str, Tally] = defaultdict(Tally)
    left_out = 0
    for se in index.pair(a, b):
        if se.event.modality not in FACTUAL:
            continue
        if se.event.date and len(se.event.date) >= 7:
            months[se.event.date[:7]].add(se)
        else:
            left_out += 1
    out = []
    for month in sorted(months):
        rec = months[month].record()
        out.append(
            {
                "month": month,
                **{k: rec[k] for k in ("events", "cooperation", "conflict", "score", "mean", "types")},
            }
        )
    return out, left_out


def story(
    store: StoreLike, index: EventIndex, a: str, b: str, sentence_of: dict[int, int | None]
) -> list[Record]:
    """Everything between ``a`` and ``b`` in date order, all modalities, each with its sources.

    ``sentence_of`` maps raw event ids to their sentence index (for the fallback's links).
    """
    if use_relate(store):
        return [_story_record(item) for item in relate.story(store, a, b)]
    items = sorted(index.pair(a, b), key=lambda se: (se.event.date is None, se.event.date or "", se.id))
    return [_raw_story_record(se, sentence_of.get(se.id)) for se in items]


def network(store: StoreLike, index: EventIndex, min_events: int = 1) -> dict[str, list[Record]]:
    """Actors as nodes, dyads with at least ``min_events`` factual events as edges."""
    edges = [d for d in dyad_list(store, index, None) if d["events"] >= max(1, min_events)]
    degree: Counter[str] = Counter()
    label: dict[str, str] = {}
    for d in edges:
        for key, name in ((d["a"], d["a_name"]), (d["b"], d["b_name"])):
            degree[key] += d["events"]
            label[key] = name
    nodes: list[Record] = [{"id": k, "name": label[k], "events": n} for k, n in degree.most_common()]
    links: list[Record] = [
        {k: d[k] for k in ("events", "cooperation", "conflict", "score", "mean")}
        | {"source": d["a"], "target": d["b"]}
        for d in edges
    ]
    return {"nodes": nodes, "links": links}


def storylines(store: StoreLike, index: EventIndex, min_events: int, limit: int) -> list[Record]:
    """The busiest dyads with at least ``min_events`` factual events, each with its story."""
    lines = [d for d in dyad_list(store, index, None) if d["events"] >= max(1, min_events)][:limit]
    return lines
