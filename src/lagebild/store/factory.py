"""Open the store a ``--db`` value names: an SQLite file (default) or a PostgreSQL URL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, Self
from urllib.parse import urlsplit, urlunsplit

from ..models import Document
from .sql import Database
from .sqlite import ActorRow, ArticleRow, EventFilter, Store, StoredEvent

if TYPE_CHECKING:
    from .postgres import PostgresStore

_URL_PREFIXES = ("postgresql://", "postgres://")


class StoreLike(Protocol):
    """What the runner, the CLI, relate and the web app use of a store; both backends offer it."""

    @property
    def path(self) -> str | Path: ...

    @property
    def readonly(self) -> bool: ...

    @property
    def db(self) -> Database:
        """The connection for queries beyond these methods (relate, web), written once for both."""
        ...

    def has_article(self, article_id: str) -> bool: ...

    def known_input(self, source: str, doc: str, size: int, mtime: float) -> bool: ...

    def write(self, doc: Document, size: int | None = None, mtime: float | None = None) -> bool: ...

    def write_many(self, items: Iterable[tuple[Document, int | None, float | None]]) -> int: ...

    def delete_article(self, article_id: str) -> None: ...

    def counts(self) -> dict[str, int]: ...

    def articles(self, limit: int | None = None) -> list[ArticleRow]: ...

    def find_article_id(self, key: str) -> str | None: ...

    def document(self, article_id: str) -> Document | None: ...

    def events(self, filters: EventFilter | None = None, order: str = "date") -> list[StoredEvent]: ...

    def actors(self) -> list[ActorRow]: ...

    def search(self, query: str, limit: int = 20) -> list[tuple[ArticleRow, str]]: ...

    def integrity_ok(self) -> bool: ...

    def unsigned_articles(self, limit: int = 1000) -> list[tuple[str, str]]: ...

    def signatures(self) -> Iterator[tuple[str, bytes, str]]: ...

    def write_duplicates(self, rows: Iterable[tuple[str, str, float, bytes]]) -> None: ...

    def duplicate_clusters(self) -> list[list[tuple[ArticleRow, float]]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


def is_postgres_url(db: str | Path) -> bool:
    """True for ``postgresql://`` / ``postgres://`` (also after a ``Path`` collapsed ``//``)."""
    text = str(db)
    return text.startswith(_URL_PREFIXES) or (
        isinstance(db, Path) and text.startswith(("postgresql:/", "postgres:/"))
    )


def redact(url: str) -> str:
    """The database name for messages and summaries: a URL without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user_part, host_part = parts.netloc.rsplit("@", 1)
    user = user_part.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host_part}"))


def _url(db: str | Path) -> str:
    text = str(db)
    if isinstance(db, Path) and not text.startswith(_URL_PREFIXES):
        # Path("postgresql://u@h/db") reads as "postgresql:/u@h/db": put the host slashes back.
        # (An empty-host URL, postgresql:///db?host=/run/x, must be passed as a str.)
        scheme, rest = text.split(":/", 1)
        text = f"{scheme}://{rest}"
    return text


def open_store(db: str | Path, readonly: bool = False) -> Store | PostgresStore:
    """The store ``db`` names: a ``postgresql://`` URL opens PostgreSQL, anything else SQLite."""
    if is_postgres_url(db):
        from .postgres import PostgresStore  # psycopg is an optional extra: import on demand

        return PostgresStore(_url(db), readonly=readonly)
    return Store(db, readonly=readonly)


def copy_articles(source: StoreLike, target: StoreLike, batch_size: int = 32) -> int:
    """Copy every article with its annotations from one store into another; returns how many were new.

    Moves a team from an SQLite file to PostgreSQL (or back) without re-running the pipeline.
    Idempotent like any write: articles the target holds already are skipped.
    """
    added = 0
    batch: list[tuple[Document, int | None, float | None]] = []
    for row in source.articles():
        doc = source.document(row.id)
        if doc is not None:
            batch.append((doc, None, None))
        if len(batch) >= batch_size:
            added += target.write_many(batch)
            batch = []
    return added + (target.write_many(batch) if batch else 0)
