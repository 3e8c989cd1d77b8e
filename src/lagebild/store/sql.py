"""Backend-neutral SQL: a query is written once and runs on the SQLite and the PostgreSQL store.

``lagebild.relate`` and the web views query tables the ``StoreLike`` methods do not cover
(merged events, dyad counts, sentence offsets). They write each query once, in the SQL both
databases understand, with SQLite's ``?`` placeholders, and run it through ``store.db``: a
``Database`` that executes it as written on SQLite (``SqliteDatabase``) and with psycopg's
``%s`` placeholders on PostgreSQL (``PostgresDatabase`` in ``postgres.py``). The few statements
that cannot be written once are methods that know both spellings: ``upsert`` (``INSERT OR
REPLACE`` / ``ON CONFLICT ... DO UPDATE``) and ``has_table`` (``sqlite_master`` /
``to_regclass``).

What the shared SQL relies on to give the same rows on both: ``substr``, ``length``,
``coalesce``, ``nullif``, ``min``/``max`` and ``GROUP BY`` by position mean the same in both;
text keys and ISO dates compare in byte order (SQLite's default, ``COLLATE "C"`` in
``pg_schema.py``); counts and sums of integer columns come back as Python ints. Dates stay ISO
text and are cut with ``substr``, so no date function is needed. Reserved words of either
dialect are double-quoted (``"end"``, ``"symmetric"``), which both accept.
"""

from __future__ import annotations

import re
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any, ClassVar

Row = tuple[Any, ...]

# A single-quoted SQL literal ('' is an escaped quote inside it).
_LITERAL = re.compile(r"('(?:[^']|'')*')")


@lru_cache(maxsize=512)
def pyformat(sql: str) -> str:
    """``sql`` with ``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` as ``%%``).

    Text inside single-quoted literals keeps its ``?``; the shared queries put no ``?`` in
    identifiers or comments.
    """
    parts = _LITERAL.split(sql)
    return "".join(
        part.replace("%", "%%") if i % 2 else part.replace("%", "%%").replace("?", "%s")
        for i, part in enumerate(parts)
    )


class Database(ABC):
    """A store's connection as the shared queries use it (``?`` placeholders, tuples back)."""

    backend: ClassVar[str]  # "sqlite" | "postgresql"

    @abstractmethod
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """All rows of a query."""

    @abstractmethod
    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        """Column names and all rows of a query."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """A statement without result rows (INSERT, DELETE)."""

    @abstractmethod
    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """One statement for each parameter row."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Everything inside commits together or not at all (a reader never sees half)."""

    @abstractmethod
    def has_table(self, name: str) -> bool: ...

    @abstractmethod
    def upsert(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """An INSERT (``?`` placeholders) that replaces the row with the same ``key``."""

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None without rows)."""
        found = self.rows(sql, params)
        return found[0][0] if found else None


def marks(n: int) -> str:
    """``?,?,…`` for an IN list or VALUES of ``n`` values."""
    return ",".join("?" * n)


class SqliteDatabase(Database):
    """Runs the shared SQL on an ``sqlite3`` connection, exactly as written."""

    backend = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(sql, params).fetchall()

    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        cur = self.conn.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, params)

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn:
            yield

    def has_table(self, name: str) -> bool:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.conn.execute(sql, (name,)).fetchone() is not None

    def upsert(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        # SQLite resolves the conflict on any unique key; ``key`` names it for PostgreSQL.
        return f"INSERT OR REPLACE INTO {table}({', '.join(columns)}) VALUES ({marks(len(columns))})"
