"""One small annotated article, as the pipeline would store it: shared by the store tests."""

from __future__ import annotations

from typing import Any

from lagebild.models import Actor, ActorRef, Document, Event, Mention, Modality, Sentence

PUTIN = Actor("Q7747", "Wladimir Putin", "person", "RUS", "GOV")
BODY = "Putin telefonierte am Donnerstag mit Maduro. Russland sicherte Venezuela Unterstützung zu."


def sample_event(etype: str, date: str | None, modality: Modality = "asserted") -> Event:
    return Event(
        type=etype,
        source=ActorRef("Putin", "Q7747", "RUS", "GOV"),
        target=ActorRef("Maduro", None, "VEN"),
        modality=modality,
        sentence=BODY[:44],
        start=0,
        end=44,
        date=date,
        date_precision="day" if date else None,
        attributed_to="Kreml" if modality == "reported" else None,
        confidence=0.8,
        trigger="telefonierte",
    )


def sample_doc(doc_id: str = "d1", body: str = BODY, published: str | None = "2025-12-11T20:04") -> Document:
    return Document(
        id=doc_id,
        doc=f"{doc_id}.txt",
        source=f"/in/{doc_id}.txt",
        body=body,
        title="Titel",
        published=published,
        outlet="watson",
        sentences=(Sentence(0, 44, body[:44]), Sentence(45, len(body), body[45:])),
        mentions=(
            Mention(0, 5, "Putin", "PER", PUTIN, 0, "kb"),
            Mention(37, 43, "Maduro", "PER", None, 0, "ner"),
        ),
        events=(sample_event("CONSULT", "2025-12-11"), sample_event("SUPPORT", "2025-12", "reported")),
    )


def exercise_shared_sql(db: Any, backend: str) -> None:
    """The shared SQL layer (``store.db``) on a store holding ``sample_doc()``: the same calls
    give the same answers on SQLite and PostgreSQL (test_store.py, test_postgres.py)."""
    import pytest

    assert db.backend == backend and db.has_table("merged_events") and not db.has_table("nope")
    assert db.rows("SELECT id, doc FROM articles WHERE id = ?", ["d1"]) == [("d1", "d1.txt")]
    assert db.columns("SELECT id AS key FROM articles") == (["key"], [("d1",)])
    upsert = db.upsert("meta", ("key", "value"), ("key",))
    with db.transaction():
        db.many(upsert, [("k", "1"), ("k", "2")])
    assert db.scalar("SELECT value FROM meta WHERE key = ?", ["k"]) == "2"
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("DELETE FROM meta WHERE key = 'k'")
        raise RuntimeError("rolls the delete back")
    assert db.scalar("SELECT value FROM meta WHERE key = 'k'") == "2"
