"""Limits: document size, documents per file and time per document are settings with safe
defaults, honoured by the real command through ``--config``; a huge input is streamed in
bounded memory (issue 8).

Memory is measured in a subprocess (its peak RSS: ``VmHWM``, else ``ru_maxrss``) that reads
a generated input far larger than the limit allows any part of it to be held.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lagebild.config import load_settings
from lagebild.store import Store

MIB = 2**20


def _lagebild(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lagebild.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "limits.toml"
    path.write_text('[pipeline]\nstages = ["sentences"]\n' + text, encoding="utf-8")
    return path


def _docs(db: Path) -> list[str]:
    with Store(db, readonly=True) as store:
        return sorted(a.doc for a in store.articles())


ARTICLE = (
    "Russland kritisierte am Montag die Sanktionen der Europäischen Union. Die Regierung in Berlin reagierte."
)


def test_defaults_are_safe() -> None:
    limits = load_settings(None).limits
    assert 1 * MIB <= limits.max_document_bytes <= 64 * MIB  # a news page is KBs; a runaway file is not read
    assert limits.max_documents_per_file >= 10_000
    assert 1 <= limits.max_seconds_per_document <= 600


def test_max_document_bytes_from_config(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "small.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "big.txt").write_text(ARTICLE * 30, encoding="utf-8")  # ~3 KB
    big_line = json.dumps({"id": "big", "text": ARTICLE * 30}, ensure_ascii=False)
    ok_line = json.dumps({"id": "ok", "text": ARTICLE + " Zweite Meldung."}, ensure_ascii=False)
    (inputs / "feed.jsonl").write_text(big_line + "\n" + ok_line + "\n", encoding="utf-8")
    config = _config(tmp_path, "[limits]\nmax_document_bytes = 1000\n")
    done = _lagebild("run", str(inputs), "--db", "out.db", "--config", str(config), "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _docs(tmp_path / "out.db") == ["ok", "small.txt"]
    assert "big.txt" in done.stderr and "too large" in done.stderr
    assert "feed.jsonl:1" in done.stderr and "too long" in done.stderr


def test_max_documents_per_file_from_config(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": f"r{i}", "text": f"{ARTICLE} Meldung {i}."}, ensure_ascii=False) for i in range(10)
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = _config(tmp_path, "[limits]\nmax_documents_per_file = 4\n")
    done = _lagebild("run", "feed.jsonl", "--db", "out.db", "--config", str(config), "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _docs(tmp_path / "out.db") == ["r0", "r1", "r2", "r3"]
    assert "feed.jsonl:5" in done.stderr and "stopped after 4 records" in done.stderr


def test_max_seconds_per_document_from_config(tmp_path: Path) -> None:
    # A tiny cap: the long article cannot be split into sentences in time, the short one can
    # (the cap is per document, so the short one is not starved by the long one).
    (tmp_path / "long.txt").write_text((ARTICLE + "\n") * 5000, encoding="utf-8")
    config = _config(tmp_path, "[limits]\nmax_seconds_per_document = 0.05\n")
    done = _lagebild("run", "long.txt", "--db", "out.db", "--config", str(config), "--quiet", cwd=tmp_path)
    assert "long.txt" in done.stderr and "max_seconds_per_document" in done.stderr, done.stderr
    assert _docs(tmp_path / "out.db") == []


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("max_document_bytes = -1", "must be positive"),
        ('max_document_bytes = "10MB"', "must be int"),
        ("max_documents_per_file = 0", "must be positive"),
        ("max_seconds_per_dokument = 5", "unknown setting"),
    ],
)
def test_bad_limit_settings_are_refused(tmp_path: Path, setting: str, message: str) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    config = _config(tmp_path, f"[limits]\n{setting}\n")
    done = _lagebild("run", "a.txt", "--db", "out.db", "--config", str(config), "--quiet", cwd=tmp_path)
    assert done.returncode == 3, (done.returncode, done.stderr)
    assert message in done.stderr
    assert not (tmp_path / "out.db").exists(), "nothing is written when the settings are wrong"


# --- bounded memory ---------------------------------------------------------------------------

# Reads every article of one input with the library's readers; prints counts and peak RSS.
_MEASURE = r"""
import json, resource, sys
from pathlib import Path
from lagebild.ingest import read_path
from lagebild.models import Problem
articles = problems = 0
reasons = []
for item in read_path(Path(sys.argv[1])):
    if isinstance(item, Problem):
        problems += 1
        reasons.append(item.reason)
    else:
        articles += 1
def peak_mib():
    # VmHWM is this process image's own peak; ru_maxrss also counts the parent's peak on Linux
    # when the child was forked/vforked from a big pytest process before exec.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result = {"articles": articles, "problems": problems, "reasons": reasons[:3], "peak_mib": peak_mib()}
print(json.dumps(result))
"""


def _measure(path: Path, timeout: float = 600, reading: str | None = None) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {reading or path.name} took over {timeout:g} s")
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


PEAK_LIMIT_MIB = 200  # the interpreter and imports take ~60 MiB; the inputs below are 200 MiB to 1 GiB


def test_200_mib_jsonl_gz_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    record = (json.dumps({"id": "x", "text": ARTICLE * 20}, ensure_ascii=False) + "\n").encode("utf-8")
    n = (200 * MIB) // len(record) + 1
    with gzip.open(path, "wb", compresslevel=1) as out:  # ~200 MiB of JSONL, a few MiB on disk
        chunk = record * 1000
        for _ in range(n // 1000 + 1):
            out.write(chunk)
    result = _measure(path)
    assert result["articles"] >= n and result["problems"] == 0
    assert result["peak_mib"] < PEAK_LIMIT_MIB, result
    print(f"\nlimits: {n} records (~200 MiB JSONL.gz) read with peak RSS {result['peak_mib']:.0f} MiB")


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as out:  # a hole: 1 GiB that takes no disk space
        out.truncate(size)
    return path


@pytest.mark.parametrize("name", ["huge.jsonl", "huge.txt", "huge.html"])
def test_one_gib_file_is_read_in_bounded_memory(tmp_path: Path, name: str) -> None:
    result = _measure(_sparse(tmp_path / name, 1024 * MIB))
    assert result["articles"] == 0 and result["problems"] >= 1, result
    assert result["peak_mib"] < PEAK_LIMIT_MIB, result
    print(f"\nlimits: 1 GiB {name} -> {result['reasons']} with peak RSS {result['peak_mib']:.0f} MiB")


@pytest.mark.parametrize("name", ["huge.xml"])
def test_one_gib_feed_file_is_refused_in_bounded_memory(tmp_path: Path, name: str) -> None:
    result = _measure(_sparse(tmp_path / name, 1024 * MIB))
    assert result["problems"] >= 1, result
    assert result["peak_mib"] < PEAK_LIMIT_MIB, result


# --- hostile WARC files --------------------------------------------------------------------------


def _warc(path: Path, headers: bytes, body: bytes = b"<html><body><p>Hallo Welt.</p></body></html>") -> Path:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    with open(path, "wb") as out:
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\n" + headers)
        out.write(b"Content-Type: application/http; msgtype=response\r\n")
        out.write(b"Content-Length: %d\r\n\r\n" % len(http) + http + b"\r\n\r\n")
    return path


def test_warc_record_without_target_uri_is_a_problem(tmp_path: Path) -> None:
    from lagebild.ingest import read_path
    from lagebild.models import Problem

    path = _warc(tmp_path / "no-uri.warc", b"")
    items = list(read_path(path))
    assert items and all(isinstance(i, Problem) and i.source == str(path) for i in items)


def test_warc_with_a_64_mib_header_line_is_refused_quickly(tmp_path: Path) -> None:
    path = _warc(
        tmp_path / "long-header.warc",
        b"WARC-Target-URI: http://x.de/\r\nX-Pad: " + b"a" * (64 * MIB) + b"\r\n",
    )
    assert _measure(path, timeout=20, reading="a 64 MiB WARC header")["peak_mib"] < PEAK_LIMIT_MIB


def test_warc_with_millions_of_header_lines_is_refused_quickly(tmp_path: Path) -> None:
    # Short lines pass the line cap; warcio would keep every one (and join continuation lines
    # with +=). The cap on a record's header block ends the file with a problem instead.
    many = b"X-A: b\r\n" * (2 * MIB) + b"X-C: c\r\n" + b" continued\r\n" * MIB
    path = _warc(tmp_path / "many-headers.warc", b"WARC-Target-URI: http://x.de/\r\n" + many)
    measured = _measure(path, timeout=20, reading="3 million WARC header lines")
    assert measured["problems"] == 1 and measured["peak_mib"] < PEAK_LIMIT_MIB, measured


def test_warc_of_many_small_header_only_records_is_read_whole(tmp_path: Path) -> None:
    # The header cap is per record: 6,000 records of 1 KiB headers (revisit-like, no body
    # read) plus one article are a normal archive.
    from lagebild.ingest import read_path
    from lagebild.models import RawArticle

    filler = b"".join(
        b"WARC/1.0\r\nWARC-Type: metadata\r\nWARC-Target-URI: http://x.de/%d\r\nX-Pad: %s\r\n"
        b"Content-Length: 0\r\n\r\n\r\n\r\n" % (i, b"p" * 1000)
        for i in range(6000)
    )
    path = _warc(tmp_path / "many-records.warc", b"WARC-Target-URI: http://x.de/a\r\n")
    path.write_bytes(filler + path.read_bytes())
    items = list(read_path(path))
    assert [type(i) for i in items] == [RawArticle], items[:3]
