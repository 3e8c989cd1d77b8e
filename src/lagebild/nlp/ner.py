"""Named-entity recognition with the spaCy model trained by `lagebild train ner`."""

from __future__ import annotations

from ..models import Document
from ..pipeline import register_stage


class NerStage:
    name = "ner"
    requires = ("body", "sentences")
    assigns = ("mentions",)

    def __call__(self, doc: Document) -> Document:
        return doc  # placeholder until the trained model lands


@register_stage("ner")
def make_ner() -> NerStage:
    return NerStage()
