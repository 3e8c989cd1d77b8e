"""JSONL records: one article per line.

Fields (all optional except the text): ``id``, ``title``, ``text`` or ``content`` (plain body)
or ``html`` (a whole page), ``url``, ``published`` or ``date``, ``outlet`` or ``source``,
``author``. A line that is not a JSON object, or lacks text, becomes a Problem naming the line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..models import Problem, RawArticle

Decoder = Callable[[bytes], "tuple[str, str] | str"]

_TEXT_FIELDS = ("text", "content", "body")
_STRING_FIELDS = ("id", "title", "url", "published", "date", "outlet", "source", "author", "html")


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
    body = next((str(obj[k]) for k in _TEXT_FIELDS if obj.get(k) not in (None, "")), None)
    html = obj.get("html")
    if not body and not html:
        return Problem(source, "record has no text: expected 'text', 'content' or 'html'", number)
    if not (body or str(html)).strip():
        return Problem(source, "record text is empty", number)
    record_id = _str(obj.get("id"))
    return RawArticle(
        source=source,
        doc=record_id or f"{name}:{number}",
        text=body if body else str(html),
        kind="record" if body else "html",
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


def _str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
