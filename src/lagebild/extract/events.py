"""PLOVER event extraction (placeholder)."""

from __future__ import annotations

from ..models import Document
from ..pipeline import register_stage


class EventStage:
    name = "events"
    requires = ("body", "sentences", "mentions")
    assigns = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage("events")
def make_events() -> EventStage:
    return EventStage()
