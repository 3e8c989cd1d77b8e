"""Cleaning: RawArticle -> Document (body without boilerplate, metadata, language).

``clean`` dispatches on ``RawArticle.kind``:

* ``"text"``: a page saved as plain text; boilerplate is separated line by line
  (``boilerplate.split_body``) and metadata read from the page head (``metadata``);
* ``"html"``: trafilatura extracts the main text (comments excluded) and the metadata, then
  the same line classifier drops what trafilatura kept of captions and "Lesen Sie auch";
* ``"record"``: the text is already the body; only whitespace is normalised.

Values the reader supplies (``raw.title``, ``raw.published``, ...) win over detected ones.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import InputError
from ..models import Document, RawArticle, content_id
from .boilerplate import Split, split_body
from .html import extract_html
from .language import detect_language
from .metadata import PageMeta, page_meta
from .normalize import paragraphs_of

__all__ = ["clean", "clean_text", "split_body", "Split", "PageMeta", "detect_language"]

PARAGRAPH_BREAK = "\n\n"
_LETTER = re.compile(r"[^\W\d_]")


def clean(raw: RawArticle) -> Document:
    """Clean one article; raises InputError when no article text is left."""
    if not raw.text.strip():
        raise InputError(raw.source, "empty input: the file or record has no text", raw.line)
    if raw.kind == "record":
        body = PARAGRAPH_BREAK.join(paragraphs_of(raw.text))
        return _document(raw, body, PageMeta(), ())
    if raw.kind == "html":
        return _clean_html(raw)
    if raw.kind == "text":
        split, meta = clean_text(raw.text)
        return _document(raw, PARAGRAPH_BREAK.join(split.body), meta, split.removed)
    raise InputError(raw.source, f"unknown article kind {raw.kind!r}", raw.line)


def clean_text(text: str) -> tuple[Split, PageMeta]:
    """Body/boilerplate split and metadata of a plain-text page (for ``show`` and tests)."""
    split = split_body(text)
    return split, page_meta(split)


def _clean_html(raw: RawArticle) -> Document:
    found = extract_html(raw.source, raw.text, raw.url)
    split = split_body(found.text, extracted=found.extracted)
    body = PARAGRAPH_BREAK.join(split.body)
    if not body and found.extracted:
        # The classifier found no prose: trust trafilatura rather than return nothing -- if
        # what it kept has a sentence at all (a page of menu links has none)
        paragraphs = paragraphs_of(found.text)
        if any(_is_sentence(p) for p in paragraphs):
            body = PARAGRAPH_BREAK.join(paragraphs)
    if found.title:
        body = _drop_leading_title(body, found.title)
    text_meta = page_meta(split)
    meta = PageMeta(
        title=found.title or text_meta.title,
        published=found.published or text_meta.published,
        author=found.author or text_meta.author,
        outlet=found.outlet or text_meta.outlet,
    )
    doc = _document(raw, body, meta, split.removed)
    return doc if doc.url else _with_url(doc, found.url)


_SENTENCE_END = re.compile(r"[.!?…][\"“”«»')]*(?:\s|$)")


def _is_sentence(paragraph: str) -> bool:
    """A paragraph of at least five words with a sentence-final mark."""
    return len(paragraph.split()) >= 5 and _SENTENCE_END.search(paragraph) is not None


def _with_url(doc: Document, url: str | None) -> Document:
    return replace(doc, url=url) if url else doc


def _drop_leading_title(body: str, title: str) -> str:
    first, _, rest = body.partition(PARAGRAPH_BREAK)
    return rest if first.strip() == title.strip() and rest else body


def _document(raw: RawArticle, body: str, meta: PageMeta, removed: tuple[str, ...]) -> Document:
    if not _LETTER.search(body):
        what = "record has no text" if raw.kind == "record" else "no article body found"
        detail = "" if raw.kind == "record" else " (the page is only navigation/boilerplate)"
        raise InputError(raw.source, what + detail, raw.line)
    title = raw.title or meta.title
    return Document(
        id=content_id(title, body),
        doc=raw.doc,
        source=raw.source,
        body=body,
        title=title,
        published=raw.published or meta.published,
        outlet=raw.outlet or meta.outlet,
        author=raw.author or meta.author,
        language=detect_language(body),
        url=raw.url,
        removed=removed,
    )
