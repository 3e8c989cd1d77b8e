"""The SQLite store: idempotent writes, whole-article transactions, queries, FTS, the shared SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lagebild.errors import StoreError
from lagebild.models import ActorRef, Document, Event
from lagebild.store import SCHEMA_VERSION, EventFilter, Store
from lagebild.store.sql import pyformat
from sample_docs import BODY, PUTIN, exercise_shared_sql
from sample_docs import sample_doc as _doc


def test_roundtrip_and_idempotent_write(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.write(_doc()) is True
        assert store.write(_doc()) is False
        assert store.counts() == {"articles": 1, "sentences": 2, "mentions": 2, "actors": 1, "events": 2}
        doc = store.document("d1")
    assert doc is not None
    assert doc.body == BODY and doc.sentences[1].text.startswith("Russland")
    assert doc.mentions[0].actor == PUTIN and doc.mentions[1].actor is None
    assert [e.type for e in doc.events] == ["CONSULT", "SUPPORT"]
    assert doc.events[1].attributed_to == "Kreml" and doc.events[0].source == ActorRef(
        "Putin", "Q7747", "RUS", "GOV"
    )


def test_event_filters(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(_doc())
        assert [e.event.type for e in store.events(EventFilter(type="consult"))] == ["CONSULT"]
        assert len(store.events(EventFilter(actor="VEN"))) == 2
        assert len(store.events(EventFilter(actor="Q7747"))) == 2
        assert store.events(EventFilter(actor="CHN")) == []
        assert [e.event.modality for e in store.events(EventFilter(modality="reported"))] == ["reported"]
        assert len(store.events(EventFilter(since="2025-12-11"))) == 1
        assert len(store.events(EventFilter(until="2025-12"))) == 2  # a month prefix includes its days
        assert store.events(EventFilter(until="2025-11")) == []


def test_search_quotes_user_syntax(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(_doc())
        [(row, snippet)] = store.search("venezuela")
        assert row.id == "d1" and "[Venezuela]" in snippet
        assert store.search('NEAR( "x" OR body:') == []  # FTS syntax in user text is not executed


def test_find_article_by_prefix_and_doc(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(_doc("abc123"))
        store.write(_doc("abd999", body=BODY + " Neu."))
        assert store.find_article_id("abc") == "abc123"
        assert store.find_article_id("ab") is None  # ambiguous
        assert store.find_article_id("abd999.txt") == "abd999"


def test_delete_cascades_no_orphans(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(_doc())
        store.delete_article("d1")
        counts = store.counts()
        assert counts["articles"] == counts["sentences"] == counts["mentions"] == counts["events"] == 0
        assert store.integrity_ok()


def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    bad = Document(
        id="bad", doc="b", source="b", body="x", events=(Event("AGREE", None, None, None, "x", 0, 1),)
    )  # type: ignore[arg-type]
    with Store(tmp_path / "s.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.write(bad)  # modality NULL violates NOT NULL after the article row was inserted
        assert store.counts()["articles"] == 0


def test_readonly_and_schema_checks(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `lagebild run"):
        Store(tmp_path / "missing.db", readonly=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(StoreError, match="not a lagebild database"):
        Store(other)
    not_sqlite = tmp_path / "text.db"
    not_sqlite.write_text("hello " * 1000)
    with pytest.raises(StoreError, match="cannot open"):
        Store(not_sqlite)
    with Store(tmp_path / "s.db") as store:
        store.write(_doc())
    with Store(tmp_path / "s.db", readonly=True) as ro:
        assert ro.counts()["articles"] == 1
        assert ro.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION
        )
        with pytest.raises(sqlite3.OperationalError):
            ro.conn.execute("DELETE FROM articles")


def test_reader_sees_committed_data_while_writer_is_open(tmp_path: Path) -> None:
    writer = Store(tmp_path / "s.db")
    writer.write(_doc())
    reader = Store(tmp_path / "s.db", readonly=True)
    writer.conn.execute("BEGIN IMMEDIATE")
    writer._insert_article(_doc("d2", body=BODY + " Zwei."))  # uncommitted
    assert reader.counts()["articles"] == 1  # WAL: the reader is not blocked and sees only committed rows
    writer.conn.commit()
    assert reader.counts()["articles"] == 2
    reader.close()
    writer.close()


def test_shared_sql_placeholders_become_pyformat_outside_literals() -> None:
    assert pyformat("SELECT a FROM t WHERE b = ? AND c LIKE 'x%?' AND d IN (?,?)") == (
        "SELECT a FROM t WHERE b = %s AND c LIKE 'x%%?' AND d IN (%s,%s)"
    )
    assert pyformat("SELECT 'it''s ?', ? % 2") == "SELECT 'it''s ?', %s %% 2"


def test_shared_sql_layer_on_sqlite(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write(_doc())
        db = store.db
        exercise_shared_sql(db, "sqlite")
        upsert = db.upsert("meta", ("key", "value"), ("key",))
        assert upsert == "INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)"
        assert db.scalar("SELECT value FROM meta WHERE key = 'none'") is None
