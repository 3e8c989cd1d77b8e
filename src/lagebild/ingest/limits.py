"""Safety limits for reading input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Safety limits for one run. Defaults are safe for news; raise them on purpose."""

    max_document_bytes: int = 10 * 1024 * 1024  # one article (a .txt/.html file, a JSONL line)
    max_documents_per_file: int = 1_000_000  # records taken from one JSONL file
