"""JSONL records: one article per line.

Fields (all optional except the text): ``id``, ``title``, ``text`` or ``content`` (plain body)
or ``html`` (a whole page), ``url``, ``published`` or ``date``, ``outlet`` or ``source``,
``author``. A line that is not a JSON object, or lacks text, becomes a Problem naming the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..models import Problem, RawArticle
from .decode import strip_controls

Decoder = Callable[[bytes], "tuple[str, str] | str"]

_TEXT_FIELDS = ("text", "content", "body")
_STRING_FIELDS = ("id", "title", "url", "published", "date", "outlet", "source", "author", "html")
_SURROGATES = re.compile("[\ud800-\udfff]")


def records_from_lines(
    lines: Iterable[bytes | None],
    source: str,
    name: str,
    max_records: int,
    decode: Decoder,
) -> Iterator[RawArticle | Problem]:
    taken = 0
    for number, line in enumerate(lines, start=1):
        if line is None:
            yield Problem(source, "line too long: over the limit for one article, skipped", number)
            continue
        if not line.strip():
            continue
        if taken >= max_records:
            yield Problem(
                source,
                f"stopped after {max_records} records (limits.max_documents_per_file)",
                number,
            )
            return
        item = _record(line, source, name, number, decode)
        if isinstance(item, RawArticle):
            taken += 1
        yield item


def _record(line: bytes, source: str, name: str, number: int, decode: Decoder) -> RawArticle | Problem:
    decoded = decode(line)
    if isinstance(decoded, str):
        return Problem(source, decoded, number)
    text, encoding = decoded
    try:
        obj: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        return Problem(source, f"malformed JSON ({exc.msg} at column {exc.colno})", number)
    except RecursionError:  # "[[[[..." deeper than Python's stack: hostile, not an article
        return Problem(source, "malformed JSON (nested too deeply)", number)
    if not isinstance(obj, dict):
        return Problem(source, f"expected a JSON object, got {type(obj).__name__}", number)
    wrong = [k for k in _STRING_FIELDS + _TEXT_FIELDS if k in obj and not _is_scalar(obj[k])]
    if wrong:
        return Problem(source, f"field {wrong[0]!r} must be a string", number)
    body = next((_text(obj[k]) for k in _TEXT_FIELDS if obj.get(k) not in (None, "")), None)
    html = None if obj.get("html") in (None, "") else _text(obj["html"])
    content = body if body is not None else html
    if content is None:
        return Problem(source, "record has no text: expected 'text', 'content' or 'html'", number)
    if not content.strip():
        return Problem(source, "record text is empty", number)
    record_id = _str(obj.get("id"))
    return RawArticle(
        source=source,
        doc=record_id or f"{name}:{number}",
        text=content,
        kind="record" if body is not None else "html",
        title=_str(obj.get("title")),
        url=_str(obj.get("url")),
        published=_str(obj.get("published") or obj.get("date")),
        outlet=_str(obj.get("outlet") or obj.get("source")),
        author=_str(obj.get("author")),
        line=number,
        encoding=encoding,
    )


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float) and not isinstance(value, bool)


def _text(value: object) -> str:
    # decode_bytes cleaned the raw line, but JSON escapes (\u001b, \u0007, \u009b) make control
    # characters after it, and \ud800 a lone surrogate that no UTF-8 encoder (hashing, SQLite)
    # accepts: the same cleaning as for files, and U+FFFD for the surrogate.
    return strip_controls(_SURROGATES.sub("\ufffd", str(value)))


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = _text(value).strip()
    return text or None
