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


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that is much cheaper per document when given many at once (a neural model
    batches its matrix work). ``many`` must return one Document per input, in order."""

    def many(self, docs: list[Document]) -> list[Document]: ...


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
        return run_stages(self.stages, doc)

    def split_at_batch_stage(self) -> tuple[list[Stage], BatchStage | None, list[Stage]]:
        """The stages before the first batch stage, that stage (None if there is none) and
        the stages after it: a runner with many documents at hand runs the first part per
        document, the batch stage once over all of them, then the rest per document."""
        for k, stage in enumerate(self.stages):
            if isinstance(stage, BatchStage):
                return self.stages[:k], stage, self.stages[k + 1 :]
        return list(self.stages), None, []


def run_stages(stages: Iterable[Stage], doc: Document) -> Document:
    for stage in stages:
        doc = _checked(stage, stage(doc))
    return doc


def run_batch_stage(stage: BatchStage, docs: list[Document]) -> list[Document]:
    out = stage.many(docs)
    if len(out) != len(docs):
        raise LagebildError(f"stage {stage.name!r} returned {len(out)} documents for {len(docs)}")
    return [_checked(stage, d) for d in out]


def _checked(stage: Stage, out: object) -> Document:
    if not isinstance(out, Document):
        raise LagebildError(f"stage {stage.name!r} returned {type(out).__name__}, expected Document")
    return out


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
