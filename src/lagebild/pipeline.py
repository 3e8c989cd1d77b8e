"""Builds the annotation stages and runs a Document through them.

A stage is a callable ``Document -> Document`` with a ``name`` and what it ``requires`` and
``assigns`` (field names of ``Document``). Stages register a factory under their name; the
pipeline is built from the list of names in the settings, checks that every stage's
requirements are assigned by an earlier one, and refuses a stage that returns anything but a
``Document`` (the habit is spaCy's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from .errors import ConfigError, LagebildError, ModelError
from .models import Document, Problem, RawArticle

log = logging.getLogger(__name__)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[[], Stage]
_FACTORIES: dict[str, StageFactory] = {}

# What a freshly cleaned Document already has.
_CLEAN_ASSIGNS = ("body", "title", "published", "outlet", "author", "language")


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: make a stage factory available to pipelines under ``name``."""

    def wrap(factory: StageFactory) -> StageFactory:
        _FACTORIES[name] = factory
        return factory

    return wrap


def _load_builtin_stages() -> None:
    # Importing the modules runs their @register_stage decorators. Imported here, not at the
    # top, so that `import lagebild` stays cheap and a missing optional stage fails late.
    from .extract import actors, events  # noqa: F401
    from .nlp import ner, sentences  # noqa: F401


DEFAULT_STAGES: tuple[str, ...] = ("sentences", "ner", "actors", "events")


@dataclass
class Pipeline:
    stages: list[Stage]

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        _load_builtin_stages()
        stages: list[Stage] = []
        have = set(_CLEAN_ASSIGNS)
        for name in names:
            if name not in _FACTORIES:
                known = ", ".join(sorted(_FACTORIES))
                raise ConfigError(f"unknown pipeline stage {name!r}; known stages: {known}")
            stage = _FACTORIES[name]()
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise ConfigError(
                    f"stage {name!r} requires {', '.join(missing)}, which no earlier stage assigns"
                )
            have.update(stage.assigns)
            stages.append(stage)
        return cls(stages)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            out = stage(doc)
            if not isinstance(out, Document):
                raise LagebildError(
                    f"stage {stage.name!r} returned {type(out).__name__}, expected Document"
                )
            doc = out
        return doc


def process(
    raws: Iterable[RawArticle | Problem], pipeline: Pipeline
) -> Iterator[Document | Problem]:
    """Clean and annotate each article; a failure becomes a Problem, never a crash."""
    from .clean import clean

    for raw in raws:
        if isinstance(raw, Problem):
            yield raw
            continue
        try:
            yield pipeline(clean(raw))
        except (ModelError, ConfigError):
            raise  # not this document's fault: nothing else would work either
        except LagebildError as exc:
            yield Problem(raw.source, str(exc), raw.line)
