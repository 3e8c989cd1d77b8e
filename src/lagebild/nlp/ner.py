"""Named-entity recognition with the spaCy model shipped in ``assets/ner``.

The model (PER, LOC, ORG, MISC; trained by ``lagebild.nlp.ner_train`` on GermEval 2014,
SmartData, MobIE and Legal NER) runs over the whole clean body, so mention offsets are body
offsets with no re-mapping; each mention gets the index of the sentence it starts in. The
model is loaded once per path and cached. Mentions found by an earlier stage win over
overlapping NER spans: they come from a more specific source (a gazetteer, a rule).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..errors import ModelError
from ..models import Document, EntityLabel, Mention, Sentence
from ..pipeline import register_stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

LABELS: frozenset[str] = frozenset({"PER", "LOC", "ORG", "MISC"})
MODEL_ENV = "LAGEBILD_NER_MODEL"  # a different model directory, e.g. for experiments
MAX_LENGTH = 5_000_000  # characters; spaCy's default (1M) refuses very long pages
# Quote and bracket tokens never begin or end an entity: the training corpora's spans are
# trimmed of them (``ner_train.trim_span``), so a predicted span holding one is cut back.
EDGE_PUNCT = frozenset('"„“”‚‘’\'«»‹›()[]{},;:')


def model_path() -> Path:
    env = os.environ.get(MODEL_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[1] / "assets" / "ner"


def e5_model_path() -> Path:
    """The fine-tuned e5-small model (``lagebild.nlp.ner_e5``): more accurate, much slower."""
    return Path(__file__).resolve().parents[1] / "assets" / "ner_e5"


@lru_cache(maxsize=2)
def load_model(path: Path | None = None) -> Language:
    """The spaCy pipeline at ``path`` (default: the shipped model), loaded once."""
    import spacy

    path = path or model_path()
    if not (path / "config.cfg").exists():
        raise ModelError(
            f"NER model not found at {path}: reinstall lagebild, or train one with "
            f"`lagebild train ner` (or point {MODEL_ENV} at a trained spaCy model directory)"
        )
    from . import ner_e5

    ner_e5.register()  # a transformer model directory names this component's factory
    _register_trim()  # so does a pipeline saved after load_model
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ModelError(f"NER model at {path} cannot be loaded: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"{path} is a spaCy pipeline without an 'ner' component")
    nlp.max_length = MAX_LENGTH
    _split_hash_signs(nlp)
    if TRIM_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(TRIM_COMPONENT, after="ner")
    return nlp


TRIM_COMPONENT = "lagebild_trim_edges"
# A hashtag's "#" may also start a predicted name ("#Hamburg"), never end one
_LEADING_ONLY = frozenset("#")


# Names of persons, places and organisations end in a capitalised word: a lower-case word
# the model took along is the clause's verb or noun's attribute ("in Novi Sad demonstrierten"
# -> "Novi Sad"). (Titles of works, MISC, do end in one: "Literatur um acht"; so do brands
# written all in lower case: "picture alliance".)
_CAPITALISED_LABELS = frozenset({"PER", "LOC", "ORG"})


def _lower_word(text: str) -> bool:
    return text.isalpha() and text.islower()


def _lower_tail(ent: Span, end: int) -> bool:
    """Whether the token before ``end`` is a lower-case word the capitalised name ``ent``
    took along."""
    return ent.label_ in _CAPITALISED_LABELS and _lower_word(ent.doc[end - 1].text) \
        and any(t.text[:1].isupper() for t in ent.doc[ent.start : end - 1])


def trim_edges(doc: Doc) -> Doc:
    """Predicted entities without quote, bracket or "#" tokens at their edges ("Stromberg ("
    -> "Stromberg", "# Hamburg" -> "Hamburg"), and persons, places and organisations without
    lower-case words at their end. No training span has one there, yet both models now and
    then carry a name's tag onto the token beside it; a span of nothing but such tokens is
    dropped."""
    from spacy.tokens import Span

    kept: list[Span] = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while start < end and (doc[start].text in EDGE_PUNCT or doc[start].text in _LEADING_ONLY):
            start += 1
        while end > start and (doc[end - 1].text in EDGE_PUNCT or _lower_tail(ent, end)):
            end -= 1
        if (start, end) != (ent.start, ent.end):
            changed = True
        if start < end:
            kept.append(ent if (start, end) == (ent.start, ent.end)
                        else Span(doc, start, end, label=ent.label_))
    if changed:
        doc.ents = kept
    return doc


@lru_cache(maxsize=1)
def _register_trim() -> None:
    from spacy.language import Language

    if not Language.has_factory(TRIM_COMPONENT):
        Language.component(TRIM_COMPONENT, func=trim_edges)


def _split_hash_signs(nlp: Language) -> None:
    """Make "#" a token of its own, as in the training corpora ("#Hamburg" -> "#", "Hamburg"):
    spaCy's German tokenizer keeps it on the word, so the model could only tag "#Hamburg" whole
    and never the name in it. ("@" stays: the corpora tag "@user" handles whole.)"""
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes or ())
    if "#" not in prefixes:
        nlp.tokenizer.prefix_search = compile_prefix_regex(["#", *prefixes]).search  # type: ignore[union-attr]


def mentions_from(sdoc: Doc, sentences: Sequence[Sentence]) -> tuple[Mention, ...]:
    """NER mentions of a spaCy doc over a body, each with its sentence index."""
    starts = [s.start for s in sentences]
    out: list[Mention] = []
    for ent in sdoc.ents:
        if ent.label_ not in LABELS:
            continue
        out.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                label=cast(EntityLabel, ent.label_),
                sentence_index=sentence_index(starts, sentences, ent.start_char),
                how="ner",
            )
        )
    return tuple(out)


def sentence_index(starts: list[int], sentences: Sequence[Sentence], offset: int) -> int | None:
    """Index of the sentence that contains ``offset``; None if it falls between sentences."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return i
    return None


def merge_mentions(existing: Sequence[Mention], found: Iterable[Mention]) -> tuple[Mention, ...]:
    """``existing`` plus every found mention that overlaps none of them, in text order."""
    kept = list(existing)
    for m in found:
        if not any(m.start < e.end and e.start < m.end for e in existing):
            kept.append(m)
    return tuple(sorted(kept, key=lambda m: (m.start, m.end)))


def _with_mentions(doc: Document, sdoc: Doc) -> Document:
    found = mentions_from(sdoc, doc.sentences)
    return replace(doc, mentions=merge_mentions(doc.mentions, found))


def recognize(doc: Document, nlp: Language | None = None) -> Document:
    """``doc`` with the NER model's mentions added."""
    nlp = nlp or load_model()
    return _with_mentions(doc, nlp(doc.body))


def recognize_many(
    docs: Iterable[Document],
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    keep_sentence: Callable[[Sentence], bool] | None = None,
) -> list[Document]:
    """Batch version of :func:`recognize` over ``nlp.pipe`` (several times faster).

    ``keep_sentence``: run the model only on the sentences it accepts (e.g. those holding an
    event trigger) -- the model's cost is linear in the words it reads, so this is the lever
    when throughput matters more than mentions in sentences no later stage looks at.
    """
    nlp = nlp or load_model()
    items = list(docs)
    if keep_sentence is None:
        sdocs = nlp.pipe((d.body for d in items), batch_size=batch_size, n_process=n_process)
        return [_with_mentions(d, s) for d, s in zip(items, sdocs, strict=True)]
    jobs = [
        (i, k, sent) for i, d in enumerate(items) for k, sent in enumerate(d.sentences) if keep_sentence(sent)
    ]
    found: list[list[Mention]] = [[] for _ in items]
    texts = (sent.text for _, _, sent in jobs)
    sdocs = nlp.pipe(texts, batch_size=batch_size * 16, n_process=n_process)
    for (i, k, sent), sdoc in zip(jobs, sdocs, strict=True):
        found[i].extend(_sentence_mentions(sdoc, sent, k))
    return [replace(d, mentions=merge_mentions(d.mentions, f)) for d, f in zip(items, found, strict=True)]


def _sentence_mentions(sdoc: Doc, sent: Sentence, index: int) -> list[Mention]:
    return [
        Mention(
            start=sent.start + ent.start_char,
            end=sent.start + ent.end_char,
            text=ent.text,
            label=cast(EntityLabel, ent.label_),
            sentence_index=index,
            how="ner",
        )
        for ent in sdoc.ents
        if ent.label_ in LABELS
    ]


class NerStage:
    """The NER model as a pipeline stage.

    ``keep_sentence`` limits the model to the sentences it accepts. The model is ~70 % of the
    pipeline's cost and only about a fifth of news sentences hold an event trigger, so the
    default stage ``ner`` reads those; ``ner-full`` reads every sentence (all names for
    ``lagebild actors``, at about a third of the throughput).
    """

    name: str = "ner"
    requires: tuple[str, ...] = ("body", "sentences")
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(
        self, path: Path | None = None, keep_sentence: Callable[[Sentence], bool] | None = None
    ) -> None:
        self.path = path
        self.keep_sentence = keep_sentence

    def __call__(self, doc: Document) -> Document:
        nlp = load_model(self.path)
        if self.keep_sentence is None:
            return recognize(doc, nlp)
        return recognize_many([doc], nlp, keep_sentence=self.keep_sentence)[0]

    def many(self, docs: list[Document]) -> list[Document]:
        """All documents in one pass of the model: spaCy's per-call overhead is paid once
        (3.6-4.0 instead of 4.8-6.1 ms per article for 16 articles, bench/RESULTS.md)."""
        return recognize_many(docs, load_model(self.path), keep_sentence=self.keep_sentence)


@register_stage("ner")
def make_ner() -> NerStage:
    # Imported here: the extractor's trigger lexicon is only needed once the stage is built.
    from ..extract.events import may_hold_event

    return NerStage(keep_sentence=may_hold_event)


@register_stage("ner-full")
def make_ner_full() -> NerStage:
    return NerStage()


@register_stage("ner-e5")
def make_ner_e5() -> NerStage:
    """The transformer model on event sentences: better names, a fraction of the speed."""
    from ..extract.events import may_hold_event

    return NerStage(path=e5_model_path(), keep_sentence=may_hold_event)


@register_stage("ner-e5-full")
def make_ner_e5_full() -> NerStage:
    return NerStage(path=e5_model_path())
