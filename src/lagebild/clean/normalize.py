"""Whitespace and character normalisation shared by every input kind."""

from __future__ import annotations

import re
import unicodedata

# Characters that render as nothing in a browser's saved text, and C0/C1 control characters
# other than tab and newline (those come from broken files only). One regex pass is ~10x
# faster than str.translate with a dict.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
# Decorative bullets and arrows that open teaser-ish body lines ("▶︎ Zum Jolly Joker ...").
_LEADING_DECOR = re.compile(r"^[\u25b6\u25ba\u27a4\u2192\u2022\u25cf\u25aa\u2023\ufe0e\ufe0f ]+")
_MANY_BLANKS = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """NFC, unified line breaks, one space between words, no trailing blanks."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    # str.split() without argument splits on every Unicode space (NBSP, thin space, ...).
    lines = [" ".join(ln.split()) for ln in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip()


def strip_decor(line: str) -> str:
    return _LEADING_DECOR.sub("", line)


def paragraphs_of(text: str) -> list[str]:
    """Paragraphs of already-extracted text: blank-line blocks, hard-wrapped lines re-joined.

    A line break inside a block is kept as a paragraph break unless the block looks
    hard-wrapped (most lines of similar length, not ending a sentence), because the sentence
    splitter treats every line break as a boundary.
    """
    out: list[str] = []
    for block in normalize_text(text).split("\n\n"):
        lines = [ln for ln in block.split("\n") if ln]
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _hard_wrapped(lines: list[str]) -> bool:
    if len(lines) == 2:  # a long line broken mid-sentence: the rest starts in lower case
        first, second = lines
        return len(first) >= 60 and second[:1].islower() and not first.endswith((".", "!", "?", ":"))
    if len(lines) < 3:
        return False
    body = lines[:-1]  # the last line of a wrapped paragraph is short
    lengths = [len(ln) for ln in body]
    open_ends = sum(1 for ln in body if not ln.endswith((".", "!", "?", ":", '"', "“", "«")))
    return min(lengths) >= 40 and max(lengths) - min(lengths) <= 25 and open_ends >= len(body) / 2


def unwrap_blocks(text: str) -> str:
    """Re-join hard-wrapped paragraphs (``lynx -dump``, e-mail) in normalised text; other
    blocks are left line by line."""
    blocks = text.split("\n\n")
    out = []
    for block in blocks:
        lines = block.split("\n")
        out.append(" ".join(lines) if _hard_wrapped(lines) else block)
    return "\n\n".join(out)
