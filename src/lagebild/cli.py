"""The `lagebild` command. Thin: parses options, calls the library, formats the answer.

Errors are mapped to exit codes in one place (``main``); library code never exits or prints.
Article text is never interpreted as Rich markup (it is hostile input).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .config import describe, load_settings
from .errors import LagebildError
from .models import Document, Event
from .store import EventFilter, StoredEvent, StoreLike, open_store, redact

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="lagebild: German news -> sourced PLOVER events: who did what to whom, when, by whose account.",
)
train_app = typer.Typer(no_args_is_help=True, help="Train the models that ship with lagebild.")
app.add_typer(train_app, name="train")

# Not a terminal (a pipe, CI log): Rich would squeeze tables into 80 columns.
_WIDTH = None if sys.stdout.isatty() else 160
out = Console(highlight=False, soft_wrap=True, width=_WIDTH)
err = Console(stderr=True, highlight=False, soft_wrap=True, width=_WIDTH)


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or postgresql://user@host/dbname URL (default: store.path setting, lagebild.db)",
    ),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="settings file (default: ./lagebild.toml if present)")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="output format")]


def _db_path(db: str | None, config: Path | None = None) -> str:
    return db if db is not None else load_settings(config).store.path


def _open_readonly(db: str | None, config: Path | None = None) -> StoreLike:
    return open_store(_db_path(db, config), readonly=True)


# --- run --------------------------------------------------------------------------------


_TRANSFORMER_STAGES = {"ner": "ner-e5", "ner-full": "ner-e5-full"}


def transformer_stages(stages: Sequence[str]) -> tuple[str, ...]:
    """The configured stages with the transformer NER model in place of the fast one."""
    return tuple(_TRANSFORMER_STAGES.get(name, name) for name in stages)


@app.command()
def run(
    paths: Annotated[
        list[str], typer.Argument(help="files or folders (.txt .html .jsonl, .gz); - reads JSONL from stdin")
    ],
    db: DbOption = None,
    config: ConfigOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="worker processes (local cores)")
    ] = 1,
    dask: Annotated[
        str | None, typer.Option("--dask", help="process on the Dask cluster at this scheduler address")
    ] = None,
    transformer: Annotated[
        bool, typer.Option("--transformer", help="the transformer NER model (better, ~40x slower)")
    ] = False,
) -> None:
    """Read, clean, annotate and store articles. Running twice adds nothing new."""
    from .runner import list_inputs
    from .runner import run as run_pipeline

    settings = load_settings(config)
    if transformer:
        pipeline = dataclasses.replace(settings.pipeline, stages=transformer_stages(settings.pipeline.stages))
        settings = dataclasses.replace(settings, pipeline=pipeline)
    files, _ = list_inputs(paths)
    with open_store(_db_path(db, config)) as store:
        progress = Progress(
            TextColumn("[bold]processing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
            transient=True,
        )
        with progress:
            task = progress.add_task("files", total=len(files))
            summary = run_pipeline(
                paths,
                store,
                settings,
                workers=workers,
                dask_address=dask,
                on_problem=lambda p: err.print(Text(f"problem: {p}", style="yellow")),
                on_progress=lambda n: progress.update(task, completed=n),
            )
        merge_note = _merge_after_run(store)
        totals = store.counts()
    if not quiet:
        table = Table(title="lagebild run", show_header=False)
        for label, value in (
            ("input files", summary.files),
            ("articles read", summary.read),
            ("new articles stored", summary.added),
            ("already stored (skipped)", summary.duplicates),
            ("unchanged files (skipped)", summary.unchanged_files),
            ("near-duplicates checked", summary.near_duplicates),
            ("events found", summary.events),
            ("problems", len(summary.problems)),
            ("seconds", f"{summary.seconds:.2f}"),
            ("merged events", merge_note),
            (
                "database",
                f"{redact(_db_path(db, config))}: {totals['articles']} articles, "
                f"{totals['events']} events, {totals['actors']} actors",
            ),
        ):
            table.add_row(label, str(value))
        err.print(table)
    if not summary.anything_read:
        err.print("error: no article could be read from the given inputs")
        raise typer.Exit(code=2)


@app.command("clean")
def clean_command(
    paths: Annotated[list[str], typer.Argument(help="files or folders to clean (nothing is stored)")],
    explain: Annotated[
        bool, typer.Option("--explain", help="show every line of a text page: kept or why not")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per article")] = False,
) -> None:
    """Clean pages without storing them: body, title, date, outlet; --explain shows each decision."""
    from . import clean as clean_article
    from . import read
    from .clean import clean_text

    for item in read(*paths):
        if not hasattr(item, "text"):
            err.print(Text(f"problem: {item}", style="yellow"))
            continue
        try:
            doc = clean_article(item)  # type: ignore[arg-type]
        except LagebildError as exc:
            err.print(Text(f"problem: {exc}", style="yellow"))
            continue
        if as_json:
            record = {
                k: getattr(doc, k)
                for k in ("id", "doc", "title", "published", "outlet", "author", "language", "url", "body")
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        out.rule(Text(doc.doc))
        _print_meta(doc)
        if explain and item.kind == "text":  # type: ignore[union-attr]
            split, _ = clean_text(item.text)
            for verdict in split.verdicts:
                mark = Text("+ ", style="green") if verdict.keep else Text("- ", style="red")
                out.print(mark + Text(f"{verdict.reason:<12} ", style="dim") + Text(verdict.line.raw))
        else:
            out.print(Text(doc.body))


def _merge_after_run(store: StoreLike) -> str:
    """Merge reports of one event across articles (on either backend)."""
    from .relate import merge

    report = merge(store)
    return f"{report.merged} written from {report.events} event mentions ({report.seconds:.2f} s)"


# --- articles / show ----------------------------------------------------------------------

ARTICLE_FIELDS = (
    "id",
    "doc",
    "title",
    "published",
    "outlet",
    "author",
    "language",
    "url",
    "source",
    "n_events",
    "body",
)


@app.command()
def articles(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    limit: Annotated[int | None, typer.Option(help="at most this many")] = None,
    dupes: Annotated[
        bool, typer.Option("--dupes", help="show clusters of near-duplicate (syndicated) articles")
    ] = False,
) -> None:
    """List stored articles."""
    if dupes:
        _print_duplicate_clusters(db, fmt)
        return
    with _open_readonly(db) as store:
        rows = store.articles(limit=limit)
    records = [{k: getattr(r, k) for k in ARTICLE_FIELDS} for r in rows]
    if fmt is Format.table:
        table = Table(title=f"{len(rows)} articles")
        for col in ("id", "doc", "published", "outlet", "title", "events", "words"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(
                r.id,
                r.doc,
                r.published or "–",
                r.outlet or "–",
                Text(r.title or "–"),
                str(r.n_events),
                str(len(r.body.split())),
            )
        out.print(table)
    else:
        _emit(records, fmt, ARTICLE_FIELDS)


def _print_duplicate_clusters(db: str | None, fmt: Format) -> None:
    with _open_readonly(db) as store:
        clusters = store.duplicate_clusters()
    records = [
        {
            "cluster": i,
            "id": row.id,
            "doc": row.doc,
            "outlet": row.outlet,
            "published": row.published,
            "title": row.title,
            "similarity": round(sim, 3),
        }
        for i, members in enumerate(clusters, start=1)
        for row, sim in members
    ]
    if fmt is not Format.table:
        _emit(records, fmt, ("cluster", "id", "doc", "outlet", "published", "title", "similarity"))
        return
    table = Table(
        "cluster",
        "id",
        "doc",
        "outlet",
        "title",
        "similarity",
        title=f"{len(clusters)} clusters of near-duplicate articles",
    )
    for rec in records:
        table.add_row(
            str(rec["cluster"]),
            str(rec["id"]),
            Text(str(rec["doc"])),
            Text(str(rec["outlet"] or "–")),
            Text(str(rec["title"] or "–")),
            f"{rec['similarity']:.2f}",
        )
    out.print(table)


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="article id, id prefix or doc name")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the article as JSON")] = False,
) -> None:
    """Show one article: clean body with highlighted actors, its sentences and events."""
    with _open_readonly(db) as store:
        article_id = store.find_article_id(article)
        doc = store.document(article_id) if article_id else None
    if doc is None:
        err.print(Text(f"error: no article {article!r} in the database"))
        raise typer.Exit(code=1)
    if as_json:
        out.print_json(json.dumps(dataclasses.asdict(doc), ensure_ascii=False))
        return
    _print_document(doc)


def _print_meta(doc: Document) -> None:
    meta = Table(show_header=False, box=None)
    for label, value in (
        ("id", doc.id),
        ("doc", doc.doc),
        ("title", doc.title),
        ("published", doc.published),
        ("outlet", doc.outlet),
        ("author", doc.author),
        ("language", doc.language),
    ):
        meta.add_row(label, Text(value or "–"))
    out.print(meta)


def _print_document(doc: Document) -> None:
    _print_meta(doc)
    out.rule("body (actors highlighted)")
    body = Text(doc.body)
    for m in doc.mentions:
        body.stylize("bold cyan" if m.actor else "underline", m.start, m.end)
    out.print(body)
    out.rule(f"{len(doc.sentences)} sentences")
    for i, s in enumerate(doc.sentences):
        out.print(Text(f"[{i}] ", style="dim") + Text(s.text))
    if doc.mentions:
        out.rule(f"{len(doc.mentions)} actor mentions")
        table = Table("text", "label", "actor", "country", "sector", "how")
        for m in doc.mentions:
            a = m.actor
            table.add_row(
                Text(m.text),
                m.label,
                Text(a.name if a else "–"),
                (a.country if a else None) or "–",
                (a.sector if a else None) or "–",
                m.how,
            )
        out.print(table)
    out.rule(f"{len(doc.events)} events")
    if doc.events:
        out.print(_events_table([StoredEvent(0, doc.id, doc.doc, e) for e in doc.events]))


# --- events / actors / search ---------------------------------------------------------------

EVENT_FIELDS = (
    "id",
    "doc",
    "article_id",
    "type",
    "mode",
    "source",
    "target",
    "date",
    "date_precision",
    "modality",
    "attributed_to",
    "sentence",
    "start",
    "end",
    "confidence",
    "trigger",
)


def event_record(se: StoredEvent) -> dict[str, Any]:
    """The JSON form of a stored event (also used by the HTTP API)."""
    e = se.event
    return {
        "id": se.id,
        "doc": se.doc,
        "article_id": se.article_id,
        "type": e.type,
        "mode": e.mode,
        "source": dataclasses.asdict(e.source) if e.source else None,
        "target": dataclasses.asdict(e.target) if e.target else None,
        "date": e.date,
        "date_precision": e.date_precision,
        "modality": e.modality,
        "attributed_to": e.attributed_to,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "confidence": e.confidence,
        "trigger": e.trigger,
    }


def _actor_label(ref: Any) -> str:
    if ref is None:
        return "–"
    return f"{ref.name} ({ref.country or '?'})"


def _events_table(rows: Sequence[StoredEvent]) -> Table:
    table = Table(title=f"{len(rows)} events")
    for col in ("date", "type", "source", "target", "modality", "by whose account", "doc", "evidence"):
        table.add_column(col, overflow="fold")
    for se in rows:
        e: Event = se.event
        table.add_row(
            e.date or "–",
            e.type + (f"/{e.mode}" if e.mode else ""),
            Text(_actor_label(e.source)),
            Text(_actor_label(e.target)),
            e.modality,
            Text(e.attributed_to or "–"),
            se.doc,
            Text(e.sentence[:160]),
        )
    return table


@app.command()
def events(
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    actor: Annotated[
        str | None, typer.Option(help="actor id, country code (RUS) or name, either side")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT")] = None,
    since: Annotated[str | None, typer.Option(help="from this date (YYYY[-MM[-DD]])")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date, inclusive")] = None,
    modality: Annotated[
        str | None, typer.Option(help="asserted|reported|negated|hypothetical|planned")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="at most this many")] = None,
) -> None:
    """List extracted events with their evidence."""
    filters = EventFilter(actor=actor, type=type, since=since, until=until, modality=modality, limit=limit)
    with _open_readonly(db) as store:
        rows = store.events(filters)
    if fmt is Format.table:
        out.print(_events_table(rows))
    elif fmt is Format.jsonl:
        _emit([event_record(r) for r in rows], fmt, EVENT_FIELDS)
    else:
        _emit([_flat_event(event_record(r)) for r in rows], fmt, FLAT_EVENT_FIELDS)


FLAT_EVENT_FIELDS = (
    "id",
    "doc",
    "article_id",
    "type",
    "mode",
    "source_name",
    "source_actor_id",
    "source_country",
    "source_sector",
    "target_name",
    "target_actor_id",
    "target_country",
    "target_sector",
    "date",
    "date_precision",
    "modality",
    "attributed_to",
    "confidence",
    "trigger",
    "start",
    "end",
    "sentence",
)


def _flat_event(rec: dict[str, Any]) -> dict[str, Any]:
    flat = {k: v for k, v in rec.items() if k not in ("source", "target")}
    for side in ("source", "target"):
        ref = rec[side] or {}
        for key in ("name", "actor_id", "country", "sector"):
            flat[f"{side}_{key}"] = ref.get(key)
    return flat


@app.command("build-kb")
def build_kb_command(
    shared: Annotated[Path | None, typer.Option(help="the shared data folder (default: ../shared)")] = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="where to write the compiled KB")] = None,
) -> None:
    """Compile the actor knowledge base from ../shared/data and the hand-kept lexicons."""
    from .extract import kb

    counts = kb.build_kb(shared or kb.shared_dir(), out_path)
    table = Table("what", "count", title="actor knowledge base")
    for name, count in counts.items():
        table.add_row(name, str(count))
    out.print(table)


@app.command()
def actors(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="link the actors in these files instead of listing the database"),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = Format.table,
    transformer: Annotated[
        bool,
        typer.Option("--transformer", help="with files: the transformer NER model (better, ~40x slower)"),
    ] = False,
) -> None:
    """List linked actors with how often they are mentioned (or the mentions in given files)."""
    if paths:
        _actor_mentions_of(paths, fmt, "ner-e5-full" if transformer else "ner-full")
        return
    with _open_readonly(db) as store:
        rows = store.actors()
    records = [dict(dataclasses.asdict(r.actor), mentions=r.mentions, articles=r.articles) for r in rows]
    fields = ("actor_id", "name", "kind", "country", "sector", "mentions", "articles")
    if fmt is Format.table:
        table = Table(*fields, title=f"{len(rows)} actors")
        for rec in records:
            table.add_row(*(Text(str(rec[f] if rec[f] is not None else "–")) for f in fields))
        out.print(table)
    else:
        _emit(records, fmt, fields)


def _actor_mentions_of(paths: list[str], fmt: Format, ner_stage: str = "ner-full") -> None:
    from . import read
    from .clean import clean as clean_article
    from .extract.actors import mention_record
    from .pipeline import Pipeline

    pipeline = Pipeline.from_names(("sentences", ner_stage, "actors"))
    records: list[dict[str, Any]] = []
    for item in read(*paths):
        if not hasattr(item, "text"):
            err.print(Text(f"problem: {item}", style="yellow"))
            continue
        doc = pipeline(clean_article(item))  # type: ignore[arg-type]
        records += [mention_record(doc, m) for m in doc.mentions]
    fields = ("doc", "text", "how", "name", "kind", "country", "sector", "actor_id")
    if fmt is Format.table:
        table = Table(*fields, title=f"{len(records)} mentions")
        for rec in records:
            table.add_row(*(Text(str(rec.get(f) if rec.get(f) is not None else "–")) for f in fields))
        out.print(table)
    else:
        _emit(records, fmt, list(records[0]) if records else fields)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="words to find (all must occur)")],
    db: DbOption = None,
    limit: int = 20,
) -> None:
    """Full-text search over titles and bodies."""
    with _open_readonly(db) as store:
        hits = store.search(query, limit=limit)
    table = Table("id", "doc", "title", "snippet", title=f"{len(hits)} hits")
    for row, snippet in hits:
        table.add_row(row.id, row.doc, Text(row.title or "–"), Text(snippet))
    out.print(table)


@app.command()
def serve(
    db: DbOption = None,
    config: ConfigOption = None,
    host: Annotated[
        str, typer.Option(help="address to bind; 127.0.0.1 keeps it on this machine")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Serve the web UI and JSON API over the database (read-only)."""
    from .web import serve as serve_web

    serve_web(_db_path(db, config), host=host, port=port)


# --- relations: timeline, network, story, export ------------------------------------------


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="first actor: country code (RUS), IO (EU) or actor id")],
    b: Annotated[str, typer.Argument(help="second actor")],
    db: DbOption = None,
    by: Annotated[Period, typer.Option("--by", help="bucket size")] = Period.month,
    since: Annotated[str | None, typer.Option(help="from this date (YYYY[-MM[-DD]])")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Cooperation and conflict between two actors over time (merged events)."""
    from .relate import sparkline, too_coarse
    from .relate import timeline as dyad_timeline

    a, b = a.upper() if len(a) <= 4 else a, b.upper() if len(b) <= 4 else b
    with _open_readonly(db) as store:
        buckets = dyad_timeline(store, a, b, by=by.value, fill=True, since=since, until=until)
        left_out = too_coarse(store, a, b, by.value)
    if fmt is not Format.table:
        records = [dataclasses.asdict(x) for x in buckets]
        if fmt is Format.csv:
            records = [dict(r, counts=json.dumps(r["counts"]), quad=json.dumps(r["quad"])) for r in records]
        _emit(
            records,
            fmt,
            ("period", "n_events", "n_ab", "n_ba", "n_sources", "counts", "quad", "score", "total"),
        )
        return
    table = Table(
        "period",
        "events",
        f"{a}→{b}",
        f"{b}→{a}",
        "sources",
        "score",
        "types",
        title=f"{a} – {b} by {by.value}",
    )
    for x in buckets:
        types = ", ".join(f"{t} {n}" for t, n in sorted(x.counts.items(), key=lambda kv: -kv[1]))
        table.add_row(
            x.period,
            str(x.n_events),
            str(x.n_ab),
            str(x.n_ba),
            str(x.n_sources),
            f"{x.score:+.1f}" if x.n_events else "",
            types,
        )
    out.print(table)
    out.print(Text(f"events  {sparkline([x.n_events for x in buckets])}"))
    out.print(Text(f"score   {sparkline([x.score for x in buckets])}  (cooperation high, conflict low)"))
    if left_out:
        out.print(
            Text(f"{left_out} events not placed: undated, or dated coarser than a {by.value}", style="dim")
        )


@app.command()
def network(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="only events from this date on")] = None,
    limit: Annotated[int, typer.Option(help="strongest relations to list")] = 30,
    fmt: FormatOption = Format.table,
) -> None:
    """The strongest relations between actors, with their cooperation-conflict score."""
    from .relate import network as relations

    with _open_readonly(db) as store:
        rows = relations(store, since=since, limit=limit)
    if fmt is not Format.table:
        records = [dataclasses.asdict(r) for r in rows]
        if fmt is Format.csv:
            records = [dict(r, counts=json.dumps(r["counts"]), quad=json.dumps(r["quad"])) for r in records]
        _emit(
            records,
            fmt,
            (
                "a",
                "b",
                "n_events",
                "n_ab",
                "n_ba",
                "n_sources",
                "counts",
                "quad",
                "score",
                "total",
                "first",
                "last",
            ),
        )
        return
    table = Table(
        "actors",
        "events",
        "sources",
        "score",
        "types",
        "first",
        "last",
        title=f"{len(rows)} strongest relations",
    )
    for r in rows:
        types = ", ".join(f"{t} {n}" for t, n in sorted(r.counts.items(), key=lambda kv: -kv[1])[:4])
        table.add_row(
            f"{r.a} – {r.b}",
            str(r.n_events),
            str(r.n_sources),
            f"{r.score:+.1f}",
            types,
            r.first or "–",
            r.last or "–",
        )
    out.print(table)


@app.command()
def story(
    a: Annotated[str, typer.Argument(help="first actor: country code, IO or actor id")],
    b: Annotated[str, typer.Argument(help="second actor")],
    db: DbOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The events between two actors in date order, each with the sources that report it."""
    from .relate import story as storyline

    a, b = a.upper() if len(a) <= 4 else a, b.upper() if len(b) <= 4 else b
    with _open_readonly(db) as store:
        items = storyline(store, a, b)
    if fmt is not Format.table:
        _emit(
            [dataclasses.asdict(i) for i in items],
            fmt,
            ("id", "when", "type", "source", "target", "modality", "attributed_to", "evidence", "n_sources"),
        )
        return
    out.rule(Text(f"{a} – {b}: {len(items)} events"))
    for item in items:
        when = item.when or "undated"
        if item.when_source == "published":
            when += " (published)"
        head = Text(f"{when:<24} ", style="bold") + Text(
            f"{item.type}{'/' + item.mode if item.mode else ''}  {item.source_name or item.source} → "
            f"{item.target_name or item.target}  [{item.modality}"
            + (f", laut {item.attributed_to}" if item.attributed_to else "")
            + "]"
        )
        out.print(head)
        out.print(Text(f"    „{item.evidence}“", style="italic"))
        for src in item.sources:
            where = ", ".join(x for x in (src.outlet, src.published, src.doc) if x)
            out.print(Text(f"    – {where} (Satz {src.sentence_index})", style="dim"))


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"


@app.command("export")
def export_command(
    out_dir: Annotated[Path, typer.Option("--out", help="folder to write the files into")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.jsonl,
    db: DbOption = None,
) -> None:
    """Export events, mentions, actors and dyads (columns mapped to GDELT's in the README)."""
    from .relate import export

    with _open_readonly(db) as store:
        paths = export(store, fmt.value, out_dir)
    for path in paths:
        out.print(Text(str(path)))


# --- evaluation and training --------------------------------------------------------------


class EvalSet(StrEnum):
    seeds = "seeds"
    gnad_dev = "gnad-dev"
    gnad_test = "gnad-test"


@app.command("eval")
def eval_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="articles to annotate (default: the seed articles), `ner` to score the NER model, "
            "or `actors` to score actor linking on the mention gold sets"
        ),
    ] = None,
    gold: Annotated[
        Path | None, typer.Option(help="gold events JSONL (default: ../shared/gold/seed_events.jsonl)")
    ] = None,
    stages: Annotated[str | None, typer.Option(help="comma-separated pipeline stages")] = None,
    details: Annotated[
        bool, typer.Option("--details", help="list missed, wrong and violating events")
    ] = False,
    model: Annotated[
        Path | None, typer.Option(help="`eval ner`, `eval actors`: NER model directory (default: shipped)")
    ] = None,
    corpus: Annotated[Path | None, typer.Option(help="`eval ner`: DocBin (default: held-out split)")] = None,
    gold_set: Annotated[
        EvalSet | None,
        typer.Option("--set", help="gold set: seeds (default), or our 10kGNAD dev/test sets (tests/data)"),
    ] = None,
) -> None:
    """Score events as ../shared/gold/README.md defines them; `lagebild eval ner` scores the NER
    model, `lagebild eval actors` the actor linking (tests/data/*mentions*.jsonl, or --gold).

    A sub-command cannot share a group with positional paths in click, so `ner` or `actors` as
    the only argument selects that evaluation (a file called ner is `./ner`).
    """
    if paths == ["ner"]:
        _eval_ner(model, corpus)
        return
    if paths == ["actors"]:
        _eval_actors(gold, details, model)
        return
    from .evaluation import (
        annotate_paths,
        evaluate,
        evaluate_gnad_dev,
        evaluate_gnad_test,
        evaluate_seeds,
        format_report,
        shared_dir,
    )

    stage_list = [x.strip() for x in stages.split(",")] if stages else None
    gold_path = gold or shared_dir() / "gold" / "seed_events.jsonl"
    if gold_set in (EvalSet.gnad_dev, EvalSet.gnad_test):
        scorer = evaluate_gnad_dev if gold_set is EvalSet.gnad_dev else evaluate_gnad_test
        report = scorer(gold, stages=stage_list)
    elif paths:
        docs, problems = annotate_paths(paths, stage_list)
        for problem in problems:
            err.print(Text(f"problem: {problem}", style="yellow"))
        report = evaluate(docs, gold_path)
    else:
        report = evaluate_seeds(gold_path, stages=stage_list)
    out.print(Text(format_report(report, details)))


def _eval_actors(gold: Path | None, details: bool, model: Path | None = None) -> None:
    """Linking accuracy on hand-annotated mentions, with the linker alone and after NER."""
    from .evaluation import MENTION_SETS, evaluate_mentions, format_mention_scores, mention_sets_dir
    from .extract.actors import Linker

    paths = [gold] if gold else [mention_sets_dir() / name for name in MENTION_SETS]
    linker = Linker()  # one KB index for every set
    scores = [evaluate_mentions(p, linker, model) for p in paths if gold or p.exists()]
    if not scores:
        raise typer.BadParameter("no mention gold files found (tests/data); pass --gold")
    out.print(Text(format_mention_scores(scores, details)))


def _eval_ner(model: Path | None, corpus: Path | None) -> None:
    """P/R/F1 per entity type on the held-out split that training never sees: the given
    model, else both shipped ones (the fast CNN of stage `ner`, the transformer of `ner-e5`)."""
    from .nlp import ner, ner_train

    if model is not None:
        out.print(Text(ner_train.evaluate_heldout(model=model, corpus=corpus).table()))
        return
    shipped = [
        ("fast model, stage ner", ner.model_path()),
        ("transformer, stage ner-e5", ner.e5_model_path()),
    ]
    for title, path in shipped:
        if (path / "config.cfg").exists():
            out.print(Text(f"{title} ({path.name})", style="bold"))
            out.print(Text(ner_train.evaluate_heldout(model=path, corpus=corpus).table()))


@train_app.command("ner")
def train_ner_command(
    max_minutes: Annotated[float | None, typer.Option(help="stop training after this many minutes")] = None,
    work_dir: Annotated[Path | None, typer.Option(help="work folder (default: train/out)")] = None,
    export_to: Annotated[Path | None, typer.Option("--out", help="where to put the model")] = None,
) -> None:
    """Train the German NER model from ../shared/data and install it into the package."""
    from .nlp import ner_train

    path = ner_train.train_ner(work_dir=work_dir, max_minutes=max_minutes, export_to=export_to)
    out.print(Text(f"NER model written to {path}"))
    out.print(Text(ner_train.evaluate_heldout(model=path).table()))


@app.command("config")
def show_config(config: ConfigOption = None) -> None:
    """Print every setting with its value and help text."""
    table = Table("setting", "value", "help")
    for name, value, help_text in describe(load_settings(config)):
        table.add_row(name, Text(json.dumps(value)), help_text)
    out.print(table)


# --- output helpers ----------------------------------------------------------------------


def _emit(records: Iterable[dict[str, Any]], fmt: Format, fields: Sequence[str]) -> None:
    if fmt is Format.jsonl:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
        for rec in records:
            writer.writerow(rec)
        sys.stdout.write(buf.getvalue())


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app(args=argv)
    except LagebildError as exc:
        err.print(Text(f"error: {exc}"))
        sys.exit(exc.exit_code)
    except BrokenPipeError:  # `lagebild events | head`
        sys.exit(0)


if __name__ == "__main__":
    main()
