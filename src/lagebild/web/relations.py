"""Dyads, monthly cooperation/conflict timelines, the actor network and simple storylines.

Computed from the store's events. This is the web's own fallback until ``lagebild.relate``
(merged events across articles, storylines) lands; the views call only the functions below,
so switching to ``relate`` changes this module and nothing else. Marked: SWITCH-TO-RELATE.

An event is dyadic when both sides resolve to an actor key: the country code (ISO 3166-1
alpha-3, or EU/NATO/UN) when known, since that is what the timeline and network are about,
otherwise the canonical actor id.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..models import ActorRef
from ..store import StoredEvent

UNDATED = "undated"


@dataclass(frozen=True)
class Scale:
    """Where an event type sits on the cooperation/conflict axis (``data/plover_scale.tsv``)."""

    polarity: str  # "cooperation" or "conflict"
    quad: str  # "verbal" or "material"
    weight: float


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@cache
def plover_scale() -> dict[str, Scale]:
    return {
        r["type"]: Scale(r["polarity"], r["quad"], float(r["weight"])) for r in _rows("plover_scale.tsv")
    }


@cache
def modality_weights() -> dict[str, float]:
    return {r["modality"]: float(r["weight"]) for r in _rows("modality_weights.tsv")}


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


def month_of(se: StoredEvent) -> str:
    return se.event.date[:7] if se.event.date and len(se.event.date) >= 7 else UNDATED


@dataclass
class Tally:
    """Counts and the weighted score of a group of events."""

    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    score: float = 0.0
    types: Counter[str] = field(default_factory=Counter)

    def add(self, se: StoredEvent) -> None:
        e = se.event
        self.events += 1
        self.types[e.type] += 1
        scale = plover_scale().get(e.type)
        if scale is None:
            return
        if scale.polarity == "cooperation":
            self.cooperation += 1
        else:
            self.conflict += 1
        self.score += scale.weight * modality_weights().get(e.modality, 0.0)

    def as_dict(self) -> dict[str, object]:
        return {
            "events": self.events,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "score": round(self.score, 2),
            "types": dict(self.types.most_common()),
        }


@dataclass(frozen=True)
class Dyad:
    a: str
    b: str
    a_name: str
    b_name: str
    tally: Tally

    def as_dict(self) -> dict[str, object]:
        return {"a": self.a, "b": self.b, "a_name": self.a_name, "b_name": self.b_name, **self.tally.as_dict()}


def dyads(events: Iterable[StoredEvent]) -> list[Dyad]:
    """Every actor pair with events between them, the busiest first."""
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    names: dict[str, str] = {}
    for se in events:
        pair = dyad_of(se)
        if pair is None:
            continue
        tallies[pair].add(se)
        _remember_names(names, se)
    ranked = sorted(tallies.items(), key=lambda kv: (-kv[1].events, -abs(kv[1].score), kv[0]))
    return [Dyad(a, b, names.get(a, a), names.get(b, b), t) for (a, b), t in ranked]


def _remember_names(names: dict[str, str], se: StoredEvent) -> None:
    for ref in (se.event.source, se.event.target):
        key = actor_key(ref)
        if key and ref is not None and ref.name and key not in names:
            names[key] = ref.name


def dyad_events(events: Iterable[StoredEvent], a: str, b: str) -> list[StoredEvent]:
    pair = (a, b) if a < b else (b, a)
    return [se for se in events if dyad_of(se) == pair]


def timeline(events: Sequence[StoredEvent]) -> list[dict[str, object]]:
    """One row per month (``YYYY-MM``), oldest first; undated events in a last ``undated`` row."""
    months: dict[str, Tally] = defaultdict(Tally)
    for se in events:
        months[month_of(se)].add(se)
    order = sorted(m for m in months if m != UNDATED) + ([UNDATED] if UNDATED in months else [])
    return [{"month": m, **months[m].as_dict()} for m in order]


def network(events: Iterable[StoredEvent], min_events: int = 1) -> dict[str, list[dict[str, object]]]:
    """Actors as nodes, dyads with at least ``min_events`` events as edges."""
    edges = [d for d in dyads(events) if d.tally.events >= max(1, min_events)]
    degree: Counter[str] = Counter()
    names: dict[str, str] = {}
    for d in edges:
        for key, name in ((d.a, d.a_name), (d.b, d.b_name)):
            degree[key] += d.tally.events
            names[key] = name
    nodes: list[dict[str, object]] = [
        {"id": k, "name": names[k], "events": n} for k, n in degree.most_common()
    ]
    links: list[dict[str, object]] = [
        {
            "source": d.a,
            "target": d.b,
            "events": d.tally.events,
            "cooperation": d.tally.cooperation,
            "conflict": d.tally.conflict,
            "score": round(d.tally.score, 2),
        }
        for d in edges
    ]
    return {"nodes": nodes, "links": links}


@dataclass(frozen=True)
class Storyline:
    a: str
    b: str
    first: str | None
    last: str | None
    articles: tuple[str, ...]
    event_ids: tuple[int, ...]
    tally: Tally

    def as_dict(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "first": self.first,
            "last": self.last,
            "articles": list(self.articles),
            "event_ids": list(self.event_ids),
            **self.tally.as_dict(),
        }


def storylines(events: Sequence[StoredEvent], min_articles: int = 2) -> list[Storyline]:
    """Fallback storylines: a dyad followed across several articles, in date order.

    ``relate`` will replace this with proper storylines (merged events, topic continuity);
    until then a dyad reported in at least ``min_articles`` articles is one storyline.
    """
    by_pair: dict[tuple[str, str], list[StoredEvent]] = defaultdict(list)
    for se in events:
        pair = dyad_of(se)
        if pair is not None:
            by_pair[pair].append(se)
    lines: list[Storyline] = []
    for (a, b), items in by_pair.items():
        articles = tuple(sorted({se.article_id for se in items}))
        if len(articles) < min_articles:
            continue
        dated = sorted(se.event.date for se in items if se.event.date)
        tally = Tally()
        for se in items:
            tally.add(se)
        first, last = (dated[0], dated[-1]) if dated else (None, None)
        lines.append(Storyline(a, b, first, last, articles, tuple(se.id for se in items), tally))
    lines.sort(key=lambda s: (-len(s.articles), -s.tally.events, s.a, s.b))
    return lines
