"""Security: lagebild writes only where it is told, fetches only what it may, and never lets
article text drive the terminal (issue 8).

URL rules already tested in test_ingest.py (schemes, plain private addresses, caps, a
redirect to file://) are not repeated; these add the disguised addresses, redirect loops and a
server that drips its answer slowly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from lagebild.errors import InputError
from lagebild.ingest.fetch import FetchPolicy, check_url, fetch
from timecap import cap

ARTICLE = (
    "Russland kritisierte am Montag die Sanktionen der Europäischen Union. Die Regierung in Berlin reagierte."
)


# --- no stray files ---------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def _lagebild(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lagebild.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _stages_config(path: Path) -> Path:
    """All default stages, without NER while its trained model is absent (the rest still run)."""
    from lagebild.errors import ModelError
    from lagebild.models import Document
    from lagebild.pipeline import DEFAULT_STAGES, Pipeline

    stages = DEFAULT_STAGES
    try:
        Pipeline.from_names(stages)(Document(id="p", doc="p", source="p", body="Russland kritisierte China."))
    except ModelError:
        stages = tuple(s for s in stages if s != "ner")
    path.write_text(f"[pipeline]\nstages = {json.dumps(list(stages))}\n", encoding="utf-8")
    return path


def test_nothing_is_written_outside_the_data_directory(tmp_path: Path) -> None:
    inputs, data, cwd, home, tmp = (tmp_path / n for n in ("in", "data", "cwd", "home", "tmp"))
    for folder in (inputs, cwd, home, tmp):
        folder.mkdir()
    (inputs / "page.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "page.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    hostile = [
        {"id": "../../../escape", "text": ARTICLE + " Eins."},
        {"id": "/tmp/absolute", "title": "../x", "text": ARTICLE + " Zwei.", "url": "file:///etc/passwd"},
    ]
    (inputs / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in hostile) + "\n", encoding="utf-8")
    before = _snapshot(inputs)
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CACHE_HOME": str(home / ".cache")}
    db = data / "store.db"
    config = str(_stages_config(tmp_path / "stages.toml"))

    commands = [
        ["run", str(inputs), "--db", str(db), "--config", config, "--quiet"],
        [
            "run",
            str(inputs),
            "--db",
            str(db),
            "--config",
            config,
            "--quiet",
        ],  # a second run: skips, writes nothing new
        ["articles", "--db", str(db), "--format", "jsonl"],
        ["events", "--db", str(db), "--format", "csv"],
        ["actors", "--db", str(db)],
        ["search", "Russland", "--db", str(db)],
        ["show", "../../../escape", "--db", str(db), "--json"],
        ["export", "--out", str(data / "export"), "--db", str(db)],
    ]
    for args in commands:
        done = _lagebild(args, cwd, env)
        assert done.returncode == 0, (args, done.stderr[-2000:])

    assert _snapshot(inputs) == before, "the inputs were changed"
    assert list(cwd.iterdir()) == [], "files were written into the working directory"
    assert list(tmp.iterdir()) == [], "temporary files were left behind"
    assert sorted(p.name for p in home.rglob("*")) == [], "files were written into HOME"
    assert {p.name for p in data.iterdir()} <= {"store.db", "store.db-wal", "store.db-shm", "export"}
    exported = list((data / "export").rglob("*"))
    assert exported and all(p.resolve().is_relative_to((data / "export").resolve()) for p in exported)
    assert not (tmp_path / "escape").exists() and not Path("/tmp/absolute").exists()


# --- URL rules --------------------------------------------------------------------------------

DISGUISED_PRIVATE = [
    "http://2130706433/",  # 127.0.0.1 as one decimal number
    "http://0x7f000001/",  # ... as hex
    "http://127.1/",  # ... shortened
    "http://0.0.0.0:8000/",
    "http://localhost/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[fe80::1]/",
    "http://192.168.1.1/",
    "http://172.16.0.1/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "HTTP://127.0.0.1/",  # scheme in capitals
    "http://user:pw@127.0.0.1/",  # credentials before the host
]


@pytest.mark.parametrize("url", DISGUISED_PRIVATE)
def test_disguised_private_addresses_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="refused"):
        check_url(url, FetchPolicy())


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<p>x</p>",
        "file://localhost/etc/passwd",
        "gopher://127.0.0.1/",
        "http:///nohost",
        "//example.org/x",
    ],
)
def test_other_schemes_and_hostless_urls_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="refused"):
        check_url(url, FetchPolicy())


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
        elif self.path == "/drip":
            # Headers at once, then one byte every 0.2 s: each read is quick, the whole is not.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(100_000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the client gave up: that is what should happen
        elif self.path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: reads until the cap
            try:
                while True:
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except OSError:
                pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_redirect_loop_is_cut(server: str) -> None:
    with cap(20), pytest.raises(InputError, match="too many redirects"):
        fetch(server + "/loop", FetchPolicy(allow_private=True, timeout_seconds=5, max_redirects=5))


def test_endless_answer_is_cut_at_the_size_cap(server: str) -> None:
    started = time.monotonic()
    with cap(20), pytest.raises(InputError, match="too large"):
        fetch(server + "/endless", FetchPolicy(allow_private=True, timeout_seconds=5, max_bytes=2 * 2**20))
    assert time.monotonic() - started < 10


def test_slow_drip_server_is_cut_by_the_timeout(server: str) -> None:
    started = time.monotonic()
    with cap(15), pytest.raises(InputError):
        fetch(server + "/drip", FetchPolicy(allow_private=True, timeout_seconds=1, max_bytes=100_000))
    assert time.monotonic() - started < 5


# --- article text never drives the terminal ---------------------------------------------------

ESCAPES = "\x1b[2J\x1b]0;owned\x07\x9b31m"
MARKUP = "[link=file:///etc/passwd]klick[/link] [bold red]ALARM[/]"


def _hostile_store(tmp_path: Path, env: dict[str, str]) -> Path:
    record = {
        "id": "evil",
        "title": f"Titel {ESCAPES} {MARKUP}",
        "outlet": MARKUP,
        "text": f"{ARTICLE} {MARKUP} Ende {ESCAPES}.",
    }
    (tmp_path / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    config = str(_stages_config(tmp_path / "stages.toml"))
    done = _lagebild(["run", "evil.jsonl", "--db", "evil.db", "--config", config, "--quiet"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    return tmp_path / "evil.db"


def test_rich_markup_in_articles_is_printed_literally(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "400"}
    _hostile_store(tmp_path, env)
    for args in (["articles"], ["show", "evil"], ["search", "Sanktionen"]):
        done = _lagebild([*args, "--db", "evil.db"], tmp_path, env)
        assert done.returncode == 0, done.stderr
        assert "[bold red]ALARM[/]" in done.stdout.replace("\n", "") or args[0] == "search", (
            args,
            done.stdout,
        )
        assert "\x1b]8;" not in done.stdout, "a hyperlink escape was emitted from article text"


def test_terminal_escapes_in_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "400"}
    _hostile_store(tmp_path, env)
    for args in (["articles"], ["show", "evil"], ["articles", "--format", "csv"]):
        done = _lagebild([*args, "--db", "evil.db"], tmp_path, env)
        assert done.returncode == 0, done.stderr
        assert not set("\x1b\x07\x9b") & set(done.stdout), (args, done.stdout[:300])
