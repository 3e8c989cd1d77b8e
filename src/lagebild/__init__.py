"""lagebild: German news pages -> sourced, queryable PLOVER events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigError,
    DataMissingError,
    InputError,
    LagebildError,
    ModelError,
    StoreError,
)
from .models import (
    Actor,
    ActorRef,
    Document,
    Event,
    Mention,
    Problem,
    RawArticle,
    Sentence,
)

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path


def read(*paths: str | Path) -> Iterator[RawArticle | Problem]:
    """Read files, folders, URLs (or ``-`` for JSONL on stdin) into RawArticles and Problems."""
    from .ingest import read_paths

    return read_paths(paths)


# The subpackage `lagebild.clean` and the function `lagebild.clean` share a name. Importing the
# subpackage first, here, means the `def` below is what the package attribute ends up as (a
# later first-time import of the subpackage would otherwise replace the function by the module).
from . import clean as _clean_package  # noqa: E402


def clean(raw: RawArticle) -> Document:
    """Separate the article body from boilerplate and find title, date, outlet, language."""
    return _clean_package.clean(raw)


def annotate(doc: Document, stages: Iterable[str] | None = None) -> Document:
    """Run the annotation stages (default: sentences, ner, actors, events) over a Document."""
    from .pipeline import DEFAULT_STAGES

    document: Document = _pipeline(tuple(stages) if stages is not None else DEFAULT_STAGES)(doc)
    return document


def process(*paths: str | Path) -> list[Document | Problem]:
    """Read, clean and annotate everything in ``paths``; problems are returned, not raised."""
    from .pipeline import DEFAULT_STAGES
    from .pipeline import process as process_raws

    return list(process_raws(read(*paths), _pipeline(DEFAULT_STAGES)))


_PIPELINES: dict[tuple[str, ...], Any] = {}


def _pipeline(stages: tuple[str, ...]) -> Any:
    from .pipeline import Pipeline

    if stages not in _PIPELINES:
        _PIPELINES[stages] = Pipeline.from_names(stages)
    return _PIPELINES[stages]


__all__ = [
    "Actor",
    "ActorRef",
    "ConfigError",
    "DataMissingError",
    "Document",
    "Event",
    "InputError",
    "LagebildError",
    "Mention",
    "ModelError",
    "Problem",
    "RawArticle",
    "Sentence",
    "StoreError",
    "__version__",
    "annotate",
    "clean",
    "process",
    "read",
]
