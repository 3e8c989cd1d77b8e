"""Build, train and evaluate the German NER model shipped in ``assets/ner``.

Everything here is offline: the corpora are read from ``../shared/data`` (or
``$LAGEBILD_SHARED/data``), converted to spaCy ``DocBin`` files, and trained with spaCy's own
training loop and a config in ``train/ner.cfg``.

Label scheme: PER, LOC, ORG, MISC (CoNLL style). Each corpus has its own scheme; the mapping
tables are at the top of this module and the choices are argued in ``train/README.md``. In
short: only the outer GermEval level is used; ``-deriv`` ("russische") and ``-part``
("NATO-Gipfel") are *not* entities (the actor linker handles adjectives from its own lexicon);
types that are neither an entity of ours nor clearly not one (legal citations, routes) are
marked *missing* so the model is neither rewarded nor punished on them.

The held-out split is fixed by a hash of each item's key (GermEval: source line + sentence;
SmartData: document id): bucket ``< 10`` of 100 is held out and never trained on, ``10..14``
is the dev set the training loop selects checkpoints on, the rest is trained on. MobIE, Legal
NER and HIPE are training-only.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ..errors import DataMissingError, ModelError
from .ner import EDGE_PUNCT, load_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "MISC")
MISSING = "-"  # a mapped label meaning "no annotation here": neither entity nor O
Split = Literal["train", "dev", "heldout"]

# --- label mappings -------------------------------------------------------------------------
# GermEval 2014 outer level. -deriv/-part are not entities in the CoNLL sense: "russische"
# (LOCderiv) is an adjective, "NATO-Gipfel" (ORGpart) a compound naming a meeting.
GERMEVAL_MAP: dict[str, str] = {
    "PER": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "OTH": "MISC",
    "PERderiv": "O",
    "LOCderiv": "O",
    "ORGderiv": "O",
    "OTHderiv": "O",
    "PERpart": "O",
    "LOCpart": "O",
    "ORGpart": "O",
    "OTHpart": "O",
}
# SmartData and MobIE share the DFKI traffic/business scheme (SmartData v3 spells it upper
# case with underscores; keys here are normalised to lower case with hyphens).
DFKI_MAP: dict[str, str] = {
    "person": "PER",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",  # stations and stops: named places
    "location-route": MISSING,  # "A9", "S1": a line or road number, not a CoNLL LOC
    "organization": "ORG",
    "organization-company": "ORG",
    "org-position": "O",  # "Vorstandschef": a role, not a name
    "date": "O",
    "time": "O",
    "duration": "O",
    "number": "O",
    "money": "O",
    "percent": "O",
    "distance": "O",
    "set": "O",
    "trigger": "O",
    "event-cause": "O",
    "disaster-type": "O",
}
# Legal Entity Recognition (Leitner et al. 2019), fine types.
LEGAL_MAP: dict[str, str] = {
    "PER": "PER",  # Person
    "RR": "PER",  # Richter
    "AN": "PER",  # Anwalt
    "LD": "LOC",  # Land
    "ST": "LOC",  # Stadt
    "STR": "LOC",  # Straße
    "LDS": "LOC",  # Landschaft
    "ORG": "ORG",  # Organisation
    "UN": "ORG",  # Unternehmen
    "INN": "ORG",  # Institution
    "GRT": "ORG",  # Gericht
    "MRK": "MISC",  # Marke
    # Laws, ordinances, regulations, contracts, case citations, literature, EU norms: long
    # citation strings that GermEval sometimes tags OTH and sometimes not -> no signal either way.
    "GS": MISSING,
    "VO": MISSING,
    "EUN": MISSING,
    "VS": MISSING,
    "VT": MISSING,
    "RS": MISSING,
    "LIT": MISSING,
}
# HIPE-2022 coarse literal types (historic newspapers, OCR).
HIPE_MAP: dict[str, str] = {
    "PER": "PER",
    "pers": "PER",
    "LOC": "LOC",
    "loc": "LOC",
    "ORG": "ORG",
    "org": "ORG",
    "HumanProd": "MISC",
    "prod": "MISC",
    "time": "O",
}


@dataclass(frozen=True)
class Item:
    """One converted unit (a sentence or a document) with the key that fixes its split."""

    key: str
    doc: Doc


# --- paths ----------------------------------------------------------------------------------
def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def shared_data_dir() -> Path:
    """``$LAGEBILD_SHARED/data`` if set, else ``<repo>/../shared/data``."""
    env = os.environ.get("LAGEBILD_SHARED")
    base = Path(env) if env else repo_root().parent / "shared"
    return base / "data"


def default_model_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "assets" / "ner"


def _require(path: Path) -> Path:
    if not path.exists():
        raise DataMissingError(
            f"{path} not found: NER training data lives in ../shared/data next to the repository "
            "(or set LAGEBILD_SHARED to the folder that holds data/)"
        )
    return path


# --- split ----------------------------------------------------------------------------------
def split_of(key: str) -> Split:
    """The fixed split of an item: 10% held out, 5% dev, 85% train (by SHA-1 of the key)."""
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < 10:
        return "heldout"
    if bucket < 15:
        return "dev"
    return "train"


# --- generic BIO helpers --------------------------------------------------------------------
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}%")
_NO_SPACE_AFTER = frozenset("([{„‚")


def detokenize_spaces(words: list[str]) -> list[bool]:
    """Guess the space after each token so the text looks like what the tokenizer will see."""
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        space = bool(nxt) and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER
        spaces.append(space)
    return spaces


def bio_spans(tags: list[str], mapping: dict[str, str]) -> list[tuple[int, int, str]]:
    """Token spans ``(start, end, label)`` from BIO/IOB1 tags mapped through ``mapping``.

    ``label`` is one of LABELS or MISSING; spans mapped to "O" are dropped. An unknown type
    becomes MISSING (logged) rather than silently O.
    """
    spans: list[tuple[int, int, str]] = []
    cur: list[object] | None = None  # [start, end, raw_type]
    for i, tag in enumerate(tags):
        if tag in ("O", "", "_") or "-" not in tag:
            cur = None
            continue
        prefix, raw = tag.split("-", 1)
        if prefix == "I" and cur is not None and cur[2] == raw and cur[1] == i:
            cur[1] = i + 1
            continue
        cur = [i, i + 1, raw]
        spans.append(cur)  # type: ignore[arg-type]
    out: list[tuple[int, int, str]] = []
    for start, end, raw in spans:
        label = mapping.get(raw)
        if label is None:
            log.warning("unknown entity type %r mapped to missing", raw)
            label = MISSING
        if label != "O":
            out.append((start, end, label))
    return out


def make_doc(vocab: Vocab, words: list[str], spans: list[tuple[int, int, str]]) -> Doc:
    """A Doc over ``words`` with entity annotation; MISSING spans are left unannotated."""
    from spacy.tokens import Doc, Span

    doc = Doc(vocab, words=words, spaces=detokenize_spaces(words))
    trimmed = [(trim_span(doc, s, e), lab) for s, e, lab in spans]
    ents = [Span(doc, *t, label=lab) for t, lab in trimmed if t and lab != MISSING]
    missing = [Span(doc, *t) for t, lab in trimmed if t and lab == MISSING]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc




def trim_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop whitespace and quote/bracket tokens at the edges of an entity span.

    spaCy's NER cannot learn a span that starts or ends with whitespace or punctuation (E024),
    and an entity containing a line break is an annotation slip, so it is dropped.
    """
    while start < end and (doc[start].is_space or doc[start].text in EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        end -= 1
    if start >= end or any(doc[i].is_space for i in range(start, end)):
        return None
    return start, end


# --- corpus readers -------------------------------------------------------------------------
def read_germeval(lines: Iterable[str], vocab: Vocab) -> Iterator[Item]:
    """GermEval 2014 TSV: ``# source`` line, then ``n<TAB>token<TAB>outer<TAB>inner``."""
    header = ""
    words: list[str] = []
    tags: list[str] = []

    def flush() -> Iterator[Item]:
        if words:
            key = f"germeval|{header}|{' '.join(words)}"
            yield Item(key, make_doc(vocab, list(words), bio_spans(tags, GERMEVAL_MAP)))
        words.clear()
        tags.clear()

    for line in lines:
        line = line.rstrip("\r\n")
        if line.startswith("#"):
            yield from flush()
            header = line
            continue
        if not line.strip():
            yield from flush()
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        words.append(cols[1])
        tags.append(cols[2])
    yield from flush()


def read_conll(
    lines: Iterable[str], vocab: Vocab, mapping: dict[str, str], name: str, tag_col: int = -1
) -> Iterator[Item]:
    """Space/tab separated CoNLL: token first, tag in ``tag_col``; blank line ends a sentence."""
    words: list[str] = []
    tags: list[str] = []
    count = 0

    def flush() -> Iterator[Item]:
        nonlocal count
        if words:
            count += 1
            yield Item(f"{name}|{count}", make_doc(vocab, list(words), bio_spans(tags, mapping)))
        words.clear()
        tags.clear()

    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("-DOCSTART-"):
            yield from flush()
            continue
        cols = line.split()
        if len(cols) < 2:
            continue
        words.append(cols[0])
        tags.append(_dfki_norm(cols[tag_col]) if mapping is DFKI_MAP else cols[tag_col])
    yield from flush()


def _dfki_norm(tag: str) -> str:
    # "B-LOCATION_CITY" (v3) and "B-location-city" (v1, MobIE) -> "B-location-city"
    if tag == "O" or "-" not in tag:
        return tag
    prefix, raw = tag.split("-", 1)
    return f"{prefix}-{raw.lower().replace('_', '-')}"


def read_hipe(lines: Iterable[str], vocab: Vocab, name: str) -> Iterator[Item]:
    """HIPE-2022 TSV: TOKEN, NE-COARSE-LIT, ..., MISC (with NoSpaceAfter/EndOfSentence)."""
    words: list[str] = []
    tags: list[str] = []
    count = 0
    prev_misc = ""

    def flush() -> Iterator[Item]:
        nonlocal count
        if words:
            count += 1
            yield Item(f"{name}|{count}", make_doc(vocab, list(words), bio_spans(tags, HIPE_MAP)))
        words.clear()
        tags.clear()

    for line in lines:
        line = line.rstrip("\r\n")
        if line.startswith("#") or line.startswith("TOKEN\t") or not line.strip():
            if line.startswith("# hipe2022:document_id"):
                yield from flush()
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        token = cols[0]
        misc = cols[-1]
        if words and words[-1].endswith("¬") and "EndOfLine" in prev_misc:
            # Re-join a word hyphenated across a line break ("Fett¬" + "waarenfabrik").
            words[-1] = words[-1][:-1] + token
        else:
            words.append(token)
            tags.append(cols[1])
        prev_misc = misc
        if "EndOfSentence" in misc:
            yield from flush()
    yield from flush()


def read_smartdata(records: Iterable[dict[str, object]], nlp: Language) -> Iterator[Item]:
    """SmartData JSON records: ``text.string`` plus ``conceptMentions`` with char spans."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    for rec in records:
        text = _get(rec, "text", "string")
        if not isinstance(text, str) or not text.strip():
            continue
        doc = nlp.make_doc(text)
        ents: list[Span] = []
        missing: list[Span] = []
        mentions = cast(list[dict[str, Any]], _get(rec, "conceptMentions", "array") or [])
        for mention in mentions:
            raw = str(mention["type"]).lower().replace("_", "-")
            label = DFKI_MAP.get(raw, MISSING)
            if label == "O":
                continue
            span = doc.char_span(
                mention["span"]["start"], mention["span"]["end"], alignment_mode="expand"
            )
            if span is None:
                continue
            trimmed = trim_span(doc, span.start, span.end)
            if trimmed is None:
                continue
            start, end = trimmed
            if label == MISSING:
                missing.append(Span(doc, start, end))
            else:
                ents.append(Span(doc, start, end, label=label))
        ents = filter_spans(ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        missing = [m for m in filter_spans(missing) if not taken & set(range(m.start, m.end))]
        doc.set_ents(ents, missing=missing, default="outside")
        yield Item(f"smartdata|{rec['id']}", doc)


def _get(rec: object, *path: str) -> object:
    for part in path:
        if not isinstance(rec, dict):
            return None
        rec = rec.get(part)
    return rec


def iter_json_records(path: Path) -> Iterator[dict[str, object]]:
    """SmartData files are concatenated pretty-printed JSON objects, not JSON lines."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    decoder = json.JSONDecoder()
    i, n = 0, len(raw)
    while i < n:
        while i < n and raw[i].isspace():
            i += 1
        if i >= n:
            break
        obj, i = decoder.raw_decode(raw, i)
        yield obj


def _lines(path: Path) -> Iterator[str]:
    with _require(path).open(encoding="utf-8") as fh:
        yield from fh


# --- corpus assembly ------------------------------------------------------------------------
CORPORA: tuple[str, ...] = ("germeval", "smartdata", "mobie", "legal", "hipe")
DEFAULT_CORPORA: tuple[str, ...] = ("germeval", "smartdata", "mobie", "legal")
HELDOUT_CORPORA = frozenset({"germeval", "smartdata"})
# The labels each corpus annotates everywhere. The DFKI scheme has no MISC type, and Legal
# NER marks only brands (MRK): there a currency, an event or a product is "O" because nobody
# looked, not because it is no name. Training treats such an "O" as "O or MISC", and the
# evaluation does not judge MISC predictions on such text (``Doc.user_data["labels"]``).
ANNOTATED_LABELS: dict[str, tuple[str, ...]] = {
    "germeval": LABELS,
    "smartdata": ("PER", "LOC", "ORG"),
    "mobie": ("PER", "LOC", "ORG"),
    "legal": ("PER", "LOC", "ORG"),
    "hipe": LABELS,
}


def corpus_items(name: str, nlp: Language, data: Path | None = None) -> Iterator[Item]:
    """All items of one corpus, converted to PER/LOC/ORG/MISC."""
    data = data or shared_data_dir()
    vocab = nlp.vocab
    if name == "germeval":
        for part in ("dev", "test"):
            yield from read_germeval(_lines(data / "germeval2014" / f"NER-de-{part}.tsv"), vocab)
    elif name == "smartdata":
        seen_ids: set[str] = set()
        seen_text: set[str] = set()
        # v3 first: its alignment was repaired; v1 copies of the same documents are skipped.
        for rel in ("v3/dev", "v3/test", "v1/train", "v1/test"):
            path = _require(data / "smartdata_de" / f"{rel}.json.gz")
            for rec in iter_json_records(path):
                text = _get(rec, "text", "string")
                digest = hashlib.sha1(str(text).encode("utf-8")).hexdigest()
                if rec["id"] in seen_ids or digest in seen_text:
                    continue
                seen_ids.add(str(rec["id"]))
                seen_text.add(digest)
                yield from read_smartdata([rec], nlp)
    elif name == "mobie":
        for part in ("train", "dev", "test"):
            path = data / "mobie_de" / f"{part}.conll2003"
            yield from read_conll(_lines(path), vocab, DFKI_MAP, f"mobie-{part}")
    elif name == "legal":
        for part in ("dev", "test"):
            path = data / "legal_ner_de" / f"{part}.conll"
            yield from read_conll(_lines(path), vocab, LEGAL_MAP, f"legal-{part}")
    elif name == "hipe":
        for path in sorted(_require(data / "hipe2022_de").glob("*.tsv")):
            yield from read_hipe(_lines(path), vocab, f"hipe-{path.stem}")
    else:
        raise DataMissingError(f"unknown NER corpus {name!r}; known: {', '.join(CORPORA)}")


def _keep_for_training(name: str, doc: Doc, index: int) -> bool:
    # Legal NER is 13k sentences of court decisions, most without any entity of ours; keep
    # those with one and every 4th of the rest so the domain does not swamp the news corpora.
    if name != "legal":
        return True
    return any(t.ent_iob_ == "B" for t in doc) or index % 4 == 0


def build_corpus(
    out_dir: Path,
    corpora: Iterable[str] = DEFAULT_CORPORA,
    data: Path | None = None,
) -> dict[str, dict[str, int]]:
    """Write ``train.spacy``, ``dev.spacy`` and ``heldout.spacy`` into ``out_dir``.

    Returns counts of docs per corpus and split.
    """
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    out_dir.mkdir(parents=True, exist_ok=True)
    bins = {
        s: DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for s in ("train", "dev", "heldout")
    }
    counts: dict[str, dict[str, int]] = {}
    for name in corpora:
        c = counts.setdefault(name, {"train": 0, "dev": 0, "heldout": 0})
        for i, item in enumerate(corpus_items(name, nlp, data)):
            split: Split = "train"
            if name in HELDOUT_CORPORA:
                split = split_of(item.key)
            if split == "train" and not _keep_for_training(name, item.doc, i):
                continue
            item.doc.user_data["labels"] = list(ANNOTATED_LABELS.get(name, LABELS))
            bins[split].add(item.doc)
            c[split] += 1
    for part, db in bins.items():
        db.to_disk(out_dir / f"{part}.spacy")
    return counts


# --- training -------------------------------------------------------------------------------
def default_config() -> Path:
    return repo_root() / "train" / "ner.cfg"


class TrainingTimeUp(Exception):
    """Raised inside spaCy's loop when the wall-clock budget is spent (not an error)."""


def stop_after(minutes: float) -> Callable[[Language, dict[str, Any]], None]:
    """A spaCy ``before_update`` callback that ends training after ``minutes``."""
    deadline = time.monotonic() + minutes * 60

    def check(nlp: Language, info: dict[str, Any]) -> None:
        # spaCy saves model-last when the loop aborts; model-best is already on disk.
        if time.monotonic() > deadline:
            raise TrainingTimeUp(f"time budget of {minutes} min spent at step {info['step']}")

    return check


def _register_time_limit() -> None:
    from spacy.util import registry

    if "lagebild.stop_after.v1" not in registry.callbacks:
        registry.callbacks.register("lagebild.stop_after.v1", func=stop_after)


def train(
    corpus_dir: Path,
    output_dir: Path,
    config: Path | None = None,
    overrides: dict[str, object] | None = None,
    max_minutes: float | None = None,
) -> Path:
    """Train with spaCy's loop; returns ``output_dir/model-best`` (the best dev checkpoint).

    ``max_minutes`` stops the loop after that much wall clock; checkpoints written so far
    (``model-best`` at every improving evaluation, ``model-last`` on stop) are kept.
    """
    from spacy.cli.train import train as spacy_train

    cfg = config or default_config()
    if not cfg.exists():
        raise ModelError(f"training config {cfg} not found")
    for part in ("train", "dev"):
        _require(corpus_dir / f"{part}.spacy")
    settings: dict[str, object] = {
        "paths.train": str(corpus_dir / "train.spacy"),
        "paths.dev": str(corpus_dir / "dev.spacy"),
    }
    if max_minutes is not None:
        _register_time_limit()
        settings["training.before_update"] = {
            "@callbacks": "lagebild.stop_after.v1",
            "minutes": max_minutes,
        }
    settings.update(overrides or {})
    output_dir.mkdir(parents=True, exist_ok=True)
    try:
        spacy_train(cfg, output_dir, overrides=settings)
    except TrainingTimeUp as stop:
        log.info("%s", stop)
    best = output_dir / "model-best"
    if not best.exists():
        raise ModelError(f"training wrote no checkpoint to {best}; give it more time")
    return best


def train_ner(
    work_dir: Path | None = None,
    corpora: Iterable[str] = DEFAULT_CORPORA,
    data: Path | None = None,
    config: Path | None = None,
    max_minutes: float | None = None,
    export_to: Path | None = None,
) -> Path:
    """The whole recipe behind ``lagebild train ner``: corpus -> train -> export.

    Work files go to ``work_dir`` (default ``train/out``, git-ignored); the best checkpoint
    is exported to ``export_to`` (default: the package's ``assets/ner``). Returns that path.
    """
    work = work_dir or repo_root() / "train" / "out"
    counts = build_corpus(work / "corpus", corpora, data)
    log.info("NER corpus: %s", counts)
    overrides: dict[str, object] = {}
    if uses_static_vectors(config or default_config()):
        overrides["paths.vectors"] = str(ensure_vectors(work))
    best = train(
        work / "corpus", work / "model", config=config, overrides=overrides, max_minutes=max_minutes
    )
    return export_model(best, export_to)


def uses_static_vectors(config: Path) -> bool:
    from thinc.api import Config

    cfg = Config().from_disk(config, interpolate=False)
    embed = cfg["components"]["tok2vec"]["model"]["embed"]
    return bool(embed.get("include_static_vectors", False))


def ensure_vectors(work: Path) -> Path:
    """The distilled word vectors (``work/vectors``), built from the training split once
    (delete the folder to rebuild them)."""
    from lagebild.extract.kb import KB_PATH
    from lagebild.nlp import ner_vectors

    out = work / "vectors"
    if not (out / "vocab" / "vectors").exists():
        ner_vectors.build_vectors(work / "corpus" / "train.spacy", KB_PATH, out)
    return out


def export_model(trained: Path, target: Path | None = None) -> Path:
    """Copy a trained pipeline into the package, keeping only what inference needs."""
    import spacy

    target = target or default_model_dir()
    nlp = spacy.load(trained, exclude=["parser", "tagger", "lemmatizer"])
    keep = {"tok2vec", "ner"}
    for name in list(nlp.pipe_names):
        if name not in keep:
            nlp.remove_pipe(name)
    if target.exists():
        shutil.rmtree(target)
    # Lookup tables are not used by the model: drop them to keep it small. Vectors are kept
    # only when the model reads them (static vectors in its tok2vec).
    exclude = ["vocab.lookups"]
    if not nlp.vocab.vectors.shape[0]:
        exclude.append("vocab.vectors")
    nlp.to_disk(target, exclude=exclude)
    _strip_training_settings(target / "config.cfg")
    return target


def _strip_training_settings(path: Path) -> None:
    # The shipped config must load without this module's registered training callback or
    # the corpus paths of the machine it was trained on.
    from thinc.api import Config

    cfg = Config().from_disk(path, interpolate=False)
    cfg["training"]["before_update"] = None
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg["paths"]["vectors"] = None
    cfg.to_disk(path)


# --- evaluation -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Scores:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold entities


@dataclass(frozen=True)
class EvalResult:
    scores: tuple[Scores, ...]  # per label, then "micro"
    docs: int
    words: int
    seconds: float

    @property
    def micro(self) -> Scores:
        return self.scores[-1]

    def table(self) -> str:
        rows = [f"{'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
        for s in self.scores:
            rows.append(
                f"{s.label:<6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:6d}"
            )
        rows.append(f"{self.docs} docs, {self.words} words, {self.words / self.seconds:.0f} words/s")
        return "\n".join(rows)


def evaluate(
    model: Path | None = None,
    corpus: Path | None = None,
    nlp: Language | None = None,
    docs: Iterable[Doc] | None = None,
) -> EvalResult:
    """Exact-span P/R/F1 per label and micro over a DocBin (default: the held-out split).

    Tokens annotated as missing in the gold are ignored: a prediction that overlaps one counts
    neither as right nor wrong; so is a prediction of a label the gold document's corpus does
    not annotate (MISC in SmartData: ``ANNOTATED_LABELS``).
    """
    from spacy.tokens import DocBin

    if nlp is None:
        nlp = load_model(model)  # registers the transformer component if the model uses it
    if docs is None:
        path = corpus or (repo_root() / "train" / "out" / "corpus" / "heldout.spacy")
        if not path.exists():
            raise DataMissingError(f"{path} not found: run the corpus build first")
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    gold_docs = list(docs)
    tp: dict[str, int] = {lab: 0 for lab in LABELS}
    fp = dict(tp)
    fn = dict(tp)
    start = time.perf_counter()
    preds = list(nlp.pipe((d.text for d in gold_docs), batch_size=64))
    seconds = time.perf_counter() - start
    words = 0
    for gold, pred in zip(gold_docs, preds, strict=True):
        words += len(gold)
        g = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        blocked = [(t.idx, t.idx + len(t)) for t in gold if t.ent_iob_ == ""]
        judged = set(gold.user_data.get("labels", LABELS))
        p = {
            (e.start_char, e.end_char, e.label_)
            for e in pred.ents
            if e.label_ in judged
            and not any(s < e.end_char and e.start_char < t for s, t in blocked)
        }
        for lab in LABELS:
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in p if x[2] == lab}
            tp[lab] += len(gl & pl)
            fp[lab] += len(pl - gl)
            fn[lab] += len(gl - pl)
    scores = [_prf(lab, tp[lab], fp[lab], fn[lab]) for lab in LABELS]
    scores.append(_prf("micro", sum(tp.values()), sum(fp.values()), sum(fn.values())))
    return EvalResult(tuple(scores), len(gold_docs), words, max(seconds, 1e-9))


def heldout_corpus(work_dir: Path | None = None) -> Path:
    """The held-out DocBin, built from ../shared/data when no training run has made it yet.

    A fresh clone has no ``train/out``: the held-out split is rebuilt from the held-out
    corpora alone (into its own folder, so a training corpus is never overwritten).
    """
    work = work_dir or repo_root() / "train" / "out"
    made_by_training = work / "corpus" / "heldout.spacy"
    if made_by_training.exists():
        return made_by_training
    only = work / "heldout-only"
    if not (only / "heldout.spacy").exists():
        build_corpus(only, HELDOUT_CORPORA)
    return only / "heldout.spacy"


def evaluate_heldout(model: Path | None = None, corpus: Path | None = None) -> EvalResult:
    """``lagebild eval ner``: the shipped (or given) model on the held-out split."""
    return evaluate(model=model, corpus=corpus or heldout_corpus())


def _prf(label: str, tp: int, fp: int, fn: int) -> Scores:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(label, p, r, f, tp + fn)


# --- speed ----------------------------------------------------------------------------------
def read_10kgnad(path: Path | None = None, limit: int = 200) -> list[str]:
    """Article texts from 10kGNAD ``test.csv`` (``label;'text'``; NC licence: benchmarks only)."""
    import csv

    path = _require(path or shared_data_dir() / "10kgnad" / "test.csv")
    texts: list[str] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                texts.append(row[1])
            if len(texts) >= limit:
                break
    return texts


@dataclass(frozen=True)
class SpeedResult:
    articles: int
    words: int
    seconds: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds


def measure_speed(
    texts: list[str], nlp: Language | None = None, n_process: int = 1, batch_size: int = 64
) -> SpeedResult:
    """Wall-clock NER throughput over ``texts`` (tokenizer + tok2vec + ner)."""

    nlp = nlp or load_model()
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    return SpeedResult(len(texts), words, time.perf_counter() - start)

