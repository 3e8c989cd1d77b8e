"""What each page shows, as plain data: the same dict is the page's JSON and its template input.

Every fact carries its provenance: an event record names its article and the index of its
evidence sentence, and ``evidence_url`` points at that sentence (``/articles/ID#s12``).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

from ..errors import LagebildError
from ..models import MODALITIES, PLOVER_TYPES, Document
from ..store import ArticleRow, EventFilter, StoredEvent, StoreLike
from ..store.relations import sentence_starts
from . import markup, relations

MAX_LIMIT = 5000
DEFAULT_EVENT_LIMIT = 200
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadRequest(LagebildError):
    """A request parameter has a value the web app cannot use (HTTP 400)."""


@dataclass(frozen=True)
class Page:
    template: str
    data: dict[str, Any]  # the JSON form; the template gets it as ``data``
    extra: dict[str, Any] = field(default_factory=dict)  # template-only context (derived views)


# --- links ---------------------------------------------------------------------------------


def article_url(article_id: str, sentence: int | None = None) -> str:
    url = f"/articles/{quote(article_id, safe='')}"
    return url + f"#s{sentence}" if sentence is not None else url


def dyad_url(a: str, b: str) -> str:
    return "/dyad?" + urlencode({"a": a, "b": b})


def actor_events_url(key: str) -> str:
    return "/events?" + urlencode({"actor": key})


# --- records -------------------------------------------------------------------------------


def event_record(se: StoredEvent, sentence: int | None) -> dict[str, Any]:
    """The CLI's JSON shape of an event, plus where its evidence sentence is."""
    # Imported here: the CLI module pulls in typer and rich, needed only for this shape.
    from ..cli import event_record as cli_event_record

    rec = cli_event_record(se)
    rec["sentence_index"] = sentence
    rec["evidence_url"] = article_url(se.article_id, sentence)
    return rec


def event_records(store: StoreLike, events: Sequence[StoredEvent]) -> list[dict[str, Any]]:
    starts = sentence_starts(store, {se.article_id for se in events})
    return [event_record(se, _index_of(starts.get(se.article_id, []), se.event.start)) for se in events]


def _index_of(starts: list[int], offset: int) -> int | None:
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def article_record(row: ArticleRow | Document, with_body: bool) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": row.id,
        "doc": row.doc,
        "title": row.title,
        "published": row.published,
        "outlet": row.outlet,
        "author": row.author,
        "language": row.language,
        "url": row.url,
        "source": row.source,
        "words": len(row.body.split()),
        "html_url": article_url(row.id),
    }
    if isinstance(row, ArticleRow):
        rec["n_events"] = row.n_events
    if with_body:
        rec["body"] = row.body
    return rec


# --- parameters ----------------------------------------------------------------------------


def check_filter(f: EventFilter) -> EventFilter:
    """Reject values the store would silently match nothing with; say what is allowed."""
    if f.type and f.type.upper() not in PLOVER_TYPES:
        raise BadRequest(f"unknown event type {f.type!r}; one of {', '.join(PLOVER_TYPES)}")
    if f.modality and f.modality.lower() not in MODALITIES:
        raise BadRequest(f"unknown modality {f.modality!r}; one of {', '.join(MODALITIES)}")
    for name, value in (("since", f.since), ("until", f.until)):
        if value and not _DATE.match(value):
            raise BadRequest(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    if f.limit is not None and not 1 <= f.limit <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}")
    return f


# --- pages ---------------------------------------------------------------------------------


def overview(store: StoreLike, index: relations.EventIndex) -> Page:
    latest = list(reversed(index.events[-20:]))
    dyads = relations.dyad_list(store, index, 10)
    actors = store.actors()[:10]
    merged, unmerged = relations.merge_state(store)
    data = {
        "counts": dict(store.counts(), merged_events=merged, unmerged_events=unmerged),
        "latest_events": event_records(store, latest),
        "strongest_dyads": [dict(d, url=dyad_url(d["a"], d["b"])) for d in dyads],
        "top_actors": [_actor_record(r.actor, r.mentions, r.articles) for r in actors],
    }
    return Page("overview.html", data)


def articles(store: StoreLike, limit: int | None) -> Page:
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}")
    rows = store.articles(limit=limit)
    return Page("articles.html", {"articles": [article_record(r, with_body=False) for r in rows]})


def article(store: StoreLike, key: str) -> Page | None:
    article_id = store.find_article_id(key)
    doc = store.document(article_id) if article_id else None
    if doc is None:
        return None
    stored = store.events(EventFilter(article_id=doc.id), order="position")
    records = [event_record(se, markup.sentence_index(doc.sentences, se.event.start)) for se in stored]
    evidence: dict[int, list[int]] = {}
    for rec in records:
        if rec["sentence_index"] is not None:
            evidence.setdefault(rec["sentence_index"], []).append(rec["id"])
    data = {
        "article": article_record(doc, with_body=True),
        "sentences": [
            {"index": i, "start": s.start, "end": s.end, "text": s.text} for i, s in enumerate(doc.sentences)
        ],
        "mentions": [dataclasses.asdict(m) for m in doc.mentions],
        "events": records,
    }
    blocks = markup.blocks(doc.body, doc.sentences, doc.mentions, {k: tuple(v) for k, v in evidence.items()})
    return Page("article.html", data, {"blocks": blocks})


def events(store: StoreLike, filters: EventFilter) -> Page:
    f = check_filter(filters)
    if f.limit is None:
        f = dataclasses.replace(f, limit=DEFAULT_EVENT_LIMIT)
    rows = store.events(f)
    data = {
        "filters": {k: v for k, v in dataclasses.asdict(f).items() if k != "article_id"},
        "events": event_records(store, rows),
        "truncated": len(rows) == f.limit,
    }
    return Page("events.html", data, {"types": PLOVER_TYPES, "modalities": MODALITIES})


def actors(store: StoreLike) -> Page:
    rows = store.actors()
    return Page("actors.html", {"actors": [_actor_record(r.actor, r.mentions, r.articles) for r in rows]})


def _actor_record(actor: Any, mentions: int, n_articles: int) -> dict[str, Any]:
    key = actor.country or actor.actor_id
    return dict(
        dataclasses.asdict(actor),
        mentions=mentions,
        articles=n_articles,
        events_url=actor_events_url(key),
    )


def dyad_list(store: StoreLike, index: relations.EventIndex, limit: int) -> Page:
    rows = relations.dyad_list(store, index, max(1, min(limit, MAX_LIMIT)))
    data = {"dyads": [dict(d, url=dyad_url(d["a"], d["b"])) for d in rows], "source": _source(store)}
    return Page("dyads.html", data)


def _source(store: StoreLike) -> str:
    return relations.RELATE if relations.use_relate(store) else relations.FALLBACK


def dyad(store: StoreLike, index: relations.EventIndex, a: str, b: str) -> Page:
    a, b = _actor_code(a), _actor_code(b)
    if not a or not b or a == b:
        raise BadRequest("a dyad needs two different actor keys, e.g. ?a=RUS&b=UKR")
    label = index.names
    rows, left_out = relations.timeline(store, index, a, b)
    totals = next((d for d in relations.dyad_list(store, index, None) if {d["a"], d["b"]} == {a, b}), None)
    data = {
        "a": a,
        "b": b,
        "a_name": label.get(a, a),
        "b_name": label.get(b, b),
        "totals": totals
        or {"events": 0, "cooperation": 0, "conflict": 0, "score": 0.0, "mean": 0.0, "types": {}},
        "timeline": rows,
        "left_out": left_out,  # events the monthly timeline cannot place (no date, or only a year)
        "story": _story(store, index, a, b),
        "source": _source(store),
        "unmerged_events": relations.merge_state(store)[1],
    }
    return Page("dyad.html", data)


def _actor_code(key: str) -> str:
    # Country codes are upper case in the store (rus -> RUS); actor ids (Q7747, lb:...) are kept.
    key = key.strip()
    return key.upper() if len(key) <= 4 and key.isalpha() else key


def _story(store: StoreLike, index: relations.EventIndex, a: str, b: str) -> list[dict[str, Any]]:
    sentence_of: dict[int, int | None] = {}
    if not relations.use_relate(store):  # relate's sources carry their sentence index already
        pair = index.pair(a, b)
        starts = sentence_starts(store, {se.article_id for se in pair})
        sentence_of = {se.id: _index_of(starts.get(se.article_id, []), se.event.start) for se in pair}
    items = relations.story(store, index, a, b, sentence_of)
    for item in items:
        for src in item["sources"]:
            src["evidence_url"] = article_url(src["article_id"], src["sentence_index"])
    return items


def network(store: StoreLike, index: relations.EventIndex, min_events: int) -> Page:
    graph = relations.network(store, index, min_events=min_events)
    for node in graph["nodes"]:
        node["url"] = actor_events_url(str(node["id"]))
    for link in graph["links"]:
        link["url"] = dyad_url(str(link["source"]), str(link["target"]))
    return Page("network.html", {"min_events": min_events, "source": _source(store), **graph})


def search(store: StoreLike, query: str, limit: int) -> Page:
    if not 1 <= limit <= 200:
        raise BadRequest("limit must be between 1 and 200")
    hits = store.search(query, limit=limit) if query.strip() else []
    data = {
        "q": query,
        "hits": [{"article": article_record(row, with_body=False), "snippet": snip} for row, snip in hits],
    }
    return Page("search.html", data, {"snippets": [snippet_parts(snip) for _, snip in hits]})


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split an FTS snippet on its ``[`` ``]`` marks into (text, is_match) pieces."""
    parts: list[tuple[str, bool]] = []
    for piece in re.split(r"(\[[^\[\]]*\])", snippet):
        if piece.startswith("[") and piece.endswith("]") and len(piece) > 2:
            parts.append((piece[1:-1], True))
        elif piece:
            parts.append((piece, False))
    return parts


def storylines(
    store: StoreLike, index: relations.EventIndex, min_events: int, limit: int, items: int = 12
) -> Page:
    """The busiest dyads, each with its latest ``items`` events (the dyad page has them all)."""
    lines = relations.storylines(store, index, max(1, min_events), max(1, min(limit, 200)))
    for line in lines:
        story = _story(store, index, line["a"], line["b"])
        line["url"] = dyad_url(line["a"], line["b"])
        line["story_total"] = len(story)
        # The dyad summary knows months only; the story has the events' own days.
        days = sorted(str(item["date"]) for item in story if item.get("date"))
        if days:
            line["first"], line["last"] = days[0], days[-1]
        line["story"] = story[-items:] if items > 0 else story
    data = {"min_events": min_events, "items": items, "storylines": lines, "source": _source(store)}
    return Page("storylines.html", data)
