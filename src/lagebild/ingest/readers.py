"""Find input files, decode their bytes safely and turn them into RawArticles.

Formats, by suffix (each also as ``.gz``):

* ``.txt``            a page saved as plain text (boilerplate still in it) -> kind "text"
* ``.html``/``.htm``  a saved web page -> kind "html"
* ``.jsonl``          one article per line (see ``jsonl.py``) -> kind "record"

Documents are read whole but capped (``Limits.max_document_bytes``); JSONL is streamed line by
line, so a file of any size is read in bounded memory.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal

from ..models import Problem, RawArticle
from .jsonl import records_from_lines

DocumentKind = Literal["text", "html", "record"]

_KIND_BY_SUFFIX: dict[str, DocumentKind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "record",
    ".ndjson": "record",
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_KIND_BY_SUFFIX) + tuple(
    s + ".gz" for s in _KIND_BY_SUFFIX
)


@dataclass(frozen=True)
class Limits:
    """Safety limits for one run. Defaults are safe for news; raise them on purpose."""

    max_document_bytes: int = 10 * 1024 * 1024  # one article (a .txt/.html file, a JSONL line)
    max_documents_per_file: int = 1_000_000  # records taken from one JSONL file


def _suffixes(path: Path) -> tuple[str, bool]:
    """The format suffix of ``path`` and whether it is gzipped: ``a.jsonl.gz`` -> (.jsonl, True)."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    return Path(name).suffix, gz


def kind_of(path: Path) -> DocumentKind | None:
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


def read_paths(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[RawArticle | Problem]:
    """Every article in ``paths`` (files, folders, or ``-`` for JSONL on stdin)."""
    limits = limits or Limits()
    for item in iter_input_files(p for p in paths if str(p) != "-"):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_path(item, limits)
    if any(str(p) == "-" for p in paths):
        yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", "stdin", limits)


def read_path(path: Path, limits: Limits | None = None) -> Iterator[RawArticle | Problem]:
    """The article(s) in one file; Problems for whatever in it cannot be read."""
    limits = limits or Limits()
    kind = kind_of(path)
    if kind is None:
        yield Problem(str(path), _unsupported(path))
        return
    _, gz = _suffixes(path)
    try:
        if kind == "record":
            with _open_binary(path, gz) as stream:
                yield from read_jsonl_stream(stream, str(path), path.name, limits)
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
        return gzip.open(path, "rb")
    return open(path, "rb")


def _read_document(path: Path, kind: DocumentKind, gz: bool, limits: Limits) -> RawArticle | Problem:
    with _open_binary(path, gz) as stream:
        data = stream.read(limits.max_document_bytes + 1)
    if len(data) > limits.max_document_bytes:
        return Problem(
            str(path),
            f"too large: more than {limits.max_document_bytes / 2**20:.0f} MB for one article "
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


# --- decoding ---------------------------------------------------------------------------

_BINARY_SIGNATURES = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
)


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, str] | str:
    """Decode article bytes. Returns ``(text, encoding)`` or a reason why it is not text.

    Order: BOMs, strict UTF-8, a charset the HTML declares, cp1252 (the Windows superset of
    Latin-1 that German pages use), Latin-1. Trying strict UTF-8 first is what prevents
    mojibake: cp1252 would "decode" UTF-8 bytes into "Ã¼".
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strip_controls(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return _strip_controls(data[2:].decode(codec, errors="replace")), codec
    why_binary = _binary_reason(data)
    if why_binary:
        return why_binary
    try:
        return _strip_controls(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        if _is_truncated_utf8(data, exc):
            return _strip_controls(data[: exc.start].decode("utf-8")), "utf-8"
    declared = _declared_charset(data) if html else None
    for codec in filter(None, (declared, "cp1252", "latin-1")):
        try:
            return _strip_controls(data.decode(codec)), codec
        except (UnicodeDecodeError, LookupError):
            continue
    return "cannot decode: not UTF-8, cp1252 or Latin-1 text"  # unreachable: latin-1 decodes all


def _is_truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    # A file cut in the middle of a multi-byte character is UTF-8 with a broken tail, not cp1252.
    return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"


def _binary_reason(data: bytes) -> str | None:
    head = data[:8192]
    for signature in _BINARY_SIGNATURES:
        if head.startswith(signature):
            return "binary file, not text (looks like an image, archive, PDF or program)"
    if b"\x00" in head:
        return "binary file, not text (contains NUL bytes)"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return "binary file, not text (too many control characters)"
    return None


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096].lower()
    marker = head.find(b"charset=")
    if marker < 0:
        return None
    value = head[marker + 8 : marker + 40].strip(b"\"' ")
    name = bytes(c for c in value.split(b'"')[0].split(b"'")[0].split(b";")[0] if c > 32)
    try:
        codec = name.decode("ascii")
        io.TextIOWrapper(io.BytesIO(b""), encoding=codec)  # raises LookupError if unknown
        return codec
    except (UnicodeDecodeError, LookupError):
        return None


_CONTROL_TABLE = {c: None for c in range(32) if c not in (9, 10, 13)} | {0x7F: None}


def _strip_controls(text: str) -> str:
    # Control characters other than tab/newline break terminals, XML and JSON consumers.
    return text.translate(_CONTROL_TABLE).replace("\r\n", "\n").replace("\r", "\n")


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
