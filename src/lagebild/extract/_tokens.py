"""Tokens with lemmas and clause numbers for one sentence: what the extractors match on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Sentence

_TOKEN = re.compile(r"\w+(?:[-‑]\w+)*|[^\w\s]", re.UNICODE)
# Punctuation that ends a clause for modality scope and argument search. Quotes and
# brackets are not in it: they wrap phrases inside a clause ("ins „Schurken-Camp“ von
# Putin", "Assad (60) und dessen Familie").
CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "?", "!"})
# Per-word caches (lemmas, lookup keys, the trigger-word test) skip longer "words": a hostile
# page's megabyte-long token must not stay in a process-wide cache.
MAX_CACHED_WORD = 64
# Endings of a participle inflected as an adjective ("die kritisierten Angriffe", "eine
# gewählte Regierung", "die gefangenen Soldaten")
ATTRIBUTIVE_ENDINGS = ("te", "ten", "tem", "tes", "ter", "ene", "enen", "enem", "ener")
# Numbers and quantifiers that open a phrase of counted things ("sechs inhaftierte
# Oppositionsführer", "Tausende Isländer")
COUNTING_WORDS = frozenset(
    "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend "
    "dutzende hunderte tausende zehntausende hunderttausende millionen viele zahlreiche mehrere "
    "einige etliche wenige".split())


def counts(word: str) -> bool:
    """A lower-case word that counts: a number word, a quantifier or digits ("1.200")."""
    return word in COUNTING_WORDS or word.replace(".", "").isdigit()


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the sentence text
    end: int
    text: str
    lower: str
    lemma: str  # lower-cased lemma
    clause: int  # index of the clause the token belongs to
    noun: bool = False  # simplemma keeps a noun's lemma capitalised ("Zudem" -> "zudem")


def raw_lemma(word: str) -> str:
    """simplemma's German lemma as it gives it; the word itself when simplemma fails."""
    # Cached per word: words repeat.
    return _raw_lemma_cached(word) if len(word) <= MAX_CACHED_WORD else _raw_lemma(word)


# Lower-case verb forms simplemma reads as another word: "brach" is the adjective (fallow
# land) to it, but in news it is "brechen" ("brach die Gespräche ab").
# Participles it keeps as adjectives: "hat ihre Präsenz verstärkt"
_VERB_FORMS = {"brach": "brechen", "verstärkt": "verstärken", "bombardiert": "bombardieren",
               "verübt": "verüben", "verübte": "verüben"}


@lru_cache(maxsize=65536)
def _raw_lemma_cached(word: str) -> str:
    return _raw_lemma(word)


def _raw_lemma(word: str) -> str:
    import simplemma

    if word in _VERB_FORMS:
        return _VERB_FORMS[word]
    try:
        return str(simplemma.lemmatize(word, lang="de"))
    except (ValueError, KeyError):  # pragma: no cover - simplemma is total on strings
        return word


def lemma(word: str) -> str:
    """simplemma's German lemma, lower-cased."""
    return raw_lemma(word).lower()


# Cached: the NER stage asks the event stage's trigger test (``may_hold_event``) about every
# sentence, and the event stage then tokenizes the same sentences again. The result is an
# immutable tuple, so sharing it is safe; one article's sentences fit many times over.
@lru_cache(maxsize=2048)
def tokenize(sentence: Sentence) -> tuple[Token, ...]:
    """Tokens of ``sentence`` with offsets relative to ``sentence.start``.

    Uses the sentence's own tokens when the splitter provided them, else a regex; hyphenated
    words ("US-Angriff") are kept whole here and split by the matchers that need it.
    """
    text = sentence.text
    spans = _spans(sentence)
    out: list[Token] = []
    clause = 0
    for s, e in spans:
        word = text[s:e]
        low = word.lower()
        # German sets off every subordinate clause with a comma, so punctuation is a good
        # approximation of clause scope for negation and modality.
        if word in CLAUSE_PUNCT:
            clause += 1
        if word[:1].isalpha():
            raw = raw_lemma(word)
            out.append(Token(s, e, word, low, raw.lower(), clause, raw[:1].isupper()))
        else:
            out.append(Token(s, e, word, low, low, clause))
    return tuple(out)


def words(sentence: Sentence) -> list[str]:
    """The words :func:`tokenize` would give, as plain strings (no lemmas: cheap)."""
    text = sentence.text
    return [text[s:e] for s, e in _spans(sentence)]


def _spans(sentence: Sentence) -> list[tuple[int, int]]:
    text = sentence.text
    if sentence.tokens:
        spans = [(s - sentence.start, e - sentence.start) for s, e in sentence.tokens]
        return _merge_hyphens(text, spans)
    return [m.span() for m in _TOKEN.finditer(text)]


def _merge_hyphens(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # spaCy splits "US-Angriff" into "US", "-", "Angriff"; glue pieces touching a hyphen.
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (text[s:e] in "-‑" or text[merged[-1][1] - 1] in "-‑") and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
