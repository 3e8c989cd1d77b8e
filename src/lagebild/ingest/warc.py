"""WARC / WARC.gz (Common Crawl News layout): every HTML ``response`` record is an article.

warcio streams records one at a time (bounded memory) and handles both plain and per-record
gzip files. Non-HTML responses (images, PDFs), error statuses and non-response records are
skipped; a truncated or corrupt archive yields a Problem after the records read so far.

Three hostile inputs warcio does not survive on its own are handled by the subclasses in
``_archive_iterator``: a record without ``WARC-Target-URI``, a header line of many MiB, and a
header block of millions of short lines (warcio keeps every header and joins continuation
lines with ``+=``: unbounded memory and quadratic time).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from ..models import Problem, RawArticle
from .decode import decode_bytes
from .limits import Limits

_HTML_TYPES = ("text/html", "application/xhtml+xml")

# Real WARC and HTTP header lines are a few KB (long URLs, cookies, CSP); warcio reads lines only
# for headers and record boundaries, never for the payload, so this cap cannot cut an article.
MAX_HEADER_LINE_BYTES = 2**20
# All lines one record reads with readline: its WARC headers, the HTTP headers of its payload
# and the blank lines after it (the payload itself is read with read()).
MAX_HEADER_BLOCK_BYTES = 4 * 2**20


class HeaderLineTooLong(ValueError):
    """Record headers longer than the caps above: not a real WARC."""


def read_warc(path: Path, limits: Limits) -> Iterator[RawArticle | Problem]:
    from warcio.exceptions import ArchiveLoadFailed

    taken = 0
    if not _starts_like_warc(path):
        yield Problem(str(path), "not a readable WARC file: it does not start with a WARC/1.x record")
        return
    try:
        with open(path, "rb") as stream:
            for number, record in enumerate(_archive_iterator()(stream), start=1):
                if record.rec_type != "response":
                    continue
                if not record.rec_headers.get_header("WARC-Target-URI"):
                    yield Problem(str(path), "response record without WARC-Target-URI, skipped", number)
                    continue
                if record.http_headers is None:
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
    except HeaderLineTooLong as exc:
        yield Problem(str(path), f"not a readable WARC file after {taken} articles: {exc}")
    except (EOFError, OSError, ValueError) as exc:
        yield Problem(str(path), f"WARC file broken after {taken} articles: {exc or type(exc).__name__}")


@lru_cache(maxsize=1)
def _archive_iterator() -> Any:
    """warcio's ArchiveIterator, hardened (built on first use: warcio is imported lazily)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.bufferedreaders import DecompressingBufferedReader
    from warcio.recordloader import ArcWarcRecordLoader
    from warcio.utils import BUFF_SIZE

    class Loader(ArcWarcRecordLoader):  # type: ignore[misc]
        def load_http_headers(self, rec_type: str, uri: str | None, stream: Any, length: Any) -> Any:
            # warcio calls uri.startswith(): a record without a target URI raised AttributeError,
            # which ends the iteration and so the whole file. read_warc reports the record.
            if uri is None:
                return None
            return super().load_http_headers(rec_type, uri, stream, length)

    class Reader(DecompressingBufferedReader):  # type: ignore[misc]
        header_bytes = 0  # bytes read by readline since the current record began

        def readline(self, length: int | None = None) -> bytes:
            line = _readline(self, length)
            self.header_bytes += len(line)
            if self.header_bytes > MAX_HEADER_BLOCK_BYTES:
                raise HeaderLineTooLong(
                    f"record headers longer than {MAX_HEADER_BLOCK_BYTES // 2**20} MiB in all"
                )
            return line

    class HardenedArchiveIterator(ArchiveIterator):  # type: ignore[misc]
        def __init__(self, fileobj: IO[bytes]) -> None:
            super().__init__(fileobj, block_size=BUFF_SIZE)
            self.loader = Loader(verify_http=False, arc2warc=False)  # ArchiveIterator's defaults
            self.reader = Reader(self.fh, block_size=BUFF_SIZE)  # replaces the one nothing has read yet

        def _next_record(self, next_line: Any) -> Any:
            self.reader.header_bytes = 0
            return super()._next_record(next_line)

    return HardenedArchiveIterator


def _readline(reader: Any, length: int | None) -> bytes:
    """warcio's BufferedReader.readline, but linear and capped.

    warcio joins a line across its 16 KiB blocks with ``+=``: a header line of n bytes costs
    O(n^2) (32 MiB took ~20 s) and is held whole. Here the parts go to a list, and a line past
    ``MAX_HEADER_LINE_BYTES`` stops the file.
    """
    if length == 0:
        return b""
    reader._fillbuff()
    if reader.empty():
        return b""
    parts: list[bytes] = []
    size = 0
    while True:
        part = reader.buff.readline(length - size if length else -1)
        parts.append(part)
        size += len(part)
        if part.endswith(b"\n") or (length and size >= length):
            break
        if size > MAX_HEADER_LINE_BYTES:
            raise HeaderLineTooLong(f"a header line longer than {MAX_HEADER_LINE_BYTES // 2**20} MiB")
        reader._fillbuff()
        if reader.empty():
            break
    return b"".join(parts)


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
