"""The PostgreSQL store against a real, throwaway PostgreSQL server (issue 7).

A session fixture runs ``initdb`` + ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` in a temp dir on a
free port (as user ``postgres`` when the tests run as root); every test gets a fresh database.
The cluster uses a German ICU collation when the server has ICU, so byte-order guarantees
(``COLLATE "C"``) are tested against a locale that sorts differently. Skips cleanly when no
PostgreSQL binaries or no psycopg are installed (CI installs them: ``.ci/run``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lagebild.config import PipelineSettings, Settings
from lagebild.errors import StoreError
from lagebild.models import Actor, ActorRef, Document, Event
from lagebild.store import EventFilter, Store, StoredEvent, StoreLike, copy_articles, open_store, redact

psycopg = pytest.importorskip("psycopg", reason="psycopg 3 not installed (pip install 'lagebild[postgres]')")

from lagebild.store.pg_schema import PG_SCHEMA_VERSION  # noqa: E402
from lagebild.store.postgres import PostgresStore  # noqa: E402
from sample_docs import BODY, exercise_shared_sql, sample_doc  # noqa: E402


def _doc(doc_id: str = "d1", body: str = BODY, published: str | None = "2025-12-11T20:04") -> Document:
    return dataclasses.replace(sample_doc(doc_id, body, published), removed=("Werbung",))


# --- a throwaway PostgreSQL cluster --------------------------------------------------------------


def _pg_bindir() -> Path | None:
    found = [p.parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    if found:
        return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(root: Path) -> list[str]:
    # initdb refuses to run as root: hand the cluster to the `postgres` account when we are root.
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as user postgres")
    try:
        shutil.chown(root, "postgres", "postgres")
    except LookupError:
        pytest.skip("running as root and there is no `postgres` user to own a test cluster")
    return ["runuser", "-u", "postgres", "--"]


def _initdb(cmd: list[str]) -> None:
    icu = ["--locale-provider=icu", "--icu-locale=de-DE"]
    for extra in (icu, []):  # a server built without ICU: the default locale
        done = subprocess.run(cmd + extra, capture_output=True, text=True)
        if done.returncode == 0:
            return
    raise RuntimeError(f"initdb failed: {done.stderr}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a running throwaway server, without a database name."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "no PostgreSQL binaries (looked in /usr/lib/postgresql/*/bin and on PATH): "
            "apt-get install postgresql"
        )
    # /tmp, not $TMPDIR: the `postgres` account must reach the data and socket directories.
    root = Path(tempfile.mkdtemp(prefix="lagebild-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    user = _as_server_user(root)
    data, port = root / "data", _free_port()
    try:
        _initdb(
            user
            + [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        )
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            user
            + [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            user + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh, empty database for one test."""
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{pg_server}/{name}"


# --- the same scenarios as tests/test_store.py ---------------------------------------------------


def test_roundtrip_and_idempotent_write(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        assert store.write(_doc()) is True
        assert store.write(_doc()) is False
        assert store.write_many([(_doc(), 10, 1.5), (_doc("d2", BODY + " Zwei."), None, None)]) == 1
        assert store.counts() == {"articles": 2, "sentences": 4, "mentions": 4, "actors": 1, "events": 4}
        doc = store.document("d1")
        assert store.document("nope") is None
    assert doc is not None
    assert doc == _doc()  # every field survives, sentence texts are rebuilt from the body
    assert doc.events[1].attributed_to == "Kreml" and doc.events[0].source == ActorRef(
        "Putin", "Q7747", "RUS", "GOV"
    )


def test_known_input_needs_same_size_and_mtime(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        mtime = 1764000000.123456  # a float that a 4-byte REAL would not keep
        store.write(_doc(), size=120, mtime=mtime)
        assert store.known_input("/in/d1.txt", "d1.txt", 120, mtime)
        assert not store.known_input("/in/d1.txt", "d1.txt", 121, mtime)
        assert not store.known_input("/in/d1.txt", "d1.txt", 120, mtime + 1)
        assert store.has_article("d1") and not store.has_article("d2")


def test_event_filters(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.write(_doc())
        assert [e.event.type for e in store.events(EventFilter(type="consult"))] == ["CONSULT"]
        assert len(store.events(EventFilter(actor="VEN"))) == 2
        assert len(store.events(EventFilter(actor="Q7747"))) == 2
        assert len(store.events(EventFilter(actor="madur"))) == 2  # a name fragment, any case
        assert store.events(EventFilter(actor="CHN")) == []
        assert store.events(EventFilter(actor="%")) == []  # a wildcard in user text is literal
        assert [e.event.modality for e in store.events(EventFilter(modality="reported"))] == ["reported"]
        assert len(store.events(EventFilter(since="2025-12-11"))) == 1
        assert len(store.events(EventFilter(until="2025-12"))) == 2  # a month prefix includes its days
        assert store.events(EventFilter(until="2025-11")) == []
        assert len(store.events(EventFilter(limit=1))) == 1
        [first, second] = store.events()  # by date as written: the month sorts before its days
        assert (first.event.type, second.event.type) == ("SUPPORT", "CONSULT")
        assert (first.article_id, first.doc) == ("d1", "d1.txt") and first.id > second.id


def test_orders_like_sqlite_whatever_the_collation(pg_url: str, tmp_path: Path) -> None:
    # Byte order, as in SQLite: upper case before lower case, digits before letters, '' (no date) first.
    docs = [
        _doc(f"a{i}", body=BODY + f" {i}.", published=p)
        for i, p in enumerate(["b", "B", "2025-01-02", None, "a", "Ä"])
    ]
    with PostgresStore(pg_url) as pg, Store(tmp_path / "s.db") as lite:
        for doc in docs:
            pg.write(doc)
            lite.write(doc)
        assert [a.id for a in pg.articles()] == [a.id for a in lite.articles()]
        assert [(e.article_id, e.event.type) for e in pg.events()] == [
            (e.article_id, e.event.type) for e in lite.events()
        ]
        assert pg.articles(limit=2) == lite.articles(limit=2)


def test_search_quotes_user_syntax(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.write(_doc())
        [(row, snippet)] = store.search("venezuela")
        assert row.id == "d1" and "[Venezuela]" in snippet
        assert [r.id for r, _ in store.search("Unterstutzung russland")] == ["d1"]  # stems fold umlauts
        assert store.search("Venezuela China") == []  # every word must occur
        assert store.search('NEAR( "x" OR body:') == []  # FTS syntax in user text is not executed
        assert [r.id for r, _ in store.search("venezuela | !russland")] == ["d1"]  # operators: plain text
        assert store.search("") == [] and store.search("und der") == []  # nothing but stop words


def test_nul_characters_neither_fail_a_batch_nor_a_query(pg_url: str) -> None:
    # PostgreSQL text cannot hold U+0000; SQLite can. A hostile JSONL id or title must still store.
    hostile = dataclasses.replace(_doc("n1"), doc="rec\x00id", title="Ti\x00tel")
    with PostgresStore(pg_url) as store:
        assert store.write_many([(hostile, None, None), (_doc(), None, None)]) == 2
        stored = store.document("n1")
        assert stored is not None and stored.title == "Ti\ufffdtel" and stored.doc == "rec\ufffdid"
        assert store.find_article_id("rec\x00id") == "n1"
        assert store.events(EventFilter(actor="VEN\x00")) != []
        assert [r.id for r, _ in store.search("Venezuela\x00")] != []


def test_find_article_by_prefix_and_doc(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.write(_doc("abc123"))
        store.write(_doc("abd999", body=BODY + " Neu."))
        assert store.find_article_id("abc") == "abc123"
        assert store.find_article_id("ABC") == "abc123"  # like SQLite's LIKE
        assert store.find_article_id("ab") is None  # ambiguous
        assert store.find_article_id("a_c") is None  # _ is not a wildcard
        assert store.find_article_id("abd999.txt") == "abd999"


def test_delete_cascades_no_orphans(pg_url: str) -> None:
    with PostgresStore(pg_url) as store:
        store.write(_doc(), size=1, mtime=1.0)
        store.delete_article("d1")
        counts = store.counts()
        assert counts["articles"] == counts["sentences"] == counts["mentions"] == counts["events"] == 0
        assert store.conn.execute("SELECT count(*) FROM inputs").fetchone() == (0,)
        assert store.integrity_ok()


def test_failed_write_leaves_nothing(pg_url: str) -> None:
    no_modality = Event("AGREE", None, None, None, "x", 0, 1)  # type: ignore[arg-type]
    bad = Document(id="bad", doc="b", source="b", body="x", events=(no_modality,))
    with PostgresStore(pg_url) as store:
        with pytest.raises(psycopg.IntegrityError):
            store.write_many([(_doc(), None, None), (bad, None, None)])  # modality NULL: NOT NULL
        assert store.counts()["articles"] == 0  # the good article of the batch rolled back too
        assert store.write(_doc()) is True  # the connection is usable again


def test_readonly_and_schema_checks(pg_url: str, pg_server: str) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        PostgresStore(f"{pg_server}/no_such_db")
    with pytest.raises(StoreError, match="run `lagebild run"):
        PostgresStore(pg_url, readonly=True)  # an empty database
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE x (a int)")
    with pytest.raises(StoreError, match="not a lagebild database"):
        PostgresStore(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP TABLE x")
    with PostgresStore(pg_url) as store:
        store.write(_doc())
    with PostgresStore(pg_url) as again:  # migrating a current database changes nothing
        assert again.counts()["articles"] == 1
    with PostgresStore(pg_url, readonly=True) as ro:
        assert ro.counts()["articles"] == 1 and ro.integrity_ok()
        assert ro.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (
            str(PG_SCHEMA_VERSION),
        )
        with pytest.raises(StoreError, match="read-only"):
            ro.write(_doc("d2"))
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            ro.conn.execute("DELETE FROM articles")  # the server itself refuses
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer lagebild"):
        PostgresStore(pg_url)


def test_shared_sql_layer_on_postgres(pg_url: str) -> None:
    # The same calls as tests/test_store.py's SQLite twin, with the same answers.
    with PostgresStore(pg_url) as store:
        store.write(_doc())
        db = store.db
        exercise_shared_sql(db, "postgresql")
        assert db.scalar("SELECT count(*) FROM articles WHERE title LIKE '%itel'") == 1  # % is literal
    with PostgresStore(pg_url, readonly=True) as ro, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        ro.db.execute("DELETE FROM meta")  # the web app's sessions cannot write through the shared SQL


def test_a_version_3_database_gains_the_relate_tables(pg_url: str) -> None:
    from lagebild.relate import merge, timeline
    from lagebild.store.pg_schema import PG_MIGRATIONS

    with psycopg.connect(pg_url, autocommit=True) as conn:  # a store written before relate ran here
        for step in PG_MIGRATIONS[:3]:
            conn.execute(step)
        conn.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    with pytest.raises(StoreError, match="schema version 3"):
        PostgresStore(pg_url, readonly=True)
    with PostgresStore(pg_url) as store:
        assert store.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == "4"
        assert store.db.has_table("dyad_months") and not store.db.has_table("no_such_table")
        store.write(_doc())
        assert merge(store).merged == 2
        [bucket] = timeline(store, "RUS", "VEN", by="month")
        assert (bucket.period, bucket.counts) == ("2025-12", {"CONSULT": 1, "SUPPORT": 1})


def test_concurrent_writers_store_an_article_once(pg_url: str) -> None:
    with (
        PostgresStore(pg_url) as one,
        PostgresStore(pg_url) as two,
        PostgresStore(pg_url, readonly=True) as ro,
    ):
        with one.conn.transaction():
            assert one._insert_article(_doc("d1"))  # uncommitted
            assert ro.counts()["articles"] == 0  # a reader sees only committed rows
        assert two.write(_doc("d1")) is False
        assert ro.counts()["articles"] == 1


def test_writers_with_overlapping_batches_neither_deadlock_nor_duplicate(pg_url: str) -> None:
    docs = [_doc(f"c{i:02d}", body=BODY + f" {i}.") for i in range(30)]
    added: list[int] = []

    def writer(order: list[Document]) -> None:
        with PostgresStore(pg_url) as store:
            for start in range(0, len(order), 10):
                added.append(store.write_many([(d, None, None) for d in order[start : start + 10]]))

    threads = [threading.Thread(target=writer, args=(o,)) for o in (docs, docs[::-1], docs[5:] + docs[:5])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    with PostgresStore(pg_url) as store:
        assert sum(added) == 30 and len(added) == 9  # every batch committed, no deadlock victim
        assert store.counts()["articles"] == 30 and store.counts()["events"] == 60


def test_open_store_chooses_the_backend(pg_url: str, tmp_path: Path) -> None:
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and store.path == pg_url
    with open_store(Path(pg_url), readonly=True) as store:  # a Path collapses "//": still a URL
        assert isinstance(store, PostgresStore) and store.readonly
    with open_store(pg_url.replace("postgresql://", "postgres://")) as store:
        assert isinstance(store, PostgresStore)
    with open_store(tmp_path / "s.db") as lite, PostgresStore(pg_url) as pg:
        assert isinstance(lite, Store)
        both: list[StoreLike] = [lite, pg]  # mypy checks that both backends offer the interface
        assert [s.counts()["articles"] for s in both] == [0, 0]
    assert redact("postgresql://ann:s3cret@db.example/lb") == "postgresql://ann:***@db.example/lb"
    assert redact("postgresql://ann@db.example/lb") == "postgresql://ann@db.example/lb"
    assert redact(str(tmp_path / "s.db")) == str(tmp_path / "s.db")
    with pytest.raises(StoreError) as failed:
        PostgresStore("postgresql://ann:s3cret@127.0.0.1:1/lb")
    assert "s3cret" not in str(failed.value)


# --- end to end: the default pipeline over the seeds, into PostgreSQL and into SQLite -------------


def _seed_settings() -> Settings:
    """The default pipeline; without the NER model (not trained yet) the same stages minus ``ner``.

    What is tested here is the store, so the stages only need to produce mentions and events.
    """
    from lagebild.nlp import ner

    default = Settings()
    if (ner.model_path() / "config.cfg").exists():
        return default
    stages = tuple(s for s in default.pipeline.stages if s != "ner")
    return Settings(pipeline=PipelineSettings(stages=stages, batch_size=default.pipeline.batch_size))


def _without_actor_details(doc: Document | None) -> Document | None:
    # Which of two versions of one actor (China with sector GOV, China without) the actors table
    # keeps is the first one inserted; the SQLite store picks it from a set (hash order), so only
    # the actor ids are compared across the two stores.
    if doc is None:
        return None
    mentions = tuple(
        dataclasses.replace(m, actor=Actor(m.actor.actor_id, "", "state")) if m.actor else m
        for m in doc.mentions
    )
    return dataclasses.replace(doc, mentions=mentions)


def _comparable(rows: list[StoredEvent]) -> list[tuple[Any, ...]]:
    return [(r.article_id, r.doc, r.event) for r in rows]  # row ids are each database's own


@pytest.fixture(scope="module")
def seed_stores(
    pg_server: str, seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[PostgresStore, Store]]:
    from lagebild.runner import run

    seeds = seeds_dir
    name = "seeds_" + uuid.uuid4().hex[:8]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    settings = _seed_settings()
    pg = PostgresStore(f"{pg_server}/{name}")
    lite = Store(tmp_path_factory.mktemp("seeds") / "s.db")
    summary = run([str(seeds)], pg, settings)  # type: ignore[arg-type]  # runner is typed for Store
    run([str(seeds)], lite, settings)
    assert summary.added == len(list(seeds.glob("*.txt"))) and not summary.problems
    yield pg, lite
    pg.close()
    lite.close()


def test_seed_run_matches_sqlite(seed_stores: tuple[PostgresStore, Store]) -> None:
    pg, lite = seed_stores
    assert pg.counts() == lite.counts() and pg.counts()["events"] > 0
    assert pg.articles() == lite.articles()
    assert _comparable(pg.events()) == _comparable(lite.events())
    assert [(a.actor.actor_id, a.mentions, a.articles) for a in pg.actors()] == [
        (a.actor.actor_id, a.mentions, a.articles) for a in lite.actors()
    ]
    for row in pg.articles():
        assert _without_actor_details(pg.document(row.id)) == _without_actor_details(lite.document(row.id))
    some = pg.events()[0]
    assert pg.find_article_id(some.article_id[:10]) == lite.find_article_id(some.article_id[:10])
    filters = EventFilter(
        actor=some.event.source.country if some.event.source else None, type=some.event.type
    )
    assert _comparable(pg.events(filters)) == _comparable(lite.events(filters))
    assert pg.integrity_ok()


def test_copy_a_sqlite_store_into_postgres(seed_stores: tuple[PostgresStore, Store], pg_server: str) -> None:
    _, lite = seed_stores
    name = "copy_" + uuid.uuid4().hex[:8]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    with PostgresStore(f"{pg_server}/{name}") as pg:
        assert copy_articles(lite, pg, batch_size=2) == lite.counts()["articles"]
        assert copy_articles(lite, pg) == 0  # idempotent
        assert pg.counts() == lite.counts()
        assert _comparable(pg.events()) == _comparable(lite.events())


def test_seed_search_finds_what_sqlite_finds(seed_stores: tuple[PostgresStore, Store]) -> None:
    pg, lite = seed_stores
    word = "Venezuela"
    found = {row.id for row, _ in lite.search(word)}
    assert found and {row.id for row, _ in pg.search(word)} == found
    assert all("[" in snippet and "]" in snippet for _, snippet in pg.search(word))


def test_seed_rerun_adds_nothing(seed_stores: tuple[PostgresStore, Store], seeds_dir: Path) -> None:
    from lagebild.runner import run

    pg, _ = seed_stores
    seeds = seeds_dir
    before = pg.counts()
    summary = run([str(seeds)], pg, _seed_settings())  # type: ignore[arg-type]
    assert summary.added == 0 and summary.unchanged_files == summary.files
    assert pg.counts() == before


# --- relate, the web app and the CLI on PostgreSQL: the same answers as on SQLite ----------------


def _new_database(pg_server: str, prefix: str) -> str:
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{pg_server}/{name}"


def _syndicated_copies() -> list[Document]:
    """One agency text in three outlets: the near-duplicate step must make them one source."""
    from test_relate import MADURO, PUTIN, Ev, Line, make_doc

    text = "Putin hat Maduro in einem Telefonat seine Unterstützung zugesichert, meldet die Agentur."
    return [
        make_doc(
            f"copy{i}.txt",
            [Line(text + " " * i, [Ev("SUPPORT", PUTIN, MADURO, "2025-11-20")])],
            "2025-11-21",
            o,
        )
        for i, o in enumerate(("Kurier", "Presse", "ORF"))
    ]


def _relate_documents(seeds: Store) -> list[Document]:
    """The seeds as the pipeline annotated them, the hand-built articles of the relate and web
    tests (merging across outlets, undated and negated events, hostile markup) and copies."""
    from test_relate import ALL_DOCS
    from test_web import hand_documents

    piped = [seeds.document(row.id) for row in seeds.articles()]
    return [d for d in piped if d is not None] + list(ALL_DOCS) + hand_documents() + _syndicated_copies()


def _fill_and_merge(store: StoreLike, docs: list[Document]) -> None:
    from lagebild.clean.duplicates import mark_duplicates
    from lagebild.relate import merge

    for doc in docs:
        # One article per write: both stores then number the raw events alike (a PostgreSQL batch
        # is written in id order), so even event ids can be compared.
        store.write(doc)
    mark_duplicates(store)
    merge(store)


@pytest.fixture(scope="module")
def twins(
    seed_stores: tuple[PostgresStore, Store], pg_server: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, PostgresStore]]:
    """The same articles stored, marked for near-duplicates and merged in SQLite and in PostgreSQL."""
    docs = _relate_documents(seed_stores[1])
    lite = Store(tmp_path_factory.mktemp("twins") / "twin.db")
    pg = PostgresStore(_new_database(pg_server, "twin"))
    for store in (lite, pg):
        _fill_and_merge(store, docs)
    yield lite, pg
    lite.close()
    pg.close()


def _relate_tables(store: StoreLike) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables relate writes, sorted here (the two databases sort NULLs apart)."""

    def key(row: tuple[Any, ...]) -> tuple[tuple[bool, Any], ...]:
        return tuple((value is None, value) for value in row)

    tables = ("merged_events", "event_mentions", "dyad_months")
    return {t: sorted(store.db.rows(f"SELECT * FROM {t}"), key=key) for t in tables}


def test_merge_writes_the_same_rows_on_both(twins: tuple[Store, PostgresStore]) -> None:
    from lagebild.relate import pending

    lite, pg = twins
    tables = _relate_tables(lite)
    assert _relate_tables(pg) == tables
    assert 0 < len(tables["merged_events"]) < len(tables["event_mentions"]) == lite.counts()["events"]
    assert pending(lite) == pending(pg) == 0
    # The syndicated copies are one event with one source on PostgreSQL too (near_duplicates read).
    sql = "SELECT n_mentions, n_articles, n_sources FROM merged_events WHERE type = ? AND day = ?"
    assert pg.db.rows(sql, ("SUPPORT", "2025-11-20")) == [(3, 3, 1)]


def test_incremental_merge_and_deletes_on_postgres_match_sqlite(pg_url: str, tmp_path: Path) -> None:
    from lagebild.relate import merge
    from test_relate import ALL_DOCS

    with Store(tmp_path / "inc.db") as lite, PostgresStore(pg_url) as pg:
        for step, docs in enumerate((ALL_DOCS[:3], ALL_DOCS[3:])):
            for store in (lite, pg):
                for doc in docs:
                    store.write(doc)
                report = merge(store)
                assert report.merged > 0, step
            assert _relate_tables(pg) == _relate_tables(lite)
        for store in (lite, pg):
            store.delete_article(ALL_DOCS[1].id)  # its mentions cascade away: its blocks are redone
            assert merge(store).blocks > 0
        assert _relate_tables(pg) == _relate_tables(lite)
        incremental = _relate_tables(pg)
        merge(pg, full=True)
        assert _relate_tables(pg) == incremental


def test_timelines_networks_and_stories_match(twins: tuple[Store, PostgresStore]) -> None:
    from lagebild.relate import network, story, timeline, too_coarse

    lite, pg = twins
    for level in ("country", "actor"):
        for since in (None, "2025-11", "2025-12-05"):  # month-aligned: dyad_months; else merged_events
            assert network(pg, since=since, limit=None, level=level) == network(
                lite, since=since, limit=None, level=level
            )
    pairs = [(r.a, r.b) for r in network(lite, limit=None)]
    assert ("RUS", "VEN") in pairs and ("CHL", "NOR") in pairs
    for a, b in pairs:
        for by in ("day", "week", "month", "year"):
            assert timeline(pg, a, b, by=by, fill=True) == timeline(lite, a, b, by=by, fill=True), (a, b, by)
            assert too_coarse(pg, a, b, by) == too_coarse(lite, a, b, by)
        assert story(pg, a, b) == story(lite, a, b), (a, b)
    variants: list[dict[str, Any]] = [
        {"by": "day", "since": "2025-10-27", "until": "2025-12"},
        {"by": "month", "since": "2025-11-15", "until": "2025-12", "directed": True},
        {"by": "week", "modalities": None},
    ]
    for kwargs in variants:
        assert timeline(pg, "RUS", "VEN", **kwargs) == timeline(lite, "RUS", "VEN", **kwargs), kwargs
    signing = story(pg, "RUS", "VEN")
    assert any(i.type == "AGREE" and i.when == "2025-10-27" and len(i.sources) >= 2 for i in signing)
    assert story(pg, "Q7747", "Q57413", level="actor") == story(lite, "Q7747", "Q57413", level="actor")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "graphml", "parquet"])
def test_exports_match(twins: tuple[Store, PostgresStore], tmp_path: Path, fmt: str) -> None:
    from lagebild.relate import export, export_rows, read_export

    lite, pg = twins
    rows = export_rows(lite)
    assert export_rows(pg) == rows and rows["events"] and rows["dyads"]
    written = {name: export(store, fmt, tmp_path / name) for name, store in (("lite", lite), ("pg", pg))}
    if fmt == "parquet":
        assert read_export(tmp_path / "pg", fmt) == read_export(tmp_path / "lite", fmt) == rows
        return
    for lite_file, pg_file in zip(written["lite"], written["pg"], strict=True):
        assert pg_file.read_bytes() == lite_file.read_bytes(), pg_file.name


def test_web_api_answers_the_same_on_both(twins: tuple[Store, PostgresStore]) -> None:
    pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
    from fastapi.testclient import TestClient

    from lagebild.web import create_app

    lite, pg = twins
    on_lite, on_pg = TestClient(create_app(lite.path)), TestClient(create_app(pg.path))

    def same(path: str, **params: Any) -> Any:
        answer = on_lite.get(path, params=params)
        assert answer.status_code == 200, (path, answer.text)
        assert on_pg.get(path, params=params).json() == answer.json(), (path, params)
        return answer.json()

    overview = same("/api/overview")
    assert overview["counts"]["merged_events"] > 0 and overview["counts"]["unmerged_events"] == 0
    for article in same("/api/articles")["articles"]:
        same(f"/api/articles/{article['id']}")
    same("/api/actors")
    same("/api/events")
    same("/api/events", actor="rus", since="2025-10", until="2025-12", limit=5000)
    same("/api/events", type="accuse", modality="asserted")
    dyads = same("/api/dyads", limit=5000)["dyads"]
    assert dyads and all(d["n_sources"] >= 1 for d in dyads)  # relate's numbers, not the fallback
    for d in dyads:
        same("/api/dyad", a=d["a"], b=d["b"])
    same("/api/network")
    same("/api/network", min_events=2)
    assert same("/api/storylines", limit=200, items=0)["storylines"]
    same("/dyad", a="NOR", b="CHL", format="json")  # an HTML page's JSON twin
    # Full-text search is each engine's own (FTS5 vs tsvector): the same articles, not the same snippets.
    hits = [
        {h["article"]["id"] for h in client.get("/api/search", params={"q": "Venezuela"}).json()["hits"]}
        for client in (on_lite, on_pg)
    ]
    assert hits[0] and hits[0] == hits[1]
    # A read-only session: the app's requests changed nothing.
    assert _relate_tables(pg) == _relate_tables(lite)
    page = on_pg.get("/dyad", params={"a": "NOR", "b": "CHL"})
    assert page.status_code == 200 and "Lithium" in page.text


def _cli(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from lagebild.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_run_merges_and_timeline_reads_postgres(pg_url: str, seeds_dir: Path, tmp_path: Path) -> None:
    seed = seeds_dir / "001_b7f47c553c0be28e.txt"  # Russia and Venezuela sign a partnership
    outputs = []
    for db in (str(tmp_path / "cli.db"), pg_url):
        code, _, err = _cli("run", str(seed), "--db", db)
        assert code == 0, err
        assert re.search(r"merged events\s*│\s*\d+ written from \d+ event mentions", err), err
        code, out, err = _cli("timeline", "rus", "ven", "--by", "day", "--db", db, "--format", "jsonl")
        assert code == 0, err
        outputs.append(out)
    buckets = [json.loads(line) for line in outputs[1].splitlines()]
    assert outputs[1] == outputs[0]
    assert any(b["period"] == "2025-10-27" and b["counts"].get("AGREE") for b in buckets), buckets


def test_cli_relate_commands_answer_alike_on_both(twins: tuple[Store, PostgresStore], tmp_path: Path) -> None:
    lite, pg = twins

    def both(*args: str) -> str:
        answers = []
        for db in (str(lite.path), pg.path):
            code, out, err = _cli(*args, "--db", db)
            assert code == 0, err
            answers.append(out)
        assert answers[1] == answers[0], args
        return answers[1]

    table = both("timeline", "NOR", "CHL")
    assert "NOR – CHL by month" in table and "2025-10" in table and "AGREE 1" in table
    relations = [
        json.loads(line) for line in both("network", "--format", "jsonl", "--limit", "100").splitlines()
    ]
    assert next(r for r in relations if (r["a"], r["b"]) == ("CHL", "NOR"))["n_events"] == 3
    assert "Lithium" in both("story", "NOR", "CHL")
    both("story", "RUS", "VEN", "--format", "csv")
    for fmt in ("jsonl", "csv", "graphml"):
        files = []
        for name, db in (("lite", str(lite.path)), ("pg", pg.path)):
            code, _, err = _cli("export", "--out", str(tmp_path / fmt / name), "--format", fmt, "--db", db)
            assert code == 0, err
            files.append(sorted((tmp_path / fmt / name).iterdir()))
        assert [f.read_bytes() for f in files[1]] == [f.read_bytes() for f in files[0]]


def test_cli_serve_runs_the_web_app_on_a_postgres_url(
    twins: tuple[Store, PostgresStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
    import uvicorn
    from fastapi.testclient import TestClient

    served: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    code, _, err = _cli("serve", "--db", twins[1].path)
    assert code == 0, err
    assert served["host"] == "127.0.0.1"  # loopback unless --host says otherwise
    local = TestClient(served["app"], base_url="http://127.0.0.1:8000")  # the Host a loopback app allows
    answer = local.get("/api/dyad", params={"a": "NOR", "b": "CHL"})
    assert answer.status_code == 200 and answer.json()["source"] == "relate"
