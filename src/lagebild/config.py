"""Typed settings: packaged defaults, then the user's TOML file on top. Unknown keys are errors.

Every setting carries its help text (``help`` in the field metadata); ``lagebild config``
prints them. The user's file is ``lagebild.toml`` in the current folder, or the one given
with ``--config``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .ingest import Limits

USER_FILE = "lagebild.toml"


def _setting(default: Any, help: str) -> Any:
    if isinstance(default, list | tuple):
        return field(default_factory=lambda: tuple(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class StoreSettings:
    path: str = _setting("lagebild.db", "SQLite database file used when --db is not given")


@dataclass(frozen=True)
class LimitSettings:
    max_document_bytes: int = _setting(
        10 * 1024 * 1024, "largest single article (file or JSONL line) read, in bytes"
    )
    max_documents_per_file: int = _setting(
        1_000_000, "most records taken from one JSONL file; the rest are reported"
    )
    max_seconds_per_document: float = _setting(
        60.0, "give up on one article after this many seconds of cleaning and annotation"
    )


@dataclass(frozen=True)
class PipelineSettings:
    stages: tuple[str, ...] = _setting(
        ["sentences", "ner", "actors", "events"],
        "annotation stages run after cleaning, in order (ner-full: NER on every sentence, slower)",
    )
    batch_size: int = _setting(32, "articles written to the store per transaction")


@dataclass(frozen=True)
class Settings:
    store: StoreSettings = field(default_factory=StoreSettings)
    limits: LimitSettings = field(default_factory=LimitSettings)
    pipeline: PipelineSettings = field(default_factory=PipelineSettings)

    def reader_limits(self) -> Limits:
        return Limits(
            max_document_bytes=self.limits.max_document_bytes,
            max_documents_per_file=self.limits.max_documents_per_file,
        )


def load_settings(path: str | Path | None = None) -> Settings:
    """Defaults, overridden by ``path`` (or ``./lagebild.toml`` when it exists)."""
    settings = Settings()
    file = Path(path) if path else Path(USER_FILE)
    if path is None and not file.exists():
        return settings
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file {file} not found") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file {file} is not valid TOML: {exc}") from exc
    return _apply(settings, data, str(file))


def _apply(settings: Settings, data: dict[str, Any], where: str) -> Settings:
    sections = {f.name: f for f in fields(settings)}
    updates: dict[str, Any] = {}
    for name, values in data.items():
        if name not in sections:
            raise ConfigError(f"{where}: unknown section [{name}]; known: {', '.join(sections)}")
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: [{name}] must be a table")
        updates[name] = _apply_section(getattr(settings, name), values, f"{where} [{name}]")
    return replace(settings, **updates)


def _apply_section(section: Any, values: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(section)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting {key!r}; known: {', '.join(known)}")
        default = getattr(section, key)
        if isinstance(default, tuple):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {key} must be a list of strings")
            value = tuple(value)
        elif isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        elif isinstance(default, bool) or not isinstance(value, type(default)):
            raise ConfigError(f"{where}: {key} must be {type(default).__name__}, got {value!r}")
        if isinstance(value, int | float) and value <= 0:
            raise ConfigError(f"{where}: {key} must be positive")
        changes[key] = value
    return replace(section, **changes)


def describe(settings: Settings) -> list[tuple[str, Any, str]]:
    """(dotted name, value, help) for every setting: what `lagebild config` prints."""
    rows: list[tuple[str, Any, str]] = []
    for section in fields(settings):
        obj = getattr(settings, section.name)
        for f in fields(obj):
            rows.append((f"{section.name}.{f.name}", getattr(obj, f.name), f.metadata["help"]))
    return rows
