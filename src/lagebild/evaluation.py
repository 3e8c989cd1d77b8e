"""Scores extracted events against gold lines (``../shared/gold/README.md`` defines it).

Match: an extracted event matches a gold line when the article, the type (or one of the
line's ``alt_types``), the source state and the target state agree — either direction when
the line is ``symmetric``, any target when the gold target is ``null``.

* recall = distinct core (doc, type, source, target) tuples found / all distinct core tuples
* precision = distinct extracted (doc, type, source, target) tuples matching any gold line
  (core or optional) / all distinct extracted tuples with at least one state resolved
* negative violations: an extracted *asserted* event of the line's type (``*`` any) whose
  sentence contains or overlaps the negative quote
* date and modality accuracy: over matched gold lines, compared with the matching event whose
  sentence overlaps the gold quote (any matching event of the article when none overlaps);
  date accuracy only over lines with a gold date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataMissingError, InputError
from .models import Document, Event, Problem, RawArticle

if TYPE_CHECKING:
    from .extract.actors import Linker

Key = tuple[str, str, str | None, str | None]  # doc, type, source, target


@dataclass(frozen=True)
class GoldLine:
    doc: str
    type: str
    quote: str
    source: str | None = None
    target: str | None = None
    alt_types: tuple[str, ...] = ()
    symmetric: bool = False
    date: str | None = None
    modality: str | None = None
    core: bool = False
    negative: bool = False

    @property
    def key(self) -> Key:
        return (self.doc, self.type, self.source, self.target)

    def matches(self, doc: str, event: Event) -> bool:
        if self.negative or doc != self.doc:
            return False
        if event.type != self.type and event.type not in self.alt_types:
            return False
        src = event.source.country if event.source else None
        tgt = event.target.country if event.target else None
        if self._sides(src, tgt):
            return True
        return self.symmetric and self._sides(tgt, src)

    def _sides(self, src: str | None, tgt: str | None) -> bool:
        return src == self.source and (self.target is None or tgt == self.target)


@dataclass(frozen=True)
class TypeRow:
    type: str
    core: int  # distinct core tuples of this type
    found: int
    extracted: int  # distinct extracted tuples of this type
    correct: int


@dataclass(frozen=True)
class Violation:
    doc: str
    type: str
    quote: str
    sentence: str


@dataclass(frozen=True)
class Report:
    core: int
    found: int
    extracted: int
    correct: int
    negatives: int
    violations: tuple[Violation, ...]
    dated: int
    dates_correct: int
    modal: int
    modality_correct: int
    per_type: tuple[TypeRow, ...]
    missed: tuple[Key, ...] = ()
    wrong: tuple[Key, ...] = ()
    documents: int = 0
    problems: tuple[str, ...] = field(default=())

    @property
    def recall(self) -> float:
        return self.found / self.core if self.core else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_correct / self.dated if self.dated else 0.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_correct / self.modal if self.modal else 0.0


def load_gold(path: str | Path) -> list[GoldLine]:
    """The lines of a gold JSONL file (seed gold format)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataMissingError(f"gold file {p} not found; pass --gold with an existing file") from exc
    lines: list[GoldLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
            lines.append(GoldLine(
                doc=str(rec["doc"]),
                type=rec["type"],
                quote=rec.get("quote", ""),
                source=rec.get("source"),
                target=rec.get("target"),
                alt_types=tuple(rec.get("alt_types") or ()),
                symmetric=bool(rec.get("symmetric", False)),
                date=rec.get("date"),
                modality=rec.get("modality"),
                core=bool(rec.get("core", False)),
                negative=bool(rec.get("negative", False)),
            ))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(str(p), f"not a gold line ({exc})", number) from exc
    return lines


def _collect(
    docs_or_events: Iterable[Document] | Mapping[str, Iterable[Event]],
) -> tuple[dict[str, list[Event]], dict[str, str]]:
    if isinstance(docs_or_events, Mapping):
        return {str(k): list(v) for k, v in docs_or_events.items()}, {}
    events: dict[str, list[Event]] = {}
    bodies: dict[str, str] = {}
    for doc in docs_or_events:
        events.setdefault(doc.doc, []).extend(doc.events)
        bodies[doc.doc] = doc.body
    return events, bodies


def _key(doc: str, e: Event) -> Key:
    return (doc, e.type, e.source.country if e.source else None,
            e.target.country if e.target else None)


def _overlaps(event: Event, quote: str, body: str | None) -> bool:
    if quote in event.sentence or event.sentence in quote:
        return True
    if body is not None:
        at = body.find(quote)
        if at >= 0:
            return at < event.end and event.start < at + len(quote)
    return False


def evaluate(
    docs_or_events: Iterable[Document] | Mapping[str, Iterable[Event]],
    gold_path: str | Path,
) -> Report:
    """Score documents (or ``{doc: events}``) against the gold file at ``gold_path``."""
    gold = load_gold(gold_path)
    events, bodies = _collect(docs_or_events)
    gold_docs = {g.doc for g in gold}
    positives = [g for g in gold if not g.negative]

    core_groups: dict[Key, list[GoldLine]] = {}
    for g in positives:
        if g.core:
            core_groups.setdefault(g.key, []).append(g)
    found_keys = {k for k, lines in core_groups.items()
                  if any(g.matches(g.doc, e) for g in lines for e in events.get(g.doc, ()))}

    extracted: set[Key] = set()
    correct: set[Key] = set()
    for doc, evs in events.items():
        if doc not in gold_docs:
            continue  # an article the gold does not cover cannot be scored
        for e in evs:
            k = _key(doc, e)
            if k[2] is None and k[3] is None:
                continue
            extracted.add(k)
            if any(g.matches(doc, e) for g in positives if g.doc == doc):
                correct.add(k)

    violations: list[Violation] = []
    negatives = [g for g in gold if g.negative]
    for g in negatives:
        for e in events.get(g.doc, ()):
            if e.modality == "asserted" and g.type in ("*", e.type) and _overlaps(
                    e, g.quote, bodies.get(g.doc)):
                violations.append(Violation(g.doc, e.type, g.quote, e.sentence))
                break

    dated = dates_ok = modal = modal_ok = 0
    for g in positives:
        matching = [e for e in events.get(g.doc, ()) if g.matches(g.doc, e)]
        if not matching:
            continue
        aligned = [e for e in matching if _overlaps(e, g.quote, bodies.get(g.doc))] or matching
        if g.date is not None:
            dated += 1
            dates_ok += any(e.date == g.date for e in aligned)
        if g.modality is not None:
            modal += 1
            modal_ok += any(e.modality == g.modality for e in aligned)

    types = sorted({k[1] for k in core_groups} | {k[1] for k in extracted})
    rows = tuple(TypeRow(
        type=t,
        core=sum(1 for k in core_groups if k[1] == t),
        found=sum(1 for k in found_keys if k[1] == t),
        extracted=sum(1 for k in extracted if k[1] == t),
        correct=sum(1 for k in correct if k[1] == t),
    ) for t in types)
    return Report(
        core=len(core_groups), found=len(found_keys), extracted=len(extracted),
        correct=len(correct), negatives=len(negatives), violations=tuple(violations),
        dated=dated, dates_correct=dates_ok, modal=modal, modality_correct=modal_ok,
        per_type=rows,
        missed=tuple(sorted((k for k in core_groups if k not in found_keys), key=str)),
        wrong=tuple(sorted(extracted - correct, key=str)),
        documents=len(events),
    )


def format_report(report: Report, details: bool = False) -> str:
    """The report as a plain-text table (what ``lagebild eval`` prints)."""
    lines = [
        f"documents            {report.documents}",
        f"recall (core)        {report.recall:.3f}  ({report.found}/{report.core})",
        f"precision            {report.precision:.3f}  ({report.correct}/{report.extracted})",
        f"F1                   {report.f1:.3f}",
        f"negative violations  {len(report.violations)}  (of {report.negatives} negative lines)",
        f"date accuracy        {report.date_accuracy:.3f}  ({report.dates_correct}/{report.dated})",
        f"modality accuracy    {report.modality_accuracy:.3f}  "
        f"({report.modality_correct}/{report.modal})",
        "",
        f"{'type':<10} {'core':>5} {'found':>6} {'recall':>7} {'extr':>5} {'ok':>4} {'prec':>6}",
    ]
    for r in report.per_type:
        rec = f"{r.found / r.core:.2f}" if r.core else "-"
        prec = f"{r.correct / r.extracted:.2f}" if r.extracted else "-"
        lines.append(f"{r.type:<10} {r.core:>5} {r.found:>6} {rec:>7} {r.extracted:>5} "
                     f"{r.correct:>4} {prec:>6}")
    for v in report.violations:
        lines.append(f"VIOLATION {v.doc} {v.type}: {v.quote!r}")
    if details:
        lines += [f"missed   {k}" for k in report.missed]
        lines += [f"spurious {k}" for k in report.wrong]
    for p in report.problems:
        lines.append(f"problem  {p}")
    return "\n".join(lines)


def shared_dir() -> Path:
    """``../shared`` next to the repository (or ``$LAGEBILD_SHARED``)."""
    import os

    env = os.environ.get("LAGEBILD_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared"


def annotate_paths(
    paths: Iterable[str | Path], stages: Iterable[str] | None = None,
) -> tuple[list[Document], list[Problem]]:
    """Read, clean and annotate files with the full pipeline (for evaluation)."""
    from .ingest import read_paths
    from .pipeline import DEFAULT_STAGES, Pipeline, process

    pipeline = Pipeline.from_names(tuple(stages) if stages is not None else DEFAULT_STAGES)
    docs: list[Document] = []
    problems: list[Problem] = []
    for item in process(read_paths(list(paths)), pipeline):
        (problems if isinstance(item, Problem) else docs).append(item)  # type: ignore[arg-type]
    return docs, problems


def read_gnad_table(path: Path) -> list[list[str]]:
    """The rows of a 10kGNAD CSV (``label;'text'``), as the annotated sets index them."""
    import csv

    if not path.exists():
        raise DataMissingError(f"{path} not found; the 10kGNAD test split lives in ../shared/data")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=";", quotechar="'"))


def annotate_gnad(
    csv_path: str | Path, rows: Iterable[int], stages: Iterable[str] | None = None,
) -> list[Document]:
    """Annotate 10kGNAD rows (``label;'text'``); ``doc`` is the row index as a string.

    The corpus gives no dates: ``published`` stays unknown.
    """
    from .clean import clean
    from .pipeline import DEFAULT_STAGES, Pipeline

    wanted = set(rows)
    pipeline = Pipeline.from_names(tuple(stages) if stages is not None else DEFAULT_STAGES)
    path = Path(csv_path)
    table = read_gnad_table(path)
    docs = []
    for i in sorted(wanted):
        raw = RawArticle(source=f"{path}:{i}", doc=str(i), text=table[i][1], kind="record")
        docs.append(pipeline(clean(raw)))
    return docs


def evaluate_seeds(
    gold_path: str | Path | None = None, seeds_dir: str | Path | None = None,
    stages: Iterable[str] | None = None,
) -> Report:
    """Run the full pipeline over the seed articles and score them."""
    shared = shared_dir()
    gold = Path(gold_path) if gold_path else shared / "gold" / "seed_events.jsonl"
    seeds = Path(seeds_dir) if seeds_dir else shared / "seeds"
    if not seeds.is_dir():
        raise DataMissingError(f"seed folder {seeds} not found; set LAGEBILD_SHARED")
    docs, problems = annotate_paths(sorted(seeds.glob("*.txt")), stages)
    report = evaluate(docs, gold)
    return _with_problems(report, problems)


def _evaluate_gnad(
    default_name: str, gold_path: str | Path | None, stages: Iterable[str] | None,
) -> Report:
    repo = Path(__file__).resolve().parents[2]
    gold = Path(gold_path) if gold_path else repo / "tests" / "data" / default_name
    rows = {int(g.doc) for g in load_gold(gold)}
    docs = annotate_gnad(shared_dir() / "data" / "10kgnad" / "test.csv", rows, stages)
    return evaluate(docs, gold)


def evaluate_gnad_dev(
    gold_path: str | Path | None = None, stages: Iterable[str] | None = None,
) -> Report:
    """Score the hand-annotated 10kGNAD dev set (``tests/data/gnad_dev_events.jsonl``)."""
    return _evaluate_gnad("gnad_dev_events.jsonl", gold_path, stages)


def evaluate_gnad_test(
    gold_path: str | Path | None = None, stages: Iterable[str] | None = None,
) -> Report:
    """Score the 10kGNAD test set (``tests/data/gnad_test_events.jsonl``, written blind)."""
    return _evaluate_gnad("gnad_test_events.jsonl", gold_path, stages)


def _with_problems(report: Report, problems: list[Problem]) -> Report:
    from dataclasses import replace

    return replace(report, problems=tuple(str(p) for p in problems))


def attach_gold_mentions(doc: Document, lines: Iterable[Mapping[str, object]]) -> Document:
    """``doc`` with hand-annotated mentions (``tests/data/*_mentions.jsonl``) as its mentions.

    Lets the event extractor be measured apart from the actor linker. Offsets in the file
    refer to the raw text; each mention is found again in the cleaned body by its left
    context (falling back to its n-th occurrence). Mentions the cleaner removed are skipped.
    """
    from dataclasses import replace

    from .models import Actor, Mention

    mentions: list[Mention] = []
    body = doc.body
    for line in lines:
        text = str(line["text"])
        context = str(line.get("context") or "")
        # the mention sits 40 characters into its context (fewer at the start of a text)
        hits = [k for k in range(len(context)) if context.startswith(text, k)]
        at = min(hits, key=lambda k: abs(k - 40)) if hits else -1
        left = context[:at] if at >= 0 else ""
        right = context[at + len(text):] if at >= 0 else ""
        start = -1
        for lw, rw in ((35, 20), (20, 10), (10, 0), (0, 10), (6, 0)):
            lpart = left[-lw:].lstrip() if lw else ""
            probe = lpart + text + right[:rw].rstrip()
            if len(probe) > len(text) and (pos := body.find(probe)) >= 0:
                start = pos + len(lpart)
                break
        if start < 0:
            start = _nth(body, text, int(str(line.get("occurrence") or 0)))
        if start < 0 or not line.get("country"):
            continue
        kind = str(line.get("kind") or "state")
        actor = Actor(actor_id=f"gold:{line.get('name') or line['country']}",
                      name=str(line.get("name") or text), kind=kind,  # type: ignore[arg-type]
                      country=str(line["country"]))
        index = next((i for i, s in enumerate(doc.sentences) if s.start <= start < s.end), None)
        mentions.append(Mention(start, start + len(text), text, "LOC", actor, index, "gold"))
    mentions.sort(key=lambda m: m.start)
    return replace(doc, mentions=tuple(mentions))


def _nth(body: str, text: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = body.find(text, pos + 1)
        if pos < 0:
            return -1
    return pos


def evaluate_seeds_with_gold_mentions(
    mentions_path: str | Path, gold_path: str | Path | None = None,
    seeds_dir: str | Path | None = None,
) -> Report:
    """Seeds scored with hand-annotated actor mentions: the event stage on its own."""
    from .extract.events import EventStage

    shared = shared_dir()
    gold = Path(gold_path) if gold_path else shared / "gold" / "seed_events.jsonl"
    seeds = Path(seeds_dir) if seeds_dir else shared / "seeds"
    if not seeds.is_dir():
        raise DataMissingError(f"seed folder {seeds} not found; set LAGEBILD_SHARED")
    by_doc: dict[str, list[dict[str, object]]] = {}
    for raw in Path(mentions_path).read_text(encoding="utf-8").splitlines():
        if raw.strip():
            rec = json.loads(raw)
            by_doc.setdefault(str(rec["doc"]), []).append(rec)
    docs, problems = annotate_paths(sorted(seeds.glob("*.txt")), ("sentences",))
    stage = EventStage()
    scored = [stage(attach_gold_mentions(d, by_doc.get(d.doc, []))) for d in docs]
    return _with_problems(evaluate(scored, gold), problems)


# --- actor mentions ---------------------------------------------------------------------------
MENTION_SETS = (
    "seed_mentions.jsonl",
    "gnad_mentions.jsonl",
    "gnad_mentions_blind.jsonl",
    "gnad_mentions_blind2.jsonl",
    "gnad_mentions_blind3.jsonl",
)


@dataclass(frozen=True)
class MentionScore:
    """Linking accuracy on one hand-annotated mention set (``tests/data/MENTIONS.md``)."""

    name: str
    total: int
    linker: int  # correct with the KB linker alone
    with_ner: int  # correct with the NER model over every sentence, then the linker
    misses: tuple[str, ...] = ()  # with_ner misses: "doc: 'text' -> COUNTRY/kind"


def mention_sets_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "tests" / "data"


def evaluate_mentions(
    path: str | Path, linker: Linker | None = None, ner_model: Path | None = None
) -> MentionScore:
    """Accuracy of the actor path on a mention gold file: a gold mention is correct when a
    linked mention overlapping its span has its country, kind (when given) and, for persons,
    name. Seed lines are read from ``examples/seeds``, 10kGNAD lines from ``../shared/data``."""
    from collections import defaultdict

    from .extract.actors import Linker, gold_matches, gold_span
    from .nlp.ner import load_model, recognize
    from .nlp.sentences import split_sentences

    path = Path(path)
    try:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"not a readable mention gold file ({exc})") from exc
    by_doc: dict[str, list[dict[str, object]]] = defaultdict(list)
    for g in lines:
        by_doc[str(g["doc"])].append(g)
    rows: list[list[str]] | None = None
    seeds = Path(__file__).resolve().parents[2] / "examples" / "seeds"
    linker, nlp = linker or Linker(), load_model(ner_model)
    plain = with_ner = 0
    misses: list[str] = []
    for doc_lines in by_doc.values():
        first = doc_lines[0]
        if "row" in first:
            if rows is None:
                rows = read_gnad_table(shared_dir() / "data" / "10kgnad" / "test.csv")
            body = rows[int(str(first["row"]))][1]
        else:
            body = (seeds / str(first["doc"])).read_text(encoding="utf-8")
        published = first.get("published")
        doc = Document(id="eval", doc="eval", source=str(path), body=body,
                       published=str(published) if published else None,
                       sentences=split_sentences(body))
        alone = linker.link(doc)
        full = linker.link(recognize(doc, nlp))
        for g in doc_lines:
            span = gold_span(body, g)
            if span is None:
                raise InputError(str(path), f"{g['text']!r} not found in {g['doc']}")
            plain += gold_matches(g, span, alone)
            if gold_matches(g, span, full):
                with_ner += 1
            else:
                misses.append(f"{g['doc']}: {g['text']!r} -> {g.get('country')}/{g.get('kind')}")
    return MentionScore(path.name, len(lines), plain, with_ner, tuple(misses))


def format_mention_scores(scores: Iterable[MentionScore], details: bool = False) -> str:
    out = [f"{'set':<28} {'mentions':>8} {'linker':>8} {'NER+linker':>11}"]
    for s in scores:
        out.append(f"{s.name:<28} {s.total:>8} {s.linker / s.total:>8.3f} {s.with_ner / s.total:>11.3f}")
        if details:
            out.extend(f"  miss {m}" for m in s.misses)
    return "\n".join(out)
