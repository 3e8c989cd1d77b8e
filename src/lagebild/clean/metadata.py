"""Title, publication date, author and outlet of a plain-text page.

Everything is read from what the page prints; nothing is guessed. Only lines that are not
article body are searched (the page head before the first body paragraph, and removed
boilerplate), so a date or a newspaper named inside the article cannot become metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import Line, Split, Verdict
from .dates import PageDate, byline_of, find_date, is_date_line
from .lexicon import outlet_signatures

TITLE_MIN_WORDS = 4  # shorter head lines are kickers/sections ("Nächster Seitenhieb")
TITLE_MAX_WORDS = 25
TITLE_REPEAT_WINDOW = 5  # lines after the head where a repeated headline still counts
HEAD_EXTENSION = 3  # body lines after which an unlabelled dateline is no longer page head
# Head-line reasons that can never be the headline.
_NOT_TITLE = frozenset({"line", "credit", "comment", "terminal", "related", "box", "foreign",
                        "dateline", "byline", "no-words", "keywords", "after-end", "nav"})  # fmt: skip
# A date line outside the page head must say it is the publication date.
_PUBLISHED_CUE = re.compile(
    r"^\s*(stand|veröffentlicht|publiziert|erstellt|erschienen|datum|date|aktualisiert)\b",
    re.IGNORECASE,
)
_KEY = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None


def page_meta(split: Split) -> PageMeta:
    head = split.verdicts[: split.first_body]
    return PageMeta(
        title=_title(head, split.verdicts),
        published=_published(head, split.verdicts[: split.end]),
        author=_author(head, split.verdicts[: split.end]),
        outlet=_outlet(split.verdicts),
    )


def _key(text: str) -> str:
    return _KEY.sub(" ", text.lower()).strip()


def _title(head: tuple[Verdict, ...], page: tuple[Verdict, ...]) -> str | None:
    """The headline: the first head line shaped like one; a repeated one wins."""
    # The headline is printed twice near the top (above and below the lead image) or ends
    # the breadcrumb; a kicker repeated by teasers further down does not count.
    keys = [_key(v.line.text) for v in page[: len(head) + TITLE_REPEAT_WINDOW]]
    candidates: list[Line] = []
    for v in head:
        ln = v.line
        if v.reason in _NOT_TITLE or ln.text.endswith(".") or ln.stop_en > ln.stop_de:
            continue
        if TITLE_MIN_WORDS <= ln.words <= TITLE_MAX_WORDS:
            candidates.append(ln)
    if not candidates:
        return None

    def repeated(ln: Line) -> bool:
        key = _key(ln.text)
        return sum(1 for k in keys if k == key or (k != key and k.endswith(" " + key))) > 1

    for ln in candidates:
        if repeated(ln):
            return ln.text
    first = candidates[0]
    # A kicker of four words or more ("Krieg in der Ukraine") sits right above a longer
    # headline.
    if len(candidates) > 1:
        nxt = candidates[1]
        if nxt.index == first.index + 1 and nxt.words > first.words:
            return nxt.text
    return first.text


def _published(head: tuple[Verdict, ...], page: tuple[Verdict, ...]) -> str | None:
    """The first dated line of the head; elsewhere only a line labelled "Stand:" etc."""
    found: list[PageDate] = []
    for v in head:
        date = find_date(v.line.text) if is_date_line(v.line.text) else None
        if date:
            found.append(date)
    if not found:
        kept = 0
        for v in page[len(head) :]:
            kept += v.keep
            text = v.line.text
            # Near the top a bare dateline still belongs to the page head (after a lead
            # image caption, say); further down it must be labelled ("Stand: ...").
            near_top = kept < HEAD_EXTENSION and v.reason == "dateline"
            if not v.keep and (near_top or _PUBLISHED_CUE.match(text)) and is_date_line(text):
                date = find_date(text)
                if date:
                    found.append(date)
    if not found:
        return None
    # Prefer the publication over an update, and a time over a bare day of the same date.
    first = [d for d in found if not d.is_update] or found
    best = first[0]
    for d in first:
        if d.has_time and d.iso.startswith(best.iso[:10]):
            return d.iso
    return best.iso


def _author(head: tuple[Verdict, ...], page: tuple[Verdict, ...]) -> str | None:
    """A byline in the page head, else one after the last body paragraph (some outlets
    sign at the end); never inside the body or the comment section."""
    last_body = max((i for i, v in enumerate(page) if v.keep), default=len(page))
    near_top: list[Verdict] = []
    kept = 0
    for v in page[len(head) :]:
        kept += v.keep
        if kept >= HEAD_EXTENSION:
            break
        near_top.append(v)  # a byline under the lead ("Von Anna Beispiel, Kairo")
    for v in (*head, *near_top, *page[last_body + 1 :]):
        byline = byline_of(v.line.text) if v.reason == "byline" else None
        if byline:
            return byline.author
    return None


def _outlet(verdicts: tuple[Verdict, ...]) -> str | None:
    """The first outlet signature found in a line that is not article body."""
    text = "\n".join(v.line.raw for v in verdicts if not v.keep)
    for signature in outlet_signatures():
        if signature.pattern.search(text):
            return signature.outlet
    return None
