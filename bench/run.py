"""Benchmark: the full lagebild pipeline over real German news.

    .venv/bin/python bench/run.py                      # 1,028 10kGNAD articles
    .venv/bin/python bench/run.py --workers 2          # end to end with 2 worker processes
    .venv/bin/python bench/run.py --scale 1000,10000   # cost per article as the store grows
    .venv/bin/python bench/run.py --repeat 3           # median of 3 runs
    .venv/bin/python bench/run.py --ner-link --workers 2  # NER + linking alone, in parallel

Prints per-stage seconds (a serial pass, so stage costs add up), peak RSS, and as its last line
``articles_per_s=<number>`` for the end-to-end run (reader -> store, with ``--workers``).
Record results with the date in bench/RESULTS.md. The data set is CC BY-NC-SA: it is read
from ../shared/data and never copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("LAGEBILD_SHARED", REPO.parent / "shared"))
GNAD = SHARED / "data" / "10kgnad" / "test.csv"


def load_gnad(path: Path = GNAD) -> list[tuple[str, str]]:
    """(category, text) rows of 10kGNAD's test split."""
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (set LAGEBILD_SHARED to the shared folder)")
    with open(path, encoding="utf-8", newline="") as f:
        return [(row[0], row[1]) for row in csv.reader(f, delimiter=";", quotechar="'") if len(row) >= 2]


def write_jsonl(rows: list[tuple[str, str]], out: Path, copies: int = 1, limit: int | None = None) -> int:
    """Write the articles as JSONL, at most ``limit`` lines, streamed (the file is never held in
    memory: it would inflate the peak RSS the benchmark reports). Copies after the first carry a
    variation so that their content hashes differ."""
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for copy in range(copies):
            for i, (category, text) in enumerate(rows):
                if limit is not None and n >= limit:
                    return n
                body = text if copy == 0 else f"{text}\n\n(Fassung {copy}, Meldung {i}.)"
                record = {"id": f"gnad-{copy}-{i}", "text": body, "outlet": "derStandard"}
                record["category"] = category
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
    return n


def _children_rss() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def peak_rss_mb() -> float:
    """The largest single process's peak (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


def stage_profile(rows: list[tuple[str, str]], stages: tuple[str, ...]) -> dict[str, float]:
    """Seconds per stage over all rows, serial, so the costs add up and compare."""
    from lagebild.clean import clean
    from lagebild.models import RawArticle
    from lagebild.pipeline import Pipeline
    from lagebild.store import Store

    pipeline = Pipeline.from_names(stages)
    # Load the models (NER, KB) before the clock starts: a one-off, not a cost per article.
    pipeline(clean(RawArticle(source="bench", doc="warm-up", text=rows[0][1], kind="record")))
    seconds: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        for i, (_, text) in enumerate(rows):
            t = time.perf_counter()
            raw = RawArticle(
                source="10kgnad", doc=f"gnad-{i}", text=text, kind="record", outlet="derStandard"
            )
            doc = clean(raw)
            seconds["clean"] += time.perf_counter() - t
            for stage in pipeline.stages:
                t = time.perf_counter()
                doc = stage(doc)
                seconds[stage.name] += time.perf_counter() - t
            t = time.perf_counter()
            store.write(doc)
            seconds["store"] += time.perf_counter() - t
    return dict(seconds)


_LINK_PIPELINE: list[Any] = []
_LINK_DOCS: list[Any] = []


def _link_worker_init(stages: tuple[str, ...], docs: list[Any], warm: int, ready: Any) -> None:
    # The stages are validated as a whole; the sentence split has already run in the parent.
    _LINK_PIPELINE[:] = _pipeline(("sentences", *stages)).stages[1:]
    _LINK_DOCS[:] = docs
    # Load the NER model and the KB, and fill the per-word caches as a long run would, on
    # documents that are not timed.
    _link_range(0, warm)
    ready.put(os.getpid())


def _pipeline(names: tuple[str, ...]) -> Any:
    from lagebild.pipeline import Pipeline

    return Pipeline.from_names(names)


def _split_docs(rows: list[tuple[str, str]]) -> list[Any]:
    from lagebild.clean import clean
    from lagebild.models import RawArticle

    split = _pipeline(("sentences",)).stages[0]
    return [
        split(clean(RawArticle(source="10kgnad", doc=f"gnad-{i}", text=text, kind="record")))
        for i, (_, text) in enumerate(rows)
    ]


def _link_range(start: int, stop: int) -> int:
    # As the runner does: a batch stage (NER) once over the range, the others per document.
    docs = _LINK_DOCS[start:stop]
    for stage in _LINK_PIPELINE:
        docs = stage.many(docs) if hasattr(stage, "many") else [stage(d) for d in docs]
    return stop - start


def _link_task(bounds: tuple[int, int]) -> int:
    return _link_range(*bounds)


def ner_link_parallel(
    rows: list[tuple[str, str]], workers: int, repeat: int, ner_stage: str = "ner"
) -> tuple[list[float], int]:
    """Wall-clock seconds for the NER and linking stages alone in ``workers`` processes, and
    the number of articles timed.

    Clean and sentence split run beforehand. Each repeat starts a fresh pool whose workers
    receive the split documents, load the models and warm their per-word caches on the
    first half of the articles before the clock starts; the clock then runs over the other
    half, in ranges of 16 articles handed out as workers free up. The NER stage reads each
    range in one pass, as a worker of ``lagebild run`` reads its batch. So neither model
    loading nor moving documents between processes (part of the end-to-end figure) is timed,
    and no timed article was seen before.
    """
    import multiprocessing

    docs = _split_docs(rows)
    warm = len(docs) // 2
    tasks = [(i, min(i + 16, len(docs))) for i in range(warm, len(docs), 16)]
    timings = []
    ctx = multiprocessing.get_context("spawn")
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # as lagebild run's workers (runner._executor)
    for _ in range(repeat):
        ready = ctx.Queue()
        init = ((ner_stage, "actors"), docs, warm, ready)
        with ctx.Pool(workers, initializer=_link_worker_init, initargs=init) as pool:
            for _ in range(workers):  # the pool starts its workers asynchronously: wait for all
                ready.get(timeout=600)
            t = time.perf_counter()
            done = sum(pool.imap_unordered(_link_task, tasks))
            timings.append(time.perf_counter() - t)
            assert done == len(docs) - warm
    return timings, len(docs) - warm


def end_to_end(jsonl: Path, workers: int, stages: tuple[str, ...]) -> tuple[float, int]:
    """Seconds for `lagebild run` on the JSONL file (fresh store), and articles stored."""
    from lagebild.config import load_settings
    from lagebild.runner import run
    from lagebild.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        t = time.perf_counter()
        settings = load_settings()
        settings = replace(settings, pipeline=replace(settings.pipeline, stages=stages))
        summary = run([str(jsonl)], store, settings, workers=workers)
        return time.perf_counter() - t, summary.added


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the end-to-end run")
    parser.add_argument("--repeat", type=int, default=1, help="end-to-end runs; the median is reported")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--scale", default=None, help="comma-separated corpus sizes, e.g. 1000,10000,100000")
    parser.add_argument("--no-stages", action="store_true", help="skip the serial per-stage profile")
    parser.add_argument(
        "--ner-link", action="store_true", help="time only NER + linking (ner, actors) in --workers processes"
    )
    parser.add_argument(
        "--ner-stage", default="ner", help="--ner-link: the NER stage to time (ner, or ner-e5: the transformer)"
    )
    parser.add_argument(
        "--stages", default=None, help="comma-separated pipeline stages (default: the configured ones)"
    )
    args = parser.parse_args()
    from lagebild.config import load_settings

    stages = tuple(args.stages.split(",")) if args.stages else tuple(load_settings().pipeline.stages)
    print(f"stages: {', '.join(stages)}")

    rows = load_gnad()[: args.limit]
    words = sum(len(text.split()) for _, text in rows)
    print(f"corpus: {len(rows)} articles, {words} words ({words / len(rows):.0f} per article)")
    if args.ner_link:
        timings, timed = ner_link_parallel(rows, args.workers, args.repeat, args.ner_stage)
        median = statistics.median(timings)
        runs = ", ".join(f"{timed / t:.1f}" for t in timings)
        print(f"{args.ner_stage}+linking: {timed} articles timed, workers={args.workers}, runs {runs} articles/s")
        print(f"ner_link_articles_per_s={timed / median:.1f}")
        return

    if not args.no_stages:
        seconds = stage_profile(rows, stages)
        total = sum(seconds.values())
        print(f"{'stage':<12}{'seconds':>10}{'ms/article':>12}{'share':>8}")
        for name, secs in seconds.items():
            print(f"{name:<12}{secs:>10.2f}{1000 * secs / len(rows):>12.2f}{secs / total:>8.0%}")
        print(
            f"{'total':<12}{total:>10.2f}{1000 * total / len(rows):>12.2f}"
            f"  (serial: {len(rows) / total:.1f} articles/s)"
        )
        ner_link = sum(v for k, v in seconds.items() if k.startswith("ner") or k == "actors")
        if ner_link:
            print(f"ner+linking: {len(rows) / ner_link:.1f} articles/s serial on one core (see --ner-link)")

    with tempfile.TemporaryDirectory() as tmp:
        if args.scale:
            print(f"{'articles':>10}{'seconds':>10}{'ms/article':>12}{'articles/s':>12}")
            for size in (int(s) for s in args.scale.split(",")):
                copies = -(-size // len(rows))
                jsonl = Path(tmp) / f"scale-{size}.jsonl"
                write_jsonl(rows, jsonl, copies, limit=size)
                secs, stored = end_to_end(jsonl, args.workers, stages)
                print(f"{stored:>10}{secs:>10.1f}{1000 * secs / stored:>12.2f}{stored / secs:>12.1f}")
        jsonl = Path(tmp) / "corpus.jsonl"
        n = write_jsonl(rows, jsonl)
        timings = []
        for _ in range(args.repeat):
            secs, stored = end_to_end(jsonl, args.workers, stages)
            timings.append(secs)
        median = statistics.median(timings)
    print(f"end to end: {n} articles, workers={args.workers}, median {median:.2f} s of {len(timings)} run(s)")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: main process (reader, writer) {own:.0f} MB; largest worker {_children_rss():.0f} MB")
    print(f"peak_rss_mb={peak_rss_mb():.0f}")
    print(f"articles_per_s={n / median:.1f}")


if __name__ == "__main__":
    main()
