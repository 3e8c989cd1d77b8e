"""Actor linking: mentions -> canonical actors (placeholder)."""

from __future__ import annotations

from ..models import Document
from ..pipeline import register_stage


class ActorStage:
    name = "actors"
    requires = ("body", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Document) -> Document:
        return doc


@register_stage("actors")
def make_actors() -> ActorStage:
    return ActorStage()
