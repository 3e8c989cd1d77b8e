"""Find input files, decode their bytes safely and turn them into RawArticles.

Formats, by suffix (each also as ``.gz``):

* ``.txt``            a page saved as plain text (boilerplate still in it) -> kind "text"
* ``.html``/``.htm``  a saved web page -> kind "html"
* ``.jsonl``          one article per line (see ``jsonl.py``) -> kind "record"
* ``.warc``           web archive, every HTML response an article (``warc.py``)
* ``.rss``/``.atom``/``.xml``  a feed, every entry an article (``feeds.py``)

Besides files: ``http(s)://`` URLs (a feed or a page, fetched under ``FetchPolicy``) and
``-`` for JSONL on standard input.

Documents are read whole but capped (``Limits.max_document_bytes``); JSONL is streamed line by
line, so a file of any size is read in bounded memory.
"""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Literal, cast

from ..errors import InputError
from ..models import Problem, RawArticle
from .decode import decode_bytes
from .feeds import looks_like_feed, read_feed_bytes
from .fetch import FetchPolicy, fetch, is_url
from .jsonl import records_from_lines
from .limits import Limits
from .warc import read_warc

InputFormat = Literal["text", "html", "jsonl", "warc", "feed"]

_KIND_BY_SUFFIX: dict[str, InputFormat] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_KIND_BY_SUFFIX) + tuple(s + ".gz" for s in _KIND_BY_SUFFIX)


def _suffixes(path: Path) -> tuple[str, bool]:
    """The format suffix of ``path`` and whether it is gzipped: ``a.jsonl.gz`` -> (.jsonl, True)."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return Path(name).suffix, gz


def kind_of(path: Path) -> InputFormat | None:
    suffix, _ = _suffixes(path)
    return _KIND_BY_SUFFIX.get(suffix)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Expand files and folders (recursively, sorted) into input files.

    A folder's hidden files and files of other types are reported as Problems rather than
    silently dropped, except hidden files (editor backups, ``.DS_Store``), which are skipped.
    """
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield Problem(str(given), "no such file or folder")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if kind_of(child) is None:
                    yield Problem(str(child), _unsupported(child))
                else:
                    yield child
        elif kind_of(path) is None:
            yield Problem(str(path), _unsupported(path))
        else:
            yield path


def _unsupported(path: Path) -> str:
    return (
        f"skipped: unsupported file type {path.suffix or '(no suffix)'!r}; "
        f"lagebild reads {', '.join(sorted(_KIND_BY_SUFFIX))} (and .gz of each)"
    )


def read_paths(
    paths: Iterable[str | Path], limits: Limits | None = None, policy: FetchPolicy | None = None
) -> Iterator[RawArticle | Problem]:
    """Every article in ``paths``: files, folders, http(s) URLs, or ``-`` for JSONL on stdin."""
    limits = limits or Limits()
    given = [str(p) if is_url(str(p)) or str(p) == "-" else p for p in paths]
    for item in iter_input_files(p for p in given if not _is_stream(p)):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_path(item, limits)
    for p in given:
        if isinstance(p, str) and is_url(p):
            yield from read_url(p, limits, policy)
    if "-" in given:
        yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", "stdin", limits)


def _is_stream(p: str | Path) -> bool:
    return isinstance(p, str) and (p == "-" or is_url(p))


def read_url(
    url: str, limits: Limits | None = None, policy: FetchPolicy | None = None
) -> Iterator[RawArticle | Problem]:
    """A feed URL gives its entries; a page URL gives one HTML article."""
    limits = limits or Limits()
    policy = policy or FetchPolicy(max_bytes=limits.max_document_bytes)
    try:
        fetched = fetch(url, policy)
    except InputError as exc:
        yield Problem(url, exc.reason)
        return
    if looks_like_feed(fetched.data) or "xml" in fetched.content_type:
        yield from read_feed_bytes(fetched.data, url, limits)
        return
    decoded = decode_bytes(fetched.data, html=True)
    if isinstance(decoded, str):
        yield Problem(url, decoded)
        return
    text, encoding = decoded
    yield RawArticle(source=url, doc=fetched.url, text=text, kind="html", url=fetched.url, encoding=encoding)


def read_path(path: Path, limits: Limits | None = None) -> Iterator[RawArticle | Problem]:
    """The article(s) in one file; Problems for whatever in it cannot be read."""
    limits = limits or Limits()
    kind = kind_of(path)
    if kind is None:
        yield Problem(str(path), _unsupported(path))
        return
    _, gz = _suffixes(path)
    try:
        if kind == "jsonl":
            with _open_binary(path, gz) as stream:
                yield from read_jsonl_stream(stream, str(path), path.name, limits)
        elif kind == "warc":
            yield from read_warc(path, limits)  # warcio reads .warc.gz itself
        elif kind == "feed":
            yield from _read_feed(path, gz, limits)
        else:
            yield _read_document(path, kind, gz, limits)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield Problem(str(path), f"cannot read file: {_os_reason(exc)}")


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, gzip.BadGzipFile | zlib.error | EOFError):
        return f"broken gzip data ({exc or 'truncated'})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def _open_binary(path: Path, gz: bool) -> IO[bytes]:
    if gz:
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


# A feed is parsed whole (feedparser does not stream) and holds many articles: it may be this many
# times one article's limit.
_FEED_FACTOR = 10


def _read_feed(path: Path, gz: bool, limits: Limits) -> Iterator[RawArticle | Problem]:
    cap = limits.max_document_bytes * _FEED_FACTOR
    # A plain file's size is known without reading it; a gzipped one is read at most to the cap.
    if not gz and path.stat().st_size > cap:
        yield _feed_too_large(path, cap)
        return
    with _open_binary(path, gz) as stream:
        data = stream.read(cap + 1)
    if len(data) > cap:
        yield _feed_too_large(path, cap)
        return
    yield from read_feed_bytes(data, str(path), limits)


def _feed_too_large(path: Path, cap: int) -> Problem:
    return Problem(
        str(path),
        f"too large: more than {_size(cap)} for one feed file (a news feed is far smaller; "
        f"the cap is {_FEED_FACTOR} x limits.max_document_bytes, raise that to read it anyway)",
    )


def _size(n: int) -> str:
    # Limits set in a test config are often below 1 MB, which would print as "0 MB".
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} bytes"


def _read_document(
    path: Path, kind: Literal["text", "html"], gz: bool, limits: Limits
) -> RawArticle | Problem:
    with _open_binary(path, gz) as stream:
        data = stream.read(limits.max_document_bytes + 1)
    if len(data) > limits.max_document_bytes:
        return Problem(
            str(path),
            f"too large: more than {_size(limits.max_document_bytes)} for one article "
            "(a news page is far smaller; raise limits.max_document_bytes to read it anyway)",
        )
    decoded = decode_bytes(data, html=kind == "html")
    if isinstance(decoded, str):
        return Problem(str(path), decoded)
    text, encoding = decoded
    if not text.strip():
        return Problem(str(path), "empty file: no text in it")
    name = path.name[:-3] if gz else path.name
    return RawArticle(source=str(path), doc=name, text=text, kind=kind, encoding=encoding)


def read_jsonl_stream(
    stream: IO[bytes], source: str, name: str, limits: Limits | None = None
) -> Iterator[RawArticle | Problem]:
    """Records from a JSONL byte stream, one line at a time (bounded memory)."""
    limits = limits or Limits()
    lines = _bounded_lines(stream, limits.max_document_bytes)
    yield from records_from_lines(lines, source, name, limits.max_documents_per_file, decode_bytes)


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[bytes | None]:
    """Lines of ``stream``; ``None`` stands for a line longer than ``max_bytes`` (skipped unread)."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # Drain the rest of the over-long line without keeping it in memory.
            while True:
                rest = stream.readline(max_bytes)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line
