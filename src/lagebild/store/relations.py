"""Reads and writes of the merged-event tables (schema migration 2) for ``lagebild.relate``.

``merged_events`` holds one row per real-world event, ``event_mentions`` ties every raw
``events`` row (one per article sentence) to the merged event it reports. ``relate.merge``
decides the grouping; this module only moves rows in and out of the store, in one transaction
per call, so a reader (``lagebild serve``) never sees half a merge. Every query is written once
and runs on both backends through ``store.db`` (see ``sql.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from typing import Any

from ..errors import LagebildError
from .factory import StoreLike
from .sql import marks


class QueryError(LagebildError):
    """A relations query was asked for something that does not exist (bad level or period)."""

    exit_code = 2


@dataclass(frozen=True)
class EventRow:
    """A raw event as merging needs it: the event, where it was said and by which outlet."""

    event_id: int
    article_id: str
    idx: int
    type: str
    mode: str | None
    source_name: str | None
    source_actor_id: str | None
    source_country: str | None
    target_name: str | None
    target_actor_id: str | None
    target_country: str | None
    date: str | None
    date_precision: str | None
    modality: str
    attributed_to: str | None
    sentence: str
    confidence: float
    published: str | None
    outlet: str | None
    sentence_index: int | None
    title: str | None = None
    copy_of: str | None = None  # near-duplicate cluster id when the text also ran elsewhere


@dataclass(frozen=True)
class MergedRow:
    """One ``merged_events`` row (column order = table order)."""

    id: str
    block: str
    type: str
    mode: str | None
    symmetric: int
    source_name: str | None
    source_actor_id: str | None
    source_country: str | None
    target_name: str | None
    target_actor_id: str | None
    target_country: str | None
    date: str | None
    date_precision: str | None
    day: str | None
    day_source: str | None
    modality: str
    attributed_to: str | None
    evidence: str
    n_mentions: int
    n_articles: int
    n_sources: int
    confidence: float
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True)
class MentionRow:
    """One ``event_mentions`` row."""

    event_id: int
    merged_id: str
    article_id: str
    sentence_index: int | None
    outlet: str | None
    published: str | None
    modality: str
    attributed_to: str | None
    similarity: float


MERGED_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(MergedRow))
MENTION_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(MentionRow))
# As written in SQL: "symmetric" is a reserved word in PostgreSQL (SQLite accepts the quotes).
_MERGED_SQL_COLUMNS: tuple[str, ...] = tuple(f'"{c}"' if c == "symmetric" else c for c in MERGED_COLUMNS)
_MERGED_SELECT = ", ".join(f"m.{c}" for c in _MERGED_SQL_COLUMNS)

# The sentence index is looked up from the stored sentence offsets: the last sentence that
# starts at or before the event's sentence (sentences are few per article, the scan is cheap).
_EVENT_ROWS_SQL = (
    "SELECT e.id, e.article_id, e.idx, e.type, e.mode, e.source_name, e.source_actor_id, "
    "e.source_country, e.target_name, e.target_actor_id, e.target_country, e.date, "
    "e.date_precision, e.modality, e.attributed_to, e.sentence, e.confidence, a.published, "
    "a.outlet, (SELECT max(s.idx) FROM sentences s WHERE s.article_id = e.article_id "
    "AND s.start <= e.start), a.title FROM events e JOIN articles a ON a.id = e.article_id"
)


# Syndicated copies (one agency text in several outlets) are one source, not several. The
# near-duplicate clusters come from clean/duplicates.py (table ``near_duplicates``); an article
# counts as a copy when its cluster has more than one member.
_COPY_SQL = (
    ", (SELECT nd.cluster_id FROM near_duplicates nd WHERE nd.article_id = e.article_id "
    "AND (nd.cluster_id != nd.article_id OR EXISTS (SELECT 1 FROM near_duplicates n2 "
    "WHERE n2.cluster_id = nd.cluster_id AND n2.article_id != nd.article_id)))"
)


def event_rows(store: StoreLike) -> list[EventRow]:
    """Every raw event with its article's publication date, outlet and syndication cluster."""
    if store.db.has_table("near_duplicates"):
        select, tail = _EVENT_ROWS_SQL.split(" FROM events e ", 1)
        sql = select + _COPY_SQL + " FROM events e " + tail
    else:
        sql = _EVENT_ROWS_SQL
    return [EventRow(*row) for row in store.db.rows(sql)]


def assigned_event_ids(store: StoreLike) -> set[int]:
    return {row[0] for row in store.db.rows("SELECT event_id FROM event_mentions")}


def block_sizes(store: StoreLike) -> dict[str, int]:
    """Per block: how many mentions the stored merged events claim to have."""
    sql = "SELECT block, sum(n_mentions) FROM merged_events GROUP BY block"
    return {block: int(n) for block, n in store.db.rows(sql)}


def block_mention_counts(store: StoreLike) -> dict[str, int]:
    """Per block: how many event_mentions rows still exist (deleted articles cascade here)."""
    sql = (
        "SELECT m.block, count(*) FROM event_mentions em JOIN merged_events m "
        "ON m.id = em.merged_id GROUP BY m.block"
    )
    return {block: int(n) for block, n in store.db.rows(sql)}


def unmerged_counts(store: StoreLike) -> tuple[int, int, int]:
    """(raw events, event_mentions rows, mentions the merged events claim): ``relate.pending``."""
    row = store.db.rows(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_mentions), "
        "(SELECT coalesce(sum(n_mentions), 0) FROM merged_events)"
    )[0]
    return int(row[0]), int(row[1]), int(row[2])


def merge_state(store: StoreLike) -> tuple[int, int]:
    """(merged events, raw events not yet merged) — (0, 0) for a store without merge tables."""
    if not (store.db.has_table("merged_events") and store.db.has_table("event_mentions")):
        return 0, 0
    row = store.db.rows(
        "SELECT (SELECT count(*) FROM merged_events), "
        "(SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_mentions))"
    )[0]
    return int(row[0]), int(row[1])


def replace_blocks(
    store: StoreLike, blocks: Iterable[str], merged: Sequence[MergedRow], mentions: Sequence[MentionRow]
) -> None:
    """Swap the merged events of ``blocks`` for new ones, atomically."""
    block_list = sorted(set(blocks))
    db = store.db
    with db.transaction():
        # Chunked: SQLite limits the number of bound parameters per statement.
        for i in range(0, len(block_list), 500):
            chunk = block_list[i : i + 500]
            db.execute(f"DELETE FROM merged_events WHERE block IN ({marks(len(chunk))})", chunk)
        db.many(
            f"INSERT INTO merged_events({', '.join(_MERGED_SQL_COLUMNS)}) "
            f"VALUES ({marks(len(MERGED_COLUMNS))})",
            [astuple(m) for m in merged],
        )
        db.many(
            db.upsert("event_mentions", MENTION_COLUMNS, ("event_id",)),
            [astuple(m) for m in mentions],
        )
        refresh_dyad_months(store, block_list)


def refresh_dyad_months(store: StoreLike, blocks: Sequence[str]) -> None:
    """Recount ``dyad_months`` for these blocks from their merged events (inside the caller's
    transaction). Events without any day get month '' (counted by the network, in no timeline)."""
    for i in range(0, len(blocks), 500):
        chunk = list(blocks[i : i + 500])
        in_chunk = marks(len(chunk))
        store.db.execute(f"DELETE FROM dyad_months WHERE block IN ({in_chunk})", chunk)
        for level in ("country", "actor"):
            src, tgt = _side_columns(level)
            store.db.execute(
                "INSERT INTO dyad_months(block, level, source, target, month, type, mode, modality, "
                f"n_events, n_sources) SELECT block, '{level}', {src}, {tgt}, "
                "coalesce(substr(day, 1, 7), ''), type, mode, modality, count(*), sum(n_sources) "
                f"FROM merged_events WHERE block IN ({in_chunk}) AND {src} IS NOT NULL "
                f"AND {tgt} IS NOT NULL GROUP BY block, 3, 4, 5, type, mode, modality",
                chunk,
            )


def clear(store: StoreLike) -> None:
    with store.db.transaction():
        store.db.execute("DELETE FROM dyad_months")
        store.db.execute("DELETE FROM event_mentions")
        store.db.execute("DELETE FROM merged_events")


def _side_columns(level: str) -> tuple[str, str]:
    if level == "country":
        return "source_country", "target_country"
    if level == "actor":
        return "source_actor_id", "target_actor_id"
    raise QueryError(f"level must be 'country' or 'actor', not {level!r}")


def _range_clause(column: str, since: str | None, until: str | None, params: list[Any]) -> str:
    """Inclusive ISO range; ``until`` may be a prefix ("2025-12" includes the whole month)."""
    sql = ""
    if since:
        sql += f" AND {column} >= ?"
        params.append(since)
    if until:
        sql += f" AND {column} <= ?"
        params.append(until + "\uffff")
    return sql


def _modality_clause(modalities: Sequence[str] | None, params: list[Any]) -> str:
    if not modalities:
        return ""
    params.extend(modalities)
    return f" AND m.modality IN ({marks(len(modalities))})"


def dyad_rows(
    store: StoreLike,
    a: str,
    b: str,
    level: str = "country",
    directed: bool = False,
    modalities: Sequence[str] | None = None,
    prefix: int = 10,
    since: str | None = None,
    until: str | None = None,
) -> list[tuple[str, str, str | None, str, int, int]]:
    """(day prefix, type, mode, direction, n_events, n_sources) grouped rows of one dyad.

    ``prefix`` is how many characters of the day to group by (10 day, 7 month, 4 year); events
    whose day is shorter (coarser) or missing are left out — ``dyad_coarse`` counts them.
    ``direction`` is ``"ab"`` or ``"ba"``. One range lookup per direction on the covering index
    (UNION ALL, not OR, so SQLite uses the index for both directions).
    """
    src, tgt = _side_columns(level)
    parts: list[str] = []
    params: list[Any] = []
    directions = [("ab", a, b)]
    if not directed and a != b:
        directions.append(("ba", b, a))
    for label, x, y in directions:
        sql = (
            f"SELECT substr(m.day, 1, {int(prefix)}), m.type, m.mode, '{label}', count(*), "
            f"sum(m.n_sources) FROM merged_events m WHERE m.{src} = ? AND m.{tgt} = ? "
            f"AND length(m.day) >= {int(prefix)}"
        )
        params += [x, y]
        sql += _range_clause("m.day", since, until, params)
        sql += _modality_clause(modalities, params)
        sql += " GROUP BY 1, m.type, m.mode"
        parts.append(sql)
    return [tuple(r) for r in store.db.rows(" UNION ALL ".join(parts), params)]


def dyad_month_rows(
    store: StoreLike,
    a: str,
    b: str,
    level: str = "country",
    directed: bool = False,
    modalities: Sequence[str] | None = None,
    prefix: int = 7,
    since: str | None = None,
    until: str | None = None,
) -> list[tuple[str, str, str | None, str, int, int]]:
    """Like ``dyad_rows`` for months (prefix 7) or years (4), from the pre-grouped ``dyad_months``."""
    _side_columns(level)  # validates the level
    parts: list[str] = []
    params: list[Any] = []
    directions = [("ab", a, b)]
    if not directed and a != b:
        directions.append(("ba", b, a))
    for label, x, y in directions:
        sql = (
            f"SELECT substr(m.month, 1, {int(prefix)}), m.type, m.mode, '{label}', sum(m.n_events), "
            f"sum(m.n_sources) FROM dyad_months m WHERE m.level = ? AND m.source = ? AND m.target = ? "
            f"AND length(m.month) >= {int(prefix)}"
        )
        params += [level, x, y]
        sql += _range_clause("m.month", since[:7] if since else None, until, params)
        sql += _modality_clause(modalities, params)
        sql += " GROUP BY 1, m.type, m.mode"
        parts.append(sql)
    return [tuple(r) for r in store.db.rows(" UNION ALL ".join(parts), params)]


def dyad_coarse(
    store: StoreLike,
    a: str,
    b: str,
    level: str = "country",
    directed: bool = False,
    modalities: Sequence[str] | None = None,
    prefix: int = 10,
) -> int:
    """How many events of the dyad ``dyad_rows(..., prefix)`` leaves out (undated or coarser)."""
    src, tgt = _side_columns(level)
    total = 0
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    for x, y in pairs:
        params: list[Any] = [x, y]
        sql = (
            f"SELECT count(*) FROM merged_events m WHERE m.{src} = ? AND m.{tgt} = ? "
            f"AND (m.day IS NULL OR length(m.day) < {int(prefix)})"
        )
        sql += _modality_clause(modalities, params)
        total += store.db.scalar(sql, params)
    return int(total)


def pair_rows(
    store: StoreLike,
    since: str | None = None,
    level: str = "country",
    modalities: Sequence[str] | None = None,
) -> list[tuple[str, str, str, str | None, int, int, str | None, str | None]]:
    """(source, target, type, mode, n_events, n_sources, first_month, last_month) for every pair."""
    src, tgt = _side_columns(level)
    params: list[Any] = []
    if since is None or len(since) <= 7 or since[8:10] == "01":
        # Month-aligned: the pre-grouped monthly counts give the same answer much faster.
        sql = (
            "SELECT m.source, m.target, m.type, m.mode, sum(m.n_events), sum(m.n_sources), "
            "min(nullif(m.month, '')), max(nullif(m.month, '')) FROM dyad_months m "
            "WHERE m.level = ? AND m.source != m.target"
        )
        params.append(level)
        if since:
            sql += " AND m.month >= ?"
            params.append(since[:7])
        sql += _modality_clause(modalities, params)
        sql += " GROUP BY m.source, m.target, m.type, m.mode"
        return [tuple(r) for r in store.db.rows(sql, params)]
    sql = (
        f"SELECT m.{src}, m.{tgt}, m.type, m.mode, count(*), sum(m.n_sources), substr(min(m.day), 1, 7), "
        f"substr(max(m.day), 1, 7) FROM merged_events m WHERE m.{src} IS NOT NULL AND m.{tgt} IS NOT NULL "
        f"AND m.{src} != m.{tgt}"
    )
    if since:
        sql += " AND m.day >= ?"
        params.append(since)
    sql += _modality_clause(modalities, params)
    sql += f" GROUP BY m.{src}, m.{tgt}, m.type, m.mode"
    return [tuple(r) for r in store.db.rows(sql, params)]


def merged_between(
    store: StoreLike,
    a: str,
    b: str,
    level: str = "country",
    modalities: Sequence[str] | None = None,
) -> list[MergedRow]:
    """Merged events between ``a`` and ``b`` in either direction (unordered)."""
    src, tgt = _side_columns(level)
    parts: list[str] = []
    params: list[Any] = []
    pairs = [(a, b)] if a == b else [(a, b), (b, a)]
    for x, y in pairs:
        sql = f"SELECT {_MERGED_SELECT} FROM merged_events m WHERE m.{src} = ? AND m.{tgt} = ?"
        params += [x, y]
        sql += _modality_clause(modalities, params)
        parts.append(sql)
    return [MergedRow(*row) for row in store.db.rows(" UNION ALL ".join(parts), params)]


@dataclass(frozen=True)
class SourceRow:
    """A mention of a merged event with what a reader needs to find it."""

    merged_id: str
    event_id: int
    article_id: str
    doc: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    sentence_index: int | None
    sentence: str
    modality: str
    attributed_to: str | None
    type: str
    date: str | None
    similarity: float


def sources_of(store: StoreLike, merged_ids: Sequence[str]) -> dict[str, list[SourceRow]]:
    """The mentions of each merged event, earliest publication first."""
    out: dict[str, list[SourceRow]] = {mid: [] for mid in merged_ids}
    for i in range(0, len(merged_ids), 500):
        chunk = list(merged_ids[i : i + 500])
        sql = (
            "SELECT em.merged_id, em.event_id, em.article_id, a.doc, a.title, a.url, em.outlet, "
            "em.published, em.sentence_index, e.sentence, em.modality, em.attributed_to, e.type, "
            "e.date, em.similarity FROM event_mentions em JOIN events e ON e.id = em.event_id "
            f"JOIN articles a ON a.id = em.article_id WHERE em.merged_id IN ({marks(len(chunk))}) "
            "ORDER BY coalesce(em.published, '\uffff'), em.article_id, e.idx"
        )
        for row in store.db.rows(sql, chunk):
            out[row[0]].append(SourceRow(*row))
    return out


def table_rows(
    store: StoreLike, sql: str, params: Sequence[Any] = ()
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of a query (for exports)."""
    names, rows = store.db.columns(sql, params)
    return names, [tuple(r) for r in rows]


def sentence_starts(store: StoreLike, article_ids: Iterable[str]) -> dict[str, list[int]]:
    """The start offsets of each article's sentences, in order (the web's evidence links).

    Loading whole documents for a list of events would be far slower.
    """
    ids = sorted(article_ids)
    starts: dict[str, list[int]] = {aid: [] for aid in ids}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        sql = (
            f"SELECT article_id, start FROM sentences WHERE article_id IN ({marks(len(chunk))}) "
            "ORDER BY article_id, idx"
        )
        for aid, start in store.db.rows(sql, chunk):
            starts[aid].append(start)
    return starts
