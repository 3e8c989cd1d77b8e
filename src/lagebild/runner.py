"""One run: inputs -> read -> clean -> (skip if stored) -> annotate -> store.

Cleaning comes before the duplicate check because an article's identity is the hash of its
clean text: the same story saved twice with different boilerplate is stored once. Unchanged
files seen in an earlier run (same path, size and mtime) are not even read again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .clean import clean
from .config import Settings
from .errors import LagebildError
from .ingest import iter_input_files, read_path, read_paths
from .models import Document, Problem, RawArticle
from .pipeline import Pipeline
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    files: int = 0
    read: int = 0  # articles read from the inputs
    added: int = 0  # new articles stored
    duplicates: int = 0  # articles already stored
    unchanged_files: int = 0  # files skipped because an earlier run stored them unchanged
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def anything_read(self) -> bool:
        return self.read > 0 or self.unchanged_files > 0


ProblemHook = Callable[[Problem], None]
ProgressHook = Callable[[int], None]  # called with the number of files finished so far


def list_inputs(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for item in iter_input_files(p for p in paths if p != "-"):
        (problems if isinstance(item, Problem) else files).append(item)  # type: ignore[arg-type]
    return files, problems


def run(
    paths: list[str],
    store: Store,
    settings: Settings,
    pipeline: Pipeline | None = None,
    on_problem: ProblemHook | None = None,
    on_progress: ProgressHook | None = None,
) -> RunSummary:
    started = time.perf_counter()
    pipeline = pipeline or Pipeline.from_names(settings.pipeline.stages)
    summary = RunSummary()
    files, problems = list_inputs(paths)
    summary.files = len(files)

    def report(problem: Problem) -> None:
        summary.problems.append(problem)
        if on_problem:
            on_problem(problem)

    for problem in problems:
        report(problem)
    batch: list[tuple[Document, int | None, float | None]] = []

    def flush() -> None:
        if batch:
            summary.added += store.write_many(batch)
            batch.clear()

    for done, path in enumerate(files, start=1):
        size, mtime = _stat(path)
        if size is not None and store.known_input(str(path), _doc_name(path), size, mtime or 0.0):
            summary.unchanged_files += 1
        else:
            for item in _annotated(read_path(path, settings.reader_limits()), store, pipeline, summary):
                if isinstance(item, Problem):
                    report(item)
                    continue
                summary.events += len(item.events)
                single_file = item.source == str(path) and item.doc == _doc_name(path)
                batch.append((item, size if single_file else None, mtime if single_file else None))
                if len(batch) >= settings.pipeline.batch_size:
                    flush()
        if on_progress:
            on_progress(done)
    if "-" in paths:
        for item in _annotated(read_paths(["-"], settings.reader_limits()), store, pipeline, summary):
            if isinstance(item, Problem):
                report(item)
            else:
                summary.events += len(item.events)
                batch.append((item, None, None))
                if len(batch) >= settings.pipeline.batch_size:
                    flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _annotated(
    items: Iterable[RawArticle | Problem], store: Store, pipeline: Pipeline, summary: RunSummary
) -> Iterator[Document | Problem]:
    for raw in items:
        if isinstance(raw, Problem):
            yield raw
            continue
        summary.read += 1
        try:
            doc = clean(raw)
            if store.has_article(doc.id):
                summary.duplicates += 1
                continue
            yield pipeline(doc)
        except LagebildError as exc:
            yield Problem(raw.source, _reason(exc), raw.line)


def _reason(exc: LagebildError) -> str:
    # InputError already names the source; keep only the reason so it is not printed twice.
    return getattr(exc, "reason", None) or str(exc)


def _doc_name(path: Path) -> str:
    name = path.name
    return name[:-3] if name.lower().endswith(".gz") else name


def _stat(path: Path) -> tuple[int | None, float | None]:
    try:
        st = path.stat()
    except OSError:
        return None, None
    return st.st_size, st.st_mtime
