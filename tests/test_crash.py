"""Crash safety: `lagebild run` killed with SIGKILL mid-run, then run again (issue 8).

The store writes an article and all its rows in one transaction (SQLite WAL), so a run killed
at any moment must leave whole articles or none, and the next run must add exactly the ones
that are missing: every document stored once, no orphan rows, a database SQLite calls intact.
The run is the real command in a subprocess; the test watches the store read-only and kills
the process once some (not all) articles are in.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

N_JSONL_FILES = 12
RECORDS_PER_FILE = 20
# (enough that three runs killed after 30 more articles each stop mid-run even when a kill
# lands late: between the poll that sees the count and the signal, a fast run stores more;
# with 360 a fresh clone's CI run once finished its second run before the kill, and with
# 3-sentence articles another finished its third: see _article)
N_TEXT_FILES = 360
TOTAL = N_JSONL_FILES * RECORDS_PER_FILE + N_TEXT_FILES  # 600 distinct articles

COUNTRIES = [
    "Russland",
    "China",
    "Frankreich",
    "Polen",
    "die Ukraine",
    "Israel",
    "Iran",
    "die Türkei",
    "Japan",
]
VERBS = ["kritisierte", "unterstützte", "verurteilte", "traf sich mit", "drohte", "beriet mit"]

# Small commits so there are many transaction boundaries to be killed between.
CONFIG = """
[pipeline]
stages = ["sentences"]
batch_size = 3
"""


def _article(i: int) -> str:
    a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 7 + 3) % len(COUNTRIES)]
    verb = VERBS[i % len(VERBS)]
    sentences = [
        f"Meldung Nummer {i}: {a} {verb} am Montag {b}.",
        f"Die Regierung in Berlin äußerte sich dazu am Dienstag, wie die Nachrichtenagentur {i} meldete.",
        "Beobachter erwarten weitere Gespräche in den kommenden Wochen. " * (1 + i % 4),
        # A news article's length (~2 KB), not a line: on the short ones a run stored its
        # remaining 500 in a third of a second, faster than the watching poll can rely on.
        *(f"Absatz {k} der Meldung {i} berichtet über Reaktionen aus {COUNTRIES[k % len(COUNTRIES)]}, "
          f"die am {k + 1}. Oktober veröffentlicht wurden." for k in range(20)),
    ]
    return " ".join(sentences).strip()


def _corpus(folder: Path) -> set[str]:
    """Writes the inputs; returns the doc names that must end up stored."""
    folder.mkdir()
    docs: set[str] = set()
    i = 0
    for f in range(N_JSONL_FILES):
        lines = []
        for _ in range(RECORDS_PER_FILE):
            lines.append(
                json.dumps({"id": f"rec-{i}", "title": f"Titel {i}", "text": _article(i)}, ensure_ascii=False)
            )
            docs.add(f"rec-{i}")
            i += 1
        (folder / f"feed-{f:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for _ in range(N_TEXT_FILES):
        name = f"page-{i:04d}.txt"
        (folder / name).write_text(f"Titel {i}\n\n{_article(i)}\n", encoding="utf-8")
        docs.add(name)
        i += 1
    return docs


def _command(inputs: Path, db: Path, config: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "lagebild.cli",
        "run",
        str(inputs),
        "--db",
        str(db),
        "--config",
        str(config),
        "--quiet",
    ]


def _stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError:  # not created yet, or the schema is being written
        return 0


def _run_and_kill(
    cmd: list[str], db: Path, cwd: Path, at_least: int, sig: int = signal.SIGKILL, timeout: float = 240
) -> int:
    """Start the run, signal it once ``at_least`` more articles are stored; returns the count then.

    The run goes in slices: it is stopped (SIGSTOP) while the store is counted and signalled while
    still stopped, so it cannot store more between the count and the signal. (A free-running
    poll lost that race on a fast machine: the run stored its last 500 articles between polls.)
    """
    before = _stored_count(db)
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            time.sleep(0.02)  # one slice of running
            if proc.poll() is not None:
                stderr = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"run ended (exit {proc.returncode}) before it could be killed: {stderr[-2000:]}")
            _stop(proc.pid)
            stored = _stored_count(db)
            if stored >= before + at_least:
                _CHILDREN[:] = _children(proc.pid)
                os.kill(proc.pid, sig)
                os.kill(proc.pid, signal.SIGCONT)  # a stopped process takes SIGINT only once continued
                proc.wait(timeout=30)  # SIGINT too must end the run promptly
                return stored
            os.kill(proc.pid, signal.SIGCONT)
        pytest.fail(f"run stored fewer than {at_least} new articles in {timeout} s")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return -1  # unreachable


def _stop(pid: int) -> None:
    """SIGSTOP, then wait until the process is stopped (the signal is delivered asynchronously)."""
    psutil = pytest.importorskip("psutil")
    os.kill(pid, signal.SIGSTOP)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() in (psutil.STATUS_STOPPED, psutil.STATUS_ZOMBIE):
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.001)


_CHILDREN: list[int] = []  # worker processes of the run when it was signalled


def _children(pid: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _alive(pids: list[int]) -> list[int]:
    psutil = pytest.importorskip("psutil")
    alive = []
    for pid in pids:
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                alive.append(pid)
        except psutil.NoSuchProcess:
            pass
    return alive


def _check_store(db: Path, expected_docs: set[str]) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = [row[0] for row in conn.execute("SELECT doc FROM articles")]
        assert len(docs) == len(set(docs)), "a document was stored twice"
        assert set(docs) == expected_docs
        for table in ("sentences", "mentions", "events", "inputs"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} t LEFT JOIN articles a ON a.id = t.article_id "
                "WHERE a.id IS NULL"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} {table} rows without their article"
        # Every article got its sentences (a half-written article would have none).
        bare = conn.execute(
            "SELECT count(*) FROM articles a "
            "WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        assert bare == 0, f"{bare} articles stored without their sentences"
        fts_rows = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts_rows == len(docs)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises if broken
    finally:
        conn.close()


def test_sigkill_mid_run_then_rerun_stores_every_document_once(tmp_path: Path) -> None:
    expected = _corpus(tmp_path / "in")
    db = tmp_path / "data" / "crash.db"
    config = tmp_path / "crash.toml"
    config.write_text(CONFIG, encoding="utf-8")
    cmd = _command(tmp_path / "in", db, config)

    first = _run_and_kill(cmd, db, tmp_path, at_least=30)
    assert 30 <= first < TOTAL, "the kill must land mid-run"
    second = _run_and_kill(cmd, db, tmp_path, at_least=30)  # killed again, while resuming
    assert first < second < TOTAL
    third = _run_and_kill(cmd, db, tmp_path, at_least=30, sig=signal.SIGINT)  # Ctrl-C
    assert second < third < TOTAL

    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "problem" not in done.stderr.lower(), done.stderr[-2000:]
    _check_store(db, expected)

    again = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0
    _check_store(db, expected)  # a fourth, complete run adds nothing
    print(
        f"\ncrash test: killed at {first}, {second} (SIGKILL) and {third} (SIGINT) of {TOTAL} "
        f"articles; after rerun {TOTAL} stored once, store intact"
    )


def test_sigkill_with_worker_processes_leaves_no_orphans_and_resumes(tmp_path: Path) -> None:
    expected = _corpus(tmp_path / "in")
    db = tmp_path / "crash.db"
    config = tmp_path / "crash.toml"
    config.write_text(CONFIG, encoding="utf-8")
    cmd = _command(tmp_path / "in", db, config) + ["--workers", "2"]

    _run_and_kill(cmd, db, tmp_path, at_least=30)
    workers = list(_CHILDREN)
    deadline = time.monotonic() + 20
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)  # each worker's parent watcher sees the run gone and exits
    left = _alive(workers)
    for pid in left:  # clean up before failing, so nothing keeps running after the test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes {left} outlived the killed run"
    assert workers, "the run should have started worker processes"

    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    _check_store(db, expected)


# The library call the CLI makes, run as its own process: the pool's workers are its direct children.
_RUN_WITH_WORKERS = """
import sys
from lagebild.config import load_settings
from lagebild.runner import run
from lagebild.store import Store
inputs, db, config = sys.argv[1:4]
with Store(db) as store:
    run([inputs], store, load_settings(config), workers=2)
"""


def test_sigkill_of_runner_with_worker_processes_leaves_no_orphans(tmp_path: Path) -> None:
    expected = _corpus(tmp_path / "in")
    db = tmp_path / "crash.db"
    config = tmp_path / "crash.toml"
    config.write_text(CONFIG, encoding="utf-8")
    cmd = [sys.executable, "-c", _RUN_WITH_WORKERS, str(tmp_path / "in"), str(db), str(config)]

    killed_at = _run_and_kill(cmd, db, tmp_path, at_least=30)
    workers = list(_CHILDREN)
    assert workers, "runner.run(workers=2) should have started worker processes"
    deadline = time.monotonic() + 20
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)  # each worker's parent watcher sees the run gone and exits
    left = _alive(workers)
    for pid in left:  # clean up before failing, so nothing keeps running after the test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes {left} outlived the killed run"

    done = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    _check_store(db, expected)
    print(
        f"\ncrash test (2 workers): killed at {killed_at} of {TOTAL}; "
        f"{len(workers)} children exited; rerun complete"
    )


# --- one bad document costs only itself ----------------------------------------------------------


def test_hostile_record_costs_only_itself_in_a_real_run(tmp_path: Path) -> None:
    records = [
        '{"id": "a", "text": "Russland kritisierte China am Montag scharf."}',
        '{"id": "b", "text": "Russland \\ud800 kritisierte China."}',
        '{"id": "c", "text": "Frankreich unterstützte Polen am Dienstag."}',
    ]
    (tmp_path / "f.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(CONFIG, encoding="utf-8")
    done = subprocess.run(
        _command(tmp_path / "f.jsonl", tmp_path / "x.db", config),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-1500:]
    conn = sqlite3.connect(tmp_path / "x.db")
    try:
        stored = {row[0] for row in conn.execute("SELECT doc FROM articles")}
    finally:
        conn.close()
    assert {"a", "c"} <= stored


class _BuggyStage:
    """Stands for a bug in any stage: an unexpected exception on one kind of document."""

    name = "_crash_test_buggy"
    requires: tuple[str, ...] = ("body",)
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Any) -> Any:
        if "BOOM" in doc.body:
            raise IndexError("list index out of range")
        return doc


def test_a_stage_bug_on_one_document_becomes_a_problem(tmp_path: Path) -> None:
    from lagebild.config import PipelineSettings, Settings
    from lagebild.pipeline import register_stage
    from lagebild.runner import run
    from lagebild.store import Store

    register_stage(_BuggyStage.name)(_BuggyStage)
    lines = [
        json.dumps({"id": i, "text": f"{text} Meldung {i}."})
        for i, text in enumerate(
            ["Russland kritisierte China.", "BOOM trifft Polen.", "Frankreich half Polen."]
        )
    ]
    (tmp_path / "f.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = Settings(pipeline=PipelineSettings(stages=("sentences", _BuggyStage.name), batch_size=1))
    with Store(tmp_path / "x.db") as store:
        summary = run([str(tmp_path / "f.jsonl")], store, settings)
    assert summary.added == 2
    [problem] = summary.problems
    assert problem.source.endswith("f.jsonl") and problem.line == 2 and "IndexError" in problem.reason


def test_a_reader_bug_on_one_file_becomes_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lagebild import runner
    from lagebild.config import PipelineSettings, Settings
    from lagebild.store import Store

    real_read_path = runner.read_path

    def buggy_read_path(path: Path, limits: Any = None) -> Any:
        if path.name == "bad.txt":
            raise KeyError("\x1b]0;owned\x07")  # a reader bug; its message quotes hostile input
        return real_read_path(path, limits)

    monkeypatch.setattr(runner, "read_path", buggy_read_path)
    for i, name in enumerate(("a.txt", "bad.txt", "c.txt")):
        (tmp_path / name).write_text(f"Titel {i}\n\n{_article(i)}\n", encoding="utf-8")
    settings = Settings(pipeline=PipelineSettings(stages=("sentences",), batch_size=1))
    with Store(tmp_path / "x.db") as store:
        summary = runner.run([str(tmp_path / n) for n in ("a.txt", "bad.txt", "c.txt")], store, settings)
    assert summary.added == 2
    [problem] = summary.problems
    assert problem.source.endswith("bad.txt") and "KeyError" in problem.reason
    assert "\x1b" not in problem.reason and "\x07" not in problem.reason
