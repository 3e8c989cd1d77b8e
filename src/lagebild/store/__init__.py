"""Storage: the single writer and the queries over stored articles, mentions and events."""

from __future__ import annotations

from .factory import StoreLike, copy_articles, is_postgres_url, open_store, redact
from .schema import SCHEMA_VERSION
from .sql import Database
from .sqlite import ActorRow, ArticleRow, EventFilter, Store, StoredEvent

__all__ = [
    "SCHEMA_VERSION",
    "ActorRow",
    "ArticleRow",
    "Database",
    "EventFilter",
    "Store",
    "StoreLike",
    "StoredEvent",
    "copy_articles",
    "is_postgres_url",
    "open_store",
    "redact",
]
