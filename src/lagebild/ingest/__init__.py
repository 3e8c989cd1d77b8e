"""Readers: files, folders and streams -> RawArticle (or a Problem for what cannot be read).

One reader per input format, chosen by file suffix (``.gz`` is looked through). Readers never
raise for a bad input: they yield a ``Problem`` naming the file (and line) and go on with the
rest, so one broken file never costs the others.
"""

from __future__ import annotations

from .decode import decode_bytes
from .limits import Limits
from .readers import (
    SUPPORTED_SUFFIXES,
    iter_input_files,
    read_jsonl_stream,
    read_path,
    read_paths,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Limits",
    "decode_bytes",
    "iter_input_files",
    "read_jsonl_stream",
    "read_path",
    "read_paths",
]
