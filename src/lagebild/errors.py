"""The exceptions lagebild raises. Each message says what went wrong and what to do.

Library code raises these; the CLI (``cli.py``) and the web app map them to exit codes and
HTTP answers in one place each.
"""

from __future__ import annotations


class LagebildError(Exception):
    """Base of every error lagebild raises on purpose."""

    exit_code = 1


class InputError(LagebildError):
    """An input file or record cannot be read (binary, empty, malformed, too large)."""

    exit_code = 2

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ConfigError(LagebildError):
    """A setting is unknown or has the wrong type."""

    exit_code = 3


class StoreError(LagebildError):
    """The database cannot be opened or has an incompatible schema."""

    exit_code = 4


class ModelError(LagebildError):
    """A trained artefact (NER model, knowledge base) is missing or broken."""

    exit_code = 5


class DataMissingError(LagebildError):
    """Training/evaluation data under ``../shared/data`` was not found."""

    exit_code = 6
