"""Readers: formats, encodings, and bad input that must become a Problem, never a crash."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from lagebild.ingest import Limits, decode_bytes, read_jsonl_stream, read_path, read_paths
from lagebild.models import Problem, RawArticle

GERMAN = "Der Außenminister äußerte sich in Moskau über „Größe“ – für 5 € täglich."


def _articles(items: list[RawArticle | Problem]) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def _problems(items: list[RawArticle | Problem]) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


def test_seed_folder_gives_five_text_articles(seeds_dir: Path) -> None:
    items = list(read_paths([seeds_dir]))
    arts = _articles(items)
    assert [a.doc for a in arts] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert all(a.kind == "text" and a.encoding == "utf-8" for a in arts)
    assert "Putin bekräftigt Unterstützung für Maduro" in arts[0].text
    assert not _problems(items)


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Zweiter Text.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Erster Text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("versteckt", encoding="utf-8")
    arts = _articles(list(read_paths([tmp_path])))
    assert [a.text for a in arts] == ["Zweiter Text.", "Erster Text."]


def test_several_paths_and_missing_path(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Text A.", encoding="utf-8")
    items = list(read_paths([a, tmp_path / "nope.txt"]))
    assert [x.text for x in _articles(items)] == ["Text A."]
    [problem] = _problems(items)
    assert "nope.txt" in str(problem) and "no such file" in problem.reason


def test_html_file_is_kind_html(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text("<html><body><p>Hallo Welt.</p></body></html>", encoding="utf-8")
    [art] = _articles(list(read_path(page)))
    assert art.kind == "html" and "<p>Hallo Welt.</p>" in art.text


def test_gzipped_text_html_and_jsonl(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.txt.gz", "wt", encoding="utf-8") as f:
        f.write(GERMAN)
    with gzip.open(tmp_path / "b.html.gz", "wt", encoding="utf-8") as f:
        f.write("<p>Seite</p>")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "r1", "text": "Eins."}) + "\n")
    arts = _articles(list(read_paths([tmp_path])))
    assert [(a.doc, a.kind) for a in arts] == [("a.txt", "text"), ("b.html", "html"), ("r1", "record")]
    assert arts[0].text == GERMAN


def test_encodings_utf8_bom_cp1252_latin1_without_mojibake(tmp_path: Path) -> None:
    cases = {
        "bom.txt": b"\xef\xbb\xbf" + GERMAN.encode("utf-8"),
        "cp1252.txt": GERMAN.encode("cp1252"),
        "utf16.txt": b"\xff\xfe" + GERMAN.encode("utf-16-le"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "latin1.txt").write_bytes("Größe und Maß, Ärger über Öl.".encode("latin-1"))
    arts = {a.doc: a for a in _articles(list(read_paths([tmp_path])))}
    for name in cases:
        assert arts[name].text == GERMAN, name
    assert arts["latin1.txt"].text == "Größe und Maß, Ärger über Öl."
    assert arts["cp1252.txt"].encoding == "cp1252"
    assert "Ã" not in "".join(a.text for a in arts.values())


def test_html_declared_charset_is_used() -> None:
    page = '<meta charset="iso-8859-15"><p>Preis: 5 € für Größe</p>'.encode("iso-8859-15")
    text, codec = decode_bytes(page, html=True)  # type: ignore[misc]
    assert "5 € für Größe" in text and codec == "iso-8859-15"


def test_truncated_utf8_keeps_the_text() -> None:
    # A download cut inside the last multi-byte character: UTF-8 with a broken tail, not cp1252.
    data = "Maß und Über".encode() + "ü".encode()[:1]
    text, codec = decode_bytes(data)  # type: ignore[misc]
    assert text == "Maß und Über" and codec == "utf-8"


def test_binary_empty_and_too_large_are_problems(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (tmp_path / "nul.txt").write_bytes(b"abc\x00def" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_text("   \n\n ", encoding="utf-8")
    (tmp_path / "big.txt").write_bytes(b"Satz. " * 400_000)  # 2.4 MB
    (tmp_path / "ok.txt").write_text("Ein guter Text.", encoding="utf-8")
    items = list(read_paths([tmp_path], Limits(max_document_bytes=1_000_000)))
    assert [a.doc for a in _articles(items)] == ["ok.txt"]
    reasons = {Path(p.source).name: p.reason for p in _problems(items)}
    assert "binary" in reasons["image.txt"]
    assert "NUL" in reasons["nul.txt"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.html"]
    assert "too large" in reasons["big.txt"]


def test_unsupported_and_broken_gzip_are_reported(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    problems = _problems(list(read_paths([tmp_path])))
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert "unsupported file type '.jpg'" in reasons["photo.jpg"]
    assert "gzip" in reasons["broken.txt.gz"]


def _jsonl(lines: list[str | bytes]) -> list[RawArticle | Problem]:
    data = b"".join((ln if isinstance(ln, bytes) else ln.encode("utf-8")) + b"\n" for ln in lines)
    return list(
        read_jsonl_stream(io.BytesIO(data), "feed.jsonl", "feed.jsonl", Limits(max_document_bytes=2000))
    )


def test_jsonl_fields_and_alternatives() -> None:
    items = _jsonl(
        [
            json.dumps(
                {
                    "id": "a1",
                    "title": "T",
                    "text": "Body A",
                    "url": "https://x.de/a",
                    "published": "2025-10-27",
                }
            ),
            json.dumps({"content": "Body B", "date": "2025-12-11T20:04", "outlet": "watson", "author": "X"}),
            json.dumps({"id": 7, "html": "<p>Seite</p>"}),
        ]
    )
    a, b, c = _articles(items)
    assert (a.doc, a.title, a.text, a.url, a.published, a.kind) == (
        "a1",
        "T",
        "Body A",
        "https://x.de/a",
        "2025-10-27",
        "record",
    )
    assert (b.doc, b.published, b.outlet, b.author, b.line) == (
        "feed.jsonl:2",
        "2025-12-11T20:04",
        "watson",
        "X",
        2,
    )
    assert (c.doc, c.kind) == ("7", "html")


def test_malformed_jsonl_lines_are_named_and_the_rest_kept() -> None:
    items = _jsonl(
        [
            json.dumps({"id": "ok1", "text": "Gut."}),
            '{"id": "broken", "text": "unterbrochen',
            "[1, 2, 3]",
            json.dumps({"id": "nt", "title": "ohne Text"}),
            json.dumps({"id": "wrong", "text": {"nested": True}}),
            "",
            b'{"id": "bin", "text": "\x00\x01\x02\x03\x04\x05\x06\x07"}',
            json.dumps({"id": "long", "text": "x" * 5000}),
            json.dumps({"id": "ok2", "text": "Auch gut."}),
        ]
    )
    assert [a.doc for a in _articles(items)] == ["ok1", "ok2"]
    problems = {p.line: p.reason for p in _problems(items)}
    assert "malformed JSON" in problems[2]
    assert "expected a JSON object" in problems[3]
    assert "no text" in problems[4]
    assert "must be a string" in problems[5]
    assert 7 in problems and 8 in problems and "too long" in problems[8]
    assert all(str(p).startswith("feed.jsonl:") for p in _problems(items))


def test_jsonl_record_cap() -> None:
    lines = [json.dumps({"text": f"Text {i}"}) for i in range(5)]
    data = ("\n".join(lines) + "\n").encode()
    items = list(read_jsonl_stream(io.BytesIO(data), "f", "f", Limits(max_documents_per_file=3)))
    assert len(_articles(items)) == 3
    assert "stopped after 3 records" in _problems(items)[0].reason


# --- WARC, feeds, URLs ---------------------------------------------------------------------


def _write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.name.endswith(".gz"))
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )


def test_warc_gz_html_responses_become_articles(tmp_path: Path) -> None:
    warc = tmp_path / "news.warc.gz"
    _write_warc(
        warc,
        [
            (
                "https://news.example/a",
                "text/html; charset=utf-8",
                b"<html><body><p>Putin traf Xi in Peking.</p></body></html>",
            ),
            ("https://news.example/logo.png", "image/png", b"\x89PNG...."),
            ("https://news.example/b", "text/html", "<p>Größe zählt.</p>".encode("cp1252")),
        ],
    )
    items = list(read_paths([tmp_path]))
    arts = _articles(items)
    assert [(a.doc, a.kind) for a in arts] == [
        ("https://news.example/a", "html"),
        ("https://news.example/b", "html"),
    ]
    assert "Größe zählt" in arts[1].text and not _problems(items)


def test_truncated_warc_keeps_what_was_read(tmp_path: Path) -> None:
    warc = tmp_path / "cut.warc"
    _write_warc(
        warc, [(f"https://n.example/{i}", "text/html", f"<p>Artikel {i}</p>".encode()) for i in range(3)]
    )
    data = warc.read_bytes()
    warc.write_bytes(data[: int(len(data) * 0.8)])
    items = list(read_paths([warc]))
    assert len(_articles(items)) >= 1
    (tmp_path / "fake.warc").write_bytes(b"this is not a warc file at all\n" * 10)
    problems = _problems(list(read_paths([tmp_path / "fake.warc"])))
    assert problems and "WARC" in problems[0].reason


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tagesblatt</title>
<item><title>Putin und Xi</title><link>https://tb.example/1</link><guid>tb-1</guid>
<pubDate>Thu, 11 Dec 2025 20:04:00 +0100</pubDate><description>Kurz.</description>
<content:encoded><![CDATA[<p>Chinas Staatschef Xi Jinping hat Russland Unterstützung zugesagt.</p>]]>
</content:encoded></item>
<item><title>Ohne Inhalt</title><link>https://tb.example/2</link><description></description></item>
</channel></rss>"""


def test_rss_entries_become_articles(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(RSS, encoding="utf-8")
    items = list(read_paths([tmp_path / "feed.rss"]))
    [art] = _articles(items)
    assert (art.doc, art.title, art.url, art.outlet, art.published) == (
        "tb-1",
        "Putin und Xi",
        "https://tb.example/1",
        "Tagesblatt",
        "2025-12-11T19:04",
    )
    assert "Xi Jinping hat Russland" in art.text and art.kind == "html"
    assert "no text" in _problems(items)[0].reason


def test_not_a_feed_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "x.xml").write_text("<config><a>1</a></config>", encoding="utf-8")
    [problem] = _problems(list(read_paths([tmp_path / "x.xml"])))
    assert "not a feed" in problem.reason


def test_url_rules_refuse_other_schemes_and_private_addresses() -> None:
    import pytest

    from lagebild.errors import InputError
    from lagebild.ingest.fetch import FetchPolicy, check_url

    for url, message in (
        ("file:///etc/passwd", "only http and https"),
        ("ftp://x.example/a", "only http"),
        ("http://127.0.0.1:9/feed", "non-public address"),
        ("http://10.1.2.3/", "non-public"),
        ("http://169.254.169.254/latest", "non-public"),
        ("http://[::1]/", "non-public"),
    ):
        with pytest.raises(InputError, match=message):
            check_url(url, FetchPolicy())
    check_url("http://127.0.0.1:9/feed", FetchPolicy(allow_private=True))


def test_fetch_feed_and_page_from_local_server_with_caps() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from lagebild.ingest.fetch import FetchPolicy
    from lagebild.ingest.readers import read_url

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            routes = {
                "/feed": ("application/rss+xml", RSS.encode()),
                "/page": ("text/html", "<html><body><p>Seite über Größe.</p></body></html>".encode()),
                "/big": ("text/html", b"x" * 5000),
            }
            if self.path == "/redirect-out":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
                return
            ctype, body = routes.get(self.path, ("text/plain", b""))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", ctype)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    policy = FetchPolicy(allow_private=True, timeout_seconds=5, max_bytes=1000)
    try:
        [feed_art] = _articles(list(read_url(base + "/feed", policy=policy)))
        assert feed_art.title == "Putin und Xi"
        [page] = list(read_url(base + "/page", policy=policy))
        assert isinstance(page, RawArticle) and "Größe" in page.text and page.url == base + "/page"
        [big] = list(read_url(base + "/big", policy=policy))
        assert isinstance(big, Problem) and "too large" in big.reason
        [missing] = list(read_url(base + "/nope", policy=policy))
        assert isinstance(missing, Problem) and "404" in missing.reason
        [redirect] = list(read_url(base + "/redirect-out", policy=policy))
        assert isinstance(redirect, Problem) and "only http and https" in redirect.reason
        [refused] = list(read_url(base + "/feed"))  # default policy: no private addresses
        assert isinstance(refused, Problem) and "non-public" in refused.reason
    finally:
        server.shutdown()
