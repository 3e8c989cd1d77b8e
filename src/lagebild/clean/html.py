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
_TAG = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


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
    """Last resort for markup trafilatura cannot parse: text between the tags."""
    text = _TAG.sub("\n", markup)
    return htmllib.unescape(text)


def _published(markup: str, day: str | None) -> str | None:
    if not day:
        return None
    m = _META_TIME.search(markup)
    if m and m.group(1)[:10] == day[:10]:
        date = find_date(m.group(1))
        if date:
            return date.iso
    return day[:10]
