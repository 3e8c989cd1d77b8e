"""Sentence splitting: the cases somajo gets right, with spaCy's speed."""

from __future__ import annotations

import pytest

from lagebild.nlp.sentences import split_sentences


def _texts(text: str) -> list[str]:
    sents = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sents)  # offsets point into the body
    return [s.text for s in sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Opening quotes start the next sentence (spaCy's sentencizer attaches them to the previous).
        ("Er kam. „Wir bleiben“, sagte er.", ["Er kam.", "„Wir bleiben“, sagte er."]),
        (
            "Er kam. «Beide Seiten bekräftigten», hiess es.",
            ["Er kam.", "«Beide Seiten bekräftigten», hiess es."],
        ),
        ('Gut. "Hallo" rief er. Dann "ja".', ["Gut.", '"Hallo" rief er.', 'Dann "ja".']),
        ("Er sagte: „Das ist gut.“ Dann ging er.", ["Er sagte: „Das ist gut.“", "Dann ging er."]),
        # Abbreviations and ordinals do not end sentences.
        (
            "Am 7. Mai 2025 traf er z.B. Dr. Müller u. a. in Moskau. Dann nicht.",
            ["Am 7. Mai 2025 traf er z.B. Dr. Müller u. a. in Moskau.", "Dann nicht."],
        ),
        (
            "Im 19. Jahrhundert war das so. Am 11.12.2025 nicht.",
            ["Im 19. Jahrhundert war das so.", "Am 11.12.2025 nicht."],
        ),
        # A line break ends a heading without punctuation.
        ("Trump erhöht Druck\nMaduros Regierung wankt.", ["Trump erhöht Druck", "Maduros Regierung wankt."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_tokens_have_body_offsets() -> None:
    text = "\n\nRusslands Präsident Wladimir Putin telefonierte."
    [sent] = split_sentences(text)
    words = [text[s:e] for s, e in sent.tokens]
    assert words == ["Russlands", "Präsident", "Wladimir", "Putin", "telefonierte", "."]


def test_empty_text() -> None:
    assert split_sentences("   \n ") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year, a number or a regnal number with its full stop, then a new sentence
        ("Das Land ist seit 1945. Zudem gab es Streit.", ["Das Land ist seit 1945.", "Zudem gab es Streit."]),
        (
            "König Abdullah II. Bei dem Treffen ging es um Syrien.",
            ["König Abdullah II.", "Bei dem Treffen ging es um Syrien."],
        ),
        (
            "Sie landete auf Platz 3. Bei der WM war das anders.",
            ["Sie landete auf Platz 3.", "Bei der WM war das anders."],
        ),
        # ordinals stay inside their sentence
        ("Im Dezember 1989. Januar", ["Im Dezember 1989. Januar"]),
        (
            "Er wurde am 3. Oktober gewählt. Die 2. Bundesliga spielt.",
            ["Er wurde am 3. Oktober gewählt.", "Die 2. Bundesliga spielt."],
        ),
        # German sentences start upper-case: a lower-case word continues the sentence
        ("Ludwig XIV. war König.", ["Ludwig XIV. war König."]),
        ("Er zahlte ca. drei Euro.", ["Er zahlte ca. drei Euro."]),
    ],
)
def test_numbered_and_lower_case_boundaries(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
