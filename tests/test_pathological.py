"""Inputs that are legal but shaped to make an algorithm slow (issue 8).

A crawler brings pages with thousands of short lines (lists, tables flattened to text), pages
that are one endless "sentence" of names, and broken markup. Each must be cleaned and annotated
in time roughly proportional to its size. The cases below are ~100 KB, well under the 10 MB
document limit; a linear algorithm handles each in well under a second, so the test-side cap
(``CAP_S``) only trips on quadratic behaviour. The runner's per-document cap would turn these
into Problems after 60 s each, losing the article and a minute of CPU per such page.
"""

from __future__ import annotations

from lagebild.clean import clean
from lagebild.errors import LagebildError, ModelError
from lagebild.models import Document, RawArticle
from lagebild.pipeline import DEFAULT_STAGES, Pipeline
from timecap import cap

CAP_S = 8.0


def _clean(text: str, kind: str) -> Document | None:
    raw = RawArticle(source=f"page.{kind}", doc="page", text=text, kind=kind)  # type: ignore[arg-type]
    try:
        return clean(raw)
    except LagebildError:
        return None


def _pipeline() -> Pipeline:
    probe = Document(id="p", doc="p", source="p", body="Russland kritisierte China.")
    try:
        pipeline = Pipeline.from_names(DEFAULT_STAGES)
        pipeline(probe)
    except ModelError:  # NER model not trained yet: the other stages still run
        pipeline = Pipeline.from_names(s for s in DEFAULT_STAGES if s != "ner")
    return pipeline


ARTICLE = (
    "Russland hat am Montag die neuen Sanktionen der Europäischen Union scharf kritisiert. "
    "Außenminister Lawrow sagte in Moskau, die Maßnahmen würden die Gespräche erschweren.\n\n"
)


def test_article_with_a_long_list_of_short_lines_is_cleaned_in_time() -> None:
    # 100 KB: an article followed by a long table flattened to one short cell per line.
    with cap(20):  # generous: the page is 100 KB, and the machine is shared
        _clean(ARTICLE + "Wort\n" * 500 + ARTICLE, "text")  # warm-up: lexicons, language model
    with cap(CAP_S):
        _clean(ARTICLE + "Wort\n" * 2_000 + ARTICLE, "text")


def test_twenty_thousand_short_lines_are_cleaned_in_time() -> None:
    with cap(CAP_S):
        _clean(ARTICLE + "Wort\n" * 20_000 + ARTICLE, "text")


def test_markup_of_unclosed_angle_brackets_is_cleaned_in_time() -> None:
    with cap(CAP_S):
        _clean("<" * 300_000, "html")  # unparseable for trafilatura: the strip_tags fallback runs


def test_one_endless_sentence_of_names_is_annotated_in_time() -> None:
    body = " ".join(["Wladimir", "Putin", "traf", "Emmanuel", "Macron", "und"] * 4_000) + "."
    doc = Document(id="x", doc="names", source="names.txt", body=body)
    pipeline = _pipeline()
    # The NER model alone needs ~3.5 s for these 100 KB on an idle core, up to twice that on a
    # busy CI machine; the quadratic versions took ~200 s, so a 30 s cap still tells them apart.
    with cap(30):
        try:
            pipeline(doc)
        except LagebildError:
            pass


def test_huge_word_costs_linear_time_in_trigger_and_role_search() -> None:
    # Compound-head and role-suffix searches sliced every tail of a word: quadratic in its
    # length (a 200k-character "word" took 5 s in the event stage alone).
    from lagebild.extract._tokens import tokenize
    from lagebild.extract.actors import Linker
    from lagebild.extract.events import _trigger_word, find_triggers
    from lagebild.nlp.sentences import split_sentences

    huge = "Luft" + "a" * 400_000 + "angriff"
    linker = Linker()  # loads the KB: not what is timed
    find_triggers(tokenize(split_sentences("Die russische Luftangriffe kam.")[0]))
    sentence = split_sentences(f"Die russische {huge} kam.")[0]
    with cap(CAP_S):
        find_triggers(tokenize(sentence))
        _trigger_word(huge)
        linker._role(huge.lower())
