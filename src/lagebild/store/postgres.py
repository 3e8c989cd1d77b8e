"""The team store: the same tables, guarantees and queries as the SQLite store, on PostgreSQL.

``PostgresStore`` offers the methods of ``Store`` and returns the same dataclasses, so the
runner, the CLI and the read commands work unchanged against a server several people share:

- an article and everything found in it are written in one transaction (no orphan rows);
- articles are keyed by their content hash and inserted with ``ON CONFLICT DO NOTHING``, so
  writing the same article again, or two writers racing on it, adds it once;
- read-only mode is a ``default_transaction_read_only`` session: the server refuses writes;
- full-text search uses a generated ``tsvector`` column (``german``) and ``ts_headline``, with
  matches marked ``[`` ``]`` like the SQLite snippets.

Needs psycopg 3 (``pip install 'lagebild[postgres]'``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..errors import StoreError
from ..models import Actor, Document, Mention, Sentence
from .factory import redact
from .pg_schema import PG_MIGRATIONS, PG_SCHEMA_VERSION
from .sql import Database, Row, marks, pyformat
from .sqlite import ActorRow, ArticleRow, EventFilter, StoredEvent, _event_columns, _stored_event

try:
    import psycopg
except ImportError:  # an optional extra: the SQLite store works without it
    psycopg = None  # type: ignore[assignment]

# Any constant: serialises concurrent migrations of the same database (two `lagebild run`s).
_MIGRATION_LOCK = 0x1A6EB11D

# ts_headline options that make a snippet like SQLite's snippet(..., '[', ']', ' … ', 12).
_HEADLINE = 'StartSel=[, StopSel=], MaxWords=12, MinWords=5, MaxFragments=2, FragmentDelimiter=" … "'

_ARTICLE_COLUMNS = (
    "a.id, a.doc, a.source, a.url, a.title, a.published, a.outlet, a.author, a.language, a.body"
)


class PostgresStore:
    """A lagebild store in a PostgreSQL database, given as a ``postgresql://`` URL."""

    def __init__(self, url: str, readonly: bool = False) -> None:
        if psycopg is None:
            raise StoreError(
                "the PostgreSQL store needs psycopg 3: pip install 'lagebild[postgres]' "
                "(or 'psycopg[binary]')"
            )
        self.path = url  # the runner and the CLI name the store by .path
        self.readonly = readonly
        self._lock = threading.RLock()  # one connection shared by threads (the web app)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
        try:
            if readonly:
                self.conn.execute("SET default_transaction_read_only = on")
                self._check_version()
            else:
                self._migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
        except StoreError:
            self.conn.close()
            raise
        self.db: Database = PostgresDatabase(self.conn, self._session)

    # --- schema ----------------------------------------------------------------------

    def _version(self) -> int:
        if self.conn.execute("SELECT to_regclass('meta')").fetchone() == (None,):
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self._version()
        if version == 0:
            raise StoreError(
                f"no lagebild database at {redact(self.path)}: run `lagebild run PATH --db URL` first"
            )
        if version != PG_SCHEMA_VERSION:
            raise StoreError(
                f"{redact(self.path)} has schema version {version}, this lagebild expects "
                f"{PG_SCHEMA_VERSION}: open it once with `lagebild run` to migrate"
            )

    def _migrate(self) -> None:
        # DDL is transactional in PostgreSQL: all steps and the version bump commit together.
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            version = self._version()
            if version > PG_SCHEMA_VERSION:
                raise StoreError(
                    f"{redact(self.path)} was written by a newer lagebild (schema {version}); "
                    "upgrade lagebild"
                )
            if version == 0 and self._has_tables():
                raise StoreError(
                    f"{redact(self.path)} holds other tables but is not a lagebild database: "
                    "use an empty database (or schema)"
                )
            for step in range(version, PG_SCHEMA_VERSION):
                self.conn.execute(PG_MIGRATIONS[step])  # no parameters: several statements at once
            if version < PG_SCHEMA_VERSION:
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                    (str(PG_SCHEMA_VERSION),),
                )

    def _has_tables(self) -> bool:
        row = self.conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _session(self) -> Iterator[None]:
        """One caller at a time on the connection; a lost server is a StoreError, not a traceback."""
        with self._lock:
            try:
                yield
            except psycopg.OperationalError as exc:
                raise StoreError(f"database {redact(self.path)}: {exc}") from exc
            except psycopg.DataError as exc:  # a value the server cannot hold or compare
                raise StoreError(f"database {redact(self.path)} refused a value: {exc}") from exc

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        # Several SELECTs that must agree (an article and its annotations) see one snapshot.
        with self._session(), self.conn.transaction():
            self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield

    # --- writing ---------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self._session():
            return bool(self.conn.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone())

    def known_input(self, source: str, doc: str, size: int, mtime: float) -> bool:
        """True when this input file was stored before and has not changed since."""
        with self._session():
            row = self.conn.execute(
                "SELECT size, mtime FROM inputs WHERE source = %s AND doc = %s", (source, doc)
            ).fetchone()
        return row is not None and row[0] == size and row[1] == mtime

    def write(self, doc: Document, size: int | None = None, mtime: float | None = None) -> bool:
        """Store one annotated article. Returns False when it was already stored."""
        return self.write_many([(doc, size, mtime)]) == 1

    def write_many(self, items: Iterable[tuple[Document, int | None, float | None]]) -> int:
        """Store several articles in one transaction; returns how many were new."""
        self._refuse_if_readonly()
        # Rows are locked in key order (articles, then actors, then inputs): two writers with
        # overlapping batches wait for each other but never deadlock. The sort is stable, so of two
        # copies of one article in a batch the first is kept, as in the SQLite store.
        batch = sorted(items, key=lambda item: item[0].id)
        with self._session(), self.conn.transaction():
            new = [doc for doc, _, _ in batch if self._insert_article_row(doc)]
            self._insert_annotations(new)
            with self.conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO inputs(source, doc, article_id, size, mtime) VALUES (%s, %s, %s, %s, %s) "
                    "ON CONFLICT (source, doc) DO UPDATE SET article_id = EXCLUDED.article_id, "
                    "size = EXCLUDED.size, mtime = EXCLUDED.mtime",
                    sorted(_no_nul((doc.source, doc.doc, doc.id, size, mtime)) for doc, size, mtime in batch),
                )
        return len(new)

    def _insert_article(self, doc: Document) -> bool:
        """One article and its annotations, inside the caller's transaction; False if stored before."""
        if not self._insert_article_row(doc):
            return False
        self._insert_annotations([doc])
        return True

    def _insert_article_row(self, doc: Document) -> bool:
        # ON CONFLICT DO NOTHING: a second writer racing on the same article waits, then adds nothing.
        cur = self.conn.execute(
            "INSERT INTO articles(id, doc, source, url, title, published, outlet, author, language, "
            "body, removed) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
            _no_nul(
                (
                    doc.id,
                    doc.doc,
                    doc.source,
                    doc.url,
                    doc.title,
                    doc.published,
                    doc.outlet,
                    doc.author,
                    doc.language,
                    doc.body,
                    json.dumps(list(doc.removed), ensure_ascii=False),
                )
            ),
        )
        return cur.rowcount == 1

    def _insert_annotations(self, docs: list[Document]) -> None:
        """Sentences, actors, mentions and events of newly inserted articles.

        COPY sends all rows of a batch in one stream per table: about 6x faster than one
        INSERT round trip per row (psycopg pipelines executemany, but still per statement).
        """
        if not docs:
            return
        with self.conn.cursor() as cur:
            self._insert_actors(cur, (m.actor for d in docs for m in d.mentions if m.actor is not None))
            _copy(
                cur,
                'sentences (article_id, idx, start, "end")',
                ((d.id, i, s.start, s.end) for d in docs for i, s in enumerate(d.sentences)),
            )
            _copy(
                cur,
                'mentions (article_id, idx, start, "end", text, label, actor_id, sentence_index, how)',
                (
                    (
                        d.id,
                        i,
                        m.start,
                        m.end,
                        m.text,
                        m.label,
                        m.actor.actor_id if m.actor else None,
                        m.sentence_index,
                        m.how,
                    )
                    for d in docs
                    for i, m in enumerate(d.mentions)
                ),
            )
            _copy(
                cur,
                "events (article_id, idx, type, mode, source_name, source_actor_id, source_country, "
                "source_sector, target_name, target_actor_id, target_country, target_sector, date, "
                'date_precision, modality, attributed_to, sentence, start, "end", confidence, trigger)',
                ((d.id, i, *_event_columns(e)) for d in docs for i, e in enumerate(d.events)),
            )

    @staticmethod
    def _insert_actors(cur: Any, actors: Iterable[Actor]) -> None:
        # The linker may give one actor id different attributes (a sector in one sentence, none in
        # another); the first mention's version wins, deterministically, and later ones are ignored.
        first: dict[str, tuple[Any, ...]] = {}
        for a in actors:
            first.setdefault(a.actor_id, _no_nul((a.actor_id, a.name, a.kind, a.country, a.sector)))
        # Sorted by id: two writers inserting overlapping actors lock rows in the same order.
        cur.executemany(
            "INSERT INTO actors(actor_id, name, kind, country, sector) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (actor_id) DO NOTHING",
            [first[key] for key in sorted(first)],
        )

    def delete_article(self, article_id: str) -> None:
        self._refuse_if_readonly()
        with self._session():
            self.conn.execute("DELETE FROM articles WHERE id = %s", (article_id,))

    def _refuse_if_readonly(self) -> None:
        if self.readonly:
            raise StoreError(f"{redact(self.path)} is open read-only")

    # --- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("articles", "sentences", "mentions", "actors", "events")
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables)
        with self._session():
            row = self.conn.execute(sql).fetchone()
        assert row is not None  # a SELECT without FROM returns one row
        return {t: int(n) for t, n in zip(tables, row, strict=True)}

    def articles(self, limit: int | None = None) -> list[ArticleRow]:
        sql = (
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a ORDER BY coalesce(a.published, ''), a.doc"
        )
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT %s"
            params = (limit,)
        with self._session():
            rows = self.conn.execute(sql, params).fetchall()
        return [ArticleRow(*row) for row in rows]

    def find_article_id(self, key: str) -> str | None:
        """An article id from an id, an id prefix or a doc name."""
        key = key.replace("\x00", "\ufffd")  # as stored (see _no_nul)
        with self._session():
            row = self.conn.execute(
                "SELECT id FROM articles WHERE id = %s OR doc = %s ORDER BY id LIMIT 1", (key, key)
            ).fetchone()
            if row:
                return str(row[0])
            # ILIKE: SQLite's LIKE ignores ASCII case, so a prefix matches the same rows on both.
            prefix = _like_escape(key) + "%"
            rows = self.conn.execute(
                "SELECT id FROM articles WHERE id ILIKE %s ESCAPE '\\' OR doc ILIKE %s ESCAPE '\\' LIMIT 2",
                (prefix, prefix),
            ).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def document(self, article_id: str) -> Document | None:
        """The stored article with its sentences, mentions and events."""
        with self._snapshot():
            row = self.conn.execute(
                "SELECT id, doc, source, body, title, published, outlet, author, language, url, "
                "removed FROM articles WHERE id = %s",
                (article_id,),
            ).fetchone()
            if not row:
                return None
            body = row[3]
            sentences = tuple(
                Sentence(start=s, end=e, text=body[s:e])
                for s, e in self.conn.execute(
                    'SELECT start, "end" FROM sentences WHERE article_id = %s ORDER BY idx', (article_id,)
                ).fetchall()
            )
            mentions = tuple(self._mentions(article_id))
            events = tuple(
                se.event for se in self.events(EventFilter(article_id=article_id), order="position")
            )
        return Document(
            id=row[0],
            doc=row[1],
            source=row[2],
            body=body,
            title=row[4],
            published=row[5],
            outlet=row[6],
            author=row[7],
            language=row[8],
            url=row[9],
            sentences=sentences,
            mentions=mentions,
            events=events,
            removed=tuple(json.loads(row[10])),
        )

    def _mentions(self, article_id: str) -> Iterator[Mention]:
        sql = (
            'SELECT m.start, m."end", m.text, m.label, m.sentence_index, m.how, '
            "a.actor_id, a.name, a.kind, a.country, a.sector FROM mentions m "
            "LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE m.article_id = %s ORDER BY m.idx"
        )
        for start, end, text, label, sent, how, aid, name, kind, country, sector in self.conn.execute(
            sql, (article_id,)
        ).fetchall():
            actor = Actor(aid, name, kind, country, sector) if aid else None
            yield Mention(start, end, text, label, actor, sent, how)

    def events(self, filters: EventFilter | None = None, order: str = "date") -> list[StoredEvent]:
        f = filters or EventFilter()
        where: list[str] = []
        params: list[Any] = []
        if f.actor:
            key = f.actor.replace("\x00", "")
            where.append(
                "(e.source_actor_id = %s OR e.target_actor_id = %s OR e.source_country = %s OR "
                "e.target_country = %s OR e.source_name ILIKE %s ESCAPE '\\' "
                "OR e.target_name ILIKE %s ESCAPE '\\')"
            )
            fragment = f"%{_like_escape(key)}%"
            params += [key, key, key.upper(), key.upper(), fragment, fragment]
        if f.type:
            where.append("e.type = %s")
            params.append(f.type.upper())
        if f.modality:
            where.append("e.modality = %s")
            params.append(f.modality.lower())
        if f.since:
            where.append("e.date >= %s")
            params.append(f.since)
        if f.until:
            # "2025-12" must include "2025-12-31": compare against the prefix's upper end
            # (byte order: events.date is COLLATE "C").
            where.append("e.date <= %s")
            params.append(f.until + "\uffff")
        if f.article_id:
            where.append("e.article_id = %s")
            params.append(f.article_id)
        sql = (
            "SELECT e.id, e.article_id, a.doc, e.type, e.mode, e.source_name, e.source_actor_id, "
            "e.source_country, e.source_sector, e.target_name, e.target_actor_id, e.target_country, "
            "e.target_sector, e.date, e.date_precision, e.modality, e.attributed_to, e.sentence, "
            'e.start, e."end", e.confidence, e.trigger FROM events e '
            "JOIN articles a ON a.id = e.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (
            " ORDER BY e.article_id, e.idx"
            if order == "position"
            else " ORDER BY coalesce(e.date, a.published, ''), a.doc, e.idx"
        )
        if f.limit is not None:
            sql += " LIMIT %s"
            params.append(f.limit)
        with self._session():
            rows = self.conn.execute(sql, params).fetchall()
        return [_stored_event(row) for row in rows]

    def actors(self) -> list[ActorRow]:
        sql = (
            "SELECT a.actor_id, a.name, a.kind, a.country, a.sector, count(*), "
            "count(DISTINCT m.article_id) FROM actors a JOIN mentions m ON m.actor_id = a.actor_id "
            "GROUP BY a.actor_id ORDER BY count(*) DESC, a.name"
        )
        with self._session():
            rows = self.conn.execute(sql).fetchall()
        return [
            ActorRow(Actor(aid, name, kind, country, sector), int(n), int(n_art))
            for aid, name, kind, country, sector, n, n_art in rows
        ]

    def search(self, query: str, limit: int = 20) -> list[tuple[ArticleRow, str]]:
        """Full-text search; returns articles with a highlighted snippet (``[`` ``]`` marks).

        ``plainto_tsquery`` reads the user's text as plain words (all required, like the quoted
        words of the SQLite store): operators such as ``|`` or ``!`` are never executed.
        """
        query = query.replace("\x00", " ")
        if not query.split():
            return []
        sql = (
            f"SELECT {_ARTICLE_COLUMNS}, ts_headline('german', a.body, q, %s) "
            "FROM articles a, plainto_tsquery('german', %s) AS q "
            "WHERE numnode(q) > 0 AND a.fts @@ q ORDER BY ts_rank(a.fts, q) DESC, a.id LIMIT %s"
        )
        with self._session():
            rows = self.conn.execute(sql, (_HEADLINE, query, limit)).fetchall()
        return [(ArticleRow(*row[:10]), row[10]) for row in rows]

    # --- near-duplicates -----------------------------------------------------------------

    def unsigned_articles(self, limit: int = 1000) -> list[tuple[str, str]]:
        """(id, body) of stored articles without a near-duplicate row, oldest first."""
        sql = (
            "SELECT a.id, a.body FROM articles a LEFT JOIN near_duplicates d ON d.article_id = a.id "
            "WHERE d.article_id IS NULL ORDER BY a.added_at, a.id LIMIT %s"
        )
        with self._session():
            return [(str(i), str(b)) for i, b in self.conn.execute(sql, (limit,)).fetchall()]

    def signatures(self) -> Iterator[tuple[str, bytes, str]]:
        sql = "SELECT article_id, signature, cluster_id FROM near_duplicates ORDER BY cluster_id, article_id"
        with self._session():
            rows = self.conn.execute(sql).fetchall()
        for article_id, signature, cluster_id in rows:
            yield str(article_id), bytes(signature), str(cluster_id)

    def write_duplicates(self, rows: Iterable[tuple[str, str, float, bytes]]) -> None:
        """Store (article_id, cluster_id, similarity, signature) rows."""
        self._refuse_if_readonly()
        with self._session(), self.conn.transaction():
            self.conn.cursor().executemany(
                "INSERT INTO near_duplicates(article_id, cluster_id, similarity, signature) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET "
                "cluster_id = EXCLUDED.cluster_id, similarity = EXCLUDED.similarity, "
                "signature = EXCLUDED.signature",
                list(rows),
            )

    def duplicate_clusters(self) -> list[list[tuple[ArticleRow, float]]]:
        """Clusters of two or more near-identical articles, each member with its similarity."""
        sql = (
            "SELECT a.id, a.doc, a.source, a.url, a.title, a.published, a.outlet, a.author, "
            "a.language, a.body, d.cluster_id, d.similarity FROM near_duplicates d "
            "JOIN articles a ON a.id = d.article_id WHERE d.cluster_id IN ("
            "SELECT cluster_id FROM near_duplicates GROUP BY cluster_id HAVING count(*) > 1) "
            "ORDER BY d.cluster_id, d.similarity DESC, a.id"
        )
        with self._session():
            rows = self.conn.execute(sql).fetchall()
        clusters: dict[str, list[tuple[ArticleRow, float]]] = {}
        for row in rows:
            clusters.setdefault(row[10], []).append((ArticleRow(*row[:10]), float(row[11])))
        return list(clusters.values())

    def integrity_ok(self) -> bool:
        """No annotation row without its article, no mention of an unknown actor, schema current.

        The server checks its own pages; this checks what a lagebild store promises on top.
        """
        orphans = (
            "SELECT (SELECT count(*) FROM sentences s WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = s.article_id)) "
            "+ (SELECT count(*) FROM mentions m WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = m.article_id) OR (m.actor_id IS NOT NULL AND "
            "NOT EXISTS (SELECT 1 FROM actors x WHERE x.actor_id = m.actor_id))) "
            "+ (SELECT count(*) FROM events e WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = e.article_id)) "
            "+ (SELECT count(*) FROM inputs i WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = i.article_id))"
        )
        with self._session():
            row = self.conn.execute(orphans).fetchone()
            version = self._version()
        return row is not None and row[0] == 0 and version == PG_SCHEMA_VERSION


class PostgresDatabase(Database):
    """Runs the shared SQL (``sql.py``) on the store's psycopg connection.

    Every call holds the store's session (one thread at a time on the connection; a lost server
    is a StoreError); a read-only store refuses writes here too, on the server.
    """

    backend = "postgresql"

    def __init__(self, conn: Any, session: Callable[[], AbstractContextManager[None]]) -> None:
        self.conn = conn
        self._session = session

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._session():
            return list(self.conn.execute(pyformat(sql), params).fetchall())

    def columns(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        with self._session():
            cur = self.conn.execute(pyformat(sql), params)
            return [d.name for d in cur.description], list(cur.fetchall())

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._session():
            self.conn.execute(pyformat(sql), params)

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._session(), self.conn.cursor() as cur:
            cur.executemany(pyformat(sql), [_no_nul(row) for row in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._session(), self.conn.transaction():
            yield

    def has_table(self, name: str) -> bool:
        return bool(self.scalar("SELECT to_regclass(?) IS NOT NULL", (name,)))

    def upsert(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        update = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
        return (
            f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks(len(columns))}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {update}"
        )


def _copy(cur: Any, table_columns: str, rows: Iterable[Sequence[Any]]) -> None:
    with cur.copy(f"COPY {table_columns} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(_no_nul(row))


def _no_nul(row: Sequence[Any]) -> tuple[Any, ...]:
    # PostgreSQL text cannot hold U+0000 (SQLite can): one hostile JSONL id or title must not
    # fail the whole batch. U+FFFD keeps every string the same length, so offsets stay valid.
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v for v in row)


def _like_escape(text: str) -> str:
    # User text is matched literally: its % and _ are not wildcards.
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
