"""One run: inputs -> read -> clean -> (skip if stored) -> annotate -> store.

The main process reads the inputs and is the only writer to the store; cleaning and
annotation run where the executor says: in this process (``workers=1``), in local worker
processes (``workers=N``), or on a Dask cluster (``dask_address``). Work goes out in batches
with a bounded number in flight, so memory stays flat however large the input is.

Cleaning comes before the duplicate check because an article's identity is the hash of its
clean text: the same story saved twice with different boilerplate is stored once. Unchanged
files seen in an earlier run (same path, size and mtime) are not even read again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Protocol

from .clean import clean
from .clean.duplicates import mark_duplicates
from .config import Settings
from .errors import ConfigError, InputError, LagebildError, ModelError
from .ingest import iter_input_files, read_path, read_paths
from .ingest.decode import strip_controls
from .ingest.fetch import is_url
from .models import Document, Problem, RawArticle
from .pipeline import BatchStage, Pipeline, Stage, run_batch_stage, run_stages
from .store import StoreLike, is_postgres_url, open_store

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    files: int = 0
    read: int = 0  # articles read from the inputs
    added: int = 0  # new articles stored
    duplicates: int = 0  # articles already stored
    unchanged_files: int = 0  # files skipped because an earlier run stored them unchanged
    events: int = 0
    near_duplicates: int = 0  # articles given a near-duplicate cluster in this run
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def anything_read(self) -> bool:
        return self.read > 0 or self.unchanged_files > 0


ProblemHook = Callable[[Problem], None]
ProgressHook = Callable[[int], None]  # called with the number of input files finished so far


@dataclass(frozen=True)
class Skipped:
    """A batch result for an article that was already stored."""

    article_id: str


BatchResult = list[Document | Problem | Skipped]


class _Executor(Protocol):
    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Any: ...


# --- the work a batch does (runs in a worker process, or here) -------------------------------


@lru_cache(maxsize=4)
def _pipeline(stages: tuple[str, ...]) -> Pipeline:
    # Built once per process: loading the NER model and knowledge base is the slow part.
    return Pipeline.from_names(stages)


@lru_cache(maxsize=4)
def _reader_store(db_path: str) -> StoreLike | None:
    # Workers check "already stored?" on a read-only connection (WAL allows it while the main
    # process writes), so duplicates never reach the expensive annotation stages.
    if is_postgres_url(db_path) or Path(db_path).exists():
        return open_store(db_path, readonly=True)
    return None


def process_batch(
    raws: list[RawArticle], stages: tuple[str, ...], db_path: str | None, seconds_cap: float
) -> BatchResult:
    """Clean and annotate a batch of articles, each one's failure costing only that article.

    The stages before the first batch stage (the NER model) run per document, that stage once
    over all documents of the batch (if it fails or overruns, per document again, so one bad
    document cannot take the batch with it), the rest per document. Each document's time cap
    covers its own steps.
    """
    pipeline = _pipeline(stages)
    before, batch_stage, after = pipeline.split_at_batch_stage()
    store = _reader_store(db_path) if db_path else None
    results: list[Document | Problem | Skipped] = []
    open_docs: list[tuple[int, Document, float]] = []  # result slot, document, seconds used
    for raw in raws:
        started = time.monotonic()
        outcome = _per_document(raw, seconds_cap, partial(_first_part, raw, store, before))
        if isinstance(outcome, Document) and batch_stage is not None:  # else it is finished
            open_docs.append((len(results), outcome, time.monotonic() - started))
        results.append(outcome)
    if batch_stage is not None and open_docs:
        open_docs = _run_batch_stage(batch_stage, open_docs, raws, results, seconds_cap)
    for slot, doc, used in open_docs:
        left = max(seconds_cap - used, 0.01) if seconds_cap > 0 else 0
        results[slot] = _per_document(raws[slot], left, partial(run_stages, after, doc), seconds_cap)
    return results


def _first_part(raw: RawArticle, store: StoreLike | None, stages: list[Stage]) -> Document | Skipped:
    doc = clean(raw)
    if store is not None and store.has_article(doc.id):
        return Skipped(doc.id)
    return run_stages(stages, doc)


def _run_batch_stage(
    stage: BatchStage,
    open_docs: list[tuple[int, Document, float]],
    raws: list[RawArticle],
    results: list[Document | Problem | Skipped],
    seconds_cap: float,
) -> list[tuple[int, Document, float]]:
    """``open_docs`` after ``stage``; a document that fails it becomes a Problem in ``results``."""
    started = time.monotonic()
    try:
        with _batch_cap(seconds_cap):
            done = run_batch_stage(stage, [doc for _, doc, _ in open_docs])
    except (ModelError, ConfigError):
        raise  # not a document's fault: the whole run cannot work
    except Exception:  # a bad document or an overrun: find out which, one document at a time
        log.debug("batch stage %s failed; retrying per document", stage.name, exc_info=True)
    else:
        share = (time.monotonic() - started) / len(open_docs)
        return [(slot, doc, used + share) for (slot, _, used), doc in zip(open_docs, done, strict=True)]
    survivors: list[tuple[int, Document, float]] = []
    for slot, doc, used in open_docs:
        t = time.monotonic()
        left = max(seconds_cap - used, 0.01) if seconds_cap > 0 else 0
        outcome = _per_document(raws[slot], left, partial(run_stages, [stage], doc), seconds_cap)
        if isinstance(outcome, Document):
            survivors.append((slot, outcome, used + time.monotonic() - t))
        else:
            results[slot] = outcome
    return survivors


class _BatchOverrun(Exception):
    pass


@contextmanager
def _batch_cap(seconds: float) -> Iterator[None]:
    # A batch of normal articles takes well under a second; one document's cap for the whole
    # batch stops a pathological one from holding it up for long (it is then found alone).
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    with alarm(seconds, lambda: _BatchOverrun()):
        yield


def _per_document(
    raw: RawArticle, seconds: float, step: Callable[[], Document | Skipped], limit: float | None = None
) -> Document | Problem | Skipped:
    """``step()`` within ``seconds`` (what is left of the document's cap ``limit``); any failure
    becomes that document's Problem."""
    try:
        with _time_cap(seconds, raw, limit):
            return step()
    except (ModelError, ConfigError):
        raise  # not this document's fault: the whole run cannot work
    except LagebildError as exc:
        return Problem(raw.source, getattr(exc, "reason", None) or str(exc), raw.line)
    except RecursionError:
        return Problem(raw.source, "document too deeply nested to process", raw.line)
    except Exception as exc:  # a bug met by one odd document must cost that document, not the run
        log.debug("processing %s failed", raw.doc, exc_info=True)
        return Problem(
            raw.source, _internal_error(f"processing {raw.doc!r}", exc, "document skipped"), raw.line
        )


def _internal_error(doing: str, exc: Exception, skipped: str) -> str:
    # One line for the terminal, not a traceback; the message may quote hostile input, so it is
    # cleaned and cut like article text.
    detail = strip_controls(f"{type(exc).__name__}: {exc}").replace("\n", " ")
    if len(detail) > 300:
        detail = detail[:300] + "..."
    return f"internal error while {doing} ({detail}): {skipped}; please report this bug"


@contextmanager
def alarm(seconds: float, error: Callable[[], BaseException]) -> Iterator[None]:
    """Raise ``error()`` after ``seconds`` of wall clock (SIGALRM; main thread only)."""

    def expire(signum: int, frame: object) -> None:
        raise error()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _time_cap(seconds: float, raw: RawArticle, limit: float | None = None) -> Iterator[None]:
    """Abort one document that takes longer than ``seconds`` (a pathological input).

    ``limit``: the configured cap to report, when ``seconds`` is what is left of it.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    reason = f"gave up after {limit or seconds:g} s (limits.max_seconds_per_document)"
    with alarm(seconds, lambda: InputError(raw.source, reason, raw.line)):
        yield


# --- the run ---------------------------------------------------------------------------


def list_inputs(paths: Iterable[str]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for item in iter_input_files(p for p in paths if p != "-" and not is_url(p)):
        if isinstance(item, Problem):
            problems.append(item)
        elif not _utf8_name(str(item)):
            # A name with undecodable bytes cannot be stored or shown as text: say so.
            shown = str(item).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            problems.append(Problem(shown, "file name is not valid UTF-8; rename the file to read it"))
        else:
            files.append(item)
    return files, problems


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class _Item:
    raw: RawArticle
    size: int | None
    mtime: float | None


def run(
    paths: list[str],
    store: StoreLike,
    settings: Settings,
    workers: int = 1,
    dask_address: str | None = None,
    on_problem: ProblemHook | None = None,
    on_progress: ProgressHook | None = None,
) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary()
    files, problems = list_inputs(paths)
    summary.files = len(files)

    def report(problem: Problem) -> None:
        summary.problems.append(problem)
        if on_problem:
            on_problem(problem)

    for problem in problems:
        report(problem)
    items = _read_items(paths, files, store, settings, summary, report, on_progress)
    stages = tuple(settings.pipeline.stages)
    _pipeline(stages)  # fail fast on a bad stage list or a missing model, before any work
    with _executor(workers, dask_address) as executor:
        writer = _Writer(store, settings.pipeline.batch_size, summary, report)
        for batch, results in _dispatch(items, executor, stages, str(store.path), settings, workers):
            writer.take(batch, results)
        writer.flush()
    # Near-duplicates over everything stored, new articles included: catches up after a kill too.
    summary.near_duplicates = mark_duplicates(store)
    summary.seconds = time.perf_counter() - started
    return summary


def _read_items(
    paths: list[str],
    files: list[Path],
    store: StoreLike,
    settings: Settings,
    summary: RunSummary,
    report: ProblemHook,
    on_progress: ProgressHook | None,
) -> Iterator[_Item]:
    limits = settings.reader_limits()
    for done, path in enumerate(files, start=1):
        size, mtime = _stat(path)
        if size is not None and store.known_input(str(path), _doc_name(path), size, mtime or 0.0):
            summary.unchanged_files += 1
        else:
            for raw in _guarded(str(path), read_path, path, limits):
                if isinstance(raw, Problem):
                    report(raw)
                    continue
                summary.read += 1
                whole_file = raw.doc == _doc_name(path)
                yield _Item(raw, size if whole_file else None, mtime if whole_file else None)
        if on_progress:
            on_progress(done)
    for stream in (p for p in paths if p == "-" or is_url(p)):
        for raw in _guarded(stream, read_paths, [stream], limits):
            if isinstance(raw, Problem):
                report(raw)
            else:
                summary.read += 1
                yield _Item(raw, None, None)


def _guarded(
    source: str, read: Callable[..., Iterator[RawArticle | Problem]], *args: Any
) -> Iterator[RawArticle | Problem]:
    """The items ``read(*args)`` gives; a bug in the reader ends only this input, with a Problem."""
    try:
        yield from read(*args)
    except (ModelError, ConfigError):
        raise  # about the setup, not this input: the run cannot work
    except Exception as exc:
        log.debug("reading %s failed", source, exc_info=True)
        yield Problem(source, _internal_error("reading it", exc, "the rest of this input is skipped"))


def _batches(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    batch: list[_Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _dispatch(
    items: Iterator[_Item],
    executor: _Executor | None,
    stages: tuple[str, ...],
    db_path: str,
    settings: Settings,
    workers: int,
) -> Iterator[tuple[list[_Item], BatchResult]]:
    cap = settings.limits.max_seconds_per_document
    if executor is None:
        for batch in _batches(items, 8):
            yield batch, process_batch([i.raw for i in batch], stages, db_path, cap)
        return
    # Bounded window of batches in flight, consumed in submission order: flat memory, stable output.
    in_flight: deque[tuple[list[_Item], Future[BatchResult]]] = deque()
    window = max(2, 3 * workers)
    for batch in _batches(items, settings.pipeline.batch_size):
        in_flight.append(
            (batch, executor.submit(process_batch, [i.raw for i in batch], stages, db_path, cap))
        )
        if len(in_flight) >= window:
            done_batch, future = in_flight.popleft()
            yield done_batch, future.result()
    while in_flight:
        done_batch, future = in_flight.popleft()
        yield done_batch, future.result()


_PARENT_POLL_SECONDS = 0.5
_BLAS_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _watch_parent(parent_pid: int) -> None:
    """Worker initializer: exit when the run that started this worker is gone.

    A SIGKILLed parent cannot shut its pool down, and each worker holds a copy of the call
    queue's write end, so it would wait for work forever (keeping the models in memory). The
    orphan is re-parented (to init or a subreaper), which ``os.getppid()`` shows.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)  # no cleanup to do: the parent owns the store, and it is gone

    threading.Thread(target=watch, name="lagebild-parent-watch", daemon=True).start()


@contextmanager
def _executor(workers: int, dask_address: str | None) -> Iterator[_Executor | None]:
    if dask_address:
        try:
            from distributed import Client
        except ImportError as exc:
            raise LagebildError("--dask needs the 'dask' extra: pip install 'lagebild[dask]'") from exc
        client = Client(dask_address)  # type: ignore[no-untyped-call]
        try:
            yield client
        finally:
            client.close()  # type: ignore[no-untyped-call]
    elif workers > 1:
        # Each worker runs one BLAS thread: the workers already use every core, and BLAS
        # threads that spin while another process holds the core slowed the transformer NER
        # model (stage ner-e5) to a tenth when it shared two cores with another job (see
        # bench/RESULTS.md). A user's own setting wins.
        for var in _BLAS_THREAD_VARS:
            os.environ.setdefault(var, "1")
        # spawn, not fork: forking a process that runs threads (progress bar, SQLite) can deadlock.
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        ) as pool:
            yield pool
    else:
        yield None


class _Writer:
    """The single writer: buffers annotated articles and stores them in transactions."""

    def __init__(self, store: StoreLike, batch_size: int, summary: RunSummary, report: ProblemHook) -> None:
        self.store = store
        self.batch_size = batch_size
        self.summary = summary
        self.report = report
        self.pending: list[tuple[Document, int | None, float | None]] = []

    def take(self, batch: list[_Item], results: BatchResult) -> None:
        for item, result in zip(batch, results, strict=True):
            if isinstance(result, Problem):
                self.report(result)
            elif isinstance(result, Skipped):
                self.summary.duplicates += 1
            else:
                self.summary.events += len(result.events)
                self.pending.append((result, item.size, item.mtime))
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            added = self.store.write_many(self.pending)
            # Two inputs with the same content in one batch: the second is a duplicate.
            self.summary.duplicates += len(self.pending) - added
            self.summary.added += added
            self.pending.clear()


def _doc_name(path: Path) -> str:
    name = path.name
    return name[:-3] if name.lower().endswith(".gz") else name


def _stat(path: Path) -> tuple[int | None, float | None]:
    try:
        st = path.stat()
    except OSError:
        return None, None
    return st.st_size, st.st_mtime


def default_workers() -> int:
    return max(1, (os.cpu_count() or 1))
