"""WARC / WARC.gz (Common Crawl News layout): every HTML ``response`` record is an article.

warcio streams records one at a time (bounded memory) and handles both plain and per-record
gzip files. Non-HTML responses (images, PDFs), error statuses and non-response records are
skipped; a truncated or corrupt archive yields a Problem after the records read so far.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..models import Problem, RawArticle
from .decode import decode_bytes
from .limits import Limits

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, limits: Limits) -> Iterator[RawArticle | Problem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    taken = 0
    if not _starts_like_warc(path):
        yield Problem(str(path), "not a readable WARC file: it does not start with a WARC/1.x record")
        return
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if not status.startswith("2") or not ctype.startswith(_HTML_TYPES):
                    continue
                if taken >= limits.max_documents_per_file:
                    yield Problem(str(path), f"stopped after {taken} records (limits.max_documents_per_file)")
                    return
                url = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(limits.max_document_bytes + 1)
                if len(data) > limits.max_document_bytes:
                    yield Problem(str(path), f"record {url}: too large for one article, skipped", number)
                    continue
                decoded = decode_bytes(data, html=True)
                if isinstance(decoded, str):
                    yield Problem(str(path), f"record {url}: {decoded}", number)
                    continue
                text, encoding = decoded
                if not text.strip():
                    continue
                taken += 1
                yield RawArticle(
                    source=str(path),
                    doc=url or f"{path.name}:{number}",
                    text=text,
                    kind="html",
                    url=url,
                    published=None,
                    line=number,
                    encoding=encoding,
                )
    except ArchiveLoadFailed as exc:
        yield Problem(str(path), f"not a readable WARC file: {exc}")
    except (EOFError, OSError, ValueError) as exc:
        yield Problem(str(path), f"WARC file broken after {taken} articles: {exc or type(exc).__name__}")


def _starts_like_warc(path: Path) -> bool:
    import gzip

    try:
        with open(path, "rb") as raw:
            head = raw.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as stream:
            return bool(stream.read(6).startswith(b"WARC/"))
    except (OSError, EOFError):
        return False
