"""The scorer on tiny synthetic gold: every figure must be able to go wrong (issue 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.errors import DataMissingError, InputError
from lagebild.evaluation import evaluate, format_report, load_gold
from lagebild.models import ActorRef, Document, Event

BODY = ("Putin hat mit Maduro telefoniert. Von Hilfe war keine Rede. "
        "Zieht Trump die Flotte zurück, gewinnt Maduro.")


def _ref(country: str | None) -> ActorRef | None:
    return None if country is None else ActorRef(country, None, country)


def ev(etype: str, src: str | None, tgt: str | None, sentence: str = "Putin hat mit Maduro "
       "telefoniert.", modality: str = "asserted", date: str | None = None) -> Event:
    start = BODY.find(sentence)
    return Event(type=etype, source=_ref(src), target=_ref(tgt), modality=modality,  # type: ignore[arg-type]
                 sentence=sentence, start=start, end=start + len(sentence), date=date)


def doc(*events: Event, name: str = "a") -> Document:
    return Document(id=name, doc=name, source=name, body=BODY, events=events)


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    lines = [
        {"doc": "a", "type": "CONSULT", "source": "RUS", "target": "VEN", "symmetric": True,
         "core": True, "date": "2025-12-11", "modality": "asserted",
         "quote": "hat mit Maduro telefoniert"},
        {"doc": "a", "type": "THREATEN", "alt_types": ["ACCUSE"], "source": "USA",
         "target": None, "core": True, "modality": "asserted", "quote": "Zieht Trump"},
        {"doc": "a", "type": "AID", "source": "RUS", "target": "VEN", "core": False,
         "quote": "Von Hilfe"},
        {"doc": "a", "type": "AID", "negative": True, "quote": "Von Hilfe war keine Rede"},
        {"doc": "a", "type": "*", "negative": True, "quote": "Zieht Trump die Flotte zurück"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_perfect_extraction(gold: Path) -> None:
    r = evaluate([doc(ev("CONSULT", "VEN", "RUS", date="2025-12-11"),
                      ev("ACCUSE", "USA", "CUB", sentence="Zieht Trump die Flotte zurück, "
                         "gewinnt Maduro.", modality="hypothetical"))], gold)
    assert (r.found, r.core, r.correct, r.extracted) == (2, 2, 2, 2)
    assert r.f1 == 1.0  # symmetric reversal, alt type and null target all match
    assert r.violations == ()
    assert (r.dates_correct, r.dated) == (1, 1)
    assert (r.modality_correct, r.modal) == (1, 2)


def test_nothing_extracted(gold: Path) -> None:
    r = evaluate([doc()], gold)
    assert (r.recall, r.precision, r.f1) == (0.0, 0.0, 0.0)


def test_wrong_direction_and_wrong_type_are_errors(gold: Path) -> None:
    r = evaluate([doc(ev("AID", "VEN", "RUS"), ev("SUPPORT", "RUS", "VEN"))], gold)
    assert (r.found, r.correct, r.extracted) == (0, 0, 2)
    assert {k[1] for k in r.wrong} == {"AID", "SUPPORT"}


def test_optional_line_counts_for_precision_only(gold: Path) -> None:
    r = evaluate([doc(ev("AID", "RUS", "VEN", sentence="Von Hilfe war keine Rede.",
                         modality="negated"))], gold)
    assert (r.found, r.correct, r.extracted) == (0, 1, 1)
    assert r.violations == ()  # negated, so not a violation


def test_negative_violation_needs_an_asserted_event_in_the_quote(gold: Path) -> None:
    r = evaluate([doc(ev("AID", "RUS", "VEN", sentence="Von Hilfe war keine Rede."))], gold)
    assert len(r.violations) == 1 and r.violations[0].type == "AID"
    r2 = evaluate([doc(ev("RETREAT", "USA", None, sentence="Zieht Trump die Flotte zurück, "
                          "gewinnt Maduro."))], gold)
    assert len(r2.violations) == 1  # "*" forbids any type


def test_duplicates_count_once_and_unresolved_events_do_not_count(gold: Path) -> None:
    r = evaluate([doc(ev("CONSULT", "RUS", "VEN"), ev("CONSULT", "RUS", "VEN"),
                      ev("CONSULT", None, None))], gold)
    assert (r.correct, r.extracted) == (1, 1)


def test_wrong_date_and_modality_lower_accuracy(gold: Path) -> None:
    r = evaluate([doc(ev("CONSULT", "RUS", "VEN", date="2025-12-10", modality="reported"))],
                 gold)
    assert (r.dates_correct, r.dated, r.modality_correct, r.modal) == (0, 1, 0, 1)


def test_events_mapping_and_unknown_docs(gold: Path) -> None:
    r = evaluate({"a": [ev("CONSULT", "RUS", "VEN")], "zzz": [ev("AID", "RUS", "VEN")]}, gold)
    assert (r.correct, r.extracted) == (1, 1)  # articles without gold are not scored


def test_format_report_names_the_figures(gold: Path) -> None:
    text = format_report(evaluate([doc(ev("AID", "RUS", "VEN", sentence="Von Hilfe war "
                                          "keine Rede."))], gold), details=True)
    for word in ("recall", "precision", "F1", "negative violations", "date accuracy",
                 "modality accuracy", "VIOLATION", "missed", "AID"):
        assert word in text


def test_bad_gold(tmp_path: Path) -> None:
    with pytest.raises(DataMissingError):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(bad)
