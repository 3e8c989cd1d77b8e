"""NER: the corpus converters (tiny hand-made samples), the shipped model and the stage."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from lagebild.errors import ModelError
from lagebild.models import Document, Mention
from lagebild.nlp import ner, ner_train
from lagebild.nlp.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
MODEL = ner.model_path()
needs_model = pytest.mark.skipif(
    not (MODEL / "config.cfg").exists(), reason="no NER model shipped in assets/ner"
)


@pytest.fixture(scope="module")
def blank() -> spacy.language.Language:
    return spacy.blank("de")


def _ents(item: ner_train.Item) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in item.doc.ents]


# --- converters -----------------------------------------------------------------------------
GERMEVAL_SAMPLE = """\
#\thttp://example.org/a\t[2010-01-01]
1\tDer\tO\tO
2\trussische\tB-LOCderiv\tO
3\tPräsident\tO\tO
4\tWladimir\tB-PER\tO
5\tPutin\tI-PER\tO
6\tbesuchte\tO\tO
7\tden\tO\tO
8\tNATO-Gipfel\tB-ORGpart\tB-ORG
9\tin\tO\tO
10\tNew\tB-LOC\tO
11\tYork\tI-LOC\tO
12\tund\tO\tO
13\tdie\tO\tO
14\tDeutsche\tB-ORG\tB-LOCderiv
15\tBank\tI-ORG\tO
16\t(\tO\tO
17\tEcce\tB-OTH\tO
18\thomo\tI-OTH\tO
19\t)\tO\tO
20\t.\tO\tO

"""


def test_germeval_keeps_outer_level_and_drops_deriv_part(blank: spacy.language.Language) -> None:
    items = list(ner_train.read_germeval(GERMEVAL_SAMPLE.splitlines(True), blank.vocab))
    assert len(items) == 1
    assert _ents(items[0]) == [
        ("Wladimir Putin", "PER"),
        ("New York", "LOC"),
        ("Deutsche Bank", "ORG"),
        ("Ecce homo", "MISC"),
    ]
    # Detokenised like real text: no space before "." or after "(".
    assert items[0].doc.text.endswith("(Ecce homo).")
    assert items[0].key.startswith("germeval|#\thttp://example.org/a")


def test_conll_mobie_maps_dfki_types(blank: spacy.language.Language) -> None:
    lines = [
        "-DOCSTART- -1- O O",
        "",
        "Stau\tNN\tI-NN\tO",
        "auf\tAPPR\tI-AP\tO",
        "der\tART\tI-AR\tO",
        "A9\tNN\tI-NN\tB-location-route",
        "bei\tAPPR\tI-AP\tO",
        "München\tNE\tI-NE\tB-location-city",
        ",\t$,\tI-$,\tO",
        "meldet\tVVFIN\tI-VV\tO",
        "die\tART\tI-AR\tO",
        "Deutsche\tNE\tI-NE\tB-organization-company",
        "Bahn\tNE\tI-NE\tI-organization-company",
        "am\tAPPR\tI-AP\tO",
        "Montag\tNN\tI-NN\tB-date",
        "",
    ]
    (item,) = ner_train.read_conll(lines, blank.vocab, ner_train.DFKI_MAP, "mobie")
    assert _ents(item) == [("München", "LOC"), ("Deutsche Bahn", "ORG")]
    # A route number is neither LOC nor O: left unannotated (missing) for training.
    a9 = item.doc[3]
    assert a9.text == "A9" and a9.ent_iob_ == ""
    assert item.doc[-1].text == "Montag" and item.doc[-1].ent_iob_ == "O"


def test_conll_legal_maps_fine_types(blank: spacy.language.Language) -> None:
    lines = [
        "Richter O\r\n",
        "Müller B-RR\r\n",
        "vom O\r\n",
        "Bundesgerichtshof B-GRT\r\n",
        "in O\r\n",
        "Karlsruhe B-ST\r\n",
        "nach O\r\n",
        "§ B-GS\r\n",
        "5 I-GS\r\n",
        "BGB I-GS\r\n",
        "\r\n",
    ]
    (item,) = ner_train.read_conll(lines, blank.vocab, ner_train.LEGAL_MAP, "legal")
    assert _ents(item) == [("Müller", "PER"), ("Bundesgerichtshof", "ORG"), ("Karlsruhe", "LOC")]
    assert [t.ent_iob_ for t in item.doc[-3:]] == ["", "", ""]


def test_smartdata_char_spans_and_upper_case_types(blank: spacy.language.Language) -> None:
    text = "Siemens streicht in Berlin 300 Stellen, sagte Joe Kaeser."
    rec = {
        "id": "doc-1",
        "text": {"string": text},
        "conceptMentions": {
            "array": [
                {"type": "ORGANIZATION_COMPANY", "span": {"start": 0, "end": 7}},
                {"type": "location-city", "span": {"start": 20, "end": 26}},
                {"type": "NUMBER", "span": {"start": 27, "end": 30}},
                {"type": "PERSON", "span": {"start": 46, "end": 56}},
            ]
        },
    }
    (item,) = ner_train.read_smartdata([rec], blank)
    assert _ents(item) == [("Siemens", "ORG"), ("Berlin", "LOC"), ("Joe Kaeser", "PER")]
    assert item.key == "smartdata|doc-1"


def test_hipe_rejoins_hyphenated_words(blank: spacy.language.Language) -> None:
    lines = [
        "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tX\tX\tX\tX\tX\tMISC",
        "# hipe2022:document_id = d1",
        "Die\tO\t_\tO\t_\t_\tO\t_\t_\t_",
        "Fett¬\tO\t_\tO\t_\t_\tO\t_\t_\tNoSpaceAfter|EndOfLine",
        "fabrik\tO\t_\tO\t_\t_\tO\t_\t_\t_",
        "Moll\tB-pers\t_\tO\t_\t_\tO\t_\t_\t_",
        "in\tO\t_\tO\t_\t_\tO\t_\t_\t_",
        "Wien\tB-loc\t_\tO\t_\t_\tO\t_\t_\tNoSpaceAfter|EndOfSentence",
    ]
    (item,) = ner_train.read_hipe(lines, blank.vocab, "hipe")
    assert item.doc.text.startswith("Die Fettfabrik Moll")
    assert _ents(item) == [("Moll", "PER"), ("Wien", "LOC")]


def test_split_is_fixed_and_about_ten_percent() -> None:
    keys = [f"germeval|{i}" for i in range(5000)]
    splits = [ner_train.split_of(k) for k in keys]
    assert splits == [ner_train.split_of(k) for k in keys]
    share = splits.count("heldout") / len(splits)
    assert 0.08 < share < 0.12


def test_evaluate_scores_exact_spans(blank: spacy.language.Language) -> None:
    gold = blank.make_doc("Angela Merkel traf Macron in Paris.")
    from spacy.tokens import Span

    gold.set_ents([Span(gold, 0, 2, "PER"), Span(gold, 3, 4, "PER"), Span(gold, 5, 6, "LOC")])
    ruler_nlp = spacy.blank("de")
    ruler = ruler_nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "PER", "pattern": "Merkel"}, {"label": "LOC", "pattern": "Paris"}]
    )
    result = ner_train.evaluate(nlp=ruler_nlp, docs=[gold])
    by = {s.label: s for s in result.scores}
    assert by["LOC"].f1 == 1.0
    assert by["PER"].precision == 0.0 and by["PER"].support == 2
    assert by["micro"].precision == 0.5 and by["micro"].recall == pytest.approx(1 / 3)
    assert "micro" in result.table()


def test_evaluate_does_not_judge_a_label_the_corpus_does_not_annotate(
    blank: spacy.language.Language,
) -> None:
    """SmartData has no MISC type: a MISC prediction there is neither right nor wrong."""
    from spacy.tokens import Span

    ruler_nlp = spacy.blank("de")
    ruler = ruler_nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "MISC", "pattern": "Euro"}, {"label": "ORG", "pattern": "Siemens"}]
    )
    gold = blank.make_doc("Siemens zahlt 5 Euro.")
    gold.set_ents([Span(gold, 0, 1, "ORG")])
    gold.user_data["labels"] = list(ner_train.ANNOTATED_LABELS["smartdata"])
    by = {s.label: s for s in ner_train.evaluate(nlp=ruler_nlp, docs=[gold]).scores}
    assert by["micro"].precision == 1.0 and by["MISC"].precision == 0.0
    gold.user_data["labels"] = list(ner_train.ANNOTATED_LABELS["germeval"])
    by = {s.label: s for s in ner_train.evaluate(nlp=ruler_nlp, docs=[gold]).scores}
    assert by["micro"].precision == 0.5  # GermEval tags currencies: there "Euro" unmarked is O


def test_built_corpus_records_the_labels_each_corpus_annotates(tmp_path: Path) -> None:
    data = ner_train.shared_data_dir()
    if not (data / "germeval2014").exists() or not (data / "smartdata_de").exists():
        pytest.skip("../shared/data not available")
    from spacy.tokens import DocBin

    ner_train.build_corpus(tmp_path, corpora=("germeval", "smartdata"), data=data)
    docs = DocBin().from_disk(tmp_path / "heldout.spacy").get_docs(spacy.blank("de").vocab)
    seen = {tuple(d.user_data["labels"]) for d in docs}
    assert seen == {("PER", "LOC", "ORG", "MISC"), ("PER", "LOC", "ORG")}


# --- stage ----------------------------------------------------------------------------------
def _document(body: str) -> Document:
    return Document(
        id="t", doc="t.txt", source="t.txt", body=body, sentences=split_sentences(body)
    )


def test_merge_keeps_existing_mentions() -> None:
    existing = [Mention(0, 6, "Moskau", "LOC", how="kb")]
    found = [Mention(0, 10, "Moskau hat", "ORG", how="ner"), Mention(20, 25, "Kreml", "ORG")]
    merged = ner.merge_mentions(existing, found)
    assert [m.text for m in merged] == ["Moskau", "Kreml"]


def test_missing_model_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="lagebild train ner"):
        ner.load_model(tmp_path / "nothing")


@needs_model
def test_model_finds_putin_and_venezuela_in_seed() -> None:
    body = (SEEDS / "001_b7f47c553c0be28e.txt").read_text(encoding="utf-8")
    start = body.index("Die Liste der Verbündeten von Wladimir Putin")
    sentence = body[start : body.index("Trump.", start) + len("Trump.")]
    doc = ner.recognize(_document(sentence))
    found = {(m.text, m.label) for m in doc.mentions}
    assert ("Wladimir Putin", "PER") in found
    assert ("Venezuela", "LOC") in found
    assert ("Russland", "LOC") in found
    assert all(m.how == "ner" and m.sentence_index == 0 for m in doc.mentions)
    # "russische" style adjectives are not entities in our scheme
    doc2 = ner.recognize(_document("Der russische Präsident Wladimir Putin telefonierte."))
    found2 = {(m.text, m.label) for m in doc2.mentions}
    assert ("Wladimir Putin", "PER") in found2
    # Known gap: the shipped model sometimes tags "russische" as LOC (see NER_RESULTS.md).


@needs_model
def test_recognize_many_matches_single_and_sets_sentence_index() -> None:
    bodies = [
        "Die NATO verlegt Truppen nach Litauen.\n\nDas sagte Generalsekretär Mark Rutte in Brüssel.",
        "Emmanuel Macron empfing Olaf Scholz im Élysée-Palast.",
    ]
    docs = [_document(b) for b in bodies]
    many = ner.recognize_many(docs)
    assert [d.mentions for d in many] == [ner.recognize(d).mentions for d in docs]
    first = {m.text: m for m in many[0].mentions}
    assert first["Litauen"].label == "LOC" and first["Litauen"].sentence_index == 0
    assert first["Brüssel"].sentence_index == 1
    for d in many:
        for m in d.mentions:
            assert d.body[m.start : m.end] == m.text


@needs_model
def test_recognize_many_only_kept_sentences() -> None:
    body = "Die NATO verlegt Truppen nach Litauen.\n\nDas sagte Generalsekretär Mark Rutte in Brüssel."
    (doc,) = ner.recognize_many([_document(body)], keep_sentence=lambda s: "sagte" in s.text)
    assert {m.sentence_index for m in doc.mentions} == {1}
    assert "Brüssel" in {m.text for m in doc.mentions}
    for m in doc.mentions:
        assert body[m.start : m.end] == m.text


@needs_model
def test_stage_registered_and_runs_in_pipeline() -> None:
    from lagebild.pipeline import Pipeline

    pipe = Pipeline.from_names(["sentences", "ner"])
    doc = pipe(Document(id="t", doc="t", source="t", body="Wladimir Putin besuchte Peking."))
    assert ("Wladimir Putin", "PER") in {(m.text, m.label) for m in doc.mentions}


@pytest.mark.slow
@pytest.mark.shared
@needs_model
def test_heldout_f1_floor(ner_heldout: Path) -> None:
    result = ner_train.evaluate(corpus=ner_heldout)
    # Floor set just under the figure in train/NER_RESULTS.md; move it only on purpose.
    assert result.micro.f1 >= FLOOR_F1


FLOOR_F1 = 0.725  # measured 0.736 (train/NER_RESULTS.md)


def test_hash_sign_is_a_token_of_its_own() -> None:
    nlp = ner.load_model()
    words = [t.text for t in nlp.tokenizer("Stau auf der #Köhlbrandbrücke, sagt @ndr.")]
    assert words[3:5] == ["#", "Köhlbrandbrücke"]
    assert "@ndr" in words  # handles stay whole, as the corpora tag them


def test_predicted_spans_lose_brackets_quotes_and_hash_signs_at_their_edges() -> None:
    from spacy.tokens import Span

    nlp = spacy.blank("de")
    doc = nlp.make_doc("Stromberg ( Hunsrück ) und # Hamburg und „ “")
    doc.ents = [Span(doc, 0, 2, "LOC"), Span(doc, 5, 7, "LOC"), Span(doc, 8, 10, "ORG")]
    out = ner.trim_edges(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("Stromberg", "LOC"), ("Hamburg", "LOC")]


def test_shipped_pipeline_trims_edges() -> None:
    assert ner.load_model().pipe_names[-1] == ner.TRIM_COMPONENT


def test_names_lose_lower_case_words_at_their_end_titles_keep_them() -> None:
    from spacy.tokens import Span

    nlp = spacy.blank("de")
    doc = nlp.make_doc("In Novi Sad demonstrierten Studenten , Literatur um acht , eBay , picture alliance")
    doc.ents = [Span(doc, 1, 4, "LOC"), Span(doc, 6, 9, "MISC"), Span(doc, 10, 11, "ORG"),
                Span(doc, 12, 14, "ORG")]
    out = ner.trim_edges(doc)
    assert [(e.text, e.label_) for e in out.ents] == [
        ("Novi Sad", "LOC"), ("Literatur um acht", "MISC"), ("eBay", "ORG"), ("picture alliance", "ORG")]
