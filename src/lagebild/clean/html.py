"""Main text and metadata of an HTML page with trafilatura, reader comments excluded."""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass

from ..errors import InputError
from .dates import find_date

log = logging.getLogger(__name__)

# trafilatura (htmldate) gives the day only; the page's own meta tag may carry the minute.
_META_TIME = re.compile(
    r"""(?:article:published_time|datePublished|pubdate|publishdate|date\.issued|dc\.date)"""
    r"""["']?\s*(?:content|:)\s*=?\s*["'](\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})""",
    re.IGNORECASE,
)
# strip_tags removes what the regex <(script|style|noscript)\b.*?</\1\s*>|<[^>]*> (DOTALL,
# IGNORECASE) matches, but scans by hand: the regex rescans to the end from every '<' (or
# "<script") that has no end after it, O(n^2) (300,000 '<': ~60 s).
_RAW_OPEN = re.compile(r"<(script|style|noscript)\b", re.IGNORECASE)
_RAW_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style", "noscript")}


@dataclass(frozen=True)
class HtmlExtract:
    text: str  # main text, one paragraph per line
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    url: str | None
    extracted: bool = True  # False: trafilatura found nothing, ``text`` is the tag-stripped page


def extract_html(source: str, markup: str, url: str | None = None) -> HtmlExtract:
    """The article text of ``markup``; raises InputError when there is none."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            markup,
            url=url,
            include_comments=False,
            with_metadata=True,
            # Only dates the page declares (meta tags, time elements): htmldate's extensive
            # search would take any date printed in the text, which may be an event date.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        found = result.as_dict() if result is not None and hasattr(result, "as_dict") else result
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        log.debug("trafilatura failed on %s: %s", source, exc)
        found = None
    if not isinstance(found, dict) or not str(found.get("text") or "").strip():
        text = strip_tags(markup)
        if not text.strip():
            raise InputError(source, "HTML page has no readable text (broken or empty markup)")
        return HtmlExtract(text, None, None, None, None, url, extracted=False)
    return HtmlExtract(
        text=str(found["text"]),
        title=found.get("title") or None,
        published=_published(markup, found.get("date")),
        outlet=found.get("sitename") or None,
        author=found.get("author") or None,
        url=found.get("url") or url,
    )


def strip_tags(markup: str) -> str:
    """Last resort for markup trafilatura cannot parse: text between the tags.

    Each tag, and each script/style/noscript element whole, becomes a line break.
    """
    parts: list[str] = []
    closes: dict[str, tuple[int, int] | None] = {}
    pos = 0
    start = markup.find("<")
    while start >= 0:
        end = _tag_end(markup, start, closes)
        if end < 0:
            break  # no '>' after this '<', so none after any later one: the rest is text
        parts += (markup[pos:start], "\n")
        pos = end
        start = markup.find("<", pos)
    parts.append(markup[pos:])
    return htmllib.unescape("".join(parts))


def _tag_end(markup: str, start: int, closes: dict[str, tuple[int, int] | None]) -> int:
    """End of the tag (or raw-text element) that opens at ``start``; -1 if none does."""
    raw = _RAW_OPEN.match(markup, start)
    if raw:
        end = _close_after(markup, raw.group(1).lower(), raw.end(), closes)
        if end >= 0:
            return end
    gt = markup.find(">", start + 1)
    return gt + 1 if gt >= 0 else -1


def _close_after(markup: str, name: str, pos: int, closes: dict[str, tuple[int, int] | None]) -> int:
    """End of the first ``</name>`` at or after ``pos``; -1 if there is none.

    ``closes`` keeps the last one found (None: none left) so that a thousand unclosed
    "<script" do not search to the end a thousand times.
    """
    if name in closes:
        hit = closes[name]
        if hit is None:
            return -1  # none after an earlier position, so none after this one
        if hit[0] >= pos:
            return hit[1]
    m = _RAW_CLOSE[name].search(markup, pos)
    closes[name] = (m.start(), m.end()) if m else None
    return m.end() if m else -1


def _published(markup: str, day: str | None) -> str | None:
    if not day:
        return None
    m = _META_TIME.search(markup)
    if m and m.group(1)[:10] == day[:10]:
        date = find_date(m.group(1))
        if date:
            return date.iso
    return day[:10]
