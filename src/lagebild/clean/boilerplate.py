"""Body versus boilerplate on a page saved as plain text.

No HTML means no tags, link density or DOM: every non-blank line is a paragraph candidate and
is judged by what text alone shows. The method follows jusText (Pomikálek 2011), adapted to
plain text:

1. features per line: length, stopword ratio (German and English), sentence end, repetition,
   cue lists from ``data/cues.tsv``, dateline/byline shape;
2. a first class per line: ``good`` (article prose), ``neargood`` (a short sentence), ``short``
   (headline-like) or ``bad`` (cue, credit, foreign language, duplicate, keyword list);
3. structure: a terminal cue ("58 Kommentare", "Mehr entdecken") ends the article, a
   "Lesen Sie auch" cue takes the teaser headlines after it, a credit line takes its caption
   (and a near-duplicate wording of it), text between "vor 2 Stunden" and "Antworten" is a
   reader comment;
4. context: short and near-good lines take the class of their neighbours, so subheadings
   between paragraphs stay while menus, kickers and button rows around them go;
5. a series of teasers (kicker/headline + optional one-line dek) closing the page is cut.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .dates import byline_of, is_date_line
from .lexicon import Cues, connectives, cues, stopwords
from .normalize import normalize_text, strip_decor, unwrap_blocks

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?…]['\"“”«»‘’)\]]*$|[.!?]\s*\((?:[\w/,. ]{1,30})\)$")
# A credit glued to the end of a caption: "... telefoniert. Bild: keystone",
# "... ein.(Bild: AFP/Alexander NEMENOV)".
_TRAILING_CREDIT = re.compile(
    r"\s*\(?\s*\b(?:Foto|Fotos|Bild|Bilder|Photo|Credit|Quelle|Grafik|Video)\s*:\s*"
    r"[^.!?()]{1,70}\)?\s*$"
)
_DUP_KEY = re.compile(r"[\W_]+")

# Thresholds of the first classification (jusText uses 70/200 chars and 0.30/0.32 for
# stopwords; German news sentences are long, one-sentence paragraphs are common).
GOOD_MIN_WORDS = 10
GOOD_MIN_CHARS = 200
NEARGOOD_MIN_WORDS = 4
MIN_STOP_RATIO = 0.15
NEARGOOD_MIN_STOP = 0.08
NEARGOOD_REACH = 3  # a short sentence stays when article prose is at most this many lines away
TEASER_MIN_HEADLINES = 3
CUE_MAX_WORDS = 40  # a cue never removes a long paragraph
FLOATING_CUE_MAX_WORDS = 30  # cues matched anywhere in a line: boxes' sentences are short
HEADLINE_MAX_WORDS = 20
TERMINAL_MIN_BODY_CHARS = 200  # a terminal cue counts only after this much article text
TEASER_DEK_MAX_CHARS = 350
# A terminal cue followed by this many consecutive long paragraphs was a subheading.
RESUME_PARAGRAPHS = 3
RESUME_MIN_CHARS = 150
# Lexical cohesion with the article (see _coheres): shared content words (>= 5 letters).
COHESION_MIN_SHARED = 2
COHESION_MIN_SHARE = 0.3
CAPTION_MAX_WORDS = 25
CAPTION_SIMILARITY = 0.5  # word overlap (Jaccard) of two lines describing the same photo
CREDIT_MAX_WORDS = 8  # a longer "credit" line carries its own caption
_HEADLINE_REASONS = frozenset({"short", "heading", "repeated"})
_TRANSPARENT = frozenset({"line", "credit", "related", "box", "teaser", "caption", "repeated",
                          "dateline", "byline", "no-words", "nav", "foreign"})  # fmt: skip
_PHOTO_BLOCK = frozenset({"credit", "caption", "foreign", "repeated"})
_INNER_SENTENCE_END = re.compile(r"[.!?][\"“”»]?\s+[„\"«A-ZÄÖÜ]")


@dataclass(frozen=True)
class Line:
    """One non-blank line of the page with the features the classifier uses."""

    index: int  # position among non-blank lines
    raw: str  # the line as on the page
    text: str  # without decoration and trailing credit
    block: int  # blank-line-separated block number
    words: int
    stop_de: float
    stop_en: float
    ends_sentence: bool
    cue: str | None
    credit: str  # a photo credit cut from the end of the line ("Bild: keystone"), or ""


@dataclass(frozen=True)
class Verdict:
    line: Line
    keep: bool
    reason: str  # "body", "heading", or why the line was removed


@dataclass(frozen=True)
class Split:
    """The page cut into body paragraphs and removed blocks, with the evidence."""

    body: tuple[str, ...]
    removed: tuple[str, ...]
    verdicts: tuple[Verdict, ...]
    first_body: int  # index of the first kept line (len(verdicts) when none)
    end: int  # index of the terminal cue (len(verdicts) when none)


def features(text: str, cue_table: Cues | None = None) -> list[Line]:
    """Split normalised page text into lines and measure each one."""
    table = cue_table or cues()
    de, en = stopwords("de"), stopwords("en")
    out: list[Line] = []
    block = 0
    for raw in unwrap_blocks(normalize_text(text)).split("\n"):
        if not raw:
            block += 1
            continue
        clean = strip_decor(raw)
        # The credit regex is the costliest per line: run it only where a label can be.
        stripped = _TRAILING_CREDIT.sub("", clean) if ":" in clean[-90:] else clean
        has_credit = stripped != clean and len(stripped) > 20
        line = stripped if has_credit else clean
        words = [w.lower() for w in _WORD.findall(line)]
        n = len(words) or 1
        cue = (
            _cue_of(table, clean, len(words) <= FLOATING_CUE_MAX_WORDS)
            if len(words) <= CUE_MAX_WORDS
            else None
        )
        out.append(
            Line(
                index=len(out),
                raw=raw,
                text=line,
                block=block,
                words=len(words),
                stop_de=len([w for w in words if w in de]) / n,
                stop_en=len([w for w in words if w in en]) / n,
                ends_sentence=bool(_SENTENCE_END.search(line)),
                cue=cue,
                credit=clean[len(stripped) :].strip() if has_credit else "",
            )
        )
    return out


@lru_cache(maxsize=20_000)
def _cue_of(table: Cues, line: str, floating: bool) -> str | None:
    # Menus, buttons and footers repeat on every page of an outlet: match them once.
    return table.kind_of(line, floating)


def _dup_key(line: Line) -> str:
    # Long paragraphs are not compared: repeats are titles, captions and kickers.
    if line.words > CUE_MAX_WORDS:
        return f"#{line.index}"
    return _DUP_KEY.sub(" ", line.text.lower()).strip()


def _first_class(line: Line, dup_count: int) -> tuple[str, str]:
    """(class, reason) before context: good / neargood / short / bad."""
    if line.cue:
        return "bad", line.cue
    if is_date_line(line.text):
        return "bad", "dateline"
    if not _LETTER.search(line.text):
        return "bad", "no-words"
    if dup_count > 1 and line.words >= 3:
        return "bad", "repeated"
    if byline_of(line.text):
        return "bad", "byline"
    if line.words >= 4 and line.stop_en > 0.2 and line.stop_en > line.stop_de + 0.05:
        return "bad", "foreign"
    if line.words >= 8 and line.stop_de < 0.08:
        return "bad", "keywords"
    prose = line.stop_de >= MIN_STOP_RATIO
    if prose and ((line.words >= GOOD_MIN_WORDS and line.ends_sentence) or len(line.text) >= GOOD_MIN_CHARS):
        return "good", "body"
    # Headline-style ledes ("Pentagon legt Programm auf Eis.") have few function words but
    # end like a sentence.
    if line.stop_de >= NEARGOOD_MIN_STOP and line.words >= NEARGOOD_MIN_WORDS and line.ends_sentence:
        return "neargood", "body"
    return "short", "short"


def _headline_like(line: Line) -> bool:
    return 0 < line.words <= HEADLINE_MAX_WORDS and not line.text.endswith(".")


class _Classes:
    """Mutable per-line classes while the passes run (local to one call)."""

    def __init__(self, lines: list[Line]) -> None:
        keys = [_dup_key(ln) for ln in lines]
        counts = Counter(keys)
        self.lines = lines
        firsts = [_first_class(ln, counts[k]) for ln, k in zip(lines, keys, strict=True)]
        self.cls = [c for c, _ in firsts]
        self.reason = [r for _, r in firsts]
        self.blocked = len({ln.block for ln in lines}) > 3  # the page uses blank lines

    def set(self, i: int, cls: str, reason: str) -> None:
        self.cls[i], self.reason[i] = cls, reason

    def neighbours(self, step: int, skip_neargood: bool) -> list[str]:
        """For every line, the class of the next line in direction ``step`` that is not short;
        page edge = bad.

        A photo block (caption, credit) between a subheading and the paragraph around it is
        skipped, so the subheading still sees article text on both sides. Boxes are not
        skipped: their header would pass for a subheading.

        One pass for all lines: walking from each short line instead is O(n^2) on a run of
        short lines (a table flattened to one cell per line)."""
        found = ["bad"] * len(self.cls)
        last = "bad"  # the page edge
        order = range(len(self.cls)) if step < 0 else range(len(self.cls) - 1, -1, -1)
        for j in order:
            found[j] = last
            c = self.cls[j]
            skip = c == "short" or (skip_neargood and c == "neargood")
            if not (skip or (c == "bad" and self.reason[j] in _PHOTO_BLOCK)):
                last = c
        return found


def _cut_terminal(c: _Classes) -> int:
    seen = paragraphs = 0
    for i, ln in enumerate(c.lines):
        # "Kommentare" next to the headline is a counter link, not the comment section:
        # honour a terminal cue only after real article text (a dek is one paragraph).
        enough = seen >= TERMINAL_MIN_BODY_CHARS and paragraphs >= 2
        if ln.cue == "terminal" and enough and not _prose_follows(c, i):
            for j in range(i, len(c.lines)):
                c.set(j, "bad", "after-end" if j > i else "terminal")
            return i
        if c.cls[i] == "good":
            seen += len(ln.text)
            paragraphs += 1
    return len(c.lines)


def _content_words(line: Line) -> set[str]:
    de = stopwords("de")
    return {w for w in _WORD.findall(line.text.lower()) if len(w) >= 5 and w not in de}


def _opens_with_connective(line: Line) -> bool:
    first = _WORD.match(line.text)
    return first is not None and first.group().lower() in connectives()


def _coheres(c: _Classes, i: int) -> bool:
    """Lexical cohesion: the line shares content words with the article's prose.

    A teaser's dek is about another story; a one-sentence paragraph of the article repeats
    its names and nouns. Decides the cases where layout alone cannot (a page without blank
    lines, "Lesen Sie auch" + headline + one sentence)."""
    if _opens_with_connective(c.lines[i]):
        return True  # "Zudem verhängte ...", "Er sagte ...": continues the text above
    words = _content_words(c.lines[i])
    if not words:
        return False
    vocab: set[str] = set()
    for j, cls in enumerate(c.cls):
        if j != i and cls in ("good", "neargood"):
            vocab |= _content_words(c.lines[j])
    shared = len(words & vocab)
    return shared >= COHESION_MIN_SHARED or shared / len(words) >= COHESION_MIN_SHARE


def _prose_follows(c: _Classes, i: int) -> bool:
    """Article prose right after a terminal cue: it was a subheading ("Weitere Meldungen"
    over a news round-up). Comments and teasers never form such a run: user names, times,
    buttons and headlines sit between them."""
    run = 0
    for j in range(i + 1, len(c.lines)):
        if c.cls[j] == "good" and len(c.lines[j].text) >= RESUME_MIN_CHARS:
            run += 1
            if run >= RESUME_PARAGRAPHS:
                return True
        else:
            run = 0
    return False


def _take_teasers(c: _Classes) -> None:
    """After a "Lesen Sie auch" cue: the teaser headline(s) and a dek in the same block.

    On a page with blank lines between paragraphs, a short line printed in the cue's own
    block belongs to the box (an author bio under "Über die Autorin").
    """
    for i, ln in enumerate(c.lines):
        if ln.cue not in ("related", "box"):
            continue
        taken = 0
        for j in range(i + 1, min(i + 5, len(c.lines))):
            nxt = c.lines[j]
            if _headline_like(nxt) and c.reason[j] in ("short", "repeated"):
                c.set(j, "bad", "teaser")
                taken += 1
                continue
            if c.cls[j] == "bad":
                continue
            if ln.cue == "box" and len(nxt.text) <= TEASER_DEK_MAX_CHARS:
                c.set(j, "bad", "box")  # the bio under "Über die Autorin"
            elif (
                taken
                and len(nxt.text) <= TEASER_DEK_MAX_CHARS
                and (
                    nxt.block == c.lines[j - 1].block
                    if c.blocked
                    else not _INNER_SENTENCE_END.search(nxt.text)
                    and len(nxt.text) <= 200
                    and not _coheres(c, j)
                )
            ):
                c.set(j, "bad", "teaser")  # the dek under the teaser headline
            break


def _take_comments(c: _Classes) -> None:
    """Text framed by comment furniture ("vor 2 Stunden" above, "Antworten" below) is a
    reader comment, wherever the comment section starts."""
    n = len(c.lines)
    for i in range(n):
        if c.cls[i] == "bad":
            continue
        above = any(c.lines[j].cue == "comment" for j in range(max(0, i - 2), i))
        below = any(c.lines[j].cue == "comment" for j in range(i + 1, min(n, i + 3)))
        if above and below:
            c.set(i, "bad", "comment")


def _take_captions(c: _Classes) -> None:
    """A credit line takes the caption line(s) printed just before it."""
    for i, ln in enumerate(c.lines):
        if ln.cue != "credit" or ln.words > CREDIT_MAX_WORDS:
            continue
        for j in (i - 1, i - 2):
            if j < 0 or c.cls[j] == "bad" and c.reason[j] != "repeated":
                break
            prev = c.lines[j]
            same_block = not c.blocked or prev.block == ln.block
            one_sentence = prev.words <= CAPTION_MAX_WORDS and not _INNER_SENTENCE_END.search(prev.text)
            if (
                c.cls[j] == "short"
                or c.reason[j] == "repeated"
                or (same_block and one_sentence and j == i - 1)
                or (j == i - 2 and c.reason[i - 1] == "caption" and _similar(prev, c.lines[i - 1]))
            ):
                c.set(j, "bad", "caption")
            else:
                break


def _similar(a: Line, b: Line) -> bool:
    """Two wordings of one caption (the photo's teaser line and its caption)."""
    wa, wb = set(_WORD.findall(a.text.lower())), set(_WORD.findall(b.text.lower()))
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= CAPTION_SIMILARITY


def _resolve_context(c: _Classes) -> None:
    """jusText's context step: short and neargood lines follow their neighbours."""
    new: dict[int, tuple[str, str]] = {}
    before, after = c.neighbours(-1, True), c.neighbours(1, True)
    before_ng, after_ng = c.neighbours(-1, False), c.neighbours(1, False)
    for i, cls in enumerate(c.cls):
        if cls != "short":
            continue
        prev, nxt = before[i], after[i]
        if prev == "good" and nxt == "good":
            new[i] = ("good", "heading")
        elif prev == "bad" and nxt == "bad":
            new[i] = ("bad", "short")
        elif (prev == "bad" and before_ng[i] == "neargood") or (nxt == "bad" and after_ng[i] == "neargood"):
            new[i] = ("good", "heading")
        else:
            new[i] = ("bad", "short")
    for i, (cls, reason) in new.items():
        c.set(i, cls, reason)
    # A short sentence near article prose is article (a lead before a photo block, a
    # one-line paragraph between two boxes); far from it, it is a box's text.
    # Lines removed by a cue (boxes, credits, buttons) do not count as distance.
    visible = [i for i in range(len(c.cls)) if c.reason[i] not in _TRANSPARENT]
    rank = {line: r for r, line in enumerate(visible)}
    good = [rank[i] for i in visible if c.cls[i] == "good"]
    if not good:
        # A page of short sentences only (a snippet, a one-line note) has no long prose to
        # anchor on: its sentences are the article, not an isolated box.
        good = [rank[i] for i in visible if c.cls[i] == "neargood"]
    for i, cls in enumerate(c.cls):
        if cls != "neargood":
            continue
        if _within(good, rank[i], NEARGOOD_REACH):
            c.set(i, "good", "body")
        else:
            c.set(i, "bad", "isolated")


def _within(ranks: list[int], r: int, reach: int) -> bool:
    """Whether a rank in the ascending ``ranks`` is at most ``reach`` from ``r``.

    Only the nearest rank on each side can be: a scan of all of them for every line is
    O(n^2) on a long page (20,000 prose lines and as many near-good ones)."""
    k = bisect_left(ranks, r)
    return (k < len(ranks) and ranks[k] - r <= reach) or (k > 0 and r - ranks[k - 1] <= reach)


def _is_dek(c: _Classes, i: int) -> bool:
    """A one-line summary printed right under a teaser headline (same block)."""
    ln = c.lines[i]
    if i == 0 or len(ln.text) > TEASER_DEK_MAX_CHARS:
        return False
    if not (c.cls[i] == "good" or c.reason[i] == "isolated") or _opens_with_connective(ln):
        return False
    head = c.lines[i - 1]
    same_block = not c.blocked or head.block == ln.block
    return same_block and _headline_like(head) and c.reason[i - 1] in _HEADLINE_REASONS


def _cut_teaser_series(c: _Classes, end: int) -> None:
    """Cut teasers of other stories closing the page: kicker/headline lines, each group
    followed by at most one short dek, at least three headlines in a row of such units.

    Walks back from the end of the article region over every line (kept or not), because
    the headlines of a teaser list are often already removed while their deks were kept.
    """
    units: list[tuple[int, int]] = []  # (headline-like lines, deks) per unit, last first
    run: list[int] = []
    heads = deks = 0
    i = end - 1
    while i >= 0:
        ln = c.lines[i]
        if _headline_like(ln) and c.reason[i] in _HEADLINE_REASONS:
            run.append(i)
            heads += 1
            i -= 1
            continue
        if c.cls[i] == "bad" and c.reason[i] not in ("isolated", "short"):
            i -= 1  # buttons, credits, ads between teasers
            continue
        if _is_dek(c, i):
            units.append((heads, deks))
            heads, deks = 0, 1
            run.append(i)
            i -= 1
            continue
        break
    units.append((heads, deks))
    headlines = sum(h for h, _ in units)
    dek_count = sum(d for _, d in units)
    # kicker + headline pairs: runs of adjacent headline-like lines
    head_lines = sorted(j for j in run if _headline_like(c.lines[j]))
    groups = [1]
    for a, b in zip(head_lines, head_lines[1:], strict=False):
        if b == a + 1:
            groups[-1] += 1
        else:
            groups.append(1)
    two_line = sum(1 for g in groups if g >= 2)
    teaser_like = two_line >= 2 or dek_count == 0 or headlines >= 2 * dek_count + 2
    if headlines >= TEASER_MIN_HEADLINES and teaser_like:
        for j in run:
            if c.cls[j] == "good" or c.reason[j] == "isolated":
                c.set(j, "bad", "teaser")


def split_body(text: str, extracted: bool = False) -> Split:
    """Separate the article body of a plain-text page from its boilerplate.

    ``extracted``: the text is the output of a main-text extractor (trafilatura), whose
    block structure is already right; only lines that are boilerplate by themselves (cues,
    credits, captions, datelines, repeats) go, short lines are not judged by context.
    """
    lines = features(text)
    c = _Classes(lines)
    end = _cut_terminal(c)
    _take_teasers(c)
    _take_captions(c)
    _take_comments(c)
    if extracted:
        for i, cls in enumerate(c.cls):
            if cls in ("short", "neargood"):
                c.set(i, "good", "heading" if cls == "short" else "body")
    else:
        _resolve_context(c)
    _cut_teaser_series(c, end)
    verdicts = tuple(Verdict(ln, c.cls[i] == "good", c.reason[i]) for i, ln in enumerate(lines))
    body = tuple(v.line.text for v in verdicts if v.keep)
    first = next((i for i, v in enumerate(verdicts) if v.keep), len(verdicts))
    return Split(body, _removed_blocks(verdicts), verdicts, first, end)


def _removed_blocks(verdicts: tuple[Verdict, ...]) -> tuple[str, ...]:
    """Consecutive removed lines grouped into blocks; trailing credits count as removed."""
    blocks: list[list[str]] = []
    open_block = False
    for v in verdicts:
        if v.keep:
            open_block = False
            if v.line.credit:
                blocks.append([v.line.credit])
            continue
        if not open_block:
            blocks.append([])
            open_block = True
        blocks[-1].append(v.line.raw)
    return tuple("\n".join(b) for b in blocks if b)
