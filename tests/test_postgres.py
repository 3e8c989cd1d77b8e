"""The PostgreSQL store against a real, throwaway PostgreSQL server (issue 7).

A session fixture runs ``initdb`` + ``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` in a temp dir on a
free port (as user ``postgres`` when the tests run as root); every test gets a fresh database.
The cluster uses a German ICU collation when the server has ICU, so byte-order guarantees
(``COLLATE "C"``) are tested against a locale that sorts differently. Skips cleanly when no
PostgreSQL binaries or no psycopg are installed (CI installs them: ``.ci/run``).
"""

from __future__ import annotations

import dataclasses
import os
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
from sample_docs import BODY, sample_doc  # noqa: E402


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
