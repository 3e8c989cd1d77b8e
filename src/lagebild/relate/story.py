"""Storylines: the merged events between two actors in date order, each with its sources.

Order: the event's own date where the text gives one; otherwise the publication date of the
earliest article that reports it (an undated "officials accuse Russia" is placed when it was
reported); events with neither come last, in input order (article, then position in it). Within one day,
events dated by the text come before those placed by publication; a month-only date sorts
before the days of that month; then type and id keep the order stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..store.factory import StoreLike
from ..store.relations import MergedRow, SourceRow, merged_between, sources_of


@dataclass(frozen=True)
class StoryItem:
    id: str  # merged event id
    date: str | None  # as stated in the text
    date_precision: str | None
    when: str | None  # the sort date: date, else first publication day
    when_source: str | None  # "text" | "published" | None
    type: str
    mode: str | None
    source: str | None  # country/actor id (name where unresolved)
    target: str | None
    source_name: str | None
    target_name: str | None
    modality: str
    attributed_to: str | None
    evidence: str
    confidence: float
    n_sources: int
    sources: tuple[SourceRow, ...] = ()


def story(
    store: StoreLike,
    a: str,
    b: str,
    level: str = "country",
    modalities: Sequence[str] | None = None,
) -> list[StoryItem]:
    """The merged events between ``a`` and ``b`` (either direction) in date order.

    All modalities are included by default: a storyline should show that something was denied or
    only planned; pass ``modalities=("asserted", "reported")`` for facts only.
    """
    if level == "country":
        a, b = a.upper(), b.upper()
    rows = merged_between(store, a, b, level, modalities)
    sources = sources_of(store, [r.id for r in rows])
    rows.sort(key=lambda r: _order(r, sources.get(r.id, [])))
    return [_item(r, sources.get(r.id, []), level) for r in rows]


def _order(r: MergedRow, sources: list[SourceRow]) -> tuple[int, str, int, int, tuple[str, int], str, str]:
    day = r.day or ""
    # Same day: events dated by their text before those only placed by publication. Undated
    # and unpublished events keep the input order (doc name, then position in the article),
    # the best hint left.
    first = min(((s.doc, s.event_id) for s in sources), default=("", 0)) if r.day is None else ("", 0)
    return (r.day is None, day, len(day), r.day_source != "text", first, r.type, r.id)


def _item(r: MergedRow, sources: list[SourceRow], level: str) -> StoryItem:
    if level == "country":
        src, tgt = r.source_country or r.source_name, r.target_country or r.target_name
    else:
        src, tgt = r.source_actor_id or r.source_name, r.target_actor_id or r.target_name
    return StoryItem(
        id=r.id,
        date=r.date,
        date_precision=r.date_precision,
        when=r.day,
        when_source=r.day_source,
        type=r.type,
        mode=r.mode,
        source=src,
        target=tgt,
        source_name=r.source_name,
        target_name=r.target_name,
        modality=r.modality,
        attributed_to=r.attributed_to,
        evidence=r.evidence,
        confidence=r.confidence,
        n_sources=r.n_sources,
        sources=tuple(sources),
    )
