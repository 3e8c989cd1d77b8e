"""RSS and Atom feeds (feedparser): each entry becomes an article.

An entry's full content (``content:encoded``/Atom content) is used when the feed carries it,
else its summary. Entries are HTML fragments, so they are cleaned as HTML. The feed's
title is the outlet; the entry's date is the publication date (feedparser normalises
RFC 822 and ISO dates to UTC).
"""

from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..models import Problem, RawArticle
from .limits import Limits


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed_bytes(data: bytes, source: str, limits: Limits) -> Iterator[RawArticle | Problem]:
    import feedparser

    try:
        parsed: Any = feedparser.parse(data)
    except ValueError as exc:  # feedparser raises on bad character references (&#xD800;, &#1114112;)
        yield Problem(source, f"not a readable feed: {exc}")
        return
    entries = list(parsed.entries)
    if not entries:
        reason = f": {parsed.bozo_exception}" if getattr(parsed, "bozo", 0) else ""
        yield Problem(source, f"not a feed, or a feed without entries{reason}")
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(entries[: limits.max_documents_per_file], start=1):
        text = _entry_text(entry)
        if not text.strip():
            yield Problem(source, f"feed entry {number} has no text", number)
            continue
        if len(text.encode("utf-8")) > limits.max_document_bytes:
            yield Problem(source, f"feed entry {number} too large for one article", number)
            continue
        link = entry.get("link")
        yield RawArticle(
            source=source,
            doc=entry.get("id") or link or f"{source}#{number}",
            text=text,
            kind="html" if "<" in text else "record",
            title=(entry.get("title") or "").strip() or None,
            url=link,
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            author=(entry.get("author") or "").strip() or None,
            line=number,
        )
    if len(entries) > limits.max_documents_per_file:
        yield Problem(source, f"stopped after {limits.max_documents_per_file} entries (limits)")


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _iso(struct: time.struct_time | None) -> str | None:
    if not struct:
        return None
    return datetime.fromtimestamp(calendar.timegm(struct), tz=UTC).strftime("%Y-%m-%dT%H:%M")
