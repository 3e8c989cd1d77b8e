"""The embedded store: SQLite in WAL mode with FTS5.

WAL lets another process (``lagebild serve``) read while ``lagebild run`` writes. All writes
go through ``Store.write``; an article and everything found in it are written in one
transaction, so a run killed at any moment leaves whole articles or none (no orphan rows).
Articles are keyed by their content hash: writing the same article again adds nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..models import Actor, ActorRef, Document, Event, Mention, Sentence
from .schema import MIGRATIONS, SCHEMA_VERSION
from .sql import Database, SqliteDatabase


@dataclass(frozen=True)
class ArticleRow:
    """An article as listed (without its annotations)."""

    id: str
    doc: str
    source: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    author: str | None
    language: str | None
    body: str
    n_events: int = 0


@dataclass(frozen=True)
class StoredEvent:
    id: int
    article_id: str
    doc: str
    event: Event


@dataclass(frozen=True)
class ActorRow:
    actor: Actor
    mentions: int
    articles: int


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # actor id, country code or a name fragment (either side)
    type: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive (a prefix matches: 2025-12 includes the month)
    modality: str | None = None
    article_id: str | None = None
    limit: int | None = None


class Store:
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no database at {self.path}: run `lagebild run PATH` first")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 10000")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self.db: Database = SqliteDatabase(self.conn)  # the queries relate and the web share

    # --- schema ----------------------------------------------------------------------

    def _version(self) -> int:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if not has_meta:
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self._version()
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, this lagebild expects "
                f"{SCHEMA_VERSION}: open it once with `lagebild run` to migrate"
            )

    def _migrate(self) -> None:
        version = self._version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer lagebild (schema {version}); upgrade lagebild"
            )
        if version == 0 and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite file but not a lagebild database")
        for step in range(version, SCHEMA_VERSION):
            with self.conn:
                self.conn.executescript("BEGIN;" + MIGRATIONS[step] + "COMMIT;")
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                    (str(step + 1),),
                )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone())

    def known_input(self, source: str, doc: str, size: int, mtime: float) -> bool:
        """True when this input file was stored before and has not changed since."""
        row = self.conn.execute(
            "SELECT size, mtime FROM inputs WHERE source=? AND doc=?", (source, doc)
        ).fetchone()
        return bool(row) and row[0] == size and row[1] == mtime

    def write(self, doc: Document, size: int | None = None, mtime: float | None = None) -> bool:
        """Store one annotated article. Returns False when it was already stored."""
        return self.write_many([(doc, size, mtime)]) == 1

    def write_many(self, items: Iterable[tuple[Document, int | None, float | None]]) -> int:
        """Store several articles in one transaction; returns how many were new."""
        added = 0
        with self.conn:
            for doc, size, mtime in items:
                new = self._insert_article(doc)
                added += new
                self.conn.execute(
                    "INSERT OR REPLACE INTO inputs(source, doc, article_id, size, mtime) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (doc.source, doc.doc, doc.id, size, mtime),
                )
        return added

    def _insert_article(self, doc: Document) -> bool:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles(id, doc, source, url, title, published, outlet, "
            "author, language, body, removed) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
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
            ),
        )
        if cur.rowcount == 0:
            return False
        self.conn.executemany(
            'INSERT INTO sentences(article_id, idx, start, "end") VALUES (?,?,?,?)',
            [(doc.id, i, s.start, s.end) for i, s in enumerate(doc.sentences)],
        )
        self._insert_actors(m.actor for m in doc.mentions if m.actor is not None)
        self.conn.executemany(
            'INSERT INTO mentions(article_id, idx, start, "end", text, label, actor_id, '
            "sentence_index, how) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc.id,
                    i,
                    m.start,
                    m.end,
                    m.text,
                    m.label,
                    m.actor.actor_id if m.actor else None,
                    m.sentence_index,
                    m.how,
                )
                for i, m in enumerate(doc.mentions)
            ],
        )
        self.conn.executemany(
            "INSERT INTO events(article_id, idx, type, mode, source_name, source_actor_id, "
            "source_country, source_sector, target_name, target_actor_id, target_country, "
            "target_sector, date, date_precision, modality, attributed_to, sentence, start, "
            '"end", confidence, trigger) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(doc.id, i, *_event_columns(e)) for i, e in enumerate(doc.events)],
        )
        return True

    def _insert_actors(self, actors: Iterable[Actor]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO actors(actor_id, name, kind, country, sector) VALUES (?,?,?,?,?)",
            # dict.fromkeys, not a set: the first mention's version of an actor wins, deterministically.
            list(dict.fromkeys((a.actor_id, a.name, a.kind, a.country, a.sector) for a in actors)),
        )

    def delete_article(self, article_id: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM articles WHERE id=?", (article_id,))

    # --- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("articles", "sentences", "mentions", "actors", "events")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def articles(self, limit: int | None = None) -> list[ArticleRow]:
        sql = (
            "SELECT a.id, a.doc, a.source, a.url, a.title, a.published, a.outlet, a.author, "
            "a.language, a.body, (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a ORDER BY coalesce(a.published, ''), a.doc"
        )
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        return [ArticleRow(*row) for row in self.conn.execute(sql, params)]

    def find_article_id(self, key: str) -> str | None:
        """An article id from an id, an id prefix or a doc name."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE id=? OR doc=? ORDER BY id LIMIT 1", (key, key)
        ).fetchone()
        if row:
            return str(row[0])
        prefix = key.replace("%", "").replace("_", "\\_") + "%"
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' OR doc LIKE ? ESCAPE '\\' LIMIT 2",
            (prefix, prefix),
        ).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def document(self, article_id: str) -> Document | None:
        """The stored article with its sentences, mentions and events."""
        row = self.conn.execute(
            "SELECT id, doc, source, body, title, published, outlet, author, language, url, "
            "removed FROM articles WHERE id=?",
            (article_id,),
        ).fetchone()
        if not row:
            return None
        body = row[3]
        sentences = tuple(
            Sentence(start=s, end=e, text=body[s:e])
            for s, e in self.conn.execute(
                'SELECT start, "end" FROM sentences WHERE article_id=? ORDER BY idx', (article_id,)
            )
        )
        mentions = tuple(self._mentions(article_id))
        events = tuple(se.event for se in self.events(EventFilter(article_id=article_id), order="position"))
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
            "LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE m.article_id=? ORDER BY m.idx"
        )
        for start, end, text, label, sent, how, aid, name, kind, country, sector in self.conn.execute(
            sql, (article_id,)
        ):
            actor = Actor(aid, name, kind, country, sector) if aid else None
            yield Mention(start, end, text, label, actor, sent, how)

    def events(self, filters: EventFilter | None = None, order: str = "date") -> list[StoredEvent]:
        f = filters or EventFilter()
        where: list[str] = []
        params: list[Any] = []
        if f.actor:
            key = f.actor
            where.append(
                "(e.source_actor_id = ? OR e.target_actor_id = ? OR e.source_country = ? OR "
                "e.target_country = ? OR e.source_name LIKE ? OR e.target_name LIKE ?)"
            )
            params += [key, key, key.upper(), key.upper(), f"%{key}%", f"%{key}%"]
        if f.type:
            where.append("e.type = ?")
            params.append(f.type.upper())
        if f.modality:
            where.append("e.modality = ?")
            params.append(f.modality.lower())
        if f.since:
            where.append("e.date >= ?")
            params.append(f.since)
        if f.until:
            # "2025-12" must include "2025-12-31": compare against the prefix's upper end.
            where.append("e.date <= ?")
            params.append(f.until + "\uffff")
        if f.article_id:
            where.append("e.article_id = ?")
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
            sql += " LIMIT ?"
            params.append(f.limit)
        return [_stored_event(row) for row in self.conn.execute(sql, params)]

    def actors(self) -> list[ActorRow]:
        sql = (
            "SELECT a.actor_id, a.name, a.kind, a.country, a.sector, count(*), "
            "count(DISTINCT m.article_id) FROM actors a JOIN mentions m ON m.actor_id = a.actor_id "
            "GROUP BY a.actor_id ORDER BY count(*) DESC, a.name"
        )
        return [
            ActorRow(Actor(aid, name, kind, country, sector), n, n_art)
            for aid, name, kind, country, sector, n, n_art in self.conn.execute(sql)
        ]

    def search(self, query: str, limit: int = 20) -> list[tuple[ArticleRow, str]]:
        """Full-text search; returns articles with a highlighted snippet (``[`` ``]`` marks)."""
        fts_query = _fts_query(query)
        if not fts_query:
            return []
        sql = (
            "SELECT a.id, a.doc, a.source, a.url, a.title, a.published, a.outlet, a.author, "
            "a.language, a.body, snippet(articles_fts, 1, '[', ']', ' … ', 12) "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, (fts_query, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}") from exc
        return [(ArticleRow(*row[:10]), row[10]) for row in rows]

    # --- near-duplicates -----------------------------------------------------------------

    def unsigned_articles(self, limit: int = 1000) -> list[tuple[str, str]]:
        """(id, body) of stored articles without a near-duplicate row, oldest first."""
        sql = (
            "SELECT a.id, a.body FROM articles a LEFT JOIN near_duplicates d ON d.article_id = a.id "
            "WHERE d.article_id IS NULL ORDER BY a.added_at, a.id LIMIT ?"
        )
        return [(str(i), str(b)) for i, b in self.conn.execute(sql, (limit,))]

    def signatures(self) -> Iterator[tuple[str, bytes, str]]:
        sql = "SELECT article_id, signature, cluster_id FROM near_duplicates ORDER BY rowid"
        for article_id, signature, cluster_id in self.conn.execute(sql):
            yield str(article_id), bytes(signature), str(cluster_id)

    def write_duplicates(self, rows: Iterable[tuple[str, str, float, bytes]]) -> None:
        """Store (article_id, cluster_id, similarity, signature) rows."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO near_duplicates(article_id, cluster_id, similarity, signature) "
                "VALUES (?, ?, ?, ?)",
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
        clusters: dict[str, list[tuple[ArticleRow, float]]] = {}
        for row in self.conn.execute(sql):
            clusters.setdefault(row[10], []).append((ArticleRow(*row[:10]), float(row[11])))
        return list(clusters.values())

    def integrity_ok(self) -> bool:
        return bool(self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _fts_query(query: str) -> str:
    # Quote every word: user text must never be parsed as FTS5 syntax (AND, NEAR, column:...).
    words = [w for w in query.replace('"', " ").split() if w]
    return " ".join(f'"{w}"' for w in words)


def _ref_columns(ref: ActorRef | None) -> tuple[str | None, ...]:
    if ref is None:
        return (None, None, None, None)
    return (ref.name, ref.actor_id, ref.country, ref.sector)


def _event_columns(e: Event) -> Sequence[Any]:
    return (
        e.type,
        e.mode,
        *_ref_columns(e.source),
        *_ref_columns(e.target),
        e.date,
        e.date_precision,
        e.modality,
        e.attributed_to,
        e.sentence,
        e.start,
        e.end,
        e.confidence,
        e.trigger,
    )


def _ref(name: str | None, aid: str | None, country: str | None, sector: str | None) -> ActorRef | None:
    if name is None and aid is None and country is None:
        return None
    return ActorRef(name=name or "", actor_id=aid, country=country, sector=sector)


def _stored_event(row: Sequence[Any]) -> StoredEvent:
    (
        eid,
        article_id,
        doc,
        etype,
        mode,
        sn,
        sa,
        sc,
        ss,
        tn,
        ta,
        tc,
        ts,
        date,
        prec,
        modality,
        attributed,
        sentence,
        start,
        end,
        confidence,
        trigger,
    ) = row
    event = Event(
        type=etype,
        source=_ref(sn, sa, sc, ss),
        target=_ref(tn, ta, tc, ts),
        modality=modality,
        sentence=sentence,
        start=start,
        end=end,
        mode=mode,
        date=date,
        date_precision=prec,
        attributed_to=attributed,
        confidence=confidence,
        trigger=trigger,
    )
    return StoredEvent(eid, article_id, doc, event)
