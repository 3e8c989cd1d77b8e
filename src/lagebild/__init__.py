"""lagebild: German news pages -> sourced, queryable PLOVER events."""

from __future__ import annotations

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
]
