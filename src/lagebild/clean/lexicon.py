"""The cleaning heuristics kept as data: cue lists, stopwords and outlet signatures.

Files live in ``clean/data/`` and are read once per process. Each file says in its header
what its columns mean; lines starting with ``#`` are comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError

# Checked in this order: credits are specific, so they win over the generic "line" cues.
CUE_KINDS = ("terminal", "related", "box", "credit", "line", "comment", "nav")


@dataclass(frozen=True, eq=False)  # hashed by identity: one table per process
class Cues:
    """Per cue kind, one alternation of the patterns anchored at the line start and one of
    the others. The regex engine tries an anchored pattern at position 0 only, so most of
    the ~100 cues cost one cheap match; lines are lowercased once instead of matching
    case-insensitively (measured: 3x faster than one IGNORECASE alternation per kind)."""

    anchored: dict[str, re.Pattern[str]]
    floating: dict[str, re.Pattern[str] | None]

    def kind_of(self, line: str, floating: bool = True) -> str | None:
        """The first cue kind whose pattern matches ``line`` (order of ``CUE_KINDS``).

        ``floating=False`` tries only the patterns anchored at the line start (the cheap
        ones), for long lines where a box's text is unlikely."""
        low = line.lower()
        for kind in CUE_KINDS:
            if self.anchored[kind].match(low):
                return kind
            pattern = self.floating[kind]
            if floating and pattern is not None and pattern.search(low):
                return kind
        return None


@dataclass(frozen=True)
class OutletSignature:
    pattern: re.Pattern[str]
    outlet: str


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return rows[1:]  # the first non-comment row is the column header


@lru_cache(maxsize=1)
def cues() -> Cues:
    anchored: dict[str, list[str]] = {k: [] for k in CUE_KINDS}
    floating: dict[str, list[str]] = {k: [] for k in CUE_KINDS}
    for row in _data_rows("cues.tsv"):
        kind, pattern = row[0], row[1]
        if kind not in anchored:
            raise ConfigError(f"clean/data/cues.tsv: unknown cue kind {kind!r}")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"clean/data/cues.tsv: bad pattern {pattern!r}: {exc}") from exc
        # "^a|b" is not anchored as a whole: only a pattern without top-level "|" may go
        # into the anchored alternation.
        if pattern.startswith("^") and not _top_level_alternation(pattern):
            anchored[kind].append(f"(?:{pattern[1:]})")
        else:
            floating[kind].append(f"(?:{pattern})")
    return Cues(
        {k: re.compile("|".join(v) or r"(?!)") for k, v in anchored.items()},
        {k: re.compile("|".join(v)) if v else None for k, v in floating.items()},
    )


def _top_level_alternation(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


@lru_cache(maxsize=1)
def outlet_signatures() -> tuple[OutletSignature, ...]:
    return tuple(OutletSignature(re.compile(r[0]), r[1]) for r in _data_rows("outlets.tsv"))


@lru_cache(maxsize=4)
def stopwords(lang: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", f"stopwords_{lang}.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def connectives() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", "connectives_de.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))
