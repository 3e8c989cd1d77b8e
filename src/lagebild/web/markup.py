"""The article body cut into pieces the template can render: sentences, mentions, evidence.

Nothing here builds HTML: the pieces are plain text plus what they are, and the template
(autoescaped) writes the tags. Article text is hostile input and must never become markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Mention, Sentence


@dataclass(frozen=True)
class Part:
    text: str
    mention: int | None = None  # index into the document's mentions


@dataclass(frozen=True)
class Block:
    """Either the text between sentences (``sentence is None``) or one sentence."""

    parts: tuple[Part, ...]
    sentence: int | None = None
    events: tuple[int, ...] = ()  # ids of the events whose evidence this sentence is


def sentence_index(sentences: Sequence[Sentence], offset: int) -> int | None:
    """The sentence that contains ``offset`` (an event's start), or None."""
    for i, s in enumerate(sentences):
        if s.start <= offset < s.end:
            return i
    return None


def blocks(
    body: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    evidence: dict[int, tuple[int, ...]],
) -> list[Block]:
    """The whole body, in order, as gaps and sentences with their mentions marked.

    ``evidence`` maps a sentence index to the ids of the events it is evidence for.
    Offsets outside the body and mentions overlapping an earlier one are dropped: a broken
    annotation must not hide or repeat any of the text.
    """
    out: list[Block] = []
    pos = 0
    spans = _clean_spans(body, mentions)
    for i, s in enumerate(sentences):
        start, end = max(s.start, pos), min(s.end, len(body))
        if start >= end:
            continue
        if start > pos:
            out.append(Block(_parts(body, pos, start, spans)))
        out.append(Block(_parts(body, start, end, spans), sentence=i, events=evidence.get(i, ())))
        pos = end
    if pos < len(body):
        out.append(Block(_parts(body, pos, len(body), spans)))
    return out


def _clean_spans(body: str, mentions: Sequence[Mention]) -> list[tuple[int, int, int]]:
    spans: list[tuple[int, int, int]] = []
    last_end = 0
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, -mentions[i].end))
    for i in order:
        m = mentions[i]
        if m.start < last_end or m.start < 0 or m.end > len(body) or m.end <= m.start:
            continue
        spans.append((m.start, m.end, i))
        last_end = m.end
    return spans


def _parts(body: str, start: int, end: int, spans: Sequence[tuple[int, int, int]]) -> tuple[Part, ...]:
    parts: list[Part] = []
    pos = start
    for m_start, m_end, index in spans:
        # A mention crossing the range edge is clipped to the range (and marked in both halves).
        lo, hi = max(m_start, start), min(m_end, end)
        if lo >= hi:
            continue
        if lo > pos:
            parts.append(Part(body[pos:lo]))
        parts.append(Part(body[lo:hi], index))
        pos = hi
    if pos < end:
        parts.append(Part(body[pos:end]))
    return tuple(parts)
