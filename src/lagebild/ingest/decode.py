"""Bytes -> text without mojibake, or a reason why the bytes are not text."""

from __future__ import annotations

import io

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
        return strip_controls(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return strip_controls(data[2:].decode(codec, errors="replace")), codec
    why_binary = _binary_reason(data)
    if why_binary:
        return why_binary
    try:
        return strip_controls(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        if _is_truncated_utf8(data, exc):
            return strip_controls(data[: exc.start].decode("utf-8")), "utf-8"
    declared = _declared_charset(data) if html else None
    for codec in filter(None, (declared, "cp1252", "latin-1")):
        try:
            return strip_controls(data.decode(codec)), codec
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


# C0 and DEL, and the C1 range (0x9B is a one-byte CSI terminals obey); tab and newlines stay.
_CONTROL_TABLE = (
    {c: None for c in range(32) if c not in (9, 10, 13)} | {0x7F: None} | {c: None for c in range(0x80, 0xA0)}
)


def strip_controls(text: str) -> str:
    """Drops control characters; every line break becomes a plain newline.

    Control characters other than tab/newline break terminals, XML and JSON consumers.
    """
    return text.translate(_CONTROL_TABLE).replace("\r\n", "\n").replace("\r", "\n")
