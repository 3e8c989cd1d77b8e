"""Cleaning: RawArticle -> Document (body without boilerplate, metadata, language)."""

from __future__ import annotations

from ..models import Document, RawArticle, content_id


def clean(raw: RawArticle) -> Document:
    # Placeholder until the boilerplate remover lands: keeps the text as it is.
    body = raw.text.strip()
    return Document(id=content_id(raw.title, body), doc=raw.doc, source=raw.source, body=body,
                    title=raw.title, published=raw.published, outlet=raw.outlet,
                    author=raw.author, url=raw.url)
