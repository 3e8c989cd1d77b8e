"""The plain data that flows between the stages.

read -> RawArticle -> clean -> Document -> nlp -> Document(+sentences, +mentions)
-> extract -> Document(+events) -> store.

Every class is a frozen dataclass: a stage returns a new object (``dataclasses.replace``)
instead of mutating the one it was given, so no stage can reach into another's state.
Offsets (``start``/``end``) are always character offsets into ``Document.body``.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Literal, TypeGuard

Modality = Literal["asserted", "reported", "negated", "hypothetical", "planned"]
DatePrecision = Literal["day", "month", "year"]
EntityLabel = Literal["PER", "LOC", "ORG", "MISC"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "reported", "negated", "hypothetical", "planned")


@dataclass(frozen=True)
class RawArticle:
    """One article as a reader found it, before any cleaning.

    ``text`` is already decoded to ``str``; ``kind`` says how to clean it: ``"text"`` for a page
    saved as plain text (boilerplate still in it), ``"html"`` for markup, ``"record"`` for a
    JSONL/feed record whose text is already the article body.
    """

    source: str  # path or URL the article came from
    doc: str  # a short name: the input file name, or the JSONL record's id
    text: str
    kind: Literal["text", "html", "record"]
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 as given by the source, never invented
    outlet: str | None = None
    author: str | None = None
    line: int | None = None  # line number in a JSONL file
    encoding: str | None = None  # how the bytes were decoded


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: tuple[tuple[int, int], ...] = ()  # (start, end) of each token, body offsets


@dataclass(frozen=True)
class Actor:
    """A canonical actor: a person, state, organisation or group.

    ``actor_id`` is a Wikidata QID where known (``Q7747`` for Putin), otherwise a stable
    project id (``lb:per:oleg-makarewitsch``). ``country`` is ISO 3166-1 alpha-3 or an
    international organisation's acronym (``EU``, ``NATO``, ``UN``).
    """

    actor_id: str
    name: str
    kind: Literal["state", "person", "organisation", "group", "place"]
    country: str | None = None
    sector: str | None = None  # GOV, MIL, JUD, MED, BUS, ... (PLOVER actor sectors)


@dataclass(frozen=True)
class Mention:
    """A span of the body that names an entity, with the actor it was linked to (if any)."""

    start: int
    end: int
    text: str
    label: EntityLabel
    actor: Actor | None = None
    sentence_index: int | None = None
    how: str = ""  # how it was linked: "kb", "alias", "role", "coref", "ner-only", ...


@dataclass(frozen=True)
class ActorRef:
    """An event participant as stored with the event: what the text said and who it is."""

    name: str
    actor_id: str | None
    country: str | None
    sector: str | None = None


@dataclass(frozen=True)
class Event:
    type: str  # one of PLOVER_TYPES
    source: ActorRef | None
    target: ActorRef | None
    modality: Modality
    sentence: str
    start: int  # sentence offsets in the body
    end: int
    mode: str | None = None
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: DatePrecision | None = None
    attributed_to: str | None = None
    confidence: float = 0.5
    trigger: str | None = None  # the word(s) that carried the event


@dataclass(frozen=True)
class Problem:
    """Something that went wrong with one input, reported instead of raised."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Document:
    """A cleaned article and everything the later stages found in it."""

    id: str  # content hash of the clean body (see ``content_id``)
    doc: str
    source: str
    body: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str | None = None
    url: str | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    removed: tuple[str, ...] = field(default=(), repr=False)  # boilerplate blocks dropped


def is_state_code(code: str | None) -> TypeGuard[str]:
    """``code`` is a state's ISO 3166-1 alpha-3 code ("RUS"), not an international
    organisation's acronym ("EU", "NATO", "IAEA", and "WHO" or "HRW" of three letters)."""
    return code is not None and code in _state_codes()


@functools.cache
def _state_codes() -> frozenset[str]:
    import pycountry  # (imported here: only the extract stages need it)

    # Kosovo has no ISO code; "XKX" is the user-assigned one the EU and the KB use
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


def content_id(title: str | None, body: str) -> str:
    """The article's identity: same title and body -> same id, whatever file it came from."""
    digest = hashlib.sha256(f"{title or ''}\n{body}".encode()).hexdigest()
    return digest[:16]
